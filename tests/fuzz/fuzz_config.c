/* Fuzzes the settings-file loader (.resumelint.yml), rule ids checked
 * against the shipped rules. */
#include <stdlib.h>

#include "config.h"
#include "diag.h"
#include "fuzz.h"
#include "rule.h"

static struct rl_ruleset rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct rl_diags d;
	rl_diags_init(&d);
	int rc = rl_ruleset_load_dir(&rules, FUZZ_RULES_DIR, &d);
	rl_diags_free(&d);
	if (rc)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_config cfg;
	rl_config_parse("dir/.resumelint.yml", (const char *)data, size, &rules, &cfg, &d);
	rl_config_free(&cfg);
	rl_diags_free(&d);
	return 0;
}
