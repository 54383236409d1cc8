/*
 * mm2lint's command line: options, inputs, exit status. Everything else lives in
 * the core library; this file only wires it together.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mm2lint/arena.h"
#include "mm2lint/catalog.h"
#include "mm2lint/embedded.h"
#include "mm2lint/lint.h"
#include "mm2lint/report.h"
#include "mm2lint/util.h"
#include "cli.h"
#include "banned.h"

static const char usage_text[] =
	"usage: mm2lint [options] FILE|DIR...\n"
	"       mm2lint --effective FILE | --print-entries FILE\n"
	"       mm2lint --list-rules | --explain ID | --test-rules [RULE.yaml...]\n"
	"\n"
	"Lints Kafka MirrorMaker 2 and Kafka .properties files for settings that lose data\n"
	"or stall replication. A directory is searched for *.properties files.\n"
	"\n"
	"Output:\n"
	"  -f, --format FMT        text (default), json or sarif\n"
	"  -o, --output FILE       write the report to FILE instead of standard output\n"
	"      --color WHEN        auto (default: on a terminal, unless NO_COLOR is set), always, "
	"never\n"
	"      --no-source         text: do not show the source line and caret\n"
	"  -q, --quiet             no summary line on standard error\n"
	"  -v, --verbose           say which rules did not apply, and why\n"
	"Checks:\n"
	"      --fail-on LEVEL     exit 1 on findings at or above LEVEL: error, warning (default), "
	"note\n"
	"      --kafka-version X.Y the Kafka version whose keys and defaults apply (default: "
	"newest known)\n"
	"      --latency S->T=MS   measured round trip of flow S->T in milliseconds (repeatable)\n"
	"      --latency-multiplier N  timeouts must be at least N x the round trip (default 10)\n"
	"      --rules PATH        load more rule files (a .yaml file or a folder of them)\n"
	"      --severity ID=LEVEL set a rule's level: off, note, warning, error (repeatable)\n"
	"      --config FILE       settings file (default: .mm2lint.ini here or in a parent)\n"
	"Information:\n"
	"      --effective FILE    print each flow's effective settings and where they come from\n"
	"      --print-entries FILE  print the key/value pairs Kafka reads from a .properties "
	"file\n"
	"      --list-rules        list the rules\n"
	"      --explain ID        print the documentation of rule ID\n"
	"      --test-rules [FILE...]  run the tests inside the rule files (default: all rules)\n"
	"  -V, --version           print the version\n"
	"  -h, --help              print this help\n"
	"\n"
	"Exit status: 0 no finding at or above --fail-on; 1 findings at or above it;\n"
	"2 mm2lint could not do its job (bad usage, unreadable, binary or oversized file,\n"
	"invalid rule file).\n";

static int print_entries(const char *path)
{
	struct mm2_source src;
	struct mm2_error err = {0};
	struct mm2_arena arena = MM2_ARENA_INIT;
	struct mm2_props props = {0};
	int ret = 0;

	if (mm2_source_load(&src, path, MM2_SOURCE_MAX_LEN, &err) < 0) {
		fprintf(stderr, "mm2lint: %s\n", err.msg);
		return 2;
	}
	src.latin1 = true;
	mm2_props_parse(&props, &src, &arena);
	if (props.failed) {
		fprintf(stderr, "%s:%u:%u: %s\n", path, props.error_line, props.error_col,
			props.error_msg);
		ret = 1;
	} else {
		mm2_props_dump(&props, stdout);
	}
	mm2_props_release(&props);
	mm2_arena_release(&arena);
	mm2_source_release(&src);
	return ret;
}

static int list_rules(const struct mm2_ruleset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct mm2_rule_info *r = &rs->v[i]->info;

		printf("%-14s %-7s %-40s %s\n", r->id, mm2_severity_name(r->severity), r->name,
		       r->title);
	}
	return 0;
}

static int explain(const struct mm2_ruleset *rs, const char *id)
{
	const struct mm2_rule *r = mm2_ruleset_find(rs, id);
	char name[128];
	const struct mm2_embedded_file *page;

	if (!r) {
		fprintf(stderr, "mm2lint: no rule '%s'; mm2lint --list-rules lists them\n", id);
		return 2;
	}
	snprintf(name, sizeof(name), "docs/rules/%s.md", r->info.id);
	page = mm2_embedded_find(name);
	if (page) {
		fwrite(page->data, 1, page->len, stdout);
		return 0;
	}
	printf("%s %s (%s)\n\n%s\n\nWhy: %s\n\nFix: %s\n\nMore: %s\n", r->info.id, r->info.name,
	       mm2_severity_name(r->info.severity), r->info.title, r->info.rationale, r->info.fix,
	       r->info.help_uri);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Add PATH, or every *.properties below it, to the input list. */
static int collect(struct cli *c, const char *path, bool top)
{
	struct stat st;
	DIR *dir;
	struct dirent *de;

	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		if (top || has_suffix(path, ".properties")) {
			MM2_GROW(c->inputs, c->inputs_alloc, c->ninputs + 1);
			c->inputs[c->ninputs++] = mm2_xstrdup(path);
		}
		return 0;
	}
	if (!(dir = opendir(path))) {
		fprintf(stderr, "mm2lint: cannot read folder '%s': %s\n", path, strerror(errno));
		c->status = 2;
		return 0;
	}
	while ((de = readdir(dir))) {
		size_t len = strlen(path) + strlen(de->d_name) + 2;
		char *child;

		if (de->d_name[0] == '.')
			continue;
		child = mm2_xmalloc(len);
		snprintf(child, len, "%s%s%s", path, has_suffix(path, "/") ? "" : "/", de->d_name);
		collect(c, child, false);
		free(child);
	}
	closedir(dir);
	return 0;
}

static void summary(const struct cli *c, const struct mm2_diags *d, size_t nfiles)
{
	size_t count[4] = {0}, i;

	if (c->quiet)
		return;
	for (i = 0; i < d->n; i++)
		count[d->v[i].severity]++;
	fprintf(stderr, "mm2lint: %zu error%s, %zu warning%s, %zu note%s in %zu file%s\n", count[3],
		count[3] == 1 ? "" : "s", count[2], count[2] == 1 ? "" : "s", count[1],
		count[1] == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s");
}

static int report(struct cli *c, const struct mm2_ruleset *rs, struct mm2_diags *d)
{
	struct mm2_report_opts ro = {0};
	FILE *out = stdout;
	int ret;

	ro.show_source = c->show_source;
	ro.tool_version = MM2LINT_VERSION;
	ro.rules = rs->infos;
	ro.nrules = rs->n;
	if (c->output && !(out = fopen(c->output, "w"))) {
		fprintf(stderr, "mm2lint: cannot write '%s': %s\n", c->output, strerror(errno));
		return -1;
	}
	ro.color = c->color == 1 ||
		   (c->color < 0 && !c->output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
	if (getenv("NO_COLOR") && *getenv("NO_COLOR") && c->color < 0)
		ro.color = false;
	if (strcmp(c->format, "json") == 0)
		ret = mm2_report_json(out, d, &ro);
	else if (strcmp(c->format, "sarif") == 0)
		ret = mm2_report_sarif(out, d, &ro);
	else
		ret = mm2_report_text(out, d, &ro);
	if (fflush(out) != 0)
		ret = -1;
	if (out != stdout && fclose(out) != 0)
		ret = -1;
	if (ret < 0)
		fprintf(stderr, "mm2lint: cannot write the report\n");
	return ret;
}

static int lint_all(struct cli *c, const struct mm2_catalog *cat, const struct mm2_ruleset *rs)
{
	struct mm2_arena arena = MM2_ARENA_INIT;
	struct mm2_diags diags;
	struct mm2_source *srcs = mm2_xcalloc(c->ninputs, sizeof(*srcs));
	struct mm2_input *ins = mm2_xcalloc(c->ninputs, sizeof(*ins));
	bool *ok = mm2_xcalloc(c->ninputs, sizeof(*ok));
	size_t i, nfiles = 0;
	int status = c->status;

	mm2_diags_init(&diags, &arena);
	for (i = 0; i < c->ninputs; i++) {
		struct mm2_error err = {0};

		if (mm2_source_load(&srcs[i], c->inputs[i], MM2_SOURCE_MAX_LEN, &err) < 0) {
			fprintf(stderr, "mm2lint: %s\n", err.msg);
			status = 2;
			continue;
		}
		if (mm2_source_is_binary(&srcs[i])) {
			fprintf(stderr, "mm2lint: '%s' is a binary file, not a configuration\n",
				c->inputs[i]);
			status = 2;
			continue;
		}
		ok[i] = true;
		nfiles++;
		mm2_input_read(&ins[i], &srcs[i], cat, &c->opts, &arena, rs, &diags);
		if (ins[i].unusable) {
			fprintf(stderr, "mm2lint: %s\n", ins[i].err.msg);
			status = 2;
			nfiles--;
			continue;
		}
		mm2_lint_input(&ins[i], rs, &c->opts, &arena, &diags);
	}
	mm2_diags_sort(&diags);
	if (report(c, rs, &diags) < 0)
		status = 2;
	summary(c, &diags, nfiles);
	for (i = 0; i < diags.n && status == 0; i++)
		if (diags.v[i].severity >= c->fail_on)
			status = 1;
	for (i = 0; i < c->ninputs; i++) {
		if (ok[i])
			mm2_input_release(&ins[i]);
		mm2_source_release(&srcs[i]);
	}
	free(ok);
	free(ins);
	free(srcs);
	mm2_diags_release(&diags);
	mm2_arena_release(&arena);
	return status;
}

int main(int argc, char **argv)
{
	struct cli c;
	struct mm2_catalog cat;
	struct mm2_ruleset rs;
	struct mm2_error err = {0};
	int ret;

	if (mm2_catalog_load(&cat, &err) < 0) {
		fprintf(stderr, "mm2lint: %s\n", err.msg);
		return 2;
	}
	ret = mm2_cli_parse(&c, &cat, argc, argv);
	if (ret >= 0)
		goto out_cli;
	if (c.mode == CLI_PRINT_ENTRIES) {
		ret = print_entries(c.mode_arg);
		goto out_cli;
	}
	mm2_ruleset_init(&rs, &cat);
	rs.with_tests = c.mode == CLI_TEST_RULES;
	if (mm2_ruleset_load_embedded(&rs, &err) < 0 || mm2_cli_load_rules(&c, &rs, &err) < 0 ||
	    mm2_cli_apply_severity(&c, &rs, &err) < 0) {
		fprintf(stderr, "mm2lint: %s\n", err.msg);
		ret = 2;
		goto out_rules;
	}
	mm2_ruleset_finish(&rs);
	switch (c.mode) {
	case CLI_LIST_RULES:
		ret = list_rules(&rs);
		break;
	case CLI_EXPLAIN:
		ret = explain(&rs, c.mode_arg);
		break;
	case CLI_TEST_RULES:
		ret = mm2_cli_test_rules(&c, &cat, &rs);
		break;
	case CLI_EFFECTIVE:
		ret = mm2_cli_effective(&c, &cat, &rs);
		break;
	default:
		for (size_t i = 0; i < c.npaths; i++)
			collect(&c, c.paths[i], true);
		if (c.npaths && !c.ninputs && !c.status) {
			fprintf(stderr,
				"mm2lint: no .properties file found in the given folders\n");
			ret = 2;
			break;
		}
		qsort(c.inputs, c.ninputs, sizeof(*c.inputs), cmp_str);
		ret = lint_all(&c, &cat, &rs);
	}
out_rules:
	mm2_ruleset_release(&rs);
out_cli:
	mm2_cli_release(&c);
	mm2_catalog_release(&cat);
	return ret < 0 ? 0 : ret;
}

const char *mm2_cli_usage(void)
{
	return usage_text;
}
