/* Pull events over libxml2's SAX2 push parser (see xml.h). */
#include "xml.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "word_limits.h"

#define RL_STR_(x) #x
#define RL_STR(x) RL_STR_(x)

/* Input handed to the parser at a time: events of one chunk are queued.
 * Small enough that the queue stays in cache and a reader that stops early
 * (the theme) leaves the rest unparsed. */
#define WD_XML_CHUNK (8u * 1024)

struct wd_attr {
	enum wd_ns ns;
	const char *name;  /* interned by the parser's dictionary */
	size_t value;      /* offset in strings */
};

struct wd_event {
	enum wd_node node;
	enum wd_ns ns;
	const char *name;
	int depth;
	size_t text, text_len; /* offset in strings */
	size_t attr, nattrs;
};

static const struct {
	const char *uri;
	enum wd_ns ns;
} namespaces[] = {
	{ "http://schemas.openxmlformats.org/wordprocessingml/2006/main", WD_NS_W },
	{ "http://purl.oclc.org/ooxml/wordprocessingml/main", WD_NS_W },
	{ "http://schemas.microsoft.com/office/word/2003/wordml", WD_NS_W },
	{ "http://schemas.openxmlformats.org/officeDocument/2006/relationships", WD_NS_R },
	{ "http://purl.oclc.org/ooxml/officeDocument/relationships", WD_NS_R },
	{ "http://schemas.openxmlformats.org/markup-compatibility/2006", WD_NS_MC },
	{ "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", WD_NS_WP },
	{ "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", WD_NS_WP },
	{ "http://schemas.openxmlformats.org/drawingml/2006/main", WD_NS_A },
	{ "http://schemas.openxmlformats.org/drawingml/2006/picture", WD_NS_PIC },
	{ "http://schemas.microsoft.com/office/word/2010/wordprocessingShape", WD_NS_WPS },
	{ "urn:schemas-microsoft-com:vml", WD_NS_V },
	{ "http://schemas.microsoft.com/office/2006/xmlPackage", WD_NS_PKG },
	{ "http://schemas.openxmlformats.org/package/2006/relationships", WD_NS_REL },
	{ "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", WD_NS_EP },
	{ "urn:schemas-microsoft-com:office:office", WD_NS_O },
	{ "http://schemas.microsoft.com/office/word/2003/auxHint", WD_NS_WX },
};

enum wd_ns wd_xml_ns_of(const xmlChar *uri)
{
	if (!uri)
		return WD_NS_OTHER;
	for (size_t i = 0; i < sizeof namespaces / sizeof *namespaces; i++)
		if (strcmp((const char *)uri, namespaces[i].uri) == 0)
			return namespaces[i].ns;
	return WD_NS_OTHER;
}

static enum wd_ns ns_cached(struct wd_xml *x, const xmlChar *uri)
{
	/* URIs are interned by the parser: the same pointer, the same answer */
	if (uri != x->last_uri) {
		x->last_uri = uri;
		x->last_ns = wd_xml_ns_of(uri);
	}
	return x->last_ns;
}

/* "WHAT in PART at LINE:COL[: DETAIL]" */
static void fail_at(struct wd_xml *x, int line, int col, const char *what, const char *detail)
{
	if (x->failed)
		return;
	x->failed = 1;
	rl_diags_add(x->diags, RL_DIAG_ERROR, x->path, 0, 0, "%s in %s at %d:%d%s%s", what, x->part, line, col,
		     detail ? ": " : "", detail ? detail : "");
	if (x->ctxt)
		xmlStopParser(x->ctxt);
}

static void fail_here(struct wd_xml *x, const char *what)
{
	fail_at(x, x->ctxt ? xmlSAX2GetLineNumber(x->ctxt) : 0, x->ctxt ? xmlSAX2GetColumnNumber(x->ctxt) : 0, what,
		NULL);
}

static struct wd_event *push_event(struct wd_xml *x, enum wd_node node)
{
	RL_GROW(x->ev, x->nev, x->cap_ev);
	struct wd_event *e = &x->ev[x->nev++];
	memset(e, 0, sizeof *e);
	e->node = node;
	return e;
}

static size_t add_string(struct wd_xml *x, const char *s, size_t n)
{
	size_t at = x->strings.len;
	rl_buf_add(&x->strings, s, n);
	rl_buf_addc(&x->strings, '\0');
	return at;
}

/* ---- SAX callbacks ---- */

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
		     int nb_namespaces, const xmlChar **ns_decls, int nb_attributes, int nb_defaulted,
		     const xmlChar **attributes)
{
	struct wd_xml *x = ctx;
	(void)prefix;
	(void)nb_namespaces;
	(void)ns_decls;
	(void)nb_defaulted;
	if (x->failed)
		return;
	if (x->open_depth >= WD_MAX_XML_DEPTH) {
		fail_here(x, "XML nested more than " RL_STR(WD_MAX_XML_DEPTH) " levels deep");
		return;
	}
	struct wd_event *e = push_event(x, WD_START);
	e->ns = ns_cached(x, uri);
	e->name = (const char *)localname;
	e->depth = x->open_depth++;
	e->attr = x->nattrs;
	e->nattrs = (size_t)(nb_attributes > 0 ? nb_attributes : 0);
	for (int i = 0; i < nb_attributes; i++) {
		const xmlChar **a = attributes + 5 * i; /* localname, prefix, URI, value, end */
		RL_GROW(x->attrs, x->nattrs, x->cap_attrs);
		struct wd_attr *at = &x->attrs[x->nattrs++];
		/* attribute URIs are interned too: most are the element's */
		if (!a[2]) {
			at->ns = WD_NS_OTHER;
		} else {
			if (a[2] != x->last_attr_uri) {
				x->last_attr_uri = a[2];
				x->last_attr_ns = a[2] == x->last_uri ? x->last_ns : wd_xml_ns_of(a[2]);
			}
			at->ns = x->last_attr_ns;
		}
		at->name = (const char *)a[0];
		at->value = add_string(x, (const char *)a[3], (size_t)(a[4] - a[3]));
	}
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	struct wd_xml *x = ctx;
	(void)prefix;
	if (x->failed)
		return;
	struct wd_event *e = push_event(x, WD_END);
	e->ns = ns_cached(x, uri);
	e->name = (const char *)localname;
	e->depth = --x->open_depth;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct wd_xml *x = ctx;
	if (x->failed || len <= 0)
		return;
	struct wd_event *last = x->nev > x->cur ? &x->ev[x->nev - 1] : NULL;
	if (last && last->node == WD_TEXT && last->text + last->text_len + 1 == x->strings.len) {
		/* the parser hands text over in pieces: join them */
		x->strings.len--;
		rl_buf_add(&x->strings, ch, (size_t)len);
		rl_buf_addc(&x->strings, '\0');
		last->text_len += (size_t)len;
		return;
	}
	struct wd_event *e = push_event(x, WD_TEXT);
	e->depth = x->open_depth;
	e->text = add_string(x, (const char *)ch, (size_t)len);
	e->text_len = (size_t)len;
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	fail_here(ctx, "a document type declaration (not allowed: it can define entities)");
}

static void on_reference(void *ctx, const xmlChar *name)
{
	(void)name;
	fail_here(ctx, "an entity reference (not allowed in a Word part)");
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
	/* only the five predefined entities exist in a Word part */
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static void on_error(void *ctx, xmlErrorPtr err)
{
	struct wd_xml *x = ctx;
	if (x->failed || !err || err->level < XML_ERR_ERROR)
		return;
	char msg[200];
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "error");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	fail_at(x, err->line, err->int2, "malformed XML", msg);
}

/* ---- the pull side ---- */

/* The SAX handlers, set once for the process: files are linted on several
 * threads at once. */
static xmlSAXHandler sax;
static pthread_once_t sax_once = PTHREAD_ONCE_INIT;

static void sax_init(void)
{
	xmlSAXVersion(&sax, 2);
	sax.startElement = NULL;
	sax.endElement = NULL;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_text;
	sax.internalSubset = on_internal_subset;
	sax.externalSubset = NULL;
	sax.reference = on_reference;
	sax.getEntity = on_get_entity;
	sax.entityDecl = NULL;
	sax.comment = NULL;
	sax.processingInstruction = NULL;
	sax.setDocumentLocator = NULL;
	sax.startDocument = NULL;
	sax.endDocument = NULL;
	sax.warning = NULL;
	sax.error = NULL;
	sax.fatalError = NULL;
	sax.serror = on_error;
}

int wd_xml_open(struct wd_xml *x, const char *data, size_t len, const char *path, const char *part,
		struct rl_diags *diags)
{
	memset(x, 0, sizeof *x);
	x->path = path;
	x->part = part;
	x->diags = diags;
	x->data = data;
	x->len = len;
	rl_buf_init(&x->strings);
	if (len > (size_t)0x7FFFFFFF) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s is too large", part);
		return -1;
	}
	pthread_once(&sax_once, sax_init);
	x->ctxt = xmlCreatePushParserCtxt(&sax, x, NULL, 0, NULL);
	if (!x->ctxt) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "cannot read %s as XML", part);
		return -1;
	}
	/* NONET: never fetch; no NOENT, DTDLOAD or HUGE */
	xmlCtxtUseOptions(x->ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
	return 0;
}

void wd_xml_close(struct wd_xml *x)
{
	if (x->ctxt) {
		if (x->ctxt->myDoc)
			xmlFreeDoc(x->ctxt->myDoc);
		xmlFreeParserCtxt(x->ctxt);
	}
	x->ctxt = NULL;
	free(x->ev);
	free(x->attrs);
	rl_buf_free(&x->strings);
	x->ev = NULL;
	x->attrs = NULL;
}

/* Parses more input until an event is queued past index `have`. 1 when one
 * is, 0 at the end of the part, -1 on error. */
static int fill(struct wd_xml *x, size_t have)
{
	while (x->nev <= have && !x->failed) {
		if (x->done)
			return 0;
		size_t n = x->len - x->pos < WD_XML_CHUNK ? x->len - x->pos : WD_XML_CHUNK;
		int terminate = x->pos + n >= x->len;
		int rc = xmlParseChunk(x->ctxt, x->data + x->pos, (int)n, terminate);
		x->pos += n;
		if (terminate)
			x->done = 1;
		if (rc != 0 && !x->failed)
			fail_here(x, "malformed XML");
	}
	return x->failed ? -1 : 1;
}

int wd_xml_next(struct wd_xml *x)
{
	if (x->failed)
		return -1;
	if (x->cur >= x->nev) {
		/* all delivered: start a new batch */
		x->nev = x->cur = 0;
		x->nattrs = 0;
		rl_buf_clear(&x->strings);
		int rc = fill(x, 0);
		if (rc <= 0) {
			if (rc == 0 && x->open_depth > 0)
				fail_here(x, "malformed XML (the part ends inside an element)");
			return x->failed ? -1 : 0;
		}
	}
	const struct wd_event *e = &x->ev[x->cur++];
	x->node = e->node;
	x->ns = e->ns;
	x->name = e->name ? e->name : "";
	x->depth = e->depth;
	x->empty = 0;
	x->cur_attr = e->attr;
	x->cur_nattrs = e->nattrs;
	if (e->node == WD_START) {
		/* an element whose end follows at once is empty: its end is not
		 * delivered, as a reader's <a/> */
		if (fill(x, x->cur) < 0)
			return -1;
		if (x->cur < x->nev && x->ev[x->cur].node == WD_END && x->ev[x->cur].depth == e->depth) {
			x->empty = 1;
			x->cur++;
		}
	}
	return 1;
}

int wd_xml_skip(struct wd_xml *x)
{
	if (x->node != WD_START || x->empty)
		return 1;
	int depth = x->depth;
	for (;;) {
		int rc = wd_xml_next(x);
		if (rc <= 0)
			return rc < 0 ? -1 : 1;
		if (x->node == WD_END && x->depth == depth)
			return 1;
	}
}

int wd_xml_is(const struct wd_xml *x, enum wd_ns ns, const char *name)
{
	return x->node == WD_START && x->ns == ns && strcmp(x->name, name) == 0;
}

static const char *find_attr(struct wd_xml *x, enum wd_ns ns, const char *name)
{
	if (x->node != WD_START)
		return NULL;
	for (size_t i = 0; i < x->cur_nattrs; i++) {
		const struct wd_attr *a = &x->attrs[x->cur_attr + i];
		if (a->ns == ns && strcmp(a->name, name) == 0)
			return x->strings.data + a->value;
	}
	return NULL;
}

char *wd_xml_attr(struct wd_xml *x, enum wd_ns ns, const char *name)
{
	const char *v = find_attr(x, ns, name);
	return v ? rl_xstrdup(v) : NULL;
}

double wd_xml_attr_num(struct wd_xml *x, enum wd_ns ns, const char *name, double def)
{
	const char *v = find_attr(x, ns, name);
	char *end;
	if (!v)
		return def;
	double d = strtod(v, &end);
	/* "5000%" in pct widths is Word's; other units are not */
	int ok = end != v && (*end == '\0' || *end == '%');
	return ok && d == d && d < 1e9 && d > -1e9 ? d : def;
}

int wd_xml_attr_onoff(struct wd_xml *x)
{
	const char *v = find_attr(x, WD_NS_W, "val");
	if (!v)
		return 1;
	return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0 || strcmp(v, "none") == 0);
}

const char *wd_xml_text(struct wd_xml *x)
{
	if (x->node != WD_TEXT || x->cur == 0)
		return "";
	return x->strings.data + x->ev[x->cur - 1].text;
}
