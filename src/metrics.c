/* Metric table for `limit` rules: words, pages. */
#include "metrics.h"

#include <string.h>

#include "buf.h"
#include "pagefit_cuts.h"

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
			out->has_pos = 1;
			out->start = b->start;
			out->end = b->end;
			out->text = b->text;
			out->text_len = b->text_len;
			out->section = (int)doc->sections[b->section].kind;
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

const struct rl_metric rl_metrics[] = {
	{ "words", "words of body text (front matter, headers and footers aside)", "%.0f", measure_words },
	{ "pages", "estimated printed pages (see --explain one-page)", "%.2f", measure_pages },
	{ NULL, NULL, NULL, NULL },
};

const struct rl_metric *rl_metric_find(const char *name)
{
	for (const struct rl_metric *m = rl_metrics; m->name; m++)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}
