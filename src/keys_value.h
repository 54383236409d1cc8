/*
 * Values as ConfigDef reads them, for the key checks: the type and validator a
 * key has in a given Kafka version (from the catalogue's history), whether a
 * value parses as that type, and whether it passes the validator.
 */
#ifndef MM2LINT_KEYS_VALUE_H
#define MM2LINT_KEYS_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include "mm2lint/arena.h"
#include "mm2lint/catalog.h"

/* K's type in version V (the history records type changes). */
enum mm2_type mm2_keys_type_at(const struct mm2_key *k, mm2_version v);

/*
 * K's validator in version V: "" for none, or NULL when the catalogue only says
 * that it changed ("validator changed"), so mm2lint cannot know it. The result
 * is a string of the catalogue or allocated from ARENA.
 */
const char *mm2_keys_validator_at(const struct mm2_key *k, mm2_version v, struct mm2_arena *arena);

/*
 * Does VALUE[0..LEN) (not yet trimmed) parse as TYPE the way ConfigDef.parseType
 * does after its trim? false with *WHY set (a static phrase) when it does not.
 * Values mm2lint cannot judge (a ${provider:…} reference, non-ASCII digits)
 * count as parsing.
 */
bool mm2_keys_parses(enum mm2_type type, const char *value, size_t len, const char **why);

enum mm2_keys_check { MM2_KEYS_PASS, MM2_KEYS_FAIL, MM2_KEYS_CANNOT };

/*
 * Check VALUE (of TYPE, already known to parse) against VALIDATOR, a rendering
 * of the catalogue: "[0,...]", "[1,...,17]", "[a, b]", "(case insensitive) [A, B]",
 * "[1,...,9] or -1", "non-empty string", "list:…" and combinations with ";".
 * On FAIL, *WHY (from ARENA) says what the validator wants. custom: validators
 * and ones mm2lint does not parse give MM2_KEYS_CANNOT.
 */
enum mm2_keys_check mm2_keys_validate(const char *validator, enum mm2_type type, const char *value,
				      const char **why, struct mm2_arena *arena);

#endif
