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
	bool color;		  /* text: ANSI colours (caller decides: tty and no NO_COLOR) */
	bool show_source;	  /* text: the source line and a caret under the column */
	const char *tool_version; /* NULL: the version mm2lint was built as */
	/* The rules known to this run, for SARIF tool.driver.rules (every rule, not
	 * only those that fired, so that GitHub can show their help). A finding whose
	 * rule is not among them gets its rule appended after them. */
	const struct mm2_rule_info *const *rules;
	size_t nrules;
};

/*
 * Each reporter writes every finding of D in D's order (the caller sorts them),
 * leaves out findings whose severity is off, and writes nothing else: no
 * summary line, no trailing blank line. O may be NULL (no colour, no source, no
 * rules). Paths are the ones the user named; JSON and SARIF also turn them into
 * URIs relative to the current directory. Strings that are not valid UTF-8 get
 * U+FFFD in JSON and SARIF; text output shows control and invisible characters
 * as ^X, <U+XXXX> or <XX>, so no finding can drive the terminal.
 * Each returns 0, or -MM2_EIO when writing to OUT fails (it flushes OUT).
 */

/* file:line:col: severity: message [ID], then the source line and a caret. */
int mm2_report_text(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o);
/* mm2lint JSON, schema "mm2lint-report" version 1 (docs/json-output.md). */
int mm2_report_json(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o);
/* SARIF 2.1.0 accepted by GitHub code scanning (docs/sarif.md). */
int mm2_report_sarif(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o);

#endif
