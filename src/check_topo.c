/*
 * Built-in checks over the topology of clusters and flows.
 */
#include <stddef.h>
#include "check.h"

const struct mm2_builtin *const mm2_builtins_topo[] = {
	NULL,
};
