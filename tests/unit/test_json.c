/* Unit tests for json.h. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "json.h"

static void check_escape(const char *in, size_t len, const char *want)
{
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_adds(&b, "<");
	rl_json_escape(&b, in, len);
	rl_buf_adds(&b, ">");
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	rl_buf_free(&b);
}

#define ESC(lit, want) check_escape((lit), sizeof(lit) - 1, (want))

/* ---- escaping ---------------------------------------------------------- */

static void test_escape_plain(void **state)
{
	(void)state;
	ESC("", "<>");
	ESC("hello world", "<hello world>");
	ESC("a/b 'single' ~", "<a/b 'single' ~>");
}

static void test_escape_quote_backslash(void **state)
{
	(void)state;
	ESC("say \"hi\"", "<say \\\"hi\\\">");
	ESC("C:\\path\\", "<C:\\\\path\\\\>");
	ESC("\"", "<\\\">");
	ESC("\\\"", "<\\\\\\\">");
}

static void test_escape_whitespace(void **state)
{
	(void)state;
	ESC("a\nb", "<a\\nb>");
	ESC("a\tb", "<a\\tb>");
	ESC("\r\n", "<\\r\\n>");
	ESC("\b\f", "<\\b\\f>");
}

static void test_escape_control(void **state)
{
	(void)state;
	ESC("\x01", "<\\u0001>");
	ESC("\x1f", "<\\u001f>");
	ESC("a\x1b[0mb", "<a\\u001b[0mb>");
	ESC("\x0b", "<\\u000b>");
	ESC("\x7f", "<\\u007f>");
	/* an embedded NUL is data when the length says so */
	ESC("a\0b", "<a\\u0000b>");
	/* every control character is escaped, never written raw */
	for (unsigned c = 0; c < 0x20; c++) {
		char in = (char)c;
		struct rl_buf b;
		rl_buf_init(&b);
		rl_json_escape(&b, &in, 1);
		assert_int_equal(b.data[0], '\\');
		for (size_t i = 0; i < b.len; i++)
			assert_true((unsigned char)b.data[i] >= 0x20);
		rl_buf_free(&b);
	}
}

static void test_escape_utf8_passes_through(void **state)
{
	(void)state;
	ESC("Jos\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80",
	    "<Jos\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80>");
	ESC("\xE2\x80\x94\"\xE2\x80\x94", "<\xE2\x80\x94\\\"\xE2\x80\x94>");
}

static void test_escape_respects_len(void **state)
{
	(void)state;
	check_escape("abc\"def", 3, "<abc>");
	check_escape("abc\"def", 4, "<abc\\\">");
	check_escape("x", 0, "<>");
}

/* ---- writer ------------------------------------------------------------ */

struct w {
	struct rl_buf out;
	struct rl_json j;
};

static void w_init(struct w *w, int pretty)
{
	rl_buf_init(&w->out);
	rl_json_init(&w->j, &w->out, pretty);
}

static void w_check(struct w *w, const char *want)
{
	assert_string_equal(w->out.data, want);
	rl_buf_free(&w->out);
}

static void test_empty_containers(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 0);
	rl_json_begin_object(&w.j);
	rl_json_end_object(&w.j);
	w_check(&w, "{}");

	w_init(&w, 0);
	rl_json_begin_array(&w.j);
	rl_json_end_array(&w.j);
	w_check(&w, "[]");

	/* pretty mode keeps empty containers on one line */
	w_init(&w, 1);
	rl_json_begin_object(&w.j);
	rl_json_key(&w.j, "a");
	rl_json_begin_array(&w.j);
	rl_json_end_array(&w.j);
	rl_json_key(&w.j, "b");
	rl_json_begin_object(&w.j);
	rl_json_end_object(&w.j);
	rl_json_end_object(&w.j);
	w_check(&w, "{\n  \"a\": [],\n  \"b\": {}\n}");
}

static void write_sample(struct rl_json *j)
{
	rl_json_begin_object(j);
	rl_json_key(j, "name");
	rl_json_string(j, "Jane \"JD\" Doe");
	rl_json_key(j, "pages");
	rl_json_int(j, 2);
	rl_json_key(j, "ok");
	rl_json_bool(j, 0);
	rl_json_key(j, "none");
	rl_json_null(j);
	rl_json_key(j, "list");
	rl_json_begin_array(j);
	rl_json_int(j, 1);
	rl_json_begin_object(j);
	rl_json_key(j, "k");
	rl_json_bool(j, 1);
	rl_json_end_object(j);
	rl_json_string(j, "x");
	rl_json_end_array(j);
	rl_json_key(j, "score");
	rl_json_number(j, 0.25, 2);
	rl_json_end_object(j);
}

static void test_compact(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 0);
	write_sample(&w.j);
	w_check(&w, "{\"name\":\"Jane \\\"JD\\\" Doe\",\"pages\":2,\"ok\":false,\"none\":null,"
		    "\"list\":[1,{\"k\":true},\"x\"],\"score\":0.25}");
}

static void test_pretty(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 1);
	write_sample(&w.j);
	w_check(&w, "{\n"
		    "  \"name\": \"Jane \\\"JD\\\" Doe\",\n"
		    "  \"pages\": 2,\n"
		    "  \"ok\": false,\n"
		    "  \"none\": null,\n"
		    "  \"list\": [\n"
		    "    1,\n"
		    "    {\n"
		    "      \"k\": true\n"
		    "    },\n"
		    "    \"x\"\n"
		    "  ],\n"
		    "  \"score\": 0.25\n"
		    "}");
}

static void test_nested_arrays(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 0);
	rl_json_begin_array(&w.j);
	rl_json_begin_array(&w.j);
	rl_json_end_array(&w.j);
	rl_json_begin_array(&w.j);
	rl_json_int(&w.j, 1);
	rl_json_int(&w.j, 2);
	rl_json_end_array(&w.j);
	rl_json_begin_array(&w.j);
	rl_json_begin_array(&w.j);
	rl_json_null(&w.j);
	rl_json_end_array(&w.j);
	rl_json_end_array(&w.j);
	rl_json_end_array(&w.j);
	w_check(&w, "[[],[1,2],[[null]]]");

	w_init(&w, 1);
	rl_json_begin_array(&w.j);
	rl_json_begin_array(&w.j);
	rl_json_int(&w.j, 1);
	rl_json_end_array(&w.j);
	rl_json_int(&w.j, 2);
	rl_json_end_array(&w.j);
	w_check(&w, "[\n  [\n    1\n  ],\n  2\n]");
}

static void test_keys_escaped(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 0);
	rl_json_begin_object(&w.j);
	rl_json_key(&w.j, "a\"b\\c\n");
	rl_json_int(&w.j, 0);
	rl_json_key(&w.j, "\xC3\xA9");
	rl_json_string(&w.j, "\t");
	rl_json_end_object(&w.j);
	w_check(&w, "{\"a\\\"b\\\\c\\n\":0,\"\xC3\xA9\":\"\\t\"}");
}

static void test_strings(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 0);
	rl_json_begin_array(&w.j);
	rl_json_string(&w.j, NULL); /* NULL writes null */
	rl_json_string(&w.j, "");
	rl_json_string_n(&w.j, "abcdef", 3);
	rl_json_string_n(&w.j, "a\0b", 3);
	rl_json_end_array(&w.j);
	w_check(&w, "[null,\"\",\"abc\",\"a\\u0000b\"]");
}

static void test_ints(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 0);
	rl_json_begin_array(&w.j);
	rl_json_int(&w.j, 0);
	rl_json_int(&w.j, -1);
	rl_json_int(&w.j, 9223372036854775807LL);
	rl_json_int(&w.j, -9223372036854775807LL - 1);
	rl_json_end_array(&w.j);
	w_check(&w, "[0,-1,9223372036854775807,-9223372036854775808]");
}

static void check_number(double v, int decimals, const char *want)
{
	struct w w;
	w_init(&w, 0);
	rl_json_number(&w.j, v, decimals);
	w_check(&w, want);
}

static void test_numbers(void **state)
{
	(void)state;
	check_number(1.5, 2, "1.5");
	check_number(2.0, 2, "2");
	check_number(2.0, 0, "2");
	check_number(1.25, 2, "1.25");
	check_number(1.257, 2, "1.26");
	check_number(10.0, 3, "10");   /* zeros before the point stay */
	check_number(100.0, 0, "100");
	check_number(0.1, 1, "0.1");
	check_number(0.0, 2, "0");
	check_number(1.0 / 3.0, 4, "0.3333");
	check_number(-2.5, 1, "-2.5");
	check_number(-2.50, 3, "-2.5");
	check_number(1234567.0, 2, "1234567");
	check_number(0.004, 2, "0");     /* rounds to zero */
	check_number(0.005001, 2, "0.01");
}

static void test_negative_zero(void **state)
{
	(void)state;
	check_number(-0.0, 2, "0");
	check_number(-0.0, 0, "0");
	check_number(-0.001, 2, "0"); /* rounds to -0.00 */
	check_number(-0.4, 0, "0");
}

static void test_non_finite_is_null(void **state)
{
	(void)state;
	check_number(NAN, 2, "null");
	check_number(INFINITY, 2, "null");
	check_number(-INFINITY, 0, "null");

	struct w w;
	w_init(&w, 0);
	rl_json_begin_object(&w.j);
	rl_json_key(&w.j, "a");
	rl_json_number(&w.j, NAN, 2);
	rl_json_key(&w.j, "b");
	rl_json_number(&w.j, 3.0, 2);
	rl_json_end_object(&w.j);
	w_check(&w, "{\"a\":null,\"b\":3}");
}

static void test_top_level_values(void **state)
{
	(void)state;
	struct w w;
	w_init(&w, 1);
	rl_json_string(&w.j, "x");
	w_check(&w, "\"x\"");

	w_init(&w, 0);
	rl_json_bool(&w.j, 1);
	w_check(&w, "true");

	w_init(&w, 0);
	rl_json_bool(&w.j, 42); /* any non-zero is true */
	w_check(&w, "true");
}

static void test_appends_to_buffer(void **state)
{
	(void)state;
	struct w w;
	rl_buf_init(&w.out);
	rl_buf_adds(&w.out, "prefix ");
	rl_json_init(&w.j, &w.out, 0);
	rl_json_begin_array(&w.j);
	rl_json_int(&w.j, 1);
	rl_json_end_array(&w.j);
	w_check(&w, "prefix [1]");
}

static void test_deep_nesting(void **state)
{
	(void)state;
	/* every level the writer tracks keeps its own comma state */
	struct w w;
	w_init(&w, 0);
	struct rl_buf want;
	rl_buf_init(&want);
	int levels = RL_JSON_MAX_DEPTH - 1;
	for (int i = 0; i < levels; i++) {
		rl_json_begin_array(&w.j);
		rl_json_int(&w.j, i);
		rl_buf_addf(&want, "%s[%d", i ? "," : "", i);
	}
	for (int i = 0; i < levels; i++) {
		rl_json_end_array(&w.j);
		rl_json_int(&w.j, 7);
		rl_buf_adds(&want, i < levels - 1 ? "],7" : "]");
	}
	/* the last int after the outermost array is a second top-level value */
	rl_buf_addc(&want, '7');
	w_check(&w, want.data);
	rl_buf_free(&want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_plain),
		cmocka_unit_test(test_escape_quote_backslash),
		cmocka_unit_test(test_escape_whitespace),
		cmocka_unit_test(test_escape_control),
		cmocka_unit_test(test_escape_utf8_passes_through),
		cmocka_unit_test(test_escape_respects_len),
		cmocka_unit_test(test_empty_containers),
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_nested_arrays),
		cmocka_unit_test(test_keys_escaped),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_ints),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_negative_zero),
		cmocka_unit_test(test_non_finite_is_null),
		cmocka_unit_test(test_top_level_values),
		cmocka_unit_test(test_appends_to_buffer),
		cmocka_unit_test(test_deep_nesting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
