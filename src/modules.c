/* Loading modules (modules.h). */
#include "modules.h"

#include <dlfcn.h>
#include <stdio.h>

static char module_dir[4096];

void rl_modules_set_dir(const char *dir)
{
	snprintf(module_dir, sizeof module_dir, "%s", dir);
}

const void *rl_module_load(const char *name, const char *symbol, int abi, char *err, size_t err_len)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s/resumelint-%s.so", module_dir[0] ? module_dir : ".", name, name);
	void *h = dlopen(path, RTLD_LAZY | RTLD_LOCAL); /* symbols bind on first use */
	if (!h) {
		snprintf(err, err_len, "%.450s", dlerror());
		return NULL;
	}
	const int *entry = dlsym(h, symbol);
	if (!entry || *entry != abi) {
		snprintf(err, err_len, "%.400s is %s", path,
			 entry ? "from another version of resumelint" : "not a resumelint module");
		return NULL;
	}
	return entry;
}
