/* Tailoring tables (tailor.h). */
#include "tailor.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"
#include "utf8.h"

const double rl_part_weight[RL_PART_COUNT] = {
	[RL_PART_OTHER] = 1.0,            /* untitled text: the intro, header lists */
	[RL_PART_TITLE] = 3.0,            /* the title is what the recruiter searches for */
	[RL_PART_REQUIRED] = 2.0,         /* what the posting says it needs */
	[RL_PART_RESPONSIBILITIES] = 1.5, /* what the job is, usually in the posting's words */
	[RL_PART_PREFERRED] = 1.2,        /* nice to have: above the intro, below the rest */
	[RL_PART_BOILERPLATE] = 0.0,      /* about us, benefits, EEO: nothing asked of you */
	[RL_PART_TITLE_PREFIX] = 0.0,
	[RL_PART_TITLE_DROP] = 0.0,
};

static const char *const part_names[RL_PART_COUNT] = {
	"other", "title", "required", "responsibilities", "preferred", "boilerplate", "title-prefix", "title-drop",
};

const char *rl_part_name(enum rl_part p)
{
	return p < RL_PART_COUNT ? part_names[p] : "?";
}

int rl_part_parse(const char *name)
{
	for (int i = 0; i < RL_PART_COUNT; i++)
		if (strcmp(part_names[i], name) == 0)
			return i;
	return -1;
}

typedef void (*line_fn)(struct rl_tailor *t, const char *path, unsigned line, char *s, struct rl_diags *d);

static int each_line(struct rl_tailor *t, const char *path, line_fn fn, struct rl_diags *diags)
{
	struct rl_file f;
	size_t before = diags->errors;
	if (rl_file_read(path, RL_MAX_RULE_FILE_BYTES, &f, diags))
		return -1;
	unsigned line = 0;
	for (char *s = f.bytes; s && *s;) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		line++;
		size_t n = strlen(s);
		if (n && s[n - 1] == '\r')
			s[--n] = '\0';
		if (n && s[0] != '#')
			fn(t, path, line, s, diags);
		s = nl ? nl + 1 : NULL;
	}
	rl_file_free(&f);
	return diags->errors > before ? -1 : 0;
}

/* PART <TAB> phrase */
static void part_line(struct rl_tailor *t, const char *path, unsigned line, char *s, struct rl_diags *d)
{
	char *tab = strchr(s, '\t');
	if (!tab) {
		rl_diags_add(d, RL_DIAG_ERROR, path, line, 1, "expected PART<TAB>heading words");
		return;
	}
	*tab = '\0';
	int part = rl_part_parse(s);
	if (part < 0 || part == RL_PART_OTHER) {
		rl_diags_add(d, RL_DIAG_ERROR, path, line, 1,
			     "unknown part '%s' (expected title, required, responsibilities, preferred, "
			     "boilerplate, title-prefix or title-drop)", s);
		return;
	}
	struct rl_buf fold;
	rl_buf_init(&fold);
	rl_utf8_fold_words(tab + 1, strlen(tab + 1), &fold);
	if (!fold.len) {
		rl_diags_add(d, RL_DIAG_ERROR, path, line, (unsigned)(tab - s + 2), "no words to match");
		rl_buf_free(&fold);
		return;
	}
	RL_GROW(t->phrases, t->nphrases, t->cap_phrases);
	t->phrases[t->nphrases].part = (enum rl_part)part;
	t->phrases[t->nphrases].text = rl_buf_detach(&fold, NULL);
	t->nphrases++;
}

static void stop_line(struct rl_tailor *t, const char *path, unsigned line, char *s, struct rl_diags *d)
{
	(void)path;
	(void)line;
	(void)d;
	for (char *w = strtok(s, " \t"); w; w = strtok(NULL, " \t")) {
		struct rl_buf b;
		rl_buf_init(&b);
		size_t n = strlen(w);
		for (size_t i = 0; i < n;) {
			uint32_t cp;
			i += rl_utf8_decode(w + i, n - i, &cp, NULL);
			rl_buf_add_utf8(&b, cp == 0x2019 ? '\'' : rl_unicode_lower(cp));
		}
		*rl_strmap_put(&t->stop, b.data, b.len, NULL) = 1;
		/* the tokenizer's plural-free form too (terms.c) */
		if (b.len >= 4 && b.data[b.len - 1] == 's' && !strchr("sui", b.data[b.len - 2]))
			*rl_strmap_put(&t->stop, b.data, b.len - 1, NULL) = 1;
		rl_buf_free(&b);
	}
}

struct rl_tailor *rl_tailor_load(const char *dir, struct rl_diags *diags)
{
	const char *no_stemmer = rl_stemmer_load_error();
	if (no_stemmer) {
		rl_diags_add(diags, RL_DIAG_ERROR, dir, 0, 0, "%s", no_stemmer);
		return NULL;
	}
	struct rl_tailor *t = rl_xcalloc(1, sizeof *t);
	rl_strmap_init(&t->stop);
	t->stemmer = rl_stemmer_new();
	t->skills = rl_skills_new();
	struct rl_buf p;
	rl_buf_init(&p);
	int rc = 0;
	rl_buf_addf(&p, "%s/posting-parts.tsv", dir);
	rc |= each_line(t, p.data, part_line, diags);
	rl_buf_clear(&p);
	rl_buf_addf(&p, "%s/stopwords.txt", dir);
	rc |= each_line(t, p.data, stop_line, diags);
	rl_buf_clear(&p);
	rl_buf_addf(&p, "%s/skills.tsv", dir);
	rc |= rl_skills_load(t->skills, p.data, diags);
	t->skills_path = rl_buf_detach(&p, NULL);
	if (rc) {
		rl_tailor_free(t);
		return NULL;
	}
	return t;
}

void rl_tailor_free(struct rl_tailor *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nphrases; i++)
		free(t->phrases[i].text);
	free(t->phrases);
	rl_strmap_free(&t->stop);
	rl_skills_free(t->skills);
	rl_stemmer_free(t->stemmer);
	free(t->skills_path);
	free(t);
}

struct rl_skills *rl_tailor_skills_with(const struct rl_tailor *t, const char *extra, struct rl_diags *diags)
{
	struct rl_skills *d = rl_skills_new();
	if (rl_skills_load(d, t->skills_path, diags) || rl_skills_load(d, extra, diags)) {
		rl_skills_free(d);
		return NULL;
	}
	return d;
}

static size_t count_words(const char *s)
{
	size_t n = *s ? 1 : 0;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

int rl_tailor_part(const struct rl_tailor *t, const char *heading, size_t len, size_t *phrase_words)
{
	struct rl_buf fold;
	rl_buf_init(&fold);
	rl_buf_addc(&fold, ' ');
	rl_utf8_fold_words(heading, len, &fold);
	rl_buf_addc(&fold, ' ');
	int best = -1;
	size_t best_len = 0;
	char pat[256];
	for (size_t i = 0; i < t->nphrases; i++) {
		size_t n = strlen(t->phrases[i].text);
		if (n + 3 > sizeof pat || n <= best_len)
			continue;
		pat[0] = ' ';
		memcpy(pat + 1, t->phrases[i].text, n);
		pat[n + 1] = ' ';
		pat[n + 2] = '\0';
		if (strstr(fold.data, pat)) {
			best = (int)t->phrases[i].part;
			best_len = n;
			if (phrase_words)
				*phrase_words = count_words(t->phrases[i].text);
		}
	}
	rl_buf_free(&fold);
	return best;
}

int rl_tailor_is_stop(const struct rl_tailor *t, const char *lower)
{
	return rl_strmap_get(&t->stop, lower, strlen(lower)) != NULL;
}
