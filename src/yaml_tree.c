/* YAML tree built from libyaml's event stream. */
#include "yaml_tree.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "alloc.h"

struct builder {
	const struct rl_source *src;
	unsigned line0;  /* line of the slice's first byte */
	size_t nodes;
	struct rl_diags *diags;
};

static void set_pos(struct builder *b, struct rl_ynode *n, yaml_mark_t start, yaml_mark_t end)
{
	n->line = b->line0 + (unsigned)start.line;
	n->col = (unsigned)start.column + 1;
	n->start = rl_source_offset(b->src, n->line, n->col);
	n->end = rl_source_offset(b->src, b->line0 + (unsigned)end.line, (unsigned)end.column + 1);
	if (n->end < n->start)
		n->end = n->start;
}

static void error_at(struct builder *b, yaml_mark_t m, const char *msg)
{
	rl_diags_add(b->diags, RL_DIAG_ERROR, b->src->path, b->line0 + (unsigned)m.line,
		     (unsigned)m.column + 1, "%s", msg);
}

static void add_item(struct rl_ynode *parent, struct rl_ynode *child, size_t *cap)
{
	RL_GROW(parent->items, parent->n, *cap);
	parent->items[parent->n++] = child;
}

static int next_event(yaml_parser_t *p, yaml_event_t *ev, struct builder *b)
{
	if (yaml_parser_parse(p, ev))
		return 0;
	char msg[256];
	snprintf(msg, sizeof msg, "YAML: %s%s%s", p->problem ? p->problem : "syntax error",
		 p->context ? " " : "", p->context ? p->context : "");
	error_at(b, p->problem_mark, msg);
	return -1;
}

/* Builds the node that starts with ev (already parsed); consumes its events. */
static struct rl_ynode *build(yaml_parser_t *p, yaml_event_t *ev, struct builder *b, int depth)
{
	if (++b->nodes > RL_YAML_MAX_NODES) {
		error_at(b, ev->start_mark, "YAML: too many nodes");
		return NULL;
	}
	if (depth > RL_YAML_MAX_DEPTH) {
		error_at(b, ev->start_mark, "YAML: nested too deeply");
		return NULL;
	}
	struct rl_ynode *n = rl_xcalloc(1, sizeof *n);
	size_t cap = 0;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n->type = RL_Y_SCALAR;
		n->value = rl_xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->value_len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		set_pos(b, n, ev->start_mark, ev->end_mark);
		return n;
	case YAML_ALIAS_EVENT:
		error_at(b, ev->start_mark, "YAML: aliases are not supported");
		free(n);
		return NULL;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT: {
		int is_map = ev->type == YAML_MAPPING_START_EVENT;
		yaml_event_type_t end_type = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
		n->type = is_map ? RL_Y_MAP : RL_Y_SEQ;
		set_pos(b, n, ev->start_mark, ev->end_mark);
		for (;;) {
			yaml_event_t child;
			if (next_event(p, &child, b))
				goto fail;
			if (child.type == end_type) {
				n->end = rl_source_offset(b->src, b->line0 + (unsigned)child.end_mark.line,
							  (unsigned)child.end_mark.column + 1);
				yaml_event_delete(&child);
				break;
			}
			struct rl_ynode *c = build(p, &child, b, depth + 1);
			yaml_event_delete(&child);
			if (!c)
				goto fail;
			add_item(n, c, &cap);
		}
		if (is_map) {
			for (size_t i = 0; i < n->n; i += 2) {
				if (n->items[i]->type != RL_Y_SCALAR) {
					rl_diags_add(b->diags, RL_DIAG_ERROR, b->src->path, n->items[i]->line,
						     n->items[i]->col, "YAML: a key must be a plain value");
					goto fail;
				}
			}
		}
		return n;
	}
	default:
		error_at(b, ev->start_mark, "YAML: unexpected event");
		break;
	}
fail:
	rl_ynode_free(n);
	return NULL;
}

struct rl_ynode *rl_yaml_parse(const struct rl_source *src, size_t start, size_t end,
			       struct rl_diags *diags)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct rl_ynode *root = NULL;
	struct builder b = { src, rl_source_pos(src, start).line, 0, diags };
	int done = 0;

	if (!yaml_parser_initialize(&p)) {
		rl_diags_add(diags, RL_DIAG_ERROR, src->path, 0, 0, "YAML: cannot start the parser");
		return NULL;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)src->bytes + start, end - start);
	while (!done) {
		if (next_event(&p, &ev, &b))
			goto out;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_START_EVENT:
			break;
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			root = build(&p, &ev, &b, 0);
			if (!root) {
				yaml_event_delete(&ev);
				goto out;
			}
			/* only the first document matters: stop after its root */
			done = 1;
			break;
		}
		yaml_event_delete(&ev);
	}
	if (!root) {
		root = rl_xcalloc(1, sizeof *root);
		root->type = RL_Y_MAP;
		root->line = b.line0;
		root->col = 1;
		root->start = root->end = start;
	} else if (root->type == RL_Y_SCALAR && root->value_len == 0) {
		root->type = RL_Y_MAP; /* "---" alone: an empty document */
	}
out:
	yaml_parser_delete(&p);
	return root;
}

void rl_ynode_free(struct rl_ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		rl_ynode_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

const struct rl_ynode *rl_ymap_get(const struct rl_ynode *map, const char *key)
{
	if (!map || map->type != RL_Y_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->items[i]->value, key) == 0)
			return map->items[i + 1];
	return NULL;
}

int rl_yscalar_bool(const struct rl_ynode *n)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	if (!n || n->type != RL_Y_SCALAR)
		return -1;
	for (size_t i = 0; i < 3; i++) {
		if (strcasecmp(n->value, yes[i]) == 0)
			return 1;
		if (strcasecmp(n->value, no[i]) == 0)
			return 0;
	}
	return -1;
}

const char *rl_ynode_type_name(enum rl_ynode_type t)
{
	switch (t) {
	case RL_Y_SCALAR:
		return "a value";
	case RL_Y_MAP:
		return "a map";
	case RL_Y_SEQ:
		return "a list";
	}
	return "?";
}
