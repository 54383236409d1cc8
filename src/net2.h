/*
 * Private to the built-in checks of check_net2.c and net2_*.c (timeouts, buffers,
 * intervals against facts; broker minimums; client security): reading effective
 * values the way Kafka parses them, wording and placing their findings, and the
 * small pieces of arithmetic the unit tests pin down.
 */
#ifndef MM2LINT_NET2_H
#define MM2LINT_NET2_H

#include <stdbool.h>
#include <stdint.h>
#include "mm2lint/lint.h"
#include "check.h"

/* An effective value at one place of a flow (or a file's own key). */
struct net2_val {
	struct mm2_setting s; /* the value and where it came from */
	const char *text;     /* trimmed as ConfigDef trims; NULL: nothing mm2lint can read */
	int64_t n;	      /* the number, when num */
	bool num;	      /* text is a whole number (Long.parseLong) */
};

/*
 * Look KEY up at AT of flow F (F NULL and AT MM2_AT_FILE for a file). Returns
 * true when the value can be read: set or defaulted, not a ${provider:...}
 * reference. The strings live in CX's arena.
 */
bool net2_get(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at, const char *key,
	      struct net2_val *v);
/* The same, true only for a whole number. */
bool net2_get_num(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
		  const char *key, struct net2_val *v);
/* V's text equals WORD, ignoring case (Kafka upper-cases enum-like values). */
bool net2_is(const struct net2_val *v, const char *word);
/* The key of V was written in the file (not a default, not filled in by Connect). */
bool net2_in_file(const struct net2_val *v);

/* "set at line 4", "default in Kafka 4.3", "Kafka Connect's default for source tasks". */
const char *net2_origin(struct mm2_check_ctx *cx, const struct net2_val *v);
/* Where to place a finding about V: its value, else the flow's line, else line 1. */
struct mm2_loc net2_loc(struct mm2_check_ctx *cx, const struct mm2_flow *f,
			const struct net2_val *v);
/* The first of V1, V2 (either may be NULL) that the file sets, else V1. */
const struct net2_val *net2_pick(const struct net2_val *v1, const struct net2_val *v2);
/* A number as a message shows it: "120000", "0.5". */
const char *net2_fmt(struct mm2_arena *a, double v);

/* Message placeholders: NULL-ended name/value pairs. */
struct net2_vars {
	const char *v[64];
	size_t n;
};

void net2_var(struct net2_vars *vs, const char *name, const char *value);
/* The usual ones: flow (or ""), client (the place's title), kind. */
void net2_var_place(struct net2_vars *vs, struct mm2_check_ctx *cx, const struct mm2_flow *f,
		    enum mm2_at at);
/* Render and emit; the anchor names the flow (if any), the place and KEY. */
void net2_emit(struct mm2_check_ctx *cx, enum mm2_severity sev, struct mm2_loc loc, const char *msg,
	       struct net2_vars *vs, const struct mm2_flow *f, const char *place, const char *key);

/* A scalar of the rule's params, or NULL. */
const char *net2_param(const struct mm2_rule *r, const char *name);
/*
 * Load-time check: every params message named in NAMES is a string whose
 * {{placeholders}} are among the check's vars. OPTIONAL names may be absent.
 */
int net2_check_messages(const struct mm2_rule *r, const char *const *names, bool optional,
			struct mm2_error *err);

/* ---- arithmetic, unit-tested in tests/unit/test_check_net2.c ---- */

/*
 * The least time in ms a producer can spend backing off before RETRIES retries
 * are used up: each retry waits retry.backoff.ms (BACKOFF) before 3.7; from 3.7
 * (EXPONENTIAL) the wait doubles up to retry.backoff.max.ms (MAX), less up to 20%
 * jitter, which is left out so that the result is never an underestimate.
 */
double net2_backoff_total(int64_t retries, int64_t backoff, int64_t max, bool exponential);
/* Bandwidth-delay product in bytes: MBPS megabits per second times RTT_MS. */
double net2_bdp_bytes(double mbps, double rtt_ms);

/*
 * The next option of a JAAS configuration value (Kafka's JaasConfig grammar:
 * "LoginModule flag name=value ...;") at or after *POS whose name is a secret
 * (password, clientSecret, user_<name>) and whose value is written literally:
 * not empty and not a placeholder (net2_placeholder). Sets *NAME_OFF and
 * *NAME_LEN to the option name and returns true; *POS moves past it.
 */
bool net2_jaas_next_secret(const char *s, size_t len, size_t *pos, size_t *name_off,
			   size_t *name_len);
/*
 * S[0..LEN) is no literal value: it holds a ${provider:...} reference, or is a
 * template placeholder ($NAME, {{ ... }}, <...>) that something fills in before
 * Kafka reads the file.
 */
bool net2_placeholder(const char *s, size_t len);
/* A Connect REST listener ("http://host:8083") that speaks plain HTTP. */
bool net2_listener_is_http(const char *item);

extern const struct mm2_builtin net2_check_delivery_timeout;
extern const struct mm2_builtin net2_check_retries;
extern const struct mm2_builtin net2_check_heartbeat;
extern const struct mm2_builtin net2_check_intervals;
extern const struct mm2_builtin net2_check_socket_buffers;
extern const struct mm2_builtin net2_check_broker_minimums;
extern const struct mm2_builtin net2_check_plaintext;
extern const struct mm2_builtin net2_check_sasl_plaintext;
extern const struct mm2_builtin net2_check_hostname_verification;
extern const struct mm2_builtin net2_check_internal_rest;
extern const struct mm2_builtin net2_check_literal_secrets;

#endif
