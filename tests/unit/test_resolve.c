/*
 * Unit tests of the MirrorMaker 2 resolver: the precedence MM2 really applies,
 * including its surprising orders, and the origin kept with every value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "mm2lint/catalog.h"
#include "mm2lint/model.h"
#include "mm2lint/props.h"
#include "mm2lint/resolve.h"

struct fixture {
	struct mm2_catalog cat;
	struct mm2_arena arena;
	struct mm2_source src;
	struct mm2_props props;
	struct mm2_doc doc;
	struct mm2_mm2 m;
};

static struct fixture *load(const char *text, mm2_version v)
{
	struct fixture *f = test_calloc(1, sizeof(*f));
	struct mm2_error err = {0};

	assert_int_equal(mm2_catalog_load(&f->cat, &err), 0);
	mm2_source_init_mem(&f->src, "t.properties", text, strlen(text));
	f->src.latin1 = true;
	mm2_props_parse(&f->props, &f->src, &f->arena);
	mm2_doc_from_props(&f->doc, &f->src, &f->props, &f->arena);
	mm2_doc_detect_kind(&f->doc, &f->cat);
	mm2_resolve(&f->m, &f->doc, &f->cat, v ? v : f->cat.newest, &f->arena);
	return f;
}

static void unload(struct fixture *f)
{
	mm2_resolve_release(&f->m);
	mm2_doc_release(&f->doc);
	mm2_props_release(&f->props);
	mm2_source_release(&f->src);
	mm2_arena_release(&f->arena);
	mm2_catalog_release(&f->cat);
	test_free(f);
}

static const struct mm2_flow *flow(const struct fixture *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->m.nflows; i++)
		if (strcmp(f->m.flows[i].name, name) == 0)
			return &f->m.flows[i];
	fail_msg("no flow %s", name);
	return NULL;
}

/* The effective value of KEY at AT of flow NAME, and the line that set it (0: none). */
static const char *get(struct fixture *f, const char *name, enum mm2_at at, const char *key,
		       unsigned *line)
{
	struct mm2_setting s;

	if (!mm2_lookup(&f->cat, f->m.version, &f->doc, flow(f, name), at, key, &s, NULL,
			&f->arena))
		return NULL;
	*line = s.origin == MM2_ORIGIN_FILE ? s.entry->key_loc.line : 0;
	return s.value;
}

static void test_resolve__flows_and_raw_enabled(void **state)
{
	struct fixture *f = load("clusters = A, B, C\n"
				 "A->B.enabled = true\n"
				 "A->C.enabled = true \n"
				 "B->C.enabled = TRUE\n"
				 "C->A.enabled = true \n"
				 "C->A.emit.heartbeats.enabled = false\n",
				 0);

	(void)state;
	assert_int_equal(f->m.nclusters, 3);
	assert_int_equal(f->m.nflows, 6);
	assert_true(flow(f, "A->B")->enabled);
	/* The herder is decided on the raw text: "true " is false there... */
	assert_false(flow(f, "A->C")->raw_enabled);
	/* ...but heartbeats give A->C a herder, whose connectors trim "true ". */
	assert_true(flow(f, "A->C")->enabled);
	/* Without heartbeats there is no herder, so nothing replicates. */
	assert_false(flow(f, "C->A")->enabled);
	assert_false(mm2_flow_has_herder(flow(f, "C->A")));
	assert_true(flow(f, "B->C")->enabled);
	/* Heartbeats default to on, so B->A gets a herder, idle without enabled. */
	assert_false(flow(f, "B->A")->enabled);
	assert_true(mm2_flow_has_herder(flow(f, "B->A")));
	unload(f);
}

/* `enabled` is a connector key: written at top level it reaches every herder. */
static void test_resolve__top_level_enabled_reaches_every_herder(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "enabled = true\n",
				 0);

	(void)state;
	assert_true(flow(f, "A->B")->enabled);
	assert_true(flow(f, "B->A")->enabled);
	assert_int_equal(flow(f, "A->B")->enabled_entry->key_loc.line, 2);
	unload(f);
	f = load("clusters = A, B\nenabled = true\nemit.heartbeats.enabled = false\n", 0);
	assert_false(flow(f, "A->B")->enabled);
	unload(f);
}

static void test_resolve__cluster_consumer_beats_flow_consumer(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "A->B.consumer.max.poll.records = 10\n"
				 "A.consumer.max.poll.records = 20\n",
				 0);
	unsigned line = 0;

	(void)state;
	assert_string_equal(get(f, "A->B", MM2_AT_SOURCE_CONSUMER, "max.poll.records", &line),
			    "20");
	assert_int_equal(line, 4);
	/* The flow-level consumer.K still reaches the target consumer. */
	assert_string_equal(get(f, "A->B", MM2_AT_TARGET_CONSUMER, "max.poll.records", &line),
			    "10");
	assert_int_equal(line, 3);
	unload(f);
}

static void test_resolve__top_level_storage_beats_target_scoped(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "B.offset.storage.replication.factor = 3\n"
				 "offset.storage.replication.factor = 1\n",
				 0);
	unsigned line = 0;

	(void)state;
	assert_string_equal(
		get(f, "A->B", MM2_AT_WORKER, "offset.storage.replication.factor", &line), "1");
	assert_int_equal(line, 4);
	unload(f);
}

static void test_resolve__worker_fill_ins(void **state)
{
	struct fixture *f = load("clusters = A, B\nA->B.enabled = true\n", 0);
	unsigned line = 1;

	(void)state;
	assert_string_equal(get(f, "A->B", MM2_AT_WORKER, "group.id", &line), "A-mm2");
	assert_int_equal(line, 0);
	assert_string_equal(get(f, "A->B", MM2_AT_WORKER, "offset.storage.topic", &line),
			    "mm2-offsets.A.internal");
	assert_string_equal(get(f, "A->B", MM2_AT_WORKER, "client.id", &line), "A->B");
	unload(f);
}

static void test_resolve__client_id_fill_in_only_from_3_5(void **state)
{
	struct fixture *f = load("clusters = A, B\nA->B.enabled = true\n", MM2_VERSION(3, 4));
	(void)state;
	assert_null(mm2_kvmap_get(&flow(f, "A->B")->worker, "client.id"));
	assert_non_null(mm2_kvmap_get(&flow(f, "A->B")->worker, "group.id"));
	unload(f);
}

static void test_resolve__security_fan_out(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "security.protocol = SSL\n"
				 "A.security.protocol = SASL_SSL\n"
				 "A.admin.security.protocol = PLAINTEXT\n",
				 0);
	unsigned line = 0;

	(void)state;
	/* C.R.K > C.K > top-level K */
	assert_string_equal(get(f, "A->B", MM2_AT_SOURCE_CONSUMER, "security.protocol", &line),
			    "SASL_SSL");
	assert_string_equal(get(f, "A->B", MM2_AT_SOURCE_ADMIN, "security.protocol", &line),
			    "PLAINTEXT");
	assert_string_equal(get(f, "A->B", MM2_AT_TARGET_CONSUMER, "security.protocol", &line),
			    "SSL");
	assert_int_equal(line, 3);
	unload(f);
}

/* Many client keys on one cluster make the map grow while they fan out. */
static void test_resolve__fan_out_of_many_keys(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "A.security.protocol = SASL_SSL\n"
				 "A.sasl.mechanism = PLAIN\n"
				 "A.ssl.truststore.location = /t\n"
				 "A.ssl.truststore.type = JKS\n"
				 "A.ssl.keystore.location = /k\n"
				 "A.ssl.keystore.type = JKS\n"
				 "A.ssl.endpoint.identification.algorithm = https\n"
				 "A.ssl.protocol = TLSv1.3\n"
				 "A.ssl.enabled.protocols = TLSv1.3\n"
				 "A.sasl.login.class = x.Y\n"
				 "A.sasl.kerberos.service.name = kafka\n"
				 "A.bootstrap.servers = a:9092\n",
				 0);
	unsigned line = 0;

	(void)state;
	assert_string_equal(get(f, "A->B", MM2_AT_SOURCE_ADMIN, "ssl.protocol", &line), "TLSv1.3");
	assert_int_equal(line, 10);
	assert_string_equal(get(f, "A->B", MM2_AT_SOURCE_CONSUMER, "sasl.mechanism", &line),
			    "PLAIN");
	unload(f);
}

static void test_resolve__task_producer(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "B.bootstrap.servers = b:9092\n"
				 "B.producer.linger.ms = 50\n"
				 "A->B.producer.override.linger.ms = 70\n"
				 "producer.acks = 1\n",
				 0);
	unsigned line = 0;

	(void)state;
	assert_string_equal(get(f, "A->B", MM2_AT_TASK_PRODUCER, "linger.ms", &line), "70");
	assert_int_equal(line, 5);
	/* Top-level producer.K is never read; Connect's own default stands. */
	assert_string_equal(get(f, "A->B", MM2_AT_TASK_PRODUCER, "acks", &line), "all");
	assert_int_equal(line, 0);
	assert_string_equal(get(f, "A->B", MM2_AT_TASK_PRODUCER, "delivery.timeout.ms", &line),
			    "2147483647");
	assert_string_equal(get(f, "A->B", MM2_AT_TASK_PRODUCER, "bootstrap.servers", &line),
			    "b:9092");
	unload(f);
}

static void test_resolve__connector_keys_and_defaults(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "replication.factor = 3\n"
				 "replication.factorr = 5\n"
				 "consumer.poll.timeout.ms = 2000\n",
				 0);
	unsigned line = 0;

	(void)state;
	assert_string_equal(get(f, "A->B", MM2_AT_CONNECTOR, "replication.factor", &line), "3");
	assert_null(get(f, "A->B", MM2_AT_CONNECTOR, "replication.factorr", &line));
	assert_string_equal(get(f, "A->B", MM2_AT_CONNECTOR, "consumer.poll.timeout.ms", &line),
			    "2000");
	/* A key the version does not have is ignored: no value at all. */
	unload(f);
	f = load("clusters = A, B\nA->B.enabled = true\nA->B.emit.offset-syncs.enabled = false\n",
		 MM2_VERSION(3, 8));
	assert_null(get(f, "A->B", MM2_AT_CONNECTOR, "emit.offset-syncs.enabled", &line));
	unload(f);
	f = load("clusters = A, B\nA->B.enabled = true\n", 0);
	/* Defaults follow the version. */
	assert_string_equal(get(f, "A->B", MM2_AT_CONNECTOR, "topics.exclude", &line),
			    "mm2.*\\.internal,.*\\.replica,__.*");
	unload(f);
	f = load("clusters = A, B\nA->B.enabled = true\n", MM2_VERSION(3, 9));
	assert_string_equal(get(f, "A->B", MM2_AT_CONNECTOR, "topics.exclude", &line),
			    ".*[\\-\\.]internal,.*\\.replica,__.*");
	unload(f);
}

static void test_resolve__offset_sync_producer_follows_location(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "A.producer.acks = 1\n"
				 "B.producer.acks = 0\n"
				 "A->B.offset-syncs.topic.location = target\n",
				 0);
	unsigned line = 0;

	(void)state;
	assert_string_equal(get(f, "A->B", MM2_AT_OFFSET_SYNC_PRODUCER, "acks", &line), "0");
	unload(f);
}

static void test_resolve__split_list(void **state)
{
	struct mm2_arena a = MM2_ARENA_INIT;
	const char **items;

	(void)state;
	assert_int_equal(mm2_split_list("  a , b\t,c  ", &items, &a), 3);
	assert_string_equal(items[0], "a");
	assert_string_equal(items[1], "b");
	assert_string_equal(items[2], "c");
	assert_int_equal(mm2_split_list("", &items, &a), 0);
	assert_int_equal(mm2_split_list("a,,b", &items, &a), 3);
	assert_string_equal(items[1], "");
	mm2_arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve__flows_and_raw_enabled),
		cmocka_unit_test(test_resolve__top_level_enabled_reaches_every_herder),
		cmocka_unit_test(test_resolve__cluster_consumer_beats_flow_consumer),
		cmocka_unit_test(test_resolve__top_level_storage_beats_target_scoped),
		cmocka_unit_test(test_resolve__worker_fill_ins),
		cmocka_unit_test(test_resolve__client_id_fill_in_only_from_3_5),
		cmocka_unit_test(test_resolve__security_fan_out),
		cmocka_unit_test(test_resolve__fan_out_of_many_keys),
		cmocka_unit_test(test_resolve__task_producer),
		cmocka_unit_test(test_resolve__connector_keys_and_defaults),
		cmocka_unit_test(test_resolve__offset_sync_producer_follows_location),
		cmocka_unit_test(test_resolve__split_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
