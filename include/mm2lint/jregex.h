/*
 * Java regular expressions as MirrorMaker 2 uses them (topics, topics.exclude,
 * groups, groups.exclude): java.util.regex syntax, whole-string matches().
 *
 * Patterns are checked against the places where Java and PCRE2 disagree on what
 * is valid, then compiled with PCRE2 (UTF mode over mm2lint's internal text
 * encoding). docs/java-regex.md lists the differences and how each is handled.
 */
#ifndef MM2LINT_JREGEX_H
#define MM2LINT_JREGEX_H

#include <stddef.h>
#include <stdbool.h>

struct mm2_jregex;

/*
 * Compile PATTERN[0..LEN). Returns NULL when Java's Pattern.compile would throw;
 * then *WHY is a static, lowercase explanation and *ERR_OFF the byte offset in
 * PATTERN where the problem is. The result is freed with mm2_jregex_free.
 */
struct mm2_jregex *mm2_jregex_compile(const char *pattern, size_t len, const char **why,
				      size_t *err_off);
/* Java's Matcher.matches(): true if the whole SUBJECT[0..LEN) matches. */
bool mm2_jregex_matches(const struct mm2_jregex *re, const char *subject, size_t len);
void mm2_jregex_free(struct mm2_jregex *re);

#endif
