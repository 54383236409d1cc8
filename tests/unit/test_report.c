/*
 * Reporters (report.h): text, JSON and SARIF written from findings built in
 * memory, read back and checked. With MM2LINT_SARIF_SAMPLE_DIR set, also writes
 * sample.sarif and empty.sarif there for validate-sarif.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include "mm2lint/report.h"
#include "report_util.h"

static const char *const tags_dur[] = {"durability", "replication", NULL};

static const struct mm2_rule_info rule_dur = {
	.id = "MM2-DUR-001",
	.name = "remote-rf-not-above-target-min-isr",
	.title = "Remote topics stop accepting writes when one replica is lost",
	.rationale = "MM2 writes with acks=all, so a partition below min.insync.replicas "
		     "rejects writes.",
	.fix = "Set replication.factor to at least min.insync.replicas + 1.",
	.help_uri = "https://mm2lint.example/docs/rules/MM2-DUR-001",
	.category = "durability",
	.severity = MM2_SEV_ERROR,
	.tags = tags_dur,
};
static const struct mm2_rule_info rule_net = {
	.id = "MM2-NET-004",
	.name = "source-consumer-buffer-small-for-rtt",
	.title = "Source consumer TCP receive buffer is small for the measured link RTT",
	.rationale = "A 64 KiB window over an 80 ms round trip carries well under 1 MB/s.",
	.fix = "Set receive.buffer.bytes=-1 to let the OS autotune.",
	.help_uri = "https://mm2lint.example/docs/rules/MM2-NET-004",
	.category = "network",
	.severity = MM2_SEV_WARNING,
};
/* Only the required fields: the reporters must fill in what GitHub needs. */
static const struct mm2_rule_info rule_sec = {
	.id = "MM2-SEC-002",
	.name = "sasl-secret-without-tls",
	.title = "SASL credentials are sent without TLS",
	.category = "security",
	.severity = MM2_SEV_ERROR,
};
/* A rule the run did not list in opts->rules (a parse finding, say). */
static const struct mm2_rule_info rule_parse = {
	.id = "MM2-PARSE-001",
	.name = "bad-escape",
	.title = "Malformed \\uXXXX escape",
	.category = "parse",
	.severity = MM2_SEV_ERROR,
};
static const struct mm2_rule_info *const all_rules[] = {&rule_dur, &rule_net, &rule_sec};

static const char cfg_text[] = "clusters = A, B\n"
			       "A->B.enabled = true\n"
			       "\tA->B.replication.factor = 1\n"
			       "k=\x1b[2Jx\xff y\n";

struct fx {
	struct mm2_arena arena;
	struct mm2_source src;
	struct mm2_diags d;
	struct mm2_report_opts opts;
};

static struct mm2_loc at(const struct fx *f, unsigned line, unsigned col, unsigned end_col)
{
	struct mm2_loc loc = {&f->src, line, col, end_col ? line : 0, end_col};

	return loc;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct mm2_diag *g;

	mm2_arena_init(&f->arena);
	mm2_source_init_mem(&f->src, "cfg/mm2.properties", cfg_text, sizeof(cfg_text) - 1);
	mm2_diags_init(&f->d, &f->arena);
	mm2_diags_add(&f->d, &rule_net, MM2_SEV_WARNING, at(f, 2, 1, 0),
		      "flow 'A->B': receive.buffer.bytes=65536 is small", "flow:A->B/key:rbb");
	g = mm2_diags_add(&f->d, &rule_dur, MM2_SEV_ERROR, at(f, 3, 2, 25),
			  "flow 'A->B': replication.factor=1 is not above min.insync.replicas=2",
			  "flow:A->B/key:replication.factor");
	mm2_diag_add_related(&f->d, g, at(f, 2, 1, 5), "flow 'A->B' enabled here");
	mm2_diags_add(&f->d, &rule_sec, MM2_SEV_NOTE, at(f, 4, 7, 0),
		      "caf\xc3\xa9 \xe2\x9c\x93 \"quoted\" \\ tab\there", "cluster:A");
	f->opts.tool_version = "1.2.3";
	f->opts.rules = all_rules;
	f->opts.nrules = 3;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	mm2_diags_release(&f->d);
	mm2_source_release(&f->src);
	mm2_arena_release(&f->arena);
	free(f);
	return 0;
}

typedef int report_fn(FILE *, const struct mm2_diags *, const struct mm2_report_opts *);

static char *run(report_fn *fn, const struct mm2_diags *d, const struct mm2_report_opts *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_int_equal(fn(out, d, o), 0);
	assert_int_equal(fclose(out), 0);
	return buf;
}

static cJSON *run_json(report_fn *fn, const struct mm2_diags *d, const struct mm2_report_opts *o)
{
	char *text = run(fn, d, o);
	cJSON *root = cJSON_Parse(text);

	assert_non_null(root);
	free(text);
	return root;
}

static cJSON *get(const cJSON *obj, const char *path)
{
	char key[64];

	while (obj && *path) {
		size_t n = strcspn(path, ".");

		assert_true(n < sizeof(key));
		memcpy(key, path, n);
		key[n] = '\0';
		if (key[0] >= '0' && key[0] <= '9')
			obj = cJSON_GetArrayItem(obj, (int)strtol(key, NULL, 10));
		else
			obj = cJSON_GetObjectItemCaseSensitive(obj, key);
		path += n + (path[n] == '.');
	}
	return (cJSON *)obj;
}

static const char *get_str(const cJSON *obj, const char *path)
{
	cJSON *v = get(obj, path);

	assert_true(cJSON_IsString(v));
	return v->valuestring;
}

static int get_int(const cJSON *obj, const char *path)
{
	cJSON *v = get(obj, path);

	assert_true(cJSON_IsNumber(v));
	return v->valueint;
}

static void test_report__text_gnu_line_format(void **state)
{
	struct fx *f = *state;
	char *out = run(mm2_report_text, &f->d, &f->opts);

	assert_string_equal(
		out, "cfg/mm2.properties:2:1: warning: flow 'A->B': receive.buffer.bytes=65536 "
		     "is small [MM2-NET-004]\n"
		     "cfg/mm2.properties:3:2: error: flow 'A->B': replication.factor=1 is "
		     "not above min.insync.replicas=2 [MM2-DUR-001]\n"
		     "  cfg/mm2.properties:2:1: note: flow 'A->B' enabled here\n"
		     "cfg/mm2.properties:4:7: note: caf\xc3\xa9 \xe2\x9c\x93 \"quoted\" \\ "
		     "tab\there [MM2-SEC-002]\n");
	free(out);
}

static void test_report__text_caret_keeps_tab_alignment(void **state)
{
	struct fx *f = *state;
	char *out;

	f->opts.show_source = true;
	out = run(mm2_report_text, &f->d, &f->opts);
	assert_non_null(strstr(out, "[MM2-DUR-001]\n"
				    "    3 | \tA->B.replication.factor = 1\n"
				    "      | \t^~~~~~~~~~~~~~~~~~~~~~~\n"
				    "  cfg/mm2.properties:2:1: note: flow 'A->B' enabled here\n"
				    "    2 | A->B.enabled = true\n"
				    "      | ^~~~\n"));
	free(out);
}

static void test_report__text_shows_control_bytes_safely(void **state)
{
	struct fx *f = *state;
	char *out;

	f->opts.show_source = true;
	out = run(mm2_report_text, &f->d, &f->opts);
	/* ESC is two columns (^[), so the caret under 'x' (column 7) is 7 spaces in. */
	assert_non_null(strstr(out, "    4 | k=^[[2Jx<FF> y\n"
				    "      |        ^\n"));
	assert_null(strchr(out, '\033'));
	assert_null(strchr(out, '\xff'));
	free(out);
}

static void test_report__text_no_ansi_without_color(void **state)
{
	struct fx *f = *state;
	char *out;

	f->opts.show_source = true;
	out = run(mm2_report_text, &f->d, &f->opts);
	assert_null(strchr(out, '\033'));
	free(out);
	f->opts.color = true;
	out = run(mm2_report_text, &f->d, &f->opts);
	assert_non_null(strstr(out, "\033[1;31merror:\033[0m"));
	assert_non_null(strstr(out, "\033[2m[MM2-DUR-001]\033[0m"));
	assert_non_null(strstr(out, "\033[1;32m^~~~"));
	free(out);
}

static void test_report__text_caret_past_end_of_line(void **state)
{
	struct fx *f = *state;
	struct mm2_diags d;
	char *out;

	mm2_diags_init(&d, &f->arena);
	mm2_diags_add(&d, &rule_dur, MM2_SEV_ERROR, at(f, 1, 16, 0), "value missing", "x");
	f->opts.show_source = true;
	out = run(mm2_report_text, &d, &f->opts);
	assert_non_null(strstr(out, "    1 | clusters = A, B\n"
				    "      |                ^\n"));
	free(out);
	mm2_diags_release(&d);
}

static void test_report__text_cuts_long_lines_around_caret(void **state)
{
	struct fx *f = *state;
	struct mm2_source s;
	struct mm2_diags d;
	struct mm2_loc loc = {&s, 1, 250, 0, 0};
	char line[501], want[1024], *out;
	int n;

	memset(line, 'a', 500);
	line[500] = '\0';
	mm2_source_init_mem(&s, "long.properties", line, 500);
	mm2_diags_init(&d, &f->arena);
	mm2_diags_add(&d, &rule_dur, MM2_SEV_ERROR, loc, "far right", "x");
	f->opts.show_source = true;
	out = run(mm2_report_text, &d, &f->opts);
	/* columns 190 to 349 of 500, the caret 60 in */
	n = snprintf(want, sizeof(want), "    1 | ...%.160s...\n      |    %60s^\n", line, "");
	assert_true(n > 0 && (size_t)n < sizeof(want));
	assert_non_null(strstr(out, want));
	free(out);
	mm2_diags_release(&d);
	mm2_source_release(&s);
}

static void test_report__json_end_only_when_consistent(void **state)
{
	struct fx *f = *state;
	struct mm2_loc same_line = {&f->src, 1, 3, 0, 8}, backwards = {&f->src, 2, 5, 1, 0};
	struct mm2_diags d;
	cJSON *root;

	mm2_diags_init(&d, &f->arena);
	mm2_diags_add(&d, &rule_dur, MM2_SEV_ERROR, same_line, "a", "a");
	mm2_diags_add(&d, &rule_dur, MM2_SEV_ERROR, backwards, "b", "b");
	root = run_json(mm2_report_json, &d, &f->opts);
	assert_int_equal(get_int(root, "findings.0.endLine"), 1);
	assert_int_equal(get_int(root, "findings.0.endColumn"), 8);
	assert_null(get(root, "findings.1.endLine"));
	assert_null(get(root, "findings.1.endColumn"));
	cJSON_Delete(root);
	mm2_diags_release(&d);
}

static void test_report__json_parses_back_with_fields_and_counts(void **state)
{
	struct fx *f = *state;
	cJSON *root = run_json(mm2_report_json, &f->d, &f->opts);
	cJSON *dur = get(root, "findings.1");

	assert_string_equal(get_str(root, "schema"), "mm2lint-report");
	assert_int_equal(get_int(root, "version"), 1);
	assert_string_equal(get_str(root, "tool.name"), "mm2lint");
	assert_string_equal(get_str(root, "tool.version"), "1.2.3");
	assert_int_equal(cJSON_GetArraySize(get(root, "findings")), 3);
	assert_string_equal(get_str(dur, "ruleId"), "MM2-DUR-001");
	assert_string_equal(get_str(dur, "ruleName"), "remote-rf-not-above-target-min-isr");
	assert_string_equal(get_str(dur, "severity"), "error");
	assert_string_equal(get_str(dur, "file"), "cfg/mm2.properties");
	assert_int_equal(get_int(dur, "line"), 3);
	assert_int_equal(get_int(dur, "column"), 2);
	assert_int_equal(get_int(dur, "endLine"), 3);
	assert_int_equal(get_int(dur, "endColumn"), 25);
	assert_string_equal(get_str(dur, "anchor"), "flow:A->B/key:replication.factor");
	assert_string_equal(get_str(dur, "related.0.message"), "flow 'A->B' enabled here");
	assert_int_equal(get_int(dur, "related.0.line"), 2);
	assert_null(get(root, "findings.0.endLine"));
	assert_int_equal(cJSON_GetArraySize(get(root, "findings.0.related")), 0);
	assert_int_equal(get_int(root, "summary.error"), 1);
	assert_int_equal(get_int(root, "summary.warning"), 1);
	assert_int_equal(get_int(root, "summary.note"), 1);
	cJSON_Delete(root);
}

static void test_report__json_escapes_and_repairs_utf8(void **state)
{
	struct fx *f = *state;
	cJSON *root;

	mm2_diags_add(&f->d, &rule_dur, MM2_SEV_ERROR, at(f, 1, 1, 0), "bad \xff byte\x01", "z");
	root = run_json(mm2_report_json, &f->d, &f->opts);
	assert_string_equal(get_str(root, "findings.2.message"),
			    "caf\xc3\xa9 \xe2\x9c\x93 \"quoted\" \\ tab\there");
	assert_string_equal(get_str(root, "findings.3.message"), "bad \xef\xbf\xbd byte\x01");
	assert_int_equal(get_int(root, "summary.error"), 2);
	cJSON_Delete(root);
}

static void test_report__sarif_rule_index_points_at_rule(void **state)
{
	struct fx *f = *state;
	cJSON *root, *rules, *results, *r;

	mm2_diags_add(&f->d, &rule_parse, MM2_SEV_ERROR, at(f, 1, 1, 0), "bad escape", "e");
	root = run_json(mm2_report_sarif, &f->d, &f->opts);
	rules = get(root, "runs.0.tool.driver.rules");
	results = get(root, "runs.0.results");
	assert_int_equal(cJSON_GetArraySize(rules), 4);
	assert_int_equal(cJSON_GetArraySize(results), 4);
	cJSON_ArrayForEach(r, results)
	{
		int idx = get_int(r, "ruleIndex");

		assert_string_equal(get_str(cJSON_GetArrayItem(rules, idx), "id"),
				    get_str(r, "ruleId"));
	}
	assert_int_equal(get_int(results, "0.ruleIndex"), 1);
	assert_int_equal(get_int(results, "3.ruleIndex"), 3);
	assert_string_equal(get_str(results, "0.level"), "warning");
	assert_string_equal(get_str(rules, "0.shortDescription.text"), rule_dur.title);
	assert_string_equal(get_str(rules, "0.fullDescription.text"), rule_dur.rationale);
	assert_string_equal(get_str(rules, "0.help.text"), rule_dur.fix);
	assert_string_equal(get_str(rules, "0.defaultConfiguration.level"), "error");
	assert_string_equal(get_str(rules, "0.properties.tags.0"), "durability");
	assert_string_equal(get_str(rules, "0.properties.tags.1"), "replication");
	assert_null(get(rules, "0.properties.tags.2"));
	/* GitHub requires both: a rule without rationale or fix falls back to its title */
	assert_string_equal(get_str(rules, "2.fullDescription.text"), rule_sec.title);
	assert_string_equal(get_str(rules, "2.help.text"), rule_sec.title);
	assert_null(get(rules, "2.helpUri")); /* no empty strings or objects */
	cJSON_Delete(root);
}

static void test_report__sarif_location_is_relative_with_region(void **state)
{
	struct fx *f = *state;
	cJSON *root = run_json(mm2_report_sarif, &f->d, &f->opts);
	cJSON *res = get(root, "runs.0.results.1");
	cJSON *pl = get(res, "locations.0.physicalLocation");

	assert_string_equal(get_str(root, "version"), "2.1.0");
	assert_string_equal(get_str(root, "runs.0.columnKind"), "utf16CodeUnits");
	assert_string_equal(get_str(pl, "artifactLocation.uri"), "cfg/mm2.properties");
	assert_string_equal(get_str(pl, "artifactLocation.uriBaseId"), "%SRCROOT%");
	assert_int_equal(get_int(pl, "region.startLine"), 3);
	assert_int_equal(get_int(pl, "region.startColumn"), 2);
	assert_int_equal(get_int(pl, "region.endLine"), 3);
	assert_int_equal(get_int(pl, "region.endColumn"), 25);
	assert_int_equal(get_int(res, "relatedLocations.0.id"), 1);
	assert_string_equal(get_str(res, "relatedLocations.0.message.text"),
			    "flow 'A->B' enabled here");
	assert_int_equal(get_int(res, "relatedLocations.0.physicalLocation.region.startLine"), 2);
	assert_null(get(root, "runs.0.results.0.relatedLocations"));
	assert_null(get(root, "runs.0.results.0.locations.0.physicalLocation.region.endLine"));
	assert_true(get_int(root, "runs.0.results.0.locations.0.physicalLocation.region."
				  "startColumn") >= 1);
	cJSON_Delete(root);
}

static void test_report__sarif_outside_cwd_is_file_uri(void **state)
{
	struct fx *f = *state;
	struct mm2_source abs;
	struct mm2_diags d;
	struct mm2_loc loc = {&abs, 1, 1, 0, 0};
	cJSON *root, *art;

	mm2_source_init_mem(&abs, "/nonexistent-mm2lint/a b/../x y.properties", "a=1\n", 4);
	mm2_diags_init(&d, &f->arena);
	mm2_diags_add(&d, &rule_dur, MM2_SEV_ERROR, loc, "m", "a");
	root = run_json(mm2_report_sarif, &d, &f->opts);
	art = get(root, "runs.0.results.0.locations.0.physicalLocation.artifactLocation");
	assert_string_equal(get_str(art, "uri"), "file:///nonexistent-mm2lint/x%20y.properties");
	assert_null(get(art, "uriBaseId"));
	cJSON_Delete(root);
	mm2_diags_release(&d);
	mm2_source_release(&abs);
}

static void test_report__uri_normalises_paths(void **state)
{
	static const char *const cases[][3] = {
		{"cfg/mm2.properties", "/w/repo", "cfg/mm2.properties"},
		{"./cfg//./x.properties", "/w/repo", "cfg/x.properties"},
		{"/w/repo/a/../b.yaml", "/w/repo", "b.yaml"},
		{"../other/c.yaml", "/w/repo", "file:///w/other/c.yaml"},
		{"/w/repository/c.yaml", "/w/repo", "file:///w/repository/c.yaml"},
		{"a:b#c?d%e\xc3\xa9.yaml", "/w/repo", "a%3Ab%23c%3Fd%25e%C3%A9.yaml"},
		{"/etc/x.yaml", "/", "etc/x.yaml"},
		{"../x.yaml", NULL, "../x.yaml"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool rel;
		char *uri = mm2_report_uri(cases[i][0], cases[i][1], &rel);

		assert_string_equal(uri, cases[i][2]);
		assert_true(rel == (strncmp(cases[i][2], "file:", 5) != 0));
		free(uri);
	}
}

static void test_report__sarif_columns_are_utf16(void **state)
{
	struct mm2_source s;

	(void)state;
	/* U+1F600 is one column to source.c and two UTF-16 code units. */
	mm2_source_init_mem(&s, "x.yaml", "\xf0\x9f\x98\x80x: y\n", 8);
	assert_int_equal(mm2_report_utf16_col(&s, 1, 1), 1);
	assert_int_equal(mm2_report_utf16_col(&s, 1, 3), 4);
	assert_int_equal(mm2_report_utf16_col(&s, 1, 20), 21);
	/* A Latin-1 source counts bytes: "é" in UTF-8 is two columns there, one here. */
	s.latin1 = true;
	mm2_source_release(&s);
	mm2_source_init_mem(&s, "x.properties", "\xc3\xa9=1\n", 5);
	s.latin1 = true;
	assert_int_equal(mm2_report_utf16_col(&s, 1, 3), 2);
	mm2_source_release(&s);
}

static const char *fingerprint(const cJSON *root, int i)
{
	char path[64];

	snprintf(path, sizeof(path), "runs.0.results.%d.partialFingerprints.mm2lint/v1", i);
	return get_str(root, path);
}

static void test_report__sarif_fingerprints_stable_and_distinct(void **state)
{
	struct fx *f = *state;
	struct mm2_diags moved;
	cJSON *a, *b, *c;

	mm2_diags_add(&f->d, &rule_dur, MM2_SEV_ERROR, at(f, 4, 1, 0), "same anchor again",
		      "flow:A->B/key:replication.factor");
	a = run_json(mm2_report_sarif, &f->d, &f->opts);
	b = run_json(mm2_report_sarif, &f->d, &f->opts);
	assert_string_equal(fingerprint(a, 1), fingerprint(b, 1));
	assert_string_not_equal(fingerprint(a, 0), fingerprint(a, 1));
	assert_string_not_equal(fingerprint(a, 1), fingerprint(a, 3));
	assert_int_equal(strncmp(fingerprint(a, 1), fingerprint(a, 3), 17), 0);
	assert_string_equal(strchr(fingerprint(a, 1), ':'), ":1");
	assert_string_equal(strchr(fingerprint(a, 3), ':'), ":2");
	/* The line is not part of it: the same finding two lines down keeps it. */
	mm2_diags_init(&moved, &f->arena);
	mm2_diags_add(&moved, &rule_dur, MM2_SEV_ERROR, at(f, 1, 4, 0), "other words",
		      "flow:A->B/key:replication.factor");
	c = run_json(mm2_report_sarif, &moved, &f->opts);
	assert_string_equal(fingerprint(a, 1), fingerprint(c, 0));
	cJSON_Delete(a);
	cJSON_Delete(b);
	cJSON_Delete(c);
	mm2_diags_release(&moved);
}

static void test_report__zero_findings(void **state)
{
	struct fx *f = *state;
	struct mm2_diags none;
	cJSON *root;
	char *text;

	mm2_diags_init(&none, &f->arena);
	text = run(mm2_report_text, &none, &f->opts);
	assert_string_equal(text, "");
	free(text);
	root = run_json(mm2_report_sarif, &none, &f->opts);
	assert_true(cJSON_IsArray(get(root, "runs.0.results")));
	assert_int_equal(cJSON_GetArraySize(get(root, "runs.0.results")), 0);
	assert_int_equal(cJSON_GetArraySize(get(root, "runs.0.tool.driver.rules")), 3);
	cJSON_Delete(root);
	root = run_json(mm2_report_json, &none, &f->opts);
	assert_int_equal(cJSON_GetArraySize(get(root, "findings")), 0);
	assert_int_equal(get_int(root, "summary.error"), 0);
	cJSON_Delete(root);
	mm2_diags_release(&none);
}

static void test_report__severity_off_is_not_reported(void **state)
{
	struct fx *f = *state;
	cJSON *root;
	char *text;

	f->d.v[0].severity = MM2_SEV_OFF;
	text = run(mm2_report_text, &f->d, &f->opts);
	assert_null(strstr(text, "MM2-NET-004"));
	free(text);
	root = run_json(mm2_report_json, &f->d, &f->opts);
	assert_int_equal(cJSON_GetArraySize(get(root, "findings")), 2);
	assert_int_equal(get_int(root, "summary.warning"), 0);
	cJSON_Delete(root);
}

static void test_report__write_error_is_negative(void **state)
{
	struct fx *f = *state;
	FILE *full = fopen("/dev/full", "w");

	if (!full)
		skip();
	assert_true(mm2_report_text(full, &f->d, &f->opts) < 0);
	clearerr(full);
	assert_true(mm2_report_json(full, &f->d, &f->opts) < 0);
	clearerr(full);
	assert_true(mm2_report_sarif(full, &f->d, &f->opts) < 0);
	fclose(full);
}

/* The files docs/sarif.md validates: a bit of everything, and no findings at all. */
static void test_report__sarif_samples(void **state)
{
	struct fx *f = *state;
	const char *dir = getenv("MM2LINT_SARIF_SAMPLE_DIR");
	struct mm2_diags none;
	char path[4096];
	FILE *out;

	if (!dir)
		skip();
	mm2_diags_add(&f->d, &rule_parse, MM2_SEV_ERROR, at(f, 1, 1, 0), "bad escape", "e");
	snprintf(path, sizeof(path), "%s/sample.sarif", dir);
	assert_non_null(out = fopen(path, "w"));
	assert_int_equal(mm2_report_sarif(out, &f->d, &f->opts), 0);
	assert_int_equal(fclose(out), 0);
	mm2_diags_init(&none, &f->arena);
	snprintf(path, sizeof(path), "%s/empty.sarif", dir);
	assert_non_null(out = fopen(path, "w"));
	assert_int_equal(mm2_report_sarif(out, &none, &f->opts), 0);
	assert_int_equal(fclose(out), 0);
	mm2_diags_release(&none);
}

/* A secret marked in the source never shows in the source line under a finding. */
static void test_report__text_masks_secrets(void **state)
{
	struct fx *f = *state;
	char *out;

	f->opts.show_source = true;
	/* "A->B.replication.factor = 1" on line 3: mask "replication" */
	mm2_source_mark_secret(&f->src, mm2_source_line_offset(&f->src, 3) + 6, 11);
	out = run(mm2_report_text, &f->d, &f->opts);
	assert_null(strstr(out, "| \tA->B.replication"));
	assert_non_null(strstr(out, "A->B.***********.factor = 1"));
	free(out);
}

#define T(name) cmocka_unit_test_setup_teardown(test_report__##name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(text_gnu_line_format),
		T(text_caret_keeps_tab_alignment),
		T(text_shows_control_bytes_safely),
		T(text_no_ansi_without_color),
		T(text_caret_past_end_of_line),
		T(text_cuts_long_lines_around_caret),
		T(json_end_only_when_consistent),
		T(json_parses_back_with_fields_and_counts),
		T(json_escapes_and_repairs_utf8),
		T(sarif_rule_index_points_at_rule),
		T(sarif_location_is_relative_with_region),
		T(sarif_outside_cwd_is_file_uri),
		T(uri_normalises_paths),
		T(sarif_columns_are_utf16),
		T(sarif_fingerprints_stable_and_distinct),
		T(zero_findings),
		T(severity_off_is_not_reported),
		T(write_error_is_negative),
		T(sarif_samples),
		T(text_masks_secrets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
