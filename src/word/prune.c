/* Cutting unread elements out of a part on its bytes (see prune.h). */
#include "prune.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "utf8.h"

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

/* Whether the encoding declaration's value, after "encoding" up to the
 * declaration's end, is UTF-8 (the checks below read UTF-8). */
static int declares_utf8(const char *p, const char *end)
{
	while (p < end && is_space(*p))
		p++;
	if (p >= end || *p++ != '=')
		return 0;
	while (p < end && is_space(*p))
		p++;
	if (end - p < 7 || (*p != '"' && *p != '\''))
		return 0;
	return strncasecmp(p + 1, "utf-8", 5) == 0 && p[6] == *p;
}

/* Where the elements start: past a byte order mark and the XML declaration.
 * NULL when there is no end to the declaration. */
static const char *elements_start(const char *p, const char *end)
{
	if (end - p < 2 || p[0] == '\0' || p[1] == '\0' || (unsigned char)p[0] >= 0xFE)
		return NULL; /* UTF-16 or UCS-4: not bytes this scan can read */
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && is_space(*p))
		p++;
	if (end - p >= 6 && memcmp(p, "<?xml", 5) == 0 && is_space(p[5])) {
		const char *q = memmem(p, (size_t)(end - p), "?>", 2);
		if (!q)
			return NULL;
		const char *enc = memmem(p, (size_t)(q - p), "encoding", 8);
		if (enc && !declares_utf8(enc + 8, q))
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

/* ---- what libxml2 would reject inside an element about to be cut ----
 * Cutting an element must not hide an error in it: the part would be read
 * where Word refuses it. So an element is cut only when its bytes pass the
 * checks below, which are stricter than XML (ASCII names, prefixes the
 * root element declares, no two attributes of one local name under two
 * prefixes); on any doubt it is kept, and libxml2 reads it. */

/* A root element declares some 40 namespaces; an element to cut has a few
 * attributes. More is a part these checks leave to libxml2. */
#define MAX_ATTRS 128
#define MAX_DEPTH 64
/* A longer start tag is left to libxml2, whose bounds (without
 * XML_PARSE_HUGE) refuse some well-formed ones: a name past 50,000 bytes,
 * an attribute value past 10,000,000, a tag past 10,000,000 ("Huge input
 * lookup"). */
#define MAX_TAG_BYTES 32768

struct span {
	const char *p;
	size_t n;
};

struct attr {
	struct span prefix, local, value;
};

struct tag {
	struct span prefix, local;
	struct attr attrs[MAX_ATTRS];
	size_t nattrs;
	int empty; /* ends with "/>" */
};

/* The prefixes the root element declares: in scope all through the part. */
struct prefixes {
	struct span v[MAX_ATTRS];
	size_t n, last; /* last: the one found last (nearly every name is w:) */
};

static int same(struct span a, struct span b)
{
	return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

static int is_prefix(struct span s, const char *name)
{
	return s.n == strlen(name) && memcmp(s.p, name, s.n) == 0;
}

/* Whether p..end is UTF-8 holding only characters XML allows. */
static int xml_chars(const unsigned char *p, const unsigned char *end)
{
	while (p < end) {
		uint64_t w;
		/* eight printable ASCII bytes at a time: no byte under 0x20 (the
		 * subtraction borrows into its top bit) nor over 0x7F */
		while (end - p >= 8 && (memcpy(&w, p, 8), ((w - 0x2020202020202020u) | w) & 0x8080808080808080u) == 0)
			p += 8;
		if (p == end)
			break;
		if (*p >= 0x20 && *p < 0x80) {
			p++;
			continue;
		}
		if (*p < 0x80) {
			if (*p != '\t' && *p != '\n' && *p != '\r')
				return 0;
			p++;
			continue;
		}
		uint32_t cp;
		int valid;
		p += rl_utf8_decode((const char *)p, (size_t)(end - p), &cp, &valid);
		if (!valid || cp == 0xFFFE || cp == 0xFFFF)
			return 0;
	}
	return 1;
}

static int digit_value(char c, int hex)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (hex && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (hex && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Just past the reference at p ('&'): one of the five predefined entities
 * or a character reference to a character XML allows. NULL for anything
 * else (an entity these parts, having no document type, cannot define). */
static const char *reference_end(const char *p, const char *end)
{
	static const char *const predefined[] = { "amp;", "lt;", "gt;", "quot;", "apos;" };
	p++;
	if (p < end && *p == '#') {
		int hex = ++p < end && *p == 'x';
		const char *digits = p += hex;
		unsigned long cp = 0;
		int d;
		while (p < end && p - digits < 8 && (d = digit_value(*p, hex)) >= 0) {
			cp = cp * (hex ? 16 : 10) + (unsigned long)d;
			p++;
		}
		if (p == digits || p >= end || *p != ';')
			return NULL;
		int allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
			      (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
		return allowed ? p + 1 : NULL;
	}
	for (size_t i = 0; i < sizeof predefined / sizeof *predefined; i++) {
		size_t n = strlen(predefined[i]);
		if ((size_t)(end - p) >= n && memcmp(p, predefined[i], n) == 0)
			return p + n;
	}
	return NULL;
}

/* Whether text (in_text) or an attribute value, p..end, holds only
 * references reference_end takes, and no "]]>" (text) or '<' (a value). */
static int content_ok(const char *p, const char *end, int in_text)
{
	for (;;) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *upto = amp ? amp : end;
		if (in_text ? memmem(p, (size_t)(upto - p), "]]>", 3) != NULL : memchr(p, '<', (size_t)(upto - p)) != NULL)
			return 0;
		if (!amp)
			return 1;
		if (!(p = reference_end(amp, end)))
			return 0;
	}
}

/* ASCII name characters (others are left to libxml2): 1 may start a
 * name (A-Z, a-z, _), 2 may go on one (those, 0-9, '.', '-'). A table: the
 * checks read some 10,000 names in a styles part. */
static const unsigned char NAME_CLASS[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
};

static int name_start(char c)
{
	return NAME_CLASS[(unsigned char)c] & 1;
}

static int name_char(char c)
{
	return NAME_CLASS[(unsigned char)c] & 2;
}

/* The qualified name at p, ASCII only, into prefix (empty when none) and
 * local: its end, or NULL. */
static const char *scan_qname(const char *p, const char *end, struct span *prefix, struct span *local)
{
	const char *start = p;
	if (p >= end || !name_start(*p))
		return NULL;
	while (p < end && name_char(*p))
		p++;
	*prefix = (struct span){ start, 0 };
	if (p < end && *p == ':') {
		*prefix = (struct span){ start, (size_t)(p - start) };
		start = ++p;
		if (p >= end || !name_start(*p))
			return NULL;
		while (p < end && name_char(*p))
			p++;
	}
	*local = (struct span){ start, (size_t)(p - start) };
	if (p < end && (*p == ':' || (unsigned char)*p >= 0x80))
		return NULL;
	return p;
}

/* The qualified name from prefix through local, as written. */
static struct span qname(struct span prefix, struct span local)
{
	return (struct span){ prefix.p, (size_t)(local.p + local.n - prefix.p) };
}

/* The start tag at p ('<') into t: just past its end, or NULL when it is
 * not one these checks are sure of. */
static const char *scan_tag(const char *p, const char *end, struct tag *t)
{
	if ((size_t)(end - p) > MAX_TAG_BYTES)
		end = p + MAX_TAG_BYTES;
	p = scan_qname(p + 1, end, &t->prefix, &t->local);
	t->nattrs = 0;
	while (p) {
		const char *space = p;
		while (p < end && is_space(*p))
			p++;
		if (p >= end)
			return NULL;
		if (*p == '>' || *p == '/') {
			t->empty = *p == '/';
			if (t->empty && (++p >= end || *p != '>'))
				return NULL;
			return p + 1;
		}
		if (p == space || t->nattrs == MAX_ATTRS)
			return NULL;
		struct attr *a = &t->attrs[t->nattrs++];
		if (!(p = scan_qname(p, end, &a->prefix, &a->local)))
			return NULL;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p++ != '=')
			return NULL;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || (*p != '"' && *p != '\''))
			return NULL;
		/* values are short: one pass for the quote and '<' or '&' */
		const char *v = p + 1, *v_end = v;
		int refs = 0;
		while (v_end < end && *v_end != *p && *v_end != '<') {
			refs |= *v_end == '&';
			v_end++;
		}
		if (v_end == end || *v_end == '<' || (refs && !content_ok(v, v_end, 0)))
			return NULL;
		a->value = (struct span){ v, (size_t)(v_end - v) };
		p = v_end + 1;
	}
	return NULL;
}

static int declared(struct prefixes *ns, struct span prefix)
{
	if (ns->n && same(ns->v[ns->last], prefix))
		return 1;
	for (size_t i = 0; i < ns->n; i++)
		if (same(ns->v[i], prefix)) {
			ns->last = i;
			return 1;
		}
	return 0;
}

/* Whether the names in start tag t are bound, declare nothing and name no
 * attribute twice. */
static int names_ok(const struct tag *t, struct prefixes *ns)
{
	if (t->prefix.n && (is_prefix(t->prefix, "xml") || !declared(ns, t->prefix)))
		return 0;
	for (size_t i = 0; i < t->nattrs; i++) {
		const struct attr *a = &t->attrs[i];
		if (is_prefix(a->prefix, "xmlns") || (!a->prefix.n && is_prefix(a->local, "xmlns")))
			return 0;
		if (a->prefix.n && !is_prefix(a->prefix, "xml") && !declared(ns, a->prefix))
			return 0;
		for (size_t j = 0; j < i; j++)
			if (same(t->attrs[j].local, a->local) && (t->attrs[j].prefix.n || !a->prefix.n))
				return 0; /* the same, or maybe the same through two prefixes */
	}
	return 1;
}

/* Whether the element from p (its start tag) to stop (past its end) is
 * well-formed by these checks. */
static int well_formed(const char *p, const char *stop, struct prefixes *ns)
{
	struct span open[MAX_DEPTH];
	size_t depth = 0;
	struct tag t;
	if (!xml_chars((const unsigned char *)p, (const unsigned char *)stop))
		return 0;
	while (p < stop) {
		if (*p != '<') {
			const char *lt = memchr(p, '<', (size_t)(stop - p));
			if (!lt || !content_ok(p, lt, 1))
				return 0;
			p = lt;
		} else if (p + 1 < stop && p[1] == '/') {
			struct span prefix, local;
			const char *q = scan_qname(p + 2, stop, &prefix, &local);
			if (!q || depth == 0 || !same(open[--depth], qname(prefix, local)))
				return 0;
			while (q < stop && is_space(*q))
				q++;
			if (q >= stop || *q != '>')
				return 0;
			p = q + 1;
		} else {
			if (!(p = scan_tag(p, stop, &t)) || !names_ok(&t, ns))
				return 0;
			if (!t.empty) {
				if (depth == MAX_DEPTH)
					return 0;
				open[depth++] = qname(t.prefix, t.local);
			}
		}
		if (depth == 0)
			return p == stop;
	}
	return 0;
}

/* Whether the text from p to end is characters and references XML takes,
 * each whole. */
static int text_ok(const char *p, const char *end)
{
	return xml_chars((const unsigned char *)p, (const unsigned char *)end) && content_ok(p, end, 1);
}

/* The root element, whose start tag is at p: the prefixes it declares into
 * ns, and where its end tag starts, which must end the part (after
 * nothing but white space). NULL when its tag is not one scan_tag reads,
 * it is empty, or the part does not end with its end tag. */
static const char *read_root(const char *p, const char *end, struct prefixes *ns)
{
	struct tag t;
	ns->n = ns->last = 0;
	if (!scan_tag(p, end, &t) || t.empty)
		return NULL;
	for (size_t i = 0; i < t.nattrs; i++)
		if (is_prefix(t.attrs[i].prefix, "xmlns") && t.attrs[i].value.n)
			ns->v[ns->n++] = t.attrs[i].local; /* an empty one is an error libxml2 reports */
	struct span name = qname(t.prefix, t.local);
	while (end > p && is_space(end[-1]))
		end--;
	if (end - p < (ptrdiff_t)name.n + 3 || end[-1] != '>')
		return NULL;
	const char *q = end - 1;
	while (q > p && is_space(q[-1]))
		q--;
	q -= name.n;
	if (q - p < 2 || memcmp(q, name.p, name.n) != 0 || q[-1] != '/' || q[-2] != '<')
		return NULL;
	return q - 2;
}

/* Whether the '<' at p is content: the markup before it (from the root's
 * start tag on) ends before it, with whole text between. Not so when p is
 * in a tag, as in <w:p w:a<w:color/>="1">, where cutting would mend it. */
static int at_content(const char *root, const char *p)
{
	const char *lt = memrchr(root, '<', (size_t)(p - root)), *gt;
	if (!lt)
		return 0;
	if (lt[1] == '/')
		gt = memchr(lt, '>', (size_t)(p - lt));
	else
		gt = tag_end(lt + 1, p);
	return gt && text_ok(gt + 1, p) && p[-1] != ']'; /* "]]" + "<x/>" + ">" would make "]]>" */
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

static int prune(const char *data, size_t len, const char *const *names, wd_prune_keep_fn keep, void *ctx,
		 int check, char **out, size_t *out_len)
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
	/* An element is cut only where it is content in the root element: not
	 * in a tag, before the root or after it, where cutting it could mend
	 * the part. Whatever follows the root's end is kept, so an element
	 * after it leaves the copy as malformed as the part. */
	struct prefixes ns;
	const char *root = p, *root_end;
	if (!p || !(root = memchr(p, '<', (size_t)(end - p))) || starts_other_markup(root, end) ||
	    !(root_end = read_root(root, end, &ns)))
		return 0;
	p = root + 1;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
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
		/* kept, for libxml2 to report, when it is malformed or not
		 * content (what it holds may still be cut) */
		if (check && (stop > root_end || !at_content(root, p) || !well_formed(p, stop, &ns))) {
			p = gt + 1;
			continue;
		}
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

int wd_prune(const char *data, size_t len, const char *const *names, wd_prune_keep_fn keep, void *ctx, char **out,
	     size_t *out_len)
{
	return prune(data, len, names, keep, ctx, 1, out, out_len);
}

int wd_prune_unchecked(const char *data, size_t len, const char *const *names, char **out, size_t *out_len)
{
	return prune(data, len, names, NULL, NULL, 0, out, out_len);
}

int wd_prune_tag_int(const char *tag, size_t tag_len, const char *local, long *value)
{
	struct tag t;
	const struct attr *found = NULL;
	const char *end = tag + tag_len;
	size_t want = strlen(local);
	if (scan_tag(tag, end, &t) != end || !t.prefix.n)
		return 0;
	for (size_t i = 0; i < t.nattrs; i++) {
		if (t.attrs[i].local.n != want || memcmp(t.attrs[i].local.p, local, want) != 0)
			continue;
		if (found)
			return 0;
		found = &t.attrs[i];
	}
	if (!found || !same(found->prefix, t.prefix))
		return 0;
	const char *v = found->value.p;
	size_t n = found->value.n, i = n && *v == '-';
	if (n == i || n - i > 9)
		return 0;
	long l = 0;
	for (; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return 0;
		l = l * 10 + (v[i] - '0');
	}
	*value = *v == '-' ? -l : l;
	return 1;
}
