/*
 * A growable byte buffer, always NUL-terminated (git's strbuf). buf may hold NUL
 * bytes; len counts them. Growth cannot fail (out of memory aborts).
 */
#ifndef MM2LINT_STRBUF_H
#define MM2LINT_STRBUF_H

#include <stddef.h>
#include <stdarg.h>

struct mm2_strbuf {
	char *buf; /* never NULL after init; "" when empty */
	size_t len;
	size_t alloc;
};

#define MM2_STRBUF_INIT                                                                            \
	{                                                                                          \
		0                                                                                  \
	}

void mm2_strbuf_init(struct mm2_strbuf *sb);
void mm2_strbuf_add(struct mm2_strbuf *sb, const void *data, size_t len);
void mm2_strbuf_addstr(struct mm2_strbuf *sb, const char *s);
void mm2_strbuf_addch(struct mm2_strbuf *sb, int c);
void mm2_strbuf_addf(struct mm2_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void mm2_strbuf_vaddf(struct mm2_strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void mm2_strbuf_reset(struct mm2_strbuf *sb);
/* Free the buffer; the strbuf is empty and reusable afterwards. */
void mm2_strbuf_release(struct mm2_strbuf *sb);
/* Hand the buffer to the caller (free() it); the strbuf is reset. */
char *mm2_strbuf_detach(struct mm2_strbuf *sb, size_t *len);

#endif
