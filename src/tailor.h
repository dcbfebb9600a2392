/* Tailoring tables, loaded once per run from rules/tables/: the posting's
 * part headings (posting-parts.tsv), the words that are never terms
 * (stopwords.txt) and the skills dictionary (skills.tsv). */
#ifndef RL_TAILOR_H
#define RL_TAILOR_H

#include <stddef.h>

#include "diag.h"
#include "skills.h"
#include "strmap.h"

/* The parts of a posting, and how much a term found in each weighs. */
enum rl_part {
	RL_PART_OTHER,            /* text under no recognised heading */
	RL_PART_TITLE,
	RL_PART_REQUIRED,         /* requirements, must have, what you bring */
	RL_PART_RESPONSIBILITIES, /* what you'll do */
	RL_PART_PREFERRED,        /* nice to have, bonus */
	RL_PART_BOILERPLATE,      /* about us, benefits, EEO, how to apply: ignored */
	RL_PART_TITLE_PREFIX,     /* table only: "Job posting:" before a title */
	RL_PART_TITLE_DROP,       /* table only: seniority words a close title variant may lack */
	RL_PART_COUNT
};

/* Policy, in one place: a term's weight is the weight of the best part it
 * occurs in (title > required > responsibilities > preferred > other);
 * part headings' own words count little, boilerplate not at all. */
extern const double rl_part_weight[RL_PART_COUNT];
#define RL_HEADING_WEIGHT 0.5

const char *rl_part_name(enum rl_part p);
int rl_part_parse(const char *name);

struct rl_part_phrase {
	enum rl_part part;
	char *text;  /* folded: lower case, one space between words */
};

struct rl_tailor {
	struct rl_part_phrase *phrases;
	size_t nphrases, cap_phrases;
	struct rl_strmap stop;     /* stop words: lower-case key → 1 */
	struct rl_skills *skills;  /* the shipped dictionary */
	char *skills_path;
	struct rl_stemmer *stemmer;
};

/* Loads dir/posting-parts.tsv, dir/stopwords.txt and dir/skills.tsv.
 * NULL with errors "path:line:col: ..." in diags. */
struct rl_tailor *rl_tailor_load(const char *dir, struct rl_diags *diags);
void rl_tailor_free(struct rl_tailor *t);
/* The shipped dictionary plus a user's file (config `skills:`). NULL with
 * errors in diags. */
struct rl_skills *rl_tailor_skills_with(const struct rl_tailor *t, const char *extra, struct rl_diags *diags);

/* The part a heading (or a lead-in line) names, or -1: the longest phrase of
 * the table found in it, as whole words. */
int rl_tailor_part(const struct rl_tailor *t, const char *heading, size_t len, size_t *phrase_words);
/* 1 when a lower-case token is a stop word. */
int rl_tailor_is_stop(const struct rl_tailor *t, const char *lower);

#endif
