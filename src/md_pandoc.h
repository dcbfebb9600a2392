/* Pandoc's Markdown, as resume authors write it, found by a line pre-pass
 * before md4c parses the CommonMark in between: definition lists, YAML
 * metadata blocks anywhere, title blocks, line blocks, fenced div fences and
 * raw LaTeX lines (\newpage). */
#ifndef RL_MD_PANDOC_H
#define RL_MD_PANDOC_H

#include <stddef.h>

#include "doc.h"

enum md_region_kind {
	MDR_MARKDOWN,   /* CommonMark for md4c */
	MDR_DEFLIST,    /* one definition list: terms and definitions */
	MDR_YAML,       /* a YAML metadata block, fences included */
	MDR_TITLE,      /* a pandoc title block (% lines at the start) */
	MDR_LINEBLOCK,  /* "| " lines */
	MDR_SKIP,       /* not text: a div fence, a raw LaTeX command */
	MDR_TABLE,      /* a simple or multiline table (dashed lines) */
};

/* Columns past this are read into the last one: no resume table has more. */
#define MD_TABLE_MAX_COLS 16

/* MDR_TABLE: how pandoc splits it. Columns start at character columns col[k]
 * (the last runs to the end of the line); header lines are
 * [head_start, head_end), row lines [rows_start, rows_end). */
struct md_table {
	unsigned ncols;
	unsigned col[MD_TABLE_MAX_COLS];
	double width[MD_TABLE_MAX_COLS]; /* pandoc's relative widths, all 0: default */
	int multiline;       /* rows are runs of lines between blank lines */
	size_t head_start, head_end, rows_start, rows_end;
};

struct md_region {
	enum md_region_kind kind;
	size_t start, end;   /* whole lines of the source */
	int page_break;      /* MDR_SKIP: \newpage, \pagebreak, \clearpage */
	struct md_table table; /* MDR_TABLE */
};

/* Splits src->bytes[start, len) into regions, in order, covering it. With
 * pandoc 0 everything is one MDR_MARKDOWN region. Free *out with free(). */
size_t rl_md_regions(const struct rl_source *src, size_t start, int pandoc, struct md_region **out);

/* One definition of a definition list, de-indented for md4c. */
struct md_piece {
	size_t sub_off;  /* offset in the de-indented text */
	size_t src_off;  /* where that byte is in the source */
};

struct md_definition {
	char *text;              /* de-indented Markdown, NUL-terminated */
	size_t len;
	struct md_piece *map;    /* sorted by sub_off; each runs to the next */
	size_t nmap;
};

/* Visits a MDR_DEFLIST region: term(line start, line end) for each term, then
 * def(definition) for each of its definitions, in source order. */
struct md_deflist_visitor {
	void (*term)(void *ctx, size_t start, size_t end);
	void (*def)(void *ctx, const struct md_definition *d);
	void *ctx;
};
void rl_md_deflist_walk(const struct rl_source *src, const struct md_region *r,
			const struct md_deflist_visitor *v);

/* Visits a MDR_TABLE region: cell(row, col, head, text) for every cell in
 * row order; the text is the cell's lines joined by spaces (pandoc reads a
 * cell as inlines only), a line-start that md4c would take for a block
 * escaped, and maps back to the source like a definition. */
struct md_table_visitor {
	void (*cell)(void *ctx, unsigned row, unsigned col, int head, const struct md_definition *text);
	void *ctx;
};
void rl_md_table_walk(const struct rl_source *src, const struct md_region *r, const struct md_table_visitor *v);

/* The pandoc table (MDR_TABLE) holding source offset off: 1 and *out, or 0
 * (a pipe table, or none). For page fit, which needs pandoc's widths. */
int rl_md_table_widths(const struct rl_source *src, size_t off, struct md_table *out);

/* After md4c: removes pandoc attribute syntax md4c keeps as text, heading
 * attributes ("Experience {#exp .unnumbered}") and bracketed spans
 * ("[Name]{.smallcaps}"), and trims blocks left empty. */
void rl_md_pandoc_cleanup(struct rl_doc *doc);

/* pandoc lets no list item or block quote interrupt a paragraph (outside
 * lists). When src[start, end) has such lines, fills out
 * with a copy md4c reads the same way (a backslash before each marker) and
 * returns 1; else 0. Free out->text and out->map with free(). */
int rl_md_lazy_copy(const struct rl_source *src, size_t start, size_t end, struct md_definition *out);

/* The lines of src[start, end) that a list marker starts right under a
 * paragraph line (lines rl_md_lazy_copy escapes, but for block quotes):
 * their start offsets, ascending, in *lines (free()); returns how many.
 * *quotes gets 1 when a block quote line is also escaped there. Adds to
 * *nlist those that start a list in CommonMark too (what GitHub shows),
 * and sets *first_list to where the first is when *nlist was 0. */
size_t rl_md_lazy_list_lines(const struct rl_source *src, size_t start, size_t end, size_t **lines, int *quotes,
			     size_t *nlist, size_t *first_list);

/* Maps an offset in a definition's text back to the source. */
size_t rl_md_definition_src(const struct md_definition *d, size_t sub_off);

#endif
