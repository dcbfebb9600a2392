/* How long page fit takes, apart from reading: each file is read once, then
 * rl_pagefit_estimate runs on its document model many times.
 *
 * Usage: bench-pagefit-time RULES_DIR FILE...
 * Prints one line a file (microseconds an estimate) and the mean and the
 * largest; the target is under 500 µs a resume. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "file.h"
#include "lint.h"
#include "pagefit.h"

/* Runs at least this long a file, for a stable mean. */
#define MIN_SECONDS 0.05

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: bench-pagefit-time RULES_DIR FILE...\n", stderr);
		return 2;
	}
	struct rl_linter linter;
	struct rl_diags d;
	rl_diags_init(&d);
	char tables[4096];
	snprintf(tables, sizeof tables, "%s/tables", argv[1]);
	if (rl_linter_init(&linter, argv[1], tables, &d) != 0) {
		fputs("bench-pagefit-time: cannot load the rules\n", stderr);
		return 2;
	}
	rl_diags_free(&d);
	struct rl_lint_opts opts;
	rl_lint_opts_default(&opts);
	double sum = 0, worst = 0;
	int n = 0;
	for (int i = 2; i < argc; i++) {
		struct rl_result res;
		rl_lint_file(&linter, argv[i], RL_MAX_INPUT_BYTES, &opts, &res);
		if (res.status != RL_STATUS_OK) {
			rl_result_free(&res);
			continue;
		}
		long runs = 0;
		double t0 = now(), t;
		do {
			struct rl_pages p;
			rl_pagefit_estimate(res.doc, &opts, &p);
			rl_pages_free(&p);
			runs++;
			t = now() - t0;
		} while (t < MIN_SECONDS);
		double us = t / (double)runs * 1e6;
		printf("%8.1f us  %s\n", us, argv[i]);
		sum += us;
		worst = us > worst ? us : worst;
		n++;
		rl_result_free(&res);
	}
	if (n)
		printf("%d files: mean %.1f us, largest %.1f us an estimate (target < 500 us)\n", n, sum / n, worst);
	rl_lint_opts_free(&opts);
	rl_linter_fini(&linter);
	return n ? 0 : 1;
}
