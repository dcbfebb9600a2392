/* Rule files → rules, through a table of keys. Every problem names
 * file:line:column. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "rule_cache.h"
#include "buf.h"
#include "file.h"
#include "rule.h"
#include "utf8.h"

const struct rl_rule_kind *const rl_rule_kinds[] = {
	&rl_rule_kind_pattern,
	&rl_rule_kind_section,
	&rl_rule_kind_limit,
	&rl_rule_kind_photo,
	&rl_rule_kind_layout,
	&rl_rule_kind_job,
	&rl_rule_kind_target,
	&rl_rule_kind_bullets,
	&rl_rule_kind_career,
	&rl_rule_kind_dates,
	&rl_rule_kind_contact,
	NULL,
};

static const char *const severity_names[] = { "off", "info", "warning", "error" };

const char *rl_severity_name(enum rl_severity s)
{
	return s <= RL_SEV_ERROR ? severity_names[s] : "?";
}

int rl_severity_parse(const char *name)
{
	for (int i = 0; i <= RL_SEV_ERROR; i++)
		if (strcmp(name, severity_names[i]) == 0)
			return i;
	return -1;
}

void rl_rule_error(struct rl_rule_loader *ld, const struct rl_ynode *at, const char *fmt, ...)
{
	struct rl_buf b;
	va_list ap;
	rl_buf_init(&b);
	va_start(ap, fmt);
	rl_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	rl_diags_add(ld->diags, RL_DIAG_ERROR, ld->src->path, at ? at->line : 0, at ? at->col : 0, "%s",
		     b.data);
	rl_buf_free(&b);
}

int rl_rule_want_scalar(const struct rl_ynode *v, struct rl_rule_loader *ld, const char *what)
{
	if (v->type == RL_Y_SCALAR)
		return 0;
	rl_rule_error(ld, v, "expected %s, found %s", what, rl_ynode_type_name(v->type));
	return -1;
}

char *rl_rule_join_patterns(const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (v->type == RL_Y_SCALAR)
		return rl_xstrdup(v->value);
	if (v->type != RL_Y_SEQ || v->n == 0) {
		rl_rule_error(ld, v, "expected a pattern or a non-empty list of patterns");
		return NULL;
	}
	struct rl_buf b;
	rl_buf_init(&b);
	for (size_t i = 0; i < v->n; i++) {
		if (rl_rule_want_scalar(v->items[i], ld, "a pattern")) {
			rl_buf_free(&b);
			return NULL;
		}
		rl_buf_adds(&b, i ? "|(?:" : "(?:");
		rl_buf_adds(&b, v->items[i]->value);
		rl_buf_addc(&b, ')');
	}
	return rl_buf_detach(&b, NULL);
}

int rl_rule_set_number(const struct rl_ynode *v, struct rl_rule_loader *ld, const char *what, double min,
		       double max, double *out)
{
	if (rl_rule_want_scalar(v, ld, what))
		return -1;
	char *end;
	double d = strtod(v->value, &end);
	/* !(in range) refuses nan too */
	if (*end || !*v->value || !(d >= min && d <= max)) {
		rl_rule_error(ld, v, "expected %s from %g to %g", what, min, max);
		return -1;
	}
	*out = d;
	return 0;
}

int rl_rule_word_list(const struct rl_ynode *v, struct rl_rule_loader *ld, char ***out, size_t *n)
{
	if (v->type != RL_Y_SEQ) {
		rl_rule_error(ld, v, "expected a list of words");
		return -1;
	}
	*out = rl_xreallocarray(*out, *n + v->n, sizeof **out);
	for (size_t i = 0; i < v->n; i++) {
		if (rl_rule_want_scalar(v->items[i], ld, "a word"))
			return -1;
		(*out)[(*n)++] = rl_rule_lower(v->items[i]->value, v->items[i]->value_len);
	}
	return 0;
}

char *rl_rule_lower(const char *s, size_t len)
{
	/* most words are ASCII: lowered byte by byte into a copy of their size
	 * (the rules' 500 words are lowered at every start) */
	size_t ascii = 0;
	while (ascii < len && (unsigned char)s[ascii] < 0x80)
		ascii++;
	if (ascii == len) {
		char *low = rl_xmalloc(len + 1);
		for (size_t k = 0; k < len; k++)
			low[k] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] + ('a' - 'A')) : s[k];
		low[len] = '\0';
		return low;
	}
	struct rl_buf b;
	rl_buf_init(&b);
	for (size_t k = 0; k < len;) {
		uint32_t cp;
		k += rl_utf8_decode(s + k, len - k, &cp, NULL);
		rl_buf_add_utf8(&b, rl_unicode_lower(cp));
	}
	return rl_buf_detach(&b, NULL);
}

void rl_rule_word_list_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int rl_contains_any(const char *lower_text, char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(lower_text, words[i]))
			return 1;
	return 0;
}

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

int rl_contains_any_word(const char *lower_text, char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (const char *p = strstr(lower_text, words[i]); p; p = strstr(p + 1, words[i]))
			if (p == lower_text || !word_byte((unsigned char)p[-1]))
				return 1;
	return 0;
}

/* ---- checks → messages ---- */

int rl_rule_set_check_messages(const struct rl_ynode *v, struct rl_rule_loader *ld, const char *what,
			       const char *const *names, size_t n, char **messages)
{
	if (v->type != RL_Y_MAP) {
		rl_rule_error(ld, v, "expected a map from %s to message", what);
		return -1;
	}
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const struct rl_ynode *k = v->items[i], *msg = v->items[i + 1];
		size_t c = 0;
		while (c < n && strcmp(names[c], k->value) != 0)
			c++;
		if (c == n) {
			/* "a, b or c": the names in table order */
			struct rl_buf expected;
			rl_buf_init(&expected);
			for (size_t j = 0; j < n; j++)
				rl_buf_addf(&expected, "%s%s", j == 0 ? "" : j + 1 < n ? ", " : " or ", names[j]);
			rl_rule_error(ld, k, "unknown %s '%s' (expected %s)", what, k->value, expected.data);
			rl_buf_free(&expected);
			return -1;
		}
		if (rl_rule_want_scalar(msg, ld, "a message"))
			return -1;
		free(messages[c]); /* a check given twice: the last message wins */
		messages[c] = rl_xstrdup(msg->value);
	}
	return 0;
}

int rl_rule_need_check_message(struct rl_rule_loader *ld, const struct rl_ynode *root, const char *key,
			       char *const *messages, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (messages[i])
			return 0;
	rl_rule_error(ld, root, "missing key '%s'", key);
	return -1;
}

char *rl_rule_fill_check_message(const char *tmpl, const char *value, const char *limit)
{
	return rl_rule_fill_check_message_match(tmpl, value, limit, NULL, 0);
}

char *rl_rule_fill_check_message_match(const char *tmpl, const char *value, const char *limit, const char *match,
				       size_t match_len)
{
	struct rl_buf msg;
	rl_buf_init(&msg);
	for (const char *p = tmpl; *p; p++) {
		if (match && strncmp(p, "{match}", 7) == 0) {
			size_t keep = rl_utf8_advance(match, match_len, RL_MAX_MATCH_IN_MESSAGE);
			rl_buf_add(&msg, match, keep);
			if (keep < match_len)
				rl_buf_adds(&msg, "…");
			p += 6;
		} else if (value && strncmp(p, "{value}", 7) == 0) {
			rl_buf_adds(&msg, value);
			p += 6;
		} else if (limit && strncmp(p, "{limit}", 7) == 0) {
			rl_buf_adds(&msg, limit);
			p += 6;
		} else {
			rl_buf_addc(&msg, *p);
		}
	}
	return rl_buf_detach(&msg, NULL);
}

/* ---- common keys ---- */

static int set_string(char **slot, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (rl_rule_want_scalar(v, ld, "text"))
		return -1;
	if (!v->value_len) {
		rl_rule_error(ld, v, "must not be empty");
		return -1;
	}
	free(*slot);
	*slot = rl_xstrdup(v->value);
	return 0;
}

static int set_id(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (set_string(&r->id, v, ld))
		return -1;
	for (const char *p = r->id; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
			rl_rule_error(ld, v, "rule id '%s' may use only a-z, 0-9 and '-'", r->id);
			return -1;
		}
	}
	return 0;
}

static int set_severity(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (rl_rule_want_scalar(v, ld, "a severity"))
		return -1;
	int s = rl_severity_parse(v->value);
	if (s < 0) {
		rl_rule_error(ld, v, "unknown severity '%s' (expected error, warning, info or off)", v->value);
		return -1;
	}
	r->severity = (enum rl_severity)s;
	return 0;
}

static int set_summary(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return set_string(&r->summary, v, ld);
}

static int set_message(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return set_string(&r->message, v, ld);
}

static int set_advice(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (set_string(&r->advice, v, ld))
		return -1;
	/* folded YAML leaves a trailing newline */
	size_t n = strlen(r->advice);
	while (n && (r->advice[n - 1] == '\n' || r->advice[n - 1] == ' '))
		r->advice[--n] = '\0';
	return 0;
}

static int set_cut(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	r->cut = rl_yscalar_bool(v);
	if (r->cut < 0) {
		rl_rule_error(ld, v, "%s", "cut must be true or false");
		return -1;
	}
	return 0;
}

static int set_kind(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	(void)r;
	(void)v;
	(void)ld;
	return 0; /* read before the other keys, in rl_rule_parse */
}

static int parse_name_list(const struct rl_ynode *v, struct rl_rule_loader *ld, unsigned *mask,
			   int (*parse)(const char *), const char *what)
{
	const struct rl_ynode *one[1] = { v };
	const struct rl_ynode *const *items = v->type == RL_Y_SEQ ? (const struct rl_ynode *const *)v->items : one;
	size_t n = v->type == RL_Y_SEQ ? v->n : 1;
	*mask = 0;
	for (size_t i = 0; i < n; i++) {
		if (rl_rule_want_scalar(items[i], ld, what))
			return -1;
		int k = parse(items[i]->value);
		if (k < 0) {
			rl_rule_error(ld, items[i], "unknown %s '%s'", what, items[i]->value);
			return -1;
		}
		*mask |= 1u << k;
	}
	return 0;
}

static int set_scope(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return parse_name_list(v, ld, &r->scope, rl_section_kind_parse, "section kind");
}

static int set_blocks(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return parse_name_list(v, ld, &r->blocks, rl_block_kind_parse, "block kind");
}

static int add_examples(char ***slot, size_t *n, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (v->type != RL_Y_SEQ) {
		rl_rule_error(ld, v, "expected a list of examples");
		return -1;
	}
	for (size_t i = 0; i < v->n; i++) {
		if (rl_rule_want_scalar(v->items[i], ld, "an example text"))
			return -1;
		*slot = rl_xreallocarray(*slot, *n + 1, sizeof **slot);
		(*slot)[(*n)++] = rl_xstrdup(v->items[i]->value);
	}
	return 0;
}

static int set_examples(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (v->type != RL_Y_MAP) {
		rl_rule_error(ld, v, "expected a map with 'bad' and 'good' lists");
		return -1;
	}
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const struct rl_ynode *k = v->items[i], *list = v->items[i + 1];
		int rc;
		if (strcmp(k->value, "bad") == 0)
			rc = add_examples(&r->bad, &r->nbad, list, ld);
		else if (strcmp(k->value, "good") == 0)
			rc = add_examples(&r->good, &r->ngood, list, ld);
		else if (strcmp(k->value, "job") == 0) /* a posting for job rules' examples */
			rc = set_string(&r->example_job, list, ld);
		else {
			rl_rule_error(ld, k, "unknown key 'examples.%s' (expected 'bad', 'good' or 'job')", k->value);
			rc = -1;
		}
		if (rc)
			return -1;
	}
	return 0;
}

const struct rl_rule_key rl_rule_common_keys[] = {
	{ "id", set_id, "the rule's name in findings, config and suppressions (a-z, 0-9, -); must match the file name" },
	{ "severity", set_severity, "error, warning, info or off: the default level of its findings" },
	{ "kind", set_kind, "how the rule checks: pattern, section or limit" },
	{ "summary", set_summary, "one line saying what the rule catches (for --list-rules)" },
	{ "message", set_message, "what a finding says; {match}, {value}, {limit} and {section} are filled in" },
	{ "advice", set_advice, "why a recruiter cares and what to do instead" },
	{ "scope", set_scope, "section kinds the rule reads (default: all)" },
	{ "blocks", set_blocks, "block kinds the rule reads (default: all with text)" },
	{ "examples", set_examples, "bad: texts that must fire; good: texts that must not" },
	{ "cut", set_cut,
	  "true when what the rule flags can simply go: page fit suggests cutting it first (default false)" },
	{ NULL, NULL, NULL },
};

/* ---- parsing ---- */

static const struct rl_rule_key *find_key(const struct rl_rule_key *keys, const char *name)
{
	for (; keys && keys->name; keys++)
		if (strcmp(keys->name, name) == 0)
			return keys;
	return NULL;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), prev[64], cur[64];
	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof cur);
	}
	return prev[lb];
}

static const char *suggest(const char *name, const struct rl_rule_kind *kind)
{
	const struct rl_rule_key *sets[] = { rl_rule_common_keys, kind->keys, kind->extra_keys };
	const char *best = NULL;
	size_t bestd = 3;
	for (int pass = 0; pass < 3; pass++)
		for (const struct rl_rule_key *k = sets[pass]; k && k->name; k++) {
			size_t d = edit_distance(name, k->name);
			if (d < bestd) {
				bestd = d;
				best = k->name;
			}
		}
	return best;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Where the top-level examples block starts when nothing but comments and
 * blank lines follow it at the top level; the whole length otherwise. */
static size_t examples_start(const struct rl_source *src)
{
	const char *t = src->bytes;
	size_t at = src->len;
	for (size_t i = 0; i < src->len; i = (size_t)((const char *)memchr(t + i, '\n', src->len - i) - t) + 1) {
		if (at == src->len) {
			if (strncmp(t + i, "examples:", 9) == 0)
				at = i;
		} else if (t[i] != ' ' && t[i] != '\t' && t[i] != '#' && t[i] != '\n' && t[i] != '\r') {
			return src->len; /* another top-level key follows */
		}
		if (!memchr(t + i, '\n', src->len - i))
			break;
	}
	return at;
}

static struct rl_rule *parse(const struct rl_source *src, size_t end, struct rl_rule_cache *cache,
			     const char *name, const struct rl_file_stamp *stamp, struct rl_diags *diags);
static struct rl_rule *from_tree(const struct rl_source *src, struct rl_ynode *root, struct rl_rule_cache *cache,
				 struct rl_diags *diags);

struct rl_rule *rl_rule_parse(const struct rl_source *src, struct rl_diags *diags)
{
	return parse(src, src->len, NULL, NULL, NULL, diags);
}

struct rl_rule *rl_rule_parse_without_examples(const struct rl_source *src, struct rl_diags *diags)
{
	return parse(src, examples_start(src), NULL, NULL, NULL, diags);
}

/* name: the file's name in its folder, for the cache; stamp: the file's,
 * for a cache being recorded (NULL: none). */
static struct rl_rule *parse(const struct rl_source *src, size_t end, struct rl_rule_cache *cache,
			     const char *name, const struct rl_file_stamp *stamp, struct rl_diags *diags)
{
	struct rl_ynode *root = name ? rl_rule_cache_tree(cache, name, src->bytes, end) : NULL;
	if (!root) {
		root = rl_yaml_parse(src, 0, end, diags);
		if (name)
			rl_rule_cache_put_tree(cache, name, src->bytes, end, root, stamp);
	}
	return root ? from_tree(src, root, cache, diags) : NULL;
}

/* The rule a parsed file holds; root is freed. src names the file (its
 * bytes are not read: a tree from the cache comes without them). */
static struct rl_rule *from_tree(const struct rl_source *src, struct rl_ynode *root, struct rl_rule_cache *cache,
				 struct rl_diags *diags)
{
	struct rl_rule_loader ld = { src, diags, cache };
	size_t errors = diags->errors;
	struct rl_rule *r = rl_xcalloc(1, sizeof *r);
	r->path = rl_xstrdup(src->path);
	r->severity = RL_SEV_WARNING;
	if (root->type != RL_Y_MAP) {
		rl_rule_error(&ld, root, "a rule file must be a map of keys");
		goto fail;
	}

	const struct rl_ynode *kind = rl_ymap_get(root, "kind");
	if (!kind) {
		rl_rule_error(&ld, root, "missing key 'kind' (pattern, section, limit, photo or layout)");
		goto fail;
	}
	if (rl_rule_want_scalar(kind, &ld, "a rule kind"))
		goto fail;
	for (size_t i = 0; rl_rule_kinds[i]; i++)
		if (strcmp(rl_rule_kinds[i]->name, kind->value) == 0)
			r->kind = rl_rule_kinds[i];
	if (!r->kind) {
		struct rl_buf names;
		rl_buf_init(&names);
		for (size_t i = 0; rl_rule_kinds[i]; i++)
			rl_buf_addf(&names, "%s%s", i ? ", " : "", rl_rule_kinds[i]->name);
		rl_rule_error(&ld, kind, "unknown rule kind '%s' (expected one of %s)", kind->value, names.data);
		rl_buf_free(&names);
		goto fail;
	}
	r->impl = r->kind->impl_new();

	for (size_t i = 0; i + 1 < root->n; i += 2) {
		const struct rl_ynode *k = root->items[i], *v = root->items[i + 1];
		for (size_t j = 0; j < i; j += 2)
			if (strcmp(root->items[j]->value, k->value) == 0)
				rl_rule_error(&ld, k, "key '%s' given twice", k->value);
		const struct rl_rule_key *key = find_key(rl_rule_common_keys, k->value);
		if (!key)
			key = find_key(r->kind->keys, k->value);
		if (!key)
			key = find_key(r->kind->extra_keys, k->value);
		if (!key) {
			const char *s = suggest(k->value, r->kind);
			if (s)
				rl_rule_error(&ld, k, "unknown key '%s' (did you mean '%s'?)", k->value, s);
			else
				rl_rule_error(&ld, k, "unknown key '%s' for a %s rule", k->value, r->kind->name);
			continue;
		}
		key->set(r, v, &ld);
	}
	static const char *const required[] = { "id", "message", "advice" };
	for (size_t i = 0; i < 3; i++)
		if (!rl_ymap_get(root, required[i]))
			rl_rule_error(&ld, root, "missing key '%s'", required[i]);
	if (diags->errors == errors && r->id) {
		/* a rule is found by its file name in docs and reviews */
		const char *file = base_name(src->path);
		const char *dot = strrchr(file, '.');
		if (dot && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0) &&
		    ((size_t)(dot - file) != strlen(r->id) || strncmp(file, r->id, (size_t)(dot - file)) != 0))
			rl_rule_error(&ld, rl_ymap_get(root, "id"), "rule id '%s' does not match the file name '%s'",
				      r->id, file);
	}
	if (!r->blocks) /* default: every block with text */
		r->blocks = ((1u << RL_BLOCK_COUNT) - 1) & ~(1u << RL_BLOCK_RULE);
	if (diags->errors == errors)
		r->kind->finish(r, root, &ld);
	if (diags->errors != errors)
		goto fail;
	rl_ynode_free(root);
	return r;
fail:
	rl_ynode_free(root);
	rl_rule_free(r);
	return NULL;
}

void rl_rule_free(struct rl_rule *r)
{
	if (!r)
		return;
	if (r->kind && r->impl)
		r->kind->impl_free(r->impl);
	free(r->id);
	free(r->summary);
	free(r->message);
	free(r->advice);
	free(r->example_job);
	for (size_t i = 0; i < r->nbad; i++)
		free(r->bad[i]);
	for (size_t i = 0; i < r->ngood; i++)
		free(r->good[i]);
	free(r->bad);
	free(r->good);
	free(r->path);
	free(r);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_rule_file(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.')
		return 0;
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* Adds a loaded rule (NULL: it failed) to set: 0, or -1 when it failed or
 * its id is taken. */
static int add_rule(struct rl_ruleset *set, struct rl_rule *r, const char *path, struct rl_diags *diags)
{
	if (r && rl_ruleset_find(set, r->id)) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "rule '%s' is defined twice", r->id);
		rl_rule_free(r);
		r = NULL;
	}
	if (!r)
		return -1;
	RL_GROW(set->v, set->n, set->cap);
	set->v[set->n++] = r;
	return 0;
}

int rl_ruleset_load_dir(struct rl_ruleset *set, const char *dir, struct rl_diags *diags)
{
	DIR *d = opendir(dir);
	if (!d) {
		rl_diags_add(diags, RL_DIAG_ERROR, dir, 0, 0, "cannot read the rules folder: %s", strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_rule_file(e->d_name))
			continue;
		RL_GROW(names, n, cap);
		names[n++] = rl_xstrdup(e->d_name);
	}
	closedir(d);
	/* readdir order differs between file systems: sort for the same
	 * output everywhere */
	if (n)
		qsort(names, n, sizeof *names, by_name);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		struct rl_buf path;
		rl_buf_init(&path);
		rl_buf_addf(&path, "%s/%s", dir, names[i]);
		struct rl_file_stamp stamp;
		int stamped = set->cache && rl_file_stamp_of(path.data, &stamp) == 0;
		/* unchanged since the cache was made: not even read */
		struct rl_ynode *tree = stamped && set->skip_examples
						? rl_rule_cache_tree_unread(set->cache, names[i], &stamp)
						: NULL;
		struct rl_file file;
		int failed;
		if (tree) {
			struct rl_source *named = rl_source_new(path.data, "", 0);
			struct rl_rule *r = from_tree(named, tree, set->cache, diags);
			rl_source_free(named);
			failed = add_rule(set, r, path.data, diags);
		} else if (rl_file_read(path.data, RL_MAX_RULE_FILE_BYTES, &file, diags) == 0) {
			struct rl_source *src = rl_source_new(path.data, file.bytes, file.len);
			struct rl_rule *r = parse(src, set->skip_examples ? examples_start(src) : src->len, set->cache,
						  names[i], stamped ? &stamp : NULL, diags);
			rl_source_free(src);
			rl_file_free(&file);
			failed = add_rule(set, r, path.data, diags);
		} else {
			failed = -1;
		}
		if (failed)
			rc = -1;
		rl_buf_free(&path);
		free(names[i]);
	}
	free(names);
	return rc;
}

void rl_ruleset_free(struct rl_ruleset *set)
{
	for (size_t i = 0; i < set->n; i++)
		rl_rule_free(set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = set->cap = 0;
}

const struct rl_rule *rl_ruleset_find(const struct rl_ruleset *set, const char *id)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->id, id) == 0)
			return set->v[i];
	return NULL;
}
