/*
 * The key checks that live outside check_keys.c, for its table: the value
 * checks (keys_typed.c) and the checks of the raw file text (keys_text.c).
 */
#ifndef MM2LINT_KEYS_CHECKS_H
#define MM2LINT_KEYS_CHECKS_H

#include "mm2lint/rules.h"

extern const struct mm2_builtin mm2_check_value_type;      /* MM2-KEY-002 */
extern const struct mm2_builtin mm2_check_value_validator; /* MM2-KEY-003 */
extern const struct mm2_builtin mm2_check_key_duplicate;   /* MM2-KEY-005 */
extern const struct mm2_builtin mm2_check_inline_comment;  /* MM2-KEY-006 */
extern const struct mm2_builtin mm2_check_raw_value;       /* MM2-KEY-007 */
extern const struct mm2_builtin mm2_check_non_ascii;       /* MM2-KEY-009 */

#endif
