/*
 * Built-in check of exactly-once delivery in dedicated MirrorMaker 2 (3.5+):
 * what the connector asks for, what the worker that writes into the target
 * offers, how the source consumer reads, and a worker key written where no
 * worker sees it.
 */
#include <string.h>
#include "mm2lint/util.h"
#include "check.h"
#include "topo.h"
#include "banned.h"

static bool is(const char *v, const char *word)
{
	return v && mm2_streq_icase(v, strlen(v), word);
}

static void emit_eos(struct mm2_check_ctx *cx, const struct mm2_flow *f, const char *problem,
		     const char *consequence, const char *fix, const struct mm2_setting *at,
		     const char *what)
{
	const char *vars[10];
	size_t n = 0;

	vars[n++] = "flow", vars[n++] = f ? f->name : "";
	vars[n++] = "problem";
	vars[n++] = f ? mm2_arena_printf(cx->arena, "%s: %s", f->name, problem) : problem;
	vars[n++] = "consequence", vars[n++] = consequence;
	vars[n++] = "fix", vars[n++] = fix;
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, mm2_setting_loc(cx->in, f, at),
		       cx->rule->message, vars,
		       f ? mm2_arena_printf(cx->arena, "flow:%s/eos:%s", f->name, what)
			 : mm2_arena_printf(cx->arena, "file/eos:%s", what));
}

/*
 * Top-level exactly-once keys reach nobody: workerConfig copies only a few key
 * families, and connectorBaseConfig only the keys of the Mirror connector
 * ConfigDefs, which do not have Connect's source-connector keys.
 */
static void check_top_level(struct mm2_check_ctx *cx, const char *key, const char *who,
			    const char *scoped)
{
	const struct mm2_entry *e = mm2_doc_get(&cx->in->doc, key);
	struct mm2_setting s = {0};

	if (!e)
		return;
	s.value = e->value;
	s.origin = MM2_ORIGIN_FILE;
	s.entry = e;
	emit_eos(cx, NULL,
		 mm2_arena_printf(cx->arena, "%s=%s is written at top level", key, e->value),
		 mm2_arena_printf(cx->arena, "MirrorMaker 2 does not pass it on to any %s", who),
		 mm2_arena_printf(cx->arena, "write it as %s.%s = %s instead", scoped, key,
				  e->value),
		 &s, key);
}

static void check_flow(struct mm2_check_ctx *cx, const struct mm2_flow *f)
{
	struct mm2_setting req_s, worker_s, iso_s;
	const char *req = mm2_topo_value(cx, f, MM2_AT_CONNECTOR, "exactly.once.support", &req_s);
	const char *worker =
		mm2_topo_value(cx, f, MM2_AT_WORKER, "exactly.once.source.support", &worker_s);
	const char *iso =
		mm2_topo_raw_value(cx, f, MM2_AT_SOURCE_CONSUMER, "isolation.level", &iso_s);
	bool required = is(req, "required"), enabled = is(worker, "enabled");
	const char *worker_origin =
		mm2_setting_origin(cx->in, &worker_s, cx->opts->version, cx->arena);

	if (!req || !worker || (!iso && iso_s.origin == MM2_ORIGIN_FILE))
		return; /* a ${provider:...} reference: unknown */
	if (required && !enabled)
		emit_eos(cx, f,
			 mm2_arena_printf(
				 cx->arena,
				 "exactly.once.support=required but the "
				 "worker writing into %s has exactly.once.source.support=%s "
				 "(%s)",
				 f->target, worker, worker_origin),
			 "Connect rejects the connector configuration (this worker does not have "
			 "exactly-once source support enabled) and the flow does not start",
			 mm2_arena_printf(cx->arena, "set %s.exactly.once.source.support = enabled",
					  f->target),
			 &req_s, "worker");
	if ((required || enabled) && !(iso && strcmp(iso, "read_committed") == 0))
		emit_eos(cx, f,
			 mm2_arena_printf(
				 cx->arena,
				 "%s but the source consumer has "
				 "isolation.level=%s (%s)",
				 required ? "exactly.once.support=required"
					  : "exactly-once is enabled on the worker",
				 iso ? iso : "(none)",
				 mm2_setting_origin(cx->in, &iso_s, cx->opts->version, cx->arena)),
			 required ? "MirrorSourceConnector reports that it cannot provide "
				    "exactly-once and Connect rejects its configuration"
				  : "the flow writes transactionally but also copies records of "
				    "aborted and still open transactions from the source",
			 mm2_arena_printf(cx->arena,
					  "set %s.consumer.isolation.level = "
					  "read_committed",
					  f->source),
			 iso_s.origin == MM2_ORIGIN_FILE ? &iso_s
			 : required			 ? &req_s
							 : &worker_s,
			 "isolation");
}

static void run_exactly_once(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i;

	if (!cx->in->resolved)
		return;
	if (cx->opts->version < MM2_VERSION(3, 5)) {
		mm2_check_not_applicable(cx, "exactly-once in dedicated mode needs Kafka 3.5 or "
					     "later");
		return;
	}
	check_top_level(cx, "exactly.once.source.support", "worker",
			m->nclusters > 1 ? m->clusters[1] : "<target>");
	check_top_level(cx, "exactly.once.support", "connector",
			m->nflows ? m->flows[0].name : "<source>-><target>");
	for (i = 0; i < m->nflows; i++)
		if (m->flows[i].enabled)
			check_flow(cx, &m->flows[i]);
}

static const char *const eos_vars[] = {"flow", "problem", "consequence", "fix", NULL};

const struct mm2_builtin mm2_topo_check_exactly_once = {"exactly-once-incomplete", NULL,
							run_exactly_once, eos_vars};
