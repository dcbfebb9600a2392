/* Entity lookup by binary search over the generated table. */
#include "entities.h"

#include <string.h>

static int cmp(const char *name, size_t len, const char *key)
{
	int c = strncmp(name, key, len);
	if (c)
		return c;
	return key[len] ? -1 : 0;
}

const struct rl_entity *rl_entity_find(const char *name, size_t len)
{
	unsigned lo = 0, hi = rl_entities_count;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		int c = cmp(name, len, rl_entities[mid].name);
		if (c == 0)
			return &rl_entities[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
