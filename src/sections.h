/* Section classifier: maps headings to canonical section kinds using the
 * synonyms table in rules/tables/sections.tsv, then splits the document
 * into sections. */
#ifndef RL_SECTIONS_H
#define RL_SECTIONS_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"

struct rl_section_table;

/* Loads the table (rules/tables/sections.tsv): one entry a line,
 * KIND<TAB>name|word<TAB>TEXT, '#' comments; kinds are tried in the order
 * of their first line. */
struct rl_section_table *rl_section_table_load(const char *path, struct rl_diags *diags);
void rl_section_table_free(struct rl_section_table *t);

/* The kind a heading names, or -1. exact_only: only whole-heading names
 * count (used for bold lines that might be headings). */
int rl_section_table_match(const struct rl_section_table *t, const char *heading, size_t len,
			   int exact_only);

/* Fills doc->sections and each block's section. Text before the first
 * heading, and a first heading that names no section (the person's name),
 * form the contact section. */
void rl_sections_classify(struct rl_doc *doc, const struct rl_section_table *t);

#endif
