/* Example-driven rule checks. */
#include "selftest.h"

#include <string.h>

#include "posting.h"

static size_t run_one(const struct rl_linter *l, const struct rl_rule *r, const char *text, int want_hit,
		      size_t index, const struct rl_posting *posting, struct rl_buf *out)
{
	struct rl_lint_opts opts;
	struct rl_result res;
	rl_lint_opts_default(&opts);
	opts.only_rule = r->id;
	opts.posting = posting;
	rl_lint_bytes(l, "example.md", text, strlen(text), &opts, &res);
	size_t hits = res.report.n;
	rl_result_free(&res);
	if ((hits > 0) == want_hit)
		return 0;
	rl_buf_addf(out, "%s: %s example %zu %s: \"%.70s\"\n", r->path, want_hit ? "bad" : "good", index + 1,
		    want_hit ? "gives no finding" : "gives a finding", text);
	return 1;
}

size_t rl_selftest_rule(const struct rl_linter *l, const struct rl_rule *r, struct rl_buf *out)
{
	size_t failures = 0;
	if (!r->nbad || !r->ngood) {
		rl_buf_addf(out, "%s: rule '%s' needs at least one bad and one good example\n", r->path, r->id);
		failures++;
	}
	/* job rules' examples are checked against the rule's example posting */
	struct rl_posting *posting = NULL;
	if (r->example_job) {
		struct rl_diags d;
		rl_diags_init(&d);
		const struct rl_tailor *tailor = rl_linter_tailor(l, &d);
		posting = tailor ? rl_posting_new(tailor, NULL, "example-job.md", r->example_job,
						  strlen(r->example_job), &d)
				 : NULL;
		if (!posting) {
			rl_buf_addf(out, "%s: examples.job is no usable posting\n", r->path);
			failures++;
		}
		rl_diags_free(&d);
	}
	for (size_t i = 0; i < r->nbad; i++)
		failures += run_one(l, r, r->bad[i], 1, i, posting, out);
	for (size_t i = 0; i < r->ngood; i++)
		failures += run_one(l, r, r->good[i], 0, i, posting, out);
	rl_posting_free(posting);
	return failures;
}
