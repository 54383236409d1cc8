/*
 * Command-line parsing, and the commands that are not a plain lint: the rule
 * files' own tests and the effective-settings view.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/report.h"
#include "mm2lint/util.h"
#include "cli.h"

#include "mm2lint/effective.h"
#include "banned.h"

__attribute__((format(printf, 1, 2))) static int err_arg(const char *fmt, ...)
{
	va_list ap;

	fputs("mm2lint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see mm2lint --help)\n", stderr);
	return -1;
}

static void push(const char ***v, size_t *n, size_t *alloc, const char *s)
{
	mm2_grow((void **)v, alloc, *n + 1, sizeof(**v));
	(*v)[(*n)++] = s;
}

static void add_severity(struct cli *c, const char *id, int sev)
{
	MM2_GROW(c->severity, c->severity_alloc, c->nseverity + 1);
	c->severity[c->nseverity].id = id;
	c->severity[c->nseverity].severity = sev;
	c->nseverity++;
}

static int set_mode(struct cli *c, enum cli_mode m, const char *arg)
{
	if (c->mode != CLI_LINT)
		return err_arg("%s", "only one of --print-entries, --effective, --list-rules, "
				     "--explain and --test-rules at a time");
	c->mode = m;
	c->mode_arg = arg;
	return 0;
}

/* Options that take a value. Returns 1 if ARG was one, 0 if not, -1 on error. */
static int value_option(struct cli *c, const char *opt, const char *val)
{
	int sev;

	if (!strcmp(opt, "-f") || !strcmp(opt, "--format")) {
		if (strcmp(val, "text") && strcmp(val, "json") && strcmp(val, "sarif"))
			return err_arg("--format takes text, json or sarif, not '%s'", val);
		c->format = val;
	} else if (!strcmp(opt, "-o") || !strcmp(opt, "--output")) {
		c->output = val;
	} else if (!strcmp(opt, "--color")) {
		if (!strcmp(val, "auto"))
			c->color = -1;
		else if (!strcmp(val, "always"))
			c->color = 1;
		else if (!strcmp(val, "never"))
			c->color = 0;
		else
			return err_arg("--color takes auto, always or never, not '%s'", val);
	} else if (!strcmp(opt, "--fail-on")) {
		if ((sev = mm2_severity_parse(val)) <= 0)
			return err_arg("--fail-on takes error, warning or note, not '%s'", val);
		c->fail_on = (enum mm2_severity)sev;
	} else if (!strcmp(opt, "--rules")) {
		push(&c->rule_paths, &c->nrule_paths, &c->rule_paths_alloc, val);
	} else if (!strcmp(opt, "--config")) {
		/* read before the other options, in apply_settings */
	} else if (!strcmp(opt, "--severity")) {
		const char *eq = strchr(val, '=');

		if (!eq || eq == val || (sev = mm2_severity_parse(eq + 1)) < 0)
			return err_arg("--severity takes RULE-ID=off|note|warning|error, not '%s'",
				       val);
		add_severity(c, mm2_arena_strndup(&c->arena, val, (size_t)(eq - val)), sev);
	} else if (!strcmp(opt, "--print-entries")) {
		return set_mode(c, CLI_PRINT_ENTRIES, val) < 0 ? -1 : 1;
	} else if (!strcmp(opt, "--effective")) {
		return set_mode(c, CLI_EFFECTIVE, val) < 0 ? -1 : 1;
	} else if (!strcmp(opt, "--explain")) {
		return set_mode(c, CLI_EXPLAIN, val) < 0 ? -1 : 1;
	} else {
		return 0;
	}
	return 1;
}

static bool takes_value(const char *opt)
{
	static const char *const with_value[] = {
		"-f",	       "--format",  "-o",	"--output",   "--color",
		"--fail-on",   "--rules",   "--config", "--severity", "--print-entries",
		"--effective", "--explain", NULL,
	};
	size_t i;

	for (i = 0; with_value[i]; i++)
		if (strcmp(opt, with_value[i]) == 0)
			return true;
	return false;
}

static int flag_option(struct cli *c, const char *opt)
{
	if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
		fputs(mm2_cli_usage(), stdout);
		return 0;
	}
	if (!strcmp(opt, "-V") || !strcmp(opt, "--version")) {
		printf("mm2lint %s\n", MM2LINT_VERSION);
		return 0;
	}
	if (!strcmp(opt, "-q") || !strcmp(opt, "--quiet"))
		c->quiet = true;
	else if (!strcmp(opt, "-v") || !strcmp(opt, "--verbose"))
		c->opts.verbose = stderr;
	else if (!strcmp(opt, "--no-source"))
		c->show_source = false;
	else if (!strcmp(opt, "--list-rules"))
		return set_mode(c, CLI_LIST_RULES, NULL) < 0 ? 2 : -1;
	else if (!strcmp(opt, "--test-rules"))
		return set_mode(c, CLI_TEST_RULES, NULL) < 0 ? 2 : -1;
	else
		return err_arg("unknown option '%s'", opt) < 0 ? 2 : 2;
	return -1;
}

/* .mm2lint.ini (or --config FILE) gives the defaults that options then override. */
static int apply_settings(struct cli *c, const struct mm2_catalog *cat, int argc, char **argv)
{
	const char *explicit_path = NULL, *path;
	struct mm2_error err = {0};
	struct mm2_settings *s = &c->settings;
	const char *args[2];
	size_t i;
	int k;

	for (k = 1; k + 1 < argc; k++)
		if (strcmp(argv[k], "--config") == 0)
			explicit_path = argv[k + 1];
	if (!(path = mm2_settings_find(explicit_path, &c->arena)))
		return 0;
	if (mm2_settings_load(s, path, &c->arena, &err) < 0) {
		fprintf(stderr, "mm2lint: %s\n", err.msg);
		return -1;
	}
	c->opts.facts = s->facts;
	if (s->latency_multiplier > 0)
		c->opts.latency_multiplier = s->latency_multiplier;
	if (s->kafka_version) {
		args[0] = "--kafka-version";
		args[1] = s->kafka_version;
		if (mm2_lint_option(&c->opts, cat, &c->arena, 2, args, 0) < 0)
			return -1;
	}
	if (s->fail_on && value_option(c, "--fail-on", s->fail_on) < 0)
		return -1;
	for (i = 0; i < s->nseverity; i++)
		add_severity(c, s->severity[i].id, s->severity[i].severity);
	return 0;
}

int mm2_cli_parse(struct cli *c, const struct mm2_catalog *cat, int argc, char **argv)
{
	const char *const *av = (const char *const *)argv;
	bool operands_only = false;
	int i, n;

	memset(c, 0, sizeof(*c));
	c->format = "text";
	c->color = -1;
	c->show_source = true;
	c->fail_on = MM2_SEV_WARNING;
	mm2_lint_opts_init(&c->opts, cat);
	if (apply_settings(c, cat, argc, argv) < 0)
		return 2;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (operands_only || a[0] != '-' || !strcmp(a, "-")) {
			push(&c->paths, &c->npaths, &c->paths_alloc, a);
			continue;
		}
		if (!strcmp(a, "--")) {
			operands_only = true;
			continue;
		}
		if ((n = mm2_lint_option(&c->opts, cat, &c->arena, argc, av, i)) < 0)
			return 2;
		if (n) {
			i += n - 1;
			continue;
		}
		if (takes_value(a)) {
			if (i + 1 >= argc)
				return err_arg("option '%s' needs a value", a) < 0 ? 2 : 2;
			if (value_option(c, a, argv[i + 1]) < 0)
				return 2;
			i++;
			continue;
		}
		if ((n = flag_option(c, a)) >= 0)
			return n;
	}
	if (c->mode == CLI_LINT && !c->npaths)
		return err_arg("%s", "no file to lint") < 0 ? 2 : 2;
	if (c->mode != CLI_LINT && c->mode != CLI_TEST_RULES && c->npaths)
		return err_arg("unexpected operand '%s'", c->paths[0]) < 0 ? 2 : 2;
	return -1;
}

int mm2_cli_apply_severity(struct cli *c, struct mm2_ruleset *rs, struct mm2_error *err)
{
	size_t i;

	for (i = 0; i < c->nseverity; i++) {
		struct mm2_rule *r = (struct mm2_rule *)mm2_ruleset_find(rs, c->severity[i].id);

		if (!r)
			return mm2_error_set(err, MM2_EUSAGE,
					     "no rule '%s' to set the severity of (%s)",
					     c->severity[i].id,
					     c->settings.path ? c->settings.path : "--severity");
		if (strcmp(r->info.id, "MM2-PARSE-001") == 0 && c->severity[i].severity == 0)
			return mm2_error_set(err, MM2_EUSAGE,
					     "MM2-PARSE-001 cannot be turned off: Kafka reads "
					     "nothing from such a file");
		r->info.severity = (enum mm2_severity)c->severity[i].severity;
	}
	return 0;
}

void mm2_cli_release(struct cli *c)
{
	size_t i;

	free(c->severity);
	for (i = 0; i < c->ninputs; i++)
		free(c->inputs[i]);
	free(c->inputs);
	free(c->paths);
	free(c->rule_paths);
	mm2_arena_release(&c->arena);
}

int mm2_cli_load_rules(struct cli *c, struct mm2_ruleset *rs, struct mm2_error *err)
{
	size_t i;
	int ret;

	for (i = 0; i < c->nrule_paths; i++)
		if ((ret = mm2_ruleset_load_path(rs, c->rule_paths[i], err)) < 0)
			return ret;
	for (i = 0; c->mode == CLI_TEST_RULES && i < c->npaths; i++)
		if ((ret = mm2_ruleset_load_path(rs, c->paths[i], err)) < 0)
			return ret;
	return 0;
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

/* Run one test case of RULE; true if it found exactly the expected lines. */
static bool run_case(const struct mm2_catalog *cat, const struct mm2_ruleset *rs,
		     const struct mm2_rule *rule, const struct mm2_rule_test *t, FILE *log)
{
	struct mm2_arena arena = MM2_ARENA_INIT;
	struct mm2_lint_opts o;
	struct mm2_source src;
	struct mm2_input in;
	struct mm2_diags d;
	unsigned got[256], want[256];
	size_t ngot = 0, nwant = t->nlines < 256 ? t->nlines : 256, i;
	bool pass;
	int j, n;

	/* Every rule runs, as in a real lint (suppressions need all of them); only
	 * this rule's findings are compared. */
	mm2_lint_opts_init(&o, cat);
	if (t->settings) {
		struct mm2_settings st;
		struct mm2_error err = {0};

		if (mm2_settings_load_string(&st, t->name, t->settings, &arena, &err) < 0) {
			fprintf(log, "FAIL %s %s: %s\n", rule->info.id, t->name, err.msg);
			mm2_arena_release(&arena);
			return false;
		}
		o.facts = st.facts;
	}
	for (j = 0; j<(int)t->nargs; j += n> 0 ? n : 1)
		if ((n = mm2_lint_option(&o, cat, &arena, (int)t->nargs, t->args, j)) <= 0) {
			fprintf(log, "FAIL %s %s: bad args in the test\n", rule->info.id, t->name);
			mm2_arena_release(&arena);
			return false;
		}
	mm2_source_init_mem(&src, t->file_name, t->input, strlen(t->input));
	mm2_diags_init(&d, &arena);
	mm2_input_read(&in, &src, cat, &o, &arena, rs, &d);
	mm2_lint_input(&in, rs, &o, &arena, &d);
	for (i = 0; i < d.n && ngot < 256; i++)
		if (d.v[i].rule == &rule->info)
			got[ngot++] = d.v[i].loc.line;
	memcpy(want, t->lines, nwant * sizeof(*want));
	qsort(got, ngot, sizeof(*got), cmp_uint);
	qsort(want, nwant, sizeof(*want), cmp_uint);
	pass = ngot == nwant && memcmp(got, want, ngot * sizeof(*got)) == 0;
	fprintf(log, "%s %s: %s", pass ? "ok  " : "FAIL", rule->info.id, t->name);
	if (!pass) {
		fprintf(log, " (%s:%u): expected lines [", rule->path, t->line);
		for (i = 0; i < nwant; i++)
			fprintf(log, "%s%u", i ? ", " : "", want[i]);
		fprintf(log, "], got [");
		for (i = 0; i < ngot; i++)
			fprintf(log, "%s%u", i ? ", " : "", got[i]);
		fprintf(log, "]");
		for (i = 0; i < d.n; i++)
			if (d.v[i].rule == &rule->info)
				fprintf(log, "\n     %u: %s", d.v[i].loc.line, d.v[i].message);
	}
	fputc('\n', log);
	mm2_input_release(&in);
	mm2_diags_release(&d);
	mm2_source_release(&src);
	mm2_arena_release(&arena);
	return pass;
}

static bool selected(const struct cli *c, const struct mm2_rule *r)
{
	size_t i;

	if (!c->npaths)
		return true;
	for (i = 0; i < c->npaths; i++)
		if (strcmp(c->paths[i], r->path) == 0 || strstr(r->path, c->paths[i]))
			return true;
	return false;
}

int mm2_cli_test_rules(struct cli *c, const struct mm2_catalog *cat, const struct mm2_ruleset *rs)
{
	size_t i, k, passed = 0, failed = 0;

	for (i = 0; i < rs->n; i++) {
		const struct mm2_rule *r = rs->v[i];

		if (!selected(c, r))
			continue;
		for (k = 0; k < r->ntests; k++) {
			if (run_case(cat, rs, r, &r->tests[k], stdout))
				passed++;
			else
				failed++;
		}
	}
	printf("%zu passed, %zu failed\n", passed, failed);
	return failed || !passed ? 1 : 0;
}

int mm2_cli_effective(struct cli *c, const struct mm2_catalog *cat, const struct mm2_ruleset *rs)
{
	struct mm2_arena arena = MM2_ARENA_INIT;
	struct mm2_source src;
	struct mm2_error err = {0};
	struct mm2_input in;
	struct mm2_diags d;
	struct mm2_report_opts ro = {0};

	if (mm2_source_load(&src, c->mode_arg, MM2_SOURCE_MAX_LEN, &err) < 0) {
		fprintf(stderr, "mm2lint: %s\n", err.msg);
		return 2;
	}
	if (mm2_source_is_binary(&src)) {
		fprintf(stderr, "mm2lint: '%s' is a binary file, not a configuration\n", src.path);
		mm2_source_release(&src);
		return 2;
	}
	mm2_diags_init(&d, &arena);
	mm2_input_read(&in, &src, cat, &c->opts, &arena, rs, &d);
	ro.show_source = true;
	if (d.n)
		mm2_report_text(stderr, &d, &ro);
	mm2_report_effective(stdout, &in, cat, c->opts.version, &arena);
	mm2_input_release(&in);
	mm2_diags_release(&d);
	mm2_source_release(&src);
	mm2_arena_release(&arena);
	return d.n ? 1 : 0;
}
