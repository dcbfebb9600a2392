/* A string → number hash map (open addressing, keys copied), for the
 * tailoring dictionary and term lookups. */
#ifndef RL_STRMAP_H
#define RL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct rl_strmap_slot {
	char *key;     /* NULL: empty */
	size_t len;
	uint32_t hash;
	uint32_t value;
};

struct rl_strmap {
	struct rl_strmap_slot *v;
	size_t n, cap; /* cap is a power of two */
};

void rl_strmap_init(struct rl_strmap *m);
void rl_strmap_free(struct rl_strmap *m);
/* The value slot for key, added (value 0, *added 1) when missing. */
uint32_t *rl_strmap_put(struct rl_strmap *m, const char *key, size_t len, int *added);
/* The value for key, or NULL. */
const uint32_t *rl_strmap_get(const struct rl_strmap *m, const char *key, size_t len);

#endif
