/*
 * The rule loader's shared parts (rule_load.c reads rule files, rule_pred.c their
 * conditions). Private to the loader.
 */
#ifndef MM2LINT_RULE_LOAD_H
#define MM2LINT_RULE_LOAD_H

#include <stdbool.h>
#include "mm2lint/rules.h"
#include "mm2lint/yaml.h"

struct loader {
	struct mm2_ruleset *rs;
	const char *path;
	bool embedded;
	struct mm2_error *err;
};

/* Where a condition is checked, for validating the keys it names. */
struct pctx {
	enum mm2_at at;
	unsigned kinds;
	bool have_subject_key;
};

/* Fail with "path:line:col: invalid rule: …" at node N (N may be NULL). */
int mm2_rule_fail(struct loader *ld, const struct mm2_node *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *mm2_rule_scalar(const struct mm2_node *n);
/* true if KEY is in the catalogue for AT (for MM2_AT_FILE: for one of KINDS). */
bool mm2_rule_key_known(struct loader *ld, const char *key, enum mm2_at at, unsigned kinds);
/* A place name, or DFLT when N is NULL. */
int mm2_rule_parse_at(struct loader *ld, const struct mm2_node *n, int dflt, int *out);
/* A condition: a leaf, all/any/not, or a list (all). */
int mm2_rule_parse_pred(struct loader *ld, const struct mm2_node *n, const struct pctx *pc,
			struct mm2_pred **out);

#endif
