/*
 * Character classes for the Java-regex parser: Pattern.clazz(), range() and
 * family() step for step, with Java's union, intersection and complement done
 * on code point sets, and each set written out as one PCRE2 class. Case-folding
 * follows Java's flags (ASCII-only unless (?u)), never PCRE2's.
 */
#include <stdlib.h>
#include <string.h>
#include "jregex_java.h"
#include "banned.h"

static int cmp_range(const void *a, const void *b)
{
	const struct jr_range *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Sort and merge V[0..N) (arena memory) into a set. */
static struct jr_set normalize(struct jr_range *v, size_t n)
{
	struct jr_set s = {0, v};
	size_t i, k = 0;

	qsort(v, n, sizeof(*v), cmp_range);
	for (i = 0; i < n; i++) {
		if (k && v[i].lo <= v[k - 1].hi + 1) {
			if (v[i].hi > v[k - 1].hi)
				v[k - 1].hi = v[i].hi;
		} else {
			v[k++] = v[i];
		}
	}
	s.n = k;
	return s;
}

static struct jr_range *ranges_alloc(struct jr_parser *p, size_t n)
{
	return mm2_arena_alloc(&p->arena, (n ? n : 1) * sizeof(struct jr_range));
}

static struct jr_set set_union(struct jr_parser *p, struct jr_set a, struct jr_set b)
{
	struct jr_range *v = ranges_alloc(p, a.n + b.n);

	memcpy(v, a.v, a.n * sizeof(*v));
	memcpy(v + a.n, b.v, b.n * sizeof(*v));
	return normalize(v, a.n + b.n);
}

static struct jr_set set_and(struct jr_parser *p, struct jr_set a, struct jr_set b)
{
	struct jr_range *v = ranges_alloc(p, a.n + b.n);
	struct jr_set s = {0, v};
	size_t i = 0, j = 0;

	while (i < a.n && j < b.n) {
		int32_t lo = a.v[i].lo > b.v[j].lo ? a.v[i].lo : b.v[j].lo;
		int32_t hi = a.v[i].hi < b.v[j].hi ? a.v[i].hi : b.v[j].hi;

		if (lo <= hi)
			v[s.n++] = (struct jr_range){lo, hi};
		if (a.v[i].hi < b.v[j].hi)
			i++;
		else
			j++;
	}
	return s;
}

static struct jr_set set_not(struct jr_parser *p, struct jr_set a)
{
	struct jr_range *v = ranges_alloc(p, a.n + 1);
	struct jr_set s = {0, v};
	int32_t next = 0;
	size_t i;

	for (i = 0; i < a.n; i++) {
		if (a.v[i].lo > next)
			v[s.n++] = (struct jr_range){next, a.v[i].lo - 1};
		next = a.v[i].hi + 1;
	}
	if (next <= JR_MAX_CP)
		v[s.n++] = (struct jr_range){next, JR_MAX_CP};
	return s;
}

static struct jr_pred *pred_new(struct jr_parser *p, enum jr_op op, const struct jr_pred *a,
				const struct jr_pred *b)
{
	struct jr_pred *n = mm2_arena_alloc(&p->arena, sizeof(*n));

	n->op = op;
	n->a = a;
	n->b = b;
	return n;
}

static const struct jr_pred *pred_set(struct jr_parser *p, struct jr_set s)
{
	struct jr_pred *n = pred_new(p, JR_SET, NULL, NULL);

	n->set = s;
	return n;
}

const struct jr_pred *mm2_jr_ranges(struct jr_parser *p, const struct jr_range *r, size_t n)
{
	struct jr_range *v = ranges_alloc(p, n);

	memcpy(v, r, n * sizeof(*v));
	return pred_set(p, normalize(v, n));
}

const struct jr_pred *mm2_jr_not(struct jr_parser *p, const struct jr_pred *a)
{
	return pred_new(p, JR_NOT, a, NULL);
}

static struct jr_set bits_set(struct jr_parser *p, const uint64_t *bits, size_t nbits)
{
	struct jr_range *v = ranges_alloc(p, nbits);
	size_t c, n = 0;

	for (c = 0; c < nbits; c++)
		if (bits[c / 64] >> (c % 64) & 1)
			v[n++] = (struct jr_range){(int32_t)c, (int32_t)c};
	return normalize(v, n);
}

/* What a \p{...} table entry matches; outside ASCII only the kind is known. */
const struct jr_pred *mm2_jr_mask(struct jr_parser *p, const struct mm2_jr_mask *m)
{
	static const struct jr_range latin1 = {0, 0xFF}, all = {0, JR_MAX_CP};
	uint64_t bits[2] = {m->lo, m->hi};

	if (m->kind == JR_LATIN1)
		return mm2_jr_ranges(p, &latin1, 1);
	if (m->kind == JR_ALL)
		return mm2_jr_ranges(p, &all, 1);
	if (m->kind == JR_UNICODE)
		p->unicode = true;
	return pred_set(p, bits_set(p, bits, 128));
}

static struct jr_set eval(struct jr_parser *p, const struct jr_pred *n)
{
	switch (n->op) {
	case JR_BITS:
		return bits_set(p, n->bits, 256);
	case JR_OR:
		return set_union(p, eval(p, n->a), eval(p, n->b));
	case JR_AND:
		return set_and(p, eval(p, n->a), eval(p, n->b));
	case JR_NOT:
		return set_not(p, eval(p, n->a));
	default:
		return n->set;
	}
}

/* A code point as PCRE2 text: letters and digits as themselves, the rest as \x{...}. */
static void emit_cp(struct jr_parser *p, int32_t c)
{
	if ((c >= '0' && c <= '9') || jr_isalpha(c))
		mm2_strbuf_addch(&p->out, c);
	else
		mm2_strbuf_addf(&p->out, "\\x{%x}", (unsigned)c);
}

static void emit_ranges(struct jr_parser *p, struct jr_set s)
{
	size_t i;

	for (i = 0; i < s.n; i++) {
		emit_cp(p, s.v[i].lo);
		if (s.v[i].hi != s.v[i].lo) {
			mm2_strbuf_addch(&p->out, '-');
			emit_cp(p, s.v[i].hi);
		}
	}
}

/*
 * A set as one PCRE2 item, negated when that is shorter (PCRE2 limits the size
 * of a compiled pattern). Surrogates are left out: PCRE2 never sees them in text.
 */
void mm2_jr_emit(struct jr_parser *p, const struct jr_pred *pred)
{
	static const struct jr_range surrogates = {0xD800, 0xDFFF};
	struct jr_set text = set_not(p, (struct jr_set){1, &surrogates});
	struct jr_set s = set_and(p, eval(p, pred), text), c;

	if (s.n == 0) {
		mm2_strbuf_addstr(&p->out, "(?!)");
		return;
	}
	if (s.n == 1 && s.v[0].lo == s.v[0].hi) {
		emit_cp(p, s.v[0].lo);
		return;
	}
	c = set_and(p, set_not(p, s), text);
	if (c.n == 0) {
		mm2_strbuf_addstr(&p->out, "(?s:.)");
	} else if (c.n < s.n) {
		mm2_strbuf_addstr(&p->out, "[^");
		emit_ranges(p, c);
		mm2_strbuf_addch(&p->out, ']');
	} else {
		mm2_strbuf_addch(&p->out, '[');
		emit_ranges(p, s);
		mm2_strbuf_addch(&p->out, ']');
	}
}

/* Character.toLowerCase(Character.toUpperCase(CH)) when that is ASCII, else -1. */
static int32_t java_fold(int32_t ch)
{
	size_t i;

	if (ch < 0x80)
		return ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch;
	for (i = 0; i < mm2_jr_nfolds; i++)
		if (mm2_jr_folds[i].cp == ch)
			return mm2_jr_folds[i].fold;
	return -1;
}

/*
 * One character as Pattern.single() and the Slice nodes match it. Under (?i)
 * only ASCII letters have a case; under (?iu) Java's Character case mapping
 * decides, which mm2lint knows only as far as ASCII subjects are concerned.
 */
const struct jr_pred *mm2_jr_literal(struct jr_parser *p, int32_t ch)
{
	struct jr_range v[8];
	size_t n = 0, i;
	int32_t f;

	v[n++] = (struct jr_range){ch, ch};
	if (!jr_has(p, JR_CASE_INSENSITIVE))
		return mm2_jr_ranges(p, v, n);
	if (!jr_has(p, JR_UNICODE_CASE)) {
		if (jr_isalpha(ch))
			v[n++] = (struct jr_range){ch ^ 0x20, ch ^ 0x20};
		return mm2_jr_ranges(p, v, n);
	}
	p->unicode = true;
	f = java_fold(ch);
	if (f >= 0) {
		v[n++] = (struct jr_range){f, f};
		if (f >= 'a' && f <= 'z')
			v[n++] = (struct jr_range){f ^ 0x20, f ^ 0x20};
		for (i = 0; i < mm2_jr_nfolds && n < 8; i++)
			if (mm2_jr_folds[i].fold == f)
				v[n++] = (struct jr_range){mm2_jr_folds[i].cp, mm2_jr_folds[i].cp};
	}
	return mm2_jr_ranges(p, v, n);
}

/* Range, CIRange and CIRangeU: under (?i) an ASCII letter also matches if its other case is in. */
static const struct jr_pred *range_pred(struct jr_parser *p, int32_t lo, int32_t hi)
{
	struct jr_range v[1 + 52];
	size_t n = 0;
	int32_t c;

	v[n++] = (struct jr_range){lo, hi};
	if (jr_has(p, JR_CASE_INSENSITIVE)) {
		if (jr_has(p, JR_UNICODE_CASE))
			p->unicode = true;
		for (c = 'A'; c <= 'z'; c++)
			if (jr_isalpha(c) && (c ^ 0x20) >= lo && (c ^ 0x20) <= hi)
				v[n++] = (struct jr_range){c, c};
	}
	return mm2_jr_ranges(p, v, n);
}

static void bit(struct jr_pred *bits, int32_t c)
{
	bits->bits[c / 64] |= (uint64_t)1 << (c % 64);
}

/* Pattern.bitsOrSingle(): Java's BitClass.add() for U+0000..U+00FF, single() beyond. */
static const struct jr_pred *bits_or_single(struct jr_parser *p, struct jr_pred *bits, int32_t ch)
{
	bool ci = jr_has(p, JR_CASE_INSENSITIVE), uc = ci && jr_has(p, JR_UNICODE_CASE);
	bool special = uc && (ch == 0xFF || ch == 0xB5 || (ch | 0x20) == 'i' ||
			      (ch | 0x20) == 's' || (ch | 0x20) == 'k' || ch == 0xC5 || ch == 0xE5);

	if (ch >= 256 || special)
		return mm2_jr_literal(p, ch);
	bit(bits, ch);
	if (ci && ch < 0x80 && jr_isalpha(ch)) {
		bit(bits, ch ^ 0x20);
	} else if (uc && ch >= 0x80) {
		/* Character.toLowerCase and toUpperCase within Latin-1 */
		p->unicode = true;
		if (ch >= 0xC0 && ch <= 0xDE && ch != 0xD7)
			bit(bits, ch + 0x20);
		if (ch >= 0xE0 && ch <= 0xFE && ch != 0xF7)
			bit(bits, ch - 0x20);
	}
	return NULL;
}

/* Pattern.range(): one character, a range, an escape or a property inside [...]. */
static const struct jr_pred *range(struct jr_parser *p, struct jr_pred *bits)
{
	int32_t ch = jr_peek(p), m, end;

	if (ch == '\\') {
		ch = jr_next_escaped(p);
		if (ch == 'p' || ch == 'P') {
			bool complement = ch == 'P', one_letter = true;

			if (jr_next(p) != '{')
				jr_unread(p);
			else
				one_letter = false;
			return mm2_jr_family(p, one_letter, complement);
		} else {
			bool isrange = jr_at(p, p->cursor + 1) == '-';

			jr_unread(p);
			ch = mm2_jr_escape(p, true, true, isrange);
			if (ch == -1)
				return p->pred;
		}
	} else {
		jr_next(p);
	}
	if (jr_peek(p) == '-') {
		end = jr_at(p, p->cursor + 1);
		if (end == '[')
			return bits_or_single(p, bits, ch);
		if (end != ']') {
			jr_next(p);
			m = jr_peek(p);
			if (m == '\\')
				m = mm2_jr_escape(p, true, false, true);
			else
				jr_next(p);
			if (m < ch)
				mm2_jr_error(p, "illegal character range");
			return range_pred(p, ch, m);
		}
	}
	return bits_or_single(p, bits, ch);
}

static const struct jr_pred * or
	(struct jr_parser * p, const struct jr_pred *a, const struct jr_pred *b)
{
	return a ? pred_new(p, JR_OR, a, b) : b;
}

struct jr_class {
	const struct jr_pred *prev, *curr;
	struct jr_pred *bits;
	bool has_bits;
};

/* The "&&" branch of Pattern.clazz(); returns the character to go on with. */
static int32_t intersect(struct jr_parser *p, struct jr_class *c)
{
	const struct jr_pred *right = NULL;
	int32_t ch = jr_next(p);

	while (ch != ']' && ch != '&') {
		if (ch == '[') {
			right = or (p, right, mm2_jr_clazz(p, true));
		} else {
			jr_unread(p);
			right = or (p, right, mm2_jr_clazz(p, false));
		}
		ch = jr_peek(p);
	}
	if (c->has_bits) {
		if (!c->prev)
			c->prev = c->curr = c->bits;
		else
			c->prev = or (p, c->prev, c->bits);
		c->has_bits = false;
	}
	if (right)
		c->curr = right;
	if (!c->prev) {
		if (!right)
			mm2_jr_error(p, "bad class syntax");
		c->prev = right;
	} else {
		if (!c->curr) {
			/* Java 17 accepts this and fails when matching; later JDKs reject it. */
			mm2_jr_unsupported(p,
					   "an intersection with nothing on its right: Java 17 "
					   "accepts it but fails when matching, later JDKs "
					   "reject it",
					   p->cursor - 1);
			return ch;
		}
		c->prev = pred_new(p, JR_AND, c->prev, c->curr);
	}
	return ch;
}

static const struct jr_pred *close_class(struct jr_parser *p, struct jr_class *c, bool neg)
{
	if (!c->prev)
		c->prev = c->bits;
	else if (c->has_bits)
		c->prev = or (p, c->prev, c->bits);
	p->depth--;
	return neg ? mm2_jr_not(p, c->prev) : c->prev;
}

/* Pattern.clazz(): [...] with nested classes, "&&", and "^" first. */
const struct jr_pred *mm2_jr_clazz(struct jr_parser *p, bool consume)
{
	struct jr_class c = {NULL, NULL, pred_new(p, JR_BITS, NULL, NULL), false};
	bool neg = false;
	int32_t ch = jr_next(p);

	if (++p->depth > JR_MAX_DEPTH)
		mm2_jr_give_up(p, "character classes nested too deeply for mm2lint", p->cursor);
	if (ch == '^' && jr_at(p, p->cursor - 1) == '[') {
		ch = jr_next(p);
		neg = true;
	}
	for (;;) {
		switch (ch) {
		case '[':
			c.curr = mm2_jr_clazz(p, true);
			c.prev = or (p, c.prev, c.curr);
			ch = jr_peek(p);
			continue;
		case '&':
			ch = jr_next(p);
			if (ch == '&') {
				ch = intersect(p, &c);
				continue;
			}
			jr_unread(p);
			break;
		case 0:
			if (p->cursor >= p->plen)
				mm2_jr_error(p, "unclosed character class");
			break;
		case ']':
			if (c.prev || c.has_bits) {
				if (consume)
					jr_next(p);
				return close_class(p, &c, neg);
			}
			break;
		}
		c.curr = range(p, c.bits);
		if (!c.curr)
			c.has_bits = true;
		else if (c.prev != c.curr)
			c.prev = or (p, c.prev, c.curr);
		ch = jr_peek(p);
	}
}

static const struct mm2_jr_prop *find(const struct mm2_jr_prop *t, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return &t[i];
	return NULL;
}

/* NAME[0..N) as a C string, upper-cased if asked; NULL unless it is all ASCII without NUL. */
static char *ascii(struct jr_parser *p, const int32_t *name, size_t n, bool upper)
{
	char *s = mm2_arena_alloc(&p->arena, n + 1);
	size_t i;

	for (i = 0; i < n; i++) {
		if (name[i] <= 0 || name[i] >= 0x80)
			return NULL;
		s[i] = (char)name[i];
		if (upper && s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
	}
	return s;
}

static const struct jr_pred *found(struct jr_parser *p, const struct mm2_jr_prop *t)
{
	return mm2_jr_mask(p, jr_has(p, JR_CASE_INSENSITIVE) ? &t->ci : &t->plain);
}

static const struct jr_pred *unknown(struct jr_parser *p, const char *why, int at)
{
	static const struct jr_set none = {0, NULL};

	mm2_jr_unsupported(p, why, at);
	return pred_set(p, none);
}

/*
 * The key of \p{key=value} lower-cased as String.toLowerCase(Locale.ENGLISH)
 * does; outside ASCII only the Kelvin sign becomes an ASCII letter (k). NULL if
 * the key cannot be one Java knows.
 */
static char *lower_key(struct jr_parser *p, const int32_t *name, size_t n)
{
	char *s = mm2_arena_alloc(&p->arena, n + 1);
	size_t i;

	for (i = 0; i < n; i++) {
		if (name[i] == 0x212A)
			s[i] = 'k';
		else if (name[i] <= 0 || name[i] >= 0x80)
			return NULL;
		else
			s[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] | 0x20 : name[i]);
	}
	return s;
}

/* \p{key=value}: Java knows sc/script, blk/block and gc/general_category. */
static const struct jr_pred *keyed(struct jr_parser *p, const int32_t *name, size_t n, size_t eq,
				   int at)
{
	char *key = lower_key(p, name, eq), *value = ascii(p, name + eq + 1, n - eq - 1, false);
	const struct mm2_jr_prop *t;

	if (key && (!strcmp(key, "sc") || !strcmp(key, "script") || !strcmp(key, "blk") ||
		    !strcmp(key, "block")))
		return unknown(p, "Unicode scripts and blocks: mm2lint lacks Java's Unicode tables",
			       at);
	if (key && (!strcmp(key, "gc") || !strcmp(key, "general_category")) && value &&
	    (t = find(mm2_jr_props_java, mm2_jr_njava, value)))
		return found(p, t);
	mm2_jr_error(p, "unknown Unicode property");
}

/* CharPredicates' lookups, in the order Pattern.family() tries them. */
static const struct jr_pred *lookup(struct jr_parser *p, const int32_t *name, size_t n, int at)
{
	const struct mm2_jr_prop *t;
	char *s;
	size_t i;

	for (i = 0; i < n; i++)
		if (name[i] == '=')
			return keyed(p, name, n, i, at);
	if (n >= 2 && name[0] == 'I' && name[1] == 'n')
		return unknown(p,
			       "Unicode blocks (\\p{In...}): mm2lint lacks Java's Unicode "
			       "tables",
			       at);
	if (n >= 2 && name[0] == 'I' && name[1] == 's') {
		if ((s = ascii(p, name + 2, n - 2, true)) &&
		    (t = find(mm2_jr_props_unicode, mm2_jr_nunicode, s)))
			return found(p, t);
		if ((s = ascii(p, name + 2, n - 2, false)) &&
		    (t = find(mm2_jr_props_java, mm2_jr_njava, s)))
			return found(p, t);
		return unknown(p,
			       "a Unicode script, or a property this Java may not have: "
			       "mm2lint cannot tell",
			       at);
	}
	if (jr_has(p, JR_UNICODE_CHARACTER_CLASS)) {
		if (!(s = ascii(p, name, n, true)))
			return unknown(p,
				       "a property name outside ASCII under (?U): mm2lint "
				       "cannot tell what Java makes of it",
				       at);
		if ((t = find(mm2_jr_props_posix, mm2_jr_nposix, s)))
			return found(p, t);
	}
	if ((s = ascii(p, name, n, false)) && (t = find(mm2_jr_props_java, mm2_jr_njava, s)))
		return found(p, t);
	mm2_jr_error(p, "unknown character property name");
}

/* Pattern.family(): the name after \p or \P, one letter or in braces. */
const struct jr_pred *mm2_jr_family(struct jr_parser *p, bool one_letter, bool complement)
{
	int at = p->cursor - (one_letter ? 1 : 2);
	const int32_t *name;
	const struct jr_pred *pred;
	int32_t letter;
	size_t n;

	jr_next(p);
	if (one_letter) {
		letter = jr_at(p, p->cursor);
		name = &letter;
		n = 1;
		jr_read(p);
	} else {
		int i = p->cursor, j;

		p->temp[p->plen] = '}';
		while (jr_read(p) != '}')
			;
		p->temp[p->plen] = 0;
		j = p->cursor;
		if (j > p->plen)
			mm2_jr_error(p, "unclosed character family");
		if (i + 1 >= j)
			mm2_jr_error(p, "empty character family");
		name = &p->temp[i];
		n = (size_t)(j - i - 1);
	}
	pred = lookup(p, name, n, at);
	return complement ? mm2_jr_not(p, pred) : pred;
}
