/* pcre2 patterns with `unless` exceptions and match budgets. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "matcher.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"

static struct rl_matcher *matcher_of(struct rl_rule *r)
{
	return (struct rl_matcher *)r->impl; /* first member, see matcher.h */
}

static int set_pattern(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *p = rl_rule_join_patterns(v, ld);
	if (!p)
		return -1;
	free(matcher_of(r)->pattern);
	matcher_of(r)->pattern = p;
	return 0;
}

static int set_unless(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *p = rl_rule_join_patterns(v, ld);
	if (!p)
		return -1;
	free(matcher_of(r)->unless);
	matcher_of(r)->unless = p;
	return 0;
}

int rl_matcher_set_unless_section(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *p = rl_rule_join_patterns(v, ld);
	if (!p)
		return -1;
	free(matcher_of(r)->unless_section);
	matcher_of(r)->unless_section = p;
	return 0;
}

static int set_requires(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *p = rl_rule_join_patterns(v, ld);
	if (!p)
		return -1;
	free(matcher_of(r)->requires);
	matcher_of(r)->requires = p;
	return 0;
}

static int set_bullets(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct rl_matcher *m = matcher_of(r);
	if (v->type != RL_Y_SEQ || !v->n) {
		rl_rule_error(ld, v, "expected a non-empty list of bullet characters");
		return -1;
	}
	for (size_t i = 0; i < v->n; i++) {
		const struct rl_ynode *k = v->items[i];
		if (rl_rule_want_scalar(k, ld, "a bullet character"))
			return -1;
		if (!k->value_len || strpbrk(k->value, " \t")) {
			rl_rule_error(ld, k, "a bullet must be one or more characters without spaces");
			return -1;
		}
		m->bullets = rl_xreallocarray(m->bullets, m->nbullets + 1, sizeof *m->bullets);
		m->bullets[m->nbullets++] = rl_xstrdup(k->value);
	}
	return 0;
}

static int set_keywords(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct rl_matcher *m = matcher_of(r);
	if (v->type != RL_Y_SEQ || !v->n) {
		rl_rule_error(ld, v, "expected a non-empty list of keywords");
		return -1;
	}
	for (size_t i = 0; i < v->n; i++) {
		const struct rl_ynode *k = v->items[i];
		if (rl_rule_want_scalar(k, ld, "a keyword"))
			return -1;
		if (!k->value_len) {
			rl_rule_error(ld, k, "a keyword must not be empty");
			return -1;
		}
		struct rl_buf low;
		rl_buf_init(&low);
		for (size_t j = 0; j < k->value_len;) {
			uint32_t cp;
			j += rl_utf8_decode(k->value + j, k->value_len - j, &cp, NULL);
			rl_buf_add_utf8(&low, rl_unicode_lower(cp));
		}
		m->keywords = rl_xreallocarray(m->keywords, m->nkeywords + 1, sizeof *m->keywords);
		m->keywords[m->nkeywords++] = rl_buf_detach(&low, NULL);
	}
	return 0;
}

static int set_case(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	int b = rl_yscalar_bool(v);
	if (b < 0) {
		rl_rule_error(ld, v, "expected true or false");
		return -1;
	}
	matcher_of(r)->case_sensitive = b;
	return 0;
}

static int set_limit(uint32_t *slot, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *end;
	if (rl_rule_want_scalar(v, ld, "a number"))
		return -1;
	unsigned long n = strtoul(v->value, &end, 10);
	if (*end || !*v->value || n == 0 || n > 100000000ul) {
		rl_rule_error(ld, v, "expected a whole number from 1 to 100000000");
		return -1;
	}
	*slot = (uint32_t)n;
	return 0;
}

static int set_match_limit(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return set_limit(&matcher_of(r)->match_limit, v, ld);
}

static int set_depth_limit(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return set_limit(&matcher_of(r)->depth_limit, v, ld);
}

const struct rl_rule_key rl_matcher_keys[] = {
	{ "pattern", set_pattern, "a PCRE2 regular expression (or a list of them, any may match)" },
	{ "unless", set_unless, "exceptions: a match that an `unless` match overlaps is not reported" },
	{ "requires", set_requires,
	  "the rule reports nothing unless this matches somewhere in the document (any section, any block)" },
	{ "manual-bullets", set_bullets,
	  "paragraphs and table cells starting with one of these and a space are read as list items" },
	{ "keywords", set_keywords,
	  "speed: blocks whose lower-cased text contains none of these are not searched (every match must contain one)" },
	{ "case-sensitive", set_case, "true to match case exactly (default false)" },
	{ "match-limit", set_match_limit, "pcre2 match limit per attempt (default 200000)" },
	{ "depth-limit", set_depth_limit, "pcre2 depth limit per attempt (default 5000)" },
	{ NULL, NULL, NULL },
};

void rl_matcher_init(struct rl_matcher *m)
{
	memset(m, 0, sizeof *m);
	m->match_limit = RL_PATTERN_MATCH_LIMIT;
	m->depth_limit = RL_PATTERN_DEPTH_LIMIT;
}

void rl_matcher_fini(struct rl_matcher *m)
{
	free(m->pattern);
	free(m->unless);
	free(m->unless_section);
	free(m->requires);
	for (size_t i = 0; i < m->nbullets; i++)
		free(m->bullets[i]);
	free(m->bullets);
	for (size_t i = 0; i < m->nkeywords; i++)
		free(m->keywords[i]);
	free(m->keywords);
	pcre2_code_free(m->re);
	pcre2_code_free(m->unless_re);
	pcre2_code_free(m->unless_section_re);
	pcre2_code_free(m->requires_re);
	pcre2_match_context_free(m->mctx);
}

static pcre2_code *compile(const struct rl_matcher *m, const char *pattern, const struct rl_ynode *at,
			   const char *key, struct rl_rule_loader *ld)
{
	int code;
	PCRE2_SIZE off;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | (m->case_sensitive ? 0 : PCRE2_CASELESS);
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &code, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[200];
		pcre2_get_error_message(code, msg, sizeof msg);
		rl_rule_error(ld, at, "bad %s: %s at offset %zu of \"%.60s\"", key, (char *)msg, (size_t)off,
			      pattern);
		return NULL;
	}
	/* JIT waits until the pattern is used much (RL_JIT_AFTER_ATTEMPTS):
	 * compiling it costs more than interpreting one resume; the
	 * interpreter remains when JIT is missing */
	(void)m;
	return re;
}

int rl_matcher_finish(struct rl_matcher *m, const struct rl_ynode *root, struct rl_rule_loader *ld,
		      int required)
{
	if (!m->pattern) {
		if (required) {
			rl_rule_error(ld, root, "missing key 'pattern'");
			return -1;
		}
		static const char *const needs[] = { "unless", "manual-bullets" };
		for (size_t i = 0; i < sizeof needs / sizeof *needs; i++) {
			const struct rl_ynode *at = rl_ymap_get(root, needs[i]);
			if (at) {
				rl_rule_error(ld, at, "'%s' needs a 'pattern'", needs[i]);
				return -1;
			}
		}
	} else {
		m->re = compile(m, m->pattern, rl_ymap_get(root, "pattern"), "pattern", ld);
		if (!m->re)
			return -1;
	}
	if (m->unless) {
		m->unless_re = compile(m, m->unless, rl_ymap_get(root, "unless"), "unless", ld);
		if (!m->unless_re)
			return -1;
	}
	if (m->unless_section) {
		m->unless_section_re =
			compile(m, m->unless_section, rl_ymap_get(root, "unless-section"), "unless-section", ld);
		if (!m->unless_section_re)
			return -1;
	}
	if (m->requires) {
		m->requires_re = compile(m, m->requires, rl_ymap_get(root, "requires"), "requires", ld);
		if (!m->requires_re)
			return -1;
	}
	m->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(m->mctx, m->match_limit);
	pcre2_set_depth_limit(m->mctx, m->depth_limit);
	return 0;
}

static void report_limit(const struct rl_matcher *m, struct rl_run *run, const struct rl_block *b, int rc)
{
	(void)m;
	if (run->limit_reported++)
		return;
	struct rl_pos p = rl_source_pos(run->doc->src, b->start);
	PCRE2_UCHAR msg[120];
	pcre2_get_error_message(rc, msg, sizeof msg);
	rl_diags_add(run->diags, RL_DIAG_WARNING, run->doc->src->path, p.line, p.col,
		     "rule '%s' gave up on this text (%s); its other matches are still reported",
		     run->rule->id, (char *)msg);
}

static void count_attempt(const struct rl_matcher *cm)
{
	/* the counter and the JIT are caches: changing them does not change what
	 * the matcher finds */
	struct rl_matcher *m = (struct rl_matcher *)cm;
	if (m->jitted || ++m->attempts < RL_JIT_AFTER_ATTEMPTS)
		return;
	m->jitted = 1;
	pcre2_jit_compile(m->re, PCRE2_JIT_COMPLETE);
	void *more[] = { m->unless_re, m->unless_section_re, m->requires_re };
	for (size_t i = 0; i < sizeof more / sizeof *more; i++)
		if (more[i])
			pcre2_jit_compile(more[i], PCRE2_JIT_COMPLETE);
}

void rl_matcher_prepare_threads(struct rl_rule *r)
{
	/* lazy JIT writes to the pattern while others match with it: do it
	 * now, before threads share the rule */
	struct rl_matcher *m = r->impl;
	if (!m->re || m->jitted)
		return;
	m->attempts = RL_JIT_AFTER_ATTEMPTS - 1; /* the next attempt JIT-compiles */
	count_attempt(m);
}

/* Next match at or after *from: 1 found, 0 none, -1 budget exhausted. */
static int next_match(const struct rl_matcher *m, const pcre2_code *re, const struct rl_block *b,
		      size_t *from, size_t *s, size_t *e, struct rl_run *run)
{
	pcre2_match_data *md = run->match_data;
	while (*from <= b->text_len) {
		if (m->nkeywords)
			count_attempt(m);
		int rc = pcre2_match(re, (PCRE2_SPTR)b->text, b->text_len, *from, 0, md, m->mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0) {
			report_limit(m, run, b, rc);
			return -1;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		*s = ov[0];
		*e = ov[1];
		if (*e > *s) {
			*from = *e;
			return 1;
		}
		/* an empty match: step one character and try again */
		*from = *s + 1;
		while (*from < b->text_len && ((unsigned char)b->text[*from] & 0xC0) == 0x80)
			(*from)++;
	}
	return 0;
}

static int excepted(const struct rl_matcher *m, const struct rl_block *b, size_t s, size_t e,
		    struct rl_run *run)
{
	size_t from = 0, us, ue;
	if (!m->unless_re)
		return 0;
	for (;;) {
		int rc = next_match(m, m->unless_re, b, &from, &us, &ue, run);
		if (rc < 0)
			return 1; /* unsure: do not report */
		if (rc == 0 || us >= e)
			return 0;
		if (ue > s)
			return 1;
	}
}

/* 1 when re matches somewhere in block b. */
static int block_has(const struct rl_matcher *m, const pcre2_code *re, const struct rl_block *b,
		     struct rl_run *run)
{
	size_t from = 0, s, e;
	return next_match(m, re, b, &from, &s, &e, run) == 1;
}

int rl_matcher_required(const struct rl_matcher *m, struct rl_run *run)
{
	if (!m->requires_re)
		return 1;
	for (size_t i = 0; i < run->doc->nblocks; i++)
		if (block_has(m, m->requires_re, &run->doc->blocks[i], run))
			return 1;
	return 0;
}

int rl_matcher_section_excepted(const struct rl_matcher *m, struct rl_run *run, size_t i)
{
	const struct rl_doc *doc = run->doc;
	if (!m->unless_section_re || i >= doc->nsections)
		return 0;
	const struct rl_section *sec = &doc->sections[i];
	for (size_t k = sec->first; k < sec->first + sec->count && k < doc->nblocks; k++)
		if (block_has(m, m->unless_section_re, &doc->blocks[k], run))
			return 1;
	return 0;
}

/* A paragraph or table cell that starts with a bullet character of the
 * rule's and a space ("• Led the migration"): a list item typed by hand. */
static int manual_bullet(const struct rl_matcher *m, const struct rl_block *b)
{
	if (b->kind != RL_BLOCK_PARAGRAPH && b->kind != RL_BLOCK_TABLE_CELL)
		return 0;
	for (size_t i = 0; i < m->nbullets; i++) {
		size_t n = strlen(m->bullets[i]);
		if (b->text_len > n && strncmp(b->text, m->bullets[i], n) == 0 &&
		    (b->text[n] == ' ' || b->text[n] == '\t' ||
		     (b->text_len > n + 1 && (unsigned char)b->text[n] == 0xC2 &&
		      (unsigned char)b->text[n + 1] == 0xA0)))
			return 1;
	}
	return 0;
}

static int reads(const struct rl_matcher *m, struct rl_run *run, const struct rl_block *b)
{
	if (rl_rule_reads(run->rule, run->doc, b))
		return 1;
	if (!manual_bullet(m, b))
		return 0;
	struct rl_block item = *b;
	item.kind = RL_BLOCK_LIST_ITEM;
	return rl_rule_reads(run->rule, run->doc, &item);
}

static int scan(const struct rl_matcher *m, struct rl_run *run, int emit, const unsigned char *skip)
{
	const struct rl_doc *doc = run->doc;
	if (!m->re || !rl_matcher_required(m, run))
		return 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (!reads(m, run, b))
			continue;
		if (skip && b->section < doc->nsections && skip[b->section] &&
		    doc->sections[b->section].heading == (long)i)
			continue;
		if (m->nkeywords) {
			const char *low = rl_run_lower(run, i);
			size_t k = 0;
			while (k < m->nkeywords && !strstr(low, m->keywords[k]))
				k++;
			if (k == m->nkeywords)
				continue; /* no keyword: no match can be here */
		}
		size_t from = 0, s, e;
		while (next_match(m, m->re, b, &from, &s, &e, run) == 1) {
			if (excepted(m, b, s, e, run))
				continue;
			if (!emit)
				return 1;
			size_t a, z;
			rl_block_span(b, s, e, &a, &z);
			rl_emit(run, a, z, b->text + s, e - s, (int)doc->sections[b->section].kind, NULL);
		}
	}
	return 0;
}

void rl_matcher_scan(const struct rl_matcher *m, struct rl_run *run)
{
	scan(m, run, 1, NULL);
}

void rl_matcher_scan_except(const struct rl_matcher *m, struct rl_run *run, const unsigned char *skip)
{
	scan(m, run, 1, skip);
}

int rl_matcher_any(const struct rl_matcher *m, struct rl_run *run)
{
	return scan(m, run, 0, NULL);
}
