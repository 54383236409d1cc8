/*
 * Unit tests for the .properties lexer (lex_properties.c): each case is a small
 * file whose reading by java.util.Properties.load(InputStream) on JDK 17 was
 * checked with the props-oracle, plus the locations mm2lint reports.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "mm2lint/props.h"
#include "mm2lint/util.h"

struct fix {
	struct mm2_source src;
	struct mm2_arena arena;
	struct mm2_props p;
};

static int setup(void **state)
{
	*state = mm2_xcalloc(1, sizeof(struct fix));
	return 0;
}

static int teardown(void **state)
{
	struct fix *f = *state;

	mm2_props_release(&f->p);
	mm2_arena_release(&f->arena);
	mm2_source_release(&f->src);
	free(f);
	return 0;
}

/* Parse DATA[0..LEN), dropping whatever the case parsed before. */
static struct mm2_props *parse(void **state, const char *data, size_t len)
{
	struct fix *f = *state;

	mm2_props_release(&f->p);
	mm2_source_release(&f->src);
	mm2_source_init_mem(&f->src, "test.properties", data, len);
	f->src.latin1 = true;
	mm2_props_parse(&f->p, &f->src, &f->arena);
	return &f->p;
}

/* String literals may hold NUL bytes, so their length comes from sizeof. */
#define PARSE(lit)    parse(state, (lit), sizeof(lit) - 1)
#define PAIR(e, k, v) check_pair((e), (k), sizeof(k) - 1, (v), sizeof(v) - 1)

static void check_text(const char *got, size_t got_len, const char *want, size_t want_len)
{
	assert_int_equal(got_len, want_len);
	assert_int_equal(got[got_len], '\0');
	if (want_len)
		assert_memory_equal(got, want, want_len);
}

static void check_pair(const struct mm2_prop *e, const char *k, size_t klen, const char *v,
		       size_t vlen)
{
	check_text(e->key, e->key_len, k, klen);
	check_text(e->value, e->value_len, v, vlen);
}

static void check_loc(const struct mm2_prop *e, unsigned kl, unsigned kc, unsigned vl, unsigned vc)
{
	assert_int_equal(e->key_line, kl);
	assert_int_equal(e->key_col, kc);
	assert_int_equal(e->value_line, vl);
	assert_int_equal(e->value_col, vc);
}

/* What mm2_props_dump prints, as a NUL-terminated heap string. */
static char *dump(const struct mm2_props *p)
{
	FILE *f = tmpfile();
	long n;
	char *s;

	assert_non_null(f);
	mm2_props_dump(p, f);
	n = ftell(f);
	rewind(f);
	s = mm2_xcalloc((size_t)n + 1, 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return s;
}

static void test_lex_properties__separators(void **state)
{
	struct mm2_props *p = PARSE("k1=v1\nk2:v2\nk3 v3\nk4\t\f v4\nk5\t=\tv5\n");

	assert_false(p->failed);
	assert_int_equal(p->n, 5);
	PAIR(&p->v[0], "k1", "v1");
	PAIR(&p->v[1], "k2", "v2");
	PAIR(&p->v[2], "k3", "v3");
	PAIR(&p->v[3], "k4", "v4");
	PAIR(&p->v[4], "k5", "v5");
}

static void test_lex_properties__only_one_separator_consumed(void **state)
{
	struct mm2_props *p = PARSE("k==v\nk := v\nk : v\nk v w\nk6 = : v6\n");

	assert_int_equal(p->n, 5);
	PAIR(&p->v[0], "k", "=v");
	PAIR(&p->v[1], "k", "= v");
	PAIR(&p->v[2], "k", "v");
	PAIR(&p->v[3], "k", "v w");
	PAIR(&p->v[4], "k6", ": v6");
}

static void test_lex_properties__empty_keys_and_values(void **state)
{
	struct mm2_props *p = PARSE("k\nk2=\nk3 =\n=v\n:w\n");

	assert_int_equal(p->n, 5);
	PAIR(&p->v[0], "k", "");
	PAIR(&p->v[1], "k2", "");
	PAIR(&p->v[2], "k3", "");
	PAIR(&p->v[3], "", "v");
	PAIR(&p->v[4], "", "w");
}

static void test_lex_properties__escaped_separators_stay_in_key(void **state)
{
	struct mm2_props *p = PARSE("a\\=b\\:c\\ d=v\nx\\u003dy=z\nq\\\\=r\n");

	assert_int_equal(p->n, 3);
	PAIR(&p->v[0], "a=b:c d", "v");
	PAIR(&p->v[1], "x=y", "z");
	PAIR(&p->v[2], "q\\", "r");
}

static void test_lex_properties__comments(void **state)
{
	struct mm2_props *p =
		PARSE("# c1\n  ! c2 = x\n\t# c3\\\nk=v # not comment\nk2 = !v\n#last");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "k", "v # not comment");
	PAIR(&p->v[1], "k2", "!v");
	check_loc(&p->v[0], 4, 1, 4, 3);
}

static void test_lex_properties__comment_never_continues(void **state)
{
	struct mm2_props *p = PARSE("# a comment \\\nk=v\n! another \\\\\\\nj=w");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "k", "v");
	PAIR(&p->v[1], "j", "w");
}

static void test_lex_properties__blank_lines_skipped(void **state)
{
	struct mm2_props *p = PARSE("\n\f\n   \n\t\r\n\rk=v\n\n");

	assert_int_equal(p->n, 1);
	PAIR(&p->v[0], "k", "v");
	check_loc(&p->v[0], 6, 1, 6, 3);
}

static void test_lex_properties__continuation_odd_backslashes(void **state)
{
	struct mm2_props *p = PARSE("a=one\\\n    two\\\n\tthree\nc=y\\\\\\\n  z\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "a", "onetwothree");
	PAIR(&p->v[1], "c", "y\\z");
	assert_true(p->v[0].continued);
	assert_true(p->v[1].continued);
}

static void test_lex_properties__even_backslashes_end_the_line(void **state)
{
	struct mm2_props *p = PARSE("b=x\\\\\n  y=z\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "b", "x\\");
	PAIR(&p->v[1], "y", "z");
	assert_false(p->v[0].continued);
}

static void test_lex_properties__continuation_into_blank_line(void **state)
{
	struct mm2_props *p = PARSE("d=p\\\n\ne=q\\\n   \nf=r\n");

	assert_int_equal(p->n, 3);
	PAIR(&p->v[0], "d", "p");
	PAIR(&p->v[1], "e", "q");
	PAIR(&p->v[2], "f", "r");
}

static void test_lex_properties__continued_hash_line_is_text(void **state)
{
	struct mm2_props *p = PARSE("e=q\\\n   # not a comment\nf=\\\n!bang\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "e", "q# not a comment");
	PAIR(&p->v[1], "f", "!bang");
}

static void test_lex_properties__continuation_at_eof(void **state)
{
	struct mm2_props *p = PARSE("f=end\\");

	assert_int_equal(p->n, 1);
	PAIR(&p->v[0], "f", "end");
	assert_int_equal(p->v[0].end_off, 6);
	assert_false(p->v[0].continued);
}

static void test_lex_properties__continuation_terminator_at_eof(void **state)
{
	struct mm2_props *p = PARSE("f=end\\\n");

	assert_int_equal(p->n, 1);
	PAIR(&p->v[0], "f", "end");
	assert_int_equal(p->v[0].end_off, 6);
}

static void test_lex_properties__backslash_space_is_no_continuation(void **state)
{
	struct mm2_props *p = PARSE("c=d\\ \n b\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "c", "d ");
	PAIR(&p->v[1], "b", "");
}

/* JDK 9+: after a line that is only "\", a '#' line is still a comment. */
static void test_lex_properties__backslash_only_line_then_comment(void **state)
{
	struct mm2_props *p = PARSE("\\\n# comment after a backslash-only line\nx=1\n\\\n\\\n"
				    "key\\\n\\\n=v\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "x", "1");
	PAIR(&p->v[1], "key", "v");
	check_loc(&p->v[1], 6, 1, 8, 2);
	assert_true(p->v[1].continued);
}

/* A lone "\" whose LF ends the file is an empty entry; with CRLF the CR joins. */
static void test_lex_properties__backslash_only_line_at_eof(void **state)
{
	struct mm2_props *p = PARSE("\\\n");

	assert_int_equal(p->n, 1);
	PAIR(&p->v[0], "", "");
	p = PARSE("\\\r\n");
	assert_int_equal(p->n, 0);
	p = PARSE("\\");
	assert_int_equal(p->n, 1);
	PAIR(&p->v[0], "", "");
	p = PARSE("\\\n   ");
	assert_int_equal(p->n, 0);
}

static void test_lex_properties__short_escapes(void **state)
{
	struct mm2_props *p = PARSE("a=\\t\\n\\r\\f\\q\\\\\\b\\z\\#\\!\\\"\n");

	assert_int_equal(p->n, 1);
	PAIR(&p->v[0], "a", "\t\n\r\fq\\bz#!\"");
}

static void test_lex_properties__unicode_escapes(void **state)
{
	struct mm2_props *p = PARSE("a=\\u0041\\u00e9\\u20AC\\uD800\\udc00\\u0000z\n\\u006b=v\n");

	assert_int_equal(p->n, 2);
	/* Each UTF-16 unit on its own: the surrogates stay two 3-byte units. */
	PAIR(&p->v[0], "a", "A\xc3\xa9\xe2\x82\xac\xed\xa0\x80\xed\xb0\x80\0z");
	PAIR(&p->v[1], "k", "v");
}

static void test_lex_properties__malformed_unicode_fails(void **state)
{
	struct mm2_props *p = PARSE("a=ok\nb=x\\u12g4\nc=later\n");

	assert_true(p->failed);
	assert_non_null(p->error_msg);
	assert_int_equal(p->error_off, 8);
	assert_int_equal(p->error_line, 2);
	assert_int_equal(p->error_col, 4);
	/* What came before is kept for diagnostics; nothing after. */
	assert_int_equal(p->n, 1);
	PAIR(&p->v[0], "a", "ok");
}

static void test_lex_properties__malformed_unicode_too_short(void **state)
{
	struct mm2_props *p = PARSE("a=ok\nb=\\u12\n");

	assert_true(p->failed);
	assert_int_equal(p->error_line, 2);
	assert_int_equal(p->error_col, 3);
	assert_int_equal(p->n, 1);
}

/* The key is split off before decoding, so \uXXXX cannot borrow the separator. */
static void test_lex_properties__malformed_unicode_in_key(void **state)
{
	struct mm2_props *p = PARSE("k\\u00=v\n");

	assert_true(p->failed);
	assert_int_equal(p->error_off, 1);
	assert_int_equal(p->n, 0);
}

static void test_lex_properties__malformed_unicode_on_continuation_line(void **state)
{
	struct mm2_props *p = PARSE("k=a\\\r\n   \\uzzzz\n");

	assert_true(p->failed);
	assert_int_equal(p->error_line, 2);
	assert_int_equal(p->error_col, 4);
}

static void test_lex_properties__line_terminators(void **state)
{
	struct mm2_props *p = PARSE("a=1\r\nb=2\rc=3\r\n\r\nd=4\ne=5");

	assert_int_equal(p->n, 5);
	PAIR(&p->v[0], "a", "1");
	PAIR(&p->v[1], "b", "2");
	PAIR(&p->v[2], "c", "3");
	PAIR(&p->v[3], "d", "4");
	PAIR(&p->v[4], "e", "5");
	check_loc(&p->v[1], 2, 1, 2, 3);
	check_loc(&p->v[2], 3, 1, 3, 3);
	check_loc(&p->v[3], 5, 1, 5, 3);
	check_loc(&p->v[4], 6, 1, 6, 3);
	assert_int_equal(p->v[0].end_off, 3);
	assert_int_equal(p->v[4].end_off, 23);
}

static void test_lex_properties__crlf_in_continuation(void **state)
{
	struct mm2_props *p = PARSE("d=x\\\r\n    y\ra=b\\\r\r\nc=d\\\r");

	assert_int_equal(p->n, 3);
	PAIR(&p->v[0], "d", "xy");
	/* CR joins, the next CR is an empty line: it ends "a", the LF is blank. */
	PAIR(&p->v[1], "a", "b");
	PAIR(&p->v[2], "c", "d");
	assert_true(p->v[0].continued);
}

static void test_lex_properties__latin1_bytes_become_utf8(void **state)
{
	struct mm2_props *p = PARSE("e=\xe9\xc3\xa9\xa0\n\xff=\x80\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "e", "\xc3\xa9\xc3\x83\xc2\xa9\xc2\xa0");
	PAIR(&p->v[1], "\xc3\xbf", "\xc2\x80");
}

/* NBSP and vertical tab are no whitespace to Properties. */
static void test_lex_properties__only_space_tab_ff_are_whitespace(void **state)
{
	struct mm2_props *p = PARSE("k\vv=1\nk\xa0v=2\n\vx=3\n");

	assert_int_equal(p->n, 3);
	PAIR(&p->v[0], "k\vv", "1");
	PAIR(&p->v[1], "k\xc2\xa0v", "2");
	PAIR(&p->v[2], "\vx", "3");
}

static void test_lex_properties__bom_is_three_latin1_chars(void **state)
{
	struct mm2_props *p = PARSE("\xef\xbb\xbf"
				    "bom=1\n");

	assert_int_equal(p->n, 1);
	PAIR(&p->v[0],
	     "\xc3\xaf\xc2\xbb\xc2\xbf"
	     "bom",
	     "1");
	check_loc(&p->v[0], 1, 1, 1, 8);
}

static void test_lex_properties__trailing_whitespace_kept(void **state)
{
	struct mm2_props *p = PARSE("k.enabled = true \t\f\nk8   =   v8  \nk=\\  v\n");

	assert_int_equal(p->n, 3);
	PAIR(&p->v[0], "k.enabled", "true \t\f");
	PAIR(&p->v[1], "k8", "v8  ");
	PAIR(&p->v[2], "k", "  v");
}

static void test_lex_properties__duplicates_kept_last_wins(void **state)
{
	struct mm2_props *p = PARSE("a=1\nb=2\na=3\nc=x\na=4\n");
	const struct mm2_prop *e;

	assert_int_equal(p->n, 5);
	assert_true(p->v[0].shadowed);
	assert_false(p->v[1].shadowed);
	assert_true(p->v[2].shadowed);
	assert_false(p->v[3].shadowed);
	assert_false(p->v[4].shadowed);
	e = mm2_props_last(p, "a", 1);
	assert_ptr_equal(e, &p->v[4]);
	PAIR(e, "a", "4");
	assert_ptr_equal(mm2_props_last(p, "b", 1), &p->v[1]);
	assert_null(mm2_props_last(p, "d", 1));
	assert_null(mm2_props_last(p, "", 0));
}

/* Duplicates are decoded keys: escapes and raw text that decode alike collide. */
static void test_lex_properties__duplicates_compare_decoded_keys(void **state)
{
	struct mm2_props *p = PARSE("a\\u0062=1\nab=2\n\\a\\b=3\n");

	assert_int_equal(p->n, 3);
	assert_true(p->v[0].shadowed);
	assert_true(p->v[1].shadowed);
	assert_false(p->v[2].shadowed);
}

static void test_lex_properties__locations(void **state)
{
	struct mm2_props *p = PARSE("  key  =  value\n\tk2:v\n");

	assert_int_equal(p->n, 2);
	check_loc(&p->v[0], 1, 3, 1, 11);
	assert_int_equal(p->v[0].key_off, 2);
	assert_int_equal(p->v[0].value_off, 10);
	assert_int_equal(p->v[0].end_off, 15);
	assert_false(p->v[0].continued);
	check_loc(&p->v[1], 2, 2, 2, 5);
}

static void test_lex_properties__locations_on_continuation_lines(void **state)
{
	struct mm2_props *p = PARSE("k\\\n  ey=\\\n   value\\\n  more\nnext=1\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "key", "valuemore");
	check_loc(&p->v[0], 1, 1, 3, 4);
	assert_int_equal(p->v[0].end_off, 26);
	assert_true(p->v[0].continued);
	check_loc(&p->v[1], 5, 1, 5, 6);
}

static void test_lex_properties__locations_after_crlf(void **state)
{
	struct mm2_props *p = PARSE("a=1\r\n  b = 2\r\nc=\\\r\n\t3\r\n");

	assert_int_equal(p->n, 3);
	check_loc(&p->v[1], 2, 3, 2, 7);
	check_loc(&p->v[2], 3, 1, 4, 2);
	assert_int_equal(p->v[2].end_off, 21);
}

static void test_lex_properties__value_starting_with_escape(void **state)
{
	struct mm2_props *p = PARSE("k=\\tx\n\\u006b2 = \\u0041\n");

	assert_int_equal(p->n, 2);
	assert_int_equal(p->v[0].value_off, 2);
	assert_int_equal(p->v[1].key_off, 6);
	check_loc(&p->v[1], 2, 1, 2, 11);
}

static void test_lex_properties__empty_value_location(void **state)
{
	struct mm2_props *p = PARSE("k =  \nj\n");

	assert_int_equal(p->n, 2);
	assert_int_equal(p->v[0].value_off, 5);
	assert_int_equal(p->v[0].end_off, 5);
	assert_int_equal(p->v[1].value_off, 7);
	assert_int_equal(p->v[1].end_off, 7);
	check_loc(&p->v[1], 2, 1, 2, 2);
}

static void test_lex_properties__nul_bytes(void **state)
{
	struct mm2_props *p = PARSE("k\0=v\0w\n\0\n");

	assert_int_equal(p->n, 2);
	PAIR(&p->v[0], "k\0", "v\0w");
	PAIR(&p->v[1], "\0", "");
}

static void test_lex_properties__empty_and_comment_only_files(void **state)
{
	struct mm2_props *p = PARSE("");

	assert_int_equal(p->n, 0);
	assert_false(p->failed);
	p = PARSE("# only\n! comments \\\n   \n");
	assert_int_equal(p->n, 0);
	assert_null(mm2_props_last(p, "x", 1));
}

static void test_lex_properties__long_lines(void **state)
{
	size_t n = 70000, i, len;
	char *text = mm2_xmalloc(2 * n + 16), *t;
	struct mm2_props *p;

	memcpy(text, "k=", 2);
	memset(text + 2, 'v', n);
	t = text + 2 + n;
	/* and a logical line of 7000 natural lines */
	memcpy(t, "\nc=", 3);
	t += 3;
	for (i = 0; i < 7000; i++) {
		memcpy(t, "ab\\\n  ", 6);
		t += 6;
	}
	*t++ = 'z';
	len = (size_t)(t - text);
	p = parse(state, text, len);
	free(text);
	assert_int_equal(p->n, 2);
	assert_int_equal(p->v[0].value_len, n);
	assert_int_equal(p->v[1].value_len, 2 * 7000 + 1);
	assert_int_equal(p->v[1].value_line, 2);
	assert_int_equal(p->v[1].end_off, len);
	assert_true(p->v[1].continued);
}

static void test_lex_properties__dump_format(void **state)
{
	struct mm2_props *p =
		PARSE("b=2\na=\"\\\\\\b\\u0008\\t\\u0001\\u007f~\xe9\\uD800\\uffff\nb=3\n"
		      "\\u00e9=\n");
	char *s = dump(p);

	/* Sorted bytewise on the escaped text: '\\' (0x5c) comes before 'a'. */
	assert_string_equal(s, "\"\\u00e9\"\t\"\"\n"
			       "\"a\"\t\"\\\"\\\\b\\b\\t\\u0001\\u007f~\\u00e9\\ud800\\uffff\"\n"
			       "\"b\"\t\"3\"\n");
	free(s);
}

static void test_lex_properties__release_resets(void **state)
{
	struct fix *f = *state;
	struct mm2_props *p = PARSE("a=1\n");

	mm2_props_release(&f->p);
	assert_null(p->v);
	assert_int_equal(p->n, 0);
}

#define CASE(name) cmocka_unit_test_setup_teardown(test_lex_properties__##name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(separators),
		CASE(only_one_separator_consumed),
		CASE(empty_keys_and_values),
		CASE(escaped_separators_stay_in_key),
		CASE(comments),
		CASE(comment_never_continues),
		CASE(blank_lines_skipped),
		CASE(continuation_odd_backslashes),
		CASE(even_backslashes_end_the_line),
		CASE(continuation_into_blank_line),
		CASE(continued_hash_line_is_text),
		CASE(continuation_at_eof),
		CASE(continuation_terminator_at_eof),
		CASE(backslash_space_is_no_continuation),
		CASE(backslash_only_line_then_comment),
		CASE(backslash_only_line_at_eof),
		CASE(short_escapes),
		CASE(unicode_escapes),
		CASE(malformed_unicode_fails),
		CASE(malformed_unicode_too_short),
		CASE(malformed_unicode_in_key),
		CASE(malformed_unicode_on_continuation_line),
		CASE(line_terminators),
		CASE(crlf_in_continuation),
		CASE(latin1_bytes_become_utf8),
		CASE(only_space_tab_ff_are_whitespace),
		CASE(bom_is_three_latin1_chars),
		CASE(trailing_whitespace_kept),
		CASE(duplicates_kept_last_wins),
		CASE(duplicates_compare_decoded_keys),
		CASE(locations),
		CASE(locations_on_continuation_lines),
		CASE(locations_after_crlf),
		CASE(value_starting_with_escape),
		CASE(empty_value_location),
		CASE(nul_bytes),
		CASE(empty_and_comment_only_files),
		CASE(long_lines),
		CASE(dump_format),
		CASE(release_resets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
