/*
 * The MirrorMaker 2 resolver: from one mm2.properties document to the configs
 * MirrorMaker 2 really builds (MirrorMakerConfig, MirrorConnectorConfig and the
 * Connect worker), for every cluster pair, with the origin of every value.
 *
 * Rules never spell prefixes like "A->B." or "source.consumer."; they ask for
 * the effective value of a key at a place (struct mm2_place) and get it here.
 */
#ifndef MM2LINT_RESOLVE_H
#define MM2LINT_RESOLVE_H

#include <stddef.h>
#include <stdbool.h>
#include "mm2lint/catalog.h"
#include "mm2lint/model.h"

/* The places a flow's settings take effect. */
enum mm2_at {
	MM2_AT_CONNECTOR, /* the MM2 connectors of the flow (topics, replication.factor, …) */
	MM2_AT_WORKER,	  /* the Connect worker (herder) that writes into the target */
	MM2_AT_SOURCE_CONSUMER,	     /* reads the records to replicate from the source */
	MM2_AT_TARGET_CONSUMER,	     /* reads checkpoints / offset syncs on the target */
	MM2_AT_SOURCE_ADMIN,	     /* lists topics and groups, reads configs on the source */
	MM2_AT_TARGET_ADMIN,	     /* creates remote topics, syncs configs and offsets */
	MM2_AT_OFFSET_SYNC_PRODUCER, /* writes offset syncs (on the source by default) */
	MM2_AT_TASK_PRODUCER,	     /* Connect's task producer: writes the replicated records */
	MM2_AT_FILE,		     /* a non-MM2 file: its own keys (broker, producer, …) */
	MM2_NAT
};

#define MM2_NCLIENTS (MM2_AT_TASK_PRODUCER - MM2_AT_SOURCE_CONSUMER + 1)

/* "connector", "worker", "source-consumer", …, "file"; -1 if unknown. */
const char *mm2_at_name(enum mm2_at at);
int mm2_at_parse(const char *name);
/* Human name: "source consumer", "task producer (writes replicated records)", … */
const char *mm2_at_title(enum mm2_at at);
/* The catalogue scope that types keys at AT (for MM2_AT_FILE: by KIND). */
enum mm2_scope mm2_at_scope(enum mm2_at at, enum mm2_kind kind);

struct mm2_flow {
	const char *source, *target;
	const char *name; /* "S->T" */
	/*
	 * Whether records flow: the pair gets a herder (S->T.enabled read raw as
	 * MirrorMaker does, so "true " is false there; or heartbeats on for the
	 * pair), and the connectors' own `enabled` (S->T.enabled, else a top-level
	 * `enabled`, else false), parsed by ConfigDef (trimmed), is true.
	 */
	bool enabled;
	bool raw_enabled;		       /* S->T.enabled read raw: decides the herder */
	bool heartbeats;		       /* emit.heartbeats.enabled for this pair, read raw */
	const struct mm2_entry *enabled_entry; /* the line that enables the connectors, if any */
	struct mm2_kvmap worker;
	struct mm2_kvmap connector;
	struct mm2_kvmap client[MM2_NCLIENTS];
};

struct mm2_mm2 {
	const struct mm2_doc *doc;
	const struct mm2_catalog *cat;
	mm2_version version;
	struct mm2_arena *arena;
	const char **clusters; /* the aliases of 'clusters', in file order, duplicates dropped */
	size_t nclusters;
	const struct mm2_entry *clusters_entry;
	struct mm2_flow *flows; /* every ordered pair of distinct aliases */
	size_t nflows;
};

/* Resolve DOC (kind mm2). Strings and maps borrow from DOC and ARENA. */
void mm2_resolve(struct mm2_mm2 *m, const struct mm2_doc *doc, const struct mm2_catalog *cat,
		 mm2_version version, struct mm2_arena *arena);
void mm2_resolve_release(struct mm2_mm2 *m);

/* true if the flow gets a herder at all (enabled, or emitting heartbeats). */
bool mm2_flow_has_herder(const struct mm2_flow *f);

/*
 * The effective value of KEY at AT for flow F (F is NULL for MM2_AT_FILE, where
 * DOC's own keys count). Falls back to the catalogue default of the scope that AT
 * reads (for the chosen version). Returns false when the key has no value at all
 * (unset and no default, or a default of null); *OUT still tells the origin. *DEF,
 * if not NULL, receives the catalogue key or NULL.
 */
bool mm2_lookup(const struct mm2_catalog *cat, mm2_version version, const struct mm2_doc *doc,
		const struct mm2_flow *f, enum mm2_at at, const char *key, struct mm2_setting *out,
		const struct mm2_key **def, struct mm2_arena *arena);

/* The Java LIST parse of VALUE: trimmed, split at commas with the blanks around
 * them; "" is the empty list. Items are allocated from ARENA. */
size_t mm2_split_list(const char *value, const char ***items, struct mm2_arena *arena);

#endif
