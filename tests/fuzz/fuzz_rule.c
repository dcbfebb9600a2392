/* Fuzzes the rule-file loader: YAML tree, key table, kinds, PCRE2 compile. */
#include "diag.h"
#include "fuzz.h"
#include "rule.h"
#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_source *src = rl_source_new("fuzz.yaml", (const char *)data, size);
	struct rl_rule *r = rl_rule_parse(src, &d);
	rl_rule_free(r);
	rl_source_free(src);
	rl_diags_free(&d);
	return 0;
}
