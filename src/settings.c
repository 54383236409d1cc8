/*
 * The settings file (settings.h), read with inih. inih stays inside this file.
 */
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mm2lint/diag.h"
#include "mm2lint/settings.h"
#include "mm2lint/util.h"
#include "banned.h"

static const char *const flow_keys[MM2_NFLOW_FACTS] = {"rtt-ms", "bandwidth-mbps"};
static const char *const cluster_keys[MM2_NCLUSTER_FACTS] = {
	"min-insync-replicas",
	"default-replication-factor",
	"brokers",
	"transaction-max-timeout-ms",
};

struct load {
	struct mm2_settings *s;
	struct mm2_arena *arena;
	char problem[256]; /* the first problem, without location */
};

static struct mm2_fact_set *find_set(struct mm2_fact_set *v, size_t n, const char *name)
{
	size_t i;

	for (i = n; i-- > 0;)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

static struct mm2_fact_set *get_set(struct mm2_fact_set **v, size_t *n, const char *name,
				    struct mm2_arena *a)
{
	struct mm2_fact_set *s = find_set(*v, *n, name), *nv;

	if (s)
		return s;
	nv = mm2_arena_alloc(a, (*n + 1) * sizeof(*nv));
	if (*n)
		memcpy(nv, *v, *n * sizeof(*nv));
	nv[*n].name = mm2_arena_strdup(a, name);
	*v = nv;
	return &nv[(*n)++];
}

void mm2_facts_set_flow(struct mm2_facts *f, const char *flow, enum mm2_flow_fact which, double v,
			struct mm2_arena *arena)
{
	struct mm2_fact_set *s = get_set(&f->flows, &f->nflows, flow, arena);

	s->v[which] = v;
	s->have |= 1u << which;
}

void mm2_facts_set_cluster(struct mm2_facts *f, const char *alias, enum mm2_cluster_fact which,
			   double v, struct mm2_arena *arena)
{
	struct mm2_fact_set *s = get_set(&f->clusters, &f->nclusters, alias, arena);

	s->v[which] = v;
	s->have |= 1u << which;
}

static bool fact(const struct mm2_fact_set *v, size_t n, const char *name, unsigned which,
		 double *out)
{
	const struct mm2_fact_set *s = find_set((struct mm2_fact_set *)v, n, name);

	if (!s || !(s->have & (1u << which)))
		return false;
	*out = s->v[which];
	return true;
}

bool mm2_facts_flow(const struct mm2_facts *f, const char *flow, enum mm2_flow_fact which,
		    double *out)
{
	return fact(f->flows, f->nflows, flow, which, out);
}

bool mm2_facts_cluster(const struct mm2_facts *f, const char *alias, enum mm2_cluster_fact which,
		       double *out)
{
	return fact(f->clusters, f->nclusters, alias, which, out);
}

static int problem(struct load *ld, const char *section, const char *name, const char *what)
{
	if (!ld->problem[0])
		snprintf(ld->problem, sizeof(ld->problem), "[%s] %s: %s", section, name, what);
	return 0;
}

static int number(struct load *ld, const char *section, const char *name, const char *value,
		  double *out)
{
	if (!mm2_parse_double(value, strlen(value), out) || *out < 0)
		return problem(ld, section, name, "not a non-negative number");
	return 1;
}

static int in_table(const char *const *keys, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(keys[i], name) == 0)
			return (int)i;
	return -1;
}

static int main_section(struct load *ld, const char *name, const char *value)
{
	struct mm2_settings *s = ld->s;
	double d;

	if (strcmp(name, "kafka-version") == 0)
		s->kafka_version = mm2_arena_strdup(ld->arena, value);
	else if (strcmp(name, "fail-on") == 0)
		s->fail_on = mm2_arena_strdup(ld->arena, value);
	else if (strcmp(name, "latency-multiplier") == 0) {
		if (number(ld, "mm2lint", name, value, &d) && d > 0)
			s->latency_multiplier = d;
	} else
		return problem(ld, "mm2lint", name, "unknown setting");
	return 1;
}

static int severity_section(struct load *ld, const char *name, const char *value)
{
	struct mm2_settings *s = ld->s;
	struct mm2_severity_override *v;
	int sev = mm2_severity_parse(value);

	if (sev < 0)
		return problem(ld, "severity", name, "not off, note, warning or error");
	v = mm2_arena_alloc(ld->arena, (s->nseverity + 1) * sizeof(*v));
	if (s->nseverity)
		memcpy(v, s->severity, s->nseverity * sizeof(*v));
	v[s->nseverity].id = mm2_arena_strdup(ld->arena, name);
	v[s->nseverity].severity = sev;
	s->severity = v;
	s->nseverity++;
	return 1;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct load *ld = user;
	double d;
	int k;

	if (strcmp(section, "mm2lint") == 0)
		return main_section(ld, name, value);
	if (strcmp(section, "severity") == 0)
		return severity_section(ld, name, value);
	if (strcmp(section, "objectives") == 0) {
		if (strcmp(name, "rpo-seconds") != 0)
			return problem(ld, section, name, "unknown setting");
		if (number(ld, section, name, value, &d)) {
			ld->s->facts.rpo_seconds = d;
			ld->s->facts.have_rpo = true;
		}
		return 1;
	}
	if (strncmp(section, "flow ", 5) == 0 && strstr(section + 5, "->")) {
		if ((k = in_table(flow_keys, MM2_NFLOW_FACTS, name)) < 0)
			return problem(ld, section, name, "unknown setting");
		if (number(ld, section, name, value, &d))
			mm2_facts_set_flow(&ld->s->facts, section + 5, (enum mm2_flow_fact)k, d,
					   ld->arena);
		return 1;
	}
	if (strncmp(section, "cluster ", 8) == 0 && section[8]) {
		if ((k = in_table(cluster_keys, MM2_NCLUSTER_FACTS, name)) < 0)
			return problem(ld, section, name, "unknown setting");
		if (number(ld, section, name, value, &d))
			mm2_facts_set_cluster(&ld->s->facts, section + 8, (enum mm2_cluster_fact)k,
					      d, ld->arena);
		return 1;
	}
	return problem(ld, section, name, "unknown section (see docs/settings.md)");
}

int mm2_settings_load(struct mm2_settings *s, const char *path, struct mm2_arena *arena,
		      struct mm2_error *err)
{
	struct load ld = {s, arena, ""};
	FILE *f;
	int line;

	memset(s, 0, sizeof(*s));
	s->path = path;
	if (!(f = fopen(path, "r")))
		return mm2_error_set(err, MM2_EIO, "cannot open '%s': %s", path, strerror(errno));
	line = ini_parse_file(f, handler, &ld);
	fclose(f);
	if (line != 0)
		return mm2_error_set(err, MM2_ECONFIG, "%s:%d: %s", path, line,
				     ld.problem[0] ? ld.problem : "not a valid settings line");
	return 0;
}

int mm2_settings_load_string(struct mm2_settings *s, const char *name, const char *text,
			     struct mm2_arena *arena, struct mm2_error *err)
{
	struct load ld = {s, arena, ""};
	int line;

	memset(s, 0, sizeof(*s));
	s->path = name;
	line = ini_parse_string(text, handler, &ld);
	if (line != 0)
		return mm2_error_set(err, MM2_ECONFIG, "%s:%d: %s", name, line,
				     ld.problem[0] ? ld.problem : "not a valid settings line");
	return 0;
}

const char *mm2_settings_find(const char *explicit_path, struct mm2_arena *arena)
{
	char dir[4096], *slash;
	struct stat st;

	if (explicit_path)
		return explicit_path;
	if (!getcwd(dir, sizeof(dir) - 16))
		return NULL;
	for (;;) {
		size_t len = strlen(dir);
		const char *candidate = mm2_arena_printf(arena, "%s%s.mm2lint.ini", dir,
							 len && dir[len - 1] == '/' ? "" : "/");

		if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode))
			return candidate;
		slash = strrchr(dir, '/');
		if (!slash || slash == dir) {
			if (dir[1] == '\0')
				return NULL;
			dir[1] = '\0';
			continue;
		}
		*slash = '\0';
	}
}
