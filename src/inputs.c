/* Operands → files to lint (see inputs.h). */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"

/* Folders nest at most this deep: a deeper tree is not a resume folder. */
#define MAX_DEPTH 32

static const char *const extensions[] = { ".md", ".markdown", ".docx", ".xml" };
static const char *const not_resumes[] = { "readme", "changelog", "contributing", "license", "code_of_conduct" };

static void add(struct rl_inputs *in, char *path)
{
	RL_GROW(in->v, in->n, in->cap);
	in->v[in->n++] = path;
}

static int is_resume_name(const char *name)
{
	if (name[0] == '.' || (name[0] == '~' && name[1] == '$'))
		return 0;
	size_t len = strlen(name);
	int ext = 0;
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
		size_t el = strlen(extensions[i]);
		if (len > el && strcasecmp(name + len - el, extensions[i]) == 0)
			ext = 1;
	}
	if (!ext)
		return 0;
	for (size_t i = 0; i < sizeof not_resumes / sizeof *not_resumes; i++) {
		size_t nl = strlen(not_resumes[i]);
		if (strncasecmp(name, not_resumes[i], nl) == 0 && (name[nl] == '.' || name[nl] == '-' || name[nl] == '_'))
			return 0;
	}
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
	struct rl_buf b;
	rl_buf_init(&b);
	size_t dl = strlen(dir);
	rl_buf_add(&b, dir, dl);
	if (dl && dir[dl - 1] != '/')
		rl_buf_addc(&b, '/');
	rl_buf_adds(&b, name);
	return rl_buf_detach(&b, NULL);
}

/* Adds the resume files under dir; returns errors. */
static size_t walk(const char *dir, int depth, struct rl_inputs *out, struct rl_diags *diags)
{
	DIR *d = opendir(dir);
	if (!d) {
		rl_diags_add(diags, RL_DIAG_ERROR, dir, 0, 0, "cannot read the folder: %s", strerror(errno));
		return 1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0, errors = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ., .. and hidden entries (.git) */
		RL_GROW(names, n, cap);
		names[n++] = rl_xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char *path = join(dir, names[i]);
		struct stat st;
		if (lstat(path, &st) != 0) {
			free(path);
		} else if (S_ISDIR(st.st_mode)) {
			if (depth < MAX_DEPTH)
				errors += walk(path, depth + 1, out, diags);
			free(path);
		} else if ((S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))) &&
			   is_resume_name(names[i])) {
			add(out, path);
		} else {
			free(path);
		}
		free(names[i]);
	}
	free(names);
	return errors;
}

size_t rl_inputs_expand(char *const *operands, size_t n, struct rl_inputs *out, struct rl_diags *diags)
{
	size_t errors = 0;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		const char *op = operands[i];
		if (strcmp(op, "-") == 0 || stat(op, &st) != 0 || !S_ISDIR(st.st_mode)) {
			add(out, rl_xstrdup(op)); /* the reader says what is wrong with it */
			continue;
		}
		size_t before = out->n;
		errors += walk(op, 0, out, diags);
		if (out->n == before) {
			rl_diags_add(diags, RL_DIAG_ERROR, op, 0, 0, "%s",
				     "no resume files in this folder (.md, .markdown, .docx or .xml)");
			errors++;
		}
	}
	return errors;
}

void rl_inputs_free(struct rl_inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->v[i]);
	free(in->v);
	memset(in, 0, sizeof *in);
}
