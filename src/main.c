/* resumelint: flags → options, the file loop, and exit codes. The only file
 * that prints diagnostics or exits. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "cli.h"
#include "config.h"
#include "country.h"
#include "file.h"
#include "inputs.h"
#include "lint.h"
#include "out.h"
#include "pagefit.h"
#include "posting.h"
#include "paths.h"
#include "rule_cache.h"
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
	if (s->ok && s->cfg.profile && !rl_country_known(st->countries, s->cfg.profile)) {
		char *names = rl_country_names(st->countries);
		rl_diags_add(&d, RL_DIAG_ERROR, path, s->cfg.profile_line, s->cfg.profile_col,
			     "unknown profile '%s' (expected %s)", s->cfg.profile, names);
		free(names);
		s->ok = 0;
	}
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

/* The posting for a job file (and a config's extra skills), read once per
 * run. NULL after one line on stderr naming the file when it cannot be
 * used; the resume is still checked on its own. */
static const struct rl_posting *posting_for(struct run_state *st, const char *job, const char *skills,
					   size_t max_bytes)
{
	for (size_t i = 0; i < st->njobs; i++)
		if (strcmp(st->jobs[i].path, job) == 0 &&
		    (skills ? st->jobs[i].skills && strcmp(st->jobs[i].skills, skills) == 0 : !st->jobs[i].skills))
			return st->jobs[i].posting;
	RL_GROW(st->jobs, st->njobs, st->cap_jobs);
	struct job_slot *js = &st->jobs[st->njobs++];
	memset(js, 0, sizeof *js);
	js->path = rl_xstrdup(job);
	js->skills = skills ? rl_xstrdup(skills) : NULL;
	struct rl_file f;
	struct rl_diags d;
	rl_diags_init(&d);
	const struct rl_tailor *tailor = rl_linter_tailor(&st->linter, &d);
	if (tailor && skills)
		js->dict = rl_tailor_skills_with(tailor, skills, &d);
	if (tailor && (!skills || js->dict) && rl_file_read(job, max_bytes, &f, &d) == 0) {
		js->posting = rl_posting_new(tailor, js->dict, job, f.bytes, f.len, &d);
		rl_file_free(&f);
	}
	if (!js->posting) {
		/* one line: the first error */
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].level == RL_DIAG_ERROR) {
				print_diag(&d.v[i]);
				break;
			}
		st->trouble = 1;
	}
	rl_diags_free(&d);
	return js->posting;
}

static void build_opts(struct run_state *st, const struct config_slot *cs, struct rl_lint_opts *opts)
{
	rl_lint_opts_default(opts);
	/* the country profile's severities first: a config's rules: map wins */
	const char *country = st->cli.profile ? st->cli.profile
			      : cs && cs->ok && cs->cfg.profile ? cs->cfg.profile : RL_COUNTRY_DEFAULT;
	rl_country_apply(st->countries, country, opts);
	opts->country = country;
	if (st->cli.level != RL_LEVEL_AUTO)
		opts->level = st->cli.level;
	if (cs && cs->ok)
		rl_config_apply(&cs->cfg, opts);
	if (st->cli.has_max_pages)
		opts->max_pages = st->cli.max_pages;
	if (st->cli.has_paper)
		opts->paper = st->cli.paper;
	if (st->cli.level != RL_LEVEL_AUTO)
		opts->level = st->cli.level;
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
	/* the html format draws the pages: page fit keeps the lines for it */
	opts->keep_lines = strcmp(st->cli.format, "html") == 0;
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

/* One input of the run: prepared in order by the main thread, linted by
 * any thread, reported in order by the main thread. */
struct lint_job {
	const char *path;
	struct config_slot *cs;
	struct rl_lint_opts opts;
	struct rl_result res;
	int done;
};

/* --jobs: workers take inputs in order, at most JOB_WINDOW ahead of the
 * one being reported (results wait in memory until their turn). */
#define JOB_WINDOW 64

struct pool {
	struct run_state *st;
	struct lint_job *jobs;
	size_t n, next, reported;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static void run_job(const struct run_state *st, struct lint_job *j)
{
	if (j->cs && !j->cs->ok) {
		memset(&j->res, 0, sizeof j->res);
		rl_result_fail(&j->res, j->path, j->cs->error);
	} else {
		rl_lint_file(&st->linter, j->path, st->cli.max_file_bytes, &j->opts, &j->res);
	}
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->next < p->n && p->next >= p->reported + JOB_WINDOW)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->next >= p->n)
			break;
		struct lint_job *j = &p->jobs[p->next++];
		pthread_mutex_unlock(&p->lock);
		run_job(p->st, j);
		pthread_mutex_lock(&p->lock);
		j->done = 1;
		pthread_cond_broadcast(&p->cond);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Prints one linted input as the action asks; 1 when a finding reaches
 * --fail-on. */
static int report_job(struct run_state *st, struct rl_out *out, struct rl_out *term, struct lint_job *j)
{
	const struct rl_cli *cli = &st->cli;
	struct rl_result *res = &j->res;
	int findings = 0;
	if (res->status != RL_STATUS_OK) {
		fprintf(stderr, "resumelint: %s: %s\n", res->path, res->error);
		st->trouble = 1;
	}
	if (!(j->cs && !j->cs->ok))
		print_diags(&res->diags);
	for (size_t k = 0; k < res->report.n; k++)
		if (res->report.v[k].severity >= cli->fail_on)
			findings = 1;
	if (cli->action == RL_ACTION_DUMP_LAYOUT) {
		if (res->doc) {
			struct rl_buf b;
			rl_buf_init(&b);
			rl_pagefit_dump(res->doc, &j->opts, &b);
			for (size_t k = 0; k < b.len; k++)
				if (b.data[k] == '\f' || b.data[k] == '\v' || b.data[k] == '\r')
					b.data[k] = ' ';
			fputs(b.data, stdout);
			rl_buf_free(&b);
		}
	} else if (cli->action == RL_ACTION_DUMP) {
		if (res->doc)
			dump(res, st->many_inputs);
	} else {
		rl_out_file(out, res);
		rl_out_flush(out);
		if (term->fp) {
			rl_out_file(term, res);
			rl_out_flush(term);
		}
	}
	rl_result_free(res);
	rl_lint_opts_free(&j->opts);
	return findings;
}

/* Runs the jobs on `threads` threads (1: in this one), reporting each in
 * input order as soon as it and those before it are done. */
static int run_jobs(struct run_state *st, struct rl_out *out, struct rl_out *term, struct lint_job *jobs, size_t n,
		    unsigned threads)
{
	int findings = 0;
	if (threads <= 1 || n <= 1) {
		for (size_t i = 0; i < n; i++) {
			run_job(st, &jobs[i]);
			findings |= report_job(st, out, term, &jobs[i]);
		}
		return findings;
	}
	/* what rules would do lazily happens now, before threads share them */
	for (size_t i = 0; i < st->linter.rules.n; i++) {
		struct rl_rule *r = st->linter.rules.v[i];
		if (r->kind->prepare_threads)
			r->kind->prepare_threads(r);
	}
	struct pool p = { st, jobs, n, 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
	if (threads > n)
		threads = (unsigned)n;
	pthread_t *tid = rl_xcalloc(threads, sizeof *tid);
	unsigned started = 0;
	for (unsigned t = 0; t < threads; t++)
		if (pthread_create(&tid[t], NULL, worker, &p) == 0)
			started++;
	for (size_t i = 0; i < n; i++) {
		pthread_mutex_lock(&p.lock);
		if (!started && !jobs[i].done) {
			/* no thread could start: lint it here */
			pthread_mutex_unlock(&p.lock);
			run_job(st, &jobs[i]);
			p.next = i + 1;
		} else {
			while (!jobs[i].done)
				pthread_cond_wait(&p.cond, &p.lock);
			pthread_mutex_unlock(&p.lock);
		}
		findings |= report_job(st, out, term, &jobs[i]);
		pthread_mutex_lock(&p.lock);
		p.reported = i + 1;
		pthread_cond_broadcast(&p.cond);
		pthread_mutex_unlock(&p.lock);
	}
	for (unsigned t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	free(tid);
	return findings;
}

/* Auto (--jobs 0): one thread a processor, once there are enough files to
 * pay for JIT-compiling every pattern first (prepare_threads); a few files
 * are quicker on one thread. */
#define FILES_PER_THREAD 8

static unsigned threads_for(unsigned jobs, size_t files)
{
	if (jobs)
		return jobs;
	if (files < 2 * FILES_PER_THREAD)
		return 1;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cpus > 0 ? (size_t)cpus : 1;
	if (n > files / FILES_PER_THREAD)
		n = files / FILES_PER_THREAD;
	return n > 1 ? (unsigned)(n < 64 ? n : 64) : 1;
}

static int lint_files(struct run_state *st)
{
	const struct rl_cli *cli = &st->cli;
	struct rl_out out, term;
	int findings = 0, to_file = cli->output && cli->action == RL_ACTION_LINT;
	struct rl_inputs inputs;
	struct rl_diags d;
	rl_diags_init(&d);
	if (rl_inputs_expand(cli->files, cli->nfiles, &inputs, &d)) {
		print_diags(&d);
		st->trouble = 1;
	}
	rl_diags_free(&d);
	st->many_inputs = inputs.n > 1;
	char *tmp = NULL;
	FILE *ofp = to_file ? output_open(cli->output, &tmp) : NULL;
	if (to_file && !ofp) {
		rl_inputs_free(&inputs);
		return EXIT_TROUBLE;
	}
	out_setup(&out, st, cli->format, to_file ? ofp : stdout);
	/* with --output, the terminal still gets the text report */
	out_setup(&term, st, "text", to_file ? stdout : NULL);
	if (cli->action == RL_ACTION_LINT) {
		rl_out_begin(&out);
		rl_out_flush(&out);
		rl_out_begin(&term);
		rl_out_flush(&term);
	}
	/* settings and postings are found here, in order, once per folder and
	 * posting; only linting runs on other threads */
	struct lint_job *jobs = rl_xcalloc(inputs.n ? inputs.n : 1, sizeof *jobs);
	for (size_t i = 0; i < inputs.n; i++) {
		struct lint_job *j = &jobs[i];
		j->path = inputs.v[i];
		j->cs = find_config(st, j->path);
		build_opts(st, j->cs, &j->opts);
		const char *job = cli->job ? cli->job : j->cs && j->cs->ok ? j->cs->cfg.job : NULL;
		if (job && cli->action == RL_ACTION_LINT && !(j->cs && !j->cs->ok))
			j->opts.posting = posting_for(st, job, j->cs && j->cs->ok ? j->cs->cfg.skills : NULL,
						      cli->max_file_bytes);
	}
	findings = run_jobs(st, &out, &term, jobs, inputs.n, threads_for(cli->jobs, inputs.n));
	free(jobs);
	rl_inputs_free(&inputs);
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

/* For rule authors and the rule-file man page: every kind and key, one a
 * line, tab-separated: "key\t*\tNAME\tHELP" (keys of every rule), "kind\tNAME\tHELP",
 * "key\tKIND\tNAME\tHELP". */
static void list_keys(const char *kind, const struct rl_rule_key *keys)
{
	for (size_t i = 0; keys && keys[i].name; i++)
		printf("key\t%s\t%s\t%s\n", kind, keys[i].name, keys[i].help);
}

static int list_kinds(void)
{
	list_keys("*", rl_rule_common_keys);
	for (size_t i = 0; rl_rule_kinds[i]; i++) {
		const struct rl_rule_kind *k = rl_rule_kinds[i];
		printf("kind\t%s\t%s\n", k->name, k->help);
		list_keys(k->name, k->keys);
		list_keys(k->name, k->extra_keys);
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

/* What each country profile changes for rule r (profile: or --profile). */
static void explain_profiles(const struct run_state *st, const struct rl_rule *r)
{
	const struct rl_country_table *t = st->countries;
	int any = 0;
	for (size_t i = 0; t && i < t->n; i++) {
		const struct rl_country_row *row = &t->v[i];
		if (!row->rule || strcmp(row->rule, r->id) != 0)
			continue;
		if (!any++)
			printf("\nCountry profiles (profile: in .resumelint.yml, or --profile):\n");
		printf("    %s: %s — %s\n", row->profile, rl_severity_name(row->severity), row->why);
	}
	if (!any)
		return;
	/* the profiles that leave it alone */
	struct rl_buf others;
	rl_buf_init(&others);
	for (size_t i = 0; i < t->n; i++) {
		int named = 0, seen = 0;
		for (size_t k = 0; k < t->n; k++) {
			named |= strcmp(t->v[k].profile, t->v[i].profile) == 0 && t->v[k].rule &&
				 strcmp(t->v[k].rule, r->id) == 0;
			seen |= k < i && strcmp(t->v[k].profile, t->v[i].profile) == 0;
		}
		if (!named && !seen)
			rl_buf_addf(&others, "%s%s", others.len ? ", " : "", t->v[i].profile);
	}
	if (others.len)
		printf("    %s: %s, the rule's own\n", others.data, rl_severity_name(r->severity));
	rl_buf_free(&others);
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
	explain_profiles(st, r);
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
	rl_linter_fini(&st.linter);
	rl_country_table_free(st.countries);
	for (size_t i = 0; i < st.nconfigs; i++) {
		free(st.configs[i].path);
		free(st.configs[i].error);
		rl_config_free(&st.configs[i].cfg);
	}
	free(st.configs);
	for (size_t i = 0; i < st.njobs; i++) {
		rl_posting_free(st.jobs[i].posting);
		rl_skills_free(st.jobs[i].dict);
		free(st.jobs[i].path);
		free(st.jobs[i].skills);
	}
	free(st.jobs);
	return rc;
}
