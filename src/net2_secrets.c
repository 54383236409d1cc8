/*
 * Built-in check for secrets written into a file: the value of a key Kafka types
 * PASSWORD, whatever prefix routes it (A.ssl.key.password, A->B.source.consumer.
 * sasl.jaas.config, listener.name.x.ssl.keystore.password), and the password
 * options inside a JAAS configuration, unless a config provider supplies them.
 * The finding never repeats the secret.
 */
#include <string.h>
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "net2.h"
#include "banned.h"

static bool listed(const struct mm2_node *list, const char *name)
{
	size_t i;

	for (i = 0; list && i < list->nitems; i++)
		if (scalar_of(list->items[i]) && strcmp(list->items[i]->str, name) == 0)
			return true;
	return false;
}

/* The PASSWORD-typed key KEY ends with, at a '.' boundary, or NULL. */
static const char *password_key(struct mm2_check_ctx *cx, const char *key)
{
	const struct mm2_node *skip = mm2_node_get(cx->rule->params, "not_secret");
	const char *p = key;

	for (;;) {
		const struct mm2_key *k = mm2_catalog_find_any(cx->cat, p);

		if (k && k->type == MM2_TYPE_PASSWORD)
			return listed(skip, k->name) ? NULL : k->name;
		p = strchr(p, '.');
		if (!p)
			return NULL;
		p++;
	}
}

static void emit_secret(struct mm2_check_ctx *cx, const struct mm2_entry *e, const char *what,
			size_t off)
{
	struct net2_vars vs = {0};

	net2_var(&vs, "kind", mm2_kind_name(cx->in->doc.kind));
	net2_var(&vs, "key", e->key);
	net2_var(&vs, "what", what);
	net2_var(&vs, "line", mm2_arena_printf(cx->arena, "%u", e->key_loc.line));
	net2_emit(cx, cx->rule->info.severity, mm2_entry_value_point(e, off), cx->rule->message,
		  &vs, NULL, mm2_arena_printf(cx->arena, "entry %u", e->index),
		  mm2_arena_printf(cx->arena, "%s@%zu", e->key, off));
}

static void check_jaas(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	size_t pos = 0, name_off, name_len;

	while (net2_jaas_next_secret(e->value, e->value_len, &pos, &name_off, &name_len))
		emit_secret(cx, e,
			    mm2_arena_printf(cx->arena, "option %.*s= of the JAAS configuration",
					     (int)name_len, e->value + name_off),
			    name_off);
}

static void check_entry(struct mm2_check_ctx *cx, const struct mm2_entry *e)
{
	const char *name = password_key(cx, e->key), *v = e->value;
	size_t len = e->value_len;

	if (!name)
		return;
	if (strcmp(name, "sasl.jaas.config") == 0) {
		check_jaas(cx, e);
		return;
	}
	mm2_java_trim(&v, &len);
	if (!len || net2_placeholder(v, len))
		return;
	emit_secret(cx, e, "its value", (size_t)(v - e->value));
}

static void run_secrets(struct mm2_check_ctx *cx)
{
	const struct mm2_doc *doc = &cx->in->doc;
	size_t i;

	for (i = 0; i < doc->n; i++)
		check_entry(cx, &doc->entries[i]);
}

static int validate_secrets(const struct mm2_rule *r, struct mm2_error *err)
{
	const struct mm2_node *skip = mm2_node_get(r->params, "not_secret");

	if (skip && skip->kind != MM2_NODE_SEQ)
		return mm2_error_set(err, MM2_ERULE, "%s: params.not_secret: a list of key names",
				     r->path);
	return 0;
}

static const char *const secret_vars[] = {"kind", "key", "what", "line", NULL};

const struct mm2_builtin net2_check_literal_secrets = {"literal-secrets", validate_secrets,
						       run_secrets, secret_vars};
