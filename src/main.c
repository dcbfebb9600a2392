/* resumelint: flags → options, the file loop, and exit codes. The only file
 * that prints diagnostics or exits. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "cli.h"
#include "config.h"
#include "file.h"
#include "lint.h"
#include "out.h"
#include "pagefit.h"
#include "paths.h"
#include "selftest.h"
#include "word_module.h"
#include "rl_build.h"

enum exit_code {
	EXIT_CLEAN = 0,    /* no finding reaches --fail-on */
	EXIT_FINDINGS = 1, /* a finding does */
	EXIT_TROUBLE = 2,  /* usage error, bad rule or config, unreadable input */
};

static void print_diag(const struct rl_diag *d)
{
	char *s = rl_diag_format(d);
	if (d->level == RL_DIAG_WARNING && d->line) {
		/* "path:line:col: warning: message" */
		fprintf(stderr, "resumelint: %s:%u:%u: warning: %s\n", d->path, d->line, d->col, d->message);
	} else if (d->level == RL_DIAG_WARNING) {
		fprintf(stderr, "resumelint: %s: warning: %s\n", d->path, d->message);
	} else {
		fprintf(stderr, "resumelint: %s\n", s);
	}
	free(s);
}

static void print_diags(const struct rl_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_diag(&d->v[i]);
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

struct config_slot {
	char *path;
	struct rl_config cfg;
	int ok;
	char *error; /* first error, formatted */
};

struct run_state {
	struct rl_cli cli;
	struct rl_linter linter;
	struct config_slot *configs;
	size_t nconfigs, cap_configs;
	char **jobs_checked;
	size_t njobs, cap_jobs;
	int trouble;
};

static struct config_slot *config_for(struct run_state *st, const char *path)
{
	for (size_t i = 0; i < st->nconfigs; i++)
		if (strcmp(st->configs[i].path, path) == 0)
			return &st->configs[i];
	RL_GROW(st->configs, st->nconfigs, st->cap_configs);
	struct config_slot *s = &st->configs[st->nconfigs++];
	struct rl_diags d;
	rl_diags_init(&d);
	s->path = rl_xstrdup(path);
	s->ok = rl_config_load(path, &st->linter.rules, &s->cfg, &d) == 0;
	s->error = NULL;
	if (!s->ok) {
		print_diags(&d);
		for (size_t i = 0; i < d.n && !s->error; i++)
			if (d.v[i].level == RL_DIAG_ERROR)
				s->error = rl_diag_format(&d.v[i]);
		st->trouble = 1;
	}
	rl_diags_free(&d);
	return s;
}

/* The config for a resume: --config, or found by walking up from its folder. */
static struct config_slot *find_config(struct run_state *st, const char *file)
{
	if (st->cli.config)
		return config_for(st, st->cli.config);
	if (st->cli.no_config)
		return NULL;
	char dir[PATH_MAX];
	const char *slash = strcmp(file, "-") == 0 ? NULL : strrchr(file, '/');
	if (slash) {
		size_t n = (size_t)(slash - file);
		if (n >= sizeof dir)
			return NULL;
		memcpy(dir, file, n);
		dir[n] = '\0';
		if (!n)
			strcpy(dir, "/");
	} else {
		strcpy(dir, ".");
	}
	char *found = rl_config_find(dir);
	if (!found)
		return NULL;
	struct config_slot *s = config_for(st, found);
	free(found);
	return s;
}

static void check_job(struct run_state *st, const char *job, size_t max_bytes)
{
	for (size_t i = 0; i < st->njobs; i++)
		if (strcmp(st->jobs_checked[i], job) == 0)
			return;
	RL_GROW(st->jobs_checked, st->njobs, st->cap_jobs);
	st->jobs_checked[st->njobs++] = rl_xstrdup(job);
	struct rl_file f;
	struct rl_diags d;
	rl_diags_init(&d);
	if (rl_file_read(job, max_bytes, &f, &d) != 0) {
		print_diags(&d);
		st->trouble = 1;
	} else {
		rl_file_free(&f);
		if (st->njobs == 1)
			fprintf(stderr, "resumelint: note: %s: comparing with a job posting is not supported "
					"yet; the resume is checked on its own\n", job);
	}
	rl_diags_free(&d);
}

static void build_opts(struct run_state *st, const struct config_slot *cs, struct rl_lint_opts *opts)
{
	rl_lint_opts_default(opts);
	if (cs && cs->ok)
		rl_config_apply(&cs->cfg, opts);
	if (st->cli.has_max_pages)
		opts->max_pages = st->cli.max_pages;
	if (st->cli.has_paper)
		opts->paper = st->cli.paper;
	if (st->cli.render)
		opts->render = st->cli.render;
	if (st->cli.margins > 0)
		opts->margin_pt = st->cli.margins;
	if (st->cli.font)
		opts->font = st->cli.font;
	if (st->cli.font_size > 0)
		opts->font_size = st->cli.font_size;
	if (st->cli.line_spacing > 0)
		opts->line_spacing = st->cli.line_spacing;
}

static void dump_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		putchar(s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i]);
}

static void dump(const struct rl_result *r, int with_path)
{
	const struct rl_doc *doc = r->doc;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		struct rl_pos p = rl_source_pos(doc->src, b->start);
		if (with_path)
			printf("%s:", r->path);
		printf("%u:%u\t%s\t%s\t", p.line, p.col,
		       rl_section_kind_name(doc->sections[b->section].kind), rl_block_kind_name(b->kind));
		dump_text(b->text, b->text_len);
		putchar('\n');
	}
}

static void out_setup(struct rl_out *o, const struct run_state *st, const char *format, FILE *fp)
{
	const struct rl_cli *cli = &st->cli;
	rl_out_init(o, rl_formatter_find(format), fp);
	o->version = RL_VERSION;
	o->rules = &st->linter.rules;
	o->quiet = cli->quiet;
	o->fail_on = cli->fail_on;
	o->color = fp == stdout && (cli->color == RL_COLOR_ALWAYS ||
				    (cli->color == RL_COLOR_AUTO && isatty(STDOUT_FILENO) && !getenv("NO_COLOR") &&
				     !(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0)));
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		o->color = 0;
}

/* --output: the report goes to a temporary file beside the target, renamed
 * over it at the end, so a reader never sees half a report. */
static FILE *output_open(const char *path, char **tmp)
{
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_addf(&b, "%s.XXXXXX", path);
	int fd = mkstemp(b.data);
	if (fd < 0) {
		fprintf(stderr, "resumelint: %s: cannot write: %s\n", path, strerror(errno));
		rl_buf_free(&b);
		return NULL;
	}
	FILE *fp = fdopen(fd, "w");
	if (!fp) {
		close(fd);
		unlink(b.data);
		rl_buf_free(&b);
		return NULL;
	}
	*tmp = rl_buf_detach(&b, NULL);
	return fp;
}

static int output_close(FILE *fp, char *tmp, const char *path)
{
	int bad = fflush(fp) != 0 || ferror(fp);
	bad |= fclose(fp) != 0;
	mode_t mask = umask(0); /* mkstemp made it 0600: give it a new file's usual mode */
	umask(mask);
	if (!bad && chmod(tmp, 0666 & ~mask) == 0 && rename(tmp, path) == 0) {
		free(tmp);
		return 0;
	}
	fprintf(stderr, "resumelint: %s: cannot write: %s\n", path, strerror(errno));
	unlink(tmp);
	free(tmp);
	return -1;
}

static int lint_files(struct run_state *st)
{
	const struct rl_cli *cli = &st->cli;
	struct rl_out out, term;
	int findings = 0, to_file = cli->output && cli->action == RL_ACTION_LINT;
	char *tmp = NULL;
	FILE *ofp = to_file ? output_open(cli->output, &tmp) : NULL;
	if (to_file && !ofp)
		return EXIT_TROUBLE;
	out_setup(&out, st, cli->format, to_file ? ofp : stdout);
	/* with --output, the terminal still gets the text report */
	out_setup(&term, st, "text", to_file ? stdout : NULL);
	if (cli->action == RL_ACTION_LINT) {
		rl_out_begin(&out);
		rl_out_flush(&out);
		rl_out_begin(&term);
		rl_out_flush(&term);
	}
	for (size_t i = 0; i < cli->nfiles; i++) {
		const char *path = cli->files[i];
		struct config_slot *cs = find_config(st, path);
		struct rl_lint_opts opts;
		struct rl_result res;
		build_opts(st, cs, &opts);
		if (cs && !cs->ok) {
			memset(&res, 0, sizeof res);
			rl_result_fail(&res, path, cs->error);
		} else {
			rl_lint_file(&st->linter, path, cli->max_file_bytes, &opts, &res);
			if (res.status != RL_STATUS_OK)
				fprintf(stderr, "resumelint: %s: %s\n", res.path, res.error);
			print_diags(&res.diags);
		}
		if (res.status != RL_STATUS_OK)
			st->trouble = 1;
		const char *job = cli->job ? cli->job : cs && cs->ok ? cs->cfg.job : NULL;
		if (job && cli->action == RL_ACTION_LINT)
			check_job(st, job, cli->max_file_bytes);
		for (size_t k = 0; k < res.report.n; k++)
			if (res.report.v[k].severity >= cli->fail_on)
				findings = 1;
		if (cli->action == RL_ACTION_DUMP_LAYOUT) {
			if (res.doc) {
				struct rl_buf b;
				rl_buf_init(&b);
				rl_pagefit_dump(res.doc, &opts, &b);
				for (size_t k = 0; k < b.len; k++)
					if (b.data[k] == '\f' || b.data[k] == '\v' || b.data[k] == '\r')
						b.data[k] = ' ';
				fputs(b.data, stdout);
				rl_buf_free(&b);
			}
		} else if (cli->action == RL_ACTION_DUMP) {
			if (res.doc)
				dump(&res, cli->nfiles > 1);
		} else {
			rl_out_file(&out, &res);
			rl_out_flush(&out);
			if (to_file) {
				rl_out_file(&term, &res);
				rl_out_flush(&term);
			}
		}
		rl_result_free(&res);
		rl_lint_opts_free(&opts);
	}
	if (cli->action == RL_ACTION_LINT) {
		rl_out_end(&out);
		rl_out_flush(&out);
		if (to_file) {
			rl_out_end(&term);
			rl_out_flush(&term);
		}
	}
	rl_out_fini(&out);
	rl_out_fini(&term);
	if (to_file && output_close(ofp, tmp, cli->output) != 0)
		st->trouble = 1;
	fflush(stdout);
	if (st->trouble)
		return EXIT_TROUBLE;
	return findings ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int list_rules(const struct rl_ruleset *rules)
{
	size_t w = 4;
	for (size_t i = 0; i < rules->n; i++)
		if (strlen(rules->v[i]->id) > w)
			w = strlen(rules->v[i]->id);
	for (size_t i = 0; i < rules->n; i++) {
		const struct rl_rule *r = rules->v[i];
		printf("%-*s  %-7s  %s\n", (int)w, r->id, rl_severity_name(r->severity),
		       r->summary ? r->summary : r->message);
	}
	return EXIT_CLEAN;
}

static void print_indented(const char *text)
{
	fputs("    ", stdout);
	for (const char *p = text; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			fputs("    ", stdout);
	}
	if (!*text || text[strlen(text) - 1] != '\n')
		putchar('\n');
}

static int explain(struct run_state *st, const char *id)
{
	const struct rl_rule *r = rl_ruleset_find(&st->linter.rules, id);
	if (!r) {
		fprintf(stderr, "resumelint: --explain: unknown rule '%s' (resumelint --list-rules shows them)\n", id);
		return EXIT_TROUBLE;
	}
	printf("%s (%s, %s rule)\n\n", r->id, rl_severity_name(r->severity), r->kind->name);
	if (r->summary)
		printf("Catches: %s\n\n", r->summary);
	printf("Message: %s\n\nWhy: %s\n", r->message, r->advice);
	if (rl_rule_measures_pages(r)) {
		/* the settings a resume in the current folder would get */
		struct config_slot *cs = find_config(st, "resume.md");
		struct rl_lint_opts opts;
		struct rl_buf b;
		build_opts(st, cs, &opts);
		rl_buf_init(&b);
		rl_pagefit_describe(&opts, &b);
		printf("\n%s", b.data);
		rl_buf_free(&b);
		rl_lint_opts_free(&opts);
	}
	if (r->nbad) {
		printf("\nFlagged, for example:\n");
		for (size_t i = 0; i < r->nbad; i++)
			print_indented(r->bad[i]);
	}
	if (r->ngood) {
		printf("\nNot flagged:\n");
		for (size_t i = 0; i < r->ngood; i++)
			print_indented(r->good[i]);
	}
	printf("\nTo turn it off for a repository, in .resumelint.yml:\n    rules:\n      %s: off\n"
	       "For one line of a Markdown resume, on the line before it:\n"
	       "    <!-- resumelint-disable-next-line %s -->\n",
	       r->id, r->id);
	return EXIT_CLEAN;
}

static int self_test(const struct rl_linter *l)
{
	struct rl_buf out;
	size_t failures = 0, examples = 0;
	rl_buf_init(&out);
	for (size_t i = 0; i < l->rules.n; i++) {
		failures += rl_selftest_rule(l, l->rules.v[i], &out);
		examples += l->rules.v[i]->nbad + l->rules.v[i]->ngood;
	}
	fputs(out.data, stdout);
	printf("%zu rules, %zu examples: %zu failure%s\n", l->rules.n, examples, failures, failures == 1 ? "" : "s");
	rl_buf_free(&out);
	return failures ? EXIT_FINDINGS : EXIT_CLEAN;
}

int main(int argc, char **argv)
{
	struct run_state st;
	struct rl_diags d;
	int rc;
	memset(&st, 0, sizeof st);
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
	rl_word_module_set_dir(module_dir);
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
	if (rl_linter_init(&st.linter, rules_dir, tables.data, &d) != 0) {
		print_diags(&d);
		rc = EXIT_TROUBLE;
		goto out;
	}
	switch (st.cli.action) {
	case RL_ACTION_LIST_RULES:
		rc = list_rules(&st.linter.rules);
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
	rl_linter_fini(&st.linter);
	for (size_t i = 0; i < st.nconfigs; i++) {
		free(st.configs[i].path);
		free(st.configs[i].error);
		rl_config_free(&st.configs[i].cfg);
	}
	free(st.configs);
	for (size_t i = 0; i < st.njobs; i++)
		free(st.jobs_checked[i]);
	free(st.jobs_checked);
	return rc;
}
