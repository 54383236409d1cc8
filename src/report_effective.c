/*
 * The --effective view (effective.h): what MirrorMaker 2 will really use, per
 * flow and per client, and where each value comes from. Secrets are redacted.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/effective.h"
#include "mm2lint/util.h"
#include "banned.h"

/* The settings shown even when left at their default, per place. */
static const char *const shown[MM2_NAT][24] = {
	[MM2_AT_CONNECTOR] = {"topics", "topics.exclude", "groups", "groups.exclude",
			      "replication.factor", "offset-syncs.topic.replication.factor",
			      "checkpoints.topic.replication.factor",
			      "heartbeats.topic.replication.factor", "replication.policy.class",
			      "replication.policy.separator", "emit.checkpoints.enabled",
			      "sync.group.offsets.enabled", "emit.heartbeats.enabled",
			      "emit.offset-syncs.enabled", "offset-syncs.topic.location",
			      "tasks.max", "admin.timeout.ms", NULL},
	[MM2_AT_WORKER] = {"bootstrap.servers", "group.id", "offset.storage.topic",
			   "offset.storage.replication.factor", "config.storage.topic",
			   "config.storage.replication.factor", "status.storage.topic",
			   "status.storage.replication.factor", "exactly.once.source.support",
			   NULL},
	[MM2_AT_SOURCE_CONSUMER] = {"bootstrap.servers", "security.protocol", "isolation.level",
				    "enable.auto.commit", "auto.offset.reset", "request.timeout.ms",
				    "default.api.timeout.ms", "socket.connection.setup.timeout.ms",
				    NULL},
	[MM2_AT_TARGET_CONSUMER] = {"bootstrap.servers", "security.protocol", "request.timeout.ms",
				    "default.api.timeout.ms", NULL},
	[MM2_AT_SOURCE_ADMIN] = {"bootstrap.servers", "security.protocol", "request.timeout.ms",
				 "default.api.timeout.ms", NULL},
	[MM2_AT_TARGET_ADMIN] = {"bootstrap.servers", "security.protocol", "request.timeout.ms",
				 "default.api.timeout.ms", NULL},
	[MM2_AT_OFFSET_SYNC_PRODUCER] = {"bootstrap.servers", "security.protocol", "acks",
					 "request.timeout.ms", "delivery.timeout.ms", NULL},
	[MM2_AT_TASK_PRODUCER] = {"bootstrap.servers", "security.protocol", "acks",
				  "enable.idempotence", "retries",
				  "max.in.flight.requests.per.connection", "request.timeout.ms",
				  "delivery.timeout.ms", "linger.ms", NULL},
};

static const char *const broker_shown[] = {
	"default.replication.factor",
	"min.insync.replicas",
	"unclean.leader.election.enable",
	"offsets.topic.replication.factor",
	"transaction.state.log.replication.factor",
	"transaction.state.log.min.isr",
	NULL,
};

static const char *const producer_shown[] = {
	"acks",
	"enable.idempotence",
	"retries",
	"max.in.flight.requests.per.connection",
	"delivery.timeout.ms",
	"request.timeout.ms",
	NULL,
};

static void show(FILE *out, const struct mm2_input *in, const struct mm2_catalog *cat,
		 enum mm2_scope scope, const char *key, const struct mm2_setting *s, mm2_version v,
		 struct mm2_arena *a)
{
	const char *val = s->value ? s->value : "(none)";

	(void)scope;
	if (s->value && mm2_catalog_is_secret(cat, key))
		val = "[redacted]";
	fprintf(out, "    %-40s = %-32s %s\n", key, val, mm2_setting_origin(in, s, v, a));
}

static bool listed(const char *const *list, const char *key)
{
	for (; *list; list++)
		if (strcmp(*list, key) == 0)
			return true;
	return false;
}

/* Every key the map holds that the file set or MM2 forced, then the shown defaults. */
static void show_place(FILE *out, const struct mm2_input *in, const struct mm2_catalog *cat,
		       const struct mm2_flow *f, enum mm2_at at, const struct mm2_kvmap *map,
		       mm2_version v, struct mm2_arena *a)
{
	enum mm2_scope scope = mm2_at_scope(at, in->doc.kind);
	const char **keys;
	size_t n, i;
	struct mm2_setting s;

	fprintf(out, "  %s\n", mm2_at_title(at));
	keys = mm2_kvmap_sorted_keys(map, &n);
	for (i = 0; i < n; i++) {
		const struct mm2_setting *ms = mm2_kvmap_get(map, keys[i]);

		if (ms->origin == MM2_ORIGIN_FILE || listed(shown[at], keys[i]))
			show(out, in, cat, scope, keys[i], ms, v, a);
	}
	for (i = 0; shown[at][i]; i++) {
		if (mm2_kvmap_get(map, shown[at][i]))
			continue;
		if (mm2_lookup(cat, v, &in->doc, f, at, shown[at][i], &s, NULL, a) ||
		    s.origin != MM2_ORIGIN_DEFAULT)
			show(out, in, cat, scope, shown[at][i], &s, v, a);
	}
	free(keys);
}

static void show_flow(FILE *out, const struct mm2_input *in, const struct mm2_catalog *cat,
		      const struct mm2_flow *f, mm2_version v, struct mm2_arena *a)
{
	int at;

	if (f->enabled)
		fprintf(out, "\nflow %s: enabled (%s:%u)\n", f->name, in->src->path,
			f->enabled_entry->key_loc.line);
	else if (f->heartbeats)
		fprintf(out,
			"\nflow %s: not enabled, but a herder runs to emit heartbeats into '%s'\n",
			f->name, f->target);
	else
		fprintf(out, "\nflow %s: not enabled, no herder\n", f->name);
	if (!mm2_flow_has_herder(f))
		return;
	show_place(out, in, cat, f, MM2_AT_CONNECTOR, &f->connector, v, a);
	show_place(out, in, cat, f, MM2_AT_WORKER, &f->worker, v, a);
	for (at = MM2_AT_SOURCE_CONSUMER; at <= MM2_AT_TASK_PRODUCER; at++)
		show_place(out, in, cat, f, (enum mm2_at)at,
			   &f->client[at - MM2_AT_SOURCE_CONSUMER], v, a);
}

static void show_file(FILE *out, const struct mm2_input *in, const struct mm2_catalog *cat,
		      mm2_version v, struct mm2_arena *a)
{
	const char *const *list = in->doc.kind == MM2_KIND_BROKER     ? broker_shown
				  : in->doc.kind == MM2_KIND_PRODUCER ? producer_shown
								      : NULL;
	struct mm2_setting s;
	size_t i;

	show_place(out, in, cat, NULL, MM2_AT_FILE, in->doc.last, v, a);
	for (i = 0; list && list[i]; i++)
		if (!mm2_doc_get(&in->doc, list[i]) &&
		    mm2_lookup(cat, v, &in->doc, NULL, MM2_AT_FILE, list[i], &s, NULL, a))
			show(out, in, cat, mm2_at_scope(MM2_AT_FILE, in->doc.kind), list[i], &s, v,
			     a);
}

void mm2_report_effective(FILE *out, const struct mm2_input *in, const struct mm2_catalog *cat,
			  mm2_version v, struct mm2_arena *arena)
{
	char buf[8];
	size_t i;

	fprintf(out, "%s: kind %s (%s); Kafka %s\n", in->src->path, mm2_kind_name(in->doc.kind),
		in->doc.kind_why, mm2_version_str(v, buf));
	if (in->doc.parse_failed) {
		fprintf(out, "Kafka cannot read this file at all\n");
		return;
	}
	if (in->doc.kind != MM2_KIND_MM2) {
		show_file(out, in, cat, v, arena);
		return;
	}
	if (!in->mm2.clusters_entry) {
		fprintf(out, "no 'clusters': MirrorMaker 2 refuses to start\n");
		return;
	}
	fprintf(out, "clusters:");
	for (i = 0; i < in->mm2.nclusters; i++)
		fprintf(out, " %s", in->mm2.clusters[i]);
	fprintf(out, " (%s:%u)\n", in->src->path, in->mm2.clusters_entry->key_loc.line);
	for (i = 0; i < in->mm2.nflows; i++)
		show_flow(out, in, cat, &in->mm2.flows[i], v, arena);
}
