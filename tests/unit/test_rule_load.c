/*
 * Unit tests of the rule loader: the embedded rules load, and a rule file with a
 * mistake is refused with its location instead of shipping.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "mm2lint/catalog.h"
#include "mm2lint/rules.h"

static const char good_head[] = "mm2lint-rule: 1\n"
				"id: MM2-TEST-001\n"
				"name: test-rule\n"
				"title: A test rule\n"
				"severity: warning\n"
				"category: testing\n"
				"message: \"{{flow}}: {{key}}={{value}}\"\n"
				"rationale: because\n"
				"fix: fix it\n"
				"docs: https://example.com/r\n";

static const char good_tests[] = "tests:\n"
				 "  - name: fires\n"
				 "    input: |\n"
				 "      clusters = A, B\n"
				 "      A->B.enabled = true\n"
				 "    expect: [ { line: 2 } ]\n"
				 "  - name: silent\n"
				 "    input: |\n"
				 "      clusters = A, B\n"
				 "    expect: []\n";

/* Load HEAD + BODY + TESTS as a rule file; returns the loader's status, ERR its message. */
static int load(const char *head, const char *body, const char *tests, struct mm2_error *err)
{
	struct mm2_catalog cat;
	struct mm2_ruleset rs;
	char path[] = "/tmp/mm2lint-rule-XXXXXX";
	int fd = mkstemp(path), ret;
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fprintf(f, "%s%s%s", head, body, tests);
	fclose(f);
	assert_int_equal(mm2_catalog_load(&cat, err), 0);
	mm2_ruleset_init(&rs, &cat);
	ret = mm2_ruleset_load_path(&rs, path, err);
	mm2_ruleset_release(&rs);
	mm2_catalog_release(&cat);
	unlink(path);
	return ret;
}

static void test_rule_load__embedded_rules_load(void **state)
{
	struct mm2_catalog cat;
	struct mm2_ruleset rs;
	struct mm2_error err = {0};
	size_t i;

	(void)state;
	assert_int_equal(mm2_catalog_load(&cat, &err), 0);
	mm2_ruleset_init(&rs, &cat);
	rs.with_tests = true;
	assert_int_equal(mm2_ruleset_load_embedded(&rs, &err), 0);
	mm2_ruleset_finish(&rs);
	assert_true(rs.n >= 11);
	/* Every embedded rule keeps its tests, and they come back whole. */
	for (size_t k = 0; k < rs.n; k++)
		assert_true(rs.v[k]->ntests >= 2);
	assert_non_null(mm2_ruleset_find(&rs, "MM2-DUR-002"));
	for (i = 1; i < rs.n; i++) /* sorted */
		assert_true(strcmp(rs.v[i - 1]->info.id, rs.v[i]->info.id) < 0);
	assert_non_null(strstr(mm2_ruleset_find(&rs, "MM2-NET-001")->info.help_uri,
			       "docs/rules/MM2-NET-001.md"));
	mm2_ruleset_release(&rs);
	mm2_catalog_release(&cat);
}

static void test_rule_load__accepts_a_good_rule(void **state)
{
	struct mm2_error err = {0};

	(void)state;
	assert_int_equal(
		load(good_head,
		     "subjects: [ { key: tasks.max, at: connector } ]\nassert: { ge: 2 }\n",
		     good_tests, &err),
		0);
}

static void test_rule_load__refuses_unknown_key(void **state)
{
	struct mm2_error err = {0};

	(void)state;
	assert_int_equal(load(good_head,
			      "subjects: [ { key: replication.timeout.ms, at: connector } ]\n"
			      "assert: { ge: 2 }\n",
			      good_tests, &err),
			 -MM2_ERULE);
	assert_non_null(strstr(err.msg, "replication.timeout.ms"));
	assert_non_null(strstr(err.msg, ":11:"));
}

static void test_rule_load__refuses_key_at_wrong_place(void **state)
{
	struct mm2_error err = {0};

	(void)state;
	/* acks is a producer key: the source consumer has none. */
	assert_int_equal(
		load(good_head,
		     "subjects: [ { key: acks, at: source-consumer } ]\nassert: { eq: all }\n",
		     good_tests, &err),
		-MM2_ERULE);
}

static void test_rule_load__needs_firing_and_silent_tests(void **state)
{
	struct mm2_error err = {0};

	(void)state;
	assert_int_equal(
		load(good_head,
		     "subjects: [ { key: tasks.max, at: connector } ]\nassert: { ge: 2 }\n",
		     "tests:\n  - name: fires\n    input: |\n      clusters = A, B\n"
		     "    expect: [ { line: 1 } ]\n",
		     &err),
		-MM2_ERULE);
	assert_non_null(strstr(err.msg, "fires and one that does not"));
}

static void test_rule_load__refuses_bad_id_and_operator(void **state)
{
	struct mm2_error err = {0};
	char head[sizeof(good_head)];
	char *p;

	(void)state;
	memcpy(head, good_head, sizeof(good_head));
	p = strstr(head, "MM2-TEST-001");
	memcpy(p, "MM2-test-01 ", 12);
	assert_int_equal(load(head,
			      "subjects: [ { key: tasks.max, at: connector } ]\n"
			      "assert: { ge: 2 }\n",
			      good_tests, &err),
			 -MM2_ERULE);
	assert_int_equal(load(good_head,
			      "subjects: [ { key: tasks.max, at: connector } ]\n"
			      "assert: { greater: 2 }\n",
			      good_tests, &err),
			 -MM2_ERULE);
	assert_int_equal(load(good_head, "check: builtin/no-such-check\n", good_tests, &err),
			 -MM2_ERULE);
}

static void test_rule_load__refuses_unknown_placeholder(void **state)
{
	struct mm2_error err = {0};
	char head[sizeof(good_head) + 8];
	char *p;

	(void)state;
	memcpy(head, good_head, sizeof(good_head));
	p = strstr(head, "{{value}}");
	memcpy(p, "{{valeu}}", 9);
	assert_int_equal(load(head,
			      "subjects: [ { key: tasks.max, at: connector } ]\n"
			      "assert: { ge: 2 }\n",
			      good_tests, &err),
			 -MM2_ERULE);
	assert_non_null(strstr(err.msg, "{{valeu}}"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_load__embedded_rules_load),
		cmocka_unit_test(test_rule_load__accepts_a_good_rule),
		cmocka_unit_test(test_rule_load__refuses_unknown_key),
		cmocka_unit_test(test_rule_load__refuses_key_at_wrong_place),
		cmocka_unit_test(test_rule_load__needs_firing_and_silent_tests),
		cmocka_unit_test(test_rule_load__refuses_bad_id_and_operator),
		cmocka_unit_test(test_rule_load__refuses_unknown_placeholder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
