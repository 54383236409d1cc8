/*
 * MirrorMaker 2's default topic filter and replication policies, as the checks
 * that reason about topic names need them (check_filter.c, topo_sim.c).
 */
#ifndef MM2LINT_FILTER_H
#define MM2LINT_FILTER_H

#include <stdbool.h>
#include "mm2lint/jregex.h"
#include "mm2lint/lint.h"

/* DefaultTopicFilter's pattern for a LIST value: the items joined with '|';
 * an empty list is "(?!)", which matches nothing. From ARENA. */
const char *mm2_filter_joined(const char *list, struct mm2_arena *arena);
/* That pattern compiled as Java would; NULL when LIST is NULL or mm2lint cannot
 * tell what Java does with it. Free with mm2_jregex_free. */
struct mm2_jregex *mm2_filter_compile(const char *list, struct mm2_arena *arena);
/*
 * The exclude list F's source connector uses: topics.exclude, or before 4.0 the
 * old name topics.blacklist when only that is set (before 2.7 the only name),
 * else the version's default. *S says where it came from. NULL when it cannot
 * be known (a ${provider:…} reference).
 */
const char *mm2_filter_exclude(struct mm2_check_ctx *cx, const struct mm2_flow *f,
			       struct mm2_setting *s);
/* true if F filters topics with DefaultTopicFilter (another class decides alone). */
bool mm2_filter_is_default(struct mm2_check_ctx *cx, const struct mm2_flow *f);
/* ReplicationPolicy.isInternalTopic of the default policies in version V: never
 * replicated, whatever the filter says. */
bool mm2_filter_policy_internal(const char *topic, mm2_version v);

#endif
