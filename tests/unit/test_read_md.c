/* The Markdown reader: block kinds, text, flags, links, images, comments,
 * front matter, and exact source positions for every piece of text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "reader.h"
#include "source.h"

/* ---- helpers ---- */

/* Reads text as cv.md; the read itself must add nothing to diags. */
static struct rl_doc *md_n(const char *text, size_t len)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_doc *doc = rl_read("cv.md", text, len, NULL, &d);
	assert_non_null(doc);
	assert_int_equal(d.n, 0);
	rl_diags_free(&d);
	assert_int_equal(doc->format, RL_FORMAT_MARKDOWN);
	return doc;
}

static struct rl_doc *md(const char *text)
{
	return md_n(text, strlen(text));
}

/* 1-based line:column of a source offset. */
#define ASSERT_POS(doc, off, l, c)                                          \
	do {                                                                \
		struct rl_pos pos_ = rl_source_pos((doc)->src, (off));      \
		assert_int_equal(pos_.line, (l));                           \
		assert_int_equal(pos_.col, (c));                            \
	} while (0)

/* A block's kind, level, flags and text. */
#define ASSERT_BLOCK(doc, i, k, lvl, fl, txt)                               \
	do {                                                                \
		assert_true((i) < (doc)->nblocks);                          \
		const struct rl_block *b_ = &(doc)->blocks[(i)];            \
		assert_int_equal(b_->kind, (k));                            \
		assert_int_equal(b_->level, (lvl));                         \
		assert_int_equal(b_->flags, (fl));                          \
		assert_string_equal(b_->text, (txt));                       \
		assert_int_equal(b_->text_len, strlen(txt));                \
	} while (0)

/* The block starts at line:col and its start..end covers its whole text. */
#define ASSERT_BLOCK_AT(doc, i, l, c) ASSERT_POS((doc), (doc)->blocks[(i)].start, (l), (c))

/* The first occurrence of needle in block i's text maps to exactly the same
 * bytes in the source, starting at line:col. */
#define ASSERT_SUB(doc, i, needle, l, c)                                                    \
	do {                                                                                \
		const struct rl_block *b_ = &(doc)->blocks[(i)];                            \
		const char *p_ = strstr(b_->text, (needle));                                \
		assert_non_null(p_);                                                        \
		size_t t0_ = (size_t)(p_ - b_->text), n_ = strlen(needle), s_, e_;          \
		rl_block_span(b_, t0_, t0_ + n_, &s_, &e_);                                 \
		assert_int_equal(e_ - s_, n_);                                              \
		assert_memory_equal((doc)->src->bytes + s_, (needle), n_);                  \
		ASSERT_POS((doc), s_, (l), (c));                                            \
	} while (0)

/* Block i's text bytes [t0, t1) map to the source span [s, e). */
#define ASSERT_SPAN(doc, i, t0, t1, s, e)                                   \
	do {                                                                \
		size_t s_, e_;                                              \
		rl_block_span(&(doc)->blocks[(i)], (t0), (t1), &s_, &e_);   \
		assert_int_equal(s_, (s));                                  \
		assert_int_equal(e_, (e));                                  \
	} while (0)

static size_t offset_of(const struct rl_doc *doc, const char *needle)
{
	const char *p = strstr(doc->src->bytes, needle);
	assert_non_null(p);
	return (size_t)(p - doc->src->bytes);
}

static size_t count_kind(const struct rl_doc *doc, enum rl_block_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->nblocks; i++)
		n += doc->blocks[i].kind == k;
	return n;
}

/* ---- headings ---- */

static void test_atx_headings(void **state)
{
	(void)state;
	struct rl_doc *doc = md("# Jane *Doe*\n\n### Level Three ###\n\n###### Six\n");
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Jane Doe");
	ASSERT_BLOCK_AT(doc, 0, 1, 3);
	ASSERT_SUB(doc, 0, "Jane ", 1, 3);
	ASSERT_SUB(doc, 0, "Doe", 1, 9);
	ASSERT_POS(doc, doc->blocks[0].end, 1, 12);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_HEADING, 3, 0, "Level Three");
	ASSERT_BLOCK_AT(doc, 1, 3, 5);
	ASSERT_POS(doc, doc->blocks[1].end, 3, 16); /* closing hashes are not text */
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, 6, 0, "Six");
	ASSERT_BLOCK_AT(doc, 2, 5, 8);
	rl_doc_free(doc);
}

static void test_setext_headings(void **state)
{
	(void)state;
	struct rl_doc *doc = md("Big Title\n=========\n\nSmaller one\n-----------\n\nbody\n");
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Big Title");
	ASSERT_BLOCK_AT(doc, 0, 1, 1);
	ASSERT_SUB(doc, 0, "Title", 1, 5);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_HEADING, 2, 0, "Smaller one");
	ASSERT_BLOCK_AT(doc, 1, 4, 1);
	ASSERT_SUB(doc, 1, "one", 4, 9);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, 0, "body");
	ASSERT_BLOCK_AT(doc, 2, 7, 1);
	assert_int_equal(count_kind(doc, RL_BLOCK_RULE), 0); /* underlines are no breaks */
	rl_doc_free(doc);
}

/* ---- paragraphs and inline markup ---- */

static void test_paragraph_soft_breaks(void **state)
{
	(void)state;
	const char *text = "First line of text\n  second line here\nthird\n";
	struct rl_doc *doc = md(text);
	assert_int_equal(doc->nblocks, 1);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "First line of text second line here third");
	ASSERT_BLOCK_AT(doc, 0, 1, 1);
	ASSERT_POS(doc, doc->blocks[0].end, 3, 6);
	ASSERT_SUB(doc, 0, "text", 1, 15);
	ASSERT_SUB(doc, 0, "second", 2, 3);
	ASSERT_SUB(doc, 0, "line here", 2, 10);
	ASSERT_SUB(doc, 0, "third", 3, 1);
	/* a span across the break runs from one line into the next */
	const struct rl_block *b = &doc->blocks[0];
	size_t t0 = (size_t)(strstr(b->text, "text second") - b->text), s, e;
	rl_block_span(b, t0, t0 + strlen("text second"), &s, &e);
	assert_int_equal(s, (size_t)(strstr(text, "text") - text));
	assert_int_equal(e, (size_t)(strstr(text, "second") - text) + strlen("second"));
	ASSERT_POS(doc, e, 2, 9);
	assert_int_equal(doc->words, 8);
	rl_doc_free(doc);
}

static void test_hard_break(void **state)
{
	(void)state;
	struct rl_doc *doc = md("Hard  \nbreak\n");
	assert_int_equal(doc->nblocks, 1);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Hard\nbreak");
	ASSERT_SUB(doc, 0, "break", 2, 1);
	rl_doc_free(doc);
}

static void test_emphasis_and_strong(void **state)
{
	(void)state;
	struct rl_doc *doc = md("This is **bold** and _it_ and ***both***.\n\n"
				"**All of it bold**\n\n"
				"__A__ **B**\n\n"
				"**Half** bold\n\n"
				"- **Bold item**\n");
	assert_int_equal(doc->nblocks, 5);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "This is bold and it and both.");
	ASSERT_SUB(doc, 0, "bold", 1, 11);
	ASSERT_SUB(doc, 0, " and ", 1, 17);
	ASSERT_SUB(doc, 0, "it", 1, 23);
	ASSERT_SUB(doc, 0, "both", 1, 34);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, RL_BF_STRONG, "All of it bold");
	ASSERT_BLOCK_AT(doc, 1, 3, 3);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, RL_BF_STRONG, "A B");
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, 0, "Half bold");
	ASSERT_BLOCK(doc, 4, RL_BLOCK_LIST_ITEM, 1, RL_BF_STRONG, "Bold item");
	ASSERT_BLOCK_AT(doc, 4, 9, 5);
	rl_doc_free(doc);
}

static void test_inline_code(void **state)
{
	(void)state;
	struct rl_doc *doc = md("Use `make -j8` to build\n");
	assert_int_equal(doc->nblocks, 1);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Use make -j8 to build");
	ASSERT_SUB(doc, 0, "make -j8", 1, 6);
	ASSERT_SUB(doc, 0, "to build", 1, 16);
	rl_doc_free(doc);
}

static void test_links(void **state)
{
	(void)state;
	const char *text = "See [my site](https://x.io) and <https://auto.link> ok\n\n"
			   "A [link\nacross](http://a.b) lines\n";
	struct rl_doc *doc = md(text);
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "See my site and https://auto.link ok");
	ASSERT_SUB(doc, 0, "my site", 1, 6);
	ASSERT_SUB(doc, 0, "https://auto.link", 1, 34);
	ASSERT_SUB(doc, 0, " ok", 1, 52);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "A link across lines");
	ASSERT_SUB(doc, 1, "across", 4, 1);
	ASSERT_SUB(doc, 1, "lines", 4, 21);

	assert_int_equal(doc->nlinks, 3);
	assert_string_equal(doc->links[0].url, "https://x.io");
	assert_int_equal(doc->links[0].start, offset_of(doc, "my site"));
	assert_int_equal(doc->links[0].end, offset_of(doc, "my site") + 7);
	assert_string_equal(doc->links[1].url, "https://auto.link");
	assert_int_equal(doc->links[1].start, offset_of(doc, "https://auto.link"));
	assert_int_equal(doc->links[1].end, offset_of(doc, "https://auto.link") + 17);
	assert_string_equal(doc->links[2].url, "http://a.b");
	ASSERT_POS(doc, doc->links[2].start, 3, 4);
	ASSERT_POS(doc, doc->links[2].end, 4, 7);
	rl_doc_free(doc);
}

static void test_image_inside_link(void **state)
{
	(void)state;
	/* a badge row: the link keeps its own target, the image its own */
	const char *text = "[![Email](https://img.shields.io/badge/Email-red)](mailto:a@b.com) after\n";
	struct rl_doc *doc = md(text);
	assert_int_equal(doc->nlinks, 1);
	assert_string_equal(doc->links[0].url, "mailto:a@b.com");
	assert_int_equal(doc->nimages, 1);
	assert_string_equal(doc->images[0].src, "https://img.shields.io/badge/Email-red");
	assert_string_equal(doc->images[0].alt, "Email");
	rl_doc_free(doc);
}

static void test_html_links(void **state)
{
	(void)state;
	/* inline and in an HTML block: the address is kept for the rules */
	const char *text = "Engineer · <a href=\"mailto:a@b.com\">Email</a>\n\n"
			   "<p align=\"center\"><a href='https://github.com/a'><img src=\"b.svg\" alt=\"GitHub\"></a></p>\n";
	struct rl_doc *doc = md(text);
	assert_int_equal(doc->nlinks, 2);
	assert_string_equal(doc->links[0].url, "mailto:a@b.com");
	assert_int_equal(doc->links[0].start, offset_of(doc, "Email"));
	assert_int_equal(doc->links[0].end, offset_of(doc, "Email") + 5);
	assert_string_equal(doc->links[1].url, "https://github.com/a");
	rl_doc_free(doc);
}

static void test_images(void **state)
{
	(void)state;
	struct rl_doc *doc = md("Intro\n\nSee ![Company logo](img/logo.png \"Title\") here\n");
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "See Company logo here");
	ASSERT_SUB(doc, 1, "here", 3, 43);
	assert_int_equal(doc->nimages, 1);
	const struct rl_image *im = &doc->images[0];
	assert_string_equal(im->src, "img/logo.png");
	assert_string_equal(im->alt, "Company logo");
	assert_int_equal(im->block, 1);
	assert_int_equal(im->start, offset_of(doc, "Company logo"));
	assert_int_equal(im->end, im->start + strlen("Company logo"));
	ASSERT_POS(doc, im->start, 3, 7);
	assert_int_equal(doc->nlinks, 0);
	rl_doc_free(doc);
}

static void test_image_alt_is_plain_text(void **state)
{
	(void)state;
	/* the alt text is the text as the block has it: markup gone, entities
	 * decoded */
	struct rl_doc *doc = md("See ![*Company* logo](x.png) and ![a &amp; b](y.png)\n");
	assert_int_equal(doc->nimages, 2);
	assert_string_equal(doc->images[0].alt, "Company logo");
	assert_string_equal(doc->images[1].alt, "a & b");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "See Company logo and a & b");
	rl_doc_free(doc);
}

static void test_empty_link_and_image_text(void **state)
{
	(void)state;
	/* a link or an image with no text is where its target is written, and
	 * an image in no block (its empty paragraph is dropped) has none */
	struct rl_doc *doc = md("text\n\n[](http://x.io)\n\n![](empty.png)\n");
	assert_int_equal(doc->nblocks, 1);
	assert_int_equal(doc->nlinks, 1);
	assert_string_equal(doc->links[0].url, "http://x.io");
	assert_int_equal(rl_source_pos(doc->src, doc->links[0].start).line, 3);
	assert_int_equal(doc->nimages, 1);
	assert_string_equal(doc->images[0].src, "empty.png");
	assert_string_equal(doc->images[0].alt, "");
	assert_int_equal(rl_source_pos(doc->src, doc->images[0].start).line, 5);
	assert_int_equal(doc->images[0].block, SIZE_MAX);
	rl_doc_free(doc);
}

static void test_entities(void **state)
{
	(void)state;
	const char *text = "R&amp;D caf&#233; &#x41;BC &bogus; &copy;\n";
	struct rl_doc *doc = md(text);
	assert_int_equal(doc->nblocks, 1);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "R&D caf\xC3\xA9 ABC &bogus; \xC2\xA9");
	const struct rl_block *b = &doc->blocks[0];
	/* each decoded character stands for its whole entity */
	ASSERT_SPAN(doc, 0, 1, 2, 1, 6); /* & ← &amp; */
	ASSERT_POS(doc, 1, 1, 2);
	size_t e_at = (size_t)(strstr(b->text, "\xC3\xA9") - b->text);
	ASSERT_SPAN(doc, 0, e_at, e_at + 2, 11, 17); /* é ← &#233; */
	ASSERT_POS(doc, 11, 1, 12);
	size_t a_at = (size_t)(strstr(b->text, "ABC") - b->text);
	ASSERT_SPAN(doc, 0, a_at, a_at + 1, 18, 24); /* A ← &#x41; */
	size_t c_at = (size_t)(strstr(b->text, "\xC2\xA9") - b->text);
	ASSERT_SPAN(doc, 0, c_at, c_at + 2, 35, 41); /* © ← &copy; */
	/* text next to an entity still maps byte for byte */
	ASSERT_SUB(doc, 0, "D caf", 1, 7);
	ASSERT_SUB(doc, 0, "BC ", 1, 25);
	ASSERT_SUB(doc, 0, "&bogus;", 1, 28); /* an unknown entity is kept as written */
	ASSERT_POS(doc, b->end, 1, 42);
	rl_doc_free(doc);
}

/* ---- lists ---- */

static void test_tight_list(void **state)
{
	(void)state;
	struct rl_doc *doc = md("- one\n- two items\n- three\n");
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_LIST_ITEM, 1, 0, "one");
	ASSERT_BLOCK_AT(doc, 0, 1, 3);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 1, 0, "two items");
	ASSERT_BLOCK_AT(doc, 1, 2, 3);
	ASSERT_SUB(doc, 1, "items", 2, 7);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, 0, "three");
	ASSERT_BLOCK_AT(doc, 2, 3, 3);
	rl_doc_free(doc);
}

static void test_loose_list(void **state)
{
	(void)state;
	struct rl_doc *doc = md("1. alpha one\n\n2. beta\n   wraps\n\n10. gamma\n");
	assert_int_equal(doc->nblocks, 3);
	/* items of a loose list say so (pandoc sets them apart) */
	ASSERT_BLOCK(doc, 0, RL_BLOCK_LIST_ITEM, 1, RL_BF_LOOSE, "alpha one");
	ASSERT_BLOCK_AT(doc, 0, 1, 4);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 1, RL_BF_LOOSE, "beta wraps");
	ASSERT_BLOCK_AT(doc, 1, 3, 4);
	ASSERT_SUB(doc, 1, "wraps", 4, 4);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, RL_BF_LOOSE, "gamma");
	ASSERT_BLOCK_AT(doc, 2, 6, 5);
	rl_doc_free(doc);
}

static void test_nested_lists(void **state)
{
	(void)state;
	struct rl_doc *doc = md("- parent\n  - child\n    - grandchild\n  - second child\n- next\n");
	assert_int_equal(doc->nblocks, 5);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_LIST_ITEM, 1, 0, "parent");
	ASSERT_BLOCK_AT(doc, 0, 1, 3);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 2, 0, "child");
	ASSERT_BLOCK_AT(doc, 1, 2, 5);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 3, 0, "grandchild");
	ASSERT_BLOCK_AT(doc, 2, 3, 7);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_LIST_ITEM, 2, 0, "second child");
	ASSERT_BLOCK_AT(doc, 3, 4, 5);
	ASSERT_BLOCK(doc, 4, RL_BLOCK_LIST_ITEM, 1, 0, "next");
	ASSERT_BLOCK_AT(doc, 4, 5, 3);
	rl_doc_free(doc);
}

static void test_list_continuation(void **state)
{
	(void)state;
	struct rl_doc *doc = md("- first para\n\n  second para\n\n  third para\n- next item\n\n"
				"text\n\n"
				"- parent\n  - child\n\n  tail text\n");
	assert_int_equal(doc->nblocks, 8);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_LIST_ITEM, 1, RL_BF_LOOSE, "first para");
	ASSERT_BLOCK_AT(doc, 0, 1, 3);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 1, RL_BF_CONTINUATION | RL_BF_LOOSE, "second para");
	ASSERT_BLOCK_AT(doc, 1, 3, 3);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, RL_BF_CONTINUATION | RL_BF_LOOSE, "third para");
	ASSERT_BLOCK_AT(doc, 2, 5, 3);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_LIST_ITEM, 1, RL_BF_LOOSE, "next item");
	ASSERT_BLOCK_AT(doc, 3, 6, 3);
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, 0, 0, "text");
	/* tight to pandoc (its only Para would be the last block: compactify),
	 * loose to CommonMark */
	ASSERT_BLOCK(doc, 5, RL_BLOCK_LIST_ITEM, 1, 0, "parent");
	ASSERT_BLOCK(doc, 6, RL_BLOCK_LIST_ITEM, 2, 0, "child");
	/* the item's text after its nested list continues the item */
	ASSERT_BLOCK(doc, 7, RL_BLOCK_LIST_ITEM, 1, RL_BF_CONTINUATION, "tail text");
	ASSERT_BLOCK_AT(doc, 7, 13, 3);
	rl_doc_free(doc);
}

/* ---- containers ---- */

static void test_block_quotes(void **state)
{
	(void)state;
	struct rl_doc *doc = md("> quoted line\n> more\n>\n> second para\n\n> - quoted item\n\nplain\n");
	assert_int_equal(doc->nblocks, 4);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, RL_BF_QUOTE, "quoted line more");
	ASSERT_BLOCK_AT(doc, 0, 1, 3);
	ASSERT_SUB(doc, 0, "more", 2, 3);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, RL_BF_QUOTE, "second para");
	ASSERT_BLOCK_AT(doc, 1, 4, 3);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, RL_BF_QUOTE, "quoted item");
	ASSERT_BLOCK_AT(doc, 2, 6, 5);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_PARAGRAPH, 0, 0, "plain");
	rl_doc_free(doc);
}

static void test_tables(void **state)
{
	(void)state;
	struct rl_doc *doc = md("| Name | Year |\n|------|-----:|\n| Acme | 2020 |\n| Beta **Co** | 2021 |\n\n"
				"text\n\n"
				"| A | B |\n|---|---|\n| c | d |\n");
	assert_int_equal(doc->nblocks, 11);
	static const struct {
		const char *text;
		unsigned row, col, table, flags, line, colno;
	} want[] = {
		{ "Name", 0, 0, 1, RL_BF_TABLE_HEAD, 1, 3 },
		{ "Year", 0, 1, 1, RL_BF_TABLE_HEAD, 1, 10 },
		{ "Acme", 1, 0, 1, 0, 3, 3 },
		{ "2020", 1, 1, 1, 0, 3, 10 },
		{ "Beta Co", 2, 0, 1, 0, 4, 3 },
		{ "2021", 2, 1, 1, 0, 4, 17 },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const struct rl_block *b = &doc->blocks[i];
		ASSERT_BLOCK(doc, i, RL_BLOCK_TABLE_CELL, 0, want[i].flags, want[i].text);
		assert_int_equal(b->row, want[i].row);
		assert_int_equal(b->col, want[i].col);
		assert_int_equal(b->table, want[i].table);
		ASSERT_BLOCK_AT(doc, i, want[i].line, want[i].colno);
	}
	ASSERT_SUB(doc, 4, "Co", 4, 10);
	ASSERT_BLOCK(doc, 6, RL_BLOCK_PARAGRAPH, 0, 0, "text");
	/* a second table counts from 1 again in rows, on in tables */
	ASSERT_BLOCK(doc, 7, RL_BLOCK_TABLE_CELL, 0, RL_BF_TABLE_HEAD, "A");
	assert_int_equal(doc->blocks[7].table, 2);
	ASSERT_BLOCK(doc, 8, RL_BLOCK_TABLE_CELL, 0, RL_BF_TABLE_HEAD, "B");
	assert_int_equal(doc->blocks[8].col, 1);
	ASSERT_BLOCK(doc, 10, RL_BLOCK_TABLE_CELL, 0, 0, "d");
	assert_int_equal(doc->blocks[10].table, 2);
	assert_int_equal(doc->blocks[10].row, 1);
	assert_int_equal(doc->blocks[10].col, 1);
	ASSERT_BLOCK_AT(doc, 10, 10, 7);
	rl_doc_free(doc);
}

static void test_code_blocks(void **state)
{
	(void)state;
	struct rl_doc *doc = md("```python\nx = 1\ny = **2**\n```\n\nPara\n\n    indented code\n    more\n\n~~~\ntilde\n~~~\n");
	assert_int_equal(doc->nblocks, 4);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_CODE, 0, 0, "x = 1\ny = **2**");
	ASSERT_BLOCK_AT(doc, 0, 2, 1);
	ASSERT_SUB(doc, 0, "y = **2**", 3, 1);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "Para");
	ASSERT_BLOCK(doc, 2, RL_BLOCK_CODE, 0, 0, "indented code\nmore");
	ASSERT_BLOCK_AT(doc, 2, 8, 5);
	ASSERT_SUB(doc, 2, "more", 9, 5);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_CODE, 0, 0, "tilde");
	ASSERT_BLOCK_AT(doc, 3, 12, 1);
	rl_doc_free(doc);
}

static void assert_rule_at(const struct rl_doc *doc, size_t i, unsigned line, unsigned col)
{
	assert_true(i < doc->nblocks);
	const struct rl_block *b = &doc->blocks[i];
	assert_int_equal(b->kind, RL_BLOCK_RULE);
	assert_string_equal(b->text, "");
	assert_int_equal(b->text_len, 0);
	assert_int_equal(b->start, b->end);
	ASSERT_POS(doc, b->start, line, col);
}

static void test_thematic_breaks(void **state)
{
	(void)state;
	struct rl_doc *doc = md("para\n\n---\n\ntext\n\n***\n\nmid\n\n- - -\n\nx\n\n  ___\n\nend\n***\nlast\n");
	assert_int_equal(doc->nblocks, 11);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "para");
	assert_rule_at(doc, 1, 3, 1);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_PARAGRAPH, 0, 0, "text");
	assert_rule_at(doc, 3, 7, 1);
	ASSERT_BLOCK(doc, 4, RL_BLOCK_PARAGRAPH, 0, 0, "mid");
	assert_rule_at(doc, 5, 11, 1);
	ASSERT_BLOCK(doc, 6, RL_BLOCK_PARAGRAPH, 0, 0, "x");
	assert_rule_at(doc, 7, 15, 3);
	ASSERT_BLOCK(doc, 8, RL_BLOCK_PARAGRAPH, 0, 0, "end");
	/* a '***' line right below text is a break, not an underline */
	assert_rule_at(doc, 9, 18, 1);
	ASSERT_BLOCK(doc, 10, RL_BLOCK_PARAGRAPH, 0, 0, "last");
	ASSERT_BLOCK_AT(doc, 10, 19, 1);
	rl_doc_free(doc);

	/* after a setext heading, the break is the line after its underline */
	doc = md("Setext\n---\n\n***\n\n- item\n\n---\n");
	assert_int_equal(doc->nblocks, 4);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 2, 0, "Setext");
	assert_rule_at(doc, 1, 4, 1);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, 0, "item");
	assert_rule_at(doc, 3, 8, 1);
	rl_doc_free(doc);
}

static void test_thematic_break_after_non_paragraph(void **state)
{
	(void)state;
	/* a break right below an ATX heading, a list item, a fenced code block
	 * or an HTML comment is on its own line (only a setext underline is
	 * stepped over), and consecutive breaks each on theirs */
	struct rl_doc *doc0 = md("text\n\n***\n\n- - -\n\n___\n");
	assert_int_equal(doc0->nblocks, 4);
	assert_rule_at(doc0, 1, 3, 1);
	assert_rule_at(doc0, 2, 5, 1);
	assert_rule_at(doc0, 3, 7, 1);
	rl_doc_free(doc0);

	struct rl_doc *doc = md("# Jane Doe\n---\ntext\n");
	assert_int_equal(doc->nblocks, 3);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Jane Doe");
	assert_rule_at(doc, 1, 2, 1);
	rl_doc_free(doc);

	doc = md("- a\n- b\n---\n");
	assert_int_equal(doc->nblocks, 3);
	assert_rule_at(doc, 2, 3, 1);
	rl_doc_free(doc);

	doc = md("```\nx\n```\n---\n");
	assert_int_equal(doc->nblocks, 2);
	assert_rule_at(doc, 1, 4, 1);
	rl_doc_free(doc);

	doc = md("<!-- c -->\n---\n");
	assert_int_equal(doc->nblocks, 1);
	assert_rule_at(doc, 0, 2, 1);
	rl_doc_free(doc);
}

/* ---- front matter ---- */

static const struct rl_meta *find_meta(const struct rl_doc *doc, const char *key)
{
	for (size_t i = 0; i < doc->nmeta; i++)
		if (strcmp(doc->meta[i].key, key) == 0)
			return &doc->meta[i];
	return NULL;
}

#define ASSERT_META(doc, key, val, l, c, span)                                     \
	do {                                                                       \
		const struct rl_meta *m_ = find_meta((doc), (key));                \
		assert_non_null(m_);                                               \
		assert_string_equal(m_->value, (val));                             \
		ASSERT_POS((doc), m_->start, (l), (c));                            \
		assert_int_equal(m_->end - m_->start, strlen(span));               \
		assert_memory_equal((doc)->src->bytes + m_->start, (span), strlen(span)); \
	} while (0)

static void test_front_matter(void **state)
{
	(void)state;
	struct rl_doc *doc = md("---\n"
				"name: Jane Doe\n"
				"title: \"Quoted Title\"\n"
				"contact:\n"
				"  email: j@x.io\n"
				"  phone: 555\n"
				"skills: [C, Go]\n"
				"---\n"
				"# Jane\n");
	assert_int_equal(doc->diags.n, 0);
	assert_int_equal(doc->nmeta, 6);
	ASSERT_META(doc, "name", "Jane Doe", 2, 7, "Jane Doe");
	ASSERT_META(doc, "title", "Quoted Title", 3, 8, "\"Quoted Title\"");
	ASSERT_META(doc, "contact.email", "j@x.io", 5, 10, "j@x.io");
	ASSERT_META(doc, "contact.phone", "555", 6, 10, "555");
	ASSERT_META(doc, "skills[0]", "C", 7, 10, "C");
	ASSERT_META(doc, "skills[1]", "Go", 7, 13, "Go");
	assert_null(find_meta(doc, "email"));
	assert_null(find_meta(doc, "contact"));

	assert_int_equal(doc->nblocks, 7);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_META, 0, 0, "name: Jane Doe");
	ASSERT_BLOCK_AT(doc, 0, 2, 1);
	ASSERT_SUB(doc, 0, "Jane Doe", 2, 7);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_META, 0, 0, "title: Quoted Title");
	ASSERT_SUB(doc, 1, "Quoted Title", 3, 9); /* inside the quotes */
	ASSERT_BLOCK(doc, 2, RL_BLOCK_META, 0, 0, "email: j@x.io");
	ASSERT_BLOCK_AT(doc, 2, 5, 3);
	ASSERT_SUB(doc, 2, "j@x.io", 5, 10);
	ASSERT_BLOCK(doc, 3, RL_BLOCK_META, 0, 0, "phone: 555");
	ASSERT_BLOCK(doc, 4, RL_BLOCK_META, 0, 0, "skills: C");
	ASSERT_BLOCK(doc, 5, RL_BLOCK_META, 0, 0, "skills: Go");
	ASSERT_SUB(doc, 5, "Go", 7, 13);
	/* the Markdown after it: no break for the fences */
	ASSERT_BLOCK(doc, 6, RL_BLOCK_HEADING, 1, 0, "Jane");
	ASSERT_BLOCK_AT(doc, 6, 9, 3);
	assert_int_equal(count_kind(doc, RL_BLOCK_RULE), 0);
	assert_int_equal(doc->words, 1); /* front matter is not body text */
	rl_doc_free(doc);

	/* closed by "..." */
	doc = md("---\nname: X\n...\nbody\n");
	assert_int_equal(doc->nmeta, 1);
	ASSERT_META(doc, "name", "X", 2, 7, "X");
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "body");
	ASSERT_BLOCK_AT(doc, 1, 4, 1);
	rl_doc_free(doc);
}

static void test_front_matter_invalid_yaml(void **state)
{
	(void)state;
	struct rl_doc *doc = md("---\nname: [unclosed\n---\n# T\n");
	assert_int_equal(doc->nmeta, 0);
	assert_int_equal(count_kind(doc, RL_BLOCK_META), 0);
	assert_int_equal(doc->diags.n, 1);
	const struct rl_diag *d = &doc->diags.v[0];
	assert_int_equal(d->level, RL_DIAG_WARNING);
	assert_string_equal(d->path, "cv.md");
	assert_int_equal(d->line, 3);
	assert_int_equal(d->col, 1);
	assert_string_equal(d->message, "front matter is not valid YAML, read as Markdown (YAML: did not find "
					"expected ',' or ']' while parsing a flow sequence)");
	/* read as Markdown: the opening fence is a break, the rest is text */
	assert_rule_at(doc, 0, 1, 1);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_HEADING, 2, 0, "name: [unclosed");
	ASSERT_BLOCK_AT(doc, 1, 2, 1);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_HEADING, 1, 0, "T");
	ASSERT_BLOCK_AT(doc, 2, 4, 3);
	rl_doc_free(doc);

	/* no closing fence: not front matter at all, and no warning */
	doc = md("---\nname: x\n");
	assert_int_equal(doc->nmeta, 0);
	assert_int_equal(doc->diags.n, 0);
	rl_doc_free(doc);
}

static void test_front_matter_not_a_map(void **state)
{
	(void)state;
	/* front matter that parses to a list is read as Markdown, with a warning */
	struct rl_doc *doc = md("---\n- a\n- b\n---\n# T\n");
	assert_int_equal(doc->nmeta, 0);
	assert_int_equal(count_kind(doc, RL_BLOCK_META), 0);
	assert_int_equal(doc->diags.n, 1);
	assert_int_equal(doc->diags.v[0].level, RL_DIAG_WARNING);
	assert_non_null(strstr(doc->diags.v[0].message, "front matter"));
	assert_non_null(strstr(doc->diags.v[0].message, "read as Markdown"));
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 1, 0, "a");
	rl_doc_free(doc);

	/* a line of text between two rules is Markdown to pandoc too (a simple
	 * table): no warning */
	doc = md("---\njust a scalar\n---\n# T\n");
	assert_int_equal(doc->nmeta, 0);
	assert_int_equal(doc->diags.n, 0);
	rl_doc_free(doc);
}

/* ---- comments ---- */

#define ASSERT_COMMENT(doc, i, txt, whole, l, c)                                   \
	do {                                                                       \
		const struct rl_comment *c_ = &(doc)->comments[(i)];              \
		assert_string_equal(c_->text, (txt));                              \
		assert_int_equal(c_->end - c_->start, strlen(whole));              \
		assert_memory_equal((doc)->src->bytes + c_->start, (whole), strlen(whole)); \
		ASSERT_POS((doc), c_->start, (l), (c));                            \
	} while (0)

static void test_html_comments(void **state)
{
	(void)state;
	struct rl_doc *doc = md("<!-- block comment -->\n\n"
				"Text <!-- inline --> more\n\n"
				"<!--\n  multi\n  line\n-->\n\n"
				"- item <!-- resumelint-disable-line no-gpa -->\n\n"
				"<!-- a --><!-- b -->\n");
	assert_int_equal(doc->ncomments, 6);
	ASSERT_COMMENT(doc, 0, "block comment", "<!-- block comment -->", 1, 1);
	ASSERT_COMMENT(doc, 1, "inline", "<!-- inline -->", 3, 6);
	ASSERT_COMMENT(doc, 2, "multi\n  line", "<!--\n  multi\n  line\n-->", 5, 1);
	ASSERT_POS(doc, doc->comments[2].end, 8, 4);
	ASSERT_COMMENT(doc, 3, "resumelint-disable-line no-gpa", "<!-- resumelint-disable-line no-gpa -->", 10, 8);
	ASSERT_COMMENT(doc, 4, "a", "<!-- a -->", 12, 1);
	ASSERT_COMMENT(doc, 5, "b", "<!-- b -->", 12, 11);
	/* comments are no text */
	assert_int_equal(doc->nblocks, 2);
	assert_null(strstr(doc->blocks[0].text, "inline"));
	assert_string_equal(doc->blocks[0].text, "Text  more");
	ASSERT_SUB(doc, 0, "more", 3, 22);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_LIST_ITEM, 1, 0, "item");
	rl_doc_free(doc);
}

/* ---- encodings and odd inputs ---- */

static void test_crlf(void **state)
{
	(void)state;
	struct rl_doc *doc = md("# Title\r\n\r\nline one\r\nline two here\r\n\r\n- item\r\n\r\n---\r\n\r\n| a | b |\r\n|---|---|\r\n| c | d |\r\n");
	assert_int_equal(doc->nblocks, 8);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Title");
	ASSERT_BLOCK_AT(doc, 0, 1, 3);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "line one line two here");
	ASSERT_BLOCK_AT(doc, 1, 3, 1);
	ASSERT_SUB(doc, 1, "two here", 4, 6);
	ASSERT_POS(doc, doc->blocks[1].end, 4, 14);
	ASSERT_BLOCK(doc, 2, RL_BLOCK_LIST_ITEM, 1, 0, "item");
	ASSERT_BLOCK_AT(doc, 2, 6, 3);
	assert_rule_at(doc, 3, 8, 1);
	ASSERT_BLOCK(doc, 7, RL_BLOCK_TABLE_CELL, 0, 0, "d");
	ASSERT_BLOCK_AT(doc, 7, 12, 7);
	for (size_t i = 0; i < doc->nblocks; i++)
		assert_null(strchr(doc->blocks[i].text, '\r'));
	rl_doc_free(doc);

	doc = md("---\r\nname: Jane\r\n---\r\n# H\r\n");
	assert_int_equal(doc->nmeta, 1);
	ASSERT_META(doc, "name", "Jane", 2, 7, "Jane");
	ASSERT_BLOCK(doc, 1, RL_BLOCK_HEADING, 1, 0, "H");
	ASSERT_BLOCK_AT(doc, 1, 4, 3);
	rl_doc_free(doc);
}

static void test_bom(void **state)
{
	(void)state;
	struct rl_doc *doc = md("\xEF\xBB\xBF# Bom Title\nsecond\n");
	assert_int_equal(doc->src->bom, 3);
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_HEADING, 1, 0, "Bom Title");
	ASSERT_BLOCK_AT(doc, 0, 1, 3);
	ASSERT_POS(doc, 3, 1, 1); /* the '#' is column 1 */
	ASSERT_SUB(doc, 0, "Title", 1, 7);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "second");
	ASSERT_BLOCK_AT(doc, 1, 2, 1);
	rl_doc_free(doc);

	doc = md("\xEF\xBB\xBFPlain first\n");
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0, "Plain first");
	ASSERT_BLOCK_AT(doc, 0, 1, 1);
	rl_doc_free(doc);

	/* front matter right after a BOM */
	doc = md("\xEF\xBB\xBF---\nname: X\n---\nbody\n");
	assert_int_equal(doc->nmeta, 1);
	ASSERT_META(doc, "name", "X", 2, 7, "X");
	assert_int_equal(doc->nblocks, 2);
	ASSERT_BLOCK(doc, 1, RL_BLOCK_PARAGRAPH, 0, 0, "body");
	rl_doc_free(doc);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	struct rl_doc *doc = md("ok line\nbad \xFF here\nand \xFE\xFE\n");
	assert_int_equal(doc->diags.n, 1);
	const struct rl_diag *d = &doc->diags.v[0];
	assert_int_equal(d->level, RL_DIAG_WARNING);
	assert_string_equal(d->path, "cv.md");
	assert_int_equal(d->line, 2);
	assert_int_equal(d->col, 5);
	assert_string_equal(d->message, "3 bytes are not valid UTF-8 (or NUL), read as U+FFFD");
	assert_int_equal(doc->diags.errors, 0);
	assert_int_equal(doc->nblocks, 1);
	ASSERT_BLOCK(doc, 0, RL_BLOCK_PARAGRAPH, 0, 0,
		     "ok line bad \xEF\xBF\xBD here and \xEF\xBF\xBD\xEF\xBF\xBD");
	/* one replaced byte is one column: what follows keeps its column */
	ASSERT_SUB(doc, 0, "here", 2, 7);
	ASSERT_SUB(doc, 0, "\xEF\xBF\xBD", 2, 5);
	rl_doc_free(doc);

	doc = md("# T\n\n- caf\xE9 au lait\n");
	assert_int_equal(doc->diags.n, 1);
	assert_int_equal(doc->diags.v[0].line, 3);
	assert_int_equal(doc->diags.v[0].col, 6);
	assert_string_equal(doc->diags.v[0].message, "1 byte is not valid UTF-8 (or NUL), read as U+FFFD");
	ASSERT_SUB(doc, 1, "au lait", 3, 8);
	rl_doc_free(doc);
}

static void test_empty_input(void **state)
{
	(void)state;
	struct rl_doc *doc = md_n("", 0);
	assert_int_equal(doc->nblocks, 0);
	assert_int_equal(doc->words, 0);
	assert_int_equal(doc->diags.n, 0);
	assert_int_equal(doc->nmeta + doc->ncomments + doc->nlinks + doc->nimages, 0);
	rl_doc_free(doc);

	doc = md("\n\n   \n\t\n");
	assert_int_equal(doc->nblocks, 0);
	assert_int_equal(doc->diags.n, 0);
	rl_doc_free(doc);
}

/* ---- reader choice ---- */

static void assert_refused(const char *path, const char *bytes, size_t len, const char *what)
{
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(rl_reader_pick(path, bytes, len, &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].level, RL_DIAG_ERROR);
	assert_string_equal(d.v[0].path, path);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].message, what);
	rl_diags_free(&d);

	/* rl_read refuses the same way */
	rl_diags_init(&d);
	assert_null(rl_read(path, bytes, len, NULL, &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].message, what);
	rl_diags_free(&d);
}

static void test_reader_pick(void **state)
{
	(void)state;
	static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
	const char *pdf_what = "a PDF file, not a resume source: lint the .docx or Markdown it was made from";
	assert_refused("resume.pdf", pdf, sizeof pdf - 1, pdf_what);
	/* magic bytes win over a misleading extension */
	assert_refused("resume.md", pdf, sizeof pdf - 1, pdf_what);
	/* a zip goes to the Word reader, whatever its name (with a warning
	 * when the name says otherwise); a .docx that is text is refused */
	static const char zip[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml";
	struct rl_diags zd;
	rl_diags_init(&zd);
	assert_ptr_equal(rl_reader_pick("resume.md", zip, sizeof zip - 1, &zd), &rl_reader_docx);
	assert_int_equal(zd.n, 1);
	assert_int_equal(zd.v[0].level, RL_DIAG_WARNING);
	assert_string_equal(zd.v[0].message,
			    "read as a Word document (.docx): that is what it holds, whatever its name says");
	rl_diags_free(&zd);
	rl_diags_init(&zd);
	assert_ptr_equal(rl_reader_pick("resume.docx", zip, sizeof zip - 1, &zd), &rl_reader_docx);
	assert_int_equal(zd.n, 0);
	rl_diags_free(&zd);
	assert_refused("resume.docx", "# Jane\n", 7, "not a Word document (.docx): it is plain text (Markdown? rename it .md)");
	static const char u16le[] = "\xFF\xFE#\x00 \x00J\x00" "a\x00n\x00" "e\x00\n\x00";
	assert_refused("resume.md", u16le, sizeof u16le - 1, "UTF-16 text: save it as UTF-8");
	static const char u16be[] = "\xFE\xFF\x00#\x00 \x00J\x00" "a\x00n\x00" "e";
	assert_refused("resume.txt", u16be, sizeof u16be - 1, "UTF-16 text: save it as UTF-8");
	static const char bin[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" "abc";
	assert_refused("resume.md", bin, sizeof bin - 1, "binary data, not a Markdown or Word resume");
	static const char nul[] = "# Jane\n\x00\x00\x00\x00";
	assert_refused("resume.md", nul, sizeof nul - 1, "binary data, not a Markdown or Word resume");
	static const char png[] = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
	assert_refused("photo.md", png, sizeof png - 1, "a PNG image, not a resume");

	/* text is Markdown, whatever the extension says */
	struct rl_diags d;
	rl_diags_init(&d);
	const char *text = "# Jane\n\n- item\n";
	assert_ptr_equal(rl_reader_pick("cv.md", text, strlen(text), &d), &rl_reader_markdown);
	assert_ptr_equal(rl_reader_pick("CV.MARKDOWN", text, strlen(text), &d), &rl_reader_markdown);
	assert_ptr_equal(rl_reader_pick("notes.txt", text, strlen(text), &d), &rl_reader_markdown);
	assert_ptr_equal(rl_reader_pick("resume", text, strlen(text), &d), &rl_reader_markdown);
	assert_ptr_equal(rl_reader_pick("cv.md", "", 0, &d), &rl_reader_markdown);
	assert_int_equal(d.n, 0);
	rl_diags_free(&d);
	assert_string_equal(rl_reader_markdown.name, "markdown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_atx_headings),
		cmocka_unit_test(test_setext_headings),
		cmocka_unit_test(test_paragraph_soft_breaks),
		cmocka_unit_test(test_hard_break),
		cmocka_unit_test(test_emphasis_and_strong),
		cmocka_unit_test(test_inline_code),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_image_inside_link),
		cmocka_unit_test(test_html_links),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_image_alt_is_plain_text),
		cmocka_unit_test(test_empty_link_and_image_text),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_tight_list),
		cmocka_unit_test(test_loose_list),
		cmocka_unit_test(test_nested_lists),
		cmocka_unit_test(test_list_continuation),
		cmocka_unit_test(test_block_quotes),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_code_blocks),
		cmocka_unit_test(test_thematic_breaks),
		cmocka_unit_test(test_thematic_break_after_non_paragraph),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_front_matter_invalid_yaml),
		cmocka_unit_test(test_front_matter_not_a_map),
		cmocka_unit_test(test_html_comments),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_reader_pick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
