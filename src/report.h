/* Findings and the per-file report the engine fills and formatters read. */
#ifndef RL_REPORT_H
#define RL_REPORT_H

#include <stddef.h>

#include "rule.h"

struct rl_finding {
	const struct rl_rule *rule;
	enum rl_severity severity;  /* after config overrides */
	char *message;              /* placeholders filled in */
	size_t start, end;          /* source span; end == start for a point */
	int section;                /* section kind, -1 for the whole document */
	char *text;                 /* the offending text, NULL when none */
};

/* Page fit as far as it is known. */
struct rl_pages {
	double estimate;        /* laid-out height in pages: 1.00 = page one exactly full */
	unsigned limit;         /* the page limit it was measured against */
	unsigned count;         /* pages the text runs to */
	double lines_over;      /* body lines past the limit (0 when it fits) */
	double lines_free;      /* body lines left on the last allowed page */
	int has_overflow;       /* the limit is crossed at overflow_off */
	size_t overflow_off;
	size_t overflow_block;
	int borderline;         /* within 0.05 page of the limit */
};

struct rl_report {
	struct rl_finding *v;
	size_t n, cap;
	struct rl_pages pages;
	size_t suppressed;      /* findings dropped by inline suppressions */
};

void rl_report_init(struct rl_report *r);
void rl_report_free(struct rl_report *r);
/* Counts findings at each severity (index by enum rl_severity). */
void rl_report_count(const struct rl_report *r, size_t counts[4]);

#endif
