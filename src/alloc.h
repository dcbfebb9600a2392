/* Allocation helpers. Policy: an allocation failure is not recoverable for a
 * linter run, so these print one line and abort instead of returning NULL. */
#ifndef RL_ALLOC_H
#define RL_ALLOC_H

#include <stddef.h>

void *rl_xmalloc(size_t n);
void *rl_xcalloc(size_t n, size_t size);
void *rl_xrealloc(void *p, size_t n);
/* realloc for n elements of size bytes, with the multiplication checked. */
void *rl_xreallocarray(void *p, size_t n, size_t size);
char *rl_xstrdup(const char *s);
char *rl_xstrndup(const char *s, size_t n);

/* Grow a dynamic array so that one more element fits at index len. */
#define RL_GROW(ptr, len, cap)                                                  \
	do {                                                                   \
		if ((len) >= (cap)) {                                          \
			(cap) = (cap) ? (cap) * 2 : 8;                         \
			(ptr) = rl_xreallocarray((ptr), (cap), sizeof *(ptr)); \
		}                                                              \
	} while (0)

#endif
