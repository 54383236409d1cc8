/*
 * Java regular expressions (jregex.h): the PCRE2 side. jregex_parse.c decides
 * whether Java accepts a pattern and writes it as PCRE2 syntax; here that is
 * compiled (in pieces if PCRE2 finds it too large) and matched whole-string.
 * PCRE2's types stay in this file.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "jregex_java.h"
#include "mm2lint/util.h"
#include "banned.h"

/* Backtracking steps per match: a topic name is at most 249 characters. */
#define MATCH_LIMIT 1000000

struct mm2_jregex {
	/* One compiled pattern, or several when it was too large for PCRE2: see compile_alts() */
	pcre2_code **codes;
	size_t ncodes, codes_alloc;
	pcre2_match_context *mctx;
	bool unicode;	   /* non-ASCII subjects need tables mm2lint lacks */
	bool behind_units; /* supplementary characters confuse Java's look-behind */
};

static void set_err(struct mm2_jregex_error *err, enum mm2_jregex_status status, const char *why,
		    size_t off)
{
	if (!err)
		return;
	err->status = status;
	err->why = why;
	err->off = off;
}

/* PCRE2 refused a pattern Java accepts: mm2lint cannot evaluate it, Java is fine. */
static const char *pcre2_refusal(int code)
{
	switch (code) {
	case PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH:
	case PCRE2_ERROR_LOOKBEHIND_TOO_COMPLICATED:
	case PCRE2_ERROR_LOOKBEHIND_TOO_LONG:
		return "a look-behind of variable length: PCRE2 cannot evaluate it";
	case PCRE2_ERROR_PATTERN_TOO_LARGE:
		return "a pattern too large for PCRE2";
	default:
		return "a pattern beyond what PCRE2 can evaluate";
	}
}

/*
 * Compile alternatives FROM..TO-1 of T as one anchored pattern ending in \z. A
 * topic list of a few thousand names is more than PCRE2 compiles in one piece
 * (64 KiB of code), but "A|B" matches a whole name exactly when A or B does, so
 * a pattern too large is split between its top-level alternatives, unless
 * back-references tie them together. Returns 0 or PCRE2's error code.
 */
static int compile_alts(struct mm2_jregex *re, const struct mm2_jr_out *t, size_t from, size_t to)
{
	size_t start = t->alts[from], end = to < t->nalts ? t->alts[to] - 1 : t->pcre_len;
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	pcre2_code *code;
	PCRE2_SIZE eoff;
	int ecode;

	mm2_strbuf_init(&sb);
	mm2_strbuf_addstr(&sb, "(?:");
	mm2_strbuf_add(&sb, t->pcre + start, end - start);
	mm2_strbuf_addstr(&sb, ")\\z");
	code = pcre2_compile((PCRE2_SPTR)sb.buf, sb.len,
			     PCRE2_UTF | PCRE2_ANCHORED | PCRE2_NEVER_BACKSLASH_C, &ecode, &eoff,
			     NULL);
	mm2_strbuf_release(&sb);
	if (code) {
		MM2_GROW(re->codes, re->codes_alloc, re->ncodes + 1);
		re->codes[re->ncodes++] = code;
		return 0;
	}
	if (ecode != PCRE2_ERROR_PATTERN_TOO_LARGE || to - from < 2 || t->backref)
		return ecode;
	ecode = compile_alts(re, t, from, from + (to - from) / 2);
	return ecode ? ecode : compile_alts(re, t, from + (to - from) / 2, to);
}

struct mm2_jregex *mm2_jregex_compile(const char *pattern, size_t len, struct mm2_jregex_error *err)
{
	struct mm2_jr_out t;
	struct mm2_jregex *re;
	int ecode;

	mm2_jr_translate(pattern, len, &t);
	if (t.status != MM2_JREGEX_OK) {
		set_err(err, t.status, t.why, t.off);
		return NULL;
	}
	re = mm2_xcalloc(1, sizeof(*re));
	ecode = compile_alts(re, &t, 0, t.nalts);
	free(t.pcre);
	free(t.alts);
	if (ecode) {
		mm2_jregex_free(re);
		set_err(err, MM2_JREGEX_UNSUPPORTED, pcre2_refusal(ecode),
			t.behind_off != SIZE_MAX ? t.behind_off : 0);
		return NULL;
	}
	re->unicode = t.unicode;
	re->behind_units = t.behind_units;
	re->mctx = pcre2_match_context_create(NULL);
	if (!re->mctx)
		mm2_die_oom();
	pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
	set_err(err, MM2_JREGEX_OK, NULL, 0);
	return re;
}

/*
 * SUBJECT in UTF-8 as PCRE2 wants it: surrogate pairs joined into one 4-byte
 * character. Returns NULL (UNKNOWN) for a lone surrogate, or for any non-ASCII
 * character when RE needs Unicode tables; *COPY is what the caller frees.
 */
static const char *utf8_subject(const struct mm2_jregex *re, const char *s, size_t len,
				size_t *out_len, char **copy)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n = 0;
	char *v;

	*copy = NULL;
	*out_len = len;
	for (i = 0; i < len && u[i] < 0x80; i++)
		;
	if (i == len)
		return s;
	if (re->unicode)
		return NULL;
	v = *copy = mm2_xmalloc(len);
	for (i = 0; i < len; i++) {
		if (u[i] == 0xED && i + 2 < len && (u[i + 1] & 0xF0) == 0xA0 && i + 5 < len &&
		    u[i + 3] == 0xED && (u[i + 4] & 0xF0) == 0xB0) {
			uint32_t cp = 0x10000 +
				      (((u[i + 1] & 0x0Fu) << 6 | (u[i + 2] & 0x3Fu)) << 10) +
				      ((u[i + 4] & 0x0Fu) << 6 | (u[i + 5] & 0x3Fu));

			if (re->behind_units)
				return NULL;
			v[n++] = (char)(0xF0 | cp >> 18);
			v[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
			v[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
			v[n++] = (char)(0x80 | (cp & 0x3F));
			i += 5;
		} else if (u[i] == 0xED && i + 1 < len && u[i + 1] >= 0xA0) {
			return NULL; /* a lone surrogate (PCRE2 would also reject it) */
		} else if (u[i] >= 0xF0 && re->behind_units) {
			return NULL;
		} else {
			v[n++] = (char)u[i];
		}
	}
	*out_len = n;
	return v;
}

enum mm2_jregex_match mm2_jregex_matches(const struct mm2_jregex *re, const char *subject,
					 size_t len)
{
	enum mm2_jregex_match r = MM2_JREGEX_NOMATCH;
	pcre2_match_data *md;
	const char *s;
	char *copy;
	size_t n, i;

	s = utf8_subject(re, subject, len, &n, &copy);
	if (!s) {
		free(copy);
		return MM2_JREGEX_UNKNOWN;
	}
	md = pcre2_match_data_create(1, NULL);
	if (!md)
		mm2_die_oom();
	/* PCRE2 checks the UTF-8: anything else that is not text gives UNKNOWN. */
	for (i = 0; i < re->ncodes && r != MM2_JREGEX_MATCH; i++) {
		int rc = pcre2_match(re->codes[i], (PCRE2_SPTR)s, n, 0, PCRE2_ANCHORED, md,
				     re->mctx);

		if (rc >= 0)
			r = MM2_JREGEX_MATCH;
		else if (rc != PCRE2_ERROR_NOMATCH)
			r = MM2_JREGEX_UNKNOWN;
	}
	pcre2_match_data_free(md);
	free(copy);
	return r;
}

void mm2_jregex_free(struct mm2_jregex *re)
{
	size_t i;

	if (!re)
		return;
	for (i = 0; i < re->ncodes; i++)
		pcre2_code_free(re->codes[i]);
	free(re->codes);
	pcre2_match_context_free(re->mctx);
	free(re);
}
