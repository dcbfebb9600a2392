/* A growable byte buffer, always NUL-terminated after rl_buf_init. */
#ifndef RL_BUF_H
#define RL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct rl_buf {
	char *data;
	size_t len;
	size_t cap;
};

void rl_buf_init(struct rl_buf *b);
/* Frees the bytes; the buffer can be reused after rl_buf_init. */
void rl_buf_free(struct rl_buf *b);
void rl_buf_clear(struct rl_buf *b);
void rl_buf_reserve(struct rl_buf *b, size_t extra);
void rl_buf_add(struct rl_buf *b, const void *data, size_t len);
void rl_buf_adds(struct rl_buf *b, const char *s);
void rl_buf_addc(struct rl_buf *b, char c);
void rl_buf_add_utf8(struct rl_buf *b, uint32_t cp);
void rl_buf_addf(struct rl_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rl_buf_vaddf(struct rl_buf *b, const char *fmt, va_list ap);
/* Hands the bytes to the caller (free() them); the buffer is left empty. */
char *rl_buf_detach(struct rl_buf *b, size_t *len);

#endif
