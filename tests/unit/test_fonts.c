/* Unit tests for fonts.h: the generated metrics and the lookups over them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fonts.h"

#define EPS 0.00051 /* widths are stored in 1/1000 em */

static void check_float(double got, double want, double eps)
{
	if (got < want - eps || got > want + eps)
		fail_msg("got %.6f, want %.6f (+-%g)", got, want, eps);
}

static const struct rl_font *face(const char *family)
{
	int exact = -1;
	const struct rl_font *f = rl_font_find(family, &exact);
	assert_non_null(f);
	assert_int_equal(exact, 1);
	return f;
}

static double lo_line(const struct rl_font *f)
{
	return (double)rl_font_ascent(f) + (double)rl_font_descent(f);
}

/* ---- line heights ------------------------------------------------------ */

static void test_lo_line_heights(void **state)
{
	(void)state;
	const struct rl_font *carlito = face("Carlito");
	/* 1536 + 452 gap above, 512 below, of 2048 */
	check_float(rl_font_ascent(carlito), 1988.0 / 2048, 1e-6);
	check_float(rl_font_descent(carlito), 512.0 / 2048, 1e-6);
	check_float(lo_line(carlito), 1.2207, 0.0001);
	check_float(lo_line(carlito) * 11, 13.43, 0.005);
	check_float(lo_line(face("Liberation Sans")), 1.1499, 0.0001);
	check_float(lo_line(face("Liberation Serif")), 1.1499, 0.0001);
	check_float(lo_line(face("Liberation Mono")), 1.1328, 0.0001);
	/* USE_TYPO_METRICS: typo 900/-250/0 of 1000, not win 1050/250 */
	check_float(lo_line(face("Caladea")), 1.15, 1e-6);
	check_float(lo_line(face("DejaVu Sans")), 1.1641, 0.0001);
	check_float(lo_line(face("Nimbus Sans")), 1.2, 1e-6);
	check_float(lo_line(face("TeX Gyre Pagella")), 1.007, 1e-6);
}

static void test_word_line_heights(void **state)
{
	(void)state;
	check_float(rl_font_word_line(face("Carlito")), 1.2207, 0.0001);
	check_float(rl_font_word_line(face("Liberation Sans")), 1.1499, 0.0001);
	check_float(rl_font_word_line(face("Liberation Serif")), 1.1499, 0.0001);
	check_float(rl_font_word_line(face("Liberation Mono")), 1.1328, 0.0001);
	check_float(rl_font_word_line(face("Caladea")), 1.3, 1e-6);
	check_float(rl_font_word_line(face("Roboto")), 1.3188, 0.0001);
}

/* ---- advances ---------------------------------------------------------- */

static void test_advances_appendix(void **state)
{
	(void)state;
	const struct rl_font *carlito = face("Carlito");
	check_float(rl_font_advance(carlito, 'a', 0), 0.479, EPS);
	check_float(rl_font_advance(carlito, 'a', 1), 0.494, EPS);
	check_float(rl_font_advance(carlito, ' ', 0), 0.226, EPS);
	check_float(rl_font_advance(carlito, 'W', 0), 0.890, EPS);
	check_float(rl_font_advance(carlito, 'W', 1), 0.906, EPS);
	check_float(rl_font_advance(face("Liberation Sans"), 'W', 0), 0.944, EPS);
	check_float(rl_font_advance(face("Liberation Serif"), 'W', 1), 1.000, EPS);
	check_float(rl_font_advance(face("Caladea"), 'a', 0), 0.470, EPS);
	check_float(rl_font_advance(face("Caladea"), 'a', 1), 0.525, EPS);

	const struct rl_font *mono = face("Liberation Mono");
	for (uint32_t cp = 0x20; cp < 0x7F; cp++) {
		check_float(rl_font_advance(mono, cp, 0), 0.6, EPS);
		check_float(rl_font_advance(mono, cp, 1), 0.6, EPS);
	}
	/* the Appendix's whole Carlito regular row, space to tilde */
	static const uint16_t carlito_row[95] = {
		226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386,
		507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463,
		894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662,
		517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498,
		291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527,
		525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
	};
	for (uint32_t cp = 0x20; cp < 0x7F; cp++)
		check_float(rl_font_advance(carlito, cp, 0), carlito_row[cp - 0x20] / 1000.0, EPS);
}

static void test_advances_other_ranges(void **state)
{
	(void)state;
	const struct rl_font *carlito = face("Carlito");
	check_float(rl_font_advance(carlito, 0x2013, 0), 0.498, EPS); /* – */
	check_float(rl_font_advance(carlito, 0x2022, 0), 0.498, EPS); /* • (Carlito has it) */
	check_float(rl_font_advance(carlito, 0xE9, 0), 0.498, EPS);   /* é = e */
	check_float(rl_font_advance(carlito, 0x0416, 0), 0.801, EPS); /* Ж */
	/* NBSP Carlito lacks: HarfBuzz sets it as the space */
	check_float(rl_font_advance(carlito, 0xA0, 0), 0.226, EPS);
}

static void test_advance_glyph_fallback(void **state)
{
	(void)state;
	const struct rl_font *dejavu = face("DejaVu Sans");
	/* Carlito has no U+2010 HYPHEN: LibreOffice takes DejaVu Sans's */
	const struct rl_font *carlito = face("Carlito");
	check_float(rl_font_advance(dejavu, 0x2010, 0), 0.361, EPS);
	check_float(rl_font_advance(carlito, 0x2010, 0), rl_font_advance(dejavu, 0x2010, 0), 1e-6);
	check_float(rl_font_advance(carlito, 0x2010, 1), rl_font_advance(dejavu, 0x2010, 1), 1e-6);
	/* ✓ in no face but DejaVu's */
	check_float(rl_font_advance(carlito, 0x2713, 0), rl_font_advance(dejavu, 0x2713, 0), 1e-6);
	/* Liberation Sans lacks U+2023: fontconfig's next font is Arimo (0.350), not DejaVu (0.590) */
	check_float(rl_font_advance(face("Liberation Sans"), 0x2023, 0), 0.350, EPS);
	/* Caladea has no Cyrillic: DejaVu Serif's */
	check_float(rl_font_advance(face("Caladea"), 0x0416, 0),
	            rl_font_advance(face("DejaVu Serif"), 0x0416, 0), 1e-6);
}

static void test_advance_special(void **state)
{
	(void)state;
	const struct rl_font *carlito = face("Carlito");
	check_float(rl_font_advance(carlito, 0x65E5, 0), 1.0, 1e-6);  /* 日 */
	check_float(rl_font_advance(carlito, 0xAC00, 1), 1.0, 1e-6);  /* 가 */
	check_float(rl_font_advance(carlito, 0xFF21, 0), 1.0, 1e-6);  /* fullwidth A */
	check_float(rl_font_advance(carlito, 0x200B, 0), 0.0, 1e-6);  /* zero-width space */
	check_float(rl_font_advance(carlito, 0xAD, 0), 0.0, 1e-6);    /* soft hyphen */
	check_float(rl_font_advance(carlito, 0x0301, 0), 0.0, 1e-6);  /* combining acute */
	check_float(rl_font_advance(carlito, '\t', 0), 0.0, 1e-6);
	/* Greek: no stored width, the face's average (a-z by frequency) */
	double avg = rl_font_advance(carlito, 0x03B1, 0);
	check_float(avg, 0.448, 0.002);
	assert_true(rl_font_advance(carlito, 0x03B1, 1) >= avg);
	/* NULL face: the general fallback's */
	check_float(rl_font_advance(NULL, 'a', 0), rl_font_advance(face("DejaVu Sans"), 'a', 0), 1e-6);
}

/* ---- family lookup ----------------------------------------------------- */

static void check_alias(const char *family, const char *want, int want_exact)
{
	int exact = -1;
	const struct rl_font *f = rl_font_find(family, &exact);
	assert_non_null(f);
	assert_string_equal(rl_font_name(f), want);
	assert_int_equal(exact, want_exact);
}

static void test_find_clones(void **state)
{
	(void)state;
	check_alias("Calibri", "Carlito", 1);
	check_alias("calibri", "Carlito", 1);
	check_alias("CALIBRI", "Carlito", 1);
	check_alias(" Times New Roman ", "Liberation Serif", 1);
	check_alias("timesnewroman", "Liberation Serif", 1);
	check_alias("Times  New\tRoman", "Liberation Serif", 1);
	check_alias("Arial", "Liberation Sans", 1);
	check_alias("Courier New", "Liberation Mono", 1);
	check_alias("Cambria", "Caladea", 1);
	check_alias("Arial Narrow", "Liberation Sans Narrow", 1);
	check_alias("LM Roman 10", "Latin Modern Roman", 1);
	check_alias("Open Sans", "Open Sans", 1);
	struct rl_font_match m;
	rl_font_lookup("Cambria", &m);
	assert_int_equal(m.approx_vertical, 1);
	assert_int_equal(m.known, 1);
	rl_font_lookup("Calibri", &m);
	assert_int_equal(m.approx_vertical, 0);
	/* the exact argument may be NULL */
	assert_string_equal(rl_font_name(rl_font_find("Arial", NULL)), "Liberation Sans");
}

static void test_find_substitutes(void **state)
{
	(void)state;
	/* measured: what LibreOffice 7.4 set these in (tools/font-aliases.tsv) */
	check_alias("Helvetica", "Nimbus Sans", 0);
	check_alias("Times", "Nimbus Roman", 0);
	check_alias("Palatino Linotype", "P052", 0);
	check_alias("Book Antiqua", "DejaVu Sans", 0);
	check_alias("Georgia", "DejaVu Serif", 0);
	check_alias("Garamond", "DejaVu Serif", 0);
	check_alias("Consolas", "Noto Sans Mono", 0);
	check_alias("Calibri Light", "DejaVu Sans", 0);
	check_alias("Verdana", "DejaVu Sans", 0);
	check_alias("Roboto Light", "Roboto", 0);
	struct rl_font_match m;
	rl_font_lookup("Georgia", &m);
	assert_int_equal(m.known, 1);
}

static void test_find_unknown(void **state)
{
	(void)state;
	check_alias("Qwertzu Grotesk", "DejaVu Sans", 0);
	check_alias("JetBrains Mono", "DejaVu Sans", 0); /* LibreOffice too */
	check_alias(NULL, "DejaVu Sans", 0);
	check_alias("", "DejaVu Sans", 0);
	check_alias("   ", "DejaVu Sans", 0);
	char longname[300];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	check_alias(longname, "DejaVu Sans", 0);
	struct rl_font_match m;
	rl_font_lookup("Qwertzu Grotesk", &m);
	assert_int_equal(m.known, 0);
	assert_int_equal(m.exact, 0);
	assert_int_equal(rl_font_class(m.font), RL_FONT_SANS);
	assert_string_equal(rl_font_name(NULL), "DejaVu Sans");
}

/* ---- the tables hold together ------------------------------------------ */

static void test_tables(void **state)
{
	(void)state;
	for (unsigned i = 1; i < rl_font_alias_count; i++)
		assert_true(strcmp(rl_font_aliases[i - 1].key, rl_font_aliases[i].key) < 0);
	for (unsigned i = 0; i < rl_font_alias_count; i++)
		assert_true(rl_font_aliases[i].face < rl_font_face_count);
	unsigned at = 0;
	for (unsigned i = 0; i < rl_font_range_count; i++) {
		assert_int_equal(rl_font_ranges[i].at, at);
		assert_true(rl_font_ranges[i].first <= rl_font_ranges[i].last);
		if (i)
			assert_true(rl_font_ranges[i - 1].last < rl_font_ranges[i].first);
		at += rl_font_ranges[i].last - rl_font_ranges[i].first + 1;
	}
	assert_int_equal(at, RL_FONT_NWIDTHS);
	for (unsigned i = 0; i < rl_font_face_count; i++) {
		const struct rl_font *f = &rl_font_faces[i];
		/* every face is found under its own name, as itself */
		check_alias(f->name, f->name, 1);
		double line = lo_line(f);
		assert_true(line > 0.9 && line < 1.6);
		assert_true(rl_font_word_line(f) >= 1.0f && rl_font_word_line(f) < 1.8f);
		/* glyph fallback chains point at other faces */
		for (int k = 0; k < RL_FONT_MAX_CHAIN && f->fallback[k] >= 0; k++)
			assert_true((unsigned)f->fallback[k] < rl_font_face_count && (unsigned)f->fallback[k] != i);
		/* space, letters and digits are in every text face */
		if (strcmp(f->name, "OpenSymbol") != 0)
			for (uint32_t cp = 0x20; cp < 0x7F; cp++)
				assert_true(f->width[0][cp - 0x20] > 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lo_line_heights),
		cmocka_unit_test(test_word_line_heights),
		cmocka_unit_test(test_advances_appendix),
		cmocka_unit_test(test_advances_other_ranges),
		cmocka_unit_test(test_advance_glyph_fallback),
		cmocka_unit_test(test_advance_special),
		cmocka_unit_test(test_find_clones),
		cmocka_unit_test(test_find_substitutes),
		cmocka_unit_test(test_find_unknown),
		cmocka_unit_test(test_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
