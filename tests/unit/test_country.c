/* Country profiles (country.c): the shipped table loads, a profile's
 * severities go into the overrides, and a config's rules: map applied
 * after them wins. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "lint_opts.h"

static enum rl_severity sev_of(const struct rl_lint_opts *o, const char *id, enum rl_severity dflt)
{
	struct rl_rule r;
	memset(&r, 0, sizeof r);
	r.id = (char *)id;
	r.severity = dflt;
	return rl_lint_opts_severity(o, &r);
}

static void test_shipped_table(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_country_table *t = rl_country_table_load(RL_TEST_RULES_DIR "/tables/profiles.tsv", &d);
	assert_non_null(t);
	assert_int_equal(d.errors, 0);
	assert_true(rl_country_known(t, "us"));
	assert_true(rl_country_known(t, "de"));
	assert_false(rl_country_known(t, "xx"));
	char *names = rl_country_names(t);
	assert_string_equal(names, "us, uk, eu, de");
	free(names);

	struct rl_lint_opts o;
	rl_lint_opts_default(&o);
	rl_country_apply(t, "us", &o);
	assert_int_equal(o.noverrides, 0);
	assert_int_equal(sev_of(&o, "no-photo", RL_SEV_WARNING), RL_SEV_WARNING);
	rl_lint_opts_free(&o);

	rl_lint_opts_default(&o);
	rl_country_apply(t, "de", &o);
	assert_int_equal(sev_of(&o, "no-photo", RL_SEV_WARNING), RL_SEV_OFF);
	assert_int_equal(sev_of(&o, "no-personal-details", RL_SEV_WARNING), RL_SEV_INFO);
	assert_int_equal(sev_of(&o, "no-gpa", RL_SEV_WARNING), RL_SEV_WARNING);
	/* the config's rules: map comes after and wins */
	rl_lint_opts_override(&o, "no-photo", RL_SEV_ERROR);
	assert_int_equal(sev_of(&o, "no-photo", RL_SEV_WARNING), RL_SEV_ERROR);
	rl_lint_opts_free(&o);
	rl_country_table_free(t);
	rl_diags_free(&d);
}

static void test_bad_table(void **state)
{
	(void)state;
	char path[] = "/tmp/rl-country-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# comment\nus\t-\t-\tnothing\nde\tno-photo\tsometimes\twhy\n", f);
	fclose(f);
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(rl_country_table_load(path, &d));
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 3);
	rl_diags_free(&d);
	remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_table),
		cmocka_unit_test(test_bad_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
