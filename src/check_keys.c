/*
 * Built-in checks about keys themselves: unknown, mistyped, deprecated, duplicated.
 */
#include <stddef.h>
#include "check.h"

const struct mm2_builtin *const mm2_builtins_keys[] = {
	NULL,
};
