/* Operands to files: folders walked in sorted order, non-resumes skipped,
 * errors for empty or unreadable folders, files and "-" kept as given. */
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

#include "buf.h"
#include "inputs.h"

static char root[] = "/tmp/rl-inputs-XXXXXX";

static void touch(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("# x\n", f);
	fclose(f);
}

static void mkdir_rel(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root))
		return -1;
	mkdir_rel("cv");
	mkdir_rel("cv/old");
	mkdir_rel("cv/.git");
	mkdir_rel("empty");
	touch("cv/b.md");
	touch("cv/A.docx");
	touch("cv/a.markdown");
	touch("cv/notes.txt");
	touch("cv/README.md");
	touch("cv/LICENSE.md");
	touch("cv/~$b.docx");
	touch("cv/.hidden.md");
	touch("cv/old/2019.md");
	touch("cv/old/flat.XML");
	touch("cv/.git/x.md");
	char link[512];
	snprintf(link, sizeof link, "%s/cv/loop", root);
	assert_int_equal(symlink("..", link), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_folder_walk(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s/cv", root);
	char *ops[] = { dir, "-", "missing.md" };
	struct rl_inputs in;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_inputs_expand(ops, 3, &in, &d), 0);
	static const char *const want[] = { "cv/A.docx", "cv/a.markdown", "cv/b.md", "cv/old/2019.md", "cv/old/flat.XML" };
	assert_int_equal(in.n, 5 + 2);
	for (size_t i = 0; i < 5; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", root, want[i]);
		assert_string_equal(in.v[i], path);
	}
	assert_string_equal(in.v[5], "-");
	assert_string_equal(in.v[6], "missing.md"); /* the reader reports it */
	assert_int_equal(d.n, 0);
	rl_inputs_free(&in);
	rl_diags_free(&d);
}

static void test_empty_folder(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s/empty", root);
	char *ops[] = { dir };
	struct rl_inputs in;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_int_equal(rl_inputs_expand(ops, 1, &in, &d), 1);
	assert_int_equal(in.n, 0);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].path, dir);
	assert_non_null(strstr(d.v[0].message, "no resume files"));
	rl_inputs_free(&in);
	rl_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folder_walk),
		cmocka_unit_test(test_empty_folder),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
