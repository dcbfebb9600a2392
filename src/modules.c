/* Loading modules (modules.h). */
#include "modules.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "file.h"

static char module_dir[4096];

void rl_modules_set_dir(const char *dir)
{
	snprintf(module_dir, sizeof module_dir, "%s", dir);
}

/* The libraries NAME/resumelint-NAME.preload names (one soname a line,
 * written at build time by tools/module-preload.py), loaded one by one: a
 * library loaded as the module's dependency resolves its symbols through the
 * module's whole dependency list, loaded first through its own few (libcrypto
 * and libstdc++ for the Word module: 0.18 ms of a 4.6 ms run). Each is only
 * a head start: a missing file or library changes nothing. */
static void preload(const char *path)
{
	struct rl_file f;
	struct rl_diags quiet;
	rl_diags_init(&quiet);
	if (rl_file_read(path, 4096, &f, &quiet) == 0) {
		for (char *line = f.bytes, *next; line && *line; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			if (*line && !strchr(line, '/')) /* a soname, found where the module's own would be */
				dlopen(line, RTLD_LAZY | RTLD_LOCAL);
		}
		rl_file_free(&f);
	}
	rl_diags_free(&quiet);
}

const void *rl_module_load(const char *name, const char *symbol, int abi, char *err, size_t err_len)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s/resumelint-%s.preload", module_dir[0] ? module_dir : ".", name, name);
	preload(path);
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
