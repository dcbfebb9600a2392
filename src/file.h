/* Reading an input file whole, with a size cap, naming the file in every
 * error. resumelint opens inputs read-only and never writes beside them. */
#ifndef RL_FILE_H
#define RL_FILE_H

#include <stddef.h>

#include "diag.h"

/* A resume is a few pages; 10 MiB leaves room for embedded images in a
 * .docx while keeping a mistaken argument (a video, a disk image) cheap. */
#define RL_MAX_INPUT_BYTES (10u * 1024 * 1024)
/* Rule, config and table files are hand-written text. */
#define RL_MAX_RULE_FILE_BYTES (1u * 1024 * 1024)

struct rl_file {
	char *bytes; /* NUL-terminated for convenience; len excludes the NUL */
	size_t len;
};

/* path "-" reads standard input. Returns 0, or -1 after adding one error
 * (missing, a directory, unreadable, larger than max_bytes). */
int rl_file_read(const char *path, size_t max_bytes, struct rl_file *out, struct rl_diags *diags);
void rl_file_free(struct rl_file *f);

#endif
