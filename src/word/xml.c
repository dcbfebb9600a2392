/* Safe streaming XML for Word parts. */
#include "xml.h"

#include <stdlib.h>
#include <string.h>

#include "limits.h"

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

static enum wd_ns ns_of(const xmlChar *uri)
{
	if (!uri)
		return WD_NS_OTHER;
	for (size_t i = 0; i < sizeof namespaces / sizeof *namespaces; i++)
		if (strcmp((const char *)uri, namespaces[i].uri) == 0)
			return namespaces[i].ns;
	return WD_NS_OTHER;
}

static const char *uri_of(enum wd_ns ns, size_t skip)
{
	for (size_t i = 0; i < sizeof namespaces / sizeof *namespaces; i++)
		if (namespaces[i].ns == ns && skip-- == 0)
			return namespaces[i].uri;
	return NULL;
}

static void on_error(void *arg, xmlErrorPtr err)
{
	struct wd_xml *x = arg;
	if (x->failed || !err || err->level < XML_ERR_ERROR)
		return;
	x->failed = 1;
	char msg[200];
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "error");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	rl_diags_add(x->diags, RL_DIAG_ERROR, x->path, 0, 0, "malformed XML in %s at %d:%d: %s", x->part,
		     err->line, err->int2, msg);
}

int wd_xml_open(struct wd_xml *x, const char *data, size_t len, const char *path, const char *part,
		struct rl_diags *diags)
{
	memset(x, 0, sizeof *x);
	x->path = path;
	x->part = part;
	x->diags = diags;
	if (len > (size_t)0x7FFFFFFF) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s is too large", part);
		return -1;
	}
	/* NONET: never fetch; no NOENT, DTDLOAD or HUGE: entities are not
	 * substituted, no external subset is read, libxml2's limits hold */
	x->r = xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
	if (!x->r) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "cannot read %s as XML", part);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
	return 0;
}

void wd_xml_close(struct wd_xml *x)
{
	if (x->r)
		xmlFreeTextReader(x->r);
	x->r = NULL;
}

static int fail(struct wd_xml *x, const char *what)
{
	if (!x->failed) {
		x->failed = 1;
		rl_diags_add(x->diags, RL_DIAG_ERROR, x->path, 0, 0, "%s in %s at %d:%d", what, x->part,
			     xmlTextReaderGetParserLineNumber(x->r), xmlTextReaderGetParserColumnNumber(x->r));
	}
	return -1;
}

int wd_xml_next(struct wd_xml *x)
{
	for (;;) {
		int rc = xmlTextReaderRead(x->r);
		if (rc < 0 || x->failed)
			return x->failed ? -1 : fail(x, "malformed XML");
		if (rc == 0)
			return 0;
		int type = xmlTextReaderNodeType(x->r);
		x->depth = xmlTextReaderDepth(x->r);
		if (x->depth > WD_MAX_XML_DEPTH)
			return fail(x, "XML nested too deeply");
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			x->node = WD_START;
			x->empty = xmlTextReaderIsEmptyElement(x->r);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			x->node = WD_END;
			x->empty = 0;
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_CDATA:
			x->node = WD_TEXT;
			return 1;
		case XML_READER_TYPE_DOCUMENT_TYPE:
			return fail(x, "a document type declaration (not allowed: it can define entities)");
		case XML_READER_TYPE_ENTITY_REFERENCE:
			return fail(x, "an entity reference (not allowed in a Word part)");
		default:
			continue;
		}
		x->ns = ns_of(xmlTextReaderConstNamespaceUri(x->r));
		x->name = (const char *)xmlTextReaderConstLocalName(x->r);
		if (!x->name)
			x->name = "";
		return 1;
	}
}

int wd_xml_skip(struct wd_xml *x)
{
	if (x->node != WD_START || x->empty)
		return 1;
	int depth = x->depth;
	for (;;) {
		int rc = wd_xml_next(x);
		if (rc <= 0)
			return rc;
		if (x->node == WD_END && x->depth == depth)
			return 1;
	}
}

int wd_xml_is(const struct wd_xml *x, enum wd_ns ns, const char *name)
{
	return x->node == WD_START && x->ns == ns && strcmp(x->name, name) == 0;
}

char *wd_xml_attr(struct wd_xml *x, enum wd_ns ns, const char *name)
{
	for (size_t k = 0;; k++) {
		const char *uri = uri_of(ns, k);
		if (!uri)
			break;
		xmlChar *v = xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)name, (const xmlChar *)uri);
		if (v) {
			char *s = strdup((const char *)v);
			xmlFree(v);
			return s;
		}
	}
	if (ns == WD_NS_OTHER) {
		xmlChar *v = xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
		if (v) {
			char *s = strdup((const char *)v);
			xmlFree(v);
			return s;
		}
	}
	return NULL;
}

double wd_xml_attr_num(struct wd_xml *x, enum wd_ns ns, const char *name, double def)
{
	char *v = wd_xml_attr(x, ns, name), *end;
	if (!v)
		return def;
	double d = strtod(v, &end);
	/* "12pt"-style units are not Word's; "5000%" in pct widths is */
	int ok = end != v && (*end == '\0' || *end == '%');
	free(v);
	return ok && d == d && d < 1e9 && d > -1e9 ? d : def;
}

int wd_xml_attr_onoff(struct wd_xml *x)
{
	char *v = wd_xml_attr(x, WD_NS_W, "val");
	if (!v)
		return 1;
	int on = !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0 ||
		   strcmp(v, "none") == 0);
	free(v);
	return on;
}

const char *wd_xml_text(struct wd_xml *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->r);
	return v ? (const char *)v : "";
}
