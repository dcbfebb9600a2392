/* Whole-file reads with a cap. */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"

static int read_all(int fd, size_t max_bytes, struct rl_buf *b, const char *path, struct rl_diags *diags)
{
	char chunk[65536];
	for (;;) {
		ssize_t got = read(fd, chunk, sizeof chunk);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
			return -1;
		}
		if (got == 0)
			return 0;
		if (b->len + (size_t)got > max_bytes) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
				     "larger than %zu MiB; not a resume (see --max-file-size)",
				     max_bytes / (1024 * 1024));
			return -1;
		}
		rl_buf_add(b, chunk, (size_t)got);
	}
}

int rl_file_read(const char *path, size_t max_bytes, struct rl_file *out, struct rl_diags *diags)
{
	struct rl_buf b;
	int fd, rc;
	out->bytes = NULL;
	out->len = 0;
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		struct stat st;
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
			return -1;
		}
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "is a directory, not a file");
			close(fd);
			return -1;
		}
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
				     "larger than %zu MiB; not a resume (see --max-file-size)",
				     max_bytes / (1024 * 1024));
			close(fd);
			return -1;
		}
	}
	rl_buf_init(&b);
	rc = read_all(fd, max_bytes, &b, strcmp(path, "-") == 0 ? "<stdin>" : path, diags);
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc) {
		rl_buf_free(&b);
		return -1;
	}
	out->bytes = rl_buf_detach(&b, &out->len);
	return 0;
}

void rl_file_free(struct rl_file *f)
{
	free(f->bytes);
	f->bytes = NULL;
	f->len = 0;
}
