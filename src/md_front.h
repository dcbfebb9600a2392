/* YAML front matter of a Markdown file: found, parsed into metadata and
 * META blocks (so rules see it), and skipped by the Markdown parser. */
#ifndef RL_MD_FRONT_H
#define RL_MD_FRONT_H

#include <stddef.h>

#include "doc.h"

/* When doc's source starts with a YAML front matter block that parses to a
 * map, adds its fields to doc (metadata and META blocks) and returns the
 * offset where Markdown starts; otherwise returns the offset past any BOM. */
size_t rl_md_front_matter(struct rl_doc *doc);

#endif
