/*
 * The MirrorMaker 2 resolver (resolve.h): rebuilds, for every cluster pair S->T,
 * the maps MirrorMaker 2 itself builds from mm2.properties, keeping the origin of
 * every value. Later steps overwrite earlier ones unless marked "if absent":
 *
 *   clusterProps(C)   C.K (prefix removed)
 *                     then for client keys K (bootstrap, security, ssl.*, sasl.*):
 *                       C.K → producer.K, consumer.K, admin.K          (if absent)
 *                       top-level K → producer.K, consumer.K, admin.K, K (if absent)
 *
 *   worker of S->T    clusterProps(T)
 *                     ← top-level offset.storage* config.storage* status.storage*
 *                       key/value/header.converter* task* worker* replication.policy*
 *                       (these beat T.K!)   ← config.providers*
 *                     ← client.id, group.id, storage topics, converters (if absent)
 *
 *   connector S->T    top-level keys the Mirror connectors define
 *                     ← config.providers*, replication.policy*
 *                     ← clusterProps(S): source.cluster.K, or source.K for producer/consumer/admin*
 *                     ← clusterProps(T): target.cluster.K, or target.K
 *                     ← name, connector.class, aliases (if absent)
 *                     ← S->T.K, every one (strongest)   ← enabled=false (if absent)
 *
 *   source consumer   source.cluster.K (client keys only) ← consumer.K ← source.consumer.K
 *                     then enable.auto.commit=false, auto.offset.reset=earliest (if absent)
 *   (target consumer, admins and the offset-sync producer alike, with their prefixes)
 *   task producer     Connect's defaults ← worker producer.K ← connector producer.override.K
 *
 * So S.consumer.K (→ source.consumer.K) beats S->T.consumer.K (→ consumer.K), and
 * top-level offset.storage.replication.factor beats T.offset.storage.replication.factor.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/resolve.h"
#include "mm2lint/util.h"
#include "banned.h"

static const char *const at_names[MM2_NAT] = {
	"connector",	"worker",	"source-consumer",	"target-consumer",
	"source-admin", "target-admin", "offset-sync-producer", "task-producer",
	"file",
};

static const char *const at_titles[MM2_NAT] = {
	"connectors",
	"worker (Connect herder on the target)",
	"source consumer (reads the records to replicate)",
	"target consumer (reads checkpoints and offset syncs)",
	"source admin",
	"target admin (creates remote topics, syncs configs)",
	"offset-sync producer",
	"task producer (writes the replicated records)",
	"file",
};

const char *mm2_at_name(enum mm2_at at)
{
	return at_names[at];
}

const char *mm2_at_title(enum mm2_at at)
{
	return at_titles[at];
}

int mm2_at_parse(const char *name)
{
	int i;

	for (i = 0; i < MM2_NAT; i++)
		if (strcmp(name, at_names[i]) == 0)
			return i;
	return -1;
}

enum mm2_scope mm2_at_scope(enum mm2_at at, enum mm2_kind kind)
{
	switch (at) {
	case MM2_AT_CONNECTOR:
		return MM2_SCOPE_MM2;
	case MM2_AT_WORKER:
		return MM2_SCOPE_WORKER;
	case MM2_AT_SOURCE_CONSUMER:
	case MM2_AT_TARGET_CONSUMER:
		return MM2_SCOPE_CONSUMER;
	case MM2_AT_SOURCE_ADMIN:
	case MM2_AT_TARGET_ADMIN:
		return MM2_SCOPE_ADMIN;
	case MM2_AT_OFFSET_SYNC_PRODUCER:
	case MM2_AT_TASK_PRODUCER:
		return MM2_SCOPE_PRODUCER;
	default:
		break;
	}
	switch (kind) {
	case MM2_KIND_BROKER:
		return MM2_SCOPE_BROKER;
	case MM2_KIND_PRODUCER:
		return MM2_SCOPE_PRODUCER;
	case MM2_KIND_CONSUMER:
		return MM2_SCOPE_CONSUMER;
	case MM2_KIND_ADMIN:
		return MM2_SCOPE_ADMIN;
	case MM2_KIND_WORKER:
		return MM2_SCOPE_WORKER;
	default:
		return MM2_SCOPE_MM2;
	}
}

/* The resolver's working state for one document. */
struct ctx {
	struct mm2_mm2 *m;
	const char **client_keys; /* MirrorClientConfig's client key set for the version */
	size_t nclient_keys;
};

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *cat2(struct mm2_arena *a, const char *x, const char *y)
{
	size_t lx = strlen(x), ly = strlen(y);
	char *p = mm2_arena_alloc(a, lx + ly + 1);

	memcpy(p, x, lx);
	memcpy(p + lx, y, ly + 1);
	return p;
}

static struct mm2_setting forced(const char *value, const char *note)
{
	struct mm2_setting s = {value, MM2_ORIGIN_FORCED, NULL, note};

	return s;
}

/* stringsWithPrefixStripped(prefix): every top-level key starting with PREFIX. */
static void put_stripped(struct mm2_kvmap *dst, const struct mm2_doc *doc, const char *prefix)
{
	size_t i = 0, plen = strlen(prefix);
	const char *key;
	const struct mm2_setting *val;

	while (mm2_kvmap_next(doc->last, &i, &key, &val))
		if (strncmp(key, prefix, plen) == 0)
			mm2_kvmap_put(dst, key + plen, val);
}

/* stringsWithPrefix(prefix): the same, keys unchanged. */
static void put_prefixed(struct mm2_kvmap *dst, const struct mm2_doc *doc, const char *prefix)
{
	size_t i = 0, plen = strlen(prefix);
	const char *key;
	const struct mm2_setting *val;

	while (mm2_kvmap_next(doc->last, &i, &key, &val))
		if (strncmp(key, prefix, plen) == 0)
			mm2_kvmap_put(dst, key, val);
}

static void fan_out(struct ctx *c, struct mm2_kvmap *props, const char *k,
		    const struct mm2_setting *v, bool plain_too)
{
	static const char *const roles[] = {"producer.", "consumer.", "admin."};
	size_t r;

	for (r = 0; r < 3; r++)
		mm2_kvmap_put_absent(props, cat2(c->m->arena, roles[r], k), v);
	if (plain_too)
		mm2_kvmap_put_absent(props, k, v);
}

static void cluster_props(struct ctx *c, struct mm2_kvmap *props, const char *alias)
{
	const char *prefix = cat2(c->m->arena, alias, ".");
	size_t i;

	mm2_kvmap_init(props);
	put_stripped(props, c->m->doc, prefix);
	for (i = 0; i < c->nclient_keys; i++) {
		const struct mm2_setting *v = mm2_kvmap_get(props, c->client_keys[i]);
		struct mm2_setting copy;

		/* fan_out grows PROPS, which may move what V points at: copy it first. */
		if (v) {
			copy = *v;
			fan_out(c, props, c->client_keys[i], &copy, false);
		}
	}
	for (i = 0; i < c->nclient_keys; i++) {
		const struct mm2_setting *v = mm2_kvmap_get(c->m->doc->last, c->client_keys[i]);

		if (v)
			fan_out(c, props, c->client_keys[i], v, true);
	}
}

static void build_worker(struct ctx *c, struct mm2_flow *f, const struct mm2_kvmap *tprops)
{
	static const char *const prefixes[] = {
		"offset.storage", "config.storage",  "status.storage",
		"key.converter",  "value.converter", "header.converter",
		"task",		  "worker",	     "replication.policy",
	};
	static const char *const storage[][2] = {
		{"offset.storage.topic", "mm2-offsets."},
		{"status.storage.topic", "mm2-status."},
		{"config.storage.topic", "mm2-configs."},
	};
	static const char *const converters[] = {"key.converter", "value.converter",
						 "header.converter"};
	const char *bac = "org.apache.kafka.connect.converters.ByteArrayConverter";
	struct mm2_arena *a = c->m->arena;
	struct mm2_setting s;
	size_t i;

	mm2_kvmap_init(&f->worker);
	mm2_kvmap_put_all(&f->worker, tprops);
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		put_prefixed(&f->worker, c->m->doc, prefixes[i]);
	put_prefixed(&f->worker, c->m->doc, "config.providers");
	if (c->m->version >= MM2_VERSION(3, 5)) {
		s = forced(f->name, "MirrorMaker 2 names the worker after the flow");
		mm2_kvmap_put_absent(&f->worker, "client.id", &s);
	}
	s = forced(cat2(a, f->source, "-mm2"), "MirrorMaker 2 fills it in");
	mm2_kvmap_put_absent(&f->worker, "group.id", &s);
	for (i = 0; i < 3; i++) {
		s = forced(cat2(a, cat2(a, storage[i][1], f->source), ".internal"),
			   "MirrorMaker 2 fills it in");
		mm2_kvmap_put_absent(&f->worker, storage[i][0], &s);
	}
	for (i = 0; i < 3; i++) {
		s = forced(bac, "MirrorMaker 2 fills it in");
		mm2_kvmap_put_absent(&f->worker, converters[i], &s);
	}
}

static bool is_client_prefixed(const char *k)
{
	/* Java: key.matches("(^consumer.*|^producer.*|^admin.*)"); '.' stops at line ends. */
	const char *rest;

	if (starts_with(k, "consumer"))
		rest = k + 8;
	else if (starts_with(k, "producer"))
		rest = k + 8;
	else if (starts_with(k, "admin"))
		rest = k + 5;
	else
		return false;
	return strpbrk(rest, "\n\r") == NULL;
}

static void put_cluster_side(struct ctx *c, struct mm2_kvmap *conn, const struct mm2_kvmap *props,
			     const char *cluster_prefix, const char *client_prefix)
{
	size_t i = 0;
	const char *key;
	const struct mm2_setting *val;

	while (mm2_kvmap_next(props, &i, &key, &val)) {
		const char *p = is_client_prefixed(key) ? client_prefix : cluster_prefix;

		mm2_kvmap_put(conn, cat2(c->m->arena, p, key), val);
	}
}

static void build_connector(struct ctx *c, struct mm2_flow *f, const struct mm2_kvmap *sprops,
			    const struct mm2_kvmap *tprops)
{
	const struct mm2_doc *doc = c->m->doc;
	const char *flow_prefix = cat2(c->m->arena, f->name, ".");
	struct mm2_setting s;
	size_t i = 0;
	const char *key;
	const struct mm2_setting *val;

	mm2_kvmap_init(&f->connector);
	while (mm2_kvmap_next(doc->last, &i, &key, &val)) {
		const struct mm2_key *k = mm2_catalog_find(c->m->cat, MM2_SCOPE_MM2, key);

		if (k && (k->defined_in & MM2_DEF_CONNECTOR) && mm2_key_present(k, c->m->version))
			mm2_kvmap_put(&f->connector, key, val);
	}
	put_prefixed(&f->connector, doc, "config.providers");
	put_prefixed(&f->connector, doc, "replication.policy");
	put_cluster_side(c, &f->connector, sprops, "source.cluster.", "source.");
	put_cluster_side(c, &f->connector, tprops, "target.cluster.", "target.");
	s = forced("MirrorSourceConnector", "MirrorMaker 2 fills it in");
	mm2_kvmap_put_absent(&f->connector, "name", &s);
	s = forced("org.apache.kafka.connect.mirror.MirrorSourceConnector",
		   "MirrorMaker 2 fills it in");
	mm2_kvmap_put_absent(&f->connector, "connector.class", &s);
	s = forced(f->source, "MirrorMaker 2 fills it in");
	mm2_kvmap_put_absent(&f->connector, "source.cluster.alias", &s);
	s = forced(f->target, "MirrorMaker 2 fills it in");
	mm2_kvmap_put_absent(&f->connector, "target.cluster.alias", &s);
	put_stripped(&f->connector, doc, flow_prefix);
	s = forced("false", "MirrorMaker 2 fills it in");
	mm2_kvmap_put_absent(&f->connector, "enabled", &s);
}

static bool is_client_key(const struct ctx *c, const char *k)
{
	size_t i;

	for (i = 0; i < c->nclient_keys; i++)
		if (strcmp(c->client_keys[i], k) == 0)
			return true;
	return false;
}

/* originalsWithPrefix(prefix) of the connector map, optionally restricted to client keys. */
static void put_from_connector(struct ctx *c, struct mm2_kvmap *dst, const struct mm2_kvmap *conn,
			       const char *prefix, bool client_keys_only)
{
	size_t i = 0, plen = strlen(prefix);
	const char *key;
	const struct mm2_setting *val;

	while (mm2_kvmap_next(conn, &i, &key, &val)) {
		if (strncmp(key, prefix, plen) != 0)
			continue;
		if (client_keys_only && !is_client_key(c, key + plen))
			continue;
		mm2_kvmap_put(dst, key + plen, val);
	}
}

static void build_mm2_client(struct ctx *c, struct mm2_flow *f, enum mm2_at at, const char *side,
			     const char *role)
{
	struct mm2_kvmap *m = &f->client[at - MM2_AT_SOURCE_CONSUMER];
	struct mm2_arena *a = c->m->arena;
	struct mm2_setting s;

	mm2_kvmap_init(m);
	put_from_connector(c, m, &f->connector, cat2(a, side, ".cluster."), true);
	put_from_connector(c, m, &f->connector, cat2(a, role, "."), false);
	put_from_connector(c, m, &f->connector, cat2(a, cat2(a, side, "."), cat2(a, role, ".")),
			   false);
	if (strcmp(role, "consumer") == 0) {
		s = forced("false", "MirrorMaker 2 always sets it");
		mm2_kvmap_put(m, "enable.auto.commit", &s);
		s = forced("earliest", "MirrorMaker 2 sets it when unset");
		mm2_kvmap_put_absent(m, "auto.offset.reset", &s);
	}
}

static void build_task_producer(struct ctx *c, struct mm2_flow *f)
{
	static const char *const connect_defaults[][2] = {
		{"acks", "all"},
		{"max.in.flight.requests.per.connection", "1"},
		{"max.block.ms", "9223372036854775807"},
		{"delivery.timeout.ms", "2147483647"},
		{"enable.idempotence", "false"},
	};
	struct mm2_kvmap *m = &f->client[MM2_AT_TASK_PRODUCER - MM2_AT_SOURCE_CONSUMER];
	const struct mm2_setting *bs = mm2_kvmap_get(&f->worker, "bootstrap.servers");
	struct mm2_setting s;
	size_t i;

	mm2_kvmap_init(m);
	if (bs)
		mm2_kvmap_put(m, "bootstrap.servers", bs);
	for (i = 0; i < sizeof(connect_defaults) / sizeof(connect_defaults[0]); i++) {
		s = forced(connect_defaults[i][1], "Kafka Connect's default for source tasks");
		mm2_kvmap_put(m, connect_defaults[i][0], &s);
	}
	put_from_connector(c, m, &f->worker, "producer.", false);
	put_from_connector(c, m, &f->connector, "producer.override.", false);
}

static void build_clients(struct ctx *c, struct mm2_flow *f)
{
	struct mm2_setting loc = {0};
	const char *side = "source";

	build_mm2_client(c, f, MM2_AT_SOURCE_CONSUMER, "source", "consumer");
	build_mm2_client(c, f, MM2_AT_TARGET_CONSUMER, "target", "consumer");
	build_mm2_client(c, f, MM2_AT_SOURCE_ADMIN, "source", "admin");
	build_mm2_client(c, f, MM2_AT_TARGET_ADMIN, "target", "admin");
	if (c->m->version >= MM2_VERSION(3, 0) &&
	    mm2_lookup(c->m->cat, c->m->version, c->m->doc, f, MM2_AT_CONNECTOR,
		       "offset-syncs.topic.location", &loc, NULL, c->m->arena)) {
		const char *v = loc.value;
		size_t len = strlen(v);

		mm2_java_trim(&v, &len);
		if (mm2_streq_icase(v, len, "target"))
			side = "target";
	}
	build_mm2_client(c, f, MM2_AT_OFFSET_SYNC_PRODUCER, side, "producer");
	build_task_producer(c, f);
}

size_t mm2_split_list(const char *value, const char ***items, struct mm2_arena *arena)
{
	const char *s = value, *p, *end;
	size_t len = strlen(value), n = 0, cap = 1;
	const char **v;

	mm2_java_trim(&s, &len);
	*items = NULL;
	if (!len)
		return 0;
	for (p = s; p < s + len; p++)
		if (*p == ',')
			cap++;
	v = mm2_arena_alloc(arena, cap * sizeof(*v));
	end = s + len;
	for (p = s; p <= end;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma ? comma : end, *b = p, *e = stop;

		/* Java's \s: space, \t, \n, \x0B, \f, \r. */
		while (b < e && strchr(" \t\n\v\f\r", *b) && *b)
			b++;
		while (e > b && strchr(" \t\n\v\f\r", e[-1]) && e[-1])
			e--;
		v[n++] = mm2_arena_strndup(arena, b, (size_t)(e - b));
		if (!comma)
			break;
		p = comma + 1;
	}
	*items = v;
	return n;
}

static void load_client_keys(struct ctx *c)
{
	const struct mm2_catalog *cat = c->m->cat;
	size_t i, n = cat->nkeys[MM2_SCOPE_MM2];

	c->client_keys = mm2_arena_alloc(c->m->arena, (n ? n : 1) * sizeof(*c->client_keys));
	c->nclient_keys = 0;
	for (i = 0; i < n; i++) {
		const struct mm2_key *k = &cat->keys[MM2_SCOPE_MM2][i];

		if (!(k->defined_in & MM2_DEF_CLIENT) || !mm2_key_present(k, c->m->version))
			continue;
		/* MirrorClientConfig's client set: bootstrap, security, SSL, SASL. */
		if (strcmp(k->name, "bootstrap.servers") == 0 ||
		    strcmp(k->name, "security.protocol") == 0 || starts_with(k->name, "ssl.") ||
		    starts_with(k->name, "sasl."))
			c->client_keys[c->nclient_keys++] = k->name;
	}
}

static void read_clusters(struct mm2_mm2 *m)
{
	const char **items;
	size_t n, i, j;

	m->clusters_entry = mm2_doc_get(m->doc, "clusters");
	if (!m->clusters_entry)
		return;
	n = mm2_split_list(m->clusters_entry->value, &items, m->arena);
	m->clusters = mm2_arena_alloc(m->arena, (n ? n : 1) * sizeof(*m->clusters));
	for (i = 0; i < n; i++) {
		if (!*items[i])
			continue;
		for (j = 0; j < m->nclusters; j++)
			if (strcmp(m->clusters[j], items[i]) == 0)
				break;
		if (j == m->nclusters)
			m->clusters[m->nclusters++] = items[i];
	}
}

/* Boolean.parseBoolean on the raw string: only "true", in any case, untrimmed. */
static bool raw_true(const struct mm2_entry *e)
{
	return e && mm2_streq_icase(e->value, e->value_len, "true");
}

static void decide_enabled(struct mm2_flow *f);

static void init_flow(struct mm2_mm2 *m, struct mm2_flow *f, const char *s, const char *t)
{
	const struct mm2_entry *hb_top = mm2_doc_get(m->doc, "emit.heartbeats.enabled");
	const struct mm2_entry *hb;

	memset(f, 0, sizeof(*f));
	f->source = s;
	f->target = t;
	f->name = mm2_arena_printf(m->arena, "%s->%s", s, t);
	f->enabled_entry = mm2_doc_get(m->doc, mm2_arena_printf(m->arena, "%s.enabled", f->name));
	f->raw_enabled = raw_true(f->enabled_entry);
	hb = mm2_doc_get(m->doc, mm2_arena_printf(m->arena, "%s.emit.heartbeats.enabled", f->name));
	if (hb)
		f->heartbeats = raw_true(hb);
	else
		f->heartbeats = hb_top ? raw_true(hb_top) : true;
}

void mm2_resolve(struct mm2_mm2 *m, const struct mm2_doc *doc, const struct mm2_catalog *cat,
		 mm2_version version, struct mm2_arena *arena)
{
	struct ctx c = {m, NULL, 0};
	struct mm2_kvmap *props;
	size_t i, j, k = 0;

	memset(m, 0, sizeof(*m));
	m->doc = doc;
	m->cat = cat;
	m->version = version;
	m->arena = arena;
	load_client_keys(&c);
	read_clusters(m);
	if (m->nclusters < 2)
		return;
	props = mm2_xcalloc(m->nclusters, sizeof(*props));
	for (i = 0; i < m->nclusters; i++)
		cluster_props(&c, &props[i], m->clusters[i]);
	m->flows = mm2_arena_alloc(arena, m->nclusters * (m->nclusters - 1) * sizeof(*m->flows));
	for (i = 0; i < m->nclusters; i++) {
		for (j = 0; j < m->nclusters; j++) {
			struct mm2_flow *f;

			if (i == j)
				continue;
			f = &m->flows[k++];
			init_flow(m, f, m->clusters[i], m->clusters[j]);
			build_worker(&c, f, &props[j]);
			build_connector(&c, f, &props[i], &props[j]);
			decide_enabled(f);
			build_clients(&c, f);
		}
	}
	m->nflows = k;
	for (i = 0; i < m->nclusters; i++)
		mm2_kvmap_release(&props[i]);
	free(props);
}

void mm2_resolve_release(struct mm2_mm2 *m)
{
	size_t i, j;

	for (i = 0; i < m->nflows; i++) {
		mm2_kvmap_release(&m->flows[i].worker);
		mm2_kvmap_release(&m->flows[i].connector);
		for (j = 0; j < MM2_NCLIENTS; j++)
			mm2_kvmap_release(&m->flows[i].client[j]);
	}
	m->nflows = 0;
}

bool mm2_flow_has_herder(const struct mm2_flow *f)
{
	return f->raw_enabled || f->heartbeats;
}

/*
 * The connectors of a herder replicate when their config's `enabled` is true as
 * ConfigDef reads it: trimmed, any case. It comes from S->T.enabled, or from a
 * top-level `enabled` (a connector key, so copied into every flow), else false.
 */
static void decide_enabled(struct mm2_flow *f)
{
	const struct mm2_setting *s = mm2_kvmap_get(&f->connector, "enabled");
	const char *v = s && s->value ? s->value : "";
	size_t len = strlen(v);

	mm2_java_trim(&v, &len);
	f->enabled = mm2_flow_has_herder(f) && mm2_streq_icase(v, len, "true");
	if (s && s->origin == MM2_ORIGIN_FILE)
		f->enabled_entry = s->entry;
}

static const struct mm2_kvmap *map_at(const struct mm2_doc *doc, const struct mm2_flow *f,
				      enum mm2_at at)
{
	if (at == MM2_AT_FILE || !f)
		return doc->last;
	if (at == MM2_AT_CONNECTOR)
		return &f->connector;
	if (at == MM2_AT_WORKER)
		return &f->worker;
	return &f->client[at - MM2_AT_SOURCE_CONSUMER];
}

bool mm2_lookup(const struct mm2_catalog *cat, mm2_version version, const struct mm2_doc *doc,
		const struct mm2_flow *f, enum mm2_at at, const char *key, struct mm2_setting *out,
		const struct mm2_key **def, struct mm2_arena *arena)
{
	const struct mm2_setting *s = mm2_kvmap_get(map_at(doc, f, at), key);
	const struct mm2_key *k = mm2_catalog_find(cat, mm2_at_scope(at, doc->kind), key);

	/* A file of no known kind still has keys Kafka types: take any scope's. */
	if (!k && at == MM2_AT_FILE)
		k = mm2_catalog_find_any(cat, key);

	if (def)
		*def = k;
	/* A key the chosen Kafka version does not have is ignored by it: no value. */
	if (s && k && !mm2_key_present(k, version)) {
		*out = *s;
		out->value = NULL;
		return false;
	}
	if (s) {
		*out = *s;
		return out->value != NULL;
	}
	memset(out, 0, sizeof(*out));
	out->origin = MM2_ORIGIN_DEFAULT;
	if (!k || !mm2_key_present(k, version))
		return false;
	out->value = mm2_key_default(k, version, arena);
	if (out->value && strcmp(out->value, "null") == 0)
		out->value = NULL;
	return out->value != NULL;
}
