/*
 * Built-in check of broker files: keys whose effective value must reach a minimum
 * (the replication of the internal topics and of topics created without a factor),
 * each with its own minimum and reason in the rule's params. Keys only brokers
 * read are skipped on a KRaft controller-only node.
 */
#include <string.h>
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "net2.h"
#include "banned.h"

static const char *item_str(const struct mm2_node *item, const char *name)
{
	return scalar_of(mm2_node_get(item, name));
}

/* process.roles=controller (and nothing else): the node hosts no partitions. */
static bool controller_only(const struct mm2_doc *doc, struct mm2_arena *a)
{
	const struct mm2_entry *e = mm2_doc_get(doc, "process.roles");
	const char **items;
	size_t i, n;

	if (!e)
		return false;
	n = mm2_split_list(e->value, &items, a);
	for (i = 0; i < n; i++)
		if (strcmp(items[i], "controller") != 0)
			return false;
	return n > 0;
}

static void check_minimum(struct mm2_check_ctx *cx, const struct mm2_node *item, bool controller)
{
	const char *key = item_str(item, "key"), *min = item_str(item, "min");
	const char *read_by = item_str(item, "read_by");
	struct net2_val v;
	struct net2_vars vs = {0};
	int64_t m;

	if (!min || !mm2_parse_long(min, strlen(min), &m))
		return;
	if (controller && read_by && strcmp(read_by, "broker") == 0) {
		mm2_check_not_applicable(cx,
					 "%s is read by brokers, and this node is a "
					 "controller only (process.roles=controller)",
					 key);
		return;
	}
	if (!net2_get_num(cx, NULL, MM2_AT_FILE, key, &v) || v.n >= m)
		return;
	net2_var_place(&vs, cx, NULL, MM2_AT_FILE);
	net2_var(&vs, "key", key);
	net2_var(&vs, "value", v.text);
	net2_var(&vs, "origin", net2_origin(cx, &v));
	net2_var(&vs, "min", min);
	net2_var(&vs, "why", item_str(item, "why"));
	net2_emit(cx, cx->rule->info.severity, net2_loc(cx, NULL, &v), cx->rule->message, &vs, NULL,
		  "file", key);
}

static void run_minimums(struct mm2_check_ctx *cx)
{
	const struct mm2_node *list = mm2_node_get(cx->rule->params, "keys");
	bool controller;
	size_t i;

	if (cx->in->doc.kind != MM2_KIND_BROKER)
		return;
	controller = controller_only(&cx->in->doc, cx->arena);
	for (i = 0; i < list->nitems; i++)
		check_minimum(cx, list->items[i], controller);
}

static int validate_minimums(const struct mm2_rule *r, struct mm2_error *err)
{
	const struct mm2_node *list = mm2_node_get(r->params, "keys");
	size_t i;
	int64_t m;

	if (!list || list->kind != MM2_NODE_SEQ || !list->nitems)
		return mm2_error_set(err, MM2_ERULE, "%s: params.keys: a list of {key, min, why}",
				     r->path);
	for (i = 0; i < list->nitems; i++) {
		const struct mm2_node *it = list->items[i];
		const char *min = item_str(it, "min"), *rb = item_str(it, "read_by");

		if (!item_str(it, "key") || !item_str(it, "why") || !min ||
		    !mm2_parse_long(min, strlen(min), &m) || (rb && strcmp(rb, "broker") != 0))
			return mm2_error_set(err, MM2_ERULE,
					     "%s:%u: a key needs key, a whole-number min, why "
					     "and optionally read_by: broker",
					     r->path, it->line);
	}
	return 0;
}

static const char *const minimum_vars[] = {"flow",   "client", "kind", "key", "value",
					   "origin", "min",    "why",  NULL};

const struct mm2_builtin net2_check_broker_minimums = {"broker-minimums", validate_minimums,
						       run_minimums, minimum_vars};
