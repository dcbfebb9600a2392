/* Cutting unread elements out of a Word part on its bytes (prune.c): what is
 * cut, what is kept, and the parts left whole because a byte scan cannot be
 * sure of them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "prune.h"

static const char *const LATENT[] = { "latentStyles", NULL };

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
	check("<?xml version=\"1.0\"?>\r\n<w:styles><w:latentStyles a=\"1\"><w:lsdException/></w:latentStyles>"
	      "<w:style/></w:styles>",
	      LATENT, NULL, "<?xml version=\"1.0\"?>\r\n<w:styles><w:style/></w:styles>");
	/* any prefix, no prefix, an empty element, a '>' in a quoted value,
	 * space before the end tag's '>' */
	check("<s><x:latentStyles q='a>b'><x:lsdException/></x:latentStyles ><latentStyles/><y/></s>", LATENT, NULL,
	      "<s><y/></s>");
	/* a longer or shorter name is another element */
	check("<s><w:latentStylesX/><w:latent/></s>", LATENT, NULL, NULL);
	static const char *const two[] = { "rsids", "mathPr", NULL };
	check("<w:settings><w:rsids><w:rsid w:val=\"1\"/></w:rsids><w:tab/><w:mathPr><m:x/></w:mathPr></w:settings>",
	      two, NULL, "<w:settings><w:tab/></w:settings>");
}

static void test_left_whole(void **state)
{
	(void)state;
	/* nothing to cut */
	check("<w:styles><w:style/></w:styles>", LATENT, NULL, NULL);
	/* a comment, CDATA, document type or processing instruction may hold
	 * markup as text */
	check("<s><!-- <w:latentStyles> --><w:latentStyles/></s>", LATENT, NULL, NULL);
	check("<s><w:latentStyles><![CDATA[</w:latentStyles>]]></w:latentStyles></s>", LATENT, NULL, NULL);
	check("<!DOCTYPE s><s><w:latentStyles/></s>", LATENT, NULL, NULL);
	check("<?xml version=\"1.0\"?><?pi x?><s><w:latentStyles/></s>", LATENT, NULL, NULL);
	/* an element that does not close, or holds one of its own name */
	check("<s><w:latentStyles><x/></s>", LATENT, NULL, NULL);
	check("<s><w:latentStyles><w:latentStyles/></w:latentStyles></s>", LATENT, NULL, NULL);
	/* a start tag that does not end */
	check("<s><w:latentStyles a=\"1></s>", LATENT, NULL, NULL);
	check("<s><w:latentStyles <x/></s>", LATENT, NULL, NULL);
	/* a declaration that does not end */
	check("<?xml version=\"1.0\"<s><w:latentStyles/></s>", LATENT, NULL, NULL);
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
	check("<n><w:abstractNum w:abstractNumId=\"0\"><w:lvl/></w:abstractNum>"
	      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl/></w:abstractNum>"
	      "<w:abstractNum w:abstractNumId=\"2\"/><w:num w:numId=\"1\"/></n>",
	      defs, keep_odd, "<n><w:abstractNum w:abstractNumId=\"1\"><w:lvl/></w:abstractNum><w:num w:numId=\"1\"/></n>");
}

static void test_tag_int(void **state)
{
	(void)state;
	static const char tag[] = "<w:abstractNum w15:restartNumberingAfterBreak='0' w:abstractNumId = \"12\" "
				  "w:x=\"a>b\" w:neg=\"-3\" w:word=\"twelve\" w:big=\"123456789012345678901234\">";
	long v = 0;
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "abstractNumId", &v), 1);
	assert_int_equal(v, 12);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "restartNumberingAfterBreak", &v), 1);
	assert_int_equal(v, 0);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "neg", &v), 1);
	assert_int_equal(v, -3);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "word", &v), 0);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "big", &v), 0);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "abstractNum", &v), 0);
	assert_int_equal(wd_prune_tag_int(tag, strlen(tag), "missing", &v), 0);
	static const char broken[] = "<w:lvl w:ilvl=\"1>";
	assert_int_equal(wd_prune_tag_int(broken, strlen(broken), "ilvl", &v), 0);
	static const char empty[] = "<w:lvl w:ilvl=\"\"/>";
	assert_int_equal(wd_prune_tag_int(empty, strlen(empty), "ilvl", &v), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cuts_whole_elements),
		cmocka_unit_test(test_left_whole),
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_tag_int),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
