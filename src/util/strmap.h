/* strmap.h - an in-memory map from string to a 64-bit value.
 *
 * The store's writer keeps its dictionary ids here (a million events carry
 * only a few thousand distinct regions, services, principals and agents,
 * and a hash probe is far cheaper than a query); the importer keeps the
 * ledger here.  Open addressing, linear probing, power-of-two size.
 */
#ifndef TRAILNAV_UTIL_STRMAP_H
#define TRAILNAV_UTIL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
	char *key; /* NULL: empty */
	size_t keylen;
	uint64_t hash;
	int64_t id;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, count;
	size_t bytes; /* memory held by keys, to bound the cache */
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* Forgets everything (after a rollback made ids invalid). */
void strmap_clear(struct strmap *m);
/* The value for `key`, or 0 when it is not known (so 0 is not a value to
 * store). */
int64_t strmap_get(const struct strmap *m, const char *key, size_t keylen);
/* The memory the map holds, roughly: keys with the allocator's overhead,
 * and the slots. */
size_t strmap_memory(const struct strmap *m);
/* Remembers key → id.  Returns 0, or -1 on no memory. */
int strmap_put(struct strmap *m, const char *key, size_t keylen, int64_t id);

#endif
