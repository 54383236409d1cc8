/*
 * Inline suppressions in .properties files (docs/suppressions.md). A comment
 *
 *	# mm2lint-disable: MM2-DUR-002, MM2-SEC-001 -- why this is fine here
 *
 * silences those rules on the next key; "mm2lint-disable-file:" silences them in
 * the whole file. A suppression that silences nothing is itself reported
 * (MM2-HYG-003), so stale ones do not pile up. MM2-PARSE-001 cannot be silenced.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/lint.h"
#include "mm2lint/util.h"
#include "banned.h"

struct supp {
	unsigned line, col;   /* where the rule id is written */
	unsigned first, last; /* the lines it covers; 0, 0: the whole file */
	char id[32];
	bool used;
};

struct supps {
	struct supp *v;
	size_t n, alloc;
};

/* The lines of the first entry that starts after LINE, or 0 if none. */
static unsigned entry_after(const struct mm2_input *in, unsigned line, unsigned *last)
{
	size_t i;

	for (i = 0; i < in->doc.n; i++) {
		const struct mm2_entry *e = &in->doc.entries[i];

		if (e->key_loc.line > line) {
			unsigned l, c;

			mm2_source_pos(in->src, e->prop ? e->prop->end_off : 0, &l, &c);
			*last = l > e->key_loc.line ? l : e->key_loc.line;
			return e->key_loc.line;
		}
	}
	return 0;
}

static void add_ids(struct supps *s, const struct mm2_input *in, unsigned line, const char *text,
		    size_t len, const char *start, bool whole_file)
{
	const char *p = start, *end = text + len, *dash = NULL;
	unsigned first = 0, last = 0;

	for (const char *q = start; q + 1 < end; q++)
		if (q[0] == '-' && q[1] == '-' && (q == start || q[-1] == ' ')) {
			dash = q;
			break;
		}
	if (dash)
		end = dash;
	if (!whole_file && !(first = entry_after(in, line, &last)))
		return;
	while (p < end) {
		size_t n;

		while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
			p++;
		n = 0;
		while (p + n < end && p[n] != ' ' && p[n] != '\t' && p[n] != ',')
			n++;
		if (!n)
			break;
		MM2_GROW(s->v, s->alloc, s->n + 1);
		memset(&s->v[s->n], 0, sizeof(s->v[s->n]));
		s->v[s->n].line = line;
		s->v[s->n].col = (unsigned)(p - text) + 1;
		s->v[s->n].first = first;
		s->v[s->n].last = last;
		snprintf(s->v[s->n].id, sizeof(s->v[s->n].id), "%.*s", (int)(n < 31 ? n : 31), p);
		s->n++;
		p += n;
	}
}

/* true if 1-based LINE is part of a key/value (a '#' there is value text). */
static bool inside_entry(const struct mm2_input *in, unsigned line)
{
	size_t i;

	for (i = 0; i < in->doc.n; i++) {
		const struct mm2_entry *e = &in->doc.entries[i];
		unsigned l, c;

		if (e->key_loc.line > line)
			break;
		mm2_source_pos(in->src, e->prop ? e->prop->end_off : 0, &l, &c);
		if (line <= l)
			return true;
	}
	return false;
}

static void read_supps(const struct mm2_input *in, struct supps *s)
{
	static const char tag[] = "mm2lint-disable";
	unsigned line;
	const char *text;
	size_t len;

	for (line = 1; (text = mm2_source_line(in->src, line, &len)); line++) {
		const char *p = text, *end = text + len;

		while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
			p++;
		if (p == end || (*p != '#' && *p != '!'))
			continue;
		for (p++; p < end && (*p == ' ' || *p == '\t'); p++)
			;
		if ((size_t)(end - p) < sizeof(tag) - 1 || memcmp(p, tag, sizeof(tag) - 1) != 0 ||
		    inside_entry(in, line))
			continue;
		p += sizeof(tag) - 1;
		if ((size_t)(end - p) >= 6 && memcmp(p, "-file:", 6) == 0)
			add_ids(s, in, line, text, len, p + 6, true);
		else if (p < end && *p == ':')
			add_ids(s, in, line, text, len, p + 1, false);
	}
}

static bool covers(const struct supp *s, const struct mm2_diag *d)
{
	if (strcmp(s->id, d->rule->id) != 0 || strcmp(d->rule->id, "MM2-PARSE-001") == 0)
		return false;
	return !s->first || (d->loc.line >= s->first && d->loc.line <= s->last);
}

static void report_unused(const struct mm2_input *in, const struct mm2_ruleset *rs,
			  const struct mm2_lint_opts *opts, struct mm2_arena *arena,
			  struct mm2_diags *out, const struct supps *s)
{
	const struct mm2_rule *hyg = mm2_ruleset_find(rs, "MM2-HYG-003");
	size_t i;

	if (!hyg || hyg->info.severity == MM2_SEV_OFF ||
	    (opts->only_rule && strcmp(opts->only_rule, hyg->info.id) != 0))
		return;
	for (i = 0; i < s->n; i++) {
		const struct supp *u = &s->v[i];
		struct mm2_loc loc = {in->src, u->line, u->col, 0, 0};
		const char *why;

		if (u->used)
			continue;
		if (!mm2_ruleset_find(rs, u->id))
			why = "there is no such rule";
		else if (strcmp(u->id, "MM2-PARSE-001") == 0)
			why = "MM2-PARSE-001 cannot be suppressed: Kafka reads nothing from such a "
			      "file";
		else
			why = u->first ? "the rule does not fire on the next key"
				       : "the rule does not fire in this file";
		mm2_diags_add(
			out, &hyg->info, hyg->info.severity, loc,
			mm2_arena_printf(arena,
					 "suppression of %s suppresses nothing: %s; remove it "
					 "(or fix the rule id)",
					 u->id, why),
			mm2_arena_printf(arena, "file/suppression:%s", u->id));
	}
}

void mm2_suppress_apply(const struct mm2_input *in, const struct mm2_ruleset *rs,
			const struct mm2_lint_opts *opts, struct mm2_arena *arena,
			struct mm2_diags *out, size_t first)
{
	struct supps s = {0};
	size_t i, k, kept = first;

	if (in->format != MM2_FORMAT_PROPERTIES || in->props.failed)
		return;
	read_supps(in, &s);
	if (!s.n)
		return;
	for (i = first; i < out->n; i++) {
		bool hit = false;

		for (k = 0; k < s.n; k++)
			if (covers(&s.v[k], &out->v[i]))
				hit = s.v[k].used = true;
		if (!hit)
			out->v[kept++] = out->v[i];
	}
	out->n = kept;
	report_unused(in, rs, opts, arena, out, &s);
	free(s.v);
}
