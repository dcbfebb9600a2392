/* The body of a Word part (document, header or footer): paragraphs with
 * their text, runs, direct formatting, links, drawings, table place, and the
 * section and table geometry, read in one streaming pass. */
#ifndef RL_WORD_BODY_H
#define RL_WORD_BODY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "props.h"

enum wd_part_kind {
	WD_PART_BODY,
	WD_PART_HEADER,
	WD_PART_FOOTER,
};

struct wd_rel {
	char id[64];
	char *target;   /* resolved part name, or the URL of an external target */
	int external;
	char type[32];  /* the last word of the relationship type: "hyperlink", "header" ... */
};

struct wd_rels {
	struct wd_rel *v;
	size_t n;
};

struct wd_run {
	uint32_t off, len;     /* bytes of the paragraph text */
	struct wd_rpr rpr;     /* direct formatting (rStyle inside) */
};

struct wd_link {
	uint32_t off, len;
	char *url;
};

struct wd_drawing {
	float width, height;   /* points */
	uint8_t inline_, picture, wrap_flow, from_page;
	float y;
	uint32_t off;          /* the byte of the paragraph text it sits before */
	char *target;          /* the image part, when a picture */
	char *descr;           /* its alt text */
};

struct wd_para {
	unsigned number;       /* 1-based count of <w:p> in the part's reading */
	enum wd_part_kind part;
	struct rl_buf text;    /* '\t' for tabs, '\n' for line breaks */
	struct wd_run *runs;
	size_t nruns;
	struct wd_link *links;
	size_t nlinks;
	struct wd_drawing *drawings;
	size_t ndrawings;
	char style[64];
	char table_style[64];
	struct wd_ppr ppr;     /* direct paragraph properties */
	struct wd_rpr mark;    /* the paragraph mark's run properties */
	unsigned table, row, col, col_span;
	uint8_t in_textbox;
	unsigned page_breaks, column_breaks, rendered_breaks;
	int section_break;     /* its pPr holds a w:sectPr: a section ends here */
	int alt_text;          /* not a <w:p>: a table's caption or description */
	unsigned section;
	struct wd_box cell;    /* its table cell's w:tcMar and w:tcBorders */
	uint8_t vmerge;        /* its cell's w:vMerge: 0 none, 1 restart, 2 continue */
};

struct wd_section {
	float page_w, page_h;
	float m_top, m_bottom, m_left, m_right, m_header, m_footer, gutter;
	unsigned columns;
	float column_space;
	int starts_new_page;
	int explicit_geometry;
	char header_rel[64], footer_rel[64]; /* default header and footer */
};

struct wd_table {
	float *grid;
	size_t ncols;
	float indent;
	float width_pct;       /* w:tblW type="pct": a share of the text width (1 = all), 0 when none */
	int borders;
	unsigned rows;
	float *row_height;
	uint8_t *row_exact;
	unsigned nested;
	size_t first_para;
	char style[64];
	struct wd_box box;     /* w:tblCellMar and w:tblBorders given on the table */
};

struct wd_body {
	struct wd_para *paras;
	size_t nparas, cap;
	struct wd_section *sections;
	size_t nsections;
	struct wd_table *tables;
	size_t ntables;
	unsigned counter;          /* <w:p> seen so far (numbers continue across parts) */
	unsigned rendered_breaks;  /* in the body, outside text boxes */
	unsigned textboxes;
};

void wd_body_init(struct wd_body *b);
void wd_body_free(struct wd_body *b);

/* Reads part `part` of kind into b. rels: the part's relationships. */
int wd_body_read(struct wd_body *b, const char *data, size_t len, const char *path, const char *part,
		 enum wd_part_kind kind, const struct wd_rels *rels, struct rl_diags *diags);

/* A part's relationships (_rels/x.xml.rels). 0 or -1. */
int wd_rels_read(struct wd_rels *r, const char *data, size_t len, const char *path, const char *source_part,
		 const char *rels_part, struct rl_diags *diags);
void wd_rels_free(struct wd_rels *r);
const struct wd_rel *wd_rels_find(const struct wd_rels *r, const char *id);

#endif
