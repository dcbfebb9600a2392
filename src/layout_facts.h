/* Layout facts a Word reader keeps in the document model, so that page fit
 * can lay the resume out without reading XML again. Lengths are points,
 * font sizes points; every value is resolved (direct formatting → styles →
 * based-on chain → document defaults → theme fonts). Markdown has none. */
#ifndef RL_LAYOUT_FACTS_H
#define RL_LAYOUT_FACTS_H

#include <stddef.h>
#include <stdint.h>

enum rl_line_rule {
	RL_LINE_AUTO,     /* line is a multiple of single spacing (1.0 = single) */
	RL_LINE_EXACT,    /* line is the height in points */
	RL_LINE_AT_LEAST, /* line is the minimum height in points */
};

enum rl_align {
	RL_ALIGN_LEFT,
	RL_ALIGN_CENTER,
	RL_ALIGN_RIGHT,
	RL_ALIGN_JUSTIFY,
};

enum rl_tab_kind {
	RL_TAB_LEFT,
	RL_TAB_CENTER,
	RL_TAB_RIGHT,
	RL_TAB_DECIMAL,
	RL_TAB_BAR,
};

/* A run of the paragraph text with one format. */
struct rl_lf_run {
	uint32_t off, len;     /* bytes of the paragraph's text */
	uint16_t font;         /* index into facts->fonts */
	uint8_t bold, italic;
	uint8_t caps, small_caps;
	float size;            /* points */
	float spacing;         /* extra space per character, points */
	float scale;           /* w:w character width scale, 1.0 (0 also means 1.0) */
};

struct rl_lf_tab {
	float pos;             /* points from the left text margin */
	enum rl_tab_kind kind;
};

/* An object drawn in or anchored to a paragraph. */
struct rl_lf_drawing {
	float width, height;   /* points */
	uint8_t inline_;       /* sits on a line; else floats */
	uint8_t picture;       /* a picture (not a shape or text box) */
	uint8_t wrap_flow;     /* floating and takes its height out of the flow */
	float y;               /* floating: offset from its vertical reference, points */
	uint8_t from_page;     /* floating: y is from the page top (else margin/paragraph) */
	size_t image;          /* index into doc->images, or SIZE_MAX */
	uint32_t off;          /* inline: the byte of the paragraph text it sits before */
};

struct rl_lf_para {
	unsigned number;       /* its line in positions (1-based <w:p> count) */
	size_t block;          /* its block, SIZE_MAX when it has no text */
	char *text;            /* the text laid out: tabs '\t', line breaks '\n',
				  page breaks '\f', column breaks '\v' */
	size_t text_len;
	struct rl_lf_run *runs;
	size_t nruns;
	unsigned section;      /* index into facts->sections */
	unsigned style;        /* index into facts->styles (same style: contextual spacing) */
	float space_before, space_after;
	uint8_t before_auto, after_auto; /* HTML auto spacing */
	enum rl_line_rule line_rule;
	float line;
	float ind_left, ind_right, ind_first; /* ind_first < 0: hanging */
	enum rl_align align;
	uint8_t keep_next, keep_lines, contextual, page_break_before, widow_control;
	uint8_t list;          /* a numbered or bulleted paragraph */
	uint8_t in_textbox, in_header, in_footer;
	struct rl_lf_tab *tabs;
	size_t ntabs;
	unsigned table;        /* 1-based table number, 0 outside tables */
	unsigned row, col, col_span;
	unsigned page_breaks;  /* hard page breaks (w:br type=page) in it */
	unsigned column_breaks;
	unsigned rendered_breaks; /* w:lastRenderedPageBreak in it */
	uint8_t section_break; /* a section ends with this paragraph */
	struct rl_lf_drawing *drawings;
	size_t ndrawings;
	float mark_size;       /* the paragraph mark's font size (an empty line's height) */
	uint16_t mark_font;
	int num_id;            /* its list (w:numId), 0 when none */
	uint8_t auto_direct;   /* before_auto (bit 0) and after_auto (bit 1) set on
				  the paragraph itself, not by its style */
	/* in a table cell: the cell's margins (top, bottom, left, right, the
	 * table's unless w:tcMar), its own top and bottom borders (w:tcBorders,
	 * points; negative when the table's apply) and vertical merge (0
	 * none, 1 first cell of a merge, 2 a continued cell) */
	float cell_mar[4];
	float cell_border_top, cell_border_bottom;
	uint8_t vmerge;
};

struct rl_lf_section {
	float page_w, page_h;
	float m_top, m_bottom, m_left, m_right, m_header, m_footer, gutter;
	unsigned columns;      /* 1 for one column */
	float column_space;
	uint8_t starts_new_page; /* type nextPage/oddPage/evenPage (or the first) */
	uint8_t explicit_geometry; /* the file gave pgSz/pgMar (pandoc files give none) */
	float header_height, footer_height; /* text height of its default header and footer */
};

struct rl_lf_table {
	float *grid;           /* column widths from w:tblGrid */
	size_t ncols;
	float cell_margin_left, cell_margin_right, cell_margin_top, cell_margin_bottom;
	float indent;
	uint8_t borders;       /* any visible border */
	/* border widths in points, 0 for none: the table's top and bottom
	 * edges and the lines between rows (style chain, then w:tblBorders) */
	float border_top, border_bottom, border_inside_h;
	unsigned rows;
	float *row_height;     /* w:trHeight per row, 0 when none */
	uint8_t *row_exact;    /* that height is exact, not a minimum */
	unsigned nested;       /* depth: 0 for a top-level table */
	unsigned first_para;   /* index into paras of its first paragraph */
};

struct rl_layout_facts {
	struct rl_lf_para *paras;
	size_t nparas;
	struct rl_lf_section *sections;
	size_t nsections;
	struct rl_lf_table *tables;
	size_t ntables;
	char **fonts;          /* font names as the file asks for them */
	size_t nfonts;
	size_t nstyles;        /* distinct paragraph styles (indexes in paras) */
	float default_tab;     /* settings w:defaultTabStop, points (36 default) */
	uint8_t add_spacing;   /* w:doNotUseHTMLParagraphAutoSpacing: before+after add */
	/* docProps/app.xml */
	int app_pages;         /* -1 when absent */
	int app_words;
	char *application;     /* NULL when absent */
	unsigned rendered_breaks; /* body w:lastRenderedPageBreak count */
	unsigned textboxes;    /* text boxes with text */
	unsigned missing_styles; /* paragraphs naming a style the file does not define */
	unsigned header_contact; /* header/footer paragraphs holding an email, phone or link */
};

void rl_layout_facts_free(struct rl_layout_facts *f);

#endif
