/*
 * Unit tests of the arithmetic and parsing under the net2 built-in checks: the
 * back-off a producer's retries add up to, bandwidth-delay products, password
 * options inside JAAS configurations, placeholders and REST listener schemes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_net2__constant_backoff),
		cmocka_unit_test(test_check_net2__exponential_backoff),
		cmocka_unit_test(test_check_net2__bandwidth_delay_product),
		cmocka_unit_test(test_check_net2__jaas_secrets),
		cmocka_unit_test(test_check_net2__placeholders),
		cmocka_unit_test(test_check_net2__listeners),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
