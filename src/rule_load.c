/*
 * The rule loader: YAML rule files (docs/rule-schema.md) into struct mm2_rule.
 * It refuses, with file:line:col, a rule that is incomplete, names a key the
 * catalogue does not know, uses an unknown placeholder or lacks a test that
 * fires and one that does not: a typo in a rule cannot ship.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "mm2lint/embedded.h"
#include "mm2lint/rules.h"
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "rule_load.h"
#include "banned.h"

#define DOCS_BASE "https://github.com/mm2lint/mm2lint/blob/main/"

int mm2_rule_fail(struct loader *ld, const struct mm2_node *n, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return mm2_error_set(ld->err, MM2_ERULE, "%s:%u:%u: invalid rule: %s", ld->path,
			     n ? n->line : 1, n ? n->col : 1, what);
}

const char *mm2_rule_scalar(const struct mm2_node *n)
{
	return n && n->kind == MM2_NODE_SCALAR ? n->str : NULL;
}

static int need_str(struct loader *ld, const struct mm2_node *map, const char *key,
		    const char **out)
{
	const struct mm2_node *n = mm2_node_get(map, key);

	*out = mm2_rule_scalar(n);
	if (!*out || !**out)
		return mm2_rule_fail(ld, n ? n : map,
				     "'%s' is required and must be a non-empty string", key);
	return 0;
}

static bool valid_id(const char *id)
{
	const char *p = id + 4, *dash;

	if (strncmp(id, "MM2-", 4) != 0 || !(dash = strchr(p, '-')) || dash == p)
		return false;
	for (; p < dash; p++)
		if (*p < 'A' || *p > 'Z')
			return false;
	return strlen(dash + 1) == 3 && dash[1] >= '0' && dash[1] <= '9' && dash[2] >= '0' &&
	       dash[2] <= '9' && dash[3] >= '0' && dash[3] <= '9';
}

static int parse_kinds(struct loader *ld, const struct mm2_node *n, unsigned *kinds)
{
	size_t i;
	int k;

	*kinds = 0;
	if (!n)
		return 0;
	if (n->kind != MM2_NODE_SEQ)
		return mm2_rule_fail(ld, n, "%s", "'kinds' is a list of file kinds");
	for (i = 0; i < n->nitems; i++) {
		const char *s = mm2_rule_scalar(n->items[i]);

		if (!s || (k = mm2_kind_parse(s)) < 0)
			return mm2_rule_fail(ld, n->items[i], "unknown file kind '%s'",
					     s ? s : "?");
		*kinds |= 1u << k;
	}
	return 0;
}

static int parse_subjects(struct loader *ld, const struct mm2_node *root, struct mm2_rule *r)
{
	const struct mm2_node *list = mm2_node_get(root, "subjects");
	size_t i;
	int ret, at = -1;

	if (!list)
		return mm2_rule_fail(ld, root, "%s",
				     "'subjects' is required (where the rule looks)");
	if (list->kind != MM2_NODE_SEQ || !list->nitems)
		return mm2_rule_fail(ld, list, "%s", "'subjects' is a non-empty list");
	r->subjects = mm2_arena_alloc(&ld->rs->arena, list->nitems * sizeof(*r->subjects));
	for (i = 0; i < list->nitems; i++) {
		const struct mm2_node *s = list->items[i];
		struct mm2_subject *subj = &r->subjects[r->nsubjects++];

		if (s->kind != MM2_NODE_MAP)
			return mm2_rule_fail(ld, s, "%s",
					     "a subject is a mapping {key, at, kinds}");
		subj->key = mm2_rule_scalar(mm2_node_get(s, "key"));
		if ((ret = mm2_rule_parse_at(ld, mm2_node_get(s, "at"), -1, &at)) < 0)
			return ret;
		if (at < 0)
			return mm2_rule_fail(ld, s, "%s", "a subject needs 'at'");
		subj->at = (enum mm2_at)at;
		if ((ret = parse_kinds(ld, mm2_node_get(s, "kinds"), &subj->kinds)) < 0)
			return ret;
		if (subj->key && !mm2_rule_key_known(ld, subj->key, subj->at, subj->kinds))
			return mm2_rule_fail(ld, s,
					     "key '%s' is not in the catalogue for that place",
					     subj->key);
	}
	return 0;
}

/* Conditions are checked against every subject's place. */
static int parse_conditions(struct loader *ld, const struct mm2_node *root, struct mm2_rule *r)
{
	const struct mm2_node *when = mm2_node_get(root, "when");
	const struct mm2_node *as = mm2_node_get(root, "assert");
	const struct mm2_node *levels = mm2_node_get(root, "levels");
	size_t s, i;
	int ret, sev;

	if (!as)
		return mm2_rule_fail(ld, root, "%s", "a rule has 'assert' or 'check'");
	for (s = 0; s < r->nsubjects; s++) {
		struct pctx pc = {r->subjects[s].at, r->subjects[s].kinds,
				  r->subjects[s].key != NULL};

		if (when && (ret = mm2_rule_parse_pred(ld, when, &pc, &r->when)) < 0)
			return ret;
		if ((ret = mm2_rule_parse_pred(ld, as, &pc, &r->assert)) < 0)
			return ret;
		if (!levels)
			continue;
		if (levels->kind != MM2_NODE_SEQ)
			return mm2_rule_fail(ld, levels, "%s", "'levels' is a list");
		r->levels =
			mm2_arena_alloc(&ld->rs->arena, (levels->nitems + 1) * sizeof(*r->levels));
		r->nlevels = 0;
		for (i = 0; i < levels->nitems; i++) {
			const struct mm2_node *lv = levels->items[i];
			struct mm2_level *l = &r->levels[r->nlevels++];
			const char *sv = mm2_rule_scalar(mm2_node_get(lv, "severity"));

			if (!sv || (sev = mm2_severity_parse(sv)) <= 0)
				return mm2_rule_fail(ld, lv, "%s",
						     "a level needs severity note|warning|error");
			l->severity = (enum mm2_severity)sev;
			l->message = mm2_rule_scalar(mm2_node_get(lv, "message"));
			if ((ret = mm2_rule_parse_pred(ld, mm2_node_get(lv, "when"), &pc,
						       &l->when)) < 0)
				return ret;
		}
	}
	return 0;
}

static int parse_expect(struct loader *ld, const struct mm2_node *n, struct mm2_rule_test *t)
{
	size_t i;

	if (!n || n->kind != MM2_NODE_SEQ)
		return mm2_rule_fail(ld, n, "%s",
				     "a test needs 'expect': a list of {line: N} ([] = silent)");
	t->lines = mm2_arena_alloc(&ld->rs->arena, (n->nitems + 1) * sizeof(*t->lines));
	for (i = 0; i < n->nitems; i++) {
		const char *l = mm2_rule_scalar(mm2_node_get(n->items[i], "line"));
		int64_t v;

		if (!l || !mm2_parse_long(l, strlen(l), &v) || v < 1 || v > 1000000)
			return mm2_rule_fail(ld, n->items[i], "%s",
					     "expect items are {line: N}, N >= 1");
		t->lines[t->nlines++] = (unsigned)v;
	}
	return 0;
}

static int parse_args(struct loader *ld, const struct mm2_node *n, struct mm2_rule_test *t)
{
	size_t i;

	if (!n)
		return 0;
	if (n->kind != MM2_NODE_SEQ)
		return mm2_rule_fail(ld, n, "%s", "'args' is a list of command-line arguments");
	t->args = mm2_arena_alloc(&ld->rs->arena, (n->nitems + 1) * sizeof(*t->args));
	for (i = 0; i < n->nitems; i++)
		if (!(t->args[t->nargs++] = mm2_rule_scalar(n->items[i])))
			return mm2_rule_fail(ld, n->items[i], "%s", "'args' items are strings");
	return 0;
}

static int parse_tests(struct loader *ld, const struct mm2_node *root, struct mm2_rule *r)
{
	const struct mm2_node *list = mm2_node_get(root, "tests");
	bool fires = false, silent = false;
	size_t i;
	int ret;

	if (!list || list->kind != MM2_NODE_SEQ)
		return mm2_rule_fail(ld, list ? list : root, "%s", "'tests' is a required list");
	r->tests = mm2_arena_alloc(&ld->rs->arena, (list->nitems + 1) * sizeof(*r->tests));
	for (i = 0; i < list->nitems; i++) {
		const struct mm2_node *tn = list->items[i];
		struct mm2_rule_test *t = &r->tests[r->ntests++];

		t->line = tn->line;
		if ((ret = need_str(ld, tn, "name", &t->name)) < 0)
			return ret;
		t->input = mm2_rule_scalar(mm2_node_get(tn, "input"));
		if (!t->input)
			return mm2_rule_fail(ld, tn, "%s", "a test needs 'input'");
		t->settings = mm2_rule_scalar(mm2_node_get(tn, "settings"));
		t->file_name = mm2_rule_scalar(mm2_node_get(tn, "file"));
		if (!t->file_name)
			t->file_name = "test.properties";
		if ((ret = parse_args(ld, mm2_node_get(tn, "args"), t)) < 0 ||
		    (ret = parse_expect(ld, mm2_node_get(tn, "expect"), t)) < 0)
			return ret;
		if (t->nlines)
			fires = true;
		else
			silent = true;
	}
	if (!fires || !silent)
		return mm2_rule_fail(ld, list, "%s",
				     "'tests' needs a case that fires and one that does not");
	return 0;
}

static int parse_meta(struct loader *ld, const struct mm2_node *root, struct mm2_rule *r)
{
	struct mm2_rule_info *info = &r->info;
	const char *sev, *docs, *version = mm2_rule_scalar(mm2_node_get(root, "mm2lint-rule"));
	int ret, s;

	if (!version || strcmp(version, "1") != 0)
		return mm2_rule_fail(ld, root, "%s",
				     "'mm2lint-rule: 1' (the schema version) is required");
	if ((ret = need_str(ld, root, "id", &info->id)) < 0 ||
	    (ret = need_str(ld, root, "name", &info->name)) < 0 ||
	    (ret = need_str(ld, root, "title", &info->title)) < 0 ||
	    (ret = need_str(ld, root, "severity", &sev)) < 0 ||
	    (ret = need_str(ld, root, "category", &info->category)) < 0 ||
	    (ret = need_str(ld, root, "message", &r->message)) < 0 ||
	    (ret = need_str(ld, root, "rationale", &info->rationale)) < 0 ||
	    (ret = need_str(ld, root, "fix", &info->fix)) < 0 ||
	    (ret = need_str(ld, root, "docs", &docs)) < 0)
		return ret;
	if (!valid_id(info->id))
		return mm2_rule_fail(ld, mm2_node_get(root, "id"),
				     "id '%s' is not MM2-<AREA>-<NNN>", info->id);
	if ((s = mm2_severity_parse(sev)) <= 0)
		return mm2_rule_fail(ld, mm2_node_get(root, "severity"),
				     "severity '%s' is not note|warning|error", sev);
	info->severity = (enum mm2_severity)s;
	if (strstr(docs, "://")) {
		info->help_uri = docs;
	} else {
		if (ld->embedded && !mm2_embedded_find(docs))
			return mm2_rule_fail(ld, mm2_node_get(root, "docs"),
					     "docs page '%s' does not exist", docs);
		info->help_uri = mm2_arena_printf(&ld->rs->arena, "%s%s", DOCS_BASE, docs);
	}
	return 0;
}

static const char *const declarative_vars[] = {
	"key",	"value",  "origin", "right", "right_origin", "client",
	"flow", "source", "target", "kind",  "place",	     NULL,
};

/* Every {{name}} in MSG must be one the rule's evaluator fills in. */
static int check_placeholders(struct loader *ld, const struct mm2_node *at, const char *msg,
			      const char *const *vars)
{
	const char *p = msg, *open, *close;
	size_t i;

	while (msg && (open = strstr(p, "{{")) && (close = strstr(open + 2, "}}"))) {
		size_t len = (size_t)(close - open - 2);

		for (i = 0; vars[i]; i++)
			if (strlen(vars[i]) == len && memcmp(vars[i], open + 2, len) == 0)
				break;
		if (!vars[i])
			return mm2_rule_fail(ld, at, "unknown placeholder {{%.*s}} in the message",
					     (int)len, open + 2);
		p = close + 2;
	}
	return 0;
}

static int check_messages(struct loader *ld, const struct mm2_node *root, const struct mm2_rule *r)
{
	const char *const *vars = r->builtin ? r->builtin->vars : declarative_vars;
	size_t i;
	int ret;

	if ((ret = check_placeholders(ld, mm2_node_get(root, "message"), r->message, vars)) < 0)
		return ret;
	for (i = 0; i < r->nlevels; i++)
		if ((ret = check_placeholders(ld, mm2_node_get(root, "levels"),
					      r->levels[i].message, vars)) < 0)
			return ret;
	return 0;
}

static int parse_rule(struct loader *ld, const struct mm2_node *root, struct mm2_rule *r)
{
	const char *check, *flows;
	int ret;

	if (!root || root->kind != MM2_NODE_MAP)
		return mm2_rule_fail(ld, root, "%s", "a rule file holds one mapping");
	if ((ret = parse_meta(ld, root, r)) < 0)
		return ret;
	flows = mm2_rule_scalar(mm2_node_get(root, "flows"));
	if (flows && strcmp(flows, "enabled") && strcmp(flows, "all"))
		return mm2_rule_fail(ld, mm2_node_get(root, "flows"),
				     "flows '%s' is not enabled|all", flows);
	r->all_flows = flows && strcmp(flows, "all") == 0;
	r->params = mm2_node_get(root, "params");
	check = mm2_rule_scalar(mm2_node_get(root, "check"));
	if (check) {
		if (strncmp(check, "builtin/", 8) != 0 ||
		    !(r->builtin = mm2_builtin_find(check + 8)))
			return mm2_rule_fail(ld, mm2_node_get(root, "check"), "unknown check '%s'",
					     check);
		if (r->builtin->validate && (ret = r->builtin->validate(r, ld->err)) < 0)
			return ret;
	} else if ((ret = parse_subjects(ld, root, r)) < 0 ||
		   (ret = parse_conditions(ld, root, r)) < 0) {
		return ret;
	}
	if ((ret = check_messages(ld, root, r)) < 0)
		return ret;
	if (ld->embedded && !ld->rs->with_tests)
		return 0; /* the tests were cut off at build time (embed.c) */
	return parse_tests(ld, root, r);
}

static void add_rule(struct mm2_ruleset *rs, struct mm2_rule *r)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i]->info.id, r->info.id) == 0) {
			rs->v[i] = r;
			return;
		}
	MM2_GROW(rs->v, rs->alloc, rs->n + 1);
	rs->v[rs->n++] = r;
}

static int load_text(struct mm2_ruleset *rs, const char *name, const char *data, size_t len,
		     bool embedded, struct mm2_error *err)
{
	struct loader ld = {rs, name, embedded, err};
	struct mm2_source src;
	struct mm2_yaml_docs docs;
	struct mm2_rule *r;
	int ret;

	mm2_source_init_mem(&src, name, data, len);
	ret = mm2_yaml_parse(&docs, &src, &rs->arena, err);
	if (ret == 0 && docs.failed)
		ret = mm2_error_set(err, MM2_ERULE, "%s:%u:%u: invalid rule file: %s", name,
				    docs.error_line, docs.error_col, docs.error_msg);
	if (ret == 0 && docs.n != 1)
		ret = mm2_error_set(err, MM2_ERULE, "%s: a rule file holds exactly one document",
				    name);
	if (ret == 0) {
		r = mm2_arena_alloc(&rs->arena, sizeof(*r));
		r->path = mm2_arena_strdup(&rs->arena, name);
		ret = parse_rule(&ld, docs.docs[0], r);
		if (ret == 0)
			add_rule(rs, r);
	}
	mm2_source_release(&src);
	return ret;
}

void mm2_ruleset_init(struct mm2_ruleset *rs, const struct mm2_catalog *cat)
{
	memset(rs, 0, sizeof(*rs));
	rs->cat = cat;
}

void mm2_ruleset_release(struct mm2_ruleset *rs)
{
	free(rs->v);
	free(rs->infos);
	mm2_arena_release(&rs->arena);
	memset(rs, 0, sizeof(*rs));
}

int mm2_ruleset_load_embedded(struct mm2_ruleset *rs, struct mm2_error *err)
{
	const struct mm2_embedded_file *f;
	int ret;

	for (f = mm2_embedded_files; f->name; f++) {
		size_t n = strlen(f->name);
		const struct mm2_embedded_file *tests;
		char *whole;

		if (strncmp(f->name, "rules/", 6) != 0 || n < 5 || strcmp(f->name + n - 5, ".yaml"))
			continue;
		tests = rs->with_tests ? mm2_embedded_find(
						 mm2_arena_printf(&rs->arena, "%s.tests", f->name))
				       : NULL;
		if (!tests) {
			ret = load_text(rs, f->name, f->data, f->len, true, err);
		} else {
			whole = mm2_xmalloc(f->len + tests->len);
			memcpy(whole, f->data, f->len);
			memcpy(whole + f->len, tests->data, tests->len);
			ret = load_text(rs, f->name, whole, f->len + tests->len, true, err);
			free(whole);
		}
		if (ret < 0)
			return ret;
	}
	return 0;
}

static int load_file(struct mm2_ruleset *rs, const char *path, struct mm2_error *err)
{
	struct mm2_source src;
	int ret = mm2_source_load(&src, path, 1u << 20, err);

	if (ret < 0)
		return ret == -MM2_EIO ? mm2_error_set(err, MM2_ERULE, "%s", err->msg) : ret;
	ret = load_text(rs, path, src.data, src.len, false, err);
	mm2_source_release(&src);
	return ret;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int mm2_ruleset_load_path(struct mm2_ruleset *rs, const char *path, struct mm2_error *err)
{
	struct stat st;
	struct dirent *de;
	DIR *dir;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int ret = 0;

	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return load_file(rs, path, err);
	if (!(dir = opendir(path)))
		return mm2_error_set(err, MM2_ERULE, "cannot read rules folder '%s'", path);
	while ((de = readdir(dir))) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		MM2_GROW(names, alloc, n + 1);
		names[n] = mm2_xmalloc(strlen(path) + len + 2);
		snprintf(names[n++], strlen(path) + len + 2, "%s/%s", path, de->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		bool is_dir = stat(names[i], &st) == 0 && S_ISDIR(st.st_mode);

		if (ret == 0 && (is_dir || (len > 5 && strcmp(names[i] + len - 5, ".yaml") == 0)))
			ret = mm2_ruleset_load_path(rs, names[i], err);
		free(names[i]);
	}
	free(names);
	return ret;
}

const struct mm2_rule *mm2_ruleset_find(const struct mm2_ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i]->info.id, id) == 0)
			return rs->v[i];
	return NULL;
}

static int cmp_rule(const void *a, const void *b)
{
	return strcmp((*(struct mm2_rule *const *)a)->info.id,
		      (*(struct mm2_rule *const *)b)->info.id);
}

void mm2_ruleset_finish(struct mm2_ruleset *rs)
{
	size_t i;

	if (rs->n > 1)
		qsort(rs->v, rs->n, sizeof(*rs->v), cmp_rule);
	free(rs->infos);
	rs->infos = mm2_xmalloc((rs->n ? rs->n : 1) * sizeof(*rs->infos));
	for (i = 0; i < rs->n; i++)
		rs->infos[i] = &rs->v[i]->info;
}
