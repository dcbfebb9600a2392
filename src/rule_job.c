/* Rule kind `job`: the resume against the job posting given with --job.
 *   check: keywords  a required term of the posting the resume does not show
 *   check: title     the posting's title (or a close variant) is not in the
 *                    resume's headline or summary
 *   check: match     the match score is under the threshold
 * Silent without a posting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "match.h"

enum job_check { CHECK_NONE, CHECK_KEYWORDS, CHECK_TITLE, CHECK_MATCH };

struct job_rule {
	enum job_check check;
	int threshold;     /* match: the lowest score that passes (default 50) */
	unsigned max_terms; /* keywords: findings per file (default 8) */
};

static struct job_rule *impl(struct rl_rule *r)
{
	return r->impl;
}

static int set_check(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	static const char *const names[] = { NULL, "keywords", "title", "match" };
	if (rl_rule_want_scalar(v, ld, "keywords, title or match"))
		return -1;
	for (int i = 1; i < 4; i++)
		if (strcmp(v->value, names[i]) == 0) {
			impl(r)->check = (enum job_check)i;
			return 0;
		}
	rl_rule_error(ld, v, "unknown check '%s' (expected keywords, title or match)", v->value);
	return -1;
}

static int whole(const struct rl_ynode *v, struct rl_rule_loader *ld, long lo, long hi, long *out)
{
	char *end;
	if (rl_rule_want_scalar(v, ld, "a whole number"))
		return -1;
	long n = strtol(v->value, &end, 10);
	if (*end || !*v->value || n < lo || n > hi) {
		rl_rule_error(ld, v, "expected a whole number from %ld to %ld", lo, hi);
		return -1;
	}
	*out = n;
	return 0;
}

static int set_threshold(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	long n;
	if (whole(v, ld, 0, 100, &n))
		return -1;
	impl(r)->threshold = (int)n;
	return 0;
}

static int set_max_terms(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	long n;
	if (whole(v, ld, 1, RL_MAX_FINDINGS_PER_RULE, &n))
		return -1;
	impl(r)->max_terms = (unsigned)n;
	return 0;
}

static const struct rl_rule_key keys[] = {
	{ "check", set_check, "keywords, title or match: what to compare with the posting" },
	{ "threshold", set_threshold, "match: the lowest score (0-100) that passes (default 50; config match-threshold wins)" },
	{ "max-terms", set_max_terms, "keywords: at most this many missing terms reported, most important first (default 8)" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	struct job_rule *j = rl_xcalloc(1, sizeof *j);
	j->threshold = 50;
	j->max_terms = 8;
	return j;
}

static void impl_free(void *v)
{
	free(v);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	if (impl(r)->check == CHECK_NONE) {
		rl_rule_error(ld, root, "missing key 'check' (keywords, title or match)");
		return -1;
	}
	return 0;
}

/* Where a finding about the whole resume points: the heading of the first
 * section of one of the kinds, else the first block. */
static void anchor(const struct rl_doc *doc, const enum rl_section_kind *kinds, size_t n, size_t *start,
		   size_t *end, int *section)
{
	for (size_t k = 0; k < n; k++)
		for (size_t s = 0; s < doc->nsections; s++)
			if (doc->sections[s].kind == kinds[k] && doc->sections[s].heading >= 0) {
				const struct rl_block *b = &doc->blocks[doc->sections[s].heading];
				*start = b->start;
				*end = b->end;
				*section = (int)kinds[k];
				return;
			}
	*start = *end = doc->nblocks ? doc->blocks[0].start : 0;
	*end = doc->nblocks ? doc->blocks[0].end : 0;
	*section = -1;
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct rl_match *m = run->report->match;
	const struct job_rule *j = r->impl;
	if (!m)
		return;
	const struct rl_posting *p = m->posting;
	size_t start, end;
	int section;
	char detail[160], value[32], limit[32];
	if (j->check == CHECK_KEYWORDS) {
		static const enum rl_section_kind at[] = { RL_SEC_SKILLS, RL_SEC_SUMMARY, RL_SEC_EXPERIENCE };
		anchor(run->doc, at, 3, &start, &end, &section);
		unsigned shown = 0;
		for (size_t i = 0; i < m->nmissing && shown < j->max_terms; i++) {
			const struct rl_term *t = m->terms[m->missing[i]].term;
			/* phrases outside the dictionary are listed in the match
			 * block; findings are for the skills it knows */
			if (!t->required || t->skill < 0)
				continue;
			snprintf(detail, sizeof detail, "%s, line %u of the posting", rl_part_name(t->part), t->line);
			struct rl_msg_vars vars = { .value = t->text, .detail = detail };
			rl_emit(run, start, end, NULL, 0, section, &vars);
			shown++;
		}
	} else if (j->check == CHECK_TITLE) {
		if (!p->title || m->title_found)
			return;
		static const enum rl_section_kind at[] = { RL_SEC_SUMMARY, RL_SEC_CONTACT };
		anchor(run->doc, at, 2, &start, &end, &section);
		snprintf(detail, sizeof detail, "%s", p->title_core ? p->title_core : p->title);
		struct rl_msg_vars vars = { .value = p->title, .detail = detail };
		rl_emit(run, start, end, NULL, 0, section, &vars);
	} else if (j->check == CHECK_MATCH) {
		int threshold = run->opts->match_threshold >= 0 ? run->opts->match_threshold : j->threshold;
		if (m->score >= threshold)
			return;
		snprintf(value, sizeof value, "%d", m->score);
		snprintf(limit, sizeof limit, "%d", threshold);
		snprintf(detail, sizeof detail, "%zu of %zu", m->nterms - m->nmissing, m->nterms);
		struct rl_msg_vars vars = { .value = value, .limit = limit, .detail = detail };
		start = end = run->doc->nblocks ? run->doc->blocks[0].start : 0;
		rl_emit(run, start, start, NULL, 0, -1, &vars);
	}
}

const struct rl_rule_kind rl_rule_kind_job = {
	.name = "job",
	.help = "compares the resume with the job posting given with --job (silent without one)",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	/* after the other kinds: one-page does not offer its findings (which
	 * point at a heading, not at text to cut) as cuts */
	.runs_last = 1,
};
