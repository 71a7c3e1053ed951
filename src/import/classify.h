/* classify.h - what a CloudTrail record does not always say outright:
 * its category, whether its service is a global one, a short display
 * name for whoever made the call, and an event ID when it has none.
 *
 * Pure functions over NUL-terminated strings, NULL meaning absent (and
 * over a record's JSON text for its made-up ID); no state, no
 * allocation, so they are safe from any thread.
 */
#ifndef TRAILNAV_IMPORT_CLASSIFY_H
#define TRAILNAV_IMPORT_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/event.h"

/* The category, by the first rule that applies:
 *   1. `event_category` (eventCategory): Management, Data, Insight or
 *      NetworkActivity, in any letter case; another value is ignored;
 *   2. `event_type` (eventType): AwsCloudTrailInsight is an Insight,
 *      AwsVpceEvent (or the documentation's AwsVpceEvents) network
 *      activity;
 *   3. `management_event` (managementEvent): 1 Management, 0 Data, -1
 *      when the record does not say;
 *   4. classify_data_api(source, name): Data;
 *   5. otherwise Management. */
enum event_category classify_category(const char *event_category,
                                      const char *event_type,
                                      int management_event,
                                      const char *source, const char *name);

/* Whether (eventSource, eventName) is a known data-event API, for records
 * older than eventCategory and managementEvent (before 1.06): S3 object
 * APIs (also on Outposts and S3 Express), Lambda Invoke, DynamoDB item
 * and stream APIs, SNS Publish, SQS message APIs, and every call of the
 * EBS direct APIs and S3 Object Lambda. */
bool classify_data_api(const char *source, const char *name);

/* Whether an event belongs to a global service: IAM, CloudFront, console
 * sign-in, Organizations, Route 53 and Route 53 Domains always; STS only
 * for calls to its global endpoint.  `host` is the record's
 * tlsDetails.clientProvidedHostHeader: when present it decides (global
 * iff it is sts.amazonaws.com); without it, a call logged in us-east-1
 * (where the global endpoint's calls are logged) counts as global and
 * one logged anywhere else as regional. */
bool classify_global(const char *source, const char *region,
                     const char *host);

/* The event ID of a record that has none: "trailnav-" and 16 hex digits
 * of a 64-bit hash of its JSON value.  The value, not the text: the same
 * record always gets the same ID, whether it comes from a .json file or
 * its .json.gz twin, compact or pretty-printed, with its keys in any
 * order or its strings escaped differently, so duplicates are found.
 * Databases keep these IDs: the algorithm must never change.  It is
 * (with mix() splitmix64's finalizer, all arithmetic modulo 2^64):
 *   - bytes(seed, b): h = seed; for each 8-byte little-endian word w of
 *     b, the last zero-padded: h = mix(h ^ w); then mix(h ^ length of b);
 *   - a string: bytes(0x6a09e667f3bcc908, its decoded value), as
 *     json_unescape() writes it (so "\u0026" is "&");
 *   - a number, true, false, null: bytes(0xbb67ae8584caa73b, its text);
 *   - an array: h = 0x3c6ef372fe94f82b; for each element e in order:
 *     h = mix(h ^ hash(e));
 *   - an object: mix(0xa54ff53a5f1d36f1 ^ the sum, in any order, of
 *     mix(hash(key) * 0x9e3779b97f4a7c15 + hash(value)) over its
 *     members), keys hashed as strings.  Each member mixes its key
 *     with its value, so {"a":1,"b":2} is not {"a":2,"b":1}; duplicate
 *     keys all count (the parser keeps the last one's fields).
 * `text` (n bytes) must be valid JSON nested at most `max_depth` deep;
 * `levels` has room for `max_depth` levels, so that hostile nesting costs
 * no C stack.  Writes CLASSIFY_ID_SIZE bytes, the terminating NUL
 * included. */
#define CLASSIFY_ID_SIZE 26
struct classify_level {
	uint64_t acc; /* an array's running hash, an object's member sum */
	uint64_t key; /* the hash of an object's current key */
	bool object, open;
};
void classify_event_id(const char *text, size_t n,
                       struct classify_level *levels, size_t max_depth,
                       char *out);

/* The parts of userIdentity a display name is made from. */
struct classify_identity {
	const char *type;         /* userIdentity.type */
	const char *arn;          /* userIdentity.arn */
	const char *principal_id; /* userIdentity.principalId */
	const char *user_name;    /* userIdentity.userName */
	const char *invoked_by;   /* userIdentity.invokedBy */
	const char *issuer_name;  /* ...sessionContext.sessionIssuer.userName */
};

/* A short name for the principal: IAMUser its userName; AssumedRole
 * "role/session" from its ARN, else the issuing role's name; Root "root"
 * (userName holds the account alias, which names the account, not who
 * acted); AWSService the service (invokedBy); FederatedUser and Role the
 * name in their ARN.  Anything else, or when those parts are missing:
 * userName, else what follows the ARN's last '/' (or ':'), else
 * principalId, else invokedBy.  Returns a pointer into one of the given
 * strings (or to a constant), or NULL when there is nothing to go on. */
const char *classify_principal_name(const struct classify_identity *id);

#endif
