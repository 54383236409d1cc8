/*
 * The command line's state and the commands besides linting (cli.c).
 */
#ifndef MM2LINT_CLI_H
#define MM2LINT_CLI_H

#include <stdbool.h>
#include "mm2lint/arena.h"
#include "mm2lint/catalog.h"
#include "mm2lint/lint.h"
#include "mm2lint/rules.h"
#include "mm2lint/settings.h"

enum cli_mode {
	CLI_LINT,
	CLI_PRINT_ENTRIES,
	CLI_EFFECTIVE,
	CLI_LIST_RULES,
	CLI_EXPLAIN,
	CLI_TEST_RULES
};

struct cli {
	enum cli_mode mode;
	const char *mode_arg;
	const char *format; /* text, json, sarif */
	const char *output;
	int color; /* -1 auto, 0 never, 1 always */
	bool show_source;
	bool quiet;
	enum mm2_severity fail_on;
	struct mm2_lint_opts opts;
	struct mm2_arena arena;
	const char **rule_paths;
	size_t nrule_paths, rule_paths_alloc;
	const char **paths; /* operands: files and folders */
	size_t npaths, paths_alloc;
	char **inputs; /* files to lint, owned */
	size_t ninputs, inputs_alloc;
	int status;				/* 2 once an input could not be used */
	struct mm2_settings settings;		/* .mm2lint.ini, if one was found */
	struct mm2_severity_override *severity; /* file's, then --severity's */
	size_t nseverity, severity_alloc;
};

/* Parse ARGV into C. Returns -1 to go on, or the exit status to stop with. */
int mm2_cli_parse(struct cli *c, const struct mm2_catalog *cat, int argc, char **argv);
void mm2_cli_release(struct cli *c);
/* Load the --rules paths (and for --test-rules, the rule files named) into RS. */
int mm2_cli_load_rules(struct cli *c, struct mm2_ruleset *rs, struct mm2_error *err);
/* Apply the [severity] settings and --severity options to RS. */
int mm2_cli_apply_severity(struct cli *c, struct mm2_ruleset *rs, struct mm2_error *err);
int mm2_cli_test_rules(struct cli *c, const struct mm2_catalog *cat, const struct mm2_ruleset *rs);
int mm2_cli_effective(struct cli *c, const struct mm2_catalog *cat, const struct mm2_ruleset *rs);
const char *mm2_cli_usage(void);

#endif
