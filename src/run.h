/* The command line's run: its state, and the steps main.c chains (the
 * settings each file gets, the lint loop, the informational actions).
 * The CLI layer (main.c, cli*.c, run_*.c) is the only code that prints. */
#ifndef RL_RUN_H
#define RL_RUN_H

#include "cli.h"
#include "config.h"
#include "country.h"
#include "diag.h"
#include "lint.h"
#include "posting.h"

enum exit_code {
	EXIT_CLEAN = 0,    /* no finding reaches --fail-on */
	EXIT_FINDINGS = 1, /* a finding does */
	EXIT_TROUBLE = 2,  /* usage error, bad rule or config, unreadable input */
};

struct config_slot {
	char *path;
	struct rl_config cfg;
	int ok;
	char *error; /* first error, formatted */
};

struct job_slot {
	char *path;
	char *skills;                /* a config's extra skills file, or NULL */
	struct rl_skills *dict;      /* the dictionary with them; NULL: the shipped one */
	struct rl_posting *posting;  /* NULL when the posting could not be used */
};

struct run_state {
	struct rl_cli cli;
	struct rl_linter linter;
	struct rl_country_table *countries; /* country profiles (rules/tables/profiles.tsv) */
	struct config_slot *configs;
	size_t nconfigs, cap_configs;
	struct job_slot *jobs;
	size_t njobs, cap_jobs;
	int trouble;
	int many_inputs;  /* more than one file to lint: dumps name each */
};

/* One line on stderr a diagnostic: "resumelint: PATH:LINE:COL: message". */
void print_diag(const struct rl_diag *d);
void print_diags(const struct rl_diags *d);

/* run_settings.c: the settings file for a resume, its lint options, its posting */
struct config_slot *find_config(struct run_state *st, const char *file);
void build_opts(struct run_state *st, const struct config_slot *cs, struct rl_lint_opts *opts);
const struct rl_posting *posting_for(struct run_state *st, const char *job, const char *skills, size_t max_bytes);
void run_state_fini(struct run_state *st);

/* run_lint.c: lint (or dump) every input; the exit status */
int lint_files(struct run_state *st);

/* run_info.c: --list-rules, --list-kinds, --explain, --self-test */
int list_rules(const struct rl_ruleset *rules);
int list_kinds(void);
int explain(struct run_state *st, const char *id);
int self_test(const struct rl_linter *l);

#endif
