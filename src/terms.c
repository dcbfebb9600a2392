/* Tokenizer and stemmer for tailoring (terms.h). */
#include "terms.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "modules.h"
#include "stem_module.h"
#include "utf8.h"

/* Snowball's English stemmer wants short words; longer ones are kept as
 * they are (a URL or a hash is no word to stem). */
#define MAX_STEM_BYTES 64
/* Both sides of a slash or ampersand this short keep a token whole: CI/CD,
 * A/B, UI/UX, R&D, TCP/IP; "flask/django" is two words. */
#define MAX_SLASH_SIDE 3

struct rl_stemmer {
	struct sb_stemmer *sb; /* NULL: the module could not be loaded */
};

/* Weak: present only where the module's code is linked in. */
extern const struct rl_stem_module rl_stem_module __attribute__((weak));

static const struct rl_stem_module *loaded;
static char load_error[600];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	char why[512];
	if (&rl_stem_module)
		loaded = &rl_stem_module;
	else if (!(loaded = rl_module_load(RL_STEM_MODULE, "rl_stem_module", RL_STEM_MODULE_ABI, why, sizeof why)))
		snprintf(load_error, sizeof load_error, "cannot load the stemmer: %s", why);
}

const char *rl_stemmer_load_error(void)
{
	pthread_once(&load_once, load);
	return loaded ? NULL : load_error;
}

struct rl_stemmer *rl_stemmer_new(void)
{
	struct rl_stemmer *s = rl_xcalloc(1, sizeof *s);
	if (rl_stemmer_load_error())
		return s;
	s->sb = loaded->new_english();
	if (!s->sb)
		abort(); /* out of memory: the alloc.h policy */
	return s;
}

void rl_stemmer_free(struct rl_stemmer *s)
{
	if (!s)
		return;
	if (s->sb)
		loaded->free(s->sb);
	free(s);
}

void rl_stem(struct rl_stemmer *s, const char *word, size_t len, struct rl_buf *out)
{
	rl_buf_clear(out);
	int letters = s->sb && len > 0 && len <= MAX_STEM_BYTES;
	for (size_t i = 0; i < len && letters; i++)
		if ((unsigned char)word[i] < 0x80 && !((word[i] >= 'a' && word[i] <= 'z') || word[i] == '\''))
			letters = 0;
	if (!letters) {
		rl_buf_add(out, word, len);
		return;
	}
	int n;
	const unsigned char *st = loaded->stem(s->sb, word, (int)len, &n);
	if (!st) {
		rl_buf_add(out, word, len);
		return;
	}
	rl_buf_add(out, st, (size_t)n);
}

void rl_toks_init(struct rl_toks *t, struct rl_stemmer *stemmer)
{
	memset(t, 0, sizeof *t);
	rl_buf_init(&t->pool);
	rl_buf_init(&t->scratch);
	t->stemmer = stemmer;
}

void rl_toks_clear(struct rl_toks *t)
{
	t->n = 0;
	rl_buf_clear(&t->pool);
}

void rl_toks_free(struct rl_toks *t)
{
	free(t->v);
	rl_buf_free(&t->pool);
	rl_buf_free(&t->scratch);
	memset(t, 0, sizeof *t);
}

static int is_alnum_ascii(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The code point at s[i], its length in *n. */
static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*n = 1;
		return c;
	}
	uint32_t cp;
	*n = rl_utf8_decode(s + i, len - i, &cp, NULL);
	return cp;
}

static int is_word_at(const char *s, size_t len, size_t i)
{
	size_t n;
	return i < len && rl_unicode_is_word(cp_at(s, len, i, &n));
}

/* Bytes of the run of word characters starting at i. */
static size_t word_run(const char *s, size_t len, size_t i)
{
	size_t j = i, n;
	while (j < len && rl_unicode_is_word(cp_at(s, len, j, &n)))
		j += n;
	return j - i;
}

#define SOFT_HYPHEN 0xADu
#define NB_HYPHEN 0x2011u

/* Punctuation that ends a phrase: a term never spans it. */
static int is_break(uint32_t cp)
{
	switch (cp) {
	case ',': case ';': case ':': case '.': case '!': case '?': case '(': case ')': case '[': case ']':
	case '{': case '}': case '"': case '|': case '/': case '\\': case '*': case '=': case '<': case '>':
	case 0x2022: /* • */
	case 0x00B7: /* · */
	case 0x2013: /* – */
	case 0x2014: /* — */
	case 0x201C: case 0x201D: case 0x2026: case 0x25AA: case 0x25CF: case 0x2192:
		return 1;
	}
	return 0;
}

static void add_token(struct rl_toks *t, const char *text, size_t start, size_t end, uint32_t flags)
{
	struct rl_buf *raw = &t->scratch;
	rl_buf_clear(raw);
	int upper_inner = 0, digit = 0, symbol = 0, letters = 0, digits_only = 1;
	size_t chars = 0;
	for (size_t i = start; i < end;) {
		size_t n;
		uint32_t cp = cp_at(text, end, i, &n);
		i += n;
		if (cp == SOFT_HYPHEN)
			continue;
		if (cp == 0x2019)
			cp = '\'';
		if (cp >= 'A' && cp <= 'Z' && chars > 0)
			upper_inner = 1;
		if (cp >= '0' && cp <= '9')
			digit = 1;
		else if (cp == '+' || cp == '.' || cp == ',' || cp == '%')
			symbol |= cp != '.' && cp != ',';
		else
			digits_only = 0;
		if (cp == '#' || cp == '/' || cp == '&' || (cp == '.' && chars == 0))
			symbol = 1;
		if (rl_unicode_is_word(cp) && !(cp >= '0' && cp <= '9'))
			letters++;
		rl_buf_add_utf8(raw, cp);
		chars++;
	}
	/* a possessive: "GitLab's" is GitLab */
	if (raw->len > 3 && raw->data[raw->len - 2] == '\'' && (raw->data[raw->len - 1] | 0x20) == 's')
		raw->len -= 2;
	if (!raw->len)
		return;
	raw->data[raw->len] = '\0';
	unsigned char c0 = (unsigned char)raw->data[0];
	if (c0 >= 'A' && c0 <= 'Z')
		flags |= RL_TOK_UPPER;
	if (upper_inner || (digit && letters) || symbol)
		flags |= RL_TOK_SHAPE;
	if (digits_only && digit)
		flags |= RL_TOK_NUMBER;
	RL_GROW(t->v, t->n, t->cap);
	struct rl_tok *k = &t->v[t->n++];
	k->off = (uint32_t)start;
	k->len = (uint32_t)(end - start);
	k->flags = flags;
	k->raw = (uint32_t)t->pool.len;
	rl_buf_add(&t->pool, raw->data, raw->len);
	rl_buf_addc(&t->pool, '\0');
	/* lower case */
	k->low = (uint32_t)t->pool.len;
	size_t low_start = t->pool.len;
	for (size_t i = 0; i < raw->len;) {
		size_t n;
		uint32_t cp = cp_at(raw->data, raw->len, i, &n);
		i += n;
		rl_buf_add_utf8(&t->pool, rl_unicode_lower(cp));
	}
	size_t low_len = t->pool.len - low_start;
	rl_buf_addc(&t->pool, '\0');
	/* the stem, of the lower case before the plural is dropped */
	k = &t->v[t->n - 1];
	rl_stem(t->stemmer, t->pool.data + low_start, low_len, raw);
	k->stem = (uint32_t)t->pool.len;
	rl_buf_add(&t->pool, raw->data, raw->len);
	rl_buf_addc(&t->pool, '\0');
	/* plural -s: "APIs", "containers" */
	char *low = t->pool.data + low_start;
	if (low_len >= 4 && letters == (int)chars && low[low_len - 1] == 's' && low[low_len - 2] != 's' &&
	    low[low_len - 2] != 'u' && low[low_len - 2] != 'i')
		low[low_len - 1] = '\0';
}

void rl_tokenize(struct rl_toks *t, const char *s, size_t len)
{
	uint32_t pending = RL_TOK_BREAK | RL_TOK_SENTENCE;
	size_t i = 0;
	while (i < len) {
		size_t n;
		uint32_t cp = cp_at(s, len, i, &n);
		int starts = rl_unicode_is_word(cp) ||
			     (cp == '.' && i + 1 < len && is_alnum_ascii((unsigned char)s[i + 1]) &&
			      (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '('));
		if (!starts) {
			if (is_break(cp))
				pending |= RL_TOK_BREAK;
			if (cp == '.' || cp == '!' || cp == '?' || cp == '\n')
				pending |= RL_TOK_SENTENCE;
			if (cp == '-' && (i == 0 || s[i - 1] == ' ') && (i + 1 >= len || s[i + 1] == ' '))
				pending |= RL_TOK_BREAK; /* a dash between spaces */
			if (cp == '\n' && i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == '-' || s[i + 1] == '*'))
				pending |= RL_TOK_BREAK;
			i += n;
			continue;
		}
		size_t start = i;
		size_t seg = 0; /* bytes of the current part (since a slash) */
		if (cp == '.') {
			i++;
			seg = 0;
		}
		while (i < len) {
			cp = cp_at(s, len, i, &n);
			if (rl_unicode_is_word(cp) || cp == SOFT_HYPHEN) {
				i += n;
				seg += n;
				continue;
			}
			if ((cp == '\'' || cp == 0x2019) && is_word_at(s, len, i + n)) {
				i += n;
				continue;
			}
			if (cp == '.' && i + 1 < len && is_alnum_ascii((unsigned char)s[i + 1])) {
				i++;
				seg = 0;
				continue;
			}
			if (cp == '+') {
				while (i < len && s[i] == '+')
					i++;
				break;
			}
			if (cp == '#' && seg <= 2 && !is_word_at(s, len, i + 1)) {
				i++;
				break;
			}
			if ((cp == '/' || cp == '&') && seg <= MAX_SLASH_SIDE) {
				size_t r = word_run(s, len, i + 1);
				if (r && r <= MAX_SLASH_SIDE && !(i + 1 + r < len && s[i + 1 + r] == '/')) {
					i += 1 + r;
					seg = r;
					continue;
				}
			}
			break;
		}
		add_token(t, s, start, i, pending);
		pending = 0;
		/* a hyphen joins words into a compound: the next word follows it */
		if (i < len) {
			cp = cp_at(s, len, i, &n);
			if ((cp == '-' || cp == NB_HYPHEN || cp == 0x2010) && is_word_at(s, len, i + n)) {
				i += n;
				pending = RL_TOK_JOINED;
			}
		}
	}
}
