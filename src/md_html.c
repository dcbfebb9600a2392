/* A small tag stripper for HTML inside Markdown (not a browser: resumes use
 * <br>, <div align="center">, <span>, <img>, <p>, <b>, a few tables). */
#include "md_html.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "entities.h"
#include "utf8.h"

/* Tags after which text belongs to a new block. */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "br", "center", "dd", "details", "div", "dl", "dt",
	"figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
	"main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
	"thead", "tr", "ul", NULL,
};

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* The tag name at s[i] (after '<' and an optional '/'), into name. */
static size_t tag_name(const char *s, size_t i, size_t end, char *name, size_t cap)
{
	size_t n = 0;
	while (i + n < end && is_name_char(s[i + n]) && n + 1 < cap) {
		name[n] = (char)(s[i + n] | (s[i + n] >= 'A' && s[i + n] <= 'Z' ? 0x20 : 0));
		n++;
	}
	name[n] = '\0';
	return n;
}

static int is_block_tag(const char *name)
{
	for (size_t i = 0; block_tags[i]; i++)
		if (strcmp(block_tags[i], name) == 0)
			return 1;
	return 0;
}

/* Index past the '>' that closes the tag opened at s[i] == '<'. */
static size_t tag_end(const char *s, size_t i, size_t end)
{
	char quote = 0;
	for (size_t k = i + 1; k < end; k++) {
		if (quote) {
			if (s[k] == quote)
				quote = 0;
		} else if (s[k] == '"' || s[k] == '\'') {
			quote = s[k];
		} else if (s[k] == '>') {
			return k + 1;
		}
	}
	return end;
}

/* The value of attribute attr in the tag s[0, len), or NULL. */
static const char *attr_value(const char *s, size_t len, const char *attr, size_t *vlen)
{
	size_t an = strlen(attr);
	for (size_t k = 1; k + an < len; k++) {
		if (strncasecmp(s + k, attr, an) != 0 || is_name_char(s[k - 1]) || is_name_char(s[k + an]))
			continue;
		size_t v = k + an;
		while (v < len && s[v] == ' ')
			v++;
		if (v >= len || s[v] != '=')
			continue;
		v++;
		while (v < len && s[v] == ' ')
			v++;
		char q = v < len && (s[v] == '"' || s[v] == '\'') ? s[v++] : 0;
		size_t e = v;
		while (e < len && (q ? s[e] != q : (s[e] != ' ' && s[e] != '>' && s[e] != '/')))
			e++;
		*vlen = e - v;
		return s + v;
	}
	return NULL;
}

int rl_md_html_is_br(const char *s, size_t len)
{
	char name[8];
	if (len < 3 || s[0] != '<')
		return 0;
	tag_name(s, 1, len, name, sizeof name);
	return strcmp(name, "br") == 0;
}

int rl_md_html_image(struct rl_doc *doc, const char *s, size_t len, size_t src_off)
{
	char name[8];
	if (len < 4 || s[0] != '<')
		return 0;
	tag_name(s, 1, len, name, sizeof name);
	if (strcmp(name, "img") != 0)
		return 0;
	size_t srclen = 0, altlen = 0;
	const char *src = attr_value(s, len, "src", &srclen);
	const char *alt = attr_value(s, len, "alt", &altlen);
	rl_doc_add_image(doc, src_off, src_off + len, src, srclen, alt, altlen);
	return 1;
}

/* Text between tags: whitespace runs become one space, entities decoded. */
static void add_text(struct rl_doc *doc, const char *s, size_t a, size_t b, unsigned *open)
{
	size_t i = a;
	while (i < b) {
		size_t run = i;
		while (run < b && s[run] != '&' && s[run] != '\n' && s[run] != '\r' && s[run] != '\t')
			run++;
		if (run > i) {
			if (!*open) {
				size_t k = i;
				while (k < run && s[k] == ' ')
					k++;
				if (k == run) {
					i = run;
					continue;
				}
				rl_doc_begin_block(doc, RL_BLOCK_PARAGRAPH, 0, 0);
				*open = 1;
				i = k;
			}
			rl_doc_text(doc, s + i, run - i, i);
			i = run;
			continue;
		}
		if (s[i] != '&') {
			if (*open)
				rl_doc_synth(doc, " ", 1, i, 1);
			i++;
			continue;
		}
		size_t semi = i + 1;
		while (semi < b && semi - i < 34 && s[semi] != ';' && s[semi] != '&' && s[semi] != ' ')
			semi++;
		const struct rl_entity *e = semi < b && s[semi] == ';' ? rl_entity_find(s + i + 1, semi - i - 1) : NULL;
		if (!e) {
			if (!*open) {
				rl_doc_begin_block(doc, RL_BLOCK_PARAGRAPH, 0, 0);
				*open = 1;
			}
			rl_doc_text(doc, s + i, 1, i);
			i++;
			continue;
		}
		char out[8];
		size_t n = rl_utf8_encode(e->cp[0], out);
		if (e->cp[1])
			n += rl_utf8_encode(e->cp[1], out + n);
		if (!*open) {
			rl_doc_begin_block(doc, RL_BLOCK_PARAGRAPH, 0, 0);
			*open = 1;
		}
		rl_doc_synth(doc, out, n, i, semi + 1 - i);
		i = semi + 1;
	}
}

static void close_block(struct rl_doc *doc, unsigned *open)
{
	if (*open)
		rl_doc_end_block(doc);
	*open = 0;
}

void rl_md_html_block(struct rl_doc *doc, size_t start, size_t end)
{
	const char *s = doc->src->bytes;
	unsigned open = 0;
	size_t i = start, text = start;
	while (i < end) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		add_text(doc, s, text, i, &open);
		if (end - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			const char *close = memmem(s + i + 4, end - i - 4, "-->", 3);
			i = close ? (size_t)(close - s) + 3 : end;
			text = i;
			continue;
		}
		char name[16];
		int closing = i + 1 < end && s[i + 1] == '/';
		size_t n = tag_name(s, i + 1 + closing, end, name, sizeof name);
		if (!n) { /* "<" that starts no tag is text */
			text = i;
			i++;
			continue;
		}
		size_t e = tag_end(s, i, end);
		if (!closing && (strcmp(name, "style") == 0 || strcmp(name, "script") == 0)) {
			char closer[24];
			snprintf(closer, sizeof closer, "</%s", name);
			const char *c = memmem(s + e, end - e, closer, strlen(closer));
			e = c ? tag_end(s, (size_t)(c - s), end) : end;
		} else if (!closing && strcmp(name, "img") == 0) {
			rl_md_html_image(doc, s + i, e - i, i);
		} else if (is_block_tag(name)) {
			close_block(doc, &open);
			if (strcmp(name, "hr") == 0)
				rl_doc_add_empty_block(doc, RL_BLOCK_RULE, i);
			else if (!closing && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) {
				rl_doc_begin_block(doc, RL_BLOCK_HEADING, (unsigned)(name[1] - '0'), 0);
				open = 1;
			} else if (!closing && strcmp(name, "li") == 0) {
				rl_doc_begin_block(doc, RL_BLOCK_LIST_ITEM, 1, 0);
				open = 1;
			} else if (!closing && (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)) {
				rl_doc_begin_block(doc, RL_BLOCK_TABLE_CELL, 0, name[1] == 'h' ? RL_BF_TABLE_HEAD : 0);
				open = 1;
			}
		}
		i = text = e;
	}
	add_text(doc, s, text, end, &open);
	close_block(doc, &open);
}
