/* Output formats: the text format's lines, excerpts, advice, quiet mode,
 * summary and colours; the JSON format's exact text and escaping. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "lint.h"
#include "layout.h"
#include "out.h"
#include "pagefit.h"
#include "reader.h"
#include "rule.h"

/* ---- helpers ---- */

static struct rl_rule *make_rule(const char *id, const char *keys)
{
	struct rl_buf text, path;
	rl_buf_init(&text);
	rl_buf_init(&path);
	rl_buf_addf(&text, "id: %s\nmessage: m\n%s", id, keys);
	rl_buf_addf(&path, "rules/%s.yaml", id);
	struct rl_source *src = rl_source_new(path.data, text.data, text.len);
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_rule *r = rl_rule_parse(src, &d);
	assert_non_null(r);
	rl_diags_free(&d);
	rl_source_free(src);
	rl_buf_free(&text);
	rl_buf_free(&path);
	return r;
}

/* A result for text read from path, with no findings yet. */
static void result_for(struct rl_result *r, const char *path, const char *text)
{
	memset(r, 0, sizeof *r);
	r->path = rl_xstrdup(path);
	r->status = RL_STATUS_OK;
	r->format = "markdown";
	struct rl_diags d;
	rl_diags_init(&d);
	r->doc = rl_read(path, text, strlen(text), NULL, &d);
	assert_non_null(r->doc);
	rl_diags_free(&d);
	rl_report_init(&r->report);
	rl_diags_init(&r->diags);
	r->report.pages.estimate = 0.5;
	r->report.pages.limit = 1;
	r->report.pages.count = 1;
	r->report.pages.lines_free = 20;
	r->report.pages.word_saved = -1;
}

/* Adds a finding over the first occurrence of needle in the source (or a
 * point at offset 0 when needle is NULL). */
static void add_finding(struct rl_result *r, const struct rl_rule *rule, enum rl_severity sev,
			const char *message, const char *needle, int section)
{
	RL_GROW(r->report.v, r->report.n, r->report.cap);
	struct rl_finding *f = &r->report.v[r->report.n++];
	memset(f, 0, sizeof *f);
	f->rule = rule;
	f->severity = sev;
	f->message = rl_xstrdup(message);
	f->section = section;
	if (needle) {
		const char *p = strstr(r->doc->src->bytes, needle);
		assert_non_null(p);
		f->start = (size_t)(p - r->doc->src->bytes);
		f->end = f->start + strlen(needle);
		f->text = rl_xstrdup(needle);
	}
}

/* Runs a formatter over results and returns what it wrote (free it). The
 * same bytes must reach the FILE on flush. */
static char *format_all(struct rl_out *o, struct rl_result *const *results, size_t n)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	o->fp = fp;
	rl_out_begin(o);
	for (size_t i = 0; i < n; i++)
		rl_out_file(o, results[i]);
	rl_out_end(o);
	char *got = rl_xstrndup(o->buf.data ? o->buf.data : "", o->buf.len);
	rl_out_flush(o);
	assert_int_equal(o->buf.len, 0);
	long size = ftell(fp);
	assert_int_equal((size_t)size, strlen(got));
	rewind(fp);
	char *back = rl_xcalloc(1, (size_t)size + 1);
	assert_int_equal(fread(back, 1, (size_t)size, fp), (size_t)size);
	assert_string_equal(back, got);
	free(back);
	fclose(fp);
	o->fp = NULL;
	return got;
}

static char *format_one(struct rl_out *o, struct rl_result *r)
{
	struct rl_result *v[1] = { r };
	return format_all(o, v, 1);
}

/* ---- text format ---- */

static void test_text_finding_line_and_excerpt(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("no-objective", "kind: pattern\npattern: x\nadvice: Say what you offer.\n");
	struct rl_result r;
	result_for(&r, "cv.md", "# Jane Doe\n\n## Objective\n\nTo get a job.\n");
	add_finding(&r, rule, RL_SEV_WARNING, "objective statement: \"Objective\"", "Objective", RL_SEC_OBJECTIVE);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	char *got = format_one(&o, &r);
	assert_string_equal(got, "cv.md:3:4: warning: objective statement: \"Objective\" [no-objective]\n"
				 " 3 | ## Objective\n"
				 "   |    ^~~~~~~~~\n"
				 "   = why: Say what you offer.\n"
				 "1 file checked: 0 errors, 1 warning, 0 infos\n");
	free(got);
	assert_int_equal(o.files, 1);
	assert_int_equal(o.counts[RL_SEV_WARNING], 1);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
}

static void test_text_excerpt_gutter_width(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: a\n");
	struct rl_buf text;
	rl_buf_init(&text);
	for (int i = 0; i < 11; i++)
		rl_buf_adds(&text, "line\n\n");
	rl_buf_adds(&text, "the bad word\n");
	struct rl_result r;
	result_for(&r, "cv.md", text.data);
	add_finding(&r, rule, RL_SEV_ERROR, "msg", "bad", -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	char *got = format_one(&o, &r);
	assert_string_equal(got, "cv.md:23:5: error: msg [x]\n"
				 " 23 | the bad word\n"
				 "    |     ^~~\n"
				 "   = why: a\n"
				 "1 file checked: 1 error, 0 warnings, 0 infos\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
	rl_buf_free(&text);
}

static void test_text_underline_tabs_and_multibyte(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: a\n");
	struct rl_result r;
	result_for(&r, "cv.md", "a\tcaf\xC3\xA9 GPA 3.9 ok\n\nna\xC3\xAFve \xC3\xA9\xC3\xA9\xC3\xA9 end\n");
	add_finding(&r, rule, RL_SEV_WARNING, "one", "GPA 3.9", -1);
	add_finding(&r, rule, RL_SEV_WARNING, "two", "\xC3\xA9\xC3\xA9\xC3\xA9", -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	char *got = format_one(&o, &r);
	assert_string_equal(got, "cv.md:1:8: warning: one [x]\n"
				 " 1 | a\tcaf\xC3\xA9 GPA 3.9 ok\n"
				 "   |  \t     ^~~~~~~\n"
				 "   = why: a\n"
				 "cv.md:3:7: warning: two [x]\n"
				 " 3 | na\xC3\xAFve \xC3\xA9\xC3\xA9\xC3\xA9 end\n"
				 "   |       ^~~\n"
				 "1 file checked: 0 errors, 2 warnings, 0 infos\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
}

static void test_text_span_over_lines_and_points(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: a\n");
	struct rl_rule *other = make_rule("y", "kind: pattern\npattern: x\nadvice: b\n");
	struct rl_result r;
	result_for(&r, "cv.md", "x GPA\n3.9 y\r\nlast\r\n");
	/* from line 1 into line 2: underlined to the end of line 1 */
	add_finding(&r, rule, RL_SEV_INFO, "across", "GPA\n3.9", -1);
	/* no text: no excerpt */
	add_finding(&r, other, RL_SEV_ERROR, "whole document", NULL, -1);
	/* a CRLF line: no \r in the excerpt */
	add_finding(&r, rule, RL_SEV_INFO, "crlf", "last", -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	char *got = format_one(&o, &r);
	assert_string_equal(got, "cv.md:1:3: info: across [x]\n"
				 " 1 | x GPA\n"
				 "   |   ^~~\n"
				 "   = why: a\n"
				 "cv.md:1:1: error: whole document [y]\n"
				 "   = why: b\n"
				 "cv.md:3:1: info: crlf [x]\n"
				 " 3 | last\n"
				 "   | ^~~~\n"
				 "1 file checked: 1 error, 0 warnings, 2 infos\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
	rl_rule_free(other);
}

static void test_text_advice_once_per_rule(void **state)
{
	(void)state;
	struct rl_rule *a = make_rule("a", "kind: pattern\npattern: x\nadvice: advice A\n");
	struct rl_rule *b = make_rule("b", "kind: pattern\npattern: x\nadvice: advice B\n");
	struct rl_result r1, r2;
	result_for(&r1, "one.md", "foo bar\n");
	add_finding(&r1, a, RL_SEV_WARNING, "m1", "foo", -1);
	add_finding(&r1, a, RL_SEV_WARNING, "m2", "bar", -1);
	result_for(&r2, "two.md", "foo bar\n");
	add_finding(&r2, a, RL_SEV_WARNING, "m3", "foo", -1);
	add_finding(&r2, b, RL_SEV_WARNING, "m4", "bar", -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	struct rl_result *v[2] = { &r1, &r2 };
	char *got = format_all(&o, v, 2);
	assert_string_equal(got, "one.md:1:1: warning: m1 [a]\n"
				 " 1 | foo bar\n"
				 "   | ^~~\n"
				 "   = why: advice A\n"
				 "one.md:1:5: warning: m2 [a]\n"
				 " 1 | foo bar\n"
				 "   |     ^~~\n"
				 "two.md:1:1: warning: m3 [a]\n"
				 " 1 | foo bar\n"
				 "   | ^~~\n"
				 "two.md:1:5: warning: m4 [b]\n"
				 " 1 | foo bar\n"
				 "   |     ^~~\n"
				 "   = why: advice B\n"
				 "2 files checked: 0 errors, 4 warnings, 0 infos\n");
	free(got);
	assert_int_equal(o.nadvised, 2);
	rl_out_fini(&o);
	rl_result_free(&r1);
	rl_result_free(&r2);
	rl_rule_free(a);
	rl_rule_free(b);
}

static void test_text_advice_wrapped(void **state)
{
	(void)state;
	/* 21 words of 6 characters: 10 fit on the first line (up to column 79),
	 * 10 on the next, one on the last; runs of spaces collapse */
	struct rl_buf keys;
	rl_buf_init(&keys);
	rl_buf_adds(&keys, "kind: pattern\npattern: x\nadvice: \"");
	for (int i = 1; i <= 21; i++)
		rl_buf_addf(&keys, "word%02d%s", i, i == 5 ? "   " : " ");
	rl_buf_adds(&keys, "\"\n");
	struct rl_rule *rule = make_rule("x", keys.data);
	rl_buf_free(&keys);
	struct rl_result r;
	result_for(&r, "cv.md", "foo\n");
	add_finding(&r, rule, RL_SEV_WARNING, "m", NULL, -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	char *got = format_one(&o, &r);
	assert_string_equal(got, "cv.md:1:1: warning: m [x]\n"
				 "   = why: word01 word02 word03 word04 word05 word06 word07 word08 word09 word10\n"
				 "          word11 word12 word13 word14 word15 word16 word17 word18 word19 word20\n"
				 "          word21\n"
				 "1 file checked: 0 errors, 1 warning, 0 infos\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
}

static void quiet_fixture(struct rl_result *r, struct rl_rule *rule)
{
	result_for(r, "cv.md", "foo bar baz\n");
	add_finding(r, rule, RL_SEV_INFO, "i", "foo", -1);
	add_finding(r, rule, RL_SEV_WARNING, "w", "bar", -1);
	add_finding(r, rule, RL_SEV_ERROR, "e", "baz", -1);
}

static void test_text_quiet(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: a\n");
	struct rl_result r;
	quiet_fixture(&r, rule);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	assert_int_equal(o.fail_on, RL_SEV_ERROR); /* the default */
	o.quiet = 1;
	char *got = format_one(&o, &r);
	assert_string_equal(got, "cv.md:1:9: error: e [x]\n");
	free(got);
	/* all are still counted */
	assert_int_equal(o.counts[RL_SEV_INFO], 1);
	assert_int_equal(o.counts[RL_SEV_WARNING], 1);
	assert_int_equal(o.counts[RL_SEV_ERROR], 1);
	assert_int_equal(o.nadvised, 0);
	rl_out_fini(&o);

	rl_out_init(&o, &rl_format_text, NULL);
	o.quiet = 1;
	o.fail_on = RL_SEV_WARNING;
	got = format_one(&o, &r);
	assert_string_equal(got, "cv.md:1:5: warning: w [x]\ncv.md:1:9: error: e [x]\n");
	free(got);
	rl_out_fini(&o);

	/* nothing at all when nothing reaches fail_on */
	rl_out_init(&o, &rl_format_text, NULL);
	o.quiet = 1;
	struct rl_result clean;
	result_for(&clean, "cv.md", "fine\n");
	got = format_one(&o, &clean);
	assert_string_equal(got, "");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&clean);
	rl_result_free(&r);
	rl_rule_free(rule);
}

static void test_text_summary_wording(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: a\n");
	struct rl_out o;
	char *got;

	rl_out_init(&o, &rl_format_text, NULL);
	got = format_all(&o, NULL, 0);
	assert_string_equal(got, "0 files checked: 0 errors, 0 warnings, 0 infos\n");
	free(got);
	rl_out_fini(&o);

	struct rl_result r;
	quiet_fixture(&r, rule);
	rl_out_init(&o, &rl_format_text, NULL);
	o.quiet = 0;
	got = format_one(&o, &r);
	const char *last = strrchr(got, '\n');
	while (last > got && last[-1] != '\n')
		last--;
	assert_string_equal(last, "1 file checked: 1 error, 1 warning, 1 info\n");
	free(got);
	rl_out_fini(&o);

	/* failed files: nothing in the text output (main.c prints them), counted
	 * in the summary */
	struct rl_result bad1, bad2, ok;
	memset(&bad1, 0, sizeof bad1);
	memset(&bad2, 0, sizeof bad2);
	rl_result_fail(&bad1, "a.pdf", "a PDF file");
	rl_result_fail(&bad2, "b.pdf", "a PDF file");
	result_for(&ok, "ok.md", "fine\n");
	rl_out_init(&o, &rl_format_text, NULL);
	struct rl_result *one[2] = { &bad1, &ok };
	got = format_all(&o, one, 2);
	assert_string_equal(got, "2 files checked: 0 errors, 0 warnings, 0 infos; 1 file could not be read\n");
	free(got);
	rl_out_fini(&o);
	rl_out_init(&o, &rl_format_text, NULL);
	struct rl_result *three[3] = { &bad1, &r, &bad2 };
	got = format_all(&o, three, 3);
	last = strrchr(got, '\n');
	while (last > got && last[-1] != '\n')
		last--;
	assert_string_equal(last, "3 files checked: 1 error, 1 warning, 1 info; 2 files could not be read\n");
	free(got);
	assert_int_equal(o.file_errors, 2);
	rl_out_fini(&o);

	rl_result_free(&bad1);
	rl_result_free(&bad2);
	rl_result_free(&ok);
	rl_result_free(&r);
	rl_rule_free(rule);
}

static void test_text_color(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: a\n");
	struct rl_result r;
	quiet_fixture(&r, rule);
	struct rl_out o;
	rl_out_init(&o, &rl_format_text, NULL);
	o.color = 1;
	char *got = format_one(&o, &r);
	assert_string_equal(got, "\033[1mcv.md:1:1: \033[1;36minfo\033[0m: i \033[2m[x]\033[0m\n"
				 " 1 | foo bar baz\n"
				 "   | \033[1;32m^~~\033[0m\n"
				 "   = why: a\n"
				 "\033[1mcv.md:1:5: \033[1;35mwarning\033[0m: w \033[2m[x]\033[0m\n"
				 " 1 | foo bar baz\n"
				 "   |     \033[1;32m^~~\033[0m\n"
				 "\033[1mcv.md:1:9: \033[1;31merror\033[0m: e \033[2m[x]\033[0m\n"
				 " 1 | foo bar baz\n"
				 "   |         \033[1;32m^~~\033[0m\n"
				 "1 file checked: 1 error, 1 warning, 1 info\n");
	free(got);
	rl_out_fini(&o);

	rl_out_init(&o, &rl_format_text, NULL);
	got = format_one(&o, &r);
	assert_null(strchr(got, '\033'));
	free(got);
	rl_out_fini(&o);

	/* JSON never has colours */
	rl_out_init(&o, &rl_format_json, NULL);
	o.color = 1;
	got = format_one(&o, &r);
	assert_null(strchr(got, '\033'));
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
}

/* ---- JSON format ---- */

static void test_json_exact(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("no-gpa", "kind: pattern\npattern: x\nadvice: Drop it.\n");
	struct rl_rule *doc_rule = make_rule("need-skills", "kind: pattern\npattern: x\nadvice: Add one.\n");
	struct rl_result r;
	result_for(&r, "cv.md", "# Jane\n\n## Education\n\nGPA 3.9\n");
	add_finding(&r, rule, RL_SEV_WARNING, "grade: GPA 3.9", "GPA 3.9", RL_SEC_EDUCATION);
	add_finding(&r, doc_rule, RL_SEV_INFO, "no skills", NULL, -1);
	rl_diags_add(&r.diags, RL_DIAG_WARNING, "cv.md", 2, 7, "a warning");
	struct rl_out o;
	rl_out_init(&o, &rl_format_json, NULL);
	o.version = "1.2.3";
	char *got = format_one(&o, &r);
	assert_string_equal(got,
			    "{\n"
			    "  \"tool\": {\"name\": \"resumelint\", \"version\": \"1.2.3\"},\n"
			    "  \"files\": [\n"
			    "    {\n"
			    "      \"path\": \"cv.md\",\n"
			    "      \"format\": \"markdown\",\n"
			    "      \"status\": \"ok\",\n"
			    "      \"pages\": {\n"
			    "        \"estimate\": 0.5,\n"
			    "        \"limit\": 1,\n"
			    "        \"count\": 1,\n"
			    "        \"lines_free\": 20,\n"
			    "        \"borderline\": false,\n"
			    "        \"confidence\": {\n"
			    "          \"level\": \"high\",\n"
			    "          \"reasons\": []\n"
			    "        }\n"
			    "      },\n"
			    "      \"findings\": [\n"
			    "        {\n"
			    "          \"rule\": \"no-gpa\",\n"
			    "          \"severity\": \"warning\",\n"
			    "          \"message\": \"grade: GPA 3.9\",\n"
			    "          \"advice\": \"Drop it.\",\n"
			    "          \"line\": 5,\n"
			    "          \"column\": 1,\n"
			    "          \"end_line\": 5,\n"
			    "          \"end_column\": 8,\n"
			    "          \"section\": \"education\",\n"
			    "          \"text\": \"GPA 3.9\"\n"
			    "        },\n"
			    "        {\n"
			    "          \"rule\": \"need-skills\",\n"
			    "          \"severity\": \"info\",\n"
			    "          \"message\": \"no skills\",\n"
			    "          \"advice\": \"Add one.\",\n"
			    "          \"line\": 1,\n"
			    "          \"column\": 1,\n"
			    "          \"end_line\": 1,\n"
			    "          \"end_column\": 1,\n"
			    "          \"section\": null,\n"
			    "          \"text\": null\n"
			    "        }\n"
			    "      ],\n"
			    "      \"diagnostics\": [\n"
			    "        {\n"
			    "          \"line\": 2,\n"
			    "          \"column\": 7,\n"
			    "          \"message\": \"a warning\"\n"
			    "        }\n"
			    "      ]\n"
			    "    }\n"
			    "  ],\n"
			    "  \"summary\": {\"files\": 1, \"errors\": 0, \"warnings\": 1, \"infos\": 1, \"unreadable\": 0}\n"
			    "}\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
	rl_rule_free(doc_rule);
}

static void test_json_pages_over(void **state)
{
	(void)state;
	struct rl_result r;
	result_for(&r, "cv.md", "x\n");
	r.report.pages.estimate = 1.256;
	r.report.pages.count = 2;
	r.report.pages.lines_over = 7;
	r.report.pages.lines_free = 0;
	r.report.pages.borderline = 1;
	r.report.pages.words_over = 61;
	r.report.pages.has_overflow = 1;
	r.report.pages.overflow_off = 0;
	r.report.pages.confidence = RL_CONFIDENCE_MEDIUM;
	r.report.pages.reasons = RL_LAYOUT_FLOATING;
	r.report.pages.profile = "pandoc";
	r.report.pages.word_saved = 1;
	r.report.pages.ncuts = 1;
	r.report.pages.cuts[0].kind = RL_CUT_SECTION;
	r.report.pages.cuts[0].what = rl_xstrdup("the \"Hobbies\" section");
	r.report.pages.cuts[0].line = 9;
	r.report.pages.cuts[0].lines = 3.4;
	struct rl_out o;
	rl_out_init(&o, &rl_format_json, NULL);
	char *got = format_one(&o, &r);
	assert_non_null(strstr(got, "      \"pages\": {\n"
				    "        \"estimate\": 1.26,\n"
				    "        \"limit\": 1,\n"
				    "        \"count\": 2,\n"
				    "        \"lines_over\": 7,\n"
				    "        \"words_over\": 61,\n"
				    "        \"first_overflow\": {\n"
				    "          \"line\": 1,\n"
				    "          \"column\": 1\n"
				    "        },\n"
				    "        \"borderline\": true,\n"
				    "        \"confidence\": {\n"
				    "          \"level\": \"medium\",\n"
				    "          \"reasons\": [\n"
				    "            \"floating pictures or shapes\"\n"
				    "          ]\n"
				    "        },\n"
				    "        \"profile\": \"pandoc\",\n"
				    "        \"word_saved\": 1,\n"
				    "        \"word_disagrees\": true,\n"
				    "        \"cuts\": [\n"
				    "          {\n"
				    "            \"kind\": \"section\",\n"
				    "            \"what\": \"the \\\"Hobbies\\\" section\",\n"
				    "            \"line\": 9,\n"
				    "            \"lines\": 3\n"
				    "          }\n"
				    "        ]\n"
				    "      },\n"
				    "      \"findings\": [],\n"
				    "      \"diagnostics\": []\n"));
	assert_null(strstr(got, "lines_free"));
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
}

static void test_json_escaping(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: \"say \\\"no\\\"\\tnow\"\n");
	struct rl_result r;
	result_for(&r, "my \"cv\"\\1.md", "a \"quoted\" word\n");
	add_finding(&r, rule, RL_SEV_ERROR, "said \"hi\"\nthen\\left\x01", "\"quoted\"", -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_json, NULL);
	char *got = format_one(&o, &r);
	assert_non_null(strstr(got, "      \"path\": \"my \\\"cv\\\"\\\\1.md\",\n"));
	assert_non_null(strstr(got, "          \"message\": \"said \\\"hi\\\"\\nthen\\\\left\\u0001\",\n"));
	assert_non_null(strstr(got, "          \"advice\": \"say \\\"no\\\"\\tnow\",\n"));
	assert_non_null(strstr(got, "          \"text\": \"\\\"quoted\\\"\"\n"));
	assert_non_null(strstr(got, "          \"column\": 3,\n"));
	assert_null(strchr(got, '\t'));
	assert_null(strchr(got, '\x01'));
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
}

/* ---- html format ---- */

/* Nothing from the input opens an element: paths, text, messages, advice. */
static void test_html_escaping(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x", "kind: pattern\npattern: x\nadvice: \"<b>no</b> & 'yes'\"\n");
	struct rl_result r;
	result_for(&r, "<img src=x onerror=alert(1)>\".md", "# Jo\n\na `<script>alert(2)</script>` word\n");
	add_finding(&r, rule, RL_SEV_WARNING, "said <i>\"hi\"</i>\x01", "<script>alert(2)</script>", -1);
	/* the pages, as page fit keeps them for this format */
	struct rl_lint_opts opts;
	rl_lint_opts_default(&opts);
	opts.keep_lines = 1;
	rl_pagefit_estimate(r.doc, &opts, &r.report.pages);
	assert_non_null(r.report.pages.picture);
	struct rl_out o;
	rl_out_init(&o, &rl_format_html, NULL);
	char *got = format_one(&o, &r);
	assert_true(strncmp(got, "<!DOCTYPE html>", 15) == 0);
	assert_non_null(strstr(got, "Content-Security-Policy"));
	assert_null(strstr(got, "<img"));
	assert_null(strstr(got, "<script"));
	assert_null(strstr(got, "<i>"));
	assert_null(strstr(got, "<b>no"));
	assert_null(strchr(got, '\x01'));
	assert_non_null(strstr(got, "&lt;img src=x onerror=alert(1)&gt;&quot;.md"));
	assert_non_null(strstr(got, "said &lt;i&gt;&quot;hi&quot;&lt;/i&gt;"));
	assert_non_null(strstr(got, "&lt;b&gt;no&lt;/b&gt; &amp; &#39;yes&#39;"));
	/* the finding is marked in place, and the list links to the mark */
	assert_non_null(strstr(got, "<mark class=\"warning\" id=\"file-1-m1\" data-rule=\"x\""));
	assert_non_null(strstr(got, "<a href=\"#file-1-m1\">3:4</a>"));
	assert_non_null(strstr(got, "class=\"limit\" style=\"top:720.00pt\""));
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
}

static void test_json_failed_file(void **state)
{
	(void)state;
	struct rl_result bad, ok;
	memset(&bad, 0, sizeof bad);
	rl_result_fail(&bad, "cv.pdf", "a PDF file, with \"quotes\"");
	result_for(&ok, "ok.md", "fine\n");
	struct rl_out o;
	rl_out_init(&o, &rl_format_json, NULL);
	struct rl_result *v[2] = { &bad, &ok };
	char *got = format_all(&o, v, 2);
	assert_string_equal(got,
			    "{\n"
			    "  \"tool\": {\"name\": \"resumelint\", \"version\": \"\"},\n"
			    "  \"files\": [\n"
			    "    {\n"
			    "      \"path\": \"cv.pdf\",\n"
			    "      \"format\": null,\n"
			    "      \"status\": \"error\",\n"
			    "      \"error\": \"a PDF file, with \\\"quotes\\\"\",\n"
			    "      \"pages\": null,\n"
			    "      \"findings\": [],\n"
			    "      \"diagnostics\": []\n"
			    "    },\n"
			    "    {\n"
			    "      \"path\": \"ok.md\",\n"
			    "      \"format\": \"markdown\",\n"
			    "      \"status\": \"ok\",\n"
			    "      \"pages\": {\n"
			    "        \"estimate\": 0.5,\n"
			    "        \"limit\": 1,\n"
			    "        \"count\": 1,\n"
			    "        \"lines_free\": 20,\n"
			    "        \"borderline\": false,\n"
			    "        \"confidence\": {\n"
			    "          \"level\": \"high\",\n"
			    "          \"reasons\": []\n"
			    "        }\n"
			    "      },\n"
			    "      \"findings\": [],\n"
			    "      \"diagnostics\": []\n"
			    "    }\n"
			    "  ],\n"
			    "  \"summary\": {\"files\": 2, \"errors\": 0, \"warnings\": 0, \"infos\": 0, \"unreadable\": 1}\n"
			    "}\n");
	free(got);
	rl_out_fini(&o);

	/* no files at all */
	rl_out_init(&o, &rl_format_json, NULL);
	got = format_all(&o, NULL, 0);
	assert_string_equal(got, "{\n"
				 "  \"tool\": {\"name\": \"resumelint\", \"version\": \"\"},\n"
				 "  \"files\": [],\n"
				 "  \"summary\": {\"files\": 0, \"errors\": 0, \"warnings\": 0, \"infos\": 0, \"unreadable\": 0}\n"
				 "}\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&bad);
	rl_result_free(&ok);
}

static void test_json_from_lint(void **state)
{
	(void)state;
	/* a file the reader refuses, through rl_lint_bytes */
	struct rl_linter l;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_linter_init(&l, RL_TEST_RULES_DIR, RL_TEST_RULES_DIR "/tables", &d), 0);
	struct rl_lint_opts opts;
	rl_lint_opts_default(&opts);
	struct rl_result r;
	static const char pdf[] = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
	rl_lint_bytes(&l, "cv.pdf", pdf, sizeof pdf - 1, &opts, &r);
	assert_int_equal(r.status, RL_STATUS_ERROR);
	assert_null(r.doc);
	assert_null(r.format);
	assert_non_null(r.error);
	struct rl_out o;
	rl_out_init(&o, &rl_format_json, NULL);
	char *got = format_one(&o, &r);
	struct rl_buf want;
	rl_buf_init(&want);
	rl_buf_adds(&want, "      \"status\": \"error\",\n      \"error\": \"");
	rl_buf_adds(&want, r.error);
	rl_buf_adds(&want, "\",\n      \"pages\": null,\n");
	assert_non_null(strstr(got, want.data));
	assert_non_null(strstr(got, "\"unreadable\": 1}"));
	free(got);
	rl_buf_free(&want);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_lint_opts_free(&opts);
	rl_linter_fini(&l);
	rl_diags_free(&d);
}


/* ---- github, sarif, junit ---- */

static void test_github_escaping(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("x-y", "kind: pattern\npattern: x\nadvice: \"why: 100%\"\n");
	struct rl_result r;
	result_for(&r, "dir,x/c:v%1.md", "one\ntwo words\n");
	add_finding(&r, rule, RL_SEV_WARNING, "50% off: a, b\r\nnext", "two", -1);
	add_finding(&r, rule, RL_SEV_INFO, "note", "words", -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_github, NULL);
	char *got = format_one(&o, &r);
	assert_string_equal(got, "::warning file=dir%2Cx/c%3Av%251.md,line=2,col=1,endLine=2,endColumn=4,"
				 "title=x-y::50%25 off: a, b%0D%0Anext%0A%0Awhy: 100%25\n"
				 "::notice file=dir%2Cx/c%3Av%251.md,line=2,col=5,endLine=2,endColumn=10,"
				 "title=x-y::note%0A%0Awhy: 100%25\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);

	/* a file that could not be read */
	memset(&r, 0, sizeof r);
	rl_result_fail(&r, "bad,1.docx", "not a zip: 50% broken");
	rl_out_init(&o, &rl_format_github, NULL);
	got = format_one(&o, &r);
	assert_string_equal(got, "::error file=bad%2C1.docx,title=resumelint::not a zip: 50%25 broken\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_rule_free(rule);
}

static void test_sarif_results(void **state)
{
	(void)state;
	struct rl_rule *rule = make_rule("no-gpa", "kind: pattern\npattern: x\nadvice: Drop it.\nsummary: a GPA\n");
	struct rl_ruleset set;
	memset(&set, 0, sizeof set);
	RL_GROW(set.v, set.n, set.cap);
	set.v[set.n++] = rule;
	struct rl_result r, bad;
	result_for(&r, "my cv.md", "# Jane\n\nGPA 3.9\n");
	add_finding(&r, rule, RL_SEV_WARNING, "grade \"GPA\"", "GPA 3.9", -1);
	memset(&bad, 0, sizeof bad);
	rl_result_fail(&bad, "gone.md", "cannot open");
	struct rl_out o;
	rl_out_init(&o, &rl_format_sarif, NULL);
	o.rules = &set;
	o.version = "1.0";
	o.docs_url = "https://example.org/rules.md";
	struct rl_result *v[2] = { &r, &bad };
	char *got = format_all(&o, v, 2);
	assert_non_null(strstr(got, "\"version\": \"2.1.0\""));
	assert_non_null(strstr(got, "\"helpUri\": \"https://example.org/rules.md#no-gpa\""));
	assert_non_null(strstr(got, "\"fullDescription\": {\n                \"text\": \"Drop it.\"\n"));
	assert_non_null(strstr(got, "\"ruleId\": \"no-gpa\",\n          \"ruleIndex\": 0,\n"
				    "          \"level\": \"warning\""));
	assert_non_null(strstr(got, "\"uri\": \"my%20cv.md\""));
	assert_non_null(strstr(got, "\"startLine\": 3,\n                  \"startColumn\": 1,\n"
				    "                  \"endLine\": 3,\n                  \"endColumn\": 8\n"));
	assert_non_null(strstr(got, "\"executionSuccessful\": false,\n          \"toolExecutionNotifications\": [\n"));
	assert_non_null(strstr(got, "\"text\": \"cannot open\""));
	assert_non_null(strstr(got, "\"columnKind\": \"unicodeCodePoints\""));
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	rl_result_free(&bad);
	free(set.v);
	rl_rule_free(rule);
}

static void test_junit(void **state)
{
	(void)state;
	struct rl_rule *gpa = make_rule("no-gpa", "kind: pattern\npattern: x\nadvice: Drop <it> & go.\n");
	struct rl_rule *info = make_rule("quiet", "kind: pattern\npattern: x\nadvice: A.\n");
	struct rl_ruleset set;
	memset(&set, 0, sizeof set);
	RL_GROW(set.v, set.n, set.cap);
	set.v[set.n++] = gpa;
	RL_GROW(set.v, set.n, set.cap);
	set.v[set.n++] = info;
	struct rl_result r;
	result_for(&r, "a&b.md", "GPA 3.9 \"x\"\n");
	add_finding(&r, gpa, RL_SEV_ERROR, "grade <3.9>", "GPA 3.9", -1);
	add_finding(&r, info, RL_SEV_INFO, "just so\x01", "\"x\"", -1);
	struct rl_out o;
	rl_out_init(&o, &rl_format_junit, NULL);
	o.rules = &set;
	char *got = format_one(&o, &r);
	assert_string_equal(got,
			    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			    "<testsuites name=\"resumelint\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
			    "  <testsuite name=\"a&amp;b.md\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
			    "    <testcase classname=\"a&amp;b.md\" name=\"no-gpa\">\n"
			    "      <failure type=\"error\" message=\"no-gpa\">a&amp;b.md:1:1: error: grade &lt;3.9&gt;\n"
			    "Drop &lt;it&gt; &amp; go.</failure>\n"
			    "    </testcase>\n"
			    "    <testcase classname=\"a&amp;b.md\" name=\"quiet\">\n"
			    "      <system-out>a&amp;b.md:1:9: info: just so\n"
			    "</system-out>\n"
			    "    </testcase>\n"
			    "  </testsuite>\n"
			    "</testsuites>\n");
	free(got);
	rl_out_fini(&o);
	rl_result_free(&r);
	free(set.v);
	rl_rule_free(gpa);
	rl_rule_free(info);
}

static void test_formatter_table(void **state)
{
	(void)state;
	assert_ptr_equal(rl_formatter_find("text"), &rl_format_text);
	assert_ptr_equal(rl_formatter_find("json"), &rl_format_json);
	assert_null(rl_formatter_find("xml"));
	assert_ptr_equal(rl_formatters[0], &rl_format_text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_finding_line_and_excerpt),
		cmocka_unit_test(test_text_excerpt_gutter_width),
		cmocka_unit_test(test_text_underline_tabs_and_multibyte),
		cmocka_unit_test(test_text_span_over_lines_and_points),
		cmocka_unit_test(test_text_advice_once_per_rule),
		cmocka_unit_test(test_text_advice_wrapped),
		cmocka_unit_test(test_text_quiet),
		cmocka_unit_test(test_text_summary_wording),
		cmocka_unit_test(test_text_color),
		cmocka_unit_test(test_json_exact),
		cmocka_unit_test(test_json_pages_over),
		cmocka_unit_test(test_json_escaping),
		cmocka_unit_test(test_html_escaping),
		cmocka_unit_test(test_json_failed_file),
		cmocka_unit_test(test_json_from_lint),
		cmocka_unit_test(test_github_escaping),
		cmocka_unit_test(test_sarif_results),
		cmocka_unit_test(test_junit),
		cmocka_unit_test(test_formatter_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
