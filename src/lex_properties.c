/*
 * The .properties lexer (props.h): reads a file exactly as JDK 9+ does in
 * java.util.Properties.load(InputStream), keeping every occurrence of every key
 * with its location. Runs after source.c; the shape stage reads its entries.
 *
 * The grammar it accepts:
 *
 * Characters. Every byte is one ISO-8859-1 character. Whitespace is space, tab
 * and form feed, nothing else. A natural line ends at LF, CR or CRLF.
 *
 * Logical lines. Reading skips whitespace and line terminators. If nothing has
 * been gathered yet and the next character is '#' or '!', the natural line is a
 * comment, up to its terminator; a comment never continues. Otherwise the rest
 * of the natural line is gathered. When it ends in an odd number of backslashes
 * the last backslash and the terminator (CRLF as one) are dropped and the next
 * natural line, minus its leading whitespace, is gathered too; an empty natural
 * line there ends the logical line, except when nothing has been gathered yet
 * (a line holding a lone backslash), where reading goes on as at the start, so
 * a '#' line after "\" is still a comment. A backslash that would join but is
 * followed by the end of input is dropped; so is one whose terminator is the
 * last byte of the input: "\" LF at the end is an entry with an empty key and
 * value, "\" CRLF at the end is none (the CR joins, the LF goes with it).
 *
 * Key and value. The key runs to the first '=', ':' or whitespace character
 * that is not escaped (preceded by an odd run of backslashes). Then whitespace,
 * at most one '=' or ':', and whitespace again are skipped. The value is the
 * rest of the logical line, trailing whitespace included.
 *
 * Escapes, decoded in key and value after the split: \t \n \r \f; \u and
 * exactly four hex digits, one UTF-16 unit (anything else after \u makes Java
 * throw, and the whole file loads nothing); a backslash before any other
 * character stands for that character.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/props.h"
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "banned.h"

static const char malformed_msg[] = "malformed \\uxxxx encoding";

/* A run of logical-line characters that sit side by side in the file. */
struct seg {
	size_t at;  /* index in the line buffer */
	size_t off; /* byte offset in the source */
};

struct lexer {
	const char *data;
	size_t len;
	size_t pos; /* next byte to read */
	char *line; /* the logical line as gathered, escapes undecoded */
	size_t line_len, line_alloc;
	struct seg *seg; /* where each part of line came from, in order */
	size_t nseg, seg_alloc;
	size_t end_off; /* where the logical line stopped: its terminator or EOF */
	char *dec;	/* decoding scratch, copied to the arena once */
	size_t dec_alloc;
};

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\f';
}

static bool is_eol(char c)
{
	return c == '\n' || c == '\r';
}

/* Skip whitespace; terminators too, unless this is a continuation line. */
static void skip_blank(struct lexer *lx, bool joined)
{
	while (lx->pos < lx->len) {
		char c = lx->data[lx->pos];

		if (!is_ws(c) && (joined || !is_eol(c)))
			break;
		lx->pos++;
	}
}

/* Skip a comment and its terminator's first byte; false if it runs to EOF. */
static bool skip_comment(struct lexer *lx)
{
	while (lx->pos < lx->len)
		if (is_eol(lx->data[lx->pos++]))
			return true;
	return false;
}

static void add_seg(struct lexer *lx, size_t at, size_t off)
{
	/* A part that was only the joining backslash has nothing left: reuse it. */
	if (lx->nseg && lx->seg[lx->nseg - 1].at == at) {
		lx->seg[lx->nseg - 1].off = off;
		return;
	}
	MM2_GROW(lx->seg, lx->seg_alloc, lx->nseg + 1);
	lx->seg[lx->nseg].at = at;
	lx->seg[lx->nseg].off = off;
	lx->nseg++;
}

/*
 * Gather the rest of the natural line into the line buffer, leaving pos on its
 * terminator (or at EOF). Returns whether it ends in an odd run of backslashes.
 */
static bool gather(struct lexer *lx)
{
	const char *d = lx->data;
	size_t start = lx->pos, end = start, j;

	while (end < lx->len && !is_eol(d[end]))
		end++;
	add_seg(lx, lx->line_len, start);
	MM2_GROW(lx->line, lx->line_alloc, lx->line_len + (end - start) + 1);
	memcpy(lx->line + lx->line_len, d + start, end - start);
	lx->line_len += end - start;
	lx->pos = end;
	for (j = end; j > start && d[j - 1] == '\\'; j--)
		;
	return (end - j) & 1;
}

/* Read the next logical line into lx->line; false when the input has no more. */
static bool read_line(struct lexer *lx)
{
	bool joined = false, odd;
	char c;

	lx->line_len = 0;
	lx->nseg = 0;
	for (;;) {
		skip_blank(lx, joined);
		if (lx->pos >= lx->len) {
			lx->end_off = lx->len;
			return lx->line_len > 0;
		}
		c = lx->data[lx->pos];
		joined = false;
		/* Nothing gathered yet, even after a lone "\": a comment (JDK 9+). */
		if (lx->line_len == 0 && (c == '#' || c == '!')) {
			if (!skip_comment(lx))
				return false;
			continue;
		}
		odd = false;
		if (!is_eol(c)) {
			odd = gather(lx);
			if (lx->pos >= lx->len) {
				lx->end_off = lx->len;
				if (odd)
					lx->line_len--;
				return true;
			}
			c = lx->data[lx->pos];
		}
		lx->pos++;
		/* An empty natural line, or one after a lone "\": start over. */
		if (lx->line_len == 0)
			continue;
		/* A terminator that is the last byte ends the line, backslash or not. */
		if (!odd || lx->pos >= lx->len) {
			lx->end_off = lx->pos - 1;
			if (odd)
				lx->line_len--;
			return true;
		}
		lx->line_len--; /* the joining backslash */
		if (c == '\r' && lx->data[lx->pos] == '\n')
			lx->pos++;
		joined = true;
	}
}

/* Source offset of line buffer index AT; end_off for the index past the last. */
static size_t src_off(const struct lexer *lx, size_t at)
{
	size_t lo = 0, hi = lx->nseg;

	if (at >= lx->line_len)
		return lx->end_off;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (lx->seg[mid].at <= at)
			lo = mid;
		else
			hi = mid;
	}
	return lx->seg[lo].off + (at - lx->seg[lo].at);
}

/* Split S[0..N) as Properties.load0 does: key S[0..*KEY_LEN), value from *VALUE_AT. */
static void split(const char *s, size_t n, size_t *key_len, size_t *value_at)
{
	bool esc = false, sep = false;
	size_t k, v;

	for (k = 0; k < n; k++) {
		char c = s[k];

		if (!esc && (c == '=' || c == ':' || is_ws(c))) {
			sep = !is_ws(c);
			break;
		}
		esc = c == '\\' && !esc;
	}
	for (v = k < n ? k + 1 : n; v < n; v++) {
		char c = s[v];

		if (is_ws(c))
			continue;
		if (sep || (c != '=' && c != ':'))
			break;
		sep = true;
	}
	*key_len = k;
	*value_at = v;
}

/* Append UTF-16 unit U at P in the internal encoding; returns the new end. */
static char *put_unit(char *p, unsigned u)
{
	if (u < 0x80) {
		*p++ = (char)u;
	} else if (u < 0x800) {
		*p++ = (char)(0xC0 | u >> 6);
		*p++ = (char)(0x80 | (u & 0x3F));
	} else {
		*p++ = (char)(0xE0 | u >> 12);
		*p++ = (char)(0x80 | ((u >> 6) & 0x3F));
		*p++ = (char)(0x80 | (u & 0x3F));
	}
	return p;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* \uXXXX at S[0..N) (after the "\u"): the unit, or -1 if malformed. */
static long hex4(const char *s, size_t n)
{
	long u = 0;
	int i;

	if (n < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return -1;
		u = u << 4 | d;
	}
	return u;
}

static unsigned short_escape(char c)
{
	switch (c) {
	case 't':
		return '\t';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 'f':
		return '\f';
	default:
		return (unsigned char)c;
	}
}

/*
 * Decode line[at..at+n) into lx->dec; *OUT_LEN is its length. False on a
 * malformed \uXXXX, with *BAD the line index of its backslash.
 */
static bool decode(struct lexer *lx, size_t at, size_t n, size_t *out_len, size_t *bad)
{
	const char *s = lx->line + at;
	size_t i = 0;
	char *p;

	/* Each input byte gives at most two output bytes; \uXXXX six for three. */
	MM2_GROW(lx->dec, lx->dec_alloc, 2 * n + 1);
	p = lx->dec;
	while (i < n) {
		char c = s[i++];
		long u;

		if (c != '\\' || i == n) {
			p = put_unit(p, (unsigned char)c);
			continue;
		}
		c = s[i++];
		if (c != 'u') {
			p = put_unit(p, short_escape(c));
			continue;
		}
		u = hex4(s + i, n - i);
		if (u < 0) {
			*bad = at + i - 2;
			return false;
		}
		p = put_unit(p, (unsigned)u);
		i += 4;
	}
	*out_len = (size_t)(p - lx->dec);
	return true;
}

static bool convert(struct lexer *lx, struct mm2_arena *arena, size_t at, size_t n,
		    const char **out, size_t *out_len, size_t *bad)
{
	if (!decode(lx, at, n, out_len, bad))
		return false;
	*out = mm2_arena_strndup(arena, lx->dec, *out_len);
	return true;
}

static void fail(struct mm2_props *out, const struct mm2_source *src, size_t off)
{
	out->failed = true;
	out->error_off = off;
	out->error_msg = malformed_msg;
	mm2_source_pos(src, off, &out->error_line, &out->error_col);
}

/* Turn the logical line into an entry; false (and out->failed) if Java would throw. */
static bool add_entry(struct lexer *lx, struct mm2_props *out, const struct mm2_source *src,
		      struct mm2_arena *arena)
{
	struct mm2_prop e;
	size_t key_len, value_at, bad = 0;
	unsigned end_line, end_col;

	memset(&e, 0, sizeof(e));
	split(lx->line, lx->line_len, &key_len, &value_at);
	if (!convert(lx, arena, 0, key_len, &e.key, &e.key_len, &bad) ||
	    !convert(lx, arena, value_at, lx->line_len - value_at, &e.value, &e.value_len, &bad)) {
		fail(out, src, src_off(lx, bad));
		return false;
	}
	/* An empty logical line (a lone "\" at the end) still has a first part. */
	e.key_off = lx->nseg ? lx->seg[0].off : lx->end_off;
	e.value_off = src_off(lx, value_at);
	e.end_off = lx->end_off;
	mm2_source_pos(src, e.key_off, &e.key_line, &e.key_col);
	mm2_source_pos(src, e.value_off, &e.value_line, &e.value_col);
	mm2_source_pos(src, e.end_off, &end_line, &end_col);
	e.continued = end_line > e.key_line;
	MM2_GROW(out->v, out->alloc, out->n + 1);
	out->v[out->n++] = e;
	return true;
}

static uint64_t hash_key(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

static bool same_key(const struct mm2_prop *a, const struct mm2_prop *b)
{
	return a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0;
}

/* Mark every occurrence but the last of each key, walking back with a hash set. */
static void mark_shadowed(struct mm2_props *p)
{
	size_t cap = 16, i, *slot;

	while (cap < 2 * p->n)
		cap *= 2;
	slot = mm2_xcalloc(cap, sizeof(*slot)); /* entry index + 1; 0 is free */
	for (i = p->n; i-- > 0;) {
		struct mm2_prop *e = &p->v[i];
		size_t h = (size_t)hash_key(e->key, e->key_len) & (cap - 1);

		while (slot[h] && !same_key(&p->v[slot[h] - 1], e))
			h = (h + 1) & (cap - 1);
		if (slot[h])
			e->shadowed = true;
		else
			slot[h] = i + 1;
	}
	free(slot);
}

void mm2_props_parse(struct mm2_props *out, const struct mm2_source *src, struct mm2_arena *arena)
{
	struct lexer lx;

	memset(&lx, 0, sizeof(lx));
	lx.data = src->data;
	lx.len = src->len;
	while (read_line(&lx))
		if (!add_entry(&lx, out, src, arena))
			break;
	mark_shadowed(out);
	free(lx.line);
	free(lx.seg);
	free(lx.dec);
}

void mm2_props_release(struct mm2_props *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

const struct mm2_prop *mm2_props_last(const struct mm2_props *p, const char *key, size_t key_len)
{
	size_t i;

	for (i = p->n; i-- > 0;) {
		const struct mm2_prop *e = &p->v[i];

		if (e->key_len == key_len && memcmp(e->key, key, key_len) == 0)
			return e;
	}
	return NULL;
}

/* The next UTF-16 unit of S[*I..N) in the internal encoding. */
static unsigned next_unit(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t left = n - *i;

	if (u[0] >= 0xE0 && left >= 3) {
		*i += 3;
		return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	if (u[0] >= 0xC0 && left >= 2) {
		*i += 2;
		return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	*i += 1;
	return u[0];
}

static void quote(struct mm2_strbuf *sb, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	mm2_strbuf_addch(sb, '"');
	while (i < n) {
		unsigned u = next_unit(s, n, &i);
		const char *two = NULL;
		char esc[6] = {'\\', 'u'};

		switch (u) {
		case '"':
			two = "\\\"";
			break;
		case '\\':
			two = "\\\\";
			break;
		case '\b':
			two = "\\b";
			break;
		case '\t':
			two = "\\t";
			break;
		case '\n':
			two = "\\n";
			break;
		case '\f':
			two = "\\f";
			break;
		case '\r':
			two = "\\r";
			break;
		}
		if (two) {
			mm2_strbuf_add(sb, two, 2);
		} else if (u < 0x20 || u >= 0x7F) {
			esc[2] = hex[u >> 12 & 0xF];
			esc[3] = hex[u >> 8 & 0xF];
			esc[4] = hex[u >> 4 & 0xF];
			esc[5] = hex[u & 0xF];
			mm2_strbuf_add(sb, esc, sizeof(esc));
		} else {
			mm2_strbuf_addch(sb, (int)u);
		}
	}
	mm2_strbuf_addch(sb, '"');
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void mm2_props_dump(const struct mm2_props *p, FILE *out)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	char **lines = mm2_xcalloc(p->n ? p->n : 1, sizeof(*lines));
	size_t i, n = 0;

	for (i = 0; i < p->n; i++) {
		const struct mm2_prop *e = &p->v[i];

		if (e->shadowed)
			continue;
		mm2_strbuf_init(&sb);
		quote(&sb, e->key, e->key_len);
		mm2_strbuf_addch(&sb, '\t');
		quote(&sb, e->value, e->value_len);
		lines[n++] = mm2_strbuf_detach(&sb, NULL);
	}
	qsort(lines, n, sizeof(*lines), cmp_lines);
	for (i = 0; i < n; i++) {
		fputs(lines[i], out);
		fputc('\n', out);
		free(lines[i]);
	}
	free(lines);
}
