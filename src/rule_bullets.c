/* Rule kind `bullets`: measures over the bullets (the blocks a rule reads,
 * list items by default) of each section in scope.
 *   max-words: N        each bullet of more than N words is reported
 *                       ({value}: its words, {limit}: N)
 *   need: PATTERN       with min-share and min-bullets: a section of at least
 *   need-words: [WORD]  min-bullets bullets where under min-share of them
 *                       match PATTERN or hold one of the WORDs (whole
 *                       words, any case) is reported at its heading
 *                       ({value}: "matching of all", {limit}: the share)
 * need-words is a list, not an alternation in the pattern: PCRE2 tries each
 * word of an alternation at every letter, and a sentence-long bullet cost
 * quantify 250,000 instructions; a lookup of each word costs a few. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "matcher.h"
#include "rule_cache.h"
#include "strmap.h"
#include "utf8.h"

struct bullets_rule {
	double max_words;    /* 0: not checked */
	char *need;          /* pattern source; NULL: not checked */
	pcre2_code *need_re;
	struct rl_strmap need_words; /* lower case */
	int has_need_words;
	double min_share;    /* default 0.34 */
	double min_bullets;  /* default 5 */
	unsigned attempts;   /* matches tried: JIT-compiled after RL_JIT_AFTER_ATTEMPTS (a cache) */
};

static struct bullets_rule *impl(struct rl_rule *r)
{
	return r->impl;
}

static int set_max_words(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 1, 10000, &impl(r)->max_words);
}

static int set_need(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *p = rl_rule_join_patterns(v, ld);
	if (!p)
		return -1;
	free(impl(r)->need);
	impl(r)->need = p;
	int err;
	PCRE2_SIZE off;
	impl(r)->need_re = rl_rule_cache_compile(ld->cache, p,
						 PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF, &err,
						 &off);
	if (!impl(r)->need_re) {
		PCRE2_UCHAR buf[160];
		pcre2_get_error_message(err, buf, sizeof buf);
		rl_rule_error(ld, v, "bad pattern at offset %zu: %s", (size_t)off, (const char *)buf);
		return -1;
	}
	return 0;
}

static int set_need_words(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char **words = NULL;
	size_t n = 0;
	int rc = rl_rule_word_list(v, ld, &words, &n);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && (!words[i][0] || strchr(words[i], ' '))) {
			rl_rule_error(ld, v->items[i], "need-words takes single words");
			rc = -1;
		}
		if (rc == 0)
			*rl_strmap_put(&impl(r)->need_words, words[i], strlen(words[i]), NULL) = 1;
	}
	rl_rule_word_list_free(words, n);
	impl(r)->has_need_words = rc == 0 && n > 0;
	return rc;
}

static int set_min_share(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 0, 1, &impl(r)->min_share);
}

static int set_min_bullets(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 1, 1000, &impl(r)->min_bullets);
}

static const struct rl_rule_key keys[] = {
	{ "max-words", set_max_words, "report each bullet of more words than this" },
	{ "need", set_need, "a pattern (or list) a good share of a section's bullets should match" },
	{ "need-words", set_need_words, "need: words that count as a match too (whole words, any case)" },
	{ "min-share", set_min_share, "need: report a section where under this share match (default 0.34)" },
	{ "min-bullets", set_min_bullets, "need: only sections with at least this many bullets (default 5)" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	struct bullets_rule *b = rl_xcalloc(1, sizeof *b);
	b->min_share = 0.34;
	b->min_bullets = 5;
	rl_strmap_init(&b->need_words);
	return b;
}

static void impl_free(void *v)
{
	struct bullets_rule *b = v;
	free(b->need);
	pcre2_code_free(b->need_re);
	rl_strmap_free(&b->need_words);
	free(b);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	if (!impl(r)->max_words && !impl(r)->need) {
		rl_rule_error(ld, root, "a bullets rule needs 'max-words' or 'need'");
		return -1;
	}
	if (impl(r)->has_need_words && !impl(r)->need) {
		rl_rule_error(ld, root, "need-words goes with need");
		return -1;
	}
	return 0;
}

static void long_bullets(const struct bullets_rule *b, struct rl_run *run)
{
	const struct rl_doc *doc = run->doc;
	char value[32], limit[32];
	snprintf(limit, sizeof limit, "%g", b->max_words);
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *bl = &doc->blocks[i];
		if (!rl_rule_reads(run->rule, doc, bl) || (bl->flags & RL_BF_CONTINUATION))
			continue;
		size_t words = rl_count_words(bl->text, bl->text_len);
		if ((double)words <= b->max_words)
			continue;
		snprintf(value, sizeof value, "%zu", words);
		struct rl_msg_vars vars = { value, limit, NULL };
		rl_emit(run, bl->start, bl->end, bl->text, bl->text_len, (int)doc->sections[bl->section].kind, &vars);
	}
}

/* 1 when text holds one of need-words; words is scratch. */
static int has_need_word(const struct bullets_rule *b, const char *text, size_t len, struct rl_buf *words)
{
	if (!b->has_need_words)
		return 0;
	rl_buf_clear(words);
	rl_utf8_fold_words(text, len, words);
	for (const char *w = words->data, *end = words->data + words->len; w < end;) {
		const char *sp = memchr(w, ' ', (size_t)(end - w));
		size_t n = sp ? (size_t)(sp - w) : (size_t)(end - w);
		if (rl_strmap_get(&b->need_words, w, n))
			return 1;
		w += n + 1;
	}
	return 0;
}

static void need_share(const struct bullets_rule *b, struct rl_run *run)
{
	const struct rl_doc *doc = run->doc;
	pcre2_match_data *md = run->match_data;
	struct rl_buf words;
	rl_buf_init(&words);
	for (size_t s = 0; s < doc->nsections; s++) {
		const struct rl_section *sec = &doc->sections[s];
		size_t n = 0, hits = 0;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			const struct rl_block *bl = &doc->blocks[i];
			if (!rl_rule_reads(run->rule, doc, bl) || (bl->flags & RL_BF_CONTINUATION))
				continue;
			n++;
			/* lazy JIT (see matcher.h); after prepare_threads nothing is written */
			if (b->attempts < RL_JIT_AFTER_ATTEMPTS &&
			    ++((struct bullets_rule *)b)->attempts == RL_JIT_AFTER_ATTEMPTS)
				pcre2_jit_compile(b->need_re, PCRE2_JIT_COMPLETE);
			hits += pcre2_match(b->need_re, (PCRE2_SPTR)bl->text, bl->text_len, 0, 0, md, NULL) >= 0 ||
				has_need_word(b, bl->text, bl->text_len, &words);
		}
		if (!n || (double)n < b->min_bullets || (double)hits >= b->min_share * (double)n)
			continue;
		char value[48], limit[32];
		snprintf(value, sizeof value, "%zu of %zu", hits, n);
		snprintf(limit, sizeof limit, "%.0f%%", b->min_share * 100);
		struct rl_msg_vars vars = { value, limit, NULL };
		const struct rl_block *at = sec->heading >= 0 ? &doc->blocks[sec->heading] : &doc->blocks[sec->first];
		rl_emit(run, at->start, at->end, at->text, at->text_len, (int)sec->kind, &vars);
	}
	rl_buf_free(&words);
}

static void prepare_threads(struct rl_rule *r)
{
	struct bullets_rule *b = r->impl;
	if (b->need_re && b->attempts < RL_JIT_AFTER_ATTEMPTS) {
		pcre2_jit_compile(b->need_re, PCRE2_JIT_COMPLETE);
		b->attempts = RL_JIT_AFTER_ATTEMPTS;
	}
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct bullets_rule *b = r->impl;
	if (b->max_words > 0)
		long_bullets(b, run);
	if (b->need_re)
		need_share(b, run);
}

const struct rl_rule_kind rl_rule_kind_bullets = {
	.name = "bullets",
	.help = "measures bullets: each one over max-words, or a section where too few match a pattern (need)",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	/* its findings point at what is missing or mis-written, not at text
	 * to cut: running last keeps them out of one-page's cuts */
	.runs_last = 1,
	.prepare_threads = prepare_threads,
};
