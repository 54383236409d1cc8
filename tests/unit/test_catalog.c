/*
 * Unit tests of the key catalogue: lookups, presence and defaults by version.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "mm2lint/catalog.h"

static struct mm2_catalog cat;

static int setup(void **state)
{
	struct mm2_error err = {0};

	(void)state;
	return mm2_catalog_load(&cat, &err);
}

static int teardown(void **state)
{
	(void)state;
	mm2_catalog_release(&cat);
	return 0;
}

static void test_catalog__finds_keys_per_scope(void **state)
{
	const struct mm2_key *k = mm2_catalog_find(&cat, MM2_SCOPE_PRODUCER, "acks");

	(void)state;
	assert_non_null(k);
	assert_int_equal(k->type, MM2_TYPE_STRING);
	assert_null(mm2_catalog_find(&cat, MM2_SCOPE_CONSUMER, "acks"));
	/* The invented key that outage articles use is not a Kafka key anywhere. */
	assert_null(mm2_catalog_find_any(&cat, "replication.timeout.ms"));
	k = mm2_catalog_find(&cat, MM2_SCOPE_MM2, "replication.factor");
	assert_non_null(k);
	assert_true(k->defined_in & MM2_DEF_CONNECTOR);
	assert_int_equal(cat.newest, MM2_VERSION(4, 3));
}

static void test_catalog__defaults_follow_the_version(void **state)
{
	struct mm2_arena a = MM2_ARENA_INIT;
	const struct mm2_key *acks = mm2_catalog_find(&cat, MM2_SCOPE_PRODUCER, "acks");
	const struct mm2_key *linger = mm2_catalog_find(&cat, MM2_SCOPE_PRODUCER, "linger.ms");

	(void)state;
	assert_string_equal(mm2_key_default(acks, MM2_VERSION(2, 8), &a), "1");
	assert_string_equal(mm2_key_default(acks, MM2_VERSION(3, 0), &a), "all");
	assert_string_equal(mm2_key_default(linger, MM2_VERSION(3, 9), &a), "0");
	assert_string_equal(mm2_key_default(linger, MM2_VERSION(4, 0), &a), "5");
	mm2_arena_release(&a);
}

static void test_catalog__presence(void **state)
{
	const struct mm2_key *bl = mm2_catalog_find(&cat, MM2_SCOPE_MM2, "topics.blacklist");

	(void)state;
	assert_non_null(bl);
	assert_true(mm2_key_present(bl, MM2_VERSION(3, 9)));
	assert_false(mm2_key_present(bl, MM2_VERSION(4, 0)));
}

static void test_catalog__versions(void **state)
{
	char buf[8];

	(void)state;
	assert_int_equal(mm2_version_parse("3.9"), 309);
	assert_int_equal(mm2_version_parse("4.1.2"), 401);
	assert_int_equal(mm2_version_parse("x"), -1);
	assert_int_equal(mm2_version_parse("3."), -1);
	assert_true(mm2_version_known(&cat, MM2_VERSION(2, 4)));
	assert_false(mm2_version_known(&cat, MM2_VERSION(2, 9)));
	assert_false(mm2_version_known(&cat, MM2_VERSION(2, 3)));
	assert_false(mm2_version_known(&cat, MM2_VERSION(4, 4)));
	assert_string_equal(mm2_version_str(MM2_VERSION(3, 10), buf), "3.10");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog__finds_keys_per_scope),
		cmocka_unit_test(test_catalog__defaults_follow_the_version),
		cmocka_unit_test(test_catalog__presence),
		cmocka_unit_test(test_catalog__versions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
