/* Owned, normalized input text and its line map. */
#include "source.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"

static void normalize(struct rl_source *src, const char *bytes, size_t len)
{
	struct rl_buf b;
	size_t i = 0;
	rl_buf_init(&b);
	rl_buf_reserve(&b, len);
	while (i < len) {
		size_t run = i;
		/* copy runs of plain ASCII at once: most of any resume (and of the
		 * rule files read at every start), eight bytes a step */
		while (run + 8 <= len) {
			uint64_t w;
			memcpy(&w, bytes + run, 8);
			/* a byte with its top bit set, or a zero byte, ends the run */
			if ((w | ((w - 0x0101010101010101ull) & ~w)) & 0x8080808080808080ull)
				break;
			run += 8;
		}
		while (run < len && (unsigned char)bytes[run] < 0x80 && bytes[run])
			run++;
		rl_buf_add(&b, bytes + i, run - i);
		i = run;
		if (i >= len)
			break;
		uint32_t cp;
		int valid;
		size_t n = rl_utf8_decode(bytes + i, len - i, &cp, &valid);
		if (!valid || cp == 0) {
			if (!src->n_invalid)
				src->first_invalid = b.len;
			src->n_invalid++;
			rl_buf_add_utf8(&b, RL_REPLACEMENT_CHAR);
		} else {
			rl_buf_add(&b, bytes + i, n);
		}
		i += n;
	}
	src->bytes = rl_buf_detach(&b, &src->len);
}

static void build_line_map(struct rl_source *src)
{
	size_t cap = 64;
	src->lines = rl_xreallocarray(NULL, cap, sizeof *src->lines);
	src->nlines = 0;
	src->lines[src->nlines++] = 0;
	/* from line end to line end with memchr, far faster than a byte loop;
	 * CR (CRLF or a lone CR) only when the text has one */
	const char *b = src->bytes, *end = src->bytes + src->len;
	int has_cr = memchr(b, '\r', src->len) != NULL;
	for (const char *p = b; p < end;) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (has_cr) {
			const char *cr = memchr(p, '\r', (size_t)((e ? e : end) - p));
			if (cr)
				e = cr + 1 < end && cr[1] == '\n' ? cr + 1 : cr;
		}
		if (!e)
			break;
		RL_GROW(src->lines, src->nlines, cap);
		src->lines[src->nlines++] = (size_t)(e - b) + 1;
		p = e + 1;
	}
}

struct rl_source *rl_source_new(const char *path, const char *bytes, size_t len)
{
	struct rl_source *src = rl_xcalloc(1, sizeof *src);
	src->path = rl_xstrdup(path ? path : "");
	normalize(src, bytes, len);
	if (src->len >= 3 && memcmp(src->bytes, "\xEF\xBB\xBF", 3) == 0)
		src->bom = 3;
	build_line_map(src);
	return src;
}

void rl_source_free(struct rl_source *src)
{
	if (!src)
		return;
	free(src->path);
	free(src->bytes);
	free(src->lines);
	free(src);
}

static size_t line_index(const struct rl_source *src, size_t off)
{
	size_t lo = 0, hi = src->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

struct rl_pos rl_source_pos(const struct rl_source *src, size_t off)
{
	struct rl_pos p;
	if (off > src->len)
		off = src->len;
	size_t li = line_index(src, off);
	size_t start = src->lines[li];
	if (li == 0 && src->bom && off >= src->bom)
		start = src->bom; /* editors do not count the BOM as a column */
	p.line = (unsigned)li + 1;
	p.col = (unsigned)rl_utf8_count(src->bytes + start, off - start) + 1;
	return p;
}

const char *rl_source_line(const struct rl_source *src, unsigned line, size_t *len)
{
	if (line == 0 || line > src->nlines)
		return NULL;
	size_t start = src->lines[line - 1];
	size_t end = line < src->nlines ? src->lines[line] : src->len;
	if (line == 1)
		start += src->bom;
	while (end > start && (src->bytes[end - 1] == '\n' || src->bytes[end - 1] == '\r'))
		end--;
	*len = end - start;
	return src->bytes + start;
}

size_t rl_source_offset(const struct rl_source *src, unsigned line, unsigned col)
{
	size_t len;
	const char *s = rl_source_line(src, line, &len);
	if (!s)
		return src->len;
	return (size_t)(s - src->bytes) + rl_utf8_advance(s, len, col ? col - 1 : 0);
}
