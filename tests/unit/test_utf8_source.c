/* Unit tests for utf8.h and source.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "source.h"
#include "utf8.h"

/* ---- utf8.h: decode ---------------------------------------------------- */

/* Decodes s (len bytes) and checks the code point, length and validity. */
static void check_decode(const char *s, size_t len, uint32_t want_cp, size_t want_n, int want_valid)
{
	uint32_t cp = 0x12345678u;
	int valid = -7;
	size_t n = rl_utf8_decode(s, len, &cp, &valid);
	assert_int_equal(n, want_n);
	assert_int_equal(cp, want_cp);
	assert_int_equal(valid, want_valid);
}

static void check_invalid(const char *s, size_t len)
{
	check_decode(s, len, RL_REPLACEMENT_CHAR, 1, 0);
}

static void test_decode_ascii(void **state)
{
	(void)state;
	check_decode("A", 1, 0x41, 1, 1);
	check_decode("z rest", 6, 'z', 1, 1);
	check_decode("\x7F", 1, 0x7F, 1, 1);
	/* NUL is a valid code point for the decoder (rl_source rejects it) */
	check_decode("\0", 1, 0, 1, 1);
	check_decode("\n", 1, '\n', 1, 1);
}

static void test_decode_multibyte(void **state)
{
	(void)state;
	check_decode("\xC3\xA9", 2, 0xE9, 2, 1);            /* é */
	check_decode("\xC2\x80", 2, 0x80, 2, 1);            /* lowest 2-byte */
	check_decode("\xDF\xBF", 2, 0x7FF, 2, 1);           /* highest 2-byte */
	check_decode("\xE6\x97\xA5", 3, 0x65E5, 3, 1);      /* 日 */
	check_decode("\xE2\x82\xAC", 3, 0x20AC, 3, 1);      /* € */
	check_decode("\xE0\xA0\x80", 3, 0x800, 3, 1);       /* lowest 3-byte */
	check_decode("\xEF\xBF\xBF", 3, 0xFFFF, 3, 1);      /* highest 3-byte */
	check_decode("\xEF\xBB\xBF", 3, 0xFEFF, 3, 1);      /* BOM */
	check_decode("\xF0\x9F\x98\x80", 4, 0x1F600, 4, 1); /* 😀 */
	check_decode("\xF0\x90\x80\x80", 4, 0x10000, 4, 1); /* lowest 4-byte */
	check_decode("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4, 1);/* highest code point */
	/* only the first code point is read */
	check_decode("\xC3\xA9xyz", 5, 0xE9, 2, 1);
	check_decode("\xE6\x97\xA5\xE6\x9C\xAC", 6, 0x65E5, 3, 1);
}

static void test_decode_valid_may_be_null(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(rl_utf8_decode("\xC3\xA9", 2, &cp, NULL), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(rl_utf8_decode("\xFF", 1, &cp, NULL), 1);
	assert_int_equal(cp, RL_REPLACEMENT_CHAR);
}

static void test_decode_overlong(void **state)
{
	(void)state;
	check_invalid("\xC0\x80", 2);          /* overlong NUL */
	check_invalid("\xC0\xAF", 2);          /* overlong '/' */
	check_invalid("\xC1\xBF", 2);          /* overlong U+7F */
	check_invalid("\xE0\x80\x80", 3);      /* overlong NUL, 3 bytes */
	check_invalid("\xE0\x80\xAF", 3);      /* overlong '/', 3 bytes */
	check_invalid("\xE0\x9F\xBF", 3);      /* overlong U+7FF */
	check_invalid("\xF0\x80\x80\x80", 4);  /* overlong NUL, 4 bytes */
	check_invalid("\xF0\x8F\xBF\xBF", 4);  /* overlong U+FFFF */
}

static void test_decode_surrogates(void **state)
{
	(void)state;
	check_invalid("\xED\xA0\x80", 3); /* U+D800 */
	check_invalid("\xED\xAD\xBF", 3); /* U+DB7F */
	check_invalid("\xED\xB0\x80", 3); /* U+DC00 */
	check_invalid("\xED\xBF\xBF", 3); /* U+DFFF */
	/* the neighbours are fine */
	check_decode("\xED\x9F\xBF", 3, 0xD7FF, 3, 1);
	check_decode("\xEE\x80\x80", 3, 0xE000, 3, 1);
}

static void test_decode_above_max(void **state)
{
	(void)state;
	check_invalid("\xF4\x90\x80\x80", 4); /* U+110000 */
	check_invalid("\xF4\xBF\xBF\xBF", 4);
	check_invalid("\xF5\x80\x80\x80", 4); /* lead byte never valid */
	check_invalid("\xF7\xBF\xBF\xBF", 4);
	check_invalid("\xF8\x88\x80\x80\x80", 5); /* old 5-byte form */
	check_invalid("\xFC\x84\x80\x80\x80\x80", 6);
	check_invalid("\xFE", 1);
	check_invalid("\xFF", 1);
}

static void test_decode_truncated(void **state)
{
	(void)state;
	/* the buffer ends early */
	check_invalid("\xC3", 1);
	check_invalid("\xE6\x97", 2);
	check_invalid("\xE6", 1);
	check_invalid("\xF0\x9F\x98", 3);
	check_invalid("\xF0\x9F", 2);
	/* len is honoured even when more bytes follow in memory */
	check_invalid("\xC3\xA9", 1);
	check_invalid("\xF0\x9F\x98\x80", 3);
	/* a non-continuation byte interrupts the sequence */
	check_invalid("\xC3" "A", 2);
	check_invalid("\xE6\x97" "A", 3);
	check_invalid("\xF0\x9F\x98" "A", 4);
	check_invalid("\xE6\xC3\xA9", 3);
	/* a continuation byte on its own */
	check_invalid("\x80", 1);
	check_invalid("\xBF\xBF", 2);
}

static void test_seqlen(void **state)
{
	(void)state;
	assert_int_equal(rl_utf8_seqlen(0x00), 1);
	assert_int_equal(rl_utf8_seqlen('a'), 1);
	assert_int_equal(rl_utf8_seqlen(0x7F), 1);
	assert_int_equal(rl_utf8_seqlen(0x80), 1);
	assert_int_equal(rl_utf8_seqlen(0xBF), 1);
	assert_int_equal(rl_utf8_seqlen(0xC0), 1);
	assert_int_equal(rl_utf8_seqlen(0xC1), 1);
	assert_int_equal(rl_utf8_seqlen(0xC2), 2);
	assert_int_equal(rl_utf8_seqlen(0xDF), 2);
	assert_int_equal(rl_utf8_seqlen(0xE0), 3);
	assert_int_equal(rl_utf8_seqlen(0xEF), 3);
	assert_int_equal(rl_utf8_seqlen(0xF0), 4);
	assert_int_equal(rl_utf8_seqlen(0xF4), 4);
	assert_int_equal(rl_utf8_seqlen(0xF5), 1);
	assert_int_equal(rl_utf8_seqlen(0xFF), 1);
}

/* ---- utf8.h: encode ---------------------------------------------------- */

static void check_encode(uint32_t cp, const char *want, size_t want_n)
{
	char out[4] = { 0x55, 0x55, 0x55, 0x55 };
	size_t n = rl_utf8_encode(cp, out);
	assert_int_equal(n, want_n);
	assert_memory_equal(out, want, want_n);
}

static void test_encode(void **state)
{
	(void)state;
	check_encode(0x00, "\0", 1);
	check_encode(0x41, "A", 1);
	check_encode(0x7F, "\x7F", 1);
	check_encode(0x80, "\xC2\x80", 2);
	check_encode(0xE9, "\xC3\xA9", 2);
	check_encode(0x7FF, "\xDF\xBF", 2);
	check_encode(0x800, "\xE0\xA0\x80", 3);
	check_encode(0x20AC, "\xE2\x82\xAC", 3);
	check_encode(0x65E5, "\xE6\x97\xA5", 3);
	check_encode(0xD7FF, "\xED\x9F\xBF", 3);
	check_encode(0xE000, "\xEE\x80\x80", 3);
	check_encode(0xFFFD, "\xEF\xBF\xBD", 3);
	check_encode(0xFFFF, "\xEF\xBF\xBF", 3);
	check_encode(0x10000, "\xF0\x90\x80\x80", 4);
	check_encode(0x1F600, "\xF0\x9F\x98\x80", 4);
	check_encode(0x10FFFF, "\xF4\x8F\xBF\xBF", 4);
}

static void test_encode_invalid(void **state)
{
	(void)state;
	check_encode(0xD800, "\xEF\xBF\xBD", 3);
	check_encode(0xDBFF, "\xEF\xBF\xBD", 3);
	check_encode(0xDFFF, "\xEF\xBF\xBD", 3);
	check_encode(0x110000, "\xEF\xBF\xBD", 3);
	check_encode(0x7FFFFFFF, "\xEF\xBF\xBD", 3);
	check_encode(0xFFFFFFFFu, "\xEF\xBF\xBD", 3);
}

static void test_encode_decode_round_trip(void **state)
{
	(void)state;
	size_t checked = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x1000 ? 1 : 37)) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char out[4];
		size_t n = rl_utf8_encode(cp, out);
		size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		assert_int_equal(n, want);
		assert_int_equal(rl_utf8_seqlen((unsigned char)out[0]), n);
		uint32_t back;
		int valid;
		assert_int_equal(rl_utf8_decode(out, n, &back, &valid), n);
		assert_int_equal(valid, 1);
		assert_int_equal(back, cp);
		checked++;
	}
	assert_true(checked > 30000);
}

/* ---- utf8.h: count and advance ----------------------------------------- */

static void test_count(void **state)
{
	(void)state;
	assert_int_equal(rl_utf8_count("", 0), 0);
	assert_int_equal(rl_utf8_count("abc", 3), 3);
	assert_int_equal(rl_utf8_count("abc", 2), 2);
	assert_int_equal(rl_utf8_count("h\xC3\xA9llo", 6), 5);                /* héllo */
	assert_int_equal(rl_utf8_count("\xE6\x97\xA5\xE6\x9C\xAC", 6), 2);  /* 日本 */
	assert_int_equal(rl_utf8_count("\xF0\x9F\x98\x80!", 5), 2);          /* 😀! */
	/* each invalid byte counts as one */
	assert_int_equal(rl_utf8_count("\xFF\xFE" "a", 3), 3);
	assert_int_equal(rl_utf8_count("\xE6\x97", 2), 2);
	assert_int_equal(rl_utf8_count("\xC0\x80", 2), 2);
	assert_int_equal(rl_utf8_count("\xED\xA0\x80", 3), 3);
	assert_int_equal(rl_utf8_count("\xE6\x97" "a\xC3\xA9", 5), 4);
	/* a sequence cut by len counts byte by byte */
	assert_int_equal(rl_utf8_count("\xE6\x97\xA5", 2), 2);
	/* NUL counts as a character */
	assert_int_equal(rl_utf8_count("a\0b", 3), 3);
}

static void test_advance(void **state)
{
	(void)state;
	const char *s = "h\xC3\xA9llo"; /* héllo, 6 bytes */
	assert_int_equal(rl_utf8_advance(s, 6, 0), 0);
	assert_int_equal(rl_utf8_advance(s, 6, 1), 1);
	assert_int_equal(rl_utf8_advance(s, 6, 2), 3);
	assert_int_equal(rl_utf8_advance(s, 6, 3), 4);
	assert_int_equal(rl_utf8_advance(s, 6, 5), 6);
	assert_int_equal(rl_utf8_advance(s, 6, 6), 6);      /* clamped */
	assert_int_equal(rl_utf8_advance(s, 6, 1000), 6);   /* clamped */
	assert_int_equal(rl_utf8_advance(s, 2, 2), 2);      /* clamped at a cut é */

	const char *cjk = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"; /* 日本語 */
	assert_int_equal(rl_utf8_advance(cjk, 9, 1), 3);
	assert_int_equal(rl_utf8_advance(cjk, 9, 2), 6);
	assert_int_equal(rl_utf8_advance(cjk, 9, 3), 9);

	const char *emoji = "\xF0\x9F\x98\x80" "a";
	assert_int_equal(rl_utf8_advance(emoji, 5, 1), 4);
	assert_int_equal(rl_utf8_advance(emoji, 5, 2), 5);

	/* invalid bytes are one character each */
	assert_int_equal(rl_utf8_advance("\xFF\xE6\x97" "a", 4, 1), 1);
	assert_int_equal(rl_utf8_advance("\xFF\xE6\x97" "a", 4, 2), 2);
	assert_int_equal(rl_utf8_advance("\xFF\xE6\x97" "a", 4, 3), 3);
	assert_int_equal(rl_utf8_advance("\xFF\xE6\x97" "a", 4, 4), 4);
	assert_int_equal(rl_utf8_advance("", 0, 3), 0);
}

static void test_count_advance_agree(void **state)
{
	(void)state;
	const char *s = "a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80\xFF" "b\xE6\x97";
	size_t len = strlen(s);
	size_t n = rl_utf8_count(s, len);
	assert_int_equal(n, 8);
	for (size_t k = 0; k <= n; k++)
		assert_int_equal(rl_utf8_count(s, rl_utf8_advance(s, len, k)), k);
	assert_int_equal(rl_utf8_advance(s, len, n), len);
}

/* ---- utf8.h: lower case, word characters, folding ---------------------- */

static void test_unicode_lower(void **state)
{
	(void)state;
	static const uint32_t pairs[][2] = {
		{ 'A', 'a' }, { 'Z', 'z' }, { 'a', 'a' }, { '@', '@' }, { '[', '[' }, { '0', '0' },
		{ 0xC0, 0xE0 },   /* À → à */
		{ 0xC9, 0xE9 },   /* É → é */
		{ 0xDE, 0xFE },   /* Þ → þ */
		{ 0xD7, 0xD7 },   /* × is not a letter */
		{ 0xDF, 0xDF },   /* ß has no one-letter capital */
		{ 0xE9, 0xE9 },
		{ 0x391, 0x3B1 }, /* Α → α */
		{ 0x3A3, 0x3C3 }, /* Σ → σ */
		{ 0x3A9, 0x3C9 }, /* Ω → ω */
		{ 0x3A2, 0x3A2 }, /* unassigned */
		{ 0x410, 0x430 }, /* А → а */
		{ 0x41E, 0x43E }, /* О → о */
		{ 0x42F, 0x44F }, /* Я → я */
		{ 0x401, 0x451 }, /* Ё → ё */
		{ 0x40F, 0x45F }, /* Џ → џ */
		{ 0x430, 0x430 },
		{ 0x100, 0x101 }, /* Ā → ā */
		{ 0x101, 0x101 },
		{ 0x106, 0x107 }, /* Ć → ć */
		{ 0x130, 'i' },   /* İ → i (not dotless ı) */
		{ 0x131, 0x131 }, /* ı stays */
		{ 0x138, 0x138 }, /* ĸ has no capital */
		{ 0x139, 0x13A }, /* Ĺ → ĺ */
		{ 0x141, 0x142 }, /* Ł → ł */
		{ 0x142, 0x142 },
		{ 0x147, 0x148 }, /* Ň → ň */
		{ 0x149, 0x149 }, /* ŉ */
		{ 0x14A, 0x14B }, /* Ŋ → ŋ */
		{ 0x15A, 0x15B }, /* Ś → ś */
		{ 0x160, 0x161 }, /* Š → š */
		{ 0x176, 0x177 }, /* Ŷ → ŷ */
		{ 0x178, 0xFF },  /* Ÿ → ÿ */
		{ 0x179, 0x17A }, /* Ź → ź */
		{ 0x17D, 0x17E }, /* Ž → ž */
		{ 0x17F, 0x17F }, /* ſ */
		{ 0x4E2D, 0x4E2D },
		{ 0x1F600, 0x1F600 },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		uint32_t got = rl_unicode_lower(pairs[i][0]);
		if (got != pairs[i][1])
			fail_msg("lower(U+%04X) = U+%04X, want U+%04X", (unsigned)pairs[i][0], (unsigned)got,
				 (unsigned)pairs[i][1]);
	}
	/* every ASCII capital, and nothing else in ASCII, changes */
	for (uint32_t c = 0; c < 0x80; c++)
		assert_int_equal(rl_unicode_lower(c), c >= 'A' && c <= 'Z' ? c + 32 : c);
}

static void test_unicode_is_word(void **state)
{
	(void)state;
	static const uint32_t words[] = { 'a', 'Z', '0', '9', 0xC0, 0xE9, 0xFF, 0x301, 0x3B1, 0x436,
					  0x5D0, 0x627, 0x65E5, 0xAC00, 0xFF21 };
	static const uint32_t not_words[] = { ' ', '\t', '\n', '-', '_', '&', '/', '.', ':', '\'',
					      0x7F, 0xA0, 0xA9, 0xB7, 0xD7, 0xF7,
					      0x2013, 0x2014, 0x2019, 0x2022, 0x20AC, 0x2192, 0x2605,
					      0x3001, 0xFE0F, 0xFF01, 0xFF5E, 0x1F600, 0x1F680, 0xFFFD };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!rl_unicode_is_word(words[i]))
			fail_msg("U+%04X should be a word character", (unsigned)words[i]);
	for (size_t i = 0; i < sizeof not_words / sizeof not_words[0]; i++)
		if (rl_unicode_is_word(not_words[i]))
			fail_msg("U+%04X should not be a word character", (unsigned)not_words[i]);
}

static void check_fold(const char *in, const char *want)
{
	struct rl_buf b;
	rl_buf_init(&b);
	rl_utf8_fold_words(in, strlen(in), &b);
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	rl_buf_free(&b);
}

static void test_fold_words(void **state)
{
	(void)state;
	check_fold("Experience", "experience");
	check_fold("EXPERIENCE:", "experience");
	check_fold("\xE2\x80\x94 Skills & Tools \xE2\x80\x94", "skills tools");
	check_fold("  Work   History  ", "work history");
	check_fold("Centres d'int\xC3\xA9r\xC3\xAAt", "centres d int\xC3\xA9r\xC3\xAAt");
	check_fold("\xD0\x9E\xD0\xBF\xD1\x8B\xD1\x82 \xD1\x80\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD1\x8B",
		   "\xD0\xBE\xD0\xBF\xD1\x8B\xD1\x82 \xD1\x80\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD1\x8B");
	check_fold("\xC3\x80\xC3\x89\xC3\x8E", "\xC3\xA0\xC3\xA9\xC3\xAE"); /* ÀÉÎ → àéî */
	check_fold("C++ / C#", "c c");
	check_fold("3.8/4.0 GPA", "3 8 4 0 gpa");
	check_fold("Projects \xF0\x9F\x9A\x80\xE2\x9C\xA8", "projects");
	check_fold("\xE6\x95\x99\xE8\x82\xB2 \xE8\x83\x8C\xE6\x99\xAF",
		   "\xE6\x95\x99\xE8\x82\xB2 \xE8\x83\x8C\xE6\x99\xAF");
	check_fold("", "");
	check_fold("--- & ---", "");
	/* an invalid byte is not a word character */
	check_fold("a\xFF" "b", "a b");
	check_fold("a\xE6\x97", "a");
}

static void test_fold_words_appends(void **state)
{
	(void)state;
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_adds(&b, "x|");
	rl_utf8_fold_words("  A  b ", 7, &b);
	assert_string_equal(b.data, "x|a b");
	/* no space is put between what was there and the new words */
	rl_utf8_fold_words("-C", 2, &b);
	assert_string_equal(b.data, "x|a bc");
	/* only len bytes are read */
	rl_utf8_fold_words("DEF", 1, &b);
	assert_string_equal(b.data, "x|a bcd");
	rl_buf_free(&b);
}

/* ---- source.h: normalization ------------------------------------------- */

static struct rl_source *src_of(const char *bytes, size_t len)
{
	struct rl_source *src = rl_source_new("t.md", bytes, len);
	assert_non_null(src);
	assert_non_null(src->bytes);
	assert_int_equal(src->bytes[src->len], '\0');
	return src;
}

#define SRC(lit) src_of((lit), sizeof(lit) - 1)

static void check_pos(const struct rl_source *src, size_t off, unsigned line, unsigned col)
{
	struct rl_pos p = rl_source_pos(src, off);
	assert_int_equal(p.line, line);
	assert_int_equal(p.col, col);
}

static void test_source_valid_unchanged(void **state)
{
	(void)state;
	static const char text[] = "Jane Doe\nS\xC3\xA9nior \xE6\x97\xA5\xF0\x9F\x98\x80\n";
	struct rl_source *src = SRC(text);
	assert_string_equal(src->path, "t.md");
	assert_int_equal(src->len, sizeof text - 1);
	assert_memory_equal(src->bytes, text, sizeof text - 1);
	assert_int_equal(src->n_invalid, 0);
	assert_int_equal(src->first_invalid, 0);
	assert_int_equal(src->bom, 0);
	rl_source_free(src);
}

static void test_source_null_path(void **state)
{
	(void)state;
	struct rl_source *src = rl_source_new(NULL, "x", 1);
	assert_non_null(src->path);
	assert_string_equal(src->path, "");
	rl_source_free(src);
	rl_source_free(NULL); /* harmless */
}

static void test_source_invalid_byte(void **state)
{
	(void)state;
	struct rl_source *src = SRC("a\xFF" "b");
	assert_int_equal(src->len, 5);
	assert_memory_equal(src->bytes, "a\xEF\xBF\xBD" "b", 5);
	assert_int_equal(src->n_invalid, 1);
	assert_int_equal(src->first_invalid, 1);
	/* 'b' is still column 3, as in the original file */
	check_pos(src, 4, 1, 3);
	check_pos(src, 1, 1, 2);
	rl_source_free(src);
}

static void test_source_nul_byte(void **state)
{
	(void)state;
	struct rl_source *src = SRC("ab\0c\0");
	assert_int_equal(src->len, 2 + 3 + 1 + 3);
	assert_memory_equal(src->bytes, "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD", 9);
	assert_null(memchr(src->bytes, '\0', src->len));
	assert_int_equal(src->n_invalid, 2);
	assert_int_equal(src->first_invalid, 2);
	check_pos(src, 5, 1, 4); /* 'c' */
	check_pos(src, 9, 1, 6); /* end */
	rl_source_free(src);
}

static void test_source_each_invalid_byte_is_one_char(void **state)
{
	(void)state;
	/* a truncated 3-byte sequence: two invalid bytes → two U+FFFD */
	struct rl_source *src = SRC("\xE6\x97x");
	assert_int_equal(src->len, 7);
	assert_memory_equal(src->bytes, "\xEF\xBF\xBD\xEF\xBF\xBDx", 7);
	assert_int_equal(src->n_invalid, 2);
	assert_int_equal(src->first_invalid, 0);
	check_pos(src, 6, 1, 3);
	rl_source_free(src);

	/* overlong, surrogate and out-of-range forms: one U+FFFD per byte */
	src = SRC("\xC0\x80|\xED\xA0\x80|\xF4\x90\x80\x80|");
	assert_int_equal(src->n_invalid, 2 + 3 + 4);
	assert_int_equal(src->len, 9 * 3 + 3);
	assert_int_equal(rl_utf8_count(src->bytes, src->len), 2 + 1 + 3 + 1 + 4 + 1);
	/* the last '|' is character 12 of the original 12 bytes */
	check_pos(src, src->len - 1, 1, 12);
	for (size_t i = 0, k = 0; i < src->len; k++) {
		uint32_t cp;
		int valid;
		i += rl_utf8_decode(src->bytes + i, src->len - i, &cp, &valid);
		assert_int_equal(valid, 1);
		assert_int_equal(cp, (k == 2 || k == 6 || k == 11) ? (uint32_t)'|' : RL_REPLACEMENT_CHAR);
	}
	rl_source_free(src);
}

static void test_source_invalid_on_later_line(void **state)
{
	(void)state;
	struct rl_source *src = SRC("ok\n\xC3\xA9\xFFz\n\xFE");
	assert_int_equal(src->n_invalid, 2);
	assert_int_equal(src->first_invalid, 5);
	check_pos(src, src->first_invalid, 2, 2);
	check_pos(src, 8, 2, 3); /* 'z' */
	assert_int_equal(src->nlines, 3);
	check_pos(src, 10, 3, 1);
	rl_source_free(src);
}

static void test_source_invalid_keeps_line_ends(void **state)
{
	(void)state;
	/* a lead byte before a newline must not swallow the newline */
	struct rl_source *src = SRC("a\xE6\nb\xF0\r\nc");
	assert_int_equal(src->n_invalid, 2);
	assert_int_equal(src->nlines, 3);
	check_pos(src, (size_t)(strchr(src->bytes, 'b') - src->bytes), 2, 1);
	check_pos(src, (size_t)(strchr(src->bytes, 'c') - src->bytes), 3, 1);
	rl_source_free(src);
}

/* ---- source.h: line map ------------------------------------------------ */

static void check_lines(const struct rl_source *src, const size_t *want, size_t n)
{
	assert_int_equal(src->nlines, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(src->lines[i], want[i]);
}

static void test_lines_lf(void **state)
{
	(void)state;
	struct rl_source *src = SRC("ab\ncd\ne");
	static const size_t want[] = { 0, 3, 6 };
	check_lines(src, want, 3);
	check_pos(src, 0, 1, 1);
	check_pos(src, 1, 1, 2);
	check_pos(src, 2, 1, 3); /* the newline itself */
	check_pos(src, 3, 2, 1);
	check_pos(src, 5, 2, 3);
	check_pos(src, 6, 3, 1);
	check_pos(src, 7, 3, 2); /* end of input */
	rl_source_free(src);
}

static void test_lines_crlf(void **state)
{
	(void)state;
	struct rl_source *src = SRC("ab\r\ncd\r\n");
	static const size_t want[] = { 0, 4, 8 };
	check_lines(src, want, 3);
	check_pos(src, 2, 1, 3);
	check_pos(src, 4, 2, 1);
	check_pos(src, 5, 2, 2);
	check_pos(src, 8, 3, 1);
	rl_source_free(src);
}

static void test_lines_lone_cr(void **state)
{
	(void)state;
	struct rl_source *src = SRC("ab\rcd\re");
	static const size_t want[] = { 0, 3, 6 };
	check_lines(src, want, 3);
	check_pos(src, 3, 2, 1);
	check_pos(src, 6, 3, 1);
	rl_source_free(src);
}

static void test_lines_mixed(void **state)
{
	(void)state;
	/* CR CR LF LF: lone CR, CRLF, LF */
	struct rl_source *src = SRC("a\r\r\n\nb\n\rc");
	static const size_t want[] = { 0, 2, 4, 5, 7, 8 };
	check_lines(src, want, 6);
	check_pos(src, 5, 4, 1);
	check_pos(src, 8, 6, 1);
	rl_source_free(src);
}

static void test_lines_final_newline(void **state)
{
	(void)state;
	struct rl_source *src = SRC("x\ny");
	static const size_t want1[] = { 0, 2 };
	check_lines(src, want1, 2);
	check_pos(src, 3, 2, 2);
	rl_source_free(src);

	src = SRC("x\ny\n");
	static const size_t want2[] = { 0, 2, 4 };
	check_lines(src, want2, 3);
	check_pos(src, 4, 3, 1);
	rl_source_free(src);
}

static void test_lines_empty(void **state)
{
	(void)state;
	struct rl_source *src = rl_source_new("e", "", 0);
	assert_int_equal(src->len, 0);
	assert_string_equal(src->bytes, "");
	static const size_t want[] = { 0 };
	check_lines(src, want, 1);
	check_pos(src, 0, 1, 1);
	check_pos(src, 10, 1, 1); /* clamped */
	size_t len = 99;
	const char *l = rl_source_line(src, 1, &len);
	assert_non_null(l);
	assert_int_equal(len, 0);
	assert_null(rl_source_line(src, 2, &len));
	assert_int_equal(rl_source_offset(src, 1, 1), 0);
	assert_int_equal(rl_source_offset(src, 5, 1), 0);
	rl_source_free(src);
}

static void test_pos_clamped_past_end(void **state)
{
	(void)state;
	struct rl_source *src = SRC("ab\ncd");
	check_pos(src, 5, 2, 3);
	check_pos(src, 6, 2, 3);
	check_pos(src, (size_t)-1, 2, 3);
	rl_source_free(src);
}

/* ---- source.h: BOM and character columns ------------------------------- */

static void test_bom(void **state)
{
	(void)state;
	struct rl_source *src = SRC("\xEF\xBB\xBF" "ab\ncd");
	assert_int_equal(src->bom, 3);
	assert_int_equal(src->len, 8);
	assert_int_equal(src->n_invalid, 0);
	check_pos(src, 0, 1, 1);
	check_pos(src, 3, 1, 1); /* 'a' */
	check_pos(src, 4, 1, 2); /* 'b' */
	check_pos(src, 5, 1, 3);
	check_pos(src, 6, 2, 1); /* line 2 is not affected */
	check_pos(src, 7, 2, 2);
	size_t len;
	const char *l = rl_source_line(src, 1, &len);
	assert_int_equal(len, 2);
	assert_memory_equal(l, "ab", 2);
	assert_int_equal(rl_source_offset(src, 1, 1), 3);
	assert_int_equal(rl_source_offset(src, 1, 2), 4);
	assert_int_equal(rl_source_offset(src, 2, 1), 6);
	rl_source_free(src);
}

static void test_bom_not_at_start(void **state)
{
	(void)state;
	struct rl_source *src = SRC("a\xEF\xBB\xBF" "b");
	assert_int_equal(src->bom, 0);
	check_pos(src, 4, 1, 3); /* U+FEFF inside a line is a character */
	rl_source_free(src);

	src = SRC("\xEF\xBB"); /* a cut BOM is two invalid bytes */
	assert_int_equal(src->bom, 0);
	assert_int_equal(src->n_invalid, 2);
	rl_source_free(src);
}

static void test_bom_only(void **state)
{
	(void)state;
	struct rl_source *src = SRC("\xEF\xBB\xBF");
	assert_int_equal(src->bom, 3);
	check_pos(src, 3, 1, 1);
	size_t len = 9;
	assert_non_null(rl_source_line(src, 1, &len));
	assert_int_equal(len, 0);
	rl_source_free(src);
}

static void test_columns_count_characters(void **state)
{
	(void)state;
	/* é is 2 bytes, 日本 6 bytes, 😀 4 bytes */
	struct rl_source *src = SRC("\xC3\xA9x\n\xE6\x97\xA5\xE6\x9C\xAC" "y\n\xF0\x9F\x98\x80z");
	check_pos(src, 2, 1, 2);   /* x after é */
	check_pos(src, 4, 2, 1);   /* 日 */
	check_pos(src, 7, 2, 2);   /* 本 */
	check_pos(src, 10, 2, 3);  /* y */
	check_pos(src, 12, 3, 1);  /* 😀 */
	check_pos(src, 16, 3, 2);  /* z */
	assert_int_equal(rl_source_offset(src, 1, 2), 2);
	assert_int_equal(rl_source_offset(src, 2, 2), 7);
	assert_int_equal(rl_source_offset(src, 2, 3), 10);
	assert_int_equal(rl_source_offset(src, 3, 2), 16);
	rl_source_free(src);
}

/* ---- source.h: offset and line ----------------------------------------- */

static void test_offset_round_trip(void **state)
{
	(void)state;
	static const char text[] = "\xEF\xBB\xBF" "Jos\xC3\xA9 \xE6\x97\xA5\r\n"
				   "\xF0\x9F\x98\x80 a\xFF" "b\n"
				   "\r"
				   "last \xE2\x80\x94 line";
	struct rl_source *src = SRC(text);
	size_t checked = 0;
	for (size_t off = src->bom; off <= src->len; off++) {
		if (off < src->len && (src->bytes[off] & 0xC0) == 0x80)
			continue; /* not a character boundary */
		if (off > 0 && off < src->len && src->bytes[off] == '\n' && src->bytes[off - 1] == '\r')
			continue; /* inside a CRLF: not a place a column can name */
		struct rl_pos p = rl_source_pos(src, off);
		assert_int_equal(rl_source_offset(src, p.line, p.col), off);
		checked++;
	}
	assert_int_equal(checked, 7 + 6 + 1 + 11 + 1);
	rl_source_free(src);
}

static void test_offset_clamping(void **state)
{
	(void)state;
	struct rl_source *src = SRC("ab\r\ncde\n");
	assert_int_equal(rl_source_offset(src, 1, 1), 0);
	assert_int_equal(rl_source_offset(src, 1, 0), 0);   /* column 0 is column 1 */
	assert_int_equal(rl_source_offset(src, 1, 3), 2);   /* just past the text */
	assert_int_equal(rl_source_offset(src, 1, 50), 2);  /* clamped to the line */
	assert_int_equal(rl_source_offset(src, 2, 1), 4);
	assert_int_equal(rl_source_offset(src, 2, 99), 7);
	assert_int_equal(rl_source_offset(src, 3, 1), 8);
	assert_int_equal(rl_source_offset(src, 4, 1), src->len); /* past the end */
	assert_int_equal(rl_source_offset(src, 0, 1), src->len);
	rl_source_free(src);
}

static void check_line(const struct rl_source *src, unsigned line, const char *want)
{
	size_t len = 12345;
	const char *l = rl_source_line(src, line, &len);
	assert_non_null(l);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(l, want, len);
}

static void test_source_line(void **state)
{
	(void)state;
	struct rl_source *src = SRC("one\r\ntwo\nthr\xC3\xA9\rfour\n\nsix");
	check_line(src, 1, "one");
	check_line(src, 2, "two");
	check_line(src, 3, "thr\xC3\xA9");
	check_line(src, 4, "four");
	check_line(src, 5, "");
	check_line(src, 6, "six");
	size_t len;
	assert_null(rl_source_line(src, 0, &len));
	assert_null(rl_source_line(src, 7, &len));
	assert_null(rl_source_line(src, 1000, &len));
	rl_source_free(src);
}

static void test_source_line_invalid_bytes(void **state)
{
	(void)state;
	struct rl_source *src = SRC("x\xFF\ny");
	check_line(src, 1, "x\xEF\xBF\xBD");
	check_line(src, 2, "y");
	rl_source_free(src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_ascii),
		cmocka_unit_test(test_decode_multibyte),
		cmocka_unit_test(test_decode_valid_may_be_null),
		cmocka_unit_test(test_decode_overlong),
		cmocka_unit_test(test_decode_surrogates),
		cmocka_unit_test(test_decode_above_max),
		cmocka_unit_test(test_decode_truncated),
		cmocka_unit_test(test_seqlen),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_encode_invalid),
		cmocka_unit_test(test_encode_decode_round_trip),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_advance),
		cmocka_unit_test(test_count_advance_agree),
		cmocka_unit_test(test_unicode_lower),
		cmocka_unit_test(test_unicode_is_word),
		cmocka_unit_test(test_fold_words),
		cmocka_unit_test(test_fold_words_appends),
		cmocka_unit_test(test_source_valid_unchanged),
		cmocka_unit_test(test_source_null_path),
		cmocka_unit_test(test_source_invalid_byte),
		cmocka_unit_test(test_source_nul_byte),
		cmocka_unit_test(test_source_each_invalid_byte_is_one_char),
		cmocka_unit_test(test_source_invalid_on_later_line),
		cmocka_unit_test(test_source_invalid_keeps_line_ends),
		cmocka_unit_test(test_lines_lf),
		cmocka_unit_test(test_lines_crlf),
		cmocka_unit_test(test_lines_lone_cr),
		cmocka_unit_test(test_lines_mixed),
		cmocka_unit_test(test_lines_final_newline),
		cmocka_unit_test(test_lines_empty),
		cmocka_unit_test(test_pos_clamped_past_end),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_bom_not_at_start),
		cmocka_unit_test(test_bom_only),
		cmocka_unit_test(test_columns_count_characters),
		cmocka_unit_test(test_offset_round_trip),
		cmocka_unit_test(test_offset_clamping),
		cmocka_unit_test(test_source_line),
		cmocka_unit_test(test_source_line_invalid_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
