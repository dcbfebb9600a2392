/* Fuzzes the whole pipeline as the binary runs it: reader chosen by the
 * bytes (a zip: .docx; XML: Word XML; else Markdown), sections, page fit,
 * every shipped rule, suppressions, then the JSON report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "lint.h"
#include "out.h"
#include "word_module.h"

static struct rl_linter linter;
static FILE *sink;
/* links the Word reader in (reader_word.c refers to it weakly) */
const struct rl_word_module *const fuzz_word_module = &rl_word_module;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct rl_diags d;
	rl_diags_init(&d);
	int rc = rl_linter_init(&linter, FUZZ_RULES_DIR, FUZZ_TABLES_DIR, &d);
	rl_diags_free(&d);
	sink = fopen("/dev/null", "w");
	if (rc || !sink)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = "cv.md";
	if (size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		path = "cv.docx";
	else if (size >= 1 && data[0] == '<')
		path = "cv.xml";
	struct rl_lint_opts opts;
	rl_lint_opts_default(&opts);
	struct rl_result res;
	rl_lint_bytes(&linter, path, (const char *)data, size, &opts, &res);
	struct rl_out out;
	rl_out_init(&out, &rl_format_json, sink);
	out.rules = &linter.rules;
	out.version = "fuzz";
	rl_out_begin(&out);
	rl_out_file(&out, &res);
	rl_out_end(&out);
	rl_out_flush(&out);
	rl_out_fini(&out);
	rl_result_free(&res);
	rl_lint_opts_free(&opts);
	return 0;
}
