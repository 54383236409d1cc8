/*
 * Shared helpers of the topology checks (check_topo.c, topo_*.c): aliases and
 * where they are written, which flows really replicate, the replication policy
 * of a flow, and a small simulation of how a topic name travels along flows.
 */
#ifndef MM2LINT_TOPO_H
#define MM2LINT_TOPO_H

#include <stdbool.h>
#include <stddef.h>
#include "mm2lint/lint.h"

/* Index of the alias S[0..LEN) in 'clusters', or -1. */
int mm2_topo_alias_index(const struct mm2_mm2 *m, const char *s, size_t len);
/* The alias of 'clusters' nearest to S[0..LEN) by edit distance, if it is near
 * enough to be a likely typo (at most a third of its length, and at least 1); else NULL. */
const char *mm2_topo_nearest_alias(const struct mm2_mm2 *m, const char *s, size_t len);
/* "A, B, C": the aliases of 'clusters', from ARENA. */
const char *mm2_topo_alias_list(const struct mm2_mm2 *m, struct mm2_arena *arena);

/* Where ALIAS is written in the value of 'clusters' (or the clusters key, or 1:1). */
struct mm2_loc mm2_topo_alias_loc(const struct mm2_input *in, const char *alias);

/*
 * The shortest path of replicating flows from cluster FROM to cluster TO:
 * returns its length and puts its flows in PATH (room for nclusters); 0 if none.
 */
size_t mm2_topo_shortest_path(const struct mm2_mm2 *m, const char *from, const char *to,
			      const struct mm2_flow **path);
/* The flow S->T of M, or NULL. */
const struct mm2_flow *mm2_topo_flow(const struct mm2_mm2 *m, const char *s, const char *t);

/*
 * The effective value of KEY at AT for F, trimmed as ConfigDef trims it; NULL
 * when it has no value or holds a ${provider:…} reference. *S gets the setting.
 */
const char *mm2_topo_value(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			   const char *key, struct mm2_setting *s);
/* The same value untrimmed, as replication policies read it (originals()). */
const char *mm2_topo_raw_value(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			       const char *key, struct mm2_setting *s);

enum mm2_topo_policy { MM2_TOPO_POLICY_UNKNOWN, MM2_TOPO_POLICY_DEFAULT, MM2_TOPO_POLICY_IDENTITY };
/* The replication policy of F's connectors and its separator (NULL: unknown). */
enum mm2_topo_policy mm2_topo_policy_of(struct mm2_check_ctx *cx, const struct mm2_flow *f,
					const char **separator);

/*
 * A topic name travelling along a path of flows, as MirrorSourceConnector
 * treats it at every hop: selected by the topic filter, not an internal topic,
 * not a cycle, then renamed by the hop's replication policy.
 */
enum mm2_topo_sim_result { MM2_TOPO_SIM_STOPPED, MM2_TOPO_SIM_PASSES, MM2_TOPO_SIM_UNKNOWN };

/*
 * Candidate topic names from the 'topics' filters of FLOWS: one per list item
 * that is a plain name or a plain prefix followed by .* (so that any overlap of
 * such filters has a witness among them). *ALL_SIMPLE says whether every item
 * was of that form. Returns the number of names (from ARENA).
 */
size_t mm2_topo_sim_samples(struct mm2_check_ctx *cx, const struct mm2_flow *const *flows,
			    size_t nflows, const char ***names, bool *all_simple);
/*
 * Send NAME along FLOWS[0..N) ROUNDS times over (the path is a cycle when
 * ROUNDS > 1). On MM2_TOPO_SIM_PASSES, *LAST is the name it has after the first
 * round. Unknown when a filter or policy cannot be evaluated.
 */
enum mm2_topo_sim_result mm2_topo_sim_run(struct mm2_check_ctx *cx,
					  const struct mm2_flow *const *flows, size_t n,
					  unsigned rounds, const char *name, const char **last);

/* The checks, for the table in check_topo.c. */
extern const struct mm2_builtin mm2_topo_check_clusters;
extern const struct mm2_builtin mm2_topo_check_alias_refs;
extern const struct mm2_builtin mm2_topo_check_bootstrap;
extern const struct mm2_builtin mm2_topo_check_no_flow;
extern const struct mm2_builtin mm2_topo_check_identity_cycle;
extern const struct mm2_builtin mm2_topo_check_separator;
extern const struct mm2_builtin mm2_topo_check_shared_bootstrap;
extern const struct mm2_builtin mm2_topo_check_self_flow;
extern const struct mm2_builtin mm2_topo_check_heartbeat_herders;
extern const struct mm2_builtin mm2_topo_check_daisy_chain;
extern const struct mm2_builtin mm2_topo_check_policy_mismatch;
extern const struct mm2_builtin mm2_topo_check_alias_words;
extern const struct mm2_builtin mm2_topo_check_exactly_once;

#endif
