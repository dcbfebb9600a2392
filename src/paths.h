/* Where resumelint's data lives: a binary in the build tree uses the source
 * tree's rules and the build tree's modules, so a developer never runs
 * against stale installed ones; an installed binary uses its prefix. */
#ifndef RL_PATHS_H
#define RL_PATHS_H

/* The rules folder. free() the result. */
char *rl_paths_rules_dir(void);
/* The folder holding the modules (modules.h). free() the result. */
char *rl_paths_module_dir(void);
/* The pre-parsed shipped rules (rule_cache.h): made in the build tree,
 * installed beside the rules. */
char *rl_paths_rule_cache(void);

#endif
