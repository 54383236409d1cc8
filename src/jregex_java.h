/*
 * Private to the Java-regex translator (jregex_{input,parse,escape,class,study,
 * props}.c), which jregex.c calls as mm2_jr_translate. The parser state mirrors
 * java.util.regex.Pattern's fields and the cursor primitives below are Pattern's
 * peek/read/next/skip/unread, so the parser can follow Java line by line.
 */
#ifndef MM2LINT_JREGEX_JAVA_H
#define MM2LINT_JREGEX_JAVA_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "mm2lint/arena.h"
#include "mm2lint/jregex.h"
#include "mm2lint/strbuf.h"

/* Pattern's flag bits, as (?idmsuxcU) sets them. */
#define JR_UNIX_LINES		   0x01
#define JR_CASE_INSENSITIVE	   0x02
#define JR_COMMENTS		   0x04
#define JR_MULTILINE		   0x08
#define JR_DOTALL		   0x20
#define JR_UNICODE_CASE		   0x40
#define JR_CANON_EQ		   0x80
#define JR_UNICODE_CHARACTER_CLASS 0x100

#define JR_MAX_CP    0x10FFFF
#define JR_MAX_DEPTH 200       /* nested groups and classes; Java overflows its stack later */
#define JR_MAX_CHAIN 4000      /* Java's stack lasts for about 12000 nodes in a row */
#define JR_MAX_LEN   (1 << 20) /* bytes of pattern */
#define JR_TOO_LONG  "a pattern so long that Java's compiler may run out of stack"

/* A set of code points: sorted, disjoint, non-adjacent closed ranges. */
struct jr_range {
	int32_t lo, hi;
};
struct jr_set {
	size_t n;
	const struct jr_range *v;
};

/*
 * An operand of a character class. Java builds classes from predicates that are
 * evaluated only when matching, and one of them (BitClass) keeps growing until
 * its class closes, so "[a&&b&c]" unions, intersects and complements a set that
 * is not finished yet. JR_BITS is that set; a tree is evaluated when the class
 * is complete.
 */
enum jr_op { JR_SET, JR_BITS, JR_OR, JR_AND, JR_NOT };
struct jr_pred {
	enum jr_op op;
	const struct jr_pred *a, *b; /* JR_OR, JR_AND: both; JR_NOT: a */
	struct jr_set set;	     /* JR_SET */
	uint64_t bits[4];	     /* JR_BITS: code points 0..255 */
};

/* What a \p{...} name matches among ASCII characters, from jregex_props.c. */
enum jr_kind {
	JR_ASCII,   /* nothing outside ASCII: the mask is the whole truth */
	JR_LATIN1,  /* exactly U+0000..U+00FF */
	JR_ALL,	    /* every code point */
	JR_UNICODE, /* Unicode tables decide outside ASCII */
};
struct mm2_jr_mask {
	enum jr_kind kind;
	uint64_t lo, hi; /* bit c: ASCII character c (hi: c - 64) */
};
struct mm2_jr_prop {
	const char *name;
	struct mm2_jr_mask plain, ci; /* without and with CASE_INSENSITIVE */
};
struct mm2_jr_fold {
	int32_t cp, fold; /* Character.toLowerCase(Character.toUpperCase(cp)) == fold */
};

extern const struct mm2_jr_prop mm2_jr_props_java[], mm2_jr_props_unicode[], mm2_jr_props_posix[],
	mm2_jr_props_uclass[];
extern const size_t mm2_jr_njava, mm2_jr_nunicode, mm2_jr_nposix, mm2_jr_nuclass;
extern const struct mm2_jr_fold mm2_jr_folds[];
extern const size_t mm2_jr_nfolds;

/*
 * The node chain Java builds, as far as Pattern's study() needs it: study()
 * decides whether a look-behind "has an obvious maximum length" and whether a
 * repeated group is deterministic (jregex_study.c).
 */
enum jr_nkind {
	JN_CHARS,	/* a Slice of n characters (the empty slice included) */
	JN_PROP,	/* one character: a CharProperty */
	JN_ZERO,	/* anchors, boundaries, look-arounds: nothing to measure */
	JN_LINE_END,	/* \R */
	JN_GRAPHEME,	/* \X */
	JN_PROP_GREEDY, /* JN_PROP* or JN_PROP+, greedy: CharPropertyGreedy */
	JN_CURLY,	/* body repeated n..cmax times: Curly and GroupCurly */
	JN_QUES,	/* body?, and a possessive (body)?+ */
	JN_INDEP,	/* (?>body) */
	JN_BRANCH,	/* alternatives */
	JN_BACKREF,
	JN_LOOP,  /* a repeated group Java cannot measure: Loop */
	JN_GROUP, /* (body), (?:body): body, then what follows the group */
};
struct jr_node;
struct jr_list {
	struct jr_node *head, *tail;
};
struct jr_alt {
	struct jr_list list; /* empty for an empty alternative */
	struct jr_alt *next;
};
struct jr_node {
	enum jr_nkind kind;
	int32_t n, cmax;     /* JN_CHARS: n characters; JN_CURLY, JN_PROP_GREEDY: n = cmin */
	struct jr_list body; /* JN_CURLY, JN_QUES, JN_INDEP, JN_GROUP */
	struct jr_alt *alts; /* JN_BRANCH */
	struct jr_node *next;
};

struct jr_name {
	struct jr_name *next;
	const int32_t *name;
	size_t len;
	int group;
};

struct jr_parser {
	int32_t *temp; /* the pattern in code points after \Q..\E rewriting, then two 0s */
	size_t *src;   /* byte offset in the caller's pattern of each temp position */
	int plen;      /* Pattern.patternLength */
	int cursor;
	int flags;	  /* Pattern.flags0 */
	int groups;	  /* capturing groups opened so far */
	int total_groups; /* all of them (second pass), or -1 (first pass) */
	struct jr_name *names;
	const struct jr_pred *pred; /* Pattern.predicate: escape()'s class operand */
	int32_t *buf;		    /* atom()'s literal characters */
	size_t buf_alloc;
	struct mm2_strbuf out; /* the PCRE2 pattern */
	size_t *alts;	       /* where each top-level alternative starts in out */
	size_t nalts, alts_alloc;
	struct jr_list *seq; /* the node chain being built */
	struct mm2_arena arena;
	jmp_buf fail;
	int depth;
	int behind;	   /* open look-behind groups */
	size_t behind_off; /* where the first look-behind starts */
	bool behind_units; /* a look-behind counts UTF-16 units (Java's Behind, not BehindS) */
	bool backref;
	int backref_at;	     /* where the first back-reference is */
	bool captures_apart; /* a capturing group in a Curly, Ques, look-around or (?>) */
	int line_ends;	     /* \R escapes so far */
	bool unicode;	     /* non-ASCII subjects need Unicode tables mm2lint lacks */
	enum mm2_jregex_status status;
	const char *why;
	size_t off;
};

/* The outcome of a translation, for jregex.c. */
struct mm2_jr_out {
	enum mm2_jregex_status status;
	const char *why;
	size_t off;
	/*
	 * When status is OK: the PCRE2 text, to be matched anchored and followed by
	 * \z, and where its top-level alternatives start (alts[0] is 0; each one
	 * after the first follows a '|'). Both malloc'ed.
	 */
	char *pcre;
	size_t pcre_len;
	size_t *alts, nalts;
	bool backref; /* alternatives then depend on each other's group numbers */
	bool unicode;
	bool behind_units;
	size_t behind_off; /* SIZE_MAX if there is no look-behind */
};

void mm2_jr_translate(const char *pattern, size_t len, struct mm2_jr_out *out);

/* Java throws PatternSyntaxException at the cursor: the pattern is invalid. */
_Noreturn void mm2_jr_error(struct jr_parser *p, const char *why);
/* mm2lint cannot evaluate what starts at temp position AT; parsing goes on. */
void mm2_jr_unsupported(struct jr_parser *p, const char *why, int at);
/* Like mm2_jr_unsupported, but parsing cannot go on. */
_Noreturn void mm2_jr_give_up(struct jr_parser *p, const char *why, int at);

/* jregex_input.c: fill p->temp, p->src and p->plen from the caller's text */
void mm2_jr_decode(struct jr_parser *p, const char *pattern, size_t len);
void mm2_jr_remove_qe(struct jr_parser *p);

/* jregex_escape.c */
/* ^ and . under the current flags; $ (\Z is $ without MULTILINE) */
void mm2_jr_emit_caret(struct jr_parser *p);
void mm2_jr_emit_dot(struct jr_parser *p);
void mm2_jr_emit_dollar(struct jr_parser *p, bool multiline);
/* Pattern.escape(): a character (>= 0), or -1 after emitting a node or setting p->pred. */
int32_t mm2_jr_escape(struct jr_parser *p, bool inclass, bool create, bool isrange);
/* Pattern.groupname(): the name after "(?<" or "\k<", CH being its first character. */
void mm2_jr_groupname(struct jr_parser *p, int32_t ch, const int32_t **name, size_t *len);
const struct jr_name *mm2_jr_find_name(const struct jr_parser *p, const int32_t *name, size_t len);

/* jregex_study.c */
/* Append a node of KIND to p->seq. */
struct jr_node *mm2_jr_node(struct jr_parser *p, enum jr_nkind kind);
struct jr_node *mm2_jr_branch(struct jr_parser *p, struct jr_alt *alts);
/*
 * What Pattern.closure() and group0() make of the last node of p->seq under a
 * quantifier: QUES for ? and {0,1}, else CMIN..CMAX (-1: unbounded); TYPE is
 * 0, '?' (lazy) or '+' (possessive); GROUP if the node is a (capturing or not)
 * group, which Java repeats with its own nodes.
 */
void mm2_jr_quantify(struct jr_parser *p, bool ques, int64_t cmin, int64_t cmax, int32_t type,
		     bool group);
/*
 * How deep Java's study() recurses along L, or a bit more: Java's compiler
 * overflows its stack on long chains (a few thousand groups in a row), and
 * whether it does depends on the thread's stack size.
 */
long mm2_jr_chain_length(const struct jr_list *l);
/* Pattern.group0()'s look-behind check: does BODY have "an obvious maximum length"? */
bool mm2_jr_behind_bounded(const struct jr_list *body);

/* jregex_class.c */
const struct jr_pred *mm2_jr_clazz(struct jr_parser *p, bool consume);
const struct jr_pred *mm2_jr_family(struct jr_parser *p, bool one_letter, bool complement);
const struct jr_pred *mm2_jr_literal(struct jr_parser *p, int32_t ch);
const struct jr_pred *mm2_jr_ranges(struct jr_parser *p, const struct jr_range *r, size_t n);
const struct jr_pred *mm2_jr_mask(struct jr_parser *p, const struct mm2_jr_mask *m);
const struct jr_pred *mm2_jr_not(struct jr_parser *p, const struct jr_pred *a);
void mm2_jr_emit(struct jr_parser *p, const struct jr_pred *pred);

static inline bool jr_has(const struct jr_parser *p, int flag)
{
	return (p->flags & flag) != 0;
}

static inline bool jr_isspace(int32_t ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

static inline bool jr_isdigit(int32_t ch)
{
	return ch >= '0' && ch <= '9';
}

static inline bool jr_isalpha(int32_t ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/*
 * temp[I]. Java's array ends at plen + 1; reading further would throw
 * ArrayIndexOutOfBoundsException, which mm2lint does not claim to predict.
 */
static inline int32_t jr_at(struct jr_parser *p, int i)
{
	if (i < 0 || i > p->plen + 1)
		mm2_jr_give_up(p, "pattern ends where mm2lint cannot follow Java's parser",
			       p->plen);
	return p->temp[i];
}

static inline bool jr_line_sep(const struct jr_parser *p, int32_t ch)
{
	if (jr_has(p, JR_UNIX_LINES))
		return ch == '\n';
	return ch == '\n' || ch == '\r' || (ch | 1) == 0x2029 || ch == 0x85;
}

static inline int32_t jr_peek_past_line(struct jr_parser *p)
{
	int32_t ch = jr_at(p, ++p->cursor);

	while (ch != 0 && !jr_line_sep(p, ch))
		ch = jr_at(p, ++p->cursor);
	if (ch == 0 && p->cursor > p->plen) {
		p->cursor = p->plen;
		ch = jr_at(p, p->cursor);
	}
	return ch;
}

static inline int32_t jr_parse_past_line(struct jr_parser *p)
{
	int32_t ch = jr_at(p, p->cursor++);

	while (ch != 0 && !jr_line_sep(p, ch))
		ch = jr_at(p, p->cursor++);
	if (ch == 0 && p->cursor > p->plen) {
		p->cursor = p->plen;
		ch = jr_at(p, p->cursor++);
	}
	return ch;
}

/* In (?x) mode, whitespace and #-comments are skipped before looking. */
static inline int32_t jr_peek_past_ws(struct jr_parser *p, int32_t ch)
{
	while (jr_isspace(ch) || ch == '#') {
		while (jr_isspace(ch))
			ch = jr_at(p, ++p->cursor);
		if (ch == '#')
			ch = jr_peek_past_line(p);
	}
	return ch;
}

static inline int32_t jr_parse_past_ws(struct jr_parser *p, int32_t ch)
{
	while (jr_isspace(ch) || ch == '#') {
		while (jr_isspace(ch))
			ch = jr_at(p, p->cursor++);
		if (ch == '#')
			ch = jr_parse_past_line(p);
	}
	return ch;
}

static inline int32_t jr_peek(struct jr_parser *p)
{
	int32_t ch = jr_at(p, p->cursor);

	return jr_has(p, JR_COMMENTS) ? jr_peek_past_ws(p, ch) : ch;
}

static inline int32_t jr_read(struct jr_parser *p)
{
	int32_t ch = jr_at(p, p->cursor++);

	return jr_has(p, JR_COMMENTS) ? jr_parse_past_ws(p, ch) : ch;
}

static inline int32_t jr_next(struct jr_parser *p)
{
	int32_t ch = jr_at(p, ++p->cursor);

	return jr_has(p, JR_COMMENTS) ? jr_peek_past_ws(p, ch) : ch;
}

static inline int32_t jr_next_escaped(struct jr_parser *p)
{
	return jr_at(p, ++p->cursor);
}

static inline int32_t jr_skip(struct jr_parser *p)
{
	int i = p->cursor;
	int32_t ch = jr_at(p, i + 1);

	p->cursor = i + 2;
	return ch;
}

static inline void jr_unread(struct jr_parser *p)
{
	p->cursor--;
}

#endif
