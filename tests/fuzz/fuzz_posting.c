/* Fuzzes the job-posting reader: parts, terms, skills, stemming. Bytes that
 * start like a zip are read as a .docx posting, others as Markdown. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "posting.h"
#include "tailor.h"
#include "word_module.h"

static struct rl_tailor *tailor;
/* links the Word reader in (reader_word.c refers to it weakly) */
const struct rl_word_module *const fuzz_word_module = &rl_word_module;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct rl_diags d;
	rl_diags_init(&d);
	tailor = rl_tailor_load(FUZZ_TABLES_DIR, &d);
	rl_diags_free(&d);
	if (!tailor)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0 ? "job.docx" : "job.md";
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_posting *p = rl_posting_new(tailor, NULL, path, (const char *)data, size, &d);
	rl_posting_free(p);
	rl_diags_free(&d);
	return 0;
}
