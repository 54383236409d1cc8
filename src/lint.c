/*
 * A lint run over one file (lint.h): front-end, model, resolver, then the rule
 * engine; plus the helpers every check uses to place and word its findings.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "banned.h"

static const struct mm2_rule_info parse_rule_fallback = {
	"MM2-PARSE-001", "parse-error", "The file cannot be parsed", "", "", "", "syntax",
	MM2_SEV_ERROR,	 NULL,
};

void mm2_lint_opts_init(struct mm2_lint_opts *o, const struct mm2_catalog *cat)
{
	memset(o, 0, sizeof(*o));
	o->version = cat->newest;
	o->latency_multiplier = 10;
}

/* "S->T=MS": the flow and its round trip; false if malformed. */
static bool latency_parse(const char *arg, const char **flow, double *ms, struct mm2_arena *arena)
{
	const char *eq = strrchr(arg, '='), *arrow = strstr(arg, "->");

	if (!eq || !arrow || arrow == arg || arrow + 2 >= eq)
		return false;
	if (!mm2_parse_double(eq + 1, strlen(eq + 1), ms) || *ms <= 0)
		return false;
	*flow = mm2_arena_strndup(arena, arg, (size_t)(eq - arg));
	return true;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

__attribute__((format(printf, 1, 2))) static int opt_error(const char *fmt, ...)
{
	va_list ap;

	fputs("mm2lint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

int mm2_lint_option(struct mm2_lint_opts *o, const struct mm2_catalog *cat, struct mm2_arena *arena,
		    int argc, const char *const *argv, int i)
{
	const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
	double d;

	if (strcmp(opt, "--latency") && strcmp(opt, "--latency-multiplier") &&
	    strcmp(opt, "--kafka-version"))
		return 0;
	if (!val)
		return opt_error("option '%s' needs a value", opt);
	if (strcmp(opt, "--latency") == 0) {
		const char *flow;
		double ms;

		if (!latency_parse(val, &flow, &ms, arena))
			return opt_error("--latency takes SOURCE->TARGET=MILLISECONDS, not '%s'",
					 val);
		mm2_facts_set_flow(&o->facts, flow, MM2_FACT_RTT_MS, ms, arena);
	} else if (strcmp(opt, "--latency-multiplier") == 0) {
		if (!mm2_parse_double(val, strlen(val), &d) || d <= 0)
			return opt_error("--latency-multiplier takes a positive number, not '%s'",
					 val);
		o->latency_multiplier = d;
	} else {
		mm2_version v = mm2_version_parse(val);
		char buf[8];

		if (v < 0 || !mm2_version_known(cat, v)) {
			fprintf(stderr,
				"mm2lint: --kafka-version '%s' is not a Kafka release mm2lint "
				"knows "
				"(2.4 to 2.8, 3.0 to 3.9, 4.0 to %s)\n",
				val, mm2_version_str(cat->newest, buf));
			return -1;
		}
		o->version = v;
	}
	return 2;
}

enum mm2_format mm2_format_for(const char *path)
{
	if (ends_with(path, ".yaml") || ends_with(path, ".yml"))
		return MM2_FORMAT_YAML;
	if (ends_with(path, ".json"))
		return MM2_FORMAT_JSON;
	return MM2_FORMAT_PROPERTIES;
}

static struct mm2_loc point(const struct mm2_source *src, unsigned line, unsigned col)
{
	struct mm2_loc l = {src, line, col, 0, 0};

	return l;
}

static const struct mm2_rule_info template_rule_fallback = {
	"MM2-PARSE-002", "template", "The file is a template", "", "", "", "syntax",
	MM2_SEV_NOTE,	 NULL,
};

static const struct mm2_rule_info *parse_rule(const struct mm2_ruleset *rs)
{
	const struct mm2_rule *r = rs ? mm2_ruleset_find(rs, "MM2-PARSE-001") : NULL;

	return r ? &r->info : &parse_rule_fallback;
}

/*
 * A Helm, Go or Jinja template: "{{ … }}" or "{% … %}" within one line. Returns
 * the byte offset of the first, or SIZE_MAX.
 */
static size_t template_offset(const struct mm2_source *src)
{
	const char *p = src->data, *end = src->data + src->len;

	while ((p = memchr(p, '{', (size_t)(end - p))) && p + 1 < end) {
		char close = p[1] == '{' ? '}' : p[1] == '%' ? '%' : 0;
		const char *q;

		for (q = p + 2; close && q + 1 < end && *q != '\n' && *q != '\r'; q++)
			if (q[0] == close && q[1] == '}')
				return (size_t)(p - src->data);
		p++;
	}
	return SIZE_MAX;
}

/* A template is linted once rendered; until then nothing in it can be trusted. */
static bool templated(struct mm2_input *in, const struct mm2_ruleset *rs, struct mm2_diags *out,
		      struct mm2_arena *arena)
{
	size_t off = template_offset(in->src);
	const struct mm2_rule *r = rs ? mm2_ruleset_find(rs, "MM2-PARSE-002") : NULL;
	unsigned line, col;

	if (off == SIZE_MAX)
		return false;
	mm2_source_pos(in->src, off, &line, &col);
	if (!r || r->info.severity != MM2_SEV_OFF)
		mm2_diags_add(
			out, r ? &r->info : &template_rule_fallback,
			r ? r->info.severity : MM2_SEV_NOTE, point(in->src, line, col),
			mm2_arena_printf(arena,
					 "the file is a template ('%.2s' here), not a %s file "
					 "yet; lint what it renders to, e.g. the output of "
					 "helm template",
					 in->src->data + off,
					 in->format == MM2_FORMAT_PROPERTIES ? ".properties"
					 : in->format == MM2_FORMAT_JSON     ? "JSON"
									     : "YAML"),
			"template");
	in->doc.parse_failed = true;
	return true;
}

static void parse_finding(const struct mm2_ruleset *rs, struct mm2_diags *out, struct mm2_loc loc,
			  const char *msg)
{
	mm2_diags_add(out, parse_rule(rs), MM2_SEV_ERROR, loc, msg, "parse");
}

/*
 * YAML and JSON are read into a node tree and checked for syntax; the shapes
 * mm2lint understands in them (Strimzi resources, Connect JSON) come later, so a
 * file that parses has no other findings yet.
 */
static void read_yaml(struct mm2_input *in, struct mm2_source *src, struct mm2_arena *arena,
		      const struct mm2_ruleset *rs, struct mm2_diags *out)
{
	struct mm2_yaml_docs docs;

	mm2_doc_from_props(&in->doc, src, &in->props, arena); /* an empty model */
	in->doc.parse_failed = true;
	if (templated(in, rs, out, arena))
		return;
	if (mm2_yaml_parse(&docs, src, arena, &in->err) < 0) {
		in->unusable = true;
	} else if (docs.failed) {
		parse_finding(rs, out, point(src, docs.error_line, docs.error_col),
			      mm2_arena_printf(arena, "%s: not valid %s", docs.error_msg,
					       in->format == MM2_FORMAT_JSON ? "JSON" : "YAML"));
	}
}

/* No output may show a password: the text reporter masks these bytes. */
static void mark_secrets(struct mm2_source *src, const struct mm2_props *props,
			 const struct mm2_catalog *cat)
{
	size_t i;

	for (i = 0; i < props->n; i++) {
		const struct mm2_prop *p = &props->v[i];

		if (p->value_len && mm2_catalog_is_secret(cat, p->key))
			mm2_source_mark_secret(src, p->value_off, p->end_off - p->value_off);
	}
}

void mm2_input_read(struct mm2_input *in, struct mm2_source *src, const struct mm2_catalog *cat,
		    const struct mm2_lint_opts *opts, struct mm2_arena *arena,
		    const struct mm2_ruleset *rs, struct mm2_diags *out)
{
	memset(in, 0, sizeof(*in));
	in->src = src;
	in->format = mm2_format_for(src->path);
	if (in->format != MM2_FORMAT_PROPERTIES) {
		read_yaml(in, src, arena, rs, out);
		return;
	}
	/* Kafka reads .properties through Properties.load(InputStream): ISO-8859-1. */
	src->latin1 = true;
	mm2_props_parse(&in->props, src, arena);
	mm2_doc_from_props(&in->doc, src, &in->props, arena);
	if (in->props.failed) {
		parse_finding(
			rs, out, point(src, in->props.error_line, in->props.error_col),
			mm2_arena_printf(arena,
					 "%s: java.util.Properties rejects the whole file, so "
					 "Kafka reads none of it; write \\uXXXX with exactly "
					 "four hex digits, or \\\\u for a literal backslash-u",
					 in->props.error_msg));
		return;
	}
	mark_secrets(src, &in->props, cat);
	if (templated(in, rs, out, arena))
		return;
	mm2_doc_detect_kind(&in->doc, cat);
	if (in->doc.kind == MM2_KIND_MM2) {
		mm2_resolve(&in->mm2, &in->doc, cat, opts->version, arena);
		in->resolved = true;
	}
}

void mm2_input_release(struct mm2_input *in)
{
	if (in->resolved)
		mm2_resolve_release(&in->mm2);
	mm2_doc_release(&in->doc);
	mm2_props_release(&in->props);
}

#define MAX_SHOWN_VALUE 240

const char *mm2_render(const char *tmpl, const char *const *vars, struct mm2_arena *arena)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	const char *p = tmpl, *open, *close, *res;
	size_t i;

	mm2_strbuf_init(&sb);
	while ((open = strstr(p, "{{")) && (close = strstr(open + 2, "}}"))) {
		size_t nlen = (size_t)(close - open - 2);
		const char *val = NULL;

		mm2_strbuf_add(&sb, p, (size_t)(open - p));
		for (i = 0; vars && vars[i]; i += 2)
			if (strlen(vars[i]) == nlen && memcmp(vars[i], open + 2, nlen) == 0)
				val = vars[i + 1];
		if (val && strlen(val) > MAX_SHOWN_VALUE)
			/* A 3 MB topic list helps nobody in a one-line message. */
			mm2_strbuf_addf(&sb, "%.*s... (%zu characters)", MAX_SHOWN_VALUE - 40, val,
					strlen(val));
		else if (val)
			mm2_strbuf_addstr(&sb, val);
		else
			mm2_strbuf_add(&sb, open, (size_t)(close + 2 - open));
		p = close + 2;
	}
	mm2_strbuf_addstr(&sb, p);
	/* Folded YAML leaves no trailing newline worth keeping in a one-line message. */
	while (sb.len && (sb.buf[sb.len - 1] == '\n' || sb.buf[sb.len - 1] == ' '))
		sb.buf[--sb.len] = '\0';
	res = mm2_arena_strndup(arena, sb.buf, sb.len);
	mm2_strbuf_release(&sb);
	return res;
}

static const char *var(const char *const *vars, const char *name)
{
	size_t i;

	for (i = 0; vars && vars[i]; i += 2)
		if (strcmp(vars[i], name) == 0)
			return vars[i + 1];
	return NULL;
}

/* Anchors read "flow:S->T/<place>:<key>": what follows the flow names the setting. */
static const char *anchor_setting(const char *anchor)
{
	const char *slash = anchor ? strchr(anchor, '/') : NULL;

	return slash ? slash : anchor ? anchor : "";
}

static bool same_place(const struct mm2_diag *d, const struct mm2_rule_info *rule,
		       const struct mm2_loc *loc, const char *anchor)
{
	return d->rule == rule && d->loc.src == loc->src && d->loc.line == loc->line &&
	       d->loc.col == loc->col &&
	       strcmp(anchor_setting(d->anchor), anchor_setting(anchor)) == 0;
}

/* The same rule firing at the same place for another flow: list the flow there. */
static bool merge_flow(struct mm2_check_ctx *cx, struct mm2_loc loc, const char *tmpl,
		       const char *const *vars, const char *anchor)
{
	const char *flow = var(vars, "flow");
	const char *rendered[64];
	size_t i, g, n;

	for (i = 0; i < cx->out->n; i++)
		if (same_place(&cx->out->v[i], &cx->rule->info, &loc, anchor))
			break;
	if (i == cx->out->n)
		return false;
	if (!flow || !*flow)
		return true;
	for (g = 0; g < cx->ngroups && cx->groups[g].diag != i; g++)
		;
	if (g == cx->ngroups) {
		MM2_GROW(cx->groups, cx->groups_alloc, cx->ngroups + 1);
		cx->groups[g].diag = i;
		cx->groups[g].flows = NULL;
		cx->ngroups++;
	}
	if (cx->groups[g].flows && strstr(cx->groups[g].flows, flow))
		return true;
	cx->groups[g].flows = cx->groups[g].flows ? mm2_arena_printf(cx->arena, "%s, %s",
								     cx->groups[g].flows, flow)
						  : NULL;
	if (!cx->groups[g].flows)
		return true; /* the first flow's name is unknown here: keep its message */
	for (n = 0; n < 62 && vars[n]; n += 2) {
		rendered[n] = vars[n];
		rendered[n + 1] = strcmp(vars[n], "flow") == 0 ? cx->groups[g].flows : vars[n + 1];
	}
	rendered[n] = NULL;
	cx->out->v[i].message = mm2_render(tmpl, rendered, cx->arena);
	return true;
}

struct mm2_diag *mm2_check_emit(struct mm2_check_ctx *cx, enum mm2_severity sev, struct mm2_loc loc,
				const char *message, const char *const *vars, const char *anchor)
{
	const char *flow = var(vars, "flow");
	struct mm2_diag *d;

	if (merge_flow(cx, loc, message, vars, anchor))
		return NULL;
	d = mm2_diags_add(cx->out, &cx->rule->info, sev, loc, mm2_render(message, vars, cx->arena),
			  anchor);
	if (flow && *flow) {
		MM2_GROW(cx->groups, cx->groups_alloc, cx->ngroups + 1);
		cx->groups[cx->ngroups].diag = cx->out->n - 1;
		cx->groups[cx->ngroups].flows = mm2_arena_strdup(cx->arena, flow);
		cx->ngroups++;
	}
	return d;
}

void mm2_check_not_applicable(struct mm2_check_ctx *cx, const char *fmt, ...)
{
	va_list ap;

	if (!cx->opts->verbose)
		return;
	fprintf(cx->opts->verbose, "%s: %s not applicable: ", cx->in->src->path, cx->rule->info.id);
	va_start(ap, fmt);
	vfprintf(cx->opts->verbose, fmt, ap);
	va_end(ap);
	fputc('\n', cx->opts->verbose);
}

struct mm2_loc mm2_setting_loc(const struct mm2_input *in, const struct mm2_flow *f,
			       const struct mm2_setting *s)
{
	const struct mm2_entry *e = s->origin == MM2_ORIGIN_FILE ? s->entry : NULL;

	if (e)
		return e->value_len ? e->value_loc : e->key_loc;
	if (f && f->enabled_entry)
		return f->enabled_entry->key_loc;
	if (f && in->mm2.clusters_entry)
		return in->mm2.clusters_entry->key_loc;
	return point(in->src, 1, 1);
}

const char *mm2_setting_origin(const struct mm2_input *in, const struct mm2_setting *s,
			       mm2_version v, struct mm2_arena *arena)
{
	char buf[8];

	switch (s->origin) {
	case MM2_ORIGIN_FILE:
		return mm2_arena_printf(arena, "set at line %u", s->entry->key_loc.line);
	case MM2_ORIGIN_FORCED:
		return s->note ? s->note : "set by MirrorMaker 2";
	default:
		return mm2_arena_printf(arena, "default in Kafka %s", mm2_version_str(v, buf));
	}
}
