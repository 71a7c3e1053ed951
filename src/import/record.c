/* record.c - the parser's records (record.h): the arena their strings
 * live in, the table of the keys acted on, the walkers that take the
 * fields out of a record object, and record_emit(), which derives the
 * rest and hands the event over.
 *
 * Fields: strings are copied into the arena (unescaped); a number or a
 * boolean where a string is expected keeps its JSON text, and null, an
 * object or an array counts as absent; "" is absent.  Duplicate keys:
 * the last one wins, whole objects included (a second userIdentity
 * replaces the first).  eventTime that is missing or unparseable gives
 * time_ms 0.  A record without an eventID gets one made from a hash of
 * its JSON value (for a string record, of the decoded text; see
 * classify_event_id()), so the same record in a .json and its .json.gz
 * twin deduplicates.  Resources without an ARN are left out.
 */
#include <config.h>

#include "import/record.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

#define ARENA_MIN_BLOCK ((size_t)64 << 10)
#define ARENA_MAX_BLOCK ((size_t)8 << 20)
#define KEY_MAX 32 /* no key we look for is longer */

/* ---- failing ------------------------------------------------------------- */

int parser_fail(struct trail_parser *p, const char *fmt, ...)
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

int parser_out_of_memory(struct trail_parser *p)
{
	return parser_fail(p, "%s", _("out of memory"));
}

/* ---- arena --------------------------------------------------------------- */

void parser_arena_free(struct trail_parser *p)
{
	while (p->arena) {
		struct block *b = p->arena;
		p->arena = b->next;
		free(b);
	}
}

/* Empties the arena for the next parse, keeping its largest block (if
 * not oversized) so that a parser used for many files stops paying for
 * fresh pages, and sizes the next block from the input's length.  The
 * strings that `last` remembers are gone with the rest. */
void parser_arena_reset(struct trail_parser *p, size_t len)
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
	memset(p->last, 0, sizeof p->last);
	size_t first = len / 4;
	p->next_block = first < ARENA_MIN_BLOCK   ? ARENA_MIN_BLOCK
	                : first > ARENA_MAX_BLOCK ? ARENA_MAX_BLOCK
	                                          : first;
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
		parser_out_of_memory(p);
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

/* Each NUL byte of c[0..n) as the two bytes C0 80, in place (the room is
 * there: a NUL came from the six bytes of "\u0000"); the new length. */
static size_t keep_nuls(char *c, size_t n)
{
	size_t nuls = 0;
	for (size_t i = 0; i < n; i++)
		nuls += c[i] == '\0';
	if (!nuls)
		return n;
	/* From the end, so that nothing is overwritten before it moves. */
	for (size_t i = n, o = n + nuls; i-- > 0;) {
		if (c[i] == '\0') {
			c[--o] = (char)0x80;
			c[--o] = (char)0xc0;
		} else {
			c[--o] = c[i];
		}
	}
	return n + nuls;
}

/* The value of a string as a NUL-terminated copy; "" becomes NULL.  A
 * plain string equal to the last one stored for `slot` shares its copy.
 * A NUL in the value (only "\u0000" writes one) is kept as C0 80, as in
 * Java's modified UTF-8, so that the rest of the value is not cut off
 * (see model/event.h). */
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
	size_t n = plain ? s->len : keep_nuls(c, json_unescape(s, c));
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

static unsigned key_hash(const char *k, size_t n)
{
	return ((unsigned)n * 31u + (unsigned char)k[0] * 7u +
	        (unsigned char)k[n - 1] * 13u + (unsigned char)k[n / 2]) &
	       (KEY_SLOTS - 1);
}

void parser_keys_init(struct trail_parser *p)
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

enum key parser_key(const struct trail_parser *p, const struct json_str *k)
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

bool parser_str_is(const struct json_str *s, const char *lit)
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
		*out = parser_str_is(&s, "true")    ? 1
		       : parser_str_is(&s, "false") ? 0
		                                    : -1;
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
		if ((parser_key(p, &k) == path[0]
		             ? take_at_path(p, j, path + 1, n - 1, out)
		             : json_skip(j)) < 0)
			return -1;
	return rc;
}

/* ---- records ------------------------------------------------------------- */

void record_init(struct trail_parser *p, struct rec *r)
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
		enum key id = parser_key(p, &k);
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
			return parser_out_of_memory(p);
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
		enum key id = parser_key(p, &k);
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
		enum key id = parser_key(p, &k);
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
int record_field(struct trail_parser *p, struct json *j, struct rec *r,
                 enum key k)
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
int record_walk(struct trail_parser *p, struct json *j, struct rec *r)
{
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0)
		if (record_field(p, j, r, parser_key(p, &k)) < 0)
			return -1;
	return rc;
}

static int synthesize_id(struct trail_parser *p, struct rec *r,
                         const char *text, size_t n)
{
	if (!p->levels &&
	    !(p->levels = calloc(p->max_depth, sizeof *p->levels)))
		return parser_out_of_memory(p);
	char *id = arena_alloc(p, CLASSIFY_ID_SIZE, 1);
	if (!id)
		return -1;
	/* `text` was read with this depth limit: the levels are enough. */
	classify_event_id(text, n, p->levels, p->max_depth, id);
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

int record_emit(struct trail_parser *p, struct rec *r, const char *text,
                size_t n, size_t offset, size_t length, bool escaped)
{
	struct trail_event *e = &r->ev;
	if (p->count >= p->max_records)
		return parser_fail(p, _("more than %zu records in one file"),
		                   p->max_records);
	if (length > UINT32_MAX)
		return parser_fail(p,
		                   _("the record at byte %zu is larger than 4 GiB"),
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
		return parser_fail(p, "%s", _("stopped"));
	return 0;
}
