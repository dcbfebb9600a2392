/* Build tree or installed prefix. */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "rl_build.h"

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* 1 when the running binary sits inside the build tree it was built in. */
static int in_build_tree(void)
{
	static int cached = -1;
	char exe[PATH_MAX], build[PATH_MAX];
	if (cached >= 0)
		return cached;
	cached = 0;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || !realpath(RL_BUILD_DIR, build))
		return 0;
	exe[n] = '\0';
	size_t nb = strlen(build);
	cached = strncmp(build, exe, nb) == 0 && exe[nb] == '/' && is_dir(RL_SOURCE_DIR "/rules");
	return cached;
}

/* An installed tree moved as a whole (a DESTDIR staging install, a
 * relocated package): rel under the prefix the binary sits in, when that
 * folder exists. NULL otherwise. */
static char *beside_binary(const char *rel)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	/* up from the binary: its own name, then one level a bindir component */
	int up = 1;
	for (const char *p = RL_BINDIR_REL; *p; p++)
		up += *p == '/';
	up += *RL_BINDIR_REL != '\0';
	for (int i = 0; i < up; i++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
	}
	size_t len = strlen(exe) + strlen(rel) + 2;
	char *path = rl_xmalloc(len);
	snprintf(path, len, "%s/%s", exe, rel);
	if (is_dir(path))
		return path;
	free(path);
	return NULL;
}

char *rl_paths_rules_dir(void)
{
	if (in_build_tree())
		return rl_xstrdup(RL_SOURCE_DIR "/rules");
	char *moved = beside_binary(RL_DATA_REL "/rules");
	return moved ? moved : rl_xstrdup(RL_DATA_DIR "/rules");
}

char *rl_paths_module_dir(void)
{
	if (in_build_tree())
		return rl_xstrdup(RL_BUILD_DIR "/src");
	char *moved = beside_binary(RL_MODULE_REL);
	return moved ? moved : rl_xstrdup(RL_MODULE_DIR);
}

char *rl_paths_rule_cache(void)
{
	if (in_build_tree())
		return rl_xstrdup(RL_BUILD_DIR "/rules.cache");
	char *moved = beside_binary(RL_DATA_REL);
	if (!moved)
		return rl_xstrdup(RL_DATA_DIR "/rules.cache");
	size_t len = strlen(moved) + sizeof "/rules.cache";
	char *path = rl_xmalloc(len);
	snprintf(path, len, "%s/rules.cache", moved);
	free(moved);
	return path;
}
