/*
 * The built-in checks: logic that cannot be data (regex semantics, arithmetic
 * against measured facts). Each is named by a rule file as builtin/<name>.
 */
#ifndef MM2LINT_CHECK_H
#define MM2LINT_CHECK_H

#include "mm2lint/rules.h"
#include "mm2lint/yaml.h"

static inline const char *scalar_of(const struct mm2_node *n)
{
	return n && n->kind == MM2_NODE_SCALAR ? n->str : NULL;
}

extern const struct mm2_builtin mm2_check_parse_error;
extern const struct mm2_builtin mm2_check_timeouts;
extern const struct mm2_builtin mm2_check_filter_regex;
extern const struct mm2_builtin mm2_check_filter_internal;

/* Further checks, one NULL-terminated table per file (check_keys.c, check_topo.c,
 * check_net2.c), so that each area adds its checks without touching this table. */
extern const struct mm2_builtin *const mm2_builtins_keys[];
extern const struct mm2_builtin *const mm2_builtins_topo[];
extern const struct mm2_builtin *const mm2_builtins_net2[];

#endif
