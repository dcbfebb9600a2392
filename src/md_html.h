/* Raw HTML in Markdown: the text the rules see is the text between the tags,
 * with positions still pointing into the source. Comments are kept apart
 * (suppressions), <style> and <script> contents dropped, <img> recorded as
 * an image and block-level tags start new blocks. */
#ifndef RL_MD_HTML_H
#define RL_MD_HTML_H

#include <stddef.h>

#include "doc.h"

/* Reads the HTML block at source bytes [start, end) into doc's blocks. */
void rl_md_html_block(struct rl_doc *doc, size_t start, size_t end);

/* For inline HTML: 1 when the tag at s[0, len) is a line break (<br>). */
int rl_md_html_is_br(const char *s, size_t len);
/* For inline HTML: records an <img> tag's src and alt; 1 when it was one. */
int rl_md_html_image(struct rl_doc *doc, const char *s, size_t len, size_t src_off);

#endif
