/* last_key.h - the key a lookup was last asked, with its answer.
 *
 * The writer turns ten strings of every event into dictionary ids, and
 * the events of a trail file mostly repeat the ones before them: one
 * region and account a file, runs of one service, caller, address and
 * agent.  Comparing with the last key, a copy the cache holds, ends most
 * of those lookups before they hash the string and probe a map far
 * bigger than the cache (strmap.h).  The key is copied rather than
 * pointed to, since a caller may reuse its buffer for the next event.
 */
#ifndef TRAILNAV_UTIL_LAST_KEY_H
#define TRAILNAV_UTIL_LAST_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct last_key {
	char *key;
	size_t len, cap;
	int64_t id;
	bool set;
};

/* Whether `key` (n bytes, any bytes) is the last one set; then *id is
 * its answer. */
static inline bool last_key_get(const struct last_key *m, const char *key,
                                size_t n, int64_t *id)
{
	if (!m->set || m->len != n || memcmp(m->key, key, n) != 0)
		return false;
	*id = m->id;
	return true;
}

/* Remembers key → id in place of the last.  Returns 0, or -1 on no
 * memory (then nothing is remembered). */
int last_key_set(struct last_key *m, const char *key, size_t n, int64_t id);

/* Forgets the key (its answer may no longer hold), keeping the memory. */
void last_key_forget(struct last_key *m);

void last_key_free(struct last_key *m);

#endif
