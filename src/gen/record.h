/* record.h - one CloudTrail record: choosing what happened (API, account,
 * region, caller, outcome) and writing it as compact JSON, fields in the
 * order AWS writes them.
 */
#ifndef TRAILNAV_GEN_RECORD_H
#define TRAILNAV_GEN_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "gen/internal.h"

/* Running sums of the catalogue's weights, for weighted choices. */
struct picker {
	uint32_t *api_cum;
	size_t napis;
	uint32_t account_cum[16];
	uint32_t region_cum[32];
};

/* Returns 0, or -1 when out of memory. */
int picker_init(struct picker *p);
void picker_free(struct picker *p);

/* Initialises a record context drawing from rng; rec_free releases it. */
void rec_init(struct rec *r, struct rng *rng);
void rec_free(struct rec *r);

/* Decides the next event at time t: API, account, region, caller,
 * identifiers and error; `burst` (may be NULL) forces an Insights burst's
 * API, account, region, role and error. */
void rec_prepare(struct rec *r, const struct picker *p, int64_t t,
                 const struct burst *burst);

/* Prepares a record whose API, account, region and outcome are given
 * (the scripted incident's): the caller must already be in r->actor and
 * any resource it wants fixed in r->lazy (with its bit in r->have); the
 * rest (host, version, identifiers) is chosen as for any record.
 * `error` may be NULL. */
void rec_prepare_scripted(struct rec *r, int64_t t, const struct api *api,
                          int account, int region, bool global_ep,
                          const struct api_error *error);

/* Appends the prepared record as one compact JSON object. */
void rec_write(struct rec *r, struct buf *out);

/* True when a trail with these settings logs the prepared record. */
int rec_logged_by(const struct rec *r, const struct trail *t);

#endif
