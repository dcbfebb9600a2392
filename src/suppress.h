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

/* Removes suppressed findings from report (counting them in
 * report->suppressed); an unknown directive or rule id is a warning. */
void rl_suppress_apply(const struct rl_doc *doc, const struct rl_ruleset *rules, struct rl_report *report,
		       struct rl_diags *diags);

#endif
