/* Numbers measured on a document, for `limit` rules. */
#ifndef RL_METRICS_H
#define RL_METRICS_H

#include <stddef.h>

#include "engine.h"

struct rl_measure {
	double value;
	int has_pos;      /* the limit is crossed at [start, end) */
	size_t start, end;
	const char *text;  /* the text there, for the finding */
	size_t text_len;
	int section;
	int exceeds;       /* 1 or 0: the metric decides whether the limit is crossed; -1: value > limit */
	char *detail;      /* owned: more for the message ({detail}), or NULL */
};

struct rl_metric {
	const char *name;
	const char *help;
	const char *format;  /* printf format of the value in messages */
	/* Measures; limit is the rule's threshold, so the position where it is
	 * crossed can be found. */
	void (*measure)(struct rl_run *run, double limit, struct rl_measure *out);
};

/* NULL-ended table. */
extern const struct rl_metric rl_metrics[];
const struct rl_metric *rl_metric_find(const char *name);

#endif
