/*
 * The Java-regex parser: Pattern's recursive descent (expr, sequence, atom,
 * group0, closure) step for step, so a pattern fails exactly where and why Java
 * throws (a throw is a longjmp here). While parsing it writes an equivalent PCRE2
 * pattern with every flag applied; escapes, classes and study() are next door.
 */
#include <stdlib.h>
#include <string.h>
#include "jregex_java.h"
#include "mm2lint/util.h"
#include "banned.h"

_Noreturn void mm2_jr_error(struct jr_parser *p, const char *why)
{
	int at = p->cursor - 1;

	if (at < 0)
		at = 0;
	if (at > p->plen)
		at = p->plen;
	p->status = MM2_JREGEX_INVALID;
	p->why = why;
	p->off = p->src[at];
	longjmp(p->fail, 1);
}

void mm2_jr_unsupported(struct jr_parser *p, const char *why, int at)
{
	if (p->status != MM2_JREGEX_OK)
		return;
	if (at < 0)
		at = 0;
	if (at > p->plen)
		at = p->plen;
	p->status = MM2_JREGEX_UNSUPPORTED;
	p->why = why;
	p->off = p->src[at];
}

_Noreturn void mm2_jr_give_up(struct jr_parser *p, const char *why, int at)
{
	mm2_jr_unsupported(p, why, at);
	longjmp(p->fail, 1);
}

static void emit(struct jr_parser *p, const char *s)
{
	mm2_strbuf_addstr(&p->out, s);
}

static void wrap(struct jr_parser *p, size_t start)
{
	size_t n = p->out.len - start;

	mm2_strbuf_add(&p->out, "(?:)", 4);
	memmove(p->out.buf + start + 3, p->out.buf + start, n);
	memcpy(p->out.buf + start, "(?:", 3);
}

/* Pattern.qtype(): the ? (lazy) or + (possessive) after a quantifier, or 0. */
static int32_t qtype(struct jr_parser *p)
{
	int32_t ch = jr_next(p);

	if (ch != '?' && ch != '+')
		return 0;
	jr_next(p);
	mm2_strbuf_addch(&p->out, ch);
	return ch;
}

/* A quantifier as Java reads it: ? and {0,1} are Ques, the rest Curly (CMAX -1: no limit). */
struct quant {
	bool ques;
	int64_t cmin, cmax;
};

static struct quant counted(struct jr_parser *p, int64_t cmin, int64_t cmax, int at)
{
	struct quant q = {cmin == 0 && cmax == 1, cmin, cmax};

	if (cmin > 65535 || cmax > 65535)
		mm2_jr_unsupported(p, "a repeat count above 65535: PCRE2 cannot count that far",
				   at);
	if (cmax < 0)
		mm2_strbuf_addf(&p->out, "{%lld,}", (long long)cmin);
	else if (q.ques)
		emit(p, "?");
	else if (cmin == cmax)
		mm2_strbuf_addf(&p->out, "{%lld}", (long long)cmin);
	else
		mm2_strbuf_addf(&p->out, "{%lld,%lld}", (long long)cmin, (long long)cmax);
	return q;
}

static int64_t digits(struct jr_parser *p, int32_t *ch, int64_t n)
{
	while (jr_isdigit(*ch)) {
		n = n * 10 + (*ch - '0');
		if (n > INT32_MAX)
			mm2_jr_error(p, "illegal repetition range");
		*ch = jr_read(p);
	}
	return n;
}

/* Pattern.closure() on {n}, {n,} and {n,m}. */
static struct quant braces(struct jr_parser *p)
{
	int at = p->cursor;
	int32_t ch = jr_skip(p);
	int64_t cmin, cmax;

	if (!jr_isdigit(ch))
		mm2_jr_error(p, "illegal repetition");
	cmin = ch - '0';
	ch = jr_read(p);
	cmin = digits(p, &ch, cmin);
	cmax = cmin;
	if (ch == ',') {
		ch = jr_read(p);
		if (ch == '}') {
			jr_unread(p);
			return counted(p, cmin, -1, at);
		}
		cmax = digits(p, &ch, 0);
	}
	if (ch != '}')
		mm2_jr_error(p, "unclosed counted closure");
	if (cmax < cmin)
		mm2_jr_error(p, "illegal repetition range");
	jr_unread(p);
	return counted(p, cmin, cmax, at);
}

/* What a quantifier follows: Java repeats groups with nodes of their own. */
enum target { T_ATOM, T_GROUP, T_ZERO_WIDTH };

/*
 * Pattern.closure(): a quantifier applies to what was emitted since START; true
 * if Java repeats it on nodes of its own rather than as a plain branch. Java
 * repeats anything but a group by matching it afresh each time and never going
 * back into it (Curly, Ques), and a possessive group the same way; PCRE2 gets
 * that as an atomic group. Only \R can match in two ways there. A group Java
 * deems deterministic is repeated the same way (GroupCurly), which again matters
 * only for a \R inside (HAS_R): mm2lint does not follow Java's judgement there.
 */
static bool closure(struct jr_parser *p, size_t start, enum target target, bool has_r)
{
	int32_t ch = jr_peek(p), type;
	struct quant q = {ch == '?', ch == '+', -1};

	if (ch != '?' && ch != '*' && ch != '+' && ch != '{')
		return false;
	wrap(p, start);
	if (ch == '{') {
		q = braces(p);
	} else {
		mm2_strbuf_addch(&p->out, ch);
		if (ch == '?')
			q.cmax = 1;
	}
	type = qtype(p);
	if (target != T_GROUP || type == '+')
		p->out.buf[start + 2] = '>';
	else if (has_r && !q.ques)
		mm2_jr_unsupported(p,
				   "a repeated group holding \\R: Java may not backtrack into "
				   "it",
				   p->cursor - 1);
	mm2_jr_quantify(p, q.ques, q.cmin, q.cmax, type, target == T_GROUP);
	/* Java repeats a group on its own nodes, except (X)? and (X)?? */
	return !q.ques || type == '+';
}

static void append(struct jr_parser *p, int32_t ch, int index)
{
	MM2_GROW(p->buf, p->buf_alloc, (size_t)index + 1);
	p->buf[index] = ch;
}

static void property(struct jr_parser *p, bool complement)
{
	bool one_letter = true;

	if (jr_next(p) != '{')
		jr_unread(p);
	else
		one_letter = false;
	mm2_jr_emit(p, mm2_jr_family(p, one_letter, complement));
	mm2_jr_node(p, JN_PROP);
}

static void emit_slice(struct jr_parser *p, int n)
{
	int i;

	for (i = 0; i < n; i++)
		mm2_jr_emit(p, mm2_jr_literal(p, p->buf[i]));
	if (n == 1)
		mm2_jr_node(p, JN_PROP);
	else
		mm2_jr_node(p, JN_CHARS)->n = n;
}

/*
 * Pattern.atom(): a run of literal characters. A quantifier after the run takes
 * only its last character, so that one is given back.
 */
static void atom(struct jr_parser *p)
{
	int first = 0, prev = -1;
	int32_t ch = jr_peek(p);

	for (;;) {
		switch (ch) {
		case '*':
		case '+':
		case '?':
		case '{':
			if (first > 1) {
				p->cursor = prev;
				first--;
			}
			break;
		case '$':
		case '.':
		case '^':
		case '(':
		case '[':
		case '|':
		case ')':
			break;
		case '\\':
			ch = jr_next_escaped(p);
			if (ch == 'p' || ch == 'P') {
				if (first > 0) {
					jr_unread(p);
					break;
				}
				property(p, ch == 'P');
				return;
			}
			jr_unread(p);
			prev = p->cursor;
			ch = mm2_jr_escape(p, false, first == 0, false);
			if (ch >= 0) {
				append(p, ch, first++);
				ch = jr_peek(p);
				continue;
			} else if (first == 0) {
				return;
			}
			p->cursor = prev;
			break;
		case 0:
			if (p->cursor >= p->plen)
				break;
			/* fall through */
		default:
			prev = p->cursor;
			append(p, ch, first++);
			ch = jr_next(p);
			continue;
		}
		break;
	}
	emit_slice(p, first);
}

static struct jr_list expr(struct jr_parser *p);

/* Pattern.addFlag() and subFlag(): (?idmsuxcU-idmsuxcU ...). */
static int flag_bits(int32_t ch)
{
	switch (ch) {
	case 'i':
		return JR_CASE_INSENSITIVE;
	case 'm':
		return JR_MULTILINE;
	case 's':
		return JR_DOTALL;
	case 'd':
		return JR_UNIX_LINES;
	case 'u':
		return JR_UNICODE_CASE;
	case 'c':
		return JR_CANON_EQ;
	case 'x':
		return JR_COMMENTS;
	case 'U':
		return JR_UNICODE_CHARACTER_CLASS | JR_UNICODE_CASE;
	default:
		return 0;
	}
}

static void add_flag(struct jr_parser *p)
{
	int32_t ch = jr_peek(p);
	int bits;

	while ((bits = flag_bits(ch)) != 0) {
		if (bits == JR_CANON_EQ)
			mm2_jr_unsupported(p,
					   "(?c) canonical equivalence: mm2lint cannot "
					   "evaluate it",
					   p->cursor);
		p->flags |= bits;
		ch = jr_next(p);
	}
	if (ch != '-')
		return;
	ch = jr_next(p);
	while ((bits = flag_bits(ch)) != 0) {
		p->flags &= ~bits;
		ch = jr_next(p);
	}
}

static struct jr_list look_behind(struct jr_parser *p, int32_t ch, int at)
{
	struct jr_list body;

	int i = p->cursor;

	if (p->behind_off == SIZE_MAX)
		p->behind_off = p->src[at];
	/*
	 * Without a supplementary character from here to the end of the pattern,
	 * Java's look-behind steps back in UTF-16 units, not characters.
	 */
	while (i < p->plen && p->temp[i] < 0x10000)
		i++;
	if (i == p->plen)
		p->behind_units = true;
	emit(p, ch == '=' ? "(?<=" : "(?<!");
	body = expr(p);
	if (mm2_jr_chain_length(&body) > JR_MAX_CHAIN)
		mm2_jr_give_up(p, JR_TOO_LONG, at);
	if (!mm2_jr_behind_bounded(&body))
		mm2_jr_error(p, "look-behind group does not have an obvious maximum length");
	return body;
}

static struct jr_list named_group(struct jr_parser *p, int32_t ch)
{
	struct jr_name *n;
	const int32_t *name;
	size_t len;

	mm2_jr_groupname(p, ch, &name, &len);
	if (mm2_jr_find_name(p, name, len))
		mm2_jr_error(p, "named capturing group is already defined");
	n = mm2_arena_alloc(&p->arena, sizeof(*n));
	n->name = name;
	n->len = len;
	n->group = ++p->groups;
	n->next = p->names;
	p->names = n;
	emit(p, "(");
	return expr(p);
}

enum group_kind { G_FLAGS, G_GROUP, G_LOOK, G_ATOMIC };

/* What follows "(?"; G_FLAGS for a flags-only group such as (?i). */
static enum group_kind special_group(struct jr_parser *p, int at, struct jr_list *body)
{
	enum group_kind kind = G_GROUP;
	int32_t ch = jr_skip(p);

	switch (ch) {
	case ':':
		emit(p, "(?:");
		break;
	case '=':
	case '!':
		emit(p, ch == '=' ? "(?=" : "(?!");
		kind = G_LOOK;
		break;
	case '>':
		emit(p, "(?>");
		kind = G_ATOMIC;
		break;
	case '<':
		ch = jr_read(p);
		if (ch != '=' && ch != '!') {
			*body = named_group(p, ch);
			return G_GROUP;
		}
		*body = look_behind(p, ch, at);
		return G_LOOK;
	case '$':
	case '@':
		mm2_jr_error(p, "unknown group type");
	default:
		jr_unread(p);
		add_flag(p);
		ch = jr_read(p);
		if (ch == ')')
			return G_FLAGS;
		if (ch != ':')
			mm2_jr_error(p, "unknown inline modifier");
		emit(p, "(?:");
		break;
	}
	*body = expr(p);
	return kind;
}

/* Pattern.group0(): a group and its quantifier. Flags set inside end with it. */
static void group0(struct jr_parser *p)
{
	int save = p->flags, line_ends = p->line_ends, at = p->cursor, groups = p->groups;
	enum group_kind kind = G_GROUP;
	size_t start = p->out.len;
	struct jr_list body;
	int32_t ch;

	if (++p->depth > JR_MAX_DEPTH)
		mm2_jr_give_up(p, "groups nested too deeply for mm2lint", at);
	if (jr_next(p) == '?') {
		kind = special_group(p, at, &body);
		if (kind == G_FLAGS) {
			p->depth--;
			return; /* the flags stay in force */
		}
	} else {
		p->groups++;
		emit(p, "(");
		body = expr(p);
	}
	ch = jr_at(p, p->cursor++);
	if (jr_has(p, JR_COMMENTS))
		ch = jr_parse_past_ws(p, ch);
	if (ch != ')')
		mm2_jr_error(p, "unclosed group");
	emit(p, ")");
	p->flags = save;
	p->depth--;
	if (kind == G_LOOK)
		mm2_jr_node(p, JN_ZERO);
	else
		mm2_jr_node(p, kind == G_ATOMIC ? JN_INDEP : JN_GROUP)->body = body;
	if (closure(p, start, kind == G_GROUP ? T_GROUP : T_ZERO_WIDTH,
		    line_ends != p->line_ends) ||
	    kind != G_GROUP)
		p->captures_apart = p->captures_apart || p->groups != groups;
}

static const char *dangling(int32_t ch)
{
	if (ch == '*')
		return "dangling meta character '*'";
	if (ch == '+')
		return "dangling meta character '+'";
	return "dangling meta character '?'";
}

/* Pattern.sequence(): the nodes between two '|'. */
static void sequence(struct jr_parser *p)
{
	for (;;) {
		size_t start = p->out.len;
		int32_t ch = jr_peek(p);

		switch (ch) {
		case '(':
			group0(p);
			continue;
		case '[':
			mm2_jr_emit(p, mm2_jr_clazz(p, true));
			mm2_jr_node(p, JN_PROP);
			break;
		case '\\':
			ch = jr_next_escaped(p);
			if (ch == 'p' || ch == 'P') {
				property(p, ch == 'P');
			} else {
				jr_unread(p);
				atom(p);
			}
			break;
		case '^':
			jr_next(p);
			mm2_jr_emit_caret(p);
			mm2_jr_node(p, JN_ZERO);
			break;
		case '$':
			jr_next(p);
			mm2_jr_emit_dollar(p, jr_has(p, JR_MULTILINE));
			mm2_jr_node(p, JN_ZERO);
			break;
		case '.':
			jr_next(p);
			mm2_jr_emit_dot(p);
			mm2_jr_node(p, JN_PROP);
			break;
		case '|':
		case ')':
			return;
		case '?':
		case '*':
		case '+':
			jr_next(p);
			mm2_jr_error(p, dangling(ch));
		case 0:
			if (p->cursor >= p->plen)
				return;
			/* fall through */
		default:
			atom(p);
			break;
		}
		closure(p, start, T_ATOM, false);
	}
}

/* Pattern.expr(): alternatives, a Branch node if there are several. */
static struct jr_list expr(struct jr_parser *p)
{
	struct jr_list *outer = p->seq, list;
	struct jr_alt *first = NULL, **tail = &first;

	for (;;) {
		struct jr_alt *a = mm2_arena_alloc(&p->arena, sizeof(*a));

		*tail = a;
		tail = &a->next;
		p->seq = &a->list;
		sequence(p);
		if (jr_peek(p) != '|')
			break;
		jr_next(p);
		emit(p, "|");
		if (p->depth == 0) {
			MM2_GROW(p->alts, p->alts_alloc, p->nalts + 1);
			p->alts[p->nalts++] = p->out.len;
		}
	}
	p->seq = outer;
	if (!first->next)
		return first->list;
	list.head = list.tail = mm2_jr_branch(p, first);
	return list;
}

static void run(struct jr_parser *p)
{
	struct jr_list top = {NULL, NULL}, chain;

	if (setjmp(p->fail)) {
		p->seq = NULL; /* TOP is gone once run returns */
		return;
	}
	p->seq = &top;
	chain = expr(p);
	p->seq = NULL;
	if (p->cursor == p->plen) {
		/* Java's compiler recurses along the node chain, so may run out of stack */
		if (mm2_jr_chain_length(&chain) > JR_MAX_CHAIN)
			mm2_jr_unsupported(p, JR_TOO_LONG, 0);
		if (p->backref && p->captures_apart)
			mm2_jr_unsupported(p,
					   "a back-reference to a group inside a repeat, atomic "
					   "group or look-around: Java keeps captures PCRE2 drops",
					   p->backref_at);
		return;
	}
	if (jr_peek(p) == ')')
		mm2_jr_error(p, "unmatched closing ')'");
	/* Java 17 says "Unexpected internal error" here; later JDKs say this. */
	if (p->cursor == p->plen + 1 && p->plen > 0 && p->temp[p->plen - 1] == '\\')
		mm2_jr_error(p, "unescaped trailing backslash");
	mm2_jr_error(p, "unexpected internal error");
}

/* Back to the start of the pattern for another pass; DECODED is decode()'s verdict. */
static void rewind(struct jr_parser *p, const struct jr_parser *decoded)
{
	p->cursor = 0;
	p->flags = 0;
	p->groups = 0;
	p->names = NULL;
	p->depth = 0;
	p->behind_off = SIZE_MAX;
	p->backref = false;
	p->line_ends = 0;
	p->nalts = 1; /* the first alternative starts at 0 */
	p->behind_units = false;
	p->captures_apart = false;
	p->unicode = false;
	p->status = decoded->status;
	p->why = decoded->why;
	p->off = decoded->off;
	mm2_strbuf_reset(&p->out);
}

/*
 * A second pass when there are back-references: a reference to a group that the
 * whole pattern lacks must never match, and PCRE2 would refuse it, so the first
 * pass counts the groups.
 */
void mm2_jr_translate(const char *pattern, size_t len, struct mm2_jr_out *out)
{
	struct jr_parser p, decoded;

	memset(&p, 0, sizeof(p));
	memset(out, 0, sizeof(*out));
	if (len > JR_MAX_LEN) {
		out->status = MM2_JREGEX_UNSUPPORTED;
		out->why = "a pattern longer than mm2lint reads (1 MiB)";
		return;
	}
	mm2_arena_init(&p.arena);
	mm2_strbuf_init(&p.out);
	MM2_GROW(p.alts, p.alts_alloc, 1);
	p.alts[0] = 0;
	p.status = MM2_JREGEX_OK;
	mm2_jr_decode(&p, pattern, len);
	mm2_jr_remove_qe(&p);
	decoded = p;
	rewind(&p, &decoded);
	p.total_groups = -1;
	run(&p);
	if (p.status == MM2_JREGEX_OK && p.backref) {
		int total = p.groups;

		rewind(&p, &decoded);
		p.total_groups = total;
		run(&p);
	}
	out->status = p.status;
	out->why = p.why;
	out->off = p.off;
	out->unicode = p.unicode;
	out->behind_units = p.behind_units;
	out->behind_off = p.behind_off;
	out->backref = p.backref;
	if (p.status == MM2_JREGEX_OK) {
		out->pcre = mm2_strbuf_detach(&p.out, &out->pcre_len);
		out->alts = p.alts;
		out->nalts = p.nalts;
		p.alts = NULL;
	}
	free(p.alts);
	mm2_strbuf_release(&p.out);
	mm2_arena_release(&p.arena);
	free(p.buf);
}
