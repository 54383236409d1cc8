/*
 * Built-in checks about keys themselves: unknown (with "did you mean"),
 * deprecated or removed, and set where nothing reads them. Each key is placed
 * first (keys_route.c); the value checks are in keys_typed.c, the checks of
 * the raw text in keys_text.c.
 */
#include <stdio.h>
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "check.h"
#include "keys_checks.h"
#include "keys_route.h"
#include "keys_suggest.h"
#include "banned.h"

static const char *version_str(mm2_version v, struct mm2_arena *a)
{
	char buf[8];

	return mm2_arena_strdup(a, mm2_version_str(v, buf));
}

/* The first version a key exists in ("2.4-4.3" → "2.4"). */
static const char *first_version(const struct mm2_key *k, struct mm2_arena *a)
{
	return mm2_arena_strndup(a, k->present_in, strcspn(k->present_in, "-,"));
}

static bool top_ok(const struct mm2_key *k)
{
	return k->scope == MM2_SCOPE_MM2
		       ? (k->defined_in & (MM2_DEF_MAKER | MM2_DEF_CONNECTOR | MM2_DEF_CLIENT)) != 0
		       : mm2_keys_worker_copied(k->name);
}

static bool flow_ok(const struct mm2_key *k)
{
	unsigned bits = k->defined_in;

	return bits == 0 || (bits != MM2_DEF_MAKER && bits != MM2_DEF_CLIENT);
}

static void try_scope(struct mm2_keys_suggest *sg, const struct mm2_check_ctx *cx, enum mm2_scope s,
		      bool (*ok)(const struct mm2_key *))
{
	size_t i;

	for (i = 0; i < cx->cat->nkeys[s]; i++) {
		const struct mm2_key *k = &cx->cat->keys[s][i];

		if (mm2_key_present(k, cx->opts->version) && !k->internal && (!ok || ok(k)))
			mm2_keys_suggest_try(sg, k->name);
	}
}

static bool client_set_key(const struct mm2_key *k)
{
	return (k->defined_in & MM2_DEF_CLIENT) &&
	       (strcmp(k->name, "bootstrap.servers") == 0 ||
		strcmp(k->name, "security.protocol") == 0 || strncmp(k->name, "ssl.", 4) == 0 ||
		strncmp(k->name, "sasl.", 5) == 0);
}

/* The nearest real key for R's scope and place, with R's prefix; NULL if none. */
static const char *suggestion(const struct mm2_check_ctx *cx, const struct mm2_keys_reading *r,
			      unsigned *dist)
{
	struct mm2_keys_suggest sg;

	mm2_keys_suggest_init(&sg, r->rest, 0);
	if (r->role != MM2_ROLE_NONE || r->place == MM2_KP_FILE) {
		try_scope(&sg, cx, r->scope, NULL);
	} else if (r->place == MM2_KP_TOP) {
		try_scope(&sg, cx, MM2_SCOPE_MM2, top_ok);
		try_scope(&sg, cx, MM2_SCOPE_WORKER, top_ok);
	} else if (r->place == MM2_KP_FLOW) {
		try_scope(&sg, cx, MM2_SCOPE_MM2, flow_ok);
	} else {
		try_scope(&sg, cx, MM2_SCOPE_WORKER, NULL);
		try_scope(&sg, cx, MM2_SCOPE_MM2, client_set_key);
	}
	*dist = sg.dist;
	return sg.best ? mm2_arena_printf(cx->arena, "%s%s", r->prefix, sg.best) : NULL;
}

/* params.invented: [{key, hint}]: keys people write that Kafka never had. */
static const char *invented_hint(const struct mm2_check_ctx *cx, const char *rest)
{
	const struct mm2_node *list = mm2_node_get(cx->rule->params, "invented");
	size_t i;

	for (i = 0; list && i < list->nitems; i++) {
		const char *k = scalar_of(mm2_node_get(list->items[i], "key"));

		if (k && strcmp(k, rest) == 0)
			return scalar_of(mm2_node_get(list->items[i], "hint"));
	}
	return NULL;
}

static const char *unknown_consequence(const struct mm2_check_ctx *cx,
				       const struct mm2_keys_reading *r)
{
	struct mm2_arena *a = cx->arena;

	if (r->verdict == MM2_KV_NOT_YET)
		return mm2_arena_printf(a,
					"Kafka %s does not have it yet (it exists from %s) and "
					"ignores it",
					version_str(cx->opts->version, a),
					first_version(r->key, a));
	if (r->role != MM2_ROLE_NONE)
		return mm2_arena_printf(a,
					"the %s clients ignore it (Kafka logs it as an unused "
					"config at most)",
					mm2_scope_name(r->scope));
	switch (r->place) {
	case MM2_KP_TOP:
		return r->scope == MM2_SCOPE_WORKER
			       ? "MirrorMaker 2 copies it into every Connect worker, which ignores "
				 "it"
			       : "MirrorMaker 2 keeps only the top-level keys it defines and drops "
				 "this one without a word";
	case MM2_KP_FLOW:
		return mm2_arena_printf(a, "the connectors of %s store it and never read it",
					r->flow->name);
	case MM2_KP_CLUSTER:
		return mm2_arena_printf(a,
					"it reaches the Connect workers writing into %s, which "
					"ignore it",
					r->cluster);
	default:
		return mm2_arena_printf(a,
					"the %s ignores it (Kafka logs it as an unused config "
					"at most)",
					mm2_kind_name(cx->in->doc.kind));
	}
}

static void unknown_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e,
			  const struct mm2_keys_reading *r)
{
	const char *hint = r->verdict == MM2_KV_UNKNOWN ? invented_hint(cx, r->rest) : NULL;
	const char *best = NULL, *alias_tail, *vars[12];
	unsigned dist = ~0u;
	size_t n = 0;

	if (r->verdict == MM2_KV_UNKNOWN && !hint) {
		best = suggestion(cx, r, &dist);
		if (r->place == MM2_KP_TOP && (alias_tail = mm2_keys_misplaced_alias(cx, e->key)))
			best = alias_tail, dist = 1;
	}
	/* Where a plugin may read any key, only a near miss of a real key is a finding. */
	if (r->verdict == MM2_KV_UNKNOWN && !r->strict && !hint && (!best || dist > 2)) {
		mm2_check_not_applicable(cx, "'%s' %s: no Kafka key, but a plugin may read it",
					 e->key, r->where);
		return;
	}
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "where", vars[n++] = r->where;
	vars[n++] = "consequence", vars[n++] = unknown_consequence(cx, r);
	vars[n++] = "suggestion";
	vars[n++] = hint   ? mm2_arena_printf(cx->arena, "; %s", hint)
		    : best ? mm2_arena_printf(cx->arena, "; did you mean '%s'?%s", best,
					      r->strict ? "" : " (a likely misspelling)")
			   : "";
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, e->key_loc, cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

static void run_unknown(struct mm2_check_ctx *cx)
{
	const struct mm2_doc *doc = &cx->in->doc;
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];
	size_t i, n;

	if (!mm2_keys_file_placed(cx)) {
		mm2_check_not_applicable(cx, "mm2lint cannot tell where the keys of a %s file land",
					 mm2_kind_name(doc->kind));
		return;
	}
	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];
		const struct mm2_keys_reading *r;

		if (e->shadowed || !(n = mm2_keys_readings(cx, e, rd)))
			continue;
		r = mm2_keys_decide(rd, n);
		if (r->verdict == MM2_KV_UNKNOWN || r->verdict == MM2_KV_NOT_YET)
			unknown_entry(cx, e, r);
	}
}

static int validate_unknown(const struct mm2_rule *r, struct mm2_error *err)
{
	const struct mm2_node *list = mm2_node_get(r->params, "invented");
	size_t i;

	if (list && list->kind != MM2_NODE_SEQ)
		return mm2_error_set(err, MM2_ERULE, "%s: params.invented: a list of {key, hint}",
				     r->path);
	for (i = 0; list && i < list->nitems; i++)
		if (!scalar_of(mm2_node_get(list->items[i], "key")) ||
		    !scalar_of(mm2_node_get(list->items[i], "hint")))
			return mm2_error_set(err, MM2_ERULE,
					     "%s:%u: an invented key needs 'key' and "
					     "'hint'",
					     r->path, list->items[i]->line);
	return 0;
}

static const char *const unknown_vars[] = {"key", "where", "consequence", "suggestion", NULL};

static const struct mm2_builtin key_unknown = {"key-unknown", validate_unknown, run_unknown,
					       unknown_vars};

/* A version from params.MAP[KEY] ("deprecated_since": {key: "X.Y"}), or -1. */
static mm2_version param_version(const struct mm2_check_ctx *cx, const char *map, const char *key)
{
	const char *v = scalar_of(mm2_node_get(mm2_node_get(cx->rule->params, map), key));

	return v ? mm2_version_parse(v) : -1;
}

/* The last version K exists in ("0.10.0-4.3" → 4.3). */
static mm2_version last_version(const struct mm2_key *k)
{
	const char *p = k->present_in, *sep = NULL, *q;

	for (q = p; *q; q++)
		if (*q == '-' || *q == ',')
			sep = q;
	return mm2_version_parse(sep ? sep + 1 : p);
}

/*
 * Is K deprecated in version V? The catalogue flags keys deprecated in the last
 * release that has them; before that, only params.deprecated_since or a
 * successor that already exists in V says so.
 */
static bool deprecated_in(const struct mm2_check_ctx *cx, const struct mm2_key *k, mm2_version v)
{
	mm2_version since = param_version(cx, "deprecated_since", k->name);
	const struct mm2_key *next;

	if (!k->deprecated)
		return false;
	if (since >= 0)
		return v >= since;
	next = *k->replaced_by ? mm2_catalog_find(cx->cat, k->scope, k->replaced_by) : NULL;
	if (next)
		return mm2_key_present(next, v);
	return v >= last_version(k);
}

/* "use X instead", or what the catalogue says replaces nothing. */
static const char *replacement(struct mm2_arena *a, const char *prefix, const char *by,
			       bool removed)
{
	if (!by || !*by)
		return removed ? "remove it" : "nothing replaces it; plan for its removal";
	if (by[0] == '(') {
		const char *colon = strchr(by, ':');
		size_t len = strlen(by);

		if (!colon)
			return "nothing replaces it; remove it";
		return mm2_arena_printf(a, "nothing replaces it (%.*s); remove it",
					(int)(len - (size_t)(colon + 2 - by) - 1), colon + 2);
	}
	if (strchr(by, ' ') || strchr(by, ','))
		return mm2_arena_printf(a, "use %s instead", by);
	return mm2_arena_printf(a, "use %s%s instead", prefix, by);
}

static void lifecycle_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e,
			    const struct mm2_keys_reading *r, bool removed)
{
	struct mm2_arena *a = cx->arena;
	const char *effect =
		scalar_of(mm2_node_get(mm2_node_get(cx->rule->params, "removed_effects"), r->rest));
	const char *msg = cx->rule->message, *vars[14];
	enum mm2_severity sev = cx->rule->info.severity;
	size_t n = 0;

	if (removed) {
		const char *m = scalar_of(mm2_node_get(cx->rule->params, "removed_message"));

		msg = m ? m : msg;
		sev = mm2_keys_raise(sev, cx->rule->params, "removed_raise");
	}
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "where", vars[n++] = r->where;
	vars[n++] = "version", vars[n++] = version_str(cx->opts->version, a);
	vars[n++] = "removed";
	vars[n++] = r->old ? mm2_arena_printf(a, "2.0 with the Scala %s", mm2_scope_name(r->scope))
		    : r->key ? r->key->removed_in
			     : "";
	vars[n++] = "effect", vars[n++] = effect ? mm2_arena_printf(a, ", %s", effect) : "";
	vars[n++] = "replacement";
	vars[n++] = replacement(a, r->prefix, r->old ? r->old->replaced_by : r->key->replaced_by,
				removed);
	vars[n] = NULL;
	mm2_check_emit(cx, sev, e->key_loc, msg, vars, mm2_arena_printf(a, "file/key:%s", e->key));
}

static void run_lifecycle(struct mm2_check_ctx *cx)
{
	const struct mm2_doc *doc = &cx->in->doc;
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];
	size_t i, n;

	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];
		const struct mm2_keys_reading *r;

		if (e->shadowed || !(n = mm2_keys_readings(cx, e, rd)))
			continue;
		r = mm2_keys_decide(rd, n);
		if (r->verdict == MM2_KV_REMOVED)
			lifecycle_entry(cx, e, r, true);
		else if (r->verdict == MM2_KV_KNOWN && r->key &&
			 deprecated_in(cx, r->key, cx->opts->version))
			lifecycle_entry(cx, e, r, false);
	}
}

static const char *const lifecycle_vars[] = {"key",    "where",	      "version", "removed",
					     "effect", "replacement", NULL};

static int validate_lifecycle(const struct mm2_rule *r, struct mm2_error *err)
{
	const struct mm2_node *since = mm2_node_get(r->params, "deprecated_since");
	size_t i;
	int ret;

	if ((ret = mm2_keys_check_raise(r, "removed_raise", err)) < 0 ||
	    (ret = mm2_keys_check_message(r, "removed_message", false, lifecycle_vars, err)) < 0)
		return ret;
	for (i = 0; since && i < since->npairs; i++)
		if (!scalar_of(since->pairs[i].value) ||
		    mm2_version_parse(scalar_of(since->pairs[i].value)) < 0)
			return mm2_error_set(err, MM2_ERULE,
					     "%s:%u: deprecated_since takes "
					     "key: X.Y",
					     r->path, since->pairs[i].key->line);
	return 0;
}

static const struct mm2_builtin key_lifecycle = {"key-deprecated", validate_lifecycle,
						 run_lifecycle, lifecycle_vars};

/* One place a client key is meant to reach: a client of a flow. */
struct target {
	const struct mm2_flow *flow;
	enum mm2_at at;
};

static enum mm2_at client_at(enum mm2_keys_role role, bool source)
{
	if (role == MM2_ROLE_CONSUMER)
		return source ? MM2_AT_SOURCE_CONSUMER : MM2_AT_TARGET_CONSUMER;
	if (role == MM2_ROLE_ADMIN)
		return source ? MM2_AT_SOURCE_ADMIN : MM2_AT_TARGET_ADMIN;
	return source ? MM2_AT_OFFSET_SYNC_PRODUCER : MM2_AT_TASK_PRODUCER;
}

/* The clients R's key is meant for (mm2-semantics.md §4, §5), in flows with a herder. */
static size_t targets_of(const struct mm2_check_ctx *cx, const struct mm2_keys_reading *r,
			 struct target *t, size_t max)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i, n = 0;

	if (r->place == MM2_KP_FLOW) {
		if (!mm2_flow_has_herder(r->flow))
			return 0;
		t[n].flow = r->flow;
		if (r->role == MM2_ROLE_PRODUCER)
			t[n++].at = MM2_AT_OFFSET_SYNC_PRODUCER;
		else
			t[n++].at = client_at(r->role, r->side != MM2_SIDE_TARGET);
		if (r->role == MM2_ROLE_ADMIN && r->side == MM2_SIDE_ANY)
			t[n].flow = r->flow, t[n++].at = MM2_AT_TARGET_ADMIN;
		return n;
	}
	for (i = 0; i < m->nflows && n + 2 <= max; i++) {
		const struct mm2_flow *f = &m->flows[i];

		if (!mm2_flow_has_herder(f))
			continue;
		if (strcmp(f->source, r->cluster) == 0)
			t[n].flow = f, t[n++].at = client_at(r->role, true);
		if (strcmp(f->target, r->cluster) == 0)
			t[n].flow = f, t[n++].at = client_at(r->role, false);
	}
	return n;
}

/*
 * Does some other setting win over E at every client E's key is meant for?
 * Only a value the file sets or MirrorMaker 2 forces counts as winning; a
 * client that E's key never reaches at all leaves the question open.
 */
static bool shadowed(struct mm2_check_ctx *cx, const struct mm2_entry *e,
		     const struct mm2_keys_reading *r, struct mm2_setting *win, enum mm2_at *at)
{
	struct target t[64];
	size_t i, n = targets_of(cx, r, t, 64);
	bool any = false;

	for (i = 0; i < n; i++) {
		struct mm2_setting s;

		mm2_lookup(cx->cat, cx->opts->version, &cx->in->doc, t[i].flow, t[i].at, r->rest,
			   &s, NULL, cx->arena);
		if (s.origin == MM2_ORIGIN_FILE && s.entry == e)
			return false;
		if (s.origin == MM2_ORIGIN_DEFAULT)
			return false;
		if (!any) {
			*win = s;
			*at = t[i].at;
			any = true;
		}
	}
	return any;
}

static const char *shadow_why(struct mm2_check_ctx *cx, const struct mm2_keys_reading *r,
			      const struct mm2_setting *win, enum mm2_at at)
{
	struct mm2_arena *a = cx->arena;

	if (win->origin == MM2_ORIGIN_FORCED)
		return mm2_arena_printf(a, "for the %s, %s=%s (%s)", mm2_at_title(at), r->rest,
					win->value ? win->value : "",
					win->note ? win->note : "set by MirrorMaker 2");
	return mm2_arena_printf(a,
				"the %s takes %s from '%s' (line %u), which MirrorMaker 2 "
				"applies after it",
				mm2_at_title(at), r->rest, win->entry->key,
				win->entry->key_loc.line);
}

/* Replace every WHAT in S by WITH. */
static const char *replace_all(struct mm2_arena *a, const char *s, const char *what,
			       const char *with)
{
	const char *p;

	while ((p = strstr(s, what)))
		s = mm2_arena_printf(a, "%.*s%s%s", (int)(p - s), s, with, p + strlen(what));
	return s;
}

/* With one enabled flow, "{source}" and "{target}" in a fix can only mean its clusters. */
static const char *concrete(const struct mm2_check_ctx *cx, const char *fix)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	const struct mm2_flow *only = NULL;
	size_t i;

	for (i = 0; i < m->nflows; i++)
		if (m->flows[i].enabled) {
			if (only)
				return fix;
			only = &m->flows[i];
		}
	if (!only)
		return fix;
	fix = replace_all(cx->arena, fix, "{source}", only->source);
	return replace_all(cx->arena, fix, "{target}", only->target);
}

static void no_effect_emit(struct mm2_check_ctx *cx, const struct mm2_entry *e, const char *where,
			   const char *why, const char *fix, const struct mm2_entry *other)
{
	const char *vars[10];
	struct mm2_diag *d;
	size_t n = 0;

	fix = concrete(cx, fix);

	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "where", vars[n++] = where;
	vars[n++] = "why", vars[n++] = why;
	vars[n++] = "fix", vars[n++] = fix;
	vars[n] = NULL;
	d = mm2_check_emit(cx, cx->rule->info.severity, e->key_loc, cx->rule->message, vars,
			   mm2_arena_printf(cx->arena, "file/key:%s", e->key));
	if (d && other)
		mm2_diag_add_related(cx->out, d, other->key_loc,
				     mm2_arena_printf(cx->arena, "%s is set here", other->key));
}

static const char *shadow_fix(struct mm2_check_ctx *cx, const struct mm2_keys_reading *r,
			      const struct mm2_setting *win, enum mm2_at at)
{
	static const char *const roles[] = {"", "consumer", "producer", "admin"};
	bool target = at == MM2_AT_TARGET_CONSUMER || at == MM2_AT_TARGET_ADMIN;

	if (win->origin == MM2_ORIGIN_FORCED)
		return "remove it";
	if (r->place != MM2_KP_FLOW || r->side != MM2_SIDE_ANY)
		return "remove one of the two";
	return mm2_arena_printf(cx->arena, "write %s.%s.%s.%s to win for this flow, or remove it",
				r->flow->name, target ? "target" : "source", roles[r->role],
				r->rest);
}

/* A client key of MirrorMaker 2 that a later layer overrides everywhere it goes. */
static void shadow_check(struct mm2_check_ctx *cx, const struct mm2_entry *e,
			 const struct mm2_keys_reading *rd, size_t n)
{
	struct mm2_setting win;
	enum mm2_at at;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct mm2_keys_reading *r = &rd[i];
		const char *fix;

		if (r->verdict != MM2_KV_KNOWN || r->role == MM2_ROLE_NONE ||
		    r->place == MM2_KP_TOP || !shadowed(cx, e, r, &win, &at))
			continue;
		fix = shadow_fix(cx, r, &win, at);
		no_effect_emit(cx, e, r->where, shadow_why(cx, r, &win, at), fix,
			       win.origin == MM2_ORIGIN_FILE ? win.entry : NULL);
		return;
	}
}

static void run_no_effect(struct mm2_check_ctx *cx)
{
	const struct mm2_doc *doc = &cx->in->doc;
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];
	size_t i, n;

	if (doc->kind != MM2_KIND_MM2)
		return;
	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];
		const struct mm2_keys_reading *r;

		if (e->shadowed || !(n = mm2_keys_readings(cx, e, rd)))
			continue;
		r = mm2_keys_decide(rd, n);
		if (r->verdict == MM2_KV_NO_EFFECT)
			no_effect_emit(cx, e, r->where, r->why, r->fix, NULL);
		else if (r->verdict == MM2_KV_KNOWN)
			shadow_check(cx, e, rd, n);
	}
}

static const char *const no_effect_vars[] = {"key", "where", "why", "fix", NULL};

static const struct mm2_builtin key_no_effect = {"key-no-effect", NULL, run_no_effect,
						 no_effect_vars};

const struct mm2_builtin *const mm2_builtins_keys[] = {
	&key_unknown,
	&mm2_check_value_type,
	&mm2_check_value_validator,
	&key_lifecycle,
	&mm2_check_key_duplicate,
	&mm2_check_inline_comment,
	&mm2_check_raw_value,
	&key_no_effect,
	&mm2_check_non_ascii,
	NULL,
};
