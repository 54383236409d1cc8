/*
 * Rules as data. Each rule is one YAML file (schema: docs/rule-schema.md): its
 * metadata, where it applies, a condition over effective values or the name of a
 * built-in check written in C, its message, and its own tests. The rules under
 * rules/ are compiled into the binary; --rules DIR adds more.
 *
 * Conditions use three-valued logic: a key with no value, or a value mm2lint
 * cannot interpret (a ${provider:…} reference, text where a number belongs),
 * is unknown, and a rule whose condition is unknown does not apply. mm2lint
 * would rather say nothing than say something false.
 */
#ifndef MM2LINT_RULES_H
#define MM2LINT_RULES_H

#include <stddef.h>
#include <stdbool.h>
#include "mm2lint/arena.h"
#include "mm2lint/catalog.h"
#include "mm2lint/diag.h"
#include "mm2lint/error.h"
#include "mm2lint/model.h"
#include "mm2lint/resolve.h"
#include "mm2lint/settings.h"

struct mm2_node;

enum mm2_op {
	MM2_OP_PRESENT, /* set in the file (true) or not (false) */
	MM2_OP_EQ,
	MM2_OP_NE,
	MM2_OP_IN,
	MM2_OP_NOT_IN,
	MM2_OP_LT,
	MM2_OP_LE,
	MM2_OP_GT,
	MM2_OP_GE,
	MM2_OP_CONTAINS, /* a LIST value has this item */
};

enum mm2_pred_kind { MM2_PRED_LEAF, MM2_PRED_ALL, MM2_PRED_ANY, MM2_PRED_NOT };

/*
 * A fact from .mm2lint.ini or the command line: "flow.rtt_ms",
 * "flow.bandwidth_mbps", "source.<f>" / "target.<f>" for the flow's clusters
 * (min_insync_replicas, default_replication_factor, brokers,
 * transaction_max_timeout_ms), or "rpo_seconds".
 */
enum mm2_fact_scope { MM2_FACTS_FLOW, MM2_FACTS_SOURCE, MM2_FACTS_TARGET, MM2_FACTS_GLOBAL };

struct mm2_fact_ref {
	const char *path; /* NULL: no fact */
	enum mm2_fact_scope scope;
	int which; /* enum mm2_flow_fact or enum mm2_cluster_fact */
};

struct mm2_pred {
	enum mm2_pred_kind kind;
	/* leaf */
	const char *key;	      /* NULL: the rule's subject key (unless fact is set) */
	int at;			      /* enum mm2_at, or -1: the place being checked */
	struct mm2_fact_ref fact;     /* the left operand is a fact instead of a key */
	struct mm2_fact_ref rhs_fact; /* the right operand is a fact */
	enum mm2_op op;
	bool want_present;
	const char *rhs_value; /* a scalar operand */
	const char *rhs_key;   /* or another key's effective value */
	int rhs_at;
	const char **set; /* in / not_in */
	size_t nset;
	/* all / any / not */
	struct mm2_pred **kids;
	size_t nkids;
};

/* One place a rule looks at: a key at a place of each flow, or in a kind of file. */
struct mm2_subject {
	const char *key; /* may be NULL for rules whose leaves all name their keys */
	enum mm2_at at;
	unsigned kinds; /* MM2_AT_FILE: bit set of enum mm2_kind (1u << kind); 0 = any */
};

struct mm2_level {
	struct mm2_pred *when;
	enum mm2_severity severity;
	const char *message; /* NULL: keep the rule's */
};

struct mm2_rule_test {
	const char *name;
	const char *input;
	const char *file_name; /* what the input is called (its extension picks the format) */
	const char **args;     /* extra command-line settings, e.g. --latency A->B=80 */
	const char *settings;  /* .mm2lint.ini text for the case, or NULL */
	size_t nargs;
	unsigned *lines; /* expected finding lines; nlines == 0: must not fire */
	size_t nlines;
	unsigned line; /* where the case is in the rule file */
};

struct mm2_rule;
struct mm2_check_ctx;

/* A check written in C, named by a rule file as "builtin/<name>". */
struct mm2_builtin {
	const char *name;
	/* Check the rule's params at load time; 0 or mm2_error_set(err, MM2_ERULE, …). */
	int (*validate)(const struct mm2_rule *rule, struct mm2_error *err);
	void (*run)(struct mm2_check_ctx *cx);
	const char *const *vars; /* the {{placeholders}} its messages may use, NULL-ended */
};

struct mm2_rule {
	struct mm2_rule_info info;
	const char *path; /* the rule file */
	bool all_flows;	  /* flows: all herders, not only enabled ones */
	struct mm2_subject *subjects;
	size_t nsubjects;
	struct mm2_pred *when;	 /* NULL: always */
	struct mm2_pred *assert; /* NULL for a builtin */
	struct mm2_level *levels;
	size_t nlevels;
	const struct mm2_builtin *builtin;
	const struct mm2_node *params; /* the params: mapping of the rule file, or NULL */
	const char *message;
	struct mm2_rule_test *tests;
	size_t ntests;
};

struct mm2_ruleset {
	struct mm2_rule **v;
	size_t n, alloc;
	const struct mm2_rule_info **infos; /* parallel to v, for reporters */
	const struct mm2_catalog *cat;
	struct mm2_arena arena; /* rules and their parse trees */
	/* Load the tests of the embedded rules too (--test-rules). Without them a
	 * lint run starts faster; rule files read from disk always need tests. */
	bool with_tests;
};

void mm2_ruleset_init(struct mm2_ruleset *rs, const struct mm2_catalog *cat);
void mm2_ruleset_release(struct mm2_ruleset *rs);
/* Load the rules compiled into the binary. */
int mm2_ruleset_load_embedded(struct mm2_ruleset *rs, struct mm2_error *err);
/* Load one rule file, or every *.yaml below a directory. A rule whose id is
 * already loaded replaces it. Fails with MM2_ERULE and file:line: in the message. */
int mm2_ruleset_load_path(struct mm2_ruleset *rs, const char *path, struct mm2_error *err);
const struct mm2_rule *mm2_ruleset_find(const struct mm2_ruleset *rs, const char *id);
/* Sort by id; call after loading, before linting. */
void mm2_ruleset_finish(struct mm2_ruleset *rs);

const struct mm2_builtin *mm2_builtin_find(const char *name);

#endif
