/*
 * Unit tests for the YAML front-end's lower layer (lex_yaml.c): positions,
 * duplicates, aliases and merge keys, findings for malformed input, limits
 * against hostile input, and JSON read through the same parser.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/yaml.h"

struct parsed {
	struct mm2_source src;
	struct mm2_arena arena;
	struct mm2_yaml_docs d;
	struct mm2_error err;
	int ret;
};

static struct parsed P;

static void parse_mem(const char *data, size_t len)
{
	mm2_source_release(&P.src);
	mm2_arena_release(&P.arena);
	memset(&P.err, 0, sizeof(P.err));
	mm2_source_init_mem(&P.src, "t.yaml", data, len);
	P.ret = mm2_yaml_parse(&P.d, &P.src, &P.arena, &P.err);
}

/* Parse TEXT; it must be one well-formed document. Returns its root. */
static const struct mm2_node *parse_ok(const char *text)
{
	parse_mem(text, strlen(text));
	assert_int_equal(P.ret, 0);
	assert_false(P.d.failed);
	assert_int_equal(P.d.n, 1);
	return P.d.docs[0];
}

/* Parse TEXT; it must be a finding at LINE:COL. */
static void parse_fails_at(const char *text, size_t len, unsigned line, unsigned col)
{
	parse_mem(text, len);
	assert_int_equal(P.ret, 0);
	assert_true(P.d.failed);
	assert_non_null(P.d.error_msg);
	assert_int_equal(P.d.error_line, line);
	assert_int_equal(P.d.error_col, col);
}

static int teardown(void **state)
{
	mm2_source_release(&P.src);
	mm2_arena_release(&P.arena);
	return 0;
}

static void assert_at(const struct mm2_node *n, unsigned line, unsigned col)
{
	assert_non_null(n);
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
}

static void assert_scalar(const struct mm2_node *n, const char *text)
{
	assert_non_null(n);
	assert_int_equal(n->kind, MM2_NODE_SCALAR);
	assert_int_equal(n->len, strlen(text));
	assert_string_equal(n->str, text);
}

static const struct mm2_node *get(const struct mm2_node *map, const char *key)
{
	const struct mm2_node *v = mm2_node_get(map, key);

	assert_non_null(v);
	return v;
}

static void test_lex_yaml__block_mapping_positions(void **state)
{
	const struct mm2_node *root = parse_ok("a: 1\nb:\n  c: x\n  d:\n    - e\n");
	const struct mm2_node *b;

	assert_int_equal(root->kind, MM2_NODE_MAP);
	assert_at(root, 1, 1);
	assert_int_equal(root->npairs, 2);
	assert_at(root->pairs[0].key, 1, 1);
	assert_int_equal(root->pairs[0].key->off, 0);
	assert_at(root->pairs[0].value, 1, 4);
	assert_int_equal(root->pairs[0].value->off, 3);
	assert_int_equal(root->pairs[0].value->end_off, 4);
	b = get(root, "b");
	assert_int_equal(b->kind, MM2_NODE_MAP);
	assert_at(b, 3, 3);
	assert_at(b->pairs[0].value, 3, 6);
	assert_int_equal(get(b, "d")->kind, MM2_NODE_SEQ);
	assert_at(get(b, "d"), 5, 5);
	assert_at(get(b, "d")->items[0], 5, 7);
	/* A block collection ends with its last child, not at the next token. */
	assert_int_equal(b->end_off, strlen("a: 1\nb:\n  c: x\n  d:\n    - e"));
}

static void test_lex_yaml__quoted_scalar_starts_at_its_quote(void **state)
{
	const struct mm2_node *root = parse_ok("k: \"v\"\nl: 'w'\n");

	assert_at(get(root, "k"), 1, 4);
	assert_int_equal(get(root, "k")->style, MM2_SCALAR_DOUBLE_QUOTED);
	assert_int_equal(get(root, "k")->end_off, 6);
	assert_scalar(get(root, "k"), "v");
	assert_int_equal(get(root, "l")->style, MM2_SCALAR_SINGLE_QUOTED);
	assert_at(get(root, "l"), 2, 4);
}

static void test_lex_yaml__scalar_text_is_kept_exactly(void **state)
{
	const struct mm2_node *root = parse_ok("n: 0x1F\n"
					       "b: yes\n"
					       "f: 1.50\n"
					       "s: 'it''s'\n"
					       "e: \"tab\\there\\0nul\"\n"
					       "m: one\n  two\n"
					       "g: >-\n  folded\n  text\n");

	assert_scalar(get(root, "n"), "0x1F");
	assert_scalar(get(root, "b"), "yes");
	assert_scalar(get(root, "f"), "1.50");
	assert_scalar(get(root, "s"), "it's");
	assert_int_equal(get(root, "e")->len, 12);
	assert_memory_equal(get(root, "e")->str, "tab\there\0nul", 12);
	assert_scalar(get(root, "m"), "one two");
	assert_scalar(get(root, "g"), "folded text");
	assert_int_equal(get(root, "g")->style, MM2_SCALAR_FOLDED);
}

static void test_lex_yaml__plain_null_only_for_plain_untagged(void **state)
{
	const struct mm2_node *root =
		parse_ok("a:\nb: ~\nc: null\nd: NULL\ne: \"null\"\nf: !!str null\ng: nil\n");

	assert_true(get(root, "a")->plain_null);
	assert_true(get(root, "b")->plain_null);
	assert_true(get(root, "c")->plain_null);
	assert_true(get(root, "d")->plain_null);
	assert_false(get(root, "e")->plain_null);
	assert_false(get(root, "f")->plain_null);
	assert_false(get(root, "g")->plain_null);
}

static void test_lex_yaml__empty_value_sits_after_its_indicator(void **state)
{
	const struct mm2_node *root = parse_ok("a:   # nothing\nb: 1\n");

	assert_at(get(root, "a"), 1, 3);
	assert_int_equal(get(root, "a")->len, 0);
	assert_int_equal(get(root, "a")->end_off, get(root, "a")->off);
}

static void test_lex_yaml__columns_count_code_points(void **state)
{
	/* "é" is two bytes, one column. */
	const struct mm2_node *root = parse_ok("\xc3\xa9t\xc3\xa9: \xc3\xbc\n");

	assert_scalar(root->pairs[0].key, "\xc3\xa9t\xc3\xa9");
	assert_at(root->pairs[0].value, 1, 6);
	assert_int_equal(root->pairs[0].value->off, 7);
}

static void assert_positions_agree(const struct mm2_node *n, int depth)
{
	unsigned line, col;
	size_t i;

	assert_true(depth < 100);
	mm2_source_pos(&P.src, n->off, &line, &col);
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
	assert_true(n->end_off >= n->off && n->end_off <= P.src.len);
	for (i = 0; i < n->npairs; i++) {
		assert_positions_agree(n->pairs[i].key, depth + 1);
		assert_positions_agree(n->pairs[i].value, depth + 1);
	}
	for (i = 0; i < n->nitems; i++)
		assert_positions_agree(n->items[i], depth + 1);
}

/* Line breaks libyaml knows and source.h does not (U+2028) must not shift lines. */
static void test_lex_yaml__positions_agree_with_source_pos(void **state)
{
	static const char *const inputs[] = {
		"a: 1\r\nb:\r\n  - x\r\n  - \"y\"\r\n",
		"a: 1\rb: [1, 2]\r",
		"\xef\xbb\xbf"
		"k: v\n",
		"s: \"x\xe2\x80\xa8y\"\nt: \xc3\xa9\xc3\xa9 \xf0\x9f\x98\x80 z\nu: [\xc3\xa9, "
		"\xc3\xa9]\n",
		"a: |\n  line\n\n  more\n\n# c\nb: >\n  f\nc: {x: 1,\n\ty: 2}\n",
		"- &a [1, 2]\n- *a\n- !!str &b q\n- ? complex\n  : key\n",
	};
	size_t i, j;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		parse_mem(inputs[i], strlen(inputs[i]));
		assert_int_equal(P.ret, 0);
		assert_false(P.d.failed);
		for (j = 0; j < P.d.n; j++)
			assert_positions_agree(P.d.docs[j], 0);
	}
}

static void test_lex_yaml__position_skips_anchor_and_tag(void **state)
{
	const struct mm2_node *root = parse_ok("a: &x foo\n"
					       "b: !!str 1\n"
					       "c: &m !!map\n  k: v\n"
					       "d: &s [1]\n"
					       "e: &t\n- i\n"
					       "f: &u\n  - j\n"
					       "g: &e\n");

	assert_at(get(root, "a"), 1, 7);
	assert_at(get(root, "b"), 2, 10);
	assert_string_equal(get(root, "b")->tag, "tag:yaml.org,2002:str");
	assert_at(get(root, "c"), 4, 3);
	assert_string_equal(get(root, "c")->tag, "tag:yaml.org,2002:map");
	assert_at(get(root, "d"), 5, 7);
	assert_at(get(root, "e"), 7, 1);
	assert_at(get(root, "f"), 9, 3);
	/* An empty scalar with an anchor ends right after it. */
	assert_at(get(root, "g"), 10, 6);
}

static void test_lex_yaml__block_scalar_ends_at_its_last_character(void **state)
{
	const char *text = "a: |\n  x\n  y\n\n# c\nb: 1\n";
	const struct mm2_node *root = parse_ok(text);

	assert_scalar(get(root, "a"), "x\ny\n");
	assert_int_equal(get(root, "a")->style, MM2_SCALAR_LITERAL);
	assert_at(get(root, "a"), 1, 4);
	assert_int_equal(get(root, "a")->end_off, strlen("a: |\n  x\n  y"));
}

static void test_lex_yaml__tags_are_kept(void **state)
{
	const struct mm2_node *root = parse_ok("a: !custom x\nb: !<tag:x.org,1:y> 1\nc: !!int 3\n");

	assert_string_equal(get(root, "a")->tag, "!custom");
	assert_string_equal(get(root, "b")->tag, "tag:x.org,1:y");
	assert_string_equal(get(root, "c")->tag, "tag:yaml.org,2002:int");
	assert_null(root->tag);
	assert_null(root->pairs[0].key->tag);
}

static void test_lex_yaml__duplicate_keys_are_flagged(void **state)
{
	const struct mm2_node *root = parse_ok("a: 1\nb: 2\na: 3\n\"b\": 4\n[x]: 5\n[x]: 6\n");

	assert_int_equal(root->npairs, 6);
	assert_true(root->pairs[0].duplicate);
	assert_true(root->pairs[1].duplicate); /* "b" and b are the same key */
	assert_false(root->pairs[2].duplicate);
	assert_false(root->pairs[3].duplicate);
	assert_false(root->pairs[4].duplicate); /* non-scalar keys never are */
	assert_false(root->pairs[5].duplicate);
	assert_at(root->pairs[2].key, 3, 1);
	assert_scalar(get(root, "a"), "3");
	assert_scalar(get(root, "b"), "4");
}

static void test_lex_yaml__many_duplicate_keys_are_all_flagged(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	int i;

	for (i = 0; i < 200000; i++)
		mm2_strbuf_addf(&sb, "k%d: %d\n", i % 100000, i);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, 0);
	assert_int_equal(P.d.docs[0]->npairs, 200000);
	assert_true(P.d.docs[0]->pairs[99999].duplicate);
	assert_false(P.d.docs[0]->pairs[100000].duplicate);
	mm2_strbuf_release(&sb);
}

static void test_lex_yaml__node_get_returns_last_pair(void **state)
{
	const struct mm2_node *root = parse_ok("a: 1\na: 2\nb: {c: 3}\n");

	assert_scalar(mm2_node_get(root, "a"), "2");
	assert_null(mm2_node_get(root, "z"));
	assert_null(mm2_node_get(get(root, "a"), "a"));
	assert_null(mm2_node_get(NULL, "a"));
	assert_scalar(mm2_node_get(get(root, "b"), "c"), "3");
}

static void test_lex_yaml__multi_document_streams(void **state)
{
	const char *text = "a: 1\n---\nb: 2\n...\n--- x\n";

	parse_mem(text, strlen(text));
	assert_int_equal(P.ret, 0);
	assert_int_equal(P.d.n, 3);
	assert_scalar(get(P.d.docs[1], "b"), "2");
	assert_at(P.d.docs[1], 3, 1);
	assert_scalar(P.d.docs[2], "x");
	assert_at(P.d.docs[2], 5, 5);

	parse_mem("", 0);
	assert_int_equal(P.d.n, 0);
	assert_false(P.d.failed);
	parse_mem("# only a comment\n", 17);
	assert_int_equal(P.d.n, 0);
	parse_mem("---\n", 4);
	assert_int_equal(P.d.n, 1);
	assert_true(P.d.docs[0]->plain_null);
}

static void test_lex_yaml__finding_keeps_documents_before_it(void **state)
{
	const char *text = "a: 1\n---\nb: [\n";

	parse_mem(text, strlen(text));
	assert_int_equal(P.ret, 0);
	assert_true(P.d.failed);
	assert_int_equal(P.d.n, 1);
	assert_scalar(get(P.d.docs[0], "a"), "1");
}

static void test_lex_yaml__aliases_share_nodes(void **state)
{
	const struct mm2_node *root = parse_ok("base: &b {x: 1}\nuse: *b\nkey: &k k\n*k : v\n");

	assert_ptr_equal(get(root, "use"), get(root, "base"));
	assert_at(get(root, "use"), 1, 10);
	assert_ptr_equal(root->pairs[3].key, root->pairs[2].value);
}

static void test_lex_yaml__anchors_are_scoped_to_their_document(void **state)
{
	const char *text = "a: &x 1\n---\nb: *x\n";

	parse_mem(text, strlen(text));
	assert_int_equal(P.ret, 0);
	assert_true(P.d.failed);
	assert_int_equal(P.d.n, 1);
	assert_int_equal(P.d.error_line, 3);
	assert_int_equal(P.d.error_col, 4);
}

static void test_lex_yaml__redefined_anchor_names_the_later_node(void **state)
{
	const struct mm2_node *root = parse_ok("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");

	assert_scalar(get(root, "b"), "1");
	assert_scalar(get(root, "d"), "2");
}

static void test_lex_yaml__undefined_alias_fails(void **state)
{
	parse_fails_at("a: 1\nb: *nowhere\n", 17, 2, 4);
	assert_string_equal(P.d.error_msg, "found undefined alias 'nowhere'");
}

static void test_lex_yaml__recursive_alias_fails(void **state)
{
	parse_fails_at("a: &a\n  b: [*a]\n", 16, 2, 7);
	assert_string_equal(P.d.error_msg, "found alias 'a' inside the node it names");
}

static void test_lex_yaml__merge_key_is_resolved(void **state)
{
	const struct mm2_node *root = parse_ok("base: &base\n"
					       "  a: 1\n"
					       "  b: 2\n"
					       "svc:\n"
					       "  <<: *base\n"
					       "  b: 3\n"
					       "  c: 4\n");
	const struct mm2_node *svc = get(root, "svc");

	assert_int_equal(svc->npairs, 3);
	assert_scalar(svc->pairs[0].key, "a");
	assert_true(svc->pairs[0].merged);
	assert_at(svc->pairs[0].key, 2, 3); /* where the anchored mapping says it */
	assert_scalar(svc->pairs[1].key, "b");
	assert_false(svc->pairs[1].merged);
	assert_false(svc->pairs[1].duplicate);
	assert_scalar(get(svc, "b"), "3");
	assert_scalar(get(svc, "c"), "4");
	assert_null(mm2_node_get(svc, "<<"));
}

static void test_lex_yaml__merge_sequence_earlier_mapping_wins(void **state)
{
	const struct mm2_node *root = parse_ok("x: &x {a: x, b: x}\n"
					       "y: &y {b: y, c: y, c: y2}\n"
					       "z: {<<: [*x, *y], d: z}\n"
					       "w: {<<: {e: inline}, e: own}\n");
	const struct mm2_node *z = get(root, "z");

	assert_int_equal(z->npairs, 4);
	assert_scalar(get(z, "a"), "x");
	assert_scalar(get(z, "b"), "x");
	assert_scalar(get(z, "c"), "y2");
	assert_scalar(get(z, "d"), "z");
	assert_int_equal(get(root, "w")->npairs, 1);
	assert_scalar(get(get(root, "w"), "e"), "own");
}

static void test_lex_yaml__quoted_merge_key_is_a_plain_key(void **state)
{
	const struct mm2_node *root = parse_ok("m: &m {a: 1}\nn: {\"<<\": *m}\n");

	assert_int_equal(get(root, "n")->npairs, 1);
	assert_ptr_equal(get(get(root, "n"), "<<"), get(root, "m"));
}

static void test_lex_yaml__merge_key_with_unfit_value_fails(void **state)
{
	parse_fails_at("a: 1\nb:\n  <<: 1\n", 16, 3, 3);
	assert_string_equal(P.d.error_msg,
			    "merge key '<<' needs a mapping or a sequence of mappings");
	parse_fails_at("m: &m {a: 1}\nb: {<<: [*m, x]}\n", 29, 2, 5);
}

/* The literal line is valid YAML: two nested flow mappings with null values. */
static void test_lex_yaml__helm_template_value_reads_as_flow_mappings(void **state)
{
	const struct mm2_node *root = parse_ok("key: {{ include \"x\" . | nindent 4 }}\n");
	const struct mm2_node *v = get(root, "key");

	assert_int_equal(v->kind, MM2_NODE_MAP);
	assert_int_equal(v->pairs[0].key->kind, MM2_NODE_MAP);
	assert_scalar(v->pairs[0].key->pairs[0].key, "include \"x\" . | nindent 4");
}

static void test_lex_yaml__helm_template_at_mapping_position_fails(void **state)
{
	const char *a = "spec:\n  {{ include \"x\" . | nindent 4 }}\n  other: 1\n";
	const char *b = "spec:\n  a: 1\n  {{ include \"x\" . | nindent 4 }}\n";

	parse_fails_at(a, strlen(a), 3, 3);
	assert_string_equal(P.d.error_msg,
			    "did not find expected key while parsing a block mapping");
	assert_int_equal(P.d.error_off, 42);
	assert_int_equal(P.d.context_line, 1);
	assert_int_equal(P.d.context_col, 1);
	/* libyaml notices at the end of the input; the context is the template. */
	parse_fails_at(b, strlen(b), 3, 35);
	assert_string_equal(P.d.error_msg,
			    "could not find expected ':' while scanning a simple key");
	assert_int_equal(P.d.context_line, 3);
	assert_int_equal(P.d.context_col, 3);
}

static void test_lex_yaml__truncated_input_fails(void **state)
{
	const char *full = "a: &x\n  b: [1, {c: \"d\\u00e9\"}]\n  e: |\n    f\n"
			   "g: *x\nh: !!str 'i'\n---\n- j\n";
	size_t i;

	parse_fails_at("a: \"abc", 7, 1, 8);
	assert_string_equal(P.d.error_msg,
			    "found unexpected end of stream while scanning a quoted scalar");
	assert_int_equal(P.d.context_col, 4);
	parse_fails_at("[[[[", 4, 1, 5);
	/* Every prefix parses or fails cleanly (ASan watches). */
	for (i = 0; i <= strlen(full); i++) {
		parse_mem(full, i);
		assert_int_equal(P.ret, 0);
		if (P.d.failed)
			assert_true(P.d.error_off <= i);
	}
}

static void test_lex_yaml__invalid_utf8_fails_with_location(void **state)
{
	parse_fails_at("a: 1\nb: \xff\n", 9, 2, 4);
	assert_string_equal(P.d.error_msg, "invalid leading UTF-8 octet (0xFF)");
	assert_int_equal(P.d.error_off, 8);
	parse_fails_at("a: \xc0\x80\n", 6, 1, 4);
	parse_fails_at("a: \xed\xa0\x80\n", 7, 1, 4); /* a surrogate */
	assert_string_equal(P.d.error_msg, "invalid Unicode character (U+D800)");
	parse_fails_at("a: '\xe2\x82'\n", 7, 1, 6);
	parse_fails_at("a: \xe2\x82", 5, 1, 4);
}

static void test_lex_yaml__nul_byte_fails_with_location(void **state)
{
	parse_fails_at("a: 1\nb: x\0y\n", 12, 2, 5);
	assert_string_equal(P.d.error_msg, "control characters are not allowed (U+0000)");
}

static void test_lex_yaml__utf16_input_fails(void **state)
{
	parse_fails_at("\xff\xfe"
		       "a\0:\0 \0001\0",
		       10, 1, 1);
}

static void nested(struct mm2_strbuf *sb, int depth)
{
	int i;

	mm2_strbuf_reset(sb);
	for (i = 0; i < depth; i++)
		mm2_strbuf_addch(sb, '[');
	for (i = 0; i < depth; i++)
		mm2_strbuf_addch(sb, ']');
}

static void test_lex_yaml__nesting_beyond_the_limit_is_refused(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	int i;

	nested(&sb, MM2_YAML_MAX_DEPTH);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, 0);
	assert_false(P.d.failed);
	nested(&sb, MM2_YAML_MAX_DEPTH + 1);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	assert_int_equal(P.err.code, MM2_ELIMIT);
	assert_string_equal(P.err.msg, "t.yaml:1:65: YAML nested deeper than 64 collections");
	assert_int_equal(P.d.n, 0);

	nested(&sb, 100000);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	/* Unclosed, one per line, and in block style. */
	mm2_strbuf_reset(&sb);
	for (i = 0; i < 100000; i++)
		mm2_strbuf_add(&sb, "{a:\n", 4);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	mm2_strbuf_reset(&sb);
	for (i = 0; i < 100; i++)
		mm2_strbuf_addf(&sb, "%*sk:\n", i, "");
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	mm2_strbuf_release(&sb);
}

static void test_lex_yaml__alias_bomb_is_refused(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	int i;

	mm2_strbuf_addstr(&sb, "a0: &a0 [lol]\n");
	for (i = 1; i < 10; i++)
		mm2_strbuf_addf(
			&sb, "a%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n", i,
			i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	assert_int_equal(P.err.code, MM2_ELIMIT);
	assert_non_null(strstr(P.err.msg, "aliases expand to more than"));
	/* The same shape three levels deep is an ordinary reuse. */
	mm2_strbuf_reset(&sb);
	mm2_strbuf_addstr(&sb, "a0: &a0 [lol]\n");
	for (i = 1; i < 4; i++)
		mm2_strbuf_addf(
			&sb, "a%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n", i,
			i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, 0);
	assert_false(P.d.failed);
	mm2_strbuf_release(&sb);
}

static void test_lex_yaml__merge_bomb_is_refused(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	int i;

	/* Each mapping merges the one before: resolved pairs grow quadratically. */
	mm2_strbuf_addstr(&sb, "m0: &m0 {k0: v}\n");
	for (i = 1; i < 20000; i++)
		mm2_strbuf_addf(&sb, "m%d: &m%d {<<: *m%d, k%d: v}\n", i, i, i - 1, i);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	/* Doubling through a sequence of the same alias. */
	mm2_strbuf_reset(&sb);
	mm2_strbuf_addstr(&sb, "m0: &m0 {k0: v}\n");
	for (i = 1; i < 40; i++)
		mm2_strbuf_addf(&sb, "m%d: &m%d {<<: [*m%d, *m%d], k%d: v}\n", i, i, i - 1, i - 1,
				i);
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	mm2_strbuf_release(&sb);
}

static void test_lex_yaml__node_count_beyond_the_limit_is_refused(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	size_t i;

	mm2_strbuf_addch(&sb, '[');
	for (i = 0; i < MM2_YAML_MAX_NODES; i++)
		mm2_strbuf_add(&sb, "0,", 2);
	mm2_strbuf_addch(&sb, ']');
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, -MM2_ELIMIT);
	assert_non_null(strstr(P.err.msg, "more than 1048576 nodes"));
	mm2_strbuf_release(&sb);
}

static void test_lex_yaml__huge_line_is_read(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	size_t i;

	mm2_strbuf_addstr(&sb, "k: ");
	for (i = 0; i < (4u << 20); i++)
		mm2_strbuf_addch(&sb, 'x');
	mm2_strbuf_addstr(&sb, "\nl: y\n");
	parse_mem(sb.buf, sb.len);
	assert_int_equal(P.ret, 0);
	assert_false(P.d.failed);
	assert_int_equal(get(P.d.docs[0], "k")->len, 4u << 20);
	assert_at(get(P.d.docs[0], "l"), 2, 4);
	mm2_strbuf_release(&sb);
}

static void test_lex_yaml__json_objects_and_arrays(void **state)
{
	const struct mm2_node *root = parse_ok("{\"name\": \"mm2\", \"n\": -1.5e3, \"ok\": true,"
					       " \"none\": null, \"list\": [1, {\"x\": []}],"
					       " \"esc\": \"a\\/b\\u00e9\\n\"}");
	const struct mm2_node *list = get(root, "list");

	assert_int_equal(root->kind, MM2_NODE_MAP);
	assert_int_equal(root->npairs, 6);
	assert_scalar(get(root, "name"), "mm2");
	assert_int_equal(root->pairs[0].key->style, MM2_SCALAR_DOUBLE_QUOTED);
	assert_scalar(get(root, "n"), "-1.5e3");
	assert_int_equal(get(root, "n")->style, MM2_SCALAR_PLAIN);
	assert_scalar(get(root, "ok"), "true");
	assert_true(get(root, "none")->plain_null);
	assert_int_equal(list->kind, MM2_NODE_SEQ);
	assert_int_equal(list->nitems, 2);
	assert_int_equal(get(list->items[1], "x")->kind, MM2_NODE_SEQ);
	assert_int_equal(get(list->items[1], "x")->nitems, 0);
	assert_scalar(get(root, "esc"), "a/b\xc3\xa9\n");
	assert_at(root->pairs[1].key, 1, 17);
	assert_at(get(root, "n"), 1, 22);
	/* Compact JSON: no space after the colon. */
	root = parse_ok("{\"a\":1,\"b\":[true,false]}");
	assert_scalar(get(root, "a"), "1");
	assert_at(get(root, "b"), 1, 12);
	assert_int_equal(get(root, "b")->end_off, 23);
}

static void test_lex_yaml__json_crlf_positions(void **state)
{
	const struct mm2_node *root =
		parse_ok("{\r\n  \"a\": 1,\r\n\t\"b\": [\r\n    2\r\n  ]\r\n}\r\n");

	assert_at(root, 1, 1);
	assert_at(root->pairs[0].key, 2, 3);
	assert_at(get(root, "a"), 2, 8);
	assert_at(root->pairs[1].key, 3, 2);
	assert_at(get(root, "b")->items[0], 4, 5);
	assert_int_equal(root->end_off,
			 strlen("{\r\n  \"a\": 1,\r\n\t\"b\": [\r\n    2\r\n  ]\r\n}"));
}

static void test_lex_yaml__json_duplicate_keys_are_flagged(void **state)
{
	const struct mm2_node *root = parse_ok("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}, \"a\": 3}");

	assert_true(root->pairs[0].duplicate);
	assert_false(root->pairs[2].duplicate);
	assert_true(get(root, "b")->pairs[0].duplicate);
	assert_scalar(get(get(root, "b"), "c"), "2");
}

static void test_lex_yaml__json_unescaped_quote_fails(void **state)
{
	parse_fails_at("{\n  \"a\": \"b\"c\"\n}\n", 17, 2, 11);
	assert_string_equal(P.d.error_msg,
			    "did not find expected ',' or '}' while parsing a flow mapping");
	assert_int_equal(P.d.context_line, 1);
	assert_int_equal(P.d.context_col, 1);
}

/* libyaml limits that JSON does not have: surrogate pairs in \u escapes and
 * keys longer than 1024 characters. */
static void test_lex_yaml__json_beyond_libyaml_fails(void **state)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	int i;

	parse_fails_at("{\"a\": \"\\ud83d\\ude00\"}", 21, 1, 10);
	assert_string_equal(P.d.error_msg,
			    "found invalid Unicode character escape code while parsing a quoted "
			    "scalar");
	mm2_strbuf_addstr(&sb, "{\"");
	for (i = 0; i < 1100; i++)
		mm2_strbuf_addch(&sb, 'k');
	mm2_strbuf_addstr(&sb, "\": 1}");
	parse_mem(sb.buf, sb.len);
	assert_true(P.d.failed);
	mm2_strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_teardown(test_lex_yaml__##name, teardown)
		T(block_mapping_positions),
		T(quoted_scalar_starts_at_its_quote),
		T(scalar_text_is_kept_exactly),
		T(plain_null_only_for_plain_untagged),
		T(empty_value_sits_after_its_indicator),
		T(columns_count_code_points),
		T(positions_agree_with_source_pos),
		T(position_skips_anchor_and_tag),
		T(block_scalar_ends_at_its_last_character),
		T(tags_are_kept),
		T(duplicate_keys_are_flagged),
		T(many_duplicate_keys_are_all_flagged),
		T(node_get_returns_last_pair),
		T(multi_document_streams),
		T(finding_keeps_documents_before_it),
		T(aliases_share_nodes),
		T(anchors_are_scoped_to_their_document),
		T(redefined_anchor_names_the_later_node),
		T(undefined_alias_fails),
		T(recursive_alias_fails),
		T(merge_key_is_resolved),
		T(merge_sequence_earlier_mapping_wins),
		T(quoted_merge_key_is_a_plain_key),
		T(merge_key_with_unfit_value_fails),
		T(helm_template_value_reads_as_flow_mappings),
		T(helm_template_at_mapping_position_fails),
		T(truncated_input_fails),
		T(invalid_utf8_fails_with_location),
		T(nul_byte_fails_with_location),
		T(utf16_input_fails),
		T(nesting_beyond_the_limit_is_refused),
		T(alias_bomb_is_refused),
		T(merge_bomb_is_refused),
		T(node_count_beyond_the_limit_is_refused),
		T(huge_line_is_read),
		T(json_objects_and_arrays),
		T(json_crlf_positions),
		T(json_duplicate_keys_are_flagged),
		T(json_unescaped_quote_fails),
		T(json_beyond_libyaml_fails),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
