/* Parts from a zip or a Flat OPC file, within the limits in limits.h. */
#include "package.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>
#include <libxml/xmlreader.h>

#include "alloc.h"
#include "buf.h"
#include "word_limits.h"
#include "xml.h"

static const char *zip_problem(int code, const char *bytes, size_t len)
{
	switch (code) {
	case ZIP_ER_NOZIP:
		/* the start of an archive with no directory at its end */
		if (len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0)
			return "the zip archive is truncated (its directory is missing)";
		return "not a zip archive (a .docx is one)";
	case ZIP_ER_INCONS:
		return "the zip archive is inconsistent (truncated or damaged)";
	case ZIP_ER_MEMORY:
		return "out of memory opening the archive";
	case ZIP_ER_READ:
	case ZIP_ER_EOF:
		return "the zip archive is truncated";
	case ZIP_ER_ENCRNOTSUPP:
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD:
		return "the document is encrypted (password protected)";
	default:
		return "the zip archive cannot be read";
	}
}

int wd_package_open_zip(struct wd_package *p, const char *path, const char *bytes, size_t len,
			struct rl_diags *diags)
{
	zip_error_t err;
	memset(p, 0, sizeof *p);
	p->path = path;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &err);
	if (!src) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s", zip_problem(zip_error_code_zip(&err), bytes, len));
		zip_error_fini(&err);
		return -1;
	}
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!z) {
		/* a damaged central directory may still be readable without the
		 * consistency check; Word tolerates it too */
		zip_error_fini(&err);
		zip_error_init(&err);
		z = zip_open_from_source(src, ZIP_RDONLY, &err);
	}
	if (!z) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s", zip_problem(zip_error_code_zip(&err), bytes, len));
		zip_source_free(src);
		zip_error_fini(&err);
		return -1;
	}
	zip_error_fini(&err);
	zip_int64_t n = zip_get_num_entries(z, 0);
	if (n < 0 || n > WD_MAX_PARTS) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "the archive has %lld parts; a Word file has a few dozen",
			     (long long)n);
		zip_discard(z);
		return -1;
	}
	p->zip = z;
	p->zip_source = src;
	return 0;
}

static void add_flat(struct wd_package *p, const char *name, char *data, size_t len)
{
	p->flat = rl_xreallocarray(p->flat, p->nflat + 1, sizeof *p->flat);
	while (*name == '/')
		name++;
	p->flat[p->nflat].name = rl_xstrdup(name);
	p->flat[p->nflat].data = data;
	p->flat[p->nflat].len = len;
	p->nflat++;
}

struct flat_error {
	int failed;
	int line, col;   /* where libxml2 found it, not how far it had read */
	char msg[200];
};

static void flat_error(void *arg, xmlErrorPtr err)
{
	struct flat_error *fe = arg;
	if (!err || err->level < XML_ERR_ERROR || fe->failed)
		return;
	fe->failed = 1;
	fe->line = err->line;
	fe->col = err->int2;
	snprintf(fe->msg, sizeof fe->msg, "%s", err->message ? err->message : "error");
	size_t n = strlen(fe->msg);
	while (n && (fe->msg[n - 1] == '\n' || fe->msg[n - 1] == ' '))
		fe->msg[--n] = '\0';
}

/* Flat OPC: each pkg:part holds its XML in pkg:xmlData. libxml2's reader
 * serializes that subtree back to text (the SAX reader in xml.c cannot), and
 * the parts are then read like a zip's. */
int wd_package_open_flat(struct wd_package *p, const char *path, const char *bytes, size_t len,
			 struct rl_diags *diags)
{
	memset(p, 0, sizeof *p);
	p->path = path;
	if (len > (size_t)0x7FFFFFFF) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "the XML file is too large");
		return -1;
	}
	struct flat_error fe = { 0, 0, 0, "" };
	int rc;
	xmlTextReaderPtr r = xmlReaderForMemory(bytes, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
	if (!r) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "cannot read the XML file");
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(r, flat_error, &fe);
	char *name = NULL;
	const char *problem = NULL;
	while ((rc = xmlTextReaderRead(r)) == 1 && !fe.failed) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE) {
			problem = "a document type declaration (not allowed: it can define entities)";
			break;
		}
		if (xmlTextReaderDepth(r) >= WD_MAX_XML_DEPTH) {
			problem = "XML nested more than " WD_MAX_XML_DEPTH_TEXT " levels deep";
			break;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		enum wd_ns ns = wd_xml_ns_of(xmlTextReaderConstNamespaceUri(r));
		const char *local = (const char *)xmlTextReaderConstLocalName(r);
		if (ns == WD_NS_PKG && strcmp(local, "part") == 0) {
			free(name);
			xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"name",
								 (const xmlChar *)"http://schemas.microsoft.com/office/2006/xmlPackage");
			name = v ? rl_xstrdup((const char *)v) : NULL;
			xmlFree(v);
		} else if (ns == WD_NS_PKG && strcmp(local, "xmlData") == 0 && name) {
			xmlChar *inner = xmlTextReaderReadInnerXml(r);
			size_t n = inner ? strlen((const char *)inner) : 0;
			if (n > WD_MAX_PART_BYTES || p->total + n > WD_MAX_TOTAL_BYTES) {
				xmlFree(inner);
				rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "part %s is larger than %u MiB", name,
					     WD_MAX_PART_BYTES >> 20);
				rc = -2;
				break;
			}
			p->total += n;
			add_flat(p, name, rl_xstrndup(inner ? (const char *)inner : "", n), n);
			xmlFree(inner);
			if (xmlTextReaderNext(r) < 0)
				break;
		}
	}
	if (rc != -2 && (fe.failed || rc < 0 || problem)) {
		int line = fe.failed && !problem ? fe.line : xmlTextReaderGetParserLineNumber(r);
		int col = fe.failed && !problem ? fe.col : xmlTextReaderGetParserColumnNumber(r);
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s in the XML file at %d:%d%s%s",
			     problem ? problem : "malformed XML", line, col, fe.msg[0] && !problem ? ": " : "",
			     problem ? "" : fe.msg);
		rc = -2;
	}
	free(name);
	xmlFreeTextReader(r);
	if (rc == -2) {
		wd_package_close(p);
		return -1;
	}
	return 0;
}

void wd_package_close(struct wd_package *p)
{
	if (p->zip)
		zip_discard(p->zip);
	for (size_t i = 0; i < p->nflat; i++) {
		free(p->flat[i].name);
		free(p->flat[i].data);
	}
	free(p->flat);
	memset(p, 0, sizeof *p);
}

static int read_zip(struct wd_package *p, const char *name, char **data, size_t *len, struct rl_diags *diags)
{
	zip_int64_t idx = zip_name_locate(p->zip, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return 1;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(p->zip, (zip_uint64_t)idx, 0, &st) != 0) {
		rl_diags_add(diags, RL_DIAG_ERROR, p->path, 0, 0, "cannot read %s in the archive", name);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > WD_MAX_PART_BYTES) {
		rl_diags_add(diags, RL_DIAG_ERROR, p->path, 0, 0, "%s is larger than %u MiB when decompressed", name,
			     WD_MAX_PART_BYTES >> 20);
		return -1;
	}
	zip_file_t *f = zip_fopen_index(p->zip, (zip_uint64_t)idx, 0);
	if (!f) {
		rl_diags_add(diags, RL_DIAG_ERROR, p->path, 0, 0, "cannot read %s in the archive: %s", name,
			     zip_strerror(p->zip));
		return -1;
	}
	/* the sizes in the archive can lie: room for the size it states (within
	 * the limit), then count what really comes out */
	struct rl_buf b;
	rl_buf_init(&b);
	if (st.valid & ZIP_STAT_SIZE)
		rl_buf_reserve(&b, (size_t)st.size + 1);
	int rc = 0;
	for (;;) {
		if (b.cap - b.len - 1 == 0)
			rl_buf_reserve(&b, b.len); /* it lied: double */
		size_t room = b.cap - b.len - 1;
		zip_int64_t got = zip_fread(f, b.data + b.len, room < WD_READ_STEP ? room : WD_READ_STEP);
		if (got < 0) {
			rl_diags_add(diags, RL_DIAG_ERROR, p->path, 0, 0, "%s is damaged in the archive: %s", name,
				     zip_file_strerror(f));
			rc = -1;
			break;
		}
		if (got == 0)
			break;
		if (b.len + (size_t)got > WD_MAX_PART_BYTES || p->total + b.len + (size_t)got > WD_MAX_TOTAL_BYTES) {
			rl_diags_add(diags, RL_DIAG_ERROR, p->path, 0, 0, "%s is larger than %u MiB when decompressed",
				     name, WD_MAX_PART_BYTES >> 20);
			rc = -1;
			break;
		}
		b.len += (size_t)got;
		b.data[b.len] = '\0';
		if ((st.valid & ZIP_STAT_COMP_SIZE) && b.len > WD_RATIO_FLOOR &&
		    b.len / (st.comp_size ? st.comp_size : 1) > WD_MAX_RATIO) {
			rl_diags_add(diags, RL_DIAG_ERROR, p->path, 0, 0,
				     "%s inflates more than %u times: a zip bomb, not a Word file", name, WD_MAX_RATIO);
			rc = -1;
			break;
		}
	}
	zip_fclose(f);
	if (rc) {
		rl_buf_free(&b);
		return -1;
	}
	p->total += b.len;
	*data = rl_buf_detach(&b, len);
	return 0;
}

int wd_package_read(struct wd_package *p, const char *name, char **data, size_t *len, struct rl_diags *diags)
{
	while (*name == '/')
		name++;
	if (p->zip)
		return read_zip(p, name, data, len, diags);
	for (size_t i = 0; i < p->nflat; i++) {
		if (strcasecmp(p->flat[i].name, name) == 0) {
			*data = rl_xstrndup(p->flat[i].data, p->flat[i].len);
			*len = p->flat[i].len;
			return 0;
		}
	}
	return 1;
}

char *wd_package_resolve(const char *source_part, const char *target)
{
	struct rl_buf b;
	rl_buf_init(&b);
	if (target[0] == '/') {
		rl_buf_adds(&b, target + 1);
	} else {
		const char *slash = strrchr(source_part, '/');
		if (slash)
			rl_buf_add(&b, source_part, (size_t)(slash - source_part) + 1);
		rl_buf_adds(&b, target);
	}
	/* fold "dir/../" and "./" */
	char *s = rl_buf_detach(&b, NULL);
	char *out = rl_xmalloc(strlen(s) + 1);
	size_t n = 0;
	for (char *seg = s; *seg;) {
		char *end = strchr(seg, '/');
		size_t len = end ? (size_t)(end - seg) : strlen(seg);
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (n > 0 && out[n - 1] == '/')
				n--;
			while (n > 0 && out[n - 1] != '/')
				n--;
		} else if (!(len == 1 && seg[0] == '.') && len) {
			memcpy(out + n, seg, len);
			n += len;
			if (end)
				out[n++] = '/';
		}
		seg = end ? end + 1 : seg + len;
	}
	out[n] = '\0';
	free(s);
	return out;
}
