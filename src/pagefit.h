/* Page fit: how much paper the resume takes. This is the words-and-lines
 * estimate: every block is a number of lines of average-width characters at
 * the Markdown profile's size (pandoc's default .docx rendering). */
#ifndef RL_PAGEFIT_H
#define RL_PAGEFIT_H

#include "doc.h"
#include "lint_opts.h"
#include "report.h"

void rl_pagefit_estimate(const struct rl_doc *doc, const struct rl_lint_opts *opts, struct rl_pages *out);

#endif
