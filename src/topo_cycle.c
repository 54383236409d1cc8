/*
 * Built-in checks of paths through the flow graph: cycles that a topic keeps
 * going round because IdentityReplicationPolicy hides where it came from, and
 * daisy chains that forward one cluster's topics to a third.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "check.h"
#include "topo.h"
#include "banned.h"

/* ---- MM2-TOPO-005: a cycle that includes an IdentityReplicationPolicy flow ---- */

/* "A->B->C->A", rotated to start at the first alias of 'clusters' that it visits. */
static const char *cycle_name(const struct mm2_mm2 *m, const struct mm2_flow *const *cyc, size_t n,
			      struct mm2_arena *a)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	size_t i, start = 0;
	const char *res;
	int best = -1;

	for (i = 0; i < n; i++) {
		int c = mm2_topo_alias_index(m, cyc[i]->source, strlen(cyc[i]->source));

		if (best < 0 || c < best)
			best = c, start = i;
	}
	mm2_strbuf_init(&sb);
	for (i = 0; i < n; i++)
		mm2_strbuf_addf(&sb, "%s->", cyc[(start + i) % n]->source);
	mm2_strbuf_addstr(&sb, cyc[start]->source);
	res = mm2_arena_strndup(a, sb.buf, sb.len);
	mm2_strbuf_release(&sb);
	return res;
}

/* A name that goes round CYC forever (three rounds simulated), or NULL. */
static const char *looping_name(struct mm2_check_ctx *cx, const struct mm2_flow *const *cyc,
				size_t n, const char **back, bool *unknown)
{
	const char **names;
	bool simple;
	size_t k, ns = mm2_topo_sim_samples(cx, cyc, n, &names, &simple);

	*unknown = !simple;
	for (k = 0; k < ns; k++) {
		enum mm2_topo_sim_result r = mm2_topo_sim_run(cx, cyc, n, 3, names[k], back);

		if (r == MM2_TOPO_SIM_PASSES)
			return names[k];
		if (r == MM2_TOPO_SIM_UNKNOWN)
			*unknown = true;
	}
	return NULL;
}

static void report_cycle(struct mm2_check_ctx *cx, const struct mm2_flow *f, const char *cycle,
			 const char *name, const char *back)
{
	struct mm2_setting s;
	const char *vars[14];
	size_t n = 0;

	mm2_topo_value(cx, f, MM2_AT_CONNECTOR, "replication.policy.class", &s);
	vars[n++] = "flow", vars[n++] = f->name;
	vars[n++] = "origin",
	vars[n++] = mm2_setting_origin(cx->in, &s, cx->opts->version, cx->arena);
	vars[n++] = "cycle", vars[n++] = cycle;
	vars[n++] = "example", vars[n++] = name;
	vars[n++] = "back", vars[n++] = back;
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, mm2_setting_loc(cx->in, f, &s),
		       cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/cycle:%s", cycle));
}

static void run_identity_cycle(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	const struct mm2_flow **cyc = mm2_xcalloc(m->nclusters + 1, sizeof(*cyc));
	const char **done = mm2_xcalloc(m->nflows + 1, sizeof(*done)), *sep, *name, *back;
	size_t i, j, n, ndone = 0;
	bool unknown;

	for (i = 0; cx->in->resolved && i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];
		const char *cname;

		if (!f->enabled || mm2_topo_policy_of(cx, f, &sep) != MM2_TOPO_POLICY_IDENTITY)
			continue;
		cyc[0] = f;
		n = 1 + mm2_topo_shortest_path(m, f->target, f->source, cyc + 1);
		if (n == 1)
			continue;
		cname = cycle_name(m, cyc, n, cx->arena);
		for (j = 0; j < ndone && strcmp(done[j], cname); j++)
			;
		if (j < ndone)
			continue;
		done[ndone++] = cname;
		name = looping_name(cx, cyc, n, &back, &unknown);
		if (name)
			report_cycle(cx, f, cname, name, back);
		else if (unknown)
			mm2_check_not_applicable(cx,
						 "%s: cannot tell whether the topic filters "
						 "of the cycle %s select a common topic",
						 f->name, cname);
	}
	free(cyc);
	free(done);
}

static const char *const cycle_vars[] = {"flow", "origin", "cycle", "example", "back", NULL};

const struct mm2_builtin mm2_topo_check_identity_cycle = {"topo-identity-cycle", NULL,
							  run_identity_cycle, cycle_vars};

/* ---- MM2-TOPO-010: a daisy chain X->B->Y ---- */

static void check_chain(struct mm2_check_ctx *cx, const struct mm2_flow *up,
			const struct mm2_flow *down)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	const struct mm2_flow *path[2] = {up, down}, *direct;
	const char **names, *last = NULL, *vars[20];
	bool simple, unknown = false;
	size_t k, ns = mm2_topo_sim_samples(cx, path, 2, &names, &simple), n = 0;
	struct mm2_setting none = {0};

	for (k = 0; k < ns; k++) {
		enum mm2_topo_sim_result r = mm2_topo_sim_run(cx, path, 2, 1, names[k], &last);

		if (r == MM2_TOPO_SIM_PASSES)
			break;
		unknown = unknown || r == MM2_TOPO_SIM_UNKNOWN;
	}
	if (k == ns) {
		if (unknown || !simple)
			mm2_check_not_applicable(cx,
						 "%s, %s: cannot tell whether a topic passes "
						 "both topic filters",
						 up->name, down->name);
		return;
	}
	direct = mm2_topo_flow(m, up->source, down->target);
	vars[n++] = "flow", vars[n++] = down->name;
	vars[n++] = "upstream", vars[n++] = up->name;
	vars[n++] = "origin_cluster", vars[n++] = up->source;
	vars[n++] = "middle", vars[n++] = up->target;
	vars[n++] = "target", vars[n++] = down->target;
	vars[n++] = "example", vars[n++] = names[k];
	vars[n++] = "arrives_as", vars[n++] = last;
	vars[n++] = "direct";
	vars[n++] = direct && direct->enabled
			    ? mm2_arena_printf(cx->arena,
					       "; %s replicates directly as well, so %s "
					       "receives these records twice",
					       direct->name, down->target)
			    : "";
	vars[n] = NULL;
	none.origin = MM2_ORIGIN_DEFAULT;
	mm2_check_emit(cx, cx->rule->info.severity, mm2_setting_loc(cx->in, down, &none),
		       cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "flow:%s/chain:%s", down->name, up->name));
}

static void run_daisy_chain(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i, j;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < m->nflows; i++)
		for (j = 0; j < m->nflows; j++) {
			const struct mm2_flow *up = &m->flows[j], *down = &m->flows[i];

			if (up->enabled && down->enabled && strcmp(up->target, down->source) == 0 &&
			    strcmp(up->source, down->target) != 0)
				check_chain(cx, up, down);
		}
}

static const char *const chain_vars[] = {"flow",       "upstream", "origin_cluster",
					 "middle",     "target",   "example",
					 "arrives_as", "direct",   NULL};

const struct mm2_builtin mm2_topo_check_daisy_chain = {"topo-daisy-chain", NULL, run_daisy_chain,
						       chain_vars};
