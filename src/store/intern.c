/* intern.c - string → id map for the writer's dictionaries (intern.h). */
#include <config.h>

#include "store/intern.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: short keys, good enough spread, no dependencies. */
static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void intern_init(struct intern *m)
{
	memset(m, 0, sizeof *m);
}

void intern_clear(struct intern *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	intern_init(m);
}

void intern_free(struct intern *m)
{
	intern_clear(m);
}

static struct intern_slot *find(const struct intern *m, const char *key,
                                size_t keylen, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct intern_slot *sl = &m->slots[i];
		if (!sl->key || (sl->hash == h && sl->keylen == keylen &&
		                 memcmp(sl->key, key, keylen) == 0))
			return sl;
	}
}

int64_t intern_get(const struct intern *m, const char *key, size_t keylen)
{
	if (!m->cap)
		return 0;
	struct intern_slot *sl = find(m, key, keylen, hash_bytes(key, keylen));
	return sl->key ? sl->id : 0;
}

static int rehash(struct intern *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct intern_slot *old = m->slots;
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

int intern_put(struct intern *m, const char *key, size_t keylen, int64_t id)
{
	if ((m->count + 1) * 4 > m->cap * 3 && rehash(m) < 0)
		return -1;
	uint64_t h = hash_bytes(key, keylen);
	struct intern_slot *sl = find(m, key, keylen, h);
	if (sl->key) {
		sl->id = id;
		return 0;
	}
	char *k = malloc(keylen + 1);
	if (!k)
		return -1;
	memcpy(k, key, keylen);
	k[keylen] = '\0';
	*sl = (struct intern_slot){ k, keylen, h, id };
	m->count++;
	m->bytes += keylen + 1;
	return 0;
}
