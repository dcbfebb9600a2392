/* A job posting, read once per run: its title, its parts, and the terms it
 * asks for, weighted by where they occur and how often. Dictionary terms
 * (skills.tsv) count even when they occur once; other 1-3 word phrases are
 * a fallback, ranked below them. */
#ifndef RL_POSTING_H
#define RL_POSTING_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "skills.h"
#include "strmap.h"
#include "tailor.h"

/* At most this many phrase (non-dictionary) terms are kept: they are where
 * the noise is (research: a third of reports off-list). */
#define RL_MAX_PHRASE_TERMS 8
/* At most this many terms in all. */
#define RL_MAX_TERMS 60

struct rl_term {
	char *text;          /* the dictionary's name, or the posting's words */
	long skill;          /* dictionary entry, -1 for a phrase */
	char *key;           /* phrase: stems joined by spaces; NULL for a skill */
	double score;        /* importance: part weight, frequency, dictionary */
	enum rl_part part;   /* the best part it occurs in */
	unsigned line;       /* the posting's line of its first use in that part */
	unsigned count;      /* occurrences */
	int required;        /* in the title or the requirements */
	int soft;            /* a soft skill (skills.tsv kind soft) */
	long group;          /* alternatives the posting accepts either of ("Flask/Django") share
			      * a group number; -1 for none */
};

struct rl_posting {
	char *path;
	char *title;         /* as written, NULL when none was found */
	char *title_core;    /* without seniority and qualifiers: "Data Engineer" */
	unsigned title_line;
	struct rl_term *terms; /* most important first */
	size_t nterms;
	const struct rl_skills *skills; /* borrowed: must outlive the posting */
	struct rl_strmap phrase_index;  /* phrase key → term index */
	long *skill_term;    /* skill index → term index or -1 (skills->n) */
	size_t nskills;
	size_t part_blocks[RL_PART_COUNT]; /* blocks read into each part */
	struct rl_stemmer *stemmer; /* owned */
};

/* Reads a posting's bytes (Markdown, text or .docx, by path's extension).
 * skills NULL: the tailor's own. NULL with one error in diags naming the file
 * (not a text, empty, no words to compare with). */
struct rl_posting *rl_posting_new(const struct rl_tailor *t, const struct rl_skills *skills, const char *path,
				  const char *bytes, size_t len, struct rl_diags *diags);
void rl_posting_free(struct rl_posting *p);

/* The parts each block of doc falls in (for tests and --dump); out has
 * doc->nblocks entries. */
struct rl_doc;
void rl_posting_parts(const struct rl_tailor *t, const struct rl_doc *doc, enum rl_part *out);

#endif
