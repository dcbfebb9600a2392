/* Page fit: layout → the numbers the report gives (see pagefit.h). */
#include "pagefit.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "layout.h"
#include "profile.h"

/* The estimate is borderline this close (in pages) to the limit: about
 * three lines, within the error of a static layout. */
#define BORDERLINE_PAGES 0.05

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
	double body_line = 0, last_bottom = 0;
	size_t nbody = 0;
	out->nblocks = doc->nblocks;
	out->blocks = rl_xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof *out->blocks);
	for (size_t i = 0; i < r.nlines; i++) {
		const struct rl_line_box *l = &r.lines[i];
		if (l->visible) {
			body_line += l->height;
			nbody++;
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
	double typical = nbody ? body_line / (double)nbody : 14;
	for (size_t i = 0; i < out->nblocks; i++)
		out->blocks[i].lines = typical > 0 ? out->blocks[i].lines / (float)typical : 0;
	if (out->count <= out->limit && typical > 0)
		out->lines_free = floor((r.body_height - last_bottom) / typical);
	out->borderline = fabs(out->estimate - (double)out->limit) < BORDERLINE_PAGES;

	unsigned serious = out->reasons & (RL_LAYOUT_FLOATING | RL_LAYOUT_TEXT_BOXES | RL_LAYOUT_COLUMNS |
					   RL_LAYOUT_SECTIONS | RL_LAYOUT_APPROX_FONT);
	unsigned mild = out->reasons & (RL_LAYOUT_UNKNOWN_FONT | RL_LAYOUT_TABLES);
	out->confidence = !serious && !mild ? RL_CONFIDENCE_HIGH
			  : (serious && (serious & (serious - 1))) || (serious && mild) ? RL_CONFIDENCE_LOW
											  : RL_CONFIDENCE_MEDIUM;
	if (f->application && strncmp(f->application, "Microsoft", 9) == 0 && f->app_pages > 0)
		out->word_saved = f->app_pages;
	rl_layout_result_free(&r);
	rl_layout_facts_free(own);
}
