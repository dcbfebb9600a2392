/* Rule kind `section`: a section kind that must not (or must) appear, found
 * by the section classifier or by lines that stand in for it ("Objective:
 * ..." as a lead-in line, matched by the optional pattern). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "matcher.h"

struct section_rule {
	struct rl_matcher m; /* first: see matcher.h */
	int section;         /* section kind */
	int expect_present;  /* default 0: the section must be absent */
};

static int set_section(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct section_rule *s = r->impl;
	if (rl_rule_want_scalar(v, ld, "a section kind"))
		return -1;
	s->section = rl_section_kind_parse(v->value);
	if (s->section < 0) {
		rl_rule_error(ld, v, "unknown section kind '%s'", v->value);
		return -1;
	}
	return 0;
}

static int set_expect(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct section_rule *s = r->impl;
	if (rl_rule_want_scalar(v, ld, "absent or present"))
		return -1;
	if (strcmp(v->value, "absent") == 0)
		s->expect_present = 0;
	else if (strcmp(v->value, "present") == 0)
		s->expect_present = 1;
	else {
		rl_rule_error(ld, v, "expected absent or present, found '%s'", v->value);
		return -1;
	}
	return 0;
}

static const struct rl_rule_key keys[] = {
	{ "section", set_section, "the section kind (objective, references, ...)" },
	{ "expect", set_expect, "absent (default): report the section; present: report its absence" },
	{ "unless-section", rl_matcher_set_unless_section,
	  "a section of the kind whose text matches this is not reported (a Courses section of online courses)" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	struct section_rule *s = rl_xcalloc(1, sizeof *s);
	rl_matcher_init(&s->m);
	s->section = -1;
	return s;
}

static void impl_free(void *impl)
{
	struct section_rule *s = impl;
	rl_matcher_fini(&s->m);
	free(s);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	struct section_rule *s = r->impl;
	if (s->section < 0) {
		rl_rule_error(ld, root, "missing key 'section'");
		return -1;
	}
	return rl_matcher_finish(&s->m, root, ld, 0);
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct section_rule *s = r->impl;
	const struct rl_doc *doc = run->doc;
	int found = 0;
	if (!s->expect_present && !rl_matcher_required(&s->m, run))
		return;
	/* a reported heading is not reported again by the pattern ("Objective: ...") */
	unsigned char *reported = s->expect_present ? NULL : rl_xcalloc(doc->nsections + 1, 1);
	for (size_t i = 0; i < doc->nsections; i++) {
		const struct rl_section *sec = &doc->sections[i];
		if ((int)sec->kind != s->section || sec->heading < 0)
			continue;
		if (rl_matcher_section_excepted(&s->m, run, i))
			continue; /* a "Courses" section of online courses */
		found = 1;
		if (s->expect_present)
			break;
		const struct rl_block *h = &doc->blocks[sec->heading];
		rl_emit(run, h->start, h->end, h->text, h->text_len, (int)sec->kind, NULL);
		reported[i] = 1;
	}
	if (!s->expect_present) {
		rl_matcher_scan_except(&s->m, run, reported);
		free(reported);
		return;
	}
	if (!found && !rl_matcher_any(&s->m, run))
		rl_emit(run, 0, 0, NULL, 0, -1, NULL);
}

const struct rl_rule_kind rl_rule_kind_section = {
	.name = "section",
	.help = "reports a section of a given kind (or the lines that stand in for one), or its absence",
	.keys = keys,
	.extra_keys = rl_matcher_keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	.prepare_threads = rl_matcher_prepare_threads,
};
