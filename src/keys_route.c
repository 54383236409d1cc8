/*
 * Where a key lands (keys_route.h): the readings of one written key, following
 * MirrorMakerConfig's prefix routing for mm2.properties (the drawing at the top
 * of resolve.c) and the file's own catalogue scope for other kinds of file.
 */
#include <string.h>
#include "mm2lint/util.h"
#include "keys_route.h"
#include "banned.h"

/* Top-level keys that MirrorMaker 2 copies into every worker it builds. */
static const char *const worker_prefixes[] = {
	"offset.storage", "config.storage",  "status.storage",
	"key.converter",  "value.converter", "header.converter",
	"task",		  "worker",	     "replication.policy",
};

/* Sub-keys configured by plugins mm2lint does not know (converters, transforms, …). */
static const char *const plugin_prefixes[] = {
	"transforms.",	     "predicates.",
	"topic.creation.",   "key.converter.",
	"value.converter.",  "header.converter.",
	"config.providers.", "replication.policy.",
	"listeners.https.",  "admin.listeners.https.",
};

/* Connector settings that name a class of the user's, which reads the whole config. */
static const char *const plugin_classes[] = {
	"replication.policy.class",	"topic.filter.class",	  "group.filter.class",
	"config.property.filter.class", "forwarding.admin.class", "metric.reporters",
};

struct route {
	const struct mm2_check_ctx *cx;
	const struct mm2_catalog *cat;
	mm2_version v;
	struct mm2_arena *a;
};

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool in_list(const char *const *list, size_t n, const char *key, bool prefix)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (prefix ? starts(key, list[i]) : strcmp(key, list[i]) == 0)
			return true;
	return false;
}

#define IN(list, key, prefix) in_list(list, sizeof(list) / sizeof(list[0]), key, prefix)

static enum mm2_keys_verdict by_version(const struct mm2_key *k, mm2_version v)
{
	mm2_version removed = *k->removed_in ? mm2_version_parse(k->removed_in) : -1;

	if (mm2_key_present(k, v))
		return MM2_KV_KNOWN;
	return removed >= 0 && v >= removed ? MM2_KV_REMOVED : MM2_KV_NOT_YET;
}

/* Set R to KEY of SCOPE if the catalogue has it. */
static bool found(struct route *rt, struct mm2_keys_reading *r, enum mm2_scope scope,
		  const char *key)
{
	const struct mm2_key *k = mm2_catalog_find(rt->cat, scope, key);

	if (!k)
		return false;
	r->scope = scope;
	r->key = k;
	r->verdict = by_version(k, rt->v);
	return true;
}

static void no_effect(struct mm2_keys_reading *r, const char *why, const char *fix)
{
	r->verdict = MM2_KV_NO_EFFECT;
	r->why = why;
	r->fix = fix;
}

/* Characters no Kafka key has: such a "key" is a stray line, not a misspelling. */
static bool key_like(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '_'))
			return false;
	return true;
}

static enum mm2_keys_role role_of(const char *s, const char **rest)
{
	static const struct {
		const char *p;
		enum mm2_keys_role role;
	} roles[] = {
		{"consumer.", MM2_ROLE_CONSUMER},
		{"producer.", MM2_ROLE_PRODUCER},
		{"admin.", MM2_ROLE_ADMIN},
	};
	size_t i;

	for (i = 0; i < 3; i++)
		if (starts(s, roles[i].p)) {
			*rest = s + strlen(roles[i].p);
			return roles[i].role;
		}
	return MM2_ROLE_NONE;
}

static enum mm2_scope role_scope(enum mm2_keys_role role)
{
	return role == MM2_ROLE_CONSUMER   ? MM2_SCOPE_CONSUMER
	       : role == MM2_ROLE_PRODUCER ? MM2_SCOPE_PRODUCER
					   : MM2_SCOPE_ADMIN;
}

static const char *role_name(enum mm2_keys_role role)
{
	return role == MM2_ROLE_CONSUMER   ? "consumer"
	       : role == MM2_ROLE_PRODUCER ? "producer"
					   : "admin";
}

/* MirrorClientConfig's client set: what reaches MM2's clients from cluster settings. */
static bool client_set(struct route *rt, const char *key)
{
	const struct mm2_key *k = mm2_catalog_find(rt->cat, MM2_SCOPE_MM2, key);

	return k && (k->defined_in & MM2_DEF_CLIENT) && mm2_key_present(k, rt->v) &&
	       (strcmp(key, "bootstrap.servers") == 0 || strcmp(key, "security.protocol") == 0 ||
		starts(key, "ssl.") || starts(key, "sasl."));
}

/* KEY read by a client of ROLE; REST of the reading becomes KEY. */
static void client_reading(struct route *rt, struct mm2_keys_reading *r, enum mm2_keys_role role,
			   const char *key)
{
	enum mm2_scope scope = role_scope(role);

	r->role = role;
	r->rest = key;
	r->scope = scope;
	if (found(rt, r, scope, key))
		return;
	if ((r->old = mm2_keys_old_find(scope, key))) {
		r->verdict = MM2_KV_REMOVED;
		return;
	}
	r->verdict = key_like(key) ? MM2_KV_UNKNOWN : MM2_KV_OPAQUE;
}

/* A key some scope of the catalogue knows (used to stay silent about it). */
static bool known_somewhere(struct route *rt, const char *key)
{
	return mm2_catalog_find_any(rt->cat, key) != NULL;
}

static const struct mm2_key *client_key(struct route *rt, const char *key, enum mm2_keys_role *role)
{
	static const enum mm2_keys_role roles[] = {MM2_ROLE_CONSUMER, MM2_ROLE_PRODUCER,
						   MM2_ROLE_ADMIN};
	size_t i;

	for (i = 0; i < 3; i++) {
		const struct mm2_key *k = mm2_catalog_find(rt->cat, role_scope(roles[i]), key);

		if (k) {
			*role = roles[i];
			return k;
		}
	}
	return NULL;
}

/* A top-level key that is no MirrorMaker 2 key: worker, client or broker keys. */
static void top_foreign(struct route *rt, struct mm2_keys_reading *r, const char *key)
{
	enum mm2_keys_role role;
	const struct mm2_key *k;

	if (found(rt, r, MM2_SCOPE_WORKER, key)) {
		if (r->verdict == MM2_KV_KNOWN)
			no_effect(r,
				  "a Connect worker key: MirrorMaker 2 copies top-level keys into "
				  "its workers only when they start with offset.storage, "
				  "config.storage, status.storage, key.converter, value.converter, "
				  "header.converter, task, worker or replication.policy",
				  mm2_arena_printf(rt->a,
						   "write {target}.%s for the workers that "
						   "write into {target}",
						   key));
		return;
	}
	if ((k = client_key(rt, key, &role))) {
		r->key = k;
		r->scope = role_scope(role);
		no_effect(r,
			  mm2_arena_printf(rt->a,
					   "a %s key: from the top level MirrorMaker 2 "
					   "hands its clients only bootstrap, security, SSL and "
					   "SASL keys",
					   role_name(role)),
			  mm2_arena_printf(rt->a,
					   "write {alias}.%s.%s for the clients of one cluster",
					   role_name(role), key));
		return;
	}
	if (found(rt, r, MM2_SCOPE_BROKER, key) || found(rt, r, MM2_SCOPE_TOPIC, key)) {
		no_effect(r, "a broker or topic key: MirrorMaker 2 configures no broker",
			  "set it on the brokers (server.properties) or on the topics");
		return;
	}
	r->scope = MM2_SCOPE_MM2;
	r->verdict = key_like(key) ? MM2_KV_UNKNOWN : MM2_KV_OPAQUE;
	r->strict = true;
}

static void classify_top(struct route *rt, struct mm2_keys_reading *r, const char *key)
{
	enum mm2_keys_role role;
	const char *rest;

	r->place = MM2_KP_TOP;
	r->prefix = "";
	r->rest = key;
	r->where = "at the top level";
	if (found(rt, r, MM2_SCOPE_MM2, key)) {
		if (r->verdict == MM2_KV_KNOWN &&
		    !(r->key->defined_in & (MM2_DEF_MAKER | MM2_DEF_CONNECTOR | MM2_DEF_CLIENT)))
			no_effect(
				r,
				"MirrorMaker 2 copies top-level keys into its connectors only "
				"when the Mirror connectors' own ConfigDefs define them, and "
				"this one belongs to Connect's source-connector config or a filter",
				mm2_arena_printf(rt->a, "write {source}->{target}.%s for each flow",
						 key));
		return;
	}
	if (IN(plugin_prefixes, key, true) || starts(key, "config.providers")) {
		r->verdict = MM2_KV_OPAQUE;
		return;
	}
	if (IN(worker_prefixes, key, true)) {
		if (found(rt, r, MM2_SCOPE_WORKER, key))
			return;
		r->scope = MM2_SCOPE_WORKER;
		r->verdict = MM2_KV_UNKNOWN;
		r->strict = true;
		return;
	}
	if ((role = role_of(key, &rest))) {
		r->prefix = key[0] == 'a' ? "admin." : key[0] == 'c' ? "consumer." : "producer.";
		r->rest = rest;
		r->role = role;
		r->scope = role_scope(role);
		r->key = mm2_catalog_find(rt->cat, r->scope, rest);
		no_effect(
			r,
			mm2_arena_printf(rt->a,
					 "MirrorMaker 2 never reads top-level %s.* "
					 "keys in dedicated mode",
					 role_name(role)),
			r->key ? mm2_arena_printf(rt->a,
						  "write {alias}.%s for the clients of one "
						  "cluster, or {source}->{target}.%s for one flow",
						  key, key)
			       : mm2_arena_printf(rt->a, "remove it: '%s' is no %s key either",
						  rest, role_name(role)));
		return;
	}
	top_foreign(rt, r, key);
}

/* {alias}.producer.K, {alias}.consumer.K, {alias}.admin.K (and a misplaced .override.). */
static void cluster_client(struct route *rt, struct mm2_keys_reading *r, enum mm2_keys_role role,
			   const char *key)
{
	const char *k = key + 9;

	r->prefix = mm2_arena_printf(rt->a, "%s.%s.", r->cluster, role_name(role));
	if (starts(key, "override.") && mm2_catalog_find(rt->cat, role_scope(role), k)) {
		client_reading(rt, r, role, k);
		r->rest = key;
		no_effect(r,
			  mm2_arena_printf(rt->a,
					   "the .override. prefix belongs to flow keys; "
					   "here the %ss get a key named '%s', which they "
					   "ignore",
					   role_name(role), key),
			  mm2_arena_printf(rt->a,
					   "write %s.%s.%s, or {source}->%s.%s.override.%s "
					   "for the task %s of one flow",
					   r->cluster, role_name(role), k, r->cluster,
					   role_name(role), k, role_name(role)));
		return;
	}
	client_reading(rt, r, role, key);
}

static void classify_cluster(struct route *rt, struct mm2_keys_reading *r, const char *alias,
			     const char *key)
{
	enum mm2_keys_role role;
	const char *rest;

	r->place = MM2_KP_CLUSTER;
	r->cluster = alias;
	r->prefix = mm2_arena_printf(rt->a, "%s.", alias);
	r->rest = key;
	r->where = mm2_arena_printf(rt->a, "for cluster %s", alias);
	if ((role = role_of(key, &rest))) {
		cluster_client(rt, r, role, rest);
		return;
	}
	if (client_set(rt, key) && found(rt, r, MM2_SCOPE_MM2, key))
		return;
	if (found(rt, r, MM2_SCOPE_WORKER, key))
		return;
	if (IN(plugin_prefixes, key, true) || client_key(rt, key, &role) ||
	    mm2_catalog_find(rt->cat, MM2_SCOPE_BROKER, key) ||
	    mm2_catalog_find(rt->cat, MM2_SCOPE_TOPIC, key)) {
		/* The worker's own clients read client keys from its config. */
		r->verdict = MM2_KV_OPAQUE;
		return;
	}
	if (found(rt, r, MM2_SCOPE_MM2, key)) {
		if (r->verdict == MM2_KV_KNOWN)
			no_effect(r,
				  mm2_arena_printf(rt->a,
						   "a connector key: MirrorMaker 2 reads "
						   "no connector settings from %s. keys",
						   alias),
				  mm2_arena_printf(rt->a,
						   "write %s->{target}.%s for the flows from "
						   "%s, or %s at the top level for every flow",
						   alias, key, alias, key));
		return;
	}
	r->scope = MM2_SCOPE_WORKER;
	r->verdict = key_like(key) ? MM2_KV_UNKNOWN : MM2_KV_OPAQUE;
}

/* A class of the user's configured for flow F: it may read any key of the flow. */
static bool custom_plugin(struct route *rt, const struct mm2_flow *f)
{
	size_t i, n, j;

	for (i = 0; i < sizeof(plugin_classes) / sizeof(plugin_classes[0]); i++) {
		const struct mm2_setting *s = mm2_kvmap_get(&f->connector, plugin_classes[i]);
		const char **items;

		if (!s || s->origin != MM2_ORIGIN_FILE || !s->value)
			continue;
		n = mm2_split_list(s->value, &items, rt->a);
		for (j = 0; j < n; j++)
			if (*items[j] && !starts(items[j], "org.apache.kafka."))
				return true;
	}
	return false;
}

/* S->T.source.consumer.K, S->T.target.admin.K, … */
static bool flow_side_client(struct route *rt, struct mm2_keys_reading *r, const char *key)
{
	enum mm2_keys_role role;
	const char *rest;

	if (starts(key, "source."))
		r->side = MM2_SIDE_SOURCE;
	else if (starts(key, "target."))
		r->side = MM2_SIDE_TARGET;
	else
		return false;
	if (!(role = role_of(key + 7, &rest))) {
		r->side = MM2_SIDE_ANY;
		return false;
	}
	r->prefix = mm2_arena_printf(rt->a, "%s.%.7s%s.", r->flow->name, key, role_name(role));
	client_reading(rt, r, role, rest);
	return true;
}

static bool flow_client(struct route *rt, struct mm2_keys_reading *r, const char *key)
{
	enum mm2_keys_role role;
	const char *rest;

	if (flow_side_client(rt, r, key))
		return true;
	if (!(role = role_of(key, &rest)))
		return false;
	if (starts(rest, "override.")) {
		if (role == MM2_ROLE_CONSUMER) {
			r->verdict =
				MM2_KV_OPAQUE; /* sink tasks only: not MirrorMaker 2's concern */
			return true;
		}
		r->prefix =
			mm2_arena_printf(rt->a, "%s.%s.override.", r->flow->name, role_name(role));
		client_reading(rt, r, role, rest + 9);
		r->side = MM2_SIDE_TARGET;
		r->role = MM2_ROLE_NONE; /* the task's client: no MirrorMaker 2 layering */
		return true;
	}
	r->prefix = mm2_arena_printf(rt->a, "%s.%s.", r->flow->name, role_name(role));
	client_reading(rt, r, role, rest);
	return true;
}

/* S->T.K where K is a MirrorMaker 2 key: some are read only at the top level. */
static void flow_mm2_key(struct route *rt, struct mm2_keys_reading *r, const char *key)
{
	unsigned bits = r->key->defined_in;

	if (r->verdict != MM2_KV_KNOWN)
		return;
	if (bits == MM2_DEF_MAKER)
		no_effect(r, "MirrorMaker 2 reads it only at the top level, not per flow",
			  mm2_arena_printf(rt->a, "write %s at the top level", key));
	else if ((bits & MM2_DEF_CLIENT) && !(bits & (MM2_DEF_CONNECTOR | MM2_DEF_MAKER)))
		no_effect(r,
			  "the connectors give their clients the servers of "
			  "source.cluster.bootstrap.servers and target.cluster.bootstrap.servers",
			  mm2_arena_printf(rt->a, "write %s.%s and %s.%s", r->flow->source, key,
					   r->flow->target, key));
}

/* A worker, client or broker key written as S->T.K, where no connector reads it. */
static void flow_foreign(struct route *rt, struct mm2_keys_reading *r, const char *key)
{
	const struct mm2_flow *f = r->flow;
	enum mm2_keys_role role;
	const struct mm2_key *k;

	if (found(rt, r, MM2_SCOPE_WORKER, key)) {
		if (r->verdict == MM2_KV_KNOWN)
			no_effect(r,
				  "a Connect worker key: MirrorMaker 2 builds its workers from "
				  "cluster and top-level keys, never from flow keys",
				  mm2_arena_printf(rt->a,
						   "write %s.%s for the workers that write "
						   "into %s",
						   f->target, key, f->target));
		return;
	}
	if ((k = client_key(rt, key, &role))) {
		r->key = k;
		r->scope = role_scope(role);
		no_effect(r,
			  mm2_arena_printf(rt->a,
					   "a %s key without a client prefix: the "
					   "connectors pass their clients only keys that start "
					   "with consumer., producer. or admin.",
					   role_name(role)),
			  mm2_arena_printf(rt->a, "write %s.%s.%s", f->name, role_name(role), key));
		return;
	}
	if (found(rt, r, MM2_SCOPE_BROKER, key) || found(rt, r, MM2_SCOPE_TOPIC, key)) {
		if (r->verdict == MM2_KV_KNOWN)
			no_effect(
				r,
				"a broker or topic key: MirrorMaker 2 configures no broker or "
				"topic with its own keys",
				mm2_arena_printf(rt->a, "set it on the brokers of %s", f->target));
		return;
	}
	r->scope = MM2_SCOPE_MM2;
	r->verdict = key_like(key) ? MM2_KV_UNKNOWN : MM2_KV_OPAQUE;
	r->strict = !custom_plugin(rt, f);
}

static void classify_flow(struct route *rt, struct mm2_keys_reading *r, const struct mm2_flow *f,
			  const char *key)
{
	r->place = MM2_KP_FLOW;
	r->flow = f;
	r->prefix = mm2_arena_printf(rt->a, "%s.", f->name);
	r->rest = key;
	r->where = mm2_arena_printf(rt->a, "in flow %s", f->name);
	if (found(rt, r, MM2_SCOPE_MM2, key)) {
		flow_mm2_key(rt, r, key);
		return;
	}
	if (flow_client(rt, r, key))
		return;
	if (starts(key, "source.cluster.") || starts(key, "target.cluster.")) {
		const char *k = key + 15;

		if (client_set(rt, k) && found(rt, r, MM2_SCOPE_MM2, k))
			r->rest = k, r->prefix = mm2_arena_printf(rt->a, "%s.%.15s", f->name, key);
		else
			r->verdict = known_somewhere(rt, k) || !key_like(k) ? MM2_KV_OPAQUE
									    : MM2_KV_UNKNOWN;
		return;
	}
	if (IN(plugin_prefixes, key, true) || starts(key, "errors.")) {
		r->verdict = MM2_KV_OPAQUE;
		return;
	}
	flow_foreign(rt, r, key);
}

static void classify_file(struct route *rt, struct mm2_keys_reading *r, enum mm2_kind kind,
			  const char *key)
{
	enum mm2_scope scope = mm2_at_scope(MM2_AT_FILE, kind);
	enum mm2_keys_role role;
	const char *rest;

	r->place = MM2_KP_FILE;
	r->prefix = "";
	r->rest = key;
	r->scope = scope;
	r->where = mm2_arena_printf(rt->a, "in a %s file", mm2_kind_name(kind));
	if (found(rt, r, scope, key))
		return;
	r->verdict = MM2_KV_OPAQUE;
	if (kind == MM2_KIND_BROKER)
		return; /* the broker catalogue is a curated subset: never "unknown" */
	if ((r->old = mm2_keys_old_find(scope, key))) {
		r->verdict = MM2_KV_REMOVED;
		return;
	}
	if (kind == MM2_KIND_WORKER && (role = role_of(key, &rest)) && !starts(rest, "override.")) {
		r->prefix = key[0] == 'a' ? "admin." : key[0] == 'c' ? "consumer." : "producer.";
		client_reading(rt, r, role, rest);
		return;
	}
	if (known_somewhere(rt, key) || IN(plugin_prefixes, key, true) || !key_like(key))
		return;
	r->verdict = MM2_KV_UNKNOWN;
}

bool mm2_keys_file_placed(const struct mm2_check_ctx *cx)
{
	const struct mm2_input *in = cx->in;

	if (in->doc.parse_failed || in->format != MM2_FORMAT_PROPERTIES)
		return false;
	if (in->doc.kind == MM2_KIND_MM2)
		return in->resolved && in->mm2.nclusters >= 2;
	return in->doc.kind != MM2_KIND_OTHER;
}

/* The readings of E as flow S->T.K and as {alias}.K, most specific first. */
static size_t mm2_readings(struct route *rt, const struct mm2_entry *e,
			   struct mm2_keys_reading *out)
{
	const struct mm2_mm2 *m = &rt->cx->in->mm2;
	size_t n = 0, i;

	for (i = 0; i < m->nflows && n < MM2_KEYS_MAX_READINGS - 1; i++) {
		const struct mm2_flow *f = &m->flows[i];
		size_t len = strlen(f->name);

		if (strncmp(e->key, f->name, len) == 0 && e->key[len] == '.')
			classify_flow(rt, &out[n++], f, e->key + len + 1);
	}
	if (strstr(e->key, "->")) {
		/* No top-level key has "->". A flow of aliases that 'clusters' does not
		 * list is the topology checks' business, not a key question. */
		if (!n) {
			out[n].verdict = MM2_KV_OPAQUE;
			out[n++].rest = e->key;
		}
		return n;
	}
	for (i = 0; i < m->nclusters && n < MM2_KEYS_MAX_READINGS - 1; i++) {
		size_t len = strlen(m->clusters[i]);

		if (strncmp(e->key, m->clusters[i], len) == 0 && e->key[len] == '.')
			classify_cluster(rt, &out[n++], m->clusters[i], e->key + len + 1);
	}
	classify_top(rt, &out[n++], e->key);
	return n;
}

size_t mm2_keys_readings(const struct mm2_check_ctx *cx, const struct mm2_entry *e,
			 struct mm2_keys_reading *out)
{
	struct route rt = {cx, cx->cat, cx->opts->version, cx->arena};

	memset(out, 0, MM2_KEYS_MAX_READINGS * sizeof(*out));
	if (!mm2_keys_file_placed(cx))
		return 0;
	if (cx->in->doc.kind == MM2_KIND_MM2)
		return mm2_readings(&rt, e, out);
	classify_file(&rt, out, cx->in->doc.kind, e->key);
	return 1;
}

static int rank(enum mm2_keys_verdict v)
{
	static const int ranks[] = {
		[MM2_KV_UNKNOWN] = 0, [MM2_KV_NOT_YET] = 1, [MM2_KV_NO_EFFECT] = 2,
		[MM2_KV_REMOVED] = 3, [MM2_KV_OPAQUE] = 4,  [MM2_KV_KNOWN] = 4,
	};

	return ranks[v];
}

const struct mm2_keys_reading *mm2_keys_decide(const struct mm2_keys_reading *r, size_t n)
{
	const struct mm2_keys_reading *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (!best || rank(r[i].verdict) > rank(best->verdict))
			best = &r[i];
	return best;
}

const char *mm2_keys_misplaced_alias(const struct mm2_check_ctx *cx, const char *key)
{
	struct route rt = {cx, cx->cat, cx->opts->version, cx->arena};
	const struct mm2_mm2 *m = &cx->in->mm2;
	struct mm2_keys_reading r;
	size_t i;

	for (i = 0; cx->in->doc.kind == MM2_KIND_MM2 && i < m->nclusters; i++) {
		size_t len = strlen(m->clusters[i]);
		const char *p = key;

		while ((p = strstr(p + 1, m->clusters[i]))) {
			if (p[-1] != '.' || p[len] != '.')
				continue;
			memset(&r, 0, sizeof(r));
			classify_cluster(&rt, &r, m->clusters[i], p + len + 1);
			if (r.verdict == MM2_KV_KNOWN)
				return p;
		}
	}
	return NULL;
}

bool mm2_keys_worker_copied(const char *key)
{
	return IN(worker_prefixes, key, true);
}
