/*
 * The config model (model.h): documents built from a front-end's entries, the
 * kind-of-file heuristic, and the string map the resolver assembles configs in.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/catalog.h"
#include "mm2lint/model.h"
#include "mm2lint/util.h"
#include "banned.h"

static const char *const kind_names[MM2_NKINDS] = {
	"other", "mm2", "broker", "producer", "consumer", "admin", "worker",
};

const char *mm2_kind_name(enum mm2_kind k)
{
	return kind_names[k];
}

int mm2_kind_parse(const char *name)
{
	int i;

	for (i = 0; i < MM2_NKINDS; i++)
		if (strcmp(name, kind_names[i]) == 0)
			return i;
	return -1;
}

/* FNV-1a: short keys, few of them; good enough and branch-free. */
static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

void mm2_kvmap_init(struct mm2_kvmap *m)
{
	memset(m, 0, sizeof(*m));
}

void mm2_kvmap_release(struct mm2_kvmap *m)
{
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

static struct mm2_kvslot *find_slot(const struct mm2_kvmap *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct mm2_kvslot *s = &m->slot[i];

		if (!s->key || strcmp(s->key, key) == 0)
			return s;
	}
}

static void rehash(struct mm2_kvmap *m)
{
	struct mm2_kvslot *old = m->slot;
	size_t i, oldcap = m->cap;

	m->cap = oldcap ? oldcap * 2 : 64;
	m->slot = mm2_xcalloc(m->cap, sizeof(*m->slot));
	m->n = 0;
	for (i = 0; i < oldcap; i++)
		if (old[i].key)
			mm2_kvmap_put(m, old[i].key, &old[i].val);
	free(old);
}

void mm2_kvmap_put(struct mm2_kvmap *m, const char *key, const struct mm2_setting *val)
{
	/* VAL may point into this map's own slots, which a rehash frees. */
	struct mm2_setting copy = *val;
	struct mm2_kvslot *s;

	val = &copy;
	if ((m->n + 1) * 2 > m->cap)
		rehash(m);
	s = find_slot(m, key);
	if (!s->key) {
		s->key = key;
		m->n++;
	}
	s->val = *val;
}

void mm2_kvmap_put_absent(struct mm2_kvmap *m, const char *key, const struct mm2_setting *val)
{
	if (!mm2_kvmap_get(m, key))
		mm2_kvmap_put(m, key, val);
}

const struct mm2_setting *mm2_kvmap_get(const struct mm2_kvmap *m, const char *key)
{
	struct mm2_kvslot *s = find_slot(m, key);

	return s && s->key ? &s->val : NULL;
}

void mm2_kvmap_remove(struct mm2_kvmap *m, const char *key)
{
	struct mm2_kvslot *s = find_slot(m, key);
	size_t i, j;

	if (!s || !s->key)
		return;
	/* Backward-shift deletion keeps probe chains intact. */
	i = (size_t)(s - m->slot);
	m->slot[i].key = NULL;
	m->n--;
	for (j = (i + 1) & (m->cap - 1); m->slot[j].key; j = (j + 1) & (m->cap - 1)) {
		struct mm2_kvslot moved = m->slot[j];

		m->slot[j].key = NULL;
		m->n--;
		mm2_kvmap_put(m, moved.key, &moved.val);
	}
}

void mm2_kvmap_put_all(struct mm2_kvmap *dst, const struct mm2_kvmap *src)
{
	size_t i;

	for (i = 0; i < src->cap; i++)
		if (src->slot[i].key)
			mm2_kvmap_put(dst, src->slot[i].key, &src->slot[i].val);
}

bool mm2_kvmap_next(const struct mm2_kvmap *m, size_t *i, const char **key,
		    const struct mm2_setting **val)
{
	for (; *i < m->cap; (*i)++) {
		if (m->slot[*i].key) {
			*key = m->slot[*i].key;
			*val = &m->slot[*i].val;
			(*i)++;
			return true;
		}
	}
	return false;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **mm2_kvmap_sorted_keys(const struct mm2_kvmap *m, size_t *n)
{
	const char **keys = mm2_xmalloc((m->n ? m->n : 1) * sizeof(*keys));
	size_t i, k = 0;

	for (i = 0; i < m->cap; i++)
		if (m->slot[i].key)
			keys[k++] = m->slot[i].key;
	qsort(keys, k, sizeof(*keys), cmp_strp);
	*n = k;
	return keys;
}

static struct mm2_loc loc_of(const struct mm2_source *src, unsigned line, unsigned col)
{
	struct mm2_loc l = {src, line, col, 0, 0};

	return l;
}

void mm2_doc_from_props(struct mm2_doc *doc, const struct mm2_source *src,
			const struct mm2_props *props, struct mm2_arena *arena)
{
	size_t i;

	memset(doc, 0, sizeof(*doc));
	doc->src = src;
	doc->parse_failed = props->failed;
	doc->entries = mm2_arena_alloc(arena, (props->n ? props->n : 1) * sizeof(*doc->entries));
	doc->last = mm2_arena_alloc(arena, sizeof(*doc->last));
	mm2_kvmap_init(doc->last);
	for (i = 0; i < props->n; i++) {
		const struct mm2_prop *p = &props->v[i];
		struct mm2_entry *e = &doc->entries[doc->n];
		struct mm2_setting s = {0};

		e->key = p->key;
		e->key_len = p->key_len;
		e->value = p->value;
		e->value_len = p->value_len;
		e->key_loc = loc_of(src, p->key_line, p->key_col);
		e->value_loc = loc_of(src, p->value_line, p->value_col);
		e->prop = p;
		e->shadowed = p->shadowed;
		e->index = (unsigned)doc->n++;
		s.value = e->value;
		s.origin = MM2_ORIGIN_FILE;
		s.entry = e;
		mm2_kvmap_put(doc->last, e->key, &s);
	}
}

void mm2_doc_release(struct mm2_doc *doc)
{
	if (doc->last)
		mm2_kvmap_release(doc->last);
	doc->last = NULL;
}

const struct mm2_entry *mm2_doc_get(const struct mm2_doc *doc, const char *key)
{
	const struct mm2_setting *s = mm2_kvmap_get(doc->last, key);

	return s ? s->entry : NULL;
}

/* Is the text of E's key (KEY) or value written in the file exactly as it reads? */
static bool written_plainly(const struct mm2_entry *e, bool key)
{
	const struct mm2_prop *p = e->prop;
	const char *raw;
	size_t len;

	if (!p || p->continued)
		return false;
	raw = e->key_loc.src->data + (key ? p->key_off : p->value_off);
	len = key ? e->key_len : e->value_len;
	if (!key && p->end_off - p->value_off != len)
		return false;
	return memcmp(raw, key ? e->key : e->value, len) == 0;
}

struct mm2_loc mm2_entry_key_point(const struct mm2_entry *e, size_t off)
{
	struct mm2_loc l = e->key_loc;

	if (off <= e->key_len && written_plainly(e, true))
		l.col += (unsigned)off;
	return l;
}

struct mm2_loc mm2_entry_value_point(const struct mm2_entry *e, size_t off)
{
	struct mm2_loc l = e->value_len ? e->value_loc : e->key_loc;

	if (e->value_len && off <= e->value_len && written_plainly(e, false))
		l.col += (unsigned)off;
	return l;
}
