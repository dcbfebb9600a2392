/* A Word package: its parts by name, from a .docx (a zip, through libzip) or
 * a Flat OPC XML file. Archive member names are only ever looked up, never
 * used as paths: nothing is extracted to disk. */
#ifndef RL_WORD_PACKAGE_H
#define RL_WORD_PACKAGE_H

#include <stddef.h>

#include "diag.h"

struct wd_flat_part {
	char *name;  /* without a leading '/' */
	char *data;
	size_t len;
};

struct wd_package {
	const char *path;     /* the file, for messages */
	void *zip;            /* zip_t *, or NULL for Flat OPC */
	void *zip_source;
	struct wd_flat_part *flat;
	size_t nflat;
	size_t total;         /* bytes read so far (WD_MAX_TOTAL_BYTES) */
};

/* 0, or -1 after adding one error. */
int wd_package_open_zip(struct wd_package *p, const char *path, const char *bytes, size_t len,
			struct rl_diags *diags);
int wd_package_open_flat(struct wd_package *p, const char *path, const char *bytes, size_t len,
			 struct rl_diags *diags);
void wd_package_close(struct wd_package *p);

/* Reads part name (no leading '/', case-insensitive): 0 and *data (free()
 * it, NUL-terminated) when it is there, 1 when it is not, -1 after adding an
 * error (too large, corrupt). */
int wd_package_read(struct wd_package *p, const char *name, char **data, size_t *len,
		    struct rl_diags *diags);

/* The part a relationship target points at, from the part that holds the
 * relationship: ("word/document.xml", "media/a.png") → "word/media/a.png".
 * free() it. */
char *wd_package_resolve(const char *source_part, const char *target);

#endif
