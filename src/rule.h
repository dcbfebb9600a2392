/* Rules: one YAML file each in rules/, loaded in sorted order and compiled
 * once. A rule has common keys (id, severity, message, advice, kind, scope,
 * blocks, examples) and the keys of its kind; each kind lives in its own
 * file (rule_pattern.c, rule_section.c, rule_limit.c). */
#ifndef RL_RULE_H
#define RL_RULE_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "source.h"
#include "yaml_tree.h"

enum rl_severity {
	RL_SEV_OFF = 0,
	RL_SEV_INFO,
	RL_SEV_WARNING,
	RL_SEV_ERROR,
};

struct rl_rule;
struct rl_run;

/* Loading context, passed to key setters so they can report errors. */
struct rl_rule_cache;

struct rl_rule_loader {
	const struct rl_source *src;
	struct rl_diags *diags;
	struct rl_rule_cache *cache; /* pre-parsed rules (rule_cache.h), or NULL */
};

struct rl_rule_key {
	const char *name;
	/* Returns 0, or -1 after adding an error at v's position. */
	int (*set)(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld);
	const char *help; /* one line for docs and the man page */
};

struct rl_rule_kind {
	const char *name;
	const char *help;
	const struct rl_rule_key *keys; /* kind-specific keys, NULL-ended */
	const struct rl_rule_key *extra_keys; /* more keys (shared sets), or NULL */
	void *(*impl_new)(void);
	/* After all keys are set: check required keys, compile. 0 or -1. */
	int (*finish)(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld);
	void (*run)(const struct rl_rule *r, struct rl_run *run);
	void (*impl_free)(void *impl);
	/* runs after every other kind, so it can read their findings (the
	 * one-page rule suggests cutting what they flag) */
	int runs_last;
	/* before several threads run the rule: finish what it would otherwise
	 * do lazily (a rule's run must then only read the rule); NULL if none */
	void (*prepare_threads)(struct rl_rule *r);
};

struct rl_rule {
	char *id;
	enum rl_severity severity;   /* default from the file; config may override */
	char *summary;               /* one line for --list-rules */
	char *message;               /* what was found; may use {match} {value} {limit} */
	char *advice;                /* why a recruiter cares, what to do instead */
	const struct rl_rule_kind *kind;
	void *impl;
	unsigned scope;              /* bit (1 << section kind); all when unset */
	unsigned blocks;             /* bit (1 << block kind) the rule reads */
	char **bad, **good;          /* examples: Markdown that must / must not fire */
	size_t nbad, ngood;
	char *path;                  /* file the rule came from */
	char *example_job;           /* examples.job: the posting the examples are checked against, or NULL */
	int cut;                     /* what it flags can go: page fit suggests cutting it */
};

struct rl_ruleset {
	struct rl_rule **v;
	size_t n, cap;
	int skip_examples;  /* load: leave examples unread (only --self-test and
			       --explain show them; a third of the rule text) */
	struct rl_rule_cache *cache; /* load: pre-parsed rules to take what matches from; not owned */
};

const char *rl_severity_name(enum rl_severity s);
/* -1 for an unknown name; "off" parses to RL_SEV_OFF. */
int rl_severity_parse(const char *name);

/* Parses one rule from a source (a YAML file's text). NULL after adding
 * errors "path:line:col: problem" to diags. */
struct rl_rule *rl_rule_parse(const struct rl_source *src, struct rl_diags *diags);
/* The same, without the examples block when it comes last in the file. */
struct rl_rule *rl_rule_parse_without_examples(const struct rl_source *src, struct rl_diags *diags);
void rl_rule_free(struct rl_rule *r);

/* Loads every *.yaml / *.yml file directly in dir, in sorted name order.
 * Returns 0, or -1 when any file failed (each failure is in diags). */
int rl_ruleset_load_dir(struct rl_ruleset *set, const char *dir, struct rl_diags *diags);
void rl_ruleset_free(struct rl_ruleset *set);
const struct rl_rule *rl_ruleset_find(const struct rl_ruleset *set, const char *id);

extern const struct rl_rule_kind rl_rule_kind_pattern;
extern const struct rl_rule_kind rl_rule_kind_section;
extern const struct rl_rule_kind rl_rule_kind_limit;
/* 1 when r is a limit rule on the page count (its --explain shows the layout). */
int rl_rule_measures_pages(const struct rl_rule *r);
extern const struct rl_rule_kind rl_rule_kind_photo;
extern const struct rl_rule_kind rl_rule_kind_layout;
extern const struct rl_rule_kind rl_rule_kind_job;    /* rule_job.c */
extern const struct rl_rule_kind rl_rule_kind_target; /* rule_target.c */
extern const struct rl_rule_kind rl_rule_kind_bullets;
extern const struct rl_rule_kind rl_rule_kind_career;
extern const struct rl_rule_kind rl_rule_kind_dates;
extern const struct rl_rule_kind rl_rule_kind_contact;
/* The kinds a rule file may name, NULL-ended. */
extern const struct rl_rule_kind *const rl_rule_kinds[];
/* The common keys every rule file may use, NULL-ended. */
extern const struct rl_rule_key rl_rule_common_keys[];

/* Helpers for kind key setters. */
int rl_rule_want_scalar(const struct rl_ynode *v, struct rl_rule_loader *ld, const char *what);
/* A scalar or a list of scalars, joined as regex alternatives. */
char *rl_rule_join_patterns(const struct rl_ynode *v, struct rl_rule_loader *ld);
/* A number from min to max into *out. 0, or -1 after "expected <what>, found
 * a list" or "expected <what> from <min> to <max>"; what names the number
 * ("a number", "a number of months"). */
int rl_rule_set_number(const struct rl_ynode *v, struct rl_rule_loader *ld, const char *what, double min,
		       double max, double *out);
/* A list of texts, lower-cased (for case-blind word lists). 0 or -1. */
int rl_rule_word_list(const struct rl_ynode *v, struct rl_rule_loader *ld, char ***out, size_t *n);
void rl_rule_word_list_free(char **v, size_t n);
/* A new copy of s[0, len) lower-cased as word lists are, to compare with
 * them. */
char *rl_rule_lower(const char *s, size_t len);
/* 1 when lower-cased text contains one of words. */
int rl_contains_any(const char *lower_text, char *const *words, size_t n);
/* The same, where a word starts: "motion" is not in "promotion" (a word
 * here is a run of letters and digits; any byte of a UTF-8 sequence counts
 * as a letter). */
int rl_contains_any_word(const char *lower_text, char *const *words, size_t n);

/* Kinds that run several checks, each on when the rule file gives it a
 * message (career, contact and dates `checks`, layout `hazards`). */
/* The map key → message: messages[i] gets the message of names[i]; what
 * says what a key is in errors ("check", "hazard"), which list the n names
 * in their order. 0, or -1 after an error. */
int rl_rule_set_check_messages(const struct rl_ynode *v, struct rl_rule_loader *ld, const char *what,
			       const char *const *names, size_t n, char **messages);
/* For finish: 0 when one of the n messages is set, else -1 after "missing
 * key '<key>'". */
int rl_rule_need_check_message(struct rl_rule_loader *ld, const struct rl_ynode *root, const char *key,
			       char *const *messages, size_t n);
/* A check's message with {value} and {limit} filled in (a NULL one is left
 * as written), to pass as the rule message's {value}. Free it. */
char *rl_rule_fill_check_message(const char *tmpl, const char *value, const char *limit);
/* A finding's message quotes at most this many characters of the text
 * found ({match}), then "…". */
#define RL_MAX_MATCH_IN_MESSAGE 60

/* The same with {match} too: the text found, match_len bytes (cut to
 * RL_MAX_MATCH_IN_MESSAGE characters). */
char *rl_rule_fill_check_message_match(const char *tmpl, const char *value, const char *limit, const char *match,
				       size_t match_len);
void rl_rule_error(struct rl_rule_loader *ld, const struct rl_ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
