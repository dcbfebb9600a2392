/* The layout engine: lays the paragraphs, tables and sections of layout
 * facts out on pages, the way LibreOffice 7.4 does for a Word file: greedy
 * line breaking with per-glyph widths, line heights from font metrics and
 * line rules, paragraph spacing collapsed (the larger of after and before),
 * contextual spacing, keep-with-next, widow and orphan control, tables,
 * columns, headers and footers. Reads only layout facts (layout_facts.h);
 * Markdown gets its facts from a rendering profile (profile.h). */
#ifndef RL_LAYOUT_H
#define RL_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "layout_facts.h"

/* One laid-out line. */
struct rl_line_box {
	uint32_t para;        /* index into facts->paras */
	uint32_t start, end;  /* bytes of that paragraph's text */
	uint32_t page;        /* 1-based */
	float y, height;      /* top and height within the page body, points */
	uint8_t visible;      /* holds text (not an empty paragraph) */
};

/* Why an estimate may be off. */
enum {
	RL_LAYOUT_UNKNOWN_FONT = 1u << 0,   /* a font with no metrics: a stand-in was used */
	RL_LAYOUT_FLOATING = 1u << 1,       /* floating pictures or shapes */
	RL_LAYOUT_TEXT_BOXES = 1u << 2,     /* text boxes (laid out of the flow) */
	RL_LAYOUT_COLUMNS = 1u << 3,        /* newspaper columns */
	RL_LAYOUT_TABLES = 1u << 4,         /* tables with merged or nested cells */
	RL_LAYOUT_SECTIONS = 1u << 5,       /* several sections with their own geometry */
	RL_LAYOUT_APPROX_FONT = 1u << 6,    /* metrics only close (Cambria's height) */
	RL_LAYOUT_MISSING_STYLES = 1u << 7, /* paragraph styles named but not defined */
};

struct rl_layout_result {
	unsigned pages;          /* pages the flow takes (trailing empty lines count) */
	double total;            /* (pages − 1) + fill, to the last line with text */
	double body_height;      /* the first page's body height, points */
	double body_width;       /* the first section's text width, points */
	struct rl_line_box *lines;
	size_t nlines;
	unsigned reasons;        /* RL_LAYOUT_* */
};

void rl_layout_run(const struct rl_layout_facts *f, struct rl_layout_result *out);
/* For developers: one line a paragraph (index, page, y, lines, height,
 * spacing, style, text) appended to out. */
struct rl_buf;
void rl_layout_dump(const struct rl_layout_facts *f, const struct rl_layout_result *r, struct rl_buf *out);
void rl_layout_result_free(struct rl_layout_result *r);

#endif
