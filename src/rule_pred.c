/*
 * Conditions of rule files (docs/rule-schema.md): leaves over effective keys or
 * facts, combined with all/any/not. Every key a condition names must be in the
 * catalogue for the place it is read at.
 */
#include <string.h>
#include "mm2lint/rules.h"
#include "mm2lint/util.h"
#include "rule_load.h"
#include "banned.h"

bool mm2_rule_key_known(struct loader *ld, const char *key, enum mm2_at at, unsigned kinds)
{
	const struct mm2_catalog *cat = ld->rs->cat;
	int k;

	if (at != MM2_AT_FILE)
		return mm2_catalog_find(cat, mm2_at_scope(at, MM2_KIND_OTHER), key) != NULL;
	for (k = 0; k < MM2_NKINDS; k++)
		if ((!kinds || (kinds & (1u << k))) &&
		    mm2_catalog_find(cat, mm2_at_scope(at, (enum mm2_kind)k), key))
			return true;
	return false;
}

int mm2_rule_parse_at(struct loader *ld, const struct mm2_node *n, int dflt, int *out)
{
	const char *s = mm2_rule_scalar(n);

	if (!n) {
		*out = dflt;
		return 0;
	}
	if (!s || (*out = mm2_at_parse(s)) < 0)
		return mm2_rule_fail(ld, n, "unknown place '%s' (see docs/rule-schema.md)",
				     s ? s : "?");
	return 0;
}

static const char *const op_names[] = {
	"present", "eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "contains",
};

static int parse_kids(struct loader *ld, const struct mm2_node *list, const struct pctx *pc,
		      struct mm2_pred *p)
{
	size_t i;
	int ret;

	if (!list || list->kind != MM2_NODE_SEQ || !list->nitems)
		return mm2_rule_fail(ld, list, "%s", "'all'/'any' take a non-empty list");
	p->kids = mm2_arena_alloc(&ld->rs->arena, list->nitems * sizeof(*p->kids));
	for (i = 0; i < list->nitems; i++)
		if ((ret = mm2_rule_parse_pred(ld, list->items[i], pc, &p->kids[p->nkids++])) < 0)
			return ret;
	return 0;
}

static const char *const cluster_fact_names[] = {
	"min_insync_replicas",
	"default_replication_factor",
	"brokers",
	"transaction_max_timeout_ms",
	NULL,
};

static int parse_fact(struct loader *ld, const struct mm2_node *n, struct mm2_fact_ref *f)
{
	const char *path = mm2_rule_scalar(n), *dot;
	size_t i;

	if (!path)
		return mm2_rule_fail(ld, n, "%s",
				     "a fact is a path like target.min_insync_replicas");
	f->path = path;
	if (strcmp(path, "rpo_seconds") == 0) {
		f->scope = MM2_FACTS_GLOBAL;
		return 0;
	}
	if (strcmp(path, "flow.rtt_ms") == 0 || strcmp(path, "flow.bandwidth_mbps") == 0) {
		f->scope = MM2_FACTS_FLOW;
		f->which = strcmp(path, "flow.rtt_ms") == 0 ? MM2_FACT_RTT_MS
							    : MM2_FACT_BANDWIDTH_MBPS;
		return 0;
	}
	dot = strchr(path, '.');
	if (dot && (strncmp(path, "source.", 7) == 0 || strncmp(path, "target.", 7) == 0)) {
		f->scope = path[0] == 's' ? MM2_FACTS_SOURCE : MM2_FACTS_TARGET;
		for (i = 0; cluster_fact_names[i]; i++)
			if (strcmp(dot + 1, cluster_fact_names[i]) == 0) {
				f->which = (int)i;
				return 0;
			}
	}
	return mm2_rule_fail(ld, n, "unknown fact '%s' (see docs/settings.md)", path);
}

static int parse_operand(struct loader *ld, const struct mm2_node *n, const struct pctx *pc,
			 struct mm2_pred *p)
{
	if (n->kind == MM2_NODE_SCALAR) {
		p->rhs_value = n->str;
		return 0;
	}
	if (n->kind == MM2_NODE_MAP && mm2_node_get(n, "fact"))
		return parse_fact(ld, mm2_node_get(n, "fact"), &p->rhs_fact);
	if (n->kind == MM2_NODE_MAP && (p->rhs_key = mm2_rule_scalar(mm2_node_get(n, "key")))) {
		int ret = mm2_rule_parse_at(ld, mm2_node_get(n, "at"), -1, &p->rhs_at);

		if (ret < 0)
			return ret;
		if (!mm2_rule_key_known(ld, p->rhs_key,
					p->rhs_at < 0 ? pc->at : (enum mm2_at)p->rhs_at, pc->kinds))
			return mm2_rule_fail(ld, n,
					     "key '%s' is not in the catalogue for that place",
					     p->rhs_key);
		return 0;
	}
	return mm2_rule_fail(ld, n, "%s", "an operand is a scalar, {key: NAME} or {fact: PATH}");
}

static int parse_set(struct loader *ld, const struct mm2_node *n, struct mm2_pred *p)
{
	size_t i;

	if (n->kind != MM2_NODE_SEQ || !n->nitems)
		return mm2_rule_fail(ld, n, "%s", "'in'/'not_in' take a non-empty list of scalars");
	p->set = mm2_arena_alloc(&ld->rs->arena, n->nitems * sizeof(*p->set));
	for (i = 0; i < n->nitems; i++)
		if (!(p->set[p->nset++] = mm2_rule_scalar(n->items[i])))
			return mm2_rule_fail(ld, n->items[i], "%s",
					     "'in'/'not_in' items must be scalars");
	return 0;
}

static int parse_leaf(struct loader *ld, const struct mm2_node *n, const struct pctx *pc,
		      struct mm2_pred *p)
{
	const struct mm2_node *opnode = NULL;
	size_t i, o;
	int ret, nops = 0;

	p->kind = MM2_PRED_LEAF;
	p->key = mm2_rule_scalar(mm2_node_get(n, "key"));
	if (mm2_node_get(n, "fact") &&
	    (ret = parse_fact(ld, mm2_node_get(n, "fact"), &p->fact)) < 0)
		return ret;
	if ((ret = mm2_rule_parse_at(ld, mm2_node_get(n, "at"), -1, &p->at)) < 0)
		return ret;
	for (i = 0; i < n->npairs; i++) {
		const char *k = mm2_rule_scalar(n->pairs[i].key);

		for (o = 0; k && o < sizeof(op_names) / sizeof(op_names[0]); o++)
			if (strcmp(k, op_names[o]) == 0) {
				p->op = (enum mm2_op)o;
				opnode = n->pairs[i].value;
				nops++;
			}
		if (k && strcmp(k, "key") && strcmp(k, "at") && strcmp(k, "fact") &&
		    o == sizeof(op_names) / sizeof(op_names[0]) && !opnode)
			return mm2_rule_fail(ld, n->pairs[i].key,
					     "unknown field '%s' in a condition", k);
	}
	if (nops != 1)
		return mm2_rule_fail(ld, n, "%s", "a condition has exactly one operator");
	if (!p->key && !p->fact.path && !pc->have_subject_key)
		return mm2_rule_fail(ld, n, "%s",
				     "a condition without 'key' or 'fact' needs a subject key");
	if (p->fact.path && p->op == MM2_OP_PRESENT)
		return mm2_rule_fail(
			ld, n, "%s",
			"'present' is about keys; a missing fact makes a rule not apply");
	if (p->key &&
	    !mm2_rule_key_known(ld, p->key, p->at < 0 ? pc->at : (enum mm2_at)p->at, pc->kinds))
		return mm2_rule_fail(ld, n, "key '%s' is not in the catalogue for that place",
				     p->key);
	if (p->op == MM2_OP_PRESENT) {
		const char *v = mm2_rule_scalar(opnode);

		if (!v || (strcmp(v, "true") && strcmp(v, "false")))
			return mm2_rule_fail(ld, opnode, "%s", "'present' takes true or false");
		p->want_present = strcmp(v, "true") == 0;
		return 0;
	}
	if (p->op == MM2_OP_IN || p->op == MM2_OP_NOT_IN)
		return parse_set(ld, opnode, p);
	if (p->op == MM2_OP_CONTAINS && !(p->rhs_value = mm2_rule_scalar(opnode)))
		return mm2_rule_fail(ld, opnode, "%s", "'contains' takes a scalar");
	return p->op == MM2_OP_CONTAINS ? 0 : parse_operand(ld, opnode, pc, p);
}

int mm2_rule_parse_pred(struct loader *ld, const struct mm2_node *n, const struct pctx *pc,
			struct mm2_pred **out)
{
	struct mm2_pred *p = mm2_arena_alloc(&ld->rs->arena, sizeof(*p));
	const struct mm2_node *c;

	*out = p;
	if (n && n->kind == MM2_NODE_SEQ) {
		p->kind = MM2_PRED_ALL;
		return parse_kids(ld, n, pc, p);
	}
	if (!n || n->kind != MM2_NODE_MAP)
		return mm2_rule_fail(ld, n, "%s", "a condition is a mapping");
	if ((c = mm2_node_get(n, "all")) || (c = mm2_node_get(n, "any"))) {
		p->kind = mm2_node_get(n, "all") ? MM2_PRED_ALL : MM2_PRED_ANY;
		return parse_kids(ld, c, pc, p);
	}
	if ((c = mm2_node_get(n, "not"))) {
		p->kind = MM2_PRED_NOT;
		p->kids = mm2_arena_alloc(&ld->rs->arena, sizeof(*p->kids));
		p->nkids = 1;
		return mm2_rule_parse_pred(ld, c, pc, &p->kids[0]);
	}
	return parse_leaf(ld, n, pc, p);
}
