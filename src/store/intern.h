/* intern.h - an in-memory map from string to dictionary row id.
 *
 * The writer looks every repeated string of every event up here before it
 * touches SQLite: a million events carry only a few thousand distinct
 * regions, services, principals and agents, and a hash probe is far cheaper
 * than a query.  Open addressing, linear probing, power-of-two size.
 */
#ifndef TRAILNAV_STORE_INTERN_H
#define TRAILNAV_STORE_INTERN_H

#include <stddef.h>
#include <stdint.h>

struct intern_slot {
	char *key; /* NULL: empty */
	size_t keylen;
	uint64_t hash;
	int64_t id;
};

struct intern {
	struct intern_slot *slots;
	size_t cap, count;
	size_t bytes; /* memory held by keys, to bound the cache */
};

void intern_init(struct intern *m);
void intern_free(struct intern *m);
/* Forgets everything (after a rollback made ids invalid). */
void intern_clear(struct intern *m);
/* The id for `key`, or 0 when it is not known. */
int64_t intern_get(const struct intern *m, const char *key, size_t keylen);
/* Remembers key → id.  Returns 0, or -1 on no memory. */
int intern_put(struct intern *m, const char *key, size_t keylen, int64_t id);

#endif
