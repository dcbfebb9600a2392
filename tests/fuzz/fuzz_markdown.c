/* Fuzzes the Markdown reader (front matter, pandoc pre-pass, raw HTML, md4c)
 * with and without pandoc's extensions, then the section classifier. */
#include <stdlib.h>

#include "diag.h"
#include "doc.h"
#include "fuzz.h"
#include "reader.h"
#include "sections.h"

static struct rl_section_table *sections;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct rl_diags d;
	rl_diags_init(&d);
	sections = rl_section_table_load(FUZZ_TABLES_DIR "/sections.tsv", &d);
	rl_diags_free(&d);
	if (!sections)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int commonmark = 0; commonmark < 2; commonmark++) {
		struct rl_diags d;
		rl_diags_init(&d);
		struct rl_read_opts opts = { commonmark };
		struct rl_doc *doc = rl_reader_markdown.read("fuzz.md", (const char *)data, size, &opts, &d);
		if (doc)
			rl_sections_classify(doc, sections);
		rl_doc_free(doc);
		rl_diags_free(&d);
	}
	return 0;
}
