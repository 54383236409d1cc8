/*
 * Escapes and anchors for the Java-regex parser: Pattern.escape() and its
 * helpers (octal, hex, \u, \c, \N, back-references, \k<name>), and the PCRE2
 * text for what is a node rather than a character (^ $ . \b \R \Z \1 ...),
 * spelt out so that Java's meaning holds whatever PCRE2's defaults are.
 */
#include <string.h>
#include "jregex_java.h"
#include "banned.h"

static void emit(struct jr_parser *p, const char *s)
{
	mm2_strbuf_addstr(&p->out, s);
}

/*
 * Pattern.Caret and UnixCaret under MULTILINE: never at the end of input, and
 * not between \r and \n. Line terminators are \n \r U+0085 U+2028 U+2029.
 */
void mm2_jr_emit_caret(struct jr_parser *p)
{
	if (!jr_has(p, JR_MULTILINE))
		emit(p, "\\A");
	else if (jr_has(p, JR_UNIX_LINES))
		emit(p, "(?!\\z)(?:\\A|(?<=\\n))");
	else
		emit(p, "(?!\\z)(?:\\A|(?<=[\\n\\x{85}\\x{2028}\\x{2029}])|(?<=\\r)(?!\\n))");
}

/* Dollar and UnixDollar; \Z is the single-line form. */
void mm2_jr_emit_dollar(struct jr_parser *p, bool multiline)
{
	if (jr_has(p, JR_UNIX_LINES))
		emit(p, multiline ? "(?:\\z|(?=\\n))" : "(?:\\z|(?=\\n\\z))");
	else if (multiline)
		emit(p, "(?:\\z|(?=[\\r\\x{85}\\x{2028}\\x{2029}])|(?<!\\r)(?=\\n))");
	else
		emit(p, "(?:\\z|(?=\\r\\n\\z)|(?=[\\r\\x{85}\\x{2028}\\x{2029}]\\z)|(?<!\\r)(?="
			"\\n\\z))");
}

void mm2_jr_emit_dot(struct jr_parser *p)
{
	static const struct jr_range all = {0, JR_MAX_CP};
	static const struct jr_range unix_nl = {'\n', '\n'};
	static const struct jr_range term[] = {
		{'\n', '\n'}, {'\r', '\r'}, {0x85, 0x85}, {0x2028, 0x2029}};

	if (jr_has(p, JR_DOTALL))
		mm2_jr_emit(p, mm2_jr_ranges(p, &all, 1));
	else if (jr_has(p, JR_UNIX_LINES))
		mm2_jr_emit(p, mm2_jr_not(p, mm2_jr_ranges(p, &unix_nl, 1)));
	else
		mm2_jr_emit(p, mm2_jr_not(p, mm2_jr_ranges(p, term, 4)));
}

static void emit_backref(struct jr_parser *p, int group, int at)
{
	if (!p->backref)
		p->backref_at = at;
	p->backref = true;
	mm2_jr_node(p, JN_BACKREF);
	if (p->total_groups >= 0 && group > p->total_groups) {
		/* Java accepts a reference to a group that does not exist; it never matches. */
		emit(p, "(?!)");
	} else if (jr_has(p, JR_CASE_INSENSITIVE)) {
		/* PCRE2 folds non-ASCII letters by Unicode rules, Java by its flags. */
		p->unicode = true;
		mm2_strbuf_addf(&p->out, "(?i:\\g{%d})", group);
	} else {
		mm2_strbuf_addf(&p->out, "\\g{%d}", group);
	}
}

/* Pattern.ref(): the first digit is always a reference, more only while such a group exists. */
static void ref(struct jr_parser *p, int refnum, int at)
{
	for (;;) {
		int32_t ch = jr_peek(p);
		int n;

		if (!jr_isdigit(ch))
			break;
		n = refnum * 10 + (ch - '0');
		if (p->groups < n)
			break;
		refnum = n;
		jr_read(p);
	}
	emit_backref(p, refnum, at);
}

const struct jr_name *mm2_jr_find_name(const struct jr_parser *p, const int32_t *name, size_t len)
{
	const struct jr_name *n;

	for (n = p->names; n; n = n->next)
		if (n->len == len && !memcmp(n->name, name, len * sizeof(*name)))
			return n;
	return NULL;
}

/* Pattern.groupname(): a Latin letter, then Latin letters and digits, then '>'. */
void mm2_jr_groupname(struct jr_parser *p, int32_t ch, const int32_t **name, size_t *len)
{
	int start = p->cursor - 1;
	size_t n = 0;
	int32_t *v;

	if (!jr_isalpha(ch))
		mm2_jr_error(p, "capturing group name does not start with a Latin letter");
	v = mm2_arena_alloc(&p->arena, sizeof(*v) * (size_t)(p->plen + 1 - start));
	do {
		v[n++] = ch;
	} while (jr_isalpha(ch = jr_read(p)) || jr_isdigit(ch));
	if (ch != '>')
		mm2_jr_error(p, "named capturing group is missing trailing '>'");
	*name = v;
	*len = n;
}

static void named_ref(struct jr_parser *p, bool create, int at)
{
	const struct jr_name *n;
	const int32_t *name;
	size_t len;

	if (jr_read(p) != '<')
		mm2_jr_error(p, "\\k is not followed by '<' for named capturing group");
	mm2_jr_groupname(p, jr_read(p), &name, &len);
	n = mm2_jr_find_name(p, name, len);
	if (!n)
		mm2_jr_error(p, "named capturing group does not exist");
	if (create)
		emit_backref(p, n->group, at);
}

/* Pattern.o(): \0n, \0nn, \0mnn with m <= 3. */
static int32_t octal(struct jr_parser *p)
{
	int32_t n = jr_read(p), m, o;

	if (n < '0' || n > '7')
		mm2_jr_error(p, "illegal octal escape sequence");
	m = jr_read(p);
	if (m < '0' || m > '7') {
		jr_unread(p);
		return n - '0';
	}
	o = jr_read(p);
	if (o >= '0' && o <= '7' && n <= '3')
		return (n - '0') * 64 + (m - '0') * 8 + (o - '0');
	jr_unread(p);
	return (n - '0') * 8 + (m - '0');
}

static int hexval(int32_t ch)
{
	if (jr_isdigit(ch))
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Pattern.x(): \xhh or \x{h...h}. */
static int32_t hex(struct jr_parser *p)
{
	int32_t n = jr_read(p), ch = 0;

	if (hexval(n) >= 0) {
		int32_t m = jr_read(p);

		if (hexval(m) >= 0)
			return hexval(n) * 16 + hexval(m);
	} else if (n == '{' && hexval(jr_peek(p)) >= 0) {
		while (hexval(n = jr_read(p)) >= 0) {
			ch = (ch << 4) + hexval(n);
			if (ch > JR_MAX_CP)
				mm2_jr_error(p, "hexadecimal codepoint is too big");
		}
		if (n != '}')
			mm2_jr_error(p, "unclosed hexadecimal escape sequence");
		return ch;
	}
	mm2_jr_error(p, "illegal hexadecimal escape sequence");
}

static int32_t uxxxx(struct jr_parser *p)
{
	int32_t n = 0;
	int i;

	for (i = 0; i < 4; i++) {
		int d = hexval(jr_read(p));

		if (d < 0)
			mm2_jr_error(p, "illegal Unicode escape sequence");
		n = n * 16 + d;
	}
	return n;
}

/* Pattern.u(): \uhhhh, and a \uhhhh\uhhhh surrogate pair as one code point. */
static int32_t unicode(struct jr_parser *p)
{
	int32_t n = uxxxx(p);

	if (n >= 0xD800 && n <= 0xDBFF) {
		int cur = p->cursor;

		if (jr_read(p) == '\\' && jr_read(p) == 'u') {
			int32_t n2 = uxxxx(p);

			if (n2 >= 0xDC00 && n2 <= 0xDFFF)
				return 0x10000 + ((n - 0xD800) << 10) + (n2 - 0xDC00);
		}
		p->cursor = cur;
	}
	return n;
}

/* Pattern.N(): \N{name}; Java looks the name up in Unicode's table, which mm2lint lacks. */
static int32_t charname(struct jr_parser *p)
{
	int start = p->cursor - 2, i;
	bool blank = true;

	if (jr_read(p) != '{')
		mm2_jr_error(p, "illegal character name escape sequence");
	i = p->cursor;
	while (jr_read(p) != '}')
		if (p->cursor >= p->plen)
			mm2_jr_error(p, "unclosed character name escape sequence");
	for (; i < p->cursor - 1; i++)
		blank = blank && p->temp[i] <= ' ';
	/* Character.codePointOf() trims the name; no character is called "" */
	if (blank)
		mm2_jr_error(p, "unknown character name");
	mm2_jr_unsupported(p, "\\N{...} needs Unicode's character names, which mm2lint lacks",
			   start);
	return 0xFFFD;
}

static int32_t no_surrogate(struct jr_parser *p, int32_t ch, int start)
{
	if (ch >= 0xD800 && ch <= 0xDFFF)
		mm2_jr_unsupported(p, "a lone surrogate: mm2lint cannot match it as Java does",
				   start);
	return ch;
}

/* \d \s \w \h \v and their complements: a class operand, or a node outside classes. */
static int32_t class_escape(struct jr_parser *p, bool inclass, bool create, int32_t ch)
{
	static const struct jr_range digit = {'0', '9'};
	static const struct jr_range space[] = {{'\t', '\r'}, {' ', ' '}};
	static const struct jr_range word[] = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
	static const struct jr_range horiz[] = {
		{'\t', '\t'},	  {' ', ' '},	    {0xA0, 0xA0},
		{0x1680, 0x1680}, {0x180E, 0x180E}, {0x2000, 0x200A},
		{0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}};
	static const struct jr_range vert[] = {{0x0A, 0x0D}, {0x85, 0x85}, {0x2028, 0x2029}};
	const struct jr_pred *pred;
	int32_t lower = ch | 0x20;
	bool uni = jr_has(p, JR_UNICODE_CHARACTER_CLASS) && lower != 'h' && lower != 'v';

	if (!create)
		return -1;
	if (uni)
		pred = mm2_jr_mask(p, &mm2_jr_props_uclass[lower == 'w'	  ? 0
							   : lower == 'd' ? 1
									  : 2]
					       .plain);
	else if (lower == 'd')
		pred = mm2_jr_ranges(p, &digit, 1);
	else if (lower == 's')
		pred = mm2_jr_ranges(p, space, 2);
	else if (lower == 'w')
		pred = mm2_jr_ranges(p, word, 4);
	else if (lower == 'h')
		pred = mm2_jr_ranges(p, horiz, 9);
	else
		pred = mm2_jr_ranges(p, vert, 3);
	if (ch != lower)
		pred = mm2_jr_not(p, pred);
	p->pred = pred;
	if (!inclass) {
		mm2_jr_emit(p, pred);
		mm2_jr_node(p, JN_PROP);
	}
	return -1;
}

/* \b, \B and \b{g}. */
static int32_t bound(struct jr_parser *p, bool create, bool both, int start)
{
	if (!create)
		return -1;
	if (both && jr_peek(p) == '{') {
		if (jr_skip(p) == 'g') {
			if (jr_read(p) == '}') {
				mm2_jr_unsupported(p,
						   "\\b{g} grapheme boundaries: mm2lint cannot "
						   "evaluate them",
						   start);
				mm2_jr_node(p, JN_ZERO);
				return -1;
			}
			mm2_jr_error(p, "illegal/unsupported escape sequence");
		}
		jr_unread(p);
		jr_unread(p);
	}
	/* Java 17 counts Unicode letters and digits as word characters, later JDKs do not. */
	p->unicode = true;
	emit(p, both ? "\\b" : "\\B");
	mm2_jr_node(p, JN_ZERO);
	return -1;
}

/* Zero-width escapes and \R, \X: nodes only, never class operands. */
static int32_t node_escape(struct jr_parser *p, bool create, int32_t ch)
{
	if (!create)
		return -1;
	switch (ch) {
	case 'A':
		emit(p, "\\A");
		break;
	case 'G':
		emit(p, "\\G");
		break;
	case 'z':
		emit(p, "\\z");
		break;
	case 'Z':
		mm2_jr_emit_dollar(p, false);
		break;
	case 'R':
		/* Java backtracks into \r\n; PCRE2's \R is atomic. */
		emit(p, "(?:\\r\\n|[\\n\\x{b}\\f\\r\\x{85}\\x{2028}\\x{2029}])");
		p->line_ends++;
		mm2_jr_node(p, JN_LINE_END);
		return -1;
	case 'X':
		p->unicode = true;
		emit(p, "\\X");
		mm2_jr_node(p, JN_GRAPHEME);
		return -1;
	}
	mm2_jr_node(p, JN_ZERO);
	return -1;
}

/* The escapes that stand for one fixed character: \a \e \f \n \r \t. */
static int32_t plain_escape(int32_t ch)
{
	static const char from[] = "aefnrt", to[] = "\a\033\f\n\r\t";
	const char *at = ch > 0 && ch < 0x80 ? strchr(from, (int)ch) : NULL;

	return at ? to[at - from] : -1;
}

/* Escapes that are nodes, not characters: none of them may appear in a class. */
static int32_t node_escapes(struct jr_parser *p, bool create, int32_t ch, int start)
{
	if (ch >= '1' && ch <= '9') {
		if (create)
			ref(p, ch - '0', start);
		return -1;
	}
	if (ch == 'B' || ch == 'b')
		return bound(p, create, ch == 'b', start);
	if (ch == 'k') {
		named_ref(p, create, start);
		return -1;
	}
	return node_escape(p, create, ch);
}

int32_t mm2_jr_escape(struct jr_parser *p, bool inclass, bool create, bool isrange)
{
	int start = p->cursor;
	int32_t ch = jr_skip(p), c;

	if ((c = plain_escape(ch)) >= 0)
		return c;
	if (ch > 0 && ch < 0x80 && strchr("123456789AGRXZzBbk", (int)ch)) {
		if (inclass)
			mm2_jr_error(p, "illegal/unsupported escape sequence");
		return node_escapes(p, create, ch, start);
	}
	if (ch > 0 && ch < 0x80 && strchr("DHSVWdhsw", (int)ch))
		return class_escape(p, inclass, create, ch);
	switch (ch) {
	case '0':
		return octal(p);
	case 'v':
		/* \v is the one character U+000B where a range needs a character. */
		return isrange ? 0x0B : class_escape(p, inclass, create, ch);
	case 'N':
		return charname(p);
	case 'c':
		if (p->cursor < p->plen)
			return jr_read(p) ^ 64;
		mm2_jr_error(p, "illegal control escape sequence");
	case 'u':
		return no_surrogate(p, unicode(p), start);
	case 'x':
		return no_surrogate(p, hex(p), start);
	}
	if (jr_isalpha(ch))
		mm2_jr_error(p, "illegal/unsupported escape sequence");
	return ch;
}
