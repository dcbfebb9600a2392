/* Growable byte buffer. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

void rl_buf_init(struct rl_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	rl_buf_reserve(b, 0);
}

void rl_buf_free(struct rl_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void rl_buf_clear(struct rl_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void rl_buf_reserve(struct rl_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		rl_xmalloc(SIZE_MAX); /* aborts */
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = rl_xrealloc(b->data, cap);
	b->cap = cap;
	b->data[b->len] = '\0';
}

void rl_buf_add(struct rl_buf *b, const void *data, size_t len)
{
	rl_buf_reserve(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void rl_buf_adds(struct rl_buf *b, const char *s)
{
	rl_buf_add(b, s, strlen(s));
}

void rl_buf_addc(struct rl_buf *b, char c)
{
	rl_buf_add(b, &c, 1);
}

void rl_buf_add_utf8(struct rl_buf *b, uint32_t cp)
{
	char tmp[4];
	rl_buf_add(b, tmp, rl_utf8_encode(cp, tmp));
}

void rl_buf_vaddf(struct rl_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	if (!fmt) /* never; tells GCC 12 under -fsanitize=undefined (-Werror=format-truncation) */
		return;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	rl_buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void rl_buf_addf(struct rl_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rl_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *rl_buf_detach(struct rl_buf *b, size_t *len)
{
	if (!b->data)
		rl_buf_reserve(b, 0);
	char *p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
