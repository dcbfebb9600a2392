/* Page fit: layout → the numbers the report gives (see pagefit.h). */
#include "pagefit.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "layout.h"
#include "profile.h"

/* The estimate is borderline this close (in pages) to the limit: about
 * three lines, within the error of a static layout. */
#define BORDERLINE_PAGES 0.05
/* A line of 11-12 pt body text, for a resume whose text is all in tables. */
#define TYPICAL_LINE_PT 14.0

static const struct {
	unsigned bit;
	const char *name;
} reason_names[] = {
	{ RL_LAYOUT_UNKNOWN_FONT, "a font without metrics (a stand-in was measured)" },
	{ RL_LAYOUT_APPROX_FONT, "a font whose line height is only approximate" },
	{ RL_LAYOUT_FLOATING, "floating pictures or shapes" },
	{ RL_LAYOUT_TEXT_BOXES, "text boxes" },
	{ RL_LAYOUT_COLUMNS, "newspaper columns" },
	{ RL_LAYOUT_TABLES, "tables with borders or nested cells" },
	{ RL_LAYOUT_SECTIONS, "several sections" },
	{ RL_LAYOUT_MISSING_STYLES, "paragraph styles the file names but does not define" },
};

size_t rl_pagefit_reasons(unsigned reasons, const char **names, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof reason_names / sizeof *reason_names && n < max; i++)
		if (reasons & reason_names[i].bit)
			names[n++] = reason_names[i].name;
	return n;
}

const char *rl_confidence_name(enum rl_confidence c)
{
	return c == RL_CONFIDENCE_HIGH ? "high" : c == RL_CONFIDENCE_MEDIUM ? "medium" : "low";
}

static const struct rl_profile *profile_for(const struct rl_lint_opts *opts)
{
	const struct rl_profile *p = opts->render ? rl_profile_find(opts->render) : NULL;
	if (p)
		return p;
	return rl_profile_find(opts->paper == RL_PAPER_A4 ? "pandoc-a4" : "pandoc");
}

static struct rl_profile_overrides overrides_for(const struct rl_profile *p, const struct rl_lint_opts *opts)
{
	struct rl_profile_overrides o = { 0, 0, opts->margin_pt, opts->font, opts->font_size, opts->line_spacing };
	if (opts->paper == RL_PAPER_A4 && strncmp(p->name, "pandoc", 6) == 0) {
		o.page_w = 595.3;
		o.page_h = 841.9;
	}
	return o;
}

void rl_pagefit_describe(const struct rl_lint_opts *opts, struct rl_buf *out)
{
	const struct rl_profile *p = profile_for(opts);
	struct rl_profile_overrides o = overrides_for(p, opts);
	double w = o.page_w > 0 ? o.page_w : p->page_w, h = o.page_h > 0 ? o.page_h : p->page_h;
	rl_buf_addf(out, "Markdown is laid out with the profile \"%s\": %s.\n", p->name, p->help);
	rl_buf_addf(out, "  page      %.1f x %.1f in (%s)\n", w / 72, h / 72,
		    fabs(w - 595.3) < 1 ? "A4" : fabs(w - 612) < 1 ? "Letter" : "custom");
	if (o.margin > 0)
		rl_buf_addf(out, "  margins   %.2f in on every side\n", o.margin / 72);
	else
		rl_buf_addf(out, "  margins   top %.2f, right %.2f, bottom %.2f, left %.2f in\n", p->margin_top / 72,
			    p->margin_right / 72, p->margin_bottom / 72, p->margin_left / 72);
	rl_buf_addf(out, "  body      %s %.1f pt, line spacing %.2f\n", o.font ? o.font : p->fonts[0],
		    o.size > 0 ? o.size : p->size, o.line > 0 ? o.line : p->line);
	rl_buf_addf(out, "  headings  %s; code %s %.1f pt\n", p->fonts[1], p->fonts[2], p->code_size);
	rl_buf_adds(out, "Change it with --render, --paper, --margins, --font, --font-size and\n"
			 "--line-spacing, or under layout: in .resumelint.yml. Word files are laid out\n"
			 "from their own page setup and styles.\n");
}

static struct rl_layout_facts *facts_for(const struct rl_doc *doc, const struct rl_lint_opts *opts,
					 const struct rl_layout_facts **f, const char **profile)
{
	*f = doc->layout;
	*profile = NULL;
	if (*f)
		return NULL;
	const struct rl_profile *p = profile_for(opts);
	struct rl_profile_overrides o = overrides_for(p, opts);
	struct rl_layout_facts *own = rl_profile_facts(p, &o, doc);
	*f = own;
	*profile = p->name;
	return own;
}

void rl_pagefit_dump(const struct rl_doc *doc, const struct rl_lint_opts *opts, struct rl_buf *out)
{
	const struct rl_layout_facts *f;
	const char *profile;
	struct rl_layout_facts *own = facts_for(doc, opts, &f, &profile);
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	rl_layout_dump(f, &r, out);
	rl_layout_result_free(&r);
	rl_layout_facts_free(own);
}

/* Adds laid-out line l to its block's share of the page (in points until
 * the typical line height is known). */
static void note_block_line(const struct rl_layout_facts *f, const struct rl_line_box *l, struct rl_pages *out)
{
	const struct rl_lf_para *lp = &f->paras[l->para];
	if (lp->block >= out->nblocks)
		return;
	struct rl_block_fit *bf = &out->blocks[lp->block];
	bf->lines += l->height;
	if (bf->nlines < UINT16_MAX)
		bf->nlines++;
	size_t words = l->end > l->start ? rl_count_words(lp->text + l->start, l->end - l->start) : 0;
	bf->short_tail = bf->nlines >= 2 && words > 0 && words <= 2;
}

/* ---- the picture (rl_lint_opts.keep_lines) ---- */

struct picture_builder {
	struct rl_page_picture *p;
	struct rl_buf text;
	size_t cap_lines, cap_runs;
};

/* Bytes a reader trimmed off the front of a paragraph's text to make its
 * block's text (rl_doc_end_block): Word paragraphs may start with spaces. */
static size_t text_lead(const struct rl_lf_para *lp)
{
	size_t n = 0;
	while (n < lp->text_len && (lp->text[n] == ' ' || lp->text[n] == '\t' || lp->text[n] == '\n' ||
				    lp->text[n] == '\r' || lp->text[n] == '\f' || lp->text[n] == '\v'))
		n++;
	return n;
}

/* Adds a line showing bytes [a, b) of paragraph lp, with its runs. */
static struct rl_page_line *picture_line(struct picture_builder *pb, const struct rl_lf_para *lp, size_t a,
					 size_t b)
{
	struct rl_page_picture *p = pb->p;
	if (p->nlines >= RL_PICTURE_MAX_LINES) {
		p->truncated = 1;
		return NULL;
	}
	if (b > lp->text_len)
		b = lp->text_len;
	if (a > b)
		a = b;
	RL_GROW(p->lines, p->nlines, pb->cap_lines);
	struct rl_page_line *pl = &p->lines[p->nlines++];
	memset(pl, 0, sizeof *pl);
	pl->block = lp->block;
	pl->t0 = (long)a - (long)text_lead(lp);
	pl->text = (uint32_t)pb->text.len;
	pl->len = (uint32_t)(b - a);
	rl_buf_add(&pb->text, lp->text + a, b - a);
	pl->run = (uint32_t)p->nruns;
	for (size_t k = 0; k < lp->nruns; k++) {
		const struct rl_lf_run *r = &lp->runs[k];
		size_t r0 = r->off > a ? r->off : a, r1 = r->off + r->len < b ? r->off + r->len : b;
		if (r1 <= r0)
			continue;
		RL_GROW(p->runs, p->nruns, pb->cap_runs);
		p->runs[p->nruns++] = (struct rl_page_run){ (uint32_t)(r0 - a), (uint32_t)(r1 - r0), r->font, r->bold,
							    r->italic, r->size };
	}
	if (p->nruns == pl->run) {
		/* no runs: the paragraph mark's format */
		RL_GROW(p->runs, p->nruns, pb->cap_runs);
		p->runs[p->nruns++] = (struct rl_page_run){ 0, pl->len, lp->mark_font, 0, 0, lp->mark_size };
	}
	pl->nruns = (uint32_t)p->nruns - pl->run;
	pl->align = (uint8_t)lp->align;
	return pl;
}

/* The cells of one table row, drawn in boxes as tall as the row (the
 * layout keeps rows, not the lines in their cells). *cursor walks the
 * table's paragraphs row by row. */
static void picture_row(struct picture_builder *pb, const struct rl_layout_facts *f, const struct rl_line_box *l,
			unsigned row, size_t *cursor)
{
	const struct rl_lf_para *fp = &f->paras[l->para];
	unsigned tn = fp->table;
	const struct rl_lf_table *t = tn <= f->ntables ? &f->tables[tn - 1] : NULL;
	size_t k = *cursor;
	unsigned prev_col = UINT_MAX;
	for (; k < f->nparas && f->paras[k].table; k++) {
		const struct rl_lf_para *lp = &f->paras[k];
		if (lp->table != tn)
			continue; /* a nested table: its outer cell shows where it is */
		if (lp->row < row)
			continue;
		if (lp->row > row)
			break;
		double x = t ? t->indent : 0, w = 0;
		unsigned span = lp->col_span ? lp->col_span : 1;
		if (t && t->ncols) {
			for (unsigned c = 0; c < lp->col && c < t->ncols; c++)
				x += t->grid[c];
			for (unsigned c = lp->col; c < lp->col + span && c < t->ncols; c++)
				w += t->grid[c];
		}
		if (w <= 0)
			w = pb->p->body_w / 2;
		struct rl_page_line *pl = picture_line(pb, lp, 0, lp->text_len);
		if (!pl)
			break;
		pl->kind = RL_PLINE_CELL;
		pl->cell_more = lp->col == prev_col;
		prev_col = lp->col;
		pl->page = l->page;
		pl->y = l->y;
		pl->height = l->height;
		pl->x = (float)x;
		pl->width = (float)w;
		pl->visible = 1;
	}
	*cursor = k;
}

static struct rl_page_picture *keep_picture(const struct rl_layout_facts *f, const struct rl_layout_result *r)
{
	struct picture_builder pb = { rl_xcalloc(1, sizeof *pb.p), { 0 }, 0, 0 };
	struct rl_page_picture *p = pb.p;
	rl_buf_init(&pb.text);
	if (f->nsections) {
		const struct rl_lf_section *s = &f->sections[0];
		p->page_w = s->page_w;
		p->page_h = s->page_h;
		p->m_top = s->m_top;
		p->m_right = s->m_right;
		p->m_bottom = s->m_bottom;
		p->m_left = s->m_left + s->gutter;
	}
	p->body_h = (float)r->body_height;
	p->body_w = (float)r->body_width;
	/* a header taller than its room pushes the body down (layout.c) */
	if (p->page_h - p->m_top - p->m_bottom > p->body_h + 0.5f)
		p->m_top = p->page_h - p->m_bottom - p->body_h;
	p->nfonts = f->nfonts;
	p->fonts = rl_xcalloc(f->nfonts ? f->nfonts : 1, sizeof *p->fonts);
	for (size_t i = 0; i < f->nfonts; i++)
		p->fonts[i] = rl_xstrdup(f->fonts[i] ? f->fonts[i] : "");
	uint32_t prev_para = UINT32_MAX;
	unsigned row = 0;
	size_t cursor = 0;
	for (size_t i = 0; i < r->nlines; i++) {
		const struct rl_line_box *l = &r->lines[i];
		const struct rl_lf_para *lp = &f->paras[l->para];
		int first = l->para != prev_para;
		const struct rl_line_box *prev = i ? &r->lines[i - 1] : NULL;
		prev_para = l->para;
		if (lp->table) {
			/* a row; one that starts a page where the same table's last
			 * box filled the page before is the rest of a split row */
			if (first) {
				row = lp->row;
				cursor = l->para;
			} else if (prev && l->y < 0.01f && l->page == prev->page + 1 &&
				   prev->y + prev->height >= r->body_height - 0.5) {
				struct rl_page_line *pl = picture_line(&pb, lp, 0, 0);
				if (!pl)
					break;
				pl->kind = RL_PLINE_BOX;
				pl->page = l->page;
				pl->y = l->y;
				pl->height = l->height;
				pl->width = p->body_w;
				continue;
			} else {
				row++;
			}
			picture_row(&pb, f, l, row, &cursor);
			continue;
		}
		if (!l->visible)
			continue;
		struct rl_page_line *pl = picture_line(&pb, lp, l->start, l->end);
		if (!pl)
			break;
		double x = lp->ind_left + (l->start == 0 && !lp->list ? lp->ind_first : 0);
		pl->kind = RL_PLINE_TEXT;
		pl->page = l->page;
		pl->y = l->y;
		pl->height = l->height;
		pl->x = (float)(x > 0 ? x : 0);
		pl->width = (float)(r->body_width - lp->ind_right - pl->x);
		pl->list_label = lp->list && l->start == 0;
		pl->visible = 1;
		if (memchr(lp->text + l->start, '\t', l->end - l->start))
			for (size_t k = lp->ntabs; k-- > 0;)
				if (lp->tabs[k].kind == RL_TAB_RIGHT && lp->tabs[k].pos > pl->x) {
					pl->right_tab = lp->tabs[k].pos;
					break;
				}
	}
	p->text = rl_buf_detach(&pb.text, &p->text_len);
	return p;
}

void rl_pagefit_estimate(const struct rl_doc *doc, const struct rl_lint_opts *opts, struct rl_pages *out)
{
	const struct rl_layout_facts *f;
	memset(out, 0, sizeof *out);
	out->limit = opts->max_pages;
	out->word_saved = -1;
	struct rl_layout_facts *own = facts_for(doc, opts, &f, &out->profile);
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	out->estimate = r.total;
	out->count = r.pages ? r.pages : 1;
	out->reasons = r.reasons;
	if (out->profile && strncmp(out->profile, "latex", 5) == 0)
		out->reasons |= RL_LAYOUT_APPROX_FONT;

	/* the lines past the limit, and where the limit is crossed */
	/* the typical line, for "lines free" and the lines blocks take: of
	 * the lines outside tables (a table row that fits is one line box as
	 * tall as the row); a resume all in a table gets a common one */
	double last_bottom = 0, flow_line = 0;
	size_t nflow = 0;
	out->nblocks = doc->nblocks;
	out->blocks = rl_xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof *out->blocks);
	for (size_t i = 0; i < r.nlines; i++) {
		const struct rl_line_box *l = &r.lines[i];
		if (l->visible) {
			if (!f->paras[l->para].table) {
				flow_line += l->height;
				nflow++;
			}
			note_block_line(f, l, out);
		}
		if (l->page <= out->limit) {
			if (l->page == out->limit)
				last_bottom = l->y + l->height;
			continue;
		}
		if (!l->visible)
			continue;
		out->lines_over++;
		const struct rl_lf_para *lp = &f->paras[l->para];
		out->words_over += (double)rl_count_words(lp->text + l->start, l->end - l->start);
		if (out->has_overflow || lp->block >= doc->nblocks)
			continue;
		const struct rl_block *b = &doc->blocks[lp->block];
		size_t t = l->start < b->text_len ? l->start : 0;
		while (t < b->text_len && (b->text[t] == ' ' || b->text[t] == '\t'))
			t++; /* point at the first word of the line */
		size_t e = l->end < b->text_len ? l->end : b->text_len;
		while (e > t && (b->text[e - 1] == ' ' || b->text[e - 1] == '\n' || b->text[e - 1] == '\t'))
			e--;
		out->has_overflow = 1;
		out->overflow_block = lp->block;
		out->overflow_t0 = t;
		out->overflow_t1 = e > t ? e : t;
		out->overflow_off = rl_block_src(b, t);
		out->overflow_end = e > t ? rl_block_src(b, e - 1) + 1 : out->overflow_off;
	}
	if (!out->has_overflow && out->count > out->limit)
		out->lines_over = out->lines_over ? out->lines_over : 1;
	double typical = nflow >= 5 ? flow_line / (double)nflow : TYPICAL_LINE_PT;
	for (size_t i = 0; i < out->nblocks; i++)
		out->blocks[i].lines = typical > 0 ? out->blocks[i].lines / (float)typical : 0;
	if (out->count <= out->limit && typical > 0)
		out->lines_free = floor((r.body_height - last_bottom) / typical);
	out->borderline = fabs(out->estimate - (double)out->limit) < BORDERLINE_PAGES;

	unsigned serious = out->reasons & (RL_LAYOUT_FLOATING | RL_LAYOUT_TEXT_BOXES | RL_LAYOUT_COLUMNS |
					   RL_LAYOUT_SECTIONS | RL_LAYOUT_APPROX_FONT | RL_LAYOUT_MISSING_STYLES);
	unsigned mild = out->reasons & (RL_LAYOUT_UNKNOWN_FONT | RL_LAYOUT_TABLES);
	out->confidence = !serious && !mild ? RL_CONFIDENCE_HIGH
			  : (serious && (serious & (serious - 1))) || (serious && mild) ? RL_CONFIDENCE_LOW
											  : RL_CONFIDENCE_MEDIUM;
	if (f->application && strncmp(f->application, "Microsoft", 9) == 0 && f->app_pages > 0)
		out->word_saved = f->app_pages;
	if (opts->keep_lines && f)
		out->picture = keep_picture(f, &r);
	rl_layout_result_free(&r);
	rl_layout_facts_free(own);
}
