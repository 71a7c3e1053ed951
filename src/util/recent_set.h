/* recent_set.h - the short strings met lately, to know a repeat at once.
 *
 * The importer's writer keeps the IDs of the events it stored last here.
 * CloudTrail delivers the same event twice when an organization trail and
 * an account trail both record it, and the two files carry delivery times
 * minutes apart, so the walk reads them close together (delivery_order.c):
 * on the 1M bench trail a window of the last 4,096 to 8,192 events
 * already knew every one of its 32,662 copies.  A copy known here is
 * never written, where otherwise, with the index of IDs set aside, it
 * went in and dedupe.c took it out at the end, leaving its place in the
 * table empty (3 bytes an event of that trail's database).
 *
 * Bounded: two generations of at most `per_generation` strings each; when
 * the newer fills, the older is forgotten.  A string it does not hold may
 * still have been met (the caller asks the database as before); a string
 * it holds was added, exactly: keys are compared whole, and those longer
 * than RECENT_KEY_MAX are never held. */
#ifndef TRAILNAV_UTIL_RECENT_SET_H
#define TRAILNAV_UTIL_RECENT_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A slot is a cache line: the hash, the length and the key. */
#define RECENT_KEY_MAX 55

struct recent_slot {
	uint64_t hash;
	uint8_t len; /* 0: empty */
	char key[RECENT_KEY_MAX];
};

struct recent_set {
	struct recent_slot *slots[2]; /* NULL until the first add */
	size_t count[2];
	int newer; /* 0 or 1 */
	size_t per_generation;
	size_t cap; /* slots a generation: a power of two, twice its keys */
};

/* An empty set that will hold the last per_generation to twice as many
 * strings; it takes its memory at the first add. */
void recent_set_init(struct recent_set *r, size_t per_generation);
void recent_set_free(struct recent_set *r);
/* Forgets every string (they were rolled back). */
void recent_set_clear(struct recent_set *r);
bool recent_set_has(const struct recent_set *r, const char *key, size_t n);
/* Remembers key (a key over RECENT_KEY_MAX bytes or of none is left
 * out).  Returns 0, or -1 on no memory. */
int recent_set_add(struct recent_set *r, const char *key, size_t n);

#endif
