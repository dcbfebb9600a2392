/* Lint options and their defaults. */
#include "lint_opts.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

void rl_lint_opts_default(struct rl_lint_opts *o)
{
	memset(o, 0, sizeof *o);
	o->max_pages = 1;
	o->paper = RL_PAPER_LETTER;
}

void rl_lint_opts_free(struct rl_lint_opts *o)
{
	for (size_t i = 0; i < o->noverrides; i++)
		free(o->overrides[i].id);
	free(o->overrides);
	o->overrides = NULL;
	o->noverrides = o->cap_overrides = 0;
}

void rl_lint_opts_override(struct rl_lint_opts *o, const char *id, enum rl_severity sev)
{
	for (size_t i = 0; i < o->noverrides; i++) {
		if (strcmp(o->overrides[i].id, id) == 0) {
			o->overrides[i].severity = sev;
			return;
		}
	}
	RL_GROW(o->overrides, o->noverrides, o->cap_overrides);
	o->overrides[o->noverrides].id = rl_xstrdup(id);
	o->overrides[o->noverrides].severity = sev;
	o->noverrides++;
}

void rl_lint_opts_copy(struct rl_lint_opts *to, const struct rl_lint_opts *from)
{
	*to = *from;
	to->overrides = NULL;
	to->noverrides = to->cap_overrides = 0;
	for (size_t i = 0; i < from->noverrides; i++)
		rl_lint_opts_override(to, from->overrides[i].id, from->overrides[i].severity);
}

enum rl_severity rl_lint_opts_severity(const struct rl_lint_opts *o, const struct rl_rule *r)
{
	if (o->only_rule)
		return strcmp(o->only_rule, r->id) == 0 ? (r->severity ? r->severity : RL_SEV_WARNING)
							 : RL_SEV_OFF;
	for (size_t i = 0; i < o->noverrides; i++)
		if (strcmp(o->overrides[i].id, r->id) == 0)
			return o->overrides[i].severity;
	return r->severity;
}

const char *rl_paper_name(enum rl_paper p)
{
	return p == RL_PAPER_A4 ? "a4" : "letter";
}

int rl_paper_parse(const char *name)
{
	if (strcmp(name, "letter") == 0)
		return RL_PAPER_LETTER;
	if (strcmp(name, "a4") == 0)
		return RL_PAPER_A4;
	return -1;
}
