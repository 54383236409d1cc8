/*
 * Pattern.study() for the Java-regex parser: Java rejects a look-behind unless
 * study() finds "an obvious maximum length", with quirks (int lengths that wrap,
 * Loop ending the walk, a branch measuring what follows afresh) that decide real
 * patterns, so the node chain is rebuilt here and walked as Java walks it.
 */
#include <string.h>
#include "jregex_java.h"
#include "banned.h"

#define MAX_REPS 0x7FFFFFFF

struct info { /* Pattern.TreeInfo */
	int32_t min, max;
	bool max_valid, det;
};

struct cont { /* what the walk goes on with after a group's body */
	const struct jr_node *node;
	const struct cont *up;
};

static void reset(struct info *in)
{
	in->min = 0;
	in->max = 0;
	in->max_valid = true;
	in->det = true;
}

static int32_t add(int32_t a, int32_t b)
{
	return (int32_t)((uint32_t)a + (uint32_t)b);
}

static int32_t mul(int32_t a, int32_t b)
{
	return (int32_t)((uint32_t)a * (uint32_t)b);
}

static void study(const struct jr_node *n, const struct cont *up, struct info *in);

/* Curly.study() and GroupCurly.study(). */
static void curly(const struct jr_node *n, struct info *in)
{
	int32_t min_l = in->min, max_l = in->max, t;
	bool max_v = in->max_valid, det = in->det;

	reset(in);
	study(n->body.head, NULL, in);
	t = add(mul(in->min, n->n), min_l);
	in->min = t < min_l ? 0xFFFFFFF : t;
	if (max_v && in->max_valid) {
		t = add(mul(in->max, n->cmax), max_l);
		in->max = t;
		if (t < max_l)
			in->max_valid = false;
	} else {
		in->max_valid = false;
	}
	in->det = in->det && n->n == n->cmax ? det : false;
}

/* Branch.study(): each alternative alone, then what follows from scratch, then the sum. */
static void branch(const struct jr_node *n, const struct cont *up, struct info *in)
{
	int32_t min_l = in->min, max_l = in->max, min_l2 = INT32_MAX, max_l2 = -1;
	bool max_v = in->max_valid;
	const struct jr_alt *a;
	struct info alt;

	for (a = n->alts; a; a = a->next) {
		reset(&alt);
		study(a->list.head, NULL, &alt);
		if (alt.min < min_l2)
			min_l2 = alt.min;
		if (alt.max > max_l2)
			max_l2 = alt.max;
		max_v = max_v && alt.max_valid;
	}
	min_l = add(min_l, min_l2);
	max_l = add(max_l, max_l2);
	reset(in);
	study(n->next, up, in);
	in->min = add(in->min, min_l);
	in->max = add(in->max, max_l);
	in->max_valid = in->max_valid && max_v;
	in->det = false;
}

static void study(const struct jr_node *n, const struct cont *up, struct info *in)
{
	for (;; n = n->next) {
		if (!n) {
			if (!up)
				return;
			study(up->node, up->up, in);
			return;
		}
		switch (n->kind) {
		case JN_CHARS:
		case JN_PROP:
			in->min = add(in->min, n->n);
			in->max = add(in->max, n->n);
			break;
		case JN_ZERO:
			break;
		case JN_LINE_END:
			in->min = add(in->min, 1);
			in->max = add(in->max, 2);
			break;
		case JN_GRAPHEME:
			in->min = add(in->min, 1);
			in->det = false;
			break;
		case JN_PROP_GREEDY:
			in->min = add(in->min, n->n);
			if (in->max_valid)
				in->max = add(in->max, MAX_REPS);
			in->det = false;
			break;
		case JN_CURLY:
			curly(n, in);
			break;
		case JN_QUES: {
			int32_t min_l = in->min;

			study(n->body.head, NULL, in);
			in->min = min_l;
			in->det = false;
			break;
		}
		case JN_INDEP:
			study(n->body.head, NULL, in);
			break;
		case JN_BACKREF:
			in->max_valid = false;
			break;
		case JN_LOOP:
			in->max_valid = false;
			in->det = false;
			return; /* Loop.study() does not go on */
		case JN_GROUP:
			study(n->body.head, &(const struct cont){n->next, up}, in);
			return;
		case JN_BRANCH:
			branch(n, up, in);
			return;
		}
	}
}

struct jr_node *mm2_jr_node(struct jr_parser *p, enum jr_nkind kind)
{
	struct jr_node *n = mm2_arena_alloc(&p->arena, sizeof(*n));

	n->kind = kind;
	n->n = kind == JN_PROP;
	if (p->seq->tail)
		p->seq->tail->next = n;
	else
		p->seq->head = n;
	p->seq->tail = n;
	return n;
}

struct jr_node *mm2_jr_branch(struct jr_parser *p, struct jr_alt *alts)
{
	struct jr_node *n = mm2_arena_alloc(&p->arena, sizeof(*n));

	n->kind = JN_BRANCH;
	n->alts = alts;
	return n;
}

void mm2_jr_quantify(struct jr_parser *p, bool ques, int64_t cmin, int64_t cmax, int32_t type,
		     bool group)
{
	struct jr_node *last = p->seq->tail, *atom = mm2_arena_alloc(&p->arena, sizeof(*atom));
	struct info in;

	*atom = *last;
	atom->next = NULL;
	memset(last, 0, sizeof(*last));
	last->body.head = last->body.tail = atom;
	last->n = (int32_t)cmin;
	last->cmax = cmax < 0 ? MAX_REPS : (int32_t)cmax;
	if (group && ques && type != '+') {
		/* (X)? and (X)?? become a Branch between the group and nothing */
		struct jr_alt *none = mm2_arena_alloc(&p->arena, sizeof(*none));
		struct jr_alt *x = mm2_arena_alloc(&p->arena, sizeof(*x));

		x->list = last->body;
		x->next = none;
		last->kind = JN_BRANCH;
		last->alts = x;
		return;
	}
	if (ques) {
		last->kind = JN_QUES;
		return;
	}
	last->kind = JN_CURLY;
	if (group && type != '+') {
		if (mm2_jr_chain_length(&atom->body) > JR_MAX_CHAIN)
			mm2_jr_give_up(p, JR_TOO_LONG, p->cursor - 1);
		reset(&in);
		study(atom->body.head, NULL, &in);
		if (!in.det)
			last->kind = JN_LOOP;
		/*
		 * Java's Loop ends at the first repetition that matches nothing, even
		 * short of the minimum; PCRE2 stops early like that only in * and +.
		 */
		if (!in.det && in.min == 0 && (cmin > 1 || (cmax > 1 && cmax != MAX_REPS)))
			mm2_jr_unsupported(p,
					   "a repeated group that can match nothing: Java stops "
					   "repeating it sooner than PCRE2",
					   p->cursor - 1);
	} else if (!group && atom->kind == JN_PROP && type == 0 && cmax < 0 && ques == false) {
		last->kind = JN_PROP_GREEDY;
	}
}

bool mm2_jr_behind_bounded(const struct jr_list *body)
{
	struct info in;

	reset(&in);
	study(body->head, NULL, &in);
	return in.max_valid;
}

long mm2_jr_chain_length(const struct jr_list *l)
{
	const struct jr_node *n;
	const struct jr_alt *a;
	long len = 0, longest;

	for (n = l->head; n; n = n->next) {
		len++;
		if (n->kind == JN_GROUP) /* GroupHead, the body, GroupTail */
			len += 1 + mm2_jr_chain_length(&n->body);
		else if (n->kind == JN_CURLY || n->kind == JN_QUES || n->kind == JN_INDEP)
			len += mm2_jr_chain_length(&n->body);
		if (n->kind != JN_BRANCH)
			continue;
		for (a = n->alts, longest = 0; a; a = a->next) {
			long alt = mm2_jr_chain_length(&a->list);

			longest = alt > longest ? alt : longest;
		}
		len += longest;
	}
	return len;
}
