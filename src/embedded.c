/*
 * Lookup in the table of files compiled into the binary (embedded.h).
 */
#include <string.h>
#include "mm2lint/embedded.h"
#include "banned.h"

const struct mm2_embedded_file *mm2_embedded_find(const char *name)
{
	const struct mm2_embedded_file *f;

	for (f = mm2_embedded_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
