/*
 * Unit tests for jregex.h: which patterns Java rejects and where, and what
 * matches, for each place where Java and PCRE2 differ (docs/java-regex.md). With
 * a JDK, test_jregex__agrees_with_jdk runs tests/jregex-oracle and compares.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/jregex.h"
#include "mm2lint/strbuf.h"

static struct mm2_jregex *compile(const char *pattern, struct mm2_jregex_error *err)
{
	return mm2_jregex_compile(pattern, strlen(pattern), err);
}

/* PATTERN compiles; each "+subject" matches, each "-subject" does not, each "?subject" is UNKNOWN.
 */
static void check(const char *pattern, ...)
{
	struct mm2_jregex_error err;
	struct mm2_jregex *re = compile(pattern, &err);
	const char *s;
	va_list ap;

	if (!re)
		fail_msg("'%s' did not compile: %s at %zu", pattern, err.why, err.off);
	assert_int_equal(err.status, MM2_JREGEX_OK);
	va_start(ap, pattern);
	while ((s = va_arg(ap, const char *)) != NULL) {
		enum mm2_jregex_match want = s[0] == '+'   ? MM2_JREGEX_MATCH
					     : s[0] == '-' ? MM2_JREGEX_NOMATCH
							   : MM2_JREGEX_UNKNOWN;
		enum mm2_jregex_match got = mm2_jregex_matches(re, s + 1, strlen(s + 1));

		if (got != want)
			fail_msg("'%s' on '%s': got %d, want %d", pattern, s + 1, got, want);
	}
	va_end(ap);
	mm2_jregex_free(re);
}

/* Java rejects PATTERN with WHY at byte offset OFF. */
static void invalid(const char *pattern, size_t off, const char *why)
{
	struct mm2_jregex_error err;
	struct mm2_jregex *re = compile(pattern, &err);

	if (re)
		fail_msg("'%s' compiled", pattern);
	if (err.status != MM2_JREGEX_INVALID)
		fail_msg("'%s': status %d (%s), want invalid", pattern, err.status, err.why);
	assert_string_equal(err.why, why);
	if (err.off != off)
		fail_msg("'%s': offset %zu, want %zu", pattern, err.off, off);
}

/* mm2lint cannot evaluate PATTERN (and does not claim Java rejects it). */
static void unsupported(const char *pattern)
{
	struct mm2_jregex_error err;
	struct mm2_jregex *re = compile(pattern, &err);

	if (re || err.status != MM2_JREGEX_UNSUPPORTED)
		fail_msg("'%s': status %d, want unsupported", pattern, err.status);
	assert_non_null(err.why);
	mm2_jregex_free(re);
}

static void test_jregex__mm2_defaults(void **state)
{
	(void)state;
	check(".*", "+", "+orders", "+a.b-c_d", NULL);
	check(".*[\\-\\.]internal|.*\\.replica|__.*", "+mm2-offsets.internal", "+x.internal",
	      "+A.orders.replica", "+__consumer_offsets", "-orders", "-internal", NULL);
	check("mm2.*\\.internal|.*\\.replica|__.*", "+mm2-configs.B.internal", "-x.internal",
	      "+__x", NULL);
	check("console-consumer-.*|connect-.*|__.*", "+connect-cluster", "-my-group", NULL);
	check("(?!)", "-", "-a", NULL);
}

static void test_jregex__whole_string(void **state)
{
	(void)state;
	check("orders", "+orders", "-orders2", "-my-orders", NULL);
	check("orders*", "+order", "+orderss", "-orders-x", NULL);
	check("topic.*", "+topic", "+topic-1", "-a-topic", NULL);
	check("a|b", "+a", "+b", "-ab", NULL);
	check("", "+", "-a", NULL);
	check(" .*", "+ x", "-x", NULL); /* the list parser trims items, not what is inside */
}

/* MirrorMaker 2 joins a list with '|': items are one pattern, not several. */
static void test_jregex__joined_list(void **state)
{
	(void)state;
	check("(a|b)", "+a", "+b", NULL);
	invalid("__.*|_.*|*.replica", 9, "dangling meta character '*'");
	check("(?i)a|b", "+B", NULL);
	check("\\Qa|b", "+a|b", "-a", NULL);
}

static void test_jregex__dangling_meta(void **state)
{
	(void)state;
	invalid("*", 0, "dangling meta character '*'");
	invalid("*.replica", 0, "dangling meta character '*'");
	invalid("+a", 0, "dangling meta character '+'");
	invalid("a|?", 2, "dangling meta character '?'");
	invalid("a**", 2, "dangling meta character '*'");
	invalid("(?i)*", 4, "dangling meta character '*'");
	check("^*a", "+a", NULL);
	check("(?=a)*a", "+a", NULL);
}

static void test_jregex__braces(void **state)
{
	(void)state;
	invalid("{", 1, "illegal repetition");
	invalid("a{", 2, "illegal repetition");
	invalid("${TOPICS}", 2, "illegal repetition");
	invalid("a{}", 2, "illegal repetition");
	invalid("a{1", 3, "unclosed counted closure");
	invalid("a{1,", 4, "unclosed counted closure");
	invalid("x{2,1}", 5, "illegal repetition range");
	invalid("a{2147483648}", 11, "illegal repetition range");
	check("{1}", "+", "-{1}", NULL);
	check("a{2}{3}", "+aa", "-aaa", NULL);
	check("(?x)a{1, 2}", "+aa", NULL);
	unsupported("a{65536}");
}

/* matches() must consume everything: $ may stop before a final line terminator. */
static void test_jregex__anchors(void **state)
{
	(void)state;
	check("a$", "+a", "-a\n", "-a\r\n", NULL);
	check("a$\n", "+a\n", NULL);
	check("a$\\r\\n", "+a\r\n", NULL);
	check("^", "+", NULL);
	check("(?m)^", "-", NULL);
	check("(?m)a$\\n^b", "+a\nb", NULL);
	check("\\Aa\\z", "+a", NULL);
	check("\\Ga", "+a", NULL);
}

static void test_jregex__line_terminators(void **state)
{
	(void)state;
	check(".", "+a", "-\n", "-\r", "-\xc2\x85", "-\xe2\x80\xa8", NULL);
	check("(?s).", "+\n", NULL);
	check("(?d).", "+\r", "-\n", "+\xc2\x85", NULL);
	check("\\h", "+\t", "+ ", "+\xc2\xa0", "-a", NULL);
	check("\\v", "+\x0b", "+\n", NULL);
	check("[\\v-\\x0d]", "+\x0c", NULL);
}

/* Java backtracks into \R, but not inside a quantifier; PCRE2's \R never does. */
static void test_jregex__line_ending(void **state)
{
	(void)state;
	check("\\R\n", "+\r\n", NULL);
	check("\\R?\n", "-\r\n", "+\n", NULL);
	check("\\R{2}", "-\r\n", "+\n\n", NULL);
}

/* A possessive group repeats without going back into earlier repetitions. */
static void test_jregex__possessive(void **state)
{
	(void)state;
	check("(a|ab){2}+c", "-abac", "+aac", NULL);
	check("(a|ab){2}c", "+abac", NULL);
	check("a*+a", "-aa", NULL);
	check("(?>a|ab)c", "-abc", "+ac", NULL);
}

/* (?i) folds ASCII letters only; (?iu) follows Java's Character tables. */
static void test_jregex__case_insensitive(void **state)
{
	(void)state;
	check("(?i)orders", "+ORDERS", "+Orders", NULL);
	check("(?i)\xc3\xa9", "-\xc3\x89", "+\xc3\xa9", NULL);
	check("(?i)\xc5\xbf", "-s", "-S", NULL);
	check("(?iu)\xc5\xbf", "+s", "+S", NULL);
	check("(?iu)k", "+K", "+k", "?\xe2\x84\xaa", NULL);
	check("(?i)[a-c]", "+B", NULL);
	check("a(?i)b|c", "+aB", "+C", NULL);
	check("(a(?i)b)c", "+aBc", "-aBC", NULL);
}

static void test_jregex__classes(void **state)
{
	(void)state;
	check("[]a]", "+]", "+a", NULL);
	check("[a-]", "+-", "+a", NULL);
	check("[-a]", "+-", NULL);
	check("[[a-z]&&[^e]]", "+a", "-e", "-E", NULL);
	check("[a-z&&[aeiou]]", "+a", "-b", NULL);
	check("[^a[b]]", "-a", "-b", "+c", NULL);
	/* Java keeps adding to a set it has already intersected */
	check("[a&&[b]&c]", "+a", "+&", "+c", "-b", NULL);
	invalid("[]", 1, "unclosed character class");
	invalid("[^]", 2, "unclosed character class");
	invalid("[a", 1, "unclosed character class");
	invalid("[a-\\d]", 4, "illegal character range");
	invalid("[z-a]", 3, "illegal character range");
	invalid("[\\b]", 2, "illegal/unsupported escape sequence");
	invalid("[&&]", 2, "bad class syntax");
	unsupported("[s-tk&&&]"); /* Java 17 accepts it, later JDKs do not */
}

static void test_jregex__properties(void **state)
{
	(void)state;
	check("\\p{Lower}", "+a", "-A", "-\xc3\xa9", NULL);
	check("(?i)\\p{Lower}", "+A", NULL);
	check("\\P{Lower}", "-a", "+A", NULL);
	check("\\p{javaLowerCase}", "+a", "?\xc3\xa9", NULL);
	check("\\p{gc=Lu}", "+A", "-a", NULL);
	check("\\pL+", "+abc", NULL);
	check("(?U)\\w", "+a", "?\xc3\xa9", NULL);
	invalid("\\p{Foo}", 6, "unknown character property name");
	invalid("\\p{gc=Foo}", 9, "unknown Unicode property");
	invalid("\\p{}", 3, "empty character family");
	invalid("\\p{L", 4, "unclosed character family");
	unsupported("\\p{InGreek}");
	unsupported("\\p{IsFoo}");   /* a script Java 17 lacks, or one it has */
	unsupported("\\p{IsEmoji}"); /* Java 21 has it, Java 17 does not */
}

static void test_jregex__backreferences(void **state)
{
	(void)state;
	check("\\1", "-", "-1", NULL); /* no such group: never matches */
	check("(a)\\2", "-a", "-aa", NULL);
	check("(a)\\11", "-a1", "-aa", NULL);
	check("(a)\\1", "+aa", NULL);
	check("(?<n>a)\\k<n>", "+aa", NULL);
	check("(?i)(a)\\1", "+aA", NULL);
	invalid("\\k<n>", 4, "named capturing group does not exist");
	invalid("\\k<n>(?<n>a)", 4, "named capturing group does not exist");
	invalid("(?<n>a)(?<n>b)", 11, "named capturing group is already defined");
	invalid("(?<1a>x)", 3, "capturing group name does not start with a Latin letter");
	unsupported("()*\\1");
	unsupported("(?:(?=(a))x|a)\\1");
}

static void test_jregex__escapes(void **state)
{
	(void)state;
	check("\\x41\\u0042\\0103\\cA\\t", "+ABC\x01\t", NULL);
	check("\\x{1F600}", "+\xf0\x9f\x98\x80", "+\xed\xa0\xbd\xed\xb8\x80", NULL);
	check("\\_\\-\\.", "+_-.", NULL);
	invalid("\\0", 2, "illegal octal escape sequence");
	invalid("\\08", 2, "illegal octal escape sequence");
	invalid("\\x{110000}", 8, "hexadecimal codepoint is too big");
	invalid("\\xg", 2, "illegal hexadecimal escape sequence");
	invalid("\\c", 1, "illegal control escape sequence");
	invalid("\\y", 1, "illegal/unsupported escape sequence");
	invalid("\\", 1, "unescaped trailing backslash");
	invalid("a\\", 2, "unescaped trailing backslash");
	unsupported("\\N{LATIN SMALL LETTER A}");
	invalid("\\N{ }", 4, "unknown character name");
	unsupported("\\uD800");
}

static void test_jregex__groups(void **state)
{
	(void)state;
	invalid(")", 0, "unmatched closing ')'");
	invalid("a)b", 0, "unmatched closing ')'");
	invalid("(", 1, "unclosed group");
	invalid("(a", 2, "unclosed group");
	invalid("(?<n>", 5, "unclosed group");
	invalid("(?$)", 2, "unknown group type");
	invalid("(?#c)", 2, "unknown inline modifier");
	invalid("(?P<n>a)", 2, "unknown inline modifier");
	check("(?i:a)b", "+Ab", "-AB", NULL);
	unsupported("(?c)a");
}

/* \Q..\E is rewritten before Java parses; offsets still point into the caller's text. */
static void test_jregex__quoting(void **state)
{
	(void)state;
	check("\\Qmy.topic\\E", "+my.topic", "-myxtopic", NULL);
	check("\\Qa", "+a", NULL);
	check("\\Q*\\E*", "+**", "+", NULL);
	check("\\Q\\E1", "+1", NULL);
	invalid("x\\Q(\\E)", 3, "unmatched closing ')'"); /* Java: one before the ) */
}

static void test_jregex__comments_mode(void **state)
{
	(void)state;
	check("(?x)a b # c", "+ab", "-a b", NULL);
	check("(?x)a\\ b", "+a b", NULL);
	check("(?x)[ a]", "- ", "+a", NULL);
	check("(?x: a )b", "+ab", NULL);
	invalid("a{ 1}", 2, "illegal repetition");
}

static void test_jregex__look_behind(void **state)
{
	(void)state;
	check(".*(?<!\\.internal)", "-a.internal", "+a.b", NULL);
	check("..(?<=ab|b)", "+ab", NULL);
	invalid("(?<=\\1)(a)", 5, "look-behind group does not have an obvious maximum length");
	invalid("(?<=(a|bc){2})x", 12, "look-behind group does not have an obvious maximum length");
	unsupported("(?<=a+)b"); /* Java measures it; PCRE2 10.42 needs fixed lengths */
}

/* Text is mm2lint's encoding: a surrogate pair is one character, a lone one is not text. */
static void test_jregex__encoding(void **state)
{
	struct mm2_jregex *re;

	(void)state;
	check(".", "+\xed\xa0\xbd\xed\xb8\x80", "+\xf0\x9f\x98\x80", "?\xed\xa0\xbd", "?\xff",
	      NULL);
	check("\xed\xa0\xbd\xed\xb8\x80", "+\xf0\x9f\x98\x80", NULL);
	unsupported("\xed\xa0\xbd");
	unsupported("a\xff");
	re = mm2_jregex_compile("a\0b", 3, NULL);
	assert_non_null(re);
	assert_int_equal(mm2_jregex_matches(re, "a\0b", 3), MM2_JREGEX_MATCH);
	assert_int_equal(mm2_jregex_matches(re, "a", 1), MM2_JREGEX_NOMATCH);
	mm2_jregex_free(re);
	mm2_jregex_free(NULL);
}

/* A match PCRE2 gives up on is UNKNOWN, never a guess. */
static void test_jregex__backtracking_limit(void **state)
{
	(void)state;
	check("(a|aa)*\\d", "?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
	      "+aa1", NULL);
}

static void repeat(struct mm2_strbuf *sb, const char *s, int n)
{
	while (n-- > 0)
		mm2_strbuf_addstr(sb, s);
}

/* Long topic lists are fine; what could overflow Java's compiler is UNSUPPORTED. */
static void test_jregex__size_limits(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	struct mm2_jregex_error err;
	struct mm2_jregex *re;
	int i;

	(void)state;
	mm2_strbuf_init(&sb);
	for (i = 0; i < 5000; i++)
		mm2_strbuf_addf(&sb, "%sorders.topic-%d", i ? "|" : "", i);
	re = mm2_jregex_compile(sb.buf, sb.len, &err);
	assert_non_null(re);
	assert_int_equal(mm2_jregex_matches(re, "orders.topic-4999", 17), MM2_JREGEX_MATCH);
	assert_int_equal(mm2_jregex_matches(re, "orders.topic-5000", 17), MM2_JREGEX_NOMATCH);
	mm2_jregex_free(re);

	mm2_strbuf_reset(&sb);
	repeat(&sb, "(a)", 5000);
	unsupported(sb.buf);
	mm2_strbuf_reset(&sb);
	mm2_strbuf_addstr(&sb, "(?:");
	repeat(&sb, "(a)", 2000);
	mm2_strbuf_addstr(&sb, ")*");
	unsupported(sb.buf);
	mm2_strbuf_reset(&sb);
	repeat(&sb, "(", 300);
	repeat(&sb, ")", 300);
	unsupported(sb.buf);
	mm2_strbuf_reset(&sb);
	repeat(&sb, "a", (1 << 20) + 1);
	unsupported(sb.buf);
	mm2_strbuf_release(&sb);
}

/* ---- comparison with the JDK (tests/jregex-oracle) ---- */

struct oracle {
	struct mm2_jregex *re; /* the last pattern, if it compiled */
	bool java_ok;
	char *pattern; /* internal encoding */
	size_t pattern_len;
	unsigned patterns, java_rejects, unsupported, subjects, unknown, mismatches;
};

/* The oracle's escapes, one UTF-16 unit each, into mm2lint's internal encoding. */
static char *unescape(const char *s, size_t *len)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;

	mm2_strbuf_init(&sb);
	for (; *s; s++) {
		unsigned u = (unsigned char)*s;

		if (*s == '\\' && s[1]) {
			s++;
			u = *s == 't'	? '\t'
			    : *s == 'n' ? '\n'
			    : *s == 'r' ? '\r'
					: (unsigned char)*s;
			if (*s == 'u') {
				char hex[5] = {s[1], s[2], s[3], s[4], 0};

				u = (unsigned)strtoul(hex, NULL, 16);
				s += 4;
			}
		}
		if (u < 0x80) {
			mm2_strbuf_addch(&sb, (int)u);
		} else if (u < 0x800) {
			mm2_strbuf_addch(&sb, (int)(0xC0 | u >> 6));
			mm2_strbuf_addch(&sb, (int)(0x80 | (u & 0x3F)));
		} else {
			mm2_strbuf_addch(&sb, (int)(0xE0 | u >> 12));
			mm2_strbuf_addch(&sb, (int)(0x80 | (u >> 6 & 0x3F)));
			mm2_strbuf_addch(&sb, (int)(0x80 | (u & 0x3F)));
		}
	}
	return mm2_strbuf_detach(&sb, len);
}

/* Java's index counts code points; a surrogate pair is one. */
static long java_index(const char *s, size_t off)
{
	long n = 0;
	size_t i = 0;

	while (i < off) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (c == 0xED && (unsigned char)s[i + 1] >= 0xB0 && i >= 3 &&
		    (unsigned char)s[i - 3] == 0xED && (unsigned char)s[i - 2] < 0xB0 &&
		    (unsigned char)s[i - 2] >= 0xA0)
			n--;
		i += k;
		n++;
	}
	return n;
}

/* Java's index can be one past the end; mm2lint's offsets stop at the end. */
static long java_clamp(const char *pattern, size_t len, long index)
{
	long end = java_index(pattern, len);

	return index > end ? end : index;
}

/* Java's description without its variable parts (" <name>", " {name}", " [name]"). */
static void normalize(const char *d, char *out, size_t size)
{
	size_t n = 0;

	for (; *d && n + 1 < size; d++) {
		if (*d == ' ' && (d[1] == '<' || d[1] == '{' || d[1] == '[')) {
			char close = d[1] == '<' ? '>' : d[1] == '{' ? '}' : ']';
			const char *e = strrchr(d, close);

			if (e) {
				d = e;
				continue;
			}
		}
		out[n] = n == 0 && *d >= 'A' && *d <= 'Z' ? (char)(*d - 'A' + 'a') : *d;
		n++;
	}
	out[n] = '\0';
}

/* Split LINE at every TAB into F[0..N); missing fields are "". */
static void fields(char *line, char **f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		f[i] = line;
		line += strcspn(line, "\t");
		if (*line)
			*line++ = '\0';
	}
}

static void oracle_pattern(struct oracle *o, char *line)
{
	char *f[5];
	char *pat, *verdict, *index, *desc, *d;
	size_t dlen;
	struct mm2_jregex_error err;
	char want[256];

	fields(line, f, 5);
	pat = f[1];
	verdict = f[2];
	index = f[3];
	desc = f[4];
	mm2_jregex_free(o->re);
	free(o->pattern);
	o->pattern = unescape(pat, &o->pattern_len);
	o->re = mm2_jregex_compile(o->pattern, o->pattern_len, &err);
	o->java_ok = !strcmp(verdict, "OK");
	o->patterns++;
	if (!o->java_ok)
		o->java_rejects++;
	if (err.status == MM2_JREGEX_UNSUPPORTED) {
		if (getenv("MM2LINT_JREGEX_VERBOSE"))
			print_message("unsupported: '%s' (Java %s): %s\n", pat, verdict, err.why);
		o->unsupported++;
		return;
	}
	if (o->java_ok && err.status == MM2_JREGEX_OK)
		return;
	if (o->java_ok || err.status == MM2_JREGEX_OK) {
		print_message("mismatch: '%s': Java %s, mm2lint %s\n", pat, verdict,
			      err.status == MM2_JREGEX_OK ? "accepts" : err.why);
		o->mismatches++;
		return;
	}
	if (atol(index) < 0)
		return; /* not a PatternSyntaxException: nothing to compare */
	for (d = strstr(desc, "\\u0000"); d; d = strstr(d, "\\u0000"))
		d[5] = '1'; /* a NUL in a name would end the C string */
	d = unescape(desc, &dlen);
	normalize(d, want, sizeof(want));
	free(d);
	if (strcmp(want, err.why) && !(!strcmp(want, "unexpected internal error") &&
				       !strcmp(err.why, "unescaped trailing backslash"))) {
		print_message("mismatch: '%s': Java says '%s', mm2lint '%s'\n", pat, want, err.why);
		o->mismatches++;
	} else if (!strstr(o->pattern, "\\Q") &&
		   java_index(o->pattern, err.off) !=
			   java_clamp(o->pattern, o->pattern_len, atol(index))) {
		print_message("mismatch: '%s' (%s): Java index %s, mm2lint %ld\n", pat, want, index,
			      java_index(o->pattern, err.off));
		o->mismatches++;
	}
}

static void oracle_subject(struct oracle *o, char *line)
{
	char *f[3], *subj, *verdict, *s;
	enum mm2_jregex_match got;
	size_t len;

	fields(line, f, 3);
	subj = f[1];
	verdict = f[2];
	if (!o->re || !o->java_ok || !strcmp(verdict, "X"))
		return;
	s = unescape(subj, &len);
	got = mm2_jregex_matches(o->re, s, len);
	o->subjects++;
	if (got == MM2_JREGEX_UNKNOWN) {
		if (getenv("MM2LINT_JREGEX_VERBOSE"))
			print_message("unknown: '%s' on '%s'\n", o->pattern, subj);
		o->unknown++;
	} else if ((got == MM2_JREGEX_MATCH) != !strcmp(verdict, "1")) {
		print_message("mismatch: '%s' on '%s': Java %s, mm2lint %d\n", o->pattern, subj,
			      verdict, got);
		o->mismatches++;
	}
	free(s);
}

static void test_jregex__agrees_with_jdk(void **state)
{
	const char *dir = getenv("MM2LINT_SOURCE_DIR");
	const char *extra = getenv("MM2LINT_JREGEX_RANDOM");
	const char *seed = getenv("MM2LINT_JREGEX_SEED");
	struct oracle o = {0};
	char cmd[4096], *line = NULL;
	size_t cap = 0;
	FILE *f;

	(void)state;
	if (!dir || system("command -v javac >/dev/null 2>&1") != 0)
		skip();
	snprintf(
		cmd, sizeof(cmd),
		"bash '%s/tests/jregex-oracle/jregex-oracle.sh' '%s/tests/jregex-oracle/cases.txt' "
		"--random %s 1%s --grammar %s 2%s",
		dir, dir, extra ? extra : "4000", seed ? seed : "0", extra ? extra : "4000",
		seed ? seed : "0");
	f = popen(cmd, "r");
	assert_non_null(f);
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == 'P')
			oracle_pattern(&o, line);
		else if (line[0] == 'S')
			oracle_subject(&o, line);
	}
	free(line);
	assert_int_equal(pclose(f), 0);
	mm2_jregex_free(o.re);
	free(o.pattern);
	print_message("jdk oracle: %u patterns (%u rejected by Java, %u unsupported here), "
		      "%u subjects (%u unknown here), %u mismatches\n",
		      o.patterns, o.java_rejects, o.unsupported, o.subjects, o.unknown,
		      o.mismatches);
	assert_true(o.patterns > 1000);
	assert_int_equal(o.mismatches, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jregex__mm2_defaults),
		cmocka_unit_test(test_jregex__whole_string),
		cmocka_unit_test(test_jregex__joined_list),
		cmocka_unit_test(test_jregex__dangling_meta),
		cmocka_unit_test(test_jregex__braces),
		cmocka_unit_test(test_jregex__anchors),
		cmocka_unit_test(test_jregex__line_terminators),
		cmocka_unit_test(test_jregex__line_ending),
		cmocka_unit_test(test_jregex__possessive),
		cmocka_unit_test(test_jregex__case_insensitive),
		cmocka_unit_test(test_jregex__classes),
		cmocka_unit_test(test_jregex__properties),
		cmocka_unit_test(test_jregex__backreferences),
		cmocka_unit_test(test_jregex__escapes),
		cmocka_unit_test(test_jregex__groups),
		cmocka_unit_test(test_jregex__quoting),
		cmocka_unit_test(test_jregex__comments_mode),
		cmocka_unit_test(test_jregex__look_behind),
		cmocka_unit_test(test_jregex__encoding),
		cmocka_unit_test(test_jregex__backtracking_limit),
		cmocka_unit_test(test_jregex__size_limits),
		cmocka_unit_test(test_jregex__agrees_with_jdk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
