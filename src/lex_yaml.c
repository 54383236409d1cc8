/*
 * YAML front-end, lower layer (yaml.h): accepts what libyaml 0.2.5 accepts, a
 * UTF-8 stream of YAML 1.1 documents (JSON included), block and flow styles,
 * anchors, aliases, tags and "<<" merge keys, and builds one positioned node
 * per node written, in a single pass over libyaml's events, without recursion.
 * This is the only file that sees yaml_* types.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "mm2lint/util.h"
#include "mm2lint/yaml.h"
#include "banned.h"

/*
 * libyaml's marks count characters (a CRLF is two), not bytes, and its lines
 * also break at U+0085, U+2028 and U+2029, which source.h does not. The cursor
 * walks the buffer to turn a mark's character index into a byte offset and a
 * line and column that agree with mm2_source_pos. Event marks only move
 * forward, so the walk is linear; only an error's context mark can lie behind,
 * and that one seek restarts from the top.
 */
struct cursor {
	const struct mm2_source *src;
	size_t idx; /* libyaml character index at off */
	size_t off;
	unsigned line, col; /* 1-based */
};

static int peek(const struct cursor *c)
{
	return c->off < c->src->len ? (unsigned char)c->src->data[c->off] : -1;
}

static void cursor_step(struct cursor *c)
{
	const char *d = c->src->data;
	size_t len = c->src->len;
	unsigned char ch = (unsigned char)d[c->off];
	size_t w = ch < 0xC0 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;

	if (w > len - c->off)
		w = len - c->off;
	c->off += w;
	c->idx++;
	/* The same breaks as source.c's line map, which starts no line at EOF. */
	if ((ch == '\n' || (ch == '\r' && d[c->off] != '\n')) && c->off < len) {
		c->line++;
		c->col = 1;
	} else {
		c->col++;
	}
}

static void cursor_seek(struct cursor *c, size_t idx)
{
	if (idx < c->idx) {
		c->idx = 0;
		c->off = 0;
		c->line = c->col = 1;
	}
	while (c->idx < idx && c->off < c->src->len) {
		unsigned char ch = (unsigned char)c->src->data[c->off];

		if (ch >= 0x80 || ch == '\n' || ch == '\r') {
			cursor_step(c);
			continue;
		}
		c->off++; /* the common case, inlined */
		c->idx++;
		c->col++;
	}
}

static bool is_blank(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/*
 * A scalar's event starts at its anchor or tag. Step over each property and
 * the separation after it (blanks, line breaks, comments), never past the
 * scalar's end: an empty scalar with properties ends right after them.
 */
static void skip_properties(struct cursor *c, int nprops, size_t end_idx)
{
	while (nprops-- > 0 && (peek(c) == '&' || peek(c) == '!')) {
		while (c->idx < end_idx && peek(c) >= 0 && !is_blank(peek(c)))
			cursor_step(c);
		while (c->idx < end_idx && (is_blank(peek(c)) || peek(c) == '#')) {
			if (peek(c) != '#') {
				cursor_step(c);
				continue;
			}
			while (c->idx < end_idx && peek(c) >= 0 && peek(c) != '\n' &&
			       peek(c) != '\r')
				cursor_step(c);
		}
	}
}

/*
 * Strings to indexes, open addressing. Entries of an older generation are
 * empty, so emptying the table between mappings costs nothing.
 */
struct stab_ent {
	const char *s;
	size_t len;
	uint64_t hash;
	size_t val;
	unsigned gen;
};

struct stab {
	struct stab_ent *v;
	size_t cap, n; /* cap is 0 or a power of two */
	unsigned gen;
};

/* FNV-1a, then a full avalanche (MurmurHash3's finaliser): the table uses the
 * low bits, which plain FNV-1a lets crafted keys collide in cheaply. */
static uint64_t hash_str(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037u;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	return h ^ (h >> 33);
}

static void stab_reset(struct stab *t)
{
	t->n = 0;
	if (++t->gen == 0) {
		memset(t->v, 0, t->cap * sizeof(*t->v));
		t->gen = 1;
	}
}

static struct stab_ent *stab_slot(struct stab *t, const char *s, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (t->cap - 1);

	for (;; i = (i + 1) & (t->cap - 1)) {
		struct stab_ent *e = &t->v[i];

		if (e->gen != t->gen)
			return e;
		if (e->hash == h && e->len == len && !memcmp(e->s, s, len))
			return e;
	}
}

static void stab_grow(struct stab *t)
{
	struct stab_ent *old = t->v;
	size_t i, old_cap = t->cap;
	unsigned old_gen = t->gen;

	t->cap = old_cap ? old_cap * 2 : 64;
	t->v = mm2_xcalloc(t->cap, sizeof(*t->v));
	t->gen = 1;
	for (i = 0; i < old_cap; i++) {
		struct stab_ent *e;

		if (old[i].gen != old_gen)
			continue;
		e = stab_slot(t, old[i].s, old[i].len, old[i].hash);
		*e = old[i];
		e->gen = 1;
	}
	free(old);
}

/* The entry for S[0..LEN): an existing one (*FOUND), or a new one holding VAL. */
static struct stab_ent *stab_put(struct stab *t, const char *s, size_t len, size_t val, bool *found)
{
	uint64_t h = hash_str(s, len);
	struct stab_ent *e;

	if (2 * (t->n + 1) > t->cap)
		stab_grow(t);
	e = stab_slot(t, s, len, h);
	*found = e->gen == t->gen;
	if (!*found) {
		e->s = s;
		e->len = len;
		e->hash = h;
		e->val = val;
		e->gen = t->gen;
		t->n++;
	}
	return e;
}

static struct stab_ent *stab_get(struct stab *t, const char *s, size_t len)
{
	struct stab_ent *e;

	if (!t->cap)
		return NULL;
	e = stab_slot(t, s, len, hash_str(s, len));
	return e->gen == t->gen ? e : NULL;
}

/* An anchor of the current document (YAML scopes anchors to a document). */
struct anchor {
	struct mm2_node *node;
	uint64_t weight; /* the node's expanded size */
	bool open;	 /* a collection still being read */
};

/* A collection being read; frames[0] stands for the whole stream. */
struct frame {
	struct mm2_node *node;
	size_t base;	 /* its first child on the kids stack */
	uint64_t weight; /* expanded size so far: itself, its children, aliases followed */
	size_t anchor;	 /* 1 + its index in anchors, or 0 */
	bool block;
};

struct builder {
	const struct mm2_source *src;
	struct mm2_arena *arena;
	struct mm2_yaml_docs *out;
	struct mm2_error *err;
	struct cursor cur;
	size_t last_end; /* end of the last scalar, alias or flow collection */
	size_t nnodes;
	struct frame *frames;
	size_t nframes, aframes;
	const struct mm2_node **kids; /* finished nodes waiting for their parent */
	size_t nkids, akids;
	const struct mm2_node **docs;
	size_t ndocs, adocs;
	struct anchor *anchors;
	size_t nanchors, aanchors;
	struct stab anchor_names; /* name -> index in anchors */
	struct stab keys;	  /* scratch: the keys of one mapping */
};

/* Record a finding at OFF; returns 1, which stops the event loop. */
static int fail_at(struct builder *b, size_t off, unsigned line, unsigned col, const char *msg)
{
	struct mm2_yaml_docs *o = b->out;

	o->failed = true;
	o->error_off = off;
	o->error_line = line;
	o->error_col = col;
	o->error_msg = msg;
	return 1;
}

static int fail_here(struct builder *b, const char *msg)
{
	return fail_at(b, b->cur.off, b->cur.line, b->cur.col, msg);
}

static int limit_hit(struct builder *b, const char *what, unsigned limit, const char *unit)
{
	return mm2_error_set(b->err, MM2_ELIMIT, "%s:%u:%u: YAML %s %u %s", b->src->path,
			     b->cur.line, b->cur.col, what, limit, unit);
}

/* A new node of KIND at the cursor, counted against MM2_YAML_MAX_NODES. */
static int new_node(struct builder *b, enum mm2_node_kind kind, const yaml_char_t *tag,
		    struct mm2_node **out)
{
	struct mm2_node *n;

	if (b->nnodes++ >= MM2_YAML_MAX_NODES)
		return limit_hit(b, "stream has more than", MM2_YAML_MAX_NODES, "nodes");
	n = mm2_arena_alloc(b->arena, sizeof(*n));
	n->kind = kind;
	n->off = b->cur.off;
	n->line = b->cur.line;
	n->col = b->cur.col;
	if (tag)
		n->tag = mm2_arena_strdup(b->arena, (const char *)tag);
	*out = n;
	return 0;
}

/* Hand the finished node N, of expanded size W, to the collection being read. */
static int add_kid(struct builder *b, const struct mm2_node *n, uint64_t w)
{
	struct frame *f = &b->frames[b->nframes - 1];

	if (b->nkids == b->akids)
		MM2_GROW(b->kids, b->akids, b->nkids + 1);
	b->kids[b->nkids++] = n;
	f->weight += w;
	if (f->weight > MM2_YAML_MAX_EXPANDED)
		return limit_hit(b, "aliases expand to more than", MM2_YAML_MAX_EXPANDED, "nodes");
	return 0;
}

/* Name the node N; later aliases to NAME mean N, even if NAME named another. */
static size_t add_anchor(struct builder *b, const yaml_char_t *name, struct mm2_node *n, uint64_t w,
			 bool open)
{
	size_t i = b->nanchors, len = strlen((const char *)name);
	struct stab_ent *e = stab_get(&b->anchor_names, (const char *)name, len);
	bool found;

	MM2_GROW(b->anchors, b->aanchors, i + 1);
	b->anchors[b->nanchors++] = (struct anchor){n, w, open};
	if (e)
		e->val = i;
	else
		stab_put(&b->anchor_names, mm2_arena_strndup(b->arena, (const char *)name, len),
			 len, i, &found);
	return i + 1;
}

static enum mm2_scalar_style scalar_style(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
		return MM2_SCALAR_SINGLE_QUOTED;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		return MM2_SCALAR_DOUBLE_QUOTED;
	case YAML_LITERAL_SCALAR_STYLE:
		return MM2_SCALAR_LITERAL;
	case YAML_FOLDED_SCALAR_STYLE:
		return MM2_SCALAR_FOLDED;
	default:
		return MM2_SCALAR_PLAIN;
	}
}

static bool is_null_text(const char *s, size_t len)
{
	return len == 0 || (len == 1 && *s == '~') ||
	       (len == 4 &&
		(!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4)));
}

static int on_scalar(struct builder *b, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = ev->data.scalar.anchor, *tag = ev->data.scalar.tag;
	const char *d = b->src->data;
	struct mm2_node *n;
	int ret;

	cursor_seek(&b->cur, ev->start_mark.index);
	skip_properties(&b->cur, !!anchor + !!tag, ev->end_mark.index);
	if ((ret = new_node(b, MM2_NODE_SCALAR, tag, &n)) != 0)
		return ret;
	n->len = ev->data.scalar.length;
	n->str = mm2_arena_strndup(b->arena, (const char *)ev->data.scalar.value, n->len);
	n->style = scalar_style(ev->data.scalar.style);
	n->plain_null = n->style == MM2_SCALAR_PLAIN && !tag && is_null_text(n->str, n->len);
	cursor_seek(&b->cur, ev->end_mark.index);
	n->end_off = b->cur.off;
	/* A block scalar's event ends after its trailing breaks and blank lines. */
	if (n->style == MM2_SCALAR_LITERAL || n->style == MM2_SCALAR_FOLDED)
		while (n->end_off > n->off + 1 && is_blank(d[n->end_off - 1]))
			n->end_off--;
	b->last_end = n->end_off;
	if (anchor)
		add_anchor(b, anchor, n, 1, false);
	return add_kid(b, n, 1);
}

static int on_alias(struct builder *b, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor, *msg;
	struct stab_ent *e = stab_get(&b->anchor_names, name, strlen(name));
	const struct anchor *a;

	cursor_seek(&b->cur, ev->start_mark.index);
	if (!e)
		return fail_here(b, mm2_arena_printf(b->arena, "found undefined alias '%s'", name));
	a = &b->anchors[e->val];
	if (a->open) {
		msg = mm2_arena_printf(b->arena, "found alias '%s' inside the node it names", name);
		return fail_here(b, msg);
	}
	cursor_seek(&b->cur, ev->end_mark.index);
	b->last_end = b->cur.off;
	return add_kid(b, a->node, a->weight);
}

/*
 * Put the cursor on a collection's first character. Without properties that is
 * where the event starts. With them, the event ends at the token that opens
 * the collection: after "[" or "{", at a block mapping's first key or a block
 * sequence's first "-", or after that "-" for a sequence not indented under
 * its key ("key:\n- a"), the one case where the character before the end is "-".
 */
static void seek_collection(struct cursor *c, const yaml_event_t *ev, bool props, bool block)
{
	size_t end = ev->end_mark.index;

	if (!props || end == 0) {
		cursor_seek(c, ev->start_mark.index);
		return;
	}
	cursor_seek(c, end - 1);
	if (block && peek(c) != '-')
		cursor_seek(c, end);
}

static int on_start(struct builder *b, const yaml_event_t *ev, enum mm2_node_kind kind)
{
	const yaml_char_t *anchor, *tag;
	struct mm2_node *n;
	bool block;
	int ret;

	if (kind == MM2_NODE_MAP) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		block = ev->data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE;
	} else {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		block = ev->data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE;
	}
	seek_collection(&b->cur, ev, anchor || tag, block);
	if (b->nframes > MM2_YAML_MAX_DEPTH)
		return limit_hit(b, "nested deeper than", MM2_YAML_MAX_DEPTH, "collections");
	if ((ret = new_node(b, kind, tag, &n)) != 0)
		return ret;
	MM2_GROW(b->frames, b->aframes, b->nframes + 1);
	b->frames[b->nframes++] = (struct frame){
		.node = n,
		.base = b->nkids,
		.weight = 1,
		.anchor = anchor ? add_anchor(b, anchor, n, 0, true) : 0,
		.block = block,
	};
	return 0;
}

/* Flag every own pair whose scalar key a later own pair repeats. */
static void mark_duplicates(struct builder *b, struct mm2_node_pair *p, size_t n)
{
	size_t i;
	bool found;

	if (n < 2)
		return;
	stab_reset(&b->keys);
	for (i = n; i-- > 0;) {
		const struct mm2_node *k = p[i].key;

		if (k->kind != MM2_NODE_SCALAR)
			continue;
		stab_put(&b->keys, k->str, k->len, i, &found);
		p[i].duplicate = found;
	}
}

static bool is_merge_key(const struct mm2_node *k)
{
	if (k->kind != MM2_NODE_SCALAR || k->len != 2 || memcmp(k->str, "<<", 2))
		return false;
	if (k->tag)
		return !strcmp(k->tag, "tag:yaml.org,2002:merge");
	return k->style == MM2_SCALAR_PLAIN;
}

/* Append to V the pairs of SRC whose keys are not taken yet; returns the new count. */
static size_t take_pairs(struct builder *b, struct mm2_node_pair *v, size_t m,
			 const struct mm2_node *src)
{
	size_t i;
	bool found;

	for (i = 0; i < src->npairs; i++) {
		const struct mm2_node_pair *p = &src->pairs[i];

		if (p->duplicate)
			continue; /* a later pair of SRC is the one it means */
		if (p->key->kind == MM2_NODE_SCALAR) {
			stab_put(&b->keys, p->key->str, p->key->len, 0, &found);
			if (found)
				continue;
		}
		v[m] = *p;
		v[m++].merged = true;
	}
	return m;
}

/* How many pairs the merge key's value V can bring, or SIZE_MAX if it is unfit. */
static size_t merge_size(const struct mm2_node *v)
{
	size_t i, n = 0;

	if (v->kind == MM2_NODE_MAP)
		return v->npairs;
	if (v->kind != MM2_NODE_SEQ)
		return SIZE_MAX;
	for (i = 0; i < v->nitems; i++) {
		if (v->items[i]->kind != MM2_NODE_MAP)
			return SIZE_MAX;
		n += v->items[i]->npairs;
	}
	return n;
}

/*
 * Replace N's pairs by its own pairs without the "<<" ones, preceded by the
 * merged pairs that no own pair and no earlier merged mapping overrides. The
 * budget holds the size: every merged pair was counted through an alias or
 * node already added to N's expanded size.
 */
static int resolve_merges(struct builder *b, struct mm2_node *n)
{
	const struct mm2_node_pair *own = n->pairs;
	struct mm2_node_pair *v;
	size_t i, j, m = 0, cap = 0;
	bool found;

	for (i = 0; i < n->npairs; i++) {
		size_t add = is_merge_key(own[i].key) ? merge_size(own[i].value) : 1;

		if (add == SIZE_MAX)
			return fail_at(b, own[i].key->off, own[i].key->line, own[i].key->col,
				       "merge key '<<' needs a mapping or a sequence of mappings");
		cap += add;
	}
	v = mm2_arena_alloc(b->arena, cap * sizeof(*v));
	stab_reset(&b->keys);
	for (i = 0; i < n->npairs; i++)
		if (!is_merge_key(own[i].key) && own[i].key->kind == MM2_NODE_SCALAR)
			stab_put(&b->keys, own[i].key->str, own[i].key->len, i, &found);
	for (i = 0; i < n->npairs; i++) {
		const struct mm2_node *src = own[i].value;

		if (!is_merge_key(own[i].key))
			continue;
		if (src->kind == MM2_NODE_MAP)
			m = take_pairs(b, v, m, src);
		for (j = 0; j < src->nitems; j++)
			m = take_pairs(b, v, m, src->items[j]);
	}
	for (i = 0; i < n->npairs; i++)
		if (!is_merge_key(own[i].key))
			v[m++] = own[i];
	n->pairs = v;
	n->npairs = m;
	return 0;
}

static int build_pairs(struct builder *b, struct mm2_node *n, const struct mm2_node **kids,
		       size_t npairs)
{
	struct mm2_node_pair *p = mm2_arena_alloc(b->arena, npairs * sizeof(*p));
	size_t i, nmerge = 0;

	for (i = 0; i < npairs; i++) {
		p[i].key = kids[2 * i];
		p[i].value = kids[2 * i + 1];
		nmerge += is_merge_key(p[i].key);
	}
	mark_duplicates(b, p, npairs);
	n->pairs = p;
	n->npairs = npairs;
	return nmerge ? resolve_merges(b, n) : 0;
}

static int on_end(struct builder *b, const yaml_event_t *ev)
{
	struct frame f = b->frames[--b->nframes];
	struct mm2_node *n = f.node;
	size_t k = b->nkids - f.base;
	int ret = 0;

	if (f.block) {
		/* A block collection's end event sits on the next token, past
		 * comments and blank lines; it ends where its last child does. */
		n->end_off = b->last_end > n->off ? b->last_end : n->off;
	} else {
		cursor_seek(&b->cur, ev->end_mark.index);
		n->end_off = b->last_end = b->cur.off;
	}
	if (n->kind == MM2_NODE_SEQ) {
		const struct mm2_node **items = mm2_arena_alloc(b->arena, k * sizeof(*items));

		if (k)
			memcpy(items, b->kids + f.base, k * sizeof(*items));
		n->items = items;
		n->nitems = k;
	} else {
		ret = build_pairs(b, n, b->kids + f.base, k / 2);
	}
	b->nkids = f.base;
	if (ret)
		return ret;
	if (f.anchor) {
		b->anchors[f.anchor - 1].open = false;
		b->anchors[f.anchor - 1].weight = f.weight;
	}
	return add_kid(b, n, f.weight);
}

static void on_document_end(struct builder *b)
{
	if (b->nkids) {
		MM2_GROW(b->docs, b->adocs, b->ndocs + 1);
		b->docs[b->ndocs++] = b->kids[b->nkids - 1];
	}
	b->nkids = 0;
	b->nanchors = 0;
	stab_reset(&b->anchor_names);
}

static int on_event(struct builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_ALIAS_EVENT:
		return on_alias(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(b, ev, MM2_NODE_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev, MM2_NODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(b, ev);
	case YAML_DOCUMENT_END_EVENT:
		on_document_end(b);
		return 0;
	default:
		return 0;
	}
}

/* The reader reports a byte offset and the offending octet or code point. */
static int reader_failed(struct builder *b, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "cannot read the input";
	size_t off = p->problem_offset < b->src->len ? p->problem_offset : b->src->len;
	const char *msg = problem;
	unsigned line, col;

	if (p->problem_value != -1 && strstr(problem, "octet"))
		msg = mm2_arena_printf(b->arena, "%s (0x%02X)", problem, p->problem_value);
	else if (p->problem_value != -1)
		msg = mm2_arena_printf(b->arena, "%s (U+%04X)", problem, p->problem_value);
	mm2_source_pos(b->src, off, &line, &col);
	return fail_at(b, off, line, col, msg);
}

/* libyaml stopped: "PROBLEM CONTEXT", at the problem, with the context's start. */
static int libyaml_failed(struct builder *b, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "cannot parse the input";
	const char *msg = problem;

	if (p->error == YAML_MEMORY_ERROR)
		mm2_die_oom();
	if (p->error == YAML_READER_ERROR)
		return reader_failed(b, p);
	if (p->context) {
		cursor_seek(&b->cur, p->context_mark.index);
		b->out->context_line = b->cur.line;
		b->out->context_col = b->cur.col;
		msg = mm2_arena_printf(b->arena, "%s %s", problem, p->context);
	}
	cursor_seek(&b->cur, p->problem_mark.index);
	return fail_here(b, msg);
}

static void builder_release(struct builder *b)
{
	free(b->frames);
	free(b->kids);
	free(b->docs);
	free(b->anchors);
	free(b->anchor_names.v);
	free(b->keys.v);
}

static void publish(struct builder *b)
{
	const struct mm2_node **docs = mm2_arena_alloc(b->arena, b->ndocs * sizeof(*docs));

	if (b->ndocs)
		memcpy(docs, b->docs, b->ndocs * sizeof(*docs));
	b->out->docs = docs;
	b->out->n = b->ndocs;
}

int mm2_yaml_parse(struct mm2_yaml_docs *out, const struct mm2_source *src, struct mm2_arena *arena,
		   struct mm2_error *err)
{
	struct builder b = {.src = src, .arena = arena, .out = out, .err = err};
	yaml_parser_t parser;
	yaml_event_t ev;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	b.cur = (struct cursor){.src = src, .line = 1, .col = 1};
	MM2_GROW(b.frames, b.aframes, 1);
	b.frames[b.nframes++] = (struct frame){0};
	if (!yaml_parser_initialize(&parser))
		mm2_die_oom();
	/* UTF-8 only: columns are counted in it, and a UTF-16 file fails at its BOM. */
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)src->data, src->len);
	while (!ret) {
		bool last;

		if (!yaml_parser_parse(&parser, &ev)) {
			ret = libyaml_failed(&b, &parser);
			break;
		}
		last = ev.type == YAML_STREAM_END_EVENT;
		ret = on_event(&b, &ev);
		yaml_event_delete(&ev);
		if (last)
			break;
	}
	yaml_parser_delete(&parser);
	if (ret < 0)
		memset(out, 0, sizeof(*out));
	else
		publish(&b);
	builder_release(&b);
	return ret < 0 ? ret : 0;
}

const struct mm2_node *mm2_node_get(const struct mm2_node *map, const char *key)
{
	size_t i, len;

	if (!map || map->kind != MM2_NODE_MAP)
		return NULL;
	len = strlen(key);
	for (i = map->npairs; i-- > 0;) {
		const struct mm2_node *k = map->pairs[i].key;

		if (k->kind == MM2_NODE_SCALAR && k->len == len && !memcmp(k->str, key, len))
			return map->pairs[i].value;
	}
	return NULL;
}
