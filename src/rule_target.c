/* Rule kind `target`: without a job posting, the resume should still name
 * the role it is for, in its header, headline or summary ("Backend
 * Engineer"), so a six-second read knows what it is looking at. Silent when
 * a posting is given (the job rules check the title then). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "engine.h"

struct target_rule {
	char **words; /* role words, lower case: engineer, developer ... */
	size_t nwords;
};

static struct target_rule *impl(struct rl_rule *r)
{
	return r->impl;
}

static int set_words(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->words, &impl(r)->nwords);
}

static const struct rl_rule_key keys[] = {
	{ "words", set_words, "role words that name a target (engineer, developer, analyst ...); a word starting with one counts" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	return rl_xcalloc(1, sizeof(struct target_rule));
}

static void impl_free(void *v)
{
	struct target_rule *t = v;
	rl_rule_word_list_free(t->words, t->nwords);
	free(t);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	if (!impl(r)->nwords) {
		rl_rule_error(ld, root, "missing key 'words'");
		return -1;
	}
	return 0;
}

/* A word of text starts with one of words. */
static int names_role(const char *lower, char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(words[i]);
		for (const char *s = strstr(lower, words[i]); s; s = strstr(s + 1, words[i])) {
			unsigned char before = s == lower ? ' ' : (unsigned char)s[-1];
			if (!((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')))
				return 1;
			(void)len;
		}
	}
	return 0;
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct target_rule *t = r->impl;
	const struct rl_doc *doc = run->doc;
	if (run->opts->posting || !doc->nblocks)
		return;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		enum rl_section_kind k = doc->sections[b->section].kind;
		if (k != RL_SEC_CONTACT && k != RL_SEC_SUMMARY && k != RL_SEC_OBJECTIVE)
			continue;
		if (names_role(rl_run_lower(run, i), t->words, t->nwords))
			return;
	}
	for (size_t i = 0; i < doc->nmeta; i++) {
		const char *key = doc->meta[i].key;
		if ((strstr(key, "title") || strstr(key, "headline") || strstr(key, "position") || strstr(key, "role")) &&
		    doc->meta[i].value && *doc->meta[i].value)
			return;
	}
	const struct rl_block *first = &doc->blocks[0];
	rl_emit(run, first->start, first->end, first->text, first->text_len, (int)doc->sections[first->section].kind,
		NULL);
}

const struct rl_rule_kind rl_rule_kind_target = {
	.name = "target",
	.help = "the header or summary names the role the resume is for (without a posting)",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	/* after the other kinds: one-page does not offer its findings (which
	 * point at a heading, not at text to cut) as cuts */
	.runs_last = 1,
};
