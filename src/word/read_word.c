/* The Word readers: .docx (a zip package), Flat OPC (the package in one XML
 * file) and Word 2003 XML. This file finds the parts and hands them to the
 * part parsers; build.c makes the document. It is the module's entry. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc.h"
#include "body.h"
#include "buf.h"
#include "build.h"
#include "package.h"
#include "prune.h"
#include "styles.h"
#include "word_module.h"
#include "xml.h"

/* The relationships part of a part: word/document.xml → word/_rels/document.xml.rels */
static char *rels_name(const char *part)
{
	struct rl_buf b;
	rl_buf_init(&b);
	const char *slash = strrchr(part, '/');
	if (slash) {
		rl_buf_add(&b, part, (size_t)(slash - part) + 1);
		rl_buf_addf(&b, "_rels/%s.rels", slash + 1);
	} else {
		rl_buf_addf(&b, "_rels/%s.rels", part);
	}
	return rl_buf_detach(&b, NULL);
}

/* Reads the relationships of part (none is fine). */
static int read_rels(struct wd_package *pkg, const char *part, struct wd_rels *rels, struct rl_diags *d)
{
	char *name = rels_name(part), *data;
	size_t len;
	memset(rels, 0, sizeof *rels);
	int rc = wd_package_read(pkg, name, &data, &len, d);
	if (rc == 0) {
		rc = wd_rels_read(rels, data, len, pkg->path, part, name, d);
		free(data);
	} else if (rc == 1) {
		rc = 0;
	}
	free(name);
	return rc;
}

static const struct wd_rel *rel_of_type(const struct wd_rels *r, const char *type)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].type, type) == 0)
			return &r->v[i];
	return NULL;
}

typedef int (*part_reader)(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
			   struct rl_diags *diags);

/* Reads part data with reader from a copy without the elements prune_names
 * (see prune.h). When the copy does not parse, the part is malformed: what
 * the copy added is dropped and the part itself is read, so the error names
 * its place in the file. */
static int read_pruned(part_reader reader, struct wd_styles *s, const char *data, size_t len, const char *path,
		       const char *part, const char *const *prune_names, wd_prune_keep_fn keep, void *ctx,
		       struct rl_diags *d)
{
	char *copy;
	size_t copy_len;
	if (prune_names && wd_prune(data, len, prune_names, keep, ctx, &copy, &copy_len)) {
		size_t n = s->n, nabstracts = s->nabstracts, nnums = s->nnums;
		struct rl_diags quiet;
		rl_diags_init(&quiet);
		int rc = reader(s, copy, copy_len, path, part, &quiet);
		rl_diags_free(&quiet);
		free(copy);
		if (rc == 0)
			return 0;
		s->n = n;
		s->nabstracts = nabstracts;
		s->nnums = nnums;
	}
	return reader(s, data, len, path, part, d);
}

/* Reads an optional part with reader, without prune_names. 0 when read or
 * absent, -1 on error. */
static int read_optional(struct wd_package *pkg, const char *part, part_reader reader,
			 const char *const *prune_names, struct wd_styles *s, struct rl_diags *d)
{
	char *data;
	size_t len;
	int rc = wd_package_read(pkg, part, &data, &len, d);
	if (rc == 1)
		return 0;
	if (rc < 0)
		return -1;
	rc = read_pruned(reader, s, data, len, pkg->path, part, prune_names, NULL, NULL, d);
	free(data);
	return rc;
}

/* The main body, from a copy without the run and paragraph properties the
 * reader never reads (shading, complex-script sizes, colours, proofing
 * marks, bookmarks: a quarter of a template's document part); from the part
 * itself when the copy does not parse (see prune.h). */
static int read_main_body(struct wd_body *body, const char *data, size_t len, const char *path, const char *part,
			  const struct wd_rels *rels, struct rl_diags *d)
{
	static const char *const unread[] = { "shd", "szCs", "bCs", "iCs", "color", "lang", "proofErr", "noProof",
					       "rtl", "kern", "bookmarkStart", "bookmarkEnd", NULL };
	char *copy;
	size_t copy_len;
	if (wd_prune(data, len, unread, NULL, NULL, &copy, &copy_len)) {
		struct rl_diags quiet;
		rl_diags_init(&quiet);
		int rc = wd_body_read(body, copy, copy_len, path, part, WD_PART_BODY, rels, &quiet);
		rl_diags_free(&quiet);
		free(copy);
		if (rc == 0)
			return 0;
		wd_body_free(body);
		wd_body_init(body);
	}
	return wd_body_read(body, data, len, path, part, WD_PART_BODY, rels, d);
}

/* The lists (w:num), their definitions (w:abstractNum) and the levels
 * paragraphs and styles use. */
struct used_nums {
	int *num, *abstract;
	size_t nnum, nabstract;
	unsigned levels; /* bit i: level i */
};

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Sorts v and drops repeats, for has(): a long resume has thousands of
 * list paragraphs. */
static void sort_unique(int *v, size_t *n)
{
	size_t kept = 0;
	if (*n)
		qsort(v, *n, sizeof *v, compare_ints);
	for (size_t i = 0; i < *n; i++)
		if (kept == 0 || v[kept - 1] != v[i])
			v[kept++] = v[i];
	*n = kept;
}

/* Whether sorted v holds x. */
static int has(const int *v, size_t n, long x)
{
	if (x < INT_MIN || x > INT_MAX)
		return 0;
	int key = (int)x;
	return bsearch(&key, v, n, sizeof *v, compare_ints) != NULL;
}

static void add_id(int **v, size_t *n, size_t *cap, int x)
{
	RL_GROW(*v, *n, *cap);
	(*v)[(*n)++] = x;
}

static void add_level(struct used_nums *u, int ilvl)
{
	if (ilvl >= 0 && ilvl < 9)
		u->levels |= 1u << ilvl;
}

/* Keeps a w:abstractNum a used w:num draws from, and in it the levels used.
 * (A w:lvl seen here is one of a kept definition's: the others, and the
 * w:num elements with their overrides, are cut whole.) */
static int keep_used_definition(void *ctx, const char *name, const char *tag, size_t tag_len)
{
	const struct used_nums *u = ctx;
	long id;
	if (strcmp(name, "abstractNum") == 0)
		return !wd_prune_tag_int(tag, tag_len, "abstractNumId", &id) || has(u->abstract, u->nabstract, id);
	if (strcmp(name, "lvl") == 0)
		return !wd_prune_tag_int(tag, tag_len, "ilvl", &id) || id < 0 || id > 8 || (u->levels >> id & 1u);
	return 0;
}

/* The numbering part, after the body and styles: a template defines many
 * lists, a resume uses a few, at a level or two. The part is read twice
 * from cut copies: first its w:num elements (which definition each list id
 * draws), then only the w:abstractNum definitions those name, with only the
 * levels paragraphs use. */
static int read_numbering(struct wd_package *pkg, const char *part, const struct wd_body *body,
			  struct wd_styles *s, struct rl_diags *d)
{
	static const char *const definitions[] = { "abstractNum", "numPicBullet", NULL };
	static const char *const unused_definitions[] = { "num", "numPicBullet", "abstractNum", "lvl", NULL };
	struct used_nums u;
	size_t cap = 0;
	memset(&u, 0, sizeof u);
	add_level(&u, s->default_ppr.ilvl);
	add_level(&u, 0);
	for (size_t i = 0; i < body->nparas; i++) {
		if (body->paras[i].ppr.num_id > 0 && (u.nnum == 0 || u.num[u.nnum - 1] != body->paras[i].ppr.num_id))
			add_id(&u.num, &u.nnum, &cap, body->paras[i].ppr.num_id);
		add_level(&u, body->paras[i].ppr.ilvl);
	}
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].ppr.num_id > 0)
			add_id(&u.num, &u.nnum, &cap, s->v[i].ppr.num_id);
		add_level(&u, s->v[i].ppr.ilvl);
	}
	sort_unique(u.num, &u.nnum);
	if (!u.nnum)
		return 0; /* no list: the definitions change nothing */
	char *data;
	size_t len;
	int rc = wd_package_read(pkg, part, &data, &len, d);
	if (rc != 0) {
		free(u.num);
		return rc < 0 ? -1 : 0;
	}
	char *nums;
	size_t nums_len;
	int whole = 1;
	/* unchecked: the second reading cuts or parses every byte this cuts */
	if (wd_prune_unchecked(data, len, definitions, &nums, &nums_len)) {
		struct rl_diags quiet;
		rl_diags_init(&quiet);
		rc = wd_numbering_read(s, nums, nums_len, pkg->path, part, &quiet);
		rl_diags_free(&quiet);
		free(nums);
		if (rc == 0) {
			cap = 0;
			for (size_t i = 0; i < s->nnums; i++)
				if (has(u.num, u.nnum, s->nums[i].id))
					add_id(&u.abstract, &u.nabstract, &cap, s->nums[i].abstract_id);
			sort_unique(u.abstract, &u.nabstract);
			rc = read_pruned(wd_numbering_read, s, data, len, pkg->path, part, unused_definitions,
					 keep_used_definition, &u, d);
			whole = 0;
		} else {
			s->nnums = s->nabstracts = 0;
		}
	}
	if (whole)
		rc = wd_numbering_read(s, data, len, pkg->path, part, d);
	free(data);
	free(u.num);
	free(u.abstract);
	return rc;
}

/* The text of the first element ns:names[i] of an XML part into out[i]
 * (NULL when there is none; free() each), in one reading of the part. */
static void element_texts(const char *data, size_t len, const char *path, const char *part, enum wd_ns ns,
			  const char *const *names, char **out, size_t n, struct rl_diags *d)
{
	struct wd_xml x;
	int rc;
	size_t in = n, found = 0; /* n: in none of them */
	for (size_t i = 0; i < n; i++)
		out[i] = NULL;
	if (wd_xml_open(&x, data, len, path, part, d))
		return;
	while (found < n && (rc = wd_xml_next(&x)) > 0) {
		if (x.node == WD_START) {
			in = n;
			for (size_t i = 0; i < n && !x.empty; i++)
				if (!out[i] && x.ns == ns && strcmp(x.name, names[i]) == 0)
					in = i;
		} else if (x.node == WD_TEXT && in < n) {
			out[in] = rl_xstrdup(wd_xml_text(&x));
			found++;
			in = n;
		} else {
			in = n;
		}
	}
	wd_xml_close(&x);
}

static int to_int(char *s)
{
	int v = s ? atoi(s) : -1;
	free(s);
	return v;
}

/* docProps/app.xml and core.xml: what they say about the document. */
static void read_props(struct wd_package *pkg, const struct wd_rels *pkg_rels, struct wd_props *props,
		       struct rl_diags *d)
{
	const struct wd_rel *app = rel_of_type(pkg_rels, "extended-properties");
	const struct wd_rel *core = rel_of_type(pkg_rels, "core-properties");
	char *data;
	size_t len;
	props->pages = props->words = -1;
	/* a damaged properties part is not worth refusing the resume for */
	struct rl_diags quiet;
	rl_diags_init(&quiet);
	(void)d;
	if (wd_package_read(pkg, app ? app->target : "docProps/app.xml", &data, &len, &quiet) == 0) {
		static const char *const names[] = { "Pages", "Words", "Application" };
		char *v[3];
		element_texts(data, len, pkg->path, app ? app->target : "docProps/app.xml", WD_NS_EP, names, v, 3,
			      &quiet);
		props->pages = to_int(v[0]);
		props->words = to_int(v[1]);
		props->application = v[2];
		free(data);
	}
	if (wd_package_read(pkg, core ? core->target : "docProps/core.xml", &data, &len, &quiet) == 0) {
		static const char *const names[] = { "creator", "lastModifiedBy" };
		char *v[2];
		element_texts(data, len, pkg->path, core ? core->target : "docProps/core.xml", WD_NS_OTHER, names, v,
			      2, &quiet);
		props->creator = v[0];
		props->last_modified_by = v[1];
		free(data);
	}
	rl_diags_free(&quiet);
}

static void free_props(struct wd_props *p)
{
	free(p->application);
	free(p->creator);
	free(p->last_modified_by);
	free(p->title);
}

/* Reads a header or footer part into body, once per part. */
static int read_header_part(struct wd_package *pkg, const char *part, enum wd_part_kind kind, struct wd_body *body,
			    char ***seen, size_t *nseen, struct rl_diags *d)
{
	for (size_t i = 0; i < *nseen; i++)
		if (strcmp((*seen)[i], part) == 0)
			return 0;
	*seen = rl_xreallocarray(*seen, *nseen + 1, sizeof **seen);
	(*seen)[(*nseen)++] = rl_xstrdup(part);
	char *data;
	size_t len;
	int rc = wd_package_read(pkg, part, &data, &len, d);
	if (rc)
		return rc < 0 ? -1 : 0;
	struct wd_rels rels;
	rc = read_rels(pkg, part, &rels, d);
	if (rc == 0)
		rc = wd_body_read(body, data, len, pkg->path, part, kind, &rels, d);
	wd_rels_free(&rels);
	free(data);
	return rc;
}

/* The whole read from an open package. */
static struct rl_doc *read_package(struct wd_package *pkg, const char *path, enum rl_format format,
				   struct rl_diags *d)
{
	struct wd_rels pkg_rels, rels;
	struct wd_styles styles;
	struct wd_body body;
	struct wd_props props;
	struct rl_doc *doc = NULL;
	char *main_part = NULL, *data = NULL;
	char **seen = NULL;
	size_t len, nseen = 0;
	memset(&props, 0, sizeof props);
	memset(&rels, 0, sizeof rels);
	wd_styles_init(&styles);
	wd_body_init(&body);
	if (read_rels(pkg, "", &pkg_rels, d))
		goto out;
	const struct wd_rel *office = rel_of_type(&pkg_rels, "officeDocument");
	main_part = rl_xstrdup(office && !office->external ? office->target : "word/document.xml");
	int rc = wd_package_read(pkg, main_part, &data, &len, d);
	if (rc == 1) {
		rl_diags_add(d, RL_DIAG_ERROR, path, 0, 0, "no %s: %s", main_part,
			     pkg->zip ? "a zip archive, but not a Word document" : "not a Word document");
		goto out;
	}
	if (rc < 0 || read_rels(pkg, main_part, &rels, d))
		goto out;
	/* what each part holds that the reader never reads (see prune.h) */
	static const char *const styles_unread[] = { "latentStyles", NULL };
	static const char *const theme_unread[] = { "clrScheme", "fmtScheme", "font", "objectDefaults",
						     "extraClrSchemeLst", "extLst", NULL };
	static const char *const settings_unread[] = { "rsids", "shapeDefaults", "hdrShapeDefaults", "mathPr",
							"docVars", NULL };
	static const struct {
		const char *type, *fallback;
		part_reader reader;
		const char *const *unread;
	} parts[] = {
		{ "styles", "word/styles.xml", wd_styles_read, styles_unread },
		{ "theme", "word/theme/theme1.xml", wd_theme_read, theme_unread },
		{ "settings", "word/settings.xml", wd_settings_read, settings_unread },
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		const struct wd_rel *r = rel_of_type(&rels, parts[i].type);
		if (read_optional(pkg, r ? r->target : parts[i].fallback, parts[i].reader, parts[i].unread, &styles, d))
			goto out;
	}
	wd_styles_use_app_defaults(&styles);
	if (read_main_body(&body, data, len, path, main_part, &rels, d))
		goto out;
	for (size_t i = 0; i < body.nsections; i++) {
		for (int f = 0; f < 2; f++) {
			const char *id = f ? body.sections[i].footer_rel : body.sections[i].header_rel;
			const struct wd_rel *r = id[0] ? wd_rels_find(&rels, id) : NULL;
			if (r && !r->external &&
			    read_header_part(pkg, r->target, f ? WD_PART_FOOTER : WD_PART_HEADER, &body, &seen, &nseen, d))
				goto out;
		}
	}
	const struct wd_rel *numbering = rel_of_type(&rels, "numbering");
	if (read_numbering(pkg, numbering ? numbering->target : "word/numbering.xml", &body, &styles, d))
		goto out;
	read_props(pkg, &pkg_rels, &props, d);
	doc = wd_build_doc(path, format, &body, &styles, &props);
out:
	for (size_t i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	free(data);
	free(main_part);
	free_props(&props);
	wd_rels_free(&pkg_rels);
	wd_rels_free(&rels);
	wd_body_free(&body);
	wd_styles_free(&styles);
	return doc;
}

static struct rl_doc *read_docx(const char *path, const char *bytes, size_t len, const struct rl_read_opts *opts,
				struct rl_diags *diags)
{
	struct wd_package pkg;
	(void)opts;
	if (wd_package_open_zip(&pkg, path, bytes, len, diags))
		return NULL;
	struct rl_doc *doc = read_package(&pkg, path, RL_FORMAT_DOCX, diags);
	wd_package_close(&pkg);
	return doc;
}

/* Word 2003 XML: one file holds styles, lists, properties and the body. */
static struct rl_doc *read_word2003(const char *path, const char *bytes, size_t len, struct rl_diags *d)
{
	struct wd_styles styles;
	struct wd_body body;
	struct wd_props props;
	struct rl_doc *doc = NULL;
	memset(&props, 0, sizeof props);
	wd_styles_init(&styles);
	wd_body_init(&body);
	if (wd_styles_read(&styles, bytes, len, path, "the XML file", d) == 0 &&
	    wd_body_read(&body, bytes, len, path, "the XML file", WD_PART_BODY, NULL, d) == 0) {
		struct rl_diags quiet;
		rl_diags_init(&quiet);
		static const char *const names[] = { "Pages", "Words" };
		char *v[2];
		element_texts(bytes, len, path, "the XML file", WD_NS_O, names, v, 2, &quiet);
		props.pages = to_int(v[0]);
		props.words = to_int(v[1]);
		rl_diags_free(&quiet);
		doc = wd_build_doc(path, RL_FORMAT_WORDXML, &body, &styles, &props);
	}
	free_props(&props);
	wd_body_free(&body);
	wd_styles_free(&styles);
	return doc;
}

static struct rl_doc *read_wordxml(const char *path, const char *bytes, size_t len, const struct rl_read_opts *opts,
				   struct rl_diags *diags)
{
	(void)opts;
	size_t n = len < 8192 ? len : 8192;
	if (!memmem(bytes, n, "schemas.microsoft.com/office/2006/xmlPackage", 44))
		return read_word2003(path, bytes, len, diags);
	struct wd_package pkg;
	if (wd_package_open_flat(&pkg, path, bytes, len, diags))
		return NULL;
	struct rl_doc *doc = read_package(&pkg, path, RL_FORMAT_WORDXML, diags);
	wd_package_close(&pkg);
	return doc;
}

/* libxml2 2.9 sets itself up on first use without a lock: do it when the
 * module loads (once, before any thread reads a Word file). */
__attribute__((constructor)) static void init_libxml(void)
{
	xmlInitParser();
}

__attribute__((visibility("default"))) const struct rl_word_module rl_word_module = {
	.abi = RL_WORD_MODULE_ABI,
	.read_docx = read_docx,
	.read_wordxml = read_wordxml,
};
