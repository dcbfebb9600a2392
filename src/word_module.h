/* The Word readers (.docx, single-file Word XML) are a module of their own,
 * loaded the first time a Word file is read: they need libxml2 and libzip,
 * which bring ICU and libcrypto, and loading those costs a Markdown-only run
 * half of its start-up (1.4 ms of 2.6 ms, measured). */
#ifndef RL_WORD_MODULE_H
#define RL_WORD_MODULE_H

#include "reader.h"

#define RL_WORD_MODULE_ABI 1
#define RL_WORD_MODULE_FILE "resumelint-word.so"

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

/* Where the module is: the build tree's for a build-tree binary, else the
 * installed one. Set before reading when the default is wrong. */
void rl_word_module_set_dir(const char *dir);

#endif
