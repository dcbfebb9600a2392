/* The actions that describe rather than lint: --list-rules, --list-kinds,
 * --explain and --self-test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "pagefit.h"
#include "run.h"
#include "selftest.h"

int list_rules(const struct rl_ruleset *rules)
{
	size_t w = 4;
	for (size_t i = 0; i < rules->n; i++)
		if (strlen(rules->v[i]->id) > w)
			w = strlen(rules->v[i]->id);
	for (size_t i = 0; i < rules->n; i++) {
		const struct rl_rule *r = rules->v[i];
		printf("%-*s  %-7s  %s\n", (int)w, r->id, rl_severity_name(r->severity),
		       r->summary ? r->summary : r->message);
	}
	return EXIT_CLEAN;
}

/* For rule authors and the rule-file man page: every kind and key, one a
 * line, tab-separated: "key\t*\tNAME\tHELP" (keys of every rule), "kind\tNAME\tHELP",
 * "key\tKIND\tNAME\tHELP". */
static void list_keys(const char *kind, const struct rl_rule_key *keys)
{
	for (size_t i = 0; keys && keys[i].name; i++)
		printf("key\t%s\t%s\t%s\n", kind, keys[i].name, keys[i].help);
}

int list_kinds(void)
{
	list_keys("*", rl_rule_common_keys);
	for (size_t i = 0; rl_rule_kinds[i]; i++) {
		const struct rl_rule_kind *k = rl_rule_kinds[i];
		printf("kind\t%s\t%s\n", k->name, k->help);
		list_keys(k->name, k->keys);
		list_keys(k->name, k->extra_keys);
	}
	return EXIT_CLEAN;
}

static void print_indented(const char *text)
{
	fputs("    ", stdout);
	for (const char *p = text; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			fputs("    ", stdout);
	}
	if (!*text || text[strlen(text) - 1] != '\n')
		putchar('\n');
}

/* What each country profile changes for rule r (profile: or --profile). */
static void explain_profiles(const struct run_state *st, const struct rl_rule *r)
{
	const struct rl_country_table *t = st->countries;
	int any = 0;
	for (size_t i = 0; t && i < t->n; i++) {
		const struct rl_country_row *row = &t->v[i];
		if (!row->rule || strcmp(row->rule, r->id) != 0)
			continue;
		if (!any++)
			printf("\nCountry profiles (profile: in .resumelint.yml, or --profile):\n");
		printf("    %s: %s — %s\n", row->profile, rl_severity_name(row->severity), row->why);
	}
	if (!any)
		return;
	/* the profiles that leave it alone */
	struct rl_buf others;
	rl_buf_init(&others);
	for (size_t i = 0; i < t->n; i++) {
		int named = 0, seen = 0;
		for (size_t k = 0; k < t->n; k++) {
			named |= strcmp(t->v[k].profile, t->v[i].profile) == 0 && t->v[k].rule &&
				 strcmp(t->v[k].rule, r->id) == 0;
			seen |= k < i && strcmp(t->v[k].profile, t->v[i].profile) == 0;
		}
		if (!named && !seen)
			rl_buf_addf(&others, "%s%s", others.len ? ", " : "", t->v[i].profile);
	}
	if (others.len)
		printf("    %s: %s, the rule's own\n", others.data, rl_severity_name(r->severity));
	rl_buf_free(&others);
}

int explain(struct run_state *st, const char *id)
{
	const struct rl_rule *r = rl_ruleset_find(&st->linter.rules, id);
	if (!r) {
		fprintf(stderr, "resumelint: --explain: unknown rule '%s' (resumelint --list-rules shows them)\n", id);
		return EXIT_TROUBLE;
	}
	printf("%s (%s, %s rule)\n\n", r->id, rl_severity_name(r->severity), r->kind->name);
	if (r->summary)
		printf("Catches: %s\n\n", r->summary);
	printf("Message: %s\n\nWhy: %s\n", r->message, r->advice);
	if (rl_rule_measures_pages(r)) {
		/* the settings a resume in the current folder would get */
		struct config_slot *cs = find_config(st, "resume.md");
		struct rl_lint_opts opts;
		struct rl_buf b;
		build_opts(st, cs, &opts);
		rl_buf_init(&b);
		rl_pagefit_describe(&opts, &b);
		printf("\n%s", b.data);
		rl_buf_free(&b);
		rl_lint_opts_free(&opts);
	}
	explain_profiles(st, r);
	if (r->nbad) {
		printf("\nFlagged, for example:\n");
		for (size_t i = 0; i < r->nbad; i++)
			print_indented(r->bad[i]);
	}
	if (r->ngood) {
		printf("\nNot flagged:\n");
		for (size_t i = 0; i < r->ngood; i++)
			print_indented(r->good[i]);
	}
	printf("\nTo turn it off for a repository, in .resumelint.yml:\n    rules:\n      %s: off\n"
	       "For one line of a Markdown resume, on the line before it:\n"
	       "    <!-- resumelint-disable-next-line %s -->\n",
	       r->id, r->id);
	return EXIT_CLEAN;
}

int self_test(const struct rl_linter *l)
{
	struct rl_buf out;
	size_t failures = 0, examples = 0;
	rl_buf_init(&out);
	for (size_t i = 0; i < l->rules.n; i++) {
		failures += rl_selftest_rule(l, l->rules.v[i], &out);
		examples += l->rules.v[i]->nbad + l->rules.v[i]->ngood;
	}
	fputs(out.data, stdout);
	printf("%zu rules, %zu examples: %zu failure%s\n", l->rules.n, examples, failures, failures == 1 ? "" : "s");
	rl_buf_free(&out);
	return failures ? EXIT_FINDINGS : EXIT_CLEAN;
}

