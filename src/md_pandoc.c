/* The pandoc pre-pass: a scan of lines, aware of fenced code, that marks the
 * regions md4c must not see as CommonMark. */
#include "md_pandoc.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "yaml_tree.h"

/* Lines are indexed once: a resume has a few hundred. */
struct line {
	size_t start, end;   /* text without the line end */
	size_t next;         /* start of the next line */
	unsigned indent;     /* leading columns (tab = 4) */
	size_t text;         /* first non-blank byte */
	int blank;
	int in_code;         /* inside fenced code or an HTML comment: not Markdown */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

static void index_lines(const char *s, size_t start, size_t len, struct lines *L)
{
	char fence = 0;
	size_t fence_len = 0;
	int comment = 0;
	for (size_t i = start; i < len;) {
		struct line ln;
		size_t e = i;
		while (e < len && s[e] != '\n' && s[e] != '\r')
			e++;
		ln.start = i;
		ln.end = e;
		ln.next = e < len ? e + (s[e] == '\r' && e + 1 < len && s[e + 1] == '\n' ? 2 : 1) : e;
		ln.indent = 0;
		size_t k = i;
		while (k < e && (s[k] == ' ' || s[k] == '\t'))
			ln.indent += s[k++] == '\t' ? 4 - ln.indent % 4 : 1;
		ln.text = k;
		ln.blank = k == e;
		/* an HTML comment over several lines hides what it holds */
		if (comment || (!fence && ln.indent < 4 && e - k >= 4 && memcmp(s + k, "<!--", 4) == 0)) {
			const char *from = comment ? s + i : s + k + 4;
			comment = !memmem(from, (size_t)(s + e - from), "-->", 3);
			ln.in_code = 1;
			RL_GROW(L->v, L->n, L->cap);
			L->v[L->n++] = ln;
			i = ln.next;
			if (ln.next == e)
				break;
			continue;
		}
		/* fenced code: ``` or ~~~ opens, the same run (or longer) closes */
		ln.in_code = fence != 0;
		if (!ln.blank && ln.indent < 4 && (s[k] == '`' || s[k] == '~')) {
			size_t r = k;
			while (r < e && s[r] == s[k])
				r++;
			if (r - k >= 3) {
				if (!fence) {
					fence = s[k];
					fence_len = r - k;
					ln.in_code = 1;
				} else if (s[k] == fence && r - k >= fence_len) {
					fence = 0;
				}
			}
		}
		RL_GROW(L->v, L->n, L->cap);
		L->v[L->n++] = ln;
		i = ln.next;
		if (ln.next == e)
			break;
	}
}

static int starts(const char *s, const struct line *l, const char *word)
{
	size_t n = strlen(word);
	return l->end - l->text >= n && memcmp(s + l->text, word, n) == 0;
}

/* ": text" or "~ text" with at most two spaces before the marker. */
static int is_def_marker(const char *s, const struct line *l)
{
	if (l->blank || l->in_code || l->indent > 2)
		return 0;
	char c = s[l->text];
	if (c != ':' && c != '~')
		return 0;
	if (l->text + 1 >= l->end)
		return 0;
	char d = s[l->text + 1];
	return d == ' ' || d == '\t';
}

/* A line that can be a definition-list term: one line of plain text. */
static int can_be_term(const char *s, const struct line *l)
{
	if (l->blank || l->in_code || l->indent >= 4)
		return 0;
	char c = s[l->text];
	const char *p = s + l->text;
	size_t n = l->end - l->text;
	if (c == '#' || c == '>' || c == '|' || c == '<' || c == ':' || c == '~' || c == '`')
		return 0;
	if ((c == '-' || c == '*' || c == '+') && (n == 1 || p[1] == ' ' || p[1] == '\t' || p[1] == c))
		return 0; /* a list item or a rule */
	size_t d = 0;
	while (d < n && p[d] >= '0' && p[d] <= '9')
		d++;
	if (d && d < n && (p[d] == '.' || p[d] == ')') && (d + 1 == n || p[d + 1] == ' '))
		return 0; /* an ordered list item */
	return 1;
}

/* What may stand right before a term: nothing, a blank line, an ATX
 * heading, or a setext underline / rule. */
static int ends_block(const char *s, const struct line *l)
{
	if (l->blank)
		return 1;
	if (l->in_code || l->indent >= 4)
		return 0;
	char c = s[l->text];
	if (c == '#')
		return 1;
	if (c == '=' || c == '-' || c == '*' || c == '_') {
		for (size_t k = l->text; k < l->end; k++)
			if (s[k] != c && s[k] != ' ' && s[k] != '\t')
				return 0;
		return 1;
	}
	return 0;
}

/* The first marker line of the definition list whose term is line t, or 0. */
static size_t marker_after_term(const char *s, const struct lines *L, size_t t)
{
	if (t + 1 < L->n && is_def_marker(s, &L->v[t + 1]))
		return t + 1;
	if (t + 2 < L->n && L->v[t + 1].blank && is_def_marker(s, &L->v[t + 2]))
		return t + 2;
	return 0;
}

/* Line index past the definition that starts at marker line m. */
static size_t definition_end(const char *s, const struct lines *L, size_t m)
{
	size_t i = m + 1;
	int prev_blank = 0;
	for (; i < L->n; i++) {
		const struct line *l = &L->v[i];
		if (l->blank) {
			prev_blank = 1;
			continue;
		}
		if (is_def_marker(s, l))
			break;
		if (l->indent >= 4) {
			prev_blank = 0;
			continue; /* an indented continuation */
		}
		if (prev_blank)
			break; /* unindented after a blank: the definition is over */
		/* a lazy continuation of the paragraph */
	}
	/* trailing blank lines are not part of it */
	while (i > m + 1 && L->v[i - 1].blank)
		i--;
	return i;
}

/* Line index past the definition list whose first term is line t. */
static size_t deflist_end(const char *s, const struct lines *L, size_t t)
{
	size_t m = marker_after_term(s, L, t), end = t + 1;
	while (m) {
		end = definition_end(s, L, m);
		/* another definition of the same term, after blank lines */
		size_t k = end;
		while (k < L->n && L->v[k].blank)
			k++;
		if (k < L->n && is_def_marker(s, &L->v[k])) {
			m = k;
			continue;
		}
		/* the next term */
		if (k < L->n && can_be_term(s, &L->v[k]) && marker_after_term(s, L, k)) {
			m = marker_after_term(s, L, k);
			continue;
		}
		m = 0;
	}
	return end;
}

static int yaml_block_end(const struct rl_source *src, const struct lines *L, size_t i, size_t *close)
{
	const char *s = src->bytes;
	const struct line *l = &L->v[i];
	if (l->in_code || l->indent || l->end - l->text < 3 || memcmp(s + l->text, "---", 3) != 0)
		return 0;
	for (size_t k = l->text + 3; k < l->end; k++)
		if (s[k] != ' ' && s[k] != '\t')
			return 0;
	if (i + 1 >= L->n || L->v[i + 1].blank)
		return 0; /* pandoc: the opening fence is not followed by a blank line */
	for (size_t j = i + 1; j < L->n; j++) {
		const struct line *c = &L->v[j];
		size_t n = c->end - c->start;
		if (c->indent == 0 && n >= 3 && (memcmp(s + c->start, "---", 3) == 0 || memcmp(s + c->start, "...", 3) == 0)) {
			int only = 1;
			for (size_t k = c->start + 3; k < c->end; k++)
				only &= s[k] == ' ' || s[k] == '\t';
			if (!only)
				continue;
			struct rl_diags quiet;
			rl_diags_init(&quiet);
			struct rl_ynode *root = rl_yaml_parse(src, L->v[i + 1].start, c->start, &quiet);
			int is_map = root && root->type == RL_Y_MAP && root->n > 0;
			rl_ynode_free(root);
			rl_diags_free(&quiet);
			if (!is_map)
				return 0;
			*close = j;
			return 1;
		}
	}
	return 0;
}

static int is_table_delimiter(const char *s, const struct line *l)
{
	int dashes = 0;
	for (size_t k = l->text; k < l->end; k++) {
		char c = s[k];
		if (c == '-')
			dashes++;
		else if (c != '|' && c != ':' && c != ' ' && c != '\t')
			return 0;
	}
	return dashes > 0;
}

static int latex_command(const char *s, const struct line *l, int *page_break)
{
	static const char *const breaks[] = { "\\newpage", "\\pagebreak", "\\clearpage" };
	if (l->in_code || l->indent >= 4 || s[l->text] != '\\')
		return 0;
	size_t k = l->text + 1;
	while (k < l->end && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
		k++;
	if (k == l->text + 1)
		return 0;
	/* arguments: [..] and {..} groups, then nothing else */
	while (k < l->end && (s[k] == '{' || s[k] == '[')) {
		char close = s[k] == '{' ? '}' : ']';
		while (k < l->end && s[k] != close)
			k++;
		if (k == l->end)
			return 0;
		k++;
	}
	while (k < l->end && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k != l->end)
		return 0;
	*page_break = 0;
	for (size_t i = 0; i < 3; i++)
		if (starts(s, l, breaks[i]))
			*page_break = 1;
	return 1;
}

static void push(struct md_region **v, size_t *n, size_t *cap, enum md_region_kind kind, size_t start,
		 size_t end, int page_break)
{
	if (start >= end && kind == MDR_MARKDOWN)
		return;
	if (*n && kind == MDR_MARKDOWN && (*v)[*n - 1].kind == MDR_MARKDOWN) {
		(*v)[*n - 1].end = end;
		return;
	}
	RL_GROW(*v, *n, *cap);
	(*v)[*n].kind = kind;
	(*v)[*n].start = start;
	(*v)[*n].end = end;
	(*v)[*n].page_break = page_break;
	(*n)++;
}

size_t rl_md_regions(const struct rl_source *src, size_t start, int pandoc, struct md_region **out)
{
	const char *s = src->bytes;
	struct md_region *v = NULL;
	size_t n = 0, cap = 0;
	if (!pandoc || start >= src->len) {
		push(&v, &n, &cap, MDR_MARKDOWN, start, src->len, 0);
		*out = v;
		return n;
	}
	struct lines L = { NULL, 0, 0 };
	index_lines(s, start, src->len, &L);
	size_t md_start = start, i = 0;

	/* a title block: % lines first in the file */
	if (L.n && start == src->bom && s[L.v[0].start] == '%') {
		size_t j = 0;
		while (j < L.n && (s[L.v[j].start] == '%' || (j && !L.v[j].blank && L.v[j].indent)))
			j++;
		push(&v, &n, &cap, MDR_TITLE, L.v[0].start, L.v[j - 1].next, 0);
		md_start = L.v[j - 1].next;
		i = j;
	}
	for (; i < L.n; i++) {
		const struct line *l = &L.v[i];
		size_t close, end;
		int page_break = 0;
		if (l->in_code)
			continue;
		if ((i == 0 || L.v[i - 1].blank) && yaml_block_end(src, &L, i, &close)) {
			push(&v, &n, &cap, MDR_MARKDOWN, md_start, l->start, 0);
			push(&v, &n, &cap, MDR_YAML, l->start, L.v[close].next, 0);
			md_start = L.v[close].next;
			i = close;
		} else if (!l->blank && l->indent < 4 && starts(s, l, ":::")) {
			push(&v, &n, &cap, MDR_MARKDOWN, md_start, l->start, 0);
			push(&v, &n, &cap, MDR_SKIP, l->start, l->next, 0);
			md_start = l->next;
		} else if (latex_command(s, l, &page_break) && (i == 0 || L.v[i - 1].blank || ends_block(s, &L.v[i - 1]))) {
			push(&v, &n, &cap, MDR_MARKDOWN, md_start, l->start, 0);
			push(&v, &n, &cap, MDR_SKIP, l->start, l->next, page_break);
			md_start = l->next;
		} else if (!l->blank && l->indent < 4 && starts(s, l, "| ") && (i == 0 || L.v[i - 1].blank)) {
			size_t j = i;
			int table = 0;
			while (j < L.n && !L.v[j].blank && (starts(s, &L.v[j], "|") || L.v[j].indent)) {
				table |= is_table_delimiter(s, &L.v[j]);
				j++;
			}
			if (table) {
				i = j - 1;
				continue;
			}
			push(&v, &n, &cap, MDR_MARKDOWN, md_start, l->start, 0);
			push(&v, &n, &cap, MDR_LINEBLOCK, l->start, L.v[j - 1].next, 0);
			md_start = L.v[j - 1].next;
			i = j - 1;
		} else if (can_be_term(s, l) && (i == 0 || ends_block(s, &L.v[i - 1])) && marker_after_term(s, &L, i)) {
			end = deflist_end(s, &L, i);
			push(&v, &n, &cap, MDR_MARKDOWN, md_start, l->start, 0);
			push(&v, &n, &cap, MDR_DEFLIST, l->start, L.v[end - 1].next, 0);
			md_start = L.v[end - 1].next;
			i = end - 1;
		}
	}
	push(&v, &n, &cap, MDR_MARKDOWN, md_start, src->len, 0);
	free(L.v);
	*out = v;
	return n;
}

/* ---- definition lists ---- */

static void add_line(struct md_definition *d, struct rl_buf *b, size_t *cap, const char *s, size_t from,
		     size_t to)
{
	RL_GROW(d->map, d->nmap, *cap);
	d->map[d->nmap].sub_off = b->len;
	d->map[d->nmap].src_off = from;
	d->nmap++;
	rl_buf_add(b, s + from, to - from);
	rl_buf_addc(b, '\n');
}

/* Skips up to four columns of indentation. */
static size_t deindent(const char *s, const struct line *l)
{
	size_t k = l->start;
	unsigned col = 0;
	while (k < l->end && col < 4 && (s[k] == ' ' || s[k] == '\t')) {
		col += s[k] == '\t' ? 4 - col % 4 : 1;
		k++;
	}
	return k;
}

static void emit_definition(const struct rl_source *src, const struct lines *L, size_t m, size_t end,
			    const struct md_deflist_visitor *v)
{
	const char *s = src->bytes;
	struct md_definition d = { NULL, 0, NULL, 0 };
	struct rl_buf b;
	size_t cap = 0;
	rl_buf_init(&b);
	const struct line *first = &L->v[m];
	size_t k = first->text + 1;
	while (k < first->end && (s[k] == ' ' || s[k] == '\t'))
		k++;
	add_line(&d, &b, &cap, s, k, first->end);
	for (size_t i = m + 1; i < end; i++) {
		const struct line *l = &L->v[i];
		add_line(&d, &b, &cap, s, l->blank ? l->start : deindent(s, l), l->end);
	}
	d.text = rl_buf_detach(&b, &d.len);
	v->def(v->ctx, &d);
	free(d.text);
	free(d.map);
}

void rl_md_deflist_walk(const struct rl_source *src, const struct md_region *r,
			const struct md_deflist_visitor *v)
{
	const char *s = src->bytes;
	struct lines L = { NULL, 0, 0 };
	index_lines(s, r->start, r->end, &L);
	size_t i = 0;
	while (i < L.n) {
		while (i < L.n && L.v[i].blank)
			i++;
		if (i >= L.n)
			break;
		if (!is_def_marker(s, &L.v[i])) {
			v->term(v->ctx, L.v[i].text, L.v[i].end);
			i++;
			continue;
		}
		size_t end = definition_end(s, &L, i);
		emit_definition(src, &L, i, end, v);
		i = end;
	}
	free(L.v);
}

size_t rl_md_definition_src(const struct md_definition *d, size_t sub_off)
{
	size_t lo = 0, hi = d->nmap;
	if (!d->nmap)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->map[mid].sub_off <= sub_off)
			lo = mid;
		else
			hi = mid;
	}
	return d->map[lo].src_off + (sub_off - d->map[lo].sub_off);
}

/* ---- attributes md4c leaves in the text ---- */

/* Length of an attribute set "{#id .class key=val}" starting at s[i], or 0. */
static size_t attribute_set(const char *s, size_t i, size_t len)
{
	if (i >= len || s[i] != '{')
		return 0;
	size_t k = i + 1;
	while (k < len && s[k] == ' ')
		k++;
	if (k >= len || !(s[k] == '#' || s[k] == '.' || s[k] == '-' || (s[k] >= 'a' && s[k] <= 'z')))
		return 0;
	int has_marker = s[k] == '#' || s[k] == '.' || s[k] == '-';
	for (; k < len && s[k] != '}'; k++) {
		if (s[k] == '=')
			has_marker = 1;
		if (s[k] == '{' || s[k] == '\n')
			return 0;
	}
	if (k >= len || !has_marker)
		return 0;
	return k + 1 - i;
}

static void strip_heading_attributes(struct rl_block *b)
{
	size_t len = b->text_len;
	if (!len || b->text[len - 1] != '}')
		return;
	const char *open = memrchr(b->text, '{', len);
	if (!open)
		return;
	size_t i = (size_t)(open - b->text);
	if (attribute_set(b->text, i, len) != len - i)
		return;
	while (i > 0 && b->text[i - 1] == ' ')
		i--;
	rl_block_delete(b, i, len);
}

static void strip_bracketed_spans(struct rl_block *b)
{
	for (size_t i = 0; i + 1 < b->text_len; i++) {
		if (b->text[i] != ']' || b->text[i + 1] != '{')
			continue;
		size_t attr = attribute_set(b->text, i + 1, b->text_len);
		if (!attr)
			continue;
		/* the matching '[' before it */
		size_t depth = 0, open = SIZE_MAX;
		for (size_t k = i; k-- > 0;) {
			if (b->text[k] == ']')
				depth++;
			else if (b->text[k] == '[' && depth-- == 0) {
				open = k;
				break;
			}
		}
		if (open == SIZE_MAX)
			continue;
		rl_block_delete(b, i, i + 1 + attr);
		rl_block_delete(b, open, open + 1);
		i = open;
	}
}

void rl_md_pandoc_cleanup(struct rl_doc *doc)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct rl_block *b = &doc->blocks[i];
		if (b->kind == RL_BLOCK_CODE || b->kind == RL_BLOCK_META)
			continue;
		if (b->kind == RL_BLOCK_HEADING)
			strip_heading_attributes(b);
		if (memchr(b->text, '{', b->text_len))
			strip_bracketed_spans(b);
	}
}
