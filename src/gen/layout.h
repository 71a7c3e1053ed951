/* layout.h - where CloudTrail puts its files: the S3 keys of log files,
 * Insights files and digest files (docs/cloudtrail-format.md, section 1),
 * relative to the bucket, which is the output directory here. */
#ifndef TRAILNAV_GEN_LAYOUT_H
#define TRAILNAV_GEN_LAYOUT_H

#include <stdint.h>

#include "gen/catalog.h"
#include "util/buf.h"

enum log_kind { LOG_EVENTS, LOG_INSIGHTS };

/* Appends AWSLogs/[o-ID/]ACCOUNT/CloudTrail{,-Insight}/REGION/YYYY/MM/DD/
 * ACCOUNT_CloudTrail{,-Insight}_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz for a
 * file delivered at `delivery`; `unique` is 16 characters. */
void layout_log_key(struct buf *out, const struct trail *t,
                    const struct account *a, const char *region,
                    enum log_kind kind, int64_t delivery,
                    const char *unique);

/* Appends AWSLogs/[o-ID/]ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/
 * ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ.json.gz
 * for the digest ending at `end`. */
void layout_digest_key(struct buf *out, const struct trail *t,
                       const struct account *a, const char *region,
                       int64_t end);

#endif
