/*
 * Unit tests of the key checks: the edit distance behind "did you mean", values
 * as ConfigDef parses and validates them per Kafka version, where MirrorMaker 2
 * routes each key of mm2.properties, and the MM2-KEY rules end to end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "mm2lint/lint.h"
#include "keys_route.h"
#include "keys_suggest.h"
#include "keys_value.h"

struct fixture {
	struct mm2_catalog cat;
	struct mm2_ruleset rs;
	struct mm2_arena arena;
	struct mm2_source src;
	struct mm2_input in;
	struct mm2_lint_opts opts;
	struct mm2_diags out;
	struct mm2_check_ctx cx;
};

static struct fixture *load(const char *text, const char *version)
{
	struct fixture *f = test_calloc(1, sizeof(*f));
	struct mm2_error err = {0};

	assert_int_equal(mm2_catalog_load(&f->cat, &err), 0);
	mm2_ruleset_init(&f->rs, &f->cat);
	assert_int_equal(mm2_ruleset_load_embedded(&f->rs, &err), 0);
	mm2_ruleset_finish(&f->rs);
	mm2_lint_opts_init(&f->opts, &f->cat);
	if (version)
		f->opts.version = mm2_version_parse(version);
	mm2_diags_init(&f->out, &f->arena);
	mm2_source_init_mem(&f->src, "t.properties", text, strlen(text));
	mm2_input_read(&f->in, &f->src, &f->cat, &f->opts, &f->arena, &f->rs, &f->out);
	f->cx.in = &f->in;
	f->cx.cat = &f->cat;
	f->cx.opts = &f->opts;
	f->cx.arena = &f->arena;
	f->cx.out = &f->out;
	return f;
}

static void unload(struct fixture *f)
{
	mm2_input_release(&f->in);
	mm2_diags_release(&f->out);
	mm2_source_release(&f->src);
	mm2_ruleset_release(&f->rs);
	mm2_arena_release(&f->arena);
	mm2_catalog_release(&f->cat);
	test_free(f);
}

/* The deciding reading of the entry whose key is KEY. */
static const struct mm2_keys_reading *decide(struct fixture *f, const char *key,
					     struct mm2_keys_reading *rd)
{
	size_t i, n;

	for (i = 0; i < f->in.doc.n; i++)
		if (strcmp(f->in.doc.entries[i].key, key) == 0) {
			n = mm2_keys_readings(&f->cx, &f->in.doc.entries[i], rd);
			return n ? mm2_keys_decide(rd, n) : NULL;
		}
	fail_msg("no key %s", key);
	return NULL;
}

/* Run rule ID on the input; return "line:line:…" of its findings. */
static const char *lines_of(struct fixture *f, const char *id)
{
	static char buf[256];
	size_t i, len = 0;

	f->opts.only_rule = id;
	mm2_lint_input(&f->in, &f->rs, &f->opts, &f->arena, &f->out);
	buf[0] = '\0';
	for (i = 0; i < f->out.n && len < sizeof(buf) - 16; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%u", len ? ":" : "",
					f->out.v[i].loc.line);
	return buf;
}

static void test_check_keys__distance(void **state)
{
	struct mm2_keys_suggest sg;

	(void)state;
	assert_int_equal(mm2_keys_distance("bootstrap.server", "bootstrap.servers", 5), 1);
	assert_int_equal(mm2_keys_distance("acsk", "acks", 5), 1);	     /* a swap */
	assert_int_equal(mm2_keys_distance("Tasks.Max", "tasks.max", 5), 0); /* case */
	assert_int_equal(mm2_keys_distance("abcdefgh", "zzzzzzzz", 3), 4);   /* capped */
	assert_true(mm2_keys_same_words("max.tasks", "tasks.max"));
	assert_false(mm2_keys_same_words("tasks.max", "tasks.max"));
	assert_false(mm2_keys_same_words("max", "max"));

	mm2_keys_suggest_init(&sg, "heartbeat.interval.seconds", 0);
	mm2_keys_suggest_try(&sg, "emit.checkpoints.interval.seconds");
	mm2_keys_suggest_try(&sg, "emit.heartbeats.interval.seconds");
	assert_string_equal(sg.best, "emit.heartbeats.interval.seconds");
	mm2_keys_suggest_init(&sg, "emit.heartbeats", 0);
	mm2_keys_suggest_try(&sg, "emit.heartbeats.enabled");
	assert_string_equal(sg.best, "emit.heartbeats.enabled");
	mm2_keys_suggest_init(&sg, "logging.level", 0);
	mm2_keys_suggest_try(&sg, "tasks.max");
	assert_null(sg.best);
}

static void test_check_keys__types(void **state)
{
	const char *why;

	(void)state;
	assert_true(mm2_keys_parses(MM2_TYPE_BOOLEAN, " TRUE ", 6, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_BOOLEAN, "yes", 3, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_BOOLEAN, "", 0, &why));
	assert_true(mm2_keys_parses(MM2_TYPE_SHORT, "-32768", 6, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_SHORT, "32768", 5, &why));
	assert_true(mm2_keys_parses(MM2_TYPE_INT, "+42", 3, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_INT, "2147483648", 10, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_INT, "30s", 3, &why));
	assert_true(mm2_keys_parses(MM2_TYPE_LONG, "9223372036854775807", 19, &why));
	assert_true(mm2_keys_parses(MM2_TYPE_DOUBLE, "1e3", 3, &why));
	assert_true(mm2_keys_parses(MM2_TYPE_DOUBLE, "NaN", 3, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_DOUBLE, "0,5", 3, &why));
	assert_true(mm2_keys_parses(MM2_TYPE_CLASS, "a.b.Outer$Inner", 15, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_CLASS, "a..b", 4, &why));
	assert_false(mm2_keys_parses(MM2_TYPE_CLASS, "org/x/Y", 7, &why));
	assert_true(mm2_keys_parses(MM2_TYPE_INT, "${env:N}", 8, &why));
}

static void test_check_keys__validators(void **state)
{
	struct mm2_arena a = MM2_ARENA_INIT;
	const char *why = NULL;

	(void)state;
	assert_int_equal(mm2_keys_validate("[0,...]", MM2_TYPE_INT, "-1", &why, &a), MM2_KEYS_FAIL);
	assert_int_equal(mm2_keys_validate("[1,...,17]", MM2_TYPE_INT, "17", &why, &a),
			 MM2_KEYS_PASS);
	assert_int_equal(mm2_keys_validate("[0.5,...,1.0]", MM2_TYPE_DOUBLE, "0.4", &why, &a),
			 MM2_KEYS_FAIL);
	assert_int_equal(mm2_keys_validate("[all, -1, 0, 1]", MM2_TYPE_STRING, "2", &why, &a),
			 MM2_KEYS_FAIL);
	assert_string_equal(why, "one of [all, -1, 0, 1]");
	assert_int_equal(mm2_keys_validate("[all, -1, 0, 1]", MM2_TYPE_STRING, "ALL", &why, &a),
			 MM2_KEYS_FAIL);
	assert_int_equal(mm2_keys_validate("(case insensitive) [SASL_SSL, SSL]", MM2_TYPE_STRING,
					   "ssl", &why, &a),
			 MM2_KEYS_PASS);
	assert_int_equal(mm2_keys_validate("[1,...,9] or -1", MM2_TYPE_INT, "-1", &why, &a),
			 MM2_KEYS_PASS);
	assert_int_equal(mm2_keys_validate("[1,...,9] or -1", MM2_TYPE_INT, "0", &why, &a),
			 MM2_KEYS_FAIL);
	assert_int_equal(mm2_keys_validate("[latest, earliest, none, by_duration:PnDTnHnMn.nS]",
					   MM2_TYPE_STRING, "by_duration:PT1H", &why, &a),
			 MM2_KEYS_PASS);
	assert_int_equal(mm2_keys_validate("[compact, delete];list:dedup-warn,no-blank-items",
					   MM2_TYPE_LIST, "compact, delete", &why, &a),
			 MM2_KEYS_PASS);
	assert_int_equal(mm2_keys_validate("[compact, delete];list:dedup-warn,no-blank-items",
					   MM2_TYPE_LIST, "compact,,delete", &why, &a),
			 MM2_KEYS_FAIL);
	assert_int_equal(mm2_keys_validate("list:dedup-warn,no-blank-items,non-empty",
					   MM2_TYPE_LIST, " ", &why, &a),
			 MM2_KEYS_FAIL);
	assert_int_equal(mm2_keys_validate("custom:whatever", MM2_TYPE_STRING, "x", &why, &a),
			 MM2_KEYS_CANNOT);
	assert_int_equal(mm2_keys_validate("non-empty string", MM2_TYPE_STRING, "  ", &why, &a),
			 MM2_KEYS_FAIL);
	mm2_arena_release(&a);
}

static void test_check_keys__validator_and_type_per_version(void **state)
{
	struct fixture *f = load("bootstrap.servers = k:9092\ngroup.id = g\n", NULL);
	const struct mm2_key *sp =
		mm2_catalog_find(&f->cat, MM2_SCOPE_CONSUMER, "security.protocol");
	const struct mm2_key *bs = mm2_catalog_find(&f->cat, MM2_SCOPE_MM2, "bootstrap.servers");

	(void)state;
	assert_non_null(sp);
	assert_string_equal(mm2_keys_validator_at(sp, MM2_VERSION(3, 0), &f->arena), "");
	assert_null(mm2_keys_validator_at(sp, MM2_VERSION(3, 4), &f->arena)); /* "changed" */
	assert_string_equal(mm2_keys_validator_at(sp, MM2_VERSION(4, 3), &f->arena), sp->validator);
	assert_int_equal(mm2_keys_type_at(bs, MM2_VERSION(4, 1)), MM2_TYPE_STRING);
	assert_int_equal(mm2_keys_type_at(bs, MM2_VERSION(4, 2)), MM2_TYPE_LIST);
	unload(f);
}

static void test_check_keys__routing(void **state)
{
	struct fixture *f = load("clusters = source, target\n"
				 "source.cluster.alias = source\n"
				 "source.consumer.max.poll.records = 5\n"
				 "target.offset.storage.replication.factor = 3\n"
				 "target.replication.factor = 3\n"
				 "source->target.enabled = true\n"
				 "source->target.consumer.isolation.level = read_committed\n"
				 "source->target.target.producer.acks = all\n"
				 "source->target.exactly.once.source.support = enabled\n"
				 "source->target.replicaton.factor = 3\n"
				 "x->y.topics = a\n"
				 "consumer.max.poll.records = 5\n"
				 "offset.storage.replication.factr = 3\n"
				 "exactly.once.support = required\n"
				 "---%<---\n",
				 NULL);
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];
	const struct mm2_keys_reading *r;

	(void)state;
	assert_int_equal(decide(f, "source.cluster.alias", rd)->verdict, MM2_KV_KNOWN);
	r = decide(f, "source.consumer.max.poll.records", rd);
	assert_int_equal(r->verdict, MM2_KV_KNOWN);
	assert_int_equal(r->role, MM2_ROLE_CONSUMER);
	assert_int_equal(r->scope, MM2_SCOPE_CONSUMER);
	assert_int_equal(decide(f, "target.offset.storage.replication.factor", rd)->scope,
			 MM2_SCOPE_WORKER);
	assert_int_equal(decide(f, "target.replication.factor", rd)->verdict, MM2_KV_NO_EFFECT);
	r = decide(f, "source->target.consumer.isolation.level", rd);
	assert_int_equal(r->verdict, MM2_KV_KNOWN);
	assert_int_equal(r->place, MM2_KP_FLOW);
	r = decide(f, "source->target.target.producer.acks", rd);
	assert_int_equal(r->side, MM2_SIDE_TARGET);
	assert_string_equal(r->rest, "acks");
	assert_int_equal(decide(f, "source->target.exactly.once.source.support", rd)->verdict,
			 MM2_KV_NO_EFFECT);
	r = decide(f, "source->target.replicaton.factor", rd);
	assert_int_equal(r->verdict, MM2_KV_UNKNOWN);
	assert_true(r->strict);
	assert_int_equal(decide(f, "x->y.topics", rd)->verdict, MM2_KV_OPAQUE);
	assert_int_equal(decide(f, "consumer.max.poll.records", rd)->verdict, MM2_KV_NO_EFFECT);
	assert_int_equal(decide(f, "offset.storage.replication.factr", rd)->verdict,
			 MM2_KV_UNKNOWN);
	assert_int_equal(decide(f, "exactly.once.support", rd)->verdict, MM2_KV_NO_EFFECT);
	assert_int_equal(decide(f, "---%<---", rd)->verdict, MM2_KV_OPAQUE);
	unload(f);
}

static void test_check_keys__broker_and_other_files(void **state)
{
	struct fixture *f =
		load("broker.id = 1\nlog.dirs = /d\nzookeeper.connect = z:2181\n", NULL);
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];

	(void)state;
	assert_int_equal(f->in.doc.kind, MM2_KIND_BROKER);
	assert_int_equal(decide(f, "zookeeper.connect", rd)->verdict, MM2_KV_OPAQUE);
	assert_string_equal(lines_of(f, "MM2-KEY-001"), "");
	unload(f);
	f = load("some.setting = 1\nother = 2\n", NULL);
	assert_int_equal(f->in.doc.kind, MM2_KIND_OTHER);
	assert_null(decide(f, "some.setting", rd));
	unload(f);
}

static void test_check_keys__unknown_and_suggestions(void **state)
{
	struct fixture *f = load("clusters = prod, uat\n"
				 "prod->uat.enabled = true\n"
				 "max.tasks = 2\n"
				 "cluster.prod.bootstrap.servers = p:9092\n"
				 "prod->uat.sync.group.offset.enabled = true\n"
				 "replication.timeout.ms = 1\n"
				 "prod.consumer.max.pol.records = 5\n"
				 "prod.consumer.schema.registry.url = http://r\n",
				 NULL);
	size_t i;

	(void)state;
	assert_string_equal(lines_of(f, "MM2-KEY-001"), "3:4:5:6:7");
	for (i = 0; i < f->out.n; i++)
		if (f->out.v[i].loc.line == 4)
			assert_non_null(strstr(f->out.v[i].message, "'prod.bootstrap.servers'"));
		else if (f->out.v[i].loc.line == 5)
			assert_non_null(strstr(f->out.v[i].message,
					       "'prod->uat.sync.group.offsets.enabled'"));
	unload(f);
}

static void test_check_keys__no_effect_and_shadowing(void **state)
{
	struct fixture *f = load("clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "A->B.consumer.security.protocol = SSL\n"
				 "A.security.protocol = SASL_SSL\n"
				 "A->B.admin.request.timeout.ms = 1000\n"
				 "A.consumer.enable.auto.commit = true\n"
				 "A->B.consumer.max.poll.records = 10\n"
				 "group.id = g\n",
				 NULL);

	(void)state;
	/* the security fan-out of A.security.protocol beats the flow's consumer key */
	assert_string_equal(lines_of(f, "MM2-KEY-008"), "3:6:8");
	assert_int_equal(f->out.v[0].nrelated, 1);
	assert_int_equal(f->out.v[0].related[0].loc.line, 4);
	unload(f);
}

static void test_check_keys__lifecycle_per_version(void **state)
{
	const char *text = "clusters = A, B\nA->B.enabled = true\ntopics.blacklist = x\n";
	struct fixture *f = load(text, "4.0");

	(void)state;
	assert_string_equal(lines_of(f, "MM2-KEY-004"), "3");
	assert_int_equal(f->out.v[0].severity, MM2_SEV_ERROR);
	unload(f);
	f = load(text, "3.1");
	assert_string_equal(lines_of(f, "MM2-KEY-004"), "3");
	assert_int_equal(f->out.v[0].severity, MM2_SEV_WARNING);
	unload(f);
	f = load(text, "2.6");
	assert_string_equal(lines_of(f, "MM2-KEY-004"), "");
	unload(f);
}

static void test_check_keys__text_checks(void **state)
{
	struct fixture *f = load("\xef\xbb\xbf"
				 "clusters = A, B\n"
				 "A->B.enabled = true\n"
				 "A.ssl.truststore.password = s3cret # prod\n"
				 "A.ssl.truststore.password = other\n"
				 "A->B.topics = caf\xc3\xa9\n",
				 NULL);
	size_t i;

	(void)state;
	assert_string_equal(lines_of(f, "MM2-KEY-009"), "1:5");
	assert_int_equal(f->out.v[0].severity, MM2_SEV_ERROR);
	assert_non_null(strstr(f->out.v[1].message, "\\u00e9"));
	f->out.n = 0;
	assert_string_equal(lines_of(f, "MM2-KEY-005"), "4");
	f->out.n = 0;
	assert_string_equal(lines_of(f, "MM2-KEY-006"), "");
	for (i = 0; i < f->out.n; i++)
		assert_null(strstr(f->out.v[i].message, "s3cret"));
	unload(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_keys__distance),
		cmocka_unit_test(test_check_keys__types),
		cmocka_unit_test(test_check_keys__validators),
		cmocka_unit_test(test_check_keys__validator_and_type_per_version),
		cmocka_unit_test(test_check_keys__routing),
		cmocka_unit_test(test_check_keys__broker_and_other_files),
		cmocka_unit_test(test_check_keys__unknown_and_suggestions),
		cmocka_unit_test(test_check_keys__no_effect_and_shadowing),
		cmocka_unit_test(test_check_keys__lifecycle_per_version),
		cmocka_unit_test(test_check_keys__text_checks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
