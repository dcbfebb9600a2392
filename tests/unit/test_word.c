/* The Word readers (Flat OPC, .docx, Word 2003 XML): block kinds, text,
 * levels and flags; exact source positions (a paragraph is a line, counted
 * over every <w:p>); links, images, headers and footers; the layout facts
 * with every property resolved; and the errors a broken file gets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "buf.h"
#include "doc.h"
#include "layout_facts.h"
#include "word_limits.h"
#include "reader.h"
#include "source.h"
#include "word_module.h"

/* ---- namespaces and standard parts ---- */

#define W_URI "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define RT "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define NS_W "xmlns:w=\"" W_URI "\""
#define NS_ALL                                                                              \
	NS_W " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"" \
	" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""  \
	" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""                    \
	" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""               \
	" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""      \
	" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""             \
	" xmlns:v=\"urn:schemas-microsoft-com:vml\""
#define RELS_OPEN "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
#define REL(id, type, target) "<Relationship Id=\"" id "\" Type=\"" RT type "\" Target=\"" target "\"/>"
#define REL_EXT(id, type, target) \
	"<Relationship Id=\"" id "\" Type=\"" RT type "\" Target=\"" target "\" TargetMode=\"External\"/>"
#define PART(name, xml) \
	"<pkg:part pkg:name=\"" name "\" pkg:contentType=\"application/xml\"><pkg:xmlData>" xml "</pkg:xmlData></pkg:part>"

/* Paragraph shorthands: a paragraph of one run, one with a style. */
#define P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define PS(style, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

static const char STYLES[] =
	"<w:styles " NS_W ">"
	"<w:docDefaults>"
	"<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\"/>"
	"<w:sz w:val=\"22\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
	"</w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
	/* a heading by its id only (no w:name) */
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/></w:pPr>"
	"<w:rPr><w:rFonts w:asciiTheme=\"majorHAnsi\" w:hAnsiTheme=\"majorHAnsi\"/><w:sz w:val=\"32\"/></w:rPr></w:style>"
	/* a heading by its name only (a localised id) */
	"<w:style w:type=\"paragraph\" w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:rPr><w:sz w:val=\"56\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"SectionHead\"><w:name w:val=\"Section Head\"/>"
	"<w:basedOn w:val=\"Kop2\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Custom3\"><w:name w:val=\"Custom Three\"/>"
	"<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:contextualSpacing/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Compact\"><w:name w:val=\"Compact\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/>"
	"<w:jc w:val=\"center\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Compact2\"><w:name w:val=\"Compact Two\"/>"
	"<w:basedOn w:val=\"Compact\"/><w:pPr><w:spacing w:after=\"80\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BoldPara\"><w:name w:val=\"Bold Para\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr></w:style>"
	"<w:style w:type=\"character\" w:styleId=\"Emph\"><w:name w:val=\"Emph\"/>"
	"<w:rPr><w:i/><w:sz w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
	"<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
	"<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr></w:style>"
	"</w:styles>";

static const char NUMBERING[] =
	"<w:numbering " NS_W ">"
	"<w:abstractNum w:abstractNumId=\"0\">"
	"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"&#61623;\"/>"
	"<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Symbol\"/></w:rPr></w:lvl>"
	"<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl>"
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"1\">"
	"<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>"
	"</w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
	"</w:numbering>";

static const char THEME[] =
	"<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\">"
	"<a:themeElements><a:fontScheme name=\"Office\">"
	"<a:majorFont><a:latin typeface=\"Calibri Light\" panose=\"020F0302020204030204\"/><a:ea typeface=\"\"/>"
	"</a:majorFont>"
	"<a:minorFont><a:latin typeface=\"Calibri\" panose=\"020F0502020204030204\"/><a:ea typeface=\"\"/></a:minorFont>"
	"</a:fontScheme></a:themeElements></a:theme>";

static const char SETTINGS[] =
	"<w:settings " NS_W "><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/>"
	"<w:doNotUseHTMLParagraphAutoSpacing/><w:characterSpacingControl w:val=\"doNotCompress\"/></w:settings>";

static const char APP[] =
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
	"xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
	"<Template>Normal.dotm</Template><TotalTime>3</TotalTime><Pages>2</Pages><Words>345</Words>"
	"<Application>Microsoft Office Word</Application></Properties>";

static const char DOC_RELS[] =
	RELS_OPEN
	REL("rId1", "styles", "styles.xml")
	REL("rId2", "numbering", "numbering.xml")
	REL("rId3", "theme", "theme/theme1.xml")
	REL("rId4", "settings", "settings.xml")
	REL("rId5", "header", "header1.xml")
	REL("rId6", "footer", "footer1.xml")
	REL_EXT("rId7", "hyperlink", "https://example.com/jane")
	REL("rId8", "image", "media/image1.png")
	REL_EXT("rId9", "hyperlink", "mailto:jane@example.com")
	REL("rId10", "header", "header2.xml")
	"</Relationships>";

static const char PKG_RELS[] =
	RELS_OPEN
	REL("rId1", "officeDocument", "word/document.xml")
	REL("rId2", "extended-properties", "docProps/app.xml")
	"</Relationships>";

/* What goes into a test package besides the body. The standard styles,
 * numbering, theme, settings and app.xml are in unless a field is "". */
struct pkg {
	const char *styles, *numbering, *theme, *settings, *app;
	const char *header, *footer; /* w:hdr / w:ftr XML, or NULL */
	const char *extra;           /* more <pkg:part> elements */
};

static void add_part(struct rl_buf *b, const char *name, const char *xml)
{
	rl_buf_addf(b, "<pkg:part pkg:name=\"%s\" pkg:contentType=\"application/xml\"><pkg:xmlData>%s</pkg:xmlData>"
		       "</pkg:part>\n",
		    name, xml);
}

static const char *or_default(const char *v, const char *def)
{
	return v ? v : def;
}

/* A Flat OPC package around body (the inside of w:body). */
static char *flat(const char *body, const struct pkg *o)
{
	static const struct pkg none;
	struct rl_buf b, d;
	if (!o)
		o = &none;
	rl_buf_init(&b);
	rl_buf_init(&d);
	rl_buf_adds(&b, "<?xml version=\"1.0\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n"
			"<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">\n");
	add_part(&b, "/_rels/.rels", PKG_RELS);
	rl_buf_addf(&d, "<w:document " NS_ALL "><w:body>%s</w:body></w:document>", body);
	add_part(&b, "/word/document.xml", d.data);
	rl_buf_free(&d);
	add_part(&b, "/word/_rels/document.xml.rels", DOC_RELS);
	const char *parts[][2] = {
		{ "/word/styles.xml", or_default(o->styles, STYLES) },
		{ "/word/numbering.xml", or_default(o->numbering, NUMBERING) },
		{ "/word/theme/theme1.xml", or_default(o->theme, THEME) },
		{ "/word/settings.xml", or_default(o->settings, SETTINGS) },
		{ "/docProps/app.xml", or_default(o->app, APP) },
		{ "/word/header1.xml", o->header ? o->header : "" },
		{ "/word/footer1.xml", o->footer ? o->footer : "" },
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (parts[i][1][0])
			add_part(&b, parts[i][0], parts[i][1]);
	if (o->extra)
		rl_buf_adds(&b, o->extra);
	rl_buf_adds(&b, "</pkg:package>\n");
	return rl_buf_detach(&b, NULL);
}

/* Reads bytes as path; the read must succeed with no diagnostic at all. */
static struct rl_doc *read_ok(const char *path, const char *bytes, size_t len, enum rl_format format)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_doc *doc = rl_read(path, bytes, len, NULL, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "unexpected: %s\n", d.v[i].message);
	assert_int_equal(d.n, 0);
	rl_diags_free(&d);
	assert_non_null(doc);
	assert_int_equal(doc->format, format);
	assert_int_equal(doc->diags.n, 0);
	assert_non_null(doc->layout);
	return doc;
}

static struct rl_doc *word(const char *body, const struct pkg *o)
{
	char *x = flat(body, o);
	struct rl_doc *doc = read_ok("cv.xml", x, strlen(x), RL_FORMAT_WORDXML);
	free(x);
	return doc;
}

/* Reads bytes as path expecting failure with exactly one error: message. */
static void read_fails(const char *path, const char *bytes, size_t len, const char *message)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_doc *doc = rl_read(path, bytes, len, NULL, &d);
	assert_null(doc);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].level, RL_DIAG_ERROR);
	assert_string_equal(d.v[0].path, path);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].message, message);
	rl_diags_free(&d);
}

/* A .docx in memory: parts as name, XML pairs, NULL-ended. free() it. */
static char *make_docx(const char *const *parts, size_t *len)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (size_t i = 0; parts[i]; i += 2) {
		zip_source_t *f = zip_source_buffer(z, parts[i + 1], strlen(parts[i + 1]), 0);
		assert_non_null(f);
		assert_true(zip_file_add(z, parts[i], f, ZIP_FL_OVERWRITE) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_END), 0);
	zip_int64_t n = zip_source_tell(src);
	assert_true(n > 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_SET), 0);
	char *out = malloc((size_t)n);
	assert_non_null(out);
	assert_int_equal(zip_source_read(src, out, (zip_uint64_t)n), n);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
	*len = (size_t)n;
	return out;
}

#define CONTENT_TYPES                                                                                   \
	"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"

/* ---- assertions ---- */

#define ASSERT_POS(doc, off, l, c)                                     \
	do {                                                           \
		struct rl_pos pos_ = rl_source_pos((doc)->src, (off)); \
		assert_int_equal(pos_.line, (l));                      \
		assert_int_equal(pos_.col, (c));                       \
	} while (0)

/* A block's kind, level, flags and text. */
#define ASSERT_BLOCK(doc, i, k, lvl, fl, txt)                    \
	do {                                                     \
		assert_true((size_t)(i) < (doc)->nblocks);       \
		const struct rl_block *b_ = &(doc)->blocks[(i)]; \
		assert_int_equal(b_->kind, (k));                 \
		assert_int_equal(b_->level, (lvl));              \
		assert_int_equal(b_->flags, (fl));               \
		assert_string_equal(b_->text, (txt));            \
		assert_int_equal(b_->text_len, strlen(txt));     \
	} while (0)

#define ASSERT_BLOCK_AT(doc, i, l, c) ASSERT_POS((doc), (doc)->blocks[(i)].start, (l), (c))

/* The first occurrence of needle in block i's text maps to the same bytes
 * in the source, starting at line:col. */
#define ASSERT_SUB(doc, i, needle, l, c)                                           \
	do {                                                                       \
		const struct rl_block *b_ = &(doc)->blocks[(i)];                   \
		const char *p_ = strstr(b_->text, (needle));                       \
		assert_non_null(p_);                                               \
		size_t t0_ = (size_t)(p_ - b_->text), n_ = strlen(needle), s_, e_; \
		rl_block_span(b_, t0_, t0_ + n_, &s_, &e_);                        \
		assert_int_equal(e_ - s_, n_);                                     \
		assert_memory_equal((doc)->src->bytes + s_, (needle), n_);         \
		ASSERT_POS((doc), s_, (l), (c));                                   \
	} while (0)

#define ASSERT_NEAR(a, b) assert_float_equal((a), (b), 0.001)

/* The layout facts paragraph numbered n (its line). */
static const struct rl_lf_para *lf_para(const struct rl_doc *doc, unsigned n)
{
	for (size_t i = 0; i < doc->layout->nparas; i++)
		if (doc->layout->paras[i].number == n)
			return &doc->layout->paras[i];
	fail_msg("no layout paragraph %u", n);
	return NULL;
}

static const char *font_name(const struct rl_doc *doc, uint16_t font)
{
	assert_true(font < doc->layout->nfonts);
	return doc->layout->fonts[font];
}

/* The text of source line n (a copy; free() it). */
static char *src_line(const struct rl_doc *doc, unsigned n)
{
	size_t len;
	const char *s = rl_source_line(doc->src, n, &len);
	assert_non_null(s);
	char *out = malloc(len + 1);
	assert_non_null(out);
	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}

#define ASSERT_LINE_TEXT(doc, n, txt)                   \
	do {                                            \
		char *l_ = src_line((doc), (n));        \
		assert_string_equal(l_, (txt));         \
		free(l_);                               \
	} while (0)

/* ---- text and positions ---- */

static void test_runs_text_and_positions(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		"<w:p><w:r><w:t>Jane</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\"> Doe</w:t></w:r></w:p>"
		"<w:p/>"
		"<w:p><w:r><w:t xml:space=\"preserve\">  Lead  </w:t></w:r><w:r><w:t>tail</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>Engineer</w:t><w:tab/><w:t>2020</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>co</w:t><w:noBreakHyphen/><w:t>op</w:t><w:cr/><w:t>next</w:t></w:r></w:p>"
		"<w:p><w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:t xml:space=\"preserve\"> Item</w:t></w:r></w:p>"
		"<w:p><w:r><w:sym w:font=\"Wingdings\" w:char=\"F028\"/><w:t xml:space=\"preserve\"> 555-0100</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>Before</w:t></w:r><w:r><w:br w:type=\"page\"/></w:r></w:p>"
		"<w:p><w:r><w:t>Straße café</w:t></w:r></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 9);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Jane Doe");
	ASSERT_BLOCK_AT(doc, 0, 1, 1);
	ASSERT_SUB(doc, 0, "Doe", 1, 6);
	ASSERT_POS(doc, doc->blocks[0].end, 1, 9);
	/* the empty paragraph is line 2, an empty line */
	ASSERT_LINE_TEXT(doc, 2, "");
	/* preserved spaces are kept inside, trimmed at the ends */
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Lead  tail");
	ASSERT_BLOCK_AT(doc, 1, 3, 3);
	ASSERT_SUB(doc, 1, "tail", 3, 9);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, 0, "Engineer\t2020");
	ASSERT_SUB(doc, 2, "2020", 4, 10);
	/* a line break is '\n' in the text and a space in the source line */
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, 0, "Line one\nLine two");
	ASSERT_LINE_TEXT(doc, 5, "Line one Line two");
	ASSERT_SUB(doc, 3, "Line two", 5, 10);
	size_t s, e;
	rl_block_span(&doc->blocks[3], 8, 9, &s, &e);
	assert_int_equal(e - s, 1);
	assert_int_equal(doc->src->bytes[s], ' ');
	ASSERT_POS(doc, s, 5, 9);
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, 0, 0, "co-op\nnext");
	ASSERT_SUB(doc, 4, "next", 6, 7);
	/* Symbol's private-use bullet is a real bullet; columns count characters */
	ASSERT_BLOCK(doc, 5, RL_BLOCK_PARAGRAPH, 0, 0, "\xE2\x80\xA2 Item");
	ASSERT_SUB(doc, 5, "Item", 7, 3);
	/* an icon (Wingdings phone) is dropped */
	ASSERT_BLOCK(doc, 6, RL_BLOCK_PARAGRAPH, 0, 0, "555-0100");
	ASSERT_BLOCK_AT(doc, 6, 8, 2);
	ASSERT_BLOCK(doc, 7, RL_BLOCK_PARAGRAPH, 0, 0, "Before");
	ASSERT_BLOCK_AT(doc, 7, 9, 1);
	ASSERT_BLOCK(doc, 8, RL_BLOCK_PARAGRAPH, 0, 0, "Straße café");
	ASSERT_SUB(doc, 8, "café", 10, 8);
	assert_int_equal(doc->src->nlines, 11); /* ten lines and the end */

	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nparas, 10);
	for (unsigned i = 0; i < 10; i++)
		assert_int_equal(f->paras[i].number, i + 1);
	/* the empty paragraph is in the facts, with no block */
	assert_int_equal(f->paras[1].block, SIZE_MAX);
	assert_int_equal(f->paras[1].text_len, 0);
	assert_int_equal(f->paras[1].nruns, 0);
	assert_int_equal(f->paras[0].block, 0);
	assert_int_equal(f->paras[9].block, 8);
	/* two w:r, two runs; one w:r holding a tab, one run */
	assert_int_equal(f->paras[0].nruns, 2);
	assert_int_equal(f->paras[0].runs[0].off, 0);
	assert_int_equal(f->paras[0].runs[0].len, 4);
	assert_int_equal(f->paras[0].runs[0].italic, 0);
	assert_int_equal(f->paras[0].runs[1].off, 4);
	assert_int_equal(f->paras[0].runs[1].len, 4);
	assert_int_equal(f->paras[0].runs[1].italic, 1);
	assert_string_equal(f->paras[2].text, "  Lead  tail");
	assert_string_equal(f->paras[3].text, "Engineer\t2020");
	assert_int_equal(f->paras[3].nruns, 1);
	assert_int_equal(f->paras[3].runs[0].len, 13);
	assert_string_equal(f->paras[4].text, "Line one\nLine two");
	/* a page break is counted, and is '\f' where it is in the text */
	assert_string_equal(f->paras[8].text, "Before\f");
	assert_int_equal(f->paras[8].page_breaks, 1);
	assert_int_equal(f->paras[7].page_breaks, 0);
	rl_doc_free(doc);
}

static void test_hyperlinks(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		"<w:p><w:r><w:t xml:space=\"preserve\">Site: </w:t></w:r>"
		"<w:hyperlink r:id=\"rId7\" w:history=\"1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>"
		"<w:t>example.com/jane</w:t></w:r></w:hyperlink>"
		"<w:r><w:t xml:space=\"preserve\"> | </w:t></w:r>"
		"<w:hyperlink r:id=\"rId9\"><w:r><w:t>jane@</w:t></w:r><w:r><w:t>example.com</w:t></w:r></w:hyperlink></w:p>"
		"<w:p><w:hyperlink w:anchor=\"_top\"><w:r><w:t>Back to top</w:t></w:r></w:hyperlink></w:p>"
		"<w:p><w:hyperlink r:id=\"rId8\"><w:r><w:t>Not external</w:t></w:r></w:hyperlink></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Site: example.com/jane | jane@example.com");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Back to top");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, 0, "Not external");
	/* internal anchors and non-external targets are no links */
	assert_int_equal(doc->nlinks, 2);
	assert_string_equal(doc->links[0].url, "https://example.com/jane");
	assert_int_equal(doc->links[0].end - doc->links[0].start, 16);
	assert_memory_equal(doc->src->bytes + doc->links[0].start, "example.com/jane", 16);
	ASSERT_POS(doc, doc->links[0].start, 1, 7);
	assert_string_equal(doc->links[1].url, "mailto:jane@example.com");
	assert_int_equal(doc->links[1].end - doc->links[1].start, 16);
	assert_memory_equal(doc->src->bytes + doc->links[1].start, "jane@example.com", 16);
	ASSERT_POS(doc, doc->links[1].start, 1, 26);
	rl_doc_free(doc);
}

/* ---- block kinds ---- */

static void test_headings_by_style(void **state)
{
	(void)state;
	struct rl_doc *doc = word(PS("Title", "Jane Doe") PS("Heading1", "Experience") PS("Kop2", "Acme Corp")
					  PS("SectionHead", "Projects")
				  "<w:p><w:pPr><w:outlineLvl w:val=\"3\"/></w:pPr><w:r><w:t>Deep</w:t></w:r></w:p>"
				  PS("Custom3", "Third") PS("Normal", "Body text") P("Plain")
				  PS("Missing", "Unknown style"),
				  NULL);
	assert_int_equal(doc->nblocks, 9);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Jane Doe");       /* Title */
	ASSERT_BLOCK(doc, 1, RL_BLOCK_HEADING, 1, 0, "Experience");     /* styleId Heading1 */
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, 2, 0, "Acme Corp");      /* name "heading 2" */
	ASSERT_BLOCK(doc, 3, RL_BLOCK_HEADING, 2, 0, "Projects");       /* basedOn a heading 2 */
	ASSERT_BLOCK(doc, 4, RL_BLOCK_HEADING, 4, 0, "Deep");           /* direct outlineLvl 3 */
	ASSERT_BLOCK(doc, 5, RL_BLOCK_HEADING, 3, 0, "Third");          /* style's outlineLvl 2 */
	ASSERT_BLOCK(doc, 6, RL_BLOCK_PARAGRAPH, 0, 0, "Body text");
	ASSERT_BLOCK(doc, 7, RL_BLOCK_PARAGRAPH, 0, 0, "Plain");
	ASSERT_BLOCK(doc, 8, RL_BLOCK_PARAGRAPH, 0, 0, "Unknown style");
	for (size_t i = 0; i < 9; i++)
		ASSERT_BLOCK_AT(doc, i, (unsigned)i + 1, 1);
	rl_doc_free(doc);
}

static void test_lists(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
		"<w:r><w:t>Alpha</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
		"<w:r><w:t>Beta</w:t></w:r></w:p>"
		PS("ListBullet", "Gamma")
		"<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/>"
		"</w:numPr></w:pPr><w:r><w:t>Delta</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr></w:pPr>"
		"<w:r><w:t>Epsilon</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
		"<w:ind w:left=\"0\" w:firstLine=\"0\"/></w:pPr><w:r><w:t>Zeta</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr>"
		"<w:r><w:t>Eta</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>"
		"<w:r><w:t>Theta</w:t></w:r></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 8);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_LIST_ITEM, 1, 0, "Alpha");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 2, 0, "Beta");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, 0, "Gamma");  /* the style carries numPr */
	ASSERT_BLOCK(doc, 3, RL_BLOCK_LIST_ITEM, 1, 0, "Delta");
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, 0, 0, "Epsilon"); /* numId 0: numbering off */
	ASSERT_BLOCK(doc, 5, RL_BLOCK_LIST_ITEM, 1, 0, "Zeta");
	ASSERT_BLOCK(doc, 6, RL_BLOCK_PARAGRAPH, 0, 0, "Eta");     /* no such w:num */
	ASSERT_BLOCK(doc, 7, RL_BLOCK_PARAGRAPH, 0, 0, "Theta");   /* direct numId 0 over the style's */
	ASSERT_BLOCK_AT(doc, 7, 8, 1);

	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nparas, 8);
	static const uint8_t list[] = { 1, 1, 1, 1, 0, 1, 0, 0 };
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(f->paras[i].list, list[i]);
	/* the numbering level's indent */
	ASSERT_NEAR(f->paras[0].ind_left, 36);
	ASSERT_NEAR(f->paras[0].ind_first, -18);
	ASSERT_NEAR(f->paras[1].ind_left, 72);
	ASSERT_NEAR(f->paras[1].ind_first, -18);
	ASSERT_NEAR(f->paras[2].ind_left, 36);
	ASSERT_NEAR(f->paras[2].ind_first, -18);
	assert_int_equal(f->paras[2].contextual, 1);
	/* numbering set on the paragraph itself: its level's indent wins over
	 * the style's (LibreOffice, as docx009 renders) */
	ASSERT_NEAR(f->paras[3].ind_left, 18);
	ASSERT_NEAR(f->paras[3].ind_first, -18);
	assert_int_equal(f->paras[3].contextual, 1);
	ASSERT_NEAR(f->paras[4].ind_left, 0);
	ASSERT_NEAR(f->paras[4].ind_first, 0);
	/* direct indent over everything */
	ASSERT_NEAR(f->paras[5].ind_left, 0);
	ASSERT_NEAR(f->paras[5].ind_first, 0);
	rl_doc_free(doc);
}

/* The parts are read from copies without what the reader never reads
 * (prune.c): the lists read as they do from the whole part, in Flat OPC
 * and in a .docx (whose parts are the bytes as written, references and
 * all). */
static void check_cut_lists_in(struct rl_doc *doc);

static void check_cut_lists(const char *numbering, const char *styles)
{
	static const char body[] = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
				   "<w:r><w:t>Alpha</w:t></w:r></w:p>"
				   "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
				   "<w:r><w:t>Beta</w:t></w:r></w:p>" PS("ListBullet", "Gamma");
	struct pkg o = { .numbering = numbering, .styles = styles };
	check_cut_lists_in(word(body, &o));
	struct rl_buf d;
	rl_buf_init(&d);
	rl_buf_addf(&d, "<w:document " NS_ALL "><w:body>%s</w:body></w:document>", body);
	const char *parts[] = {
		"[Content_Types].xml", CONTENT_TYPES, "word/document.xml", d.data, "word/_rels/document.xml.rels",
		DOC_RELS, "word/numbering.xml", numbering, "word/styles.xml", styles, NULL,
	};
	size_t len;
	char *docx = make_docx(parts, &len);
	check_cut_lists_in(read_ok("cv.docx", docx, len, RL_FORMAT_DOCX));
	free(docx);
	rl_buf_free(&d);
}

static void check_cut_lists_in(struct rl_doc *doc)
{
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_LIST_ITEM, 2, 0, "Alpha");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 1, 0, "Beta");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, 0, "Gamma");
	const struct rl_layout_facts *f = doc->layout;
	ASSERT_NEAR(f->paras[0].ind_left, 72);
	ASSERT_NEAR(f->paras[1].ind_left, 90); /* its w:num's level override */
	ASSERT_NEAR(f->paras[2].ind_left, 36);
	ASSERT_NEAR(f->paras[2].ind_first, -18);
	rl_doc_free(doc);
}

#define UNUSED_DEF(id)                                                                                     \
	"<w:abstractNum w:abstractNumId=\"" id "\" w:note=\"a > b\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>" \
	"<w:pPr><w:ind w:left=\"5000\"/></w:pPr></w:lvl></w:abstractNum>"

static const char CUT_NUMBERING[] =
	"<w:numbering " NS_W ">"
	"<w:numPicBullet w:numPicBulletId=\"0\"><w:pict/></w:numPicBullet>"
	UNUSED_DEF("7")
	"<w:abstractNum w:abstractNumId=\"0\">"
	"<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
	"<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl>"
	"<w:lvl w:ilvl=\"5\"><w:numFmt w:val=\"bullet\"/><w:pPr><w:ind w:left=\"4000\"/></w:pPr></w:lvl>"
	"</w:abstractNum>"
	UNUSED_DEF("8")
	"<w:abstractNum w:abstractNumId=\"1\">"
	"<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>"
	"</w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
	"<w:lvlOverride w:ilvl=\"0\"><w:lvl w:ilvl=\"0\"><w:pPr><w:ind w:left=\"1800\"/></w:pPr></w:lvl></w:lvlOverride>"
	"</w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"8\"/></w:num>"
	"</w:numbering>";

/* s with its first from replaced by to (free() it). */
static char *replaced(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	assert_non_null(at);
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_add(&b, s, (size_t)(at - s));
	rl_buf_adds(&b, to);
	rl_buf_adds(&b, at + strlen(from));
	size_t len;
	return rl_buf_detach(&b, &len);
}

/* A .docx of document.xml document and one more part (name xml, or none)
 * fails to read with message. */
static void docx_fails(const char *document, const char *name, const char *xml, const char *message)
{
	const char *parts[] = {
		"[Content_Types].xml", CONTENT_TYPES, "word/document.xml", document,
		"word/_rels/document.xml.rels", DOC_RELS, name, xml, NULL,
	};
	size_t len;
	char *docx = make_docx(parts, &len);
	read_fails("cv.docx", docx, len, message);
	free(docx);
}

static void test_parts_cut_before_parsing(void **state)
{
	(void)state;
	static const char styles_with_latent[] =
		"<w:styles " NS_W "><w:latentStyles w:count=\"2\"><w:lsdException w:name=\"Normal\"/>"
		"<w:lsdException w:name=\"heading 1\" w:qFormat=\"1\"/></w:latentStyles>"
		"<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
		"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>";
	check_cut_lists(CUT_NUMBERING, styles_with_latent);

	/* a comment may hide markup: that part is read whole, to the same end */
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_adds(&b, CUT_NUMBERING);
	b.len -= strlen("</w:numbering>");
	rl_buf_adds(&b, "<!-- </w:abstractNum> --></w:numbering>");
	check_cut_lists(b.data, styles_with_latent);
	rl_buf_free(&b);

	/* list ids the reader reads as numbers, written otherwise: a definition
	 * whose id the byte scan cannot be sure of is kept */
	char *ref = replaced(CUT_NUMBERING, "w:abstractNumId=\"0\">", "w:abstractNumId=\"&#48;\">");
	char *real = replaced(ref, "w:abstractNumId=\"1\">", "w:abstractNumId=\"1.0\">");
	char *spaced = replaced(real, "<w:lvl w:ilvl=\"1\">", "<w:lvl w:ilvl=\" 1\">");
	check_cut_lists(spaced, styles_with_latent);
	free(ref);
	free(real);
	free(spaced);

	/* a malformed part is reported where it is in the file, not in the copy */
	static const char doc_xml[] = "<w:document " NS_W "><w:body><w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/>"
				      "</w:numPr></w:pPr></w:p></w:body></w:document>";
	static const char bad_numbering[] = "<w:numbering " NS_W ">" UNUSED_DEF("4")
					    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"4\"/></w:num><x></w:numbering>";
	static const char bad_styles[] = "<w:styles " NS_W "><w:latentStyles><w:lsdException/></w:latentStyles>"
					 "<w:style></w:styles>";
	docx_fails(doc_xml, "word/numbering.xml", bad_numbering,
		   "malformed XML in word/numbering.xml at 1:312: Opening and ending tag mismatch: x line 1 and "
		   "w:numbering");
	docx_fails(doc_xml, "word/styles.xml", bad_styles,
		   "malformed XML in word/styles.xml at 1:152: Opening and ending tag mismatch: style line 1 and "
		   "styles");
	static const char bad_doc[] = "<w:document " NS_W "><w:body><w:p><w:r><w:rPr><w:lang w:val=\"en-GB\"/>"
				      "<w:color w:val=\"FF0000\"/></w:rPr><w:t>x</w:t></w:r></w:p><w:p></w:body>"
				      "</w:document>";
	docx_fails(bad_doc, NULL, NULL,
		   "malformed XML in word/document.xml at 1:203: Opening and ending tag mismatch: p line 1 and body");
	/* an error inside a list definition no list uses: the numbering
	 * part's first, unchecked reading cuts it; the second reports it */
	static const char entity_numbering[] = "<w:numbering " NS_W "><w:abstractNum w:abstractNumId=\"4\" "
					       "w:note=\"&nbsp;\"/><w:num w:numId=\"1\"><w:abstractNumId "
					       "w:val=\"0\"/></w:num></w:numbering>";
	docx_fails(doc_xml, "word/numbering.xml", entity_numbering,
		   "malformed XML in word/numbering.xml at 1:134: Entity 'nbsp' not defined");
	/* an error inside an element the reader would cut is still found */
	static const char entity_doc[] = "<w:document " NS_W "><w:body><w:p><w:r><w:rPr><w:lang w:val=\"en-GB\"/>"
					 "<w:color w:val=\"&nbsp;\"/></w:rPr><w:t>x</w:t></w:r></w:p></w:body>"
					 "</w:document>";
	docx_fails(entity_doc, NULL, NULL, "malformed XML in word/document.xml at 1:154: Entity 'nbsp' not defined");
	static const char twice_styles[] = "<w:styles " NS_W "><w:latentStyles><w:lsdException w:name=\"a\" "
					   "w:name=\"b\"/></w:latentStyles></w:styles>";
	docx_fails(doc_xml, "word/styles.xml", twice_styles,
		   "malformed XML in word/styles.xml at 1:135: Attribute w:name redefined");
}

/* Styles and lists are looked up through sorted indexes (a hostile part
 * defines thousands): a chain through styles written in any order
 * resolves, and of two definitions with one id the first in the part
 * counts, as in a linear search. */
static void test_style_and_list_lookup(void **state)
{
	(void)state;
	struct rl_buf st;
	rl_buf_init(&st);
	rl_buf_adds(&st, "<w:styles " NS_W ">");
	/* S0 ("heading 3") <- S1 <- ... <- S20, written in a scrambled order */
	for (int k = 0; k < 21; k++) {
		int i = (k * 8) % 21;
		rl_buf_addf(&st, "<w:style w:type=\"paragraph\" w:styleId=\"S%d\">", i);
		if (i)
			rl_buf_addf(&st, "<w:name w:val=\"s%d\"/><w:basedOn w:val=\"S%d\"/>", i, i - 1);
		else
			rl_buf_adds(&st, "<w:name w:val=\"heading 3\"/>");
		rl_buf_adds(&st, "</w:style>");
	}
	/* Twice: the first is a heading, the second not; a character style
	 * of the same id is another style */
	rl_buf_adds(&st, "<w:style w:type=\"character\" w:styleId=\"Twice\"><w:name w:val=\"x\"/></w:style>"
			 "<w:style w:type=\"paragraph\" w:styleId=\"Twice\"><w:name w:val=\"heading 2\"/></w:style>"
			 "<w:style w:type=\"paragraph\" w:styleId=\"Twice\"><w:name w:val=\"Body\"/></w:style>"
			 "</w:styles>");
	static const char numbering[] =
		"<w:numbering " NS_W ">"
		"<w:abstractNum w:abstractNumId=\"5\"><w:lvl w:ilvl=\"0\"><w:pPr><w:ind w:left=\"720\"/></w:pPr>"
		"</w:lvl></w:abstractNum>"
		"<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:pPr><w:ind w:left=\"1440\"/></w:pPr>"
		"</w:lvl></w:abstractNum>"
		"<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:pPr><w:ind w:left=\"2880\"/></w:pPr>"
		"</w:lvl></w:abstractNum>"
		"<w:num w:numId=\"9\"><w:abstractNumId w:val=\"3\"/></w:num>"
		"<w:num w:numId=\"9\"><w:abstractNumId w:val=\"5\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"5\"/></w:num>"
		"</w:numbering>";
	struct pkg o = { .styles = st.data, .numbering = numbering };
	struct rl_doc *doc = word(PS("S20", "Deep") PS("Twice", "First") PS("S7", "Middle")
				  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"9\"/></w:numPr>"
				  "</w:pPr><w:r><w:t>Nine</w:t></w:r></w:p>"
				  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>"
				  "</w:pPr><w:r><w:t>Two</w:t></w:r></w:p>",
				  &o);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 3, 0, "Deep");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_HEADING, 2, 0, "First");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, 3, 0, "Middle");
	ASSERT_BLOCK(doc, 3, RL_BLOCK_LIST_ITEM, 1, 0, "Nine");
	ASSERT_BLOCK(doc, 4, RL_BLOCK_LIST_ITEM, 1, 0, "Two");
	ASSERT_NEAR(doc->layout->paras[3].ind_left, 72); /* the first num 9, the first definition 3 */
	ASSERT_NEAR(doc->layout->paras[4].ind_left, 36);
	rl_doc_free(doc);
	rl_buf_free(&st);
}

static const char TABLES[] =
	P("Skills")
	"<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>"
	"<w:tblInd w:w=\"144\" w:type=\"dxa\"/>"
	"<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"nil\"/></w:tblBorders>"
	"<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"100\" w:type=\"dxa\"/>"
	"<w:bottom w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"120\" w:type=\"dxa\"/></w:tblCellMar>"
	"<w:tblCaption w:val=\"Skills table\"/></w:tblPr>"
	"<w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"4000\"/></w:tblGrid>"
	"<w:tr><w:trPr><w:trHeight w:val=\"400\" w:hRule=\"exact\"/></w:trPr>"
	"<w:tc><w:tcPr><w:tcW w:w=\"5000\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/></w:tcPr>" P("Languages") "</w:tc>"
	"<w:tc>" P("C, Python") "</w:tc></w:tr>"
	"<w:tr><w:tc>" P("Tools") "</w:tc><w:tc>" P("Git") P("Make") "</w:tc><w:tc><w:p/></w:tc></w:tr>"
	"</w:tbl>"
	P("After")
	"<w:tbl><w:tblGrid><w:gridCol w:w=\"1000\"/></w:tblGrid><w:tr><w:tc><w:tcPr/>" P("Second") "</w:tc></w:tr></w:tbl>";

static void test_tables(void **state)
{
	(void)state;
	struct rl_doc *doc = word(TABLES, NULL);
	assert_int_equal(doc->nblocks, 9);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Skills");
	static const struct {
		const char *text;
		unsigned line, table, row, col;
	} cells[] = {
		{ "Languages", 2, 1, 0, 0 },
		{ "C, Python", 3, 1, 0, 2 }, /* after a cell spanning two grid columns */
		{ "Tools", 4, 1, 1, 0 },
		{ "Git", 5, 1, 1, 1 },
		{ "Make", 6, 1, 1, 1 },
	};
	for (size_t i = 0; i < 5; i++) {
		const struct rl_block *b = &doc->blocks[i + 1];
		ASSERT_BLOCK(doc, i + 1, RL_BLOCK_TABLE_CELL, 0, 0, cells[i].text);
		ASSERT_BLOCK_AT(doc, i + 1, cells[i].line, 1);
		assert_int_equal(b->table, cells[i].table);
		assert_int_equal(b->row, cells[i].row);
		assert_int_equal(b->col, cells[i].col);
	}
	/* line 7 is the empty cell */
	ASSERT_BLOCK(doc, 6, RL_BLOCK_PARAGRAPH, 0, 0, "After");
	ASSERT_BLOCK_AT(doc, 6, 8, 1);
	assert_int_equal(doc->blocks[6].table, 0);
	ASSERT_BLOCK(doc, 7, RL_BLOCK_TABLE_CELL, 0, 0, "Second");
	ASSERT_BLOCK_AT(doc, 7, 9, 1);
	assert_int_equal(doc->blocks[7].table, 2);
	assert_int_equal(doc->blocks[7].row, 0);
	assert_int_equal(doc->blocks[7].col, 0);
	/* the caption: not printed, a line after every paragraph */
	ASSERT_BLOCK(doc, 8, RL_BLOCK_PARAGRAPH, 0, RL_BF_ALT_TEXT, "Skills table");
	ASSERT_BLOCK_AT(doc, 8, 10, 1);
	assert_int_equal(doc->words, 11); /* the caption's words are counted */

	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nparas, 9); /* the caption takes no room */
	assert_int_equal(f->paras[1].table, 1);
	assert_int_equal(f->paras[1].col_span, 2);
	assert_int_equal(f->paras[2].col, 2);
	assert_int_equal(f->paras[2].col_span, 1);
	assert_int_equal(f->paras[6].number, 7);
	assert_int_equal(f->paras[6].block, SIZE_MAX);
	assert_int_equal(f->paras[6].table, 1);
	assert_int_equal(f->paras[6].row, 1);
	assert_int_equal(f->paras[6].col, 2);
	assert_int_equal(f->paras[7].table, 0);
	assert_int_equal(f->paras[8].table, 2);

	assert_int_equal(f->ntables, 2);
	const struct rl_lf_table *t = &f->tables[0];
	assert_int_equal(t->ncols, 3);
	ASSERT_NEAR(t->grid[0], 100);
	ASSERT_NEAR(t->grid[1], 150);
	ASSERT_NEAR(t->grid[2], 200);
	ASSERT_NEAR(t->cell_margin_top, 2);
	ASSERT_NEAR(t->cell_margin_left, 5);
	ASSERT_NEAR(t->cell_margin_bottom, 3);
	ASSERT_NEAR(t->cell_margin_right, 6);
	ASSERT_NEAR(t->indent, 7.2);
	assert_int_equal(t->borders, 1);
	assert_int_equal(t->rows, 2);
	ASSERT_NEAR(t->row_height[0], 20);
	assert_int_equal(t->row_exact[0], 1);
	ASSERT_NEAR(t->row_height[1], 0);
	assert_int_equal(t->row_exact[1], 0);
	assert_int_equal(t->nested, 0);
	assert_int_equal(t->first_para, 1);
	t = &f->tables[1];
	assert_int_equal(t->ncols, 1);
	ASSERT_NEAR(t->grid[0], 50);
	/* "Normal Table": 108 twips left and right */
	ASSERT_NEAR(t->cell_margin_left, 5.4);
	ASSERT_NEAR(t->cell_margin_right, 5.4);
	ASSERT_NEAR(t->cell_margin_top, 0);
	assert_int_equal(t->borders, 0);
	assert_int_equal(t->rows, 1);
	/* an index into the facts' paragraphs (which hold no caption) */
	assert_int_equal(t->first_para, 8);
	assert_string_equal(f->paras[t->first_para].text, "Second");

	/* the table style's paragraph properties apply inside its table only */
	ASSERT_NEAR(f->paras[0].space_after, 8);
	ASSERT_NEAR(f->paras[0].line, 259.0f / 240.0f);
	for (size_t i = 1; i <= 6; i++) {
		ASSERT_NEAR(f->paras[i].space_after, 0);
		ASSERT_NEAR(f->paras[i].line, 1);
		assert_int_equal(f->paras[i].line_rule, RL_LINE_AUTO);
	}
	ASSERT_NEAR(f->paras[7].space_after, 8);
	ASSERT_NEAR(f->paras[8].space_after, 8);
	rl_doc_free(doc);
}

static void test_nested_table(void **state)
{
	(void)state;
	struct rl_doc *doc = word("<w:tbl><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"4000\"/></w:tblGrid>"
				  "<w:tr><w:tc>" P("Outer")
				  "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr><w:tc>" P("Inner")
				  "</w:tc></w:tr></w:tbl>" P("Outer again") "</w:tc><w:tc>" P("Right") "</w:tc></w:tr></w:tbl>",
				  NULL);
	assert_int_equal(doc->nblocks, 4);
	static const struct {
		const char *text;
		unsigned table, col;
	} want[] = { { "Outer", 1, 0 }, { "Inner", 2, 0 }, { "Outer again", 1, 0 }, { "Right", 1, 1 } };
	for (size_t i = 0; i < 4; i++) {
		ASSERT_BLOCK(doc, i, RL_BLOCK_TABLE_CELL, 0, 0, want[i].text);
		ASSERT_BLOCK_AT(doc, i, (unsigned)i + 1, 1);
		assert_int_equal(doc->blocks[i].table, want[i].table);
		assert_int_equal(doc->blocks[i].col, want[i].col);
		assert_int_equal(doc->blocks[i].row, 0);
	}
	assert_int_equal(doc->layout->ntables, 2);
	assert_int_equal(doc->layout->tables[0].nested, 0);
	assert_int_equal(doc->layout->tables[1].nested, 1);
	assert_int_equal(doc->layout->tables[0].first_para, 0);
	assert_int_equal(doc->layout->tables[1].first_para, 1);
	rl_doc_free(doc);
}

/* ---- text boxes, content controls, revisions, fields ---- */

static void test_textbox_read_once(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		"<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
		"<wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\""
		" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
		"<wp:positionH relativeFrom=\"column\"><wp:posOffset>635000</wp:posOffset></wp:positionH>"
		"<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>127000</wp:posOffset></wp:positionV>"
		"<wp:extent cx=\"1270000\" cy=\"635000\"/><wp:wrapSquare wrapText=\"bothSides\"/>"
		"<wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic>"
		"<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
		"<wps:wsp><wps:txbx><w:txbxContent>"
		"<w:p><w:r><w:lastRenderedPageBreak/><w:t>Boxed text</w:t></w:r></w:p>" P("Second box line")
		"</w:txbxContent></wps:txbx>"
		"<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
		"<mc:Fallback><w:pict><v:shape style=\"position:absolute;width:100pt;height:50pt\"><v:textbox>"
		"<w:txbxContent>" P("Boxed text") P("Second box line") "</w:txbxContent></v:textbox></v:shape></w:pict>"
		"</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space=\"preserve\"> more</w:t></w:r></w:p>"
		"<w:p><w:r><w:lastRenderedPageBreak/><w:t>After box</w:t></w:r></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 4);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Anchor more");
	ASSERT_BLOCK_AT(doc, 0, 1, 1);
	ASSERT_SUB(doc, 0, "more", 1, 8);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, RL_BF_TEXTBOX, "Boxed text");
	ASSERT_BLOCK_AT(doc, 1, 2, 1);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, RL_BF_TEXTBOX, "Second box line");
	ASSERT_BLOCK_AT(doc, 2, 3, 1);
	/* the fallback's two paragraphs are lines 4 and 5, not read */
	ASSERT_LINE_TEXT(doc, 4, "");
	ASSERT_LINE_TEXT(doc, 5, "");
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, 0, "After box");
	ASSERT_BLOCK_AT(doc, 3, 6, 1);

	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->textboxes, 1);
	assert_int_equal(f->nparas, 4);
	assert_int_equal(f->paras[0].in_textbox, 0);
	assert_int_equal(f->paras[1].in_textbox, 1);
	assert_int_equal(f->paras[2].in_textbox, 1);
	assert_ptr_equal(lf_para(doc, 6), &f->paras[3]);
	/* Word's last pagination: each paragraph's, and the body's outside text boxes */
	assert_int_equal(f->paras[1].rendered_breaks, 1);
	assert_int_equal(f->paras[3].rendered_breaks, 1);
	assert_int_equal(f->paras[0].rendered_breaks, 0);
	assert_int_equal(f->rendered_breaks, 1);
	/* the shape is a drawing of its anchor paragraph, not an image */
	assert_int_equal(f->paras[0].ndrawings, 1);
	const struct rl_lf_drawing *d = &f->paras[0].drawings[0];
	ASSERT_NEAR(d->width, 100);
	ASSERT_NEAR(d->height, 50);
	ASSERT_NEAR(d->y, 10);
	assert_int_equal(d->inline_, 0);
	assert_int_equal(d->picture, 0);
	assert_int_equal(d->from_page, 0);
	assert_int_equal(d->wrap_flow, 0);
	assert_int_equal(d->image, SIZE_MAX);
	assert_int_equal(f->paras[1].ndrawings, 0);
	assert_int_equal(doc->nimages, 0);
	rl_doc_free(doc);
}

static void test_sdt_revisions_fields(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		"<w:sdt><w:sdtPr><w:alias w:val=\"Name\"/><w:tag w:val=\"name\"/><w:placeholder>"
		"<w:docPart w:val=\"DefaultPlaceholder\"/></w:placeholder><w:text/></w:sdtPr><w:sdtEndPr/>"
		"<w:sdtContent>" P("Jane Doe") "</w:sdtContent></w:sdt>"
		/* if an inline sdtPr were read, its run would show */
		"<w:p><w:r><w:t xml:space=\"preserve\">Phone: </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val=\"Phone\"/>"
		"<w:r><w:t>[phone]</w:t></w:r></w:sdtPr><w:sdtContent><w:r><w:t>555-0100</w:t></w:r></w:sdtContent></w:sdt></w:p>"
		"<w:p><w:r><w:t xml:space=\"preserve\">Led </w:t></w:r>"
		"<w:ins w:id=\"1\" w:author=\"A\" w:date=\"2020-01-01T00:00:00Z\"><w:r><w:t xml:space=\"preserve\">five </w:t>"
		"</w:r></w:ins><w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">three </w:delText>"
		"</w:r></w:del><w:moveFrom w:id=\"3\" w:author=\"A\"><w:r><w:t>moved</w:t></w:r></w:moveFrom>"
		"<w:r><w:t>engineers</w:t></w:r></w:p>"
		"<w:p><w:r><w:t xml:space=\"preserve\">Email: </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"mailto:jane@example.com\" </w:instrText></w:r>"
		"<w:r><w:t>stray</w:t></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		"<w:r><w:t>jane@example.com</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
		"<w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r><w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \">"
		"<w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"
		/* a field inside another's instruction: only the outer result shows */
		"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>inner</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>still instruction</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Outer result</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> after</w:t></w:r></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 6);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Jane Doe");
	ASSERT_BLOCK_AT(doc, 0, 1, 1);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Phone: 555-0100");
	ASSERT_SUB(doc, 1, "555-0100", 2, 8);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, 0, "Led five engineers");
	ASSERT_SUB(doc, 2, "engineers", 3, 10);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, 0, "Email: jane@example.com");
	ASSERT_SUB(doc, 3, "jane@example.com", 4, 8);
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, 0, 0, "Page 1");
	ASSERT_BLOCK(doc, 5, RL_BLOCK_PARAGRAPH, 0, 0, "Outer result after");
	ASSERT_BLOCK_AT(doc, 5, 6, 1);
	rl_doc_free(doc);
}

/* ---- headers and footers ---- */

static void test_headers_footers(void **state)
{
	(void)state;
	struct pkg o = {
		.header = "<w:hdr " NS_ALL "><w:p><w:r><w:t xml:space=\"preserve\">Jane Doe | </w:t></w:r>"
			  "<w:hyperlink r:id=\"rId1\"><w:r><w:t>jane@example.com</w:t></w:r></w:hyperlink></w:p><w:p/></w:hdr>",
		.footer = "<w:ftr " NS_ALL "><w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
			  "<w:fldSimple w:instr=\"PAGE\"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>",
		.extra = PART("/word/_rels/header1.xml.rels",
			      RELS_OPEN REL_EXT("rId1", "hyperlink", "mailto:jane@example.com") "</Relationships>")
			PART("/word/header2.xml", "<w:hdr " NS_W ">" P("First page only") "</w:hdr>"),
	};
	struct rl_doc *doc = word(P("Experience") P("Acme")
				  "<w:sectPr><w:headerReference w:type=\"first\" r:id=\"rId10\"/>"
				  "<w:headerReference w:type=\"default\" r:id=\"rId5\"/>"
				  "<w:footerReference w:type=\"default\" r:id=\"rId6\"/>"
				  "<w:pgSz w:w=\"12240\" w:h=\"15840\"/></w:sectPr>",
				  &o);
	assert_int_equal(doc->nblocks, 4);
	/* headers and footers come first; their lines follow the body's */
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PAGE_HEADER, 0, 0, "Jane Doe | jane@example.com");
	ASSERT_BLOCK_AT(doc, 0, 3, 1);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PAGE_FOOTER, 0, 0, "Page 1");
	ASSERT_BLOCK_AT(doc, 1, 5, 1);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, 0, "Experience");
	ASSERT_BLOCK_AT(doc, 2, 1, 1);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, 0, "Acme");
	ASSERT_BLOCK_AT(doc, 3, 2, 1);
	ASSERT_LINE_TEXT(doc, 4, "");
	/* the header's link through the header's own relationships */
	assert_int_equal(doc->nlinks, 1);
	assert_string_equal(doc->links[0].url, "mailto:jane@example.com");
	assert_memory_equal(doc->src->bytes + doc->links[0].start, "jane@example.com", 16);
	ASSERT_POS(doc, doc->links[0].start, 3, 12);
	/* header and footer words are not body words */
	assert_int_equal(doc->words, 2);

	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nparas, 5);
	static const unsigned number[] = { 3, 4, 5, 1, 2 };
	static const uint8_t hdr[] = { 1, 1, 0, 0, 0 }, ftr[] = { 0, 0, 1, 0, 0 };
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(f->paras[i].number, number[i]);
		assert_int_equal(f->paras[i].in_header, hdr[i]);
		assert_int_equal(f->paras[i].in_footer, ftr[i]);
	}
	assert_int_equal(f->paras[1].block, SIZE_MAX);
	assert_int_equal(f->paras[0].block, 0);
	assert_int_equal(f->paras[3].block, 2);
	rl_doc_free(doc);
}

static void test_italic_runs(void **state)
{
	(void)state;
	/* titles are set in italics: the block says which text is */
	struct rl_doc *doc = word("<w:p><w:r><w:t xml:space=\"preserve\">Eliza in </w:t></w:r>"
				  "<w:r><w:rPr><w:i/></w:rPr><w:t>My Fair Lady</w:t></w:r>"
				  "<w:r><w:t>, 2019</w:t></w:r></w:p>",
				  NULL);
	const struct rl_block *b = &doc->blocks[0];
	assert_string_equal(b->text, "Eliza in My Fair Lady, 2019");
	int found = 0;
	for (size_t k = 0; k < b->nfmt; k++)
		if (b->fmt[k].fmt & RL_FMT_ITALIC) {
			assert_int_equal(b->fmt[k].text_off, 9);
			assert_int_equal(b->fmt[k].len, 12);
			found++;
		}
	assert_int_equal(found, 1);
	rl_doc_free(doc);
}

static void test_list_in_table_cell(void **state)
{
	(void)state;
	/* a two-column layout table: a bullet in a cell is still a bullet, in
	 * its table's cell */
	struct rl_doc *doc = word("<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>"
				  "<w:tr><w:tc>" P("Experience") "</w:tc><w:tc>" P("Acme, 2019 - 2023")
				  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
				  "<w:r><w:t>I led the checkout redesign</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
				  NULL);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_TABLE_CELL, 0, 0, "Acme, 2019 - 2023");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, 0, "I led the checkout redesign");
	assert_int_equal(doc->blocks[2].table, 1);
	assert_int_equal(doc->blocks[2].col, 1);
	rl_doc_free(doc);
}

static void test_table_first_para_after_header(void **state)
{
	(void)state;
	struct pkg o = { .header = "<w:hdr " NS_W ">" P("Header line") "</w:hdr>" };
	struct rl_doc *doc = word(P("Intro")
				  "<w:tbl><w:tblGrid><w:gridCol w:w=\"1000\"/></w:tblGrid><w:tr><w:tc>" P("Cell")
				  "</w:tc></w:tr></w:tbl><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId5\"/></w:sectPr>",
				  &o);
	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nparas, 3);
	assert_string_equal(f->paras[0].text, "Header line");
	assert_int_equal(f->ntables, 1);
	assert_int_equal(f->tables[0].first_para, 2);
	assert_string_equal(f->paras[f->tables[0].first_para].text, "Cell");
	rl_doc_free(doc);
}

/* ---- layout facts ---- */

static void test_sections(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		"<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/>"
		"<w:pgMar w:top=\"720\" w:right=\"1080\" w:bottom=\"720\" w:left=\"1080\" w:header=\"360\" w:footer=\"360\""
		" w:gutter=\"0\"/><w:cols w:space=\"720\"/></w:sectPr></w:pPr><w:r><w:t>Page one</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>Second section</w:t><w:br w:type=\"column\"/></w:r></w:p>"
		"<w:sectPr><w:type w:val=\"continuous\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
		"<w:pgMar w:top=\"1440\" w:right=\"1134\" w:bottom=\"-1440\" w:left=\"1134\" w:header=\"708\" w:footer=\"708\""
		" w:gutter=\"567\"/><w:cols w:num=\"2\" w:space=\"425\"/></w:sectPr>",
		NULL);
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Page one");
	ASSERT_BLOCK_AT(doc, 1, 2, 1);
	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nsections, 2);
	const struct rl_lf_section *s = &f->sections[0];
	ASSERT_NEAR(s->page_w, 612);
	ASSERT_NEAR(s->page_h, 792);
	ASSERT_NEAR(s->m_top, 36);
	ASSERT_NEAR(s->m_right, 54);
	ASSERT_NEAR(s->m_bottom, 36);
	ASSERT_NEAR(s->m_left, 54);
	ASSERT_NEAR(s->m_header, 18);
	ASSERT_NEAR(s->m_footer, 18);
	ASSERT_NEAR(s->gutter, 0);
	assert_int_equal(s->columns, 1);
	ASSERT_NEAR(s->column_space, 36);
	assert_int_equal(s->starts_new_page, 1);
	assert_int_equal(s->explicit_geometry, 1);
	s = &f->sections[1];
	ASSERT_NEAR(s->page_w, 595.3);
	ASSERT_NEAR(s->page_h, 841.9);
	ASSERT_NEAR(s->m_top, 72);
	ASSERT_NEAR(s->m_bottom, 72); /* negative: the body does not move, but the size holds */
	ASSERT_NEAR(s->m_left, 56.7);
	ASSERT_NEAR(s->m_right, 56.7);
	ASSERT_NEAR(s->m_header, 35.4);
	ASSERT_NEAR(s->m_footer, 35.4);
	ASSERT_NEAR(s->gutter, 28.35);
	assert_int_equal(s->columns, 2);
	ASSERT_NEAR(s->column_space, 21.25);
	assert_int_equal(s->starts_new_page, 0);
	assert_int_equal(s->explicit_geometry, 1);
	assert_int_equal(f->paras[0].section, 0);
	assert_int_equal(f->paras[0].section_break, 1);
	assert_int_equal(f->paras[1].section, 1);
	assert_int_equal(f->paras[1].section_break, 0);
	assert_int_equal(f->paras[1].column_breaks, 1);
	assert_int_equal(f->paras[1].page_breaks, 0);
	assert_string_equal(f->paras[1].text, "Second section\v");
	rl_doc_free(doc);

	/* no w:sectPr at all (pandoc): one Letter section, 1 in margins */
	doc = word(P("Only"), NULL);
	f = doc->layout;
	assert_int_equal(f->nsections, 1);
	ASSERT_NEAR(f->sections[0].page_w, 612);
	ASSERT_NEAR(f->sections[0].page_h, 792);
	ASSERT_NEAR(f->sections[0].m_left, 72);
	ASSERT_NEAR(f->sections[0].m_header, 36);
	assert_int_equal(f->sections[0].columns, 1);
	assert_int_equal(f->sections[0].explicit_geometry, 0);
	rl_doc_free(doc);
}

static void test_paragraph_properties(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		P("Default") PS("Compact2", "Chained")
		"<w:p><w:pPr><w:pStyle w:val=\"Compact2\"/><w:keepNext w:val=\"0\"/>"
		"<w:spacing w:after=\"0\" w:line=\"276\" w:lineRule=\"auto\"/><w:jc w:val=\"right\"/></w:pPr>"
		"<w:r><w:t>Direct</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"exact\"/></w:pPr><w:r><w:t>Exact</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:spacing w:line=\"300\" w:lineRule=\"atLeast\"/></w:pPr><w:r><w:t>At least</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:ind w:left=\"360\" w:right=\"180\" w:firstLine=\"144\"/></w:pPr><w:r><w:t>Ind</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:ind w:start=\"567\" w:hanging=\"283\"/></w:pPr><w:r><w:t>Hang</w:t></w:r></w:p>"
		PS("Heading1", "Heading")
		"<w:p><w:pPr><w:contextualSpacing/><w:keepLines/><w:widowControl w:val=\"0\"/>"
		"<w:spacing w:beforeAutospacing=\"1\" w:afterAutospacing=\"1\"/></w:pPr><w:r><w:t>Auto</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:pageBreakBefore/><w:tabs><w:tab w:val=\"right\" w:pos=\"9360\"/>"
		"<w:tab w:val=\"left\" w:leader=\"dot\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>New page</w:t></w:r></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 10);
	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nparas, 10);
	const struct rl_lf_para *p = &f->paras[0];
	/* docDefaults only */
	ASSERT_NEAR(p->space_before, 0);
	ASSERT_NEAR(p->space_after, 8);
	assert_int_equal(p->line_rule, RL_LINE_AUTO);
	ASSERT_NEAR(p->line, 259.0f / 240.0f);
	assert_int_equal(p->align, RL_ALIGN_LEFT);
	assert_int_equal(p->keep_next, 0);
	assert_int_equal(p->contextual, 0);
	assert_int_equal(p->widow_control, 1);
	assert_int_equal(p->list, 0);
	/* through Compact2 → Compact → Normal → docDefaults */
	p = &f->paras[1];
	ASSERT_NEAR(p->space_before, 6);
	ASSERT_NEAR(p->space_after, 4);
	ASSERT_NEAR(p->line, 259.0f / 240.0f);
	assert_int_equal(p->align, RL_ALIGN_JUSTIFY);
	assert_int_equal(p->keep_next, 1);
	/* direct over the chain */
	p = &f->paras[2];
	ASSERT_NEAR(p->space_before, 6);
	ASSERT_NEAR(p->space_after, 0);
	assert_int_equal(p->line_rule, RL_LINE_AUTO);
	ASSERT_NEAR(p->line, 1.15);
	assert_int_equal(p->align, RL_ALIGN_RIGHT);
	assert_int_equal(p->keep_next, 0);
	assert_int_equal(f->paras[1].style, f->paras[2].style);
	assert_true(f->paras[0].style != f->paras[1].style);
	assert_int_equal(f->paras[3].line_rule, RL_LINE_EXACT);
	ASSERT_NEAR(f->paras[3].line, 12);
	assert_int_equal(f->paras[4].line_rule, RL_LINE_AT_LEAST);
	ASSERT_NEAR(f->paras[4].line, 15);
	ASSERT_NEAR(f->paras[5].ind_left, 18);
	ASSERT_NEAR(f->paras[5].ind_right, 9);
	ASSERT_NEAR(f->paras[5].ind_first, 7.2);
	ASSERT_NEAR(f->paras[6].ind_left, 28.35);
	ASSERT_NEAR(f->paras[6].ind_first, -14.15);
	p = &f->paras[7];
	assert_int_equal(p->keep_next, 1);
	ASSERT_NEAR(p->space_before, 12);
	ASSERT_NEAR(p->space_after, 0);
	p = &f->paras[8];
	assert_int_equal(p->contextual, 1);
	assert_int_equal(p->keep_lines, 1);
	assert_int_equal(p->widow_control, 0);
	assert_int_equal(p->before_auto, 1);
	assert_int_equal(p->after_auto, 1);
	ASSERT_NEAR(p->space_after, 8); /* the twips value stays; the flag says auto */
	p = &f->paras[9];
	assert_int_equal(p->page_break_before, 1);
	assert_int_equal(p->ntabs, 2);
	ASSERT_NEAR(p->tabs[0].pos, 468);
	assert_int_equal(p->tabs[0].kind, RL_TAB_RIGHT);
	ASSERT_NEAR(p->tabs[1].pos, 36);
	assert_int_equal(p->tabs[1].kind, RL_TAB_LEFT);
	ASSERT_BLOCK(doc, 9, RL_BLOCK_PARAGRAPH, 0, RL_BF_PAGE_BREAK_BEFORE, "New page");
	rl_doc_free(doc);
}

static void test_run_properties(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		P("Plain")
		"<w:p><w:pPr><w:pStyle w:val=\"BoldPara\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Bold </w:t></w:r>"
		"<w:r><w:rPr><w:rStyle w:val=\"Emph\"/></w:rPr><w:t xml:space=\"preserve\">emph </w:t></w:r>"
		"<w:r><w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\"/><w:b w:val=\"0\"/><w:sz w:val=\"20\"/></w:rPr>"
		"<w:t>plain</w:t></w:r></w:p>"
		PS("Heading1", "Heading")
		"<w:p><w:pPr><w:pStyle w:val=\"BoldPara\"/></w:pPr><w:r><w:t>All</w:t></w:r>"
		"<w:r><w:rPr><w:b w:val=\"false\"/></w:rPr><w:t xml:space=\"preserve\"> </w:t></w:r>"
		"<w:r><w:t>bold</w:t></w:r></w:p>"
		"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Direct</w:t></w:r></w:p>"
		"<w:p><w:r><w:rPr><w:caps/><w:smallCaps/><w:i/><w:spacing w:val=\"20\"/></w:rPr><w:t>Caps</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:rPr><w:sz w:val=\"8\"/></w:rPr></w:pPr></w:p>"
		"<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Arial\" w:asciiTheme=\"majorHAnsi\"/></w:rPr><w:t>Theme</w:t></w:r></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 7);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Plain");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Bold emph plain"); /* one run not bold */
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, 1, 0, "Heading");
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, RL_BF_STRONG, "All bold"); /* the space's run does not count */
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, 0, RL_BF_STRONG, "Direct");
	ASSERT_BLOCK(doc, 5, RL_BLOCK_PARAGRAPH, 0, 0, "Caps");
	ASSERT_BLOCK(doc, 6, RL_BLOCK_PARAGRAPH, 0, 0, "Theme");

	const struct rl_layout_facts *f = doc->layout;
	/* docDefaults: 11 pt, the theme's minor font */
	const struct rl_lf_run *r = &f->paras[0].runs[0];
	ASSERT_NEAR(r->size, 11);
	assert_int_equal(r->bold, 0);
	assert_string_equal(font_name(doc, r->font), "Calibri");
	/* paragraph style, then character style, then direct */
	const struct rl_lf_para *p = &f->paras[1];
	assert_int_equal(p->nruns, 3);
	r = &p->runs[0];
	assert_int_equal(r->off, 0);
	assert_int_equal(r->len, 5);
	assert_int_equal(r->bold, 1);
	assert_int_equal(r->italic, 0);
	ASSERT_NEAR(r->size, 12);
	assert_string_equal(font_name(doc, r->font), "Calibri");
	r = &p->runs[1];
	assert_int_equal(r->off, 5);
	assert_int_equal(r->bold, 1);
	assert_int_equal(r->italic, 1);
	ASSERT_NEAR(r->size, 14);
	r = &p->runs[2];
	assert_int_equal(r->off, 10);
	assert_int_equal(r->len, 5);
	assert_int_equal(r->bold, 0);
	ASSERT_NEAR(r->size, 10);
	assert_string_equal(font_name(doc, r->font), "Georgia");
	ASSERT_NEAR(p->mark_size, 12);
	/* the heading style's theme major font */
	r = &f->paras[2].runs[0];
	ASSERT_NEAR(r->size, 16);
	assert_int_equal(r->bold, 0);
	assert_string_equal(font_name(doc, r->font), "Calibri Light");
	r = &f->paras[5].runs[0];
	assert_int_equal(r->caps, 1);
	assert_int_equal(r->small_caps, 1);
	assert_int_equal(r->italic, 1);
	ASSERT_NEAR(r->spacing, 1);
	/* an empty paragraph's height comes from its mark */
	p = &f->paras[6];
	assert_int_equal(p->block, SIZE_MAX);
	ASSERT_NEAR(p->mark_size, 4);
	assert_string_equal(font_name(doc, p->mark_font), "Calibri");
	/* the theme attribute wins over the font name */
	assert_string_equal(font_name(doc, f->paras[7].runs[0].font), "Calibri Light");
	rl_doc_free(doc);
}

static void test_settings_and_app(void **state)
{
	(void)state;
	struct rl_doc *doc = word(P("x"), NULL);
	const struct rl_layout_facts *f = doc->layout;
	ASSERT_NEAR(f->default_tab, 35.4);
	assert_int_equal(f->add_spacing, 1);
	assert_int_equal(f->app_pages, 2);
	assert_int_equal(f->app_words, 345);
	assert_non_null(f->application);
	assert_string_equal(f->application, "Microsoft Office Word");
	rl_doc_free(doc);

	/* none of the optional parts: the application's defaults, which
	 * LibreOffice sets to Calibri 11 pt (measured on its render) */
	struct pkg bare = { .styles = "", .numbering = "", .theme = "", .settings = "", .app = "" };
	doc = word(P("x")
		   "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
		   "<w:r><w:t>item</w:t></w:r></w:p>",
		   &bare);
	f = doc->layout;
	ASSERT_NEAR(f->default_tab, 36);
	assert_int_equal(f->add_spacing, 0);
	assert_int_equal(f->app_pages, -1);
	assert_int_equal(f->app_words, -1);
	assert_null(f->application);
	ASSERT_NEAR(f->paras[0].runs[0].size, 11);
	assert_string_equal(font_name(doc, f->paras[0].runs[0].font), "Calibri");
	ASSERT_NEAR(f->paras[0].space_after, 0);
	ASSERT_NEAR(f->paras[0].line, 1);
	assert_int_equal(f->paras[0].widow_control, 1);
	/* no numbering part: a numId still makes a list */
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 1, 0, "item");
	assert_int_equal(f->missing_styles, 0);
	rl_doc_free(doc);

	/* an empty w:docDefaults: the schema's defaults, Times New Roman 10 pt;
	 * a paragraph naming a style that is not there is counted */
	struct pkg empty_defaults = { .styles = "<w:styles " NS_W "><w:docDefaults/></w:styles>",
				      .numbering = "", .theme = "", .settings = "", .app = "" };
	doc = word(PS("BodyText", "x"), &empty_defaults);
	f = doc->layout;
	ASSERT_NEAR(f->paras[0].runs[0].size, 10);
	assert_string_equal(font_name(doc, f->paras[0].runs[0].font), "Times New Roman");
	assert_int_equal(f->missing_styles, 1);
	rl_doc_free(doc);
}

/* ---- drawings ---- */

#define PIC_GRAPHIC(id)                                                                                  \
	"<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>" \
	"<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"image1.png\"/><pic:cNvPicPr/></pic:nvPicPr>"                 \
	"<pic:blipFill><a:blip r:embed=\"" id "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"       \
	"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"1\" cy=\"1\"/></a:xfrm></pic:spPr>"           \
	"</pic:pic></a:graphicData></a:graphic>"

static void test_drawings(void **state)
{
	(void)state;
	struct rl_doc *doc = word(
		"<w:p><w:r><w:t xml:space=\"preserve\">Photo </w:t></w:r><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\">"
		"<wp:extent cx=\"914400\" cy=\"1143000\"/><wp:docPr id=\"1\" name=\"Picture 1\" descr=\"Headshot of Jane\"/>"
		PIC_GRAPHIC("rId8") "</wp:inline></w:drawing></w:r></w:p>"
		"<w:p><w:r><w:t>Anchored</w:t></w:r><w:r><w:drawing><wp:anchor simplePos=\"0\" behindDoc=\"0\">"
		"<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>381000</wp:posOffset>"
		"</wp:positionH><wp:positionV relativeFrom=\"page\"><wp:posOffset>254000</wp:posOffset></wp:positionV>"
		"<wp:extent cx=\"1270000\" cy=\"1270000\"/><wp:wrapTopAndBottom/><wp:docPr id=\"2\" name=\"Logo\" title=\"Logo\"/>"
		PIC_GRAPHIC("rId8") "</wp:anchor></w:drawing></w:r></w:p>"
		"<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"635000\" cy=\"635000\"/><wp:docPr id=\"3\" name=\"P\"/>"
		PIC_GRAPHIC("rId99") "</wp:inline></w:drawing></w:r></w:p>"
		/* text after a tab: the image is still in the paragraph's block */
		"<w:p><w:r><w:tab/><w:t>Tabbed</w:t></w:r><w:r><w:drawing><wp:inline><wp:extent cx=\"12700\" cy=\"12700\"/>"
		"<wp:docPr id=\"4\" name=\"Q\" descr=\"Icon\"/>" PIC_GRAPHIC("rId8") "</wp:inline></w:drawing></w:r></w:p>",
		NULL);
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, 0, "Tabbed");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Photo");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Anchored");
	assert_int_equal(doc->nimages, 4);
	const struct rl_image *im = &doc->images[0];
	assert_string_equal(im->src, "word/media/image1.png");
	assert_string_equal(im->alt, "Headshot of Jane");
	ASSERT_NEAR(im->width, 72);
	ASSERT_NEAR(im->height, 90);
	assert_int_equal(im->floating, 0);
	ASSERT_NEAR(im->y, 0);
	assert_int_equal(im->in_header, 0);
	assert_int_equal(im->para, 1);
	assert_int_equal(im->block, 0);
	ASSERT_POS(doc, im->start, 1, 1);
	im = &doc->images[1];
	assert_string_equal(im->src, "word/media/image1.png");
	assert_string_equal(im->alt, "Logo"); /* the title when there is no description */
	ASSERT_NEAR(im->width, 100);
	ASSERT_NEAR(im->height, 100);
	assert_int_equal(im->floating, 1);
	ASSERT_NEAR(im->y, 20);
	assert_int_equal(im->para, 2);
	assert_int_equal(im->block, 1);
	/* a picture alone in its paragraph; an unknown relationship */
	im = &doc->images[2];
	assert_string_equal(im->src, "");
	assert_string_equal(im->alt, "");
	assert_int_equal(im->para, 3);
	assert_int_equal(im->block, SIZE_MAX);
	ASSERT_POS(doc, im->start, 3, 1);
	im = &doc->images[3];
	assert_string_equal(im->alt, "Icon");
	assert_int_equal(im->para, 4);
	assert_int_equal(im->block, 2);
	ASSERT_POS(doc, im->start, 4, 2);

	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->nparas, 4);
	assert_int_equal(f->paras[0].ndrawings, 1);
	const struct rl_lf_drawing *d = &f->paras[0].drawings[0];
	assert_int_equal(d->inline_, 1);
	assert_int_equal(d->picture, 1);
	ASSERT_NEAR(d->width, 72);
	ASSERT_NEAR(d->height, 90);
	assert_int_equal(d->image, 0);
	d = &f->paras[1].drawings[0];
	assert_int_equal(d->inline_, 0);
	assert_int_equal(d->from_page, 1);
	assert_int_equal(d->wrap_flow, 1);
	ASSERT_NEAR(d->y, 20);
	assert_int_equal(d->image, 1);
	assert_int_equal(f->paras[2].block, SIZE_MAX);
	assert_int_equal(f->paras[2].drawings[0].image, 2);
	rl_doc_free(doc);
}

/* ---- the same through a .docx, entities, layout of the XML ---- */

#define ENTITY_BODY                                                                                   \
	PS("Title", "Jane Doe")                                                                       \
	"<w:p><w:r><w:t xml:space=\"preserve\">A &amp; B &lt;C&gt; &#x2022; &quot;q&quot; </w:t></w:r>" \
	"<w:hyperlink r:id=\"rId7\"><w:r><w:t>site</w:t></w:r></w:hyperlink></w:p>"                      \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"            \
	"<w:r><w:t>Item</w:t></w:r></w:p>"

static void check_entity_doc(const struct rl_doc *doc)
{
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Jane Doe");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "A & B <C> \xE2\x80\xA2 \"q\" site");
	ASSERT_SUB(doc, 1, "site", 2, 17);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, 0, "Item");
	ASSERT_BLOCK_AT(doc, 2, 3, 1);
	assert_int_equal(doc->nlinks, 1);
	assert_string_equal(doc->links[0].url, "https://example.com/jane");
	ASSERT_POS(doc, doc->links[0].start, 2, 17);
	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->app_pages, 2);
	ASSERT_NEAR(f->default_tab, 35.4);
	assert_string_equal(font_name(doc, f->paras[1].runs[0].font), "Calibri");
	ASSERT_NEAR(f->paras[2].ind_left, 36);
}

static void test_docx_package(void **state)
{
	(void)state;
	static const char doc_xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
				      "<w:document " NS_ALL "><w:body>" ENTITY_BODY "</w:body></w:document>";
	const char *parts[] = {
		"[Content_Types].xml", CONTENT_TYPES,
		"_rels/.rels", PKG_RELS,
		"word/document.xml", doc_xml,
		"word/_rels/document.xml.rels", DOC_RELS,
		"word/styles.xml", STYLES,
		"word/numbering.xml", NUMBERING,
		"word/theme/theme1.xml", THEME,
		"word/settings.xml", SETTINGS,
		"docProps/app.xml", APP,
		"word/media/image1.png", "not really a PNG",
		NULL,
	};
	size_t len;
	char *docx = make_docx(parts, &len);
	struct rl_doc *doc = read_ok("cv.docx", docx, len, RL_FORMAT_DOCX);
	free(docx);
	check_entity_doc(doc);
	rl_doc_free(doc);

	/* the same body in Flat OPC reads the same */
	doc = word(ENTITY_BODY, NULL);
	check_entity_doc(doc);
	rl_doc_free(doc);

	/* an entity Word never writes (no DTD defines it) */
	static const char bad_xml[] = "<w:document " NS_W "><w:body><w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>"
				      "</w:body></w:document>";
	const char *bad[] = { "word/document.xml", bad_xml, NULL };
	docx = make_docx(bad, &len);
	read_fails("cv.docx", docx, len, "malformed XML in word/document.xml at 1:114: Entity 'nbsp' not defined");
	free(docx);
}

static void test_pretty_printed_xml(void **state)
{
	(void)state;
	struct rl_doc *doc = word("\n  <w:p>\n    <w:pPr>\n      <w:pStyle w:val=\"Heading1\"/>\n    </w:pPr>\n"
				  "    <w:r>\n      <w:t>Experience</w:t>\n    </w:r>\n  </w:p>\n"
				  "  <w:p>\n    <w:r>\n      <w:t xml:space=\"preserve\">Two  spaces </w:t>\n    </w:r>\n"
				  "    <w:r>\n      <w:tab/>\n      <w:t>x</w:t>\n    </w:r>\n  </w:p>\n  <w:p>\n  </w:p>\n",
				  NULL);
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Experience");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Two  spaces \tx");
	ASSERT_SUB(doc, 1, "x", 2, 14);
	assert_int_equal(doc->layout->nparas, 3);
	assert_string_equal(doc->layout->paras[1].text, "Two  spaces \tx");
	assert_int_equal(doc->layout->paras[2].text_len, 0);
	rl_doc_free(doc);
}

/* ISO/IEC 29500 Strict names wordprocessingml differently. */
static void test_strict_namespace(void **state)
{
	(void)state;
	char *x = flat(PS("Heading1", "Strict heading") P("Body"), NULL);
	static const char strict[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
	struct rl_buf b;
	rl_buf_init(&b);
	for (const char *p = x, *q; *p; p = q + strlen(W_URI)) {
		q = strstr(p, W_URI);
		if (!q) {
			rl_buf_adds(&b, p);
			break;
		}
		rl_buf_add(&b, p, (size_t)(q - p));
		rl_buf_adds(&b, strict);
	}
	free(x);
	assert_null(strstr(b.data, W_URI));
	struct rl_doc *doc = read_ok("cv.xml", b.data, b.len, RL_FORMAT_WORDXML);
	rl_buf_free(&b);
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Strict heading");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Body");
	ASSERT_NEAR(doc->layout->paras[0].space_before, 12);
	rl_doc_free(doc);
}

/* ---- Word 2003 XML ---- */

static const char W2003[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<?mso-application progid=\"Word.Document\"?>\n"
	"<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\""
	" xmlns:wx=\"http://schemas.microsoft.com/office/word/2003/auxHint\""
	" xmlns:o=\"urn:schemas-microsoft-com:office:office\" w:macrosPresent=\"no\">\n"
	"<o:DocumentProperties><o:Pages>1</o:Pages><o:Words>7</o:Words></o:DocumentProperties>\n"
	"<w:styles>"
	"<w:style w:type=\"paragraph\" w:default=\"on\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	"<w:rPr><w:sz w:val=\"24\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	"<wx:uiName wx:val=\"Heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
	"<w:pPr><w:pStyle w:val=\"Heading1\"/><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/>"
	"<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
	"</w:styles>\n"
	"<w:body><wx:sect>"
	"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Experience</w:t></w:r></w:p>\n"
	"<w:p><w:r><w:t>Built compilers at Acme.</w:t></w:r></w:p>\n"
	"<w:p><w:pPr><w:listPr><w:ilvl w:val=\"1\"/><w:ilfo w:val=\"1\"/></w:listPr></w:pPr>"
	"<w:r><w:t>Nested item</w:t></w:r></w:p>\n"
	/* a section break whose header holds a paragraph of its own */
	"<w:p><w:pPr><w:sectPr><w:hdr w:type=\"odd\"><w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p></w:hdr>"
	"<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\""
	" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:pPr></w:p>\n"
	"</wx:sect><wx:sect>"
	"<w:p><w:r><w:t>Education</w:t></w:r></w:p>\n"
	"<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/></w:sectPr>"
	"</wx:sect></w:body></w:wordDocument>\n";

static void test_word2003(void **state)
{
	(void)state;
	struct rl_doc *doc = read_ok("cv.xml", W2003, strlen(W2003), RL_FORMAT_WORDXML);
	assert_int_equal(doc->nblocks, 4);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, RL_BF_STRONG, "Experience");
	ASSERT_BLOCK_AT(doc, 0, 1, 1);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Built compilers at Acme.");
	ASSERT_SUB(doc, 1, "Acme", 2, 20);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 2, 0, "Nested item");
	ASSERT_BLOCK_AT(doc, 2, 3, 1);
	/* line 5 is the header's paragraph inside the section break */
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, 0, "Education");
	ASSERT_BLOCK_AT(doc, 3, 6, 1);

	const struct rl_layout_facts *f = doc->layout;
	assert_int_equal(f->app_pages, 1);
	assert_int_equal(f->app_words, 7);
	assert_int_equal(f->nparas, 5);
	ASSERT_NEAR(f->paras[0].space_before, 12);
	ASSERT_NEAR(f->paras[0].space_after, 3);
	assert_int_equal(f->paras[0].keep_next, 1);
	ASSERT_NEAR(f->paras[0].runs[0].size, 16);
	assert_int_equal(f->paras[0].runs[0].bold, 1);
	ASSERT_NEAR(f->paras[1].runs[0].size, 12);
	assert_int_equal(f->paras[2].list, 1);
	assert_int_equal(f->paras[3].section_break, 1);
	assert_int_equal(f->nsections, 2);
	ASSERT_NEAR(f->sections[0].page_w, 595.3);
	ASSERT_NEAR(f->sections[0].m_top, 56.7);
	ASSERT_NEAR(f->sections[1].page_w, 612);
	assert_int_equal(f->paras[4].section, 1);
	rl_doc_free(doc);
}

/* ---- errors ---- */

static void test_error_malformed_part(void **state)
{
	(void)state;
	/* Flat OPC: the package is well-formed, the part inside is not */
	static const char bad[] =
		"<?xml version=\"1.0\"?><pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
		PART("/word/document.xml", "<w:document " NS_W "><w:body/></w:document><w:extra " NS_W "/>")
		"</pkg:package>";
	read_fails("cv.xml", bad, strlen(bad),
		   "malformed XML in word/document.xml at 1:106: Extra content at the end of the document");

	/* a .docx */
	static const char doc_xml[] = "<?xml version=\"1.0\"?>\n<w:document " NS_W ">\n<w:body><w:p><w:r><w:t>x</w:r>"
				      "</w:p></w:body></w:document>";
	const char *parts[] = { "[Content_Types].xml", CONTENT_TYPES, "word/document.xml", doc_xml, NULL };
	size_t len;
	char *docx = make_docx(parts, &len);
	read_fails("cv.docx", docx, len,
		   "malformed XML in word/document.xml at 3:31: Opening and ending tag mismatch: t line 3 and r");
	free(docx);

	/* a broken optional part fails the read too, naming it */
	char *x = flat(P("x"), &(struct pkg){ .styles = "" , .extra = PART("/word/styles.xml", "<w:styles " NS_W "/><x/>") });
	read_fails("cv.xml", x, strlen(x), "malformed XML in word/styles.xml at 1:83: Extra content at the end of the document");
	free(x);
}

static void test_error_doctype(void **state)
{
	(void)state;
	static const char flat_dtd[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE pkg:package [<!ENTITY e \"boom\">]>\n"
		"<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
		PART("/word/document.xml", "<w:document " NS_W "><w:body>" P("&e;") "</w:body></w:document>")
		"</pkg:package>";
	/* the package reader says it as the part reader does; its position is
	 * where the parser had read to (the end of this file), so only the line
	 * is sure */
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(rl_read("cv.xml", flat_dtd, strlen(flat_dtd), NULL, &d));
	assert_int_equal(d.n, 1);
	static const char want[] = "a document type declaration (not allowed: it can define entities) in the XML file at ";
	assert_int_equal(strncmp(d.v[0].message, want, strlen(want)), 0);
	unsigned line = 0, col = 0;
	assert_int_equal(sscanf(d.v[0].message + strlen(want), "%u:%u", &line, &col), 2);
	assert_true(line >= 2);
	rl_diags_free(&d);

	static const char doc_xml[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY e \"boom\">]>\n"
				      "<w:document " NS_W "><w:body>" P("&e;") "</w:body></w:document>";
	const char *parts[] = { "word/document.xml", doc_xml, NULL };
	size_t len;
	char *docx = make_docx(parts, &len);
	read_fails("cv.docx", docx, len,
		   "a document type declaration (not allowed: it can define entities) in word/document.xml at 2:22");
	free(docx);

	static const char w2003[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE w:wordDocument [<!ENTITY e \"boom\">]>\n"
		"<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><w:body>" P("&e;")
		"</w:body></w:wordDocument>";
	read_fails("cv.xml", w2003, strlen(w2003),
		   "a document type declaration (not allowed: it can define entities) in the XML file at 2:26");
}

static void test_error_no_document(void **state)
{
	(void)state;
	static const char no_doc[] =
		"<?xml version=\"1.0\"?><pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
		PART("/_rels/.rels", RELS_OPEN REL("rId1", "officeDocument", "word/document.xml") "</Relationships>")
		PART("/word/styles.xml", "<w:styles " NS_W "/>")
		"</pkg:package>";
	read_fails("cv.xml", no_doc, strlen(no_doc), "no word/document.xml: not a Word document");

	const char *parts[] = { "[Content_Types].xml", CONTENT_TYPES, "xl/workbook.xml", "<workbook/>", NULL };
	size_t len;
	char *zip = make_docx(parts, &len);
	read_fails("cv.docx", zip, len, "no word/document.xml: a zip archive, but not a Word document");
	free(zip);
}

/* n w:sdt elements, one in the other. */
static char *nested_sdts(unsigned n)
{
	struct rl_buf b;
	rl_buf_init(&b);
	for (unsigned i = 0; i < n; i++)
		rl_buf_adds(&b, "<w:sdt>");
	for (unsigned i = 0; i < n; i++)
		rl_buf_adds(&b, "</w:sdt>");
	return rl_buf_detach(&b, NULL);
}

/* A document.xml nested n elements deep (w:document is the first). */
static char *nested_doc(unsigned n)
{
	struct rl_buf b;
	rl_buf_init(&b);
	char *inner = nested_sdts(n - 2);
	rl_buf_addf(&b, "<w:document " NS_W "><w:body>%s</w:body></w:document>", inner);
	free(inner);
	return rl_buf_detach(&b, NULL);
}

static void test_error_too_deep(void **state)
{
	(void)state;
	char msg[200];
	/* as deep as allowed: read */
	char *ok = nested_doc(WD_MAX_XML_DEPTH);
	const char *parts[] = { "word/document.xml", ok, NULL };
	size_t len;
	char *docx = make_docx(parts, &len);
	struct rl_doc *doc = read_ok("cv.docx", docx, len, RL_FORMAT_DOCX);
	assert_int_equal(doc->nblocks, 0);
	rl_doc_free(doc);
	free(docx);
	free(ok);

	/* one deeper: refused, at the '>' of the start tag that goes too deep */
	char *deep = nested_doc(WD_MAX_XML_DEPTH + 1);
	parts[1] = deep;
	docx = make_docx(parts, &len);
	size_t col = strlen("<w:document " NS_W "><w:body>") + (WD_MAX_XML_DEPTH - 1) * strlen("<w:sdt>");
	snprintf(msg, sizeof msg, "XML nested more than %d levels deep in word/document.xml at 1:%zu", WD_MAX_XML_DEPTH,
		 col);
	read_fails("cv.docx", docx, len, msg);
	free(docx);
	free(deep);

	/* Flat OPC: the depth counts from the part's root, as in a .docx */
	char *sdts = nested_sdts(WD_MAX_XML_DEPTH - 2);
	char *x = flat(sdts, NULL);
	free(sdts);
	doc = read_ok("cv.xml", x, strlen(x), RL_FORMAT_WORDXML);
	rl_doc_free(doc);
	free(x);
	sdts = nested_sdts(WD_MAX_XML_DEPTH - 1);
	x = flat(sdts, NULL);
	free(sdts);
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(rl_read("cv.xml", x, strlen(x), NULL, &d));
	assert_int_equal(d.n, 1);
	snprintf(msg, sizeof msg, "XML nested more than %d levels deep in word/document.xml at 1:", WD_MAX_XML_DEPTH);
	assert_int_equal(strncmp(d.v[0].message, msg, strlen(msg)), 0);
	rl_diags_free(&d);
	free(x);
}

int main(void)
{
	/* rl_word_module is only a weak reference in the core: name it here so
	 * that the linker takes the reader out of the static library (else
	 * rl_read tries to load the module from disk) */
	if (rl_word_module.abi != RL_WORD_MODULE_ABI)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs_text_and_positions),
		cmocka_unit_test(test_hyperlinks),
		cmocka_unit_test(test_headings_by_style),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_nested_table),
		cmocka_unit_test(test_textbox_read_once),
		cmocka_unit_test(test_sdt_revisions_fields),
		cmocka_unit_test(test_headers_footers),
		cmocka_unit_test(test_italic_runs),
		cmocka_unit_test(test_list_in_table_cell),
		cmocka_unit_test(test_table_first_para_after_header),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_paragraph_properties),
		cmocka_unit_test(test_run_properties),
		cmocka_unit_test(test_settings_and_app),
		cmocka_unit_test(test_drawings),
		cmocka_unit_test(test_docx_package),
		cmocka_unit_test(test_pretty_printed_xml),
		cmocka_unit_test(test_strict_namespace),
		cmocka_unit_test(test_word2003),
		cmocka_unit_test(test_error_malformed_part),
		cmocka_unit_test(test_parts_cut_before_parsing),
		cmocka_unit_test(test_style_and_list_lookup),
		cmocka_unit_test(test_error_doctype),
		cmocka_unit_test(test_error_no_document),
		cmocka_unit_test(test_error_too_deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
