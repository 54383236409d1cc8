/*
 * Allocation that cannot fail, and Kafka-compatible number parsing.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "mm2lint/util.h"
#include "banned.h"

_Noreturn void mm2_die_oom(void)
{
	fputs("mm2lint: out of memory\n", stderr);
	abort();
}

void *mm2_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		mm2_die_oom();
	return p;
}

void *mm2_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		mm2_die_oom();
	return p;
}

void *mm2_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		mm2_die_oom();
	return p;
}

char *mm2_xstrndup(const char *s, size_t n)
{
	char *p = mm2_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *mm2_xstrdup(const char *s)
{
	return mm2_xstrndup(s, strlen(s));
}

void mm2_grow(void **v, size_t *alloc, size_t n, size_t elem)
{
	size_t want;

	if (n <= *alloc)
		return;
	want = *alloc ? *alloc : 8;
	while (want < n) {
		if (want > SIZE_MAX / 2)
			mm2_die_oom();
		want *= 2;
	}
	if (want > SIZE_MAX / elem)
		mm2_die_oom();
	*v = mm2_xrealloc(*v, want * elem);
	*alloc = want;
}

void mm2_java_trim(const char **s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len;

	while (n && p[0] <= ' ') {
		p++;
		n--;
	}
	while (n && p[n - 1] <= ' ')
		n--;
	*s = (const char *)p;
	*len = n;
}

bool mm2_parse_long(const char *s, size_t len, int64_t *out)
{
	bool neg = false;
	uint64_t v = 0, lim;
	size_t i = 0;

	if (len && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return false;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < len; i++) {
		unsigned d;

		if (s[i] < '0' || s[i] > '9')
			return false;
		d = (unsigned)(s[i] - '0');
		if (v > (lim - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return true;
}

bool mm2_parse_double(const char *s, size_t len, double *out)
{
	char buf[64], *end;
	size_t i;

	if (len == 0 || len >= sizeof(buf))
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* Java accepts a trailing d/D/f/F; strtod accepts hex and inf/nan
		 * spellings Java does not, so allow only the plain decimal alphabet. */
		if (!isdigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-' &&
		    !((c == 'd' || c == 'D' || c == 'f' || c == 'F') && i == len - 1))
			return false;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (strchr("dDfF", buf[len - 1]))
		buf[len - 1] = '\0';
	errno = 0;
	*out = strtod(buf, &end);
	return end != buf && *end == '\0' && !isnan(*out);
}

bool mm2_streq_icase(const char *a, size_t alen, const char *b)
{
	size_t i;

	for (i = 0; i < alen; i++) {
		if (!b[i] || tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return false;
	}
	return b[alen] == '\0';
}
