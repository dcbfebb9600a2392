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
};

struct md_region {
	enum md_region_kind kind;
	size_t start, end;   /* whole lines of the source */
	int page_break;      /* MDR_SKIP: \newpage, \pagebreak, \clearpage */
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

/* After md4c: removes pandoc attribute syntax md4c keeps as text, heading
 * attributes ("Experience {#exp .unnumbered}") and bracketed spans
 * ("[Name]{.smallcaps}"), and trims blocks left empty. */
void rl_md_pandoc_cleanup(struct rl_doc *doc);

/* Maps an offset in a definition's text back to the source. */
size_t rl_md_definition_src(const struct md_definition *d, size_t sub_off);

#endif
