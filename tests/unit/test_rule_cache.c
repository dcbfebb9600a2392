/* The rule cache: what it records comes back the same (trees and compiled
 * patterns), a changed rule file or pattern is not taken from it, and a
 * damaged or foreign file is no cache at all. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint.h"
#include "rule_cache.h"
#include "source.h"
#include "yaml_tree.h"

static char path[] = "/tmp/rl-rule-cache-XXXXXX";

static int same_tree(const struct rl_ynode *a, const struct rl_ynode *b)
{
	if (a->type != b->type || a->line != b->line || a->col != b->col || a->start != b->start ||
	    a->end != b->end || a->n != b->n || a->plain != b->plain)
		return 0;
	if (a->type == RL_Y_SCALAR && (a->value_len != b->value_len || memcmp(a->value, b->value, a->value_len)))
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (!same_tree(a->items[i], b->items[i]))
			return 0;
	return 1;
}

static void test_round_trip(void **state)
{
	(void)state;
	const char *text = "id: x\nkind: pattern\npattern: ['\\bGPA\\b', 'grade\\s+average']\nmessage: m\n";
	struct rl_source *src = rl_source_new("rules/x.yaml", text, strlen(text));
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_ynode *tree = rl_yaml_parse(src, 0, src->len, &d);
	assert_non_null(tree);

	struct rl_rule_cache *rec = rl_rule_cache_recorder();
	struct rl_file_stamp stamp = { 77, 1700000000123456789ull };
	rl_rule_cache_put_tree(rec, "x.yaml", src->bytes, src->len, tree, &stamp);
	rl_rule_cache_put_tree(rec, "unstamped.yaml", src->bytes, src->len, tree, NULL);
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = rl_rule_cache_compile(rec, "\\bGPA\\b", PCRE2_UTF | PCRE2_CASELESS, &err, &off);
	assert_non_null(re);
	pcre2_code_free(re);
	assert_int_equal(rl_rule_cache_write(rec, path, &d), 0);
	rl_rule_cache_free(rec);

	struct rl_rule_cache *c = rl_rule_cache_open(path);
	assert_non_null(c);
	struct rl_ynode *back = rl_rule_cache_tree(c, "x.yaml", src->bytes, src->len);
	assert_non_null(back);
	assert_true(same_tree(tree, back));
	rl_ynode_free(back);
	/* the same name with other bytes, or a shorter read, is not taken */
	assert_null(rl_rule_cache_tree(c, "x.yaml", "id: y\n", 6));
	assert_null(rl_rule_cache_tree(c, "x.yaml", src->bytes, src->len - 1));
	assert_null(rl_rule_cache_tree(c, "z.yaml", src->bytes, src->len));
	/* unread: the file's size and modification time are the ones recorded */
	back = rl_rule_cache_tree_unread(c, "x.yaml", &stamp);
	assert_non_null(back);
	assert_true(same_tree(tree, back));
	rl_ynode_free(back);
	struct rl_file_stamp other = stamp;
	other.mtime_ns++;
	assert_null(rl_rule_cache_tree_unread(c, "x.yaml", &other));
	other = stamp;
	other.size++;
	assert_null(rl_rule_cache_tree_unread(c, "x.yaml", &other));
	assert_null(rl_rule_cache_tree_unread(c, "z.yaml", &stamp));
	struct rl_file_stamp none = { 0, 0 };
	assert_null(rl_rule_cache_tree_unread(c, "unstamped.yaml", &none));

	/* the cached pattern matches as the compiled one does; other options or
	 * text compile afresh */
	re = rl_rule_cache_compile(c, "\\bGPA\\b", PCRE2_UTF | PCRE2_CASELESS, &err, &off);
	assert_non_null(re);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	assert_true(pcre2_match(re, (PCRE2_SPTR) "my gpa: 4", 9, 0, 0, md, NULL) > 0);
	assert_int_equal(pcre2_get_ovector_pointer(md)[0], 3);
	pcre2_code_free(re);
	re = rl_rule_cache_compile(c, "\\bGPA\\b", PCRE2_UTF, &err, &off);
	assert_true(pcre2_match(re, (PCRE2_SPTR) "my gpa: 4", 9, 0, 0, md, NULL) < 0);
	pcre2_code_free(re);
	/* a bad pattern is still an error */
	assert_null(rl_rule_cache_compile(c, "(unclosed", PCRE2_UTF, &err, &off));
	pcre2_match_data_free(md);
	rl_rule_cache_free(c);
	rl_ynode_free(tree);
	rl_source_free(src);
	rl_diags_free(&d);
}

static void test_damaged_files(void **state)
{
	(void)state;
	assert_null(rl_rule_cache_open("/nonexistent/rules.cache"));
	/* every truncation of a good file is refused, never a crash */
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	assert_true(n > 16);
	for (size_t cut = 0; cut < n; cut += 7) {
		f = fopen(path, "wb");
		fwrite(buf, 1, cut, f);
		fclose(f);
		struct rl_rule_cache *c = rl_rule_cache_open(path);
		if (c) { /* a cut past the last section can still read */
			rl_ynode_free(rl_rule_cache_tree(c, "x.yaml", "id: x", 5));
			rl_rule_cache_free(c);
		}
	}
	f = fopen(path, "wb");
	fputs("RLRCACHE but not really", f);
	fclose(f);
	assert_null(rl_rule_cache_open(path));
	unlink(path);
}

static void test_shipped_rules_same_with_cache(void **state)
{
	(void)state;
	/* the shipped rules loaded through a cache of themselves are the same
	 * rules: same ids, messages and findings on a resume */
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_rule_cache *rec = rl_rule_cache_recorder();
	struct rl_linter a, b;
	assert_int_equal(rl_linter_init_ex(&a, RL_TEST_RULES_DIR, RL_TEST_RULES_DIR "/tables", 0, rec, &d), 0);
	assert_int_equal(rl_rule_cache_write(rec, path, &d), 0);
	rl_rule_cache_free(rec);
	struct rl_rule_cache *c = rl_rule_cache_open(path);
	assert_non_null(c);
	assert_int_equal(rl_linter_init_ex(&b, RL_TEST_RULES_DIR, RL_TEST_RULES_DIR "/tables", 0, c, &d), 0);
	rl_rule_cache_free(c);
	assert_int_equal(a.rules.n, b.rules.n);
	for (size_t i = 0; i < a.rules.n; i++) {
		assert_string_equal(a.rules.v[i]->id, b.rules.v[i]->id);
		assert_string_equal(a.rules.v[i]->message, b.rules.v[i]->message);
	}
	const char *cv = "# Jane\n\n## Objective\n\nSeeking a role.\n\n## Education\n\n- GPA: 3.9/4.0\n- Relevant "
			 "coursework: CS 101\n\nReferences available upon request.\n";
	struct rl_lint_opts o;
	rl_lint_opts_default(&o);
	struct rl_result ra, rb;
	rl_lint_bytes(&a, "cv.md", cv, strlen(cv), &o, &ra);
	rl_lint_bytes(&b, "cv.md", cv, strlen(cv), &o, &rb);
	assert_true(ra.report.n >= 4);
	assert_int_equal(ra.report.n, rb.report.n);
	for (size_t i = 0; i < ra.report.n; i++) {
		assert_string_equal(ra.report.v[i].message, rb.report.v[i].message);
		assert_int_equal(ra.report.v[i].start, rb.report.v[i].start);
	}
	rl_result_free(&ra);
	rl_result_free(&rb);
	rl_lint_opts_free(&o);
	rl_linter_fini(&a);
	rl_linter_fini(&b);
	rl_diags_free(&d);
	unlink(path);
}

/* A rule file edited after the cache was made is read, not taken from it. */
static void test_edited_rule_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/rl-rules-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char file[64];
	snprintf(file, sizeof file, "%s/x.yaml", dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("id: x\nkind: pattern\npattern: 'alpha'\nmessage: one\nadvice: a\n", f);
	fclose(f);
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_rule_cache *rec = rl_rule_cache_recorder();
	struct rl_linter l;
	assert_int_equal(rl_linter_init_ex(&l, dir, RL_TEST_RULES_DIR "/tables", 0, rec, &d), 0);
	rl_linter_fini(&l);
	assert_int_equal(rl_rule_cache_write(rec, path, &d), 0);
	rl_rule_cache_free(rec);

	struct rl_rule_cache *c = rl_rule_cache_open(path);
	assert_int_equal(rl_linter_init_ex(&l, dir, RL_TEST_RULES_DIR "/tables", 0, c, &d), 0);
	assert_string_equal(l.rules.v[0]->message, "one");
	rl_linter_fini(&l);
	f = fopen(file, "w");
	fputs("id: x\nkind: pattern\npattern: 'alpha'\nmessage: two!\nadvice: a\n", f);
	fclose(f);
	assert_int_equal(rl_linter_init_ex(&l, dir, RL_TEST_RULES_DIR "/tables", 0, c, &d), 0);
	assert_string_equal(l.rules.v[0]->message, "two!");
	rl_linter_fini(&l);
	rl_rule_cache_free(c);
	rl_diags_free(&d);
	unlink(file);
	rmdir(dir);
	unlink(path);
}

static int setup(void **state)
{
	(void)state;
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_damaged_files),
		cmocka_unit_test(test_edited_rule_file),
		cmocka_unit_test(test_shipped_rules_same_with_cache),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
