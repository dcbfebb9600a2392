/* Rule kind `limit`: a measured number against a threshold. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "metrics.h"

struct limit_rule {
	const struct rl_metric *metric;
	int has_max, has_min;
	double max, min;
	int max_is_max_pages; /* max: max-pages — the user's page limit */
};

static int parse_number(const struct rl_ynode *v, struct rl_rule_loader *ld, double *out)
{
	char *end;
	if (rl_rule_want_scalar(v, ld, "a number"))
		return -1;
	*out = strtod(v->value, &end);
	if (*end || !*v->value || !(*out >= 0) || isinf(*out)) { /* nan, inf: no limit */
		rl_rule_error(ld, v, "expected a number of 0 or more, found '%s'", v->value);
		return -1;
	}
	return 0;
}

static int set_metric(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct limit_rule *l = r->impl;
	if (rl_rule_want_scalar(v, ld, "a metric name"))
		return -1;
	l->metric = rl_metric_find(v->value);
	if (!l->metric) {
		rl_rule_error(ld, v, "unknown metric '%s' (expected words or pages)", v->value);
		return -1;
	}
	return 0;
}

static int set_max(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct limit_rule *l = r->impl;
	l->has_max = 1;
	if (v->type == RL_Y_SCALAR && strcmp(v->value, "max-pages") == 0) {
		l->max_is_max_pages = 1;
		return 0;
	}
	return parse_number(v, ld, &l->max);
}

static int set_min(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct limit_rule *l = r->impl;
	l->has_min = 1;
	return parse_number(v, ld, &l->min);
}

static const struct rl_rule_key keys[] = {
	{ "metric", set_metric, "what is measured: words or pages" },
	{ "max", set_max, "report when the value is above this (a number, or max-pages for the page limit)" },
	{ "min", set_min, "report when the value is below this" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	return rl_xcalloc(1, sizeof(struct limit_rule));
}

static void impl_free(void *impl)
{
	free(impl);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	struct limit_rule *l = r->impl;
	if (!l->metric) {
		rl_rule_error(ld, root, "missing key 'metric'");
		return -1;
	}
	if (!l->has_max && !l->has_min) {
		rl_rule_error(ld, root, "a limit rule needs 'max' or 'min'");
		return -1;
	}
	return 0;
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct limit_rule *l = r->impl;
	double max = l->max_is_max_pages ? (double)run->opts->max_pages : l->max;
	struct rl_measure m = { 0, 0, 0, 0, NULL, 0, -1, -1, NULL };
	l->metric->measure(run, l->has_max ? max : l->min, &m);
	char value[32], limit[32];
	struct rl_msg_vars vars = { value, limit, m.detail };
	snprintf(value, sizeof value, l->metric->format, m.value);
	int over = m.exceeds >= 0 ? m.exceeds : m.value > max;
	if (l->has_max && over) {
		snprintf(limit, sizeof limit, "%g", max);
		if (m.has_pos)
			rl_emit(run, m.start, m.end, m.text, m.text_len, m.section, &vars);
		else
			rl_emit(run, 0, 0, NULL, 0, -1, &vars);
	} else if (l->has_min && !l->has_max && (m.exceeds >= 0 ? m.exceeds : m.value < l->min)) {
		snprintf(limit, sizeof limit, "%g", l->min);
		if (m.has_pos)
			rl_emit(run, m.start, m.end, m.text, m.text_len, m.section, &vars);
		else
			rl_emit(run, 0, 0, NULL, 0, -1, &vars);
	} else if (l->has_min && l->has_max && m.value < l->min) {
		snprintf(limit, sizeof limit, "%g", l->min);
		rl_emit(run, 0, 0, NULL, 0, -1, &vars);
	}
	free(m.detail);
}

const struct rl_rule_kind rl_rule_kind_limit = {
	.name = "limit",
	.help = "reports a measured number (words, pages) above max or below min",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	.runs_last = 1,
};

int rl_rule_measures_pages(const struct rl_rule *r)
{
	if (r->kind != &rl_rule_kind_limit)
		return 0;
	const struct limit_rule *l = r->impl;
	return l->metric && strcmp(l->metric->name, "pages") == 0;
}
