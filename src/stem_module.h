/* The Snowball English stemmer (libstemmer), for tailoring, is a module of
 * its own (modules.h), loaded the first time a word is stemmed. */
#ifndef RL_STEM_MODULE_H
#define RL_STEM_MODULE_H

#define RL_STEM_MODULE_ABI 1
#define RL_STEM_MODULE "stem"

struct sb_stemmer;

struct rl_stem_module {
	int abi;
	/* libstemmer's English UTF-8 stemmer: NULL when out of memory */
	struct sb_stemmer *(*new_english)(void);
	void (*free)(struct sb_stemmer *s);
	/* the stem of word[0..len), valid until the next call, and its length
	 * in *out_len; NULL when out of memory */
	const unsigned char *(*stem)(struct sb_stemmer *s, const char *word, int len, int *out_len);
};

/* Defined by the module. Programs that link the module's code directly
 * (unit tests, fuzzers) use it without loading anything. */
extern const struct rl_stem_module rl_stem_module;

#endif
