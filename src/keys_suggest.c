/*
 * "Did you mean" for the key checks (keys_suggest.h): an edit distance with
 * adjacent swaps over three rows, as git's levenshtein.c computes it, and the
 * word-order and cut-short tests that catch what a distance ranks badly.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "keys_suggest.h"
#include "banned.h"

#define MAX_KEY 128

static int fold(char c)
{
	return tolower((unsigned char)c);
}

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
	unsigned m = a < b ? a : b;

	return m < c ? m : c;
}

unsigned mm2_keys_distance(const char *a, const char *b, unsigned limit)
{
	unsigned rows[3][MAX_KEY + 1], *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > MAX_KEY || lb > MAX_KEY)
		return strcmp(a, b) == 0 ? 0 : limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		unsigned row_min;

		cur[0] = (unsigned)i;
		row_min = cur[0];
		for (j = 1; j <= lb; j++) {
			unsigned sub = prev[j - 1] + (fold(a[i - 1]) != fold(b[j - 1]));

			cur[j] = min3(sub, prev[j] + 1, cur[j - 1] + 1);
			if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
			    fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
			if (cur[j] < row_min)
				row_min = cur[j];
		}
		if (row_min > limit)
			return limit + 1;
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > limit ? limit + 1 : prev[lb];
}

unsigned mm2_keys_near_limit(const char *key, const char *candidate)
{
	size_t n = strlen(candidate) > strlen(key) ? strlen(candidate) : strlen(key);

	if (n <= 6)
		return 1;
	if (n <= 12)
		return 2;
	return n / 5 > 6 ? 6 : (unsigned)(n / 5);
}

static int cmp_word(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Split a copy of S at dots into WORDS (at most MAX); returns the count or 0. */
static size_t words(const char *s, char *buf, size_t bufsz, char **w, size_t max)
{
	size_t n = 0, len = strlen(s);
	char *p;

	if (len >= bufsz)
		return 0;
	memcpy(buf, s, len + 1);
	for (p = buf; n < max;) {
		char *dot = strchr(p, '.');

		w[n++] = p;
		if (!dot)
			break;
		*dot = '\0';
		p = dot + 1;
	}
	qsort(w, n, sizeof(*w), cmp_word);
	return n;
}

bool mm2_keys_same_words(const char *a, const char *b)
{
	char ba[MAX_KEY + 1], bb[MAX_KEY + 1], *wa[16], *wb[16];
	size_t na, nb, i;

	if (strlen(a) != strlen(b) || strcmp(a, b) == 0)
		return false;
	na = words(a, ba, sizeof(ba), wa, 16);
	nb = words(b, bb, sizeof(bb), wb, 16);
	if (!na || na != nb || na < 2)
		return false;
	for (i = 0; i < na; i++)
		if (strcmp(wa[i], wb[i]) != 0)
			return false;
	return true;
}

void mm2_keys_suggest_init(struct mm2_keys_suggest *sg, const char *key, unsigned limit)
{
	sg->key = key;
	sg->limit = limit;
	sg->best = NULL;
	sg->dist = ~0u;
}

/* "emit.heartbeats" for "emit.heartbeats.enabled": a switch written without its suffix. */
static bool cut_short(const char *key, const char *candidate)
{
	size_t n = strlen(key);

	return strncmp(candidate, key, n) == 0 && strcmp(candidate + n, ".enabled") == 0;
}

void mm2_keys_suggest_try(struct mm2_keys_suggest *sg, const char *candidate)
{
	unsigned limit = sg->limit ? sg->limit : mm2_keys_near_limit(sg->key, candidate), d;

	if (strcmp(sg->key, candidate) == 0)
		return;
	if (mm2_keys_same_words(sg->key, candidate) || cut_short(sg->key, candidate))
		d = 1;
	else
		d = mm2_keys_distance(sg->key, candidate, limit);
	if (d <= limit && d < sg->dist) {
		sg->best = candidate;
		sg->dist = d;
	}
}
