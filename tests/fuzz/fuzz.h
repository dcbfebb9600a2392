/* What the fuzz harnesses share: the entry point libFuzzer (or replay.c)
 * calls, and where the shipped rules and tables are. */
#ifndef RL_FUZZ_H
#define RL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "rl_build.h"

#define FUZZ_RULES_DIR RL_SOURCE_DIR "/rules"
#define FUZZ_TABLES_DIR RL_SOURCE_DIR "/rules/tables"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#endif
