/* Rule kind `career`: checks on the roles of the experience section and the
 * years they add up to (career.c). Each check is a detector here and a
 * message in the rule file ({value} and {limit} are filled in):
 *   old-role    a role that ended more than max-years-ago years ago, listed
 *               in detail (detail-bullets list items or more under it)
 *   many-roles  more than max-roles roles: reported at the first that does
 *               not fit
 *   no-projects no projects section and no line naming a project
 * `level: entry` or `level: experienced` runs the rule only at that career
 * level (set by --level or level:, else measured: under entry-years of
 * experience is entry); a resume whose level cannot be told is skipped. */
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "career.h"
#include "engine.h"

enum check {
	CK_OLD_ROLE,
	CK_MANY_ROLES,
	CK_NO_PROJECTS,
	CK_COUNT
};

static const char *const check_names[CK_COUNT] = { "old-role", "many-roles", "no-projects" };

struct career_rule {
	char *message[CK_COUNT]; /* NULL: not checked */
	enum rl_level level;     /* RL_LEVEL_AUTO: every level */
	double entry_years;      /* default 3 */
	double max_years_ago;    /* default 15 */
	double max_roles;        /* default 6 */
	double detail_bullets;   /* default 2 */
	char **project_words;    /* lower case */
	size_t nproject_words;
};

static struct career_rule *impl(struct rl_rule *r)
{
	return r->impl;
}

static int set_checks(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_check_messages(v, ld, "check", check_names, CK_COUNT, impl(r)->message);
}

static int set_level(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (rl_rule_want_scalar(v, ld, "entry or experienced"))
		return -1;
	int l = rl_level_parse(v->value);
	if (l <= 0) {
		rl_rule_error(ld, v, "expected entry or experienced, found '%s'", v->value);
		return -1;
	}
	impl(r)->level = (enum rl_level)l;
	return 0;
}

static int set_entry_years(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 0, 50, &impl(r)->entry_years);
}

static int set_max_years_ago(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 1, 80, &impl(r)->max_years_ago);
}

static int set_max_roles(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 1, 100, &impl(r)->max_roles);
}

static int set_detail_bullets(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 0, 100, &impl(r)->detail_bullets);
}

static int set_project_words(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->project_words, &impl(r)->nproject_words);
}

static const struct rl_rule_key keys[] = {
	{ "checks", set_checks, "check → message: old-role, many-roles, no-projects ({value}, {limit})" },
	{ "level", set_level, "entry or experienced: run only at that career level (default: any)" },
	{ "entry-years", set_entry_years, "under this many years of experience is entry level (default 3)" },
	{ "max-years-ago", set_max_years_ago, "old-role: a role that ended more than this many years ago (default 15)" },
	{ "max-roles", set_max_roles, "many-roles: more roles than this (default 6)" },
	{ "detail-bullets", set_detail_bullets, "old-role: this many list items under a role is detail (default 2)" },
	{ "project-words", set_project_words, "no-projects: words of a line that names a project (project, hackathon ...)" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	struct career_rule *c = rl_xcalloc(1, sizeof *c);
	c->entry_years = 3;
	c->max_years_ago = 15;
	c->max_roles = 6;
	c->detail_bullets = 2;
	return c;
}

static void impl_free(void *v)
{
	struct career_rule *c = v;
	for (int i = 0; i < CK_COUNT; i++)
		free(c->message[i]);
	rl_rule_word_list_free(c->project_words, c->nproject_words);
	free(c);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	struct career_rule *c = r->impl;
	if (c->message[CK_NO_PROJECTS] && !c->nproject_words) {
		rl_rule_error(ld, root, "the no-projects check needs 'project-words'");
		return -1;
	}
	return rl_rule_need_check_message(ld, root, "checks", c->message, CK_COUNT);
}

static void report(struct rl_run *run, const char *tmpl, const char *value, const char *limit, size_t start,
		   size_t end, const struct rl_block *b)
{
	char *msg = rl_rule_fill_check_message(tmpl, value, limit);
	struct rl_msg_vars vars = { msg, limit, NULL };
	const struct rl_doc *doc = run->doc;
	if (b) {
		size_t t0 = start, t1 = end, s0, s1;
		rl_block_span(b, t0, t1, &s0, &s1);
		rl_emit(run, s0, s1, b->text + t0, t1 - t0, (int)doc->sections[b->section].kind, &vars);
	} else {
		rl_emit(run, 0, 0, NULL, 0, -1, &vars);
	}
	free(msg);
}

static int has_projects(const struct career_rule *c, struct rl_run *run)
{
	const struct rl_doc *doc = run->doc;
	for (size_t i = 0; i < doc->nsections; i++)
		if (doc->sections[i].kind == RL_SEC_PROJECTS)
			return 1;
	for (size_t i = 0; i < doc->nblocks; i++)
		if (rl_contains_any(rl_run_lower(run, i), c->project_words, c->nproject_words))
			return 1;
	/* links to code or work are projects shown, not listed */
	for (size_t i = 0; i < doc->nlinks; i++)
		if (rl_contains_any(doc->links[i].url, c->project_words, c->nproject_words))
			return 1;
	return 0;
}

/* The heading a missing section is reported at: experience, else education,
 * else the top. */
static const struct rl_block *anchor_block(const struct rl_doc *doc)
{
	static const enum rl_section_kind order[] = { RL_SEC_EXPERIENCE, RL_SEC_EDUCATION };
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < doc->nsections; i++)
			if (doc->sections[i].kind == order[k] && doc->sections[i].heading >= 0)
				return &doc->blocks[doc->sections[i].heading];
	return doc->nblocks ? &doc->blocks[0] : NULL;
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct career_rule *c = r->impl;
	const struct rl_doc *doc = run->doc;
	int now = rl_date_now();
	struct rl_career car;
	rl_career_measure(doc, now, &car);
	int entry_months = (int)(c->entry_years * 12 + 0.5);
	enum rl_level level = rl_career_effective_level(&car, doc, now, entry_months, run->opts->level);
	if (c->level != RL_LEVEL_AUTO && level != c->level)
		goto out;
	char value[32], limit[32];
	if (c->message[CK_OLD_ROLE]) {
		snprintf(limit, sizeof limit, "%g", c->max_years_ago);
		for (size_t i = 0; i < car.nroles; i++) {
			const struct rl_role *role = &car.roles[i];
			int ago = (now - role->to) / 12;
			if (role->to >= role->from && ago > c->max_years_ago && (double)role->bullets >= c->detail_bullets &&
			    role->bullets > 0) {
				snprintf(value, sizeof value, "%d", ago);
				report(run, c->message[CK_OLD_ROLE], value, limit, role->range.start, role->range.end,
				       &doc->blocks[role->block]);
			}
		}
	}
	if (c->message[CK_MANY_ROLES] && (double)car.nroles > c->max_roles) {
		const struct rl_role *role = &car.roles[(size_t)c->max_roles];
		snprintf(value, sizeof value, "%zu", car.nroles);
		snprintf(limit, sizeof limit, "%g", c->max_roles);
		const struct rl_block *b = &doc->blocks[role->block];
		report(run, c->message[CK_MANY_ROLES], value, limit, 0, b->text_len, b);
	}
	if (c->message[CK_NO_PROJECTS] && !has_projects(c, run)) {
		const struct rl_block *b = anchor_block(doc);
		snprintf(value, sizeof value, "%.1f", car.months / 12.0);
		snprintf(limit, sizeof limit, "%g", c->entry_years);
		report(run, c->message[CK_NO_PROJECTS], value, limit, 0, b ? b->text_len : 0, b);
	}
out:
	rl_career_free(&car);
}

const struct rl_rule_kind rl_rule_kind_career = {
	.name = "career",
	.help = "checks the roles of the experience section: old roles in detail, too many roles, no projects "
		"early in a career",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	/* its findings point at what is missing or mis-written, not at text
	 * to cut: running last keeps them out of one-page's cuts */
	.runs_last = 1,
};
