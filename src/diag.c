/* Collected diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "alloc.h"
#include "buf.h"

void rl_diags_init(struct rl_diags *d)
{
	d->v = NULL;
	d->n = d->cap = d->errors = 0;
}

void rl_diags_free(struct rl_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].path);
		free(d->v[i].message);
	}
	free(d->v);
	rl_diags_init(d);
}

void rl_diags_add(struct rl_diags *d, enum rl_diag_level level, const char *path,
		  unsigned line, unsigned col, const char *fmt, ...)
{
	struct rl_buf b;
	va_list ap;
	rl_buf_init(&b);
	va_start(ap, fmt);
	rl_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	RL_GROW(d->v, d->n, d->cap);
	struct rl_diag *x = &d->v[d->n++];
	x->level = level;
	x->path = rl_xstrdup(path ? path : "");
	x->line = line;
	x->col = col;
	x->message = rl_buf_detach(&b, NULL);
	if (level == RL_DIAG_ERROR)
		d->errors++;
}

void rl_diags_move(struct rl_diags *to, struct rl_diags *from)
{
	for (size_t i = 0; i < from->n; i++) {
		RL_GROW(to->v, to->n, to->cap);
		to->v[to->n++] = from->v[i];
	}
	to->errors += from->errors;
	free(from->v);
	rl_diags_init(from);
}

char *rl_diag_format(const struct rl_diag *d)
{
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_adds(&b, d->path);
	if (d->line)
		rl_buf_addf(&b, ":%u:%u", d->line, d->col ? d->col : 1);
	rl_buf_addf(&b, ": %s", d->message);
	return rl_buf_detach(&b, NULL);
}
