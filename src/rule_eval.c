/*
 * The rule engine: evaluates declarative rules (rules.h) over the effective
 * settings of a document, in three-valued logic, and turns a failed assertion
 * into one finding anchored where the offending value was set.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "banned.h"

enum tv { TV_FALSE, TV_TRUE, TV_UNKNOWN };

/* One evaluation: a place (flow and client, or the file) and the rule's subject. */
struct eval {
	struct mm2_check_ctx *cx;
	const struct mm2_flow *flow;
	enum mm2_at at;
	const struct mm2_subject *subject;
	/* the first leaf that made the assertion false, for the message and anchor */
	bool have_failed;
	const char *failed_key;
	enum mm2_at failed_at;
	struct mm2_setting lhs, rhs;
	bool have_rhs;
	const char *unknown_why; /* for --verbose */
	/* the first value seen that the file sets: the anchor when the failing value
	 * is a default */
	struct mm2_setting evidence;
	bool have_evidence;
	bool invert; /* inside not: a true leaf is the failing one */
};

static bool lookup(struct eval *ev, const char *key, int at, struct mm2_setting *out,
		   const struct mm2_key **def)
{
	const struct mm2_check_ctx *cx = ev->cx;
	enum mm2_at place = at < 0 ? ev->at : (enum mm2_at)at;

	return mm2_lookup(cx->cat, cx->opts->version, &cx->in->doc, ev->flow, place, key, out, def,
			  cx->arena);
}

static const char *const cluster_fact_keys[] = {
	"min-insync-replicas",
	"default-replication-factor",
	"brokers",
	"transaction-max-timeout-ms",
};

/* A fact as a setting (origin: the settings), or false with the reason recorded. */
static bool fact_value(struct eval *ev, const struct mm2_fact_ref *f, struct mm2_setting *out)
{
	const struct mm2_facts *facts = &ev->cx->opts->facts;
	struct mm2_arena *a = ev->cx->arena;
	const struct mm2_flow *fl = ev->flow;
	const char *hint = "";
	double v = 0;
	bool ok = false;

	memset(out, 0, sizeof(*out));
	out->origin = MM2_ORIGIN_FORCED;
	out->note = "from the settings";
	if (f->scope == MM2_FACTS_GLOBAL) {
		ok = facts->have_rpo;
		v = facts->rpo_seconds;
		hint = "rpo-seconds in [objectives] of .mm2lint.ini";
	} else if (f->scope == MM2_FACTS_FLOW && fl) {
		ok = mm2_facts_flow(facts, fl->name, (enum mm2_flow_fact)f->which, &v);
		hint = mm2_arena_printf(a, "%s in [flow %s] of .mm2lint.ini%s",
					f->which == MM2_FACT_RTT_MS ? "rtt-ms" : "bandwidth-mbps",
					fl->name,
					f->which == MM2_FACT_RTT_MS ? ", or --latency" : "");
	} else if (fl) {
		const char *alias = f->scope == MM2_FACTS_SOURCE ? fl->source : fl->target;

		ok = mm2_facts_cluster(facts, alias, (enum mm2_cluster_fact)f->which, &v);
		hint = mm2_arena_printf(a, "%s in [cluster %s] of .mm2lint.ini",
					cluster_fact_keys[f->which], alias);
	}
	if (!ok) {
		if (!ev->unknown_why)
			ev->unknown_why =
				mm2_arena_printf(a, "the fact %s is not known (%s)", f->path, hint);
		return false;
	}
	out->value = v == (double)(long long)v ? mm2_arena_printf(a, "%lld", (long long)v)
					       : mm2_arena_printf(a, "%g", v);
	return true;
}

/* The text ConfigDef would parse: trimmed; NULL when mm2lint cannot know it. */
static const char *usable(const struct mm2_setting *s, size_t *len)
{
	const char *v = s->value;

	if (!v || strstr(v, "${"))
		return NULL;
	*len = strlen(v);
	mm2_java_trim(&v, len);
	return v;
}

static bool is_numeric(enum mm2_type t)
{
	return t == MM2_TYPE_INT || t == MM2_TYPE_SHORT || t == MM2_TYPE_LONG ||
	       t == MM2_TYPE_DOUBLE;
}

/* Compare A with B as TYPE: -1, 0, 1, or 2 when either cannot be read as TYPE. */
static int compare(const char *a, size_t alen, const char *b, size_t blen, enum mm2_type type,
		   bool ordered)
{
	double x, y;
	int64_t i, j;

	if (type == MM2_TYPE_BOOLEAN) {
		bool ta = mm2_streq_icase(a, alen, "true"), tb = mm2_streq_icase(b, blen, "true");

		if ((!ta && !mm2_streq_icase(a, alen, "false")) ||
		    (!tb && !mm2_streq_icase(b, blen, "false")) || ordered)
			return 2;
		return ta == tb ? 0 : 1;
	}
	if (is_numeric(type) || ordered) {
		if (mm2_parse_long(a, alen, &i) && mm2_parse_long(b, blen, &j))
			return i < j ? -1 : i > j;
		if (type != MM2_TYPE_DOUBLE || !mm2_parse_double(a, alen, &x) ||
		    !mm2_parse_double(b, blen, &y))
			return 2;
		return x < y ? -1 : x > y;
	}
	if (alen != blen)
		return 1;
	return memcmp(a, b, alen) ? 1 : 0;
}

static enum tv eval_set(const char *v, size_t len, enum mm2_type type, const struct mm2_pred *p)
{
	size_t i;
	bool unknown = false;

	for (i = 0; i < p->nset; i++) {
		int c = compare(v, len, p->set[i], strlen(p->set[i]), type, false);

		if (c == 0)
			return p->op == MM2_OP_IN ? TV_TRUE : TV_FALSE;
		if (c == 2)
			unknown = true;
	}
	if (unknown)
		return TV_UNKNOWN;
	return p->op == MM2_OP_IN ? TV_FALSE : TV_TRUE;
}

static enum tv eval_contains(struct eval *ev, const char *v, const char *item)
{
	const char **items;
	size_t i, n = mm2_split_list(v, &items, ev->cx->arena);

	for (i = 0; i < n; i++)
		if (strcmp(items[i], item) == 0)
			return TV_TRUE;
	return TV_FALSE;
}

static enum tv eval_cmp(struct eval *ev, const struct mm2_pred *p, const char *v, size_t len,
			enum mm2_type type, struct mm2_setting *rhs, bool *have_rhs)
{
	const char *r = p->rhs_value;
	size_t rlen;
	int c;

	if (p->rhs_fact.path) {
		if (!fact_value(ev, &p->rhs_fact, rhs))
			return TV_UNKNOWN;
		*have_rhs = true;
		r = rhs->value;
		rlen = strlen(r);
		if (type != MM2_TYPE_DOUBLE && !is_numeric(type))
			type = MM2_TYPE_DOUBLE;
	} else if (p->rhs_key) {
		const struct mm2_key *rdef;

		if (!lookup(ev, p->rhs_key, p->rhs_at, rhs, &rdef))
			return TV_UNKNOWN;
		*have_rhs = true;
		r = usable(rhs, &rlen);
		if (!r)
			return TV_UNKNOWN;
	} else {
		rlen = strlen(r);
	}
	c = compare(v, len, r, rlen, type, p->op >= MM2_OP_LT && p->op <= MM2_OP_GE);
	if (c == 2)
		return TV_UNKNOWN;
	switch (p->op) {
	case MM2_OP_EQ:
		return c == 0 ? TV_TRUE : TV_FALSE;
	case MM2_OP_NE:
		return c != 0 ? TV_TRUE : TV_FALSE;
	case MM2_OP_LT:
		return c < 0 ? TV_TRUE : TV_FALSE;
	case MM2_OP_LE:
		return c <= 0 ? TV_TRUE : TV_FALSE;
	case MM2_OP_GT:
		return c > 0 ? TV_TRUE : TV_FALSE;
	case MM2_OP_GE:
		return c >= 0 ? TV_TRUE : TV_FALSE;
	default:
		return TV_UNKNOWN;
	}
}

static enum tv eval_leaf(struct eval *ev, const struct mm2_pred *p, bool record)
{
	const char *key = p->fact.path ? p->fact.path : p->key ? p->key : ev->subject->key;
	struct mm2_setting lhs, rhs = {0};
	const struct mm2_key *def = NULL;
	bool have = p->fact.path ? fact_value(ev, &p->fact, &lhs)
				 : lookup(ev, key, p->at, &lhs, &def),
	     have_rhs = false;
	enum mm2_type type = p->fact.path ? MM2_TYPE_DOUBLE : def ? def->type : MM2_TYPE_STRING;

	if (p->fact.path && !have)
		return TV_UNKNOWN;
	const char *v;
	size_t len;
	enum tv r;

	if (lhs.origin == MM2_ORIGIN_FILE && !ev->have_evidence) {
		ev->evidence = lhs;
		ev->have_evidence = true;
	}
	if (p->op == MM2_OP_PRESENT) {
		r = (lhs.origin == MM2_ORIGIN_FILE) == p->want_present ? TV_TRUE : TV_FALSE;
	} else if (!have || !(v = usable(&lhs, &len))) {
		if (!ev->unknown_why)
			ev->unknown_why = mm2_arena_printf(
				ev->cx->arena, "'%s' has no value mm2lint can read", key);
		return TV_UNKNOWN;
	} else if (p->op == MM2_OP_IN || p->op == MM2_OP_NOT_IN) {
		r = eval_set(v, len, type, p);
	} else if (p->op == MM2_OP_CONTAINS) {
		r = eval_contains(ev, lhs.value, p->rhs_value);
	} else {
		r = eval_cmp(ev, p, v, len, type, &rhs, &have_rhs);
	}
	if (record && (r == TV_FALSE) != ev->invert && r != TV_UNKNOWN && !ev->have_failed) {
		ev->have_failed = true;
		ev->failed_key = key;
		ev->failed_at = p->at < 0 ? ev->at : (enum mm2_at)p->at;
		ev->lhs = lhs;
		ev->rhs = rhs;
		ev->have_rhs = have_rhs;
	}
	return r;
}

/* RECORD: remember the first false leaf (assertions); conditions do not. */
static enum tv eval_pred(struct eval *ev, const struct mm2_pred *p, bool record)
{
	enum tv r, acc;
	size_t i;

	switch (p->kind) {
	case MM2_PRED_LEAF:
		return eval_leaf(ev, p, record);
	case MM2_PRED_NOT:
		ev->invert = !ev->invert;
		r = eval_pred(ev, p->kids[0], record);
		ev->invert = !ev->invert;
		return r == TV_UNKNOWN ? r : r == TV_TRUE ? TV_FALSE : TV_TRUE;
	case MM2_PRED_ALL:
		acc = TV_TRUE;
		for (i = 0; i < p->nkids; i++) {
			r = eval_pred(ev, p->kids[i], record);
			if (r == TV_FALSE)
				return TV_FALSE;
			if (r == TV_UNKNOWN)
				acc = TV_UNKNOWN;
		}
		return acc;
	case MM2_PRED_ANY:
		acc = TV_FALSE;
		for (i = 0; i < p->nkids; i++) {
			r = eval_pred(ev, p->kids[i], record && i == 0);
			if (r == TV_TRUE)
				return TV_TRUE;
			if (r == TV_UNKNOWN)
				acc = TV_UNKNOWN;
		}
		return acc;
	}
	return TV_UNKNOWN;
}

static const char *render_value(struct mm2_arena *a, const struct mm2_setting *s)
{
	return s->value ? s->value : "(none)";
}

static void fire(struct eval *ev)
{
	struct mm2_check_ctx *cx = ev->cx;
	const struct mm2_rule *rule = cx->rule;
	struct mm2_arena *a = cx->arena;
	enum mm2_severity sev = rule->info.severity;
	const char *msg = rule->message;
	const char *vars[40];
	struct mm2_diag *d;
	size_t i, n = 0;
	const char *anchor;

	for (i = 0; i < rule->nlevels; i++) {
		struct eval probe = *ev;

		if (eval_pred(&probe, rule->levels[i].when, false) == TV_TRUE) {
			sev = rule->levels[i].severity;
			if (rule->levels[i].message)
				msg = rule->levels[i].message;
			break;
		}
	}
	vars[n++] = "key", vars[n++] = ev->failed_key;
	vars[n++] = "value";
	vars[n++] = mm2_catalog_is_secret(cx->cat, ev->failed_key) ? "[redacted]"
								   : render_value(a, &ev->lhs);
	vars[n++] = "origin";
	vars[n++] = mm2_setting_origin(cx->in, &ev->lhs, cx->opts->version, a);
	vars[n++] = "right", vars[n++] = ev->have_rhs ? render_value(a, &ev->rhs) : "";
	vars[n++] = "right_origin";
	vars[n++] = ev->have_rhs ? mm2_setting_origin(cx->in, &ev->rhs, cx->opts->version, a) : "";
	vars[n++] = "client", vars[n++] = mm2_at_title(ev->failed_at);
	vars[n++] = "flow", vars[n++] = ev->flow ? ev->flow->name : "";
	vars[n++] = "source", vars[n++] = ev->flow ? ev->flow->source : "";
	vars[n++] = "target", vars[n++] = ev->flow ? ev->flow->target : "";
	vars[n++] = "kind", vars[n++] = mm2_kind_name(cx->in->doc.kind);
	vars[n++] = "place";
	vars[n++] = ev->flow ? mm2_arena_printf(a, "%s: %s", ev->flow->name,
						mm2_at_title(ev->failed_at))
			     : mm2_arena_printf(a, "%s file", mm2_kind_name(cx->in->doc.kind));
	vars[n] = NULL;
	anchor = mm2_arena_printf(a, "%s%s/%s:%s", ev->flow ? "flow:" : "file",
				  ev->flow ? ev->flow->name : "", mm2_at_name(ev->failed_at),
				  ev->failed_key);
	d = mm2_check_emit(cx, sev,
			   mm2_setting_loc(cx->in, ev->flow,
					   ev->lhs.origin != MM2_ORIGIN_FILE && ev->have_evidence
						   ? &ev->evidence
						   : &ev->lhs),
			   msg, vars, anchor);
	if (d && ev->have_rhs && ev->rhs.origin == MM2_ORIGIN_FILE)
		mm2_diag_add_related(cx->out, d, mm2_setting_loc(cx->in, ev->flow, &ev->rhs),
				     mm2_arena_printf(a, "%s is set here", ev->rhs.entry->key));
}

static void eval_place(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
		       const struct mm2_subject *subj)
{
	struct eval ev = {0};
	enum tv r;

	ev.cx = cx;
	ev.flow = f;
	ev.at = at;
	ev.subject = subj;

	if (cx->rule->when && eval_pred(&ev, cx->rule->when, false) != TV_TRUE) {
		if (ev.unknown_why)
			mm2_check_not_applicable(cx, "%s%s%s", f ? f->name : "", f ? ": " : "",
						 ev.unknown_why);
		return;
	}
	r = eval_pred(&ev, cx->rule->assert, true);
	if (r == TV_FALSE && ev.have_failed)
		fire(&ev);
	else if (r == TV_UNKNOWN && ev.unknown_why)
		mm2_check_not_applicable(cx, "%s%s%s", f ? f->name : "", f ? ": " : "",
					 ev.unknown_why);
}

static void run_declarative(struct mm2_check_ctx *cx)
{
	const struct mm2_rule *rule = cx->rule;
	const struct mm2_input *in = cx->in;
	size_t s, i;

	for (s = 0; s < rule->nsubjects; s++) {
		const struct mm2_subject *subj = &rule->subjects[s];

		if (subj->at == MM2_AT_FILE) {
			if (!subj->kinds || (subj->kinds & (1u << in->doc.kind)))
				eval_place(cx, NULL, MM2_AT_FILE, subj);
			continue;
		}
		if (!in->resolved)
			continue;
		for (i = 0; i < in->mm2.nflows; i++) {
			const struct mm2_flow *f = &in->mm2.flows[i];

			if (f->enabled || (rule->all_flows && mm2_flow_has_herder(f)))
				eval_place(cx, f, subj->at, subj);
		}
	}
}

void mm2_lint_input(const struct mm2_input *in, const struct mm2_ruleset *rs,
		    const struct mm2_lint_opts *opts, struct mm2_arena *arena,
		    struct mm2_diags *out)
{
	size_t i, first = out->n;

	if (in->doc.parse_failed)
		return;
	for (i = 0; i < rs->n; i++) {
		const struct mm2_rule *rule = rs->v[i];
		struct mm2_check_ctx cx = {rule, in, rs->cat, opts, arena, out, NULL, 0, 0};

		if (opts->only_rule && strcmp(opts->only_rule, rule->info.id) != 0)
			continue;
		if (rule->info.severity == MM2_SEV_OFF)
			continue;
		if (rule->builtin)
			rule->builtin->run(&cx);
		else
			run_declarative(&cx);
		free(cx.groups);
	}
	mm2_suppress_apply(in, rs, opts, arena, out, first);
}
