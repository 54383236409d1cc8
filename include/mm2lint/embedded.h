/*
 * Data files compiled into the binary at build time (rules/, rules/catalog/,
 * docs/rules/). The table ends with an entry whose name is NULL.
 */
#ifndef MM2LINT_EMBEDDED_H
#define MM2LINT_EMBEDDED_H

#include <stddef.h>

struct mm2_embedded_file {
	const char *name; /* path relative to the project root, '/' separated */
	const char *data; /* NUL-terminated; len excludes the NUL */
	size_t len;
};

extern const struct mm2_embedded_file mm2_embedded_files[];

/* The embedded file named NAME, or NULL. */
const struct mm2_embedded_file *mm2_embedded_find(const char *name);

#endif
