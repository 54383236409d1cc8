/*
 * A bump allocator: one arena per lint run and one for the rule set, freed once.
 * Allocations are zeroed and cannot fail (out of memory aborts).
 */
#ifndef MM2LINT_ARENA_H
#define MM2LINT_ARENA_H

#include <stddef.h>

struct mm2_arena_block;

struct mm2_arena {
	struct mm2_arena_block *head;
};

#define MM2_ARENA_INIT                                                                             \
	{                                                                                          \
		0                                                                                  \
	}

void mm2_arena_init(struct mm2_arena *a);
/* N zeroed bytes, aligned for any type, owned by the arena. */
void *mm2_arena_alloc(struct mm2_arena *a, size_t n);
/* A NUL-terminated copy of S[0..N), owned by the arena. */
char *mm2_arena_strndup(struct mm2_arena *a, const char *s, size_t n);
char *mm2_arena_strdup(struct mm2_arena *a, const char *s);
char *mm2_arena_printf(struct mm2_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Free every block; the arena is empty and reusable afterwards. */
void mm2_arena_release(struct mm2_arena *a);

#endif
