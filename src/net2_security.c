/*
 * Built-in checks of how MirrorMaker 2 and client files reach Kafka: plaintext
 * connections, SASL secrets over an unencrypted connection, hostname
 * verification switched off, and MirrorMaker 2's internal REST over plain HTTP.
 * Findings about a cluster's connections are given once per cluster and setting,
 * whichever of MirrorMaker 2's clients share it.
 */
#include <string.h>
#include "mm2lint/util.h"
#include "net2.h"
#include "banned.h"

typedef void (*client_fn)(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			  const char *cluster);

/* The cluster the offset-sync producer writes to (offset-syncs.topic.location, 3.0+). */
static const char *offset_sync_cluster(struct mm2_check_ctx *cx, const struct mm2_flow *f)
{
	struct net2_val loc;

	if (net2_get(cx, f, MM2_AT_CONNECTOR, "offset-syncs.topic.location", &loc) &&
	    net2_is(&loc, "target"))
		return f->target;
	return f->source;
}

/* Every client of every enabled flow with the cluster it connects to. */
static void each_flow_client(struct mm2_check_ctx *cx, client_fn fn)
{
	size_t i;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < cx->in->mm2.nflows; i++) {
		const struct mm2_flow *f = &cx->in->mm2.flows[i];

		if (!f->enabled)
			continue;
		fn(cx, f, MM2_AT_SOURCE_CONSUMER, f->source);
		fn(cx, f, MM2_AT_SOURCE_ADMIN, f->source);
		fn(cx, f, MM2_AT_OFFSET_SYNC_PRODUCER, offset_sync_cluster(cx, f));
		fn(cx, f, MM2_AT_TARGET_CONSUMER, f->target);
		fn(cx, f, MM2_AT_TARGET_ADMIN, f->target);
		fn(cx, f, MM2_AT_TASK_PRODUCER, f->target);
		fn(cx, f, MM2_AT_WORKER, f->target);
	}
}

/* A client file: producer, consumer, admin, Connect worker, or keys of no kind. */
static void each_file_client(struct mm2_check_ctx *cx, client_fn fn)
{
	switch (cx->in->doc.kind) {
	case MM2_KIND_PRODUCER:
	case MM2_KIND_CONSUMER:
	case MM2_KIND_ADMIN:
	case MM2_KIND_WORKER:
	case MM2_KIND_OTHER:
		fn(cx, NULL, MM2_AT_FILE, NULL);
		break;
	default:
		break;
	}
}

/* A default is a property of the cluster, not of one flow: place it at 'clusters'. */
static struct mm2_loc cluster_loc(struct mm2_check_ctx *cx, const struct mm2_flow *f,
				  const struct net2_val *v)
{
	if (f && !net2_in_file(v) && cx->in->mm2.clusters_entry)
		return cx->in->mm2.clusters_entry->key_loc;
	return net2_loc(cx, f, v);
}

static void emit_client(struct mm2_check_ctx *cx, enum mm2_severity sev, const char *msg,
			struct net2_vars *vs, const struct mm2_flow *f, enum mm2_at at,
			const char *cluster, const struct net2_val *anchor, const char *key)
{
	const char *place =
		cluster ? mm2_arena_printf(cx->arena, "cluster %s", cluster) : mm2_at_name(at);

	net2_var(vs, "cluster", cluster ? cluster : "");
	net2_emit(cx, sev, cluster_loc(cx, f, anchor), msg, vs, f, place, key);
}

static void plaintext_client(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			     const char *cluster)
{
	struct net2_val p;
	struct net2_vars vs = {0};

	if (!net2_get(cx, f, at, "security.protocol", &p) || !net2_is(&p, "PLAINTEXT"))
		return;
	net2_var_place(&vs, cx, f, at);
	net2_var(&vs, "value", p.text);
	net2_var(&vs, "origin", net2_origin(cx, &p));
	emit_client(cx, cx->rule->info.severity, cx->rule->message, &vs, f, at, cluster, &p,
		    "security.protocol");
}

static void run_plaintext(struct mm2_check_ctx *cx)
{
	each_flow_client(cx, plaintext_client);
}

static const char *const plaintext_vars[] = {"flow",  "client", "kind", "cluster",
					     "value", "origin", NULL};

const struct mm2_builtin net2_check_plaintext = {"clusters-over-plaintext", NULL, run_plaintext,
						 plaintext_vars};

/* PLAIN sends the password and OAUTHBEARER the token; SCRAM sends neither. */
static int sasl_exposure(const struct net2_val *m)
{
	if (!strcmp(m->text, "PLAIN") || !strcmp(m->text, "OAUTHBEARER"))
		return 2;
	if (!strcmp(m->text, "SCRAM-SHA-256") || !strcmp(m->text, "SCRAM-SHA-512"))
		return 1;
	return 0; /* GSSAPI (Kerberos) or a custom mechanism */
}

static void sasl_client(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			const char *cluster)
{
	struct net2_val p, m;
	struct net2_vars vs = {0};
	const char *msg;
	int how;

	if (!net2_get(cx, f, at, "security.protocol", &p) || !net2_is(&p, "SASL_PLAINTEXT") ||
	    !net2_get(cx, f, at, "sasl.mechanism", &m) || !(how = sasl_exposure(&m)))
		return;
	if (how == 2)
		msg = f ? cx->rule->message : net2_param(cx->rule, "file_message");
	else
		msg = net2_param(cx->rule, f ? "scram_message" : "file_scram_message");
	net2_var_place(&vs, cx, f, at);
	net2_var(&vs, "value", p.text);
	net2_var(&vs, "origin", net2_origin(cx, &p));
	net2_var(&vs, "mechanism", m.text);
	net2_var(&vs, "mechanism_origin", net2_origin(cx, &m));
	emit_client(cx, how == 2 ? cx->rule->info.severity : MM2_SEV_WARNING, msg, &vs, f, at,
		    cluster, &p, "security.protocol");
}

static void run_sasl(struct mm2_check_ctx *cx)
{
	each_flow_client(cx, sasl_client);
	each_file_client(cx, sasl_client);
}

static int validate_sasl(const struct mm2_rule *r, struct mm2_error *err)
{
	static const char *const names[] = {"scram_message", "file_message", "file_scram_message",
					    NULL};

	return net2_check_messages(r, names, false, err);
}

static const char *const sasl_vars[] = {"flow",	 "client", "kind",	"cluster",
					"value", "origin", "mechanism", "mechanism_origin",
					NULL};

const struct mm2_builtin net2_check_sasl_plaintext = {"sasl-over-plaintext", validate_sasl,
						      run_sasl, sasl_vars};

static void hostname_client(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			    const char *cluster)
{
	struct net2_val p, a;
	struct net2_vars vs = {0};

	/* Without TLS there is no certificate whose host name could be checked. */
	if (!net2_get(cx, f, at, "security.protocol", &p) ||
	    !(net2_is(&p, "SSL") || net2_is(&p, "SASL_SSL")) ||
	    !net2_get(cx, f, at, "ssl.endpoint.identification.algorithm", &a) || a.text[0])
		return;
	net2_var_place(&vs, cx, f, at);
	net2_var(&vs, "value", p.text);
	net2_var(&vs, "origin", net2_origin(cx, &a));
	emit_client(cx, cx->rule->info.severity,
		    f ? cx->rule->message : net2_param(cx->rule, "file_message"), &vs, f, at,
		    cluster, &a, "ssl.endpoint.identification.algorithm");
}

static void run_hostname(struct mm2_check_ctx *cx)
{
	each_flow_client(cx, hostname_client);
	each_file_client(cx, hostname_client);
}

static int validate_hostname(const struct mm2_rule *r, struct mm2_error *err)
{
	static const char *const names[] = {"file_message", NULL};

	return net2_check_messages(r, names, false, err);
}

static const char *const hostname_vars[] = {"flow",  "client", "kind", "cluster",
					    "value", "origin", NULL};

const struct mm2_builtin net2_check_hostname_verification = {
	"hostname-verification-off", validate_hostname, run_hostname, hostname_vars};

static void run_internal_rest(struct mm2_check_ctx *cx)
{
	struct net2_val on, l;
	struct net2_vars vs = {0};
	const char **items;
	size_t i, n;

	if (cx->in->doc.kind != MM2_KIND_MM2 ||
	    !net2_get(cx, NULL, MM2_AT_FILE, "dedicated.mode.enable.internal.rest", &on) ||
	    !net2_is(&on, "true") || !net2_get(cx, NULL, MM2_AT_FILE, "listeners", &l))
		return;
	n = mm2_split_list(l.text, &items, cx->arena);
	for (i = 0; i < n && !net2_listener_is_http(items[i]); i++)
		;
	if (i == n)
		return;
	net2_var(&vs, "kind", mm2_kind_name(cx->in->doc.kind));
	net2_var(&vs, "listener", items[i]);
	net2_var(&vs, "listeners", l.text);
	net2_var(&vs, "origin", net2_origin(cx, &l));
	net2_var(&vs, "enabled_origin", net2_origin(cx, &on));
	net2_emit(cx, cx->rule->info.severity, net2_loc(cx, NULL, net2_pick(&l, &on)),
		  cx->rule->message, &vs, NULL, "file", "listeners");
}

static const char *const rest_vars[] = {"kind",	  "listener",	    "listeners",
					"origin", "enabled_origin", NULL};

const struct mm2_builtin net2_check_internal_rest = {"internal-rest-over-http", NULL,
						     run_internal_rest, rest_vars};
