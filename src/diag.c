/*
 * Diagnostics (diag.h): the list every rule appends to and every reporter reads.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/diag.h"
#include "mm2lint/util.h"
#include "banned.h"

static const char *const sev_names[] = {"off", "note", "warning", "error"};

const char *mm2_severity_name(enum mm2_severity s)
{
	return (unsigned)s < 4 ? sev_names[s] : "error";
}

int mm2_severity_parse(const char *name)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(name, sev_names[i]) == 0)
			return i;
	return -1;
}

void mm2_diags_init(struct mm2_diags *d, struct mm2_arena *arena)
{
	memset(d, 0, sizeof(*d));
	d->arena = arena;
}

void mm2_diags_release(struct mm2_diags *d)
{
	free(d->v);
	d->v = NULL;
	d->n = d->alloc = 0;
}

struct mm2_diag *mm2_diags_add(struct mm2_diags *d, const struct mm2_rule_info *rule,
			       enum mm2_severity sev, struct mm2_loc loc, const char *message,
			       const char *anchor)
{
	struct mm2_diag *g;

	MM2_GROW(d->v, d->alloc, d->n + 1);
	g = &d->v[d->n++];
	memset(g, 0, sizeof(*g));
	g->rule = rule;
	g->severity = sev;
	g->loc = loc;
	g->message = mm2_arena_strdup(d->arena, message);
	g->anchor = mm2_arena_strdup(d->arena, anchor ? anchor : "");
	return g;
}

void mm2_diag_add_related(struct mm2_diags *d, struct mm2_diag *diag, struct mm2_loc loc,
			  const char *message)
{
	struct mm2_related *r = mm2_arena_alloc(d->arena, (diag->nrelated + 1) * sizeof(*r));

	if (diag->nrelated)
		memcpy(r, diag->related, diag->nrelated * sizeof(*r));
	r[diag->nrelated].loc = loc;
	r[diag->nrelated].message = mm2_arena_strdup(d->arena, message ? message : "");
	diag->related = r;
	diag->nrelated++;
}

static int cmp_diag(const void *pa, const void *pb)
{
	const struct mm2_diag *a = pa, *b = pb;
	const char *fa = a->loc.src ? a->loc.src->path : "";
	const char *fb = b->loc.src ? b->loc.src->path : "";
	int c = strcmp(fa, fb);

	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	c = strcmp(a->rule->id, b->rule->id);
	if (c)
		return c;
	return strcmp(a->message, b->message);
}

void mm2_diags_sort(struct mm2_diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(d->v[0]), cmp_diag);
}
