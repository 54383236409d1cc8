/*
 * Values as ConfigDef reads them (keys_value.h). The history column says how a
 * key's type and validator changed between releases ("3.3: validator
 * (none)->[…] | 4.2: type STRING->LIST, …"); the state at version v is the OLD
 * side of the first change after v, or the current one.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "mm2lint/resolve.h"
#include "mm2lint/util.h"
#include "keys_value.h"
#include "banned.h"

static const char *const type_words[] = {
	"BOOLEAN", "INT", "SHORT", "LONG", "DOUBLE", "STRING", "LIST", "CLASS", "PASSWORD",
};

/*
 * The first history change of ITEM ("type " or "validator ") after version V:
 * OLD and its length, or false if there is none. *CHANGED is set for a change
 * the catalogue only summarises ("validator changed").
 */
static bool first_change_after(const struct mm2_key *k, mm2_version v, const char *item,
			       const char **old, size_t *oldlen, bool *changed)
{
	const char *p = k->history;
	size_t ilen = strlen(item);

	while (*p) {
		const char *bar = strstr(p, " | ");
		const char *end = bar ? bar : p + strlen(p), *it = p, *arrow;
		mm2_version ver = mm2_version_parse(p);

		while (ver > v && (it = strstr(it, item)) && it < end) {
			if (it[-1] != ' ') {
				it += ilen;
				continue;
			}
			it += ilen;
			*changed = strncmp(it, "changed", 7) == 0;
			arrow = strstr(it, "->");
			if (*changed || !arrow || arrow > end)
				return *changed;
			*old = it;
			*oldlen = (size_t)(arrow - it);
			return true;
		}
		if (!bar)
			break;
		p = bar + 3;
	}
	return false;
}

enum mm2_type mm2_keys_type_at(const struct mm2_key *k, mm2_version v)
{
	const char *old;
	size_t len, i;
	bool changed = false;

	if (!first_change_after(k, v, "type ", &old, &len, &changed) || changed)
		return k->type;
	for (i = 0; i < sizeof(type_words) / sizeof(type_words[0]); i++)
		if (strlen(type_words[i]) == len && memcmp(old, type_words[i], len) == 0)
			return (enum mm2_type)i;
	return k->type;
}

const char *mm2_keys_validator_at(const struct mm2_key *k, mm2_version v, struct mm2_arena *arena)
{
	const char *old;
	size_t len;
	bool changed = false;

	if (!first_change_after(k, v, "validator ", &old, &len, &changed))
		return k->validator;
	if (changed)
		return NULL;
	mm2_java_trim(&old, &len);
	if (len == 6 && memcmp(old, "(none)", 6) == 0)
		return "";
	return mm2_arena_strndup(arena, old, len);
}

/* Does S[0..LEN) contain the string NEEDLE? */
static bool has(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; n <= len && i <= len - n; i++)
		if (memcmp(s + i, needle, n) == 0)
			return true;
	return false;
}

static bool all_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* Double.parseDouble's spellings that mm2_parse_double leaves out. */
static bool java_double_extra(const char *s, size_t len)
{
	if (len && (s[0] == '+' || s[0] == '-')) {
		s++;
		len--;
	}
	if ((len == 3 && memcmp(s, "NaN", 3) == 0) || (len == 8 && memcmp(s, "Infinity", 8) == 0))
		return true;
	/* hexadecimal floating point: 0x1.8p3 */
	return len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && memchr(s, 'p', len);
}

/* A Java binary class name: identifiers joined by '.', nested classes by '$'. */
static bool class_name(const char *s, size_t len)
{
	size_t i;
	bool start = true;

	if (!len)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.') {
			if (start)
				return false;
			start = true;
		} else if (isalpha(c) || c == '_' || c == '$' || c >= 0x80) {
			start = false;
		} else if (isdigit(c) && !start) {
			continue;
		} else {
			return false;
		}
	}
	return !start;
}

static bool int_in(const char *s, size_t len, int64_t lo, int64_t hi)
{
	int64_t n;

	return mm2_parse_long(s, len, &n) && n >= lo && n <= hi;
}

bool mm2_keys_parses(enum mm2_type type, const char *value, size_t len, const char **why)
{
	const char *s = value;
	double d;

	mm2_java_trim(&s, &len);
	if (has(s, len, "${") || !all_ascii(s, len))
		return true;
	switch (type) {
	case MM2_TYPE_BOOLEAN:
		*why = "it takes true or false, in any case";
		return mm2_streq_icase(s, len, "true") || mm2_streq_icase(s, len, "false");
	case MM2_TYPE_SHORT:
		*why = "it takes a whole number from -32768 to 32767";
		return int_in(s, len, INT16_MIN, INT16_MAX);
	case MM2_TYPE_INT:
		*why = "it takes a whole number from -2147483648 to 2147483647";
		return int_in(s, len, INT32_MIN, INT32_MAX);
	case MM2_TYPE_LONG:
		*why = "it takes a whole number that fits in 64 bits";
		return int_in(s, len, INT64_MIN, INT64_MAX);
	case MM2_TYPE_DOUBLE:
		*why = "it takes a decimal number";
		return mm2_parse_double(s, len, &d) || java_double_extra(s, len);
	case MM2_TYPE_CLASS:
		*why = "it takes a fully qualified Java class name";
		return class_name(s, len);
	default:
		return true;
	}
}

/* "[lo,...]", "[lo,...,hi]": a range; numbers are integers or decimals. */
static enum mm2_keys_check check_range(const char *v, size_t vlen, const char *r, size_t rlen,
				       bool *is_range)
{
	char buf[96];
	const char *lo, *hi = NULL, *dots;
	double x, a, b = 0;

	*is_range = false;
	if (rlen < 7 || rlen >= sizeof(buf) || r[0] != '[' || r[rlen - 1] != ']')
		return MM2_KEYS_CANNOT;
	memcpy(buf, r + 1, rlen - 2);
	buf[rlen - 2] = '\0';
	dots = strstr(buf, ",...");
	if (!dots)
		return MM2_KEYS_CANNOT;
	lo = buf;
	if (dots[4] == ',')
		hi = dots + 5;
	else if (dots[4] != '\0')
		return MM2_KEYS_CANNOT;
	*is_range = true;
	if (!mm2_parse_double(lo, (size_t)(dots - lo), &a) ||
	    (hi && !mm2_parse_double(hi, strlen(hi), &b)))
		return MM2_KEYS_CANNOT;
	if (!mm2_parse_double(v, vlen, &x))
		return MM2_KEYS_CANNOT;
	return x >= a && (!hi || x <= b) ? MM2_KEYS_PASS : MM2_KEYS_FAIL;
}

static bool same_icase(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return false;
	return true;
}

/* "[a, b, c]" or "(case insensitive) [A, B]": is V one of them? */
static enum mm2_keys_check check_enum(const char *v, size_t vlen, const char *r, size_t rlen,
				      bool icase)
{
	const char *p = r + 1, *end = r + rlen - 1;

	if (rlen < 2 || r[0] != '[' || r[rlen - 1] != ']')
		return MM2_KEYS_CANNOT;
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma ? comma : end;
		size_t n = (size_t)(stop - p);

		/* by_duration:PnDTnHnMn.nS stands for any ISO-8601 duration (4.0+). */
		if (n > 12 && memcmp(p, "by_duration:", 12) == 0) {
			if (vlen > 12 && memcmp(v, "by_duration:", 12) == 0)
				return MM2_KEYS_PASS;
		} else if (n == vlen && (icase ? same_icase(v, p, n) : memcmp(v, p, n) == 0)) {
			return MM2_KEYS_PASS;
		}
		if (!comma)
			break;
		p = comma + 1;
		while (p < end && *p == ' ')
			p++;
	}
	return MM2_KEYS_FAIL;
}

/* ISO control characters (U+0000-U+001F, U+007F-U+009F) in internal UTF-8. */
static bool has_control(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f ||
		    (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		     (unsigned char)s[i + 1] <= 0x9f))
			return true;
	}
	return false;
}

/* KIP-1161's list validator (4.2+): "list:dedup-warn,no-blank-items[,non-empty][,null-ok]". */
static enum mm2_keys_check check_list_rules(const char *rules, size_t rlen, const char *v,
					    const char **why, struct mm2_arena *a)
{
	const char **items;
	size_t i, n = mm2_split_list(mm2_arena_strdup(a, v), &items, a);

	if (has(rules, rlen, "no-blank-items"))
		for (i = 0; i < n; i++)
			if (!*items[i]) {
				*why = "a list without empty items (Kafka 4.2 and later reject "
				       "'a,,b' "
				       "and a trailing comma)";
				return MM2_KEYS_FAIL;
			}
	if (has(rules, rlen, ",non-empty") && n == 0) {
		*why = "a list with at least one item";
		return MM2_KEYS_FAIL;
	}
	return MM2_KEYS_PASS;
}

static const char *enum_why(const char *r, size_t rlen, bool icase, bool list, struct mm2_arena *a)
{
	return mm2_arena_printf(a, "%sone of %.*s%s", list ? "a list whose items are each " : "",
				(int)rlen, r, icase ? " (in any case)" : "");
}

/* One part of a validator (the text between ';'). */
static enum mm2_keys_check check_part(const char *r, size_t rlen, enum mm2_type type, const char *v,
				      size_t vlen, const char **why, struct mm2_arena *a)
{
	static const char icase_tag[] = "(case insensitive) ";
	enum mm2_keys_check c;
	bool is_range;

	if (!rlen || (rlen == 15 && memcmp(r, "non-null string", 15) == 0))
		return MM2_KEYS_PASS;
	if (rlen >= 5 && memcmp(r, "list:", 5) == 0)
		return check_list_rules(r, rlen, mm2_arena_strndup(a, v, vlen), why, a);
	if (rlen == 16 && memcmp(r, "non-empty string", 16) == 0) {
		*why = "a non-empty string";
		return vlen ? MM2_KEYS_PASS : MM2_KEYS_FAIL;
	}
	if (rlen == 47 && memcmp(r, "non-empty string without ISO control characters", 47) == 0) {
		*why = "a non-empty string without control characters";
		return vlen && !has_control(v, vlen) ? MM2_KEYS_PASS : MM2_KEYS_FAIL;
	}
	if (rlen > sizeof(icase_tag) - 1 && memcmp(r, icase_tag, sizeof(icase_tag) - 1) == 0) {
		r += sizeof(icase_tag) - 1;
		rlen -= sizeof(icase_tag) - 1;
		*why = enum_why(r, rlen, true, false, a);
		return check_enum(v, vlen, r, rlen, true);
	}
	if (rlen > 6 && memcmp(r + rlen - 6, " or -1", 6) == 0) {
		c = check_range(v, vlen, r, rlen - 6, &is_range);
		*why = mm2_arena_printf(a, "in %.*s or -1", (int)(rlen - 6), r);
		return c == MM2_KEYS_FAIL && vlen == 2 && memcmp(v, "-1", 2) == 0 ? MM2_KEYS_PASS
										  : c;
	}
	c = check_range(v, vlen, r, rlen, &is_range);
	if (is_range) {
		*why = mm2_arena_printf(a, "in %.*s", (int)rlen, r);
		return c;
	}
	/* Version lists accept shorthands such as "3.5"; throttled-replica lists accept "*". */
	if (has(r, rlen, "-IV") || has(r, rlen, "partitionId") || r[0] != '[')
		return MM2_KEYS_CANNOT;
	*why = enum_why(r, rlen, false, type == MM2_TYPE_LIST, a);
	if (type != MM2_TYPE_LIST)
		return check_enum(v, vlen, r, rlen, false);
	return MM2_KEYS_CANNOT; /* checked item by item by the caller */
}

static enum mm2_keys_check check_list_items(const char *r, size_t rlen, const char *v,
					    const char **why, struct mm2_arena *a)
{
	const char **items;
	size_t i, n = mm2_split_list(v, &items, a);

	*why = enum_why(r, rlen, false, true, a);
	for (i = 0; i < n; i++)
		if (check_enum(items[i], strlen(items[i]), r, rlen, false) == MM2_KEYS_FAIL)
			return MM2_KEYS_FAIL;
	return MM2_KEYS_PASS;
}

enum mm2_keys_check mm2_keys_validate(const char *validator, enum mm2_type type, const char *value,
				      const char **why, struct mm2_arena *arena)
{
	const char *v = value, *p = validator, *ignored;
	size_t vlen = strlen(value);
	enum mm2_keys_check res = MM2_KEYS_PASS;

	mm2_java_trim(&v, &vlen);
	if (!validator || strstr(value, "${") || !mm2_keys_parses(type, v, vlen, &ignored))
		return MM2_KEYS_CANNOT;
	while (p && *p) {
		const char *semi = strchr(p, ';');
		size_t n = semi ? (size_t)(semi - p) : strlen(p);
		enum mm2_keys_check c;

		if (n >= 7 && memcmp(p, "custom:", 7) == 0)
			c = MM2_KEYS_CANNOT;
		else if (type == MM2_TYPE_LIST && n && p[0] == '[' && !has(p, n, ",..."))
			c = check_list_items(p, n, mm2_arena_strndup(arena, v, vlen), why, arena);
		else
			c = check_part(p, n, type, v, vlen, why, arena);
		if (c == MM2_KEYS_FAIL)
			return c;
		if (c == MM2_KEYS_CANNOT)
			res = c;
		p = semi ? semi + 1 : NULL;
	}
	return res;
}
