/* The layout engine on hand-made layout facts: line breaking at the text
 * width, line heights and line rules, paragraph spacing (collapsed, added,
 * contextual), page breaks, keep-with-next and widow/orphan control. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "fonts.h"
#include "layout.h"

#define FONT "Calibri"
#define SIZE 11.0
/* Letter with 1 in margins: 468 x 648 pt of body. */
#define BODY_W 468.0
#define BODY_H 648.0

static struct rl_layout_facts *facts_new(void)
{
	struct rl_layout_facts *f = rl_xcalloc(1, sizeof *f);
	f->nsections = 1;
	f->sections = rl_xcalloc(1, sizeof *f->sections);
	struct rl_lf_section *s = f->sections;
	s->page_w = 612;
	s->page_h = 792;
	s->m_top = s->m_bottom = s->m_left = s->m_right = 72;
	s->m_header = s->m_footer = 36;
	s->columns = 1;
	s->starts_new_page = 1;
	s->explicit_geometry = 1;
	f->nfonts = 1;
	f->fonts = rl_xcalloc(1, sizeof *f->fonts);
	f->fonts[0] = rl_xstrdup(FONT);
	f->default_tab = 36;
	f->app_pages = -1;
	return f;
}

/* Appends a paragraph of text in the test font; returns it for tweaks. */
static struct rl_lf_para *add_para(struct rl_layout_facts *f, const char *text)
{
	f->paras = rl_xreallocarray(f->paras, f->nparas + 1, sizeof *f->paras);
	struct rl_lf_para *p = &f->paras[f->nparas++];
	memset(p, 0, sizeof *p);
	p->number = (unsigned)f->nparas;
	p->block = SIZE_MAX;
	p->text = rl_xstrdup(text);
	p->text_len = strlen(text);
	if (p->text_len) {
		p->runs = rl_xcalloc(1, sizeof *p->runs);
		p->nruns = 1;
		p->runs[0].len = (uint32_t)p->text_len;
		p->runs[0].size = (float)SIZE;
	}
	p->line_rule = RL_LINE_AUTO;
	p->line = 1.0f;
	p->mark_size = (float)SIZE;
	return p;
}

static double single_line(void)
{
	const struct rl_font *font = rl_font_find(FONT, NULL);
	return (rl_font_ascent(font) + rl_font_descent(font)) * SIZE;
}

static double width_of(const char *s)
{
	const struct rl_font *font = rl_font_find(FONT, NULL);
	double w = 0;
	for (; *s; s++)
		w += rl_font_advance(font, (unsigned char)*s, 0) * SIZE;
	return w;
}

/* Lines, first page and y of paragraph i. */
static size_t lines_of(const struct rl_layout_result *r, size_t i, unsigned *page, double *y)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nlines; k++) {
		if (r->lines[k].para != i)
			continue;
		if (!n) {
			if (page)
				*page = r->lines[k].page;
			if (y)
				*y = r->lines[k].y;
		}
		n++;
	}
	return n;
}

static void test_single_line_height(void **state)
{
	(void)state;
	struct rl_layout_facts *f = facts_new();
	add_para(f, "Jane Doe");
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	assert_int_equal(r.pages, 1);
	assert_int_equal(r.nlines, 1);
	/* Carlito (Calibri's metric clone): LibreOffice's line is 1.2207 em */
	assert_true(fabs(r.lines[0].height - 1.2207 * SIZE) < 0.05);
	assert_true(fabs(r.body_height - BODY_H) < 0.01);
	assert_true(fabs(r.body_width - BODY_W) < 0.01);
	assert_true(fabs(r.total - r.lines[0].height / BODY_H) < 1e-4);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
}

static void test_breaks_at_the_text_width(void **state)
{
	(void)state;
	/* as many words as fit in the width; one more wraps */
	struct rl_buf text;
	rl_buf_init(&text);
	while (width_of(text.data ? text.data : "") + width_of("word") < BODY_W - 1)
		rl_buf_adds(&text, text.len ? " word" : "word");
	/* the loop may stop one short of a space: the text now fits */
	struct rl_layout_facts *f = facts_new();
	add_para(f, text.data);
	rl_buf_adds(&text, " word word");
	add_para(f, text.data);
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	assert_int_equal(lines_of(&r, 0, NULL, NULL), 1);
	assert_int_equal(lines_of(&r, 1, NULL, NULL), 2);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
	rl_buf_free(&text);
}

static void test_line_rules(void **state)
{
	(void)state;
	struct rl_layout_facts *f = facts_new();
	struct rl_lf_para *p = add_para(f, "exact");
	p->line_rule = RL_LINE_EXACT;
	p->line = 20;
	p = add_para(f, "at least, below single");
	p->line_rule = RL_LINE_AT_LEAST;
	p->line = 5;
	p = add_para(f, "proportional, kept as a whole percent");
	p->line = 1.075f; /* LibreOffice stores 108 % */
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	assert_true(fabs(r.lines[0].height - 20) < 1e-3);
	assert_true(fabs(r.lines[1].height - single_line()) < 1e-3);
	assert_true(fabs(r.lines[2].height - single_line() * 1.08) < 1e-3);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
}

static void test_spacing_collapses(void **state)
{
	(void)state;
	struct rl_layout_facts *f = facts_new();
	add_para(f, "one")->space_after = 10;
	add_para(f, "two")->space_before = 6;
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	double y = -1;
	lines_of(&r, 1, NULL, &y);
	/* Word and LibreOffice: the larger of after and before */
	assert_true(fabs(y - (single_line() + 10)) < 1e-3);
	rl_layout_result_free(&r);

	f->add_spacing = 1; /* compatibility setting: they add */
	rl_layout_run(f, &r);
	lines_of(&r, 1, NULL, &y);
	assert_true(fabs(y - (single_line() + 16)) < 1e-3);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
}

static void test_contextual_spacing(void **state)
{
	(void)state;
	struct rl_layout_facts *f = facts_new();
	struct rl_lf_para *p = add_para(f, "bullet one");
	p->space_after = 12;
	p->contextual = 1;
	p = add_para(f, "bullet two");
	p->space_before = 12;
	p->contextual = 1;
	p = add_para(f, "other style");
	p->style = 1;
	p->space_before = 4;
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	double y1 = -1, y2 = -1;
	lines_of(&r, 1, NULL, &y1);
	lines_of(&r, 2, NULL, &y2);
	assert_true(fabs(y1 - single_line()) < 1e-3);
	assert_true(fabs(y2 - (2 * single_line() + 4)) < 1e-3); /* no longer one style */
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
}

static void test_overflow_and_total(void **state)
{
	(void)state;
	struct rl_layout_facts *f = facts_new();
	int per_page = (int)floor(BODY_H / single_line() + 1e-9);
	for (int i = 0; i < per_page + 3; i++)
		add_para(f, "a line");
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	assert_int_equal(r.pages, 2);
	unsigned page;
	lines_of(&r, (size_t)per_page - 1, &page, NULL);
	assert_int_equal(page, 1);
	lines_of(&r, (size_t)per_page, &page, NULL);
	assert_int_equal(page, 2);
	assert_true(fabs(r.total - (1 + 3 * single_line() / BODY_H)) < 1e-3);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
}

static void test_page_break(void **state)
{
	(void)state;
	struct rl_layout_facts *f = facts_new();
	struct rl_lf_para *p = add_para(f, "before\f");
	p->page_breaks = 1;
	add_para(f, "after");
	add_para(f, "pushed")->page_break_before = 1;
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	unsigned page;
	lines_of(&r, 1, &page, NULL);
	assert_int_equal(page, 2);
	lines_of(&r, 2, &page, NULL);
	assert_int_equal(page, 3);
	assert_int_equal(r.pages, 3);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
}

/* Fills page one up to `left` free lines. */
static void fill_page(struct rl_layout_facts *f, int left)
{
	int per_page = (int)floor(BODY_H / single_line() + 1e-9);
	for (int i = 0; i < per_page - left; i++)
		add_para(f, "filler");
}

static void test_keep_with_next(void **state)
{
	(void)state;
	struct rl_layout_facts *f = facts_new();
	fill_page(f, 1);
	add_para(f, "Experience")->keep_next = 1;
	add_para(f, "Built the billing service");
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	unsigned page;
	lines_of(&r, f->nparas - 2, &page, NULL);
	assert_int_equal(page, 2); /* the heading moves with its paragraph */
	rl_layout_result_free(&r);

	f->paras[f->nparas - 2].keep_next = 0;
	rl_layout_run(f, &r);
	lines_of(&r, f->nparas - 2, &page, NULL);
	assert_int_equal(page, 1);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
}

static void test_widow_orphan_control(void **state)
{
	(void)state;
	struct rl_buf text;
	rl_buf_init(&text);
	for (int i = 0; i < 3; i++) {
		size_t start = text.len;
		rl_buf_adds(&text, "word");
		while (width_of(text.data + start) + width_of(" word") < BODY_W - 1)
			rl_buf_adds(&text, " word");
		if (i < 2)
			rl_buf_adds(&text, "\n"); /* three full lines */
	}
	/* one line free: the first line alone would be an orphan */
	struct rl_layout_facts *f = facts_new();
	fill_page(f, 1);
	add_para(f, text.data)->widow_control = 1;
	struct rl_layout_result r;
	rl_layout_run(f, &r);
	unsigned page;
	assert_int_equal(lines_of(&r, f->nparas - 1, &page, NULL), 3);
	assert_int_equal(page, 2);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);

	/* two lines free: two would leave the last line alone (a widow), one
	 * would leave the first alone (an orphan): the paragraph moves whole */
	f = facts_new();
	fill_page(f, 2);
	add_para(f, text.data)->widow_control = 1;
	rl_layout_run(f, &r);
	assert_int_equal(lines_of(&r, f->nparas - 1, &page, NULL), 3);
	assert_int_equal(page, 2);
	rl_layout_result_free(&r);

	/* without control, the lines fill page one */
	f->paras[f->nparas - 1].widow_control = 0;
	rl_layout_run(f, &r);
	lines_of(&r, f->nparas - 1, &page, NULL);
	assert_int_equal(page, 1);
	rl_layout_result_free(&r);
	rl_layout_facts_free(f);
	rl_buf_free(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_line_height),
		cmocka_unit_test(test_breaks_at_the_text_width),
		cmocka_unit_test(test_line_rules),
		cmocka_unit_test(test_spacing_collapses),
		cmocka_unit_test(test_contextual_spacing),
		cmocka_unit_test(test_overflow_and_total),
		cmocka_unit_test(test_page_break),
		cmocka_unit_test(test_keep_with_next),
		cmocka_unit_test(test_widow_orphan_control),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
