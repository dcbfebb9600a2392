/* Unit tests for yaml_tree.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "source.h"
#include "yaml_tree.h"

struct parsed {
	struct rl_source *src;
	struct rl_diags diags;
	struct rl_ynode *root;
};

static void parse_slice(struct parsed *p, const char *text, size_t len, size_t start, size_t end)
{
	p->src = rl_source_new("doc.yml", text, len);
	rl_diags_init(&p->diags);
	p->root = rl_yaml_parse(p->src, start, end, &p->diags);
}

static void parse_str(struct parsed *p, const char *text)
{
	size_t len = strlen(text);
	parse_slice(p, text, len, 0, len);
}

static void parsed_free(struct parsed *p)
{
	rl_ynode_free(p->root);
	rl_diags_free(&p->diags);
	rl_source_free(p->src);
}

/* A parse that must succeed without diagnostics. */
static const struct rl_ynode *ok(struct parsed *p)
{
	if (p->diags.n)
		fail_msg("unexpected diagnostic: %s", p->diags.v[0].message);
	assert_non_null(p->root);
	return p->root;
}

static void check_node(const struct rl_ynode *n, enum rl_ynode_type type, unsigned line, unsigned col,
		       size_t start, size_t end)
{
	assert_non_null(n);
	assert_int_equal(n->type, type);
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
	assert_int_equal(n->start, start);
	assert_int_equal(n->end, end);
}

static void check_scalar(const struct rl_ynode *n, const char *value, int plain, unsigned line,
			 unsigned col, size_t start, size_t end)
{
	check_node(n, RL_Y_SCALAR, line, col, start, end);
	assert_string_equal(n->value, value);
	assert_int_equal(n->value_len, strlen(value));
	assert_int_equal(n->plain, plain);
	assert_int_equal(n->n, 0);
}

/* The one error a failed parse must report. */
static void check_error(struct parsed *p, unsigned line, unsigned col, const char *message)
{
	assert_null(p->root);
	assert_int_equal(p->diags.n, 1);
	assert_int_equal(p->diags.errors, 1);
	assert_int_equal(p->diags.v[0].level, RL_DIAG_ERROR);
	assert_string_equal(p->diags.v[0].path, "doc.yml");
	assert_string_equal(p->diags.v[0].message, message);
	assert_int_equal(p->diags.v[0].line, line);
	assert_int_equal(p->diags.v[0].col, col);
}

/* ---- structure and positions ------------------------------------------- */

static void test_block_map(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "name: Jane\nage: 30\n");
	const struct rl_ynode *r = ok(&p);
	check_node(r, RL_Y_MAP, 1, 1, 0, 19);
	assert_int_equal(r->n, 4);
	check_scalar(r->items[0], "name", 1, 1, 1, 0, 4);
	check_scalar(r->items[1], "Jane", 1, 1, 7, 6, 10);
	check_scalar(r->items[2], "age", 1, 2, 1, 11, 14);
	check_scalar(r->items[3], "30", 1, 2, 6, 16, 18);
	parsed_free(&p);
}

static void test_quoted_and_block_scalars(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: \"x y\"\nb: 'z'\nc: |\n  lit\nd: plain words\n");
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->n, 8);
	/* quoted scalars span their quotes */
	check_scalar(r->items[1], "x y", 0, 1, 4, 3, 8);
	check_scalar(r->items[3], "z", 0, 2, 4, 12, 15);
	check_scalar(r->items[5], "lit\n", 0, 3, 4, 19, 27);
	check_scalar(r->items[7], "plain words", 1, 5, 4, 30, 41);
	parsed_free(&p);
}

static void test_escapes_in_value(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "k: \"a\\tb\\u00e9\"\n");
	const struct rl_ynode *r = ok(&p);
	check_scalar(r->items[1], "a\tb\xC3\xA9", 0, 1, 4, 3, 15);
	parsed_free(&p);
}

static void test_block_seq(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "- a\n- b\n");
	const struct rl_ynode *r = ok(&p);
	check_node(r, RL_Y_SEQ, 1, 1, 0, 8);
	assert_int_equal(r->n, 2);
	check_scalar(r->items[0], "a", 1, 1, 3, 2, 3);
	check_scalar(r->items[1], "b", 1, 2, 3, 6, 7);
	assert_null(r->value);
	parsed_free(&p);
}

static void test_flow_collections(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "k: [1, 2]\nm: {x: y}\n");
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->n, 4);
	const struct rl_ynode *seq = r->items[1];
	check_node(seq, RL_Y_SEQ, 1, 4, 3, 9);
	assert_int_equal(seq->n, 2);
	check_scalar(seq->items[0], "1", 1, 1, 5, 4, 5);
	check_scalar(seq->items[1], "2", 1, 1, 8, 7, 8);
	const struct rl_ynode *map = r->items[3];
	check_node(map, RL_Y_MAP, 2, 4, 13, 19);
	assert_int_equal(map->n, 2);
	check_scalar(map->items[0], "x", 1, 2, 5, 14, 15);
	check_scalar(map->items[1], "y", 1, 2, 8, 17, 18);
	parsed_free(&p);
}

static void test_nested_block(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "rules:\n  no-gpa: off\n  list:\n    - one\n    - two\n");
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->n, 2);
	const struct rl_ynode *rules = r->items[1];
	assert_int_equal(rules->type, RL_Y_MAP);
	assert_int_equal(rules->line, 2);
	assert_int_equal(rules->col, 3);
	assert_int_equal(rules->start, 9);
	assert_int_equal(rules->n, 4);
	check_scalar(rules->items[0], "no-gpa", 1, 2, 3, 9, 15);
	check_scalar(rules->items[1], "off", 1, 2, 11, 17, 20);
	const struct rl_ynode *list = rules->items[3];
	assert_int_equal(list->type, RL_Y_SEQ);
	assert_int_equal(list->line, 4);
	assert_int_equal(list->col, 5);
	assert_int_equal(list->n, 2);
	check_scalar(list->items[0], "one", 1, 4, 7, 35, 38);
	check_scalar(list->items[1], "two", 1, 5, 7, 45, 48);
	parsed_free(&p);
}

static void test_columns_are_characters(void **state)
{
	(void)state;
	struct parsed p;
	/* 名前 is 6 bytes, 2 characters */
	parse_str(&p, "\xE5\x90\x8D\xE5\x89\x8D: \xE6\x97\xA5\xE6\x9C\xAC\n"
		      "\xC3\xA9t\xC3\xA9: [caf\xC3\xA9, th\xC3\xA9]\n");
	const struct rl_ynode *r = ok(&p);
	check_scalar(r->items[0], "\xE5\x90\x8D\xE5\x89\x8D", 1, 1, 1, 0, 6);
	check_scalar(r->items[1], "\xE6\x97\xA5\xE6\x9C\xAC", 1, 1, 5, 8, 14);
	check_scalar(r->items[2], "\xC3\xA9t\xC3\xA9", 1, 2, 1, 15, 20);
	const struct rl_ynode *seq = r->items[3];
	check_node(seq, RL_Y_SEQ, 2, 6, 22, 35);
	check_scalar(seq->items[0], "caf\xC3\xA9", 1, 2, 7, 23, 28);
	check_scalar(seq->items[1], "th\xC3\xA9", 1, 2, 13, 30, 34);
	parsed_free(&p);
}

static void test_crlf(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: 1\r\nb: 2\r\n");
	const struct rl_ynode *r = ok(&p);
	check_scalar(r->items[0], "a", 1, 1, 1, 0, 1);
	check_scalar(r->items[1], "1", 1, 1, 4, 3, 4);
	check_scalar(r->items[2], "b", 1, 2, 1, 6, 7);
	check_scalar(r->items[3], "2", 1, 2, 4, 9, 10);
	parsed_free(&p);
}

static void test_bom(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "\xEF\xBB\xBF" "a: 1\nbb: 2\n");
	const struct rl_ynode *r = ok(&p);
	check_node(r, RL_Y_MAP, 1, 1, 3, 14);
	check_scalar(r->items[0], "a", 1, 1, 1, 3, 4);
	check_scalar(r->items[1], "1", 1, 1, 4, 6, 7);
	check_scalar(r->items[2], "bb", 1, 2, 1, 8, 10);
	check_scalar(r->items[3], "2", 1, 2, 5, 12, 13);
	parsed_free(&p);
}

/* libyaml breaks lines at U+2028, U+2029 and U+0085 too; the source's line
 * map does not, and positions must follow the source. */
static void test_unicode_line_separators(void **state)
{
	(void)state;
	struct parsed p;
	static const char ls[] = "a: 'x\xE2\x80\xA8y'\nb: 1\n";
	parse_str(&p, ls);
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->n, 4);
	check_scalar(r->items[2], "b", 1, 2, 1, 11, 12);
	check_scalar(r->items[3], "1", 1, 2, 4, 14, 15);
	parsed_free(&p);

	static const char nel[] = "a: 'x\xC2\x85y'\nbc: [e, d]\n";
	parse_str(&p, nel);
	r = ok(&p);
	check_scalar(r->items[2], "bc", 1, 2, 1, 10, 12);
	check_node(r->items[3], RL_Y_SEQ, 2, 5, 14, 20);
	check_scalar(r->items[3]->items[0], "e", 1, 2, 6, 15, 16);
	check_scalar(r->items[3]->items[1], "d", 1, 2, 9, 18, 19);
	parsed_free(&p);

	static const char ps[] = "a: \"\xE2\x80\xA9\"\nz: 1\n";
	parse_str(&p, ps);
	r = ok(&p);
	check_scalar(r->items[2], "z", 1, 2, 1, 9, 10);
	check_scalar(r->items[3], "1", 1, 2, 4, 12, 13);
	parsed_free(&p);

	/* an error after one is reported on the right line */
	parse_str(&p, "a: 'x\xE2\x80\xA8y'\nb: c: d\n");
	check_error(&p, 2, 5, "YAML: mapping values are not allowed in this context");
	parsed_free(&p);
}

/* ---- slices ------------------------------------------------------------ */

static void test_slice_at_later_line(void **state)
{
	(void)state;
	static const char text[] = "---\ntitle: X\nlist:\n  - a\n---\nbody: 1\n";
	size_t start = 4;
	size_t end = (size_t)(strstr(text + 4, "---") - text);
	assert_int_equal(end, 25);
	struct parsed p;
	parse_slice(&p, text, sizeof text - 1, start, end);
	const struct rl_ynode *r = ok(&p);
	check_node(r, RL_Y_MAP, 2, 1, 4, 25);
	assert_int_equal(r->n, 4);
	check_scalar(r->items[0], "title", 1, 2, 1, 4, 9);
	check_scalar(r->items[1], "X", 1, 2, 8, 11, 12);
	assert_int_equal((size_t)(strchr(text, 'X') - text), 11);
	check_scalar(r->items[2], "list", 1, 3, 1, 13, 17);
	check_node(r->items[3], RL_Y_SEQ, 4, 3, 21, 25);
	check_scalar(r->items[3]->items[0], "a", 1, 4, 5, 23, 24);
	/* the text after the slice is not read */
	assert_null(rl_ymap_get(r, "body"));
	parsed_free(&p);
}

static void test_slice_with_utf8_before(void **state)
{
	(void)state;
	/* multi-byte characters before the slice do not shift it */
	static const char text[] = "\xE6\x97\xA5\xE6\x9C\xAC\n\xC3\xA9\xC3\xA9\nk: \xC3\xA9v\n";
	size_t start = (size_t)(strstr(text, "k:") - text);
	assert_int_equal(start, 12);
	struct parsed p;
	parse_slice(&p, text, sizeof text - 1, start, sizeof text - 1);
	const struct rl_ynode *r = ok(&p);
	check_scalar(r->items[0], "k", 1, 3, 1, 12, 13);
	check_scalar(r->items[1], "\xC3\xA9v", 1, 3, 4, 15, 18);
	parsed_free(&p);
}

static void test_slice_end_is_honoured(void **state)
{
	(void)state;
	static const char text[] = "a: 1\nb: [unclosed\n";
	struct parsed p;
	parse_slice(&p, text, sizeof text - 1, 0, 5);
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->n, 2);
	check_scalar(r->items[1], "1", 1, 1, 4, 3, 4);
	parsed_free(&p);
}

static void test_slice_error_position(void **state)
{
	(void)state;
	static const char text[] = "# Resume\n\n---\nname: x\nbad: b: c\n---\n";
	size_t start = (size_t)(strstr(text, "name") - text);
	size_t end = (size_t)(strstr(text + start, "---") - text);
	struct parsed p;
	parse_slice(&p, text, sizeof text - 1, start, end);
	check_error(&p, 5, 7, "YAML: mapping values are not allowed in this context");
	char *f = rl_diag_format(&p.diags.v[0]);
	assert_string_equal(f, "doc.yml:5:7: YAML: mapping values are not allowed in this context");
	free(f);
	parsed_free(&p);
}

/* ---- empty documents --------------------------------------------------- */

static void check_empty_map(const char *text, unsigned line)
{
	struct parsed p;
	parse_str(&p, text);
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->type, RL_Y_MAP);
	assert_int_equal(r->n, 0);
	assert_int_equal(r->line, line);
	assert_null(rl_ymap_get(r, "anything"));
	parsed_free(&p);
}

static void test_empty_documents(void **state)
{
	(void)state;
	check_empty_map("", 1);
	check_empty_map("\n\n", 1);
	check_empty_map("# only a comment\n", 1);
	check_empty_map("---\n", 2);
	check_empty_map("---\n...\n", 2);
}

static void test_empty_slice_at_later_line(void **state)
{
	(void)state;
	static const char text[] = "---\n---\nbody\n";
	struct parsed p;
	parse_slice(&p, text, sizeof text - 1, 4, 4);
	const struct rl_ynode *r = ok(&p);
	check_node(r, RL_Y_MAP, 2, 1, 4, 4);
	assert_int_equal(r->n, 0);
	parsed_free(&p);
}

static void test_empty_string_document_is_not_a_map(void **state)
{
	(void)state;
	/* a quoted empty string is a value, not an empty document */
	struct parsed p;
	parse_str(&p, "\"\"\n");
	const struct rl_ynode *r = ok(&p);
	check_scalar(r, "", 0, 1, 1, 0, 2);
	parsed_free(&p);
}

static void test_scalar_root(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "just text\n");
	const struct rl_ynode *r = ok(&p);
	check_scalar(r, "just text", 1, 1, 1, 0, 9);
	parsed_free(&p);
}

static void test_only_first_document(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: 1\n---\nb: 2\n");
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->n, 2);
	assert_non_null(rl_ymap_get(r, "a"));
	assert_null(rl_ymap_get(r, "b"));
	parsed_free(&p);
}

/* ---- lookups ----------------------------------------------------------- */

static void test_ymap_get(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: 1\nlist: [x]\nsub: {k: v}\n\"quoted key\": q\n");
	const struct rl_ynode *r = ok(&p);
	const struct rl_ynode *v = rl_ymap_get(r, "a");
	assert_non_null(v);
	assert_string_equal(v->value, "1");
	v = rl_ymap_get(r, "list");
	assert_non_null(v);
	assert_int_equal(v->type, RL_Y_SEQ);
	assert_null(rl_ymap_get(v, "x")); /* not a map */
	v = rl_ymap_get(r, "sub");
	assert_non_null(v);
	assert_string_equal(rl_ymap_get(v, "k")->value, "v");
	assert_string_equal(rl_ymap_get(r, "quoted key")->value, "q");
	assert_null(rl_ymap_get(r, "A"));      /* keys are case-sensitive */
	assert_null(rl_ymap_get(r, "missing"));
	assert_null(rl_ymap_get(r, ""));
	assert_null(rl_ymap_get(NULL, "a"));
	assert_null(rl_ymap_get(r->items[1], "a")); /* a scalar */
	parsed_free(&p);
}

static void test_yscalar_bool(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "[true, True, TRUE, yes, Yes, on, ON, false, False, no, NO, off, Off, "
		      "maybe, 1, 0, y, n, '', truely, [true], {a: b}]");
	const struct rl_ynode *r = ok(&p);
	static const int want[] = { 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
				    -1, -1, -1, -1, -1, -1, -1, -1, -1 };
	assert_int_equal(r->n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < r->n; i++) {
		if (rl_yscalar_bool(r->items[i]) != want[i])
			fail_msg("item %zu: got %d, want %d", i, rl_yscalar_bool(r->items[i]), want[i]);
	}
	/* quoting does not matter: 'yes' is still a true word */
	parsed_free(&p);
	parse_str(&p, "a: 'yes'\n");
	assert_int_equal(rl_yscalar_bool(rl_ymap_get(ok(&p), "a")), 1);
	assert_int_equal(rl_yscalar_bool(NULL), -1);
	parsed_free(&p);
}

static void test_type_names(void **state)
{
	(void)state;
	assert_string_equal(rl_ynode_type_name(RL_Y_SCALAR), "a value");
	assert_string_equal(rl_ynode_type_name(RL_Y_MAP), "a map");
	assert_string_equal(rl_ynode_type_name(RL_Y_SEQ), "a list");
}

static void test_duplicate_keys_kept_in_order(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: 1\na: 2\n");
	const struct rl_ynode *r = ok(&p);
	assert_int_equal(r->n, 4);
	assert_string_equal(rl_ymap_get(r, "a")->value, "1");
	check_scalar(r->items[3], "2", 1, 2, 4, 8, 9);
	parsed_free(&p);
}

/* ---- errors ------------------------------------------------------------ */

static void test_error_unclosed_flow(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: [1, 2\n");
	check_error(&p, 2, 1, "YAML: did not find expected ',' or ']' while parsing a flow sequence");
	parsed_free(&p);
}

static void test_error_mapping_values(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: b: c\n");
	check_error(&p, 1, 5, "YAML: mapping values are not allowed in this context");
	parsed_free(&p);

	parse_str(&p, "a: 1\n b: 2\n");
	check_error(&p, 2, 3, "YAML: mapping values are not allowed in this context");
	parsed_free(&p);
}

static void test_error_unterminated_quote(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "ok: 1\nkey: 'abc\n");
	check_error(&p, 3, 1, "YAML: found unexpected end of stream while scanning a quoted scalar");
	parsed_free(&p);
}

static void test_error_bad_indentation(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "list:\n  - a\n - b\n");
	check_error(&p, 3, 2, "YAML: did not find expected key while parsing a block mapping");
	parsed_free(&p);
}

static void test_error_non_scalar_key(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "ok: 1\n? [a]\n: b\n");
	check_error(&p, 2, 3, "YAML: a key must be a plain value");
	parsed_free(&p);

	parse_str(&p, "{[x]: y}\n");
	check_error(&p, 1, 2, "YAML: a key must be a plain value");
	parsed_free(&p);
}

static void test_error_control_character(void **state)
{
	(void)state;
	/* found by libyaml's reader, which gives a byte offset and no mark */
	struct parsed p;
	parse_str(&p, "a: 1\nb: x\x01y\n");
	check_error(&p, 2, 5, "YAML: control characters are not allowed");
	parsed_free(&p);

	parse_str(&p, "\xC3\xA9: \x7F\n"); /* bytes before it are not characters */
	check_error(&p, 1, 4, "YAML: control characters are not allowed");
	parsed_free(&p);

	parse_str(&p, "\xEF\xBB\xBF" "a: \x1B[0m\n"); /* the BOM is not a column */
	check_error(&p, 1, 4, "YAML: control characters are not allowed");
	parsed_free(&p);

	static const char text[] = "# Title\n---\nk: \x02\n---\n";
	parse_slice(&p, text, sizeof text - 1, 12, 17);
	check_error(&p, 3, 4, "YAML: control characters are not allowed");
	parsed_free(&p);
}

static void test_error_diags_accumulate(void **state)
{
	(void)state;
	/* errors are added to what diags already holds */
	struct rl_source *src = rl_source_new("x.yml", "a: b: c\n", 8);
	struct rl_diags d;
	rl_diags_init(&d);
	rl_diags_add(&d, RL_DIAG_WARNING, "other", 1, 1, "earlier");
	assert_null(rl_yaml_parse(src, 0, src->len, &d));
	assert_int_equal(d.n, 2);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].message, "earlier");
	assert_string_equal(d.v[1].path, "x.yml");
	rl_diags_free(&d);
	rl_source_free(src);
}

static void test_aliases_refused(void **state)
{
	(void)state;
	struct parsed p;
	/* libyaml's parser does not resolve aliases, so one needs no anchor */
	parse_str(&p, "a: 1\nb: *x\n");
	check_error(&p, 2, 4, "YAML: aliases are not supported");
	parsed_free(&p);

	parse_str(&p, "list:\n  - ok\n  - *ref\n");
	check_error(&p, 3, 5, "YAML: aliases are not supported");
	parsed_free(&p);

	/* the billion-laughs shape fails once, at its first anchor */
	parse_str(&p, "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n");
	check_error(&p, 1, 4, "YAML: anchors are not supported");
	parsed_free(&p);
}

static void test_anchors_refused(void **state)
{
	(void)state;
	struct parsed p;
	parse_str(&p, "a: &x 1\n");
	check_error(&p, 1, 4, "YAML: anchors are not supported");
	parsed_free(&p);

	parse_str(&p, "a: 1\nb: &m {k: v}\n");
	check_error(&p, 2, 4, "YAML: anchors are not supported");
	parsed_free(&p);

	parse_str(&p, "- &s [1]\n");
	check_error(&p, 1, 3, "YAML: anchors are not supported");
	parsed_free(&p);
}

static char *nested(size_t depth, const char *inner)
{
	struct rl_buf b;
	rl_buf_init(&b);
	for (size_t i = 0; i < depth; i++)
		rl_buf_addc(&b, '[');
	rl_buf_adds(&b, inner);
	for (size_t i = 0; i < depth; i++)
		rl_buf_addc(&b, ']');
	rl_buf_addc(&b, '\n');
	return rl_buf_detach(&b, NULL);
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct parsed p;
	/* the root is depth 0: a value inside RL_YAML_MAX_DEPTH lists is at the limit */
	char *s = nested(RL_YAML_MAX_DEPTH, "x");
	parse_str(&p, s);
	const struct rl_ynode *n = ok(&p);
	for (int i = 0; i < RL_YAML_MAX_DEPTH; i++) {
		assert_int_equal(n->type, RL_Y_SEQ);
		assert_int_equal(n->n, 1);
		n = n->items[0];
	}
	check_scalar(n, "x", 1, 1, RL_YAML_MAX_DEPTH + 1, RL_YAML_MAX_DEPTH, RL_YAML_MAX_DEPTH + 1);
	parsed_free(&p);
	free(s);

	/* one deeper is refused, at the node past the limit */
	s = nested(RL_YAML_MAX_DEPTH + 1, "x");
	parse_str(&p, s);
	check_error(&p, 1, RL_YAML_MAX_DEPTH + 2, "YAML: nested too deeply");
	parsed_free(&p);
	free(s);

	/* far deeper: refused once, without a crash */
	s = nested(5000, "");
	parse_str(&p, s);
	check_error(&p, 1, RL_YAML_MAX_DEPTH + 2, "YAML: nested too deeply");
	parsed_free(&p);
	free(s);
}

static void test_depth_limit_block_maps(void **state)
{
	(void)state;
	struct rl_buf b;
	rl_buf_init(&b);
	/* k0: k1: ... as a block map, one level per line */
	for (int i = 0; i <= RL_YAML_MAX_DEPTH + 1; i++) {
		for (int j = 0; j < i; j++)
			rl_buf_adds(&b, " ");
		rl_buf_addf(&b, "k%d:\n", i);
	}
	struct parsed p;
	parse_str(&p, b.data);
	/* key k(i) sits in the map at depth i; its value (an empty scalar) at i+1 */
	assert_null(p.root);
	assert_int_equal(p.diags.errors, 1);
	assert_string_equal(p.diags.v[0].message, "YAML: nested too deeply");
	assert_int_equal(p.diags.v[0].line, RL_YAML_MAX_DEPTH + 1);
	assert_int_equal(p.diags.v[0].col, RL_YAML_MAX_DEPTH + 1);
	parsed_free(&p);
	rl_buf_free(&b);
}

static void test_node_limit(void **state)
{
	(void)state;
	struct rl_buf b;
	struct parsed p;
	/* the root list counts as one node */
	rl_buf_init(&b);
	rl_buf_addc(&b, '[');
	for (size_t i = 0; i < RL_YAML_MAX_NODES - 1; i++)
		rl_buf_adds(&b, i ? ",0" : "0");
	rl_buf_addc(&b, ']');
	parse_str(&p, b.data);
	assert_int_equal(ok(&p)->n, RL_YAML_MAX_NODES - 1);
	parsed_free(&p);

	rl_buf_clear(&b);
	rl_buf_addc(&b, '[');
	for (size_t i = 0; i < RL_YAML_MAX_NODES; i++)
		rl_buf_adds(&b, i ? ",0" : "0");
	rl_buf_addc(&b, ']');
	parse_str(&p, b.data);
	check_error(&p, 1, 2 * RL_YAML_MAX_NODES, "YAML: too many nodes");
	parsed_free(&p);
	rl_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_map),
		cmocka_unit_test(test_quoted_and_block_scalars),
		cmocka_unit_test(test_escapes_in_value),
		cmocka_unit_test(test_block_seq),
		cmocka_unit_test(test_flow_collections),
		cmocka_unit_test(test_nested_block),
		cmocka_unit_test(test_columns_are_characters),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_unicode_line_separators),
		cmocka_unit_test(test_slice_at_later_line),
		cmocka_unit_test(test_slice_with_utf8_before),
		cmocka_unit_test(test_slice_end_is_honoured),
		cmocka_unit_test(test_slice_error_position),
		cmocka_unit_test(test_empty_documents),
		cmocka_unit_test(test_empty_slice_at_later_line),
		cmocka_unit_test(test_empty_string_document_is_not_a_map),
		cmocka_unit_test(test_scalar_root),
		cmocka_unit_test(test_only_first_document),
		cmocka_unit_test(test_ymap_get),
		cmocka_unit_test(test_yscalar_bool),
		cmocka_unit_test(test_type_names),
		cmocka_unit_test(test_duplicate_keys_kept_in_order),
		cmocka_unit_test(test_error_unclosed_flow),
		cmocka_unit_test(test_error_mapping_values),
		cmocka_unit_test(test_error_unterminated_quote),
		cmocka_unit_test(test_error_bad_indentation),
		cmocka_unit_test(test_error_non_scalar_key),
		cmocka_unit_test(test_error_control_character),
		cmocka_unit_test(test_error_diags_accumulate),
		cmocka_unit_test(test_aliases_refused),
		cmocka_unit_test(test_anchors_refused),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_depth_limit_block_maps),
		cmocka_unit_test(test_node_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
