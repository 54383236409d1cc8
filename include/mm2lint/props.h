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
	const char *key;    /* decoded, NUL-terminated, owned by the arena */
	size_t key_len;
	const char *value;  /* decoded, NUL-terminated, owned by the arena */
	size_t value_len;
	size_t key_off;     /* byte offset of the key's first character */
	size_t value_off;   /* byte offset of the value's first character (== end_off if empty) */
	size_t end_off;     /* byte offset just past the logical line (before its terminator) */
	unsigned key_line, key_col;     /* 1-based */
	unsigned value_line, value_col; /* 1-based */
	bool continued;     /* the logical line spans more than one natural line */
	bool shadowed;      /* a later occurrence of the same key wins */
};

struct mm2_props {
	struct mm2_prop *v; /* in file order */
	size_t n, alloc;
	/* Set when Properties.load would throw (malformed \uXXXX): Java loads nothing. */
	bool failed;
	size_t error_off;
	unsigned error_line, error_col;
	const char *error_msg; /* static string */
};

/*
 * Parse SRC into OUT (which must be zeroed). Strings are allocated from ARENA.
 * Never fails as an operation: a malformed escape sets out->failed and its
 * location, and the entries before it are kept for diagnostics only.
 */
void mm2_props_parse(struct mm2_props *out, const struct mm2_source *src, struct mm2_arena *arena);
void mm2_props_release(struct mm2_props *p);

/* The occurrence Kafka sees for KEY (the last one), or NULL. */
const struct mm2_prop *mm2_props_last(const struct mm2_props *p, const char *key, size_t key_len);

/*
 * Print the effective pairs in the props-oracle format: one line
 *	"KEY"<TAB>"VALUE"
 * per distinct key (last occurrence wins), escaped one UTF-16 unit at a time:
 * \" \\ \b \t \n \f \r, other units below 0x20, 0x7F and all from 0x80 as \u
 * plus four lowercase hex digits, the rest as itself. Lines are sorted bytewise.
 */
void mm2_props_dump(const struct mm2_props *p, FILE *out);

#endif
