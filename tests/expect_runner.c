/*
 * Fixture test runner: lints one file with every built-in rule and checks the
 * findings against the file's inline expectations. A line
 *
 *	# expect: MM2-DUR-002, MM2-FLT-003
 *
 * says that exactly those rules fire on the next line that is not a comment
 * ("# expect-below:" means the very next line, comment or not, for findings
 * about comments such as unused suppressions);
 * "# mm2lint-args: --latency A->B=80" gives command-line settings, and
 * "# mm2lint-only: MM2-TOPO-, MM2-OFS-" limits the check to the rules whose ids
 * start so (a fixture about one area need not list every other area's
 * findings; the examples list them all). Any finding not expected, or
 * expectation not met, fails the test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/util.h"

struct want {
	unsigned line;
	char id[32];
	bool seen;
};

static size_t parse_ids(const char *p, unsigned line, struct want *w, size_t n, size_t max)
{
	while (*p && n < max) {
		size_t len;

		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		len = strcspn(p, " ,\t\r\n");
		if (!len)
			break;
		w[n].line = line;
		w[n].seen = false;
		snprintf(w[n].id, sizeof(w[n].id), "%.*s", (int)len, p);
		n++;
		p += len;
	}
	return n;
}

/* The 1-based number of the first line after LINE that is not a comment. */
static unsigned next_code_line(const struct mm2_source *src, unsigned line)
{
	size_t len;
	const char *text;

	while ((text = mm2_source_line(src, ++line, &len))) {
		while (len && (*text == ' ' || *text == '\t')) {
			text++;
			len--;
		}
		if (len && *text != '#' && *text != '!')
			return line;
	}
	return line;
}

static size_t read_expectations(const struct mm2_source *src, struct want *w, size_t max,
				char *args, size_t argsz, char *only, size_t onlysz)
{
	size_t n = 0, len;
	unsigned line;
	const char *text;
	char buf[512];

	args[0] = '\0';
	only[0] = '\0';
	for (line = 1; (text = mm2_source_line(src, line, &len)); line++) {
		snprintf(buf, sizeof(buf), "%.*s", (int)len, text);
		if (strncmp(buf, "# expect:", 9) == 0)
			n = parse_ids(buf + 9, next_code_line(src, line), w, n, max);
		else if (strncmp(buf, "# expect-below:", 15) == 0)
			n = parse_ids(buf + 15, line + 1, w, n, max);
		else if (strncmp(buf, "# mm2lint-args:", 15) == 0)
			snprintf(args, argsz, "%s", buf + 15);
		else if (strncmp(buf, "# mm2lint-only:", 15) == 0)
			snprintf(only, onlysz, "%s,", buf + 15);
	}
	return n;
}

static int set_args(struct mm2_lint_opts *o, const struct mm2_catalog *cat, struct mm2_arena *a,
		    char *args)
{
	const char *argv[32];
	int argc = 0, i, n;
	char *tok = args;

	while (*tok && argc < 32) {
		while (*tok == ' ')
			*tok++ = '\0';
		if (!*tok)
			break;
		argv[argc++] = tok;
		while (*tok && *tok != ' ')
			tok++;
	}
	for (i = 0; i < argc; i += n)
		if ((n = mm2_lint_option(o, cat, a, argc, argv, i)) <= 0)
			return -1;
	return 0;
}

/* ONLY is ", "-separated id prefixes with a trailing comma, or "" for every rule. */
static bool in_scope(const char *only, const char *id)
{
	const char *p = only;

	if (!*only)
		return true;
	while (*p) {
		size_t len;

		while (*p == ' ' || *p == ',')
			p++;
		len = strcspn(p, " ,");
		if (len && strncmp(id, p, len) == 0)
			return true;
		p += len;
	}
	return false;
}

static int check(const struct mm2_diags *d, struct want *w, size_t nw, const char *path,
		 const char *only)
{
	size_t i, k;
	int bad = 0;

	for (i = 0; i < d->n; i++) {
		if (!in_scope(only, d->v[i].rule->id))
			continue;
		for (k = 0; k < nw; k++)
			if (!w[k].seen && w[k].line == d->v[i].loc.line &&
			    strcmp(w[k].id, d->v[i].rule->id) == 0)
				break;
		if (k < nw) {
			w[k].seen = true;
			continue;
		}
		printf("%s:%u:%u: unexpected %s: %s\n", path, d->v[i].loc.line, d->v[i].loc.col,
		       d->v[i].rule->id, d->v[i].message);
		bad = 1;
	}
	for (k = 0; k < nw; k++)
		if (!w[k].seen) {
			printf("%s:%u: expected %s, which did not fire\n", path, w[k].line,
			       w[k].id);
			bad = 1;
		}
	return bad;
}

int main(int argc, char **argv)
{
	struct mm2_catalog cat;
	struct mm2_ruleset rs;
	struct mm2_error err = {0};
	struct mm2_arena arena = MM2_ARENA_INIT;
	struct mm2_lint_opts opts;
	struct mm2_source src;
	struct mm2_input in;
	struct mm2_diags d;
	struct want want[128];
	char args[512], only[256];
	size_t nw;
	int bad;

	if (argc != 2) {
		fprintf(stderr, "usage: expect_runner FILE\n");
		return 2;
	}
	if (mm2_catalog_load(&cat, &err) < 0 || (mm2_ruleset_init(&rs, &cat), 0) ||
	    mm2_ruleset_load_embedded(&rs, &err) < 0 ||
	    mm2_source_load(&src, argv[1], MM2_SOURCE_MAX_LEN, &err) < 0) {
		fprintf(stderr, "expect_runner: %s\n", err.msg);
		return 2;
	}
	mm2_ruleset_finish(&rs);
	mm2_lint_opts_init(&opts, &cat);
	nw = read_expectations(&src, want, 128, args, sizeof(args), only, sizeof(only));
	if (set_args(&opts, &cat, &arena, args) < 0)
		return 2;
	mm2_diags_init(&d, &arena);
	mm2_input_read(&in, &src, &cat, &opts, &arena, &rs, &d);
	mm2_lint_input(&in, &rs, &opts, &arena, &d);
	mm2_diags_sort(&d);
	bad = check(&d, want, nw, argv[1], only);
	printf("%s: %zu findings, %zu expected: %s\n", argv[1], d.n, nw, bad ? "FAIL" : "ok");
	mm2_input_release(&in);
	mm2_diags_release(&d);
	mm2_source_release(&src);
	mm2_arena_release(&arena);
	mm2_ruleset_release(&rs);
	mm2_catalog_release(&cat);
	return bad;
}
