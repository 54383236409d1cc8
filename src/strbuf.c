/*
 * Growable NUL-terminated byte buffer (strbuf.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "banned.h"

static char empty[1];

static void ensure(struct mm2_strbuf *sb, size_t extra)
{
	if (!sb->buf)
		sb->buf = empty;
	if (sb->len + extra + 1 <= sb->alloc)
		return;
	if (sb->buf == empty) {
		sb->buf = NULL;
		sb->alloc = 0;
	}
	MM2_GROW(sb->buf, sb->alloc, sb->len + extra + 1);
}

void mm2_strbuf_init(struct mm2_strbuf *sb)
{
	sb->buf = empty;
	sb->len = 0;
	sb->alloc = 0;
}

void mm2_strbuf_add(struct mm2_strbuf *sb, const void *data, size_t len)
{
	ensure(sb, len);
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void mm2_strbuf_addstr(struct mm2_strbuf *sb, const char *s)
{
	mm2_strbuf_add(sb, s, strlen(s));
}

void mm2_strbuf_addch(struct mm2_strbuf *sb, int c)
{
	char ch = (char)c;

	mm2_strbuf_add(sb, &ch, 1);
}

void mm2_strbuf_vaddf(struct mm2_strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	ensure(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void mm2_strbuf_addf(struct mm2_strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mm2_strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void mm2_strbuf_reset(struct mm2_strbuf *sb)
{
	sb->len = 0;
	if (sb->buf && sb->buf != empty)
		sb->buf[0] = '\0';
}

void mm2_strbuf_release(struct mm2_strbuf *sb)
{
	if (sb->buf != empty)
		free(sb->buf);
	mm2_strbuf_init(sb);
}

char *mm2_strbuf_detach(struct mm2_strbuf *sb, size_t *len)
{
	char *p;

	ensure(sb, 0);
	if (sb->buf == empty)
		p = mm2_xstrdup("");
	else
		p = sb->buf;
	if (len)
		*len = sb->len;
	mm2_strbuf_init(sb);
	return p;
}
