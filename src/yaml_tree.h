/* A small YAML tree (maps, sequences, scalars, each with its position) built
 * with libyaml, for rule files, config files, data tables and front matter. */
#ifndef RL_YAML_TREE_H
#define RL_YAML_TREE_H

#include <stddef.h>

#include "diag.h"
#include "source.h"

enum rl_ynode_type {
	RL_Y_SCALAR,
	RL_Y_MAP,
	RL_Y_SEQ,
};

struct rl_ynode {
	enum rl_ynode_type type;
	unsigned line, col;      /* 1-based, in the source the tree came from */
	size_t start, end;       /* byte span in that source */
	char *value;             /* scalars: the value, NUL-terminated */
	size_t value_len;
	int plain;               /* scalars: written without quotes or block style */
	struct rl_ynode **items; /* maps: key, value, key, value ...; seqs: items */
	size_t n;
	int arena;               /* a root whose one allocation holds the whole tree
				  * (rule_cache.c); rl_ynode_free frees it at once */
};

/* Limits against hostile files: a rule or config file is small. */
#define RL_YAML_MAX_DEPTH 32    /* deeper than any sane rule or front matter */
#define RL_YAML_MAX_NODES 100000 /* far beyond a large skills dictionary */

/* Parses the first YAML document in src->bytes[start, end). Problems are
 * added to diags (with the source's path and positions) and NULL returned.
 * An empty document gives an empty map. Aliases and anchors are refused. */
struct rl_ynode *rl_yaml_parse(const struct rl_source *src, size_t start, size_t end,
			       struct rl_diags *diags);
void rl_ynode_free(struct rl_ynode *n);

/* Map lookup by key (NULL when absent or when map is not a map). */
const struct rl_ynode *rl_ymap_get(const struct rl_ynode *map, const char *key);
/* 1 when n is a scalar with one of YAML's true words, 0 for false words,
 * -1 otherwise. */
int rl_yscalar_bool(const struct rl_ynode *n);
const char *rl_ynode_type_name(enum rl_ynode_type t);

#endif
