/* Page fit: lays the resume out (layout.c) and reports how many pages it
 * takes, by how much it misses the limit and where the limit is crossed.
 * Word files lay out from their own geometry and styles; Markdown from a
 * rendering profile (profile.h). */
#ifndef RL_PAGEFIT_H
#define RL_PAGEFIT_H

#include "doc.h"
#include "lint_opts.h"
#include "report.h"

void rl_pagefit_estimate(const struct rl_doc *doc, const struct rl_lint_opts *opts, struct rl_pages *out);

/* For developers (--dump-layout): the layout, one line a paragraph. */
struct rl_buf;
void rl_pagefit_dump(const struct rl_doc *doc, const struct rl_lint_opts *opts, struct rl_buf *out);

/* The Markdown rendering profile opts resolve to, for --explain. */
void rl_pagefit_describe(const struct rl_lint_opts *opts, struct rl_buf *out);

/* Names of RL_LAYOUT_* reasons, for reports: fills names (up to max) and
 * returns how many. */
size_t rl_pagefit_reasons(unsigned reasons, const char **names, size_t max);
const char *rl_confidence_name(enum rl_confidence c);

#endif
