/* Date and date-range scanning (dates.c) and the career measures built on
 * it (career.c): years of experience, roles. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "career.h"
#include "dates.h"
#include "lint.h"
#include "sections.h"

/* "from..to" of each range, as "Y-M..Y-M" ("now" for present). */
static void ranges(const char *text, char *out, size_t cap)
{
	struct rl_date_range r[8];
	size_t n = rl_date_ranges(text, strlen(text), r, 8);
	out[0] = '\0';
	for (size_t i = 0; i < n && i < 8; i++) {
		char one[64];
		if (r[i].to.style == RL_DS_PRESENT)
			snprintf(one, sizeof one, "%s%d-%d..now", i ? " " : "", r[i].from.year, r[i].from.month);
		else
			snprintf(one, sizeof one, "%s%d-%d..%d-%d", i ? " " : "", r[i].from.year, r[i].from.month,
				 r[i].to.year, r[i].to.month);
		strncat(out, one, cap - strlen(out) - 1);
	}
}

#define EXPECT(text, want)                          \
	do {                                        \
		char got[256];                      \
		ranges(text, got, sizeof got);      \
		assert_string_equal(got, want);     \
	} while (0)

static void test_month_year(void **state)
{
	(void)state;
	EXPECT("September 2022 - Present", "2022-9..now");
	EXPECT("Machine Learning Engineer (Apr 2017 - Present) Rakuten", "2017-4..now");
	EXPECT("Jan. 2023 - Aug 2023", "2023-1..2023-8");
	EXPECT("October, 2019 - November, 2021", "2019-10..2021-11");
	EXPECT("Brightcove, Seattle [June 2010 to Present]", "2010-6..now");
	EXPECT("Okt. 2014 bis heute", "2014-10..now");
	EXPECT("AI Intern Nov 2022 \xe2\x80\x91 Dec 2022", "2022-11..2022-12");
	EXPECT("Microsoft (May - Aug 2014)", "2014-5..2014-8");
	EXPECT("Nov - Feb 2020", "2019-11..2020-2");
	EXPECT("março 2019 – julho 2021", "2019-3..2021-7");
}

static void test_numeric(void **state)
{
	(void)state;
	EXPECT("12.2014 - present | Remote job", "2014-12..now");
	EXPECT("6/2020-11/2020", "2020-6..2020-11");
	EXPECT("12/2017 till date (6 years)", "2017-12..now");
	EXPECT("2019.03 - 2021.06", "2019-3..2021-6");
	EXPECT("from 2.12.2019 to 6.12.2019 (5 days)", "2019-12..2019-12");
	EXPECT("2016-2019", "2016-0..2019-0");
	EXPECT("2015\xe2\x80\x94" "2016", "2015-0..2016-0");
	EXPECT("Apple (2018-Present)", "2018-0..now");
	EXPECT("April 2018-Present", "2018-4..now");
	EXPECT("2017-2018 / 2018 - 2018", "2017-0..2018-0 2018-0..2018-0");
	EXPECT("since 2019", "2019-0..now");
}

static void test_not_dates(void **state)
{
	(void)state;
	EXPECT("Served 1000-2000 users a day", "");
	EXPECT("Python 3.6 - 3.10, ISO 9001-2015", "");
	EXPECT("Call +49 176 2019 2020", "");
	EXPECT("Phone 0176-2019-2020", "2019-0..2020-0"); /* a known limit: digits alone */
	EXPECT("Raised revenue $2000-2500 a month", "");
	EXPECT("Winter 2016", "");
	EXPECT("2011-12 academic year", "");
	EXPECT("Q1 2020 - Q3 2020", "");
}

static void test_month_index(void **state)
{
	(void)state;
	struct rl_date d = { 2020, 0, RL_DS_YEAR, 0, 4 };
	assert_int_equal(rl_date_month_index(&d, 0, 0), 2020 * 12);
	assert_int_equal(rl_date_month_index(&d, 1, 0), 2020 * 12 + 11);
	d.month = 3;
	assert_int_equal(rl_date_month_index(&d, 1, 0), 2020 * 12 + 2);
	d.style = RL_DS_PRESENT;
	assert_int_equal(rl_date_month_index(&d, 1, 777), 777);
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1); /* 2023-11-14 */
	assert_int_equal(rl_date_now(), 2023 * 12 + 10);
}

/* ---- career: years of experience and roles from a lint run ---- */

static struct rl_section_table *g_table;

static struct rl_doc *doc_of(const char *md, struct rl_result *res, struct rl_linter *l)
{
	struct rl_lint_opts o;
	rl_lint_opts_default(&o);
	o.only_rule = "none";
	rl_lint_bytes(l, "t.md", md, strlen(md), &o, res);
	rl_lint_opts_free(&o);
	return res->doc;
}

static void test_career(void **state)
{
	(void)state;
	struct rl_linter l;
	struct rl_result res;
	struct rl_career c;
	int now = 2024 * 12 + 5; /* June 2024 */
	memset(&l, 0, sizeof l);
	l.sections = g_table;

	/* two jobs with a gap, one overlapping side job: the union counts */
	struct rl_doc *doc = doc_of("# Jane\n\n## Experience\n\n### Acme, Jan 2018 - Dec 2019\n\n- Built it\n\n"
				    "### Beta, Jan 2021 - Present\n\n- Ran it\n\n### Side gig, 2021 - 2022\n\n"
				    "## Education\n\nB.Sc., 2010 - 2014\n",
				    &res, &l);
	assert_non_null(doc);
	rl_career_measure(doc, now, &c);
	assert_int_equal(c.nroles, 3);
	/* 24 months + Jan 2021..Jun 2024 = 42 months */
	assert_int_equal(c.months, 24 + 42);
	assert_int_equal(c.roles[0].bullets, 1);
	assert_int_equal(c.roles[2].bullets, 0);
	rl_career_free(&c);
	rl_result_free(&res);

	/* no dates in the experience section: unknown */
	doc = doc_of("# Jane\n\n## Experience\n\n- Built things\n", &res, &l);
	rl_career_measure(doc, now, &c);
	assert_int_equal(c.nroles, 0);
	assert_int_equal(c.months, 0);
	assert_int_equal(rl_career_level(&c, doc, now, 36), RL_LEVEL_AUTO);
	rl_career_free(&c);
	rl_result_free(&res);

	/* a student: no experience section, studies ending this year */
	doc = doc_of("# Jane\n\n## Education\n\nB.Sc. Computer Science, 2020 - 2024\n", &res, &l);
	rl_career_measure(doc, now, &c);
	assert_int_equal(rl_career_level(&c, doc, now, 36), RL_LEVEL_ENTRY);
	rl_career_free(&c);
	rl_result_free(&res);

	doc = doc_of("# Jane\n\n## Experience\n\nAcme, 2015 - Present\n", &res, &l);
	rl_career_measure(doc, now, &c);
	assert_int_equal(rl_career_level(&c, doc, now, 36), RL_LEVEL_EXPERIENCED);
	rl_career_free(&c);
	rl_result_free(&res);
}

static int setup(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	g_table = rl_section_table_load(RL_TEST_RULES_DIR "/tables/sections.tsv", &d);
	rl_diags_free(&d);
	return g_table ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rl_section_table_free(g_table);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_year),
		cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_month_index),
		cmocka_unit_test(test_career),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
