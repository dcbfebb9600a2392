/* The skills and aliases dictionary (skills.h). */
#include "skills.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"
#include "utf8.h"

/* No alias is longer than this many words; it bounds the work per token. */
#define MAX_ALIAS_TOKENS 6

struct rl_skills *rl_skills_new(void)
{
	struct rl_skills *d = rl_xcalloc(1, sizeof *d);
	rl_strmap_init(&d->first);
	rl_strmap_init(&d->full);
	rl_strmap_init(&d->names);
	d->stemmer = rl_stemmer_new();
	return d;
}

void rl_skills_free(struct rl_skills *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].name);
	for (size_t i = 0; i < d->naliases; i++)
		free(d->aliases[i].keys);
	free(d->v);
	free(d->aliases);
	rl_strmap_free(&d->first);
	rl_strmap_free(&d->full);
	rl_strmap_free(&d->names);
	rl_stemmer_free(d->stemmer);
	free(d);
}

static const char *tok_key(const struct rl_toks *t, size_t i, enum rl_alias_mode mode)
{
	return mode == RL_ALIAS_EXACT ? rl_tok_raw(t, i) : mode == RL_ALIAS_LOWER ? rl_tok_low(t, i) : rl_tok_stem(t, i);
}

static void lower_into(struct rl_buf *b, const char *s, size_t n)
{
	rl_buf_clear(b);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += rl_utf8_decode(s + i, n - i, &cp, NULL);
		rl_buf_add_utf8(b, rl_unicode_lower(cp));
	}
	rl_buf_addc(b, '\0');
	b->len--;
}

long rl_skills_find(const struct rl_skills *d, const char *name)
{
	struct rl_buf b;
	rl_buf_init(&b);
	lower_into(&b, name, strlen(name));
	const uint32_t *v = rl_strmap_get(&d->names, b.data, b.len);
	rl_buf_free(&b);
	return v ? (long)*v : -1;
}

struct loader {
	struct rl_skills *d;
	const char *path;
	struct rl_diags *diags;
	struct rl_toks toks;
	struct rl_buf key;
	unsigned line;
};

/* Adds one alias of skill; col is for messages. */
static void add_alias(struct loader *ld, uint32_t skill, const char *text, size_t len, unsigned col)
{
	struct rl_skills *d = ld->d;
	int exact = len && text[0] == '=';
	int unstemmed = len && text[0] == '%'; /* "%responsive": not "responses" */
	if (exact || unstemmed) {
		text++;
		len--;
	}
	rl_toks_clear(&ld->toks);
	rl_tokenize(&ld->toks, text, len);
	if (!ld->toks.n) {
		rl_diags_add(ld->diags, RL_DIAG_ERROR, ld->path, ld->line, col, "alias '%.*s' has no words", (int)len,
			     text);
		return;
	}
	if (ld->toks.n > MAX_ALIAS_TOKENS) {
		rl_diags_add(ld->diags, RL_DIAG_ERROR, ld->path, ld->line, col, "alias '%.*s' has more than %d words",
			     (int)len, text, MAX_ALIAS_TOKENS);
		return;
	}
	/* a product name (capitals, digits or symbols: Solidity, Node.js) is
	 * compared as written but for case and a plural; a plain lower-case
	 * word (streaming, caching) on its stem, like phrases */
	int plain = 1;
	for (size_t i = 0; i < len; i++)
		if (!(text[i] >= 'a' && text[i] <= 'z'))
			plain = 0;
	enum rl_alias_mode mode = exact ? RL_ALIAS_EXACT
				  : unstemmed || (ld->toks.n == 1 && d->v[skill].kind == RL_SKILL_TECH && !plain)
					  ? RL_ALIAS_LOWER
					  : RL_ALIAS_STEM;
	struct rl_buf *k = &ld->key;
	rl_buf_clear(k);
	rl_buf_addc(k, (char)mode);
	for (size_t i = 0; i < ld->toks.n; i++) {
		rl_buf_adds(k, tok_key(&ld->toks, i, mode));
		rl_buf_addc(k, '\0');
	}
	int added;
	uint32_t *slot = rl_strmap_put(&d->full, k->data, k->len, &added);
	if (!added) {
		struct rl_alias *old = &d->aliases[*slot];
		if (old->skill == skill)
			return;
		if (old->file == d->nfiles) {
			rl_diags_add(ld->diags, RL_DIAG_ERROR, ld->path, ld->line, col,
				     "alias '%.*s' already names %s: distinct skills need distinct aliases", (int)len,
				     text, d->v[old->skill].name);
			return;
		}
		old->skill = skill; /* a later file redefines it */
		old->file = d->nfiles;
		return;
	}
	RL_GROW(d->aliases, d->naliases, d->cap_aliases);
	*slot = (uint32_t)d->naliases;
	struct rl_alias *a = &d->aliases[d->naliases++];
	a->skill = skill;
	a->mode = mode;
	a->ntoks = (uint32_t)ld->toks.n;
	a->keys = rl_xmalloc(k->len - 1);
	memcpy(a->keys, k->data + 1, k->len - 1);
	a->file = d->nfiles;
	if (a->ntoks > d->max_toks)
		d->max_toks = a->ntoks;
	/* chain by first key */
	size_t first_len = 1 + strlen(k->data + 1);
	uint32_t *head = rl_strmap_put(&d->first, k->data, first_len, NULL);
	a->next = *head;
	*head = (uint32_t)d->naliases;
}

static void load_line(struct loader *ld, char *s)
{
	struct rl_skills *d = ld->d;
	char *tab1 = strchr(s, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	if (!tab1) {
		rl_diags_add(ld->diags, RL_DIAG_ERROR, ld->path, ld->line, 1,
			     "expected NAME<TAB>aliases<TAB>tech|pro|soft");
		return;
	}
	*tab1 = '\0';
	enum rl_skill_kind kind = RL_SKILL_TECH;
	if (tab2) {
		*tab2 = '\0';
		char *kw = tab2 + 1;
		kw[strcspn(kw, " \t#")] = '\0';
		if (strcmp(kw, "pro") == 0)
			kind = RL_SKILL_PRO;
		else if (strcmp(kw, "soft") == 0)
			kind = RL_SKILL_SOFT;
		else if (*kw && strcmp(kw, "tech") != 0) {
			rl_diags_add(ld->diags, RL_DIAG_ERROR, ld->path, ld->line, (unsigned)(kw - s + 1),
				     "unknown kind '%s' (expected tech, pro or soft)", kw);
			return;
		}
	}
	const char *name = s[0] == '=' || s[0] == '%' ? s + 1 : s;
	if (!*name) {
		rl_diags_add(ld->diags, RL_DIAG_ERROR, ld->path, ld->line, 1, "empty skill name");
		return;
	}
	lower_into(&ld->key, name, strlen(name));
	int added;
	uint32_t *slot = rl_strmap_put(&d->names, ld->key.data, ld->key.len, &added);
	uint32_t skill;
	if (added) {
		RL_GROW(d->v, d->n, d->cap);
		skill = (uint32_t)d->n;
		d->v[d->n].name = rl_xstrdup(name);
		d->v[d->n].kind = kind;
		d->n++;
		*slot = skill;
	} else {
		skill = *slot; /* a later file adds aliases to a skill */
	}
	add_alias(ld, skill, s, strlen(s), 1);
	char *p = tab1 + 1;
	while (*p) {
		size_t n = strcspn(p, "|");
		while (n && (*p == ' ')) {
			p++;
			n--;
		}
		size_t m = n;
		while (m && p[m - 1] == ' ')
			m--;
		if (m)
			add_alias(ld, skill, p, m, (unsigned)(p - s + 1));
		p += n;
		if (*p == '|')
			p++;
	}
}

int rl_skills_load_text(struct rl_skills *d, const char *path, const char *text, size_t len,
			struct rl_diags *diags)
{
	size_t before = diags->errors;
	struct loader ld = { .d = d, .path = path, .diags = diags };
	rl_toks_init(&ld.toks, d->stemmer);
	rl_buf_init(&ld.key);
	d->nfiles++;
	char *copy = rl_xstrndup(text, len);
	for (char *s = copy; s && *s;) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		ld.line++;
		size_t n = strlen(s);
		if (n && s[n - 1] == '\r')
			s[--n] = '\0';
		if (n && s[0] != '#')
			load_line(&ld, s);
		s = nl ? nl + 1 : NULL;
	}
	free(copy);
	rl_toks_free(&ld.toks);
	rl_buf_free(&ld.key);
	return diags->errors > before ? -1 : 0;
}

int rl_skills_load(struct rl_skills *d, const char *path, struct rl_diags *diags)
{
	struct rl_file f;
	if (rl_file_read(path, RL_MAX_RULE_FILE_BYTES, &f, diags))
		return -1;
	int rc = rl_skills_load_text(d, path, f.bytes, f.len, diags);
	rl_file_free(&f);
	return rc;
}

static int alias_at(const struct rl_alias *a, const struct rl_toks *t, size_t i, size_t end)
{
	if (i + a->ntoks > end)
		return 0;
	const char *k = a->keys;
	for (size_t j = 0; j < a->ntoks; j++) {
		if (j && (t->v[i + j].flags & RL_TOK_BREAK))
			return 0;
		if (strcmp(k, tok_key(t, i + j, a->mode)) != 0)
			return 0;
		k += strlen(k) + 1;
	}
	return 1;
}

size_t rl_skills_match(const struct rl_skills *d, const struct rl_toks *t, size_t i, size_t end, uint32_t *skill)
{
	static const enum rl_alias_mode modes[] = { RL_ALIAS_EXACT, RL_ALIAS_LOWER, RL_ALIAS_STEM };
	size_t best = 0;
	char key[256];
	for (size_t m = 0; m < 3; m++) {
		const char *k = tok_key(t, i, modes[m]);
		size_t n = strlen(k);
		if (n + 2 > sizeof key)
			continue;
		key[0] = (char)modes[m];
		memcpy(key + 1, k, n);
		const uint32_t *head = rl_strmap_get(&d->first, key, n + 1);
		for (uint32_t a = head ? *head : 0; a; a = d->aliases[a - 1].next) {
			const struct rl_alias *al = &d->aliases[a - 1];
			if (al->ntoks > best && alias_at(al, t, i, end)) {
				best = al->ntoks;
				*skill = al->skill;
			}
		}
	}
	return best;
}
