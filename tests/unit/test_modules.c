/* Loading modules (modules.c): the stemmer module from the build tree, and
 * the reasons a load fails. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules.h"
#include "stem_module.h"

static void test_loads_and_checks(void **state)
{
	(void)state;
	char err[600] = "";
	rl_modules_set_dir(RL_TEST_MODULE_DIR);
	const struct rl_stem_module *m = rl_module_load(RL_STEM_MODULE, "rl_stem_module", RL_STEM_MODULE_ABI, err,
						       sizeof err);
	assert_non_null(m);
	/* the loaded module, not the copy linked into this test */
	assert_ptr_not_equal(m, &rl_stem_module);
	struct sb_stemmer *s = m->new_english();
	assert_non_null(s);
	int n;
	const unsigned char *st = m->stem(s, "deploying", 9, &n);
	assert_int_equal(n, 6);
	assert_memory_equal(st, "deploy", 6);
	m->free(s);

	assert_null(rl_module_load("nosuch", "rl_stem_module", RL_STEM_MODULE_ABI, err, sizeof err));
	assert_non_null(strstr(err, "nosuch/resumelint-nosuch.so"));
	assert_null(rl_module_load(RL_STEM_MODULE, "rl_stem_module", RL_STEM_MODULE_ABI + 1, err, sizeof err));
	assert_non_null(strstr(err, "is from another version of resumelint"));
	assert_null(rl_module_load(RL_STEM_MODULE, "no_entry", RL_STEM_MODULE_ABI, err, sizeof err));
	assert_non_null(strstr(err, "is not a resumelint module"));
}

/* NAME/resumelint-NAME.preload: its sonames are loaded first, a path is not. */
static void test_preload(void **state)
{
	(void)state;
	char dir[] = "/tmp/rl-modules-XXXXXX", sub[64], link[128], list[128];
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/stem", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(link, sizeof link, "%s/resumelint-stem.so", sub);
	assert_int_equal(symlink(RL_TEST_MODULE_DIR "/stem/resumelint-stem.so", link), 0);
	snprintf(list, sizeof list, "%s/resumelint-stem.preload", sub);
	FILE *f = fopen(list, "w");
	assert_non_null(f);
	fputs("libbz2.so.1.0\n/tmp/not-a-soname.so\nlibnosuch.so.9\n", f);
	fclose(f);
	assert_null(dlopen("libbz2.so.1.0", RTLD_LAZY | RTLD_NOLOAD));
	char err[600];
	rl_modules_set_dir(dir);
	assert_non_null(rl_module_load(RL_STEM_MODULE, "rl_stem_module", RL_STEM_MODULE_ABI, err, sizeof err));
	assert_non_null(dlopen("libbz2.so.1.0", RTLD_LAZY | RTLD_NOLOAD));
	unlink(list);
	unlink(link);
	rmdir(sub);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_and_checks),
		cmocka_unit_test(test_preload),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
