/* The Word readers (.docx, single-file Word XML) are a module of their own
 * (modules.h), loaded the first time a Word file is read. */
#ifndef RL_WORD_MODULE_H
#define RL_WORD_MODULE_H

#include "reader.h"

#define RL_WORD_MODULE_ABI 1
#define RL_WORD_MODULE "word"

struct rl_word_module {
	int abi;
	struct rl_doc *(*read_docx)(const char *path, const char *bytes, size_t len,
				    const struct rl_read_opts *opts, struct rl_diags *diags);
	struct rl_doc *(*read_wordxml)(const char *path, const char *bytes, size_t len,
				       const struct rl_read_opts *opts, struct rl_diags *diags);
};

/* Defined by the module. Programs that link the module's code directly
 * (unit tests, fuzzers) use it without loading anything. */
extern const struct rl_word_module rl_word_module;

#endif
