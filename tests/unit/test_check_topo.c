/*
 * Unit tests of the topology checks (check_topo.c, topo_*.c): the cases their
 * rule files cannot show in a few lines, run through the whole lint pipeline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "mm2lint/lint.h"
#include "mm2lint/strbuf.h"
#include "topo.h"

struct world {
	struct mm2_catalog cat;
	struct mm2_ruleset rs;
};

/* One lint run of TEXT with RULE only; the findings stay valid until the next run. */
struct run {
	struct mm2_arena arena;
	struct mm2_source src;
	struct mm2_input in;
	struct mm2_diags d;
};

static int setup(void **state)
{
	struct world *w = test_calloc(1, sizeof(*w));
	struct mm2_error err = {0};

	assert_int_equal(mm2_catalog_load(&w->cat, &err), 0);
	mm2_ruleset_init(&w->rs, &w->cat);
	assert_int_equal(mm2_ruleset_load_embedded(&w->rs, &err), 0);
	mm2_ruleset_finish(&w->rs);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	mm2_ruleset_release(&w->rs);
	mm2_catalog_release(&w->cat);
	test_free(w);
	return 0;
}

static struct run *lint(struct world *w, const char *text, const char *rule, const char *version)
{
	struct run *r = test_calloc(1, sizeof(*r));
	struct mm2_lint_opts opts;

	mm2_lint_opts_init(&opts, &w->cat);
	if (version)
		opts.version = mm2_version_parse(version);
	opts.only_rule = rule;
	mm2_source_init_mem(&r->src, "t.properties", text, strlen(text));
	mm2_diags_init(&r->d, &r->arena);
	mm2_input_read(&r->in, &r->src, &w->cat, &opts, &r->arena, &w->rs, &r->d);
	mm2_lint_input(&r->in, &w->rs, &opts, &r->arena, &r->d);
	mm2_diags_sort(&r->d);
	return r;
}

static void done(struct run *r)
{
	mm2_input_release(&r->in);
	mm2_diags_release(&r->d);
	mm2_source_release(&r->src);
	mm2_arena_release(&r->arena);
	test_free(r);
}

/* How many findings of RULE TEXT gives, and whether one says NEEDLE. */
static size_t count(struct world *w, const char *text, const char *rule, const char *version,
		    const char *needle)
{
	struct run *r = lint(w, text, rule, version);
	size_t n = r->d.n, i;
	bool said = !needle;

	for (i = 0; i < r->d.n; i++)
		said = said || strstr(r->d.v[i].message, needle);
	if (!said)
		fail_msg("no %s finding says '%s'", rule, needle);
	done(r);
	return n;
}

static void test_check_topo__nearest_alias(void **state)
{
	struct run *r = lint(*state, "clusters = us-east, us-west, primary\n", NULL, NULL);
	const struct mm2_mm2 *m = &r->in.mm2;

	assert_string_equal(mm2_topo_nearest_alias(m, "us-esat", 7), "us-east");
	assert_string_equal(mm2_topo_nearest_alias(m, "Primary", 7), "primary");
	assert_null(mm2_topo_nearest_alias(m, "prod", 4));
	assert_null(mm2_topo_nearest_alias(m, "kaynak", 6));
	done(r);
}

/* Every key Kafka defines, written at top level (and with a client role in
 * front), must never be taken for a key of an unknown alias. */
static void test_check_topo__real_keys_are_not_aliases(void **state)
{
	static const char *const roles[] = {"", "producer.", "consumer.", "admin."};
	struct world *w = *state;
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	size_t s, i, k;

	mm2_strbuf_init(&sb);
	mm2_strbuf_addstr(&sb, "clusters = A, B\nA->B.enabled = true\n");
	for (s = 0; s < MM2_NSCOPES; s++)
		for (i = 0; i < w->cat.nkeys[s]; i++)
			for (k = 0; k < 4; k++)
				if (strcmp(w->cat.keys[s][i].name, "clusters") != 0)
					mm2_strbuf_addf(&sb, "%s%s = x\n", roles[k],
							w->cat.keys[s][i].name);
	assert_int_equal(count(w, sb.buf, "MM2-TOPO-002", NULL, NULL), 0);
	mm2_strbuf_release(&sb);
}

static void test_check_topo__alias_behind_a_word(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = prod, uat\n"
			       "cluster.prod.bootstrap.servers = p:9092\n"
			       "prod->uat.enabled = true\n",
			       "MM2-TOPO-002", NULL, "did you mean 'prod'?"),
			 1);
}

static void test_check_topo__identity_ring_of_three(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = A, B, C\n"
			       "A->B.enabled = true\nB->C.enabled = true\nC->A.enabled = true\n"
			       "replication.policy.class = "
			       "org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n",
			       "MM2-TOPO-005", NULL, "the cycle A->B->C->A"),
			 1);
}

static void test_check_topo__identity_needs_3_0(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = A, B\nA->B.enabled = true\nB->A.enabled = true\n"
			       "replication.policy.class = "
			       "org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n",
			       "MM2-TOPO-005", "2.8", NULL),
			 0);
}

static void test_check_topo__chain_beside_a_direct_flow(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = A, B, C\n"
			       "A->B.enabled = true\nB->C.enabled = true\nA->C.enabled = true\n"
			       "emit.heartbeats.enabled = false\n",
			       "MM2-TOPO-010", NULL, "receives these records twice"),
			 1);
}

static void test_check_topo__separators_differ_on_a_ring(void **state)
{
	static const char *const chain = "clusters = A, B, C\n"
					 "A->B.enabled = true\nB->C.enabled = true\n"
					 "B->C.replication.policy.separator = _\n";
	char ring[256];

	snprintf(ring, sizeof(ring), "%sC->A.enabled = true\n", chain);
	assert_int_equal(count(*state, chain, "MM2-TOPO-011", NULL, NULL), 0);
	/* B->C differs from A->B before it and from C->A after it */
	assert_int_equal(count(*state, ring, "MM2-TOPO-011", NULL, "A->B's '.'"), 2);
}

/* Replication policies read the separator untrimmed (originals()). */
static void test_check_topo__separator_is_read_raw(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = us_east, us-west\nus_east->us-west.enabled = true\n"
			       "replication.policy.separator = _ \n",
			       "MM2-TOPO-006", NULL, NULL),
			 0);
}

static void test_check_topo__exactly_once_needs_3_5(void **state)
{
	static const char *const text = "clusters = A, B\nA->B.enabled = true\n"
					"B.exactly.once.source.support = enabled\n";

	assert_int_equal(count(*state, text, "MM2-OFS-004", "3.4", NULL), 0);
	assert_int_equal(count(*state, text, "MM2-OFS-004", "3.5", "read_uncommitted"), 1);
}

static void test_check_topo__exactly_once_with_a_provider(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = A, B\nA->B.enabled = true\n"
			       "B.exactly.once.source.support = enabled\n"
			       "A.consumer.isolation.level = ${env:ISOLATION}\n",
			       "MM2-OFS-004", NULL, NULL),
			 0);
}

static void test_check_topo__bootstrap_by_version(void **state)
{
	static const char *const text =
		"clusters = A, B\nA.bootstrap.servers = a:9092\n"
		"A->B.enabled = true\nB->A.emit.heartbeats.enabled = false\n";

	assert_int_equal(count(*state, text, "MM2-TOPO-003", "4.1", "localhost:9092"), 1);
	assert_int_equal(count(*state, text, "MM2-TOPO-003", "4.2", "is required"), 1);
}

static void test_check_topo__one_shared_server_is_enough(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = A, B\nA.bootstrap.servers = K1:9092, a2:9092\n"
			       "B.bootstrap.servers = k1:9092\nA->B.enabled = true\n",
			       "MM2-TOPO-007", NULL, "share bootstrap servers (K1:9092)"),
			 1);
}

static void test_check_topo__heartbeat_herder_of_an_unused_cluster(void **state)
{
	assert_int_equal(count(*state,
			       "clusters = A, B, C\nA->B.enabled = true\n"
			       "B->A.emit.heartbeats.enabled = false\n",
			       "MM2-TOPO-009", NULL, "which no enabled flow uses"),
			 2); /* C->A into A, which is read from; A->C and B->C into C */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_topo__nearest_alias),
		cmocka_unit_test(test_check_topo__real_keys_are_not_aliases),
		cmocka_unit_test(test_check_topo__alias_behind_a_word),
		cmocka_unit_test(test_check_topo__identity_ring_of_three),
		cmocka_unit_test(test_check_topo__identity_needs_3_0),
		cmocka_unit_test(test_check_topo__chain_beside_a_direct_flow),
		cmocka_unit_test(test_check_topo__separators_differ_on_a_ring),
		cmocka_unit_test(test_check_topo__separator_is_read_raw),
		cmocka_unit_test(test_check_topo__exactly_once_needs_3_5),
		cmocka_unit_test(test_check_topo__exactly_once_with_a_provider),
		cmocka_unit_test(test_check_topo__bootstrap_by_version),
		cmocka_unit_test(test_check_topo__one_shared_server_is_enough),
		cmocka_unit_test(test_check_topo__heartbeat_herder_of_an_unused_cluster),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
