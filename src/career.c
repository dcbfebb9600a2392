/* Roles and years of experience from the experience section's dates. */
#include "career.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* A role's dates sit near the start of its line: "Acme, Jan 2020 - Present"
 * or "Jan 2020 - Present: Developer at Acme". A range further into a long
 * block is prose ("... since 2019 I have ..."). */
#define ROLE_RANGE_WITHIN 120 /* bytes from the start of the block */
#define ROLE_LONG_BLOCK 25    /* words: a block this long is a paragraph */
#define ROLE_SHORT_ITEM 15    /* words: a list item this short may be a role line */
/* "Since 2019" opens a role line; further in, it is a remark. */
#define ROLE_SINCE_WITHIN 20
/* Ranges looked at per block. */
#define MAX_RANGES 8

static int role_range(const struct rl_block *b, struct rl_date_range *out)
{
	struct rl_date_range r[MAX_RANGES];
	if (b->kind == RL_BLOCK_META || b->kind == RL_BLOCK_PAGE_HEADER || b->kind == RL_BLOCK_PAGE_FOOTER ||
	    b->kind == RL_BLOCK_CODE || b->kind == RL_BLOCK_RULE || (b->flags & RL_BF_CONTINUATION))
		return 0;
	size_t n = rl_date_ranges(b->text, b->text_len, r, MAX_RANGES);
	if (!n)
		return 0;
	size_t words = rl_count_words(b->text, b->text_len);
	if (b->kind == RL_BLOCK_LIST_ITEM && words > ROLE_SHORT_ITEM)
		return 0;
	if (words > ROLE_LONG_BLOCK && (r[0].start > ROLE_RANGE_WITHIN || r[0].to.start == r[0].to.end ||
					 r[0].from.start > r[0].start))
		return 0; /* far in, or "since 2019" in a sentence */
	if (r[0].from.start > r[0].start && r[0].start > ROLE_SINCE_WITHIN)
		return 0; /* "... rank 1 since 2017" */
	*out = r[0];
	return 1;
}

static int by_from(const void *pa, const void *pb)
{
	const struct rl_role *a = pa, *b = pb;
	return (a->from > b->from) - (a->from < b->from);
}

void rl_career_measure(const struct rl_doc *doc, int now, struct rl_career *out)
{
	size_t cap = 0;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		enum rl_section_kind sk = doc->sections[b->section].kind;
		struct rl_date_range r;
		if (sk == RL_SEC_EDUCATION) {
			struct rl_date_range er[MAX_RANGES];
			size_t n = rl_date_ranges(b->text, b->text_len, er, MAX_RANGES);
			for (size_t k = 0; k < n && k < MAX_RANGES; k++) {
				int to = rl_date_month_index(&er[k].to, 1, now);
				if (to > out->education_end)
					out->education_end = to;
			}
			continue;
		}
		if (sk != RL_SEC_EXPERIENCE)
			continue;
		out->has_experience = 1;
		if (role_range(b, &r)) {
			RL_GROW(out->roles, out->nroles, cap);
			struct rl_role *role = &out->roles[out->nroles++];
			memset(role, 0, sizeof *role);
			role->block = i;
			role->range = r;
			role->from = rl_date_month_index(&r.from, 0, now);
			role->to = rl_date_month_index(&r.to, 1, now);
			continue;
		}
		if (out->nroles && b->kind != RL_BLOCK_HEADING) {
			struct rl_role *role = &out->roles[out->nroles - 1];
			if (doc->blocks[role->block].section == b->section) {
				role->bullets += b->kind == RL_BLOCK_LIST_ITEM;
				role->words += rl_count_words(b->text, b->text_len);
			}
		}
	}
	/* the union of the spans, in months */
	if (!out->nroles)
		return;
	struct rl_role *v = rl_xcalloc(out->nroles, sizeof *v);
	memcpy(v, out->roles, out->nroles * sizeof *v);
	qsort(v, out->nroles, sizeof *v, by_from);
	int cur_from = 0, cur_to = -1;
	for (size_t i = 0; i < out->nroles; i++) {
		int from = v[i].from, to = v[i].to > now ? now : v[i].to;
		if (to < from)
			continue; /* an end before its start, or in the future: the dates rule says so */
		if (from > cur_to + 1) {
			if (cur_to >= cur_from)
				out->months += cur_to - cur_from + 1;
			cur_from = from;
			cur_to = to;
		} else if (to > cur_to) {
			cur_to = to;
		}
	}
	if (cur_to >= cur_from)
		out->months += cur_to - cur_from + 1;
	free(v);
}

void rl_career_free(struct rl_career *c)
{
	free(c->roles);
	memset(c, 0, sizeof *c);
}

enum rl_level rl_career_level(const struct rl_career *c, const struct rl_doc *doc, int now, int entry_months)
{
	(void)doc;
	if (c->nroles)
		return c->months < entry_months ? RL_LEVEL_ENTRY : RL_LEVEL_EXPERIENCED;
	/* a student: no experience section, studies ending lately or to come */
	if (!c->has_experience && c->education_end && c->education_end >= now - 24)
		return RL_LEVEL_ENTRY;
	return RL_LEVEL_AUTO;
}

enum rl_level rl_career_effective_level(const struct rl_career *c, const struct rl_doc *doc, int now,
					int entry_months, enum rl_level set)
{
	return set != RL_LEVEL_AUTO ? set : rl_career_level(c, doc, now, entry_months);
}
