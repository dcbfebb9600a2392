/* Cutting unread elements out of a Word part on its bytes (prune.c): what is
 * cut, what is kept, and the parts left whole because a byte scan cannot be
 * sure of them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prune.h"

static const char *const LATENT[] = { "latentStyles", NULL };
#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* Prunes xml of names; expect NULL: left as it is. */
static void check(const char *xml, const char *const *names, wd_prune_keep_fn keep, const char *expect)
{
	char *out = (char *)"unchanged";
	size_t len = 99;
	int cut = wd_prune(xml, strlen(xml), names, keep, NULL, &out, &len);
	if (!expect) {
		assert_int_equal(cut, 0);
		assert_null(out);
		assert_int_equal(len, 0);
		return;
	}
	assert_int_equal(cut, 1);
	assert_string_equal(out, expect);
	assert_int_equal(len, strlen(expect));
	free(out);
}

static void test_cuts_whole_elements(void **state)
{
	(void)state;
	check("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<w:styles " W "><w:latentStyles w:a=\"1\">"
	      "<w:lsdException/></w:latentStyles><w:style/></w:styles>",
	      LATENT, NULL, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<w:styles " W "><w:style/></w:styles>");
	/* any declared prefix, no prefix, an empty element, a '>' in a quoted
	 * value, references, text, space before the end tag's '>' */
	check("<s xmlns:x='u'><x:latentStyles q='a>b&amp;&#xE9;&#233;' xml:space='preserve'>"
	      "<x:lsdException/>caf\xC3\xA9 &lt;&gt;</x:latentStyles ><latentStyles/><y/></s>",
	      LATENT, NULL, "<s xmlns:x='u'><y/></s>");
	/* a longer or shorter name is another element */
	check("<s " W "><w:latentStylesX/><w:latent/></s>", LATENT, NULL, NULL);
	static const char *const two[] = { "rsids", "mathPr", NULL };
	check("<w:settings " W " xmlns:m=\"m\"><w:rsids><w:rsid w:val=\"1\"/></w:rsids><w:tab/><w:mathPr><m:x/>"
	      "</w:mathPr></w:settings>",
	      two, NULL, "<w:settings " W " xmlns:m=\"m\"><w:tab/></w:settings>");
}

static void test_left_whole(void **state)
{
	(void)state;
	/* nothing to cut */
	check("<w:styles><w:style/></w:styles>", LATENT, NULL, NULL);
	/* a comment, CDATA, document type or processing instruction may hold
	 * markup as text */
	check("<s " W "><!-- <w:latentStyles> --><w:latentStyles/></s>", LATENT, NULL, NULL);
	check("<s " W "><w:latentStyles><![CDATA[</w:latentStyles>]]></w:latentStyles></s>", LATENT, NULL, NULL);
	check("<!DOCTYPE s><s " W "><w:latentStyles/></s>", LATENT, NULL, NULL);
	check("<?xml version=\"1.0\"?><?pi x?><s " W "><w:latentStyles/></s>", LATENT, NULL, NULL);
	/* an element that does not close, or holds one of its own name */
	check("<s " W "><w:latentStyles><x/></s>", LATENT, NULL, NULL);
	check("<s " W "><w:latentStyles><w:latentStyles/></w:latentStyles></s>", LATENT, NULL, NULL);
	/* a start tag that does not end */
	check("<s " W "><w:latentStyles a=\"1></s>", LATENT, NULL, NULL);
	check("<s " W "><w:latentStyles <x/></s>", LATENT, NULL, NULL);
	/* a declaration that does not end */
	check("<?xml version=\"1.0\"<s " W "><w:latentStyles/></s>", LATENT, NULL, NULL);
}

static int keep_odd(void *ctx, const char *name, const char *tag, size_t tag_len)
{
	(void)ctx;
	long id;
	assert_string_equal(name, "abstractNum");
	return wd_prune_tag_int(tag, tag_len, "abstractNumId", &id) && id % 2 == 1;
}

static void test_keep(void **state)
{
	(void)state;
	static const char *const defs[] = { "abstractNum", NULL };
	check("<n " W "><w:abstractNum w:abstractNumId=\"0\"><w:lvl/></w:abstractNum>"
	      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl/></w:abstractNum>"
	      "<w:abstractNum w:abstractNumId=\"2\"/><w:num w:numId=\"1\"/></n>",
	      defs, keep_odd,
	      "<n " W "><w:abstractNum w:abstractNumId=\"1\"><w:lvl/></w:abstractNum><w:num w:numId=\"1\"/></n>");
}

static void test_tag_int(void **state)
{
	(void)state;
	static const char tag[] = "<w:abstractNum w15:restartNumberingAfterBreak='0' w:abstractNumId = \"12\" "
				  "w:x=\"a>b\" w:neg=\"-3\" w:word=\"twelve\" w:big=\"1234567890\" w:nine=\"123456789\" "
				  "w:ref=\"&#49;\" w:space=\" 1\" w:real=\"1.0\" w:two=\"1\" x:two=\"2\">";
	long v = 0;
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "abstractNumId", &v), 1);
	assert_int_equal(v, 12);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "neg", &v), 1);
	assert_int_equal(v, -3);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "nine", &v), 1);
	assert_int_equal(v, 123456789);
	/* what the reader may read otherwise: not the tag's prefix, not a
	 * plain number, twice under two prefixes, missing */
	static const char *const doubtful[] = { "restartNumberingAfterBreak", "word", "big", "ref", "space", "real",
						"two", "abstractNum", "missing" };
	for (size_t i = 0; i < sizeof doubtful / sizeof *doubtful; i++)
		assert_int_equal(wd_prune_tag_int(tag, strlen(tag), doubtful[i], &v), 0);
	static const char *const broken[] = { "<w:lvl w:ilvl=\"1>", "<w:lvl w:ilvl=\"\"/>", "<lvl ilvl=\"1\">",
					      "<w:lvl w:ilvl=\"1\"w:x=\"2\">", "<w:lvl w:ilvl=\"1\" w:ilvl=\"1\">" };
	for (size_t i = 0; i < sizeof broken / sizeof *broken; i++)
		assert_int_equal(wd_prune_tag_int(broken[i], strlen(broken[i]), "ilvl", &v), 0);
}

/* An element is cut only when its bytes are well-formed: an error in it
 * stays for libxml2 to report. What it holds may still be cut. */
static void test_malformed_kept(void **state)
{
	(void)state;
	static const char *const cut[] = { "color", "rsids", NULL };
	static const char *const malformed[] = {
		"<w:color w:val=\"1\" w:val=\"2\"/>",	  /* an attribute twice */
		"<w:color w:val=\"1\" W:val=\"2\"/>",	  /* maybe twice, through two prefixes */
		"<w:color w:val=\"&nbsp;\"/>",		  /* an entity no document type defines */
		"<w:color w:val=\"&#0;\"/>",		  /* a reference to a character XML forbids */
		"<w:color w:val=\"&#x110000;\"/>",	  /* past Unicode */
		"<w:color w:val=\"& \"/>",		  /* a bare '&' */
		"<w:color w:val=\"a<b\"/>",		  /* '<' in a value */
		"<w:color w:val=1/>",			  /* a value not quoted */
		"<w:color w:val=\"1\"w:x=\"2\"/>",	  /* no space between attributes */
		"<q:color w:val=\"1\"/>",		  /* an undeclared prefix */
		"<w:color q:val=\"1\"/>",		  /* the same, on an attribute */
		"<w:color xmlns:q=\"q\" q:val=\"1\"/>", /* a declaration inside */
		"<w:color w:a:b=\"1\"/>",		  /* two colons */
		"<w:color w:val=\"\x01\"/>",		  /* a control character */
		"<w:color w:val=\"\xC3\"/>",		  /* broken UTF-8 */
		"<w:color w:val=\"\xED\xA0\x80\"/>",	  /* a surrogate */
		"<w:color w:val=\"\xC0\xAF\"/>",	  /* an overlong form */
		"<w:color>]]></w:color>",		  /* the end of a CDATA section in text */
		"<w:color><w:a></w:b></w:color>",	  /* end tags that do not match */
		"<w:color><w:a></w:color>",		  /* an element left open */
		"<w:color></w:a></w:color>",		  /* an end tag with no start */
		"<w:color><w:a/ ></w:color>",		  /* a broken empty-element tag */
		"<w:color><1a/></w:color>",		  /* a name that cannot start so */
	};
	for (size_t i = 0; i < sizeof malformed / sizeof *malformed; i++) {
		char xml[256];
		snprintf(xml, sizeof xml, "<w:document %s xmlns:W=\"w\"><w:p>%s</w:p></w:document>", W, malformed[i]);
		print_message("%s\n", malformed[i]);
		check(xml, cut, NULL, NULL);
	}
	/* well-formed elements whose cutting would mend the part around them:
	 * inside a tag, outside the root element, or between text that would
	 * join into a reference or a character */
	static const char *const mending[] = {
		"<w:document " W "><w:p w:a<w:color/>=\"1\"/></w:document>",
		"<w:document " W "><w:p w:a=\"1\"<w:color/>/></w:document>",
		"<w:document " W "/>\n<w:color/>",
		"<w:document " W "><w:body/></w:document>\n<w:color/>\n",
		"<w:document " W "><w:p w:x=\"a>b\"<w:color/>></w:p></w:document>",
		"<w:color/><w:document " W "/>",
		"<w:document " W "><w:t>&am<w:color/>p;</w:t></w:document>",
		"<w:document " W "><w:t>\xC3<w:color/>\xA9</w:t></w:document>",
		"<w:document " W "><w:t>a & <w:color/></w:t></w:document>",
	};
	for (size_t i = 0; i < sizeof mending / sizeof *mending; i++) {
		print_message("%s\n", mending[i]);
		check(mending[i], cut, NULL, NULL);
	}
	/* "]]" before it and ">" after would make "]]>" in the copy */
	check("<w:document " W "><w:t>]]<w:color/>></w:t></w:document>", cut, NULL, NULL);
	/* a start tag longer than libxml2 takes without XML_PARSE_HUGE (a name
	 * past 50,000 bytes): left to libxml2 */
	size_t long_name = 50001;
	char *big = malloc(long_name + 256);
	assert_non_null(big);
	int at = sprintf(big, "<w:document " W "><w:color w:");
	memset(big + at, 'n', long_name);
	strcpy(big + at + long_name, "=\"1\"/></w:document>");
	check(big, cut, NULL, NULL);
	free(big);
	/* text before it that is whole: cut */
	check("<w:document " W "><w:t>caf\xC3\xA9 &amp; <w:color/>x</w:t></w:document>", cut, NULL,
	      "<w:document " W "><w:t>caf\xC3\xA9 &amp; x</w:t></w:document>");
	/* kept, while a well-formed element in it is still cut */
	check("<w:settings " W "><w:rsids w:x=\"&bad;\"><w:color/></w:rsids></w:settings>", cut, NULL,
	      "<w:settings " W "><w:rsids w:x=\"&bad;\"></w:rsids></w:settings>");
	/* a root tag these checks cannot read: nothing is cut */
	check("<w:settings " W " a=1><w:rsids/></w:settings>", cut, NULL, NULL);
}

/* Parts in an encoding the checks do not read are left whole. */
static void test_encodings(void **state)
{
	(void)state;
	static const char *const cut[] = { "rsids", NULL };
	check("<?xml version=\"1.0\" encoding=\"windows-1252\"?><w:s " W "><w:rsids/></w:s>", cut, NULL, NULL);
	check("<?xml version='1.0' encoding='utf-8'?><w:s " W "><w:rsids/></w:s>", cut, NULL,
	      "<?xml version='1.0' encoding='utf-8'?><w:s " W "></w:s>");
	static const char utf16[] = "\xFF\xFE<\0w\0:\0s\0>\0";
	char *out;
	size_t len;
	assert_int_equal(wd_prune(utf16, sizeof utf16 - 1, cut, NULL, NULL, &out, &len), 0);
	assert_int_equal(wd_prune("<\0r\0", 4, cut, NULL, NULL, &out, &len), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cuts_whole_elements),
		cmocka_unit_test(test_left_whole),
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_tag_int),
		cmocka_unit_test(test_malformed_kept),
		cmocka_unit_test(test_encodings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
