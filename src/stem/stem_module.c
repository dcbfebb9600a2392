/* The stemmer module (stem_module.h): libstemmer behind the module entry. */
#include <libstemmer.h>

#include "stem_module.h"

static struct sb_stemmer *new_english(void)
{
	return sb_stemmer_new("english", "UTF_8");
}

static const unsigned char *stem(struct sb_stemmer *s, const char *word, int len, int *out_len)
{
	const sb_symbol *st = sb_stemmer_stem(s, (const sb_symbol *)word, len);
	*out_len = st ? sb_stemmer_length(s) : 0;
	return st;
}

__attribute__((visibility("default"))) const struct rl_stem_module rl_stem_module = {
	.abi = RL_STEM_MODULE_ABI,
	.new_english = new_english,
	.free = sb_stemmer_delete,
	.stem = stem,
};
