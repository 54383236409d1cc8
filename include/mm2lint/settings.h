/*
 * mm2lint's own settings file, .mm2lint.ini (docs/settings.md): facts about the
 * world that configuration files do not hold (measured round trips and
 * bandwidth per flow, broker facts per cluster, a recovery-point objective),
 * and defaults for command-line options. Command-line flags override it.
 *
 *	[mm2lint]                  kafka-version, fail-on, latency-multiplier
 *	[severity]                 MM2-XXX-NNN = off | note | warning | error
 *	[flow A->B]                rtt-ms, bandwidth-mbps
 *	[cluster B]                min-insync-replicas, default-replication-factor,
 *	                           brokers, transaction-max-timeout-ms
 *	[objectives]               rpo-seconds
 */
#ifndef MM2LINT_SETTINGS_H
#define MM2LINT_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include "mm2lint/arena.h"
#include "mm2lint/error.h"

enum mm2_flow_fact { MM2_FACT_RTT_MS, MM2_FACT_BANDWIDTH_MBPS, MM2_NFLOW_FACTS };
enum mm2_cluster_fact {
	MM2_FACT_MIN_ISR,
	MM2_FACT_DEFAULT_RF,
	MM2_FACT_BROKERS,
	MM2_FACT_TXN_MAX_TIMEOUT_MS,
	MM2_NCLUSTER_FACTS
};

struct mm2_fact_set {
	const char *name; /* flow "A->B" or cluster alias */
	double v[4];
	unsigned have; /* bit i: v[i] is known */
};

struct mm2_facts {
	struct mm2_fact_set *flows, *clusters;
	size_t nflows, nclusters;
	double rpo_seconds;
	bool have_rpo;
};

struct mm2_settings {
	const char *path; /* the file read, or NULL */
	struct mm2_facts facts;
	const char *kafka_version; /* NULL: not set */
	const char *fail_on;
	double latency_multiplier; /* 0: not set */
	struct mm2_severity_override {
		const char *id;
		int severity; /* enum mm2_severity */
	} * severity;
	size_t nseverity;
};

/*
 * The settings file to use: EXPLICIT if given, else .mm2lint.ini in the current
 * directory or the nearest parent that has one; NULL if there is none. The
 * result is allocated from ARENA.
 */
const char *mm2_settings_find(const char *explicit_path, struct mm2_arena *arena);
/* Read PATH into S (zeroed first). Fails with MM2_ECONFIG (unknown section or
 * key, bad number) or MM2_EIO, with "path:line: …" in the message. */
int mm2_settings_load(struct mm2_settings *s, const char *path, struct mm2_arena *arena,
		      struct mm2_error *err);

/* The same from TEXT (the tests inside rule files); NAME is used in messages. */
int mm2_settings_load_string(struct mm2_settings *s, const char *name, const char *text,
			     struct mm2_arena *arena, struct mm2_error *err);

/* The fact of flow FLOW or cluster ALIAS; false if not supplied. */
bool mm2_facts_flow(const struct mm2_facts *f, const char *flow, enum mm2_flow_fact which,
		    double *out);
bool mm2_facts_cluster(const struct mm2_facts *f, const char *alias, enum mm2_cluster_fact which,
		       double *out);
/* Record a fact (later calls win: the command line after the file). */
void mm2_facts_set_flow(struct mm2_facts *f, const char *flow, enum mm2_flow_fact which, double v,
			struct mm2_arena *arena);
void mm2_facts_set_cluster(struct mm2_facts *f, const char *alias, enum mm2_cluster_fact which,
			   double v, struct mm2_arena *arena);

#endif
