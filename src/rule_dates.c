/* Rule kind `dates`: checks on the date ranges of the blocks a rule reads.
 * Each check is a detector here and a message in the rule file ({value} and
 * {limit} are filled in):
 *   order        a range whose end is before its start
 *   format       a date whose month style (Sep 2021, September 2021, 09/2021,
 *                09.2021, 2021-09) differs from the style most ranges use
 *   placeholder  text matching the `placeholder` patterns (20XX, MM/YYYY)
 *   overlap      two roles of one experience section that overlap by more
 *                than overlap-months, neither inside the other and neither
 *                marked as part-time (`not-full-time` words) */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "career.h"
#include "engine.h"
#include "rule_cache.h"

enum check {
	CK_ORDER,
	CK_FORMAT,
	CK_PLACEHOLDER,
	CK_OVERLAP,
	CK_COUNT
};

static const char *const check_names[CK_COUNT] = { "order", "format", "placeholder", "overlap" };

/* Ranges looked at per block. */
#define MAX_RANGES 16

/* The placeholder patterns are JIT-compiled after searching this many
 * blocks (a cache, like RL_JIT_AFTER_BYTES in matcher.h): one resume
 * stays interpreted, a batch is JIT-compiled by its third file, where the
 * interpreter made them the dates rule's largest cost. */
#define PLACEHOLDER_JIT_AFTER 100

struct dates_rule {
	char *message[CK_COUNT];
	pcre2_code *placeholder;
	unsigned searched;       /* blocks searched for placeholders (lazy JIT) */
	double overlap_months;   /* default 3 */
	char **part_time;        /* lower case */
	size_t npart_time;
};

static struct dates_rule *impl(struct rl_rule *r)
{
	return r->impl;
}

static int set_checks(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_check_messages(v, ld, "check", check_names, CK_COUNT, impl(r)->message);
}

static int set_placeholder(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *p = rl_rule_join_patterns(v, ld);
	if (!p)
		return -1;
	int err;
	PCRE2_SIZE off;
	pcre2_code_free(impl(r)->placeholder);
	impl(r)->placeholder = rl_rule_cache_compile(ld->cache, p, PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
						     &err, &off);
	free(p);
	if (!impl(r)->placeholder) {
		PCRE2_UCHAR buf[160];
		pcre2_get_error_message(err, buf, sizeof buf);
		rl_rule_error(ld, v, "bad pattern at offset %zu: %s", (size_t)off, (const char *)buf);
		return -1;
	}
	return 0;
}

static int set_overlap_months(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number of months", 0, 120, &impl(r)->overlap_months);
}

static int set_part_time(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->part_time, &impl(r)->npart_time);
}

static const struct rl_rule_key keys[] = {
	{ "checks", set_checks, "check → message: order, format, placeholder, overlap ({value}, {limit})" },
	{ "placeholder", set_placeholder, "placeholder: patterns of template dates (case matters: 20XX, MM/YYYY)" },
	{ "overlap-months", set_overlap_months, "overlap: roles may overlap by this many months (default 3)" },
	{ "not-full-time", set_part_time, "overlap: words on a role's lines that say it is not full-time" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	struct dates_rule *d = rl_xcalloc(1, sizeof *d);
	d->overlap_months = 3;
	return d;
}

static void impl_free(void *v)
{
	struct dates_rule *d = v;
	for (int i = 0; i < CK_COUNT; i++)
		free(d->message[i]);
	pcre2_code_free(d->placeholder);
	rl_rule_word_list_free(d->part_time, d->npart_time);
	free(d);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	struct dates_rule *d = r->impl;
	if (d->message[CK_PLACEHOLDER] && !d->placeholder) {
		rl_rule_error(ld, root, "the placeholder check needs 'placeholder' patterns");
		return -1;
	}
	return rl_rule_need_check_message(ld, root, "checks", d->message, CK_COUNT);
}

static void report(struct rl_run *run, const char *tmpl, const char *value, const char *limit,
		   const struct rl_block *b, size_t t0, size_t t1)
{
	char *msg = rl_rule_fill_check_message(tmpl, value, limit);
	struct rl_msg_vars vars = { msg, limit, NULL };
	size_t s0, s1;
	rl_block_span(b, t0, t1, &s0, &s1);
	rl_emit(run, s0, s1, b->text + t0, t1 - t0, (int)run->doc->sections[b->section].kind, &vars);
	free(msg);
}

/* Month styles that clash: May 2021 goes with either name style. */
static int style_class(enum rl_date_style s)
{
	switch (s) {
	case RL_DS_MONTH_FULL: return 0;
	case RL_DS_MONTH_ABBR: return 1;
	case RL_DS_NUM_SLASH: return 2;
	case RL_DS_NUM_DOT: return 3;
	case RL_DS_YEAR_MONTH: return 4;
	default: return -1;
	}
}

#define NCLASSES 5

static int reads(struct rl_run *run, const struct rl_block *b)
{
	return rl_rule_reads(run->rule, run->doc, b) && b->kind != RL_BLOCK_META && !(b->flags & RL_BF_CONTINUATION);
}

/* The ranges whose style counts: on a role or degree line, not in prose
 * ("studied it since Feb 2021", a date deep in a paragraph). */
#define PROSE_WORDS 25
#define PROSE_RANGE_WITHIN 120
static int styled_range(const struct rl_block *b, const struct rl_date_range *r)
{
	if (r->from.start > r->start) /* since ... */
		return 0;
	return r->start <= PROSE_RANGE_WITHIN || rl_count_words(b->text, b->text_len) <= PROSE_WORDS;
}

static void order_and_format(const struct dates_rule *d, struct rl_run *run, int now)
{
	const struct rl_doc *doc = run->doc;
	size_t count[NCLASSES] = { 0 };
	int seen[NCLASSES], nseen = 0; /* classes in order of first use */
	struct rl_date_range r[MAX_RANGES];
	/* pass 1: end before start; count the month styles */
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (!reads(run, b))
			continue;
		size_t n = rl_date_ranges(b->text, b->text_len, r, MAX_RANGES);
		for (size_t k = 0; k < n && k < MAX_RANGES; k++) {
			if (d->message[CK_ORDER] && r[k].to.style != RL_DS_PRESENT &&
			    rl_date_month_index(&r[k].from, 0, now) > rl_date_month_index(&r[k].to, 1, now))
				report(run, d->message[CK_ORDER], "", "", b, r[k].start, r[k].end);
			if (!styled_range(b, &r[k]))
				continue;
			int c1 = style_class(r[k].from.style), c2 = style_class(r[k].to.style);
			int cs[2] = { c1, c2 };
			for (int e = 0; e < 2; e++) {
				if (cs[e] < 0)
					continue;
				if (!count[cs[e]]++)
					seen[nseen++] = cs[e];
			}
		}
	}
	if (!d->message[CK_FORMAT])
		return;
	/* the most used style; on a tie, the one used first sets the norm */
	if (nseen < 2)
		return;
	int major = seen[0];
	for (int k = 1; k < nseen; k++)
		if (count[seen[k]] > count[major])
			major = seen[k];
	/* pass 2: the dates in another style than the most used one */
	static const enum rl_date_style example[NCLASSES] = { RL_DS_MONTH_FULL, RL_DS_MONTH_ABBR, RL_DS_NUM_SLASH,
							      RL_DS_NUM_DOT, RL_DS_YEAR_MONTH };
	const char *want = rl_date_style_example(example[major]);
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (!reads(run, b))
			continue;
		size_t n = rl_date_ranges(b->text, b->text_len, r, MAX_RANGES);
		for (size_t k = 0; k < n && k < MAX_RANGES; k++) {
			if (!styled_range(b, &r[k]))
				continue;
			const struct rl_date *ends[2] = { &r[k].from, &r[k].to };
			for (int e = 0; e < 2; e++) {
				int c = style_class(ends[e]->style);
				if (c < 0 || c == major)
					continue;
				report(run, d->message[CK_FORMAT], want, want, b, ends[e]->start, ends[e]->end);
			}
		}
	}
}

static void placeholders(const struct dates_rule *d, struct rl_run *run)
{
	const struct rl_doc *doc = run->doc;
	pcre2_match_data *md = run->match_data;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (!rl_rule_reads(run->rule, doc, b))
			continue;
		/* lazy JIT; after prepare_threads nothing is written */
		if (d->searched < PLACEHOLDER_JIT_AFTER &&
		    ++((struct dates_rule *)d)->searched == PLACEHOLDER_JIT_AFTER)
			pcre2_jit_compile(d->placeholder, PCRE2_JIT_COMPLETE);
		size_t off = 0;
		while (off < b->text_len &&
		       pcre2_match(d->placeholder, (PCRE2_SPTR)b->text, b->text_len, off, 0, md, NULL) >= 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			if (ov[1] <= ov[0])
				break;
			report(run, d->message[CK_PLACEHOLDER], "", "", b, ov[0], ov[1]);
			off = ov[1];
		}
	}
}

/* 1 when the role's line, or the heading or term just before it, says it is
 * not a full-time job. */
static int part_time(const struct dates_rule *d, struct rl_run *run, const struct rl_role *role)
{
	const struct rl_doc *doc = run->doc;
	if (rl_contains_any(rl_run_lower(run, role->block), d->part_time, d->npart_time))
		return 1;
	for (size_t k = 1; k <= 2 && role->block >= k; k++) {
		const struct rl_block *p = &doc->blocks[role->block - k];
		if (p->section != doc->blocks[role->block].section || p->kind == RL_BLOCK_LIST_ITEM)
			break;
		if (rl_contains_any(rl_run_lower(run, role->block - k), d->part_time, d->npart_time))
			return 1;
	}
	/* the title on the line after the dates (a term, then its definition) */
	if (role->block + 1 < doc->nblocks) {
		const struct rl_block *nx = &doc->blocks[role->block + 1];
		if (nx->section == doc->blocks[role->block].section && nx->kind != RL_BLOCK_LIST_ITEM &&
		    rl_contains_any(rl_run_lower(run, role->block + 1), d->part_time, d->npart_time))
			return 1;
	}
	return 0;
}

static void overlaps(const struct dates_rule *d, struct rl_run *run, int now)
{
	const struct rl_doc *doc = run->doc;
	struct rl_career car;
	rl_career_measure(doc, now, &car);
	char value[32], limit[32];
	snprintf(limit, sizeof limit, "%g", d->overlap_months);
	for (size_t i = 0; i < car.nroles; i++) {
		const struct rl_role *b = &car.roles[i];
		if (b->to < b->from || part_time(d, run, b))
			continue;
		for (size_t k = 0; k < car.nroles; k++) {
			const struct rl_role *a = &car.roles[k];
			if (k == i || a->to < a->from || doc->blocks[a->block].section != doc->blocks[b->block].section)
				continue;
			/* a starts first, b starts inside a and ends after it */
			if (!(a->from < b->from && b->from <= a->to && b->to > a->to))
				continue;
			/* at the least: a year alone may mean its last month
			 * as a start and its first as an end */
			int months = rl_date_month_index(&a->range.to, 0, now) -
				     rl_date_month_index(&b->range.from, 1, now) + 1;
			if (months <= d->overlap_months || part_time(d, run, a))
				continue;
			snprintf(value, sizeof value, "%d", months);
			report(run, d->message[CK_OVERLAP], value, limit, &doc->blocks[b->block], b->range.start,
			       b->range.end);
			break;
		}
	}
	rl_career_free(&car);
}

static void prepare_threads(struct rl_rule *r)
{
	struct dates_rule *d = r->impl;
	if (d->placeholder && d->searched < PLACEHOLDER_JIT_AFTER) {
		pcre2_jit_compile(d->placeholder, PCRE2_JIT_COMPLETE);
		d->searched = PLACEHOLDER_JIT_AFTER;
	}
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct dates_rule *d = r->impl;
	int now = rl_date_now();
	if (d->message[CK_ORDER] || d->message[CK_FORMAT])
		order_and_format(d, run, now);
	if (d->message[CK_PLACEHOLDER])
		placeholders(d, run);
	if (d->message[CK_OVERLAP])
		overlaps(d, run, now);
}

const struct rl_rule_kind rl_rule_kind_dates = {
	.name = "dates",
	.help = "checks date ranges: an end before its start, mixed date formats, placeholder dates, overlapping roles",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	.prepare_threads = prepare_threads,
	/* its findings point at what is missing or mis-written, not at text
	 * to cut: running last keeps them out of one-page's cuts */
	.runs_last = 1,
};
