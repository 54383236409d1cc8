/*
 * Diagnostics: findings about the user's configuration. They never stop a run.
 * Rule metadata (struct mm2_rule_info) travels with every finding so that the
 * reporters need nothing else.
 */
#ifndef MM2LINT_DIAG_H
#define MM2LINT_DIAG_H

#include <stddef.h>
#include <stdbool.h>
#include "mm2lint/arena.h"
#include "mm2lint/source.h"

enum mm2_severity {
	MM2_SEV_OFF = 0,
	MM2_SEV_NOTE = 1,
	MM2_SEV_WARNING = 2,
	MM2_SEV_ERROR = 3,
};

/* "note", "warning", "error" ("off" for MM2_SEV_OFF). */
const char *mm2_severity_name(enum mm2_severity s);
/* Parse NAME; returns -1 if it is none of off/note/warning/error. */
int mm2_severity_parse(const char *name);

/* What a rule is, for --list-rules, --explain and SARIF tool.driver.rules. */
struct mm2_rule_info {
	const char *id;	       /* MM2-<AREA>-<NNN>, stable forever */
	const char *name;      /* kebab-case slug */
	const char *title;     /* one line: SARIF shortDescription */
	const char *rationale; /* SARIF fullDescription */
	const char *fix;       /* SARIF help.text */
	const char *help_uri;  /* SARIF helpUri: the rule's page */
	const char *category;
	enum mm2_severity severity; /* default level */
	const char *const *tags;    /* NULL-terminated, may be NULL */
};

struct mm2_loc {
	const struct mm2_source *src; /* NULL: a finding about no file (never emitted by rules) */
	unsigned line, col;	      /* 1-based */
	unsigned end_line, end_col;   /* 1-based, exclusive end column; 0 = unknown */
};

struct mm2_related {
	struct mm2_loc loc;
	const char *message;
};

struct mm2_diag {
	const struct mm2_rule_info *rule; /* never NULL */
	enum mm2_severity severity;	  /* after user overrides; off: not reported */
	struct mm2_loc loc;
	const char *message; /* already rendered; secrets already redacted */
	/* Semantic anchor for fingerprints, e.g. "flow:A->B/key:acks": what the
	 * finding is about, never where (no line or column), so that it survives
	 * edits elsewhere in the file. Reporters hash rule id, file and anchor
	 * (docs/json-output.md); an empty anchor falls back to the message. */
	const char *anchor;
	struct mm2_related *related;
	size_t nrelated;
};

struct mm2_diags {
	struct mm2_diag *v;
	size_t n, alloc;
	struct mm2_arena *arena; /* owns messages, anchors, related arrays */
};

void mm2_diags_init(struct mm2_diags *d, struct mm2_arena *arena);
void mm2_diags_release(struct mm2_diags *d);
/* Append a finding; MESSAGE and ANCHOR are copied into the arena. Returns it for
 * adding related locations. */
struct mm2_diag *mm2_diags_add(struct mm2_diags *d, const struct mm2_rule_info *rule,
			       enum mm2_severity sev, struct mm2_loc loc, const char *message,
			       const char *anchor);
void mm2_diag_add_related(struct mm2_diags *d, struct mm2_diag *diag, struct mm2_loc loc,
			  const char *message);
/* Sort by file, line, column, rule id, message: output is deterministic. */
void mm2_diags_sort(struct mm2_diags *d);

#endif
