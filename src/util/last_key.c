/* last_key.c - the key a lookup was last asked (last_key.h). */
#include <config.h>

#include "util/last_key.h"

#include <stdlib.h>

int last_key_set(struct last_key *m, const char *key, size_t n, int64_t id)
{
	m->set = false;
	if (n > m->cap) {
		size_t cap = m->cap ? m->cap : 64;
		while (cap < n)
			cap *= 2;
		char *k = realloc(m->key, cap);
		if (!k)
			return -1;
		m->key = k;
		m->cap = cap;
	}
	if (n)
		memcpy(m->key, key, n);
	m->len = n;
	m->id = id;
	m->set = true;
	return 0;
}

void last_key_forget(struct last_key *m)
{
	m->set = false;
}

void last_key_free(struct last_key *m)
{
	free(m->key);
	*m = (struct last_key){ 0 };
}
