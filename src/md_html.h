/* Raw HTML in Markdown: the text the rules see is the text between the tags,
 * read as Markdown (as pandoc does), with positions still pointing into the
 * source. Comments are kept apart (suppressions), <style> and <script>
 * contents dropped, <img> recorded as an image, block-level tags start new
 * blocks. */
#ifndef RL_MD_HTML_H
#define RL_MD_HTML_H

#include <stddef.h>

#include "doc.h"

/* The HTML block at source bytes [start, end) as Markdown of the same length
 * (so offsets still map one to one): tags, comments, <style> and <script>
 * become spaces; block-level tags become paragraph breaks (<br> a hard line
 * break, <li> a list item, <h1>..<h6> a heading); <img> is recorded in doc.
 * free() the result. */
char *rl_md_html_mask(struct rl_doc *doc, size_t start, size_t end);
/* For a line src[a, e) of an HTML block whose masked form is masked[0, e-a):
 * 1 when it holds no text and a tag pandoc reads as inline HTML (<img>, <a>,
 * <span>, an indented <iframe>): pandoc makes such lines a paragraph of raw
 * HTML, which its .docx keeps as an empty paragraph. */
int rl_md_html_inline_only(const char *src, size_t a, size_t e, const char *masked);
/* The heading level of an <hN> tag that ends right before src offset off
 * (ignoring spaces), or 0. */
unsigned rl_md_html_heading_level(const struct rl_doc *doc, size_t off);

/* For inline HTML: 1 when the tag at s[0, len) is a block-level tag
 * (<p>, </div>, <h2> ...; md4c leaves some in paragraphs). *level is N for
 * an opening <hN>, else 0. */
int rl_md_html_block_tag(const char *s, size_t len, unsigned *level);
/* For inline HTML: 1 when the tag at s[0, len) is a line break (<br>). */
int rl_md_html_is_br(const char *s, size_t len);
/* For inline HTML: records an <img> tag's src and alt; 1 when it was one. */
int rl_md_html_image(struct rl_doc *doc, const char *s, size_t len, size_t src_off);
/* When source[off, off + len) is an <a href=...> tag: adds the link, over
 * the text up to its </a> (the tag itself when there is none), and returns
 * 1. pandoc drops the address from the page; a reader on GitHub follows it,
 * and the contact and portfolio rules count it. */
int rl_md_html_link(struct rl_doc *doc, size_t off, size_t len);

#endif
