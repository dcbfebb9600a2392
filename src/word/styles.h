/* Styles, document defaults, numbering, theme fonts and settings of a Word
 * document, and the resolution of a paragraph's or run's properties through
 * them: docDefaults → table style → numbering → style chain → direct. */
#ifndef RL_WORD_STYLES_H
#define RL_WORD_STYLES_H

#include <stddef.h>

#include "diag.h"
#include "props.h"

struct wd_style {
	char id[64];
	char name[96];
	char type;           /* 'p' paragraph, 'c' character, 't' table, 'n' numbering */
	char based_on[64];
	int is_default;
	struct wd_ppr ppr;
	struct wd_rpr rpr;
	struct wd_box tbl;   /* table styles: w:tblPr cell margins and borders */
};

struct wd_num_level {
	int bullet;          /* a bullet rather than a number */
	int has_ind;
	float ind_left, ind_first;
};

struct wd_abstract_num {
	int id;
	size_t seq;          /* place in the part: the first of an id counts */
	struct wd_num_level lvl[9];
};

struct wd_num {
	int id, abstract_id;
	size_t seq;
	int has_override[9];
	struct wd_num_level override[9];
};

struct wd_styles {
	struct wd_style *v;  /* in the part's order */
	size_t n, cap;
	/* v's indexes sorted by type, id and place, and the first default
	 * paragraph and table style (SIZE_MAX: none): built when
	 * wd_styles_read returns 0, as every paragraph and run looks styles up */
	size_t *by_id, nby_id;
	size_t default_para, default_table;
	struct wd_ppr default_ppr;
	struct wd_rpr default_rpr;
	char major_font[64], minor_font[64];
	/* sorted by id, then place in the part, when wd_numbering_read
	 * returns 0: each list paragraph looks its list up */
	struct wd_abstract_num *abstracts;
	size_t nabstracts, abstracts_cap;
	struct wd_num *nums;
	size_t nnums, nums_cap;
	float default_tab;   /* points */
	int add_spacing;     /* doNotUseHTMLParagraphAutoSpacing */
	int has_doc_defaults; /* the styles part has w:docDefaults */
};

void wd_styles_init(struct wd_styles *s);
void wd_styles_free(struct wd_styles *s);

/* Each reads one part (or a whole Word 2003 file, where they all live in
 * one). 0, or -1 after adding an error. */
int wd_styles_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		   struct rl_diags *diags);
int wd_numbering_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		      struct rl_diags *diags);
int wd_theme_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		  struct rl_diags *diags);
int wd_settings_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		     struct rl_diags *diags);

/* For a package whose styles part has no w:docDefaults (or that has no
 * styles part): the application's own defaults then apply, and LibreOffice
 * sets Calibri 11 pt where the schema's would be Times New Roman 10 pt (an
 * empty w:docDefaults gets the schema's). Call after reading the parts. */
void wd_styles_use_app_defaults(struct wd_styles *s);

/* 1 when the styles part defines style id of type ('p', 'c', 't', 'n'). */
int wd_style_defined(const struct wd_styles *s, const char *id, char type);

/* The paragraph style id a paragraph without w:pStyle has. */
const char *wd_default_para_style(const struct wd_styles *s);
/* Resolved properties of a paragraph with style id `style` (NULL: the
 * default) inside a table of style table_style (NULL: none). */
void wd_resolve_ppr(const struct wd_styles *s, const char *style, const char *table_style,
		    const struct wd_ppr *direct, struct wd_ppr *out);
/* Resolved properties of a run (its rStyle in direct->style). */
void wd_resolve_rpr(const struct wd_styles *s, const char *para_style, const struct wd_rpr *direct,
		    struct wd_rpr *out);
/* A table's cell margins and borders: Word's built-in 5.4 pt left and
 * right margins, the table style chain (the default table style when
 * style is NULL or ""), then direct, the table's own w:tblPr. */
void wd_resolve_table(const struct wd_styles *s, const char *style, const struct wd_box *direct,
		      struct wd_box *out);
/* The font a resolved run uses. */
const char *wd_font_of(const struct wd_styles *s, const struct wd_rpr *r);
/* Heading level 1-9 of a paragraph style (Title counts as 1), or 0. */
int wd_style_heading(const struct wd_styles *s, const char *style);
/* 1 when numbering num_id level ilvl draws a bullet or a number. */
int wd_numbering_is_list(const struct wd_styles *s, int num_id, int ilvl);

#endif
