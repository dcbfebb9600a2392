/* One input through the whole pipeline. */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "file.h"
#include "match.h"
#include "pagefit.h"

int rl_linter_init(struct rl_linter *l, const char *rules_dir, const char *tables_dir, struct rl_diags *diags)
{
	return rl_linter_init_ex(l, rules_dir, tables_dir, 1, NULL, diags);
}

int rl_linter_init_ex(struct rl_linter *l, const char *rules_dir, const char *tables_dir, int examples,
		      struct rl_rule_cache *cache, struct rl_diags *diags)
{
	memset(l, 0, sizeof *l);
	l->rules.skip_examples = !examples;
	l->rules.cache = cache;
	struct rl_buf path;
	rl_buf_init(&path);
	rl_buf_addf(&path, "%s/sections.tsv", tables_dir);
	l->sections = rl_section_table_load(path.data, diags);
	l->tables_dir = rl_xstrdup(tables_dir);
	rl_buf_free(&path);
	int rc = rl_ruleset_load_dir(&l->rules, rules_dir, diags);
	l->rules.cache = NULL; /* only loading reads it */
	return l->sections && rc == 0 ? 0 : -1;
}

const struct rl_tailor *rl_linter_tailor(const struct rl_linter *cl, struct rl_diags *diags)
{
	/* a cache: loading does not change what the linter finds */
	struct rl_linter *l = (struct rl_linter *)cl;
	if (!l->tailor && l->tables_dir) {
		struct rl_diags local;
		rl_diags_init(&local);
		l->tailor = rl_tailor_load(l->tables_dir, diags ? diags : &local);
		rl_diags_free(&local);
	}
	return l->tailor;
}

void rl_linter_fini(struct rl_linter *l)
{
	rl_ruleset_free(&l->rules);
	rl_section_table_free(l->sections);
	l->sections = NULL;
	rl_tailor_free(l->tailor);
	l->tailor = NULL;
	free(l->tables_dir);
	l->tables_dir = NULL;
}

static const char *display_path(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static void result_init(struct rl_result *out, const char *path)
{
	memset(out, 0, sizeof *out);
	out->path = rl_xstrdup(display_path(path));
	rl_report_init(&out->report);
	rl_diags_init(&out->diags);
}

void rl_result_fail(struct rl_result *out, const char *path, const char *message)
{
	if (!out->path)
		result_init(out, path);
	out->status = RL_STATUS_ERROR;
	free(out->error);
	out->error = rl_xstrdup(message);
	rl_doc_free(out->doc);
	out->doc = NULL;
	rl_report_free(&out->report);
}

static void fail_from_diags(struct rl_result *out, struct rl_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].level != RL_DIAG_ERROR)
			continue;
		char *msg = rl_diag_format(&d->v[i]);
		/* the path is shown apart; keep only what follows it */
		const char *m = msg;
		size_t plen = strlen(d->v[i].path);
		if (strncmp(m, d->v[i].path, plen) == 0 && m[plen] == ':' && m[plen + 1] == ' ')
			m += plen + 2;
		rl_result_fail(out, out->path, m);
		free(msg);
		return;
	}
	rl_result_fail(out, out->path, "cannot be read");
}

void rl_lint_bytes(const struct rl_linter *l, const char *path, const char *bytes, size_t len,
		   const struct rl_lint_opts *opts, struct rl_result *out)
{
	struct rl_diags d;
	rl_diags_init(&d);
	result_init(out, path);
	struct rl_read_opts ropts = { opts->commonmark_only };
	struct rl_doc *doc = rl_read(out->path, bytes, len, &ropts, &d);
	if (!doc) {
		fail_from_diags(out, &d);
		rl_diags_free(&d);
		return;
	}
	if (!doc->nblocks) {
		/* an empty or blank file, or markup with no text: say so rather
		 * than pass it with no finding */
		size_t k = 0;
		while (k < len && (bytes[k] == ' ' || bytes[k] == '\t' || bytes[k] == '\n' || bytes[k] == '\r'))
			k++;
		rl_doc_free(doc);
		rl_diags_free(&d);
		rl_result_fail(out, out->path, k == len ? "no text to check: the file is empty"
							: "no text to check: nothing but markup");
		return;
	}
	rl_diags_move(&out->diags, &doc->diags);
	rl_diags_move(&out->diags, &d);
	out->doc = doc;
	out->format = rl_format_name(doc->format);
	rl_sections_classify(doc, l->sections);
	rl_pagefit_estimate(doc, opts, &out->report.pages);
	if (opts->posting)
		out->report.match = rl_match_new(opts->posting, doc, &out->report.pages);
	rl_engine_run(&l->rules, doc, opts, &out->report, &out->diags);
}

void rl_lint_file(const struct rl_linter *l, const char *path, size_t max_bytes,
		  const struct rl_lint_opts *opts, struct rl_result *out)
{
	struct rl_file file;
	struct rl_diags d;
	rl_diags_init(&d);
	if (rl_file_read(path, max_bytes, &file, &d) != 0) {
		result_init(out, path);
		fail_from_diags(out, &d);
		rl_diags_free(&d);
		return;
	}
	rl_diags_free(&d);
	rl_lint_bytes(l, path, file.bytes, file.len, opts, out);
	rl_file_free(&file);
}

void rl_result_free(struct rl_result *r)
{
	free(r->path);
	free(r->error);
	rl_doc_free(r->doc);
	rl_report_free(&r->report);
	rl_diags_free(&r->diags);
	memset(r, 0, sizeof *r);
}
