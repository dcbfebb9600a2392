/* The settings each input gets: its .resumelint.yml (found once per
 * folder), the lint options from settings and flags, the job posting (read
 * once per run), and diagnostics printed as one line each. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"
#include "run.h"

void print_diag(const struct rl_diag *d)
{
	char *s = rl_diag_format(d);
	if (d->level == RL_DIAG_WARNING && d->line) {
		/* "path:line:col: warning: message" */
		fprintf(stderr, "resumelint: %s:%u:%u: warning: %s\n", d->path, d->line, d->col, d->message);
	} else if (d->level == RL_DIAG_WARNING) {
		fprintf(stderr, "resumelint: %s: warning: %s\n", d->path, d->message);
	} else {
		fprintf(stderr, "resumelint: %s\n", s);
	}
	free(s);
}

void print_diags(const struct rl_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_diag(&d->v[i]);
}

static struct config_slot *config_for(struct run_state *st, const char *path)
{
	for (size_t i = 0; i < st->nconfigs; i++)
		if (strcmp(st->configs[i].path, path) == 0)
			return &st->configs[i];
	RL_GROW(st->configs, st->nconfigs, st->cap_configs);
	struct config_slot *s = &st->configs[st->nconfigs++];
	struct rl_diags d;
	rl_diags_init(&d);
	s->path = rl_xstrdup(path);
	s->ok = rl_config_load(path, &st->linter.rules, &s->cfg, &d) == 0;
	if (s->ok && s->cfg.profile && !rl_country_known(st->countries, s->cfg.profile)) {
		char *names = rl_country_names(st->countries);
		rl_diags_add(&d, RL_DIAG_ERROR, path, s->cfg.profile_line, s->cfg.profile_col,
			     "unknown profile '%s' (expected %s)", s->cfg.profile, names);
		free(names);
		s->ok = 0;
	}
	s->error = NULL;
	if (!s->ok) {
		print_diags(&d);
		for (size_t i = 0; i < d.n && !s->error; i++)
			if (d.v[i].level == RL_DIAG_ERROR)
				s->error = rl_diag_format(&d.v[i]);
		st->trouble = 1;
	}
	rl_diags_free(&d);
	return s;
}

/* The config for a resume: --config, or found by walking up from its folder. */
struct config_slot *find_config(struct run_state *st, const char *file)
{
	if (st->cli.config)
		return config_for(st, st->cli.config);
	if (st->cli.no_config)
		return NULL;
	char dir[PATH_MAX];
	const char *slash = strcmp(file, "-") == 0 ? NULL : strrchr(file, '/');
	if (slash) {
		size_t n = (size_t)(slash - file);
		if (n >= sizeof dir)
			return NULL;
		memcpy(dir, file, n);
		dir[n] = '\0';
		if (!n)
			strcpy(dir, "/");
	} else {
		strcpy(dir, ".");
	}
	char *found = rl_config_find(dir);
	if (!found)
		return NULL;
	struct config_slot *s = config_for(st, found);
	free(found);
	return s;
}

/* The posting for a job file (and a config's extra skills), read once per
 * run. NULL after one line on stderr naming the file when it cannot be
 * used; the resume is still checked on its own. */
const struct rl_posting *posting_for(struct run_state *st, const char *job, const char *skills,
					   size_t max_bytes)
{
	for (size_t i = 0; i < st->njobs; i++)
		if (strcmp(st->jobs[i].path, job) == 0 &&
		    (skills ? st->jobs[i].skills && strcmp(st->jobs[i].skills, skills) == 0 : !st->jobs[i].skills))
			return st->jobs[i].posting;
	RL_GROW(st->jobs, st->njobs, st->cap_jobs);
	struct job_slot *js = &st->jobs[st->njobs++];
	memset(js, 0, sizeof *js);
	js->path = rl_xstrdup(job);
	js->skills = skills ? rl_xstrdup(skills) : NULL;
	struct rl_file f;
	struct rl_diags d;
	rl_diags_init(&d);
	const struct rl_tailor *tailor = rl_linter_tailor(&st->linter, &d);
	if (tailor && skills)
		js->dict = rl_tailor_skills_with(tailor, skills, &d);
	if (tailor && (!skills || js->dict) && rl_file_read(job, max_bytes, &f, &d) == 0) {
		js->posting = rl_posting_new(tailor, js->dict, job, f.bytes, f.len, &d);
		rl_file_free(&f);
	}
	if (!js->posting) {
		/* one line: the first error */
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].level == RL_DIAG_ERROR) {
				print_diag(&d.v[i]);
				break;
			}
		st->trouble = 1;
	}
	rl_diags_free(&d);
	return js->posting;
}

void build_opts(struct run_state *st, const struct config_slot *cs, struct rl_lint_opts *opts)
{
	rl_lint_opts_default(opts);
	/* the country profile's severities first: a config's rules: map wins */
	const char *country = st->cli.profile ? st->cli.profile
			      : cs && cs->ok && cs->cfg.profile ? cs->cfg.profile : RL_COUNTRY_DEFAULT;
	rl_country_apply(st->countries, country, opts);
	opts->country = country;
	if (st->cli.level != RL_LEVEL_AUTO)
		opts->level = st->cli.level;
	if (cs && cs->ok)
		rl_config_apply(&cs->cfg, opts);
	if (st->cli.has_max_pages)
		opts->max_pages = st->cli.max_pages;
	if (st->cli.has_paper)
		opts->paper = st->cli.paper;
	if (st->cli.level != RL_LEVEL_AUTO)
		opts->level = st->cli.level;
	if (st->cli.render)
		opts->render = st->cli.render;
	if (st->cli.margins > 0)
		opts->margin_pt = st->cli.margins;
	if (st->cli.font)
		opts->font = st->cli.font;
	if (st->cli.font_size > 0)
		opts->font_size = st->cli.font_size;
	if (st->cli.line_spacing > 0)
		opts->line_spacing = st->cli.line_spacing;
	/* the html format draws the pages: page fit keeps the lines for it */
	opts->keep_lines = strcmp(st->cli.format, "html") == 0;
}


void run_state_fini(struct run_state *st)
{
	rl_linter_fini(&st->linter);
	rl_country_table_free(st->countries);
	for (size_t i = 0; i < st->nconfigs; i++) {
		free(st->configs[i].path);
		free(st->configs[i].error);
		rl_config_free(&st->configs[i].cfg);
	}
	free(st->configs);
	for (size_t i = 0; i < st->njobs; i++) {
		rl_posting_free(st->jobs[i].posting);
		rl_skills_free(st->jobs[i].dict);
		free(st->jobs[i].path);
		free(st->jobs[i].skills);
	}
	free(st->jobs);
}
