/* Text into HTML or XML (the html and junit formats): markup characters as
 * entities, control characters dropped, invalid UTF-8 as U+FFFD, so no
 * resume text, path or message can become markup. */
#ifndef RL_MARKUP_H
#define RL_MARKUP_H

#include <stddef.h>

#include "buf.h"

/* keep_lines: tabs and line breaks stay (XML text); else each is a space. */
void rl_markup_escape(struct rl_buf *b, const char *s, size_t n, int keep_lines);

#endif
