/* A small tag stripper for HTML inside Markdown (not a browser: resumes use
 * <br>, <div align="center">, <span>, <img>, <p>, <b>, a few tables). */
#include "md_html.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"

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

int rl_md_html_block_tag(const char *s, size_t len, unsigned *level)
{
	char name[16];
	*level = 0;
	if (len < 3 || s[0] != '<')
		return 0;
	int closing = s[1] == '/';
	if (!tag_name(s, 1 + (size_t)closing, len, name, sizeof name) || !is_block_tag(name) ||
	    strcmp(name, "br") == 0)
		return 0;
	if (!closing && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
		*level = (unsigned)(name[1] - '0');
	return 1;
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

int rl_md_html_link(struct rl_doc *doc, size_t off, size_t len)
{
	const char *s = doc->src->bytes + off;
	char name[8];
	if (len < 4 || s[0] != '<' || s[1] == '/')
		return 0;
	tag_name(s, 1, len, name, sizeof name);
	if (strcmp(name, "a") != 0)
		return 0;
	size_t hlen = 0;
	const char *href = attr_value(s, len, "href", &hlen);
	if (!href || !hlen)
		return 0;
	/* the text up to </a>, within a line's reach */
	size_t from = off + len, lim = doc->src->len - from < 4096 ? doc->src->len - from : 4096, to = from;
	const char *t = doc->src->bytes + from;
	for (size_t k = 0; k + 3 < lim; k++)
		if (t[k] == '<' && t[k + 1] == '/' && (t[k + 2] | 0x20) == 'a' && (t[k + 3] == '>' || t[k + 3] == ' ')) {
			to = from + k;
			break;
		}
	rl_doc_add_link(doc, to > from ? from : off, to > from ? to : off + len, href, hlen);
	return 1;
}

/* '<' that starts an autolink (<https://...>, <name@host>) rather than a tag. */
static int is_autolink(const char *s, size_t i, size_t end)
{
	int link = 0;
	if (i + 1 < end && s[i + 1] == '/')
		return 0;
	for (size_t k = i + 1; k < end && k < i + 300; k++) {
		if (s[k] == '>')
			return link;
		if (s[k] == ' ' || s[k] == '\n' || s[k] == '<' || s[k] == '"' || s[k] == '\'')
			return 0;
		if (s[k] == '@' || (s[k] == ':' && k + 2 < end && s[k + 1] == '/' && s[k + 2] == '/'))
			link = 1;
	}
	return 0;
}

/* Writes the Markdown that stands for tag `name` into out[0, n); eol: only
 * spaces follow it on its line. */
static void replace_tag(char *out, size_t n, const char *name, int closing, int eol)
{
	memset(out, ' ', n);
	if (strcmp(name, "br") == 0 && n >= 3) {
		/* a hard line break; at the end of a line its spaces make one
		 * (a line end of our own would leave a blank line: a new
		 * paragraph, where pandoc keeps one) */
		if (!eol)
			memcpy(out, "  \n", 3);
		return;
	}
	if (!is_block_tag(name) || n < 2)
		return;
	out[0] = out[1] = '\n';
	if (closing || n < 4)
		return;
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
		memcpy(out + 2, "# ", 2); /* the level is restored after parsing */
	else if (strcmp(name, "li") == 0)
		memcpy(out + 2, "- ", 2);
}

/* pandoc 2.17's block-level HTML (blockHtmlTags); "either" tags
 * (eitherBlockOrInline) are block-level only at the start of a line. */
static const char *const pandoc_block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "canvas", "caption", "center", "col",
	"colgroup", "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
	"form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
	"isindex", "li", "main", "menu", "meta", "nav", "noframes", "ol", "output", "p", "pre", "script",
	"section", "style", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr",
	"ul", NULL,
};
static const char *const pandoc_either_tags[] = {
	"applet", "area", "audio", "button", "del", "embed", "iframe", "ins", "map", "noscript", "object",
	"progress", "source", "svg", "video", NULL,
};

static int in_list(const char *const *list, const char *name)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

int rl_md_html_inline_only(const char *s, size_t a, size_t e, const char *masked)
{
	for (size_t k = 0; k < e - a; k++)
		if (masked[k] != ' ' && masked[k] != '\t' && masked[k] != '\n' && masked[k] != '\r')
			return 0;
	size_t k = a;
	while (k < e && (s[k] == ' ' || s[k] == '\t'))
		k++;
	int first = 1, either_block = 0;
	for (; k < e; k++) {
		if (s[k] != '<' || (e - k >= 4 && memcmp(s + k, "<!--", 4) == 0))
			continue;
		char name[16];
		int closing = k + 1 < e && s[k + 1] == '/';
		if (!tag_name(s, k + 1 + (size_t)closing, e, name, sizeof name))
			continue;
		int either = in_list(pandoc_either_tags, name);
		if (first && (k == 0 || s[k - 1] == '\n' || s[k - 1] == '\r') && either)
			either_block = 1; /* and its closing tag */
		int block = in_list(pandoc_block_tags, name) || (either && either_block);
		if (!block)
			return 1;
		first = 0;
		k = tag_end(s, k, e) - 1;
	}
	return 0;
}

char *rl_md_html_mask(struct rl_doc *doc, size_t start, size_t end)
{
	const char *s = doc->src->bytes;
	size_t n = end - start;
	char *out = rl_xmalloc(n + 1);
	memcpy(out, s + start, n);
	out[n] = '\0';
	for (size_t i = start; i < end;) {
		if (s[i] != '<' || is_autolink(s, i, end)) {
			i++;
			continue;
		}
		size_t e;
		if (end - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			const char *close = memmem(s + i + 4, end - i - 4, "-->", 3);
			e = close ? (size_t)(close - s) + 3 : end;
			for (size_t k = i; k < e; k++)
				if (out[k - start] != '\n' && out[k - start] != '\r')
					out[k - start] = ' ';
			i = e;
			continue;
		}
		char name[16];
		int closing = i + 1 < end && s[i + 1] == '/';
		if (!tag_name(s, i + 1 + closing, end, name, sizeof name)) {
			i++;
			continue;
		}
		e = tag_end(s, i, end);
		if (!closing && (strcmp(name, "style") == 0 || strcmp(name, "script") == 0)) {
			char closer[24];
			snprintf(closer, sizeof closer, "</%s", name);
			const char *c = memmem(s + e, end - e, closer, strlen(closer));
			e = c ? tag_end(s, (size_t)(c - s), end) : end;
			for (size_t k = i; k < e; k++)
				if (out[k - start] != '\n' && out[k - start] != '\r')
					out[k - start] = ' ';
			i = e;
			continue;
		}
		if (!closing && strcmp(name, "img") == 0)
			rl_md_html_image(doc, s + i, e - i, i);
		else if (!closing && strcmp(name, "a") == 0)
			rl_md_html_link(doc, i, e - i);
		size_t k = e;
		while (k < end && (s[k] == ' ' || s[k] == '\t'))
			k++;
		replace_tag(out + (i - start), e - i, name, closing, k == end || s[k] == '\n' || s[k] == '\r');
		i = e;
	}
	return out;
}

unsigned rl_md_html_heading_level(const struct rl_doc *doc, size_t off)
{
	const char *s = doc->src->bytes;
	size_t k = off;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	if (k >= 4 && s[k - 1] == '>' && s[k - 4] == '<' && (s[k - 3] | 0x20) == 'h' && s[k - 2] >= '1' &&
	    s[k - 2] <= '6')
		return (unsigned)(s[k - 2] - '0');
	return 0;
}
