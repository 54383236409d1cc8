/*
 * MirrorMaker 2's default topic filter and the internal-topic test of its
 * default replication policies (filter.h).
 */
#include <string.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "filter.h"
#include "banned.h"

/* The 2.4 – 3.9 default of topics.exclude (topics.blacklist before 2.7). */
static const char *const old_exclude = ".*[\\-\\.]internal, .*\\.replica, __.*";

const char *mm2_filter_joined(const char *list, struct mm2_arena *arena)
{
	const char **items;
	size_t i, n = mm2_split_list(list, &items, arena);
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	const char *res;

	if (!n)
		return "(?!)";
	mm2_strbuf_init(&sb);
	for (i = 0; i < n; i++)
		mm2_strbuf_addf(&sb, "%s%s", i ? "|" : "", items[i]);
	res = mm2_arena_strndup(arena, sb.buf, sb.len);
	mm2_strbuf_release(&sb);
	return res;
}

struct mm2_jregex *mm2_filter_compile(const char *list, struct mm2_arena *arena)
{
	struct mm2_jregex_error err;
	const char *p;

	if (!list)
		return NULL;
	p = mm2_filter_joined(list, arena);
	return mm2_jregex_compile(p, strlen(p), &err);
}

/* The value of KEY at F's connectors, or NULL for none or a ${…} reference. */
static const char *known(struct mm2_check_ctx *cx, const struct mm2_flow *f, const char *key,
			 struct mm2_setting *s)
{
	if (!mm2_lookup(cx->cat, cx->opts->version, &cx->in->doc, f, MM2_AT_CONNECTOR, key, s, NULL,
			cx->arena) ||
	    strstr(s->value, "${"))
		return NULL;
	return s->value;
}

const char *mm2_filter_exclude(struct mm2_check_ctx *cx, const struct mm2_flow *f,
			       struct mm2_setting *s)
{
	mm2_version v = cx->opts->version;
	const char *val;

	if (v >= MM2_VERSION(2, 7)) {
		val = known(cx, f, "topics.exclude", s);
		if (val && (s->origin == MM2_ORIGIN_FILE || v >= MM2_VERSION(4, 0)))
			return val;
		if (!val && s->origin == MM2_ORIGIN_FILE)
			return NULL;
	}
	val = known(cx, f, "topics.blacklist", s);
	if (s->origin == MM2_ORIGIN_FILE)
		return val;
	memset(s, 0, sizeof(*s));
	s->origin = MM2_ORIGIN_DEFAULT;
	s->value = old_exclude;
	return old_exclude;
}

bool mm2_filter_is_default(struct mm2_check_ctx *cx, const struct mm2_flow *f)
{
	static const char dflt[] = "org.apache.kafka.connect.mirror.DefaultTopicFilter";
	struct mm2_setting s;
	const char *v = known(cx, f, "topic.filter.class", &s);
	size_t len;

	if (!v)
		return false;
	len = strlen(v);
	mm2_java_trim(&v, &len);
	return len == sizeof(dflt) - 1 && memcmp(v, dflt, len) == 0;
}

bool mm2_filter_policy_internal(const char *t, mm2_version v)
{
	size_t n = strlen(t);

	if (strncmp(t, "__", 2) == 0 || t[0] == '.')
		return true;
	if (strncmp(t, "mm2", 3) == 0 && n > 9 && strcmp(t + n - 9, ".internal") == 0)
		return true;
	if (n > 21 && strcmp(t + n - 21, ".checkpoints.internal") == 0)
		return true;
	return v < MM2_VERSION(4, 0) && n > 9 &&
	       (strcmp(t + n - 9, ".internal") == 0 || strcmp(t + n - 9, "-internal") == 0);
}
