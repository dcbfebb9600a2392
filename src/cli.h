/* Command-line flags → struct rl_cli. Each field documents its default. */
#ifndef RL_CLI_H
#define RL_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "lint_opts.h"
#include "rule.h"

enum rl_color {
	RL_COLOR_AUTO,   /* on a terminal, unless NO_COLOR is set */
	RL_COLOR_ALWAYS,
	RL_COLOR_NEVER,
};

enum rl_action {
	RL_ACTION_LINT,       /* default */
	RL_ACTION_DUMP,       /* --dump */
	RL_ACTION_DUMP_LAYOUT,/* --dump-layout (for developers) */
	RL_ACTION_LIST_RULES, /* --list-rules */
	RL_ACTION_LIST_KINDS, /* --list-kinds (rule authors, docs) */
	RL_ACTION_WRITE_CACHE,/* --write-rule-cache FILE (the build) */
	RL_ACTION_EXPLAIN,    /* --explain RULE */
	RL_ACTION_SELF_TEST,  /* --self-test */
	RL_ACTION_VERSION,    /* --version */
	RL_ACTION_HELP,       /* --help */
};

struct rl_cli {
	enum rl_action action;
	const char *format;      /* --format; default "text" */
	const char *output;      /* --output FILE: the report there, text on the terminal */
	const char *config;      /* --config FILE; default: found by walking up */
	int no_config;           /* --no-config; default 0 */
	const char *rules_dir;   /* --rules DIR; default: installed (or source tree) rules */
	int has_max_pages;       /* --max-pages N given; default limit is 1 */
	unsigned max_pages;
	int has_paper;           /* --paper; default letter */
	enum rl_paper paper;
	const char *job;         /* --job FILE; default none (or config's job:) */
	/* Markdown layout (page fit); 0/NULL: the config's or the profile's */
	const char *render;      /* --render PROFILE */
	double margins;          /* --margins LENGTH, points */
	const char *font;        /* --font NAME */
	double font_size;        /* --font-size PT */
	double line_spacing;     /* --line-spacing X */
	const char *profile;     /* --profile NAME: country norms; default NULL: config's, else us */
	enum rl_level level;     /* --level; default RL_LEVEL_AUTO: config's, else measured */
	enum rl_severity fail_on;/* --fail-on; default error */
	int quiet;               /* --quiet; default 0 */
	enum rl_color color;     /* --color; default auto */
	const char *explain;     /* --explain RULE */
	const char *write_cache; /* --write-rule-cache FILE */
	size_t max_file_bytes;   /* --max-file-size MiB; default RL_MAX_INPUT_BYTES */
	unsigned jobs;           /* --jobs N: threads linting at once; default 0: auto (main.c) */
	char **files;            /* the operands; "-" is stdin */
	size_t nfiles;
};

/* Parses argv. Returns 0, or -1 after printing one line on stderr. */
int rl_cli_parse(struct rl_cli *cli, int argc, char **argv);
void rl_cli_usage(FILE *fp);

#endif
