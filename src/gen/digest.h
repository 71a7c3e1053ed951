/* digest.h - CloudTrail's hourly digest files (log file integrity
 * validation): for one trail, account and region, each hour's digest
 * lists the log files delivered in that hour with the SHA-256 of their
 * uncompressed bytes, and chains to the previous digest by its hash.
 *
 * A digest is written for every hour, with "logFiles":[] and null event
 * times when nothing was delivered, as CloudTrail does.  The signatures
 * are not real RSA signatures: CloudTrail signs with a private key, so
 * previousDigestSignature is a stable stand-in of the right length.
 */
#ifndef TRAILNAV_GEN_DIGEST_H
#define TRAILNAV_GEN_DIGEST_H

#include <stdbool.h>
#include <stdint.h>

#include "gen/sink.h"
#include "util/buf.h"

struct digest_chain {
	int trail, account, region;
	int64_t period_end; /* end of the hour being collected */
	struct buf entries; /* its logFiles[] entries, comma-separated */
	int64_t oldest, newest;
	bool any;
	bool have_prev;
	char *prev_key;
	char prev_hash[65];
};

/* Starts a chain whose first digest covers the hour that holds `start`. */
void digest_init(struct digest_chain *c, int trail, int account, int region,
                 int64_t start);
void digest_free(struct digest_chain *c);

/* Notes a log file delivered at `delivery` (never earlier than the last
 * one), writing the digests of the hours that ended before it.  `hash`
 * is the hex SHA-256 of its uncompressed bytes.  Returns the number of
 * digest files written, or -1 after a write error (described by the
 * sink) or when out of memory. */
int digest_add(struct digest_chain *c, struct sink *s, const char *key,
               const char *hash, int64_t oldest, int64_t newest,
               int64_t delivery);

/* Writes every digest that ends at or before `until`, then the one
 * being collected.  Returns the number written, or -1. */
int digest_finish(struct digest_chain *c, struct sink *s, int64_t until);

#endif
