/*
 * Built-in checks of MirrorMaker 2's topic and group filters. The filters are
 * lists of Java regexes that MM2 joins with '|' and matches against whole names;
 * mm2lint decides by compiling and matching them the same way (jregex.h), never
 * by comparing strings.
 */
#include <stdio.h>
#include <string.h>
#include "mm2lint/jregex.h"
#include "mm2lint/lint.h"
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "check.h"
#include "filter.h"
#include "topo.h"
#include "banned.h"

static const char *const filter_keys[] = {
	"topics",
	"topics.exclude",
	"topics.blacklist",
	"groups",
	"groups.exclude",
	"groups.blacklist",
	"config.properties.exclude",
	"config.properties.blacklist",
};

/* KEY itself, or "S->T." + KEY: the two forms that reach the connectors. */
static const char *filter_key_of(const char *key)
{
	const char *arrow = strstr(key, "->"), *dot;
	size_t i;

	if (arrow && (dot = strchr(arrow + 2, '.')))
		key = dot + 1;
	for (i = 0; i < sizeof(filter_keys) / sizeof(filter_keys[0]); i++)
		if (strcmp(key, filter_keys[i]) == 0)
			return filter_keys[i];
	return NULL;
}

/* Map byte OFF of the joined pattern back to a byte offset in the raw VALUE. */
static size_t value_offset(const char *value, size_t off, struct mm2_arena *a)
{
	const char **items;
	size_t i, n = mm2_split_list(value, &items, a), start = 0;
	const char *p = value;

	for (i = 0; i < n; i++) {
		size_t len = strlen(items[i]);
		const char *at = strstr(p, items[i]);

		if (!at)
			return 0;
		if (off <= start + len)
			return (size_t)(at - value) + (off - start);
		p = at + len;
		start += len + 1;
	}
	return 0;
}

static void check_regex_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e, const char *key)
{
	const char *pattern = mm2_filter_joined(e->value, cx->arena), *vars[12];
	struct mm2_jregex_error jerr = {0};
	struct mm2_jregex *re;
	size_t n = 0;

	re = mm2_jregex_compile(pattern, strlen(pattern), &jerr);
	if (re) {
		mm2_jregex_free(re);
		return;
	}
	if (jerr.status != MM2_JREGEX_INVALID) {
		mm2_check_not_applicable(cx, "%s: %s", e->key, jerr.why);
		return;
	}
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "value", vars[n++] = e->value;
	vars[n++] = "why", vars[n++] = jerr.why ? jerr.why : "invalid pattern";
	vars[n++] = "filter", vars[n++] = key;
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity,
		       mm2_entry_value_point(e, value_offset(e->value, jerr.off, cx->arena)),
		       cx->rule->message, vars, mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

static void run_filter_regex(struct mm2_check_ctx *cx)
{
	const struct mm2_doc *doc = &cx->in->doc;
	size_t i;

	if (doc->kind != MM2_KIND_MM2)
		return;
	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];
		const char *key = filter_key_of(e->key);

		if (key && !e->shadowed && !strstr(e->value, "${"))
			check_regex_entry(cx, e, key);
	}
}

static const char *const regex_vars[] = {"key", "value", "why", "filter", NULL};

const struct mm2_builtin mm2_check_filter_regex = {"filter-regex", NULL, run_filter_regex,
						   regex_vars};

/* Names among params.topics that F's filter selects and MM2 would copy. */
static const char *selected_names(struct mm2_check_ctx *cx, const struct mm2_flow *f,
				  const char *inc, const char *exc)
{
	const struct mm2_node *list = mm2_node_get(cx->rule->params, "topics");
	struct mm2_jregex *ri = NULL, *re = NULL;
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	struct mm2_jregex_error jerr;
	const char *res = NULL;
	size_t i, shown = 0, more = 0;

	mm2_strbuf_init(&sb);
	ri = mm2_jregex_compile(inc, strlen(inc), &jerr);
	re = mm2_jregex_compile(exc, strlen(exc), &jerr);
	for (i = 0; ri && re && i < list->nitems; i++) {
		const char *name = scalar_of(mm2_node_get(list->items[i], "name"));
		const char *what = scalar_of(mm2_node_get(list->items[i], "what"));

		/* Only a sure answer counts: an unknown match selects nothing. */
		if (!name || mm2_filter_policy_internal(name, cx->opts->version) ||
		    mm2_jregex_matches(ri, name, strlen(name)) != MM2_JREGEX_MATCH ||
		    mm2_jregex_matches(re, name, strlen(name)) != MM2_JREGEX_NOMATCH)
			continue;
		/* Four names make the point; the rest are counted. */
		if (shown++ < 4)
			mm2_strbuf_addf(&sb, "%s'%s' (%s)", sb.len ? ", " : "", name,
					what ? what : "");
		else
			more++;
	}
	if (more)
		mm2_strbuf_addf(&sb, " and %zu more", more);
	if (ri && re && sb.len)
		res = mm2_arena_strndup(cx->arena, sb.buf, sb.len);
	else if (!ri || !re)
		mm2_check_not_applicable(cx, "%s: the topic filter does not compile", f->name);
	mm2_jregex_free(ri);
	mm2_jregex_free(re);
	mm2_strbuf_release(&sb);
	return res;
}

static void check_flow_filter(struct mm2_check_ctx *cx, const struct mm2_flow *f)
{
	const struct mm2_input *in = cx->in;
	struct mm2_setting inc, exc;
	const char *names, *vars[20], *msg = cx->rule->message;
	enum mm2_severity sev = cx->rule->info.severity;
	const struct mm2_node *idmsg = mm2_node_get(cx->rule->params, "identity_message");
	const char *sep;
	size_t n = 0;

	enum mm2_topo_policy policy = mm2_topo_policy_of(cx, f, &sep);

	/* Another filter or policy class decides for itself what is copied. */
	if (!mm2_filter_is_default(cx, f) || policy == MM2_TOPO_POLICY_UNKNOWN) {
		mm2_check_not_applicable(cx, "%s: a custom topic filter or replication policy",
					 f->name);
		return;
	}
	if (!mm2_lookup(cx->cat, cx->opts->version, &in->doc, f, MM2_AT_CONNECTOR, "topics", &inc,
			NULL, cx->arena) ||
	    strstr(inc.value, "${") || !mm2_filter_exclude(cx, f, &exc))
		return;
	names = selected_names(cx, f, mm2_filter_joined(inc.value, cx->arena),
			       mm2_filter_joined(exc.value, cx->arena));
	if (!names)
		return;
	if (policy == MM2_TOPO_POLICY_IDENTITY) {
		sev = MM2_SEV_ERROR;
		if (idmsg && idmsg->kind == MM2_NODE_SCALAR)
			msg = idmsg->str;
	}
	vars[n++] = "flow", vars[n++] = f->name;
	vars[n++] = "topics", vars[n++] = inc.value;
	vars[n++] = "topics_origin",
	vars[n++] = mm2_setting_origin(in, &inc, cx->opts->version, cx->arena);
	vars[n++] = "exclude", vars[n++] = exc.value;
	vars[n++] = "exclude_origin",
	vars[n++] = mm2_setting_origin(in, &exc, cx->opts->version, cx->arena);
	vars[n++] = "names", vars[n++] = names;
	vars[n++] = "target", vars[n++] = f->target;
	vars[n] = NULL;
	mm2_check_emit(cx, sev, mm2_setting_loc(in, f, inc.origin == MM2_ORIGIN_FILE ? &inc : &exc),
		       msg, vars, mm2_arena_printf(cx->arena, "flow:%s/connector:topics", f->name));
}

static void run_filter_internal(struct mm2_check_ctx *cx)
{
	size_t i;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < cx->in->mm2.nflows; i++)
		if (cx->in->mm2.flows[i].enabled)
			check_flow_filter(cx, &cx->in->mm2.flows[i]);
}

static int validate_internal(const struct mm2_rule *r, struct mm2_error *err)
{
	const struct mm2_node *list = mm2_node_get(r->params, "topics");
	size_t i;

	if (!list || list->kind != MM2_NODE_SEQ || !list->nitems)
		return mm2_error_set(err, MM2_ERULE, "%s: params.topics: a list of {name, what}",
				     r->path);
	for (i = 0; i < list->nitems; i++)
		if (!scalar_of(mm2_node_get(list->items[i], "name")))
			return mm2_error_set(err, MM2_ERULE, "%s:%u: a topic needs 'name'", r->path,
					     list->items[i]->line);
	return 0;
}

static const char *const internal_vars[] = {"flow",	      "topics", "topics_origin", "exclude",
					    "exclude_origin", "names",	"target",	 NULL};

const struct mm2_builtin mm2_check_filter_internal = {
	"filter-selects-internal-topics", validate_internal, run_filter_internal, internal_vars};
