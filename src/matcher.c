/* pcre2 patterns with `unless` exceptions and match budgets. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "matcher.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "rule_cache.h"
#include "buf.h"
#include "utf8.h"

static struct rl_matcher *matcher_of(struct rl_rule *r)
{
	return (struct rl_matcher *)r->impl; /* first member, see matcher.h */
}

/* A key's pattern list, compiled item by item (what m->re and the other
 * *_re fields point to). One alternation of all items, as the list reads,
 * is slow: a single item that can start anywhere (`^\W*...`, `\p{Lu}...`)
 * takes away pcre2's start-of-match optimizations (first character,
 * start bitmap, required character) from all the others, so every
 * position of every block tries every item. Compiled apart, each item
 * keeps them: no-references runs 12 times faster, no-personal-details 2
 * to 3 times (the corpus, interpreted and JIT alike). `cursor_next`
 * gives exactly the matches of the alternation: the leftmost start, and
 * at equal starts the item listed first. */
struct re_set {
	pcre2_code **v;
	size_t n;
};

/* The keywords, indexed for one pass over a block's lower-cased text:
 * one strstr per keyword read the block again for each (80 keywords of
 * no-personal-details cost more than its patterns). A position is looked
 * at only when its first two bytes may begin some keyword (a hash of the
 * pair: a 512-byte filter instead of 8 KB to clear and fault in at every
 * start, for the odd false alarm); then the keywords with that first byte
 * are compared there. */
#define KW_PAIR_BITS 4096u

/* A keyword written "\bage" is "age" at the start of a word. */
static const char *kw_text(const char *kw)
{
	return kw[0] == '\\' && kw[1] == 'b' && kw[2] ? kw + 2 : kw;
}

static int is_ascii_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static unsigned kw_pair(unsigned char a, unsigned char b)
{
	return (((unsigned)a << 8 | b) * 0x9E37u >> 7) & (KW_PAIR_BITS - 1);
}

struct kw_index {
	unsigned char pair[KW_PAIR_BITS / 8]; /* hashed first two bytes of a keyword of two or more */
	unsigned char one[256 / 8];    /* one-byte keywords */
	unsigned short first[257];     /* keywords starting with byte c: by[first[c] .. first[c + 1]) */
	const char **by;               /* the keywords, by first byte (not owned) */
	size_t *len;
	unsigned char *word_start;     /* written "\bword": only where a word starts */
};

static void kw_index_free(void *p)
{
	struct kw_index *x = p;
	if (!x)
		return;
	free(x->by);
	free(x->len);
	free(x->word_start);
	free(x);
}

static struct kw_index *kw_index_new(char *const *kw, size_t n)
{
	struct kw_index *x = rl_xcalloc(1, sizeof *x);
	x->by = rl_xcalloc(n, sizeof *x->by);
	x->len = rl_xcalloc(n, sizeof *x->len);
	x->word_start = rl_xcalloc(n, 1);
	size_t count[256] = { 0 }, at = 0;
	for (size_t i = 0; i < n; i++)
		count[(unsigned char)kw_text(kw[i])[0]]++;
	for (unsigned c = 0; c < 256; c++) {
		x->first[c] = (unsigned short)at;
		at += count[c];
	}
	x->first[256] = (unsigned short)at;
	size_t fill[256];
	for (unsigned c = 0; c < 256; c++)
		fill[c] = x->first[c];
	for (size_t i = 0; i < n; i++) {
		const unsigned char *k = (const unsigned char *)kw_text(kw[i]);
		size_t slot = fill[k[0]]++;
		x->by[slot] = (const char *)k;
		x->len[slot] = strlen((const char *)k);
		x->word_start[slot] = (const char *)k != kw[i];
		if (!k[1]) {
			x->one[k[0] >> 3] |= (unsigned char)(1u << (k[0] & 7));
		} else {
			unsigned pair = kw_pair(k[0], k[1]);
			x->pair[pair >> 3] |= (unsigned char)(1u << (pair & 7));
		}
	}
	return x;
}

/* 1 when one of the keywords occurs in low (as strstr would find it; a
 * "\b" one where the byte before is no ASCII letter, digit or underscore:
 * a keyword may let through more than its patterns match, never less). */
static int kw_index_any(const struct kw_index *x, const char *low)
{
	for (const unsigned char *p = (const unsigned char *)low; *p; p++) {
		if (x->one[p[0] >> 3] & (1u << (p[0] & 7)))
			return 1;
		unsigned pair = kw_pair(p[0], p[1]); /* p[1] may be the NUL: no keyword has one */
		if (!(x->pair[pair >> 3] & (1u << (pair & 7))))
			continue;
		for (unsigned k = x->first[p[0]]; k < x->first[p[0] + 1]; k++)
			if (strncmp((const char *)p, x->by[k], x->len[k]) == 0 &&
			    (!x->word_start[k] || p == (const unsigned char *)low || !is_ascii_word(p[-1])))
				return 1;
	}
	return 0;
}

static void re_set_free(void *p)
{
	struct re_set *set = p;
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++)
		pcre2_code_free(set->v[i]);
	free(set->v);
	free(set);
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
	m->keywords = rl_xreallocarray(m->keywords, m->nkeywords + v->n, sizeof *m->keywords);
	for (size_t i = 0; i < v->n; i++) {
		const struct rl_ynode *k = v->items[i];
		if (rl_rule_want_scalar(k, ld, "a keyword"))
			return -1;
		if (!k->value_len) {
			rl_rule_error(ld, k, "a keyword must not be empty");
			return -1;
		}
		m->keywords[m->nkeywords++] = rl_rule_lower(k->value, k->value_len);
	}
	return 0;
}

static int set_bool(int *slot, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	int b = rl_yscalar_bool(v);
	if (b < 0) {
		rl_rule_error(ld, v, "expected true or false");
		return -1;
	}
	*slot = b;
	return 0;
}

static int set_case(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return set_bool(&matcher_of(r)->case_sensitive, v, ld);
}

static int set_once_per_block(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return set_bool(&matcher_of(r)->once_per_block, v, ld);
}

static int set_skip_italic(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return set_bool(&matcher_of(r)->skip_italic, v, ld);
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
	  "speed: blocks whose lower-cased text contains none of these are not searched (every match must contain one);"
	  " \\bword: only at the start of a word" },
	{ "case-sensitive", set_case, "true to match case exactly (default false)" },
	{ "once-per-block", set_once_per_block,
	  "true to report only the first match of a block: one line is one entry (default false)" },
	{ "skip-italic", set_skip_italic,
	  "true to pass over matches set in italics, where titles are (*Our Town*) (default false)" },
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
	kw_index_free(m->kwindex);
	re_set_free(m->re);
	re_set_free(m->unless_re);
	re_set_free(m->unless_section_re);
	re_set_free(m->requires_re);
	pcre2_match_context_free(m->mctx);
}

static pcre2_code *compile(const struct rl_matcher *m, const char *pattern, const struct rl_ynode *at,
			   const char *key, struct rl_rule_loader *ld)
{
	int code;
	PCRE2_SIZE off;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | (m->case_sensitive ? 0 : PCRE2_CASELESS);
	pcre2_code *re = rl_rule_cache_compile(ld->cache, pattern, opts, &code, &off);
	if (!re) {
		PCRE2_UCHAR msg[200];
		pcre2_get_error_message(code, msg, sizeof msg);
		rl_rule_error(ld, at, "bad %s: %s at offset %zu of \"%.60s\"", key, (char *)msg, (size_t)off,
			      pattern);
		return NULL;
	}
	/* JIT waits until the pattern is used much (RL_JIT_AFTER_BYTES):
	 * compiling it costs more than interpreting one resume; the
	 * interpreter remains when JIT is missing */
	return re;
}

/* Compiles each pattern of key `key` (a scalar or a list: see struct
 * re_set); an error points at the item at fault. */
static struct re_set *compile_set(const struct rl_matcher *m, const struct rl_ynode *root, const char *key,
				  struct rl_rule_loader *ld)
{
	const struct rl_ynode *v = rl_ymap_get(root, key);
	if (!v)
		return NULL;
	const struct rl_ynode *const *items = v->type == RL_Y_SEQ ? (const struct rl_ynode *const *)v->items : &v;
	size_t n = v->type == RL_Y_SEQ ? v->n : 1;
	struct re_set *set = rl_xcalloc(1, sizeof *set);
	set->v = rl_xcalloc(n ? n : 1, sizeof *set->v);
	for (; set->n < n; set->n++) {
		set->v[set->n] = compile(m, items[set->n]->value, items[set->n], key, ld);
		if (!set->v[set->n]) {
			re_set_free(set);
			return NULL;
		}
	}
	return set;
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
		m->re = compile_set(m, root, "pattern", ld);
		if (!m->re)
			return -1;
	}
	if (m->unless) {
		m->unless_re = compile_set(m, root, "unless", ld);
		if (!m->unless_re)
			return -1;
	}
	if (m->unless_section) {
		m->unless_section_re = compile_set(m, root, "unless-section", ld);
		if (!m->unless_section_re)
			return -1;
	}
	if (m->requires) {
		m->requires_re = compile_set(m, root, "requires", ld);
		if (!m->requires_re)
			return -1;
	}
	if (m->nkeywords)
		m->kwindex = kw_index_new(m->keywords, m->nkeywords);
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

static void jit_all(struct rl_matcher *m)
{
	m->jitted = 1;
	struct re_set *sets[] = { m->re, m->unless_re, m->unless_section_re, m->requires_re };
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
		for (size_t k = 0; sets[i] && k < sets[i]->n; k++)
			pcre2_jit_compile(sets[i]->v[k], PCRE2_JIT_COMPLETE);
}

static void count_scan(const struct rl_matcher *cm, size_t bytes)
{
	/* the counter and the JIT are caches: changing them does not change what
	 * the matcher finds. Every rule counts, not only those with keywords:
	 * a rule without keywords reads every block, so it gains most in a
	 * batch. Counted in text, not in pcre2 calls: a list of nine patterns
	 * makes nine calls per block */
	struct rl_matcher *m = (struct rl_matcher *)cm;
	if (m->jitted)
		return;
	m->scanned += bytes;
	if (m->scanned >= RL_JIT_AFTER_BYTES)
		jit_all(m);
}

void rl_matcher_prepare_threads(struct rl_rule *r)
{
	/* lazy JIT writes to the pattern while others match with it: do it
	 * now, before threads share the rule */
	struct rl_matcher *m = r->impl;
	if (!m->re || m->jitted)
		return;
	jit_all(m);
}

/* Walks the matches of a pattern set in one block, in the order and with
 * the spans the alternation of its items would give (see struct re_set). */
#define CURSOR_LOCAL 16
struct cursor {
	const struct re_set *set;
	const struct rl_block *b;
	size_t from;
	/* 0 until a call has checked the text as UTF-8, then
	 * PCRE2_NO_UTF_CHECK: pcre2 checks the subject on every call, and
	 * a list of eighteen patterns made that as costly as the matching */
	uint32_t utf_checked;
	/* per item: its first match at or after `from`, once looked for */
	struct item_next {
		size_t start, s, e; /* start: where the attempt began (\K) */
		int state;          /* 0 not looked for, 1 found, 2 none */
	} local[CURSOR_LOCAL], *next;
};

static void cursor_init(struct cursor *c, const struct rl_matcher *m, const struct re_set *set,
			const struct rl_block *b)
{
	c->set = set;
	c->b = b;
	c->from = 0;
	c->utf_checked = 0;
	c->next = set->n <= CURSOR_LOCAL ? c->local : rl_xcalloc(set->n, sizeof *c->next);
	memset(c->next, 0, set->n * sizeof *c->next);
	count_scan(m, b->text_len);
}

static void cursor_fini(struct cursor *c)
{
	if (c->next != c->local)
		free(c->next);
}

/* Next match: 1 found (span in *s, *e), 0 none, -1 budget exhausted. */
static int cursor_next(const struct rl_matcher *m, struct cursor *c, size_t *s, size_t *e, struct rl_run *run)
{
	pcre2_match_data *md = run->match_data;
	const struct rl_block *b = c->b;
	while (c->from <= b->text_len) {
		size_t best = SIZE_MAX;
		for (size_t i = 0; i < c->set->n; i++) {
			struct item_next *it = &c->next[i];
			/* an item's match found from an earlier point stays its first
			 * one from here while it starts here or later: attempts at a
			 * position do not depend on where the search began */
			if (it->state == 0 || (it->state == 1 && it->start < c->from)) {
				int rc = pcre2_match(c->set->v[i], (PCRE2_SPTR)b->text, b->text_len, c->from,
						     c->utf_checked, md, m->mctx);
				/* the first call starts at 0 and checks the whole text;
				 * any answer but a UTF-8 error means it passed (later
				 * offsets are character boundaries: match ends, or
				 * stepped over continuation bytes) */
				if (rc >= 0 || rc == PCRE2_ERROR_NOMATCH || rc > PCRE2_ERROR_UTF8_ERR1 ||
				    rc < PCRE2_ERROR_UTF8_ERR21)
					c->utf_checked = PCRE2_NO_UTF_CHECK;
				if (rc == PCRE2_ERROR_NOMATCH) {
					it->state = 2;
				} else if (rc < 0) {
					report_limit(m, run, b, rc);
					return -1;
				} else {
					PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
					it->state = 1;
					it->s = ov[0];
					it->e = ov[1];
					it->start = pcre2_get_startchar(md);
				}
			}
			if (it->state == 1 && (best == SIZE_MAX || it->start < c->next[best].start))
				best = i; /* the leftmost; the first listed at a tie */
		}
		if (best == SIZE_MAX)
			return 0;
		*s = c->next[best].s;
		*e = c->next[best].e;
		if (*e > *s) {
			c->from = *e;
			return 1;
		}
		/* an empty match: step one character and try again */
		c->from = *s + 1;
		while (c->from < b->text_len && ((unsigned char)b->text[c->from] & 0xC0) == 0x80)
			c->from++;
	}
	return 0;
}

/* The `unless` matches of one block, read once from left to right as the
 * rule's matches come (they come in order): looking again from the start of
 * the block for every match made a block of n matches cost n times its
 * length (a 100 KB line of grades took 3 s; tests/hostile/long-line.md). */
struct unless_scan {
	struct cursor c;
	int started, state; /* state: 0 none pending, 1 (us, ue) pending, 2 no more, 3 budget hit */
	size_t us, ue;
};

static int excepted(const struct rl_matcher *m, const struct rl_block *b, size_t s, size_t e,
		    struct rl_run *run, struct unless_scan *u)
{
	if (!m->unless_re)
		return 0;
	if (!u->started) {
		cursor_init(&u->c, m, m->unless_re, b);
		u->started = 1;
	}
	for (;;) {
		if (u->state == 0) {
			int rc = cursor_next(m, &u->c, &u->us, &u->ue, run);
			u->state = rc < 0 ? 3 : rc == 0 ? 2 : 1;
		}
		if (u->state == 3)
			return 1; /* unsure: do not report */
		if (u->state == 2 || u->us >= e)
			return 0;
		if (u->ue > s)
			return 1;
		u->state = 0; /* ends before this match, so before every later one */
	}
}

static void unless_fini(struct unless_scan *u)
{
	if (u->started)
		cursor_fini(&u->c);
}

/* 1 when re matches somewhere in block b. */
static int block_has(const struct rl_matcher *m, const struct re_set *set, const struct rl_block *b,
		     struct rl_run *run)
{
	size_t s, e;
	struct cursor c;
	cursor_init(&c, m, set, b);
	int rc = cursor_next(m, &c, &s, &e, run);
	cursor_fini(&c);
	return rc == 1;
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

/* 1 when italic runs cover all of b's text [s, e). */
static int in_italic(const struct rl_block *b, size_t s, size_t e)
{
	for (size_t k = 0; k < b->nfmt && s < e; k++) {
		const struct rl_fmt_run *r = &b->fmt[k];
		if ((r->fmt & RL_FMT_ITALIC) && r->text_off <= s && s < (size_t)r->text_off + r->len)
			s = (size_t)r->text_off + r->len;
	}
	return s >= e;
}

static int scan(const struct rl_matcher *m, struct rl_run *run, int emit, const unsigned char *skip)
{
	const struct rl_doc *doc = run->doc;
	/* `requires` is checked at the first match, not before the scan: it
	 * reads every block of the document (no keywords can narrow it), while
	 * most documents have no match at all and never need the answer.
	 * Nothing is emitted before it is known, so findings do not change. */
	int required = -1;
	if (!m->re)
		return 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (!reads(m, run, b))
			continue;
		if (skip && b->section < doc->nsections && skip[b->section] &&
		    doc->sections[b->section].heading == (long)i)
			continue;
		if (m->kwindex && !kw_index_any(m->kwindex, rl_run_lower(run, i)))
			continue; /* no keyword: no match can be here */
		size_t s, e;
		struct cursor c;
		int stop = -1; /* the scan's result once it is known early */
		struct unless_scan u = { 0 };
		cursor_init(&c, m, m->re, b);
		while (stop < 0 && cursor_next(m, &c, &s, &e, run) == 1) {
			if ((m->skip_italic && in_italic(b, s, e)) || excepted(m, b, s, e, run, &u))
				continue;
			if (required < 0)
				required = rl_matcher_required(m, run);
			if (!required)
				stop = 0;
			else if (!emit)
				stop = 1;
			else {
				size_t a, z;
				rl_block_span(b, s, e, &a, &z);
				rl_emit(run, a, z, b->text + s, e - s, (int)doc->sections[b->section].kind, NULL);
				if (m->once_per_block)
					break;
			}
		}
		cursor_fini(&c);
		unless_fini(&u);
		if (stop >= 0)
			return stop;
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
