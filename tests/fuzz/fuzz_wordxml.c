/* Fuzzes the single-file Word XML reader (Flat OPC and Word 2003 XML). */
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
	struct rl_doc *doc = rl_word_module.read_wordxml("fuzz.xml", (const char *)data, size, &opts, &d);
	rl_doc_free(doc);
	rl_diags_free(&d);
	return 0;
}
