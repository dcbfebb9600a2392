/* Cutting unread elements out of a part on its bytes (see prune.h). */
#include "prune.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int ends_name(char c)
{
	return is_space(c) || c == '/' || c == '>';
}

/* A '<' at p that may not start a tag: a comment, CDATA section, document
 * type or processing instruction, inside which markup can be text. */
static int starts_other_markup(const char *p, const char *end)
{
	return p + 1 < end && (p[1] == '!' || p[1] == '?');
}

/* Where the elements start: past a byte order mark and the XML declaration.
 * NULL when there is no end to the declaration. */
static const char *elements_start(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && is_space(*p))
		p++;
	if (end - p >= 6 && memcmp(p, "<?xml", 5) == 0 && is_space(p[5])) {
		const char *q = memmem(p, (size_t)(end - p), "?>", 2);
		if (!q)
			return NULL;
		p = q + 2;
	}
	return p;
}

/* The '>' that ends the start tag whose name ends at p (quoted attribute
 * values may hold '>'), or NULL. */
static const char *tag_end(const char *p, const char *end)
{
	while (p < end) {
		if (*p == '"' || *p == '\'') {
			const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
			if (!q)
				return NULL;
			p = q + 1;
		} else if (*p == '>') {
			return p;
		} else if (*p == '<') {
			return NULL;
		} else {
			p++;
		}
	}
	return NULL;
}

/* The end of the element named qname whose start tag ends before p: just
 * past its end tag. NULL when it does not close, or holds an element of the
 * same name (never in Word's parts: not cut). */
static const char *element_end(const char *p, const char *end, const char *qname, size_t qlen)
{
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) < qlen + 2 || starts_other_markup(p, end))
			return NULL;
		if (p[1] == '/' && memcmp(p + 2, qname, qlen) == 0) {
			const char *q = p + 2 + qlen;
			while (q < end && is_space(*q))
				q++;
			if (q < end && *q == '>')
				return q + 1;
		} else if (memcmp(p + 1, qname, qlen) == 0 && p + 1 + qlen < end && ends_name(p[1 + qlen])) {
			return NULL;
		}
		p++;
	}
	return NULL;
}

/* The names to cut, with their lengths measured once: a part has thousands
 * of tags to compare. */
#define MAX_NAMES 32

struct names {
	const char *const *v;
	size_t len[MAX_NAMES];
	size_t n;
};

/* The entry of names that is local[0..n), or NULL. */
static const char *named(const struct names *names, const char *local, size_t n)
{
	for (size_t i = 0; i < names->n; i++)
		if (names->len[i] == n && names->v[i][0] == local[0] && memcmp(names->v[i], local, n) == 0)
			return names->v[i];
	return NULL;
}

int wd_prune(const char *data, size_t len, const char *const *names, wd_prune_keep_fn keep, void *ctx, char **out,
	     size_t *out_len)
{
	const char *end = data + len, *copied = data;
	const char *p = elements_start(data, end);
	struct rl_buf b = { 0 };
	struct names cut_names = { names, { 0 }, 0 };
	int cut = 0;
	*out = NULL;
	*out_len = 0;
	while (names[cut_names.n] && cut_names.n < MAX_NAMES) {
		cut_names.len[cut_names.n] = strlen(names[cut_names.n]);
		cut_names.n++;
	}
	while (p && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *name = p + 1, *q = name;
		if (starts_other_markup(p, end))
			goto keep_all;
		if (q < end && *q == '/') {
			p = q;
			continue;
		}
		while (q < end && !ends_name(*q))
			q++;
		const char *colon = memchr(name, ':', (size_t)(q - name));
		const char *local = colon ? colon + 1 : name;
		const char *entry = q > local ? named(&cut_names, local, (size_t)(q - local)) : NULL;
		if (!entry) {
			p = q;
			continue;
		}
		const char *gt = tag_end(q, end), *stop;
		if (!gt)
			goto keep_all;
		if (keep && keep(ctx, entry, p, (size_t)(gt + 1 - p))) {
			p = gt + 1;
			continue;
		}
		if (gt[-1] == '/')
			stop = gt + 1;
		else if (!(stop = element_end(gt + 1, end, name, (size_t)(q - name))))
			goto keep_all;
		if (!cut)
			rl_buf_init(&b);
		rl_buf_add(&b, copied, (size_t)(p - copied));
		copied = p = stop;
		cut = 1;
	}
	if (!cut)
		return 0;
	rl_buf_add(&b, copied, (size_t)(end - copied));
	*out = rl_buf_detach(&b, out_len);
	return 1;
keep_all:
	if (cut)
		rl_buf_free(&b);
	return 0;
}

int wd_prune_tag_int(const char *tag, size_t tag_len, const char *local, long *value)
{
	const char *end = tag + tag_len, *p = tag + 1;
	size_t want = strlen(local);
	while (p < end && !ends_name(*p))
		p++;
	for (;;) {
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p == '/' || *p == '>')
			return 0;
		const char *name = p;
		while (p < end && *p != '=' && !is_space(*p))
			p++;
		const char *name_end = p;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p != '=')
			return 0;
		p++;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || (*p != '"' && *p != '\''))
			return 0;
		const char *v = p + 1, *v_end = memchr(v, *p, (size_t)(end - v));
		if (!v_end)
			return 0;
		p = v_end + 1;
		const char *colon = memchr(name, ':', (size_t)(name_end - name));
		const char *lname = colon ? colon + 1 : name;
		if ((size_t)(name_end - lname) != want || memcmp(lname, local, want) != 0)
			continue;
		char num[24];
		size_t n = (size_t)(v_end - v);
		if (n == 0 || n >= sizeof num)
			return 0;
		memcpy(num, v, n);
		num[n] = '\0';
		char *stop;
		long l = strtol(num, &stop, 10);
		if (*stop != '\0')
			return 0;
		*value = l;
		return 1;
	}
}
