/* Parts of resumelint that are shared objects of their own, loaded the first
 * time they are needed, because the libraries they link cost every run that
 * does not need them: the Word readers (libxml2, libzip, and with them ICU
 * and libcrypto: 1.5 ms) and the stemmer (libstemmer relocates 330 KB of
 * tables for 30 languages when loaded: 0.27 ms). A Markdown run without
 * --job loads neither.
 *
 * Module NAME is the file NAME/resumelint-NAME.so in the module directory;
 * its entry is a struct whose first member is its ABI number. Beside it,
 * NAME/resumelint-NAME.preload may list libraries to load first (modules.c). */
#ifndef RL_MODULES_H
#define RL_MODULES_H

#include <stddef.h>

/* Where the modules are: the build tree's for a build-tree binary, else the
 * installed ones. Set before the first load when the default is wrong. */
void rl_modules_set_dir(const char *dir);

/* Loads module name and returns its entry, symbol, checked to have ABI abi.
 * NULL with the reason in err otherwise. Not thread-safe: callers load once
 * (pthread_once) before threads share the module. */
const void *rl_module_load(const char *name, const char *symbol, int abi, char *err, size_t err_len);

#endif
