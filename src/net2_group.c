/*
 * Built-in check of group membership timing: heartbeat.interval.ms against
 * session.timeout.ms for the members of a classic consumer or Connect group (the
 * Connect herder of every MirrorMaker 2 flow, consumer and worker files). Kafka
 * refuses a member whose heartbeat is not below the session timeout, and its
 * documentation advises at most a third of it.
 */
#include <string.h>
#include "net2.h"
#include "banned.h"

/*
 * Whether the client at AT joins a group whose heartbeats it sends itself: it has
 * a group.id (Kafka builds no coordinator without one) and, for a consumer, uses
 * the classic protocol (with group.protocol=consumer the broker owns both timeouts).
 */
static bool joins_group(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at)
{
	struct net2_val g, p;

	if (!net2_get(cx, f, at, "group.id", &g) || !g.text[0])
		return false;
	if (mm2_at_scope(at, cx->in->doc.kind) != MM2_SCOPE_CONSUMER)
		return true;
	return !net2_get(cx, f, at, "group.protocol", &p) || net2_is(&p, "classic");
}

/*
 * ERROR_ONLY: the member never sends heartbeats on a schedule (MirrorMaker 2's
 * consumers use assign(), not subscribe()), so only the constructor's check counts.
 */
static void check_member(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			 bool error_only)
{
	struct net2_val h, s;
	struct net2_vars vs = {0};
	enum mm2_severity sev = MM2_SEV_ERROR;
	const char *msg;

	if (!joins_group(cx, f, at) || !net2_get_num(cx, f, at, "heartbeat.interval.ms", &h) ||
	    !net2_get_num(cx, f, at, "session.timeout.ms", &s))
		return;
	if (h.n >= s.n) {
		msg = f ? cx->rule->message : net2_param(cx->rule, "file_message");
	} else if (!error_only && h.n * 3 > s.n) {
		sev = MM2_SEV_WARNING;
		msg = net2_param(cx->rule, f ? "warning_message" : "file_warning_message");
	} else {
		return;
	}
	net2_var_place(&vs, cx, f, at);
	net2_var(&vs, "heartbeat", h.text);
	net2_var(&vs, "heartbeat_origin", net2_origin(cx, &h));
	net2_var(&vs, "session", s.text);
	net2_var(&vs, "session_origin", net2_origin(cx, &s));
	net2_var(&vs, "third", net2_fmt(cx->arena, (double)(s.n / 3)));
	net2_emit(cx, sev, net2_loc(cx, f, net2_pick(&h, &s)), msg, &vs, f, mm2_at_name(at),
		  "heartbeat.interval.ms");
}

static void run_heartbeat(struct mm2_check_ctx *cx)
{
	enum mm2_kind kind = cx->in->doc.kind;
	size_t i;

	if (kind == MM2_KIND_CONSUMER || kind == MM2_KIND_WORKER)
		check_member(cx, NULL, MM2_AT_FILE, false);
	if (!cx->in->resolved)
		return;
	for (i = 0; i < cx->in->mm2.nflows; i++) {
		const struct mm2_flow *f = &cx->in->mm2.flows[i];

		if (mm2_flow_has_herder(f))
			check_member(cx, f, MM2_AT_WORKER, false);
		if (!f->enabled)
			continue;
		check_member(cx, f, MM2_AT_SOURCE_CONSUMER, true);
		check_member(cx, f, MM2_AT_TARGET_CONSUMER, true);
	}
}

static const char *const heartbeat_vars[] = {
	"flow",	   "client",	     "kind",  "heartbeat", "heartbeat_origin",
	"session", "session_origin", "third", NULL,
};

static int validate_heartbeat(const struct mm2_rule *r, struct mm2_error *err)
{
	static const char *const names[] = {"warning_message", "file_message",
					    "file_warning_message", NULL};

	return net2_check_messages(r, names, false, err);
}

const struct mm2_builtin net2_check_heartbeat = {"heartbeat-vs-session-timeout", validate_heartbeat,
						 run_heartbeat, heartbeat_vars};
