/*
 * Java regular expressions as MirrorMaker 2 uses them (topics, topics.exclude,
 * groups, groups.exclude): java.util.regex syntax, whole-string matches().
 *
 * A pattern is parsed the way Java 17's Pattern.compile parses it, which decides
 * whether Java accepts it, and is translated into an equivalent PCRE2 pattern for
 * matching. docs/java-regex.md lists where the two differ and how each is handled.
 *
 * MirrorMaker 2 compiles a filter list as ONE pattern: String.join("|", items),
 * or "(?!)" (matches nothing) when the list is empty. Callers must do the same:
 * items are not independent ("(a" and "b)" together are valid, and "(?x)" or an
 * open "\Q" in one item changes the next).
 *
 * Text is mm2lint's internal encoding (props.h): UTF-8, with each UTF-16
 * surrogate unit encoded on its own. A high surrogate followed by a low one is
 * the supplementary character Java would see; a lone surrogate is beyond what
 * mm2lint evaluates (MM2_JREGEX_UNSUPPORTED, or MM2_JREGEX_UNKNOWN in a subject).
 */
#ifndef MM2LINT_JREGEX_H
#define MM2LINT_JREGEX_H

#include <stddef.h>
#include <stdbool.h>

struct mm2_jregex;

enum mm2_jregex_status {
	MM2_JREGEX_OK = 0,
	/* Pattern.compile throws PatternSyntaxException: MirrorMaker 2 will not start */
	MM2_JREGEX_INVALID,
	/* mm2lint cannot tell what Java does with it; Java may well accept it */
	MM2_JREGEX_UNSUPPORTED,
};

struct mm2_jregex_error {
	enum mm2_jregex_status status;
	/*
	 * Static, lowercase, no full stop. For INVALID, Java's own description
	 * without its variable parts ("dangling meta character '*'"); for
	 * UNSUPPORTED, what mm2lint cannot evaluate.
	 */
	const char *why;
	/*
	 * Byte offset in PATTERN. For INVALID, where Java's
	 * PatternSyntaxException.getIndex() points, taken back through Java's
	 * \Q...\E rewriting to the caller's bytes and clamped to 0..LEN (LEN: "at
	 * the end"; Java puts "unmatched closing ')'" one before the ')'). For
	 * UNSUPPORTED, the construct mm2lint stopped at, or 0.
	 */
	size_t off;
};

/*
 * Compile PATTERN[0..LEN) (it may hold NUL bytes). On success returns the
 * compiled pattern, owned by the caller (mm2_jregex_free), and sets err->status
 * to MM2_JREGEX_OK. Otherwise returns NULL and fills *ERR. ERR may be NULL.
 * When a pattern has both a construct mm2lint cannot evaluate and a syntax error
 * Java reports, the result is INVALID: Java rejects it either way.
 */
struct mm2_jregex *mm2_jregex_compile(const char *pattern, size_t len,
				      struct mm2_jregex_error *err);

enum mm2_jregex_match {
	MM2_JREGEX_NOMATCH = 0,
	MM2_JREGEX_MATCH = 1,
	/*
	 * mm2lint cannot say what Java answers: SUBJECT holds a lone surrogate or
	 * bytes that are not text; the pattern uses Unicode tables (\p{L}, (?U),
	 * (?iu), \b, ...) and SUBJECT is not all ASCII; the pattern has a
	 * look-behind that Java measures in UTF-16 units and SUBJECT holds a
	 * supplementary character; or matching hit PCRE2's backtracking limit.
	 * Kafka topic names are ASCII, so for a valid topic name the answer is
	 * UNKNOWN only at the limit.
	 */
	MM2_JREGEX_UNKNOWN = -1,
};

/*
 * Java's Pattern.matcher(SUBJECT[0..LEN)).matches(): does the whole subject
 * match? RE is a compiled pattern (not NULL). Rules must treat UNKNOWN, like an
 * UNSUPPORTED pattern, as "cannot tell": never as a match or a miss.
 */
enum mm2_jregex_match mm2_jregex_matches(const struct mm2_jregex *re, const char *subject,
					 size_t len);

/* Free RE (NULL is allowed). */
void mm2_jregex_free(struct mm2_jregex *re);

#endif
