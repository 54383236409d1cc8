/*
 * Built-in checks: arithmetic over settings and facts (filled in as the rules that need them arrive).
 */
#include <stddef.h>
#include "check.h"

const struct mm2_builtin *const mm2_builtins_net2[] = {
	NULL,
};
