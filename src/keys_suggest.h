/*
 * "Did you mean": the nearest real key to a misspelt one, for the key checks
 * (check_keys.c). An edit distance in the manner of git's levenshtein.c, plus
 * two mistakes an edit distance ranks badly: words in the wrong order
 * (max.tasks for tasks.max) and a key cut short before ".enabled".
 */
#ifndef MM2LINT_KEYS_SUGGEST_H
#define MM2LINT_KEYS_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Weighted Damerau-Levenshtein distance between A and B, case-insensitively
 * (a difference of case alone costs nothing): swapping two adjacent characters,
 * substituting, inserting and deleting one each cost 1. Stops early and returns
 * LIMIT + 1 once the distance is known to exceed LIMIT.
 */
unsigned mm2_keys_distance(const char *a, const char *b, unsigned limit);

/* The largest distance at which CANDIDATE still counts as what KEY meant. */
unsigned mm2_keys_near_limit(const char *key, const char *candidate);

/* true if A and B hold the same dot-separated words in another order. */
bool mm2_keys_same_words(const char *a, const char *b);

/* The best candidate seen so far for one misspelt key. */
struct mm2_keys_suggest {
	const char *key;  /* what was written (without any prefix) */
	unsigned limit;	  /* no candidate farther than this counts (0: take near_limit) */
	const char *best; /* NULL: none yet */
	unsigned dist;
};

void mm2_keys_suggest_init(struct mm2_keys_suggest *sg, const char *key, unsigned limit);
/* Consider CANDIDATE (borrowed: it must outlive SG). */
void mm2_keys_suggest_try(struct mm2_keys_suggest *sg, const char *candidate);

#endif
