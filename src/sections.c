/* Heading → section kind, and the split of a document into sections. */
#include "sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"
#include "file.h"
#include "strmap.h"

/* A bold line longer than this is a sentence, not a heading. */
#define MAX_PSEUDO_HEADING_BYTES 48
/* Longer headings name no section; also bounds the work per heading. */
#define MAX_HEADING_BYTES 400

/* Headings and table entries are compared after rl_utf8_fold_words: lower
 * case, punctuation and symbols as single spaces. */
struct kind_matcher {
	enum rl_section_kind kind;
	char **names;  /* whole headings */
	size_t nnames, cap_names;
	char **words;  /* a word of the heading starts with one of these */
	size_t nwords, cap_words;
};

struct rl_section_table {
	struct kind_matcher *m;
	size_t n, cap;
	/* every name and word → the first matcher (index in m) listing it,
	 * built once loaded: a heading looked up in them instead of compared
	 * with each of the ~500 entries (which made the classifier cost as
	 * much as a rule) finds the same first kind in table order */
	struct rl_strmap name_at, word_at;
	size_t longest_word;
	int indexed;
};

static struct kind_matcher *matcher_for(struct rl_section_table *t, enum rl_section_kind kind)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->m[i].kind == kind)
			return &t->m[i];
	RL_GROW(t->m, t->n, t->cap);
	struct kind_matcher *m = &t->m[t->n++];
	memset(m, 0, sizeof *m);
	m->kind = kind;
	return m;
}

static void add_entry(char ***v, size_t *n, size_t *cap, const char *text)
{
	RL_GROW(*v, *n, *cap);
	(*v)[(*n)++] = rl_xstrdup(text);
}

/* One entry: KIND <TAB> name|word <TAB> TEXT. */
static void load_line(struct rl_section_table *t, const char *path, unsigned line, char *s, struct rl_buf *fold,
		      struct rl_diags *diags)
{
	char *tab1 = strchr(s, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	if (!tab2) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, line, 1, "expected KIND<TAB>name|word<TAB>TEXT");
		return;
	}
	*tab1 = *tab2 = '\0';
	int kind = rl_section_kind_parse(s);
	if (kind < 0) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, line, 1, "unknown section kind '%s'", s);
		return;
	}
	int name = strcmp(tab1 + 1, "name") == 0;
	if (!name && strcmp(tab1 + 1, "word") != 0) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, line, (unsigned)(tab1 + 2 - s),
			     "expected name or word, not '%s'", tab1 + 1);
		return;
	}
	rl_buf_clear(fold);
	rl_utf8_fold_words(tab2 + 1, strlen(tab2 + 1), fold);
	if (!fold->len) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, line, (unsigned)(tab2 + 2 - s),
			     "'%s' has no letters or digits to match", tab2 + 1);
		return;
	}
	struct kind_matcher *m = matcher_for(t, (enum rl_section_kind)kind);
	if (name)
		add_entry(&m->names, &m->nnames, &m->cap_names, fold->data);
	else
		add_entry(&m->words, &m->nwords, &m->cap_words, fold->data);
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
	struct rl_buf fold;
	rl_buf_init(&fold);
	unsigned line = 0;
	for (char *s = file.bytes; s && *s;) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		line++;
		size_t n = strlen(s);
		if (n && s[n - 1] == '\r')
			s[--n] = '\0';
		if (n && s[0] != '#')
			load_line(t, path, line, s, &fold, diags);
		s = nl ? nl + 1 : NULL;
	}
	rl_buf_free(&fold);
	rl_file_free(&file);
	if (diags->errors > before) {
		rl_section_table_free(t);
		return NULL;
	}
	rl_strmap_init(&t->name_at);
	rl_strmap_init(&t->word_at);
	t->indexed = 1;
	for (size_t i = 0; i < t->n; i++) {
		int added;
		for (size_t k = 0; k < t->m[i].nnames; k++) {
			uint32_t *at = rl_strmap_put(&t->name_at, t->m[i].names[k], strlen(t->m[i].names[k]), &added);
			if (added)
				*at = (uint32_t)i; /* the first matcher listing it wins */
		}
		for (size_t k = 0; k < t->m[i].nwords; k++) {
			size_t n = strlen(t->m[i].words[k]);
			uint32_t *at = rl_strmap_put(&t->word_at, t->m[i].words[k], n, &added);
			if (added)
				*at = (uint32_t)i;
			if (n > t->longest_word)
				t->longest_word = n;
		}
	}
	return t;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
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
	if (t->indexed) {
		rl_strmap_free(&t->name_at);
		rl_strmap_free(&t->word_at);
	}
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
	if (norm.len && t->indexed) {
		/* as the loops below, through the index: the whole heading, then
		 * every prefix of the heading from each word start */
		const uint32_t *at = rl_strmap_get(&t->name_at, norm.data, norm.len);
		if (at)
			kind = (int)t->m[*at].kind;
		size_t best = SIZE_MAX;
		for (const char *p = norm.data; kind < 0 && !exact_only && p;) {
			size_t rest = norm.len - (size_t)(p - norm.data);
			for (size_t n = 1; n <= rest && n <= t->longest_word; n++) {
				const uint32_t *w = rl_strmap_get(&t->word_at, p, n);
				if (w && *w < best)
					best = *w;
			}
			p = strchr(p, ' ');
			if (p)
				p++;
		}
		if (best != SIZE_MAX)
			kind = (int)t->m[best].kind;
	} else if (norm.len) {
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
 * heading in resumes that do not use heading markup; in a Word file, in a
 * table cell too (two-column templates put their sections in cells). */
static int pseudo_heading(const struct rl_doc *doc, const struct rl_block *b)
{
	int cell = b->kind == RL_BLOCK_TABLE_CELL && doc->format != RL_FORMAT_MARKDOWN;
	if ((b->kind != RL_BLOCK_PARAGRAPH && !cell) || b->text_len > MAX_PSEUDO_HEADING_BYTES)
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

/* A heading that names a job or a school rather than a section: a year,
 * an entry's separators, or "X at Y". */
static int entry_like(const struct rl_block *b)
{
	static const char *const marks[] = { "|", "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */, ",",
					     "\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */, " at ", " @ ", NULL };
	for (size_t i = 0; i < b->text_len; i++)
		if (b->text[i] >= '0' && b->text[i] <= '9')
			return 1;
	for (size_t k = 0; marks[k]; k++)
		if (memmem(b->text, b->text_len, marks[k], strlen(marks[k])))
			return 1;
	return 0;
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
		/* under a section's heading, a deeper heading that reads like an
		 * entry (a job, a school: dates, separators, "at") is one unless
		 * it is a section's whole name: "Volunteer Tutor, Library (2021 -
		 * Present)" under Experience stays a job, while "Research
		 * Publications" still starts its section */
		int entry = heading && doc->nsections > 1 && b->level > cur_level && entry_like(b);
		if (heading)
			kind = rl_section_table_match(t, b->text, b->text_len, entry);
		else if (pseudo_heading(doc, b))
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
		if (b->kind != RL_BLOCK_META && b->kind != RL_BLOCK_PAGE_HEADER && b->kind != RL_BLOCK_PAGE_FOOTER &&
		    !(b->flags & RL_BF_ALT_TEXT))
			seen_content = 1;
		struct rl_section *s = &doc->sections[doc->nsections - 1];
		b->section = (unsigned)(doc->nsections - 1);
		s->count = i + 1 - s->first;
	}
}
