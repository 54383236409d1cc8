/*
 * Where a key of a file lands, for the key checks (check_keys.c). In
 * mm2.properties one written key may be read in several ways at once, because
 * MirrorMaker 2 matches raw prefixes: as a top-level key, as "{alias}.K" of
 * every alias it starts with, and as "{source}->{target}.K" of every flow. Each
 * way is a reading; a key is unknown only if no reading knows it, and has no
 * effect only if no reading takes it anywhere (mm2-semantics.md §3-§5, §11).
 */
#ifndef MM2LINT_KEYS_ROUTE_H
#define MM2LINT_KEYS_ROUTE_H

#include <stdbool.h>
#include <stddef.h>
#include "mm2lint/catalog.h"
#include "mm2lint/lint.h"
#include "mm2lint/model.h"
#include "mm2lint/resolve.h"

enum mm2_keys_verdict {
	MM2_KV_UNKNOWN,	  /* no key of the scope */
	MM2_KV_NOT_YET,	  /* a key of a later Kafka version */
	MM2_KV_NO_EFFECT, /* a real key, but nothing reads it where it is written */
	MM2_KV_REMOVED,	  /* removed in or before the chosen version */
	MM2_KV_OPAQUE,	  /* read by something mm2lint cannot check (a converter, a plugin) */
	MM2_KV_KNOWN,	  /* a key of the scope, read there */
};

/* Clients that a "consumer." / "producer." / "admin." prefix addresses. */
enum mm2_keys_role { MM2_ROLE_NONE, MM2_ROLE_CONSUMER, MM2_ROLE_PRODUCER, MM2_ROLE_ADMIN };
/* Which side of a flow a client prefix names: "source.consumer." or "target.consumer.". */
enum mm2_keys_side { MM2_SIDE_ANY, MM2_SIDE_SOURCE, MM2_SIDE_TARGET };

enum mm2_keys_place {
	MM2_KP_TOP,	/* a top-level key of mm2.properties */
	MM2_KP_CLUSTER, /* {alias}.K */
	MM2_KP_FLOW,	/* {source}->{target}.K */
	MM2_KP_FILE,	/* a key of a broker, client or worker file */
};

/* A key Kafka's Scala clients read; they were removed in Kafka 2.0. */
struct mm2_keys_old {
	const char *name;
	enum mm2_scope scope;
	const char *replaced_by; /* "" if nothing replaces it */
};

struct mm2_keys_reading {
	enum mm2_keys_verdict verdict;
	enum mm2_keys_place place;
	enum mm2_scope scope; /* the catalogue that knows REST */
	const char *prefix; /* what precedes REST in the written key: "", "A.", "A->B.consumer." */
	const char *rest;   /* the key as SCOPE names it */
	const char *where;  /* "at the top level", "in flow A->B", "for cluster A", … */
	const struct mm2_key *key;	/* the catalogue's key, when there is one */
	const struct mm2_keys_old *old; /* REMOVED by the Scala-client table */
	bool strict;			/* UNKNOWN is certain: nothing can read the key there */
	const char *why, *fix;		/* NO_EFFECT: why nothing reads it, what to write instead */
	enum mm2_keys_role role;
	enum mm2_keys_side side;
	const char *cluster;	     /* MM2_KP_CLUSTER: the alias */
	const struct mm2_flow *flow; /* MM2_KP_FLOW: the flow */
};

#define MM2_KEYS_MAX_READINGS 8

/* Every reading of E (whose file is CX's input), at most MM2_KEYS_MAX_READINGS. */
size_t mm2_keys_readings(const struct mm2_check_ctx *cx, const struct mm2_entry *e,
			 struct mm2_keys_reading *out);

/*
 * The reading that decides what to say about E: the best verdict among its
 * readings (KNOWN or OPAQUE, then REMOVED, NO_EFFECT, NOT_YET, UNKNOWN), the
 * most specific place first (a flow, a cluster, the top level). NULL when the
 * file is of a kind mm2lint does not know (other), or its keys cannot be placed.
 */
const struct mm2_keys_reading *mm2_keys_decide(const struct mm2_keys_reading *r, size_t n);

/*
 * "cluster.prod.bootstrap.servers" when 'prod' is an alias: the part of KEY
 * from a dot-delimited alias on that is a known {alias}.K key, or NULL.
 */
const char *mm2_keys_misplaced_alias(const struct mm2_check_ctx *cx, const char *key);

/* A top-level key MirrorMaker 2 copies into its workers (offset.storage*, task*, …). */
bool mm2_keys_worker_copied(const char *key);

/* true if mm2lint can say where keys of this file land (see mm2_keys_readings). */
bool mm2_keys_file_placed(const struct mm2_check_ctx *cx);

/* The Scala-client key NAME of SCOPE (producer or consumer), or NULL (keys_catalog.c). */
const struct mm2_keys_old *mm2_keys_old_find(enum mm2_scope scope, const char *name);

/* A key whose value must never be shown: passwords, JAAS configs, secrets (keys_catalog.c). */
bool mm2_keys_secret(const struct mm2_catalog *cat, const char *key);

#endif
