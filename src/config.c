/* Config file loading and discovery. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"
#include "profile.h"
#include "yaml_tree.h"

static void err(struct rl_diags *d, const char *path, const struct rl_ynode *at, const char *fmt, const char *arg)
{
	rl_diags_add(d, RL_DIAG_ERROR, path, at ? at->line : 0, at ? at->col : 0, fmt, arg);
}

static void load_layout(struct rl_config *cfg, const char *path, const struct rl_ynode *m, struct rl_diags *d)
{
	if (m->type != RL_Y_MAP) {
		err(d, path, m, "%s", "layout must be a map (render, margins, font, font-size, line-spacing)");
		return;
	}
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		const struct rl_ynode *k = m->items[i], *v = m->items[i + 1];
		const char *why = NULL;
		int bad = 0;
		if (v->type != RL_Y_SCALAR || !v->value_len) {
			err(d, path, v, "layout: %s needs a value", k->value);
			continue;
		}
		if (strcmp(k->value, "render") == 0) {
			bad = !rl_profile_find(v->value);
			why = "expected pandoc, pandoc-a4, latex-10pt, latex-11pt or latex-12pt";
			if (!bad) {
				free(cfg->render);
				cfg->render = rl_xstrdup(v->value);
			}
		} else if (strcmp(k->value, "margins") == 0) {
			bad = rl_length_parse(v->value, &cfg->margins, &why);
		} else if (strcmp(k->value, "font") == 0) {
			free(cfg->font);
			cfg->font = rl_xstrdup(v->value);
		} else if (strcmp(k->value, "font-size") == 0) {
			bad = rl_font_size_parse(v->value, &cfg->font_size, &why);
		} else if (strcmp(k->value, "line-spacing") == 0) {
			bad = rl_line_spacing_parse(v->value, &cfg->line_spacing, &why);
		} else {
			err(d, path, k, "layout: unknown key '%s' (expected render, margins, font, font-size or line-spacing)",
			    k->value);
			continue;
		}
		if (bad) {
			struct rl_buf msg;
			rl_buf_init(&msg);
			rl_buf_addf(&msg, "layout: %s: %s, not '%s'", k->value, why, v->value);
			err(d, path, v, "%s", msg.data);
			rl_buf_free(&msg);
		}
	}
}

static int load_rules(struct rl_config *cfg, const struct rl_ynode *v, const struct rl_ruleset *rules,
		      struct rl_diags *d)
{
	if (v->type != RL_Y_MAP) {
		err(d, cfg->path, v, "%s", "'rules' must map rule ids to error, warning, info or off");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const struct rl_ynode *k = v->items[i], *s = v->items[i + 1];
		if (rules && !rl_ruleset_find(rules, k->value)) {
			err(d, cfg->path, k, "unknown rule '%s' (resumelint --list-rules shows them)", k->value);
			rc = -1;
			continue;
		}
		int sev = s->type == RL_Y_SCALAR ? rl_severity_parse(s->value) : -1;
		if (sev < 0 && rl_yscalar_bool(s) == 0)
			sev = RL_SEV_OFF; /* YAML reads a bare `off` as false */
		if (sev < 0) {
			err(d, cfg->path, s, "expected error, warning, info or off for rule '%s'", k->value);
			rc = -1;
			continue;
		}
		cfg->overrides = rl_xreallocarray(cfg->overrides, cfg->noverrides + 1, sizeof *cfg->overrides);
		cfg->overrides[cfg->noverrides].id = rl_xstrdup(k->value);
		cfg->overrides[cfg->noverrides].severity = (enum rl_severity)sev;
		cfg->noverrides++;
	}
	return rc;
}

static char *resolve_beside(const char *config_path, const char *rel)
{
	if (rel[0] == '/')
		return rl_xstrdup(rel);
	const char *slash = strrchr(config_path, '/');
	if (!slash)
		return rl_xstrdup(rel);
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_add(&b, config_path, (size_t)(slash - config_path) + 1);
	rl_buf_adds(&b, rel);
	return rl_buf_detach(&b, NULL);
}

int rl_config_load(const char *path, const struct rl_ruleset *rules, struct rl_config *cfg,
		   struct rl_diags *d)
{
	struct rl_file f;
	if (rl_file_read(path, RL_MAX_RULE_FILE_BYTES, &f, d)) {
		memset(cfg, 0, sizeof *cfg);
		cfg->match_threshold = -1;
		cfg->path = rl_xstrdup(path);
		return -1;
	}
	int rc = rl_config_parse(path, f.bytes, f.len, rules, cfg, d);
	rl_file_free(&f);
	return rc;
}

int rl_config_parse(const char *path, const char *bytes, size_t len, const struct rl_ruleset *rules,
		    struct rl_config *cfg, struct rl_diags *d)
{
	size_t errors = d->errors;
	memset(cfg, 0, sizeof *cfg);
	cfg->match_threshold = -1;
	cfg->path = rl_xstrdup(path);
	struct rl_source *src = rl_source_new(path, bytes, len);
	struct rl_ynode *root = rl_yaml_parse(src, 0, src->len, d);
	if (root && root->type != RL_Y_MAP)
		err(d, path, root, "%s", "a config file must be a map of settings");
	for (size_t i = 0; root && root->type == RL_Y_MAP && i + 1 < root->n; i += 2) {
		const struct rl_ynode *k = root->items[i], *v = root->items[i + 1];
		if (strcmp(k->value, "rules") == 0) {
			load_rules(cfg, v, rules, d);
		} else if (strcmp(k->value, "max-pages") == 0) {
			char *end;
			long n = v->type == RL_Y_SCALAR ? strtol(v->value, &end, 10) : -1;
			if (v->type != RL_Y_SCALAR || *end || n < 1 || n > 100) {
				err(d, path, v, "%s", "max-pages must be a whole number from 1 to 100");
				continue;
			}
			cfg->has_max_pages = 1;
			cfg->max_pages = (unsigned)n;
		} else if (strcmp(k->value, "paper") == 0) {
			int p = v->type == RL_Y_SCALAR ? rl_paper_parse(v->value) : -1;
			if (p < 0) {
				err(d, path, v, "%s", "paper must be letter or a4");
				continue;
			}
			cfg->has_paper = 1;
			cfg->paper = (enum rl_paper)p;
		} else if (strcmp(k->value, "job") == 0) {
			if (v->type != RL_Y_SCALAR || !v->value_len) {
				err(d, path, v, "%s", "job must be the path of a job posting");
				continue;
			}
			free(cfg->job);
			cfg->job = resolve_beside(path, v->value);
		} else if (strcmp(k->value, "skills") == 0) {
			if (v->type != RL_Y_SCALAR || !v->value_len) {
				err(d, path, v, "%s", "skills must be the path of a skills table (NAME<TAB>aliases<TAB>tech|pro)");
				continue;
			}
			free(cfg->skills);
			cfg->skills = resolve_beside(path, v->value);
		} else if (strcmp(k->value, "match-threshold") == 0) {
			char *end;
			long n = v->type == RL_Y_SCALAR ? strtol(v->value, &end, 10) : -1;
			if (v->type != RL_Y_SCALAR || *end || !v->value_len || n < 0 || n > 100) {
				err(d, path, v, "%s", "match-threshold must be a whole number from 0 to 100");
				continue;
			}
			cfg->match_threshold = (int)n;
		} else if (strcmp(k->value, "profile") == 0) {
			if (v->type != RL_Y_SCALAR || !v->value_len) {
				err(d, path, v, "%s", "profile must name a country profile: us, uk, eu or de");
				continue;
			}
			free(cfg->profile);
			cfg->profile = rl_xstrdup(v->value);
			cfg->profile_line = v->line;
			cfg->profile_col = v->col;
		} else if (strcmp(k->value, "level") == 0) {
			int l = v->type == RL_Y_SCALAR ? rl_level_parse(v->value) : -1;
			if (l < 0) {
				err(d, path, v, "%s", "level must be entry, experienced or auto");
				continue;
			}
			cfg->level = (enum rl_level)l;
		} else if (strcmp(k->value, "markdown") == 0) {
			if (v->type != RL_Y_SCALAR || (strcmp(v->value, "pandoc") && strcmp(v->value, "commonmark"))) {
				err(d, path, v, "%s", "markdown must be pandoc or commonmark");
				continue;
			}
			cfg->has_markdown = 1;
			cfg->commonmark_only = strcmp(v->value, "commonmark") == 0;
		} else if (strcmp(k->value, "layout") == 0) {
			load_layout(cfg, path, v, d);
		} else {
			err(d, path, k, "unknown key '%s' (expected rules, max-pages, paper, job, profile, level, skills, match-threshold, markdown or layout)",
			    k->value);
		}
	}
	rl_ynode_free(root);
	rl_source_free(src);
	return d->errors > errors ? -1 : 0;
}

void rl_config_free(struct rl_config *cfg)
{
	for (size_t i = 0; i < cfg->noverrides; i++)
		free(cfg->overrides[i].id);
	free(cfg->overrides);
	free(cfg->job);
	free(cfg->skills);
	free(cfg->profile); /* fuzz_config found it leaked (regress-config-profile-leak.yml) */
	free(cfg->render);
	free(cfg->font);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}

/* Messages read better with the path the user would type. */
static char *relative_to_cwd(struct rl_buf *p)
{
	char cwd[PATH_MAX];
	size_t n;
	if (getcwd(cwd, sizeof cwd) && (n = strlen(cwd)) > 1 && strncmp(p->data, cwd, n) == 0 &&
	    p->data[n] == '/') {
		char *rel = rl_xstrdup(p->data + n + 1);
		rl_buf_free(p);
		return rel;
	}
	return rl_buf_detach(p, NULL);
}

char *rl_config_find(const char *dir)
{
	static const char *const names[] = RL_CONFIG_NAMES;
	char abs[PATH_MAX];
	if (!realpath(dir && *dir ? dir : ".", abs))
		return NULL;
	struct rl_buf p;
	rl_buf_init(&p);
	for (;;) {
		for (size_t i = 0; names[i]; i++) {
			struct stat st;
			rl_buf_clear(&p);
			rl_buf_addf(&p, "%s/%s", strcmp(abs, "/") == 0 ? "" : abs, names[i]);
			if (stat(p.data, &st) == 0 && S_ISREG(st.st_mode))
				return relative_to_cwd(&p);
		}
		char *slash = strrchr(abs, '/');
		if (!slash || strcmp(abs, "/") == 0)
			break;
		if (slash == abs)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	rl_buf_free(&p);
	return NULL;
}

void rl_config_apply(const struct rl_config *cfg, struct rl_lint_opts *opts)
{
	if (cfg->has_max_pages)
		opts->max_pages = cfg->max_pages;
	if (cfg->has_paper)
		opts->paper = cfg->paper;
	if (cfg->has_markdown)
		opts->commonmark_only = cfg->commonmark_only;
	if (cfg->level != RL_LEVEL_AUTO)
		opts->level = cfg->level;
	if (cfg->render)
		opts->render = cfg->render;
	if (cfg->margins > 0)
		opts->margin_pt = cfg->margins;
	if (cfg->font)
		opts->font = cfg->font;
	if (cfg->font_size > 0)
		opts->font_size = cfg->font_size;
	if (cfg->line_spacing > 0)
		opts->line_spacing = cfg->line_spacing;
	if (cfg->match_threshold >= 0)
		opts->match_threshold = cfg->match_threshold;
	for (size_t i = 0; i < cfg->noverrides; i++)
		rl_lint_opts_override(opts, cfg->overrides[i].id, cfg->overrides[i].severity);
}
