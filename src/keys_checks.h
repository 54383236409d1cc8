/*
 * The key checks that live outside check_keys.c, for its table: the value
 * checks (keys_typed.c) and the checks of the raw file text (keys_text.c).
 */
#ifndef MM2LINT_KEYS_CHECKS_H
#define MM2LINT_KEYS_CHECKS_H

#include <string.h>
#include "mm2lint/rules.h"
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"

/*
 * SEV raised by the number of levels in params.NAME (0 if unset), at most to
 * error. Relative, so that --severity ID=LEVEL moves both levels of a rule.
 */
static inline enum mm2_severity mm2_keys_raise(enum mm2_severity sev, const struct mm2_node *params,
					       const char *name)
{
	const struct mm2_node *n = mm2_node_get(params, name);
	int64_t by = 0;

	if (n && n->kind == MM2_NODE_SCALAR)
		mm2_parse_long(n->str, strlen(n->str), &by);
	while (by-- > 0 && sev < MM2_SEV_ERROR)
		sev = (enum mm2_severity)(sev + 1);
	return sev;
}

/* 0, or an error if params.NAME is set to anything but 0, 1 or 2. */
static inline int mm2_keys_check_raise(const struct mm2_rule *r, const char *name,
				       struct mm2_error *err)
{
	const struct mm2_node *n = mm2_node_get(r->params, name);
	int64_t by;

	if (n && (n->kind != MM2_NODE_SCALAR || !mm2_parse_long(n->str, strlen(n->str), &by) ||
		  by < 0 || by > 2))
		return mm2_error_set(err, MM2_ERULE, "%s: params.%s takes 0, 1 or 2 (levels)",
				     r->path, name);
	return 0;
}

extern const struct mm2_builtin mm2_check_value_type;	   /* MM2-KEY-002 */
extern const struct mm2_builtin mm2_check_value_validator; /* MM2-KEY-003 */
extern const struct mm2_builtin mm2_check_key_duplicate;   /* MM2-KEY-005 */
extern const struct mm2_builtin mm2_check_inline_comment;  /* MM2-KEY-006 */
extern const struct mm2_builtin mm2_check_raw_value;	   /* MM2-KEY-007 */
extern const struct mm2_builtin mm2_check_non_ascii;	   /* MM2-KEY-009 */

/*
 * 0, or an error if params.NAME (a message the check uses instead of the rule's
 * own) is missing while REQUIRED, or names a {{placeholder}} not in VARS.
 */
static inline int mm2_keys_check_message(const struct mm2_rule *r, const char *name, bool required,
					 const char *const *vars, struct mm2_error *err)
{
	const struct mm2_node *n = mm2_node_get(r->params, name);
	const char *p, *open, *close;
	size_t i;

	if (!n || n->kind != MM2_NODE_SCALAR)
		return required || n ? mm2_error_set(err, MM2_ERULE,
						     "%s: params.%s: a message is "
						     "required",
						     r->path, name)
				     : 0;
	for (p = n->str; (open = strstr(p, "{{")) && (close = strstr(open + 2, "}}"));
	     p = close + 2) {
		size_t len = (size_t)(close - open - 2);

		for (i = 0; vars[i]; i++)
			if (strlen(vars[i]) == len && memcmp(vars[i], open + 2, len) == 0)
				break;
		if (!vars[i])
			return mm2_error_set(err, MM2_ERULE,
					     "%s:%u: unknown placeholder {{%.*s}} in "
					     "params.%s",
					     r->path, n->line, (int)len, open + 2, name);
	}
	return 0;
}

#endif
