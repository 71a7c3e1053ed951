/* insight.h - CloudTrail Insights events: a few periods of unusual
 * activity (an API called far more often than usual, or failing far more
 * often), each written as a Start and an End record sharing a
 * sharedEventID, with no userIdentity, delivered to CloudTrail-Insight/.
 *
 * The unusual activity itself is in the trail too: while an insight is
 * open, a share of the events are the burst of calls it describes.
 */
#ifndef TRAILNAV_GEN_INSIGHT_H
#define TRAILNAV_GEN_INSIGHT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gen/internal.h"

struct insight {
	int64_t start, end; /* eventTime of the Start and End records */
	struct burst burst; /* the calls that make it unusual */
	uint64_t baseline_micro, insight_micro; /* calls a minute, x 1e6 */
	uint32_t baseline_minutes;
	char shared_id[40];
	bool start_done, end_done;
};

/* Share of the events, per thousand, that are an open insight's burst. */
enum { INSIGHT_BURST = 250 };

/* How many insights (Start and End pairs) a trail of `events` records
 * has: none for tiny trails, then one per 50,000 events, at most 24. */
size_t insight_count(uint64_t events);

/* Plans n insights spread over [start, start + span): which API, account,
 * region and role, when, and their statistics; `events` is the number of
 * ordinary records, to size the statistics. */
void insight_plan(struct insight *out, size_t n, uint64_t events,
                  int64_t start, int64_t span, struct rng *rng);

/* Appends the Start (or End) record of an insight as compact JSON. */
void insight_write(const struct insight *in, bool end, struct rng *rng,
                   struct buf *out);

#endif
