/* Allocation helpers that abort on failure (see alloc.h for the policy). */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t n)
{
	fprintf(stderr, "resumelint: out of memory (%zu bytes)\n", n);
	abort();
}

void *rl_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *rl_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *rl_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

void *rl_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return rl_xrealloc(p, n * size);
}

char *rl_xstrdup(const char *s)
{
	return rl_xstrndup(s, strlen(s));
}

char *rl_xstrndup(const char *s, size_t n)
{
	char *p = rl_xmalloc(n + 1);
	if (n) /* md4c hands an empty link destination as (NULL, 0): memcpy may not
		* take NULL even for no bytes (fuzz_pipeline, UBSan) */
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
