/*
 * Allocation that cannot fail (out of memory prints one line and aborts: this is a
 * CLI), and a checked number parser. Every other module builds on these.
 */
#ifndef MM2LINT_UTIL_H
#define MM2LINT_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

void *mm2_xmalloc(size_t n);
void *mm2_xcalloc(size_t n, size_t size);
void *mm2_xrealloc(void *p, size_t n);
char *mm2_xstrdup(const char *s);
char *mm2_xstrndup(const char *s, size_t n);
_Noreturn void mm2_die_oom(void);

/* Grow *V (element size ELEM) so that it holds at least N elements. */
void mm2_grow(void **v, size_t *alloc, size_t n, size_t elem);
#define MM2_GROW(v, alloc, n) mm2_grow((void **)&(v), &(alloc), (n), sizeof(*(v)))

/*
 * Parse S[0..LEN) as a Java long the way Long.parseLong does after ConfigDef's
 * trim: optional sign, decimal digits only, no overflow. Returns false if the
 * text is not such a number.
 */
bool mm2_parse_long(const char *s, size_t len, int64_t *out);

/* Parse a Java double as Double.parseDouble accepts it (decimal forms only). */
bool mm2_parse_double(const char *s, size_t len, double *out);

/* ConfigDef trims values with String.trim(): every char <= U+0020 at both ends. */
void mm2_java_trim(const char **s, size_t *len);

bool mm2_streq_icase(const char *a, size_t alen, const char *b);

#endif
