/*
 * The Kafka key catalogue: every key mm2lint knows, per scope, with its type,
 * default, validator and version history. Built at start-up from the TSV files
 * in rules/catalog/ (embedded in the binary; see rules/catalog/README.md).
 *
 * Versions are Kafka feature releases written "X.Y"; mm2lint knows 2.4 (the first
 * with MirrorMaker 2) to the newest in the catalogue. Defaults and presence follow
 * the version chosen with --kafka-version.
 */
#ifndef MM2LINT_CATALOG_H
#define MM2LINT_CATALOG_H

#include <stddef.h>
#include <stdbool.h>
#include "mm2lint/arena.h"
#include "mm2lint/error.h"

enum mm2_scope {
	MM2_SCOPE_MM2,	    /* mm2.tsv: MirrorMaker 2 top level and connectors */
	MM2_SCOPE_WORKER,   /* connect-worker.tsv */
	MM2_SCOPE_PRODUCER, /* producer.tsv */
	MM2_SCOPE_CONSUMER, /* consumer.tsv */
	MM2_SCOPE_ADMIN,    /* admin.tsv */
	MM2_SCOPE_TOPIC,    /* topic.tsv */
	MM2_SCOPE_BROKER,   /* broker-durability.tsv (a curated subset) */
	MM2_NSCOPES
};

enum mm2_type {
	MM2_TYPE_BOOLEAN,
	MM2_TYPE_INT,
	MM2_TYPE_SHORT,
	MM2_TYPE_LONG,
	MM2_TYPE_DOUBLE,
	MM2_TYPE_STRING,
	MM2_TYPE_LIST,
	MM2_TYPE_CLASS,
	MM2_TYPE_PASSWORD,
};

/* A Kafka version as major * 100 + minor (4.3 → 403). */
typedef int mm2_version;
#define MM2_VERSION(major, minor) ((major)*100 + (minor))
#define MM2_VERSION_MIN		  MM2_VERSION(2, 4)

/* Where in MirrorMaker 2 a mm2.tsv key is defined (bit set of defined_in). */
enum {
	MM2_DEF_MAKER = 1 << 0,		   /* MirrorMakerConfig: dedicated-mode top level */
	MM2_DEF_CONNECTOR = 1 << 1,	   /* one of the Mirror*Config connector ConfigDefs */
	MM2_DEF_CLIENT = 1 << 2,	   /* MirrorClientConfig */
	MM2_DEF_SOURCE_CONNECTOR = 1 << 3, /* Connect's SourceConnectorConfig */
};

struct mm2_key {
	const char *name;
	enum mm2_scope scope;
	enum mm2_type type;
	const char *default_value; /* newest version's default rendering; NULL if <required> */
	const char *validator;	   /* "" when none */
	const char *present_in;	   /* "2.4-4.3" or "3.0,3.5-4.3" */
	const char *history;	   /* "4.0: default 0->5 | ..." */
	const char *replaced_by;
	const char *removed_in;
	const char *notes;
	bool deprecated;
	bool internal;
	unsigned defined_in; /* MM2_DEF_* bits (mm2 scope only) */
};

struct mm2_catalog {
	struct mm2_key *keys[MM2_NSCOPES]; /* sorted by name */
	size_t nkeys[MM2_NSCOPES];
	mm2_version newest;
	struct mm2_arena arena;
};

/* Load the embedded catalogue. Fails (MM2_ERULE) only if the embedded data is broken. */
int mm2_catalog_load(struct mm2_catalog *c, struct mm2_error *err);
void mm2_catalog_release(struct mm2_catalog *c);

/* The key NAME in SCOPE, whatever the version; NULL if unknown. */
const struct mm2_key *mm2_catalog_find(const struct mm2_catalog *c, enum mm2_scope scope,
				       const char *name);
/* The key NAME in any scope, trying them in enum order; NULL if unknown. */
const struct mm2_key *mm2_catalog_find_any(const struct mm2_catalog *c, const char *name);

/*
 * true if KEY, or the key it ends with after any prefixes ("A.", "A->B.",
 * "source.consumer.", "producer.override." …), holds a secret: a PASSWORD-typed
 * key, sasl.jaas.config, or any key whose last segment names a password.
 */
bool mm2_catalog_is_secret(const struct mm2_catalog *c, const char *key);

/* true if K exists in version V. */
bool mm2_key_present(const struct mm2_key *k, mm2_version v);
/*
 * K's default in version V, with the catalogue's renderings: NULL for <required>,
 * "null" for a Java null, "" for an empty string or list. The result is either a
 * string of the catalogue or allocated from ARENA.
 */
const char *mm2_key_default(const struct mm2_key *k, mm2_version v, struct mm2_arena *arena);

/* Parse "X.Y" (or "X.Y.Z"; the patch is ignored); -1 if malformed. */
mm2_version mm2_version_parse(const char *s);
/* true if V is a version the catalogue describes (2.4 … newest, feature releases). */
bool mm2_version_known(const struct mm2_catalog *c, mm2_version v);
/* "4.3" into BUF (at least 8 bytes). */
const char *mm2_version_str(mm2_version v, char *buf);

const char *mm2_scope_name(enum mm2_scope s);
const char *mm2_type_name(enum mm2_type t);

#endif
