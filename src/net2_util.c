/*
 * Shared pieces of the net2 built-in checks (net2.h): effective values read as
 * Kafka parses them, placeholders, anchors, and the arithmetic of retries,
 * bandwidth-delay products, JAAS options and REST listeners.
 */
#include <string.h>
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "net2.h"
#include "banned.h"

bool net2_get(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at, const char *key,
	      struct net2_val *v)
{
	const char *t;
	size_t len;

	memset(v, 0, sizeof(*v));
	if (!mm2_lookup(cx->cat, cx->opts->version, &cx->in->doc, f, at, key, &v->s, NULL,
			cx->arena) ||
	    strstr(v->s.value, "${"))
		return false;
	t = v->s.value;
	len = strlen(t);
	mm2_java_trim(&t, &len);
	v->text = mm2_arena_strndup(cx->arena, t, len);
	v->num = mm2_parse_long(t, len, &v->n);
	return true;
}

bool net2_get_num(struct mm2_check_ctx *cx, const struct mm2_flow *f, enum mm2_at at,
		  const char *key, struct net2_val *v)
{
	return net2_get(cx, f, at, key, v) && v->num;
}

bool net2_is(const struct net2_val *v, const char *word)
{
	return v->text && mm2_streq_icase(v->text, strlen(v->text), word);
}

bool net2_in_file(const struct net2_val *v)
{
	return v->s.origin == MM2_ORIGIN_FILE;
}

const char *net2_origin(struct mm2_check_ctx *cx, const struct net2_val *v)
{
	return mm2_setting_origin(cx->in, &v->s, cx->opts->version, cx->arena);
}

struct mm2_loc net2_loc(struct mm2_check_ctx *cx, const struct mm2_flow *f,
			const struct net2_val *v)
{
	return mm2_setting_loc(cx->in, f, &v->s);
}

const struct net2_val *net2_pick(const struct net2_val *v1, const struct net2_val *v2)
{
	if (v1 && net2_in_file(v1))
		return v1;
	if (v2 && net2_in_file(v2))
		return v2;
	return v1 ? v1 : v2;
}

const char *net2_fmt(struct mm2_arena *a, double v)
{
	if (v > -9.2e18 && v < 9.2e18 && v == (double)(long long)v)
		return mm2_arena_printf(a, "%lld", (long long)v);
	return mm2_arena_printf(a, "%.1f", v);
}

void net2_var(struct net2_vars *vs, const char *name, const char *value)
{
	if (vs->n + 3 > sizeof(vs->v) / sizeof(vs->v[0]))
		return;
	vs->v[vs->n++] = name;
	vs->v[vs->n++] = value ? value : "";
	vs->v[vs->n] = NULL;
}

void net2_var_place(struct net2_vars *vs, struct mm2_check_ctx *cx, const struct mm2_flow *f,
		    enum mm2_at at)
{
	net2_var(vs, "flow", f ? f->name : "");
	net2_var(vs, "client", mm2_at_title(at));
	net2_var(vs, "kind", mm2_kind_name(cx->in->doc.kind));
}

void net2_emit(struct mm2_check_ctx *cx, enum mm2_severity sev, struct mm2_loc loc, const char *msg,
	       struct net2_vars *vs, const struct mm2_flow *f, const char *place, const char *key)
{
	const char *anchor = f ? mm2_arena_printf(cx->arena, "flow:%s/%s:%s", f->name, place, key)
			       : mm2_arena_printf(cx->arena, "file/%s:%s", place, key);

	vs->v[vs->n] = NULL;
	mm2_check_emit(cx, sev, loc, msg, vs->v, anchor);
}

const char *net2_param(const struct mm2_rule *r, const char *name)
{
	return scalar_of(mm2_node_get(r->params, name));
}

static bool known_var(const char *const *vars, const char *name, size_t len)
{
	size_t i;

	for (i = 0; vars && vars[i]; i++)
		if (strlen(vars[i]) == len && memcmp(vars[i], name, len) == 0)
			return true;
	return false;
}

int net2_check_messages(const struct mm2_rule *r, const char *const *names, bool optional,
			struct mm2_error *err)
{
	size_t i;

	for (i = 0; names[i]; i++) {
		const struct mm2_node *n = mm2_node_get(r->params, names[i]);
		const char *p, *open, *close;

		if (!n && optional)
			continue;
		if (!scalar_of(n))
			return mm2_error_set(err, MM2_ERULE, "%s: params.%s: a message is required",
					     r->path, names[i]);
		for (p = n->str; (open = strstr(p, "{{")) && (close = strstr(open + 2, "}}"));
		     p = close + 2)
			if (!known_var(r->builtin->vars, open + 2, (size_t)(close - open - 2)))
				return mm2_error_set(err, MM2_ERULE,
						     "%s:%u: unknown placeholder {{%.*s}} in "
						     "params.%s",
						     r->path, n->line, (int)(close - open - 2),
						     open + 2, names[i]);
	}
	return 0;
}

double net2_backoff_total(int64_t retries, int64_t backoff, int64_t max, bool exponential)
{
	double b = backoff > 0 ? (double)backoff : 0, m = (double)max, total = 0, wait = b;
	int64_t i;

	if (retries <= 0)
		return 0;
	if (!exponential || m <= b)
		return (double)retries * (exponential ? m : b);
	/* b, 2b, 4b, … until the cap, then the cap for every retry left */
	for (i = 0; i < retries && wait < m; i++, wait *= 2)
		total += wait;
	if (b == 0)
		return total;
	return total + (double)(retries - i) * m;
}

double net2_bdp_bytes(double mbps, double rtt_ms)
{
	/* megabits/s → bytes/ms is × 1e6 / 8 / 1000 = × 125 */
	return mbps * rtt_ms * 125.0;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.' || c == '$';
}

static bool secret_name(const char *s, size_t len)
{
	return (len == 8 && memcmp(s, "password", 8) == 0) ||
	       (len == 12 && memcmp(s, "clientSecret", 12) == 0) ||
	       (len > 5 && memcmp(s, "user_", 5) == 0);
}

static bool name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool net2_placeholder(const char *s, size_t len)
{
	size_t i;

	/* ${provider:path:key}: ConfigTransformer replaces it wherever it stands */
	for (i = 0; i + 1 < len; i++)
		if (s[i] == '$' && s[i + 1] == '{')
			return true;
	/* $NAME, {{ .Values.x }}, <password>: a template filled in before Kafka reads it */
	if (len >= 2 && s[0] == '$' && name_start(s[1])) {
		for (i = 2; i < len && (name_start(s[i]) || (s[i] >= '0' && s[i] <= '9')); i++)
			;
		if (i == len)
			return true;
	}
	if (len >= 4 && s[0] == '{' && s[1] == '{' && s[len - 2] == '}' && s[len - 1] == '}')
		return true;
	return len >= 3 && s[0] == '<' && s[len - 1] == '>';
}

/* The value after '=' at S[*I]: a quoted string or a bare word; *I moves past it. */
static void jaas_value(const char *s, size_t len, size_t *i, size_t *voff, size_t *vlen)
{
	size_t j = *i;

	while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
		j++;
	if (j < len && (s[j] == '"' || s[j] == '\'')) {
		char q = s[j++];

		*voff = j;
		while (j < len && s[j] != q)
			j += s[j] == '\\' && j + 1 < len ? 2 : 1;
		*vlen = (j < len ? j : len) - *voff;
		*i = j < len ? j + 1 : len;
		return;
	}
	*voff = j;
	while (j < len && !strchr(" \t\r\n;", s[j]))
		j++;
	*vlen = j - *voff;
	*i = j;
}

bool net2_jaas_next_secret(const char *s, size_t len, size_t *pos, size_t *name_off,
			   size_t *name_len)
{
	size_t i = *pos;

	while (i < len) {
		size_t start, end, voff, vlen;

		if (s[i] == '"' || s[i] == '\'') { /* a quoted value of another option */
			jaas_value(s, len, &i, &voff, &vlen);
			continue;
		}
		if (!is_name_char(s[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < len && is_name_char(s[i]))
			i++;
		end = i;
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= len || s[i] != '=')
			continue;
		i++;
		jaas_value(s, len, &i, &voff, &vlen);
		if (!secret_name(s + start, end - start) || !vlen)
			continue;
		if (net2_placeholder(s + voff, vlen))
			continue;
		*name_off = start;
		*name_len = end - start;
		*pos = i;
		return true;
	}
	*pos = len;
	return false;
}

bool net2_listener_is_http(const char *item)
{
	const char *sep = strstr(item, "://");

	/* Connect's RestServer lower-cases the scheme before comparing it. */
	return sep && mm2_streq_icase(item, (size_t)(sep - item), "http");
}
