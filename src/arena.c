/*
 * Bump allocator (arena.h). Blocks grow geometrically; a request larger than a
 * block gets a block of its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/arena.h"
#include "mm2lint/util.h"
#include "banned.h"

struct mm2_arena_block {
	struct mm2_arena_block *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

void mm2_arena_init(struct mm2_arena *a)
{
	a->head = NULL;
}

void *mm2_arena_alloc(struct mm2_arena *a, size_t n)
{
	struct mm2_arena_block *b = a->head;
	size_t align = _Alignof(max_align_t);
	void *p;

	n = (n + align - 1) & ~(align - 1);
	if (!n)
		n = align;
	if (!b || b->size - b->used < n) {
		size_t size = b ? b->size * 2 : 16384;

		if (size > (1u << 22))
			size = 1u << 22;
		if (size < n)
			size = n;
		b = mm2_xmalloc(sizeof(*b) + size);
		b->next = a->head;
		b->used = 0;
		b->size = size;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *mm2_arena_strndup(struct mm2_arena *a, const char *s, size_t n)
{
	char *p = mm2_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *mm2_arena_strdup(struct mm2_arena *a, const char *s)
{
	return mm2_arena_strndup(a, s, strlen(s));
}

char *mm2_arena_printf(struct mm2_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = mm2_arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void mm2_arena_release(struct mm2_arena *a)
{
	struct mm2_arena_block *b = a->head;

	while (b) {
		struct mm2_arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
}
