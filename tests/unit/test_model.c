/*
 * Unit tests of the config model: the provenance map and the file-kind heuristic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "mm2lint/catalog.h"
#include "mm2lint/model.h"

static void test_model__kvmap_put_get_remove(void **state)
{
	struct mm2_kvmap m;
	struct mm2_setting s = {"v", MM2_ORIGIN_DEFAULT, NULL, NULL};
	char keys[200][8];
	int i;

	(void)state;
	mm2_kvmap_init(&m);
	for (i = 0; i < 200; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		mm2_kvmap_put(&m, keys[i], &s);
	}
	assert_int_equal(m.n, 200);
	s.value = "w";
	mm2_kvmap_put_absent(&m, keys[7], &s);
	assert_string_equal(mm2_kvmap_get(&m, "k7")->value, "v");
	mm2_kvmap_put(&m, keys[7], &s);
	assert_string_equal(mm2_kvmap_get(&m, "k7")->value, "w");
	for (i = 0; i < 200; i += 2)
		mm2_kvmap_remove(&m, keys[i]);
	assert_int_equal(m.n, 100);
	for (i = 0; i < 200; i++)
		assert_true((mm2_kvmap_get(&m, keys[i]) != NULL) == (i % 2 == 1));
	mm2_kvmap_release(&m);
}

/* A value taken from the map itself survives the rehash its own insertion causes. */
static void test_model__kvmap_put_from_itself(void **state)
{
	struct mm2_kvmap m;
	struct mm2_setting s = {"v", MM2_ORIGIN_DEFAULT, NULL, NULL};
	char keys[100][8];
	int i;

	(void)state;
	mm2_kvmap_init(&m);
	mm2_kvmap_put(&m, "seed", &s);
	for (i = 0; i < 100; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		mm2_kvmap_put(&m, keys[i], mm2_kvmap_get(&m, "seed"));
	}
	assert_string_equal(mm2_kvmap_get(&m, "k99")->value, "v");
	mm2_kvmap_release(&m);
}

static enum mm2_kind kind_of(const char *text)
{
	struct mm2_catalog cat;
	struct mm2_error err = {0};
	struct mm2_arena a = MM2_ARENA_INIT;
	struct mm2_source src;
	struct mm2_props p = {0};
	struct mm2_doc doc;
	enum mm2_kind k;

	assert_int_equal(mm2_catalog_load(&cat, &err), 0);
	mm2_source_init_mem(&src, "t.properties", text, strlen(text));
	src.latin1 = true;
	mm2_props_parse(&p, &src, &a);
	mm2_doc_from_props(&doc, &src, &p, &a);
	mm2_doc_detect_kind(&doc, &cat);
	assert_true(strlen(doc.kind_why) > 0);
	k = doc.kind;
	mm2_doc_release(&doc);
	mm2_props_release(&p);
	mm2_source_release(&src);
	mm2_arena_release(&a);
	mm2_catalog_release(&cat);
	return k;
}

static void test_model__detects_kinds(void **state)
{
	(void)state;
	assert_int_equal(kind_of("clusters = a, b\n"), MM2_KIND_MM2);
	assert_int_equal(kind_of("a->b.enabled = true\n"), MM2_KIND_MM2);
	assert_int_equal(kind_of("broker.id=1\nlog.dirs=/x\n"), MM2_KIND_BROKER);
	assert_int_equal(kind_of("bootstrap.servers=x\nacks=all\nlinger.ms=5\n"),
			 MM2_KIND_PRODUCER);
	assert_int_equal(kind_of("bootstrap.servers=x\ngroup.id=g\nauto.offset.reset=earliest\n"),
			 MM2_KIND_CONSUMER);
	assert_int_equal(kind_of("group.id=g\nconfig.storage.topic=c\n"), MM2_KIND_WORKER);
	assert_int_equal(kind_of("bootstrap.servers=x\nsecurity.protocol=SSL\n"), MM2_KIND_OTHER);
	assert_int_equal(kind_of("acks=all\ngroup.id=g\n"), MM2_KIND_OTHER);
	/* compression.type is a broker and a producer key: it decides nothing. */
	assert_int_equal(kind_of("compression.type=lz4\nacks=all\n"), MM2_KIND_PRODUCER);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model__kvmap_put_get_remove),
		cmocka_unit_test(test_model__kvmap_put_from_itself),
		cmocka_unit_test(test_model__detects_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
