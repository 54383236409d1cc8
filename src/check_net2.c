/*
 * Built-in checks of arithmetic over settings and facts, broker minimums and
 * client security (net2_*.c), in the table check.c searches. Each is named by a
 * rule file under rules/durability, rules/network or rules/security.
 */
#include <stddef.h>
#include "check.h"
#include "net2.h"
#include "banned.h"

const struct mm2_builtin *const mm2_builtins_net2[] = {
	&net2_check_delivery_timeout,
	&net2_check_retries,
	&net2_check_heartbeat,
	&net2_check_intervals,
	&net2_check_socket_buffers,
	&net2_check_broker_minimums,
	&net2_check_plaintext,
	&net2_check_sasl_plaintext,
	&net2_check_hostname_verification,
	&net2_check_internal_rest,
	&net2_check_literal_secrets,
	NULL,
};
