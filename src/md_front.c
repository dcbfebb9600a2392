/* YAML front matter: "---" on the first line, closed by "---" or "...". */
#include "md_front.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#include "buf.h"
#include "yaml_tree.h"

/* Length of the line at s[i..] including its line end. */
static size_t line_len(const char *s, size_t len, size_t i)
{
	size_t j = i;
	while (j < len && s[j] != '\n' && s[j] != '\r')
		j++;
	if (j < len && s[j] == '\r')
		j++;
	if (j < len && s[j] == '\n' && (j == i || s[j - 1] != '\n'))
		j++;
	return j - i;
}

/* 1 when the line s[i, i+n) is the fence (three chars, then spaces only). */
static int is_fence(const char *s, size_t i, size_t n, const char *fence)
{
	if (n < 3 || memcmp(s + i, fence, 3) != 0)
		return 0;
	for (size_t k = 3; k < n; k++)
		if (s[i + k] != ' ' && s[i + k] != '\t' && s[i + k] != '\n' && s[i + k] != '\r')
			return 0;
	return 1;
}

static void add_field(struct rl_doc *doc, const char *path, const struct rl_ynode *key,
		      const struct rl_ynode *val)
{
	rl_doc_add_meta(doc, path, val->value, val->start, val->end);
	rl_doc_begin_block(doc, RL_BLOCK_META, 0, 0);
	if (key) {
		rl_doc_text(doc, key->value, key->value_len, key->start);
		rl_doc_synth(doc, ": ", 2, key->end, 0);
	}
	/* a plain one-line scalar is its own source text; others map to
	 * where they start */
	const char *s = doc->src->bytes;
	if (val->plain && val->end - val->start == val->value_len &&
	    memcmp(s + val->start, val->value, val->value_len) == 0)
		rl_doc_text(doc, val->value, val->value_len, val->start);
	else if (!val->plain && val->end - val->start == val->value_len + 2 &&
		 memcmp(s + val->start + 1, val->value, val->value_len) == 0)
		rl_doc_text(doc, val->value, val->value_len, val->start + 1);
	else
		rl_doc_synth(doc, val->value, val->value_len, val->start, val->end - val->start);
	rl_doc_end_block(doc);
}

static void walk(struct rl_doc *doc, struct rl_buf *path, const struct rl_ynode *key,
		 const struct rl_ynode *n)
{
	size_t mark = path->len;
	switch (n->type) {
	case RL_Y_SCALAR:
		if (n->value_len)
			add_field(doc, path->data, key, n);
		break;
	case RL_Y_SEQ:
		for (size_t i = 0; i < n->n; i++) {
			rl_buf_addf(path, "[%zu]", i);
			walk(doc, path, key, n->items[i]);
			path->len = mark;
			path->data[mark] = '\0';
		}
		break;
	case RL_Y_MAP:
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			if (mark)
				rl_buf_addc(path, '.');
			rl_buf_adds(path, n->items[i]->value);
			walk(doc, path, n->items[i], n->items[i + 1]);
			path->len = mark;
			path->data[mark] = '\0';
		}
		break;
	}
}

size_t rl_md_front_matter(struct rl_doc *doc)
{
	const struct rl_source *src = doc->src;
	const char *s = src->bytes;
	size_t len = src->len, start = src->bom;
	size_t n = line_len(s, len, start);
	if (!is_fence(s, start, n, "---"))
		return start;
	size_t body = start + n, i = body;
	while (i < len) {
		size_t m = line_len(s, len, i);
		if (is_fence(s, i, m, "---") || is_fence(s, i, m, "...")) {
			struct rl_diags quiet;
			rl_diags_init(&quiet);
			struct rl_ynode *root = rl_yaml_parse(src, body, i, &quiet);
			size_t after = i + m;
			if (!root || root->type != RL_Y_MAP) {
				/* not metadata: a thematic break that Markdown reads */
				if (quiet.n) {
					const struct rl_diag *d = &quiet.v[0];
					rl_diags_add(&doc->diags, RL_DIAG_WARNING, src->path, d->line, d->col,
						     "front matter is not valid YAML, read as Markdown (%s)",
						     d->message);
				} else if (root && root->type == RL_Y_SEQ) {
					rl_diags_add(&doc->diags, RL_DIAG_WARNING, src->path, root->line, root->col,
						     "front matter is a YAML list, not a map of fields; read as Markdown");
				}
				rl_ynode_free(root);
				rl_diags_free(&quiet);
				return start;
			}
			struct rl_buf path;
			rl_buf_init(&path);
			walk(doc, &path, NULL, root);
			rl_buf_free(&path);
			rl_ynode_free(root);
			rl_diags_free(&quiet);
			return after;
		}
		i += m ? m : 1;
	}
	return start;
}

void rl_md_yaml_block(struct rl_doc *doc, size_t start, size_t end)
{
	const struct rl_source *src = doc->src;
	const char *s = src->bytes;
	size_t body = start + line_len(s, end, start), close = body;
	/* the closing fence is the last line of the region */
	for (size_t i = body; i < end;) {
		size_t m = line_len(s, end, i);
		if (is_fence(s, i, m, "---") || is_fence(s, i, m, "..."))
			close = i;
		i += m ? m : 1;
	}
	struct rl_diags quiet;
	rl_diags_init(&quiet);
	struct rl_ynode *root = rl_yaml_parse(src, body, close, &quiet);
	if (root && root->type == RL_Y_MAP) {
		struct rl_buf path;
		rl_buf_init(&path);
		walk(doc, &path, NULL, root);
		rl_buf_free(&path);
	}
	rl_ynode_free(root);
	rl_diags_free(&quiet);
}

void rl_md_title_block(struct rl_doc *doc, size_t start, size_t end)
{
	static const char *const keys[] = { "title", "author", "date" };
	const char *s = doc->src->bytes;
	size_t field = 0;
	for (size_t i = start; i < end && field < 3;) {
		size_t m = line_len(s, end, i), k = i;
		size_t e = i + m;
		while (e > i && (s[e - 1] == '\n' || s[e - 1] == '\r'))
			e--;
		if (s[k] == '%') {
			k++;
			while (k < e && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k < e) {
				char *value = rl_xstrndup(s + k, e - k);
				rl_doc_add_meta(doc, keys[field], value, k, e);
				free(value);
				rl_doc_begin_block(doc, RL_BLOCK_META, 0, 0);
				rl_doc_synth(doc, keys[field], strlen(keys[field]), i, 0);
				rl_doc_synth(doc, ": ", 2, i, 0);
				rl_doc_text(doc, s + k, e - k, k);
				rl_doc_end_block(doc);
			}
			field++;
		}
		i += m ? m : 1;
	}
}
