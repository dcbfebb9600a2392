/* The document model every reader produces and every rule reads: a resume is
 * a list of sections (canonical kind + heading), each a run of blocks holding
 * UTF-8 text whose every byte maps back to a byte span in the source. */
#ifndef RL_DOC_H
#define RL_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "layout_facts.h"
#include "source.h"

enum rl_format {
	RL_FORMAT_MARKDOWN,
	RL_FORMAT_DOCX,
	RL_FORMAT_WORDXML,
	RL_FORMAT_TEXT,
};

enum rl_section_kind {
	RL_SEC_CONTACT,
	RL_SEC_SUMMARY,
	RL_SEC_OBJECTIVE,
	RL_SEC_EXPERIENCE,
	RL_SEC_EDUCATION,
	RL_SEC_SKILLS,
	RL_SEC_PROJECTS,
	RL_SEC_COURSEWORK,
	RL_SEC_AWARDS,
	RL_SEC_PUBLICATIONS,
	RL_SEC_CERTIFICATIONS,
	RL_SEC_VOLUNTEERING,
	RL_SEC_INTERESTS,
	RL_SEC_REFERENCES,
	RL_SEC_OTHER,
	RL_SEC_COUNT
};

enum rl_block_kind {
	RL_BLOCK_HEADING,
	RL_BLOCK_PARAGRAPH,
	RL_BLOCK_LIST_ITEM,
	RL_BLOCK_TABLE_CELL,
	RL_BLOCK_CODE,
	RL_BLOCK_META,        /* a front-matter / metadata field, "key: value" */
	RL_BLOCK_TERM,        /* definition-list term (pandoc) */
	RL_BLOCK_DEFINITION,  /* definition-list definition (pandoc) */
	RL_BLOCK_RULE,        /* a thematic break: no text, takes vertical space */
	RL_BLOCK_PAGE_HEADER, /* DOCX page header text */
	RL_BLOCK_PAGE_FOOTER, /* DOCX page footer text */
	RL_BLOCK_COUNT
};

/* Block flags. */
enum {
	RL_BF_STRONG = 1u << 0,       /* all the text is bold */
	RL_BF_QUOTE = 1u << 1,        /* inside a block quote */
	RL_BF_CONTINUATION = 1u << 2, /* a later paragraph of the same list item */
	RL_BF_TABLE_HEAD = 1u << 3,   /* a table header cell */
	RL_BF_TEXTBOX = 1u << 4,      /* DOCX text box content */
	RL_BF_PAGE_BREAK_BEFORE = 1u << 5,
	RL_BF_SECTION_HEADING = 1u << 6, /* this block starts its section */
	RL_BF_ALT_TEXT = 1u << 7,     /* not printed: a table's alt text (Word) */
	RL_BF_LOOSE = 1u << 8,        /* an item of a loose list (paragraphs apart) */
	RL_BF_LAZY = 1u << 9,         /* Markdown: a list line right under a paragraph line:
	                                 a bullet to the rules, the paragraph's text to
	                                 pandoc (and to page fit) */
};

/* A run of block text that came from one place in the source. A synthetic
 * segment (text the reader made up: a space for a line break, a decoded
 * entity) maps every byte to src_off. */
struct rl_seg {
	uint32_t text_off;
	uint32_t src_off;
	uint32_t len;
	uint32_t synthetic : 1;
	uint32_t src_len : 31; /* synthetic: source bytes it stands for */
};

/* Inline formatting of a run of block text (Markdown: for page fit). */
enum {
	RL_FMT_BOLD = 1u << 0,
	RL_FMT_ITALIC = 1u << 1,
	RL_FMT_CODE = 1u << 2,
};

struct rl_fmt_run {
	uint32_t text_off, len;
	uint32_t fmt;
};

struct rl_block {
	enum rl_block_kind kind;
	unsigned flags;
	unsigned level;     /* heading level 1-6; list nesting depth from 1 */
	unsigned section;   /* index into doc->sections */
	unsigned row, col;  /* table cells: 0-based */
	unsigned table;     /* table cells: 1-based table number */
	char *text;         /* NUL-terminated UTF-8, markup removed */
	size_t text_len;
	struct rl_seg *segs;
	size_t nsegs;
	size_t start, end;  /* source span of the text */
	struct rl_fmt_run *fmt; /* formatted runs, in text order (Word: italics only) */
	size_t nfmt;
};

struct rl_section {
	enum rl_section_kind kind;
	long heading;       /* block index of its heading, -1 for none */
	size_t first;       /* first block index */
	size_t count;
};

struct rl_image {
	size_t start, end;  /* source span */
	size_t block;       /* block it sits in, or SIZE_MAX */
	char *src;
	char *alt;
	/* Word: size and place; 0 when unknown (Markdown) */
	float width, height; /* points */
	float y;            /* points from the top of the page body (floating) */
	uint8_t floating;   /* anchored, not inline */
	uint8_t in_header;  /* in a page header or footer */
	unsigned para;      /* Word: the paragraph number it is in */
};

struct rl_link {
	size_t start, end;
	char *url;
};

struct rl_comment {
	size_t start, end;  /* the whole comment, markers included */
	char *text;         /* the inside, trimmed */
};

struct rl_meta {
	char *key;          /* dotted path for nested maps: "contact.email" */
	char *value;
	size_t start, end;  /* source span of the value */
};

/* Blocks (paragraphs, headings, list items, table cells) in one document: a
 * 40-page CV has a few thousand. Past this many the reader's further blocks
 * go to a scratch block and the read fails (rl_read): 10 MiB of "x\n\n" made
 * 3.4 million blocks, 25 s and 2.4 GB before, and table rows make several a
 * line (tests/hostile/many-cells.md). */
#define RL_MAX_BLOCKS 50000u
/* Text of one block: a long paragraph is a few KB. A Word paragraph (which
 * the Markdown line limit does not reach) of 16 MiB cost seconds of layout
 * and matching; past this the read fails (tests/hostile/long-paragraph.docx). */
#define RL_MAX_BLOCK_BYTES (1u * 1024 * 1024)

struct rl_doc {
	enum rl_format format;
	struct rl_source *src;  /* owned */
	struct rl_block *blocks;
	size_t nblocks, cap_blocks;
	size_t blocks_over;     /* blocks past RL_MAX_BLOCKS, not kept */
	size_t blocks_too_long; /* blocks longer than RL_MAX_BLOCK_BYTES, not kept */
	struct rl_block *scratch; /* where they went (owned) */
	struct rl_section *sections;
	size_t nsections, cap_sections;
	struct rl_image *images;
	size_t nimages, cap_images;
	struct rl_link *links;
	size_t nlinks, cap_links;
	struct rl_comment *comments;
	size_t ncomments, cap_comments;
	struct rl_meta *meta;
	size_t nmeta, cap_meta;
	struct rl_diags diags;  /* reader warnings (invalid UTF-8 ...) */
	struct rl_layout_facts *layout; /* Word readers: geometry and styles; else NULL */
	size_t words;           /* words of body text, set by rl_doc_finish */

	/* builder state, used by readers between begin and end */
	struct rl_block_builder *bb;
};

/* Takes ownership of src. */
struct rl_doc *rl_doc_new(enum rl_format format, struct rl_source *src);
void rl_doc_free(struct rl_doc *doc);

/* Building blocks: begin, add text pieces, end. Pieces map to the source
 * exactly (text) or all to one source span (synth: a decoded entity stands
 * for its whole source, a space for a line break for none of it). */
void rl_doc_begin_block(struct rl_doc *doc, enum rl_block_kind kind, unsigned level, unsigned flags);
void rl_doc_text(struct rl_doc *doc, const char *text, size_t len, size_t src_off);
void rl_doc_synth(struct rl_doc *doc, const char *text, size_t len, size_t src_off, size_t src_len);
/* Offset just past the last piece added to the open block (0 if none). */
size_t rl_doc_text_end(const struct rl_doc *doc);
int rl_doc_in_block(const struct rl_doc *doc);
/* Text added from now on carries these RL_FMT_* flags. */
void rl_doc_set_format(struct rl_doc *doc, uint32_t fmt);
/* Closes the open block; whitespace is trimmed at both ends and a block with
 * no text is dropped (except RL_BLOCK_RULE). Returns the block or NULL. */
struct rl_block *rl_doc_end_block(struct rl_doc *doc);
/* Adds a block with no text (a thematic break) at src_off. */
struct rl_block *rl_doc_add_empty_block(struct rl_doc *doc, enum rl_block_kind kind, size_t src_off);

void rl_doc_add_image(struct rl_doc *doc, size_t start, size_t end, const char *src, size_t src_len,
		      const char *alt, size_t alt_len);
void rl_doc_add_link(struct rl_doc *doc, size_t start, size_t end, const char *url, size_t url_len);
void rl_doc_add_comment(struct rl_doc *doc, size_t start, size_t end, const char *text, size_t len);
void rl_doc_add_meta(struct rl_doc *doc, const char *key, const char *value, size_t start, size_t end);

/* Removes bytes [t0, t1) of a finished block's text (markup a post-pass
 * recognised), keeping the source map of the rest exact. */
void rl_block_delete(struct rl_block *b, size_t t0, size_t t1);

/* Source offset of byte t of a block's text. */
size_t rl_block_src(const struct rl_block *b, size_t t);
/* Source span [*start, *end) of the block text bytes [t0, t1). */
void rl_block_span(const struct rl_block *b, size_t t0, size_t t1, size_t *start, size_t *end);

/* Called by a reader when done: counts words and warns once about any
 * invalid UTF-8 the source had. Sections come from rl_sections_classify. */
void rl_doc_finish(struct rl_doc *doc);

const char *rl_format_name(enum rl_format f);
const char *rl_section_kind_name(enum rl_section_kind k);
/* -1 for an unknown name. */
int rl_section_kind_parse(const char *name);
const char *rl_block_kind_name(enum rl_block_kind k);
int rl_block_kind_parse(const char *name);
/* Words in a text: runs of letters, digits and joiners. */
size_t rl_count_words(const char *s, size_t len);

#endif
