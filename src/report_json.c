/*
 * JSON reporter: the "mm2lint-report" document, version 1, that scripts and
 * other tools read (docs/json-output.md is its contract). Last stage of the
 * pipeline; reads diagnostics and rule metadata only.
 */
#include <stdlib.h>
#include "mm2lint/report.h"
#include "report_util.h"
#include "banned.h"

#define REPORT_SCHEMA  "mm2lint-report"
#define REPORT_VERSION 1

/* file, line, column, endLine, endColumn of LOC into OBJ; null file for no file. */
static void add_loc(cJSON *obj, const struct mm2_loc *loc)
{
	unsigned eline, ecol;

	if (!loc->src) {
		mm2_json_null(obj, "file");
		mm2_json_null(obj, "line");
		mm2_json_null(obj, "column");
		return;
	}
	mm2_json_str(obj, "file", loc->src->path);
	mm2_json_num(obj, "line", loc->line);
	mm2_json_num(obj, "column", loc->col);
	if (mm2_report_end(loc, &eline, &ecol)) {
		mm2_json_num(obj, "endLine", eline);
		if (ecol)
			mm2_json_num(obj, "endColumn", ecol);
	}
}

static void add_finding(cJSON *findings, const struct mm2_report_item *it)
{
	const struct mm2_diag *g = it->diag;
	cJSON *f = mm2_json_obj(findings, NULL), *related;
	size_t i;

	mm2_json_str(f, "ruleId", g->rule ? g->rule->id : "");
	mm2_json_str(f, "ruleName", g->rule ? g->rule->name : "");
	mm2_json_str(f, "severity", mm2_severity_name(g->severity));
	mm2_json_str(f, "message", g->message);
	add_loc(f, &g->loc);
	mm2_json_str(f, "anchor", g->anchor);
	mm2_json_str(f, "fingerprint", it->fingerprint);
	related = mm2_json_arr(f, "related");
	for (i = 0; i < g->nrelated; i++) {
		cJSON *r = mm2_json_obj(related, NULL);

		add_loc(r, &g->related[i].loc);
		mm2_json_str(r, "message", g->related[i].message);
	}
}

int mm2_report_json(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o)
{
	char *cwd = mm2_report_getcwd();
	size_t i, n, count[4] = {0};
	struct mm2_report_item *items = mm2_report_items(d, cwd, &n);
	cJSON *root = mm2_json_obj(NULL, NULL), *tool, *findings, *summary;

	mm2_json_str(root, "schema", REPORT_SCHEMA);
	mm2_json_num(root, "version", REPORT_VERSION);
	tool = mm2_json_obj(root, "tool");
	mm2_json_str(tool, "name", "mm2lint");
	mm2_json_str(tool, "version", o && o->tool_version ? o->tool_version : MM2LINT_VERSION);
	findings = mm2_json_arr(root, "findings");
	for (i = 0; i < n; i++) {
		add_finding(findings, &items[i]);
		count[mm2_report_sev(items[i].diag)]++;
	}
	summary = mm2_json_obj(root, "summary");
	mm2_json_num(summary, "error", (double)count[MM2_SEV_ERROR]);
	mm2_json_num(summary, "warning", (double)count[MM2_SEV_WARNING]);
	mm2_json_num(summary, "note", (double)count[MM2_SEV_NOTE]);
	mm2_report_items_free(items, n);
	free(cwd);
	return mm2_json_write(out, root);
}
