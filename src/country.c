/* The country profile table. */
#include "country.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"

static void row_free(struct rl_country_row *r)
{
	free(r->profile);
	free(r->rule);
	free(r->why);
}

void rl_country_table_free(struct rl_country_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		row_free(&t->v[i]);
	free(t->v);
	free(t);
}

struct rl_country_table *rl_country_table_load(const char *path, struct rl_diags *diags)
{
	struct rl_file f;
	if (rl_file_read(path, RL_MAX_RULE_FILE_BYTES, &f, diags))
		return NULL;
	struct rl_country_table *t = rl_xcalloc(1, sizeof *t);
	size_t errors = diags->errors;
	unsigned line = 0;
	for (size_t i = 0; i < f.len;) {
		size_t e = i;
		while (e < f.len && f.bytes[e] != '\n')
			e++;
		line++;
		char *l = rl_xstrndup(f.bytes + i, e - i);
		size_t n = strlen(l);
		if (n && l[n - 1] == '\r')
			l[--n] = '\0';
		i = e + 1;
		if (!n || l[0] == '#') {
			free(l);
			continue;
		}
		char *cols[4] = { NULL };
		char *p = l;
		int k = 0;
		for (; k < 4 && p; k++) {
			cols[k] = p;
			p = k < 3 ? strchr(p, '\t') : NULL;
			if (p)
				*p++ = '\0';
		}
		int sev = cols[2] ? rl_severity_parse(cols[2]) : -1;
		int none = cols[1] && strcmp(cols[1], "-") == 0;
		if (!cols[3] || !*cols[0] || (!none && sev < 0)) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, line, 1, "%s",
				     "expected PROFILE<TAB>RULE<TAB>SEVERITY<TAB>WHY (severity: error, warning, info or off)");
			free(l);
			continue;
		}
		RL_GROW(t->v, t->n, t->cap);
		struct rl_country_row *r = &t->v[t->n++];
		r->profile = rl_xstrdup(cols[0]);
		r->rule = none ? NULL : rl_xstrdup(cols[1]);
		r->severity = none ? RL_SEV_OFF : (enum rl_severity)sev;
		r->why = rl_xstrdup(cols[3]);
		free(l);
	}
	rl_file_free(&f);
	if (diags->errors != errors) {
		rl_country_table_free(t);
		return NULL;
	}
	return t;
}

int rl_country_known(const struct rl_country_table *t, const char *profile)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (strcmp(t->v[i].profile, profile) == 0)
			return 1;
	return 0;
}

char *rl_country_names(const struct rl_country_table *t)
{
	struct rl_buf b;
	rl_buf_init(&b);
	for (size_t i = 0; t && i < t->n; i++) {
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(t->v[k].profile, t->v[i].profile) == 0;
		if (!seen)
			rl_buf_addf(&b, "%s%s", b.len ? ", " : "", t->v[i].profile);
	}
	return rl_buf_detach(&b, NULL);
}

void rl_country_apply(const struct rl_country_table *t, const char *profile, struct rl_lint_opts *o)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (t->v[i].rule && strcmp(t->v[i].profile, profile) == 0)
			rl_lint_opts_override(o, t->v[i].rule, t->v[i].severity);
}
