/* Input problems (unreadable files, bad rules, bad config, reader warnings).
 * They travel apart from resume findings: the core collects them here and
 * only main.c prints them. */
#ifndef RL_DIAG_H
#define RL_DIAG_H

#include <stddef.h>

enum rl_diag_level {
	RL_DIAG_WARNING,
	RL_DIAG_ERROR,
};

struct rl_diag {
	enum rl_diag_level level;
	char *path;      /* file the problem is in */
	unsigned line;   /* 1-based; 0 when the problem has no position */
	unsigned col;
	char *message;
};

struct rl_diags {
	struct rl_diag *v;
	size_t n, cap;
	size_t errors;
};

void rl_diags_init(struct rl_diags *d);
void rl_diags_free(struct rl_diags *d);
void rl_diags_add(struct rl_diags *d, enum rl_diag_level level, const char *path,
		  unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Moves every entry of from to the end of to. */
void rl_diags_move(struct rl_diags *to, struct rl_diags *from);
/* "path:line:col: message", the form every diagnostic is shown in (no
 * "resumelint:" prefix, no level); free() the result. */
char *rl_diag_format(const struct rl_diag *d);

#endif
