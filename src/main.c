/* resumelint: flags → the run (run.h), and the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "paths.h"
#include "rl_build.h"
#include "rule_cache.h"
#include "run.h"
#include "modules.h"

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
	struct run_state st;
	struct rl_diags d;
	int rc;
	memset(&st, 0, sizeof st);
	/* libzip turns each archive member's DOS time into Unix time with
	 * mktime, and with TZ unset glibc stats /etc/localtime on every call
	 * (33 times for one .docx). TZ naming that same file is read once. */
	setenv("TZ", ":/etc/localtime", 0);
	if (rl_cli_parse(&st.cli, argc, argv))
		return EXIT_TROUBLE;
	if (st.cli.action == RL_ACTION_HELP) {
		rl_cli_usage(stdout);
		return EXIT_CLEAN;
	}
	if (st.cli.action == RL_ACTION_VERSION) {
		printf("resumelint %s\n", RL_VERSION);
		return EXIT_CLEAN;
	}
	char *module_dir = rl_paths_module_dir();
	rl_modules_set_dir(module_dir);
	free(module_dir);
	char *rules_dir = st.cli.rules_dir ? rl_xstrdup(st.cli.rules_dir) : rl_paths_rules_dir();
	struct rl_buf tables;
	rl_buf_init(&tables);
	rl_buf_addf(&tables, "%s/tables", rules_dir);
	if (!is_dir(tables.data)) {
		/* a folder of custom rules still uses the built-in tables */
		char *def = rl_paths_rules_dir();
		rl_buf_clear(&tables);
		rl_buf_addf(&tables, "%s/tables", def);
		free(def);
	}
	rl_diags_init(&d);
	int examples = st.cli.action == RL_ACTION_SELF_TEST || st.cli.action == RL_ACTION_EXPLAIN;
	/* the shipped rules come pre-parsed when their cache matches them
	 * (rule_cache.h); --write-rule-cache records a new one */
	struct rl_rule_cache *cache = NULL;
	if (st.cli.action == RL_ACTION_WRITE_CACHE) {
		cache = rl_rule_cache_recorder();
		examples = 0;
	} else if (!st.cli.rules_dir) {
		char *cache_path = rl_paths_rule_cache();
		cache = rl_rule_cache_open(cache_path);
		free(cache_path);
	}
	int loaded = rl_linter_init_ex(&st.linter, rules_dir, tables.data, examples, cache, &d);
	if (loaded == 0 && st.cli.action == RL_ACTION_WRITE_CACHE && rl_rule_cache_write(cache, st.cli.write_cache, &d))
		loaded = -1;
	rl_rule_cache_free(cache);
	if (loaded != 0) {
		print_diags(&d);
		rc = EXIT_TROUBLE;
		goto out;
	}
	{
		struct rl_buf cpath;
		rl_buf_init(&cpath);
		rl_buf_addf(&cpath, "%s/profiles.tsv", tables.data);
		st.countries = rl_country_table_load(cpath.data, &d);
		rl_buf_free(&cpath);
	}
	if (!st.countries) {
		print_diags(&d);
		rc = EXIT_TROUBLE;
		goto out;
	}
	if (st.cli.profile && !rl_country_known(st.countries, st.cli.profile)) {
		char *names = rl_country_names(st.countries);
		fprintf(stderr, "resumelint: --profile: unknown profile '%s' (expected %s)\n", st.cli.profile, names);
		free(names);
		rc = EXIT_TROUBLE;
		goto out;
	}
	switch (st.cli.action) {
	case RL_ACTION_WRITE_CACHE:
		rc = EXIT_CLEAN;
		break;
	case RL_ACTION_LIST_RULES:
		rc = list_rules(&st.linter.rules);
		break;
	case RL_ACTION_LIST_KINDS:
		rc = list_kinds();
		break;
	case RL_ACTION_EXPLAIN:
		rc = explain(&st, st.cli.explain);
		break;
	case RL_ACTION_SELF_TEST:
		rc = self_test(&st.linter);
		break;
	default:
		rc = lint_files(&st);
		break;
	}
out:
	rl_diags_free(&d);
	rl_buf_free(&tables);
	free(rules_dir);
	run_state_fini(&st);
	return rc;
}
