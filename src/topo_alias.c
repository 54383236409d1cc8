/*
 * Built-in checks of cluster aliases in mm2.properties: 'clusters' itself, keys
 * and flows that name an alias 'clusters' does not have, flows from a cluster to
 * itself, and aliases that double as the first word of real keys.
 */
#include <string.h>
#include "mm2lint/strbuf.h"
#include "mm2lint/util.h"
#include "check.h"
#include "topo.h"
#include "banned.h"

/* Words that start real keys although no catalogue key is spelt so. */
static const char *const key_words[] = {"producer", "consumer", "admin", "source", "target"};

/* Is WORD[0..LEN) the first dotted word of a key Kafka defines somewhere? */
static bool is_key_word(const struct mm2_catalog *cat, const char *word, size_t len)
{
	size_t s, i;

	for (i = 0; i < sizeof(key_words) / sizeof(key_words[0]); i++)
		if (strlen(key_words[i]) == len && memcmp(key_words[i], word, len) == 0)
			return true;
	for (s = 0; s < MM2_NSCOPES; s++)
		for (i = 0; i < cat->nkeys[s]; i++) {
			const char *k = cat->keys[s][i].name;

			if (strncmp(k, word, len) == 0 && (k[len] == '.' || k[len] == '\0'))
				return true;
		}
	return false;
}

/*
 * Does REST read like a key scoped to a cluster: a client key that
 * MirrorMaker 2 fans out (bootstrap, security, SSL, SASL), a client role and a
 * key of that client, or a Connect worker key?
 */
static bool cluster_shaped(const struct mm2_catalog *cat, const char *rest)
{
	static const struct {
		const char *prefix;
		enum mm2_scope scope;
	} roles[] = {
		{"producer.", MM2_SCOPE_PRODUCER},
		{"consumer.", MM2_SCOPE_CONSUMER},
		{"admin.", MM2_SCOPE_ADMIN},
	};
	bool client = strcmp(rest, "bootstrap.servers") == 0 ||
		      strcmp(rest, "security.protocol") == 0 || strncmp(rest, "ssl.", 4) == 0 ||
		      strncmp(rest, "sasl.", 5) == 0;
	size_t i;

	if ((client && mm2_catalog_find(cat, MM2_SCOPE_MM2, rest)) ||
	    mm2_catalog_find(cat, MM2_SCOPE_WORKER, rest))
		return true;
	for (i = 0; i < 3; i++)
		if (strncmp(rest, roles[i].prefix, strlen(roles[i].prefix)) == 0 &&
		    mm2_catalog_find(cat, roles[i].scope, rest + strlen(roles[i].prefix)))
			return true;
	return false;
}

/* ---- MM2-TOPO-001: clusters missing, empty, or a single alias ---- */

/* "A, B" from the flow keys of the file, to suggest a 'clusters' line. */
static const char *aliases_from_flows(const struct mm2_doc *doc, struct mm2_arena *a)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	const char *seen[16], *res;
	size_t i, j, k, nseen = 0;

	mm2_strbuf_init(&sb);
	for (i = 0; i < doc->n && nseen < 16; i++) {
		const char *key = doc->entries[i].key, *arrow = strstr(key, "->"), *dot;
		const char *names[2];

		if (!arrow || arrow == key || !(dot = strchr(arrow + 2, '.')) || dot == arrow + 2)
			continue;
		names[0] = mm2_arena_strndup(a, key, (size_t)(arrow - key));
		names[1] = mm2_arena_strndup(a, arrow + 2, (size_t)(dot - arrow - 2));
		for (j = 0; j < 2 && nseen < 16; j++) {
			for (k = 0; k < nseen && strcmp(seen[k], names[j]); k++)
				;
			if (k < nseen)
				continue;
			seen[nseen++] = names[j];
			mm2_strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", names[j]);
		}
	}
	res = sb.len ? mm2_arena_strndup(a, sb.buf, sb.len) : "primary, backup";
	mm2_strbuf_release(&sb);
	return res;
}

static void run_clusters(struct mm2_check_ctx *cx)
{
	const struct mm2_input *in = cx->in;
	const struct mm2_mm2 *m = &in->mm2;
	const char *vars[12], *problem, *consequence;
	struct mm2_loc loc = {in->src, 1, 1, 0, 0};
	size_t n = 0, i;

	if (!in->resolved || m->nclusters >= 2)
		return;
	if (!m->clusters_entry) {
		problem = "'clusters' is not set";
		consequence = "refuses to start (Missing required configuration \"clusters\")";
		for (i = 0; i < in->doc.n; i++)
			if (strstr(in->doc.entries[i].key, "->")) {
				loc = in->doc.entries[i].key_loc;
				break;
			}
	} else {
		problem = m->nclusters ? mm2_arena_printf(cx->arena, "clusters names only '%s'",
							  m->clusters[0])
				       : "clusters is empty";
		consequence = "has no source->target pair to build and stops at start";
		loc = m->clusters_entry->value_len ? m->clusters_entry->value_loc
						   : m->clusters_entry->key_loc;
	}
	vars[n++] = "problem", vars[n++] = problem;
	vars[n++] = "consequence", vars[n++] = consequence;
	vars[n++] = "example", vars[n++] = aliases_from_flows(&in->doc, cx->arena);
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, loc, cx->rule->message, vars, "file/clusters");
}

static const char *const clusters_vars[] = {"problem", "consequence", "example", NULL};

const struct mm2_builtin mm2_topo_check_clusters = {"topo-clusters", NULL, run_clusters,
						    clusters_vars};

/* ---- MM2-TOPO-002: a key or flow names an alias 'clusters' does not have ---- */

/* "cluster.prod" for alias prod: an alias behind a word of its own. */
static const char *alias_suffix(const struct mm2_mm2 *m, const char *name, size_t len,
				struct mm2_arena *a)
{
	size_t i;

	for (i = 0; i + 1 < len; i++)
		if (name[i] == '.' && mm2_topo_alias_index(m, name + i + 1, len - i - 1) >= 0)
			return mm2_arena_strndup(a, name + i + 1, len - i - 1);
	return NULL;
}

static void report_alias(struct mm2_check_ctx *cx, const struct mm2_entry *e, const char *what,
			 const char *name, size_t len, size_t off)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	const char *near = mm2_topo_nearest_alias(m, name, len), *vars[14];
	size_t n = 0;

	if (!near)
		near = alias_suffix(m, name, len, cx->arena);
	vars[n++] = "what", vars[n++] = what;
	vars[n++] = "name", vars[n++] = mm2_arena_strndup(cx->arena, name, len);
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "clusters", vars[n++] = mm2_topo_alias_list(m, cx->arena);
	vars[n++] = "hint";
	vars[n++] = near ? mm2_arena_printf(cx->arena, "; did you mean '%s'?", near) : "";
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, mm2_entry_key_point(e, off), cx->rule->message,
		       vars, mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

/* The length of the known alias that REST starts with, followed by '.'; 0 if none. */
static size_t known_prefix(const struct mm2_mm2 *m, const char *rest)
{
	size_t i, best = 0;

	for (i = 0; i < m->nclusters; i++) {
		size_t l = strlen(m->clusters[i]);

		if (l > best && strncmp(rest, m->clusters[i], l) == 0 && rest[l] == '.')
			best = l;
	}
	return best;
}

/* The dotted prefix of REST most like an alias: where a mistyped target ends. */
static size_t likely_alias_end(const struct mm2_mm2 *m, const char *rest)
{
	const char *p = rest, *dot;
	size_t first = 0;

	while ((dot = strchr(p, '.'))) {
		size_t len = (size_t)(dot - rest);

		if (!first)
			first = len;
		if (mm2_topo_nearest_alias(m, rest, len))
			return len;
		p = dot + 1;
	}
	return first;
}

static void check_flow_key(struct mm2_check_ctx *cx, const struct mm2_entry *e, const char *arrow)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	const char *k = e->key, *rest = arrow + 2;
	size_t slen = (size_t)(arrow - k), tlen = known_prefix(m, rest);

	if (!tlen)
		tlen = likely_alias_end(m, rest);
	if (!slen || !tlen || (slen == tlen && memcmp(k, rest, slen) == 0))
		return; /* no "S->T." shape, or a flow to itself (MM2-TOPO-008) */
	if (mm2_topo_alias_index(m, k, slen) < 0)
		report_alias(cx, e, "source alias", k, slen, 0);
	else if (mm2_topo_alias_index(m, rest, tlen) < 0)
		report_alias(cx, e, "target alias", rest, tlen, slen + 2);
}

/* Does NAME[0..LEN) look like an alias of 'clusters' gone wrong? */
static bool alias_like(const struct mm2_mm2 *m, const char *name, size_t len, struct mm2_arena *a)
{
	return mm2_topo_nearest_alias(m, name, len) || alias_suffix(m, name, len, a);
}

static void check_scoped_key(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	const char *k = e->key, *dot = strchr(k, '.');
	bool key_word;

	if (!dot || dot == k || known_prefix(m, k) || mm2_catalog_find_any(cx->cat, k))
		return;
	key_word = is_key_word(cx->cat, k, (size_t)(dot - k));
	/* The alias may itself hold dots: try every split, shortest first. Keys that
	 * start with the word of a real key count only when they name an alias. */
	for (; dot; dot = strchr(dot + 1, '.')) {
		size_t len = (size_t)(dot - k);
		bool like = alias_like(m, k, len, cx->arena);

		if ((key_word && !like) || !(cluster_shaped(cx->cat, dot + 1) ||
					     (like && mm2_catalog_find_any(cx->cat, dot + 1))))
			continue;
		report_alias(cx, e, "cluster alias", k, len, 0);
		return;
	}
}

static void run_alias_refs(struct mm2_check_ctx *cx)
{
	const struct mm2_doc *doc = &cx->in->doc;
	size_t i;

	if (!cx->in->resolved || !cx->in->mm2.nclusters)
		return; /* no aliases at all is MM2-TOPO-001's */
	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];
		const char *arrow = strstr(e->key, "->");

		if (e->shadowed || strcmp(e->key, "clusters") == 0)
			continue;
		if (arrow)
			check_flow_key(cx, e, arrow);
		else
			check_scoped_key(cx, e);
	}
}

static const char *const alias_vars[] = {"what", "name", "key", "clusters", "hint", NULL};

const struct mm2_builtin mm2_topo_check_alias_refs = {"topo-alias-refs", NULL, run_alias_refs,
						      alias_vars};

/* ---- MM2-TOPO-008: a flow from a cluster to itself ---- */

static void run_self_flow(struct mm2_check_ctx *cx)
{
	const struct mm2_doc *doc = &cx->in->doc;
	size_t i;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];
		const char *k = e->key, *arrow = strstr(k, "->"), *v = e->value, *vars[8];
		size_t slen, klen = strlen(k), vlen = e->value_len, n = 0;

		if (e->shadowed || !arrow || klen < 8 || strcmp(k + klen - 8, ".enabled") != 0)
			continue;
		slen = (size_t)(arrow - k);
		if (!slen || klen != 2 * slen + 2 + 8 || memcmp(k, arrow + 2, slen) != 0)
			continue;
		mm2_java_trim(&v, &vlen);
		if (!mm2_streq_icase(v, vlen, "true"))
			continue;
		vars[n++] = "flow", vars[n++] = mm2_arena_strndup(cx->arena, k, klen - 8);
		vars[n++] = "alias", vars[n++] = mm2_arena_strndup(cx->arena, k, slen);
		vars[n] = NULL;
		mm2_check_emit(cx, cx->rule->info.severity, e->key_loc, cx->rule->message, vars,
			       mm2_arena_printf(cx->arena, "file/key:%s", k));
	}
}

static const char *const self_vars[] = {"flow", "alias", NULL};

const struct mm2_builtin mm2_topo_check_self_flow = {"topo-self-flow", NULL, run_self_flow,
						     self_vars};

/* ---- MM2-TOPO-013: an alias that is also the first word of real keys ---- */

static void check_alias_words(struct mm2_check_ctx *cx, const char *alias)
{
	const struct mm2_doc *doc = &cx->in->doc;
	size_t alen = strlen(alias), i, n = 0;
	const char *vars[10];

	for (i = 0; i < doc->n; i++) {
		const struct mm2_entry *e = &doc->entries[i];

		if (e->shadowed || strncmp(e->key, alias, alen) != 0 || e->key[alen] != '.' ||
		    !mm2_catalog_find_any(cx->cat, e->key))
			continue;
		vars[n++] = "alias", vars[n++] = alias;
		vars[n++] = "key", vars[n++] = e->key;
		vars[n++] = "rest", vars[n++] = e->key + alen + 1;
		vars[n] = NULL;
		mm2_check_emit(cx, cx->rule->info.severity, e->key_loc, cx->rule->message, vars,
			       mm2_arena_printf(cx->arena, "file/alias:%s/key:%s", alias, e->key));
		return;
	}
}

static void run_alias_words(struct mm2_check_ctx *cx)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i;

	if (!cx->in->resolved)
		return;
	for (i = 0; i < m->nclusters; i++)
		if (is_key_word(cx->cat, m->clusters[i], strlen(m->clusters[i])))
			check_alias_words(cx, m->clusters[i]);
}

static const char *const words_vars[] = {"alias", "key", "rest", NULL};

const struct mm2_builtin mm2_topo_check_alias_words = {"topo-alias-shadows-keys", NULL,
						       run_alias_words, words_vars};
