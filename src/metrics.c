/* Metric table for `limit` rules: words, pages. */
#include "metrics.h"

#include <string.h>

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

static void measure_pages(struct rl_run *run, double limit, struct rl_measure *out)
{
	const struct rl_pages *p = &run->report->pages;
	const struct rl_doc *doc = run->doc;
	(void)limit;
	out->value = p->estimate;
	if (p->has_overflow && p->overflow_block < doc->nblocks) {
		const struct rl_block *b = &doc->blocks[p->overflow_block];
		out->has_pos = 1;
		out->start = b->start;
		out->end = b->end;
		out->text = b->text;
		out->text_len = b->text_len;
		out->section = (int)doc->sections[b->section].kind;
	}
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
