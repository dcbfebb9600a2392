/* The pipeline for one input: read → classify sections → estimate pages →
 * run rules → suppress. A library: it never prints or exits. */
#ifndef RL_LINT_H
#define RL_LINT_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "lint_opts.h"
#include "reader.h"
#include "report.h"
#include "rule.h"
#include "sections.h"
#include "tailor.h"

/* What is loaded once per run and shared by every file. */
struct rl_linter {
	struct rl_ruleset rules;
	struct rl_section_table *sections;
	struct rl_tailor *tailor; /* posting parts, stop words, skills (tailor.h): loaded on
				     first use (rl_linter_tailor), a posting needs them */
	char *tables_dir;
};

enum rl_status {
	RL_STATUS_OK,
	RL_STATUS_ERROR, /* the input could not be read; see error */
};

struct rl_result {
	char *path;              /* as shown: "<stdin>" for "-" */
	enum rl_status status;
	char *error;             /* one line, when status is RL_STATUS_ERROR */
	const char *format;      /* reader name, NULL when unknown */
	struct rl_doc *doc;      /* owned; NULL on error */
	struct rl_report report;
	struct rl_diags diags;   /* warnings about the input (not findings) */
};

/* Loads rules from rules_dir and the section table from
 * tables_dir/sections.tsv. Returns 0, or -1 with errors in diags. */
int rl_linter_init(struct rl_linter *l, const char *rules_dir, const char *tables_dir, struct rl_diags *diags);
/* The same, leaving the rules' examples unread when examples is 0 (a lint
 * run: a third less rule text to parse at start), taking what it can from
 * a rule cache (rule_cache.h; NULL for none). */
struct rl_rule_cache;
int rl_linter_init_ex(struct rl_linter *l, const char *rules_dir, const char *tables_dir, int examples,
		      struct rl_rule_cache *cache, struct rl_diags *diags);
void rl_linter_fini(struct rl_linter *l);
/* The tailoring tables, loaded the first time they are asked for (most runs
 * have no posting and skip the skills dictionary). NULL with errors in
 * diags when they cannot be loaded. Not thread-safe on the first call. */
const struct rl_tailor *rl_linter_tailor(const struct rl_linter *l, struct rl_diags *diags);

/* Lints bytes read from path. */
void rl_lint_bytes(const struct rl_linter *l, const char *path, const char *bytes, size_t len,
		   const struct rl_lint_opts *opts, struct rl_result *out);
/* Reads path ("-" for stdin, at most max_bytes) and lints it. */
void rl_lint_file(const struct rl_linter *l, const char *path, size_t max_bytes,
		  const struct rl_lint_opts *opts, struct rl_result *out);
/* Marks out as failed with message (used for config problems too). */
void rl_result_fail(struct rl_result *out, const char *path, const char *message);
void rl_result_free(struct rl_result *r);

#endif
