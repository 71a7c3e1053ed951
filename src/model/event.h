/* event.h - one CloudTrail event as trailnav keeps it: the fields the
 * importer extracts and the store indexes.  Plain data, shared by the
 * import and store wings so that neither needs the other's header. */
#ifndef TRAILNAV_MODEL_EVENT_H
#define TRAILNAV_MODEL_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Event categories, as stored.  The numbering is part of the database
 * format: never renumber. */
enum event_category {
	CAT_MANAGEMENT = 0,
	CAT_DATA = 1,
	CAT_INSIGHT = 2,
	CAT_NETWORK = 3,
	CAT_COUNT_
};

/* time_ms of a record whose eventTime is missing or unparseable: no
 * CloudTrail event is from 1970, so 0 can mean "not known" without a
 * column of its own.  A time before 1970 (a made-up "0001-01-01", say)
 * is no better: event_time_known() says which times are real.  Filters by
 * time leave the others out, and they are shown with no time rather than
 * as 1970. */
#define EVENT_TIME_UNKNOWN 0
#define event_time_known(ms) ((ms) > EVENT_TIME_UNKNOWN)

/* The parts of a record kept as columns.  NULL (or -1 for read_only) means
 * absent; "" is treated as absent too.  Strings are borrowed: whoever
 * fills the struct says how long they live.  A NUL inside a value ("\u0000"
 * in the JSON) is held as the two bytes C0 80 (never valid UTF-8, so no
 * real text is taken for it), as Java's modified UTF-8 does: every value
 * stays one C string, whole; fmt_escape() shows it as \x00 and
 * json_put_string() writes it back as \u0000. */
struct trail_event {
	const char *event_id; /* required: events are unique by it */
	int64_t time_ms;      /* eventTime, UTC epoch ms (or _UNKNOWN) */
	enum event_category category;
	bool global;   /* a global service's event (IAM, STS global, ...) */
	int read_only; /* 1, 0, or -1 when the record does not say */
	const char *region;
	const char *service; /* eventSource (Insights: insightDetails') */
	const char *event_name;
	const char *identity_type;
	const char *principal_arn;
	const char *principal_name; /* display name: user, role/session, ... */
	const char *principal_id;
	const char *principal_account;
	const char *access_key;
	const char *account; /* recipientAccountId */
	const char *source_ip;
	const char *user_agent;
	const char *error_code;
	const char *request_id;
	const char *shared_event_id;
	size_t nresources;
	const char *const *resource_arns;
	const char *const *resource_types; /* may be NULL, or hold NULLs */
	/* Where the record's bytes lie in the decoded file (after gzip), so
	 * the original can be read back byte for byte.  When
	 * `record_escaped`, those bytes are a JSON string literal (quotes
	 * included) whose value is the record, as in lookup-events output
	 * ("CloudTrailEvent") and CloudWatch Logs payloads ("message"). */
	uint64_t record_offset;
	uint32_t record_length;
	bool record_escaped;
};

#endif
