/* Country profiles: where personal-detail norms differ (a photo, a date of
 * birth, a street address), a profile changes the severity of the rules
 * that check them. The table is data: rules/tables/profiles.tsv. */
#ifndef RL_COUNTRY_H
#define RL_COUNTRY_H

#include <stddef.h>

#include "diag.h"
#include "lint_opts.h"

/* The profile used when none is set. */
#define RL_COUNTRY_DEFAULT "us"

struct rl_country_row {
	char *profile;
	char *rule;                /* NULL on a profile's line that changes nothing */
	enum rl_severity severity;
	char *why;                 /* one line for --explain */
};

struct rl_country_table {
	struct rl_country_row *v;
	size_t n, cap;
};

/* Loads PROFILE<TAB>RULE<TAB>SEVERITY<TAB>WHY lines ('#' comments; RULE "-"
 * names a profile that changes nothing). NULL with errors in diags. */
struct rl_country_table *rl_country_table_load(const char *path, struct rl_diags *diags);
void rl_country_table_free(struct rl_country_table *t);
/* 1 when the table has the profile. */
int rl_country_known(const struct rl_country_table *t, const char *profile);
/* The profile names, ", "-separated, for messages; free() it. */
char *rl_country_names(const struct rl_country_table *t);
/* Adds the profile's severities to o's overrides: call before the config's
 * rules: map is applied, so that it wins. */
void rl_country_apply(const struct rl_country_table *t, const char *profile, struct rl_lint_opts *o);

#endif
