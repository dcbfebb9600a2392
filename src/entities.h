/* HTML named character references, for Markdown entity decoding. */
#ifndef RL_ENTITIES_H
#define RL_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

/* The longest name ("CounterClockwiseContourIntegral") and its NUL. The
 * name is held inline, not pointed at: a table of pointers is relocated,
 * page by page, each time the program starts. */
#define RL_ENTITY_NAME_MAX 32

struct rl_entity {
	char name[RL_ENTITY_NAME_MAX]; /* without & and ; */
	uint32_t cp[2];         /* one or two code points; cp[1] is 0 for one */
};

/* Sorted by name (strcmp order). */
extern const struct rl_entity rl_entities[];
extern const unsigned rl_entities_count;

/* The entity called name[0..len), or NULL. */
const struct rl_entity *rl_entity_find(const char *name, size_t len);

#endif
