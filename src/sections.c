/* Heading → section kind, and the split of a document into sections. */
#include "sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"
#include "file.h"
#include "yaml_tree.h"

/* A bold line longer than this is a sentence, not a heading. */
#define MAX_PSEUDO_HEADING_BYTES 48
/* Longer headings name no section; also bounds the work per heading. */
#define MAX_HEADING_BYTES 400

/* Headings and table entries are compared after rl_utf8_fold_words: lower
 * case, punctuation and symbols as single spaces. */
struct kind_matcher {
	enum rl_section_kind kind;
	char **names;  /* whole headings */
	size_t nnames;
	char **words;  /* a word of the heading starts with one of these */
	size_t nwords;
};

struct rl_section_table {
	struct kind_matcher *m;
	size_t n, cap;
};

static char **fold_list(const struct rl_ynode *list, size_t *n, const char *path, struct rl_diags *diags)
{
	char **v = rl_xreallocarray(NULL, list->n ? list->n : 1, sizeof *v);
	struct rl_buf b;
	rl_buf_init(&b);
	*n = 0;
	for (size_t i = 0; i < list->n; i++) {
		const struct rl_ynode *it = list->items[i];
		if (it->type != RL_Y_SCALAR) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, it->line, it->col, "expected a heading text");
			continue;
		}
		rl_buf_clear(&b);
		rl_utf8_fold_words(it->value, it->value_len, &b);
		if (!b.len) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, it->line, it->col,
				     "'%s' has no letters or digits to match", it->value);
			continue;
		}
		v[(*n)++] = rl_xstrdup(b.data);
	}
	rl_buf_free(&b);
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

struct rl_section_table *rl_section_table_load(const char *path, struct rl_diags *diags)
{
	struct rl_section_table *t = rl_xcalloc(1, sizeof *t);
	size_t before = diags->errors;
	struct rl_file file;
	if (rl_file_read(path, RL_MAX_RULE_FILE_BYTES, &file, diags)) {
		rl_section_table_free(t);
		return NULL;
	}
	struct rl_source *src = rl_source_new(path, file.bytes, file.len);
	rl_file_free(&file);
	struct rl_ynode *root = rl_yaml_parse(src, 0, src->len, diags);
	if (root && root->type != RL_Y_MAP)
		rl_diags_add(diags, RL_DIAG_ERROR, path, root->line, root->col,
			     "expected a map of section kinds");
	for (size_t i = 0; root && root->type == RL_Y_MAP && i + 1 < root->n; i += 2) {
		const struct rl_ynode *k = root->items[i], *v = root->items[i + 1];
		int kind = rl_section_kind_parse(k->value);
		if (kind < 0) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, k->line, k->col, "unknown section kind '%s'",
				     k->value);
			continue;
		}
		if (v->type != RL_Y_MAP) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, v->line, v->col,
				     "expected a map with 'names' and 'words'");
			continue;
		}
		RL_GROW(t->m, t->n, t->cap);
		struct kind_matcher *m = &t->m[t->n++];
		memset(m, 0, sizeof *m);
		m->kind = (enum rl_section_kind)kind;
		for (size_t j = 0; j + 1 < v->n; j += 2) {
			const struct rl_ynode *key = v->items[j], *list = v->items[j + 1];
			int names = strcmp(key->value, "names") == 0;
			if (!names && strcmp(key->value, "words") != 0) {
				rl_diags_add(diags, RL_DIAG_ERROR, path, key->line, key->col,
					     "unknown key '%s' (expected 'names' or 'words')", key->value);
				continue;
			}
			if (list->type != RL_Y_SEQ) {
				rl_diags_add(diags, RL_DIAG_ERROR, path, list->line, list->col,
					     "'%s' must be a list", key->value);
				continue;
			}
			if (names) {
				free_list(m->names, m->nnames);
				m->names = fold_list(list, &m->nnames, path, diags);
			} else {
				free_list(m->words, m->nwords);
				m->words = fold_list(list, &m->nwords, path, diags);
			}
		}
	}
	rl_ynode_free(root);
	rl_source_free(src);
	if (diags->errors > before) {
		rl_section_table_free(t);
		return NULL;
	}
	return t;
}

void rl_section_table_free(struct rl_section_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free_list(t->m[i].names, t->m[i].nnames);
		free_list(t->m[i].words, t->m[i].nwords);
	}
	free(t->m);
	free(t);
}

static int has_word_prefix(const char *heading, const char *prefix)
{
	size_t n = strlen(prefix);
	for (const char *p = heading; *p;) {
		if (strncmp(p, prefix, n) == 0)
			return 1;
		p = strchr(p, ' ');
		if (!p)
			break;
		p++;
	}
	return 0;
}

int rl_section_table_match(const struct rl_section_table *t, const char *heading, size_t len,
			   int exact_only)
{
	struct rl_buf norm;
	int kind = -1;
	if (len > MAX_HEADING_BYTES)
		return -1;
	rl_buf_init(&norm);
	rl_utf8_fold_words(heading, len, &norm);
	if (norm.len) {
		for (size_t i = 0; i < t->n && kind < 0; i++)
			for (size_t k = 0; k < t->m[i].nnames && kind < 0; k++)
				if (strcmp(norm.data, t->m[i].names[k]) == 0)
					kind = (int)t->m[i].kind;
		for (size_t i = 0; i < t->n && kind < 0 && !exact_only; i++)
			for (size_t k = 0; k < t->m[i].nwords && kind < 0; k++)
				if (has_word_prefix(norm.data, t->m[i].words[k]))
					kind = (int)t->m[i].kind;
	}
	rl_buf_free(&norm);
	return kind;
}

/* A short paragraph that is all bold, or a short line in capitals, can be a
 * heading in resumes that do not use heading markup. */
static int pseudo_heading(const struct rl_block *b)
{
	if (b->kind != RL_BLOCK_PARAGRAPH || b->text_len > MAX_PSEUDO_HEADING_BYTES)
		return 0;
	if (b->flags & RL_BF_STRONG)
		return 1;
	int letters = 0;
	for (size_t i = 0; i < b->text_len; i++) {
		unsigned char c = (unsigned char)b->text[i];
		if (c >= 'a' && c <= 'z')
			return 0;
		if (c >= 'A' && c <= 'Z')
			letters++;
	}
	return letters >= 4;
}

static struct rl_section *add_section(struct rl_doc *doc, enum rl_section_kind kind, long heading,
				      size_t first)
{
	RL_GROW(doc->sections, doc->nsections, doc->cap_sections);
	struct rl_section *s = &doc->sections[doc->nsections++];
	s->kind = kind;
	s->heading = heading;
	s->first = first;
	s->count = 0;
	return s;
}

void rl_sections_classify(struct rl_doc *doc, const struct rl_section_table *t)
{
	unsigned cur_level = 0; /* heading level of the current section, 0 = none */
	int seen_content = 0;
	doc->nsections = 0;
	add_section(doc, RL_SEC_CONTACT, -1, 0);
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct rl_block *b = &doc->blocks[i];
		int kind = -1, heading = b->kind == RL_BLOCK_HEADING;
		if (heading)
			kind = rl_section_table_match(t, b->text, b->text_len, 0);
		else if (pseudo_heading(b))
			kind = rl_section_table_match(t, b->text, b->text_len, 1);

		if (kind >= 0) {
			add_section(doc, (enum rl_section_kind)kind, (long)i, i);
			b->flags |= RL_BF_SECTION_HEADING;
			/* under a bold-line section, marked-up headings are its entries */
			cur_level = heading ? b->level : 0;
		} else if (heading && !seen_content && doc->nsections == 1) {
			/* the document's title: the person's name */
			doc->sections[0].heading = (long)i;
			cur_level = b->level;
		} else if (heading && doc->nsections == 1 && doc->sections[0].heading == (long)i - 1 &&
			   b->level > cur_level) {
			/* a subtitle right under the name: the headline */
		} else if (heading && (doc->nsections == 1 || b->level <= cur_level)) {
			/* after the name, a heading that names no section starts one
			 * of its own; deeper ones (a job, a school) stay in theirs */
			add_section(doc, RL_SEC_OTHER, (long)i, i);
			b->flags |= RL_BF_SECTION_HEADING;
			cur_level = b->level;
		}
		if (b->kind != RL_BLOCK_META)
			seen_content = 1;
		struct rl_section *s = &doc->sections[doc->nsections - 1];
		b->section = (unsigned)(doc->nsections - 1);
		s->count = i + 1 - s->first;
	}
}
