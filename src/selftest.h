/* Rules that test themselves: every rule's `bad` examples must fire it and
 * its `good` examples must not. */
#ifndef RL_SELFTEST_H
#define RL_SELFTEST_H

#include "buf.h"
#include "lint.h"

/* Runs rule r's examples, each as a Markdown document, with only r enabled.
 * Appends one line per failure to out; returns the number of failures (a
 * rule with no bad or no good example counts as one). */
size_t rl_selftest_rule(const struct rl_linter *l, const struct rl_rule *r, struct rl_buf *out);

#endif
