/* Rule kind `pattern`: report text matching a regular expression. */
#include <stdlib.h>

#include "alloc.h"
#include "matcher.h"

struct pattern_rule {
	struct rl_matcher m; /* first: see matcher.h */
};

static void *impl_new(void)
{
	struct pattern_rule *p = rl_xcalloc(1, sizeof *p);
	rl_matcher_init(&p->m);
	return p;
}

static void impl_free(void *impl)
{
	struct pattern_rule *p = impl;
	rl_matcher_fini(&p->m);
	free(p);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	struct pattern_rule *p = r->impl;
	return rl_matcher_finish(&p->m, root, ld, 1);
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct pattern_rule *p = r->impl;
	rl_matcher_scan(&p->m, run);
}

const struct rl_rule_kind rl_rule_kind_pattern = {
	.name = "pattern",
	.help = "reports every match of a regular expression in the text of the blocks it reads",
	.keys = rl_matcher_keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	.prepare_threads = rl_matcher_prepare_threads,
};
