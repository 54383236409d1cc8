/*
 * Built-in checks of the raw text of a .properties file, where what Kafka reads
 * differs from what the author meant: keys set twice (MM2-KEY-005), inline
 * comments (MM2-KEY-006), quotes and trailing blanks that change a value
 * (MM2-KEY-007), and non-ASCII bytes read as ISO-8859-1 (MM2-KEY-009).
 */
#include <stdio.h>
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/util.h"
#include "check.h"
#include "keys_checks.h"
#include "keys_route.h"
#include "banned.h"

static bool properties(const struct mm2_check_ctx *cx)
{
	return cx->in->format == MM2_FORMAT_PROPERTIES && !cx->in->doc.parse_failed;
}

static const char *shown(const struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	return mm2_keys_secret(cx->cat, e->key) ? "[redacted]" : e->value;
}

static struct mm2_loc at_offset(const struct mm2_source *src, size_t off)
{
	struct mm2_loc l = {src, 0, 0, 0, 0};

	mm2_source_pos(src, off, &l.line, &l.col);
	return l;
}

static bool same_key(const struct mm2_entry *a, const struct mm2_entry *b)
{
	return a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0;
}

static void duplicate_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	const struct mm2_doc *doc = &cx->in->doc;
	const struct mm2_entry *first = NULL;
	const char *vars[12];
	bool same = true;
	size_t i, n = 0, count = 1;
	struct mm2_diag *d;

	for (i = 0; i < e->index; i++)
		if (same_key(&doc->entries[i], e)) {
			first = first ? first : &doc->entries[i];
			same = same && doc->entries[i].value_len == e->value_len &&
			       memcmp(doc->entries[i].value, e->value, e->value_len) == 0;
			count++;
		}
	if (!first)
		return;
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "value", vars[n++] = shown(cx, e);
	vars[n++] = "count", vars[n++] = mm2_arena_printf(cx->arena, "%zu", count);
	vars[n++] = "first", vars[n++] = mm2_arena_printf(cx->arena, "%u", first->key_loc.line);
	vars[n++] = "values";
	vars[n++] = same ? "the same value each time" : "the earlier values are lost";
	vars[n] = NULL;
	d = mm2_check_emit(cx, cx->rule->info.severity, e->key_loc, cx->rule->message, vars,
			   mm2_arena_printf(cx->arena, "file/key:%s", e->key));
	for (i = 0; d && i < e->index; i++)
		if (same_key(&doc->entries[i], e))
			mm2_diag_add_related(cx->out, d, doc->entries[i].key_loc,
					     "set here too; this value is overridden");
}

static void run_duplicate(struct mm2_check_ctx *cx)
{
	size_t i;

	if (!properties(cx))
		return;
	for (i = 0; i < cx->in->doc.n; i++)
		if (!cx->in->doc.entries[i].shadowed)
			duplicate_entry(cx, &cx->in->doc.entries[i]);
}

static const char *const duplicate_vars[] = {"key", "value", "count", "first", "values", NULL};

const struct mm2_builtin mm2_check_key_duplicate = {"key-duplicate", NULL, run_duplicate,
						    duplicate_vars};

/* Is the byte at OFF escaped, i.e. preceded by an odd number of backslashes? */
static bool escaped(const char *data, size_t start, size_t off)
{
	size_t n = 0;

	while (off > start && data[off - 1] == '\\') {
		n++;
		off--;
	}
	return n % 2 == 1;
}

/* The offset of an inline "#" or "!" after a blank in E's raw value, or 0. */
static size_t comment_at(const struct mm2_source *src, const struct mm2_prop *p)
{
	size_t i;

	for (i = p->value_off + 1; i < p->end_off; i++) {
		char c = src->data[i], before = src->data[i - 1];

		if ((c == '#' || c == '!') && (before == ' ' || before == '\t') &&
		    !escaped(src->data, p->value_off, i - 1) &&
		    !escaped(src->data, p->value_off, i))
			return i;
	}
	return 0;
}

static void comment_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	const struct mm2_source *src = cx->in->src;
	size_t off = comment_at(src, e->prop), len, n = 0;
	const char *vars[10], *text;

	if (!off)
		return;
	text = src->data + off;
	len = strcspn(text, "\r\n");
	if (off + len > e->prop->end_off)
		len = e->prop->end_off - off;
	if (len > 40)
		len = 40;
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "value", vars[n++] = shown(cx, e);
	vars[n++] = "comment";
	vars[n++] = mm2_keys_secret(cx->cat, e->key) ? mm2_arena_printf(cx->arena, "%c …", *text)
						     : mm2_arena_strndup(cx->arena, text, len);
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, at_offset(src, off), cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

static void run_comment(struct mm2_check_ctx *cx)
{
	size_t i;

	if (!properties(cx))
		return;
	for (i = 0; i < cx->in->doc.n; i++) {
		const struct mm2_entry *e = &cx->in->doc.entries[i];

		if (!e->shadowed && e->prop)
			comment_entry(cx, e);
	}
}

static const char *const comment_vars[] = {"key", "value", "comment", NULL};

const struct mm2_builtin mm2_check_inline_comment = {"inline-comment", NULL, run_comment,
						     comment_vars};

/* Boolean.parseBoolean on the raw text against ConfigDef's trimmed parse. */
static bool raw_differs(const struct mm2_entry *e)
{
	const char *v = e->value;
	size_t len = e->value_len;

	mm2_java_trim(&v, &len);
	return mm2_streq_icase(v, len, "true") && !mm2_streq_icase(e->value, e->value_len, "true");
}

static void raw_emit(struct mm2_check_ctx *cx, const struct mm2_entry *e, const char *effect,
		     bool harmful)
{
	const char *msg = scalar_of(mm2_node_get(cx->rule->params, "raw_message")), *vars[10];
	enum mm2_severity sev = cx->rule->info.severity;
	size_t n = 0;

	if (!harmful && sev > MM2_SEV_WARNING)
		sev = strncmp(effect, "harmless", 8) == 0 ? MM2_SEV_NOTE : MM2_SEV_WARNING;
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "value", vars[n++] = mm2_arena_printf(cx->arena, "'%s'", e->value);
	vars[n++] = "effect", vars[n++] = effect;
	vars[n] = NULL;
	mm2_check_emit(cx, sev, e->value_loc, msg ? msg : cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

/* S->T.enabled and S->T.emit.heartbeats.enabled: MirrorMaker.clusterPairs reads them raw. */
static void raw_flow_switch(struct mm2_check_ctx *cx, const struct mm2_flow *f,
			    const struct mm2_entry *e, bool is_enabled)
{
	struct mm2_arena *a = cx->arena;

	if (is_enabled && f->heartbeats)
		raw_emit(cx, e,
			 mm2_arena_printf(a,
					  "%s still replicates, but only because its "
					  "heartbeats give it a herder; with "
					  "emit.heartbeats.enabled=false it would stop "
					  "without a word",
					  f->name),
			 false);
	else if (is_enabled)
		raw_emit(cx, e,
			 mm2_arena_printf(a,
					  "MirrorMaker 2 starts no herder for %s, so "
					  "nothing is replicated",
					  f->name),
			 true);
	else if (!f->enabled)
		raw_emit(cx, e,
			 mm2_arena_printf(a,
					  "%s gets no herder, so no heartbeats are "
					  "written into %s",
					  f->name, f->target),
			 true);
	else
		raw_emit(cx, e,
			 mm2_arena_printf(a,
					  "harmless while %s is enabled (its herder "
					  "exists anyway), but the switch does not say "
					  "what MirrorMaker 2 reads",
					  f->name),
			 false);
}

/* Top-level emit.heartbeats.enabled: the fallback of every flow without its own. */
static void raw_heartbeats_top(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i;

	for (i = 0; i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];
		const char *own =
			mm2_arena_printf(cx->arena, "%s.emit.heartbeats.enabled", f->name);

		if (!f->enabled && !mm2_doc_get(&cx->in->doc, own)) {
			raw_emit(cx, e,
				 mm2_arena_printf(cx->arena,
						  "flows that are not enabled, such "
						  "as %s, get no herder and write "
						  "no heartbeats",
						  f->name),
				 true);
			return;
		}
	}
	raw_emit(cx, e,
		 "harmless while every flow is enabled, but the switch does not say what "
		 "MirrorMaker 2 reads",
		 false);
}

static void raw_switches(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	const struct mm2_mm2 *m = &cx->in->mm2;
	size_t i;

	if (!raw_differs(e))
		return;
	if (strcmp(e->key, "emit.heartbeats.enabled") == 0) {
		raw_heartbeats_top(cx, e);
		return;
	}
	for (i = 0; i < m->nflows; i++) {
		const struct mm2_flow *f = &m->flows[i];
		size_t len = strlen(f->name);

		if (strncmp(e->key, f->name, len) != 0 || e->key[len] != '.')
			continue;
		if (strcmp(e->key + len + 1, "enabled") == 0)
			raw_flow_switch(cx, f, e, true);
		else if (strcmp(e->key + len + 1, "emit.heartbeats.enabled") == 0)
			raw_flow_switch(cx, f, e, false);
	}
}

/* A value wrapped in quotes, which Kafka keeps: "SSL" is not SSL. */
static void quoted(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	struct mm2_keys_reading rd[MM2_KEYS_MAX_READINGS];
	const struct mm2_keys_reading *r;
	const char *v = e->value, *vars[10];
	size_t len = e->value_len, n;

	mm2_java_trim(&v, &len);
	if (len < 2 || (v[0] != '"' && v[0] != '\'') || v[len - 1] != v[0] || strstr(v, "${"))
		return;
	n = mm2_keys_readings(cx, e, rd);
	if (!n || !(r = mm2_keys_decide(rd, n)) || r->verdict != MM2_KV_KNOWN || !r->key)
		return;
	n = 0;
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "value", vars[n++] = shown(cx, e);
	vars[n++] = "unquoted";
	vars[n++] = mm2_keys_secret(cx->cat, e->key)
			    ? "the value without them"
			    : mm2_arena_printf(cx->arena, "%s=%.*s", e->key, (int)(len - 2), v + 1);
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, e->value_loc, cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

static void run_raw(struct mm2_check_ctx *cx)
{
	size_t i;

	if (!properties(cx))
		return;
	for (i = 0; i < cx->in->doc.n; i++) {
		const struct mm2_entry *e = &cx->in->doc.entries[i];

		if (e->shadowed)
			continue;
		if (cx->in->resolved)
			raw_switches(cx, e);
		quoted(cx, e);
	}
}

static const char *const raw_vars[] = {"key", "value", "unquoted", "effect", NULL};

static int validate_raw(const struct mm2_rule *r, struct mm2_error *err)
{
	return mm2_keys_check_message(r, "raw_message", true, raw_vars, err);
}

const struct mm2_builtin mm2_check_raw_value = {"raw-value", validate_raw, run_raw, raw_vars};

/* The length of the UTF-8 sequence at S (at most LEN bytes), or 0 if it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t len, unsigned *cp)
{
	size_t n, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, *cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, *cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (n > len)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && *cp < 0x800) || (n == 4 && (*cp < 0x10000 || *cp > 0x10ffff)))
		return 0;
	return n;
}

/* BYTES[0..N) read one byte per character, as ISO-8859-1, written out in UTF-8. */
static const char *as_latin1(const unsigned char *bytes, size_t n, struct mm2_arena *a)
{
	char *out = mm2_arena_alloc(a, 2 * n + 1), *p = out;
	size_t i;

	for (i = 0; i < n; i++) {
		if (bytes[i] < 0x80) {
			*p++ = (char)bytes[i];
		} else {
			*p++ = (char)(0xc0 | (bytes[i] >> 6));
			*p++ = (char)(0x80 | (bytes[i] & 0x3f));
		}
	}
	*p = '\0';
	return out;
}

/* \uXXXX (a surrogate pair above U+FFFF), as a .properties file escapes CP. */
static const char *escape(unsigned cp, struct mm2_arena *a)
{
	if (cp < 0x10000)
		return mm2_arena_printf(a, "\\u%04x", cp);
	cp -= 0x10000;
	return mm2_arena_printf(a, "\\u%04x\\u%04x", 0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
}

static void non_ascii_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e, size_t from)
{
	const struct mm2_source *src = cx->in->src;
	const unsigned char *p = (const unsigned char *)src->data;
	size_t i, n = 0, len;
	const char *vars[12], *what;
	unsigned cp = 0;
	bool secret = mm2_keys_secret(cx->cat, e->key);

	for (i = from; i < e->prop->end_off && p[i] < 0x80; i++)
		;
	if (i >= e->prop->end_off)
		return;
	len = utf8_seq(p + i, e->prop->end_off - i, &cp);
	if (secret)
		what = "bytes that Kafka reads as ISO-8859-1 characters; if they were written as "
		       "UTF-8, each becomes two or more other characters";
	else if (len)
		what = mm2_arena_printf(cx->arena,
					"the UTF-8 text '%.*s', which Kafka reads as "
					"ISO-8859-1: '%s'; write %s instead",
					(int)len, (const char *)p + i,
					as_latin1(p + i, len, cx->arena), escape(cp, cx->arena));
	else
		what = mm2_arena_printf(cx->arena,
					"the byte 0x%02x, which Kafka reads as the "
					"ISO-8859-1 character '%s'; that is right only if "
					"the file is saved as ISO-8859-1, and %s says it "
					"in any encoding",
					p[i], as_latin1(p + i, 1, cx->arena),
					escape(p[i], cx->arena));
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "part", vars[n++] = i < e->prop->value_off ? "the key" : "the value";
	vars[n++] = "what", vars[n++] = what;
	vars[n] = NULL;
	mm2_check_emit(cx, cx->rule->info.severity, at_offset(src, i), cx->rule->message, vars,
		       mm2_arena_printf(cx->arena, "file/key:%s", e->key));
}

/* A UTF-8 byte order mark glued to the first key: "\xef\xbb\xbfclusters". */
static bool bom_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	static const char bom_chars[] = "\xc3\xaf\xc2\xbb\xc2\xbf"; /* ï»¿ in internal text */
	const char *msg = scalar_of(mm2_node_get(cx->rule->params, "bom_message")), *vars[8];
	enum mm2_severity sev =
		mm2_keys_raise(cx->rule->info.severity, cx->rule->params, "bom_raise");
	const char *meant = e->key + 6;
	size_t n = 0;

	if (!e->prop || e->prop->key_off != 0 || cx->in->src->len < 3 ||
	    memcmp(cx->in->src->data, "\xef\xbb\xbf", 3) != 0 || e->key_len < 6 ||
	    memcmp(e->key, bom_chars, 6) != 0)
		return false;
	if (!*meant || *meant == '#' || *meant == '!')
		sev = cx->rule->info.severity; /* a comment or blank line turned into a key */
	vars[n++] = "key", vars[n++] = e->key;
	vars[n++] = "meant", vars[n++] = *meant ? meant : "(an empty line)";
	vars[n] = NULL;
	mm2_check_emit(cx, sev, e->key_loc, msg ? msg : cx->rule->message, vars, "file/bom");
	return true;
}

static void run_non_ascii(struct mm2_check_ctx *cx)
{
	size_t i;

	if (!properties(cx))
		return;
	for (i = 0; i < cx->in->doc.n; i++) {
		const struct mm2_entry *e = &cx->in->doc.entries[i];

		if (!e->prop)
			continue;
		if (bom_entry(cx, e))
			non_ascii_entry(cx, e, 3);
		else
			non_ascii_entry(cx, e, e->prop->key_off);
	}
}

static const char *const non_ascii_vars[] = {"key", "part", "what", "meant", NULL};

static int validate_non_ascii(const struct mm2_rule *r, struct mm2_error *err)
{
	int ret = mm2_keys_check_message(r, "bom_message", true, non_ascii_vars, err);

	return ret < 0 ? ret : mm2_keys_check_raise(r, "bom_raise", err);
}

const struct mm2_builtin mm2_check_non_ascii = {"non-ascii", validate_non_ascii, run_non_ascii,
						non_ascii_vars};
