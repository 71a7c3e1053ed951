/* intcount.c - counting occurrences of 64-bit keys (see intcount.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "util/intcount.h"

void intcount_init(struct intcount *m)
{
	memset(m, 0, sizeof *m);
}

void intcount_free(struct intcount *m)
{
	free(m->slots);
	intcount_init(m);
}

/* A 64-bit mix (splitmix64's finaliser): ids and bucket starts are
 * sequential, and sequential keys would cluster under linear probing. */
static size_t slot_of(int64_t key, size_t cap)
{
	uint64_t x = (uint64_t)key;
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	x ^= x >> 31;
	return (size_t)(x & (cap - 1));
}

static struct intcount_slot *find(const struct intcount *m, int64_t key)
{
	size_t i = slot_of(key, m->cap);
	while (m->slots[i].count && m->slots[i].key != key)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static int grow(struct intcount *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct intcount_slot *old = m->slots;
	size_t oldcap = m->cap;
	m->slots = calloc(cap, sizeof *m->slots);
	if (!m->slots) {
		m->slots = old;
		return -1;
	}
	m->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].count)
			*find(m, old[i].key) = old[i];
	free(old);
	return 0;
}

int intcount_add(struct intcount *m, int64_t key, int64_t n)
{
	/* At most half full keeps probe runs short. */
	if ((m->count + 1) * 2 > m->cap && grow(m) < 0)
		return -1;
	struct intcount_slot *s = find(m, key);
	if (!s->count) {
		s->key = key;
		m->count++;
	}
	s->count += n;
	return 0;
}

int64_t intcount_get(const struct intcount *m, int64_t key)
{
	return m->cap ? find(m, key)->count : 0;
}

static int by_count(const void *pa, const void *pb)
{
	const struct intcount_slot *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

struct intcount_slot *intcount_sorted(const struct intcount *m)
{
	if (!m->count)
		return NULL;
	struct intcount_slot *out = malloc(m->count * sizeof *out);
	if (!out)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].count)
			out[n++] = m->slots[i];
	qsort(out, n, sizeof *out, by_count);
	return out;
}
