/* What decides a file's findings: page limit, paper, per-rule severities.
 * Built from defaults, then the config file, then command-line flags. */
#ifndef RL_LINT_OPTS_H
#define RL_LINT_OPTS_H

#include <stddef.h>

#include "rule.h"

enum rl_paper {
	RL_PAPER_LETTER,
	RL_PAPER_A4,
};

struct rl_rule_override {
	char *id;
	enum rl_severity severity; /* RL_SEV_OFF turns the rule off */
};

struct rl_lint_opts {
	unsigned max_pages;              /* default 1: the advice is one page */
	enum rl_paper paper;             /* default letter */
	struct rl_rule_override *overrides;
	size_t noverrides, cap_overrides;
	const char *only_rule;           /* run just this rule (self-tests); default NULL */
	int commonmark_only;             /* Markdown without pandoc's extensions; default 0 */
};

void rl_lint_opts_default(struct rl_lint_opts *o);
void rl_lint_opts_free(struct rl_lint_opts *o);
/* Later calls win over earlier ones for the same id. */
void rl_lint_opts_override(struct rl_lint_opts *o, const char *id, enum rl_severity sev);
void rl_lint_opts_copy(struct rl_lint_opts *to, const struct rl_lint_opts *from);
/* The severity rule r runs at under these options. */
enum rl_severity rl_lint_opts_severity(const struct rl_lint_opts *o, const struct rl_rule *r);
const char *rl_paper_name(enum rl_paper p);
int rl_paper_parse(const char *name);

#endif
