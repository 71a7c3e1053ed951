/* parse.c - finding CloudTrail records in a decoded file (parse.h).
 *
 * One pass over the file with the pull reader of json.h: every value is
 * either walked (the parts that lead to records and the fields we keep)
 * or skipped, and both validate, so a file that yields records is also
 * known to be valid JSON.  Records are handed over as they are met; the
 * file's format is known at the end (parse.h's contract is all or
 * nothing, so a later failure still fails the whole file).
 *
 * What counts as what (the format is detected by content only):
 *   - an object with "Records" is a delivery file; "Records" must be an
 *     array of objects, each taken as a record whatever keys it has;
 *   - an object with "Events" (an array) is lookup-events output: each
 *     entry's "CloudTrailEvent" is the record, as a JSON string (the usual
 *     form) or as an object (already decoded by some tool); an entry
 *     without one that is itself a record is taken as the record;
 *   - an object with "logEvents" (an array) is a CloudWatch Logs payload:
 *     each "message" is a record as a string.  A CONTROL_MESSAGE payload
 *     holds no records and succeeds empty, as a digest does: it is a
 *     known, harmless file that a Firehose bucket fills with;
 *   - an object with "detail" holding a record is an EventBridge event
 *     ("detail-type" is not required: the detail must look like a
 *     record, which is the stronger test);
 *   - otherwise an object is a record if it has one of eventVersion,
 *     eventID, eventTime, eventSource, eventName, eventType or
 *     eventCategory (any value, even null), and a digest if it has two
 *     of digest files' own keys (digestStartTime, logFiles, ...);
 *   - the wrapper keys above win over the record keys: an object with
 *     both is a wrapper and only what it wraps is imported;
 *   - a top-level array holds records or any of the wrappers above;
 *   - several top-level values separated by newlines are NDJSON (also
 *     jq's pretty-printed streams), each a record, a wrapper or an array.
 * Inside arrays and NDJSON a value that is none of these fails the file
 * (silently dropping it could lose evidence).  Strings inside records
 * ("CloudTrailEvent", "message") must look like records too.  A leading
 * UTF-8 byte order mark is allowed.
 *
 * Fields: strings are copied into the arena (unescaped); a number or a
 * boolean where a string is expected keeps its JSON text, and null, an
 * object or an array counts as absent; "" is absent.  Duplicate keys:
 * the last one wins, whole objects included (a second userIdentity
 * replaces the first).  eventTime that is missing or unparseable gives
 * time_ms 0.  A record without an eventID gets one made from a hash of
 * its JSON text (for a string record, the decoded text; see
 * classify_event_id()), so the same record in a .json and its .json.gz
 * twin deduplicates.  Resources without an ARN are left out.
 */
#include <config.h>

#include "import/parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/classify.h"
#include "import/json.h"
#include "util/i18n.h"

/* Defaults for struct trail_limits' zeros.  Real files nest a dozen
 * levels; a few million records is several GB of JSON, while each record
 * costs its caller a struct trail_event (~200 bytes) however small the
 * record: a file of "{}," must not turn 1 GB into 70. */
#define DEFAULT_MAX_DEPTH 512
#define DEFAULT_MAX_RECORDS 5000000
#define ARENA_MIN_BLOCK ((size_t)64 << 10)
#define ARENA_MAX_BLOCK ((size_t)8 << 20)
#define KEY_SLOTS 256
#define KEY_MAX 32 /* no key we look for is longer */

/* ---- keys ---------------------------------------------------------------- */

enum key {
	K_NONE,
	/* Keys only records have: one of them makes an object a record. */
	K_EVENT_VERSION, K_EVENT_ID, K_EVENT_TIME, K_EVENT_SOURCE,
	K_EVENT_NAME, K_EVENT_TYPE, K_EVENT_CATEGORY,
	/* The rest of the record's fields. */
	K_AWS_REGION, K_SOURCE_IP, K_USER_AGENT, K_ERROR_CODE, K_REQUEST_ID,
	K_SHARED_ID, K_RECIPIENT, K_READ_ONLY, K_MGMT, K_USER_IDENTITY,
	K_RESOURCES, K_INSIGHT, K_TLS,
	/* Inside userIdentity, resources[], insightDetails, tlsDetails. */
	K_TYPE, K_ARN, K_PRINCIPAL_ID, K_ACCOUNT_ID, K_ACCESS_KEY,
	K_USER_NAME, K_INVOKED_BY, K_SESSION_CONTEXT, K_SESSION_ISSUER,
	K_HOST,
	/* Wrappers. */
	K_RECORDS, K_EVENTS, K_LOG_EVENTS, K_MESSAGE_TYPE, K_DETAIL,
	K_CLOUDTRAIL_EVENT, K_MESSAGE,
	/* Digest files' own keys, one bit each in item.digest_keys. */
	K_DIGEST_START, K_DIGEST_END, K_DIGEST_BUCKET, K_DIGEST_OBJECT,
	K_DIGEST_KEY, K_DIGEST_ALGORITHM, K_LOG_FILES, K_PREVIOUS_SIGNATURE,
	K_COUNT_,
	K_DIGEST_FIRST = K_DIGEST_START,
	K_DIGEST_LAST = K_PREVIOUS_SIGNATURE
};

static const struct {
	const char *name;
	enum key id;
} known_keys[] = {
	{ "eventVersion", K_EVENT_VERSION }, { "eventID", K_EVENT_ID },
	{ "eventTime", K_EVENT_TIME }, { "eventSource", K_EVENT_SOURCE },
	{ "eventName", K_EVENT_NAME }, { "eventType", K_EVENT_TYPE },
	{ "eventCategory", K_EVENT_CATEGORY }, { "awsRegion", K_AWS_REGION },
	{ "sourceIPAddress", K_SOURCE_IP }, { "userAgent", K_USER_AGENT },
	{ "errorCode", K_ERROR_CODE }, { "requestID", K_REQUEST_ID },
	{ "sharedEventID", K_SHARED_ID }, { "sharedEventId", K_SHARED_ID },
	{ "recipientAccountId", K_RECIPIENT },
	{ "recipientAccountID", K_RECIPIENT }, { "readOnly", K_READ_ONLY },
	{ "managementEvent", K_MGMT }, { "userIdentity", K_USER_IDENTITY },
	{ "resources", K_RESOURCES }, { "insightDetails", K_INSIGHT },
	{ "tlsDetails", K_TLS }, { "type", K_TYPE }, { "arn", K_ARN },
	{ "ARN", K_ARN }, { "principalId", K_PRINCIPAL_ID },
	{ "accountId", K_ACCOUNT_ID }, { "accessKeyId", K_ACCESS_KEY },
	{ "userName", K_USER_NAME }, { "invokedBy", K_INVOKED_BY },
	{ "sessionContext", K_SESSION_CONTEXT },
	{ "sessionIssuer", K_SESSION_ISSUER },
	{ "clientProvidedHostHeader", K_HOST }, { "Records", K_RECORDS },
	{ "Events", K_EVENTS }, { "logEvents", K_LOG_EVENTS },
	{ "messageType", K_MESSAGE_TYPE }, { "detail", K_DETAIL },
	{ "CloudTrailEvent", K_CLOUDTRAIL_EVENT }, { "message", K_MESSAGE },
	{ "digestStartTime", K_DIGEST_START },
	{ "digestEndTime", K_DIGEST_END },
	{ "digestS3Bucket", K_DIGEST_BUCKET },
	{ "digestS3Object", K_DIGEST_OBJECT },
	{ "digestPublicKeyFingerprint", K_DIGEST_KEY },
	{ "publicKeyFingerprint", K_DIGEST_KEY },
	{ "digestSignatureAlgorithm", K_DIGEST_ALGORITHM },
	{ "logFiles", K_LOG_FILES },
	{ "previousDigestSignature", K_PREVIOUS_SIGNATURE },
};

struct key_slot {
	const char *name;
	unsigned char len, id;
};

/* ---- the parser ---------------------------------------------------------- */

struct block {
	struct block *next;
	size_t cap, used;
	max_align_t data[];
};

struct resource {
	const char *arn, *type;
};

struct trail_parser {
	size_t max_depth, max_records;
	unsigned char *stack; /* max_depth bytes for json_skip() */
	struct key_slot keys[KEY_SLOTS];
	/* Every string handed out lives here until the next parse. */
	struct block *arena;
	size_t next_block;
	/* The last plain string stored for each field: consecutive records
	 * repeat most values (region, account, principal...), and sharing
	 * the copy saves most of the arena and its page faults. */
	struct {
		const char *s;
		size_t len;
	} last[K_COUNT_];
	/* Resources of the records being walked, innermost last. */
	struct resource *res;
	size_t nres, cap_res;
	/* A record that came as a JSON string, unescaped. */
	char *text;
	size_t cap_text;
	/* The parse under way. */
	const char *data;
	trail_record_fn fn;
	void *ctx;
	size_t count;
	char *why;
	size_t whylen;
	bool failed;
};

/* One object being walked as a record. */
struct rec {
	struct trail_event ev;
	const char *category, *event_type, *ins_source, *ins_name, *tls_host;
	const char *user_name, *invoked_by, *issuer_name;
	int mgmt;
	size_t res0; /* where its resources start in p->res */
	bool recordish;
};

enum item_kind {
	IK_OTHER,
	IK_RECORD,
	IK_DELIVERY,
	IK_LOOKUP,
	IK_EVENTBRIDGE,
	IK_CLOUDWATCH,
	IK_DIGEST,
	IK_ARRAY
};

/* A top-level value, array element or NDJSON line being walked. */
struct item {
	struct rec r;          /* in case the object is itself a record */
	enum item_kind wrapper; /* IK_OTHER until a wrapper key is met */
	unsigned digest_keys;
	int control; /* messageType: 1 CONTROL_MESSAGE, 0 other, -1 unseen */
	bool deferred;
	struct json_mark log_events; /* logEvents met before messageType */
};

__attribute__((format(printf, 2, 3)))
static int failf(struct trail_parser *p, const char *fmt, ...)
{
	if (!p->failed && p->why && p->whylen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(p->why, p->whylen, fmt, ap);
		va_end(ap);
	}
	p->failed = true;
	return -1;
}

static int out_of_memory(struct trail_parser *p)
{
	return failf(p, "%s", _("out of memory"));
}

/* ---- arena --------------------------------------------------------------- */

static void arena_free(struct trail_parser *p)
{
	while (p->arena) {
		struct block *b = p->arena;
		p->arena = b->next;
		free(b);
	}
}

/* Empties the arena for the next parse, keeping its largest block (if
 * not oversized) so that a parser used for many files stops paying for
 * fresh pages. */
static void arena_reset(struct trail_parser *p)
{
	struct block *keep = NULL, **link = &p->arena;
	for (struct block *b = p->arena; b; b = b->next)
		if (b->cap <= ARENA_MAX_BLOCK && (!keep || b->cap > keep->cap))
			keep = b;
	while (*link) {
		struct block *b = *link;
		if (b == keep) {
			link = &b->next;
			continue;
		}
		*link = b->next;
		free(b);
	}
	if (keep)
		keep->used = 0;
}

/* `align` is a power of two no larger than max_align_t's. */
static void *arena_alloc(struct trail_parser *p, size_t n, size_t align)
{
	struct block *b = p->arena;
	if (b) {
		size_t at = (b->used + align - 1) & ~(align - 1);
		if (at <= b->cap && n <= b->cap - at) {
			b->used = at + n;
			return (char *)b->data + at;
		}
	}
	size_t cap = n > p->next_block ? n : p->next_block;
	if (cap > SIZE_MAX / 2 || !(b = malloc(sizeof *b + cap))) {
		out_of_memory(p);
		return NULL;
	}
	b->next = p->arena;
	b->cap = cap;
	b->used = n;
	p->arena = b;
	if (p->next_block < ARENA_MAX_BLOCK)
		p->next_block *= 2;
	return b->data;
}

/* memcmp() == 0 for the short strings of keys and fields, without a
 * call: eight bytes at a time, the last word overlapping. */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	if (n < 8) {
		for (size_t i = 0; i < n; i++)
			if (a[i] != b[i])
				return false;
		return true;
	}
	for (size_t i = 0; i + 8 <= n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			return false;
	}
	memcpy(&x, a + n - 8, 8);
	memcpy(&y, b + n - 8, 8);
	return x == y;
}

/* The value of a string as a NUL-terminated copy; "" becomes NULL.  A
 * plain string equal to the last one stored for `slot` shares its copy. */
static int arena_str(struct trail_parser *p, const struct json_str *s,
                     enum key slot, const char **out)
{
	*out = NULL;
	if (s->len == 0)
		return 0;
	bool plain = !s->escaped;
	if (plain && p->last[slot].len == s->len &&
	    same_bytes(p->last[slot].s, s->raw, s->len)) {
		*out = p->last[slot].s;
		return 0;
	}
	char *c = arena_alloc(p, s->len + 1, 1);
	if (!c)
		return -1;
	size_t n = plain ? s->len : json_unescape(s, c);
	if (plain) {
		memcpy(c, s->raw, n);
		p->last[slot].s = c;
		p->last[slot].len = n;
	}
	c[n] = '\0';
	*out = *c ? c : NULL;
	return 0;
}

/* ---- keys ---------------------------------------------------------------- */

static unsigned key_hash(const char *k, size_t n)
{
	return ((unsigned)n * 31u + (unsigned char)k[0] * 7u +
	        (unsigned char)k[n - 1] * 13u + (unsigned char)k[n / 2]) &
	       (KEY_SLOTS - 1);
}

static void keys_init(struct trail_parser *p)
{
	for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++) {
		size_t n = strlen(known_keys[i].name);
		unsigned h = key_hash(known_keys[i].name, n);
		while (p->keys[h].name)
			h = (h + 1) & (KEY_SLOTS - 1);
		p->keys[h].name = known_keys[i].name;
		p->keys[h].len = (unsigned char)n;
		p->keys[h].id = (unsigned char)known_keys[i].id;
	}
}

static enum key key_id(const struct trail_parser *p, const struct json_str *k)
{
	char tmp[KEY_MAX * 6]; /* room for a key written all in \u escapes */
	const char *s = k->raw;
	size_t n = k->len;
	if (k->escaped) {
		if (n > sizeof tmp)
			return K_NONE;
		n = json_unescape(k, tmp);
		s = tmp;
	}
	if (n == 0 || n > KEY_MAX)
		return K_NONE;
	for (unsigned h = key_hash(s, n); p->keys[h].name;
	     h = (h + 1) & (KEY_SLOTS - 1))
		if (p->keys[h].len == n && same_bytes(p->keys[h].name, s, n))
			return (enum key)p->keys[h].id;
	return K_NONE;
}

/* Whether a string's value is `lit`, in any ASCII letter case. */
static bool str_is(const struct json_str *s, const char *lit)
{
	char tmp[64];
	size_t n = s->len;
	const char *v = s->raw;
	if (s->escaped) {
		if (n > sizeof tmp)
			return false;
		n = json_unescape(s, tmp);
		v = tmp;
	}
	if (n != strlen(lit))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] + 32) : v[i];
		char l = lit[i] >= 'A' && lit[i] <= 'Z' ? (char)(lit[i] + 32)
		                                       : lit[i];
		if (c != l)
			return false;
	}
	return true;
}

/* ---- field values -------------------------------------------------------- */

/* A field that should be a string: see the top of the file. */
static int take_string(struct trail_parser *p, struct json *j, enum key slot,
                       const char **out)
{
	enum json_type t = json_peek(j);
	struct json_str s;
	if (t == JSON_STRING)
		return json_string(j, &s) < 0 ? -1 : arena_str(p, &s, slot, out);
	size_t start = json_pos(j);
	*out = NULL;
	if (json_skip(j) < 0)
		return -1;
	if (t != JSON_NUMBER && t != JSON_TRUE && t != JSON_FALSE)
		return 0;
	s.raw = j->begin + start;
	s.len = json_pos(j) - start;
	s.escaped = false;
	return arena_str(p, &s, slot, out);
}

/* readOnly, managementEvent: true/false, also as strings; else -1. */
static int take_bool(struct json *j, int *out)
{
	enum json_type t = json_peek(j);
	*out = -1;
	if (t == JSON_STRING) {
		struct json_str s;
		if (json_string(j, &s) < 0)
			return -1;
		*out = str_is(&s, "true") ? 1 : str_is(&s, "false") ? 0 : -1;
		return 0;
	}
	if (json_skip(j) < 0)
		return -1;
	*out = t == JSON_TRUE ? 1 : t == JSON_FALSE ? 0 : -1;
	return 0;
}

static int take_time(struct json *j, int64_t *ms)
{
	*ms = 0;
	if (json_peek(j) != JSON_STRING)
		return json_skip(j);
	struct json_str s;
	if (json_string(j, &s) < 0)
		return -1;
	char tmp[256];
	const char *v = s.raw;
	size_t n = s.len;
	if (s.escaped) {
		if (n > sizeof tmp)
			return 0;
		n = json_unescape(&s, tmp);
		v = tmp;
	}
	if (!trail_parse_time(v, n, ms))
		*ms = 0;
	return 0;
}

/* The string at `path` (keys of nested objects, n >= 1) inside the value at the
 * cursor, e.g. sessionIssuer then userName; everything else is skipped. */
static int take_at_path(struct trail_parser *p, struct json *j,
                        const enum key *path, size_t n, const char **out)
{
	if (n == 0)
		return take_string(p, j, path[-1], out);
	if (json_peek(j) != JSON_OBJECT)
		return json_skip(j);
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0)
		if ((key_id(p, &k) == path[0]
		             ? take_at_path(p, j, path + 1, n - 1, out)
		             : json_skip(j)) < 0)
			return -1;
	return rc;
}

/* ---- records ------------------------------------------------------------- */

static void rec_init(struct trail_parser *p, struct rec *r)
{
	memset(r, 0, sizeof *r);
	r->ev.read_only = -1;
	r->mgmt = -1;
	r->res0 = p->nres;
}

static int walk_identity(struct trail_parser *p, struct json *j,
                         struct rec *r)
{
	static const enum key issuer_path[] = { K_SESSION_ISSUER, K_USER_NAME };
	struct trail_event *e = &r->ev;
	e->identity_type = e->principal_arn = e->principal_id = NULL;
	e->principal_account = e->access_key = NULL;
	r->user_name = r->invoked_by = r->issuer_name = NULL;
	if (json_peek(j) != JSON_OBJECT)
		return json_skip(j);
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0) {
		const char **f = NULL;
		enum key id = key_id(p, &k);
		switch (id) {
		case K_TYPE: f = &e->identity_type; break;
		case K_ARN: f = &e->principal_arn; break;
		case K_PRINCIPAL_ID: f = &e->principal_id; break;
		case K_ACCOUNT_ID: f = &e->principal_account; break;
		case K_ACCESS_KEY: f = &e->access_key; break;
		case K_USER_NAME: f = &r->user_name; break;
		case K_INVOKED_BY: f = &r->invoked_by; break;
		case K_SESSION_CONTEXT:
			r->issuer_name = NULL;
			if (take_at_path(p, j, issuer_path, 2, &r->issuer_name) < 0)
				return -1;
			continue;
		default: break;
		}
		if ((f ? take_string(p, j, id, f) : json_skip(j)) < 0)
			return -1;
	}
	return rc;
}

static int push_resource(struct trail_parser *p, const char *arn,
                         const char *type)
{
	if (p->nres == p->cap_res) {
		size_t cap = p->cap_res ? p->cap_res * 2 : 16;
		struct resource *r = realloc(p->res, cap * sizeof *r);
		if (!r)
			return out_of_memory(p);
		p->res = r;
		p->cap_res = cap;
	}
	p->res[p->nres].arn = arn;
	p->res[p->nres++].type = type;
	return 0;
}

static int walk_resource(struct trail_parser *p, struct json *j)
{
	if (json_peek(j) != JSON_OBJECT)
		return json_skip(j);
	const char *arn = NULL, *type = NULL;
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0) {
		enum key id = key_id(p, &k);
		if ((id == K_ARN    ? take_string(p, j, K_RESOURCES, &arn)
		     : id == K_TYPE ? take_string(p, j, K_NONE, &type)
		                    : json_skip(j)) < 0)
			return -1;
	}
	if (rc < 0)
		return -1;
	return arn ? push_resource(p, arn, type) : 0;
}

static int walk_resources(struct trail_parser *p, struct json *j,
                          struct rec *r)
{
	p->nres = r->res0;
	if (json_peek(j) != JSON_ARRAY)
		return json_skip(j);
	bool open = false;
	int rc;
	while ((rc = json_array_next(j, &open)) > 0)
		if (walk_resource(p, j) < 0)
			return -1;
	return rc;
}

static int walk_insight(struct trail_parser *p, struct json *j,
                        struct rec *r)
{
	r->ins_source = r->ins_name = NULL;
	if (json_peek(j) != JSON_OBJECT)
		return json_skip(j);
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0) {
		enum key id = key_id(p, &k);
		if ((id == K_EVENT_SOURCE ? take_string(p, j, id, &r->ins_source)
		     : id == K_EVENT_NAME ? take_string(p, j, id, &r->ins_name)
		                          : json_skip(j)) < 0)
			return -1;
	}
	return rc;
}

/* Plain string fields of a record, by key: offset in struct rec, plus
 * one so that 0 can mean "not a plain string field". */
#define FIELD(m) (offsetof(struct rec, m) + 1)
static const size_t string_fields[K_COUNT_] = {
	[K_EVENT_ID] = FIELD(ev.event_id),
	[K_EVENT_SOURCE] = FIELD(ev.service),
	[K_EVENT_NAME] = FIELD(ev.event_name),
	[K_EVENT_TYPE] = FIELD(event_type),
	[K_EVENT_CATEGORY] = FIELD(category),
	[K_AWS_REGION] = FIELD(ev.region),
	[K_SOURCE_IP] = FIELD(ev.source_ip),
	[K_USER_AGENT] = FIELD(ev.user_agent),
	[K_ERROR_CODE] = FIELD(ev.error_code),
	[K_REQUEST_ID] = FIELD(ev.request_id),
	[K_SHARED_ID] = FIELD(ev.shared_event_id),
	[K_RECIPIENT] = FIELD(ev.account),
};

/* Reads (or skips) the value of member `k` of a record. */
static int record_field(struct trail_parser *p, struct json *j,
                        struct rec *r, enum key k)
{
	static const enum key host_path[] = { K_HOST };
	if (k >= K_EVENT_VERSION && k <= K_EVENT_CATEGORY)
		r->recordish = true;
	if (string_fields[k])
		return take_string(
			p, j, k, (const char **)((char *)r + string_fields[k] - 1));
	switch (k) {
	case K_EVENT_TIME: return take_time(j, &r->ev.time_ms);
	case K_READ_ONLY: return take_bool(j, &r->ev.read_only);
	case K_MGMT: return take_bool(j, &r->mgmt);
	case K_USER_IDENTITY: return walk_identity(p, j, r);
	case K_RESOURCES: return walk_resources(p, j, r);
	case K_INSIGHT: return walk_insight(p, j, r);
	case K_TLS:
		r->tls_host = NULL;
		return take_at_path(p, j, host_path, 1, &r->tls_host);
	default: return json_skip(j);
	}
}

/* The object at the cursor, walked as a record. */
static int walk_record(struct trail_parser *p, struct json *j, struct rec *r)
{
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0)
		if (record_field(p, j, r, key_id(p, &k)) < 0)
			return -1;
	return rc;
}

static int synthesize_id(struct trail_parser *p, struct rec *r,
                         const char *text, size_t n)
{
	char *id = arena_alloc(p, CLASSIFY_ID_SIZE, 1);
	if (!id)
		return -1;
	classify_event_id(text, n, id);
	r->ev.event_id = id;
	return 0;
}

static int attach_resources(struct trail_parser *p, struct rec *r)
{
	size_t n = p->nres - r->res0;
	r->ev.nresources = n;
	if (!n)
		return 0;
	const char **arns = arena_alloc(p, 2 * n * sizeof *arns, sizeof *arns);
	if (!arns)
		return -1;
	for (size_t i = 0; i < n; i++) {
		arns[i] = p->res[r->res0 + i].arn;
		arns[n + i] = p->res[r->res0 + i].type;
	}
	r->ev.resource_arns = arns;
	r->ev.resource_types = arns + n;
	return 0;
}

/* Fills in what is derived, places the record and hands it over.
 * `text` is the record's JSON text (decoded, for a string record). */
static int emit(struct trail_parser *p, struct rec *r, const char *text,
                size_t n, size_t offset, size_t length, bool escaped)
{
	struct trail_event *e = &r->ev;
	if (p->count >= p->max_records)
		return failf(p, _("more than %zu records in one file"),
		             p->max_records);
	if (length > UINT32_MAX)
		return failf(p, _("the record at byte %zu is larger than 4 GiB"),
		             offset);
	if (!e->event_id && synthesize_id(p, r, text, n) < 0)
		return -1;
	e->category = classify_category(r->category, r->event_type, r->mgmt,
	                                e->service, e->event_name);
	bool insight = e->category == CAT_INSIGHT;
	if (r->ins_source && (insight || !e->service))
		e->service = r->ins_source;
	if (r->ins_name && (insight || !e->event_name))
		e->event_name = r->ins_name;
	e->global = classify_global(e->service, e->region, r->tls_host);
	struct classify_identity id = { e->identity_type, e->principal_arn,
		                        e->principal_id,  r->user_name,
		                        r->invoked_by,    r->issuer_name };
	e->principal_name = classify_principal_name(&id);
	if (attach_resources(p, r) < 0)
		return -1;
	e->record_offset = offset;
	e->record_length = (uint32_t)length;
	e->record_escaped = escaped;
	p->count++;
	if (p->fn && p->fn(p->ctx, e) != 0)
		return failf(p, "%s", _("stopped"));
	return 0;
}

/* The object at the cursor of the file itself, as a record; with
 * `need_record`, only if it looks like one.  1: handed over, 0: not a
 * record, -1: failed. */
static int inline_record(struct trail_parser *p, struct json *j,
                         bool need_record)
{
	size_t start = json_pos(j);
	struct rec r;
	rec_init(p, &r);
	int rc = walk_record(p, j, &r);
	if (rc >= 0 && (r.recordish || !need_record)) {
		size_t n = json_pos(j) - start;
		rc = emit(p, &r, j->begin + start, n, start, n, false);
		rc = rc < 0 ? -1 : 1;
	}
	p->nres = r.res0;
	return rc;
}

/* Where a JSON error in a record string is reported from. */
static int string_record_failed(struct trail_parser *p, const struct json *in,
                                size_t literal)
{
	if (in->too_deep)
		return failf(p, _("nesting deeper than %zu levels in the record "
		                  "string at byte %zu"),
		             p->max_depth, literal);
	return failf(p, _("invalid JSON in the record string at byte %zu "
	                  "(byte %zu of its text): %s"),
	             literal, in->err_at, _(in->err));
}

static int ensure_text(struct trail_parser *p, size_t n)
{
	if (n <= p->cap_text)
		return 0;
	char *t = realloc(p->text, n);
	if (!t)
		return out_of_memory(p);
	p->text = t;
	p->cap_text = n;
	return 0;
}

/* A record given as the JSON string `s` of the file (CloudTrailEvent,
 * message): its text is parsed as a document of its own. */
static int string_record(struct trail_parser *p, const struct json *j,
                         const struct json_str *s)
{
	size_t literal = (size_t)(s->raw - 1 - j->begin);
	const char *text = s->raw;
	size_t n = s->len;
	if (s->escaped) {
		if (ensure_text(p, n) < 0)
			return -1;
		n = json_unescape(s, p->text);
		text = p->text;
	}
	struct json in;
	json_init(&in, text, n, p->stack, p->max_depth);
	struct rec r;
	rec_init(p, &r);
	int rc = -1;
	if (json_peek(&in) != JSON_OBJECT)
		failf(p, _("the string at byte %zu is not a CloudTrail record"),
		      literal);
	else if (walk_record(p, &in, &r) < 0)
		string_record_failed(p, &in, literal);
	else if (!json_at_end(&in))
		failf(p, _("invalid JSON in the record string at byte %zu (byte "
		           "%zu of its text): unexpected data after the record"),
		      literal, json_pos(&in));
	else if (!r.recordish)
		failf(p, _("the string at byte %zu is not a CloudTrail record"),
		      literal);
	else
		rc = emit(p, &r, text, n, literal, s->len + 2, true);
	p->nres = r.res0;
	return rc;
}

/* ---- wrappers ------------------------------------------------------------ */

static int take_records(struct trail_parser *p, struct json *j,
                        struct item *it)
{
	enum json_type t = json_peek(j);
	if (t == JSON_BAD)
		return json_skip(j); /* reports the syntax error */
	if (t != JSON_ARRAY)
		return failf(p, _("\"Records\" at byte %zu is not an array"),
		             json_pos(j));
	it->wrapper = IK_DELIVERY;
	bool open = false;
	int rc;
	while ((rc = json_array_next(j, &open)) > 0) {
		t = json_peek(j);
		if (t == JSON_BAD)
			return json_skip(j);
		if (t != JSON_OBJECT)
			return failf(p, _("the record at byte %zu is not a JSON "
			                  "object"),
			             json_pos(j));
		if (inline_record(p, j, false) < 0)
			return -1;
	}
	return rc;
}

/* One entry of lookup-events' "Events". */
static int lookup_entry(struct trail_parser *p, struct json *j)
{
	size_t start = json_pos(j);
	struct rec r;
	rec_init(p, &r);
	bool open = false, found = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0) {
		enum key id = key_id(p, &k);
		if (id != K_CLOUDTRAIL_EVENT) {
			rc = record_field(p, j, &r, id);
		} else if (json_peek(j) == JSON_OBJECT) {
			rc = inline_record(p, j, false);
		} else if (json_peek(j) == JSON_STRING) {
			struct json_str s;
			rc = json_string(j, &s) < 0 ? -1 : string_record(p, j, &s);
		} else {
			rc = failf(p, _("CloudTrailEvent at byte %zu is not a "
			                "record"),
			           json_pos(j));
		}
		found |= id == K_CLOUDTRAIL_EVENT;
		if (rc < 0)
			break;
	}
	if (rc == 0 && !found && r.recordish) {
		size_t n = json_pos(j) - start;
		rc = emit(p, &r, j->begin + start, n, start, n, false);
	} else if (rc == 0 && !found) {
		rc = failf(p, _("the entry at byte %zu of \"Events\" holds no "
		                "CloudTrailEvent"),
		           start);
	}
	p->nres = r.res0;
	return rc;
}

/* One entry of a CloudWatch Logs payload's "logEvents". */
static int log_event(struct trail_parser *p, struct json *j)
{
	size_t start = json_pos(j);
	bool open = false, found = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0) {
		if (key_id(p, &k) != K_MESSAGE || json_peek(j) != JSON_STRING) {
			if (json_skip(j) < 0)
				return -1;
			continue;
		}
		struct json_str s;
		if (json_string(j, &s) < 0 || string_record(p, j, &s) < 0)
			return -1;
		found = true;
	}
	if (rc == 0 && !found)
		return failf(p, _("the log event at byte %zu has no message"),
		             start);
	return rc;
}

/* The elements of the array at the cursor, each an object given to `fn`. */
static int each_object(struct trail_parser *p, struct json *j,
                       int (*fn)(struct trail_parser *, struct json *),
                       const char *what)
{
	bool open = false;
	int rc;
	while ((rc = json_array_next(j, &open)) > 0) {
		enum json_type t = json_peek(j);
		if (t == JSON_BAD)
			return json_skip(j);
		if (t != JSON_OBJECT)
			return failf(p, _("the entry at byte %zu of \"%s\" is not "
			                  "an object"),
			             json_pos(j), what);
		if (fn(p, j) < 0)
			return -1;
	}
	return rc;
}

static int take_log_events(struct trail_parser *p, struct json *j,
                           struct item *it)
{
	it->wrapper = IK_CLOUDWATCH;
	if (it->control == 1)
		return json_skip(j);
	if (it->control < 0) {
		/* Whether the messages are records depends on messageType,
		 * which may come later: come back once it is known. */
		it->deferred = true;
		it->log_events = json_mark(j);
		return json_skip(j);
	}
	return each_object(p, j, log_event, "logEvents");
}

static int take_message_type(struct json *j, struct item *it)
{
	if (json_peek(j) != JSON_STRING)
		return json_skip(j);
	struct json_str s;
	if (json_string(j, &s) < 0)
		return -1;
	it->control = str_is(&s, "CONTROL_MESSAGE") ? 1 : 0;
	return 0;
}

/* One member of an object that may be a wrapper or a record. */
static int item_member(struct trail_parser *p, struct json *j,
                       struct item *it, enum key id)
{
	enum json_type t = json_peek(j);
	switch (id) {
	case K_RECORDS:
		return take_records(p, j, it);
	case K_EVENTS:
		if (t != JSON_ARRAY)
			break;
		it->wrapper = IK_LOOKUP;
		return each_object(p, j, lookup_entry, "Events");
	case K_LOG_EVENTS:
		return t == JSON_ARRAY ? take_log_events(p, j, it)
		                       : json_skip(j);
	case K_MESSAGE_TYPE:
		return take_message_type(j, it);
	case K_DETAIL: {
		if (t != JSON_OBJECT)
			break;
		int rc = inline_record(p, j, true);
		if (rc > 0)
			it->wrapper = IK_EVENTBRIDGE;
		return rc < 0 ? -1 : 0;
	}
	default:
		if (id >= K_DIGEST_FIRST && id <= K_DIGEST_LAST)
			it->digest_keys |= 1u << (id - K_DIGEST_FIRST);
		break;
	}
	return record_field(p, j, &it->r, id);
}

static int count_bits(unsigned v)
{
	int n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

/* The object at the cursor: a wrapper, a record, a digest or other. */
static int parse_object(struct trail_parser *p, struct json *j,
                        enum item_kind *kind)
{
	size_t start = json_pos(j);
	struct item it;
	memset(&it, 0, sizeof it);
	rec_init(p, &it.r);
	it.control = -1;
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0)
		if (item_member(p, j, &it, key_id(p, &k)) < 0)
			return -1;
	if (rc == 0 && it.deferred && it.control != 1) {
		struct json_mark after = json_mark(j);
		json_seek(j, it.log_events);
		rc = each_object(p, j, log_event, "logEvents");
		json_seek(j, after);
	}
	size_t n = json_pos(j) - start;
	*kind = it.wrapper != IK_OTHER  ? it.wrapper
	        : it.r.recordish        ? IK_RECORD
	        : count_bits(it.digest_keys) >= 2 ? IK_DIGEST
	                                        : IK_OTHER;
	if (rc == 0 && *kind == IK_RECORD)
		rc = emit(p, &it.r, j->begin + start, n, start, n, false);
	p->nres = it.r.res0;
	return rc;
}

static int parse_value(struct trail_parser *p, struct json *j,
                       bool array_ok, enum item_kind *kind);

static int not_records(struct trail_parser *p, size_t at)
{
	return failf(p, _("the value at byte %zu is neither a CloudTrail "
	                  "record nor a known wrapper of records"),
	             at);
}

static int parse_array(struct trail_parser *p, struct json *j,
                       enum item_kind *kind)
{
	bool open = false;
	size_t n = 0;
	int rc;
	while ((rc = json_array_next(j, &open)) > 0) {
		size_t at = json_pos(j);
		enum item_kind k;
		if (parse_value(p, j, false, &k) < 0)
			return -1;
		if (k == IK_OTHER || k == IK_DIGEST)
			return not_records(p, at);
		n++;
	}
	*kind = n ? IK_ARRAY : IK_OTHER;
	return rc;
}

static int parse_value(struct trail_parser *p, struct json *j,
                       bool array_ok, enum item_kind *kind)
{
	*kind = IK_OTHER;
	enum json_type t = json_peek(j);
	if (t == JSON_OBJECT)
		return parse_object(p, j, kind);
	if (t == JSON_ARRAY && array_ok)
		return parse_array(p, j, kind);
	return json_skip(j);
}

/* ---- the API ------------------------------------------------------------- */

const char *trail_format_name(enum trail_format f)
{
	/* Stable identifiers (the ledger keeps them): not translated. */
	switch (f) {
	case TF_DELIVERY: return "delivery";
	case TF_DIGEST: return "digest";
	case TF_ARRAY: return "array";
	case TF_RECORD: return "record";
	case TF_NDJSON: return "ndjson";
	case TF_LOOKUP: return "lookup";
	case TF_EVENTBRIDGE: return "eventbridge";
	case TF_CLOUDWATCH: return "cloudwatch";
	default: return "unknown";
	}
}

struct trail_parser *trail_parser_new(const struct trail_limits *limits)
{
	struct trail_parser *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->max_depth = limits && limits->max_depth ? limits->max_depth
	                                           : DEFAULT_MAX_DEPTH;
	p->max_records = limits && limits->max_records ? limits->max_records
	                                               : DEFAULT_MAX_RECORDS;
	p->stack = malloc(p->max_depth);
	if (!p->stack) {
		free(p);
		return NULL;
	}
	keys_init(p);
	return p;
}

void trail_parser_free(struct trail_parser *p)
{
	if (!p)
		return;
	arena_free(p);
	free(p->res);
	free(p->text);
	free(p->stack);
	free(p);
}

static enum trail_format format_of(enum item_kind k)
{
	static const enum trail_format formats[] = {
		[IK_OTHER] = TF_UNKNOWN,        [IK_RECORD] = TF_RECORD,
		[IK_DELIVERY] = TF_DELIVERY,    [IK_LOOKUP] = TF_LOOKUP,
		[IK_EVENTBRIDGE] = TF_EVENTBRIDGE,
		[IK_CLOUDWATCH] = TF_CLOUDWATCH, [IK_DIGEST] = TF_DIGEST,
		[IK_ARRAY] = TF_ARRAY,
	};
	return formats[k];
}

static void parse_begin(struct trail_parser *p, const char *data, size_t len,
                        char *why, size_t whylen)
{
	arena_reset(p);
	memset(p->last, 0, sizeof p->last);
	size_t first = len / 4;
	p->next_block = first < ARENA_MIN_BLOCK   ? ARENA_MIN_BLOCK
	                : first > ARENA_MAX_BLOCK ? ARENA_MAX_BLOCK
	                                          : first;
	p->nres = 0;
	p->data = data;
	p->count = 0;
	p->why = why;
	p->whylen = whylen;
	p->failed = false;
	if (why && whylen)
		why[0] = '\0';
}

/* The values after the first: NDJSON, one value per line. */
static int parse_more(struct trail_parser *p, struct json *j,
                      enum item_kind first, size_t first_at, size_t *nvalues)
{
	for (;;) {
		size_t end = json_pos(j);
		if (json_at_end(j))
			return 0;
		size_t at = json_pos(j);
		if (!memchr(j->begin + end, '\n', at - end))
			return failf(p, _("invalid JSON at byte %zu: unexpected "
			                  "data after the JSON value"),
			             at);
		if (first == IK_OTHER || first == IK_DIGEST)
			return not_records(p, first_at);
		enum item_kind k;
		if (parse_value(p, j, true, &k) < 0)
			return -1;
		if (k == IK_OTHER || k == IK_DIGEST)
			return not_records(p, at);
		++*nvalues;
	}
}

int trail_parse(struct trail_parser *p, const char *data, size_t len,
                trail_record_fn fn, void *ctx, enum trail_format *format,
                char *why, size_t whylen)
{
	enum trail_format dummy;
	if (!format)
		format = &dummy;
	*format = TF_UNKNOWN;
	parse_begin(p, data, len, why, whylen);
	p->fn = fn;
	p->ctx = ctx;
	struct json j;
	if (!data)
		len = 0;
	json_init(&j, data ? data : "", len, p->stack, p->max_depth);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		j.p += 3; /* a byte order mark */
	if (json_at_end(&j))
		return failf(p, "%s", _("no JSON: the file is empty"));
	size_t first_at = json_pos(&j), nvalues = 1;
	enum item_kind first;
	int rc = parse_value(p, &j, true, &first);
	if (rc >= 0)
		rc = parse_more(p, &j, first, first_at, &nvalues);
	if (rc < 0 && !p->failed && j.too_deep)
		failf(p, _("nesting deeper than %zu levels at byte %zu"),
		      p->max_depth, j.err_at);
	else if (rc < 0 && !p->failed)
		failf(p, _("invalid JSON at byte %zu: %s"), j.err_at, _(j.err));
	if (rc < 0)
		return -1;
	if (nvalues == 1 && first == IK_OTHER)
		return failf(p, "%s", _("valid JSON, but no CloudTrail records "
		                        "in it"));
	*format = nvalues > 1 ? TF_NDJSON : format_of(first);
	return 0;
}
