/* An input's text, owned and normalized, with a line map that turns byte
 * offsets into 1-based line:column (columns count characters) at report time. */
#ifndef RL_SOURCE_H
#define RL_SOURCE_H

#include <stddef.h>

struct rl_source {
	char *path;          /* as the user named it; used in messages */
	char *bytes;         /* valid UTF-8 without NUL bytes, NUL-terminated */
	size_t len;
	size_t *lines;       /* byte offset where each line starts */
	size_t nlines;
	size_t bom;          /* bytes of a UTF-8 byte order mark at offset 0 */
	size_t n_invalid;    /* bytes that were not UTF-8 (or NUL), now U+FFFD */
	size_t first_invalid;/* offset (in bytes) of the first of them */
};

struct rl_pos {
	unsigned line;
	unsigned col;
};

/* Copies bytes, replacing every byte that is not valid UTF-8 and every NUL
 * by U+FFFD (one character for one byte, so line:column stay those of the
 * original file), and builds the line map. Line ends: LF, CRLF, lone CR. */
struct rl_source *rl_source_new(const char *path, const char *bytes, size_t len);
void rl_source_free(struct rl_source *src);

struct rl_pos rl_source_pos(const struct rl_source *src, size_t off);
/* The byte offset of 1-based line:col (clamped to the line). */
size_t rl_source_offset(const struct rl_source *src, unsigned line, unsigned col);
/* The text of a 1-based line without its line end; NULL past the end. */
const char *rl_source_line(const struct rl_source *src, unsigned line, size_t *len);

#endif
