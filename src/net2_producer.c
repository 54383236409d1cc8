/*
 * Built-in checks of producer timing: delivery.timeout.ms against linger.ms +
 * request.timeout.ms (KafkaProducer's constructor check), and an explicit
 * retries that can run out before delivery.timeout.ms does. They look at
 * producer files and MirrorMaker 2's task producer (and, for the first, its
 * offset-sync producer, which the source task creates when it starts).
 */
#include <string.h>
#include "net2.h"
#include "banned.h"

#define INT_MAX_MS 2147483647LL

/* emit.offset-syncs.enabled=false (3.9+) leaves the source task without that producer. */
static bool emits_offset_syncs(struct mm2_check_ctx *cx, const struct mm2_flow *f)
{
	struct net2_val v;

	return !net2_get(cx, f, MM2_AT_CONNECTOR, "emit.offset-syncs.enabled", &v) ||
	       !net2_is(&v, "false");
}

typedef void (*producer_fn)(struct mm2_check_ctx *, const struct mm2_flow *, enum mm2_at);

/*
 * A producer file, and the producers of each enabled flow: the task producer and,
 * with OFFSET_SYNCS, the offset-sync producer (whose failed sends MirrorSourceTask
 * only logs, so what follows from them differs).
 */
static void each_producer(struct mm2_check_ctx *cx, producer_fn fn, bool offset_syncs)
{
	size_t i;

	if (cx->in->doc.kind == MM2_KIND_PRODUCER)
		fn(cx, NULL, MM2_AT_FILE);
	if (!cx->in->resolved)
		return;
	for (i = 0; i < cx->in->mm2.nflows; i++) {
		const struct mm2_flow *f = &cx->in->mm2.flows[i];

		if (!f->enabled)
			continue;
		fn(cx, f, MM2_AT_TASK_PRODUCER);
		if (offset_syncs && emits_offset_syncs(cx, f))
			fn(cx, f, MM2_AT_OFFSET_SYNC_PRODUCER);
	}
}

static const char *message_for(struct mm2_check_ctx *cx, const struct mm2_flow *f,
			       const char *file_param)
{
	const char *m = f ? NULL : net2_param(cx->rule, file_param);

	return m ? m : cx->rule->message;
}

/*
 * Before Kafka 3.0 (KAFKA-12361) Connect gave its task producers
 * request.timeout.ms=Integer.MAX_VALUE unless the worker or connector set one.
 * 2.8 is left at the client default: its release may or may not carry the change,
 * and the default is the smaller value, so a finding made with it holds either way.
 */
static void connect_request_timeout(struct mm2_check_ctx *cx, enum mm2_at at, struct net2_val *r)
{
	if (at != MM2_AT_TASK_PRODUCER || r->s.origin != MM2_ORIGIN_DEFAULT ||
	    cx->opts->version > MM2_VERSION(2, 7))
		return;
	r->n = INT_MAX_MS;
	r->text = "2147483647";
	r->s.origin = MM2_ORIGIN_FORCED;
	r->s.note = "Kafka Connect sets it for its task producers before Kafka 3.0";
}

static void check_delivery(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at)
{
	struct net2_val d, l, r;
	struct net2_vars vs = {0};
	long long sum;

	if (!net2_get_num(cx, f, at, "delivery.timeout.ms", &d) ||
	    !net2_get_num(cx, f, at, "linger.ms", &l) ||
	    !net2_get_num(cx, f, at, "request.timeout.ms", &r) || d.n < 0 || l.n < 0 || r.n < 0)
		return;
	/* Kafka throws only when delivery.timeout.ms is in the producer's own config;
	 * left to its default it is raised to the sum with a WARN. */
	if (d.s.origin == MM2_ORIGIN_DEFAULT) {
		mm2_check_not_applicable(cx,
					 "%s%s%s: delivery.timeout.ms is not set, so Kafka "
					 "raises it to linger.ms + request.timeout.ms if needed",
					 f ? f->name : "", f ? " " : "", mm2_at_title(at));
		return;
	}
	connect_request_timeout(cx, at, &r);
	sum = (l.n > INT_MAX_MS ? INT_MAX_MS : l.n) + r.n;
	if (sum > INT_MAX_MS)
		sum = INT_MAX_MS;
	if (d.n >= sum)
		return;
	net2_var_place(&vs, cx, f, at);
	net2_var(&vs, "delivery", d.text);
	net2_var(&vs, "delivery_origin", net2_origin(cx, &d));
	net2_var(&vs, "linger", l.text);
	net2_var(&vs, "linger_origin", net2_origin(cx, &l));
	net2_var(&vs, "request", r.text);
	net2_var(&vs, "request_origin", net2_origin(cx, &r));
	net2_var(&vs, "sum", net2_fmt(cx->arena, (double)sum));
	net2_emit(cx, cx->rule->info.severity, net2_loc(cx, f, &d),
		  message_for(cx, f, "file_message"), &vs, f, mm2_at_name(at),
		  "delivery.timeout.ms");
}

static void run_delivery(struct mm2_check_ctx *cx)
{
	each_producer(cx, check_delivery, true);
}

static const char *const delivery_vars[] = {
	"flow",	  "client",	   "kind",    "delivery",	"delivery_origin",
	"linger", "linger_origin", "request", "request_origin", "sum",
	NULL,
};

static int validate_delivery(const struct mm2_rule *r, struct mm2_error *err)
{
	static const char *const names[] = {"file_message", NULL};

	return net2_check_messages(r, names, false, err);
}

const struct mm2_builtin net2_check_delivery_timeout = {
	"delivery-timeout-below-linger-plus-request",
	validate_delivery,
	run_delivery,
	delivery_vars,
};

/*
 * The delivery timeout the producer really uses: the configured one, or, when it
 * is left to its default below linger.ms + request.timeout.ms, that sum (the
 * producer raises it). False when a value cannot be read.
 */
static bool effective_delivery(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			       struct net2_val *d, long long *ms)
{
	struct net2_val l, r;
	long long sum;

	if (!net2_get_num(cx, f, at, "delivery.timeout.ms", d))
		return false;
	*ms = d->n;
	if (d->s.origin != MM2_ORIGIN_DEFAULT)
		return true;
	if (!net2_get_num(cx, f, at, "linger.ms", &l) ||
	    !net2_get_num(cx, f, at, "request.timeout.ms", &r))
		return false;
	sum = (l.n > INT_MAX_MS ? INT_MAX_MS : l.n) + r.n;
	if (sum > *ms)
		*ms = sum > INT_MAX_MS ? INT_MAX_MS : sum;
	return true;
}

static void check_retries(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at)
{
	struct net2_val n, d, b, m;
	struct net2_vars vs = {0};
	const char *msg;
	bool exp;
	long long delivery;
	double spent;

	if (!net2_get_num(cx, f, at, "retries", &n) || !net2_in_file(&n) || n.n < 0 ||
	    !effective_delivery(cx, f, at, &d, &delivery) ||
	    !net2_get_num(cx, f, at, "retry.backoff.ms", &b))
		return;
	/* retry.backoff.max.ms exists from 3.7, when retries began to back off exponentially */
	exp = net2_get_num(cx, f, at, "retry.backoff.max.ms", &m);
	spent = net2_backoff_total(n.n, b.n, exp ? m.n : 0, exp);
	if (spent >= (double)delivery)
		return;
	if (n.n == 0)
		msg = net2_param(cx->rule, f ? "zero_message" : "file_zero_message");
	else
		msg = message_for(cx, f, "file_message");
	net2_var_place(&vs, cx, f, at);
	net2_var(&vs, "value", n.text);
	net2_var(&vs, "origin", net2_origin(cx, &n));
	net2_var(&vs, "spent", net2_fmt(cx->arena, spent));
	net2_var(&vs, "delivery", net2_fmt(cx->arena, (double)delivery));
	net2_var(&vs, "delivery_origin", net2_origin(cx, &d));
	net2_var(&vs, "backoff", b.text);
	net2_emit(cx, cx->rule->info.severity, net2_loc(cx, f, &n), msg, &vs, f, mm2_at_name(at),
		  "retries");
}

static void run_retries(struct mm2_check_ctx *cx)
{
	each_producer(cx, check_retries, false);
}

static const char *const retries_vars[] = {
	"flow",	    "client",	       "kind",	  "value", "origin", "spent",
	"delivery", "delivery_origin", "backoff", NULL,
};

static int validate_retries(const struct mm2_rule *r, struct mm2_error *err)
{
	static const char *const names[] = {"file_message", "zero_message", "file_zero_message",
					    NULL};

	return net2_check_messages(r, names, false, err);
}

const struct mm2_builtin net2_check_retries = {"retries-run-out-before-delivery-timeout",
					       validate_retries, run_retries, retries_vars};
