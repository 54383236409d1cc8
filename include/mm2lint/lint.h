/*
 * One lint run: a file in, findings out. Reads the file with its front-end,
 * builds the model, resolves MirrorMaker 2's effective settings, and runs every
 * rule of the rule set on it.
 */
#ifndef MM2LINT_LINT_H
#define MM2LINT_LINT_H

#include <stdio.h>
#include <stdbool.h>
#include "mm2lint/catalog.h"
#include "mm2lint/diag.h"
#include "mm2lint/error.h"
#include "mm2lint/model.h"
#include "mm2lint/props.h"
#include "mm2lint/resolve.h"
#include "mm2lint/rules.h"
#include "mm2lint/settings.h"

struct mm2_lint_opts {
	mm2_version version;
	struct mm2_facts facts;	   /* .mm2lint.ini, then --latency */
	double latency_multiplier; /* default 10 */
	const char *only_rule;	   /* run just this rule (rule tests) */
	FILE *verbose;		   /* where to say why rules did not apply; NULL: quiet */
};

/* Defaults: the newest catalogue version, multiplier 10, nothing else. */
void mm2_lint_opts_init(struct mm2_lint_opts *o, const struct mm2_catalog *cat);
/*
 * One option that changes what a lint run knows (--latency, --latency-multiplier,
 * --kafka-version), shared by the command line and the tests inside rule files.
 * Returns the number of arguments used (2), 0 if ARGV[I] is no such option, or -1
 * after printing a one-line error on standard error.
 */
int mm2_lint_option(struct mm2_lint_opts *o, const struct mm2_catalog *cat, struct mm2_arena *arena,
		    int argc, const char *const *argv, int i);

enum mm2_format { MM2_FORMAT_PROPERTIES, MM2_FORMAT_YAML, MM2_FORMAT_JSON };
/* By the file name's extension; anything unknown is read as .properties. */
enum mm2_format mm2_format_for(const char *path);

/* A file read into the model; everything hangs off ARENA. */
struct mm2_input {
	struct mm2_source *src;
	enum mm2_format format;
	struct mm2_props props;
	struct mm2_doc doc;
	struct mm2_mm2 mm2; /* resolved when doc.kind is mm2 */
	bool resolved;
	/* Set when mm2lint cannot use the file at all (a limit was hit): the caller
	 * reports err.msg as an operational error, not a finding. */
	bool unusable;
	struct mm2_error err;
};

/*
 * Read SRC into IN (the source must outlive it; the caller has already refused
 * missing, binary and oversized files). Front-end syntax errors become findings.
 */
void mm2_input_read(struct mm2_input *in, struct mm2_source *src, const struct mm2_catalog *cat,
		    const struct mm2_lint_opts *opts, struct mm2_arena *arena,
		    const struct mm2_ruleset *rs, struct mm2_diags *out);
void mm2_input_release(struct mm2_input *in);

/* Run every rule of RS (or opts->only_rule) on IN. */
void mm2_lint_input(const struct mm2_input *in, const struct mm2_ruleset *rs,
		    const struct mm2_lint_opts *opts, struct mm2_arena *arena,
		    struct mm2_diags *out);

/*
 * Apply the inline suppressions of IN (suppress.c) to the findings OUT->v[FIRST..]
 * and report the ones that suppress nothing (MM2-HYG-003). mm2_lint_input calls it.
 */
void mm2_suppress_apply(const struct mm2_input *in, const struct mm2_ruleset *rs,
			const struct mm2_lint_opts *opts, struct mm2_arena *arena,
			struct mm2_diags *out, size_t first);

/* What a built-in check gets (rule_eval.c builds it). */
struct mm2_check_ctx {
	const struct mm2_rule *rule;
	const struct mm2_input *in;
	const struct mm2_catalog *cat;
	const struct mm2_lint_opts *opts;
	struct mm2_arena *arena;
	struct mm2_diags *out;
	/* Findings of this rule that several flows share: the flows are listed in
	 * one finding instead of repeating it (rule_eval.c). */
	struct mm2_flow_group {
		size_t diag;	   /* index in out */
		const char *flows; /* "A->B, C->B" */
	} * groups;
	size_t ngroups, groups_alloc;
};

/*
 * Emit a finding of CX's rule at LOC. MESSAGE is the rule's template (or
 * another) rendered with VARS: NULL-terminated name/value pairs for {{name}}.
 * Returns the finding, or NULL if an identical one (same rule and place) was
 * already emitted, in which case FLOW, if given, is noted on the first.
 */
struct mm2_diag *mm2_check_emit(struct mm2_check_ctx *cx, enum mm2_severity sev, struct mm2_loc loc,
				const char *message, const char *const *vars, const char *anchor);
/* Say, under --verbose, why CX's rule does not apply. */
void mm2_check_not_applicable(struct mm2_check_ctx *cx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Where a setting was set: the value's location, or the flow's anchor line. */
struct mm2_loc mm2_setting_loc(const struct mm2_input *in, const struct mm2_flow *f,
			       const struct mm2_setting *s);
/* "set at FILE:LINE", "default in Kafka 4.3", "MirrorMaker 2 fills it in". */
const char *mm2_setting_origin(const struct mm2_input *in, const struct mm2_setting *s,
			       mm2_version v, struct mm2_arena *arena);
/* Render TEMPLATE with {{name}} placeholders from VARS (name/value pairs, NULL-ended). */
const char *mm2_render(const char *tmpl, const char *const *vars, struct mm2_arena *arena);

#endif
