/*
 * Shared by the JSON and SARIF reporters (report_util.h): UTF-8 repair, path ->
 * URI, UTF-16 columns, fingerprints, and a cJSON tree printer with two-space
 * indentation (cJSON's own puts a tab after every colon).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mm2lint/error.h"
#include "mm2lint/util.h"
#include "report_util.h"
#include "banned.h"

size_t mm2_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	size_t n, i;
	uint32_t c;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

void mm2_report_add_utf8(struct mm2_strbuf *sb, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = mm2_utf8_decode(s + i, len - i, &cp);

		if (n) {
			mm2_strbuf_add(sb, s + i, n);
			i += n;
		} else {
			mm2_strbuf_addstr(sb, "\xEF\xBF\xBD");
			i++;
		}
	}
}

char *mm2_report_getcwd(void)
{
	size_t size = 256;

	for (;;) {
		char *buf = mm2_xmalloc(size);

		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE || size > 65536)
			return NULL;
		size *= 2;
	}
}

/*
 * Append the segments of P to SB, which holds a normalised path as "/seg/seg"
 * ("" for the root or the empty relative path). ".." above the root stays at the
 * root for an absolute path and is kept for a relative one.
 */
static void push_segments(struct mm2_strbuf *sb, const char *p, bool absolute)
{
	while (*p) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *last = strrchr(sb->buf, '/');

			if (last && strcmp(last, "/..") != 0) {
				sb->len = (size_t)(last - sb->buf);
				sb->buf[sb->len] = '\0';
			} else if (!absolute) {
				mm2_strbuf_addstr(sb, "/..");
			}
		} else if (n && !(n == 1 && p[0] == '.')) {
			mm2_strbuf_addch(sb, '/');
			mm2_strbuf_add(sb, p, n);
		}
		p += n;
		if (*p == '/')
			p++;
	}
}

/* RFC 3986 pchar minus ':' (which would read as a scheme in a relative reference). */
static void add_encoded(struct mm2_strbuf *sb, const char *s)
{
	static const char keep[] = "-._~!$&'()*+,;=@/";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c && strchr(keep, c)))
			mm2_strbuf_addch(sb, c);
		else
			mm2_strbuf_addf(sb, "%%%02X", c);
	}
}

char *mm2_report_uri(const char *path, const char *cwd, bool *relative)
{
	struct mm2_strbuf abs = MM2_STRBUF_INIT, base = MM2_STRBUF_INIT, uri = MM2_STRBUF_INIT;
	const char *rest = NULL;

	mm2_strbuf_init(&abs);
	mm2_strbuf_init(&base);
	mm2_strbuf_init(&uri);
	if (path[0] != '/' && cwd)
		push_segments(&abs, cwd, true);
	push_segments(&abs, path, path[0] == '/' || cwd);
	if (path[0] != '/' && !cwd) {
		rest = abs.len ? abs.buf + 1 : ".";
	} else if (cwd) {
		push_segments(&base, cwd, true);
		if (strncmp(abs.buf, base.buf, base.len) == 0 && abs.buf[base.len] == '/')
			rest = abs.buf + base.len + 1;
		else if (strcmp(abs.buf, base.buf) == 0)
			rest = ".";
	}
	*relative = rest != NULL;
	if (rest) {
		add_encoded(&uri, rest);
	} else {
		mm2_strbuf_addstr(&uri, "file://");
		add_encoded(&uri, abs.len ? abs.buf : "/");
	}
	mm2_strbuf_release(&abs);
	mm2_strbuf_release(&base);
	return mm2_strbuf_detach(&uri, NULL);
}

unsigned mm2_report_utf16_col(const struct mm2_source *src, unsigned line, unsigned col)
{
	const char *s;
	size_t len, i = 0;
	unsigned units = 0, left;

	if (!src || col <= 1 || !(s = mm2_source_line(src, line, &len)))
		return col;
	left = col - 1; /* source columns before COL */
	while (left && i < len) {
		uint32_t cp = 0;
		size_t n = mm2_utf8_decode(s + i, len - i, &cp);
		unsigned cols;

		if (n) {
			cols = src->latin1 ? (unsigned)n : 1;
		} else {
			n = 1;
			/* source.c counts every byte but a UTF-8 continuation byte */
			cols = src->latin1 || ((unsigned char)s[i] & 0xC0) != 0x80;
		}
		if (cols > left)
			break;
		units += cp >= 0x10000 ? 2 : 1;
		left -= cols;
		i += n;
	}
	return units + left + 1;
}

bool mm2_report_end(const struct mm2_loc *loc, unsigned *eline, unsigned *ecol)
{
	*eline = loc->end_line ? loc->end_line : loc->end_col ? loc->line : 0;
	*ecol = loc->end_col;
	if (!*eline || *eline < loc->line)
		return false;
	return !(*eline == loc->line && *ecol && *ecol < loc->col);
}

uint64_t mm2_report_fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

struct keyed {
	uint64_t hash;
	size_t idx;
};

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static uint64_t item_hash(const struct mm2_report_item *it)
{
	const struct mm2_diag *g = it->diag;
	const char *id = g->rule && g->rule->id ? g->rule->id : "";
	const char *anchor = g->anchor && *g->anchor ? g->anchor : g->message ? g->message : "";
	const char *uri = it->uri ? it->uri : "";
	uint64_t h = 0xcbf29ce484222325ULL;

	h = mm2_report_fnv1a(h, id, strlen(id) + 1);
	h = mm2_report_fnv1a(h, uri, strlen(uri) + 1);
	return mm2_report_fnv1a(h, anchor, strlen(anchor));
}

struct mm2_report_item *mm2_report_items(const struct mm2_diags *d, const char *cwd, size_t *n)
{
	struct mm2_report_item *items = mm2_xcalloc(d->n ? d->n : 1, sizeof(*items));
	struct keyed *keys = mm2_xcalloc(d->n ? d->n : 1, sizeof(*keys));
	size_t i, k = 0, occ = 0;

	for (i = 0; i < d->n; i++) {
		const struct mm2_diag *g = &d->v[i];

		if (g->severity == MM2_SEV_OFF)
			continue;
		items[k].diag = g;
		if (g->loc.src)
			items[k].uri = mm2_report_uri(g->loc.src->path, cwd, &items[k].relative);
		keys[k].hash = item_hash(&items[k]);
		keys[k].idx = k;
		k++;
	}
	/* Equal keys sort together, in output order: number them 1, 2, ... */
	qsort(keys, k, sizeof(*keys), cmp_keyed);
	for (i = 0; i < k; i++) {
		occ = i && keys[i].hash == keys[i - 1].hash ? occ + 1 : 1;
		snprintf(items[keys[i].idx].fingerprint, sizeof(items[0].fingerprint),
			 "%016llx:%zu", (unsigned long long)keys[i].hash, occ);
	}
	free(keys);
	*n = k;
	return items;
}

void mm2_report_items_free(struct mm2_report_item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(items[i].uri);
	free(items);
}

static cJSON *must(cJSON *item)
{
	if (!item)
		mm2_die_oom();
	return item;
}

static void attach(cJSON *parent, const char *key, cJSON *item)
{
	cJSON_bool ok;

	if (!parent)
		return;
	if (cJSON_IsArray(parent))
		ok = cJSON_AddItemToArray(parent, item);
	else
		ok = cJSON_AddItemToObject(parent, key, item);
	if (!ok)
		mm2_die_oom();
}

cJSON *mm2_json_obj(cJSON *parent, const char *key)
{
	cJSON *o = must(cJSON_CreateObject());

	attach(parent, key, o);
	return o;
}

cJSON *mm2_json_arr(cJSON *parent, const char *key)
{
	cJSON *a = must(cJSON_CreateArray());

	attach(parent, key, a);
	return a;
}

void mm2_json_str(cJSON *parent, const char *key, const char *s)
{
	struct mm2_strbuf sb = MM2_STRBUF_INIT;

	mm2_strbuf_init(&sb);
	mm2_report_add_utf8(&sb, s ? s : "");
	attach(parent, key, must(cJSON_CreateString(sb.buf)));
	mm2_strbuf_release(&sb);
}

void mm2_json_num(cJSON *parent, const char *key, double v)
{
	attach(parent, key, must(cJSON_CreateNumber(v)));
}

void mm2_json_null(cJSON *parent, const char *key)
{
	attach(parent, key, must(cJSON_CreateNull()));
}

void mm2_json_bool(cJSON *parent, const char *key, bool v)
{
	attach(parent, key, must(cJSON_CreateBool(v)));
}

/* JSON string escapes; U+2028/U+2029 too, so that the text is also valid JavaScript. */
static void put_string(FILE *out, const char *s)
{
	putc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			putc('\\', out);
			putc(c, out);
		} else if (c == '\n') {
			fputs("\\n", out);
		} else if (c == '\t') {
			fputs("\\t", out);
		} else if (c == '\r') {
			fputs("\\r", out);
		} else if (c < 0x20 || c == 0x7F) {
			fprintf(out, "\\u%04x", c);
		} else if (c == 0xE2 && s[1] == '\x80' && (s[2] == '\xA8' || s[2] == '\xA9')) {
			fprintf(out, "\\u%04x", s[2] == '\xA8' ? 0x2028 : 0x2029);
			s += 2;
		} else {
			putc(c, out);
		}
	}
	putc('"', out);
}

static void put_indent(FILE *out, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		fputs("  ", out);
}

static void put_value(FILE *out, const cJSON *v, int depth)
{
	const cJSON *c;
	bool obj = cJSON_IsObject(v);

	if (cJSON_IsString(v)) {
		put_string(out, v->valuestring);
	} else if (cJSON_IsNumber(v)) {
		if (v->valuedouble == (double)(long long)v->valuedouble)
			fprintf(out, "%lld", (long long)v->valuedouble);
		else
			fprintf(out, "%.17g", v->valuedouble);
	} else if (cJSON_IsBool(v)) {
		fputs(cJSON_IsTrue(v) ? "true" : "false", out);
	} else if (obj || cJSON_IsArray(v)) {
		putc(obj ? '{' : '[', out);
		for (c = v->child; c; c = c->next) {
			putc('\n', out);
			put_indent(out, depth + 1);
			if (obj) {
				put_string(out, c->string);
				fputs(": ", out);
			}
			put_value(out, c, depth + 1);
			if (c->next)
				putc(',', out);
		}
		if (v->child) {
			putc('\n', out);
			put_indent(out, depth);
		}
		putc(obj ? '}' : ']', out);
	} else {
		fputs("null", out);
	}
}

int mm2_json_write(FILE *out, cJSON *root)
{
	put_value(out, root, 0);
	putc('\n', out);
	cJSON_Delete(root);
	if (fflush(out) != 0 || ferror(out))
		return -MM2_EIO;
	return 0;
}
