/* recent_set.c - the strings met lately (recent_set.h). */
#include <config.h>

#include "util/recent_set.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"

void recent_set_init(struct recent_set *r, size_t per_generation)
{
	memset(r, 0, sizeof *r);
	r->per_generation = per_generation ? per_generation : 1;
	r->cap = 2;
	while (r->cap < 2 * r->per_generation)
		r->cap <<= 1;
}

void recent_set_free(struct recent_set *r)
{
	free(r->slots[0]);
	free(r->slots[1]);
	recent_set_init(r, r->per_generation);
}

void recent_set_clear(struct recent_set *r)
{
	for (int g = 0; g < 2; g++) {
		if (r->slots[g] && r->count[g])
			memset(r->slots[g], 0, r->cap * sizeof *r->slots[g]);
		r->count[g] = 0;
	}
}

/* The slot holding key, or the empty one where it would go.  A
 * generation is at most half full, so there always is one. */
static struct recent_slot *find(struct recent_slot *slots, size_t cap,
                                const char *key, size_t n, uint64_t h)
{
	for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		struct recent_slot *sl = &slots[i];
		if (!sl->len || (sl->hash == h && sl->len == n &&
		                 memcmp(sl->key, key, n) == 0))
			return sl;
	}
}

bool recent_set_has(const struct recent_set *r, const char *key, size_t n)
{
	if (n == 0 || n > RECENT_KEY_MAX)
		return false;
	uint64_t h = hash_words(key, n);
	for (int g = 0; g < 2; g++)
		if (r->slots[g] && r->count[g] &&
		    find(r->slots[g], r->cap, key, n, h)->len)
			return true;
	return false;
}

int recent_set_add(struct recent_set *r, const char *key, size_t n)
{
	if (n == 0 || n > RECENT_KEY_MAX)
		return 0;
	int g = r->newer;
	if (r->count[g] >= r->per_generation) {
		/* The older generation goes, and its memory holds the newer. */
		g = r->newer = 1 - g;
		if (r->slots[g])
			memset(r->slots[g], 0, r->cap * sizeof *r->slots[g]);
		r->count[g] = 0;
	}
	if (!r->slots[g] &&
	    !(r->slots[g] = calloc(r->cap, sizeof *r->slots[g])))
		return -1;
	uint64_t h = hash_words(key, n);
	struct recent_slot *sl = find(r->slots[g], r->cap, key, n, h);
	if (sl->len)
		return 0;
	sl->hash = h;
	sl->len = (uint8_t)n;
	memcpy(sl->key, key, n);
	r->count[g]++;
	return 0;
}
