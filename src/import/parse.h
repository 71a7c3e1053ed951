/* parse.h - finding CloudTrail records in a decoded file and extracting
 * what the store indexes, fast and without trusting the input.
 *
 * The input is the whole decoded file in memory (gzip already undone).
 * Its format is detected by content, never by name; every record is
 * located by byte offset so that the original can be read back byte for
 * byte, and its fields are extracted and classified into a trail_event.
 *
 * A file is all or nothing: trail_parse() either hands over every record
 * and returns 0, or fails with a reason.  Callers collect the events and
 * commit them only after success.
 */
#ifndef TRAILNAV_IMPORT_PARSE_H
#define TRAILNAV_IMPORT_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/event.h"

/* What a file holds. */
enum trail_format {
	TF_UNKNOWN = 0,
	TF_DELIVERY,    /* {"Records":[...]}, as a trail writes to S3 */
	TF_DIGEST,      /* a CloudTrail-Digest file: no events */
	TF_ARRAY,       /* a bare JSON array of records */
	TF_RECORD,      /* one record object */
	TF_NDJSON,      /* one JSON value per line (records or wrappers) */
	TF_LOOKUP,      /* lookup-events / console download:
	                   {"Events":[{"CloudTrailEvent":"<record>"}]} */
	TF_EVENTBRIDGE, /* {"detail-type":..., "detail":{record}} */
	TF_CLOUDWATCH   /* {"logEvents":[{"message":"<record>"}]} */
};

/* The format's name for messages and the ledger ("delivery", ...). */
const char *trail_format_name(enum trail_format f);

struct trail_parser;

/* Limits that keep hostile input from exhausting the machine. */
struct trail_limits {
	size_t max_depth;   /* JSON nesting, e.g. 512 */
	size_t max_records; /* records in one file */
};

struct trail_parser *trail_parser_new(const struct trail_limits *limits);
void trail_parser_free(struct trail_parser *p);

/* Called once per record, in file order.  `ev`'s strings stay valid until
 * the next trail_parse() on the same parser or its free, so a caller may
 * keep the struct itself (copy it) without copying the strings.  Return
 * non-zero to stop parsing (trail_parse then fails with "stopped"). */
typedef int (*trail_record_fn)(void *ctx, const struct trail_event *ev);

/* Parses `len` bytes.  On success returns 0 and sets *format; a digest
 * file succeeds with no records.  On failure returns -1 with a translated
 * one-line reason in `why` (naming the byte offset where it applies, e.g.
 * "invalid JSON at byte 1234: unterminated string"), and the file must be
 * treated as not imported.  Content that is valid JSON but holds no
 * CloudTrail records fails with a reason saying so. */
int trail_parse(struct trail_parser *p, const char *data, size_t len,
                trail_record_fn fn, void *ctx, enum trail_format *format,
                char *why, size_t whylen);

/* eventTime text to UTC epoch milliseconds: every ISO-8601 shape real
 * files use ("2023-07-19T21:33:41Z", fractions, offsets, a space for the
 * 'T', no 'Z').  Returns false for anything else. */
bool trail_parse_time(const char *s, size_t n, int64_t *ms);

#endif
