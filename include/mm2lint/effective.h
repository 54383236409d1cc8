/*
 * The --effective view: per flow and per place (connectors, worker, each client),
 * the settings that matter with their value and where it came from. For a file
 * that is not an MM2 config, its own durability-relevant settings.
 */
#ifndef MM2LINT_EFFECTIVE_H
#define MM2LINT_EFFECTIVE_H

#include <stdio.h>
#include "mm2lint/lint.h"

void mm2_report_effective(FILE *out, const struct mm2_input *in, const struct mm2_catalog *cat,
			  mm2_version v, struct mm2_arena *arena);

#endif
