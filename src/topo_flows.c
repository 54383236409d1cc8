/*
 * Built-in checks of which flows and herders MirrorMaker 2 builds: no flow that
 * replicates, herders that exist only for heartbeats and write into clusters
 * that are only read from, and adjacent flows that name topics differently.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "check.h"
#include "topo.h"
#include "banned.h"

/* ---- MM2-TOPO-004: no flow replicates ---- */

/* The first flow whose S->T.enabled is set to something other than false. */
static const struct mm2_flow *near_miss(const struct mm2_mm2 *m)
{
	size_t i;

	for (i = 0; i < m->nflows; i++) {
		const struct mm2_entry *e = m->flows[i].enabled_entry;
		const char *v;
		size_t len;

		if (!e)
			continue;
		v = e->value;
		len = e->value_len;
		mm2_java_trim(&v, &len);
		if (!mm2_streq_icase(v, len, "false"))
			return &m->flows[i];
	}
	return NULL;
}

static void run_no_flow(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	const struct mm2_flow *near;
	const char *vars[8];
	struct mm2_loc loc;
	size_t i, herders = 0, n = 0;

	if (!cx->in->resolved || m->nclusters < 2)
		return; /* fewer than two aliases: MM2-TOPO-001 */
	for (i = 0; i < m->nflows; i++) {
		if (m->flows[i].enabled)
			return;
		herders += mm2_flow_has_herder(&m->flows[i]);
	}
	near = near_miss(m);
	vars[n++] = "why";
	if (near) {
		vars[n++] = mm2_arena_printf(cx->arena,
					     "%s.enabled='%s' is not read as true: MirrorMaker 2 "
					     "takes only the bare word true (Boolean.parseBoolean "
					     "on the raw text, blanks included)%s",
					     near->name, near->enabled_entry->value,
					     near->heartbeats ? ""
							      : ", and heartbeats are off for the "
								"pair");
		loc = mm2_entry_value_point(near->enabled_entry, 0);
	} else {
		vars[n++] = "no flow has <source>-><target>.enabled = true";
		loc = m->clusters_entry->key_loc;
	}
	vars[n++] = "consequence";
	vars[n++] = herders ? "MirrorMaker 2 runs only heartbeat herders and replicates nothing"
			    : "MirrorMaker 2 has no herder to run and stops at start";
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, loc, cx->rule->message, vars, "file/flows");
}

static const char *const no_flow_vars[] = {"why", "consequence", NULL};

const struct mm2_builtin mm2_topo_check_no_flow = {"topo-no-flow", NULL, run_no_flow, no_flow_vars};

/* ---- MM2-TOPO-009: herders only for heartbeats, writing into read-only clusters ---- */

/* Is the herder of F there only because heartbeats default to on (no flow-level switch)? */
static bool default_heartbeat_herder(const struct mm2_input *in, const struct mm2_flow *f,
				     struct mm2_arena *a)
{
	return mm2_flow_has_herder(f) && !f->enabled &&
	       !mm2_doc_get(&in->doc, mm2_arena_printf(a, "%s.emit.heartbeats.enabled", f->name));
}

static void check_heartbeat_target(struct mm2_check_ctx *cx, const char *t)
{
	const struct mm2_input *in = cx->in;
	const struct mm2_mm2 *m = &in->mm2;
	const struct mm2_entry *top = mm2_doc_get(&in->doc, "emit.heartbeats.enabled");
	struct mm2_strbuf herders = MM2_STRBUF_INIT, fix = MM2_STRBUF_INIT;
	bool read_from = false;
	const char *vars[12];
	size_t i, n = 0;

	mm2_strbuf_init(&herders);
	mm2_strbuf_init(&fix);
	for (i = 0; i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];

		if (f->enabled && strcmp(f->target, t) == 0)
			goto out; /* MirrorMaker 2 writes into T anyway */
		if (f->enabled && strcmp(f->source, t) == 0)
			read_from = true;
		if (strcmp(f->target, t) != 0 || !default_heartbeat_herder(in, f, cx->arena))
			continue;
		mm2_strbuf_addf(&herders, "%s%s", herders.len ? ", " : "", f->name);
		mm2_strbuf_addf(&fix, "%s%s.emit.heartbeats.enabled = false", fix.len ? ", " : "",
				f->name);
	}
	if (!herders.len)
		goto out;
	vars[n++] = "target", vars[n++] = t;
	vars[n++] = "herders", vars[n++] = mm2_arena_strndup(cx->arena, herders.buf, herders.len);
	vars[n++] = "role";
	vars[n++] = read_from ? "the enabled flows only read from" : "no enabled flow uses";
	vars[n++] = "fix", vars[n++] = mm2_arena_strndup(cx->arena, fix.buf, fix.len);
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity,
		       top ? mm2_entry_value_point(top, 0) : mm2_topo_alias_loc(in, t),
		       cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/cluster:%s/heartbeat-herders", t));
out:
	mm2_strbuf_release(&herders);
	mm2_strbuf_release(&fix);
}

static void run_heartbeat_herders(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < m->nflows && !m->flows[i].enabled; i++)
		;
	if (i == m->nflows)
		return; /* nothing replicates: MM2-TOPO-004 */
	for (i = 0; i < m->nclusters; i++)
		check_heartbeat_target(cx, m->clusters[i]);
}

static const char *const heartbeat_vars[] = {"target", "herders", "role", "fix", NULL};

const struct mm2_builtin mm2_topo_check_heartbeat_herders = {"topo-heartbeat-herders", NULL,
							     run_heartbeat_herders, heartbeat_vars};

/* ---- MM2-TOPO-011: adjacent flows name topics with different policies ---- */

static void report_mismatch(struct mm2_check_ctx *cx, const struct mm2_flow *up,
			    const struct mm2_flow *down, const char *key,
			    const struct mm2_setting *su, const struct mm2_setting *sd)
{
	const struct mm2_input *in = cx->in;
	mm2_version v = cx->opts->version;
	bool at_down = sd->origin == MM2_ORIGIN_FILE || su->origin != MM2_ORIGIN_FILE;
	const char *vars[18];
	struct mm2_diag *d;
	size_t n = 0;

	vars[n++] = "flow", vars[n++] = down->name;
	vars[n++] = "other", vars[n++] = up->name;
	vars[n++] = "key", vars[n++] = key;
	vars[n++] = "value", vars[n++] = sd->value;
	vars[n++] = "origin", vars[n++] = mm2_setting_origin(in, sd, v, cx->arena);
	vars[n++] = "other_value", vars[n++] = su->value;
	vars[n++] = "other_origin", vars[n++] = mm2_setting_origin(in, su, v, cx->arena);
	vars[n] = NULL;
	d = mm2_check_emit(
		cx, cx->rule->info.severity,
		mm2_setting_loc(in, at_down ? down : up, at_down ? sd : su), cx->rule->message,
		vars,
		mm2_arena_printf(cx->arena, "file/flows:%s|%s/%s", up->name, down->name, key));
	if (d && at_down && su->origin == MM2_ORIGIN_FILE)
		mm2_diag_add_related(
			cx->out, d, mm2_setting_loc(in, up, su),
			mm2_arena_printf(cx->arena, "%s's value is set here", up->name));
}

static void check_adjacent(struct mm2_check_ctx *cx, const struct mm2_flow *up,
			   const struct mm2_flow *down)
{
	static const char *const keys[] = {"replication.policy.class",
					   "replication.policy.separator"};
	struct mm2_setting su, sd;
	const char *vu, *vd;
	size_t k;

	for (k = 0; k < 2; k++) {
		vu = k ? mm2_topo_raw_value(cx, up, MM2_AT_CONNECTOR, keys[k], &su)
		       : mm2_topo_value(cx, up, MM2_AT_CONNECTOR, keys[k], &su);
		vd = k ? mm2_topo_raw_value(cx, down, MM2_AT_CONNECTOR, keys[k], &sd)
		       : mm2_topo_value(cx, down, MM2_AT_CONNECTOR, keys[k], &sd);
		if (vu && vd && strcmp(vu, vd) != 0) {
			su.value = vu;
			sd.value = vd;
			report_mismatch(cx, up, down, keys[k], &su, &sd);
		}
	}
}

/*
 * Can what DOWN writes come back to UP's source? Only then do the two policies
 * meet on the same names: a chain that ends (a migration A->B followed by a
 * backup B->C) may name topics as it likes.
 */
static bool on_a_cycle(const struct mm2_mm2 *m, const struct mm2_flow *up,
		       const struct mm2_flow *down)
{
	const struct mm2_flow **path;
	bool found;

	if (strcmp(down->target, up->source) == 0)
		return true;
	path = mm2_xcalloc(m->nclusters, sizeof(*path));
	found = mm2_topo_shortest_path(m, down->target, up->source, path) > 0;
	free(path);
	return found;
}

static void run_policy_mismatch(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i, j;

	if (!cx->in->resolved)
		return;
	/* DOWN reads what UP wrote: UP = X->B, DOWN = B->Y (Y may be X). */
	for (i = 0; i < m->nflows; i++)
		for (j = 0; j < m->nflows; j++) {
			const struct mm2_flow *up = &m->flows[i], *down = &m->flows[j];

			if (!up->enabled || !down->enabled || strcmp(up->target, down->source) != 0)
				continue;
			/* A->B with B->A is one pair: report it once. */
			if (strcmp(up->source, down->target) == 0 && j < i)
				continue;
			if (on_a_cycle(m, up, down))
				check_adjacent(cx, up, down);
		}
}

static const char *const mismatch_vars[] = {"flow",   "other",	     "key",	     "value",
					    "origin", "other_value", "other_origin", NULL};

const struct mm2_builtin mm2_topo_check_policy_mismatch = {"topo-policy-mismatch", NULL,
							   run_policy_mismatch, mismatch_vars};
