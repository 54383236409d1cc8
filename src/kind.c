/*
 * What kind of file is this .properties? Kafka's files carry no type marker, so
 * mm2lint decides from the keys (documented in docs/file-kinds.md):
 *
 *   mm2      'clusters' is set, or a key is flow-scoped ("A->B.…")
 *   worker   a Connect storage topic, plugin.path or offset.storage.file.filename
 *   broker   keys only a broker reads (broker.id, node.id, process.roles, log.dirs, …)
 *   producer / consumer   keys only that client defines in the catalogue
 *
 * The kind with the most distinctive keys wins; a tie, or no distinctive key,
 * is "other", and only the rules that hold for any file run on it.
 */
#include <stdio.h>
#include <string.h>
#include "mm2lint/catalog.h"
#include "mm2lint/model.h"
#include "banned.h"

static const char *const broker_markers[] = {
	"broker.id",
	"node.id",
	"process.roles",
	"log.dirs",
	"log.dir",
	"zookeeper.connect",
	"controller.quorum.voters",
	"controller.quorum.bootstrap.servers",
	"controller.listener.names",
	"advertised.listeners",
	"inter.broker.listener.name",
	"listener.security.protocol.map",
	"num.partitions",
	"num.network.threads",
	"num.io.threads",
	"log.retention.hours",
	"log.segment.bytes",
	"socket.request.max.bytes",
	"group.initial.rebalance.delay.ms",
	"num.recovery.threads.per.data.dir",
	"log.retention.check.interval.ms",
	NULL,
};

static const char *const worker_markers[] = {
	"config.storage.topic", "offset.storage.topic",		"status.storage.topic",
	"plugin.path",		"offset.storage.file.filename", NULL,
};

static bool in_list(const char *const *list, const char *key)
{
	for (; *list; list++)
		if (strcmp(*list, key) == 0)
			return true;
	return false;
}

static bool is_flow_key(const char *key)
{
	const char *arrow = strstr(key, "->");

	return arrow && arrow != key && strchr(arrow + 2, '.');
}

/* A client key that only SCOPE among producer/consumer/admin defines. */
static bool only_in(const struct mm2_catalog *cat, enum mm2_scope scope, const char *key)
{
	static const enum mm2_scope clients[] = {MM2_SCOPE_PRODUCER, MM2_SCOPE_CONSUMER,
						 MM2_SCOPE_ADMIN};
	size_t i;

	if (!mm2_catalog_find(cat, scope, key))
		return false;
	for (i = 0; i < 3; i++)
		if (clients[i] != scope && mm2_catalog_find(cat, clients[i], key))
			return false;
	/* A broker key with a client twin (compression.type) is no client marker. */
	return !mm2_catalog_find(cat, MM2_SCOPE_BROKER, key);
}

/* A broker key no client shares (compression.type is both: it votes for neither). */
static bool broker_only(const struct mm2_catalog *cat, const char *key)
{
	return mm2_catalog_find(cat, MM2_SCOPE_BROKER, key) &&
	       !mm2_catalog_find(cat, MM2_SCOPE_PRODUCER, key) &&
	       !mm2_catalog_find(cat, MM2_SCOPE_CONSUMER, key) &&
	       !mm2_catalog_find(cat, MM2_SCOPE_ADMIN, key);
}

static void set_kind(struct mm2_doc *doc, enum mm2_kind k, const struct mm2_entry *e,
		     const char *what)
{
	doc->kind = k;
	if (e)
		snprintf(doc->kind_why, sizeof(doc->kind_why), "%s '%s' (line %u)", what, e->key,
			 e->key_loc.line);
	else
		snprintf(doc->kind_why, sizeof(doc->kind_why), "%s", what);
}

void mm2_doc_detect_kind(struct mm2_doc *doc, const struct mm2_catalog *cat)
{
	unsigned score[MM2_NKINDS] = {0};
	const struct mm2_entry *first[MM2_NKINDS] = {0};
	size_t i;
	int k, best = MM2_KIND_OTHER;
	bool tie = false;

	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];
		int hit = -1;

		if (strcmp(e->key, "clusters") == 0 || is_flow_key(e->key)) {
			set_kind(doc, MM2_KIND_MM2, e, "MirrorMaker 2 config: it sets");
			return;
		}
		if (in_list(worker_markers, e->key))
			hit = MM2_KIND_WORKER;
		else if (in_list(broker_markers, e->key) || broker_only(cat, e->key))
			hit = MM2_KIND_BROKER;
		else if (only_in(cat, MM2_SCOPE_PRODUCER, e->key))
			hit = MM2_KIND_PRODUCER;
		else if (only_in(cat, MM2_SCOPE_CONSUMER, e->key))
			hit = MM2_KIND_CONSUMER;
		if (hit < 0)
			continue;
		if (!first[hit])
			first[hit] = e;
		score[hit]++;
	}
	if (score[MM2_KIND_WORKER]) {
		set_kind(doc, MM2_KIND_WORKER, first[MM2_KIND_WORKER],
			 "Kafka Connect worker config: it sets");
		return;
	}
	for (k = 1; k < MM2_NKINDS; k++) {
		if (score[k] > score[best]) {
			best = k;
			tie = false;
		} else if (score[k] && score[k] == score[best]) {
			tie = true;
		}
	}
	if (best == MM2_KIND_OTHER || tie) {
		set_kind(doc, MM2_KIND_OTHER, NULL,
			 tie ? "no single kind: keys of several kinds in equal number"
			     : "no key only one kind of Kafka file uses");
		return;
	}
	set_kind(doc, (enum mm2_kind)best, first[best],
		 best == MM2_KIND_BROKER     ? "broker config: it sets"
		 : best == MM2_KIND_PRODUCER ? "producer config: it sets"
					     : "consumer config: it sets");
}
