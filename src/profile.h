/* Rendering profiles for Markdown: a Markdown resume has no page of its own,
 * so page fit lays it out the way a declared renderer would. The default,
 * "pandoc", is pandoc's default .docx (its reference.docx styles, Letter,
 * 1 in margins) as LibreOffice lays it out; "pandoc-a4" is the same on A4;
 * "latex-10pt", "latex-11pt" and "latex-12pt" approximate LaTeX's article
 * class. The profile turns the document's blocks into layout facts, so the
 * Word layout engine lays Markdown out too. */
#ifndef RL_PROFILE_H
#define RL_PROFILE_H

#include <stddef.h>

#include "doc.h"
#include "layout_facts.h"

/* How one kind of Markdown block is set. */
struct rl_md_style {
	const char *name;       /* the pandoc style it stands for */
	int font;               /* 0 body, 1 headings, 2 code */
	double size;            /* points; 0 = the body size */
	int bold, italic;
	double before, after;   /* points */
	int keep_next;
	double ind_left, ind_right;
	enum rl_align align;
};

enum rl_md_style_id {
	RL_MS_TITLE,
	RL_MS_SUBTITLE,
	RL_MS_AUTHOR,
	RL_MS_DATE,
	RL_MS_H1,
	RL_MS_H2,
	RL_MS_H3,
	RL_MS_H4,
	RL_MS_H5,
	RL_MS_H6,
	RL_MS_FIRST_PARAGRAPH,
	RL_MS_BODY,
	RL_MS_COMPACT,          /* tight list items, table cells */
	RL_MS_NORMAL,           /* loose list items, definitions, rules */
	RL_MS_TERM,
	RL_MS_DEFINITION,
	RL_MS_BLOCK_TEXT,       /* block quotes */
	RL_MS_CODE,
	RL_MS_COUNT
};

struct rl_profile {
	const char *name;
	const char *help;
	double page_w, page_h;  /* points */
	double margin_top, margin_right, margin_bottom, margin_left;
	const char *fonts[3];   /* body, headings, code */
	double size;            /* body text, points */
	double code_size;       /* code spans and blocks */
	double line;            /* line spacing, a multiple of single */
	double list_indent;     /* per nesting level */
	double list_hanging;
	double table_width;     /* a table's natural width; wider tables fill the text width */
	double cell_margin;     /* left and right */
	struct rl_md_style styles[RL_MS_COUNT];
};

/* NULL-ended. */
extern const struct rl_profile *const rl_profiles[];
/* NULL for an unknown name. */
const struct rl_profile *rl_profile_find(const char *name);

/* Changes a profile may take from settings and flags; 0 keeps the
 * profile's value. */
struct rl_profile_overrides {
	double page_w, page_h;
	double margin;          /* all four */
	const char *font;       /* body font */
	double size;
	double line;
};

/* The layout facts of doc laid out with profile p; each paragraph's block
 * is the block it stands for. Free with rl_layout_facts_free. */
struct rl_layout_facts *rl_profile_facts(const struct rl_profile *p, const struct rl_profile_overrides *o,
					  const struct rl_doc *doc);

#endif
