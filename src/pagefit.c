/* Words-and-lines page estimate (see pagefit.h). Geometry follows pandoc's
 * default reference.docx: 1 in margins, Cambria 12 pt body, single spacing. */
#include "pagefit.h"

#include <math.h>
#include <string.h>

#include "utf8.h"

#define PT_PER_IN 72.0
#define MARGIN_PT (1.0 * PT_PER_IN)
#define BODY_LINE_PT 14.0      /* Cambria 12 pt at LibreOffice's 1.17 em */
#define AVG_CHAR_PT 5.7        /* mean advance of English text in Cambria 12 pt */
#define PARA_SPACE_PT 9.0      /* Body Text: 9 pt after, collapsed with the next before */
#define ITEM_SPACE_PT 1.8      /* Compact (tight list items) */
#define LIST_INDENT_PT 36.0
#define RULE_PT 14.0

struct page_geom {
	double width, height; /* text area */
};

static struct page_geom geometry(enum rl_paper paper)
{
	struct page_geom g;
	double w = paper == RL_PAPER_A4 ? 595.3 : 612.0, h = paper == RL_PAPER_A4 ? 841.9 : 792.0;
	g.width = w - 2 * MARGIN_PT;
	g.height = h - 2 * MARGIN_PT;
	return g;
}

/* Lines a text takes at width (hard line breaks start new lines). */
static double text_lines(const char *s, size_t len, double width, double char_pt)
{
	double per_line = floor(width / char_pt), lines = 0;
	size_t start = 0;
	if (per_line < 1)
		per_line = 1;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		double chars = (double)rl_utf8_count(s + start, i - start);
		lines += chars > 0 ? ceil(chars / per_line) : 1;
		start = i + 1;
	}
	return lines;
}

static double block_height(const struct rl_doc *doc, size_t i, double width, double *space_before)
{
	const struct rl_block *b = &doc->blocks[i];
	*space_before = 0;
	switch (b->kind) {
	case RL_BLOCK_HEADING: {
		double size = b->level <= 1 ? 16 : b->level == 2 ? 14 : 12;
		*space_before = b->level <= 1 ? 24 : 10;
		return text_lines(b->text, b->text_len, width, AVG_CHAR_PT * size / 12) * size * 1.22;
	}
	case RL_BLOCK_LIST_ITEM:
		*space_before = ITEM_SPACE_PT;
		return text_lines(b->text, b->text_len, width - LIST_INDENT_PT * b->level, AVG_CHAR_PT) *
		       BODY_LINE_PT;
	case RL_BLOCK_TABLE_CELL:
		return 0; /* rows are measured at their first cell, below */
	case RL_BLOCK_CODE:
		*space_before = PARA_SPACE_PT;
		return text_lines(b->text, b->text_len, width, 6.0) * 13.0;
	case RL_BLOCK_RULE:
		*space_before = PARA_SPACE_PT;
		return RULE_PT;
	case RL_BLOCK_META:
	case RL_BLOCK_PAGE_HEADER:
	case RL_BLOCK_PAGE_FOOTER:
		return 0;
	default:
		*space_before = PARA_SPACE_PT;
		return text_lines(b->text, b->text_len, width, AVG_CHAR_PT) * BODY_LINE_PT;
	}
}

/* Height of the table row that starts at block i; *next is past the row. */
static double row_height(const struct rl_doc *doc, size_t i, double width, size_t *next)
{
	const struct rl_block *first = &doc->blocks[i];
	size_t j = i, cols = 0;
	while (j < doc->nblocks && doc->blocks[j].kind == RL_BLOCK_TABLE_CELL &&
	       doc->blocks[j].table == first->table && doc->blocks[j].row == first->row)
		j++, cols++;
	double tallest = 1, cell_w = width / (double)(cols ? cols : 1);
	for (size_t k = i; k < j; k++) {
		double l = text_lines(doc->blocks[k].text, doc->blocks[k].text_len, cell_w - 11, AVG_CHAR_PT);
		if (l > tallest)
			tallest = l;
	}
	*next = j;
	return tallest * BODY_LINE_PT + 2;
}

void rl_pagefit_estimate(const struct rl_doc *doc, const struct rl_lint_opts *opts, struct rl_pages *out)
{
	struct page_geom g = geometry(opts->paper);
	double y = 0, limit = g.height * opts->max_pages, prev_after = 0;
	memset(out, 0, sizeof *out);
	out->limit = opts->max_pages;
	for (size_t i = 0; i < doc->nblocks;) {
		double before, h;
		size_t next = i + 1;
		if (doc->blocks[i].kind == RL_BLOCK_TABLE_CELL) {
			h = row_height(doc, i, g.width, &next);
			before = 0;
		} else {
			h = block_height(doc, i, g.width, &before);
		}
		if (h > 0) {
			/* Word puts the larger of two neighbours' spacings between them */
			y += before > prev_after ? before : prev_after;
			prev_after = doc->blocks[i].kind == RL_BLOCK_LIST_ITEM ? ITEM_SPACE_PT
				     : doc->blocks[i].kind == RL_BLOCK_HEADING ? 0 : PARA_SPACE_PT;
			if (!out->has_overflow && y + h > limit + 0.01) {
				out->has_overflow = 1;
				out->overflow_block = i;
				out->overflow_off = doc->blocks[i].start;
				out->lines_over = 0;
			}
			y += h;
		}
		i = next;
	}
	out->estimate = y / g.height;
	out->count = (unsigned)ceil(out->estimate - 1e-9);
	if (out->count == 0)
		out->count = 1;
	if (y > limit)
		out->lines_over = ceil((y - limit) / BODY_LINE_PT);
	else
		out->lines_free = floor((limit - y) / BODY_LINE_PT);
	out->borderline = fabs(out->estimate - opts->max_pages) < 0.05;
}
