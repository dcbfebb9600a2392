/* Text output, gcc-style so editors can jump to findings:
 *   PATH:LINE:COL: SEVERITY: MESSAGE [RULE]
 *     12 | the source line
 *        |   ^~~~~
 *        = why: the advice (once per rule per run)
 * then one summary line for the run. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "out.h"
#include "utf8.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_DIM "\033[2m"

static const char *sev_color(enum rl_severity s)
{
	return s == RL_SEV_ERROR ? C_RED : s == RL_SEV_WARNING ? C_MAGENTA : C_CYAN;
}

static void color(struct rl_out *o, const char *c)
{
	if (o->color)
		rl_buf_adds(&o->buf, c);
}

static int advised(struct rl_out *o, const struct rl_rule *r)
{
	for (size_t i = 0; i < o->nadvised; i++)
		if (o->advised[i] == r)
			return 1;
	RL_GROW(o->advised, o->nadvised, o->cap_advised);
	o->advised[o->nadvised++] = r;
	return 0;
}

/* The source line, then an underline under [col, end) of it. */
static void excerpt(struct rl_out *o, const struct rl_result *r, const struct rl_span_pos *p)
{
	size_t len;
	const char *line = rl_source_line(r->doc->src, p->line, &len);
	if (!line)
		return;
	char num[16];
	int w = snprintf(num, sizeof num, "%u", p->line);
	rl_buf_addf(&o->buf, " %s | ", num);
	rl_buf_add(&o->buf, line, len);
	rl_buf_addc(&o->buf, '\n');
	rl_buf_addf(&o->buf, " %*s | ", w, "");
	size_t start = rl_utf8_advance(line, len, p->col - 1);
	for (size_t i = 0; i < start; i++) {
		if (((unsigned char)line[i] & 0xC0) == 0x80)
			continue;
		rl_buf_addc(&o->buf, line[i] == '\t' ? '\t' : ' ');
	}
	size_t chars = rl_utf8_count(line + start, len - start);
	size_t width = p->end_line == p->line && p->end_col > p->col ? p->end_col - p->col : chars;
	if (width > chars)
		width = chars;
	color(o, C_GREEN);
	rl_buf_addc(&o->buf, '^');
	for (size_t i = 1; i < width; i++)
		rl_buf_addc(&o->buf, '~');
	color(o, C_RESET);
	rl_buf_addc(&o->buf, '\n');
}

/* Advice wrapped to a terminal's width, words kept whole. */
#define WRAP_COLUMNS 79

static void wrap(struct rl_buf *b, const char *first, const char *rest, const char *text)
{
	size_t col = strlen(first);
	rl_buf_adds(b, first);
	const char *p = text;
	int line_start = 1;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		size_t width = rl_utf8_count(p, n);
		if (!line_start && col + 1 + width > WRAP_COLUMNS) {
			rl_buf_addc(b, '\n');
			rl_buf_adds(b, rest);
			col = strlen(rest);
			line_start = 1;
		}
		if (!line_start) {
			rl_buf_addc(b, ' ');
			col++;
		}
		rl_buf_add(b, p, n);
		col += width;
		line_start = 0;
		p += n;
	}
	rl_buf_addc(b, '\n');
}

/* The terms of a list, comma-separated, wrapped like advice. */
#define MATCH_LIST_TERMS 10

static void term_list(struct rl_out *o, const char *label, const struct rl_match *m, const size_t *idx, size_t n)
{
	if (!n)
		return;
	struct rl_buf line;
	rl_buf_init(&line);
	for (size_t i = 0; i < n && i < MATCH_LIST_TERMS; i++) {
		const struct rl_term *t = m->terms[idx[i]].term;
		rl_buf_addf(&line, "%s%s", i ? ", " : "", t->text);
	}
	if (n > MATCH_LIST_TERMS)
		rl_buf_addf(&line, " and %zu more", n - MATCH_LIST_TERMS);
	wrap(&o->buf, label, "          ", line.data);
	rl_buf_free(&line);
}

/* After a file's findings: the score against the posting, what it asks for
 * that the resume does not show, and what only the skills list says. */
static void match_block(struct rl_out *o, const struct rl_result *r)
{
	const struct rl_match *m = r->report.match;
	const struct rl_posting *p = m->posting;
	color(o, C_BOLD);
	rl_buf_addf(&o->buf, "%s: ", r->path);
	color(o, C_RESET);
	rl_buf_addf(&o->buf, "matches %s: %d/100, %zu of %zu terms", p->path, m->score, m->nterms - m->nmissing,
		    m->nterms);
	if (p->title)
		rl_buf_addf(&o->buf, "; title \"%s\" %s", p->title, m->title_found ? "found" : "not in headline or summary");
	rl_buf_addc(&o->buf, '\n');
	term_list(o, "   = missing: ", m, m->missing, m->nmissing);
	size_t *only = rl_xcalloc(m->nterms ? m->nterms : 1, sizeof *only);
	size_t n = 0;
	for (size_t i = 0; i < m->nterms; i++)
		if ((m->terms[i].where & ~(unsigned)RL_WHERE_TOP) == RL_WHERE_SKILLS &&
		    !(m->terms[i].where & RL_WHERE_TOP))
			only[n++] = i;
	term_list(o, "   = skills list only: ", m, only, n);
	free(only);
}

static void text_file(struct rl_out *o, const struct rl_result *r)
{
	if (r->status != RL_STATUS_OK)
		return; /* main.c reports it on stderr */
	for (size_t i = 0; i < r->report.n; i++) {
		const struct rl_finding *f = &r->report.v[i];
		if (o->quiet && f->severity < o->fail_on)
			continue;
		struct rl_span_pos p = rl_finding_pos(r, f);
		color(o, C_BOLD);
		rl_buf_addf(&o->buf, "%s:%u:%u: ", r->path, p.line, p.col);
		color(o, sev_color(f->severity));
		rl_buf_adds(&o->buf, rl_severity_name(f->severity));
		color(o, C_RESET);
		rl_buf_addf(&o->buf, ": %s ", f->message);
		color(o, C_DIM);
		rl_buf_addf(&o->buf, "[%s]", f->rule->id);
		color(o, C_RESET);
		rl_buf_addc(&o->buf, '\n');
		if (o->quiet)
			continue;
		if (f->text)
			excerpt(o, r, &p);
		if (!advised(o, f->rule))
			wrap(&o->buf, "   = why: ", "          ", f->rule->advice);
	}
	if (r->report.match && !o->quiet)
		match_block(o, r);
}

static void plural(struct rl_buf *b, size_t n, const char *one, const char *many)
{
	rl_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

static void text_end(struct rl_out *o)
{
	if (o->quiet)
		return;
	struct rl_buf *b = &o->buf;
	plural(b, o->files, "file", "files");
	rl_buf_adds(b, " checked: ");
	plural(b, o->counts[RL_SEV_ERROR], "error", "errors");
	rl_buf_adds(b, ", ");
	plural(b, o->counts[RL_SEV_WARNING], "warning", "warnings");
	rl_buf_adds(b, ", ");
	plural(b, o->counts[RL_SEV_INFO], "info", "infos");
	if (o->file_errors) {
		rl_buf_adds(b, "; ");
		plural(b, o->file_errors, "file", "files");
		rl_buf_adds(b, " could not be read");
	}
	rl_buf_addc(b, '\n');
}

const struct rl_formatter rl_format_text = {
	.name = "text",
	.help = "file:line:col: severity: message [rule], with the source line (default)",
	.begin = NULL,
	.file = text_file,
	.end = text_end,
};
