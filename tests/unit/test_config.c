/* Unit tests for config.h. */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "lint_opts.h"
#include "rule.h"

struct fixture {
	char dir[PATH_MAX];      /* a fresh temp dir, real path */
	struct rl_ruleset rules; /* the shipped rules */
};

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char tmpl[] = "/tmp/rl-config-test-XXXXXX";
	if (!f || !mkdtemp(tmpl) || !realpath(tmpl, f->dir))
		return -1;
	struct rl_diags d;
	rl_diags_init(&d);
	if (rl_ruleset_load_dir(&f->rules, RL_TEST_RULES_DIR, &d) != 0 || d.n != 0) {
		for (size_t i = 0; i < d.n; i++)
			fprintf(stderr, "rules: %s\n", d.v[i].message);
		rl_diags_free(&d);
		return -1;
	}
	rl_diags_free(&d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = nftw(f->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	rl_ruleset_free(&f->rules);
	free(f);
	return rc;
}

/* dir/name, as a new string. */
static char *join(const char *dir, const char *name)
{
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_addf(&b, "%s/%s", dir, name);
	return rl_buf_detach(&b, NULL);
}

/* Writes text to dir/name and returns the path. */
static char *write_file(const char *dir, const char *name, const char *text)
{
	char *path = join(dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
	return path;
}

static void make_dir(const char *dir, const char *name)
{
	char *path = join(dir, name);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
}

/* Loads text as a config file beside the fixture's dir. */
static int load_text(struct fixture *f, const char *text, struct rl_config *cfg, struct rl_diags *d)
{
	char *path = write_file(f->dir, "cfg.yml", text);
	rl_diags_init(d);
	int rc = rl_config_load(path, &f->rules, cfg, d);
	assert_string_equal(cfg->path, path);
	free(path);
	return rc;
}

/* A config that must fail with exactly one error. */
static void check_error(void **state, const char *text, unsigned line, unsigned col, const char *message)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	int rc = load_text(f, text, &cfg, &d);
	assert_int_equal(rc, -1);
	if (d.n != 1)
		fail_msg("%zu diagnostics for %s", d.n, text);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].level, RL_DIAG_ERROR);
	char *want_path = join(f->dir, "cfg.yml");
	assert_string_equal(d.v[0].path, want_path);
	free(want_path);
	assert_string_equal(d.v[0].message, message);
	assert_int_equal(d.v[0].line, line);
	assert_int_equal(d.v[0].col, col);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void check_override(const struct rl_config *cfg, size_t i, const char *id, enum rl_severity sev)
{
	assert_true(i < cfg->noverrides);
	assert_string_equal(cfg->overrides[i].id, id);
	assert_int_equal(cfg->overrides[i].severity, sev);
}

/* ---- loading ----------------------------------------------------------- */

static void test_fixture_rules_loaded(void **state)
{
	struct fixture *f = *state;
	assert_non_null(rl_ruleset_find(&f->rules, "no-gpa"));
	assert_non_null(rl_ruleset_find(&f->rules, "one-page"));
	assert_null(rl_ruleset_find(&f->rules, "no-such-rule"));
}

static void test_load_valid(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	int rc = load_text(f,
			   "# settings for this resume\n"
			   "rules:\n"
			   "  no-gpa: off\n"
			   "  no-objective: error\n"
			   "  no-references: info\n"
			   "  one-page: warning\n"
			   "max-pages: 2\n"
			   "paper: a4\n"
			   "job: posting.md\n",
			   &cfg, &d);
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(cfg.noverrides, 4);
	check_override(&cfg, 0, "no-gpa", RL_SEV_OFF);
	check_override(&cfg, 1, "no-objective", RL_SEV_ERROR);
	check_override(&cfg, 2, "no-references", RL_SEV_INFO);
	check_override(&cfg, 3, "one-page", RL_SEV_WARNING);
	assert_int_equal(cfg.has_max_pages, 1);
	assert_int_equal(cfg.max_pages, 2);
	assert_int_equal(cfg.has_paper, 1);
	assert_int_equal(cfg.paper, RL_PAPER_A4);
	char *job = join(f->dir, "posting.md");
	assert_string_equal(cfg.job, job);
	free(job);
	rl_diags_free(&d);
	rl_config_free(&cfg);
	assert_null(cfg.path);
	assert_null(cfg.overrides);
	assert_int_equal(cfg.noverrides, 0);
}

static void test_off_spellings(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	/* YAML 1.1 reads bare off/no/false as false: all mean "off" */
	int rc = load_text(f,
			   "rules:\n"
			   "  no-gpa: off\n"
			   "  no-objective: 'off'\n"
			   "  no-references: false\n"
			   "  no-coursework: No\n"
			   "  one-page: OFF\n",
			   &cfg, &d);
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(cfg.noverrides, 5);
	check_override(&cfg, 0, "no-gpa", RL_SEV_OFF);
	check_override(&cfg, 1, "no-objective", RL_SEV_OFF);
	check_override(&cfg, 2, "no-references", RL_SEV_OFF);
	check_override(&cfg, 3, "no-coursework", RL_SEV_OFF);
	check_override(&cfg, 4, "one-page", RL_SEV_OFF);
	assert_int_equal(cfg.has_max_pages, 0);
	assert_int_equal(cfg.has_paper, 0);
	assert_null(cfg.job);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void test_defaults_when_empty(void **state)
{
	struct fixture *f = *state;
	static const char *const texts[] = { "", "# nothing set\n", "---\n", "rules: {}\n" };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct rl_config cfg;
		struct rl_diags d;
		assert_int_equal(load_text(f, texts[i], &cfg, &d), 0);
		assert_int_equal(d.n, 0);
		assert_int_equal(cfg.noverrides, 0);
		assert_int_equal(cfg.has_max_pages, 0);
		assert_int_equal(cfg.has_paper, 0);
		assert_null(cfg.job);
		rl_diags_free(&d);
		rl_config_free(&cfg);
	}
}

static void test_max_pages_and_paper_bounds(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	assert_int_equal(load_text(f, "max-pages: 1\npaper: letter\n", &cfg, &d), 0);
	assert_int_equal(cfg.max_pages, 1);
	assert_int_equal(cfg.has_paper, 1);
	assert_int_equal(cfg.paper, RL_PAPER_LETTER);
	rl_diags_free(&d);
	rl_config_free(&cfg);

	assert_int_equal(load_text(f, "max-pages: 100\n", &cfg, &d), 0);
	assert_int_equal(cfg.has_max_pages, 1);
	assert_int_equal(cfg.max_pages, 100);
	rl_diags_free(&d);
	rl_config_free(&cfg);

	/* a quoted number is still a number */
	assert_int_equal(load_text(f, "max-pages: \"3\"\n", &cfg, &d), 0);
	assert_int_equal(cfg.max_pages, 3);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void test_job_paths(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	assert_int_equal(load_text(f, "job: jobs/acme posting.md\n", &cfg, &d), 0);
	char *want = join(f->dir, "jobs/acme posting.md");
	assert_string_equal(cfg.job, want);
	free(want);
	rl_diags_free(&d);
	rl_config_free(&cfg);

	assert_int_equal(load_text(f, "job: ../up.md\n", &cfg, &d), 0);
	want = join(f->dir, "../up.md");
	assert_string_equal(cfg.job, want);
	free(want);
	rl_diags_free(&d);
	rl_config_free(&cfg);

	/* an absolute path is kept */
	assert_int_equal(load_text(f, "job: /srv/jobs/p.md\n", &cfg, &d), 0);
	assert_string_equal(cfg.job, "/srv/jobs/p.md");
	rl_diags_free(&d);
	rl_config_free(&cfg);

	/* the last job wins */
	assert_int_equal(load_text(f, "job: a.md\njob: b.md\n", &cfg, &d), 0);
	want = join(f->dir, "b.md");
	assert_string_equal(cfg.job, want);
	free(want);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void test_job_beside_relative_config(void **state)
{
	struct fixture *f = *state;
	char cwd[PATH_MAX];
	assert_non_null(getcwd(cwd, sizeof cwd));
	make_dir(f->dir, "rel");
	char *sub = join(f->dir, "rel");
	free(write_file(sub, "c.yml", "job: p.md\n"));
	make_dir(sub, "in");
	free(write_file(sub, "in/d.yml", "job: p.md\n"));
	assert_int_equal(chdir(sub), 0);

	struct rl_config cfg;
	struct rl_diags d;
	rl_diags_init(&d);
	int rc1 = rl_config_load("c.yml", NULL, &cfg, &d);
	char *job1 = cfg.job ? strdup(cfg.job) : NULL;
	rl_config_free(&cfg);
	int rc2 = rl_config_load("in/d.yml", NULL, &cfg, &d);
	char *job2 = cfg.job ? strdup(cfg.job) : NULL;
	rl_config_free(&cfg);
	assert_int_equal(chdir(cwd), 0);

	assert_int_equal(rc1, 0);
	assert_int_equal(rc2, 0);
	assert_int_equal(d.n, 0);
	assert_string_equal(job1, "p.md");    /* a config in the current folder */
	assert_string_equal(job2, "in/p.md"); /* beside the config, not the cwd */
	free(job1);
	free(job2);
	free(sub);
	rl_diags_free(&d);
}

static void test_unknown_rules_accepted_without_ruleset(void **state)
{
	struct fixture *f = *state;
	char *path = write_file(f->dir, "norules.yml", "rules:\n  made-up: error\n");
	struct rl_config cfg;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_config_load(path, NULL, &cfg, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(cfg.noverrides, 1);
	check_override(&cfg, 0, "made-up", RL_SEV_ERROR);
	rl_config_free(&cfg);
	rl_diags_free(&d);
	free(path);
}

/* ---- errors ------------------------------------------------------------ */

static void test_error_unknown_key(void **state)
{
	check_error(state, "colour: red\n", 1, 1,
		    "unknown key 'colour' (expected rules, max-pages, paper, job, profile, level, skills, match-threshold, markdown or layout)");
	check_error(state, "rules: {}\nmax_pages: 2\n", 2, 1,
		    "unknown key 'max_pages' (expected rules, max-pages, paper, job, profile, level, skills, match-threshold, markdown or layout)");
	/* keys are case-sensitive */
	check_error(state, "Paper: a4\n", 1, 1,
		    "unknown key 'Paper' (expected rules, max-pages, paper, job, profile, level, skills, match-threshold, markdown or layout)");
}

static void test_error_unknown_rule(void **state)
{
	check_error(state, "rules:\n  no-gpa: off\n  no-such-rule: off\n", 3, 3,
		    "unknown rule 'no-such-rule' (resumelint --list-rules shows them)");
	/* rule ids are case-sensitive */
	check_error(state, "rules:\n  No-GPA: off\n", 2, 3,
		    "unknown rule 'No-GPA' (resumelint --list-rules shows them)");
}

static void test_error_bad_severity(void **state)
{
	check_error(state, "rules:\n  no-gpa: loud\n", 2, 11,
		    "expected error, warning, info or off for rule 'no-gpa'");
	check_error(state, "rules:\n  no-gpa: Warning\n", 2, 11,
		    "expected error, warning, info or off for rule 'no-gpa'");
	/* a true word is not a severity */
	check_error(state, "rules:\n  no-gpa: yes\n", 2, 11,
		    "expected error, warning, info or off for rule 'no-gpa'");
	check_error(state, "rules:\n  no-gpa: [error]\n", 2, 11,
		    "expected error, warning, info or off for rule 'no-gpa'");
}

static void test_error_rules_not_a_map(void **state)
{
	check_error(state, "rules: [no-gpa]\n", 1, 8,
		    "'rules' must map rule ids to error, warning, info or off");
	check_error(state, "rules: off\n", 1, 8,
		    "'rules' must map rule ids to error, warning, info or off");
}

static void test_error_max_pages(void **state)
{
	static const char *const bad[] = {
		"max-pages: two\n", "max-pages: 1.5\n", "max-pages: 0\n", "max-pages: 101\n",
		"max-pages: -1\n", "max-pages: 2 pages\n", "max-pages: 99999999999999999999999\n",
		"max-pages: ''\n", "max-pages: [1]\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		check_error(state, bad[i], 1, 12, "max-pages must be a whole number from 1 to 100");
}

static void test_error_paper(void **state)
{
	check_error(state, "paper: legal\n", 1, 8, "paper must be letter or a4");
	check_error(state, "paper: A4\n", 1, 8, "paper must be letter or a4");
	check_error(state, "paper: {a: 4}\n", 1, 8, "paper must be letter or a4");
}

static void test_error_empty_job(void **state)
{
	check_error(state, "job: ''\n", 1, 6, "job must be the path of a job posting");
	check_error(state, "job: \"\"\n", 1, 6, "job must be the path of a job posting");
	check_error(state, "job: [a.md]\n", 1, 6, "job must be the path of a job posting");
	check_error(state, "paper: a4\njob:\n", 2, 5, "job must be the path of a job posting");
}

static void test_layout(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	struct rl_lint_opts o;
	assert_int_equal(load_text(f,
				   "layout:\n  render: latex-11pt\n  margins: 2cm\n  font: Georgia\n"
				   "  font-size: 10.5\n  line-spacing: 1.15\n",
				   &cfg, &d),
			 0);
	rl_lint_opts_default(&o);
	rl_config_apply(&cfg, &o);
	assert_string_equal(o.render, "latex-11pt");
	assert_true(o.margin_pt > 56.69 && o.margin_pt < 56.70);
	assert_string_equal(o.font, "Georgia");
	assert_true(o.font_size == 10.5);
	assert_true(o.line_spacing == 1.15);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void test_error_layout(void **state)
{
	check_error(state, "layout: pandoc\n", 1, 9,
		    "layout must be a map (render, margins, font, font-size, line-spacing)");
	check_error(state, "layout:\n  render: word\n", 2, 11,
		    "layout: render: expected pandoc, pandoc-a4, latex-10pt, latex-11pt or latex-12pt, not 'word'");
	check_error(state, "layout:\n  margins: 1\n", 2, 12,
		    "layout: margins: expected a length with a unit, such as 0.75in, 2cm, 20mm or 54pt, not '1'");
	check_error(state, "layout:\n  margins: 4in\n", 2, 12,
		    "layout: margins: a margin over 3 inches leaves no page, not '4in'");
	check_error(state, "layout:\n  font-size: 3\n", 2, 14,
		    "layout: font-size: expected a font size in points from 6 to 36, not '3'");
	check_error(state, "layout:\n  line-spacing: double\n", 2, 17,
		    "layout: line-spacing: expected a multiple of single spacing from 0.5 to 3, such as 1.15, not 'double'");
	check_error(state, "layout:\n  fonts: Arial\n", 2, 3,
		    "layout: unknown key 'fonts' (expected render, margins, font, font-size or line-spacing)");
}

static void test_markdown(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	struct rl_lint_opts o;
	assert_int_equal(load_text(f, "markdown: commonmark\n", &cfg, &d), 0);
	assert_int_equal(cfg.has_markdown, 1);
	assert_int_equal(cfg.commonmark_only, 1);
	rl_lint_opts_default(&o);
	assert_int_equal(o.commonmark_only, 0);
	rl_config_apply(&cfg, &o);
	assert_int_equal(o.commonmark_only, 1);
	rl_diags_free(&d);
	rl_config_free(&cfg);

	/* pandoc turns commonmark_only back off */
	assert_int_equal(load_text(f, "markdown: pandoc\n", &cfg, &d), 0);
	assert_int_equal(cfg.has_markdown, 1);
	assert_int_equal(cfg.commonmark_only, 0);
	rl_config_apply(&cfg, &o);
	assert_int_equal(o.commonmark_only, 0);
	rl_diags_free(&d);
	rl_config_free(&cfg);

	/* unset leaves the option alone */
	assert_int_equal(load_text(f, "paper: a4\n", &cfg, &d), 0);
	assert_int_equal(cfg.has_markdown, 0);
	o.commonmark_only = 1;
	rl_config_apply(&cfg, &o);
	assert_int_equal(o.commonmark_only, 1);
	rl_lint_opts_free(&o);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void test_error_markdown(void **state)
{
	check_error(state, "markdown: gfm\n", 1, 11, "markdown must be pandoc or commonmark");
	check_error(state, "markdown: CommonMark\n", 1, 11, "markdown must be pandoc or commonmark");
	check_error(state, "markdown: [pandoc]\n", 1, 11, "markdown must be pandoc or commonmark");
}

static void test_error_not_a_map(void **state)
{
	check_error(state, "- rules\n- paper\n", 1, 1, "a config file must be a map of settings");
	check_error(state, "just some text\n", 1, 1, "a config file must be a map of settings");
	check_error(state, "\n\n  42\n", 3, 3, "a config file must be a map of settings");
	check_error(state, "\"\"\n", 1, 1, "a config file must be a map of settings");
}

static void test_error_bad_yaml(void **state)
{
	check_error(state, "paper: a4\nrules: [\n", 3, 1,
		    "YAML: did not find expected node content while parsing a flow node");
	check_error(state, "a: &x 1\n", 1, 4, "YAML: anchors are not supported");
}

static void test_errors_all_reported(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	int rc = load_text(f,
			   "rules:\n"
			   "  nope: off\n"
			   "  no-gpa: error\n"
			   "  no-objective: maybe\n"
			   "max-pages: 3\n"
			   "paper: b5\n"
			   "extra: 1\n",
			   &cfg, &d);
	assert_int_equal(rc, -1);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.errors, 4);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[1].line, 4);
	assert_int_equal(d.v[2].line, 6);
	assert_int_equal(d.v[3].line, 7);
	/* the valid settings are still read */
	assert_int_equal(cfg.noverrides, 1);
	check_override(&cfg, 0, "no-gpa", RL_SEV_ERROR);
	assert_int_equal(cfg.has_max_pages, 1);
	assert_int_equal(cfg.max_pages, 3);
	assert_int_equal(cfg.has_paper, 0);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void test_earlier_errors_do_not_fail_load(void **state)
{
	struct fixture *f = *state;
	char *path = write_file(f->dir, "fine.yml", "paper: a4\n");
	struct rl_config cfg;
	struct rl_diags d;
	rl_diags_init(&d);
	rl_diags_add(&d, RL_DIAG_ERROR, "elsewhere", 1, 1, "an earlier problem");
	assert_int_equal(rl_config_load(path, &f->rules, &cfg, &d), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(cfg.paper, RL_PAPER_A4);
	rl_config_free(&cfg);
	rl_diags_free(&d);
	free(path);
}

static void test_error_unreadable(void **state)
{
	struct fixture *f = *state;
	char *path = join(f->dir, "missing.yml");
	struct rl_config cfg;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_config_load(path, &f->rules, &cfg, &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].path, path);
	assert_int_equal(d.v[0].line, 0);
	assert_int_equal(d.v[0].col, 0);
	assert_string_equal(d.v[0].message, "cannot open: No such file or directory");
	assert_int_equal(cfg.noverrides, 0);
	assert_null(cfg.job);
	rl_config_free(&cfg);
	rl_diags_free(&d);
	free(path);

	/* a folder is not a config file */
	make_dir(f->dir, "folder.yml");
	path = join(f->dir, "folder.yml");
	rl_diags_init(&d);
	assert_int_equal(rl_config_load(path, &f->rules, &cfg, &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].path, path);
	assert_int_equal(d.v[0].line, 0);
	rl_config_free(&cfg);
	rl_diags_free(&d);
	free(path);
}

/* ---- finding ----------------------------------------------------------- */

static void test_find_walks_up(void **state)
{
	struct fixture *f = *state;
	make_dir(f->dir, "w");
	char *root = join(f->dir, "w");
	make_dir(root, "a");
	make_dir(root, "a/b");
	make_dir(root, "a/b/c");
	char *c = join(root, "a/b/c");

	/* nothing yet, in the tree or above it */
	assert_null(rl_config_find(c));

	/* .resumelint.yaml two levels up */
	char *yaml_a = write_file(root, "a/.resumelint.yaml", "paper: a4\n");
	char *got = rl_config_find(c);
	assert_non_null(got);
	assert_string_equal(got, yaml_a);
	free(got);

	/* a nearer one wins */
	char *yml_b = write_file(root, "a/b/.resumelint.yml", "paper: a4\n");
	got = rl_config_find(c);
	assert_string_equal(got, yml_b);
	free(got);

	/* in the folder itself */
	got = rl_config_find(root);
	assert_null(got);
	char *a = join(root, "a");
	got = rl_config_find(a);
	assert_string_equal(got, yaml_a);
	free(got);

	/* .yml before .yaml in the same folder */
	char *yml_a = write_file(root, "a/.resumelint.yml", "paper: a4\n");
	got = rl_config_find(a);
	assert_string_equal(got, yml_a);
	free(got);

	/* a trailing slash or a dot-dot path names the same folder */
	char *c_slash = join(c, "");
	got = rl_config_find(c_slash);
	assert_string_equal(got, yml_b);
	free(got);
	char *c_up = join(c, "../../b/c");
	got = rl_config_find(c_up);
	assert_string_equal(got, yml_b);
	free(got);

	free(c_up);
	free(c_slash);
	free(yml_a);
	free(a);
	free(yml_b);
	free(yaml_a);
	free(c);
	free(root);
}

static void test_find_skips_folders_and_missing(void **state)
{
	struct fixture *f = *state;
	make_dir(f->dir, "s");
	char *root = join(f->dir, "s");
	make_dir(root, "x");
	make_dir(root, "x/.resumelint.yml"); /* a folder by that name is not a config */
	char *x = join(root, "x");
	assert_null(rl_config_find(x));
	char *want = write_file(root, ".resumelint.yaml", "");
	char *got = rl_config_find(x);
	assert_string_equal(got, want);
	free(got);

	char *missing = join(root, "no/such/dir");
	assert_null(rl_config_find(missing));

	free(missing);
	free(want);
	free(x);
	free(root);
}

static void test_find_relative_to_cwd(void **state)
{
	struct fixture *f = *state;
	char cwd[PATH_MAX];
	assert_non_null(getcwd(cwd, sizeof cwd));
	make_dir(f->dir, "r");
	char *root = join(f->dir, "r");
	make_dir(root, "p");
	make_dir(root, "p/q");
	free(write_file(root, "p/.resumelint.yml", ""));
	char *p = join(root, "p");

	assert_int_equal(chdir(root), 0);
	char *g1 = rl_config_find("p/q");      /* below the cwd: relative */
	assert_int_equal(chdir(p), 0);
	char *g2 = rl_config_find(NULL);       /* the cwd itself */
	char *g3 = rl_config_find("");
	char *g4 = rl_config_find("q");
	char *g5 = rl_config_find(".");
	assert_int_equal(chdir("q"), 0);
	char *g6 = rl_config_find(NULL);       /* in a parent: absolute */
	assert_int_equal(chdir(cwd), 0);

	assert_string_equal(g1, "p/.resumelint.yml");
	assert_string_equal(g2, ".resumelint.yml");
	assert_string_equal(g3, ".resumelint.yml");
	assert_string_equal(g4, ".resumelint.yml");
	assert_string_equal(g5, ".resumelint.yml");
	char *abs = join(p, ".resumelint.yml");
	assert_string_equal(g6, abs);
	free(abs);
	free(g1);
	free(g2);
	free(g3);
	free(g4);
	free(g5);
	free(g6);
	free(p);
	free(root);
}

/* ---- applying ---------------------------------------------------------- */

static void test_apply(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	assert_int_equal(load_text(f,
				   "rules:\n  no-gpa: off\n  one-page: warning\n"
				   "max-pages: 2\npaper: a4\n",
				   &cfg, &d),
			 0);
	struct rl_lint_opts o;
	rl_lint_opts_default(&o);
	assert_int_equal(o.max_pages, 1);
	assert_int_equal(o.paper, RL_PAPER_LETTER);
	/* an earlier override for the same rule is replaced, others kept */
	rl_lint_opts_override(&o, "no-gpa", RL_SEV_ERROR);
	rl_lint_opts_override(&o, "no-objective", RL_SEV_INFO);
	rl_config_apply(&cfg, &o);
	assert_int_equal(o.max_pages, 2);
	assert_int_equal(o.paper, RL_PAPER_A4);
	assert_int_equal(o.noverrides, 3);
	assert_string_equal(o.overrides[0].id, "no-gpa");
	assert_int_equal(o.overrides[0].severity, RL_SEV_OFF);
	assert_string_equal(o.overrides[1].id, "no-objective");
	assert_int_equal(o.overrides[1].severity, RL_SEV_INFO);
	assert_string_equal(o.overrides[2].id, "one-page");
	assert_int_equal(o.overrides[2].severity, RL_SEV_WARNING);

	const struct rl_rule *gpa = rl_ruleset_find(&f->rules, "no-gpa");
	const struct rl_rule *page = rl_ruleset_find(&f->rules, "one-page");
	const struct rl_rule *refs = rl_ruleset_find(&f->rules, "no-references");
	assert_int_equal(rl_lint_opts_severity(&o, gpa), RL_SEV_OFF);
	assert_int_equal(rl_lint_opts_severity(&o, page), RL_SEV_WARNING);
	assert_int_equal(rl_lint_opts_severity(&o, refs), refs->severity);

	/* command-line flags applied after the config win */
	rl_lint_opts_override(&o, "no-gpa", RL_SEV_ERROR);
	assert_int_equal(rl_lint_opts_severity(&o, gpa), RL_SEV_ERROR);

	rl_lint_opts_free(&o);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

static void test_apply_leaves_unset(void **state)
{
	struct fixture *f = *state;
	struct rl_config cfg;
	struct rl_diags d;
	assert_int_equal(load_text(f, "job: j.md\n", &cfg, &d), 0);
	struct rl_lint_opts o;
	rl_lint_opts_default(&o);
	o.max_pages = 5;
	o.paper = RL_PAPER_A4;
	rl_config_apply(&cfg, &o);
	assert_int_equal(o.max_pages, 5);
	assert_int_equal(o.paper, RL_PAPER_A4);
	assert_int_equal(o.noverrides, 0);
	rl_lint_opts_free(&o);
	rl_diags_free(&d);
	rl_config_free(&cfg);

	/* paper: letter is applied even over a4 */
	assert_int_equal(load_text(f, "paper: letter\n", &cfg, &d), 0);
	rl_lint_opts_default(&o);
	o.paper = RL_PAPER_A4;
	rl_config_apply(&cfg, &o);
	assert_int_equal(o.paper, RL_PAPER_LETTER);
	assert_int_equal(o.max_pages, 1);
	rl_lint_opts_free(&o);
	rl_diags_free(&d);
	rl_config_free(&cfg);
}

/* each test gets a fresh temp dir and the shipped rules */
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_fixture_rules_loaded),
		T(test_load_valid),
		T(test_off_spellings),
		T(test_defaults_when_empty),
		T(test_max_pages_and_paper_bounds),
		T(test_job_paths),
		T(test_job_beside_relative_config),
		T(test_unknown_rules_accepted_without_ruleset),
		T(test_error_unknown_key),
		T(test_error_unknown_rule),
		T(test_error_bad_severity),
		T(test_error_rules_not_a_map),
		T(test_error_max_pages),
		T(test_error_paper),
		T(test_layout),
		T(test_error_layout),
		T(test_error_empty_job),
		T(test_markdown),
		T(test_error_markdown),
		T(test_error_not_a_map),
		T(test_error_bad_yaml),
		T(test_errors_all_reported),
		T(test_earlier_errors_do_not_fail_load),
		T(test_error_unreadable),
		T(test_find_walks_up),
		T(test_find_skips_folders_and_missing),
		T(test_find_relative_to_cwd),
		T(test_apply),
		T(test_apply_leaves_unset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
