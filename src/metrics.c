/* Metric table for `limit` rules: words, pages. */
#include "metrics.h"

#include <string.h>

#include "buf.h"
#include "pagefit_cuts.h"

/* The measure's place: block b, in its section. */
static void at_block(struct rl_measure *out, const struct rl_doc *doc, const struct rl_block *b)
{
	out->has_pos = 1;
	out->start = b->start;
	out->end = b->end;
	out->text = b->text;
	out->text_len = b->text_len;
	out->section = (int)doc->sections[b->section].kind;
}

static void measure_words(struct rl_run *run, double limit, struct rl_measure *out)
{
	const struct rl_doc *doc = run->doc;
	size_t words = 0;
	out->value = (double)doc->words;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (b->kind == RL_BLOCK_META || b->kind == RL_BLOCK_PAGE_HEADER || b->kind == RL_BLOCK_PAGE_FOOTER)
			continue;
		words += rl_count_words(b->text, b->text_len);
		if ((double)words > limit) {
			at_block(out, doc, b);
			return;
		}
	}
}

/* Pages: the laid-out height; the limit is crossed when the text runs onto
 * a page past it. The detail says by how much and what to cut. */
static void measure_pages(struct rl_run *run, double limit, struct rl_measure *out)
{
	struct rl_pages *p = &run->report->pages;
	const struct rl_doc *doc = run->doc;
	(void)limit;
	out->value = p->estimate;
	out->exceeds = p->count > p->limit;
	if (!out->exceeds)
		return;
	rl_pagefit_cuts(doc, run->report, run->rule);
	struct rl_buf d;
	rl_buf_init(&d);
	if (p->has_overflow && p->overflow_block < doc->nblocks) {
		const struct rl_block *b = &doc->blocks[p->overflow_block];
		out->has_pos = 1;
		out->start = p->overflow_off;
		out->end = p->overflow_end;
		out->text = b->text + p->overflow_t0;
		out->text_len = p->overflow_t1 - p->overflow_t0;
		out->section = (int)doc->sections[b->section].kind;
		long lines = (long)(p->lines_over + 0.5), words = (long)(p->words_over + 0.5);
		rl_buf_addf(&d, "%ld line%s (%ld word%s) fall past page %u, from here", lines, lines == 1 ? "" : "s",
			    words, words == 1 ? "" : "s", p->limit);
		rl_pagefit_cuts_describe(p, &d);
	} else {
		rl_buf_addf(&d, "empty paragraphs or a page break push it onto page %u: delete them", p->limit + 1);
	}
	if (p->word_saved >= 0 && (unsigned)p->word_saved != p->count)
		rl_buf_addf(&d, " (Word's own count, saved in the file, is %d page%s: it may lay the file out "
				"differently, or the count is stale)",
			    p->word_saved, p->word_saved == 1 ? "" : "s");
	out->detail = rl_buf_detach(&d, NULL);
}

/* Body text size (Word files): the size most of the body's characters
 * have (the weighted median over runs), headings, headers and footers
 * aside. Crossed when it is under the limit; the position is the first body
 * paragraph set that small. Markdown has no sizes: never crossed. */
static void measure_body_font_size(struct rl_run *run, double limit, struct rl_measure *out)
{
	const struct rl_doc *doc = run->doc;
	const struct rl_layout_facts *f = doc->layout;
	out->exceeds = 0;
	if (!f)
		return;
	/* characters per size, in half points (Word's unit): 1 to 200 pt */
	size_t chars[401] = { 0 }, total = 0;
	for (size_t i = 0; i < f->nparas; i++) {
		const struct rl_lf_para *p = &f->paras[i];
		if (p->block >= doc->nblocks || p->in_header || p->in_footer)
			continue;
		const struct rl_block *b = &doc->blocks[p->block];
		if (b->kind == RL_BLOCK_HEADING || (b->flags & RL_BF_SECTION_HEADING))
			continue;
		for (size_t k = 0; k < p->nruns; k++) {
			int hp = (int)(p->runs[k].size * 2 + 0.5);
			if (hp < 1 || hp > 400)
				continue;
			chars[hp] += p->runs[k].len;
			total += p->runs[k].len;
		}
	}
	if (!total)
		return;
	size_t acc = 0;
	int median = 0;
	for (int hp = 1; hp <= 400; hp++) {
		acc += chars[hp];
		if (acc * 2 >= total) {
			median = hp;
			break;
		}
	}
	out->value = median / 2.0;
	if (out->value >= limit)
		return;
	out->exceeds = 1;
	/* the first body paragraph mostly at that size */
	for (size_t i = 0; i < f->nparas; i++) {
		const struct rl_lf_para *p = &f->paras[i];
		if (p->block >= doc->nblocks || p->in_header || p->in_footer)
			continue;
		const struct rl_block *b = &doc->blocks[p->block];
		if (b->kind == RL_BLOCK_HEADING || (b->flags & RL_BF_SECTION_HEADING) || b->text_len < 20)
			continue;
		size_t at = 0, all = 0;
		for (size_t k = 0; k < p->nruns; k++) {
			all += p->runs[k].len;
			at += (int)(p->runs[k].size * 2 + 0.5) == median ? p->runs[k].len : 0;
		}
		if (at * 2 < all)
			continue;
		at_block(out, doc, b);
		return;
	}
}

/* The narrowest page margin (Word files that set their page geometry), in
 * inches; the detail names the sides. Crossed when under the limit, at the
 * first paragraph of that page section. */
static void measure_margin(struct rl_run *run, double limit, struct rl_measure *out)
{
	const struct rl_doc *doc = run->doc;
	const struct rl_layout_facts *f = doc->layout;
	out->exceeds = 0;
	if (!f)
		return;
	double best = 1e9;
	size_t best_s = 0;
	for (size_t s = 0; s < f->nsections; s++) {
		const struct rl_lf_section *sec = &f->sections[s];
		if (!sec->explicit_geometry)
			continue;
		const float m[4] = { sec->m_top, sec->m_bottom, sec->m_left, sec->m_right };
		for (int k = 0; k < 4; k++) {
			double v = (m[k] < 0 ? -m[k] : m[k]) / 72.0;
			if (v < best) {
				best = v;
				best_s = s;
			}
		}
	}
	if (best > 1e8)
		return;
	out->value = best;
	if (best >= limit - 1e-6)
		return;
	out->exceeds = 1;
	const struct rl_lf_section *sec = &f->sections[best_s];
	static const char *const sides[4] = { "top", "bottom", "left", "right" };
	const float m[4] = { sec->m_top, sec->m_bottom, sec->m_left, sec->m_right };
	struct rl_buf d;
	rl_buf_init(&d);
	for (int k = 0; k < 4; k++) {
		double v = (m[k] < 0 ? -m[k] : m[k]) / 72.0;
		if (v < limit - 1e-6)
			rl_buf_addf(&d, "%s%s %.2f in", d.len ? ", " : "", sides[k], v);
	}
	out->detail = rl_buf_detach(&d, NULL);
	for (size_t i = 0; i < f->nparas; i++) {
		const struct rl_lf_para *p = &f->paras[i];
		if (p->section != best_s || p->block >= doc->nblocks || p->in_header || p->in_footer)
			continue;
		const struct rl_block *b = &doc->blocks[p->block];
		at_block(out, doc, b);
		return;
	}
}

const struct rl_metric rl_metrics[] = {
	{ "words", "words of body text (front matter, headers and footers aside)", "%.0f", measure_words },
	{ "pages", "estimated printed pages (see --explain one-page)", "%.2f", measure_pages },
	{ "body-font-size", "the size of most body text, points (Word files)", "%.1f", measure_body_font_size },
	{ "margin", "the narrowest page margin, inches (Word files that set one)", "%.2f", measure_margin },
	{ NULL, NULL, NULL, NULL },
};

const struct rl_metric *rl_metric_find(const char *name)
{
	for (const struct rl_metric *m = rl_metrics; m->name; m++)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}
