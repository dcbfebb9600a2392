/* Findings and the per-file report the engine fills and formatters read. */
#ifndef RL_REPORT_H
#define RL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "rule.h"

struct rl_finding {
	const struct rl_rule *rule;
	enum rl_severity severity;  /* after config overrides */
	char *message;              /* placeholders filled in */
	size_t start, end;          /* source span; end == start for a point */
	int section;                /* section kind, -1 for the whole document */
	char *text;                 /* the offending text, NULL when none */
};

enum rl_confidence {
	RL_CONFIDENCE_HIGH,
	RL_CONFIDENCE_MEDIUM,
	RL_CONFIDENCE_LOW,
};

/* How much of the page one block takes (page fit). */
struct rl_block_fit {
	float lines;            /* its height in typical body lines, spacing included */
	uint16_t nlines;        /* lines it was broken into */
	uint8_t short_tail;     /* it wraps, and its last line holds one or two words */
};

enum rl_cut_kind {
	RL_CUT_FLAGGED,         /* what other findings flag (coursework, GPA ...) */
	RL_CUT_SECTION,         /* a section a one-page resume does without (interests) */
	RL_CUT_SHORT_TAILS,     /* bullets whose last line holds one or two words */
	RL_CUT_LONG_BULLETS,    /* the longest bullets */
	RL_CUT_OLDEST_ROLE,     /* the last entry of the experience section */
};

/* A suggested cut and the lines it saves. */
struct rl_cut {
	enum rl_cut_kind kind;
	size_t block;           /* where it starts (the first of several) */
	unsigned count;         /* blocks (bullets, flagged lines) it covers */
	unsigned line;          /* the source line it starts at, 0 when it is spread out */
	double lines;
	char *what;             /* a phrase for messages ("the Interests section") */
};

#define RL_MAX_CUTS 4

/* A run of one format on a kept line (rl_page_picture). */
struct rl_page_run {
	uint32_t off, len;      /* bytes of the line's text */
	uint16_t font;          /* index into the picture's fonts */
	uint8_t bold, italic;
	float size;             /* points */
};

enum rl_page_line_kind {
	RL_PLINE_TEXT,          /* a line of a paragraph */
	RL_PLINE_CELL,          /* a table cell: its whole text in a box as tall as its row */
	RL_PLINE_BOX,           /* room the layout took with nothing to draw (a split row) */
};

/* A laid-out line as drawn: where it sits and what it says. */
struct rl_page_line {
	enum rl_page_line_kind kind;
	size_t block;           /* its document block, SIZE_MAX for none (a made-up title) */
	long t0;                /* block text offset of its first byte (text may start
				   before the block's trimmed text: then negative) */
	uint32_t text, len;     /* its characters: bytes of the picture's text; a
				   byte 0x01 stands for nothing (a dropped space) */
	uint32_t run, nruns;    /* its runs: the picture's runs [run, run + nruns) */
	uint32_t page;          /* 1-based */
	float y, height;        /* top and height within the page body, points */
	float x, width;         /* left edge from the left margin, and the room it has */
	float right_tab;        /* the text after its last tab ends here (a right tab
				   stop, from x's origin, the left margin); 0 for none */
	uint8_t align;          /* enum rl_align (layout_facts.h) */
	uint8_t list_label;     /* the first line of a list item: a label hangs before x */
	uint8_t cell_more;      /* a cell: a later paragraph of the cell before it */
	uint8_t visible;        /* holds text */
};

/* What drawing the pages needs (the html format): the first section's
 * geometry and every laid-out line with its text and runs. */
struct rl_page_picture {
	float page_w, page_h;   /* points */
	float m_top, m_right, m_bottom, m_left;
	float body_h, body_w;   /* the text area */
	struct rl_page_line *lines;
	size_t nlines;
	struct rl_page_run *runs;
	size_t nruns;
	char *text;             /* the lines' bytes, one after another */
	size_t text_len;
	char **fonts;           /* font names, as the file or profile asks for them */
	size_t nfonts;
	int truncated;          /* lines past RL_PICTURE_MAX_LINES were left out */
};

/* A picture keeps at most this many lines: some 1,500 pages, far past any
 * resume, and a bound on the report a hostile file can make. */
#define RL_PICTURE_MAX_LINES 100000

void rl_page_picture_free(struct rl_page_picture *p);

/* Page fit: the result of laying the resume out (layout.c). */
struct rl_pages {
	double estimate;        /* laid-out height in pages: 1.00 = page one exactly full */
	unsigned limit;         /* the page limit it was measured against */
	unsigned count;         /* pages the text runs to */
	double lines_over;      /* lines with text past the limit (0 when it fits) */
	double lines_free;      /* body lines left on the last allowed page */
	double words_over;      /* words on those lines */
	int has_overflow;       /* the limit is crossed at overflow_off */
	size_t overflow_off;    /* source offset of the first line past the limit */
	size_t overflow_end;    /* and of that line's end */
	size_t overflow_block;
	size_t overflow_t0, overflow_t1; /* that line in the block's text */
	int borderline;         /* within 0.05 page of the limit */
	enum rl_confidence confidence;
	unsigned reasons;       /* RL_LAYOUT_* (layout.h) */
	int word_saved;         /* Word's own page count (docProps/app.xml), -1 when unknown */
	const char *profile;    /* Markdown: the rendering profile; NULL for Word files */
	struct rl_block_fit *blocks; /* one a document block; owned */
	size_t nblocks;
	struct rl_cut cuts[RL_MAX_CUTS]; /* filled by the one-page rule; texts owned */
	size_t ncuts;
	struct rl_page_picture *picture; /* the laid-out lines, kept only when
					    rl_lint_opts.keep_lines asks (the html
					    format draws them); owned, else NULL */
};

struct rl_report {
	struct rl_finding *v;
	size_t n, cap;
	struct rl_pages pages;
	size_t suppressed;      /* findings dropped by inline suppressions */
	struct rl_match *match; /* against the job posting (match.h); owned, NULL without one */
};

void rl_report_init(struct rl_report *r);
void rl_report_free(struct rl_report *r);
void rl_pages_free(struct rl_pages *p);
/* Counts findings at each severity (index by enum rl_severity). */
void rl_report_count(const struct rl_report *r, size_t counts[4]);

#endif
