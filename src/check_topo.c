/*
 * Built-in checks over the topology of clusters and flows: the table that
 * check.c searches. The checks live in topo_*.c (helpers in topo.h).
 */
#include <stddef.h>
#include "check.h"
#include "topo.h"
#include "banned.h"

const struct mm2_builtin *const mm2_builtins_topo[] = {
	&mm2_topo_check_clusters,	   &mm2_topo_check_alias_refs,
	&mm2_topo_check_bootstrap,	   &mm2_topo_check_no_flow,
	&mm2_topo_check_identity_cycle,	   &mm2_topo_check_separator,
	&mm2_topo_check_shared_bootstrap,  &mm2_topo_check_self_flow,
	&mm2_topo_check_heartbeat_herders, &mm2_topo_check_daisy_chain,
	&mm2_topo_check_policy_mismatch,   &mm2_topo_check_alias_words,
	&mm2_topo_check_exactly_once,	   NULL,
};
