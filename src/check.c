/*
 * The table of built-in checks, and the ones too small for a file of their own.
 */
#include <string.h>
#include "mm2lint/lint.h"
#include "check.h"
#include "banned.h"

/* Parse errors are found by the front-ends while reading; the rule file only
 * carries their metadata and tests. */
static void run_nothing(struct mm2_check_ctx *cx)
{
	(void)cx;
}

static const char *const parse_vars[] = {"message", NULL};

const struct mm2_builtin mm2_check_parse_error = {"parse-error", NULL, run_nothing, parse_vars};

/* Inline suppressions are applied after every rule has run (suppress.c). */
static const struct mm2_builtin check_suppressions = {"inline-suppressions", NULL, run_nothing,
						      parse_vars};

static const struct mm2_builtin *const builtins[] = {
	&mm2_check_parse_error,	 &check_suppressions,	     &mm2_check_timeouts,
	&mm2_check_filter_regex, &mm2_check_filter_internal,
};

static const struct mm2_builtin *const *const tables[] = {
	mm2_builtins_keys,
	mm2_builtins_topo,
	mm2_builtins_net2,
};

const struct mm2_builtin *mm2_builtin_find(const char *name)
{
	size_t i, t;
	const struct mm2_builtin *const *b;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i]->name, name) == 0)
			return builtins[i];
	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		for (b = tables[t]; *b; b++)
			if (strcmp((*b)->name, name) == 0)
				return *b;
	return NULL;
}
