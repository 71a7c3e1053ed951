/* intcount.h - counting occurrences of 64-bit keys in memory.
 *
 * The browser's tally counts millions of events into a few thousand
 * facet values (a region id, a principal id, a time bucket); a hash
 * probe per event is what keeps that pass cheap.  Open addressing, linear
 * probing, power-of-two size; any int64 is a key.
 */
#ifndef TRAILNAV_UTIL_INTCOUNT_H
#define TRAILNAV_UTIL_INTCOUNT_H

#include <stddef.h>
#include <stdint.h>

struct intcount_slot {
	int64_t key;
	int64_t count; /* 0: the slot is empty */
};

struct intcount {
	struct intcount_slot *slots;
	size_t cap, count;
};

void intcount_init(struct intcount *m);
void intcount_free(struct intcount *m);
/* Adds `n` (> 0) to the count of `key`.  Returns 0, or -1 on no memory. */
int intcount_add(struct intcount *m, int64_t key, int64_t n);
/* The count of `key` (0 when never added). */
int64_t intcount_get(const struct intcount *m, int64_t key);
/* The entries, most counted first (ties: smaller key first), in a
 * malloc'd array of m->count slots; NULL when there are none or no
 * memory. */
struct intcount_slot *intcount_sorted(const struct intcount *m);

#endif
