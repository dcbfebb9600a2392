/* YAML tree built from libyaml's event stream. */
#include "yaml_tree.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "alloc.h"
#include "utf8.h"

struct builder {
	const struct rl_source *src;
	unsigned line0;  /* line of the slice's first byte */
	size_t nodes;
	struct rl_diags *diags;
	/* libyaml's mark index counts characters from the slice start (past a
	 * BOM); marks arrive nearly in order, so a cursor walks to each one */
	size_t cur_char, cur_byte, slice_end;
	/* the last position computed, so that columns along a long line are
	 * counted once, not again from the line start for every node */
	size_t pos_off;
	struct rl_pos pos; /* line 0: none yet */
	size_t slice_start;
};

static size_t byte_at(struct builder *b, size_t char_index)
{
	const char *s = b->src->bytes;
	while (b->cur_char < char_index && b->cur_byte < b->slice_end) {
		/* a run of ASCII steps one byte a character without a call: the
		 * walk covers every byte of every rule file at start-up */
		size_t want = char_index - b->cur_char, room = b->slice_end - b->cur_byte;
		size_t k = 0, most = want < room ? want : room;
		while (k < most && (unsigned char)s[b->cur_byte + k] < 0x80)
			k++;
		b->cur_byte += k;
		b->cur_char += k;
		if (k == most)
			continue;
		b->cur_byte += rl_utf8_seqlen((unsigned char)s[b->cur_byte]);
		b->cur_char++;
	}
	while (b->cur_char > char_index && b->cur_byte > 0) {
		do
			b->cur_byte--;
		while (b->cur_byte > 0 && ((unsigned char)s[b->cur_byte] & 0xC0) == 0x80);
		b->cur_char--;
	}
	return b->cur_byte < b->slice_end ? b->cur_byte : b->slice_end;
}

/* rl_source_pos(b->src, off), continued from the last position when off is
 * further along the same line. */
static struct rl_pos pos_at(struct builder *b, size_t off)
{
	const struct rl_source *src = b->src;
	if (b->pos.line && off >= b->pos_off && (b->pos.line > 1 || b->pos_off >= src->bom) &&
	    (b->pos.line >= src->nlines || off < src->lines[b->pos.line]))
		b->pos.col += (unsigned)rl_utf8_count(src->bytes + b->pos_off, off - b->pos_off);
	else
		b->pos = rl_source_pos(src, off);
	b->pos_off = off;
	return b->pos;
}

static void set_pos(struct builder *b, struct rl_ynode *n, yaml_mark_t start, yaml_mark_t end)
{
	n->start = byte_at(b, start.index);
	n->end = byte_at(b, end.index);
	/* not libyaml's line: it also breaks at U+0085, U+2028 and U+2029 */
	struct rl_pos pos = pos_at(b, n->start);
	n->line = pos.line;
	n->col = pos.col;
	if (n->end < n->start)
		n->end = n->start;
}

static void error_at(struct builder *b, yaml_mark_t m, const char *msg)
{
	struct rl_pos pos = pos_at(b, byte_at(b, m.index));
	rl_diags_add(b->diags, RL_DIAG_ERROR, b->src->path, pos.line, pos.col, "%s", msg);
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
	if (p->error == YAML_READER_ERROR) {
		/* the reader sets no mark, only the byte offset in its input */
		size_t off = b->slice_start + p->problem_offset;
		struct rl_pos pos = pos_at(b, off < b->slice_end ? off : b->slice_end);
		rl_diags_add(b->diags, RL_DIAG_ERROR, b->src->path, pos.line, pos.col, "%s", msg);
		return -1;
	}
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
	const yaml_char_t *anchor = ev->type == YAML_SCALAR_EVENT ? ev->data.scalar.anchor
				    : ev->type == YAML_MAPPING_START_EVENT ? ev->data.mapping_start.anchor
				    : ev->type == YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.anchor
				    : NULL;
	if (anchor) {
		error_at(b, ev->start_mark, "YAML: anchors are not supported");
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
				n->end = byte_at(b, child.end_mark.index);
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
	struct builder b = { src, rl_source_pos(src, start).line, 0, diags, 0, start, end, 0, { 0, 0 }, start };
	if (end - start >= 3 && memcmp(src->bytes + start, "\xEF\xBB\xBF", 3) == 0)
		b.cur_byte += 3;
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
	} else if (root->type == RL_Y_SCALAR && root->value_len == 0 && root->plain) {
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
	if (n->arena) {
		free(n);
		return;
	}
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
