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

/* Career level: which of the level-bound rules apply (projects: entry;
 * no-life-story: experienced). */
enum rl_level {
	RL_LEVEL_AUTO,        /* measured from the experience section's dates */
	RL_LEVEL_ENTRY,       /* under 3 years of experience */
	RL_LEVEL_EXPERIENCED,
};

struct rl_posting;

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
	/* how Markdown is laid out for page fit (profile.h) */
	const char *render;              /* rendering profile; default NULL: pandoc (pandoc-a4 on a4) */
	double margin_pt;                /* all four margins; default 0: the profile's */
	const char *font;                /* body font; default NULL: the profile's */
	double font_size;                /* body size, points; default 0: the profile's */
	double line_spacing;             /* a multiple of single; default 0: the profile's */
	const struct rl_posting *posting; /* --job / job:, read once per run (posting.h); default NULL */
	int match_threshold;             /* job-match's lowest passing score; default -1: the rule's */
	enum rl_level level;             /* default RL_LEVEL_AUTO: measured per resume */
	const char *country;             /* country profile (us, uk, eu, de); default NULL: us.
					    Its severities are in overrides, put there first */
	int keep_lines;                  /* page fit keeps the laid-out lines and geometry in
					    rl_pages.picture (the html format draws them); default 0 */
};

void rl_lint_opts_default(struct rl_lint_opts *o);
void rl_lint_opts_free(struct rl_lint_opts *o);
/* Later calls win over earlier ones for the same id. */
void rl_lint_opts_override(struct rl_lint_opts *o, const char *id, enum rl_severity sev);
void rl_lint_opts_copy(struct rl_lint_opts *to, const struct rl_lint_opts *from);
/* The severity rule r runs at under these options. */
enum rl_severity rl_lint_opts_severity(const struct rl_lint_opts *o, const struct rl_rule *r);
const char *rl_paper_name(enum rl_paper p);
/* "entry", "experienced" (or "auto") → level; -1 for anything else. */
int rl_level_parse(const char *name);
const char *rl_level_name(enum rl_level l);
int rl_paper_parse(const char *name);

/* Markdown layout settings, shared by flags and the config file. Each
 * returns 0, or -1 with a one-line reason in *why. */
/* "0.75in", "2cm", "20mm", "54pt" → points. */
int rl_length_parse(const char *s, double *pt, const char **why);
int rl_font_size_parse(const char *s, double *pt, const char **why);
int rl_line_spacing_parse(const char *s, double *mult, const char **why);

#endif
