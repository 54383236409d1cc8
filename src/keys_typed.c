/*
 * Built-in checks of values against what ConfigDef accepts: the key's type
 * (MM2-KEY-002) and its validator (MM2-KEY-003), both as they were in the
 * chosen Kafka version, at every place the key is read (keys_route.c).
 */
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/util.h"
#include "check.h"
#include "keys_checks.h"
#include "keys_route.h"
#include "keys_value.h"
#include "banned.h"

/* What a value Kafka refuses breaks, by where the key is read. */
static const char *consequence(struct mm2_check_ctx *cx, const struct mm2_keys_reading *r)
{
	struct mm2_arena *a = cx->arena;
	const char *role = mm2_scope_name(r->scope);

	switch (r->place) {
	case MM2_KP_TOP:
		if (r->scope == MM2_SCOPE_WORKER)
			return "MirrorMaker 2's Connect workers do not start";
		if (!(r->key->defined_in & (MM2_DEF_CONNECTOR | MM2_DEF_SOURCE_CONNECTOR)))
			return "MirrorMaker 2 does not start";
		return "the MirrorMaker 2 connectors fail to start";
	case MM2_KP_FLOW:
		if (r->role != MM2_ROLE_NONE)
			return mm2_arena_printf(a, "the %s clients of %s fail to start", role,
						r->flow->name);
		if (r->scope != MM2_SCOPE_MM2)
			return mm2_arena_printf(a, "the tasks of %s fail", r->flow->name);
		return mm2_arena_printf(a, "the connectors of %s fail to start", r->flow->name);
	case MM2_KP_CLUSTER:
		if (r->role != MM2_ROLE_NONE)
			return mm2_arena_printf(a, "the %s clients for %s fail to start", role,
						r->cluster);
		if (r->scope == MM2_SCOPE_MM2)
			return mm2_arena_printf(a, "the clients for %s fail to start", r->cluster);
		return mm2_arena_printf(a, "the Connect workers writing into %s do not start",
					r->cluster);
	default:
		return mm2_arena_printf(a, "the %s does not start",
					mm2_kind_name(cx->in->doc.kind));
	}
}

static const char *shown_value(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	return mm2_keys_secret(cx->cat, e->key) ? "[redacted]" : e->value;
}

static struct mm2_loc value_loc(const struct mm2_entry *e)
{
	return e->value_len ? e->value_loc : e->key_loc;
}

/* A value in quotes: MM2-KEY-007 says why it fails, so these checks keep quiet. */
static bool quoted(const struct mm2_entry *e)
{
	const char *v = e->value;
	size_t len = e->value_len;

	mm2_java_trim(&v, &len);
	return len >= 2 && (v[0] == '"' || v[0] == '\'') && v[len - 1] == v[0];
}

/* Does some herder of MirrorMaker 2 read R? Only those build configs from it. */
static bool read_by_herder(struct mm2_check_ctx *cx, const struct mm2_keys_reading *r)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i;

	if (r->place == MM2_KP_FILE)
		return true;
	if (r->place == MM2_KP_FLOW)
		return mm2_flow_has_herder(r->flow);
	if (r->place == MM2_KP_TOP && r->scope == MM2_SCOPE_MM2 &&
	    !(r->key->defined_in & (MM2_DEF_CONNECTOR | MM2_DEF_SOURCE_CONNECTOR)))
		return true; /* MirrorMakerConfig parses it at start-up */
	for (i = 0; i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];

		if (mm2_flow_has_herder(f) &&
		    (r->place == MM2_KP_TOP || strcmp(f->source, r->cluster) == 0 ||
		     strcmp(f->target, r->cluster) == 0))
			return true;
	}
	return false;
}

/* The readings of E that a ConfigDef parses in the chosen version. */
static size_t parsed_readings(struct mm2_check_ctx *cx, const struct mm2_entry *e,
			      struct mm2_keys_reading *rd)
{
	size_t i, n = quoted(e) ? 0 : mm2_keys_readings(cx, e, rd), k = 0;

	for (i = 0; i < n; i++)
		if (rd[i].verdict == MM2_KV_KNOWN && rd[i].key &&
		    mm2_key_present(rd[i].key, cx->opts->version) && read_by_herder(cx, &rd[i]))
			rd[k++] = rd[i];
	return k;
}

static void type_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];
	const char *why = NULL, *vars[14];
	size_t i, k = parsed_readings(cx, e, rd), n = 0;
	enum mm2_type type = MM2_TYPE_STRING;

	if (!k || memchr(e->value, 0, e->value_len))
		return;
	for (i = 0; i < k; i++) {
		const char *w;
		enum mm2_type t = mm2_keys_type_at(rd[i].key, cx->opts->version);

		if (mm2_keys_parses(t, e->value, e->value_len, &w))
			return;
		if (!why)
			why = w, type = t;
	}
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "value", vars[n++] = shown_value(cx, e);
	vars[n++] = "type", vars[n++] = mm2_type_name(type);
	vars[n++] = "why", vars[n++] = why;
	vars[n++] = "where", vars[n++] = rd[0].where;
	vars[n++] = "consequence", vars[n++] = consequence(cx, &rd[0]);
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, value_loc(e), cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

static void run_type(struct mm2_check_ctx *cx)
{
	size_t i;

	for (i = 0; i < cx->in->doc.n; i++)
		if (!cx->in->doc.entries[i].shadowed)
			type_entry(cx, &cx->in->doc.entries[i]);
}

static const char *const type_vars[] = {"key",	 "value",	"type", "why",
					"where", "consequence", NULL};

const struct mm2_builtin mm2_check_value_type = {"value-type", NULL, run_type, type_vars};

static void validator_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];
	const char *expected = NULL, *vars[14];
	size_t i, k = parsed_readings(cx, e, rd), n = 0, failed = 0;

	if (!k || memchr(e->value, 0, e->value_len))
		return;
	for (i = 0; i < k; i++) {
		mm2_version v = cx->opts->version;
		const char *why = NULL;
		enum mm2_keys_check c;

		c = mm2_keys_validate(mm2_keys_validator_at(rd[i].key, v, cx->arena),
				      mm2_keys_type_at(rd[i].key, v), e->value, &why, cx->arena);
		if (c == MM2_KEYS_PASS)
			return;
		if (c == MM2_KEYS_FAIL && !expected)
			expected = why, failed = i;
	}
	if (!expected)
		return;
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "value", vars[n++] = shown_value(cx, e);
	vars[n++] = "expected", vars[n++] = expected;
	vars[n++] = "where", vars[n++] = rd[failed].where;
	vars[n++] = "consequence", vars[n++] = consequence(cx, &rd[failed]);
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, value_loc(e), cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

static void run_validator(struct mm2_check_ctx *cx)
{
	size_t i;

	for (i = 0; i < cx->in->doc.n; i++)
		if (!cx->in->doc.entries[i].shadowed)
			validator_entry(cx, &cx->in->doc.entries[i]);
}

static const char *const validator_vars[] = {"key",   "value",	     "expected",
					     "where", "consequence", NULL};

const struct mm2_builtin mm2_check_value_validator = {"value-validator", NULL, run_validator,
						      validator_vars};
