/*
 * Built-in checks about the network between clusters: timeouts against the
 * measured round trip of a flow (--latency S->T=MS).
 */
#include <stdio.h>
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "check.h"
#include "banned.h"

static const char *fmt_num(struct mm2_arena *a, double v)
{
	if (v == (double)(long long)v)
		return mm2_arena_printf(a, "%lld", (long long)v);
	return mm2_arena_printf(a, "%.1f", v);
}

static void check_timeout(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			  const char *key, double rtt)
{
	const struct mm2_input *in = cx->in;
	double threshold = rtt * cx->opts->latency_multiplier;
	struct mm2_setting s;
	const struct mm2_key *def;
	const char *v, *vars[24];
	size_t len, n = 0;
	int64_t ms;

	if (!mm2_lookup(cx->cat, cx->opts->version, &in->doc, f, at, key, &s, &def, cx->arena) ||
	    !def || !mm2_key_present(def, cx->opts->version))
		return;
	v = s.value;
	len = strlen(v);
	mm2_java_trim(&v, &len);
	if (!mm2_parse_long(v, len, &ms) || (double)ms >= threshold)
		return;
	vars[n++] = "flow", vars[n++] = f->name;
	vars[n++] = "client", vars[n++] = mm2_at_title(at);
	vars[n++] = "key", vars[n++] = key;
	vars[n++] = "value", vars[n++] = mm2_arena_strndup(cx->arena, v, len);
	vars[n++] = "origin", vars[n++] = mm2_setting_origin(in, &s, cx->opts->version, cx->arena);
	vars[n++] = "latency", vars[n++] = fmt_num(cx->arena, rtt);
	vars[n++] = "multiplier", vars[n++] = fmt_num(cx->arena, cx->opts->latency_multiplier);
	vars[n++] = "threshold", vars[n++] = fmt_num(cx->arena, threshold);
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, mm2_setting_loc(in, f, &s), cx->rule->message,
		       vars,
		       mm2_arena_printf(cx->arena, "flow:%s/%s:%s", f->name, mm2_at_name(at), key));
}

static void run_timeouts(struct mm2_check_ctx *cx)
{
	const struct mm2_node *keys = mm2_node_get(cx->rule->params, "keys");
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i, k;
	int at;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];
		double rtt;

		if (!f->enabled)
			continue;
		if (!mm2_facts_flow(&cx->opts->facts, f->name, MM2_FACT_RTT_MS, &rtt)) {
			mm2_check_not_applicable(cx,
						 "no measured round trip for %s (--latency '%s=MS' "
						 "or rtt-ms in [flow %s] of .mm2lint.ini)",
						 f->name, f->name, f->name);
			continue;
		}
		for (k = 0; k < keys->nitems; k++)
			for (at = MM2_AT_CONNECTOR; at < MM2_AT_FILE; at++)
				if (at != MM2_AT_WORKER)
					check_timeout(cx, f, (enum mm2_at)at, keys->items[k]->str,
						      rtt);
	}
}

static int validate_timeouts(const struct mm2_rule *r, struct mm2_error *err)
{
	const struct mm2_node *keys = mm2_node_get(r->params, "keys");
	size_t i;

	if (!keys || keys->kind != MM2_NODE_SEQ || !keys->nitems)
		return mm2_error_set(err, MM2_ERULE, "%s: params.keys: a list of timeout keys",
				     r->path);
	for (i = 0; i < keys->nitems; i++)
		if (keys->items[i]->kind != MM2_NODE_SCALAR)
			return mm2_error_set(err, MM2_ERULE,
					     "%s:%u: params.keys items are key names", r->path,
					     keys->items[i]->line);
	return 0;
}

static const char *const timeout_vars[] = {"flow",    "client",	    "key",	 "value", "origin",
					   "latency", "multiplier", "threshold", NULL};

const struct mm2_builtin mm2_check_timeouts = {"timeouts-vs-latency", validate_timeouts,
					       run_timeouts, timeout_vars};
