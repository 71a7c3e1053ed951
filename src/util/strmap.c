/* strmap.c - string → value map (strmap.h). */
#include <config.h>

#include "util/strmap.h"

#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

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
	struct strmap_slot *sl = find(m, key, keylen, hash_words(key, keylen));
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
	uint64_t h = hash_words(key, keylen);
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
