/*
 * The .properties front-end: java.util.Properties.load(InputStream), exactly.
 *
 * Bytes are ISO-8859-1 characters. Keys and values are decoded (escapes,
 * continuations) into mm2lint's internal text encoding, in which every UTF-16
 * code unit Java would hold becomes 1-3 bytes the way UTF-8 encodes a code
 * point below U+10000; surrogates (from \uD800..\uDFFF escapes) are encoded
 * one by one, like any other unit, so a dump gives back exactly what Java had.
 * Plain ASCII text is therefore unchanged, and Latin-1 bytes become UTF-8.
 * Strings may contain NUL; use the lengths.
 *
 * Every occurrence of a key is kept, in file order, with its location; the
 * last occurrence is the one Kafka sees (mm2_props_last).
 */
#ifndef MM2LINT_PROPS_H
#define MM2LINT_PROPS_H

#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include "mm2lint/arena.h"
#include "mm2lint/source.h"

struct mm2_prop {
	const char *key; /* decoded, NUL-terminated, owned by the arena */
	size_t key_len;
	const char *value; /* decoded, NUL-terminated, owned by the arena */
	size_t value_len;
	/*
	 * Byte offsets into src->data. A key or value that starts with an escape
	 * starts at its backslash; an empty key at whatever follows it (the
	 * separator, say). An empty value has value_off == end_off.
	 */
	size_t key_off;	  /* byte offset of the key's first character */
	size_t value_off; /* byte offset of the value's first character (== end_off if empty) */
	size_t end_off;	  /* where the logical line stops: the terminator ending it, or src->len */
	/* mm2_source_pos of key_off and value_off: columns count bytes if src->latin1. */
	unsigned key_line, key_col;	/* 1-based */
	unsigned value_line, value_col; /* 1-based */
	bool continued;			/* the logical line spans more than one natural line */
	bool shadowed;			/* a later occurrence of the same key wins */
};

struct mm2_props {
	struct mm2_prop *v; /* in file order */
	size_t n, alloc;
	/* Set when Properties.load would throw (malformed \uXXXX): Java loads nothing. */
	bool failed;
	size_t error_off; /* the backslash of the malformed escape */
	unsigned error_line, error_col;
	const char *error_msg; /* static string */
};

/*
 * Parse SRC into OUT (which must be zeroed). Keys and values are allocated from
 * ARENA and live as long as it does; out->v is the caller's, freed by
 * mm2_props_release. Set src->latin1 first so that columns count characters.
 * Never fails as an operation: a malformed escape sets out->failed and its
 * location, and the entries before it are kept for diagnostics only.
 */
void mm2_props_parse(struct mm2_props *out, const struct mm2_source *src, struct mm2_arena *arena);
/* Free p->v (not the strings, which belong to the arena) and zero P. */
void mm2_props_release(struct mm2_props *p);

/* The occurrence Kafka sees for KEY (the last one), or NULL. Scans p->v from the end. */
const struct mm2_prop *mm2_props_last(const struct mm2_props *p, const char *key, size_t key_len);

/*
 * Print the effective pairs in the props-oracle format: one line
 *	"KEY"<TAB>"VALUE"
 * per distinct key (last occurrence wins), escaped one UTF-16 unit at a time:
 * \" \\ \b \t \n \f \r, other units below 0x20, 0x7F and all from 0x80 as \u
 * plus four lowercase hex digits, the rest as itself. Lines are sorted bytewise.
 * It prints what P holds even if P->failed (where Java would hold nothing).
 */
void mm2_props_dump(const struct mm2_props *p, FILE *out);

#endif
