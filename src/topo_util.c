/*
 * Helpers of the topology checks (topo.h): aliases, where they are written,
 * which flows replicate, and each flow's replication policy as MirrorMaker 2's
 * connectors read it.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "topo.h"
#include "banned.h"

int mm2_topo_alias_index(const struct mm2_mm2 *m, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < m->nclusters; i++)
		if (strlen(m->clusters[i]) == len && memcmp(m->clusters[i], s, len) == 0)
			return (int)i;
	return -1;
}

/* Levenshtein distance, for names of up to 64 bytes (longer: "far"). */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t row[65], i, j;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

const char *mm2_topo_nearest_alias(const struct mm2_mm2 *m, const char *s, size_t len)
{
	const char *best = NULL;
	size_t i, best_d = (size_t)-1;

	for (i = 0; i < m->nclusters; i++) {
		size_t la = strlen(m->clusters[i]), d = distance(s, len, m->clusters[i], la);
		size_t limit = (la > len ? la : len) / 3;

		if (d < best_d && d <= (limit ? limit : 1)) {
			best = m->clusters[i];
			best_d = d;
		}
	}
	return best;
}

const char *mm2_topo_alias_list(const struct mm2_mm2 *m, struct mm2_arena *arena)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	const char *res;
	size_t i;

	mm2_strbuf_init(&sb);
	for (i = 0; i < m->nclusters; i++)
		mm2_strbuf_addf(&sb, "%s%s", i ? ", " : "", m->clusters[i]);
	res = mm2_arena_strndup(arena, sb.buf, sb.len);
	mm2_strbuf_release(&sb);
	return res;
}

struct mm2_loc mm2_topo_alias_loc(const struct mm2_input *in, const char *alias)
{
	const struct mm2_entry *e = in->mm2.clusters_entry;
	struct mm2_loc none = {in->src, 1, 1, 0, 0};
	const char *v, *p, *end;
	size_t alen = strlen(alias);

	if (!e)
		return none;
	v = e->value;
	end = v + e->value_len;
	for (p = v; p < end;) {
		const char *comma = memchr(p, ',', (size_t)(end - p)), *stop = comma ? comma : end;
		const char *b = p, *t = stop;

		while (b < t && strchr(" \t\n\v\f\r", *b))
			b++;
		while (t > b && strchr(" \t\n\v\f\r", t[-1]))
			t--;
		if ((size_t)(t - b) == alen && memcmp(b, alias, alen) == 0)
			return mm2_entry_value_point(e, (size_t)(b - v));
		if (!comma)
			break;
		p = comma + 1;
	}
	return e->key_loc;
}

const struct mm2_flow *mm2_topo_flow(const struct mm2_mm2 *m, const char *s, const char *t)
{
	size_t i;

	for (i = 0; i < m->nflows; i++)
		if (strcmp(m->flows[i].source, s) == 0 && strcmp(m->flows[i].target, t) == 0)
			return &m->flows[i];
	return NULL;
}

/*
 * The shortest path of replicating flows from cluster FROM to cluster TO
 * (breadth first): see topo.h.
 */
size_t mm2_topo_shortest_path(const struct mm2_mm2 *m, const char *from, const char *to,
			      const struct mm2_flow **path)
{
	size_t nc = m->nclusters, head = 0, tail = 0, len = 0, i;
	const struct mm2_flow **via = mm2_xcalloc(nc, sizeof(*via));
	int *queue = mm2_xcalloc(nc, sizeof(*queue)),
	    start = mm2_topo_alias_index(m, from, strlen(from));
	int goal = mm2_topo_alias_index(m, to, strlen(to)), c;
	bool *seen = mm2_xcalloc(nc, sizeof(*seen));

	queue[tail++] = start;
	seen[start] = true;
	while (head < tail && !seen[goal]) {
		c = queue[head++];
		for (i = 0; i < m->nflows; i++) {
			const struct mm2_flow *f = &m->flows[i];
			int t = mm2_topo_alias_index(m, f->target, strlen(f->target));

			if (strcmp(f->source, m->clusters[c]) || seen[t] || !f->enabled)
				continue;
			seen[t] = true;
			via[t] = f;
			queue[tail++] = t;
		}
	}
	if (seen[goal] && goal != start) {
		for (c = goal; c != start;
		     c = mm2_topo_alias_index(m, via[c]->source, strlen(via[c]->source)))
			len++;
		for (i = len, c = goal; i > 0; i--) {
			path[i - 1] = via[c];
			c = mm2_topo_alias_index(m, via[c]->source, strlen(via[c]->source));
		}
	}
	free(via);
	free(queue);
	free(seen);
	return len;
}

const char *mm2_topo_raw_value(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			       const char *key, struct mm2_setting *s)
{
	if (!mm2_lookup(cx->cat, cx->opts->version, &cx->in->doc, f, at, key, s, NULL, cx->arena) ||
	    strstr(s->value, "${"))
		return NULL;
	return s->value;
}

const char *mm2_topo_value(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
			   const char *key, struct mm2_setting *s)
{
	const char *v = mm2_topo_raw_value(cx, f, at, key, s);
	size_t len;

	if (!v)
		return NULL;
	len = strlen(v);
	mm2_java_trim(&v, &len);
	return mm2_arena_strndup(cx->arena, v, len);
}

enum mm2_topo_policy mm2_topo_policy_of(struct mm2_check_ctx *cx, const struct mm2_flow *f,
					const char **separator)
{
	static const char *const pkg = "org.apache.kafka.connect.mirror.";
	struct mm2_setting s;
	const char *cls = mm2_topo_value(cx, f, MM2_AT_CONNECTOR, "replication.policy.class", &s);
	size_t plen = strlen(pkg);

	*separator =
		mm2_topo_raw_value(cx, f, MM2_AT_CONNECTOR, "replication.policy.separator", &s);
	if (!cls || strncmp(cls, pkg, plen) != 0)
		return MM2_TOPO_POLICY_UNKNOWN;
	if (strcmp(cls + plen, "DefaultReplicationPolicy") == 0)
		return MM2_TOPO_POLICY_DEFAULT;
	/* IdentityReplicationPolicy arrived in 3.0; before, MirrorMaker 2 cannot load it. */
	if (strcmp(cls + plen, "IdentityReplicationPolicy") == 0 &&
	    cx->opts->version >= MM2_VERSION(3, 0))
		return MM2_TOPO_POLICY_IDENTITY;
	return MM2_TOPO_POLICY_UNKNOWN;
}
