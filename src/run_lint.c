/* The lint loop: inputs expanded (folders), settings found in input order,
 * files linted on one thread or several (--jobs), each reported in input
 * order in the chosen format, to the terminal or to --output. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "inputs.h"
#include "out.h"
#include "pagefit.h"
#include "rl_build.h"
#include "run.h"

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

int lint_files(struct run_state *st)
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

