/* Readers turn an input's bytes into the document model. One file per
 * reader; this table picks one by extension, then checks it by sniffing. */
#ifndef RL_READER_H
#define RL_READER_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"

/* A Markdown line longer than this is refused: no resume has one (a data:
 * URI image of 700 KB still fits), and a 10 MB line would cost seconds of
 * layout and matching before any finding (tests/hostile/long-line.md). */
#define RL_MAX_LINE_BYTES (1u * 1024 * 1024)
/* Lines of a Markdown file: 50 a page, 100,000 is 2,000 pages. The line maps
 * cost about 40 bytes a line: 10 MiB of empty lines took 450 MB before. */
#define RL_MAX_LINES 100000u

struct rl_read_opts {
	int commonmark_only; /* Markdown: no pandoc extensions (default 0) */
};

struct rl_reader {
	const char *name;                  /* "markdown", also the JSON "format" */
	const char *description;           /* for messages: "a Word document (.docx)" */
	const char *const *extensions;     /* lower case, with the dot; NULL-ended */
	/* 1 when the bytes look like this reader's format. */
	int (*probe)(const char *bytes, size_t len);
	/* Reads path's bytes. On failure adds one error to diags (naming the
	 * file) and returns NULL. */
	struct rl_doc *(*read)(const char *path, const char *bytes, size_t len,
			       const struct rl_read_opts *opts, struct rl_diags *diags);
};

extern const struct rl_reader rl_reader_markdown;
extern const struct rl_reader rl_reader_docx;    /* reader_word.c */
extern const struct rl_reader rl_reader_wordxml;

/* Chooses the reader for path. Returns NULL and adds an error when the bytes
 * are something no reader takes (a PDF, a zip that is not a Word file ...). */
const struct rl_reader *rl_reader_pick(const char *path, const char *bytes, size_t len,
				       struct rl_diags *diags);
/* Picks the reader for path and reads; sections are classified after. */
struct rl_doc *rl_read(const char *path, const char *bytes, size_t len,
		       const struct rl_read_opts *opts, struct rl_diags *diags);

#endif
