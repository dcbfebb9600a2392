/* Metadata in a Markdown file: YAML front matter (and pandoc's YAML blocks and
 * title block), parsed into doc->meta and META blocks (so rules see it), and
 * kept from the Markdown parser. */
#ifndef RL_MD_FRONT_H
#define RL_MD_FRONT_H

#include <stddef.h>

#include "doc.h"

/* When doc's source starts with a YAML front matter block that parses to a
 * map, adds its fields to doc (metadata and META blocks) and returns the
 * offset where Markdown starts; otherwise returns the offset past any BOM. */
size_t rl_md_front_matter(struct rl_doc *doc);
/* A YAML metadata block elsewhere (pandoc): [start, end) holds the fence
 * lines too. Adds its fields like front matter. */
void rl_md_yaml_block(struct rl_doc *doc, size_t start, size_t end);
/* A pandoc title block: "% title", "% author", "% date" lines. */
void rl_md_title_block(struct rl_doc *doc, size_t start, size_t end);

#endif
