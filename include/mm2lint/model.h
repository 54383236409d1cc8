/*
 * The config model: what every front-end produces. A document is a flat list of
 * key/value entries, each with the location of its key and of its value, plus the
 * kind of file it is (an MM2 config, a broker's server.properties, a client file).
 * A key may occur several times; the last occurrence is what Kafka sees.
 *
 * Also here: a small string map with provenance (struct mm2_kvmap), the shape in
 * which the resolver assembles the configs Kafka builds (resolve.h).
 */
#ifndef MM2LINT_MODEL_H
#define MM2LINT_MODEL_H

#include <stddef.h>
#include <stdbool.h>
#include "mm2lint/arena.h"
#include "mm2lint/diag.h"
#include "mm2lint/props.h"
#include "mm2lint/source.h"

enum mm2_kind {
	MM2_KIND_OTHER,
	MM2_KIND_MM2,	 /* MirrorMaker 2 dedicated mode (connect-mirror-maker.sh) */
	MM2_KIND_BROKER, /* server.properties */
	MM2_KIND_PRODUCER,
	MM2_KIND_CONSUMER,
	MM2_KIND_ADMIN,
	MM2_KIND_WORKER, /* Kafka Connect worker */
	MM2_NKINDS
};

const char *mm2_kind_name(enum mm2_kind k);
int mm2_kind_parse(const char *name); /* -1 if unknown */

struct mm2_entry {
	const char *key; /* decoded; NUL-terminated */
	size_t key_len;
	const char *value; /* decoded, exactly as Kafka's Map<String,String> holds it */
	size_t value_len;
	struct mm2_loc key_loc, value_loc;
	const struct mm2_prop *prop; /* the .properties occurrence, or NULL */
	bool shadowed;		     /* a later entry has the same key */
	unsigned index;		     /* position in the document */
};

struct mm2_doc {
	const struct mm2_source *src;
	struct mm2_entry *entries; /* in file order */
	size_t n;
	enum mm2_kind kind;
	char kind_why[160];	/* one line: why this kind was chosen */
	bool parse_failed;	/* the file cannot be read by Kafka as a whole */
	struct mm2_kvmap *last; /* key → last entry */
};

/* A value and where it came from. */
enum mm2_origin {
	MM2_ORIGIN_FILE,    /* entry says where */
	MM2_ORIGIN_DEFAULT, /* the catalogue default for the chosen Kafka version */
	MM2_ORIGIN_FORCED,  /* set by MirrorMaker 2 or Connect itself; note says which */
};

struct mm2_setting {
	const char *value; /* NUL-terminated; NULL = no value (a required key left unset) */
	enum mm2_origin origin;
	const struct mm2_entry *entry; /* MM2_ORIGIN_FILE */
	const char *note;	       /* MM2_ORIGIN_FORCED: "MirrorMaker 2 sets it", … */
};

/* Open-addressing string map; keys and values are borrowed, not copied. */
struct mm2_kvmap {
	struct mm2_kvslot {
		const char *key;
		struct mm2_setting val;
	} * slot;
	size_t n, cap;
};

void mm2_kvmap_init(struct mm2_kvmap *m);
void mm2_kvmap_release(struct mm2_kvmap *m);
/* Insert or overwrite (Java's put). */
void mm2_kvmap_put(struct mm2_kvmap *m, const char *key, const struct mm2_setting *val);
/* Insert only if absent (Java's putIfAbsent). */
void mm2_kvmap_put_absent(struct mm2_kvmap *m, const char *key, const struct mm2_setting *val);
const struct mm2_setting *mm2_kvmap_get(const struct mm2_kvmap *m, const char *key);
void mm2_kvmap_remove(struct mm2_kvmap *m, const char *key);
/* Copy every entry of SRC into DST (putAll). */
void mm2_kvmap_put_all(struct mm2_kvmap *dst, const struct mm2_kvmap *src);
/* Iteration: returns the next occupied slot index >= *I, or false at the end. */
bool mm2_kvmap_next(const struct mm2_kvmap *m, size_t *i, const char **key,
		    const struct mm2_setting **val);
/* The keys in bytewise order (array of N pointers, caller frees the array). */
const char **mm2_kvmap_sorted_keys(const struct mm2_kvmap *m, size_t *n);

/*
 * The location of byte OFF of E's key or value, when it is written in the file
 * exactly as it reads (no escapes, no continuation); otherwise the start of the
 * key or value. An empty value is placed at its key.
 */
struct mm2_loc mm2_entry_key_point(const struct mm2_entry *e, size_t off);
struct mm2_loc mm2_entry_value_point(const struct mm2_entry *e, size_t off);

/* Build a document from parsed properties (entries point into PROPS and ARENA). */
void mm2_doc_from_props(struct mm2_doc *doc, const struct mm2_source *src,
			const struct mm2_props *props, struct mm2_arena *arena);
void mm2_doc_release(struct mm2_doc *doc);
/* The entry Kafka sees for KEY (the last occurrence), or NULL. */
const struct mm2_entry *mm2_doc_get(const struct mm2_doc *doc, const char *key);
/* Decide doc->kind and doc->kind_why from the keys (docs/file-kinds.md). */
struct mm2_catalog;
void mm2_doc_detect_kind(struct mm2_doc *doc, const struct mm2_catalog *cat);

#endif
