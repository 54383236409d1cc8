/*
 * Built-in checks of each cluster's connection and naming: a cluster that
 * MirrorMaker 2 must reach but has no bootstrap.servers, two aliases for one
 * cluster, and an alias that holds the replication separator.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "check.h"
#include "topo.h"
#include "banned.h"

/* ---- MM2-TOPO-003: a cluster MirrorMaker 2 must reach has no bootstrap.servers ---- */

/* Is S a bootstrap list set in the file and not blank? */
static bool has_servers(const struct mm2_setting *s, bool found)
{
	const char *v;
	size_t len;

	if (!found || s->origin != MM2_ORIGIN_FILE)
		return false;
	v = s->value;
	len = strlen(v);
	mm2_java_trim(&v, &len);
	return len > 0;
}

static void report_bootstrap(struct mm2_check_ctx *cx, const struct mm2_flow *f, bool target,
			     const struct mm2_setting *s, bool found)
{
	const char *alias = target ? f->target : f->source, *vars[12];
	struct mm2_loc loc = mm2_topo_alias_loc(cx->in, alias);
	size_t n = 0;

	if (found && s->origin == MM2_ORIGIN_FILE)
		loc = mm2_setting_loc(cx->in, f, s); /* set, but blank */
	vars[n++] = "alias", vars[n++] = alias;
	vars[n++] = "flow", vars[n++] = f->name;
	vars[n++] = "role";
	vars[n++] = target ? "it is the target of" : "it is the source of";
	vars[n++] = "consequence";
	if (!target)
		vars[n++] = "the flow's consumers and admin clients have no cluster to connect to "
			    "and its connectors fail";
	else if (cx->opts->version >= MM2_VERSION(4, 2))
		vars[n++] = "the Connect herder that writes into it cannot be configured "
			    "(bootstrap.servers is required) and MirrorMaker 2 does not start";
	else
		vars[n++] = "the Connect herder that writes into it falls back to Connect's "
			    "default, localhost:9092";
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, loc, cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/cluster:%s/bootstrap.servers/%s", alias,
					target ? "target" : "source"));
}

static void run_bootstrap(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	struct mm2_setting s;
	size_t i;
	bool found;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];

		/* Every herder connects to its target; a replicating flow also reads its source. */
		if (!mm2_flow_has_herder(f))
			continue;
		found = mm2_lookup(cx->cat, cx->opts->version, &cx->in->doc, f, MM2_AT_WORKER,
				   "bootstrap.servers", &s, NULL, cx->arena);
		if (!has_servers(&s, found))
			report_bootstrap(cx, f, true, &s, found);
		if (!f->enabled)
			continue;
		found = mm2_lookup(cx->cat, cx->opts->version, &cx->in->doc, f,
				   MM2_AT_SOURCE_CONSUMER, "bootstrap.servers", &s, NULL,
				   cx->arena);
		if (!has_servers(&s, found))
			report_bootstrap(cx, f, false, &s, found);
	}
}

static const char *const bootstrap_vars[] = {"alias", "flow", "role", "consequence", NULL};

const struct mm2_builtin mm2_topo_check_bootstrap = {"topo-bootstrap-missing", NULL, run_bootstrap,
						     bootstrap_vars};

/* ---- MM2-TOPO-006: an alias holds the replication separator ---- */

static void check_separator(struct mm2_check_ctx *cx, const struct mm2_flow *f, const char *alias)
{
	const char *sep, *at, *vars[14];
	struct mm2_setting s;
	size_t n = 0;

	if (mm2_topo_policy_of(cx, f, &sep) != MM2_TOPO_POLICY_DEFAULT || !sep || !*sep ||
	    !(at = strstr(alias, sep)))
		return;
	mm2_topo_raw_value(cx, f, MM2_AT_CONNECTOR, "replication.policy.separator", &s);
	vars[n++] = "alias", vars[n++] = alias;
	vars[n++] = "separator", vars[n++] = sep;
	vars[n++] = "origin",
	vars[n++] = mm2_setting_origin(cx->in, &s, cx->opts->version, cx->arena);
	vars[n++] = "example", vars[n++] = mm2_arena_printf(cx->arena, "%s%sorders", alias, sep);
	vars[n++] = "read_as";
	vars[n++] = mm2_arena_strndup(cx->arena, alias, (size_t)(at - alias));
	vars[n++] = "flow", vars[n++] = f->name;
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, mm2_topo_alias_loc(cx->in, alias),
		       cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/alias:%s/separator", alias));
}

static bool comes_back(const struct mm2_mm2 *m, const struct mm2_flow *f)
{
	const struct mm2_flow **path = mm2_xcalloc(m->nclusters, sizeof(*path));
	bool found = mm2_topo_shortest_path(m, f->target, f->source, path) > 0;

	free(path);
	return found;
}

static void run_separator(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];

		if (!f->enabled)
			continue;
		/* The source alias names every remote topic of the flow; the target
		 * alias matters to cycle detection, so only when topics can come back. */
		check_separator(cx, f, f->source);
		if (comes_back(m, f))
			check_separator(cx, f, f->target);
	}
}

static const char *const separator_vars[] = {"alias",	"separator", "origin", "example",
					     "read_as", "flow",	     NULL};

const struct mm2_builtin mm2_topo_check_separator = {"topo-alias-separator", NULL, run_separator,
						     separator_vars};

/* ---- MM2-TOPO-007: two aliases share bootstrap servers ---- */

/* The bootstrap servers of ALIAS as clusterProps(ALIAS) has them: ALIAS.K, then top-level K. */
static const struct mm2_entry *servers_entry(const struct mm2_doc *doc, const char *alias,
					     struct mm2_arena *a)
{
	const struct mm2_entry *e =
		mm2_doc_get(doc, mm2_arena_printf(a, "%s.bootstrap.servers", alias));

	return e ? e : mm2_doc_get(doc, "bootstrap.servers");
}

/* The servers both lists name ("" if none), compared as hosts are: case-insensitively. */
static const char *shared_servers(const char *x, const char *y, bool *same, struct mm2_arena *a)
{
	const char **xs, **ys;
	size_t nx = mm2_split_list(x, &xs, a), ny = mm2_split_list(y, &ys, a), i, j, hits = 0;
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	const char *res;

	mm2_strbuf_init(&sb);
	for (i = 0; i < nx; i++)
		for (j = 0; j < ny; j++)
			if (*xs[i] && strlen(xs[i]) == strlen(ys[j]) &&
			    mm2_streq_icase(xs[i], strlen(xs[i]), ys[j])) {
				mm2_strbuf_addf(&sb, "%s%s", hits++ ? ", " : "", xs[i]);
				break;
			}
	*same = hits == nx && hits == ny;
	res = mm2_arena_strndup(a, sb.buf, sb.len);
	mm2_strbuf_release(&sb);
	return res;
}

/* What replicating between (or out of) two aliases of one cluster does. */
static const char *shared_consequence(struct mm2_check_ctx *cx, const char *a1, const char *a2)
{
	const struct mm2_flow *f12 = mm2_topo_flow(&cx->in->mm2, a1, a2);
	const struct mm2_flow *f21 = mm2_topo_flow(&cx->in->mm2, a2, a1);
	const char *src;

	if (f12 && f12->enabled)
		src = a1;
	else if (f21 && f21->enabled)
		src = a2;
	else
		return "MirrorMaker 2 treats one cluster as two, and flows out of both copy the "
		       "same topics twice";
	return mm2_arena_printf(cx->arena,
				"a flow between them copies that cluster into itself, round after "
				"round (%s.orders, %s.%s.orders, and so on, or, under "
				"IdentityReplicationPolicy, each record back into its own topic)",
				src, src, src);
}

static void check_pair(struct mm2_check_ctx *cx, const char *a1, const char *a2)
{
	const struct mm2_input *in = cx->in;
	const struct mm2_entry *e1 = servers_entry(&in->doc, a1, cx->arena);
	const struct mm2_entry *e2 = servers_entry(&in->doc, a2, cx->arena);
	const char *shared, *vars[14];
	struct mm2_diag *d;
	size_t n = 0;
	bool same;

	if (!e1 || !e2 || strstr(e1->value, "${") || strstr(e2->value, "${"))
		return;
	shared = shared_servers(e1->value, e2->value, &same, cx->arena);
	if (!*shared)
		return;
	vars[n++] = "first", vars[n++] = a1;
	vars[n++] = "second", vars[n++] = a2;
	vars[n++] = "servers", vars[n++] = shared;
	vars[n++] = "how";
	vars[n++] = e1 == e2 ? "both take the top-level bootstrap.servers"
		    : same   ? "have the same bootstrap servers"
			     : "share bootstrap servers";
	vars[n++] = "consequence", vars[n++] = shared_consequence(cx, a1, a2);
	vars[n] = NULL;
	d = mm2_check_emit(cx, cx->rule->info.severity, mm2_entry_value_point(e2, 0),
			   cx->rule->message, vars,
			   mm2_arena_printf(cx->arena, "file/clusters:%s,%s/bootstrap", a1, a2));
	if (d && e1 != e2)
		mm2_diag_add_related(cx->out, d, mm2_entry_value_point(e1, 0),
				     mm2_arena_printf(cx->arena, "%s's servers are set here", a1));
}

static void run_shared_bootstrap(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i, j;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < m->nclusters; i++)
		for (j = i + 1; j < m->nclusters; j++)
			check_pair(cx, m->clusters[i], m->clusters[j]);
}

static const char *const shared_vars[] = {"first", "second", "servers", "how", "consequence", NULL};

const struct mm2_builtin mm2_topo_check_shared_bootstrap = {"topo-shared-bootstrap", NULL,
							    run_shared_bootstrap, shared_vars};
