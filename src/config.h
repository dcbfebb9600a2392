/* .resumelint.yml: per-repository settings, found by walking up from the
 * resume's folder (or named with --config).
 *
 *   rules:            # per-rule severity: error, warning, info or off
 *     no-gpa: off
 *     no-objective: warning
 *   max-pages: 1      # page limit (default 1)
 *   paper: letter     # letter or a4 (default letter)
 *   job: posting.md   # job posting to tailor to, relative to this file
 *   skills: extra.tsv # more skills and aliases (NAME<TAB>alias|alias<TAB>tech|pro)
 *   match-threshold: 60 # job-match fails under this score (default 50)
 *   markdown: pandoc  # pandoc (default) or commonmark: which Markdown to read
 *   profile: us       # country norms: us (default), uk, eu, de (rules/tables/profiles.tsv)
 *   level: entry      # career level: entry or experienced (default: from the dates)
 *   layout:           # how a Markdown resume is laid out for page fit
 *     render: pandoc  # pandoc, pandoc-a4, latex-10pt, latex-11pt, latex-12pt
 *     margins: 0.75in # all four margins
 *     font: Calibri   # body font
 *     font-size: 11   # points
 *     line-spacing: 1.15
 */
#ifndef RL_CONFIG_H
#define RL_CONFIG_H

#include "diag.h"
#include "lint_opts.h"
#include "rule.h"

#define RL_CONFIG_NAMES { ".resumelint.yml", ".resumelint.yaml", NULL }

struct rl_config {
	char *path;
	int has_max_pages;
	unsigned max_pages;
	int has_paper;
	enum rl_paper paper;
	struct rl_rule_override *overrides;
	size_t noverrides;
	char *job;           /* resolved against the config file's folder */
	char *skills;        /* more skills and aliases for tailoring, resolved the same way; NULL */
	int match_threshold; /* job-match's lowest passing score; -1 when not set */
	char *profile;       /* country profile; NULL when not set (checked against the table by main) */
	unsigned profile_line, profile_col;
	enum rl_level level; /* RL_LEVEL_AUTO when not set */
	int has_markdown;
	int commonmark_only;
	char *render;        /* layout: render; NULL when not set */
	double margins;      /* layout: margins, points; 0 when not set */
	char *font;
	double font_size;
	double line_spacing;
};

/* Loads and validates (rule ids against rules). 0, or -1 with errors. */
int rl_config_load(const char *path, const struct rl_ruleset *rules, struct rl_config *cfg,
		   struct rl_diags *diags);
/* The same from the file's bytes (path names it in messages and is where
 * job: and skills: are resolved from). */
int rl_config_parse(const char *path, const char *bytes, size_t len, const struct rl_ruleset *rules,
		    struct rl_config *cfg, struct rl_diags *diags);
void rl_config_free(struct rl_config *cfg);
/* The config file that applies to a resume in dir: the first one found in
 * dir or a parent. NULL when none; free() the result. */
char *rl_config_find(const char *dir);
/* Copies the config's settings onto opts. */
void rl_config_apply(const struct rl_config *cfg, struct rl_lint_opts *opts);

#endif
