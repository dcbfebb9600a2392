/* Cuts that bring an over-long resume back to its page limit (page fit). */
#ifndef RL_PAGEFIT_CUTS_H
#define RL_PAGEFIT_CUTS_H

#include "doc.h"
#include "report.h"

struct rl_buf;

/* Fills rep->pages.cuts, cheapest first, until they free the lines that
 * are over; reads the findings of rules other than self. */
void rl_pagefit_cuts(const struct rl_doc *doc, struct rl_report *rep, const struct rl_rule *self);

/* Appends "; cheapest cuts: A (n lines), B (m lines)" for messages;
 * nothing when there are none. */
void rl_pagefit_cuts_describe(const struct rl_pages *p, struct rl_buf *out);

#endif
