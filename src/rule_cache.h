/* The shipped rules, pre-parsed: a file made at build time (and installed
 * beside the rules) holding each rule file's YAML tree and every pattern
 * compiled by PCRE2 (pcre2_serialize). Loading the 26 rules otherwise costs
 * half of a one-resume run (YAML parsing and pattern compiling, 1.7 ms of
 * 3.7 measured), and a lint run is mostly one resume.
 *
 * The cache only stands in for work whose input it can check: a rule file
 * is taken from it when its name and bytes hash the same (or, without
 * reading it, when its size and modification time, to the nanosecond, are
 * those recorded: as make and ccache judge a file unchanged), a pattern
 * when its text and options are the same, and nothing at all when it was
 * made by another PCRE2 version. Anything else is parsed and compiled as usual,
 * errors and positions included. resumelint never writes it while linting:
 * `resumelint --write-rule-cache FILE` makes it (meson does, at build). */
#ifndef RL_RULE_CACHE_H
#define RL_RULE_CACHE_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "yaml_tree.h"

struct rl_rule_cache;

/* What tells a rule file unchanged without reading it. */
struct rl_file_stamp {
	uint64_t size, mtime_ns;
};

/* 0 and *out for a regular file, else -1. */
int rl_file_stamp_of(const char *path, struct rl_file_stamp *out);

/* Reads a cache file; NULL when it is missing, damaged or from another
 * PCRE2 (then everything is parsed as without one). */
struct rl_rule_cache *rl_rule_cache_open(const char *path);
/* An empty cache that records what is parsed and compiled, to write. */
struct rl_rule_cache *rl_rule_cache_recorder(void);
void rl_rule_cache_free(struct rl_rule_cache *c);

/* The tree of rule file `name` whose first `end` bytes are bytes[0, end):
 * a new tree (free with rl_ynode_free) when the cache has it, else NULL. */
struct rl_ynode *rl_rule_cache_tree(struct rl_rule_cache *c, const char *name, const char *bytes, size_t end);
/* The tree of rule file `name` (without its examples) when the file's
 * stamp is the one recorded with it: a new tree, else NULL. */
struct rl_ynode *rl_rule_cache_tree_unread(struct rl_rule_cache *c, const char *name,
					   const struct rl_file_stamp *stamp);
/* Recording: remembers the tree parsed from that text, and the file's stamp
 * (NULL: none). */
void rl_rule_cache_put_tree(struct rl_rule_cache *c, const char *name, const char *bytes, size_t end,
			    const struct rl_ynode *tree, const struct rl_file_stamp *stamp);

/* pcre2_compile through the cache (c may be NULL): the caller owns the
 * result either way. Recording keeps a copy. */
pcre2_code *rl_rule_cache_compile(struct rl_rule_cache *c, const char *pattern, uint32_t opts, int *error,
				  PCRE2_SIZE *offset);

/* Writes what was recorded to path (replaced whole). 0, or -1 with an
 * error in diags. */
int rl_rule_cache_write(const struct rl_rule_cache *c, const char *path, struct rl_diags *diags);

#endif
