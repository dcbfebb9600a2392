/* Paragraph and run properties as Word stores them: each field with a "set"
 * bit, so that document defaults, styles and direct formatting merge in
 * order. Units are converted to points on reading. */
#ifndef RL_WORD_PROPS_H
#define RL_WORD_PROPS_H

#include <stdint.h>

#include "layout_facts.h"
#include "xml.h"

#define WD_MAX_TABS 24

enum {
	WD_P_BEFORE = 1u << 0,
	WD_P_AFTER = 1u << 1,
	WD_P_LINE = 1u << 2,
	WD_P_IND_LEFT = 1u << 3,
	WD_P_IND_RIGHT = 1u << 4,
	WD_P_IND_FIRST = 1u << 5,
	WD_P_JC = 1u << 6,
	WD_P_KEEP_NEXT = 1u << 7,
	WD_P_KEEP_LINES = 1u << 8,
	WD_P_CONTEXTUAL = 1u << 9,
	WD_P_PAGE_BREAK_BEFORE = 1u << 10,
	WD_P_WIDOW = 1u << 11,
	WD_P_OUTLINE = 1u << 12,
	WD_P_NUM = 1u << 13,
	WD_P_BEFORE_AUTO = 1u << 14,
	WD_P_AFTER_AUTO = 1u << 15,
	WD_P_ILVL = 1u << 16,
};

struct wd_ppr {
	unsigned set;
	float before, after;      /* points */
	uint8_t before_auto, after_auto;
	float line;               /* AUTO: multiple; else points */
	enum rl_line_rule line_rule;
	float ind_left, ind_right, ind_first; /* ind_first < 0: hanging */
	enum rl_align jc;
	uint8_t keep_next, keep_lines, contextual, page_break_before, widow;
	int outline;              /* 0-8; 9 is body text */
	int num_id, ilvl;         /* numbering: num_id 0 = none */
	struct rl_lf_tab tabs[WD_MAX_TABS];
	uint8_t tab_clear[WD_MAX_TABS]; /* this stop removes an inherited one */
	unsigned ntabs;
};

enum {
	WD_R_FONT = 1u << 0,
	WD_R_SIZE = 1u << 1,
	WD_R_BOLD = 1u << 2,
	WD_R_ITALIC = 1u << 3,
	WD_R_CAPS = 1u << 4,
	WD_R_SMALL_CAPS = 1u << 5,
	WD_R_VANISH = 1u << 6,
	WD_R_SPACING = 1u << 7,
	WD_R_SCALE = 1u << 8,
};

enum wd_theme_font {
	WD_THEME_NONE,
	WD_THEME_MAJOR, /* headings font */
	WD_THEME_MINOR, /* body font */
};

struct wd_rpr {
	unsigned set;
	char font[64];            /* w:rFonts/@w:ascii (or hAnsi) */
	enum wd_theme_font theme; /* w:asciiTheme wins over w:ascii */
	float size;               /* points */
	uint8_t bold, italic, caps, small_caps, vanish;
	float spacing;            /* points per character */
	float scale;              /* w:w: glyph width scale, percent / 100 */
	char style[64];           /* w:rStyle (character style id) */
};

/* Table and cell margins and borders (w:tblPr, w:tcPr), each side with a
 * set bit so that the table style chain, the table and the cell merge. */
enum wd_side {
	WD_SIDE_TOP,
	WD_SIDE_BOTTOM,
	WD_SIDE_LEFT,
	WD_SIDE_RIGHT,
	WD_SIDE_INSIDE_H, /* borders only: between rows */
	WD_SIDE_INSIDE_V, /* borders only: between columns */
	WD_SIDE_N,
};

struct wd_box {
	unsigned mar_set;          /* bit (1 << side) per margin given */
	float mar[4];              /* cell margins (top, bottom, left, right), points */
	unsigned border_set;       /* bit (1 << side) per border given */
	float border[WD_SIDE_N];   /* border line widths, points; 0 for none or nil */
};

/* Reads the children of w:tblCellMar or w:tcMar (the reader is on its start
 * element) into b's margins; stops at its end. */
int wd_read_margins(struct wd_xml *x, struct wd_box *b);
/* Reads the children of w:tblBorders or w:tcBorders into b's borders. */
int wd_read_borders(struct wd_xml *x, struct wd_box *b);
/* Copies into base every side set in over. */
void wd_box_merge(struct wd_box *base, const struct wd_box *over);

struct wd_rpr;

/* Called on a w:sectPr start element inside w:pPr; reads it to its end. */
typedef int (*wd_sect_reader)(void *ctx, struct wd_xml *x);

/* Reads w:pPr (the reader is on its start element) into p, the style id
 * into style and the paragraph mark's run properties into mark (each when
 * not NULL); stops at its end. */
int wd_read_ppr(struct wd_xml *x, struct wd_ppr *p, char *style, size_t style_cap, struct wd_rpr *mark,
		wd_sect_reader sect, void *ctx);
/* Reads w:rPr into r; stops at its end. */
int wd_read_rpr(struct wd_xml *x, struct wd_rpr *r);

/* Copies into base every field set in over (tabs merge: cleared stops go). */
void wd_ppr_merge(struct wd_ppr *base, const struct wd_ppr *over);
void wd_rpr_merge(struct wd_rpr *base, const struct wd_rpr *over);

#endif
