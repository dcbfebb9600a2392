/* Rule files: every kind parses, every mistake is named with file:line:col,
 * and a rules folder loads in sorted order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "matcher.h"
#include "rule.h"
#include "source.h"

/* ---- helpers ---- */

static struct rl_rule *parse_as(const char *path, const char *text, struct rl_diags *d)
{
	struct rl_source *src = rl_source_new(path, text, strlen(text));
	struct rl_rule *r = rl_rule_parse(src, d);
	rl_source_free(src);
	return r;
}

/* A valid rule: no diagnostics at all. */
static struct rl_rule *parse_ok(const char *path, const char *text)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_rule *r = parse_as(path, text, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *m = rl_diag_format(&d.v[i]);
		print_error("unexpected: %s\n", m);
		free(m);
	}
	assert_int_equal(d.n, 0);
	assert_non_null(r);
	rl_diags_free(&d);
	return r;
}

/* The text fails to parse as path with exactly one error, shown as want
 * ("path:line:col: message"). */
static void expect_error_as(const char *path, const char *text, const char *want)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_rule *r = parse_as(path, text, &d);
	assert_null(r);
	for (size_t i = 0; i < d.n; i++) {
		char *m = rl_diag_format(&d.v[i]);
		if (d.n != 1 || strcmp(m, want) != 0)
			print_error("got: %s\n", m);
		free(m);
	}
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].level, RL_DIAG_ERROR);
	assert_string_equal(d.v[0].path, path);
	char *got = rl_diag_format(&d.v[0]);
	assert_string_equal(got, want);
	free(got);
	rl_diags_free(&d);
}

static void expect_error(const char *text, const char *want)
{
	expect_error_as("rules/x.yaml", text, want);
}

#define HEAD "id: x\nkind: pattern\nmessage: m\nadvice: a\n"

static const struct rl_matcher *matcher(const struct rl_rule *r)
{
	return (const struct rl_matcher *)r->impl; /* first member, see matcher.h */
}

#define ALL_TEXT_BLOCKS (((1u << RL_BLOCK_COUNT) - 1) & ~(1u << RL_BLOCK_RULE))

/* ---- valid rules ---- */

static void test_valid_pattern_rule(void **state)
{
	(void)state;
	struct rl_rule *r = parse_ok("rules/no-gpa.yaml",
				     "id: no-gpa\n"
				     "severity: error\n"
				     "kind: pattern\n"
				     "summary: a GPA\n"
				     "message: \"grade: {match}\"\n"
				     "advice: >-\n"
				     "  Drop it.\n"
				     "  Really.\n"
				     "scope: [education, other]\n"
				     "blocks: paragraph\n"
				     "pattern:\n"
				     "  - '\\bgpa\\b'\n"
				     "  - '\\d\\.\\d/4'\n"
				     "unless: version\n"
				     "case-sensitive: true\n"
				     "match-limit: 5000\n"
				     "depth-limit: 300\n"
				     "examples:\n"
				     "  bad: [\"GPA 3.9\", \"3.8/4\"]\n"
				     "  good:\n"
				     "    - \"version 3.8/4\"\n");
	assert_string_equal(r->id, "no-gpa");
	assert_int_equal(r->severity, RL_SEV_ERROR);
	assert_ptr_equal(r->kind, &rl_rule_kind_pattern);
	assert_string_equal(r->summary, "a GPA");
	assert_string_equal(r->message, "grade: {match}");
	assert_string_equal(r->advice, "Drop it. Really.");
	assert_int_equal(r->scope, (1u << RL_SEC_EDUCATION) | (1u << RL_SEC_OTHER));
	assert_int_equal(r->blocks, 1u << RL_BLOCK_PARAGRAPH);
	assert_string_equal(r->path, "rules/no-gpa.yaml");
	assert_int_equal(r->nbad, 2);
	assert_string_equal(r->bad[0], "GPA 3.9");
	assert_string_equal(r->bad[1], "3.8/4");
	assert_int_equal(r->ngood, 1);
	assert_string_equal(r->good[0], "version 3.8/4");
	const struct rl_matcher *m = matcher(r);
	assert_string_equal(m->pattern, "(?:\\bgpa\\b)|(?:\\d\\.\\d/4)");
	assert_string_equal(m->unless, "version");
	assert_int_equal(m->case_sensitive, 1);
	assert_int_equal(m->match_limit, 5000);
	assert_int_equal(m->depth_limit, 300);
	assert_non_null(m->re);
	assert_non_null(m->unless_re);
	rl_rule_free(r);
}

static void test_pattern_rule_defaults(void **state)
{
	(void)state;
	struct rl_rule *r = parse_ok("rules/x.yaml", "id: x\nkind: pattern\nmessage: m\nadvice: |\n  Two lines\n\n"
		     "pattern: foo\n");
	assert_int_equal(r->severity, RL_SEV_WARNING);
	assert_string_equal(r->advice, "Two lines"); /* trailing newlines trimmed */
	assert_null(r->summary);
	assert_int_equal(r->scope, 0);
	assert_int_equal(r->blocks, ALL_TEXT_BLOCKS);
	assert_int_equal(r->nbad + r->ngood, 0);
	const struct rl_matcher *m = matcher(r);
	assert_string_equal(m->pattern, "foo");
	assert_null(m->unless);
	assert_int_equal(m->case_sensitive, 0);
	assert_int_equal(m->match_limit, RL_PATTERN_MATCH_LIMIT);
	assert_int_equal(m->depth_limit, RL_PATTERN_DEPTH_LIMIT);
	rl_rule_free(r);

	/* "off" is a severity; .yml names work as well */
	r = parse_ok("x.yml", "id: x\nkind: pattern\nseverity: off\nmessage: m\nadvice: a\npattern: foo\n");
	assert_int_equal(r->severity, RL_SEV_OFF);
	rl_rule_free(r);
	r = parse_ok("rules/x.yaml", "id: x\nkind: pattern\nseverity: info\nmessage: m\nadvice: a\n"
		     "pattern: foo\nscope: education\nblocks: [heading, list-item]\n");
	assert_int_equal(r->severity, RL_SEV_INFO);
	assert_int_equal(r->scope, 1u << RL_SEC_EDUCATION);
	assert_int_equal(r->blocks, (1u << RL_BLOCK_HEADING) | (1u << RL_BLOCK_LIST_ITEM));
	rl_rule_free(r);
}

static void test_valid_section_rule(void **state)
{
	(void)state;
	struct rl_rule *r = parse_ok("rules/x.yaml", "id: x\nkind: section\nsection: objective\n"
				     "message: m\nadvice: a\n");
	assert_ptr_equal(r->kind, &rl_rule_kind_section);
	assert_null(matcher(r)->pattern);
	assert_null(matcher(r)->re);
	rl_rule_free(r);

	r = parse_ok("rules/x.yaml", "id: x\nkind: section\nsection: references\nexpect: present\n"
		     "pattern: '^refs'\nunless: none\nmessage: m\nadvice: a\n");
	assert_ptr_equal(r->kind, &rl_rule_kind_section);
	assert_string_equal(matcher(r)->pattern, "^refs");
	assert_non_null(matcher(r)->re);
	assert_non_null(matcher(r)->unless_re);
	rl_rule_free(r);

	r = parse_ok("rules/x.yaml", "id: x\nkind: section\nsection: objective\nexpect: absent\n"
		     "message: m\nadvice: a\n");
	rl_rule_free(r);
}

static void test_valid_limit_rule(void **state)
{
	(void)state;
	struct rl_rule *r = parse_ok("rules/x.yaml", "id: x\nkind: limit\nmetric: pages\nmax: max-pages\n"
				     "message: m\nadvice: a\n");
	assert_ptr_equal(r->kind, &rl_rule_kind_limit);
	assert_int_equal(r->severity, RL_SEV_WARNING);
	rl_rule_free(r);
	r = parse_ok("rules/x.yaml", "id: x\nkind: limit\nmetric: words\nmin: 150\nmax: 800.5\n"
		     "message: m\nadvice: a\n");
	rl_rule_free(r);
	r = parse_ok("rules/x.yaml", "id: x\nkind: limit\nmetric: words\nmax: 0\nmessage: m\nadvice: a\n");
	rl_rule_free(r);
}

/* ---- errors: shape and common keys ---- */

static void test_error_not_a_map(void **state)
{
	(void)state;
	expect_error("- a\n- b\n", "rules/x.yaml:1:1: a rule file must be a map of keys");
	expect_error("\n\njust text\n", "rules/x.yaml:3:1: a rule file must be a map of keys");
}

static void test_error_kind(void **state)
{
	(void)state;
	expect_error("id: x\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:1:1: missing key 'kind' (pattern, section, limit, photo or layout)");
	expect_error("", "rules/x.yaml:1:1: missing key 'kind' (pattern, section, limit, photo or layout)");
	expect_error("id: x\nkind: regex\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:2:7: unknown rule kind 'regex' (expected one of pattern, section, limit, photo, layout, job, target, bullets, career, dates, contact)");
	expect_error("id: x\nkind: [pattern]\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:2:7: expected a rule kind, found a list");
}

static void test_error_unknown_key(void **state)
{
	(void)state;
	expect_error(HEAD "pattern: foo\nmesage: z\n",
		     "rules/x.yaml:6:1: unknown key 'mesage' (did you mean 'message'?)");
	expect_error(HEAD "patern: foo\n", "rules/x.yaml:5:1: unknown key 'patern' (did you mean 'pattern'?)");
	expect_error(HEAD "pattern: foo\ncase_sensitive: true\n",
		     "rules/x.yaml:6:1: unknown key 'case_sensitive' (did you mean 'case-sensitive'?)");
	expect_error("id: x\nkind: section\nsecton: objective\nsection: objective\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:3:1: unknown key 'secton' (did you mean 'section'?)");
	expect_error(HEAD "pattern: foo\nzzzzzz: z\n", "rules/x.yaml:6:1: unknown key 'zzzzzz' for a pattern rule");
	/* a key of another kind is unknown here */
	expect_error(HEAD "pattern: foo\nmetric: words\n", "rules/x.yaml:6:1: unknown key 'metric' for a pattern rule");
	expect_error("id: x\nkind: limit\nmetric: words\nmax: 3\nmessage: m\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:7:1: unknown key 'pattern' for a limit rule");
}

static void test_error_missing_required(void **state)
{
	(void)state;
	expect_error("kind: pattern\nmessage: m\nadvice: a\npattern: foo\n", "rules/x.yaml:1:1: missing key 'id'");
	expect_error("id: x\nkind: pattern\nadvice: a\npattern: foo\n", "rules/x.yaml:1:1: missing key 'message'");
	expect_error("id: x\nkind: pattern\nmessage: m\npattern: foo\n", "rules/x.yaml:1:1: missing key 'advice'");

	/* all three at once, in this order */
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(parse_as("rules/x.yaml", "kind: pattern\npattern: foo\n", &d));
	assert_int_equal(d.n, 3);
	assert_int_equal(d.errors, 3);
	assert_string_equal(d.v[0].message, "missing key 'id'");
	assert_string_equal(d.v[1].message, "missing key 'message'");
	assert_string_equal(d.v[2].message, "missing key 'advice'");
	rl_diags_free(&d);
}

static void test_error_bad_text_values(void **state)
{
	(void)state;
	expect_error("id: x\nkind: pattern\nmessage: \"\"\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:3:10: must not be empty");
	expect_error("id: x\nkind: pattern\nmessage: m\nadvice: ''\npattern: foo\n",
		     "rules/x.yaml:4:9: must not be empty");
	expect_error("id: x\nkind: pattern\nmessage:\n  a: b\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:4:3: expected text, found a map");
	expect_error("id: x\nkind: pattern\nmessage: m\nadvice: a\nsummary: [a]\npattern: foo\n",
		     "rules/x.yaml:5:10: expected text, found a list");
}

static void test_error_id(void **state)
{
	(void)state;
	expect_error_as("rules/X_1.yaml", "id: X_1\nkind: pattern\nmessage: m\nadvice: a\npattern: foo\n",
			"rules/X_1.yaml:1:5: rule id 'X_1' may use only a-z, 0-9 and '-'");
	expect_error_as("rules/no gpa.yaml", "id: no gpa\nkind: pattern\nmessage: m\nadvice: a\npattern: foo\n",
			"rules/no gpa.yaml:1:5: rule id 'no gpa' may use only a-z, 0-9 and '-'");
	expect_error("id: y\nkind: pattern\nmessage: m\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:1:5: rule id 'y' does not match the file name 'x.yaml'");
	expect_error("id: xx\nkind: pattern\nmessage: m\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:1:5: rule id 'xx' does not match the file name 'x.yaml'");
	expect_error_as("dir/xy.yml", "kind: pattern\nid: x\nmessage: m\nadvice: a\npattern: foo\n",
			"dir/xy.yml:2:5: rule id 'x' does not match the file name 'xy.yml'");
	/* not checked against a name that is no rule file name */
	struct rl_rule *r = parse_ok("<inline>", "id: anything\nkind: pattern\nmessage: m\nadvice: a\npattern: foo\n");
	rl_rule_free(r);
}

static void test_error_severity(void **state)
{
	(void)state;
	expect_error("id: x\nkind: pattern\nseverity: fatal\nmessage: m\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:3:11: unknown severity 'fatal' (expected error, warning, info or off)");
	expect_error("id: x\nkind: pattern\nseverity: Error\nmessage: m\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:3:11: unknown severity 'Error' (expected error, warning, info or off)");
}

static void test_error_scope_and_blocks(void **state)
{
	(void)state;
	expect_error(HEAD "pattern: foo\nscope: [education, hobbies]\n",
		     "rules/x.yaml:6:20: unknown section kind 'hobbies'");
	expect_error(HEAD "pattern: foo\nscope: hobbies\n", "rules/x.yaml:6:8: unknown section kind 'hobbies'");
	expect_error(HEAD "pattern: foo\nblocks: [paragraph, footnote]\n",
		     "rules/x.yaml:6:21: unknown block kind 'footnote'");
	expect_error(HEAD "pattern: foo\nblocks:\n  - [paragraph]\n",
		     "rules/x.yaml:7:5: expected block kind, found a list");
}

/* ---- errors: pattern keys ---- */

static void test_error_bad_regex(void **state)
{
	(void)state;
	expect_error(HEAD "pattern: \"foo(bar\"\n",
		     "rules/x.yaml:5:10: bad pattern: missing closing parenthesis at offset 7 of \"foo(bar\"");
	expect_error(HEAD "pattern: foo\nunless: \"a[b\"\n",
		     "rules/x.yaml:6:9: bad unless: missing terminating ] for character class at offset 3 of \"a[b\"");
	expect_error(HEAD "pattern: 'x{2,1}'\n",
		     "rules/x.yaml:5:10: bad pattern: numbers out of order in {} quantifier at offset 5 of \"x{2,1}\"");
	expect_error(HEAD "pattern: []\n", "rules/x.yaml:5:10: expected a pattern or a non-empty list of patterns");
	expect_error(HEAD "pattern:\n  - a\n  - {b: c}\n", "rules/x.yaml:7:5: expected a pattern, found a map");
	expect_error("id: x\nkind: pattern\nmessage: m\nadvice: a\n", "rules/x.yaml:1:1: missing key 'pattern'");
	expect_error(HEAD "unless: foo\n", "rules/x.yaml:1:1: missing key 'pattern'");
}

static void test_error_matcher_options(void **state)
{
	(void)state;
	expect_error(HEAD "pattern: foo\nmatch-limit: 0\n",
		     "rules/x.yaml:6:14: expected a whole number from 1 to 100000000");
	expect_error(HEAD "pattern: foo\nmatch-limit: 12abc\n",
		     "rules/x.yaml:6:14: expected a whole number from 1 to 100000000");
	expect_error(HEAD "pattern: foo\nmatch-limit: 100000001\n",
		     "rules/x.yaml:6:14: expected a whole number from 1 to 100000000");
	expect_error(HEAD "pattern: foo\ndepth-limit: ''\n",
		     "rules/x.yaml:6:14: expected a whole number from 1 to 100000000");
	expect_error(HEAD "pattern: foo\ndepth-limit: [1]\n", "rules/x.yaml:6:14: expected a number, found a list");
	expect_error(HEAD "pattern: foo\ncase-sensitive: maybe\n", "rules/x.yaml:6:17: expected true or false");
}

/* ---- errors: section and limit kinds ---- */

static void test_error_section_kind(void **state)
{
	(void)state;
	expect_error("id: x\nkind: section\nmessage: m\nadvice: a\n", "rules/x.yaml:1:1: missing key 'section'");
	expect_error("id: x\nkind: section\nsection: hobbies\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:3:10: unknown section kind 'hobbies'");
	expect_error("id: x\nkind: section\nsection: objective\nmessage: m\nadvice: a\nunless: foo\n",
		     "rules/x.yaml:6:9: 'unless' needs a 'pattern'");
	expect_error("id: x\nkind: section\nsection: objective\nexpect: maybe\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:9: expected absent or present, found 'maybe'");
	expect_error("id: x\nkind: section\nsection: objective\nexpect: [present]\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:9: expected absent or present, found a list");
	expect_error("id: x\nkind: section\nsection: objective\npattern: '(('\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:10: bad pattern: missing closing parenthesis at offset 2 of \"((\"");
}

static void test_error_limit_kind(void **state)
{
	(void)state;
	expect_error("id: x\nkind: limit\nmax: 3\nmessage: m\nadvice: a\n", "rules/x.yaml:1:1: missing key 'metric'");
	expect_error("id: x\nkind: limit\nmetric: words\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:1:1: a limit rule needs 'max' or 'min'");
	expect_error("id: x\nkind: limit\nmetric: lines\nmax: 3\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:3:9: unknown metric 'lines' (expected words or pages)");
	expect_error("id: x\nkind: limit\nmetric: words\nmax: -3\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:6: expected a number of 0 or more, found '-3'");
	expect_error("id: x\nkind: limit\nmetric: words\nmin: lots\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:6: expected a number of 0 or more, found 'lots'");
	expect_error("id: x\nkind: limit\nmetric: words\nmax: 3 pages\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:6: expected a number of 0 or more, found '3 pages'");
	expect_error("id: x\nkind: limit\nmetric: words\nmax: {a: 1}\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:6: expected a number, found a map");
}

static void test_error_limit_not_a_number(void **state)
{
	(void)state;
	/* strtod reads these, but a limit of nan never fires and inf never does
	 * either: they are no numbers of 0 or more */
	expect_error("id: x\nkind: limit\nmetric: words\nmax: nan\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:6: expected a number of 0 or more, found 'nan'");
	expect_error("id: x\nkind: limit\nmetric: words\nmax: inf\nmessage: m\nadvice: a\n",
		     "rules/x.yaml:4:6: expected a number of 0 or more, found 'inf'");
}

static void test_error_key_twice(void **state)
{
	(void)state;
	expect_error("id: x\nkind: pattern\nmessage: m\nmessage: n\nadvice: a\npattern: foo\n",
		     "rules/x.yaml:4:1: key 'message' given twice");
	expect_error("id: x\nkind: pattern\nmessage: m\nadvice: a\npattern: foo\npattern: bar\n",
		     "rules/x.yaml:6:1: key 'pattern' given twice");
}

static void test_error_examples(void **state)
{
	(void)state;
	expect_error(HEAD "pattern: foo\nexamples: [a]\n",
		     "rules/x.yaml:6:11: expected a map with 'bad' and 'good' lists");
	expect_error(HEAD "pattern: foo\nexamples:\n  ugly: [a]\n",
		     "rules/x.yaml:7:3: unknown key 'examples.ugly' (expected 'bad', 'good' or 'job')");
	expect_error(HEAD "pattern: foo\nexamples:\n  bad: a\n", "rules/x.yaml:7:8: expected a list of examples");
	expect_error(HEAD "pattern: foo\nexamples:\n  good:\n    - ok\n    - [a, b]\n",
		     "rules/x.yaml:9:7: expected an example text, found a list");
	expect_error(HEAD "pattern: foo\nexamples:\n  bad:\n    - {a: b}\n",
		     "rules/x.yaml:8:7: expected an example text, found a map");
}

static void test_error_yaml_syntax(void **state)
{
	(void)state;
	expect_error("id: x\nkind: pattern\nmessage: [m\nadvice: a\n",
		     "rules/x.yaml:4:7: YAML: did not find expected ',' or ']' while parsing a flow sequence");
	expect_error("id: x\nkind: pattern\n  message: m\n",
		     "rules/x.yaml:3:10: YAML: mapping values are not allowed in this context");
	expect_error("id: x\nkind: pattern\nmessage: \"open\nadvice: a\n",
		     "rules/x.yaml:5:1: YAML: found unexpected end of stream while scanning a quoted scalar");
	expect_error("id: x\nkind: pattern\nmessage: &m m\nadvice: *m\npattern: foo\n",
		     "rules/x.yaml:3:10: YAML: anchors are not supported");
}

static void test_several_errors_reported(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(parse_as("rules/x.yaml",
			     "id: x\nkind: pattern\nseverity: loud\nmessage: m\nadvice: ''\npattern: foo\nfoo: 1\n", &d));
	assert_int_equal(d.n, 3);
	assert_int_equal(d.errors, 3);
	const char *want[] = {
		"rules/x.yaml:3:11: unknown severity 'loud' (expected error, warning, info or off)",
		"rules/x.yaml:5:9: must not be empty",
		"rules/x.yaml:7:1: unknown key 'foo' for a pattern rule",
	};
	for (size_t i = 0; i < 3; i++) {
		char *m = rl_diag_format(&d.v[i]);
		assert_string_equal(m, want[i]);
		free(m);
	}
	rl_diags_free(&d);

	/* earlier entries in diags are left alone */
	rl_diags_init(&d);
	rl_diags_add(&d, RL_DIAG_WARNING, "other", 1, 1, "before");
	struct rl_rule *r = parse_as("rules/x.yaml", HEAD "pattern: foo\n", &d);
	assert_non_null(r);
	assert_int_equal(d.n, 1);
	rl_rule_free(r);
	rl_diags_add(&d, RL_DIAG_ERROR, "other", 1, 1, "an earlier error");
	r = parse_as("rules/x.yaml", HEAD "pattern: foo\n", &d);
	assert_non_null(r); /* only its own errors fail a rule */
	rl_rule_free(r);
	rl_diags_free(&d);
}

static void test_contains_word(void **state)
{
	(void)state;
	char *words[] = { "motion", "ios", "c++" };
	assert_int_equal(rl_contains_any_word("earned a promotion in scenarios", words, 3), 0);
	assert_int_equal(rl_contains_any("earned a promotion in scenarios", words, 3), 1);
	assert_int_equal(rl_contains_any_word("motion design; ios apps", words, 3), 1);
	assert_int_equal(rl_contains_any_word("promotion (motion graphics)", words, 3), 1);
	assert_int_equal(rl_contains_any_word("c++17, rust", words, 3), 1);
	/* a letter of another script before it: inside a word */
	assert_int_equal(rl_contains_any_word("\xc3\xa9motion", words, 3), 0);
}

static void test_severity_names(void **state)
{
	(void)state;
	assert_int_equal(rl_severity_parse("off"), RL_SEV_OFF);
	assert_int_equal(rl_severity_parse("info"), RL_SEV_INFO);
	assert_int_equal(rl_severity_parse("warning"), RL_SEV_WARNING);
	assert_int_equal(rl_severity_parse("error"), RL_SEV_ERROR);
	assert_int_equal(rl_severity_parse("warn"), -1);
	assert_string_equal(rl_severity_name(RL_SEV_WARNING), "warning");
	assert_string_equal(rl_severity_name(RL_SEV_OFF), "off");
}

/* ---- rules folders ---- */

struct tmpdir {
	char path[64];
	char names[16][64];
	size_t n;
};

static void tmp_make(struct tmpdir *t)
{
	memset(t, 0, sizeof *t);
	strcpy(t->path, "/tmp/rl-rules-XXXXXX");
	assert_non_null(mkdtemp(t->path));
}

static void tmp_write(struct tmpdir *t, const char *name, const char *text)
{
	char p[160];
	snprintf(p, sizeof p, "%s/%s", t->path, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_true(t->n < 16);
	snprintf(t->names[t->n++], sizeof t->names[0], "%s", name);
}

static void tmp_remove(struct tmpdir *t)
{
	char p[160];
	for (size_t i = 0; i < t->n; i++) {
		snprintf(p, sizeof p, "%s/%s", t->path, t->names[i]);
		unlink(p);
	}
	rmdir(t->path);
}

static void write_rule(struct tmpdir *t, const char *file, const char *id)
{
	char text[200];
	snprintf(text, sizeof text, "id: %s\nkind: pattern\nmessage: m\nadvice: a\npattern: %s\n", id, id);
	tmp_write(t, file, text);
}

static void test_load_dir_sorted(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	/* created out of order */
	write_rule(&t, "c-rule.yaml", "c-rule");
	write_rule(&t, "a-rule.yaml", "a-rule");
	write_rule(&t, "b-rule.yml", "b-rule");
	write_rule(&t, "aa.yaml", "aa");
	tmp_write(&t, "notes.txt", "not a rule\n");
	tmp_write(&t, "README.md", "# rules\n");
	tmp_write(&t, ".hidden.yaml", "garbage: [\n");
	tmp_write(&t, "x.yaml~", "garbage: [\n");
	tmp_write(&t, "x.yaml.bak", "garbage: [\n");

	struct rl_ruleset set = { 0 };
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_ruleset_load_dir(&set, t.path, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(set.n, 4);
	assert_string_equal(set.v[0]->id, "a-rule");
	assert_string_equal(set.v[1]->id, "aa");
	assert_string_equal(set.v[2]->id, "b-rule");
	assert_string_equal(set.v[3]->id, "c-rule");
	char want[160];
	snprintf(want, sizeof want, "%s/b-rule.yml", t.path);
	assert_string_equal(set.v[2]->path, want);
	assert_ptr_equal(rl_ruleset_find(&set, "b-rule"), set.v[2]);
	assert_null(rl_ruleset_find(&set, "d-rule"));
	rl_ruleset_free(&set);
	assert_int_equal(set.n, 0);
	assert_null(set.v);
	rl_diags_free(&d);
	tmp_remove(&t);
}

static void test_load_dir_duplicate_id(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	write_rule(&t, "dup.yml", "dup");
	write_rule(&t, "dup.yaml", "dup");
	write_rule(&t, "other.yaml", "other");
	struct rl_ruleset set = { 0 };
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_ruleset_load_dir(&set, t.path, &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	char want[200];
	snprintf(want, sizeof want, "%s/dup.yml: rule 'dup' is defined twice", t.path);
	char *got = rl_diag_format(&d.v[0]);
	assert_string_equal(got, want);
	free(got);
	/* the first one ("dup.yaml" sorts first) stays, like the others */
	assert_int_equal(set.n, 2);
	assert_string_equal(set.v[0]->id, "dup");
	snprintf(want, sizeof want, "%s/dup.yaml", t.path);
	assert_string_equal(set.v[0]->path, want);
	assert_string_equal(set.v[1]->id, "other");
	rl_ruleset_free(&set);
	rl_diags_free(&d);
	tmp_remove(&t);
}

static void test_load_dir_bad_file(void **state)
{
	(void)state;
	struct tmpdir t;
	tmp_make(&t);
	write_rule(&t, "a.yaml", "a");
	tmp_write(&t, "b.yaml", "id: b\nkind: regex\nmessage: m\nadvice: a\n");
	write_rule(&t, "c.yaml", "c");
	struct rl_ruleset set = { 0 };
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_ruleset_load_dir(&set, t.path, &d), -1);
	assert_int_equal(d.n, 1);
	char want[512]; /* room for any tmp path: gcc -O0 checks the bound */
	snprintf(want, sizeof want, "%s/b.yaml:2:7: unknown rule kind 'regex' (expected one of pattern, section, limit, photo, layout, job, target, bullets, career, dates, contact)",
		 t.path);
	char *got = rl_diag_format(&d.v[0]);
	assert_string_equal(got, want);
	free(got);
	assert_int_equal(set.n, 2);
	assert_string_equal(set.v[0]->id, "a");
	assert_string_equal(set.v[1]->id, "c");
	rl_ruleset_free(&set);
	rl_diags_free(&d);
	tmp_remove(&t);
}

static void test_load_dir_missing(void **state)
{
	(void)state;
	struct rl_ruleset set = { 0 };
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_ruleset_load_dir(&set, "/nonexistent/rules-dir", &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	char *got = rl_diag_format(&d.v[0]);
	assert_string_equal(got, "/nonexistent/rules-dir: cannot read the rules folder: No such file or directory");
	free(got);
	assert_int_equal(set.n, 0);
	rl_diags_free(&d);

	/* an empty folder is no error */
	struct tmpdir t;
	tmp_make(&t);
	rl_diags_init(&d);
	assert_int_equal(rl_ruleset_load_dir(&set, t.path, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(set.n, 0);
	rl_diags_free(&d);
	tmp_remove(&t);
}

static void test_load_shipped_rules(void **state)
{
	(void)state;
	struct rl_ruleset set = { 0 };
	struct rl_diags d;
	rl_diags_init(&d);
	int rc = rl_ruleset_load_dir(&set, RL_TEST_RULES_DIR, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *m = rl_diag_format(&d.v[i]);
		print_error("%s\n", m);
		free(m);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	assert_true(set.n >= 5);
	for (size_t i = 1; i < set.n; i++)
		assert_true(strcmp(set.v[i - 1]->path, set.v[i]->path) < 0);
	static const struct {
		const char *id;
		const struct rl_rule_kind *kind;
	} shipped[] = {
		{ "no-coursework", &rl_rule_kind_section },
		{ "no-gpa", &rl_rule_kind_pattern },
		{ "no-objective", &rl_rule_kind_section },
		{ "no-references", &rl_rule_kind_section },
		{ "one-page", &rl_rule_kind_limit },
	};
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		const struct rl_rule *r = rl_ruleset_find(&set, shipped[i].id);
		assert_non_null(r);
		assert_ptr_equal(r->kind, shipped[i].kind);
		assert_true(r->nbad > 0);
		assert_true(r->ngood > 0);
		assert_non_null(r->advice);
		assert_true(r->advice[0] != '\0');
		assert_true(r->advice[strlen(r->advice) - 1] != '\n');
	}
	assert_int_equal(rl_ruleset_find(&set, "one-page")->severity, RL_SEV_ERROR);
	rl_ruleset_free(&set);
	rl_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_pattern_rule),
		cmocka_unit_test(test_pattern_rule_defaults),
		cmocka_unit_test(test_valid_section_rule),
		cmocka_unit_test(test_valid_limit_rule),
		cmocka_unit_test(test_error_not_a_map),
		cmocka_unit_test(test_error_kind),
		cmocka_unit_test(test_error_unknown_key),
		cmocka_unit_test(test_error_missing_required),
		cmocka_unit_test(test_error_bad_text_values),
		cmocka_unit_test(test_error_id),
		cmocka_unit_test(test_error_severity),
		cmocka_unit_test(test_error_scope_and_blocks),
		cmocka_unit_test(test_error_bad_regex),
		cmocka_unit_test(test_error_matcher_options),
		cmocka_unit_test(test_error_section_kind),
		cmocka_unit_test(test_error_limit_kind),
		cmocka_unit_test(test_error_limit_not_a_number),
		cmocka_unit_test(test_error_key_twice),
		cmocka_unit_test(test_error_examples),
		cmocka_unit_test(test_error_yaml_syntax),
		cmocka_unit_test(test_several_errors_reported),
		cmocka_unit_test(test_contains_word),
		cmocka_unit_test(test_severity_names),
		cmocka_unit_test(test_load_dir_sorted),
		cmocka_unit_test(test_load_dir_duplicate_id),
		cmocka_unit_test(test_load_dir_bad_file),
		cmocka_unit_test(test_load_dir_missing),
		cmocka_unit_test(test_load_shipped_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
