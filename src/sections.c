/* Heading → section kind, and the split of a document into sections. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "sections.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"
#include "yaml_tree.h"

/* A bold line longer than this is a sentence, not a heading. */
#define MAX_PSEUDO_HEADING_BYTES 48

struct kind_matcher {
	enum rl_section_kind kind;
	pcre2_code *names;  /* ^(?:a|b|...)$ over the normalized heading */
	pcre2_code *words;  /* a word in the heading starts with one of these */
};

struct rl_section_table {
	struct kind_matcher *m;
	size_t n, cap;
	pcre2_code *punct;  /* runs of what is neither letter nor digit */
	pcre2_match_data *md;
};

static pcre2_code *compile(const char *pattern, size_t len, char *err, size_t errlen)
{
	int code;
	PCRE2_SIZE at;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len,
				       PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &at, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "%s", (char *)msg);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
	return re;
}

/* Replaces runs of non-letters with one space and trims, into out. */
static void normalize(const struct rl_section_table *t, const char *s, size_t len, struct rl_buf *out)
{
	PCRE2_UCHAR tmp[512];
	PCRE2_SIZE outlen = sizeof tmp;
	rl_buf_clear(out);
	if (len > 400)
		len = 400; /* a heading longer than this names no section */
	int rc = pcre2_substitute(t->punct, (PCRE2_SPTR)s, len, 0, PCRE2_SUBSTITUTE_GLOBAL, t->md,
				  NULL, (PCRE2_SPTR) " ", 1, tmp, &outlen);
	if (rc < 0) {
		rl_buf_add(out, s, len);
		return;
	}
	size_t a = 0, b = outlen;
	while (a < b && tmp[a] == ' ')
		a++;
	while (b > a && tmp[b - 1] == ' ')
		b--;
	rl_buf_add(out, tmp + a, b - a);
}

static void quote_into(struct rl_buf *re, const char *s)
{
	rl_buf_adds(re, "\\Q");
	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'E')
			rl_buf_adds(re, "\\E\\\\E\\Q"), s++;
		else
			rl_buf_addc(re, *s);
	}
	rl_buf_adds(re, "\\E");
}

static pcre2_code *build_alternation(struct rl_section_table *t, const struct rl_ynode *list,
				     const char *pre, const char *post, const char *path,
				     struct rl_diags *diags)
{
	struct rl_buf re, norm;
	char err[200];
	if (list->n == 0)
		return NULL; /* an empty alternation would match every heading */
	rl_buf_init(&re);
	rl_buf_init(&norm);
	rl_buf_adds(&re, pre);
	rl_buf_adds(&re, "(?:");
	for (size_t i = 0; i < list->n; i++) {
		const struct rl_ynode *it = list->items[i];
		if (it->type != RL_Y_SCALAR) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, it->line, it->col, "expected a heading text");
			continue;
		}
		normalize(t, it->value, it->value_len, &norm);
		if (i)
			rl_buf_addc(&re, '|');
		quote_into(&re, norm.data);
	}
	rl_buf_addc(&re, ')');
	rl_buf_adds(&re, post);
	pcre2_code *code = compile(re.data, re.len, err, sizeof err);
	if (!code)
		rl_diags_add(diags, RL_DIAG_ERROR, path, list->line, list->col, "bad list: %s", err);
	rl_buf_free(&re);
	rl_buf_free(&norm);
	return code;
}

struct rl_section_table *rl_section_table_load(const char *path, struct rl_diags *diags)
{
	struct rl_section_table *t = rl_xcalloc(1, sizeof *t);
	char err[200];
	size_t before = diags->errors;
	t->punct = compile("[^\\p{L}\\p{N}]+", PCRE2_ZERO_TERMINATED, err, sizeof err);
	t->md = pcre2_match_data_create(4, NULL);

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
			pcre2_code **slot = names ? &m->names : &m->words;
			pcre2_code_free(*slot);
			*slot = names ? build_alternation(t, list, "^", "$", path, diags)
				      : build_alternation(t, list, "(?<![\\p{L}\\p{N}])", "", path, diags);
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
		pcre2_code_free(t->m[i].names);
		pcre2_code_free(t->m[i].words);
	}
	free(t->m);
	pcre2_code_free(t->punct);
	pcre2_match_data_free(t->md);
	free(t);
}

static int matches(const struct rl_section_table *t, const pcre2_code *re, const struct rl_buf *s)
{
	return re && pcre2_match(re, (PCRE2_SPTR)s->data, s->len, 0, 0, t->md, NULL) >= 0;
}

int rl_section_table_match(const struct rl_section_table *t, const char *heading, size_t len,
			   int exact_only)
{
	struct rl_buf norm;
	int kind = -1;
	rl_buf_init(&norm);
	normalize(t, heading, len, &norm);
	if (norm.len) {
		for (size_t i = 0; i < t->n && kind < 0; i++)
			if (matches(t, t->m[i].names, &norm))
				kind = (int)t->m[i].kind;
		for (size_t i = 0; i < t->n && kind < 0 && !exact_only; i++)
			if (matches(t, t->m[i].words, &norm))
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
			cur_level = heading ? b->level : 7;
		} else if (heading && !seen_content && doc->nsections == 1) {
			/* the document's title: the person's name */
			doc->sections[0].heading = (long)i;
			cur_level = b->level;
		} else if (heading && cur_level && b->level <= cur_level) {
			add_section(doc, RL_SEC_OTHER, (long)i, i);
			b->flags |= RL_BF_SECTION_HEADING;
			cur_level = b->level;
		} else if (heading && !cur_level) {
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
