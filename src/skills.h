/* The skills and aliases dictionary (rules/tables/skills.tsv, extended by a
 * user's `skills:` file): canonical names with the other ways people write
 * them (k8s = Kubernetes, sklearn = scikit-learn), matched leftmost-longest
 * on token keys and never across a phrase boundary. */
#ifndef RL_SKILLS_H
#define RL_SKILLS_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "strmap.h"
#include "terms.h"

/* An alias is matched on one of three keys of each token (terms.h). */
enum rl_alias_mode {
	RL_ALIAS_EXACT = 'E', /* "=Go": as written, case and all */
	RL_ALIAS_LOWER = 'L', /* one tech word: lower case, plural -s dropped */
	RL_ALIAS_STEM = 'S',  /* phrases and professional skills: stems */
};

enum rl_skill_kind {
	RL_SKILL_TECH,  /* a language, tool, platform, method */
	RL_SKILL_PRO,   /* a professional skill (mentoring, code review, stakeholders) */
	RL_SKILL_SOFT,  /* a soft skill every posting asks for (communication): ranks low */
};

struct rl_skill {
	char *name;               /* canonical, as reported */
	enum rl_skill_kind kind;
};

struct rl_alias {
	uint32_t skill;
	enum rl_alias_mode mode;
	uint32_t ntoks;
	char *keys;               /* the token keys, each NUL-terminated, in order */
	uint32_t next;            /* next alias with the same first key, +1 (0: none) */
	uint32_t file;            /* which loaded file it came from */
};

struct rl_skills {
	struct rl_skill *v;
	size_t n, cap;
	struct rl_alias *aliases;
	size_t naliases, cap_aliases;
	struct rl_strmap first;   /* mode + first key → alias index + 1 (chain head) */
	struct rl_strmap full;    /* mode + all keys → alias index */
	struct rl_strmap names;   /* lower-case canonical name → skill index */
	uint32_t nfiles;
	uint32_t max_toks;        /* the longest alias, in tokens */
	struct rl_stemmer *stemmer; /* owned */
};

struct rl_skills *rl_skills_new(void);
void rl_skills_free(struct rl_skills *d);
/* Adds a file's entries: CANONICAL<TAB>alias|alias...<TAB>tech|pro|soft, '#'
 * comments, '=' before a name or alias for case-sensitive matching, '%'
 * for a one-word alias compared without stemming. A later
 * file may give an alias a new meaning; within one file an alias that names
 * two skills is an error "path:line:col: ...". 0, or -1 with errors. */
int rl_skills_load(struct rl_skills *d, const char *path, struct rl_diags *diags);
/* Adds entries from text (the same format), for tests and examples. */
int rl_skills_load_text(struct rl_skills *d, const char *path, const char *text, size_t len,
			struct rl_diags *diags);

/* The longest alias starting at token i of t that ends before end and
 * crosses no phrase boundary: its length in tokens (0 for none) and skill. */
size_t rl_skills_match(const struct rl_skills *d, const struct rl_toks *t, size_t i, size_t end, uint32_t *skill);
/* The skill named name (canonical, any case), or -1. */
long rl_skills_find(const struct rl_skills *d, const char *name);

#endif
