/* Page fit end to end on Markdown: the pages numbers in the report, where
 * the one-page finding points, what it suggests cutting, and the profile
 * settings (paper, font size, page limit). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lint.h"
#include "pagefit.h"

static struct rl_linter g_linter;

static int group_setup(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	int rc = rl_linter_init(&g_linter, RL_TEST_RULES_DIR, RL_TEST_RULES_DIR "/tables", &d);
	rl_diags_free(&d);
	return rc;
}

static int group_teardown(void **state)
{
	(void)state;
	rl_linter_fini(&g_linter);
	return 0;
}

static void lint(const char *text, const struct rl_lint_opts *o, struct rl_result *r)
{
	rl_lint_bytes(&g_linter, "cv.md", text, strlen(text), o, r);
	assert_int_equal(r->status, RL_STATUS_OK);
}

static const struct rl_finding *finding(const struct rl_result *r, const char *id)
{
	for (size_t i = 0; i < r->report.n; i++)
		if (strcmp(r->report.v[i].rule->id, id) == 0)
			return &r->report.v[i];
	return NULL;
}

/* A resume with n bullets of a few lines each under Experience, two roles. */
static void long_resume(struct rl_buf *b, int n, int with_noise)
{
	rl_buf_adds(b, "# Jane Doe\n\njane@example.com\n\n");
	if (with_noise)
		rl_buf_adds(b, "## Objective\n\nTo obtain a challenging position.\n\n");
	rl_buf_adds(b, "## Experience\n\n**Engineer, Acme**\n\n");
	for (int i = 0; i < n; i++) {
		if (i == n / 2)
			rl_buf_adds(b, "\n**Intern, Globex**\n\n");
		rl_buf_addf(b, "- Built service number %d that handles billing, invoices and the monthly "
			       "reports for every customer of the company\n",
			    i + 1);
	}
	if (with_noise)
		rl_buf_adds(b, "\n## Hobbies\n\nChess, running, cooking.\n");
}

static void test_short_resume_fits(void **state)
{
	(void)state;
	struct rl_lint_opts o;
	struct rl_result r;
	rl_lint_opts_default(&o);
	lint("# Jane Doe\n\n## Experience\n\n- Built the billing service\n", &o, &r);
	const struct rl_pages *p = &r.report.pages;
	assert_int_equal(p->count, 1);
	assert_true(p->estimate > 0.05 && p->estimate < 0.2);
	assert_true(p->lines_free > 30);
	assert_int_equal(p->lines_over, 0);
	assert_false(p->has_overflow);
	assert_false(p->borderline);
	assert_string_equal(p->profile, "pandoc");
	assert_null(finding(&r, "one-page"));
	rl_result_free(&r);
}

static void test_list_under_paragraph_line(void **state)
{
	(void)state;
	/* lines pandoc prints as one paragraph's text: laid out the same
	 * whether written as a GitHub list or escaped (as pandoc reads both) */
	struct rl_lint_opts o;
	struct rl_result lazy, text, list;
	rl_lint_opts_default(&o);
	struct rl_buf a, b, c;
	rl_buf_init(&a);
	rl_buf_init(&b);
	rl_buf_init(&c);
	for (int i = 0; i < 12; i++) {
		rl_buf_addf(&a, "**Role %d** at a company, with a long description of the team  \n", i);
		rl_buf_addf(&b, "**Role %d** at a company, with a long description of the team  \n", i);
		rl_buf_addf(&c, "**Role %d** at a company, with a long description of the team\n\n", i);
		for (int k = 0; k < 3; k++) {
			rl_buf_addf(&a, "- Built service %d for billing, invoices and the reports of every customer\n", k);
			rl_buf_addf(&b, "\\- Built service %d for billing, invoices and the reports of every customer\n", k);
			rl_buf_addf(&c, "- Built service %d for billing, invoices and the reports of every customer\n", k);
		}
		rl_buf_adds(&a, "\n");
		rl_buf_adds(&b, "\n");
		rl_buf_adds(&c, "\n");
	}
	lint(a.data, &o, &lazy);
	lint(b.data, &o, &text);
	lint(c.data, &o, &list);
	assert_true(fabs(lazy.report.pages.estimate - text.report.pages.estimate) < 0.005);
	/* the real lists take more room: proof the layout differs */
	assert_true(list.report.pages.estimate > text.report.pages.estimate + 0.05);
	/* and the rules see bullets in the GitHub form only */
	size_t items = 0;
	for (size_t i = 0; i < lazy.doc->nblocks; i++)
		items += lazy.doc->blocks[i].kind == RL_BLOCK_LIST_ITEM;
	assert_int_equal(items, 36);
	rl_result_free(&lazy);
	rl_result_free(&text);
	rl_result_free(&list);
	rl_buf_free(&a);
	rl_buf_free(&b);
	rl_buf_free(&c);
}

static void test_lines_free_with_a_table(void **state)
{
	(void)state;
	/* a short resume whose text is in a table: most of the page is free
	 * (a table row is one line box as tall as the row, not a line) */
	struct rl_lint_opts o;
	struct rl_result r;
	rl_lint_opts_default(&o);
	lint("# Jane Doe\n\n| Skills | Experience |\n|---|---|\n| Python, SQL, Go, Rust, C, Bash | Acme 2020-2024, "
	     "built the billing service and the reports for every customer of the company |\n",
	     &o, &r);
	const struct rl_pages *p = &r.report.pages;
	assert_true(p->estimate < 0.25);
	assert_true(p->lines_free > 35);
	rl_result_free(&r);
}

static void test_overflow_is_located(void **state)
{
	(void)state;
	struct rl_buf b;
	struct rl_lint_opts o;
	struct rl_result r;
	rl_buf_init(&b);
	long_resume(&b, 26, 0);
	rl_lint_opts_default(&o);
	lint(b.data, &o, &r);
	const struct rl_pages *p = &r.report.pages;
	assert_int_equal(p->count, 2);
	assert_true(p->estimate > 1.0);
	assert_true(p->has_overflow);
	assert_true(p->lines_over >= 1);
	assert_true(p->words_over >= p->lines_over);
	const struct rl_finding *f = finding(&r, "one-page");
	assert_non_null(f);
	/* the finding is the first line past page one: a bullet's text */
	assert_int_equal(f->start, p->overflow_off);
	assert_true(f->end > f->start);
	assert_true(strncmp(b.data + f->start, "Built", 5) == 0 || f->start > 0);
	assert_non_null(strstr(f->message, "fall past page 1"));
	assert_non_null(f->text);
	rl_result_free(&r);

	/* a limit of two pages: nothing to report */
	o.max_pages = 2;
	lint(b.data, &o, &r);
	assert_null(finding(&r, "one-page"));
	assert_true(r.report.pages.lines_free > 0);
	rl_result_free(&r);
	rl_buf_free(&b);
}

static void test_cuts_cheapest_first(void **state)
{
	(void)state;
	struct rl_buf b;
	struct rl_lint_opts o;
	struct rl_result r;
	rl_buf_init(&b);
	long_resume(&b, 44, 1);
	rl_lint_opts_default(&o);
	lint(b.data, &o, &r);
	const struct rl_pages *p = &r.report.pages;
	assert_true(p->count >= 2);
	assert_true(p->ncuts >= 2);
	/* what no-objective flags comes first: the whole Objective section */
	assert_int_equal(p->cuts[0].kind, RL_CUT_FLAGGED);
	assert_non_null(strstr(p->cuts[0].what, "no-objective"));
	assert_true(p->cuts[0].lines >= 2);
	/* then the Hobbies section no rule flags */
	int saw_section = 0;
	for (size_t i = 1; i < p->ncuts; i++)
		if (p->cuts[i].kind == RL_CUT_SECTION) {
			saw_section = 1;
			assert_non_null(strstr(p->cuts[i].what, "Hobbies"));
			assert_true(p->cuts[i].line > 0);
		}
	assert_true(saw_section);
	const struct rl_finding *f = finding(&r, "one-page");
	assert_non_null(f);
	assert_non_null(strstr(f->message, "cheapest cuts: what no-objective flags"));
	rl_result_free(&r);
	rl_buf_free(&b);
}

static void test_oldest_role(void **state)
{
	(void)state;
	struct rl_buf b;
	struct rl_lint_opts o;
	struct rl_result r;
	rl_buf_init(&b);
	long_resume(&b, 90, 0); /* far over: every kind of cut is needed */
	rl_lint_opts_default(&o);
	lint(b.data, &o, &r);
	const struct rl_pages *p = &r.report.pages;
	int saw_role = 0;
	for (size_t i = 0; i < p->ncuts; i++)
		if (p->cuts[i].kind == RL_CUT_OLDEST_ROLE) {
			saw_role = 1;
			assert_non_null(strstr(p->cuts[i].what, "Intern, Globex"));
		}
	assert_true(saw_role);
	rl_result_free(&r);
	rl_buf_free(&b);
}

static void test_profile_settings(void **state)
{
	(void)state;
	struct rl_buf b;
	struct rl_lint_opts o;
	struct rl_result r;
	rl_buf_init(&b);
	long_resume(&b, 20, 0);
	rl_lint_opts_default(&o);
	lint(b.data, &o, &r);
	double letter = r.report.pages.estimate;
	rl_result_free(&r);

	o.paper = RL_PAPER_A4; /* taller page, narrower text */
	lint(b.data, &o, &r);
	assert_string_equal(r.report.pages.profile, "pandoc-a4");
	assert_true(r.report.pages.estimate != letter);
	rl_result_free(&r);

	rl_lint_opts_default(&o);
	o.font_size = 10;
	lint(b.data, &o, &r);
	assert_true(r.report.pages.estimate < letter * 0.9);
	rl_result_free(&r);

	rl_lint_opts_default(&o);
	o.margin_pt = 36;
	lint(b.data, &o, &r);
	assert_true(r.report.pages.estimate < letter);
	rl_result_free(&r);

	rl_lint_opts_default(&o);
	o.render = "latex-11pt";
	lint(b.data, &o, &r);
	assert_string_equal(r.report.pages.profile, "latex-11pt");
	assert_int_not_equal(r.report.pages.confidence, RL_CONFIDENCE_HIGH);
	rl_result_free(&r);
	rl_buf_free(&b);
}

static void test_describe_profile(void **state)
{
	(void)state;
	struct rl_lint_opts o;
	struct rl_buf b;
	rl_lint_opts_default(&o);
	o.paper = RL_PAPER_A4;
	o.font = "Calibri";
	o.font_size = 11;
	rl_buf_init(&b);
	rl_pagefit_describe(&o, &b);
	assert_non_null(strstr(b.data, "\"pandoc-a4\""));
	assert_non_null(strstr(b.data, "(A4)"));
	assert_non_null(strstr(b.data, "Calibri 11.0 pt"));
	rl_buf_free(&b);
}

/* keep_lines: the picture the html format draws, only when asked for. */
static void test_picture_kept(void **state)
{
	(void)state;
	struct rl_buf b;
	struct rl_lint_opts o;
	struct rl_result r;
	rl_buf_init(&b);
	long_resume(&b, 26, 0);
	rl_lint_opts_default(&o);
	lint(b.data, &o, &r);
	assert_null(r.report.pages.picture);
	rl_result_free(&r);

	o.keep_lines = 1;
	lint(b.data, &o, &r);
	const struct rl_pages *p = &r.report.pages;
	const struct rl_page_picture *pic = p->picture;
	assert_non_null(pic);
	/* the pandoc profile: Letter, 1 in margins */
	assert_float_equal(pic->page_w, 612, 0.01);
	assert_float_equal(pic->page_h, 792, 0.01);
	assert_float_equal(pic->m_top + pic->body_h + pic->m_bottom, 792, 0.01);
	assert_float_equal(pic->body_w, 612 - 144, 0.01);
	assert_true(pic->nlines > 20);
	unsigned last_page = 0;
	int found_overflow = 0;
	for (size_t i = 0; i < pic->nlines; i++) {
		const struct rl_page_line *l = &pic->lines[i];
		assert_true(l->page >= last_page); /* in page order */
		last_page = l->page;
		assert_true(l->y >= 0 && l->y + l->height <= pic->body_h + 0.5);
		assert_true(l->text + l->len <= pic->text_len);
		assert_true(l->nruns >= 1 && l->run + l->nruns <= pic->nruns);
		assert_true(l->block < r.doc->nblocks);
		/* the line's bytes are its block's text */
		const struct rl_block *blk = &r.doc->blocks[l->block];
		assert_true(l->t0 >= 0 && (size_t)l->t0 + l->len <= blk->text_len + 1);
		size_t n = l->len && pic->text[l->text + l->len - 1] == '\n' ? l->len - 1 : l->len;
		assert_memory_equal(pic->text + l->text, blk->text + l->t0, n);
		/* the first line past page one is where the overflow starts */
		if (!found_overflow && l->page == 2) {
			found_overflow = 1;
			assert_int_equal(l->block, p->overflow_block);
		}
	}
	assert_int_equal(last_page, p->count);
	assert_true(found_overflow);
	/* list items hang their label before the text */
	assert_true(pic->lines[pic->nlines - 1].x > 0);
	rl_result_free(&r);
	rl_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_resume_fits),
		cmocka_unit_test(test_list_under_paragraph_line),
		cmocka_unit_test(test_lines_free_with_a_table),
		cmocka_unit_test(test_overflow_is_located),
		cmocka_unit_test(test_cuts_cheapest_first),
		cmocka_unit_test(test_oldest_role),
		cmocka_unit_test(test_profile_settings),
		cmocka_unit_test(test_describe_profile),
		cmocka_unit_test(test_picture_kept),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
