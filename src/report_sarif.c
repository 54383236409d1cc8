/*
 * SARIF 2.1.0 reporter: one run that GitHub code scanning accepts, with every
 * known rule's help in tool.driver.rules (docs/sarif.md). Last stage of the
 * pipeline; reads diagnostics and rule metadata only.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/report.h"
#include "mm2lint/util.h"
#include "report_util.h"
#include "banned.h"

#define SARIF_SCHEMA                                                                               \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"                      \
	"sarif-schema-2.1.0.json"
#define SARIF_SRCROOT	  "%SRCROOT%"
#define SARIF_FINGERPRINT "mm2lint/v1"

static const char *const sarif_levels[] = {"none", "note", "warning", "error"};

/* The rules of the run: opts->rules in order, then any other rule a finding names. */
struct rule_table {
	const struct mm2_rule_info **v;
	size_t n, alloc;
};

static size_t rule_index(struct rule_table *t, const struct mm2_rule_info *r)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i] == r || strcmp(t->v[i]->id, r->id) == 0)
			return i;
	MM2_GROW(t->v, t->alloc, t->n + 1);
	t->v[t->n] = r;
	return t->n++;
}

static bool semver(const char *v)
{
	int parts = 0;

	for (;;) {
		if (*v < '0' || *v > '9' || (v[0] == '0' && v[1] >= '0' && v[1] <= '9'))
			return false;
		while (*v >= '0' && *v <= '9')
			v++;
		if (++parts == 3 || *v != '.')
			break;
		v++;
	}
	if (parts != 3)
		return false;
	if (*v == '-' || *v == '+')
		for (v++; *v; v++)
			if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789.-+",
				    *v))
				return false;
	return *v == '\0';
}

/* {"text": TEXT} under KEY, or nothing when TEXT is empty: no empty objects. */
static void add_text(cJSON *parent, const char *key, const char *text)
{
	if (text && *text)
		mm2_json_str(mm2_json_obj(parent, key), "text", text);
}

/* TEXT with the characters that Markdown would read as markup escaped. */
static void add_markdown(struct mm2_strbuf *sb, const char *text)
{
	for (; *text; text++) {
		if (strchr("\\`*_[]<>|~#", *text))
			mm2_strbuf_addch(sb, '\\');
		mm2_strbuf_addch(sb, *text);
	}
}

/* GitHub wants a description and help for every rule: fall back rather than omit. */
static const char *short_text(const struct mm2_rule_info *r)
{
	if (r->title && *r->title)
		return r->title;
	return r->name && *r->name ? r->name : r->id;
}

static const char *full_text(const struct mm2_rule_info *r)
{
	return r->rationale && *r->rationale ? r->rationale : short_text(r);
}

/* help.text is the fix; help.markdown adds the rationale and the rule's page. */
static void add_help(cJSON *rd, const struct mm2_rule_info *r)
{
	struct mm2_strbuf text = MM2_STRBUF_INIT, md = MM2_STRBUF_INIT;
	bool uri = r->help_uri && *r->help_uri;
	cJSON *help = mm2_json_obj(rd, "help");

	mm2_strbuf_init(&text);
	mm2_strbuf_init(&md);
	if (r->fix && *r->fix)
		mm2_strbuf_addstr(&text, r->fix);
	else if (uri)
		mm2_strbuf_addf(&text, "See %s", r->help_uri);
	else
		mm2_strbuf_addstr(&text, full_text(r));
	mm2_json_str(help, "text", text.buf);
	add_markdown(&md, r->fix && *r->fix ? r->fix : full_text(r));
	if (r->fix && *r->fix && r->rationale && *r->rationale) {
		mm2_strbuf_addstr(&md, "\n\n");
		add_markdown(&md, r->rationale);
	}
	if (uri)
		mm2_strbuf_addf(&md, "\n\n[%s](%s)", r->id, r->help_uri);
	mm2_json_str(help, "markdown", md.buf);
	mm2_strbuf_release(&text);
	mm2_strbuf_release(&md);
}

static void add_tags(cJSON *rd, const struct mm2_rule_info *r)
{
	bool cat = r->category && *r->category;
	const char *const *t;
	cJSON *props, *tags;

	if (!cat && (!r->tags || !r->tags[0]))
		return;
	props = mm2_json_obj(rd, "properties");
	tags = mm2_json_arr(props, "tags");
	if (cat)
		mm2_json_str(tags, NULL, r->category);
	for (t = r->tags; t && *t; t++)
		if (!cat || strcmp(*t, r->category) != 0)
			mm2_json_str(tags, NULL, *t);
	if (cat)
		mm2_json_str(props, "category", r->category);
}

static void add_rule(cJSON *rules, const struct mm2_rule_info *r)
{
	cJSON *rd = mm2_json_obj(rules, NULL), *conf;

	mm2_json_str(rd, "id", r->id);
	if (r->name && *r->name)
		mm2_json_str(rd, "name", r->name);
	add_text(rd, "shortDescription", short_text(r));
	add_text(rd, "fullDescription", full_text(r));
	add_help(rd, r);
	if (r->help_uri && *r->help_uri)
		mm2_json_str(rd, "helpUri", r->help_uri);
	conf = mm2_json_obj(rd, "defaultConfiguration");
	if (r->severity == MM2_SEV_OFF)
		mm2_json_bool(conf, "enabled", false);
	else
		mm2_json_str(conf, "level", sarif_levels[r->severity > 3 ? 3 : r->severity]);
	add_tags(rd, r);
}

/* region of LOC; SARIF regions need startLine >= 1 (a whole-file finding gets line 1). */
static void add_region(cJSON *pl, const struct mm2_loc *loc)
{
	cJSON *region = mm2_json_obj(pl, "region");
	unsigned line = loc->line ? loc->line : 1, eline, ecol;

	mm2_json_num(region, "startLine", line);
	if (!loc->line || !loc->col)
		return;
	mm2_json_num(region, "startColumn", mm2_report_utf16_col(loc->src, line, loc->col));
	if (!mm2_report_end(loc, &eline, &ecol))
		return;
	mm2_json_num(region, "endLine", eline);
	if (ecol)
		mm2_json_num(region, "endColumn", mm2_report_utf16_col(loc->src, eline, ecol));
}

/* physicalLocation of LOC under PARENT; URI (NULL: compute it) from the path. */
static void add_physical(cJSON *parent, const struct mm2_loc *loc, const char *uri, bool rel,
			 const char *cwd)
{
	char *own = NULL;
	cJSON *pl, *art;

	if (!loc->src)
		return;
	if (!uri)
		uri = own = mm2_report_uri(loc->src->path, cwd, &rel);
	pl = mm2_json_obj(parent, "physicalLocation");
	art = mm2_json_obj(pl, "artifactLocation");
	mm2_json_str(art, "uri", uri);
	if (rel)
		mm2_json_str(art, "uriBaseId", SARIF_SRCROOT);
	add_region(pl, loc);
	free(own);
}

static void add_related(cJSON *result, const struct mm2_diag *g, const char *cwd)
{
	cJSON *rel;
	size_t i;

	if (!g->nrelated)
		return;
	rel = mm2_json_arr(result, "relatedLocations");
	for (i = 0; i < g->nrelated; i++) {
		cJSON *l = mm2_json_obj(rel, NULL);

		mm2_json_num(l, "id", (double)i + 1);
		add_physical(l, &g->related[i].loc, NULL, false, cwd);
		add_text(l, "message", g->related[i].message);
	}
}

static void add_result(cJSON *results, const struct mm2_report_item *it, size_t rule_idx,
		       const char *cwd)
{
	const struct mm2_diag *g = it->diag;
	cJSON *r = mm2_json_obj(results, NULL);

	mm2_json_str(r, "ruleId", g->rule->id);
	mm2_json_num(r, "ruleIndex", (double)rule_idx);
	mm2_json_str(r, "level", sarif_levels[mm2_report_sev(g)]);
	add_text(r, "message", g->message);
	if (g->loc.src)
		add_physical(mm2_json_obj(mm2_json_arr(r, "locations"), NULL), &g->loc, it->uri,
			     it->relative, cwd);
	add_related(r, g, cwd);
	mm2_json_str(mm2_json_obj(r, "partialFingerprints"), SARIF_FINGERPRINT, it->fingerprint);
}

static void add_driver(cJSON *run, const struct mm2_report_opts *o, cJSON **rules)
{
	const char *version = o && o->tool_version ? o->tool_version : MM2LINT_VERSION;
	cJSON *driver = mm2_json_obj(mm2_json_obj(run, "tool"), "driver");

	mm2_json_str(driver, "name", "mm2lint");
	mm2_json_str(driver, "version", version);
	if (semver(version))
		mm2_json_str(driver, "semanticVersion", version);
	mm2_json_str(driver, "informationUri", MM2LINT_HOMEPAGE);
	*rules = mm2_json_arr(driver, "rules");
}

int mm2_report_sarif(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o)
{
	struct rule_table table = {0};
	char *cwd = mm2_report_getcwd();
	size_t i, n;
	struct mm2_report_item *items = mm2_report_items(d, cwd, &n);
	cJSON *root = mm2_json_obj(NULL, NULL), *run, *rules, *results;

	mm2_json_str(root, "$schema", SARIF_SCHEMA);
	mm2_json_str(root, "version", "2.1.0");
	run = mm2_json_obj(mm2_json_arr(root, "runs"), NULL);
	add_driver(run, o, &rules);
	for (i = 0; o && i < o->nrules; i++)
		rule_index(&table, o->rules[i]);
	results = mm2_json_arr(run, "results");
	for (i = 0; i < n; i++)
		add_result(results, &items[i], rule_index(&table, items[i].diag->rule), cwd);
	for (i = 0; i < table.n; i++)
		add_rule(rules, table.v[i]);
	mm2_json_str(run, "columnKind", "utf16CodeUnits");
	free(table.v);
	mm2_report_items_free(items, n);
	free(cwd);
	return mm2_json_write(out, root);
}
