/*
 * Unit tests of the net2 built-in checks: the arithmetic and parsing under them
 * (retry back-off, bandwidth-delay products, JAAS password options, placeholders,
 * REST listener schemes), and the wording of their findings, which rule tests
 * and fixtures, checking lines only, cannot see.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "mm2lint/catalog.h"
#include "mm2lint/lint.h"
#include "mm2lint/rules.h"
#include "net2.h"

static void test_check_net2__constant_backoff(void **state)
{
	(void)state;
	/* before 3.7 every retry waits retry.backoff.ms */
	assert_true(net2_backoff_total(1000, 100, 0, false) == 100000.0);
	assert_true(net2_backoff_total(0, 100, 0, false) == 0.0);
	assert_true(net2_backoff_total(2147483647, 100, 0, false) > 2.1e11);
}

static void test_check_net2__exponential_backoff(void **state)
{
	(void)state;
	/* 100, 200, 400, 800, then the 1000 ms cap */
	assert_true(net2_backoff_total(3, 100, 1000, true) == 700.0);
	assert_true(net2_backoff_total(4, 100, 1000, true) == 1500.0);
	assert_true(net2_backoff_total(6, 100, 1000, true) == 3500.0);
	assert_true(net2_backoff_total(1000, 100, 1000, true) == 1500.0 + 996000.0);
	/* a back-off above the cap waits the cap every time */
	assert_true(net2_backoff_total(5, 2000, 1000, true) == 5000.0);
	/* no back-off at all never reaches the cap */
	assert_true(net2_backoff_total(5, 0, 1000, true) == 0.0);
}

static void test_check_net2__bandwidth_delay_product(void **state)
{
	(void)state;
	assert_true(net2_bdp_bytes(1000, 80) == 10000000.0);
	assert_true(net2_bdp_bytes(100, 2) == 25000.0);
}

/* The names of the literal secrets in JAAS text S, space-separated. */
static void secrets(const char *s, char *out, size_t outsz)
{
	size_t pos = 0, off, len, n = 0;

	out[0] = '\0';
	while (net2_jaas_next_secret(s, strlen(s), &pos, &off, &len) && n + len + 2 < outsz) {
		if (n)
			out[n++] = ' ';
		memcpy(out + n, s + off, len);
		n += len;
		out[n] = '\0';
	}
}

static void test_check_net2__jaas_secrets(void **state)
{
	char got[128];

	(void)state;
	secrets("org.apache.kafka.common.security.plain.PlainLoginModule required "
		"username=\"admin\" password=\"admin-secret\" user_admin=\"admin-secret\" "
		"user_alice=\"alice-secret\";",
		got, sizeof(got));
	assert_string_equal(got, "password user_admin user_alice");
	secrets("org.apache.kafka.common.security.scram.ScramLoginModule required "
		"username=mm2 password=hunter2;",
		got, sizeof(got));
	assert_string_equal(got, "password");
	/* a quoted value that looks like an option is no option */
	secrets("x required username=\"a password=b\";", got, sizeof(got));
	assert_string_equal(got, "");
	/* references, placeholders and empty values are not literal secrets */
	secrets("x required password=\"${file:/etc/kafka/s.properties:pw}\" "
		"clientSecret=\"$CLIENT_SECRET\" user_bob=\"\";",
		got, sizeof(got));
	assert_string_equal(got, "");
	secrets("com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true "
		"keyTab=\"/etc/k.keytab\" principal=\"mm2@EXAMPLE.COM\";",
		got, sizeof(got));
	assert_string_equal(got, "");
	secrets("x required clientId=\"mm2\" clientSecret=\"abc\";", got, sizeof(got));
	assert_string_equal(got, "clientSecret");
}

static void test_check_net2__placeholders(void **state)
{
	(void)state;
	assert_true(net2_placeholder("${file:/x:y}", 12));
	assert_true(net2_placeholder("pre${env:X}post", 15));
	assert_true(net2_placeholder("$KEYSTORE_PASSWORD", 18));
	assert_true(net2_placeholder("{{ .Values.pw }}", 16));
	assert_true(net2_placeholder("<password>", 10));
	assert_false(net2_placeholder("pa$$word", 8));
	assert_false(net2_placeholder("$ecret!", 7));
	assert_false(net2_placeholder("changeit", 8));
}

static void test_check_net2__listeners(void **state)
{
	(void)state;
	assert_true(net2_listener_is_http("http://:8083"));
	assert_true(net2_listener_is_http("HTTP://0.0.0.0:8080"));
	assert_false(net2_listener_is_http("https://:8443"));
	assert_false(net2_listener_is_http("localhost:8083"));
}

/* Lint TEXT (named NAME) with the embedded rules; the messages of rule ID, joined by '\n'. */
static char *lint(const char *name, const char *text, const char *id, size_t *n)
{
	struct mm2_catalog cat;
	struct mm2_ruleset rs;
	struct mm2_error err = {0};
	struct mm2_arena arena = MM2_ARENA_INIT;
	struct mm2_lint_opts opts;
	struct mm2_source src;
	struct mm2_input in;
	struct mm2_diags d;
	char *out = test_calloc(1, 8192);
	size_t i, len = 0;

	assert_int_equal(mm2_catalog_load(&cat, &err), 0);
	mm2_ruleset_init(&rs, &cat);
	assert_int_equal(mm2_ruleset_load_embedded(&rs, &err), 0);
	mm2_ruleset_finish(&rs);
	mm2_lint_opts_init(&opts, &cat);
	mm2_source_init_mem(&src, name, text, strlen(text));
	mm2_diags_init(&d, &arena);
	mm2_input_read(&in, &src, &cat, &opts, &arena, &rs, &d);
	mm2_lint_input(&in, &rs, &opts, &arena, &d);
	*n = 0;
	for (i = 0; i < d.n; i++) {
		if (strcmp(d.v[i].rule->id, id) != 0)
			continue;
		len += (size_t)snprintf(out + len, 8192 - len, "%s\n", d.v[i].message);
		(*n)++;
	}
	mm2_input_release(&in);
	mm2_diags_release(&d);
	mm2_source_release(&src);
	mm2_arena_release(&arena);
	mm2_ruleset_release(&rs);
	mm2_catalog_release(&cat);
	return out;
}

static void test_check_net2__secrets_never_shown(void **state)
{
	size_t n;
	char *m = lint("client.properties",
		       "security.protocol = SASL_SSL\n"
		       "ssl.keystore.password = Xy7-keystore-secret\n"
		       "ssl.truststore.password = $TRUSTSTORE_PASSWORD\n"
		       "ssl.key.password = pa$$word-literal\n"
		       "sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule "
		       "required username=\"u\" password=\"Jaas-secret-9\";\n"
		       "ssl.truststore.certificates = -----BEGIN CERTIFICATE-----\n",
		       "MM2-SEC-003", &n);

	(void)state;
	assert_int_equal(n, 3); /* keystore, key (a $ inside is no placeholder), JAAS */
	assert_null(strstr(m, "Xy7-keystore-secret"));
	assert_null(strstr(m, "pa$$word"));
	assert_null(strstr(m, "Jaas-secret-9"));
	assert_non_null(strstr(m, "option password= of the JAAS configuration"));
	test_free(m);
}

static void test_check_net2__merged_flows_name_no_one_target(void **state)
{
	size_t n;
	char *m = lint("mm2.properties",
		       "clusters = A, B\n"
		       "A->B.enabled = true\n"
		       "B->A.enabled = true\n"
		       "replication.factor = 1\n",
		       "MM2-DUR-001", &n);

	(void)state;
	/* one line set it for both flows: one finding, listing both, naming neither target */
	assert_int_equal(n, 1);
	assert_non_null(strstr(m, "A->B, B->A: replication.factor=1"));
	assert_null(strstr(m, "'A'"));
	assert_null(strstr(m, "'B'"));
	test_free(m);
	m = lint("mm2.properties", "clusters = A, B\nA->B.enabled = true\nB->A.enabled = true\n",
		 "MM2-SEC-001", &n);
	/* one finding per cluster, at 'clusters', naming no single client */
	assert_int_equal(n, 2);
	assert_null(strstr(m, "consumer"));
	assert_null(strstr(m, "producer"));
	test_free(m);
}

static void test_check_net2__offset_sync_retries_not_checked(void **state)
{
	size_t n;
	/* A.producer.* reaches the offset-sync producer of A->B, whose failed sends are
	 * only logged: it is not a task producer */
	char *m = lint("mm2.properties",
		       "clusters = A, B\nA->B.enabled = true\nA.producer.retries = 3\n",
		       "MM2-DUR-010", &n);

	(void)state;
	assert_int_equal(n, 0);
	test_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_net2__constant_backoff),
		cmocka_unit_test(test_check_net2__exponential_backoff),
		cmocka_unit_test(test_check_net2__bandwidth_delay_product),
		cmocka_unit_test(test_check_net2__jaas_secrets),
		cmocka_unit_test(test_check_net2__placeholders),
		cmocka_unit_test(test_check_net2__listeners),
		cmocka_unit_test(test_check_net2__secrets_never_shown),
		cmocka_unit_test(test_check_net2__merged_flows_name_no_one_target),
		cmocka_unit_test(test_check_net2__offset_sync_retries_not_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
