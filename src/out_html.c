/* HTML output: one self-contained page for the run (inline CSS, no
 * scripts, nothing fetched; a Content-Security-Policy says so to the
 * browser too) that draws each resume's pages as page fit laid them out:
 * the page limit as a line, what runs past it shaded, the six-second zone
 * at the top of page one, every finding marked in place (rule, message and
 * advice on hover) and listed beside the page, the cuts that would make it
 * fit, and the job match. Several files get a summary table first.
 *
 * Everything that comes from an input (resume text, paths, messages, font
 * names) goes through html_text or css_font: nothing in a resume can open
 * an element. Positions are CSS points, so 1 pt of the layout is 1 pt on
 * screen (4/3 px). Needs rl_lint_opts.keep_lines (main.c sets it for this
 * format); without it the pages are not drawn. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "markup.h"
#include "out.h"
#include "pagefit.h"
#include "utf8.h"

/* Escapes text for an element's content or a double-quoted attribute.
 * Control characters go (a line break or tab becomes a space; byte 0x01
 * is a space the layout dropped), invalid UTF-8 becomes U+FFFD. */
static void html_text(struct rl_buf *b, const char *s, size_t n)
{
	rl_markup_escape(b, s, n, 0);
}

static void html_str(struct rl_buf *b, const char *s)
{
	if (s)
		html_text(b, s, strlen(s));
}

/* A font name as a CSS font-family list: only letters, digits, spaces and
 * - _ . survive (a name from a Word file is input like any other), then
 * metric-compatible stand-ins and a generic family. */
static void css_font(struct rl_buf *b, const char *name)
{
	static const struct {
		const char *name, *family;
	} known[] = {
		{ "Calibri", "\"Carlito\", sans-serif" },       { "Cambria", "\"Caladea\", serif" },
		{ "Arial", "\"Liberation Sans\", sans-serif" }, { "Helvetica", "\"Liberation Sans\", sans-serif" },
		{ "Times", "\"Liberation Serif\", serif" },     { "Courier", "\"Liberation Mono\", monospace" },
		{ "Consolas", "\"Liberation Mono\", monospace" }, { "Mono", "monospace" },
		{ "Georgia", "serif" },                         { "Garamond", "serif" },
		{ "Latin Modern Roman", "\"Latin Modern Roman\", serif" },
	};
	const char *generic = "serif";
	static const char *const sans[] = { "Sans", "Verdana", "Tahoma", "Segoe", "Gothic", "Aptos", "Roboto", "Lato",
					    "Trebuchet", "Gill", "Franklin", "Open", "Helvetica", "Arial", "Calibri" };
	rl_buf_addc(b, '\'');
	for (const char *p = name ? name : ""; *p && p - name < 64; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == ' ' ||
		    *p == '-' || *p == '_' || *p == '.')
			rl_buf_addc(b, *p);
	rl_buf_adds(b, "', ");
	for (size_t i = 0; name && i < sizeof sans / sizeof *sans; i++)
		if (strstr(name, sans[i]))
			generic = "sans-serif";
	for (size_t i = 0; name && i < sizeof known / sizeof *known; i++)
		if (strstr(name, known[i].name)) {
			/* the stand-in's quotes would end the style attribute */
			for (const char *q = known[i].family; *q; q++)
				rl_buf_addc(b, *q == '"' ? '\'' : *q);
			return;
		}
	rl_buf_adds(b, generic);
}

static const char *sev_class(enum rl_severity s)
{
	return s == RL_SEV_ERROR ? "error" : s == RL_SEV_WARNING ? "warning" : "info";
}

static const char style[] =
	":root{--err:#c62828;--warn:#d97706;--info:#1d6fb8;--ink:#1f2328;--muted:#5f6b76}"
	"*{box-sizing:border-box}"
	"body{margin:0;padding:24px;font:14px/1.45 system-ui,'DejaVu Sans',sans-serif;color:var(--ink);"
	"background:#eef0f3}"
	"h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 4px;word-break:break-all}"
	"h3{font-size:15px;margin:16px 0 6px}aside>h3:first-child{margin-top:0}"
	".muted{color:var(--muted)}"
	"table.summary{border-collapse:collapse;background:#fff;margin:12px 0 24px}"
	"table.summary th,table.summary td{border:1px solid #cfd5db;padding:4px 10px;text-align:left}"
	"table.summary td.n{text-align:right}"
	"section.file{background:#fff;border:1px solid #d5dae0;border-radius:6px;padding:16px;margin:0 0 24px}"
	".facts{margin:0 0 12px}.facts b.over{color:var(--err)}"
	".cols{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}"
	".pages{flex:none}"
	"aside{flex:1;min-width:300px;max-width:520px}"
	".sheet{position:relative;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);margin:0 0 18px;"
	"overflow:hidden;color:#000}"
	".sheet.over{background:repeating-linear-gradient(135deg,#fff 0 10px,#fdf3f3 10px 20px)}"
	".pagecap{font-size:12px;color:var(--muted);margin:0 0 2px}"
	".body{position:absolute}"
	".ln{position:absolute;white-space:pre;overflow:visible}"
	".ln.over,.cell.over{background:rgba(198,40,40,.10)}"
	".cell{position:absolute;white-space:normal;overflow:hidden;border:.5pt dotted #bbb;padding:1pt 3pt;"
	"line-height:1.15}.cell>div{min-height:.6em}"
	".box{position:absolute;border:.5pt dashed #999}"
	".lbl{position:absolute;left:-12pt}"
	".rt{position:absolute;white-space:pre}"
	"mark{background:transparent;color:inherit;border-bottom:2px solid;cursor:help}"
	"mark.error{background:rgba(198,40,40,.18);border-color:var(--err)}"
	"mark.warning{background:rgba(217,119,6,.20);border-color:var(--warn)}"
	"mark.info{background:rgba(29,111,184,.15);border-color:var(--info)}"
	"mark:hover,mark:target{outline:2px solid currentColor}"
	".zone{position:absolute;left:0;right:0;top:0;background:rgba(255,214,0,.10);"
	"border-bottom:1.5px dashed #b58900;pointer-events:none}"
	".zone span,.limit span{position:absolute;font:600 11px/1.1 system-ui,sans-serif}"
	".zone span{left:3pt;bottom:2px;color:#8a6d00;font-size:10px}"
	".limit{position:absolute;left:0;right:0;height:0;border-top:2px solid #e00000;pointer-events:none}"
	".limit span{right:4pt;top:2px;color:#e00000}"
	".cut{position:absolute;left:-26pt;font:12px system-ui,sans-serif;cursor:help}"
	"ol.findings{padding-left:20px;margin:0}ol.findings li{margin:0 0 8px}"
	"li .sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:0 4px;border-radius:3px;color:#fff}"
	"li.error .sev{background:var(--err)}li.warning .sev{background:var(--warn)}li.info .sev{background:var(--info)}"
	"code{font:12px ui-monospace,'DejaVu Sans Mono',monospace;background:#f1f3f5;padding:0 3px;border-radius:3px}"
	"details{color:var(--muted)}summary{cursor:pointer}"
	".gauge{display:flex;align-items:center;gap:12px}"
	".ring{width:64px;height:64px;border-radius:50%;display:grid;place-items:center}"
	".ring b{width:48px;height:48px;border-radius:50%;background:#fff;display:grid;place-items:center;font-size:15px}"
	".chips{display:flex;flex-wrap:wrap;gap:4px;margin:4px 0 8px}"
	".chip{border:1px solid #c5ccd3;border-radius:12px;padding:0 8px;font-size:12px;background:#f6f8fa}"
	".chip.req{border-color:var(--err);color:var(--err);background:#fdecec}"
	".chip.skills{border-color:var(--warn);background:#fff7e6}"
	".error-note{color:var(--err)}";

static void html_begin(struct rl_out *o)
{
	(void)o; /* the head goes out at the end, with the summary before the files */
}

/* ---- the pages ---- */

/* What a run of bytes of a line is: its format run and the findings
 * marking it (bits of file_ctx.cand; findings past the first 64 that touch
 * one line go unmarked, they are still listed). */
struct piece {
	size_t run;
	uint64_t set;
};

#define MAX_MARKED_PER_LINE 64

/* A finding's source span. A point (a finding about the whole resume,
 * such as the job match) marks nothing: it is only listed. */
static void finding_span(const struct rl_finding *f, size_t *a, size_t *b)
{
	*a = f->start;
	*b = f->end;
}

struct file_ctx {
	struct rl_out *o;
	const struct rl_result *r;
	const struct rl_page_picture *pic;
	unsigned id;            /* 1-based file number */
	unsigned *mark_of;      /* per finding: the first mark showing it (1-based), 0 for none */
	unsigned nmarks;
	long *cand;             /* findings that may touch the line being drawn */
};

/* Source offset of byte k of line l, or SIZE_MAX when it has none. */
static size_t line_src(const struct file_ctx *c, const struct rl_page_line *l, size_t k)
{
	const struct rl_doc *doc = c->r->doc;
	if (l->block >= doc->nblocks)
		return SIZE_MAX;
	const struct rl_block *b = &doc->blocks[l->block];
	long t = l->t0 + (long)k;
	if (t < 0 || (size_t)t >= b->text_len)
		return SIZE_MAX;
	return rl_block_src(b, (size_t)t);
}

/* A mark over text the findings in set (bits of c->cand) cover: the most
 * severe one's colour, every one's rule, message and advice on hover. */
static void open_mark(struct file_ctx *c, uint64_t set)
{
	struct rl_buf *b = &c->o->aux;
	const struct rl_finding *v = c->r->report.v;
	unsigned id = ++c->nmarks;
	enum rl_severity worst = RL_SEV_INFO;
	for (size_t ci = 0; ci < MAX_MARKED_PER_LINE; ci++)
		if ((set >> ci & 1) && v[c->cand[ci]].severity > worst)
			worst = v[c->cand[ci]].severity;
	rl_buf_addf(b, "<mark class=\"%s\" id=\"file-%u-m%u\" data-rule=\"", sev_class(worst), c->id, id);
	int first = 1;
	for (size_t ci = 0; ci < MAX_MARKED_PER_LINE; ci++)
		if (set >> ci & 1) {
			if (!first)
				rl_buf_addc(b, ' ');
			html_str(b, v[c->cand[ci]].rule->id);
			first = 0;
		}
	rl_buf_adds(b, "\" title=\"");
	first = 1;
	for (size_t ci = 0; ci < MAX_MARKED_PER_LINE; ci++) {
		if (!(set >> ci & 1))
			continue;
		const struct rl_finding *f = &v[c->cand[ci]];
		if (!c->mark_of[c->cand[ci]])
			c->mark_of[c->cand[ci]] = id;
		if (!first)
			rl_buf_adds(b, "&#10;&#10;");
		first = 0;
		html_str(b, f->rule->id);
		rl_buf_addf(b, " (%s): ", rl_severity_name(f->severity));
		html_str(b, f->message);
		if (f->rule->advice) {
			rl_buf_adds(b, "&#10;");
			html_str(b, f->rule->advice);
		}
	}
	rl_buf_adds(b, "\">");
}

static void open_run(struct file_ctx *c, const struct rl_page_run *run)
{
	struct rl_buf *b = &c->o->aux;
	rl_buf_adds(b, "<span style=\"font-family:");
	css_font(b, run->font < c->pic->nfonts ? c->pic->fonts[run->font] : NULL);
	rl_buf_addf(b, ";font-size:%.2fpt%s%s\">", run->size > 0 && run->size < 400 ? run->size : 11.0,
		    run->bold ? ";font-weight:700" : "", run->italic ? ";font-style:italic" : "");
}

/* Writes bytes [a, b) of line l: spans for its runs, marks for findings. */
static void line_text(struct file_ctx *c, const struct rl_page_line *l, size_t a, size_t e)
{
	const struct rl_page_picture *pic = c->pic;
	const char *s = pic->text + l->text;
	struct rl_buf *b = &c->o->aux;
	/* the findings whose spans reach this part of the line */
	size_t ncand = 0, lo = SIZE_MAX, hi = 0;
	for (size_t k = a; k < e; k++) {
		size_t so = line_src(c, l, k);
		if (so == SIZE_MAX)
			continue;
		lo = so < lo ? so : lo;
		hi = so > hi ? so : hi;
	}
	for (size_t i = 0; lo != SIZE_MAX && i < c->r->report.n; i++) {
		size_t fa, fb;
		finding_span(&c->r->report.v[i], &fa, &fb);
		if (fb > fa && fa <= hi && fb > lo && ncand < MAX_MARKED_PER_LINE)
			c->cand[ncand++] = (long)i;
	}
	struct piece cur = { SIZE_MAX, 0 };
	int open = 0;
	size_t k = a;
	while (k < e) {
		size_t n = rl_utf8_seqlen((unsigned char)s[k]);
		if (k + n > e)
			n = e - k;
		struct piece p = { SIZE_MAX, 0 };
		for (uint32_t ri = 0; ri < l->nruns; ri++) {
			const struct rl_page_run *run = &pic->runs[l->run + ri];
			if (k >= run->off && k < run->off + run->len) {
				p.run = l->run + ri;
				break;
			}
		}
		if (ncand) {
			size_t so = line_src(c, l, k);
			for (size_t ci = 0; so != SIZE_MAX && ci < ncand; ci++) {
				size_t fa, fb;
				finding_span(&c->r->report.v[c->cand[ci]], &fa, &fb);
				if (so >= fa && so < fb)
					p.set |= (uint64_t)1 << ci;
			}
		}
		if (!open || p.run != cur.run || p.set != cur.set) {
			if (open)
				rl_buf_adds(b, cur.set ? "</mark></span>" : "</span>");
			if (p.run != SIZE_MAX)
				open_run(c, &pic->runs[p.run]);
			else
				rl_buf_adds(b, "<span>");
			if (p.set)
				open_mark(c, p.set);
			cur = p;
			open = 1;
		}
		html_text(b, s + k, n);
		k += n;
	}
	if (open)
		rl_buf_adds(b, cur.set ? "</mark></span>" : "</span>");
}

/* The line's text: up to its last tab, then what a right tab stop takes. */
static void draw_line(struct file_ctx *c, const struct rl_page_line *l, const struct rl_page_line *next,
		      unsigned limit)
{
	struct rl_buf *b = &c->o->aux;
	const char *s = c->pic->text + l->text;
	int over = l->page > limit;
	if (l->kind == RL_PLINE_BOX) {
		rl_buf_addf(b, "<div class=\"box%s\" style=\"top:%.2fpt;left:0;width:%.2fpt;height:%.2fpt\"></div>",
			    over ? " over" : "", l->y, l->width, l->height);
		return;
	}
	if (l->kind == RL_PLINE_CELL) {
		/* a box a cell; its paragraphs flow inside it */
		if (!l->cell_more)
			rl_buf_addf(b, "<div class=\"cell%s\" style=\"top:%.2fpt;left:%.2fpt;width:%.2fpt;height:%.2fpt\">",
				    over ? " over" : "", l->y, l->x, l->width, l->height);
		rl_buf_adds(b, "<div>");
		line_text(c, l, 0, l->len);
		rl_buf_adds(b, "</div>");
		if (!next || next->kind != RL_PLINE_CELL || !next->cell_more)
			rl_buf_adds(b, "</div>");
		return;
	}
	double w = l->width > 1 ? l->width : 1;
	rl_buf_addf(b, "<div class=\"ln%s\" style=\"top:%.2fpt;left:%.2fpt;width:%.2fpt;height:%.2fpt;line-height:%.2fpt%s\">",
		    over ? " over" : "", l->y, l->x, w, l->height, l->height,
		    l->align == RL_ALIGN_CENTER ? ";text-align:center" : l->align == RL_ALIGN_RIGHT ? ";text-align:right" : "");
	if (l->list_label)
		rl_buf_adds(b, "<span class=\"lbl\">&#8226;</span>");
	size_t tab = l->len;
	if (l->right_tab > l->x) {
		while (tab > 0 && s[tab - 1] != '\t')
			tab--;
		if (!tab)
			tab = l->len;
	}
	size_t end = tab < l->len ? tab - 1 : l->len;
	while (end > 0 && (s[end - 1] == '\n' || s[end - 1] == '\f' || s[end - 1] == '\v'))
		end--;
	line_text(c, l, 0, end);
	if (tab < l->len) {
		size_t e2 = l->len;
		while (e2 > tab && (s[e2 - 1] == '\n' || s[e2 - 1] == '\f' || s[e2 - 1] == '\v'))
			e2--;
		rl_buf_addf(b, "<span class=\"rt\" style=\"right:%.2fpt\">", w - (l->right_tab - l->x));
		line_text(c, l, tab, e2);
		rl_buf_adds(b, "</span>");
	}
	rl_buf_adds(b, "</div>");
}

static void draw_pages(struct file_ctx *c)
{
	const struct rl_page_picture *pic = c->pic;
	const struct rl_pages *pg = &c->r->report.pages;
	const struct rl_doc *doc = c->r->doc;
	struct rl_buf *b = &c->o->aux;
	unsigned count = pg->count ? pg->count : 1;
	size_t li = 0;
	rl_buf_addf(b, "<div class=\"pages\" data-pages=\"%u\" data-limit=\"%u\" data-estimate=\"%.2f\">", count,
		    pg->limit, pg->estimate);
	for (unsigned page = 1; page <= count; page++) {
		rl_buf_addf(b, "<div class=\"pagecap\">page %u of %u</div>", page, count);
		rl_buf_addf(b,
			    "<div class=\"sheet%s\" data-page=\"%u\" style=\"width:%.2fpt;height:%.2fpt\">"
			    "<div class=\"body\" style=\"top:%.2fpt;left:%.2fpt;width:%.2fpt;height:%.2fpt\">",
			    page > pg->limit ? " over" : "", page, pic->page_w, pic->page_h, pic->m_top, pic->m_left,
			    pic->body_w, pic->body_h);
		for (; li < pic->nlines && pic->lines[li].page <= page; li++) {
			const struct rl_page_line *l = &pic->lines[li];
			if (l->page == page)
				draw_line(c, l, li + 1 < pic->nlines ? &pic->lines[li + 1] : NULL, pg->limit);
			/* a cut starts at this line's block: a mark in the margin */
			int first = !li || pic->lines[li - 1].block != l->block;
			for (size_t k = 0; first && l->page == page && k < pg->ncuts; k++) {
				const struct rl_cut *cut = &pg->cuts[k];
				if (cut->block != l->block || cut->block >= doc->nblocks)
					continue;
				rl_buf_addf(b, "<span class=\"cut\" style=\"top:%.2fpt\" title=\"cut: ", l->y);
				html_str(b, cut->what);
				rl_buf_addf(b, " (about %.0f lines)\">&#9986;</span>", cut->lines);
			}
		}
		rl_buf_adds(b, "</div>");
		if (page == 1) {
			/* the top third of page one: what six seconds take in (the
			 * match's top third is a third of a page's text from the top) */
			double h = pic->m_top + pic->body_h / 3;
			rl_buf_addf(b,
				    "<div class=\"zone\" style=\"height:%.2fpt\" data-height-pt=\"%.2f\" "
				    "title=\"the six-second zone: the top third of page one, what a recruiter reads first\">"
				    "<span>six-second<br>zone</span></div>",
				    h, h);
		}
		if (page == pg->limit) {
			double y = pic->m_top + pic->body_h;
			rl_buf_addf(b,
				    "<div class=\"limit\" style=\"top:%.2fpt\" data-top-pt=\"%.2f\" title=\"the page limit: "
				    "%u page%s\"><span>end of page %u</span></div>",
				    y, y, pg->limit, pg->limit == 1 ? "" : "s", page);
		}
		rl_buf_adds(b, "</div>");
	}
	if (pic->truncated)
		rl_buf_addf(b, "<p class=\"muted\">Only the first %u lines are drawn.</p>", RL_PICTURE_MAX_LINES);
	rl_buf_adds(b, "</div>");
}

/* ---- beside the pages ---- */

static void finding_list(struct file_ctx *c)
{
	const struct rl_result *r = c->r;
	struct rl_buf *b = &c->o->aux;
	rl_buf_addf(b, "<h3>Findings (%zu)</h3>", r->report.n);
	if (!r->report.n) {
		rl_buf_adds(b, "<p class=\"muted\">Nothing to fix.</p>");
		return;
	}
	rl_buf_adds(b, "<ol class=\"findings\">");
	for (size_t i = 0; i < r->report.n; i++) {
		const struct rl_finding *f = &r->report.v[i];
		struct rl_span_pos p = rl_finding_pos(r, f);
		rl_buf_addf(b, "<li class=\"%s\" data-rule=\"", sev_class(f->severity));
		html_str(b, f->rule->id);
		rl_buf_addf(b, "\"><span class=\"sev\">%s</span> ", rl_severity_name(f->severity));
		if (c->mark_of[i])
			rl_buf_addf(b, "<a href=\"#file-%u-m%u\">%u:%u</a> ", c->id, c->mark_of[i], p.line, p.col);
		else
			rl_buf_addf(b, "%u:%u ", p.line, p.col);
		rl_buf_adds(b, "<code>");
		html_str(b, f->rule->id);
		rl_buf_adds(b, "</code> ");
		html_str(b, f->message);
		if (f->rule->advice) {
			rl_buf_adds(b, "<details><summary>why</summary>");
			html_str(b, f->rule->advice);
			rl_buf_adds(b, "</details>");
		}
		rl_buf_adds(b, "</li>");
	}
	rl_buf_adds(b, "</ol>");
}

static void cut_list(struct file_ctx *c)
{
	const struct rl_pages *pg = &c->r->report.pages;
	struct rl_buf *b = &c->o->aux;
	if (!pg->ncuts)
		return;
	rl_buf_adds(b, "<h3>What to cut</h3><ul class=\"cuts\">");
	for (size_t i = 0; i < pg->ncuts; i++) {
		const struct rl_cut *cut = &pg->cuts[i];
		rl_buf_adds(b, "<li>");
		html_str(b, cut->what);
		if (cut->line)
			rl_buf_addf(b, " (line %u)", cut->line);
		rl_buf_addf(b, ": about %.0f line%s</li>", cut->lines, fabs(cut->lines - 1) < 0.5 ? "" : "s");
	}
	rl_buf_adds(b, "</ul>");
}

static void chip(struct rl_buf *b, const struct rl_term *t, const char *cls)
{
	rl_buf_addf(b, "<span class=\"chip%s%s\" title=\"%s, weight %lld, posting line %u (", *cls ? " " : "", cls,
		    t->required ? "required" : "wanted", (long long)(t->score * 10 + 0.5), t->line);
	html_str(b, rl_part_name(t->part));
	rl_buf_adds(b, ")\">");
	html_str(b, t->text);
	rl_buf_adds(b, "</span>");
}

static void match_block(struct file_ctx *c)
{
	const struct rl_match *m = c->r->report.match;
	const struct rl_posting *p = m->posting;
	struct rl_buf *b = &c->o->aux;
	int s = m->score < 0 ? 0 : m->score > 100 ? 100 : m->score;
	const char *color = s >= 70 ? "#2e7d32" : s >= 40 ? "#d97706" : "#c62828";
	rl_buf_adds(b, "<h3>Job match</h3><div class=\"match\" data-score=\"");
	rl_buf_addf(b, "%d\"><div class=\"gauge\"><div class=\"ring\" style=\"background:conic-gradient(%s %d%%,#e3e6ea 0)\">"
		       "<b>%d</b></div><div>",
		    s, color, s, s);
	rl_buf_addf(b, "%zu of %zu terms of <code>", m->nterms - m->nmissing, m->nterms);
	html_str(b, p->path);
	rl_buf_adds(b, "</code>");
	if (p->title) {
		rl_buf_adds(b, "<br>title \u201c");
		html_str(b, p->title);
		rl_buf_adds(b, m->title_found ? "\u201d found" : "\u201d not in the headline or summary");
	}
	rl_buf_adds(b, "</div></div>");
	if (m->nmissing) {
		rl_buf_adds(b, "<p>Missing (required in red):</p><div class=\"chips missing\">");
		for (size_t i = 0; i < m->nmissing; i++) {
			const struct rl_term *t = m->terms[m->missing[i]].term;
			chip(b, t, t->required ? "req" : "");
		}
		rl_buf_adds(b, "</div>");
	}
	size_t only = 0;
	for (size_t i = 0; i < m->nterms; i++) {
		unsigned w = m->terms[i].where;
		if ((w & ~(unsigned)RL_WHERE_TOP) != RL_WHERE_SKILLS || (w & RL_WHERE_TOP))
			continue;
		if (!only++)
			rl_buf_adds(b, "<p>Only in the skills list (show them in a bullet):</p><div class=\"chips skills\">");
		chip(b, m->terms[i].term, "skills");
	}
	if (only)
		rl_buf_adds(b, "</div>");
}

/* ---- files ---- */

static void summary_row(struct rl_out *o, const struct rl_result *r, unsigned id)
{
	struct rl_buf *b = &o->notes;
	size_t counts[4];
	rl_report_count(&r->report, counts);
	rl_buf_addf(b, "<tr><td><a href=\"#file-%u\">", id);
	html_str(b, r->path);
	rl_buf_adds(b, "</a></td>");
	if (r->status != RL_STATUS_OK) {
		rl_buf_adds(b, "<td colspan=\"4\" class=\"error-note\">");
		html_str(b, r->error);
		rl_buf_adds(b, "</td></tr>");
		return;
	}
	const struct rl_pages *pg = &r->report.pages;
	rl_buf_addf(b, "<td class=\"n\">%.2f</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">",
		    pg->estimate, counts[RL_SEV_ERROR], counts[RL_SEV_WARNING]);
	if (r->report.match)
		rl_buf_addf(b, "%d", r->report.match->score);
	else
		rl_buf_adds(b, "&#8212;");
	rl_buf_adds(b, "</td></tr>");
}

static void html_file(struct rl_out *o, const struct rl_result *r)
{
	unsigned id = (unsigned)++o->state;
	struct rl_buf *b = &o->aux;
	summary_row(o, r, id);
	rl_buf_addf(b, "<section class=\"file\" id=\"file-%u\" data-path=\"", id);
	html_str(b, r->path);
	rl_buf_adds(b, "\"><h2>");
	html_str(b, r->path);
	rl_buf_adds(b, "</h2>");
	if (r->status != RL_STATUS_OK || !r->doc) {
		rl_buf_adds(b, "<p class=\"error-note\">Not checked: ");
		html_str(b, r->error);
		rl_buf_adds(b, "</p></section>");
		return;
	}
	const struct rl_pages *pg = &r->report.pages;
	size_t counts[4];
	rl_report_count(&r->report, counts);
	rl_buf_adds(b, "<p class=\"facts\">");
	html_str(b, r->format);
	rl_buf_addf(b, "; about <b%s>%.2f pages</b> (the limit is %u", pg->count > pg->limit ? " class=\"over\"" : "",
		    pg->estimate, pg->limit);
	if (pg->lines_over > 0)
		rl_buf_addf(b, "; %.0f lines over", pg->lines_over);
	else if (pg->lines_free >= 1)
		rl_buf_addf(b, "; room for about %.0f more line%s", pg->lines_free, pg->lines_free < 1.5 ? "" : "s");
	rl_buf_addf(b, "), %s confidence", rl_confidence_name(pg->confidence));
	if (pg->profile) {
		rl_buf_adds(b, ", laid out as <code>");
		html_str(b, pg->profile);
		rl_buf_adds(b, "</code>");
	}
	rl_buf_addf(b, "; %zu error%s, %zu warning%s, %zu info%s</p>", counts[RL_SEV_ERROR],
		    counts[RL_SEV_ERROR] == 1 ? "" : "s", counts[RL_SEV_WARNING], counts[RL_SEV_WARNING] == 1 ? "" : "s",
		    counts[RL_SEV_INFO], counts[RL_SEV_INFO] == 1 ? "" : "s");
	struct file_ctx c = { o, r, pg->picture, id, rl_xcalloc(r->report.n + 1, sizeof(unsigned)), 0,
			      rl_xcalloc(MAX_MARKED_PER_LINE, sizeof(long)) };
	rl_buf_adds(b, "<div class=\"cols\">");
	if (c.pic)
		draw_pages(&c);
	else
		rl_buf_adds(b, "<p class=\"muted\">The pages were not kept (rl_lint_opts.keep_lines).</p>");
	rl_buf_adds(b, "<aside>");
	if (r->report.match)
		match_block(&c);
	cut_list(&c);
	finding_list(&c);
	if (r->diags.n) {
		rl_buf_adds(b, "<h3>About the file</h3><ul>");
		for (size_t i = 0; i < r->diags.n; i++) {
			rl_buf_addf(b, "<li>%u:%u: ", r->diags.v[i].line, r->diags.v[i].col);
			html_str(b, r->diags.v[i].message);
			rl_buf_adds(b, "</li>");
		}
		rl_buf_adds(b, "</ul>");
	}
	rl_buf_adds(b, "</aside></div></section>");
	free(c.mark_of);
	free(c.cand);
}

static void html_end(struct rl_out *o)
{
	struct rl_buf *b = &o->buf;
	rl_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		       "style-src 'unsafe-inline'; img-src data:\">"
		       "<meta name=\"viewport\" content=\"width=device-width\">"
		       "<title>resumelint report</title><style>");
	rl_buf_adds(b, style);
	rl_buf_adds(b, "</style></head><body><h1>resumelint report</h1><p class=\"muted\">");
	rl_buf_addf(b, "%zu file%s checked: %zu error%s, %zu warning%s, %zu info%s", o->files, o->files == 1 ? "" : "s",
		    o->counts[RL_SEV_ERROR], o->counts[RL_SEV_ERROR] == 1 ? "" : "s", o->counts[RL_SEV_WARNING],
		    o->counts[RL_SEV_WARNING] == 1 ? "" : "s", o->counts[RL_SEV_INFO],
		    o->counts[RL_SEV_INFO] == 1 ? "" : "s");
	if (o->file_errors)
		rl_buf_addf(b, "; %zu could not be read", o->file_errors);
	rl_buf_adds(b, ". The pages are drawn as page fit estimates them: the red line is the page limit, "
		       "what runs past it is shaded, the yellow band is the six-second zone. Hover a marked "
		       "passage for the finding.</p>");
	if (o->files > 1) {
		rl_buf_adds(b, "<table class=\"summary\"><thead><tr><th>File</th><th>Pages</th><th>Errors</th>"
			       "<th>Warnings</th><th>Match</th></tr></thead><tbody>");
		rl_buf_add(b, o->notes.data, o->notes.len);
		rl_buf_adds(b, "</tbody></table>");
	}
	rl_buf_add(b, o->aux.data, o->aux.len);
	rl_buf_addf(b, "<p class=\"muted\">resumelint ");
	html_str(b, o->version);
	rl_buf_adds(b, "</p></body></html>\n");
	rl_buf_clear(&o->aux);
	rl_buf_clear(&o->notes);
}

const struct rl_formatter rl_format_html = {
	.name = "html",
	.help = "one self-contained HTML page: the pages drawn, findings in place, the job match",
	.begin = html_begin,
	.file = html_file,
	.end = html_end,
};
