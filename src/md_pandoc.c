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

static int ends_block(const char *s, const struct line *l);

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
	if ((c == '-' || c == '*' || c == '+') && (n == 1 || p[1] == ' ' || p[1] == '\t'))
		return 0; /* a list item */
	if ((c == '-' || c == '*' || c == '_') && ends_block(s, l))
		return 0; /* a rule; "**Bold term**" is a term */
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

/* ---- simple and multiline tables (pandoc's tableWith) ---- */

/* pandoc's dashedLine: runs of '-', each with the spaces after it, at most
 * three spaces in, nothing else on the line. Returns the runs (0: not such
 * a line); col[k] is where run k starts, len[k] its length with its spaces
 * (character columns; runs past MD_TABLE_MAX_COLS join the last). */
static unsigned dashed_line(const char *s, const struct line *l, unsigned *col, unsigned *len)
{
	if (l->blank || l->in_code || l->indent > 3 || s[l->text] != '-')
		return 0;
	for (size_t k = l->start; k < l->text; k++)
		if (s[k] != ' ')
			return 0;
	unsigned n = 0, c = l->indent;
	for (size_t k = l->text; k < l->end;) {
		if (s[k] != '-')
			return 0;
		unsigned from = c;
		while (k < l->end && s[k] == '-')
			k++, c++;
		while (k < l->end && s[k] == ' ')
			k++, c++;
		if (n < MD_TABLE_MAX_COLS) {
			col[n] = from;
			len[n++] = c - from;
		} else {
			len[n - 1] += c - from;
		}
	}
	return n;
}

static int is_dashed(const char *s, const struct line *l)
{
	unsigned col[MD_TABLE_MAX_COLS], len[MD_TABLE_MAX_COLS];
	return dashed_line(s, l, col, len) > 0;
}

/* pandoc's tableFooter: a dashed line, then a blank line or the end. */
static int is_table_footer(const char *s, const struct lines *L, size_t j)
{
	return j < L->n && is_dashed(s, &L->v[j]) && (j + 1 == L->n || L->v[j + 1].blank);
}

/* Columns from the dashed line d; relative widths for a multiline table
 * (pandoc's widthsFromIndices with 72 columns), else all 0 (default). */
static void table_columns(const char *s, const struct line *d, int multiline, struct md_table *t)
{
	unsigned len[MD_TABLE_MAX_COLS];
	t->ncols = dashed_line(s, d, t->col, len);
	for (unsigned k = 0; k < t->ncols; k++)
		t->width[k] = 0;
	if (!multiline)
		return;
	/* lengths: the indent, then each run; the last counts one more (the
	 * space between columns is in each run), and takes the one before's
	 * length when it is shorter by at most two */
	double lengths[MD_TABLE_MAX_COLS + 1], total = 0;
	unsigned n = t->ncols + 1;
	lengths[0] = d->indent;
	for (unsigned k = 0; k < t->ncols; k++)
		lengths[k + 1] = len[k];
	lengths[n - 1] += 1;
	if (lengths[n - 1] < lengths[n - 2] && lengths[n - 2] - lengths[n - 1] <= 2)
		lengths[n - 1] = lengths[n - 2];
	for (unsigned k = 0; k < n; k++)
		total += lengths[k];
	double quotient = total > 72 ? total : 72;
	for (unsigned k = 0; k < t->ncols; k++)
		t->width[k] = lengths[k + 1] / quotient;
}

/* Rows of a multiline table from line r: runs of lines parted by blank
 * lines, up to a footer. The line index past the footer, or 0. */
static size_t multiline_rows(const char *s, const struct lines *L, size_t r, struct md_table *t)
{
	size_t k = r;
	if (k >= L->n || L->v[k].blank || is_table_footer(s, L, k))
		return 0;
	t->rows_start = L->v[k].start;
	for (;;) {
		while (k < L->n && !L->v[k].blank && !is_table_footer(s, L, k))
			k++;
		t->rows_end = L->v[k - 1].next;
		while (k < L->n && L->v[k].blank)
			k++;
		if (k >= L->n)
			return 0;
		if (is_table_footer(s, L, k))
			return k + 1;
	}
}

/* Rows of a simple table from line r: one a line, at least one, up to a
 * blank line (if footer_only is 0) or a footer. The line index past the
 * table, or 0. */
static size_t simple_rows(const char *s, const struct lines *L, size_t r, int footer_only, struct md_table *t)
{
	size_t k = r;
	while (k < L->n && !L->v[k].blank && !is_table_footer(s, L, k))
		k++;
	if (k == r)
		return 0;
	t->rows_start = L->v[r].start;
	t->rows_end = L->v[k - 1].next;
	if (is_table_footer(s, L, k))
		return k + 1;
	return footer_only ? 0 : k;
}

/* A simple or multiline table starting at line i, in pandoc's order of
 * tries: multiline with a header, simple with a header, simple without,
 * multiline without. The line index past it, or 0. */
static size_t table_at(const char *s, const struct lines *L, size_t i, struct md_table *t)
{
	memset(t, 0, sizeof *t);
	const struct line *l = &L->v[i];
	if (l->in_code || l->blank || i + 1 >= L->n)
		return 0;
	int dashed = is_dashed(s, l);
	size_t end;
	/* multiline, header: a dashed line, header lines, the column line */
	if (dashed && !L->v[i + 1].blank) {
		size_t j = i + 1;
		while (j < L->n && !L->v[j].blank && !is_dashed(s, &L->v[j]))
			j++;
		if (j > i + 1 && j < L->n && is_dashed(s, &L->v[j])) {
			table_columns(s, &L->v[j], 1, t);
			t->multiline = 1;
			t->head_start = L->v[i + 1].start;
			t->head_end = L->v[j].start;
			if ((end = multiline_rows(s, L, j + 1, t)))
				return end;
		}
	}
	/* simple, header: a line over a column line of two runs or more (one
	 * run underlines a setext heading, which pandoc tries first) */
	if ((dashed || can_be_term(s, l)) && !L->v[i + 1].blank) {
		unsigned col[MD_TABLE_MAX_COLS], len[MD_TABLE_MAX_COLS];
		if (dashed_line(s, &L->v[i + 1], col, len) >= 2) {
			memset(t, 0, sizeof *t);
			table_columns(s, &L->v[i + 1], 0, t);
			t->head_start = l->start;
			t->head_end = L->v[i + 1].start;
			if ((end = simple_rows(s, L, i + 2, 0, t)))
				return end;
		}
	}
	if (!dashed)
		return 0;
	/* simple, no header: rows between two dashed lines */
	memset(t, 0, sizeof *t);
	table_columns(s, l, 0, t);
	if ((end = simple_rows(s, L, i + 1, 1, t)))
		return end;
	/* multiline, no header */
	memset(t, 0, sizeof *t);
	table_columns(s, l, 1, t);
	t->multiline = 1;
	return multiline_rows(s, L, i + 1, t);
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
	memset(&(*v)[*n], 0, sizeof **v);
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
		struct md_table tab;
		int page_break = 0;
		if (l->in_code)
			continue;
		if ((i == 0 || L.v[i - 1].blank) && yaml_block_end(src, &L, i, &close)) {
			push(&v, &n, &cap, MDR_MARKDOWN, md_start, l->start, 0);
			push(&v, &n, &cap, MDR_YAML, l->start, L.v[close].next, 0);
			md_start = L.v[close].next;
			i = close;
		} else if ((i == 0 || L.v[i - 1].blank || ends_block(s, &L.v[i - 1])) &&
			   (end = table_at(s, &L, i, &tab))) {
			push(&v, &n, &cap, MDR_MARKDOWN, md_start, l->start, 0);
			push(&v, &n, &cap, MDR_TABLE, l->start, L.v[end - 1].next, 0);
			v[n - 1].table = tab;
			md_start = L.v[end - 1].next;
			i = end - 1;
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

static void add_piece(struct md_definition *d, size_t *cap, struct rl_buf *b, const char *s, size_t from,
		      size_t to);

/* ---- paragraphs pandoc does not let a block interrupt ---- */

/* pandoc's Markdown: a list item or a block quote right after a line of a
 * paragraph (no blank line between) is more of that paragraph's text
 * ("**Job**  \n- did this" is one paragraph), where CommonMark starts a
 * block (pandoc also runs an ATX heading on; we keep it a heading). Inside a list a list item still starts one.
 * A backslash before the marker makes md4c read it as pandoc does. */
enum { LZ_BLANK, LZ_PARA, LZ_OTHER };

struct lazy_state {
	int prev;       /* what the line before was */
	int in_list;    /* in a list: its markers do start items */
};

static size_t list_marker(const char *t, size_t m)
{
	if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && (m == 1 || t[1] == ' ' || t[1] == '\t'))
		return 1;
	size_t d = 0;
	while (d < m && d < 9 && t[d] >= '0' && t[d] <= '9')
		d++;
	if (d && d < m && (t[d] == '.' || t[d] == ')') && (d + 1 == m || t[d + 1] == ' ' || t[d + 1] == '\t'))
		return d + 1;
	return 0;
}

static int atx_heading(const char *t, size_t m)
{
	size_t k = 0;
	while (k < m && t[k] == '#')
		k++;
	return k >= 1 && k <= 6 && (k == m || t[k] == ' ' || t[k] == '\t');
}

/* A rule or a setext underline: three or more of one of -*_ (or any '='). */
static int rule_line(const char *t, size_t m)
{
	char c = t[0];
	size_t marks = 0;
	if (c != '-' && c != '*' && c != '_' && c != '=')
		return 0;
	for (size_t k = 0; k < m; k++) {
		if (t[k] == c)
			marks++;
		else if (t[k] != ' ' && t[k] != '\t')
			return 0;
	}
	return marks >= 3 || c == '=';
}

/* Reads the line p[0, n); where to put a backslash in it, or SIZE_MAX. */
static size_t lazy_step(struct lazy_state *z, const char *p, size_t n)
{
	size_t k = 0;
	unsigned indent = 0;
	while (k < n && (p[k] == ' ' || p[k] == '\t'))
		indent += p[k++] == '\t' ? 4 - indent % 4 : 1;
	const char *t = p + k;
	size_t m = n - k;
	if (!m) {
		z->prev = LZ_BLANK;
		return SIZE_MAX;
	}
	size_t marker = indent < 4 ? list_marker(t, m) : 0;
	size_t after = marker;
	while (after < m && (t[after] == ' ' || t[after] == '\t'))
		after++;
	if (after == m)
		marker = 0; /* a lone "-" under a line underlines a heading; an empty item is no list */
	if (z->in_list) {
		if (z->prev != LZ_BLANK || indent > 0 || marker) {
			z->prev = LZ_OTHER;
			return SIZE_MAX;
		}
		z->in_list = 0; /* unindented text after a blank line: the list is over */
	}
	if (indent < 4 && rule_line(t, m)) {
		/* a rule, or the underline that ends a paragraph as a heading */
		z->prev = LZ_BLANK;
		return SIZE_MAX;
	}
	int heading = indent < 4 && atx_heading(t, m);
	if (marker || heading || (indent < 4 && t[0] == '>')) {
		/* an ATX heading there is kept a heading, against pandoc: the
		 * sections rules read depend on it (and rules/one-page.yaml's
		 * example writes "text\n# Two") */
		if (z->prev == LZ_PARA && !heading)
			return marker > 1 ? k + marker - 1 : k; /* "1\." or "\-" */
		z->in_list = marker != 0;
		z->prev = heading ? LZ_BLANK : LZ_OTHER;
		return SIZE_MAX;
	}
	if (indent < 4 && (t[0] == '<' || t[0] == '|')) {
		z->prev = LZ_OTHER;
		return SIZE_MAX;
	}
	if (z->prev == LZ_BLANK)
		z->prev = indent < 4 ? LZ_PARA : LZ_OTHER; /* else indented code */
	return SIZE_MAX;
}

/* The escaped marker at line[at] starts a list in CommonMark too (a
 * bullet, or an ordered list from 1): what GitHub shows as one. */
static int github_list(const char *line, size_t at)
{
	char c = line[at];
	if (c == '-' || c == '*' || c == '+')
		return 1;
	if (c != '.' && c != ')')
		return 0;
	return at >= 1 && line[at - 1] == '1' && (at == 1 || line[at - 2] < '0' || line[at - 2] > '9');
}

/* Where a backslash goes in line l for pandoc's reading (SIZE_MAX: none),
 * the lines read in order. */
static size_t lazy_escape(struct lazy_state *z, const char *s, const struct line *l)
{
	if (l->in_code) {
		z->prev = LZ_OTHER;
		return SIZE_MAX;
	}
	size_t at = lazy_step(z, s + l->start, l->end - l->start);
	return at == SIZE_MAX ? SIZE_MAX : l->start + at;
}

size_t rl_md_lazy_list_lines(const struct rl_source *src, size_t start, size_t end, size_t **lines, int *quotes,
			     size_t *nlist, size_t *first_list)
{
	const char *s = src->bytes;
	struct lines L = { NULL, 0, 0 };
	struct lazy_state z = { LZ_BLANK, 0 };
	size_t n = 0, cap = 0;
	*lines = NULL;
	*quotes = 0;
	index_lines(s, start, end, &L);
	for (size_t i = 0; i < L.n; i++) {
		size_t at = lazy_escape(&z, s, &L.v[i]);
		if (at == SIZE_MAX)
			continue;
		if (s[at] == '>') {
			*quotes = 1;
			continue;
		}
		RL_GROW(*lines, n, cap);
		(*lines)[n++] = L.v[i].start;
		if (github_list(s + L.v[i].start, at - L.v[i].start) && (*nlist)++ == 0) {
			size_t k = L.v[i].start;
			while (s[k] == ' ' || s[k] == '\t')
				k++;
			*first_list = k;
		}
	}
	free(L.v);
	return n;
}

int rl_md_lazy_copy(const struct rl_source *src, size_t start, size_t end, struct md_definition *out)
{
	const char *s = src->bytes;
	struct lines L = { NULL, 0, 0 };
	struct lazy_state z = { LZ_BLANK, 0 };
	int any = 0;
	index_lines(s, start, end, &L);
	size_t *esc = rl_xreallocarray(NULL, L.n ? L.n : 1, sizeof *esc);
	for (size_t i = 0; i < L.n; i++) {
		esc[i] = lazy_escape(&z, s, &L.v[i]);
		any |= esc[i] != SIZE_MAX;
	}
	if (any) {
		struct rl_buf b;
		size_t cap = 0, from = start;
		rl_buf_init(&b);
		memset(out, 0, sizeof *out);
		for (size_t i = 0; i < L.n; i++) {
			if (esc[i] == SIZE_MAX)
				continue;
			add_piece(out, &cap, &b, s, from, esc[i]);
			rl_buf_addc(&b, '\\');
			from = esc[i];
		}
		add_piece(out, &cap, &b, s, from, end);
		out->text = rl_buf_detach(&b, &out->len);
	}
	free(esc);
	free(L.v);
	return any;
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
	/* a definition's blocks are read as at the top level: the same
	 * paragraphs that no list interrupts */
	struct lazy_state z = { LZ_BLANK, 0 };
	lazy_step(&z, s + k, first->end - k);
	add_line(&d, &b, &cap, s, k, first->end);
	for (size_t i = m + 1; i < end; i++) {
		const struct line *l = &L->v[i];
		size_t from = l->blank ? l->start : deindent(s, l);
		size_t at = l->in_code ? SIZE_MAX : lazy_step(&z, s + from, l->end - from);
		if (l->in_code)
			z.prev = LZ_OTHER;
		if (at != SIZE_MAX) {
			RL_GROW(d.map, d.nmap, cap);
			d.map[d.nmap].sub_off = b.len;
			d.map[d.nmap].src_off = from;
			d.nmap++;
			rl_buf_add(&b, s + from, at);
			rl_buf_addc(&b, '\\');
			from += at;
		}
		add_line(&d, &b, &cap, s, from, l->end);
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

/* ---- table cells ---- */

/* The byte of line l at character column c (a tab runs to the next multiple
 * of four, as pandoc expands it; a UTF-8 sequence is one character). */
static size_t byte_at_col(const char *s, const struct line *l, unsigned c)
{
	unsigned col = 0;
	size_t k = l->start;
	while (k < l->end && col < c) {
		col += s[k] == '\t' ? 4 - col % 4 : 1;
		k++;
		while (k < l->end && ((unsigned char)s[k] & 0xC0) == 0x80)
			k++;
	}
	return k;
}

/* Where a backslash keeps md4c from reading p[0, n) as a block (a list item,
 * a rule, an ATX heading, a quote, a fence), or SIZE_MAX: pandoc reads a
 * cell as inlines only. */
static size_t block_escape(const char *p, size_t n)
{
	char c = p[0];
	if ((c == '*' || c == '-' || c == '+') && (n == 1 || p[1] == ' ' || p[1] == '\t'))
		return 0;
	if (c == '*' || c == '-' || c == '_') {
		size_t marks = 0, k = 0;
		while (k < n && (p[k] == c || p[k] == ' ' || p[k] == '\t'))
			marks += p[k++] == c;
		if (k == n && marks >= 3)
			return 0;
	}
	if (c == '>' || ((c == '`' || c == '~') && n >= 3 && p[1] == c && p[2] == c))
		return 0;
	if (c == '#') {
		size_t k = 0;
		while (k < n && p[k] == '#')
			k++;
		if (k <= 6 && (k == n || p[k] == ' ' || p[k] == '\t'))
			return 0;
	}
	size_t d = 0;
	while (d < n && d < 9 && p[d] >= '0' && p[d] <= '9')
		d++;
	if (d && d < n && (p[d] == '.' || p[d] == ')') && (d + 1 == n || p[d + 1] == ' ' || p[d + 1] == '\t'))
		return d;
	return SIZE_MAX;
}

static void add_piece(struct md_definition *d, size_t *cap, struct rl_buf *b, const char *s, size_t from,
		      size_t to)
{
	RL_GROW(d->map, d->nmap, *cap);
	d->map[d->nmap].sub_off = b->len;
	d->map[d->nmap].src_off = from;
	d->nmap++;
	rl_buf_add(b, s + from, to - from);
}

/* Column k of lines [first, last): each line's slice, trimmed, joined by
 * spaces (the soft breaks between them). */
static void emit_cell(const char *s, const struct lines *L, size_t first, size_t last, const struct md_table *t,
		      unsigned k, unsigned row, int head, const struct md_table_visitor *v)
{
	struct md_definition d = { NULL, 0, NULL, 0 };
	struct rl_buf b;
	size_t cap = 0;
	rl_buf_init(&b);
	for (size_t i = first; i < last; i++) {
		const struct line *l = &L->v[i];
		size_t a = byte_at_col(s, l, t->col[k]);
		size_t e = k + 1 < t->ncols ? byte_at_col(s, l, t->col[k + 1]) : l->end;
		while (a < e && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (a >= e)
			continue;
		if (b.len) {
			rl_buf_addc(&b, ' ');
		} else {
			size_t at = block_escape(s + a, e - a);
			if (at != SIZE_MAX) {
				add_piece(&d, &cap, &b, s, a, a + at);
				rl_buf_addc(&b, '\\');
				a += at;
			}
		}
		add_piece(&d, &cap, &b, s, a, e);
	}
	rl_buf_addc(&b, '\n');
	d.text = rl_buf_detach(&b, &d.len);
	v->cell(v->ctx, row, k, head, &d);
	free(d.text);
	free(d.map);
}

static void emit_row(const char *s, const struct lines *L, size_t first, size_t last, const struct md_table *t,
		     unsigned row, int head, const struct md_table_visitor *v)
{
	for (unsigned k = 0; k < t->ncols; k++)
		emit_cell(s, L, first, last, t, k, row, head, v);
}

void rl_md_table_walk(const struct rl_source *src, const struct md_region *r, const struct md_table_visitor *v)
{
	const char *s = src->bytes;
	const struct md_table *t = &r->table;
	struct lines L = { NULL, 0, 0 };
	index_lines(s, r->start, r->end, &L);
	size_t ha = L.n, hb = 0, i = 0;
	unsigned row = 0;
	for (size_t k = 0; k < L.n; k++)
		if (L.v[k].start >= t->head_start && L.v[k].start < t->head_end) {
			ha = ha < k ? ha : k;
			hb = k + 1;
		}
	if (ha < hb)
		emit_row(s, &L, ha, hb, t, row++, 1, v);
	while (i < L.n && L.v[i].start < t->rows_start)
		i++;
	while (i < L.n && L.v[i].start < t->rows_end) {
		if (L.v[i].blank) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (t->multiline && j < L.n && L.v[j].start < t->rows_end && !L.v[j].blank)
			j++;
		emit_row(s, &L, i, j, t, row++, 0, v);
		i = j;
	}
	free(L.v);
}

int rl_md_table_widths(const struct rl_source *src, size_t off, struct md_table *out)
{
	struct md_region *v;
	int found = 0;
	size_t n = rl_md_regions(src, src->bom, 1, &v);
	for (size_t i = 0; i < n && !found; i++)
		if (v[i].kind == MDR_TABLE && off >= v[i].start && off < v[i].end) {
			*out = v[i].table;
			found = 1;
		}
	free(v);
	return found;
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

/* Bracketed spans looked at in one block: a resume line has a few
 * ([Name]{.smallcaps}); each costs a pass over the block (the '[' is looked
 * for backwards, the text and its map move left), so a storm of them was
 * quadratic: 50,000 took minutes (tests/hostile/span-storm.md). Past this
 * many the rest stay as written. */
#define MD_MAX_SPANS_PER_BLOCK 64

static void strip_bracketed_spans(struct rl_block *b)
{
	unsigned tried = 0;
	for (size_t i = 0; i + 1 < b->text_len && tried < MD_MAX_SPANS_PER_BLOCK; i++) {
		if (b->text[i] != ']' || b->text[i + 1] != '{')
			continue;
		size_t attr = attribute_set(b->text, i + 1, b->text_len);
		if (!attr)
			continue;
		tried++;
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

/* A backslash ending a paragraph's last line is a hard line break to
 * pandoc (CommonMark: a backslash): not text. */
static void strip_final_backslash(const struct rl_doc *doc, struct rl_block *b)
{
	const char *s = doc->src->bytes;
	size_t n = doc->src->len;
	if (!b->text_len || b->text[b->text_len - 1] != '\\')
		return;
	size_t at = rl_block_src(b, b->text_len - 1), k = at + 1;
	if (at >= n || s[at] != '\\' || (at > 0 && s[at - 1] == '\\'))
		return;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k < n && s[k] != '\n' && s[k] != '\r')
		return;
	rl_block_delete(b, b->text_len - 1, b->text_len);
	while (b->text_len && (b->text[b->text_len - 1] == ' ' || b->text[b->text_len - 1] == '\n'))
		rl_block_delete(b, b->text_len - 1, b->text_len);
}

void rl_md_pandoc_cleanup(struct rl_doc *doc)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct rl_block *b = &doc->blocks[i];
		if (b->kind == RL_BLOCK_CODE || b->kind == RL_BLOCK_META)
			continue;
		strip_final_backslash(doc, b);
		if (b->kind == RL_BLOCK_HEADING)
			strip_heading_attributes(b);
		if (memchr(b->text, '{', b->text_len))
			strip_bracketed_spans(b);
	}
}
