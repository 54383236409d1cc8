/*
 * How a topic name travels along MirrorMaker 2 flows (topo.h): at each hop the
 * source connector's topic filter, its internal-topic and cycle tests, and the
 * renaming of its replication policy, as MirrorSourceConnector applies them.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/jregex.h"
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "filter.h"
#include "topo.h"
#include "banned.h"

struct hop {
	const struct mm2_flow *f;
	enum mm2_topo_policy policy;
	const char *sep;
	struct mm2_jregex *inc, *exc;
};

static bool hop_init(struct mm2_check_ctx *cx, struct hop *h, const struct mm2_flow *f)
{
	struct mm2_setting s;

	memset(h, 0, sizeof(*h));
	h->f = f;
	h->policy = mm2_topo_policy_of(cx, f, &h->sep);
	if (h->policy == MM2_TOPO_POLICY_UNKNOWN || !h->sep || !*h->sep ||
	    !mm2_filter_is_default(cx, f))
		return false;
	h->inc = mm2_filter_compile(mm2_topo_raw_value(cx, f, MM2_AT_CONNECTOR, "topics", &s),
				    cx->arena);
	h->exc = mm2_filter_compile(mm2_filter_exclude(cx, f, &s), cx->arena);
	return h->inc && h->exc;
}

/*
 * DefaultReplicationPolicy.topicSource: the text before the first separator,
 * provided String.split leaves a second part (trailing separators do not count).
 */
static const char *topic_source_end(const char *t, const char *sep)
{
	size_t slen = strlen(sep);
	const char *at = strstr(t, sep), *p;

	if (!at)
		return NULL;
	for (p = at; strncmp(p, sep, slen) == 0; p += slen)
		;
	return *p ? at : NULL;
}

/* MirrorSourceConnector.isCycle: does a hop of NAME's origin chain come from the target? */
static bool is_cycle(const struct hop *h, const char *t)
{
	size_t slen = strlen(h->sep), tlen = strlen(h->f->target);
	const char *at;

	if (h->policy == MM2_TOPO_POLICY_IDENTITY)
		return false; /* the walk stops at once: upstream of a name is the name */
	while ((at = topic_source_end(t, h->sep))) {
		if ((size_t)(at - t) == tlen && memcmp(t, h->f->target, tlen) == 0)
			return true;
		t = at + slen;
	}
	return false;
}

/* One hop: false if NAME stops here; *OUT is its name on the target. */
static enum mm2_topo_sim_result hop_pass(struct mm2_check_ctx *cx, const struct hop *h,
					 const char *name, const char **out)
{
	enum mm2_jregex_match in, ex;

	if (mm2_filter_policy_internal(name, cx->opts->version))
		return MM2_TOPO_SIM_STOPPED;
	in = mm2_jregex_matches(h->inc, name, strlen(name));
	ex = mm2_jregex_matches(h->exc, name, strlen(name));
	if (in == MM2_JREGEX_NOMATCH || ex == MM2_JREGEX_MATCH)
		return MM2_TOPO_SIM_STOPPED;
	if (in != MM2_JREGEX_MATCH || ex != MM2_JREGEX_NOMATCH)
		return MM2_TOPO_SIM_UNKNOWN;
	if (is_cycle(h, name))
		return MM2_TOPO_SIM_STOPPED;
	*out = h->policy == MM2_TOPO_POLICY_IDENTITY
		       ? name
		       : mm2_arena_printf(cx->arena, "%s%s%s", h->f->source, h->sep, name);
	return MM2_TOPO_SIM_PASSES;
}

enum mm2_topo_sim_result mm2_topo_sim_run(struct mm2_check_ctx *cx,
					  const struct mm2_flow *const *flows, size_t n,
					  unsigned rounds, const char *name, const char **last)
{
	struct hop *hops = mm2_xcalloc(n ? n : 1, sizeof(*hops));
	enum mm2_topo_sim_result r = MM2_TOPO_SIM_PASSES;
	size_t i, k;

	for (i = 0; i < n && r == MM2_TOPO_SIM_PASSES; i++)
		if (!hop_init(cx, &hops[i], flows[i]))
			r = MM2_TOPO_SIM_UNKNOWN;
	for (k = 0; k < rounds && r == MM2_TOPO_SIM_PASSES; k++) {
		for (i = 0; i < n && r == MM2_TOPO_SIM_PASSES; i++)
			r = hop_pass(cx, &hops[i], name, &name);
		if (k == 0 && r == MM2_TOPO_SIM_PASSES)
			*last = name;
	}
	for (i = 0; i < n; i++) {
		mm2_jregex_free(hops[i].inc);
		mm2_jregex_free(hops[i].exc);
	}
	free(hops);
	return r;
}

/* A filter item that is a plain name, or a plain prefix and ".*": its sample. */
static const char *sample_of(const char *item, bool *simple, struct mm2_arena *a)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	size_t len = strlen(item), i;
	const char *res = NULL;
	bool prefix = false;

	*simple = true;
	if (len && item[0] == '^')
		item++, len--;
	if (len && item[len - 1] == '$')
		len--;
	if (len >= 2 && item[len - 2] == '.' && item[len - 1] == '*')
		prefix = true, len -= 2;
	mm2_strbuf_init(&sb);
	for (i = 0; i < len; i++) {
		char c = item[i];

		if (c == '\\' && i + 1 < len && strchr(".-_", item[i + 1])) {
			mm2_strbuf_addch(&sb, item[++i]);
		} else if (c == '.') {
			*simple = false; /* any character: the name is a witness, not the set */
			mm2_strbuf_addch(&sb, c);
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   (c >= '0' && c <= '9') || c == '-' || c == '_') {
			mm2_strbuf_addch(&sb, c);
		} else {
			*simple = false;
			goto out;
		}
	}
	if (!sb.len)
		mm2_strbuf_addstr(&sb, prefix ? "my-topic" : "");
	else if (prefix && strchr("._-", sb.buf[sb.len - 1]))
		mm2_strbuf_addstr(&sb, "events");
	if (sb.len)
		res = mm2_arena_strndup(a, sb.buf, sb.len);
out:
	mm2_strbuf_release(&sb);
	return res;
}

size_t mm2_topo_sim_samples(struct mm2_check_ctx *cx, const struct mm2_flow *const *flows,
			    size_t nflows, const char ***names, bool *all_simple)
{
	const char **v = NULL;
	size_t n = 0, alloc = 0, i, j, k;

	*all_simple = true;
	for (i = 0; i < nflows; i++) {
		struct mm2_setting s;
		const char *topics =
			mm2_topo_raw_value(cx, flows[i], MM2_AT_CONNECTOR, "topics", &s);
		const char **items;
		size_t m;

		if (!topics) {
			*all_simple = false;
			continue;
		}
		m = mm2_split_list(topics, &items, cx->arena);
		for (j = 0; j < m; j++) {
			bool simple;
			const char *name = sample_of(items[j], &simple, cx->arena);

			*all_simple = *all_simple && simple;
			for (k = 0; name && k < n && strcmp(v[k], name); k++)
				;
			if (!name || k < n)
				continue;
			MM2_GROW(v, alloc, n + 1);
			v[n++] = name;
		}
	}
	*names = mm2_arena_alloc(cx->arena, (n ? n : 1) * sizeof(**names));
	if (n)
		memcpy(*names, v, n * sizeof(*v));
	free(v);
	return n;
}
