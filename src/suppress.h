/* Inline suppressions, written as comments in the resume:
 *   <!-- resumelint-disable-next-line no-gpa -->
 *   <!-- resumelint-disable-line no-gpa -->   (on the line it silences)
 *   <!-- resumelint-disable no-gpa --> ... <!-- resumelint-enable no-gpa -->
 *   <!-- resumelint-disable-file no-objective -->
 * No rule id means every rule; ids are separated by spaces or commas. */
#ifndef RL_SUPPRESS_H
#define RL_SUPPRESS_H

#include "doc.h"
#include "report.h"
#include "rule.h"

struct rl_suppressions;

/* Reads the suppression comments of doc; an unknown directive or rule id is
 * a warning. */
struct rl_suppressions *rl_suppress_parse(const struct rl_doc *doc, const struct rl_ruleset *rules,
					  struct rl_diags *diags);
/* 1 when the comments suppress finding f (its rule and start are used). */
int rl_suppress_hides(const struct rl_suppressions *s, const struct rl_doc *doc, const struct rl_finding *f);
void rl_suppress_free(struct rl_suppressions *s);

/* Removes suppressed findings from report (counting them in
 * report->suppressed); an unknown directive or rule id is a warning. */
void rl_suppress_apply(const struct rl_doc *doc, const struct rl_ruleset *rules, struct rl_report *report,
		       struct rl_diags *diags);

#endif
