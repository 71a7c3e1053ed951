/* strmap.c - string → value map (strmap.h). */
#include <config.h>

#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

/* Eight bytes a step, each word folded in by a multiply and a shift,
 * and the whole mixed at the end so that the low bits, which pick the
 * slot, depend on every byte.  The importer's writer asks its caches a
 * dozen keys an event, user agents and principals of 100 to 200 bytes
 * among them: with FNV-1a, a byte a step, strmap_get() (the hash, most
 * of it) was 5.6% of the writer's time on the 1M bench trail.  The hash
 * lives only in memory, so the byte order of the machine may change it. */
static uint64_t hash_bytes(const char *p, size_t n)
{
	const uint64_t k1 = 0x9e3779b97f4a7c15ULL, k2 = 0xff51afd7ed558ccdULL;
	uint64_t h = k1 ^ (uint64_t)n;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * k2;
		h ^= h >> 29;
	}
	uint64_t tail = 0;
	memcpy(&tail, p, n);
	h = (h ^ tail) * k1;
	h ^= h >> 32;
	h *= k2;
	return h ^ (h >> 29);
}

size_t strmap_memory(const struct strmap *m)
{
	return m->bytes + m->count * 16 + m->cap * sizeof *m->slots;
}

void strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void strmap_clear(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	strmap_init(m);
}

void strmap_free(struct strmap *m)
{
	strmap_clear(m);
}

static struct strmap_slot *find(const struct strmap *m, const char *key,
                                size_t keylen, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct strmap_slot *sl = &m->slots[i];
		if (!sl->key || (sl->hash == h && sl->keylen == keylen &&
		                 memcmp(sl->key, key, keylen) == 0))
			return sl;
	}
}

int64_t strmap_get(const struct strmap *m, const char *key, size_t keylen)
{
	if (!m->cap)
		return 0;
	struct strmap_slot *sl = find(m, key, keylen, hash_bytes(key, keylen));
	return sl->key ? sl->id : 0;
}

static int rehash(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct strmap_slot *old = m->slots;
	size_t oldcap = m->cap;
	m->slots = calloc(cap, sizeof *m->slots);
	if (!m->slots) {
		m->slots = old;
		return -1;
	}
	m->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].keylen, old[i].hash) = old[i];
	free(old);
	return 0;
}

int strmap_put(struct strmap *m, const char *key, size_t keylen, int64_t id)
{
	if ((m->count + 1) * 4 > m->cap * 3 && rehash(m) < 0)
		return -1;
	uint64_t h = hash_bytes(key, keylen);
	struct strmap_slot *sl = find(m, key, keylen, h);
	if (sl->key) {
		sl->id = id;
		return 0;
	}
	char *k = malloc(keylen + 1);
	if (!k)
		return -1;
	memcpy(k, key, keylen);
	k[keylen] = '\0';
	*sl = (struct strmap_slot){ k, keylen, h, id };
	m->count++;
	m->bytes += keylen + 1;
	return 0;
}
