/* The rule engine: runs compiled rules over a document model and fills a
 * report. Never prints; input problems go to the report's diagnostics. */
#ifndef RL_ENGINE_H
#define RL_ENGINE_H

#include <stddef.h>

#include "doc.h"
#include "lint_opts.h"
#include "report.h"
#include "rule.h"

/* One file's findings per rule beyond this are summed up in one more
 * finding: fifty GPA findings help nobody and can flood a CI log. */
#define RL_MAX_FINDINGS_PER_RULE 20

struct rl_suppressions;

/* What a rule's run function sees. */
struct rl_run {
	const struct rl_doc *doc;
	const struct rl_lint_opts *opts;
	struct rl_report *report;
	struct rl_diags *diags;        /* rule trouble (match limits) */
	const struct rl_rule *rule;    /* the rule running now */
	enum rl_severity severity;     /* its effective severity */
	size_t emitted, dropped;       /* for the rule running now */
	size_t first_dropped;
	void *match_data;              /* pcre2_match_data shared by pattern rules */
	char **lower;                  /* each block's text lower-cased, made on first use */
	int limit_reported;            /* the running rule hit a pcre2 limit */
	const struct rl_suppressions *suppress; /* inline suppressions, or NULL */
};

/* Values a message's placeholders take. */
struct rl_msg_vars {
	const char *value; /* {value} */
	const char *limit; /* {limit} */
	const char *detail; /* {detail}: what a metric adds (lines over, cuts) */
};

/* Adds a finding for the running rule at source span [start, end). text is
 * the offending text ({match}); NULL for none. A suppressed finding is only
 * counted: it does not use up the rule's RL_MAX_FINDINGS_PER_RULE. */
void rl_emit(struct rl_run *run, size_t start, size_t end, const char *text, size_t text_len,
	     int section, const struct rl_msg_vars *vars);

/* Block i's text in lower case (for keyword prefilters). */
const char *rl_run_lower(struct rl_run *run, size_t i);

/* 1 when block b is in the rule's scope and block kinds. */
int rl_rule_reads(const struct rl_rule *r, const struct rl_doc *doc, const struct rl_block *b);

/* Runs every rule whose effective severity is not off; findings are sorted
 * by position, inline suppressions applied. report->pages must be set. */
void rl_engine_run(const struct rl_ruleset *rules, const struct rl_doc *doc,
		   const struct rl_lint_opts *opts, struct rl_report *report, struct rl_diags *diags);

#endif
