/* Lint options and their defaults. */
#include "lint_opts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

void rl_lint_opts_default(struct rl_lint_opts *o)
{
	memset(o, 0, sizeof *o);
	o->max_pages = 1;
	o->paper = RL_PAPER_LETTER;
	o->match_threshold = -1;
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

int rl_level_parse(const char *name)
{
	static const char *const names[] = { "auto", "entry", "experienced" };
	for (int i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

const char *rl_level_name(enum rl_level l)
{
	return l == RL_LEVEL_ENTRY ? "entry" : l == RL_LEVEL_EXPERIENCED ? "experienced" : "auto";
}

static int parse_number(const char *s, double *v, char **end)
{
	if (!*s || *s == '+' || *s == '-' || *s == ' ')
		return -1;
	*v = strtod(s, end);
	return *end == s || !(*v >= 0) || isinf(*v) ? -1 : 0;
}

int rl_length_parse(const char *s, double *pt, const char **why)
{
	static const struct {
		const char *unit;
		double pt;
	} units[] = { { "in", 72 }, { "cm", 72 / 2.54 }, { "mm", 72 / 25.4 }, { "pt", 1 } };
	char *end;
	double v;
	*why = "expected a length with a unit, such as 0.75in, 2cm, 20mm or 54pt";
	if (parse_number(s, &v, &end))
		return -1;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		if (strcmp(end, units[i].unit) == 0) {
			*pt = v * units[i].pt;
			if (*pt > 216) { /* 3 in: a page with no room left */
				*why = "a margin over 3 inches leaves no page";
				return -1;
			}
			return 0;
		}
	}
	return -1;
}

int rl_font_size_parse(const char *s, double *pt, const char **why)
{
	char *end;
	*why = "expected a font size in points from 6 to 36";
	if (parse_number(s, pt, &end) || (*end && strcmp(end, "pt") != 0) || *pt < 6 || *pt > 36)
		return -1;
	return 0;
}

int rl_line_spacing_parse(const char *s, double *mult, const char **why)
{
	char *end;
	*why = "expected a multiple of single spacing from 0.5 to 3, such as 1.15";
	if (parse_number(s, mult, &end) || *end || *mult < 0.5 || *mult > 3)
		return -1;
	return 0;
}
