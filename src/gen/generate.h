/* generate.h - `trailnav generate`: a realistic synthetic CloudTrail trail
 * written in the real S3 layout, for teaching labs, benchmarks and tests.
 *
 * What is written (under DIR, which stands for the bucket):
 *  - an organization trail (AWSLogs/o-ID/ACCOUNT/CloudTrail/...) over five
 *    accounts and fifteen regions, management and data events;
 *  - an account trail of the production account (AWSLogs/ACCOUNT/...),
 *    write management events only: those arrive in both trails with the
 *    same eventID, as they do in practice;
 *  - a standalone account outside the organization with its own trail;
 *  - Insights events (CloudTrail-Insight/) for a few bursts of activity;
 *  - hourly digest files (CloudTrail-Digest/) for every trail, account
 *    and region, listing each log file with the SHA-256 of its
 *    uncompressed bytes.
 * Log files are gzip'd compact {"Records":[...]}, one per account, region
 * and five-minute delivery window, named with a delivery time a few
 * minutes after their newest record.
 *
 * With `incident`, the scripted incident of incident.h is woven into
 * the same accounts, regions and delivery files, on top of the N events;
 * with `no_digests`, the digest files are left out (a small trail of a
 * few thousand events would otherwise be mostly digests).
 *
 * Deterministic: the same events, seed and start give byte-identical
 * files on every machine.  Memory stays bounded: one delivery window of
 * records is held at a time.
 */
#ifndef TRAILNAV_GEN_GENERATE_H
#define TRAILNAV_GEN_GENERATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	GEN_DEFAULT_EVENTS = 10000,
	GEN_EVENTS_PER_DAY = 1000000 /* the trail lasts a day per this many */
};
#define GEN_MAX_EVENTS 1000000000ull
#define GEN_DEFAULT_SEED 1u
#define GEN_DEFAULT_START_TEXT "2024-05-01T00:00:00Z"

struct gen_options {
	uint64_t events; /* records to write, 1..GEN_MAX_EVENTS */
	uint64_t seed;
	int64_t start;   /* when the trail begins, UTC epoch seconds */
	const char *dir;
	bool force;      /* write even if DIR/AWSLogs holds files */
	bool incident;   /* weave in the scripted incident (incident.h) */
	bool no_digests; /* write no digest files */
};

struct gen_summary {
	uint64_t events;     /* records written in all: the requested N,
	                        and the incident's */
	uint64_t incident;   /* of them, the incident's (with duplicates) */
	uint64_t duplicates; /* of them, second copies in an account trail */
	uint64_t insights;   /* of them, Insights records */
	uint64_t log_files, insight_files, digest_files;
	uint64_t bytes;      /* bytes written (compressed) */
	uint64_t json_bytes; /* bytes of JSON before compression */
	int64_t first, last; /* the events lie in [first, last) */
};

/* Parses a --start value: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z]",
 * UTC.  Returns 0, or -1 when it is not such a time. */
int gen_parse_time(const char *text, int64_t *out);

/* "2024-05-01T00:00:00Z" for epoch seconds t. */
void gen_format_time(char out[24], int64_t t);

/* How long a trail of `events` records lasts, in seconds: a day per
 * GEN_EVENTS_PER_DAY events, at least one day. */
int64_t gen_span(uint64_t events);

/* Writes the trail.  Returns 0, or -1 with a message (naming the path
 * when a file is at fault) in err; `sum` then counts what was written
 * before the failure. */
int gen_run(const struct gen_options *o, struct gen_summary *sum, char *err,
            size_t errlen);

#endif
