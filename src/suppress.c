/* Inline suppression comments. */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

enum directive_kind {
	DIR_DISABLE,
	DIR_ENABLE,
	DIR_DISABLE_NEXT_LINE,
	DIR_DISABLE_LINE,
	DIR_DISABLE_FILE,
};

struct directive {
	enum directive_kind kind;
	size_t start;         /* comment span */
	unsigned first_line, last_line;
	char **ids;           /* none = every rule */
	size_t nids;
};

static const struct {
	const char *word;
	enum directive_kind kind;
} directive_words[] = {
	/* longest first: "disable" is a prefix of the others */
	{ "resumelint-disable-next-line", DIR_DISABLE_NEXT_LINE },
	{ "resumelint-disable-line", DIR_DISABLE_LINE },
	{ "resumelint-disable-file", DIR_DISABLE_FILE },
	{ "resumelint-disable", DIR_DISABLE },
	{ "resumelint-enable", DIR_ENABLE },
};

static int is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

static int parse_directive(const struct rl_doc *doc, const struct rl_comment *c, struct directive *d,
			   const struct rl_ruleset *rules, struct rl_diags *diags)
{
	const char *t = c->text;
	size_t i, k;
	if (strncmp(t, "resumelint-", 11) != 0)
		return 0;
	memset(d, 0, sizeof *d);
	for (i = 0; i < sizeof directive_words / sizeof *directive_words; i++) {
		size_t n = strlen(directive_words[i].word);
		if (strncmp(t, directive_words[i].word, n) == 0 && (!t[n] || is_sep(t[n]))) {
			d->kind = directive_words[i].kind;
			t += n;
			break;
		}
	}
	struct rl_pos p = rl_source_pos(doc->src, c->start);
	if (i == sizeof directive_words / sizeof *directive_words) {
		rl_diags_add(diags, RL_DIAG_WARNING, doc->src->path, p.line, p.col,
			     "unknown suppression comment '%.40s' (expected resumelint-disable, -enable, "
			     "-disable-line, -disable-next-line or -disable-file)",
			     c->text);
		return 0;
	}
	d->start = c->start;
	d->first_line = p.line;
	d->last_line = rl_source_pos(doc->src, c->end).line;
	for (;;) {
		while (*t && is_sep(*t))
			t++;
		if (!*t)
			break;
		for (k = 0; t[k] && !is_sep(t[k]); k++)
			;
		char *id = rl_xstrndup(t, k);
		if (!rl_ruleset_find(rules, id))
			rl_diags_add(diags, RL_DIAG_WARNING, doc->src->path, p.line, p.col,
				     "unknown rule '%s' in a suppression comment", id);
		d->ids = rl_xreallocarray(d->ids, d->nids + 1, sizeof *d->ids);
		d->ids[d->nids++] = id;
		t += k;
	}
	return 1;
}

static int names(const struct directive *d, const char *id)
{
	if (!d->nids)
		return 1;
	for (size_t i = 0; i < d->nids; i++)
		if (strcmp(d->ids[i], id) == 0)
			return 1;
	return 0;
}

/* Whether the ranges opened before off leave rule id disabled. */
static int disabled_by_ranges(const struct directive *v, size_t n, size_t off, const char *id)
{
	int off_all = 0, state = 0; /* state: the id's own switch, 1 off, -1 on */
	for (size_t i = 0; i < n && v[i].start < off; i++) {
		if (v[i].kind != DIR_DISABLE && v[i].kind != DIR_ENABLE)
			continue;
		int disable = v[i].kind == DIR_DISABLE;
		if (!v[i].nids) {
			off_all = disable;
			state = 0;
		} else if (names(&v[i], id)) {
			state = disable ? 1 : -1;
		}
	}
	return state ? state > 0 : off_all;
}

static int suppressed(const struct rl_doc *doc, const struct directive *v, size_t n, const struct rl_finding *f)
{
	unsigned line = rl_source_pos(doc->src, f->start).line;
	const char *id = f->rule->id;
	for (size_t i = 0; i < n; i++) {
		if (!names(&v[i], id))
			continue;
		if (v[i].kind == DIR_DISABLE_FILE)
			return 1;
		if (v[i].kind == DIR_DISABLE_NEXT_LINE && line == v[i].last_line + 1)
			return 1;
		if (v[i].kind == DIR_DISABLE_LINE && line >= v[i].first_line && line <= v[i].last_line)
			return 1;
	}
	return disabled_by_ranges(v, n, f->start, id);
}

struct rl_suppressions {
	struct directive *v;
	size_t n, cap;
};

struct rl_suppressions *rl_suppress_parse(const struct rl_doc *doc, const struct rl_ruleset *rules,
					  struct rl_diags *diags)
{
	struct rl_suppressions *s = rl_xcalloc(1, sizeof *s);
	for (size_t i = 0; i < doc->ncomments; i++) {
		struct directive d;
		if (parse_directive(doc, &doc->comments[i], &d, rules, diags)) {
			RL_GROW(s->v, s->n, s->cap);
			s->v[s->n++] = d;
		}
	}
	return s;
}

int rl_suppress_hides(const struct rl_suppressions *s, const struct rl_doc *doc, const struct rl_finding *f)
{
	return s && s->n && suppressed(doc, s->v, s->n, f);
}

void rl_suppress_free(struct rl_suppressions *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; k < s->v[i].nids; k++)
			free(s->v[i].ids[k]);
		free(s->v[i].ids);
	}
	free(s->v);
	free(s);
}

void rl_suppress_apply(const struct rl_doc *doc, const struct rl_ruleset *rules, struct rl_report *report,
		       struct rl_diags *diags)
{
	struct rl_suppressions *s = rl_suppress_parse(doc, rules, diags);
	size_t kept = 0;
	for (size_t i = 0; i < report->n; i++) {
		if (rl_suppress_hides(s, doc, &report->v[i])) {
			free(report->v[i].message);
			free(report->v[i].text);
			report->suppressed++;
		} else {
			report->v[kept++] = report->v[i];
		}
	}
	report->n = kept;
	rl_suppress_free(s);
}
