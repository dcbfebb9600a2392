/* String → number hash map (strmap.h). */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

void rl_strmap_init(struct rl_strmap *m)
{
	memset(m, 0, sizeof *m);
}

void rl_strmap_free(struct rl_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	memset(m, 0, sizeof *m);
}

static struct rl_strmap_slot *find(const struct rl_strmap *m, const char *key, size_t len, uint32_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct rl_strmap_slot *s = &m->v[i];
		if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
			return s;
	}
}

static void grow(struct rl_strmap *m)
{
	struct rl_strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->v = rl_xcalloc(m->cap, sizeof *m->v);
	for (size_t i = 0; i < old.cap; i++)
		if (old.v[i].key)
			*find(m, old.v[i].key, old.v[i].len, old.v[i].hash) = old.v[i];
	free(old.v);
}

uint32_t *rl_strmap_put(struct rl_strmap *m, const char *key, size_t len, int *added)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	uint32_t h = hash(key, len);
	struct rl_strmap_slot *s = find(m, key, len, h);
	if (added)
		*added = !s->key;
	if (!s->key) {
		s->key = rl_xstrndup(key, len);
		s->len = len;
		s->hash = h;
		s->value = 0;
		m->n++;
	}
	return &s->value;
}

const uint32_t *rl_strmap_get(const struct rl_strmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	const struct rl_strmap_slot *s = find(m, key, len, hash(key, len));
	return s->key ? &s->value : NULL;
}
