/* Pandoc's Markdown as resume authors write it: definition lists, heading
 * attributes, fenced divs, bracketed spans, line blocks, YAML blocks, title
 * blocks, \newpage and raw HTML, each with exact source positions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "engine.h"
#include "lint.h"
#include "reader.h"
#include "source.h"

static struct rl_doc *md_opts(const char *text, int commonmark)
{
	struct rl_diags d;
	struct rl_read_opts o = { commonmark };
	rl_diags_init(&d);
	struct rl_doc *doc = rl_read("cv.md", text, strlen(text), &o, &d);
	assert_non_null(doc);
	assert_int_equal(d.n, 0);
	rl_diags_free(&d);
	return doc;
}

static struct rl_doc *md(const char *text)
{
	return md_opts(text, 0);
}

#define ASSERT_POS(doc, off, l, c)                                     \
	do {                                                           \
		struct rl_pos pos_ = rl_source_pos((doc)->src, (off)); \
		assert_int_equal(pos_.line, (l));                      \
		assert_int_equal(pos_.col, (c));                       \
	} while (0)

#define ASSERT_BLOCK(doc, i, k, txt)                                   \
	do {                                                           \
		assert_true((i) < (doc)->nblocks);                     \
		assert_int_equal((doc)->blocks[(i)].kind, (k));        \
		assert_string_equal((doc)->blocks[(i)].text, (txt));   \
	} while (0)

/* needle's first occurrence in block i maps to the same source bytes at l:c */
#define ASSERT_SUB(doc, i, needle, l, c)                                             \
	do {                                                                         \
		const struct rl_block *b_ = &(doc)->blocks[(i)];                     \
		const char *p_ = strstr(b_->text, (needle));                         \
		assert_non_null(p_);                                                 \
		size_t t0_ = (size_t)(p_ - b_->text), n_ = strlen(needle), s_, e_;   \
		rl_block_span(b_, t0_, t0_ + n_, &s_, &e_);                          \
		assert_int_equal(e_ - s_, n_);                                       \
		assert_memory_equal((doc)->src->bytes + s_, (needle), n_);           \
		ASSERT_POS((doc), s_, (l), (c));                                     \
	} while (0)

static void test_definition_list(void **state)
{
	(void)state;
	struct rl_doc *doc = md("## Education\n"
				"\n"
				"2019-2020\n"
				":   **MS, Computer Science**; Missouri State\n"
				"\n"
				"    *Thesis: Deep Learning for\n"
				"     IoT Networks*\n"
				"\n"
				"    - nested bullet, GPA 3.9\n"
				"\n"
				"Back-End\n"
				":   Java\n"
				":   Ruby\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, "Education");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_TERM, "2019-2020");
	ASSERT_POS(doc, doc->blocks[1].start, 3, 1);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_DEFINITION, "MS, Computer Science; Missouri State");
	ASSERT_SUB(doc, 2, "Missouri", 4, 31);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_DEFINITION, "Thesis: Deep Learning for IoT Networks");
	assert_int_equal(doc->blocks[3].flags & RL_BF_CONTINUATION, RL_BF_CONTINUATION);
	/* the de-indented continuation still maps to its own line */
	ASSERT_SUB(doc, 3, "IoT", 7, 6);
	ASSERT_BLOCK(doc, 4, RL_BLOCK_LIST_ITEM, "nested bullet, GPA 3.9");
	ASSERT_SUB(doc, 4, "GPA 3.9", 9, 22);
	ASSERT_BLOCK(doc, 5, RL_BLOCK_TERM, "Back-End");
	ASSERT_BLOCK(doc, 6, RL_BLOCK_DEFINITION, "Java");
	ASSERT_SUB(doc, 6, "Java", 12, 5);
	ASSERT_BLOCK(doc, 7, RL_BLOCK_DEFINITION, "Ruby");
	ASSERT_SUB(doc, 7, "Ruby", 13, 5);
	assert_int_equal(doc->nblocks, 8);
	rl_doc_free(doc);
}

static void test_list_under_paragraph_line(void **state)
{
	(void)state;
	const char *text = "**Acme** — Engineer\n- Built the billing service\n- Ran on-call\n\n- A real list\n";
	/* pandoc prints the lines as the paragraph's text: they are the
	 * bullets GitHub shows to the rules, flagged for page fit to lay out
	 * as pandoc does, and the reader says so once, at the first of them */
	struct rl_diags d;
	struct rl_read_opts o = { 0 };
	rl_diags_init(&d);
	struct rl_doc *doc = rl_read("cv.md", text, strlen(text), &o, &d);
	assert_non_null(doc);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "Acme — Engineer");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, "Built the billing service");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, "Ran on-call");
	ASSERT_BLOCK(doc, 3, RL_BLOCK_LIST_ITEM, "A real list");
	assert_true(doc->blocks[1].flags & RL_BF_LAZY);
	assert_true(doc->blocks[2].flags & RL_BF_LAZY);
	assert_false(doc->blocks[3].flags & RL_BF_LAZY);
	assert_int_equal(doc->diags.n, 1);
	assert_int_equal(doc->diags.v[0].level, RL_DIAG_WARNING);
	assert_int_equal(doc->diags.v[0].line, 2);
	assert_int_equal(doc->diags.v[0].col, 1);
	assert_non_null(strstr(doc->diags.v[0].message, "2 list lines right under a paragraph line"));
	rl_doc_free(doc);
	rl_diags_free(&d);
	/* a lone "-" underlines a heading; an ordered list from 2 interrupts
	 * no paragraph on GitHub either: no warning */
	rl_diags_init(&d);
	doc = rl_read("cv.md", "Title\n-\n\ntext\n2. Led\n", 20, &o, &d);
	assert_non_null(doc);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, "Title");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, "text 2. Led");
	assert_int_equal(doc->diags.n, 0);
	rl_doc_free(doc);
	rl_diags_free(&d);
	/* CommonMark: a list interrupts the paragraph, and nothing is said */
	doc = md_opts(text, 1);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "Acme — Engineer");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, "Built the billing service");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, "Ran on-call");
	assert_false(doc->blocks[1].flags & RL_BF_LAZY);
	assert_int_equal(doc->diags.n, 0);
	rl_doc_free(doc);
}

static void test_definition_list_lazy_and_loose(void **state)
{
	(void)state;
	/* a line right after a definition continues it (as pandoc reads it);
	 * a term with a blank line before its definition is a loose item */
	struct rl_doc *doc = md("Term1\n:   def1\nlazy line\n\nTerm2\n\n:   def2\n\nAfter\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_TERM, "Term1");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_DEFINITION, "def1 lazy line");
	ASSERT_SUB(doc, 1, "lazy", 3, 1);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_TERM, "Term2");
	ASSERT_BLOCK(doc, 3, RL_BLOCK_DEFINITION, "def2");
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, "After");
	rl_doc_free(doc);
}

static void test_not_a_definition_list(void **state)
{
	(void)state;
	/* a term needs a block break before it; ":text" is no marker; code is code */
	struct rl_doc *doc = md("para line\nTerm\n:   def\n\n```\nT\n:   d\n```\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "para line Term :   def");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_CODE, "T\n:   d");
	assert_int_equal(doc->nblocks, 2);
	rl_doc_free(doc);
	/* commonmark: no definition lists */
	doc = md_opts("Term\n:   def\n", 1);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "Term :   def");
	rl_doc_free(doc);
}

static void test_heading_attributes(void **state)
{
	(void)state;
	struct rl_doc *doc = md("# Experience {#exp .unnumbered}\n\nSkills {.x}\n------\n\n# Set {not attrs}\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, "Experience");
	assert_int_equal(doc->blocks[0].end - doc->blocks[0].start, strlen("Experience"));
	ASSERT_BLOCK(doc, 1, RL_BLOCK_HEADING, "Skills");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, "Set {not attrs}");
	rl_doc_free(doc);
}

static void test_bracketed_span(void **state)
{
	(void)state;
	struct rl_doc *doc = md("[Jane Doe]{.smallcaps} and [a link](http://x) [kept]\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "Jane Doe and a link [kept]");
	ASSERT_SUB(doc, 0, "Doe", 1, 7);
	ASSERT_SUB(doc, 0, "and", 1, 24);
	rl_doc_free(doc);
}

static void test_fenced_div(void **state)
{
	(void)state;
	struct rl_doc *doc = md("::: {.columns}\nInside the div, GPA 3.8\n:::\n\n::::: note\n- item\n:::::\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "Inside the div, GPA 3.8");
	ASSERT_SUB(doc, 0, "GPA", 2, 17);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, "item");
	assert_int_equal(doc->nblocks, 2);
	rl_doc_free(doc);
}

static void test_line_block(void **state)
{
	(void)state;
	struct rl_doc *doc = md("| Go, *Python*\n| Kubernetes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "Go, Python");
	ASSERT_SUB(doc, 0, "Python", 1, 8);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, "Kubernetes");
	/* a pipe table stays a table */
	ASSERT_BLOCK(doc, 2, RL_BLOCK_TABLE_CELL, "a");
	rl_doc_free(doc);
}

static void test_yaml_block_and_title_block(void **state)
{
	(void)state;
	struct rl_doc *doc = md("% Jane Doe\n% Engineer\n\n# Jane\n\n---\nemail: j@example.com\n---\n\ntext\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_META, "title: Jane Doe");
	ASSERT_SUB(doc, 0, "Jane Doe", 1, 3);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_META, "author: Engineer");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, "Jane");
	ASSERT_BLOCK(doc, 3, RL_BLOCK_META, "email: j@example.com");
	ASSERT_SUB(doc, 3, "j@example.com", 7, 8);
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, "text");
	assert_int_equal(doc->nmeta, 3);
	rl_doc_free(doc);
	/* rules with text between them are Markdown, not metadata */
	doc = md("a\n\n---\nJust words\n---\n");
	assert_int_equal(doc->nmeta, 0);
	rl_doc_free(doc);
}

static void test_newpage(void **state)
{
	(void)state;
	struct rl_doc *doc = md("one\n\n\\newpage\n\ntwo\n\n\\vspace{2em}\n\nthree\n");
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, "two");
	assert_int_equal(doc->blocks[1].flags & RL_BF_PAGE_BREAK_BEFORE, RL_BF_PAGE_BREAK_BEFORE);
	assert_int_equal(doc->blocks[2].flags & RL_BF_PAGE_BREAK_BEFORE, 0);
	rl_doc_free(doc);
}

static void test_raw_html(void **state)
{
	(void)state;
	struct rl_doc *doc = md("<div align=\"center\">\n"
				"**Jane** · <jane@example.com><br>\n"
				"<img src=\"me.jpg\" alt=\"Jane\" width=\"90\">\n"
				"<style>p { color: red }</style>\n"
				"</div>\n"
				"\n"
				"Inline <span class=\"x\">kept</span> and<br/>broken, GPA <b>3.9</b>\n"
				"\n"
				"<h2>Experience</h2>\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, "Jane · jane@example.com");
	ASSERT_SUB(doc, 0, "jane@example.com", 2, 13);
	assert_int_equal(doc->nimages, 1);
	assert_string_equal(doc->images[0].src, "me.jpg");
	assert_string_equal(doc->images[0].alt, "Jane");
	ASSERT_POS(doc, doc->images[0].start, 3, 1);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, "Inline kept and\nbroken, GPA 3.9");
	ASSERT_SUB(doc, 1, "kept", 7, 24);
	ASSERT_SUB(doc, 1, "3.9", 7, 59);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, "Experience");
	assert_int_equal(doc->blocks[2].level, 2);
	assert_int_equal(doc->nblocks, 3);
	rl_doc_free(doc);
}

/* A finding inside a definition points at its text (the acceptance test). */
static void test_finding_in_definition(void **state)
{
	(void)state;
	struct rl_linter l;
	struct rl_diags d;
	struct rl_lint_opts opts;
	struct rl_result r;
	rl_diags_init(&d);
	assert_int_equal(rl_linter_init(&l, RL_TEST_RULES_DIR, RL_TEST_RULES_DIR "/tables", &d), 0);
	rl_lint_opts_default(&opts);
	/* a fragment: no contact details, no links */
	rl_lint_opts_override(&opts, "contact-info", RL_SEV_OFF);
	rl_lint_opts_override(&opts, "portfolio-link", RL_SEV_OFF);
	rl_lint_opts_override(&opts, "no-target", RL_SEV_OFF);
	const char *text = "## Education\n\n2014-2018\n:   **BSc**, Uni\n\n    Relevant coursework: Compilers\n";
	rl_lint_bytes(&l, "cv.md", text, strlen(text), &opts, &r);
	assert_int_equal(r.report.n, 1);
	assert_string_equal(r.report.v[0].rule->id, "no-coursework");
	ASSERT_POS(r.doc, r.report.v[0].start, 6, 5);
	assert_int_equal(r.report.v[0].section, RL_SEC_EDUCATION);
	rl_result_free(&r);
	rl_lint_opts_free(&opts);
	rl_linter_fini(&l);
	rl_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_definition_list),
		cmocka_unit_test(test_list_under_paragraph_line),
		cmocka_unit_test(test_definition_list_lazy_and_loose),
		cmocka_unit_test(test_not_a_definition_list),
		cmocka_unit_test(test_heading_attributes),
		cmocka_unit_test(test_bracketed_span),
		cmocka_unit_test(test_fenced_div),
		cmocka_unit_test(test_line_block),
		cmocka_unit_test(test_yaml_block_and_title_block),
		cmocka_unit_test(test_newpage),
		cmocka_unit_test(test_raw_html),
		cmocka_unit_test(test_finding_in_definition),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
