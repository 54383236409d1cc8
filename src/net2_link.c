/*
 * Built-in checks of a flow against the facts of its link (.mm2lint.ini): the
 * periodic work of MirrorMaker 2 against the recovery-point objective, and the
 * socket buffers of the clients that cross the link against its bandwidth-delay
 * product. A missing fact makes them not apply.
 */
#include <string.h>
#include "mm2lint/yaml.h"
#include "net2.h"
#include "banned.h"

static const char *item_str(const struct mm2_node *item, const char *name)
{
	return scalar_of(mm2_node_get(item, name));
}

/* No list, or one of its boolean keys is true for F (what the task serves runs). */
static bool any_true(struct mm2_check_ctx *cx, const struct mm2_flow *f,
		     const struct mm2_node *list)
{
	struct net2_val v;
	size_t i;

	for (i = 0; list && i < list->nitems; i++)
		if (scalar_of(list->items[i]) &&
		    net2_get(cx, f, MM2_AT_CONNECTOR, list->items[i]->str, &v) &&
		    net2_is(&v, "true"))
			return true;
	return !list;
}

/* One periodic task: KEY seconds, running while ENABLED_BY is true. */
static void check_interval(struct mm2_check_ctx *cx, const struct mm2_flow *f,
			   const struct mm2_node *item, double rpo)
{
	const char *key = item_str(item, "key"), *by = item_str(item, "enabled_by");
	struct net2_val iv, on;
	struct net2_vars vs = {0};

	if (!net2_get_num(cx, f, MM2_AT_CONNECTOR, key, &iv) ||
	    !net2_get(cx, f, MM2_AT_CONNECTOR, by, &on) || !net2_is(&on, "true") ||
	    !any_true(cx, f, mm2_node_get(item, "needs_any")))
		return;
	/* MirrorMaker 2's scheduler skips a task with a negative interval */
	if (iv.n < 0 || (double)iv.n <= rpo)
		return;
	net2_var_place(&vs, cx, f, MM2_AT_CONNECTOR);
	net2_var(&vs, "key", key);
	net2_var(&vs, "value", iv.text);
	net2_var(&vs, "origin", net2_origin(cx, &iv));
	net2_var(&vs, "rpo", net2_fmt(cx->arena, rpo));
	net2_var(&vs, "what", item_str(item, "what"));
	net2_emit(cx, cx->rule->info.severity, net2_loc(cx, f, net2_pick(&iv, &on)),
		  cx->rule->message, &vs, f, "connector", key);
}

static void run_intervals(struct mm2_check_ctx *cx)
{
	const struct mm2_node *list = mm2_node_get(cx->rule->params, "intervals");
	const struct mm2_facts *facts = &cx->opts->facts;
	size_t i, k;

	if (!cx->in->resolved)
		return;
	if (!facts->have_rpo) {
		mm2_check_not_applicable(cx, "the fact rpo_seconds is not known (rpo-seconds in "
					     "[objectives] of .mm2lint.ini)");
		return;
	}
	for (i = 0; i < cx->in->mm2.nflows; i++)
		if (cx->in->mm2.flows[i].enabled)
			for (k = 0; k < list->nitems; k++)
				check_interval(cx, &cx->in->mm2.flows[i], list->items[k],
					       facts->rpo_seconds);
}

static int validate_intervals(const struct mm2_rule *r, struct mm2_error *err)
{
	const struct mm2_node *list = mm2_node_get(r->params, "intervals");
	size_t i;

	if (!list || list->kind != MM2_NODE_SEQ || !list->nitems)
		return mm2_error_set(err, MM2_ERULE,
				     "%s: params.intervals: a list of {key, enabled_by, what}",
				     r->path);
	for (i = 0; i < list->nitems; i++) {
		const struct mm2_node *it = list->items[i], *any = mm2_node_get(it, "needs_any");

		if (!item_str(it, "key") || !item_str(it, "enabled_by") || !item_str(it, "what") ||
		    (any && (any->kind != MM2_NODE_SEQ || !any->nitems)))
			return mm2_error_set(err, MM2_ERULE,
					     "%s:%u: an interval needs key, enabled_by and what "
					     "(and needs_any, if given, is a list of keys)",
					     r->path, it->line);
	}
	return 0;
}

static const char *const interval_vars[] = {"flow",   "client", "kind", "key", "value",
					    "origin", "rpo",	"what", NULL};

const struct mm2_builtin net2_check_intervals = {"intervals-vs-rpo", validate_intervals,
						 run_intervals, interval_vars};

/*
 * "{alias}.KEY" written in the file while the client at AT does not get it: of a
 * cluster's own keys only bootstrap, security, ssl.* and sasl.* reach MirrorMaker
 * 2's clients. The note that says so, or "".
 */
static const char *unrouted_note(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
				 const char *key, const struct net2_val *b)
{
	const char *alias = at == MM2_AT_SOURCE_CONSUMER ? f->source : f->target;
	const char *role = at == MM2_AT_SOURCE_CONSUMER ? "consumer" : "producer";
	const struct mm2_entry *e;

	if (net2_in_file(b) ||
	    !(e = mm2_doc_get(&cx->in->doc, mm2_arena_printf(cx->arena, "%s.%s", alias, key))))
		return "";
	return mm2_arena_printf(cx->arena,
				"; %s at line %u does not reach this client (of a cluster's own "
				"keys only bootstrap, security, ssl and sasl ones do): write "
				"%s.%s.%s",
				e->key, e->key_loc.line, alias, role, key);
}

/* A socket buffer of one client of F against the link's bandwidth-delay product. */
static void check_buffer(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			 const char *key, const char *msg, double rtt, double mbps)
{
	double bdp = net2_bdp_bytes(mbps, rtt);
	struct net2_val b;
	struct net2_vars vs = {0};

	/* -1 leaves the size to the operating system, which tunes it (Linux does) */
	if (!net2_get_num(cx, f, at, key, &b) || b.n == -1 || (double)b.n >= bdp)
		return;
	net2_var_place(&vs, cx, f, at);
	net2_var(&vs, "key", key);
	net2_var(&vs, "value", b.text);
	net2_var(&vs, "origin", net2_origin(cx, &b));
	net2_var(&vs, "bdp", net2_fmt(cx->arena, bdp));
	net2_var(&vs, "rtt", net2_fmt(cx->arena, rtt));
	net2_var(&vs, "bandwidth", net2_fmt(cx->arena, mbps));
	net2_var(&vs, "cap", net2_fmt(cx->arena, (double)b.n * 8 / (rtt * 1000)));
	net2_var(&vs, "note", unrouted_note(cx, f, at, key, &b));
	net2_emit(cx, cx->rule->info.severity, net2_loc(cx, f, &b), msg, &vs, f, mm2_at_name(at),
		  key);
}

static void check_link(struct mm2_check_ctx *cx, const struct mm2_flow *f)
{
	const struct mm2_facts *facts = &cx->opts->facts;
	struct net2_val send;
	double rtt, mbps;

	if (!mm2_facts_flow(facts, f->name, MM2_FACT_RTT_MS, &rtt)) {
		mm2_check_not_applicable(cx,
					 "%s: the fact flow.rtt_ms is not known (rtt-ms in [flow "
					 "%s] of .mm2lint.ini, or --latency '%s=MS')",
					 f->name, f->name, f->name);
		return;
	}
	if (!mm2_facts_flow(facts, f->name, MM2_FACT_BANDWIDTH_MBPS, &mbps)) {
		mm2_check_not_applicable(cx,
					 "%s: the fact flow.bandwidth_mbps is not known "
					 "(bandwidth-mbps in [flow %s] of .mm2lint.ini)",
					 f->name, f->name);
		return;
	}
	/* Kafka advises running MirrorMaker 2 next to the target: its source consumer
	 * then reads across the link. */
	check_buffer(cx, f, MM2_AT_SOURCE_CONSUMER, "receive.buffer.bytes", cx->rule->message, rtt,
		     mbps);
	/* The task producer crosses it only when MirrorMaker 2 runs near the source;
	 * a size written in the file is taken as the sign of that. */
	if (net2_get(cx, f, MM2_AT_TASK_PRODUCER, "send.buffer.bytes", &send) &&
	    net2_in_file(&send))
		check_buffer(cx, f, MM2_AT_TASK_PRODUCER, "send.buffer.bytes",
			     net2_param(cx->rule, "producer_message"), rtt, mbps);
}

static void run_buffers(struct mm2_check_ctx *cx)
{
	size_t i;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < cx->in->mm2.nflows; i++)
		if (cx->in->mm2.flows[i].enabled)
			check_link(cx, &cx->in->mm2.flows[i]);
}

static int validate_buffers(const struct mm2_rule *r, struct mm2_error *err)
{
	static const char *const names[] = {"producer_message", NULL};

	return net2_check_messages(r, names, false, err);
}

static const char *const buffer_vars[] = {"flow", "client", "kind",	 "key", "value", "origin",
					  "bdp",  "rtt",    "bandwidth", "cap", "note",	 NULL};

const struct mm2_builtin net2_check_socket_buffers = {"socket-buffers-vs-bdp", validate_buffers,
						      run_buffers, buffer_vars};
