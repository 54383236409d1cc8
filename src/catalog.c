/*
 * The key catalogue (catalog.h): parses the TSV files of rules/catalog/ (embedded) once at
 * start-up into sorted per-scope tables, and answers version questions from the
 * present_in and history columns.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/catalog.h"
#include "mm2lint/embedded.h"
#include "mm2lint/util.h"
#include "banned.h"

static const char *const scope_files[MM2_NSCOPES] = {
	"rules/catalog/mm2.tsv",
	"rules/catalog/connect-worker.tsv",
	"rules/catalog/producer.tsv",
	"rules/catalog/consumer.tsv",
	"rules/catalog/admin.tsv",
	"rules/catalog/topic.tsv",
	"rules/catalog/broker-durability.tsv",
};

static const char *const scope_names[MM2_NSCOPES] = {
	"mm2", "worker", "producer", "consumer", "admin", "topic", "broker",
};

static const char *const type_names[] = {
	"BOOLEAN", "INT", "SHORT", "LONG", "DOUBLE", "STRING", "LIST", "CLASS", "PASSWORD",
};

const char *mm2_scope_name(enum mm2_scope s)
{
	return scope_names[s];
}

const char *mm2_type_name(enum mm2_type t)
{
	return type_names[t];
}

enum col {
	C_NAME,
	C_TYPE,
	C_DEFAULT,
	C_VALIDATOR,
	C_DEPRECATED,
	C_REPLACED,
	C_REMOVED,
	C_PRESENT,
	C_INTERNAL,
	C_HISTORY,
	C_DEFINED,
	C_NOTES,
	C_N
};

static const char *const col_names[C_N] = {
	"name",	      "type",	    "default",	"validator", "deprecated", "replaced_by",
	"removed_in", "present_in", "internal", "history",   "defined_in", "notes",
};

/* Split LINE (NUL-terminated, modified in place) at tabs into at most MAX fields. */
static size_t split_tabs(char *line, char **field, size_t max)
{
	size_t n = 0;

	while (n < max) {
		char *tab = strchr(line, '\t');

		field[n++] = line;
		if (!tab)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	return n;
}

static int map_columns(char **hdr, size_t nhdr, int *idx)
{
	size_t i;
	int c;

	for (c = 0; c < C_N; c++) {
		idx[c] = -1;
		for (i = 0; i < nhdr; i++)
			if (strcmp(hdr[i], col_names[c]) == 0)
				idx[c] = (int)i;
	}
	return idx[C_NAME] < 0 || idx[C_TYPE] < 0 || idx[C_DEFAULT] < 0 || idx[C_PRESENT] < 0 ? -1
											      : 0;
}

static const char *field_at(char **f, size_t nf, int i)
{
	return i >= 0 && (size_t)i < nf ? f[i] : "";
}

static unsigned parse_defined_in(const char *s)
{
	unsigned bits = 0;

	if (strstr(s, "MirrorMakerConfig"))
		bits |= MM2_DEF_MAKER;
	if (strstr(s, "MirrorConnectorConfig") || strstr(s, "MirrorSourceConfig") ||
	    strstr(s, "MirrorCheckpointConfig") || strstr(s, "MirrorHeartbeatConfig"))
		bits |= MM2_DEF_CONNECTOR;
	if (strstr(s, "MirrorClientConfig"))
		bits |= MM2_DEF_CLIENT;
	if (strstr(s, "SourceConnectorConfig"))
		bits |= MM2_DEF_SOURCE_CONNECTOR;
	return bits;
}

static int parse_type(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (strcmp(s, type_names[i]) == 0)
			return (int)i;
	return -1;
}

static int fill_key(struct mm2_key *k, enum mm2_scope scope, char **f, size_t nf, const int *idx,
		    struct mm2_arena *a)
{
	const char *def = field_at(f, nf, idx[C_DEFAULT]);
	int type = parse_type(field_at(f, nf, idx[C_TYPE]));

	if (type < 0 || !*field_at(f, nf, idx[C_NAME]))
		return -1;
	k->name = mm2_arena_strdup(a, f[idx[C_NAME]]);
	k->scope = scope;
	k->type = (enum mm2_type)type;
	if (strcmp(def, "<required>") == 0)
		k->default_value = NULL;
	else if (strcmp(def, "\"\"") == 0)
		k->default_value = "";
	else
		k->default_value = mm2_arena_strdup(a, def);
	k->validator = mm2_arena_strdup(a, field_at(f, nf, idx[C_VALIDATOR]));
	k->present_in = mm2_arena_strdup(a, field_at(f, nf, idx[C_PRESENT]));
	k->history = mm2_arena_strdup(a, field_at(f, nf, idx[C_HISTORY]));
	k->replaced_by = mm2_arena_strdup(a, field_at(f, nf, idx[C_REPLACED]));
	k->removed_in = mm2_arena_strdup(a, field_at(f, nf, idx[C_REMOVED]));
	k->notes = mm2_arena_strdup(a, field_at(f, nf, idx[C_NOTES]));
	k->deprecated = strcmp(field_at(f, nf, idx[C_DEPRECATED]), "yes") == 0;
	k->internal = strcmp(field_at(f, nf, idx[C_INTERNAL]), "yes") == 0;
	k->defined_in = parse_defined_in(field_at(f, nf, idx[C_DEFINED]));
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(((const struct mm2_key *)a)->name, ((const struct mm2_key *)b)->name);
}

static void note_newest(struct mm2_catalog *c, const char *present_in)
{
	const char *dash = strrchr(present_in, '-');
	mm2_version v = mm2_version_parse(dash ? dash + 1 : present_in);

	if (v > c->newest)
		c->newest = v;
}

static int load_scope(struct mm2_catalog *c, enum mm2_scope scope, struct mm2_error *err)
{
	const struct mm2_embedded_file *file = mm2_embedded_find(scope_files[scope]);
	char *text, *line, *next, *field[32];
	int idx[C_N];
	size_t nf, n = 0, alloc = 0;
	struct mm2_key *keys = NULL;
	bool header = true;

	if (!file)
		return mm2_error_set(err, MM2_ERULE, "catalogue file '%s' is not embedded",
				     scope_files[scope]);
	text = mm2_xstrndup(file->data, file->len);
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		nf = split_tabs(line, field, 32);
		if (header) {
			header = false;
			if (map_columns(field, nf, idx) < 0)
				goto bad;
			continue;
		}
		MM2_GROW(keys, alloc, n + 1);
		memset(&keys[n], 0, sizeof(keys[n]));
		if (fill_key(&keys[n], scope, field, nf, idx, &c->arena) < 0)
			goto bad;
		note_newest(c, keys[n].present_in);
		n++;
	}
	free(text);
	qsort(keys, n, sizeof(*keys), cmp_key);
	c->keys[scope] = mm2_arena_alloc(&c->arena, n * sizeof(*keys));
	memcpy(c->keys[scope], keys, n * sizeof(*keys));
	c->nkeys[scope] = n;
	free(keys);
	return 0;
bad:
	free(text);
	free(keys);
	return mm2_error_set(err, MM2_ERULE, "catalogue file '%s' is malformed",
			     scope_files[scope]);
}

int mm2_catalog_load(struct mm2_catalog *c, struct mm2_error *err)
{
	int s, ret;

	memset(c, 0, sizeof(*c));
	for (s = 0; s < MM2_NSCOPES; s++) {
		ret = load_scope(c, (enum mm2_scope)s, err);
		if (ret < 0) {
			mm2_catalog_release(c);
			return ret;
		}
	}
	return 0;
}

void mm2_catalog_release(struct mm2_catalog *c)
{
	mm2_arena_release(&c->arena);
	memset(c, 0, sizeof(*c));
}

const struct mm2_key *mm2_catalog_find(const struct mm2_catalog *c, enum mm2_scope scope,
				       const char *name)
{
	struct mm2_key probe = {.name = name};

	return bsearch(&probe, c->keys[scope], c->nkeys[scope], sizeof(probe), cmp_key);
}

const struct mm2_key *mm2_catalog_find_any(const struct mm2_catalog *c, const char *name)
{
	int s;

	for (s = 0; s < MM2_NSCOPES; s++) {
		const struct mm2_key *k = mm2_catalog_find(c, (enum mm2_scope)s, name);

		if (k)
			return k;
	}
	return NULL;
}

mm2_version mm2_version_parse(const char *s)
{
	long major = 0, minor = 0;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9' && major < 100)
		major = major * 10 + (*p++ - '0');
	if (*p++ != '.' || *p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9' && minor < 100)
		minor = minor * 10 + (*p++ - '0');
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p && *p != ',' && *p != '-' && *p != ':')
		return -1;
	if (major >= 100 || minor >= 100)
		return -1;
	return (mm2_version)(major * 100 + minor);
}

bool mm2_version_known(const struct mm2_catalog *c, mm2_version v)
{
	int minor = v % 100;

	if (v < MM2_VERSION_MIN || v > c->newest)
		return false;
	switch (v / 100) {
	case 2:
		return minor <= 8;
	case 3:
		return minor <= 9;
	default:
		return true;
	}
}

const char *mm2_version_str(mm2_version v, char *buf)
{
	int major = v / 100, minor = v % 100;

	buf[0] = (char)('0' + major % 10);
	buf[1] = '.';
	if (minor >= 10) {
		buf[2] = (char)('0' + minor / 10);
		buf[3] = (char)('0' + minor % 10);
		buf[4] = '\0';
	} else {
		buf[2] = (char)('0' + minor);
		buf[3] = '\0';
	}
	return buf;
}

bool mm2_key_present(const struct mm2_key *k, mm2_version v)
{
	const char *p = k->present_in;

	while (*p) {
		const char *comma = strchr(p, ',');
		const char *dash = strchr(p, '-');
		mm2_version lo = mm2_version_parse(p), hi = lo;

		if (dash && (!comma || dash < comma))
			hi = mm2_version_parse(dash + 1);
		if (lo >= 0 && hi >= 0 && v >= lo && v <= hi)
			return true;
		if (!comma)
			break;
		p = comma + 1;
	}
	return false;
}

/*
 * history holds "V: default OLD->NEW[, validator …] | …" in increasing V. The
 * default at version v is NEW of the last change at or before v, or OLD of the
 * first change after v.
 */
static bool default_change(const char *seg, const char *end, mm2_version *ver, const char **old,
			   size_t *oldlen, const char **nw, size_t *nwlen)
{
	const char *d = strstr(seg, ": default ");
	const char *arrow, *stop;

	if (!d || d >= end)
		return false;
	*ver = mm2_version_parse(seg);
	d += strlen(": default ");
	arrow = strstr(d, "->");
	if (!arrow || arrow >= end)
		return false;
	stop = arrow + 2;
	while (stop < end && strncmp(stop, ", validator ", 12) != 0 &&
	       strncmp(stop, ", type ", 7) != 0)
		stop++;
	*old = d;
	*oldlen = (size_t)(arrow - d);
	*nw = arrow + 2;
	*nwlen = (size_t)(stop - (arrow + 2));
	return *ver >= 0;
}

static const char *render_default(const char *s, size_t len, struct mm2_arena *arena)
{
	if (len == 10 && memcmp(s, "<required>", 10) == 0)
		return NULL;
	if (len == 2 && memcmp(s, "\"\"", 2) == 0)
		return "";
	return mm2_arena_strndup(arena, s, len);
}

const char *mm2_key_default(const struct mm2_key *k, mm2_version v, struct mm2_arena *arena)
{
	const char *p = k->history;

	while (*p) {
		const char *bar = strstr(p, " | ");
		const char *end = bar ? bar : p + strlen(p);
		const char *old, *nw;
		size_t oldlen, nwlen;
		mm2_version ver;

		if (default_change(p, end, &ver, &old, &oldlen, &nw, &nwlen) && ver > v)
			return render_default(old, oldlen, arena);
		if (!bar)
			break;
		p = bar + 3;
	}
	return k->default_value;
}

bool mm2_catalog_is_secret(const struct mm2_catalog *c, const char *key)
{
	const char *p = key;

	for (;;) {
		const struct mm2_key *k = mm2_catalog_find_any(c, p);

		if ((k && k->type == MM2_TYPE_PASSWORD) || strcmp(p, "sasl.jaas.config") == 0)
			return true;
		if (!(p = strchr(p, '.')))
			break;
		p++;
	}
	p = strrchr(key, '.');
	return strstr(p ? p : key, "password") != NULL;
}
