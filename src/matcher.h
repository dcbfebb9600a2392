/* A compiled pattern with its exceptions, shared by the rule kinds that
 * search text (pattern, section). Kinds embed struct rl_matcher as the FIRST
 * member of their impl so the shared key setters can reach it. */
#ifndef RL_MATCHER_H
#define RL_MATCHER_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "rule.h"

/* pcre2 budgets per match attempt. A resume block is short: a sane pattern
 * needs a few thousand steps; these stop a catastrophic one (nested
 * quantifiers on a long line) in about a millisecond instead of hanging. */
#define RL_PATTERN_MATCH_LIMIT 200000u
#define RL_PATTERN_DEPTH_LIMIT 5000u

/* A rule's patterns run in pcre2's interpreter until they have been tried
 * this many times, then are JIT-compiled: one resume rarely gets there
 * (keywords let few blocks through), a batch does at once. JIT costs as
 * much as ~25 interpreted attempts of a typical rule pattern. */
#define RL_JIT_AFTER_ATTEMPTS 24

/* The matcher's form of it (pattern and section rules): its patterns are
 * JIT-compiled once they have searched this much block text, about two
 * resumes. Counted in text, as pcre2's work grows with it: one resume
 * stays interpreted (JIT-compiling a rule's list costs about as much as
 * interpreting it over one resume); a batch has every rule JIT-compiled
 * by its third file. */
#define RL_JIT_AFTER_BYTES 8192

struct rl_matcher {
	char *pattern;          /* source text, for --explain */
	char **keywords;        /* a block is searched only when its lower-cased
				   text contains one of these; none: every block */
	size_t nkeywords;
	void *kwindex;          /* the keywords indexed for one pass (matcher.c) */
	size_t scanned;         /* block text searched so far (lazy JIT) */
	int jitted;
	char *unless;
	char *unless_section;   /* section rules: a section of the kind whose
				   text matches is not reported */
	char *requires;         /* the document must match somewhere, else
				   the rule reports nothing */
	char **bullets;         /* paragraphs starting with one of these and a
				   space are read as list items */
	size_t nbullets;
	int case_sensitive;     /* default 0 */
	int once_per_block;     /* report a block's first match only; default 0 */
	int skip_italic;        /* a match in italics (a title) is not reported; default 0 */
	uint32_t match_limit;   /* default RL_PATTERN_MATCH_LIMIT */
	uint32_t depth_limit;   /* default RL_PATTERN_DEPTH_LIMIT */
	void *re, *unless_re;   /* each a list compiled item by item (matcher.c) */
	void *unless_section_re, *requires_re;
	void *mctx;             /* pcre2_match_context */
};

extern const struct rl_rule_key rl_matcher_keys[];

void rl_matcher_init(struct rl_matcher *m);
void rl_matcher_fini(struct rl_matcher *m);
/* Compiles; errors point at the key in root. required: pattern must exist. */
int rl_matcher_finish(struct rl_matcher *m, const struct rl_ynode *root, struct rl_rule_loader *ld,
		      int required);
/* Emits a finding for every match in every block the rule reads, except
 * matches that an `unless` match overlaps. */
void rl_matcher_scan(const struct rl_matcher *m, struct rl_run *run);
/* The same, skipping the heading of section i where skip[i] is not 0 (one
 * flag per section of the document): a heading already reported. */
void rl_matcher_scan_except(const struct rl_matcher *m, struct rl_run *run, const unsigned char *skip);
/* 1 when any block the rule reads has a match not excepted by `unless`. */
int rl_matcher_any(const struct rl_matcher *m, struct rl_run *run);
/* 1 when the document meets `requires` (or there is none). */
int rl_matcher_required(const struct rl_matcher *m, struct rl_run *run);
/* The section kind's `unless-section` key, kept here to compile with the rest. */
int rl_matcher_set_unless_section(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld);
/* 1 when section i of the document matches `unless-section`. */
int rl_matcher_section_excepted(const struct rl_matcher *m, struct rl_run *run, size_t i);

/* Kind hook (prepare_threads) of kinds whose impl starts with a matcher:
 * JIT-compiles its patterns now, so threads only read it. */
void rl_matcher_prepare_threads(struct rl_rule *r);

#endif
