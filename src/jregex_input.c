/*
 * The pattern as Java's Pattern.compile() hands it to its parser: code points
 * decoded from mm2lint's internal encoding, then \Q...\E quoting rewritten
 * into escapes (RemoveQEQuoting), with the byte offset of every position kept.
 */
#include <string.h>
#include "jregex_java.h"
#include "banned.h"

/* One UTF-8 sequence at S[*I..LEN): its code point, or -1 if it is not valid. */
static int32_t utf8(const unsigned char *s, size_t len, size_t *i)
{
	static const int32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	unsigned char c = s[*i];
	int n = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
	int32_t cp = n == 1 ? c : c & (0x7F >> n);
	int k;

	if (n == 0 || *i + (size_t)n > len)
		return -1;
	for (k = 1; k < n; k++) {
		if ((s[*i + k] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[*i + k] & 0x3F);
	}
	if (cp < min[n] || cp > JR_MAX_CP)
		return -1;
	*i += (size_t)n;
	return cp;
}

static void bad_text(struct jr_parser *p, const char *why, size_t off)
{
	if (p->status != MM2_JREGEX_OK)
		return;
	p->status = MM2_JREGEX_UNSUPPORTED;
	p->why = why;
	p->off = off;
}

/*
 * The caller's text as Java's code points (String.codePointAt): a high surrogate
 * unit followed by a low one is one supplementary character. Fills p->temp/src
 * with two trailing zeros, as Pattern.compile() does.
 */
void mm2_jr_decode(struct jr_parser *p, const char *pattern, size_t len)
{
	const unsigned char *s = (const unsigned char *)pattern;
	size_t i = 0, j;
	int n = 0;

	p->temp = mm2_arena_alloc(&p->arena, (len + 2) * sizeof(*p->temp));
	p->src = mm2_arena_alloc(&p->arena, (len + 2) * sizeof(*p->src));
	while (i < len) {
		size_t at = i;
		int32_t cp = utf8(s, len, &i);

		if (cp < 0) {
			bad_text(p, "the pattern is not valid text", at);
			cp = s[i++];
		} else if (cp >= 0xD800 && cp <= 0xDBFF && i < len) {
			int32_t lo;

			j = i;
			lo = utf8(s, len, &j);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i = j;
			}
		}
		if (cp >= 0xD800 && cp <= 0xDFFF)
			bad_text(p, "a lone surrogate: mm2lint cannot match it as Java does", at);
		p->src[n] = at;
		p->temp[n++] = cp;
	}
	p->plen = n;
	p->src[n] = p->src[n + 1] = len;
}

/*
 * Pattern.RemoveQEQuoting(): from the first \Q on, quoted text is rewritten with
 * escapes before parsing, so Java's error positions count the rewritten text;
 * src keeps pointing at the caller's bytes.
 */
void mm2_jr_remove_qe(struct jr_parser *p)
{
	const int32_t *t = p->temp;
	int plen = p->plen, i = 0, j;
	bool in_quote = true, begin_quote = true;
	int32_t *nt;
	size_t *ns;

	while (i < plen - 1 && (t[i] != '\\' || t[i + 1] != 'Q'))
		i += t[i] == '\\' ? 2 : 1;
	if (i >= plen - 1)
		return;
	j = i;
	i += 2;
	nt = mm2_arena_alloc(&p->arena, (size_t)(j + 4 + 3 * (plen - i)) * sizeof(*nt));
	ns = mm2_arena_alloc(&p->arena, (size_t)(j + 4 + 3 * (plen - i)) * sizeof(*ns));
	memcpy(nt, t, (size_t)j * sizeof(*nt));
	memcpy(ns, p->src, (size_t)j * sizeof(*ns));
#define PUT(c, at) (nt[j] = (c), ns[j++] = p->src[at])
	while (i < plen) {
		int from = i;
		int32_t c = t[i++];

		if (c >= 0x80 || jr_isalpha(c)) {
			PUT(c, from);
		} else if (jr_isdigit(c)) {
			/* \x3 before a digit, so that it cannot extend an escape before \Q */
			if (begin_quote) {
				PUT('\\', from);
				PUT('x', from);
				PUT('3', from);
			}
			PUT(c, from);
		} else if (c != '\\') {
			if (in_quote)
				PUT('\\', from);
			PUT(c, from);
		} else if (in_quote) {
			if (t[i] == 'E') {
				i++;
				in_quote = false;
			} else {
				PUT('\\', from);
				PUT('\\', from);
			}
		} else if (t[i] == 'Q') {
			i++;
			in_quote = true;
			begin_quote = true;
			continue;
		} else {
			PUT(c, from);
			if (i != plen) {
				PUT(t[i], i);
				i++;
			}
		}
		begin_quote = false;
	}
#undef PUT
	ns[j] = ns[j + 1] = p->src[plen];
	p->temp = nt;
	p->src = ns;
	p->plen = j;
}
