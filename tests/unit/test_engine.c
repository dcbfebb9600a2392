/* The rule engine: what each rule kind reports and where, message
 * placeholders, severities, the per-rule cap, ordering and inline
 * suppressions. */
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
#include "engine.h"
#include "lint.h"
#include "out.h"
#include "pagefit.h"
#include "rule.h"
#include "sections.h"

#define TABLES_DIR RL_TEST_RULES_DIR "/tables"

static struct rl_section_table *g_table;

static int group_setup(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	g_table = rl_section_table_load(TABLES_DIR "/sections.tsv", &d);
	rl_diags_free(&d);
	return g_table ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	rl_section_table_free(g_table);
	return 0;
}

/* ---- fixture: a linter with hand-written rules ---- */

struct fx {
	struct rl_linter l;
	struct rl_lint_opts o;
	struct rl_result r;
	int linted;
};

static void fx_init(struct fx *f)
{
	memset(f, 0, sizeof *f);
	f->l.sections = g_table;
	rl_lint_opts_default(&f->o);
}

/* Adds rule `id` from rules/<id>.yaml with the given keys (id and advice
 * are added). */
static void fx_rule(struct fx *f, const char *id, const char *keys)
{
	struct rl_buf text, path;
	rl_buf_init(&text);
	rl_buf_init(&path);
	rl_buf_addf(&text, "id: %s\nadvice: advice for %s\n%s", id, id, keys);
	rl_buf_addf(&path, "rules/%s.yaml", id);
	struct rl_source *src = rl_source_new(path.data, text.data, text.len);
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_rule *r = rl_rule_parse(src, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *m = rl_diag_format(&d.v[i]);
		print_error("%s\n", m);
		free(m);
	}
	assert_non_null(r);
	rl_diags_free(&d);
	rl_source_free(src);
	rl_buf_free(&text);
	rl_buf_free(&path);
	RL_GROW(f->l.rules.v, f->l.rules.n, f->l.rules.cap);
	f->l.rules.v[f->l.rules.n++] = r;
}

static void fx_lint(struct fx *f, const char *text)
{
	if (f->linted)
		rl_result_free(&f->r);
	rl_lint_bytes(&f->l, "cv.md", text, strlen(text), &f->o, &f->r);
	f->linted = 1;
	assert_int_equal(f->r.status, RL_STATUS_OK);
	assert_non_null(f->r.doc);
}

static void fx_fini(struct fx *f)
{
	if (f->linted)
		rl_result_free(&f->r);
	rl_lint_opts_free(&f->o);
	f->l.sections = NULL; /* shared */
	rl_ruleset_free(&f->l.rules);
}

static void dump(const struct rl_result *r)
{
	for (size_t i = 0; i < r->report.n; i++) {
		const struct rl_finding *f = &r->report.v[i];
		struct rl_span_pos p = rl_finding_pos(r, f);
		print_error("  [%zu] %s %s %u:%u-%u:%u \"%s\"\n", i, f->rule->id, rl_severity_name(f->severity),
			    p.line, p.col, p.end_line, p.end_col, f->message);
	}
}

#define ASSERT_NFINDINGS(res, k)                             \
	do {                                                 \
		if ((res)->report.n != (size_t)(k))          \
			dump(res);                           \
		assert_int_equal((res)->report.n, (k));      \
	} while (0)

/* Finding i: rule, severity, span line:col-end_line:end_col, message. */
#define ASSERT_FINDING(res, i, rid, sev, l, c, el, ec, msg)                       \
	do {                                                                      \
		assert_true((size_t)(i) < (res)->report.n);                       \
		const struct rl_finding *f_ = &(res)->report.v[(i)];              \
		struct rl_span_pos p_ = rl_finding_pos((res), f_);                \
		assert_string_equal(f_->rule->id, (rid));                         \
		assert_int_equal(f_->severity, (sev));                            \
		assert_int_equal(p_.line, (l));                                   \
		assert_int_equal(p_.col, (c));                                    \
		assert_int_equal(p_.end_line, (el));                              \
		assert_int_equal(p_.end_col, (ec));                               \
		assert_string_equal(f_->message, (msg));                          \
	} while (0)

#define ASSERT_TEXT(res, i, txt)                                           \
	do {                                                               \
		assert_non_null((res)->report.v[(i)].text);                \
		assert_string_equal((res)->report.v[(i)].text, (txt));     \
	} while (0)

/* ---- the shipped rules, through the whole pipeline ---- */

static void test_shipped_rules(void **state)
{
	(void)state;
	struct rl_linter l;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_linter_init(&l, RL_TEST_RULES_DIR, TABLES_DIR, &d), 0);
	assert_int_equal(d.n, 0);
	struct rl_lint_opts o;
	rl_lint_opts_default(&o);
	rl_lint_opts_override(&o, "no-target", RL_SEV_OFF); /* the fragment names no role */
	struct rl_result r;
	/* contact details and a link on the name line: contact-info and
	 * portfolio-link stay quiet without moving the other lines */
	const char *text = "# Jane Doe, jane@example.com, github.com/jane\n\n## Objective\n\nTo get a job.\n\n## Education\n\n"
			   "B.S. 2019, GPA: 3.8\n\n- Ported it to Python 3.8\n\n## References\n\n"
			   "Available upon request.\n";
	rl_lint_bytes(&l, "cv.md", text, strlen(text), &o, &r);
	assert_int_equal(r.status, RL_STATUS_OK);
	assert_string_equal(r.path, "cv.md");
	assert_string_equal(r.format, "markdown");
	assert_int_equal(r.diags.n, 0);
	ASSERT_NFINDINGS(&r, 4);
	ASSERT_FINDING(&r, 0, "no-objective", RL_SEV_WARNING, 3, 4, 3, 13, "objective statement: \"Objective\"");
	assert_int_equal(r.report.v[0].section, RL_SEC_OBJECTIVE);
	ASSERT_FINDING(&r, 1, "no-gpa", RL_SEV_WARNING, 9, 12, 9, 20, "grade average on the resume: \"GPA: 3.8\"");
	assert_int_equal(r.report.v[1].section, RL_SEC_EDUCATION);
	ASSERT_FINDING(&r, 2, "no-references", RL_SEV_WARNING, 13, 4, 13, 14,
		       "references on the resume: \"References\"");
	ASSERT_FINDING(&r, 3, "no-references", RL_SEV_WARNING, 15, 1, 15, 23,
		       "references on the resume: \"Available upon request\"");
	assert_int_equal(r.report.suppressed, 0);
	rl_result_free(&r);

	/* a clean resume (it says how to reach her and where her work is): nothing */
	text = "# Jane Doe\n\njane@example.com · github.com/jane\n\n## Experience\n\n- Built the billing service\n";
	rl_lint_bytes(&l, "cv.md", text, strlen(text), &o, &r);
	ASSERT_NFINDINGS(&r, 0);
	rl_result_free(&r);

	/* the email only at the end: the check's message quotes it */
	text = "# Jane Doe\n\nBackend engineer · github.com/jane\n\n## Experience\n\n- Built the billing service\n\n"
	       "- Ran the on-call rotation\n\n- Wrote the runbooks\n\n- Cut deploys to minutes\n\n## Education\n\n"
	       "B.Sc., 2015\n\njane@example.com\n";
	rl_lint_bytes(&l, "cv.md", text, strlen(text), &o, &r);
	ASSERT_NFINDINGS(&r, 1);
	ASSERT_FINDING(&r, 0, "contact-info", RL_SEV_ERROR, 19, 1, 19, 17,
		       "\"jane@example.com\" is only at the end of the resume: put it under your name, where the reader "
		       "looks first");
	rl_result_free(&r);
	rl_lint_opts_free(&o);
	rl_linter_fini(&l);
	rl_diags_free(&d);
}

/* ---- pattern rules ---- */

static void test_pattern_positions(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: 'gpa \\d\\.\\d'\nmessage: 'found {match}'\n");
	fx_lint(&f, "# Jane\n\nFirst line\nthen **GPA 3.9** here\n\n- item GPA&#32;3.1\n\n| A | B |\n|---|---|\n| x | gpa 2.5 |\n");
	ASSERT_NFINDINGS(&f.r, 3);
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 4, 8, 4, 15, "found GPA 3.9");
	ASSERT_TEXT(&f.r, 0, "GPA 3.9");
	assert_int_equal(f.r.report.v[0].section, RL_SEC_CONTACT);
	/* a decoded entity inside the match: the span still covers the source */
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 6, 8, 6, 19, "found GPA 3.1");
	ASSERT_FINDING(&f.r, 2, "x", RL_SEV_WARNING, 10, 7, 10, 14, "found gpa 2.5");
	fx_fini(&f);
}

static void test_pattern_list_and_multiline(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern:\n  - 'alpha'\n  - '^beta'\nmessage: '{match}'\n");
	/* '^' is the start of the block's text, not of a source line */
	fx_lint(&f, "beta alpha\nbeta\n\nbeta\n");
	ASSERT_NFINDINGS(&f.r, 3);
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 1, 1, 1, 5, "beta");
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 1, 6, 1, 11, "alpha");
	ASSERT_FINDING(&f.r, 2, "x", RL_SEV_WARNING, 4, 1, 4, 5, "beta");
	fx_fini(&f);
}

static void test_once_per_block(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: ['cbse', 'class xii']\nonce-per-block: true\nmessage: '{match}'\n");
	/* one line, one entry: its first match only; the next block again */
	fx_lint(&f, "Class XII (CBSE), KV Hebbal\n\nCBSE, Class XII\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 1, 1, 1, 10, "Class XII");
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 3, 1, 3, 5, "CBSE");
	fx_fini(&f);
}

static void test_skip_italic(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: '\\bmy\\b'\nskip-italic: true\nmessage: '{match}'\n");
	/* a title in italics is passed over; partly italic is not */
	fx_lint(&f, "- In *My Fair Lady* and my own show\n\n- *In My* way, **my** way\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_TEXT(&f.r, 0, "my");
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 1, 25, 1, 27, "my");
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 3, 18, 3, 20, "my");
	fx_fini(&f);
}

static void test_keywords_word_start(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	/* a block is searched only with a keyword in it; "\b": where a word starts */
	fx_rule(&f, "x", "kind: pattern\npattern: 'age'\nkeywords: ['\\bage']\nmessage: '{match}'\n");
	fx_lint(&f, "- Manage teams\n- Age: 32\n- 5\xc2\xb7" "age 40\n- stage_age\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 2, 3, 2, 6, "Age");
	/* after a byte that is not ASCII, a word may start: the block is searched */
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 3, 5, 3, 8, "age");
	fx_fini(&f);

	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: 'age'\nkeywords: [age]\nmessage: '{match}'\n");
	fx_lint(&f, "- Manage teams\n");
	ASSERT_NFINDINGS(&f.r, 1);
	fx_fini(&f);
}

static void test_bullets_need_words(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "q", "kind: bullets\nblocks: [list-item]\nneed: '\\d'\nneed-words: [Five, dozen]\nmin-bullets: 3\n"
			 "min-share: 1\nmessage: '{value}'\n");
	/* whole words, any case: "five-person" holds five, "fiver" does not */
	fx_lint(&f, "## Experience\n\n- Led a FIVE-person team\n- Cut 3 costs\n- Sold dozens... a dozen\n");
	ASSERT_NFINDINGS(&f.r, 0);
	fx_lint(&f, "## Experience\n\n- Led a fiver team\n- Cut 3 costs\n- Sold dozens\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "q", RL_SEV_WARNING, 1, 4, 1, 14, "1 of 3");
	fx_fini(&f);
}

static void test_unless_overlap(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: '\\d\\.\\d'\nunless: 'python \\d\\.\\d|v\\d'\nmessage: '{match}'\n");
	fx_lint(&f, "Python 3.8 and 3.9 and v2.1 and 1.5\n");
	/* 3.8 overlaps "Python 3.8"; 2.1 overlaps "v2" (only partly); 3.9 and
	 * 1.5 overlap no exception */
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 1, 16, 1, 19, "3.9");
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 1, 33, 1, 36, "1.5");
	fx_fini(&f);

	/* touching is not overlapping */
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: bar\nunless: foo\nmessage: '{match}'\n");
	fx_lint(&f, "foobar\n\nfoo bar\n\nbarfoo\n");
	ASSERT_NFINDINGS(&f.r, 3);
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 1, 4, 1, 7, "bar");
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 3, 5, 3, 8, "bar");
	ASSERT_FINDING(&f.r, 2, "x", RL_SEV_WARNING, 5, 1, 5, 4, "bar");
	fx_fini(&f);

	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: bar\nunless: 'ob|rf'\nmessage: '{match}'\n");
	fx_lint(&f, "foobar\n\nbarfoo\n\nbar\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 5, 1, 5, 4, "bar");
	fx_fini(&f);
}

static void test_scope_and_blocks(void **state)
{
	(void)state;
	const char *text = "# Jane\n\nfoo contact\n\n## Education\n\nfoo para\n\n- foo item\n\n"
			   "## Experience\n\n- foo job\n\n## Foo Heading\n";
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "ed", "kind: pattern\npattern: foo\nscope: education\nmessage: m\n");
	fx_rule(&f, "li", "kind: pattern\npattern: foo\nblocks: list-item\nmessage: m\n");
	fx_rule(&f, "both", "kind: pattern\npattern: foo\nscope: [education, contact]\nblocks: [paragraph]\nmessage: m\n");
	fx_rule(&f, "hd", "kind: pattern\npattern: foo\nblocks: heading\nmessage: m\n");
	fx_lint(&f, text);
	ASSERT_NFINDINGS(&f.r, 7);
	ASSERT_FINDING(&f.r, 0, "both", RL_SEV_WARNING, 3, 1, 3, 4, "m");
	ASSERT_FINDING(&f.r, 1, "both", RL_SEV_WARNING, 7, 1, 7, 4, "m");
	ASSERT_FINDING(&f.r, 2, "ed", RL_SEV_WARNING, 7, 1, 7, 4, "m");
	ASSERT_FINDING(&f.r, 3, "ed", RL_SEV_WARNING, 9, 3, 9, 6, "m");
	ASSERT_FINDING(&f.r, 4, "li", RL_SEV_WARNING, 9, 3, 9, 6, "m");
	ASSERT_FINDING(&f.r, 5, "li", RL_SEV_WARNING, 13, 3, 13, 6, "m");
	ASSERT_FINDING(&f.r, 6, "hd", RL_SEV_WARNING, 15, 4, 15, 7, "m");
	assert_int_equal(f.r.report.v[6].section, RL_SEC_OTHER);
	fx_fini(&f);
}

static void test_meta_blocks_read(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "any", "kind: pattern\npattern: secret\nmessage: '{match}'\n");
	fx_rule(&f, "meta", "kind: pattern\npattern: secret\nblocks: meta\nmessage: '{match}'\n");
	fx_lint(&f, "---\nnote: a secret here\n---\n# Jane\n\nno secret\n");
	ASSERT_NFINDINGS(&f.r, 3);
	ASSERT_FINDING(&f.r, 0, "any", RL_SEV_WARNING, 2, 9, 2, 15, "secret");
	ASSERT_FINDING(&f.r, 1, "meta", RL_SEV_WARNING, 2, 9, 2, 15, "secret");
	ASSERT_FINDING(&f.r, 2, "any", RL_SEV_WARNING, 6, 4, 6, 10, "secret");
	fx_fini(&f);
}

static void test_case_sensitive(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "cs", "kind: pattern\npattern: GPA\ncase-sensitive: true\nmessage: '{match}'\n");
	fx_rule(&f, "ci", "kind: pattern\npattern: GPA\nmessage: '{match}'\n");
	fx_lint(&f, "gpa Gpa GPA \xC3\x89" "cole\n");
	ASSERT_NFINDINGS(&f.r, 4);
	ASSERT_FINDING(&f.r, 0, "ci", RL_SEV_WARNING, 1, 1, 1, 4, "gpa");
	ASSERT_FINDING(&f.r, 1, "ci", RL_SEV_WARNING, 1, 5, 1, 8, "Gpa");
	ASSERT_FINDING(&f.r, 2, "ci", RL_SEV_WARNING, 1, 9, 1, 12, "GPA");
	ASSERT_FINDING(&f.r, 3, "cs", RL_SEV_WARNING, 1, 9, 1, 12, "GPA");
	fx_fini(&f);

	/* caseless matching knows more than ASCII */
	fx_init(&f);
	fx_rule(&f, "ci", "kind: pattern\npattern: '\xC3\xA9\x63ole'\nmessage: '{match}'\n");
	fx_lint(&f, "at \xC3\x89\x43OLE now\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "ci", RL_SEV_WARNING, 1, 4, 1, 9, "\xC3\x89\x43OLE");
	fx_fini(&f);
}

/* ---- messages ---- */

static void test_message_placeholders(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: 'z+'\n"
		"message: '[{match}] in {section}; {value}{limit} {unknown} {match'\n");
	fx_lint(&f, "# Jane\n\n## Education\n\nzzz\n");
	ASSERT_NFINDINGS(&f.r, 1);
	/* {value} and {limit} are empty for a pattern rule; others are kept */
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 5, 1, 5, 4, "[zzz] in education;  {unknown} {match");
	fx_fini(&f);
}

static void test_message_match_truncated(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "x", "kind: pattern\npattern: '[a-z\xC3\xA9]+'\nmessage: '<{match}>'\n");
	char text[300];
	/* 60 characters: whole; 61: 60 and an ellipsis; multibyte counts as one */
	memset(text, 'a', 60);
	strcpy(text + 60, "\n\n");
	size_t k = strlen(text);
	memset(text + k, 'b', 61);
	strcpy(text + k + 61, "\n\n");
	k = strlen(text);
	for (int i = 0; i < 61; i++)
		memcpy(text + k + 2 * i, "\xC3\xA9", 2);
	strcpy(text + k + 122, "\n");
	fx_lint(&f, text);
	ASSERT_NFINDINGS(&f.r, 3);
	char want[300];
	memset(want, 0, sizeof want);
	want[0] = '<';
	memset(want + 1, 'a', 60);
	strcat(want, ">");
	ASSERT_FINDING(&f.r, 0, "x", RL_SEV_WARNING, 1, 1, 1, 61, want);
	assert_int_equal(strlen(f.r.report.v[0].text), 60);
	memset(want, 0, sizeof want);
	want[0] = '<';
	memset(want + 1, 'b', 60);
	strcat(want, "\xE2\x80\xA6>");
	ASSERT_FINDING(&f.r, 1, "x", RL_SEV_WARNING, 3, 1, 3, 62, want);
	assert_int_equal(strlen(f.r.report.v[1].text), 61); /* the text itself is whole */
	memset(want, 0, sizeof want);
	want[0] = '<';
	for (int i = 0; i < 60; i++)
		memcpy(want + 1 + 2 * i, "\xC3\xA9", 2);
	strcat(want, "\xE2\x80\xA6>");
	ASSERT_FINDING(&f.r, 2, "x", RL_SEV_WARNING, 5, 1, 5, 62, want);
	fx_fini(&f);
}

/* ---- section rules ---- */

static void test_section_absent(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "no-obj", "kind: section\nsection: objective\nmessage: '{section}: {match}'\n");
	fx_lint(&f, "# Jane\n\n## Career Objective\n\nTo get a job.\n\n## Skills\n\nC\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "no-obj", RL_SEV_WARNING, 3, 4, 3, 20, "objective: Career Objective");
	ASSERT_TEXT(&f.r, 0, "Career Objective");
	assert_int_equal(f.r.report.v[0].section, RL_SEC_OBJECTIVE);
	fx_lint(&f, "# Jane\n\n## Skills\n\nObjective: none\n");
	ASSERT_NFINDINGS(&f.r, 0);
	/* two such sections: two findings */
	fx_lint(&f, "# Jane\n\n## Objective\n\nx\n\n## Objectives\n\ny\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "no-obj", RL_SEV_WARNING, 3, 4, 3, 13, "objective: Objective");
	ASSERT_FINDING(&f.r, 1, "no-obj", RL_SEV_WARNING, 7, 4, 7, 14, "objective: Objectives");
	fx_fini(&f);
}

static void test_section_absent_with_pattern(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "no-obj", "kind: section\nsection: objective\npattern: '^objective:'\nmessage: '{match}'\n");
	fx_lint(&f, "# Jane\n\nObjective: a job\n\n## Skills\n\n- objective: x\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "no-obj", RL_SEV_WARNING, 3, 1, 3, 11, "Objective:");
	assert_int_equal(f.r.report.v[0].section, RL_SEC_CONTACT);
	ASSERT_FINDING(&f.r, 1, "no-obj", RL_SEV_WARNING, 7, 3, 7, 13, "objective:");
	assert_int_equal(f.r.report.v[1].section, RL_SEC_SKILLS);
	/* a heading its pattern matches as well is reported once */
	fx_lint(&f, "# Jane\n\n## Objective:\n\nTo get a job.\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "no-obj", RL_SEV_WARNING, 3, 4, 3, 14, "Objective:");
	fx_fini(&f);
}

static void test_section_present(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "need-skills", "kind: section\nsection: skills\nexpect: present\npattern: '^skills:'\n"
		"message: 'no {section} section ({match})'\n");
	fx_lint(&f, "# Jane\n\n## Experience\n\n- Built things\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "need-skills", RL_SEV_WARNING, 1, 1, 1, 1, "no document section ()");
	assert_int_equal(f.r.report.v[0].start, 0);
	assert_int_equal(f.r.report.v[0].end, 0);
	assert_int_equal(f.r.report.v[0].section, -1);
	assert_null(f.r.report.v[0].text);
	fx_lint(&f, "# Jane\n\n## Technical Skills\n\n- C\n");
	ASSERT_NFINDINGS(&f.r, 0);
	/* a line standing in for the section counts as present */
	fx_lint(&f, "# Jane\n\nSkills: C, Go\n");
	ASSERT_NFINDINGS(&f.r, 0);
	/* an empty file is an input error, not a resume without sections */
	rl_result_free(&f.r);
	rl_lint_bytes(&f.l, "cv.md", "", 0, &f.o, &f.r);
	assert_int_equal(f.r.status, RL_STATUS_ERROR);
	assert_string_equal(f.r.error, "no text to check: the file is empty");
	fx_fini(&f);
}

/* ---- limit rules ---- */

static void test_limit_words(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "too-long", "kind: limit\nmetric: words\nmax: 5\nmessage: '{value} words, over {limit}: {match}'\n");
	fx_lint(&f, "---\nname: many words in the front matter\n---\n# Jane Doe\n\none two\n\n- three four five six\n\nseven\n");
	ASSERT_NFINDINGS(&f.r, 1);
	/* the block where the count passes 5: front matter does not count */
	ASSERT_FINDING(&f.r, 0, "too-long", RL_SEV_WARNING, 8, 3, 8, 22, "9 words, over 5: three four five six");
	assert_int_equal(f.r.report.v[0].section, RL_SEC_CONTACT);
	fx_lint(&f, "# Jane\n\none two three four\n");
	ASSERT_NFINDINGS(&f.r, 0);
	fx_fini(&f);

	fx_init(&f);
	fx_rule(&f, "too-short", "kind: limit\nmetric: words\nmin: 20.5\nmessage: 'only {value} words (at least {limit}) {section}'\n");
	fx_lint(&f, "# Jane\n\none two three\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "too-short", RL_SEV_WARNING, 1, 1, 1, 1, "only 4 words (at least 20.5) document");
	assert_null(f.r.report.v[0].text);
	fx_fini(&f);
}

static void test_limit_pages(void **state)
{
	(void)state;
	struct rl_buf text;
	rl_buf_init(&text);
	rl_buf_adds(&text, "# Jane\n\n");
	for (int i = 0; i < 40; i++)
		rl_buf_addf(&text, "Paragraph %d takes a line of the page and a little more room than one line would "
				   "when it runs on like this.\n\n", i);
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "pages", "kind: limit\nmetric: pages\nmax: max-pages\nmessage: 'about {value} pages; the limit is {limit}'\n");
	fx_lint(&f, text.data);
	const struct rl_pages *p = &f.r.report.pages;
	assert_true(p->estimate > 2.0 && p->estimate < 3.0);
	assert_int_equal(p->limit, 1);
	assert_true(p->has_overflow);
	ASSERT_NFINDINGS(&f.r, 1);
	char want[100];
	snprintf(want, sizeof want, "about %.2f pages; the limit is 1", p->estimate);
	/* the finding is the first laid-out line past the limit */
	const struct rl_block *ob = &f.r.doc->blocks[p->overflow_block];
	struct rl_pos a = rl_source_pos(f.r.doc->src, p->overflow_off), z = rl_source_pos(f.r.doc->src, p->overflow_end);
	ASSERT_FINDING(&f.r, 0, "pages", RL_SEV_WARNING, a.line, a.col, z.line, z.col, want);
	assert_int_equal(f.r.report.v[0].start, p->overflow_off);
	assert_true(p->overflow_t1 > p->overflow_t0 && p->overflow_t1 <= ob->text_len);
	char *line = rl_xstrndup(ob->text + p->overflow_t0, p->overflow_t1 - p->overflow_t0);
	ASSERT_TEXT(&f.r, 0, line);
	free(line);

	f.o.max_pages = 2;
	fx_lint(&f, text.data);
	ASSERT_NFINDINGS(&f.r, 1);
	snprintf(want, sizeof want, "about %.2f pages; the limit is 2", f.r.report.pages.estimate);
	assert_string_equal(f.r.report.v[0].message, want);

	f.o.max_pages = 3;
	fx_lint(&f, text.data);
	ASSERT_NFINDINGS(&f.r, 0);
	assert_false(f.r.report.pages.has_overflow);
	fx_fini(&f);
	rl_buf_free(&text);
}

/* ---- severities ---- */

static void test_severity_overrides(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "a", "kind: pattern\npattern: foo\nseverity: info\nmessage: a\n");
	fx_rule(&f, "b", "kind: pattern\npattern: foo\nmessage: b\n");
	fx_rule(&f, "c", "kind: pattern\npattern: foo\nseverity: off\nmessage: c\n");
	fx_lint(&f, "foo\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "a", RL_SEV_INFO, 1, 1, 1, 4, "a");
	ASSERT_FINDING(&f.r, 1, "b", RL_SEV_WARNING, 1, 1, 1, 4, "b");

	rl_lint_opts_override(&f.o, "a", RL_SEV_WARNING);
	rl_lint_opts_override(&f.o, "b", RL_SEV_OFF);
	rl_lint_opts_override(&f.o, "c", RL_SEV_INFO);
	rl_lint_opts_override(&f.o, "a", RL_SEV_ERROR); /* the later one wins */
	rl_lint_opts_override(&f.o, "nonexistent", RL_SEV_ERROR);
	fx_lint(&f, "foo\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "a", RL_SEV_ERROR, 1, 1, 1, 4, "a");
	ASSERT_FINDING(&f.r, 1, "c", RL_SEV_INFO, 1, 1, 1, 4, "c");
	size_t counts[4];
	rl_report_count(&f.r.report, counts);
	assert_int_equal(counts[RL_SEV_ERROR], 1);
	assert_int_equal(counts[RL_SEV_WARNING], 0);
	assert_int_equal(counts[RL_SEV_INFO], 1);

	/* only_rule runs one rule, even one that is off, at least as a warning */
	rl_lint_opts_free(&f.o);
	rl_lint_opts_default(&f.o);
	f.o.only_rule = "c";
	fx_lint(&f, "foo\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "c", RL_SEV_WARNING, 1, 1, 1, 4, "c");
	f.o.only_rule = NULL;
	fx_fini(&f);
}

/* ---- the per-rule cap ---- */

static void lint_n_matches(struct fx *f, int n)
{
	struct rl_buf text;
	rl_buf_init(&text);
	rl_buf_adds(&text, "# Jane\n\n");
	for (int i = 0; i < n; i++)
		rl_buf_addf(&text, "- hit %d\n", i);
	fx_lint(f, text.data);
	rl_buf_free(&text);
}

static void test_findings_cap(void **state)
{
	(void)state;
	assert_int_equal(RL_MAX_FINDINGS_PER_RULE, 20);
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "hit", "kind: pattern\npattern: 'hit \\d+'\nseverity: error\nmessage: '{match}'\n");
	fx_rule(&f, "other", "kind: pattern\npattern: 'hit 1\\b'\nmessage: '{match}'\n");

	lint_n_matches(&f, 20);
	ASSERT_NFINDINGS(&f.r, 21);
	ASSERT_FINDING(&f.r, 20, "hit", RL_SEV_ERROR, 22, 3, 22, 9, "hit 19");

	lint_n_matches(&f, 21);
	ASSERT_NFINDINGS(&f.r, 22);
	ASSERT_FINDING(&f.r, 20, "hit", RL_SEV_ERROR, 22, 3, 22, 9, "hit 19");
	ASSERT_FINDING(&f.r, 21, "hit", RL_SEV_ERROR, 23, 3, 23, 3,
		       "1 more finding of this rule not shown (at most 20 per file)");
	assert_null(f.r.report.v[21].text);
	assert_int_equal(f.r.report.v[21].section, -1);

	lint_n_matches(&f, 50);
	ASSERT_NFINDINGS(&f.r, 22); /* 20 + the summary + one of the other rule */
	ASSERT_FINDING(&f.r, 0, "hit", RL_SEV_ERROR, 3, 3, 3, 8, "hit 0");
	ASSERT_FINDING(&f.r, 1, "hit", RL_SEV_ERROR, 4, 3, 4, 8, "hit 1");
	ASSERT_FINDING(&f.r, 2, "other", RL_SEV_WARNING, 4, 3, 4, 8, "hit 1");
	ASSERT_FINDING(&f.r, 21, "hit", RL_SEV_ERROR, 23, 3, 23, 3,
		       "30 more findings of this rule not shown (at most 20 per file)");
	fx_fini(&f);
}

/* ---- order ---- */

static void test_findings_sorted(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "zeta", "kind: pattern\npattern: '\\bb\\w*'\nmessage: '{match}'\n");
	fx_rule(&f, "alpha", "kind: pattern\npattern: '\\bc\\w*|bee'\nmessage: '{match}'\n");
	fx_rule(&f, "mid", "kind: pattern\npattern: '\\ba\\w*|bees'\nmessage: '{match}'\n");
	fx_lint(&f, "cat bees apple\n\nbat\n");
	ASSERT_NFINDINGS(&f.r, 6);
	ASSERT_FINDING(&f.r, 0, "alpha", RL_SEV_WARNING, 1, 1, 1, 4, "cat");
	/* same start: by rule id */
	ASSERT_FINDING(&f.r, 1, "alpha", RL_SEV_WARNING, 1, 5, 1, 8, "bee");
	ASSERT_FINDING(&f.r, 2, "mid", RL_SEV_WARNING, 1, 5, 1, 9, "bees");
	ASSERT_FINDING(&f.r, 3, "zeta", RL_SEV_WARNING, 1, 5, 1, 9, "bees");
	ASSERT_FINDING(&f.r, 4, "mid", RL_SEV_WARNING, 1, 10, 1, 15, "apple");
	ASSERT_FINDING(&f.r, 5, "zeta", RL_SEV_WARNING, 3, 1, 3, 4, "bat");
	for (size_t i = 1; i < f.r.report.n; i++)
		assert_true(f.r.report.v[i - 1].start <= f.r.report.v[i].start);
	fx_fini(&f);
}

/* ---- inline suppressions ---- */

static void suppress_fixture(struct fx *f)
{
	fx_init(f);
	fx_rule(f, "ra", "kind: pattern\npattern: '\\bAA\\b'\nmessage: '{match}'\n");
	fx_rule(f, "rb", "kind: pattern\npattern: '\\bBB\\b'\nmessage: '{match}'\n");
}

static void test_suppress_next_line(void **state)
{
	(void)state;
	struct fx f;
	suppress_fixture(&f);
	fx_lint(&f, "<!-- resumelint-disable-next-line ra -->\nAA BB\nAA BB\n");
	ASSERT_NFINDINGS(&f.r, 3);
	ASSERT_FINDING(&f.r, 0, "rb", RL_SEV_WARNING, 2, 4, 2, 6, "BB");
	ASSERT_FINDING(&f.r, 1, "ra", RL_SEV_WARNING, 3, 1, 3, 3, "AA");
	ASSERT_FINDING(&f.r, 2, "rb", RL_SEV_WARNING, 3, 4, 3, 6, "BB");
	assert_int_equal(f.r.report.suppressed, 1);
	assert_int_equal(f.r.diags.n, 0);

	/* no id: every rule; a multi-line comment: the line after its end */
	fx_lint(&f, "<!--\nresumelint-disable-next-line\n-->\nAA BB\n\nAA\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "ra", RL_SEV_WARNING, 6, 1, 6, 3, "AA");
	assert_int_equal(f.r.report.suppressed, 2);
	fx_fini(&f);
}

static void test_suppress_line(void **state)
{
	(void)state;
	struct fx f;
	suppress_fixture(&f);
	fx_lint(&f, "- AA BB <!-- resumelint-disable-line rb -->\n- AA BB\n\nAA <!-- resumelint-disable-line -->\n");
	ASSERT_NFINDINGS(&f.r, 3);
	ASSERT_FINDING(&f.r, 0, "ra", RL_SEV_WARNING, 1, 3, 1, 5, "AA");
	ASSERT_FINDING(&f.r, 1, "ra", RL_SEV_WARNING, 2, 3, 2, 5, "AA");
	ASSERT_FINDING(&f.r, 2, "rb", RL_SEV_WARNING, 2, 6, 2, 8, "BB");
	assert_int_equal(f.r.report.suppressed, 2);
	fx_fini(&f);
}

static void test_suppress_ranges(void **state)
{
	(void)state;
	struct fx f;
	suppress_fixture(&f);
	fx_lint(&f, "AA BB\n\n"
		    "<!-- resumelint-disable ra -->\n\n"
		    "AA BB\n\n"
		    "<!-- resumelint-enable ra -->\n\n"
		    "AA BB\n\n"
		    "<!-- resumelint-disable -->\n\n"
		    "AA BB\n\n"
		    "<!-- resumelint-enable rb -->\n\n"
		    "AA BB\n\n"
		    "<!-- resumelint-enable -->\n\n"
		    "AA BB\n");
	ASSERT_NFINDINGS(&f.r, 8);
	ASSERT_FINDING(&f.r, 0, "ra", RL_SEV_WARNING, 1, 1, 1, 3, "AA");
	ASSERT_FINDING(&f.r, 1, "rb", RL_SEV_WARNING, 1, 4, 1, 6, "BB");
	ASSERT_FINDING(&f.r, 2, "rb", RL_SEV_WARNING, 5, 4, 5, 6, "BB");
	ASSERT_FINDING(&f.r, 3, "ra", RL_SEV_WARNING, 9, 1, 9, 3, "AA");
	ASSERT_FINDING(&f.r, 4, "rb", RL_SEV_WARNING, 9, 4, 9, 6, "BB");
	/* everything off at 13; rb back on at 17 */
	ASSERT_FINDING(&f.r, 5, "rb", RL_SEV_WARNING, 17, 4, 17, 6, "BB");
	ASSERT_FINDING(&f.r, 6, "ra", RL_SEV_WARNING, 21, 1, 21, 3, "AA");
	ASSERT_FINDING(&f.r, 7, "rb", RL_SEV_WARNING, 21, 4, 21, 6, "BB");
	assert_int_equal(f.r.report.suppressed, 4);
	assert_int_equal(f.r.diags.n, 0);

	/* a range never closed runs to the end */
	fx_lint(&f, "AA\n\n<!-- resumelint-disable rb -->\n\nAA BB\n\nBB\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 1, "ra", RL_SEV_WARNING, 5, 1, 5, 3, "AA");
	assert_int_equal(f.r.report.suppressed, 2);
	fx_fini(&f);
}

static void test_suppress_file_and_lists(void **state)
{
	(void)state;
	struct fx f;
	suppress_fixture(&f);
	fx_rule(&f, "rc", "kind: pattern\npattern: '\\bCC\\b'\nmessage: '{match}'\n");
	fx_lint(&f, "AA BB CC\n\n<!-- resumelint-disable-file rb -->\n\nAA BB CC\n");
	ASSERT_NFINDINGS(&f.r, 4);
	ASSERT_FINDING(&f.r, 0, "ra", RL_SEV_WARNING, 1, 1, 1, 3, "AA");
	ASSERT_FINDING(&f.r, 1, "rc", RL_SEV_WARNING, 1, 7, 1, 9, "CC");
	assert_int_equal(f.r.report.suppressed, 2);

	/* ids separated by commas, with or without spaces */
	fx_lint(&f, "<!-- resumelint-disable-file ra,rc -->\nAA BB CC\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "rb", RL_SEV_WARNING, 2, 4, 2, 6, "BB");
	assert_int_equal(f.r.diags.n, 0);
	fx_lint(&f, "<!-- resumelint-disable-next-line rb, rc -->\nAA BB CC\n");
	ASSERT_NFINDINGS(&f.r, 1);
	ASSERT_FINDING(&f.r, 0, "ra", RL_SEV_WARNING, 2, 1, 2, 3, "AA");
	assert_int_equal(f.r.report.suppressed, 2);
	fx_lint(&f, "<!-- resumelint-disable-file -->\nAA BB CC\n");
	ASSERT_NFINDINGS(&f.r, 0);
	assert_int_equal(f.r.report.suppressed, 3);
	fx_fini(&f);
}

static void test_suppress_warnings(void **state)
{
	(void)state;
	struct fx f;
	suppress_fixture(&f);
	fx_lint(&f, "# Jane\n\n<!-- resumelint-disable-next-line ra, nope -->\nAA BB\n\n"
		    "text <!-- resumelint-disable-everything -->\n\n<!-- an ordinary comment -->\n\nAA\n");
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "rb", RL_SEV_WARNING, 4, 4, 4, 6, "BB");
	ASSERT_FINDING(&f.r, 1, "ra", RL_SEV_WARNING, 10, 1, 10, 3, "AA");
	assert_int_equal(f.r.report.suppressed, 1);
	assert_int_equal(f.r.diags.n, 2);
	assert_int_equal(f.r.diags.errors, 0);
	char *m = rl_diag_format(&f.r.diags.v[0]);
	assert_string_equal(m, "cv.md:3:1: unknown rule 'nope' in a suppression comment");
	free(m);
	assert_int_equal(f.r.diags.v[0].level, RL_DIAG_WARNING);
	m = rl_diag_format(&f.r.diags.v[1]);
	assert_string_equal(m, "cv.md:6:6: unknown suppression comment 'resumelint-disable-everything' (expected "
			       "resumelint-disable, -enable, -disable-line, -disable-next-line or -disable-file)");
	free(m);
	assert_int_equal(f.r.diags.v[1].level, RL_DIAG_WARNING);
	fx_fini(&f);
}

static void test_suppress_before_cap(void **state)
{
	(void)state;
	/* suppressed findings must not use up the per-rule cap: the matches
	 * after the disabled range are still reported */
	struct fx f;
	fx_init(&f);
	fx_rule(&f, "hit", "kind: pattern\npattern: 'hit \\d+'\nmessage: '{match}'\n");
	struct rl_buf text;
	rl_buf_init(&text);
	rl_buf_adds(&text, "<!-- resumelint-disable hit -->\n\n");
	for (int i = 0; i < 25; i++)
		rl_buf_addf(&text, "- hit %d\n", i);
	rl_buf_adds(&text, "\n<!-- resumelint-enable hit -->\n\n- hit 100\n- hit 101\n");
	fx_lint(&f, text.data);
	ASSERT_NFINDINGS(&f.r, 2);
	ASSERT_FINDING(&f.r, 0, "hit", RL_SEV_WARNING, 31, 3, 31, 10, "hit 100");
	ASSERT_FINDING(&f.r, 1, "hit", RL_SEV_WARNING, 32, 3, 32, 10, "hit 101");
	assert_int_equal(f.r.report.suppressed, 25);
	rl_buf_free(&text);
	fx_fini(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_rules),
		cmocka_unit_test(test_pattern_positions),
		cmocka_unit_test(test_pattern_list_and_multiline),
		cmocka_unit_test(test_once_per_block),
		cmocka_unit_test(test_skip_italic),
		cmocka_unit_test(test_keywords_word_start),
		cmocka_unit_test(test_bullets_need_words),
		cmocka_unit_test(test_unless_overlap),
		cmocka_unit_test(test_scope_and_blocks),
		cmocka_unit_test(test_meta_blocks_read),
		cmocka_unit_test(test_case_sensitive),
		cmocka_unit_test(test_message_placeholders),
		cmocka_unit_test(test_message_match_truncated),
		cmocka_unit_test(test_section_absent),
		cmocka_unit_test(test_section_absent_with_pattern),
		cmocka_unit_test(test_section_present),
		cmocka_unit_test(test_limit_words),
		cmocka_unit_test(test_limit_pages),
		cmocka_unit_test(test_severity_overrides),
		cmocka_unit_test(test_findings_cap),
		cmocka_unit_test(test_findings_sorted),
		cmocka_unit_test(test_suppress_next_line),
		cmocka_unit_test(test_suppress_line),
		cmocka_unit_test(test_suppress_ranges),
		cmocka_unit_test(test_suppress_file_and_lists),
		cmocka_unit_test(test_suppress_warnings),
		cmocka_unit_test(test_suppress_before_cap),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
