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

/* Reads fd to its end into b. regular_size: the size fstat gave a regular
 * file (else 0): reading stops once that much is in, which saves the read
 * that would return 0. */
static int read_all(int fd, size_t max_bytes, size_t regular_size, struct rl_buf *b, const char *path,
		    struct rl_diags *diags)
{
	rl_buf_reserve(b, regular_size ? regular_size + 1 : 65536);
	for (;;) {
		if (b->cap - b->len - 1 == 0)
			rl_buf_reserve(b, b->len);
		size_t room = b->cap - b->len - 1;
		ssize_t got = read(fd, b->data + b->len, room);
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
		b->len += (size_t)got;
		b->data[b->len] = '\0';
		if (regular_size && b->len >= regular_size)
			return 0; /* a short read (a network file system) reads on */
	}
}

int rl_file_read(const char *path, size_t max_bytes, struct rl_file *out, struct rl_diags *diags)
{
	struct rl_buf b;
	int fd, rc;
	size_t regular_size = 0;
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
		int stat_ok = fstat(fd, &st) == 0;
		if (stat_ok && S_ISDIR(st.st_mode)) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "is a directory, not a file");
			close(fd);
			return -1;
		}
		if (stat_ok && S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
				     "larger than %zu MiB; not a resume (see --max-file-size)",
				     max_bytes / (1024 * 1024));
			close(fd);
			return -1;
		}
		if (stat_ok && S_ISREG(st.st_mode))
			regular_size = (size_t)st.st_size;
	}
	rl_buf_init(&b);
	rc = read_all(fd, max_bytes, regular_size, &b, strcmp(path, "-") == 0 ? "<stdin>" : path, diags);
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
