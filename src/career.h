/* A resume's career read from its experience section: roles (a date range
 * on a line of its own: a job title, a company, a term), how much detail
 * each has, and the years they add up to. */
#ifndef RL_CAREER_H
#define RL_CAREER_H

#include <stddef.h>

#include "dates.h"
#include "doc.h"
#include "lint_opts.h"

struct rl_role {
	size_t block;               /* the block holding its dates */
	struct rl_date_range range; /* bytes of that block's text */
	int from, to;               /* month indexes; to is the last month */
	size_t bullets;             /* list items under it, until the next role */
	size_t words;               /* words under it */
};

struct rl_career {
	struct rl_role *roles;
	size_t nroles;
	int months;                 /* the union of the roles' spans */
	int has_experience;         /* the resume has an experience section */
	int education_end;          /* last month of the latest education range, 0 for none */
};

/* Reads roles from the experience sections; now is a month index. */
void rl_career_measure(const struct rl_doc *doc, int now, struct rl_career *out);
void rl_career_free(struct rl_career *c);
/* entry below entry_months of experience, experienced at or above; a resume
 * without an experience section whose studies end within two years of now
 * is entry; RL_LEVEL_AUTO when there is no telling. */
enum rl_level rl_career_level(const struct rl_career *c, const struct rl_doc *doc, int now, int entry_months);
/* The level rules use: the options' level, else the measured one. */
enum rl_level rl_career_effective_level(const struct rl_career *c, const struct rl_doc *doc, int now,
					int entry_months, enum rl_level set);

#endif
