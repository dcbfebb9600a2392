/* Fuzzes the .docx reader: the zip container (libzip, size and ratio
 * limits), then the XML of each part, styles and layout facts. */
#include "diag.h"
#include "doc.h"
#include "fuzz.h"
#include "reader.h"
#include "word_module.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_read_opts opts = { 0 };
	struct rl_doc *doc = rl_word_module.read_docx("fuzz.docx", (const char *)data, size, &opts, &d);
	rl_doc_free(doc);
	rl_diags_free(&d);
	return 0;
}
