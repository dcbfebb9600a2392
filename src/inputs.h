/* The files a run lints: the operands as given, with each folder replaced
 * by the resume files under it. */
#ifndef RL_INPUTS_H
#define RL_INPUTS_H

#include <stddef.h>

#include "diag.h"

struct rl_inputs {
	char **v;      /* owned paths, in lint order */
	size_t n, cap;
};

/* Expands operands: a file (or "-") is kept as it is; a folder gives the
 * .md, .markdown, .docx and .xml files in it and its subfolders, sorted by
 * path (byte order, the same on every machine). Hidden entries, Word's "~$"
 * lock files, and README, CHANGELOG, CONTRIBUTING, LICENSE and
 * CODE_OF_CONDUCT files are skipped, and symbolic links to folders are not
 * followed (no loops). A folder without resume files, or one that cannot be
 * read, is an error in diags. Returns the number of errors. */
size_t rl_inputs_expand(char *const *operands, size_t n, struct rl_inputs *out, struct rl_diags *diags);
void rl_inputs_free(struct rl_inputs *in);

#endif
