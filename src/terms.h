/* Words as match keys for tailoring: a tokenizer that keeps tech tokens
 * whole (C++, C#, .NET, Node.js, CI/CD, A/B, 2.x) and marks phrase
 * boundaries, and the Snowball English stemmer (libstemmer) so "deploying"
 * and "deployment" meet. */
#ifndef RL_TERMS_H
#define RL_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct rl_stemmer;

/* Why the stemmer cannot be used (its module did not load), or NULL. A
 * stemmer made anyway leaves words as they are. */
const char *rl_stemmer_load_error(void);
struct rl_stemmer *rl_stemmer_new(void);
void rl_stemmer_free(struct rl_stemmer *s);
/* The stem of a lower-case word, NUL-terminated in out (cleared first). */
void rl_stem(struct rl_stemmer *s, const char *word, size_t len, struct rl_buf *out);

/* Token flags. */
enum {
	RL_TOK_BREAK = 1u << 0,  /* a phrase boundary before it (punctuation, line start) */
	RL_TOK_JOINED = 1u << 1, /* joined to the one before by a hyphen */
	RL_TOK_UPPER = 1u << 2,  /* starts with a capital */
	RL_TOK_SHAPE = 1u << 3,  /* an inner capital, a digit or a symbol: looks like a name */
	RL_TOK_SENTENCE = 1u << 4, /* first of a sentence */
	RL_TOK_NUMBER = 1u << 5, /* digits (and + . , %) only */
};

/* A token's keys live in the list's pool, each NUL-terminated:
 *   raw   the text as written (soft hyphens and a possessive 's dropped)
 *   low   lower case, a plural -s dropped from words of 4+ letters
 *   stem  Snowball stem of the lower-case text (= low's source for tech tokens) */
struct rl_tok {
	uint32_t off, len;       /* in the text given to rl_tokenize */
	uint32_t raw, low, stem; /* offsets into pool */
	uint32_t flags;
};

struct rl_toks {
	struct rl_tok *v;
	size_t n, cap;
	struct rl_buf pool;
	struct rl_stemmer *stemmer; /* borrowed */
	struct rl_buf scratch;
};

void rl_toks_init(struct rl_toks *t, struct rl_stemmer *stemmer);
void rl_toks_clear(struct rl_toks *t);
void rl_toks_free(struct rl_toks *t);
/* Appends the tokens of text; the first one starts a phrase. */
void rl_tokenize(struct rl_toks *t, const char *text, size_t len);

static inline const char *rl_tok_raw(const struct rl_toks *t, size_t i)
{
	return t->pool.data + t->v[i].raw;
}
static inline const char *rl_tok_low(const struct rl_toks *t, size_t i)
{
	return t->pool.data + t->v[i].low;
}
static inline const char *rl_tok_stem(const struct rl_toks *t, size_t i)
{
	return t->pool.data + t->v[i].stem;
}

#endif
