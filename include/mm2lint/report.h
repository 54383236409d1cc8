/*
 * Reporters: the only code that knows output formats. They read diagnostics and
 * rule metadata, nothing else.
 */
#ifndef MM2LINT_REPORT_H
#define MM2LINT_REPORT_H

#include <stdio.h>
#include <stdbool.h>
#include "mm2lint/diag.h"

struct mm2_report_opts {
	bool color;              /* text: ANSI colours (caller decides: tty and no NO_COLOR) */
	bool show_source;        /* text: the source line and a caret under the column */
	const char *tool_version;
	/* The rules known to this run, for SARIF tool.driver.rules (every rule, not
	 * only those that fired, so that GitHub can show their help). */
	const struct mm2_rule_info *const *rules;
	size_t nrules;
};

/* file:line:col: severity: message [ID], then the source line and a caret. */
int mm2_report_text(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o);
/* mm2lint JSON, schema "mm2lint-report" version 1 (docs/json-output.md). */
int mm2_report_json(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o);
/* SARIF 2.1.0 accepted by GitHub code scanning. */
int mm2_report_sarif(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o);

#endif
