/* Build tree or installed prefix. */
#include "paths.h"

#include <limits.h>
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

char *rl_paths_rules_dir(void)
{
	return rl_xstrdup(in_build_tree() ? RL_SOURCE_DIR "/rules" : RL_DATA_DIR "/rules");
}

char *rl_paths_module_dir(void)
{
	return rl_xstrdup(in_build_tree() ? RL_BUILD_DIR "/src/word" : RL_MODULE_DIR);
}
