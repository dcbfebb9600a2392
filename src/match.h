/* A resume against a posting: which of the posting's terms the resume shows
 * and where (an experience or project bullet, the skills list only, the top
 * third of page one), the title, and a 0-100 score. */
#ifndef RL_MATCH_H
#define RL_MATCH_H

#include <stddef.h>

#include "doc.h"
#include "posting.h"
#include "report.h"

/* Where a term was found (bits). */
enum {
	RL_WHERE_EXPERIENCE = 1u << 0, /* experience or volunteering */
	RL_WHERE_PROJECTS = 1u << 1,
	RL_WHERE_SUMMARY = 1u << 2,    /* the header, headline or summary */
	RL_WHERE_SKILLS = 1u << 3,
	RL_WHERE_EDUCATION = 1u << 4,  /* education, certifications, coursework */
	RL_WHERE_OTHER = 1u << 5,      /* any other section, or only as written in the source */
	RL_WHERE_TOP = 1u << 6,        /* in the top third of page one */
	RL_WHERE_ALTERNATIVE = 1u << 7, /* not there, but an alternative the posting accepts is */
	RL_WHERE_COUNT = 8
};

/* Policy: how much a found term counts toward the score. */
#define RL_CREDIT_BACKED 1.0      /* in experience, projects, summary or the top third */
#define RL_CREDIT_ELSEWHERE 0.75  /* education, certifications, other sections */
#define RL_CREDIT_SKILLS_ONLY 0.5 /* a skills list says it, nothing shows it */

struct rl_match_term {
	const struct rl_term *term; /* in the posting */
	unsigned where;             /* RL_WHERE_* bits; 0 when missing */
};

struct rl_match {
	const struct rl_posting *posting; /* borrowed */
	int score;                   /* 0-100 */
	int title_found;
	struct rl_match_term *terms; /* in the posting's order */
	size_t nterms;
	size_t *missing;             /* indexes into terms, most important first */
	size_t nmissing;
};

/* pages may be NULL (no top-third facts). */
struct rl_match *rl_match_new(const struct rl_posting *p, const struct rl_doc *doc, const struct rl_pages *pages);
void rl_match_free(struct rl_match *m);
const char *rl_where_name(unsigned bit);

#endif
