/* classify.c - categories, global services, principal names and made-up
 * event IDs for records (classify.h).  The tables follow
 * docs/cloudtrail-format.md, sections 2 to 4. */
#include <config.h>

#include "import/classify.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "import/json.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool present(const char *s)
{
	return s && *s;
}

/* ASCII-only, so the locale never changes a match. */
static bool eq_nocase(const char *a, const char *b)
{
	for (;; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return false;
		if (!x)
			return true;
	}
}

static bool eq(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

/* ---- data-event APIs (section 4) --------------------------------------- */

static const char *const s3_object_apis[] = {
	"AbortMultipartUpload", "CompleteMultipartUpload", "CopyObject",
	"CreateMultipartUpload", "DeleteObject", "DeleteObjects",
	"DeleteObjectTagging", "GetObject", "GetObjectAcl",
	"GetObjectAttributes", "GetObjectLegalHold", "GetObjectRetention",
	"GetObjectTagging", "GetObjectTorrent", "HeadObject", "HeadBucket",
	"ListObjects", "ListObjectVersions", "ListParts", "PutObject",
	"PutObjectAcl", "PutObjectLegalHold", "PutObjectRetention",
	"PutObjectTagging", "RestoreObject", "SelectObjectContent",
	"UpdateObjectEncryption", "UploadPart", "UploadPartCopy",
	"CreateSession", /* S3 Express One Zone's data-plane sign-in */
};

static const char *const lambda_apis[] = { "Invoke" };

static const char *const dynamodb_apis[] = {
	"BatchExecuteStatement", "BatchGetItem", "BatchWriteItem",
	"DeleteItem", "ExecuteStatement", "ExecuteTransaction", "GetItem",
	"PutItem", "Query", "Scan", "SearchVectors", "TransactGetItems",
	"TransactWriteItems", "UpdateItem",
	/* DynamoDB Streams; DescribeStream and ListStreams are management. */
	"GetRecords", "GetShardIterator",
};

static const char *const stream_apis[] = { "GetRecords", "GetShardIterator" };

static const char *const sns_apis[] = { "Publish", "PublishBatch" };

static const char *const sqs_apis[] = {
	"SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage",
	"DeleteMessageBatch", "ChangeMessageVisibility",
	"ChangeMessageVisibilityBatch",
};

static const struct {
	const char *source;
	const char *const *names; /* NULL: every call of the source */
	size_t n;
	bool s3; /* also the *ObjectAnnotation APIs */
} data_sources[] = {
	{ "s3.amazonaws.com", s3_object_apis, COUNT(s3_object_apis), true },
	{ "s3-outposts.amazonaws.com", s3_object_apis, COUNT(s3_object_apis),
	  true },
	{ "s3express.amazonaws.com", s3_object_apis, COUNT(s3_object_apis),
	  true },
	{ "s3-object-lambda.amazonaws.com", NULL, 0, false },
	{ "lambda.amazonaws.com", lambda_apis, COUNT(lambda_apis), false },
	{ "dynamodb.amazonaws.com", dynamodb_apis, COUNT(dynamodb_apis),
	  false },
	{ "streams.dynamodb.amazonaws.com", stream_apis, COUNT(stream_apis),
	  false },
	{ "sns.amazonaws.com", sns_apis, COUNT(sns_apis), false },
	{ "sqs.amazonaws.com", sqs_apis, COUNT(sqs_apis), false },
	/* ebs.amazonaws.com serves only the EBS direct APIs (StartSnapshot,
	 * PutSnapshotBlock, GetSnapshotBlock, ListChangedBlocks, ...); the
	 * EBS management calls belong to ec2.amazonaws.com. */
	{ "ebs.amazonaws.com", NULL, 0, false },
};

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool classify_data_api(const char *source, const char *name)
{
	if (!present(source) || !present(name))
		return false;
	for (size_t i = 0; i < COUNT(data_sources); i++) {
		if (strcmp(source, data_sources[i].source) != 0)
			continue;
		if (!data_sources[i].names)
			return true;
		for (size_t k = 0; k < data_sources[i].n; k++)
			if (strcmp(name, data_sources[i].names[k]) == 0)
				return true;
		return data_sources[i].s3 &&
		       (ends_with(name, "ObjectAnnotation") ||
		        ends_with(name, "ObjectAnnotations"));
	}
	return false;
}

/* ---- categories --------------------------------------------------------- */

static int category_named(const char *s)
{
	static const struct {
		const char *name;
		enum event_category cat;
	} names[] = {
		{ "Management", CAT_MANAGEMENT },
		{ "Data", CAT_DATA },
		{ "Insight", CAT_INSIGHT },
		{ "NetworkActivity", CAT_NETWORK },
	};
	for (size_t i = 0; s && i < COUNT(names); i++)
		if (eq_nocase(s, names[i].name))
			return (int)names[i].cat;
	return -1;
}

enum event_category classify_category(const char *event_category,
                                      const char *event_type,
                                      int management_event,
                                      const char *source, const char *name)
{
	int c = category_named(event_category);
	if (c >= 0)
		return (enum event_category)c;
	if (event_type && eq_nocase(event_type, "AwsCloudTrailInsight"))
		return CAT_INSIGHT;
	if (event_type && (eq_nocase(event_type, "AwsVpceEvent") ||
	                   eq_nocase(event_type, "AwsVpceEvents")))
		return CAT_NETWORK;
	if (management_event == 1)
		return CAT_MANAGEMENT;
	if (management_event == 0)
		return CAT_DATA;
	return classify_data_api(source, name) ? CAT_DATA : CAT_MANAGEMENT;
}

/* ---- global services (section 3) ---------------------------------------- */

static const char *const global_sources[] = {
	"iam.amazonaws.com",           "cloudfront.amazonaws.com",
	"signin.amazonaws.com",        "organizations.amazonaws.com",
	"route53.amazonaws.com",       "route53domains.amazonaws.com",
};

/* The host header of a call to STS's global endpoint, with or without a
 * port. */
static bool global_sts_host(const char *host)
{
	static const char g[] = "sts.amazonaws.com";
	size_t n = sizeof g - 1;
	char head[sizeof g];
	if (strlen(host) < n)
		return false;
	memcpy(head, host, n);
	head[n] = '\0';
	return eq_nocase(head, g) && (host[n] == '\0' || host[n] == ':');
}

bool classify_global(const char *source, const char *region,
                     const char *host)
{
	if (!present(source))
		return false;
	for (size_t i = 0; i < COUNT(global_sources); i++)
		if (eq_nocase(source, global_sources[i]))
			return true;
	if (!eq_nocase(source, "sts.amazonaws.com"))
		return false;
	if (present(host))
		return global_sts_host(host);
	return present(region) && eq_nocase(region, "us-east-1");
}

/* ---- principal names ---------------------------------------------------- */

/* What follows the last '/' of an ARN, or its last ':' when it has no
 * '/' (arn:aws:iam::123456789012:root). */
static const char *arn_last_part(const char *arn)
{
	if (!present(arn))
		return NULL;
	const char *cut = strrchr(arn, '/');
	if (!cut)
		cut = strrchr(arn, ':');
	return cut && cut[1] ? cut + 1 : NULL;
}

/* The resource of an ARN after "<kind>/" (assumed-role/Role/session ->
 * Role/session), or NULL when the ARN is not of that kind. */
static const char *arn_after(const char *arn, const char *kind)
{
	if (!present(arn))
		return NULL;
	const char *at = strstr(arn, kind);
	if (!at)
		return NULL;
	at += strlen(kind);
	return *at ? at : NULL;
}

static const char *fallback_name(const struct classify_identity *id)
{
	if (present(id->user_name))
		return id->user_name;
	const char *last = arn_last_part(id->arn);
	if (last)
		return last;
	if (present(id->principal_id))
		return id->principal_id;
	return present(id->invoked_by) ? id->invoked_by : NULL;
}

const char *classify_principal_name(const struct classify_identity *id)
{
	const char *t = id->type, *name = NULL;
	if (eq(t, "Root")) {
		return "root";
	} else if (eq(t, "AssumedRole")) {
		name = arn_after(id->arn, "assumed-role/");
		if (!name && present(id->issuer_name))
			name = id->issuer_name;
	} else if (eq(t, "AWSService")) {
		name = present(id->invoked_by) ? id->invoked_by : NULL;
	} else if (eq(t, "FederatedUser")) {
		name = arn_after(id->arn, "federated-user/");
	} else if (eq(t, "Role")) {
		name = arn_last_part(id->arn);
	}
	return name ? name : fallback_name(id);
}

/* ---- event IDs ---------------------------------------------------------- */

/* The four seeds keep kinds of value apart (the string "1" is not the
 * number 1, [] is not {}); they are the first words of SHA-512's initial
 * hash value, numbers with nothing up their sleeve.  KEY_FACTOR is
 * 2^64 / the golden ratio: odd, so multiplying loses nothing. */
#define SEED_STRING UINT64_C(0x6a09e667f3bcc908)
#define SEED_BARE UINT64_C(0xbb67ae8584caa73b)
#define SEED_ARRAY UINT64_C(0x3c6ef372fe94f82b)
#define SEED_OBJECT UINT64_C(0xa54ff53a5f1d36f1)
#define KEY_FACTOR UINT64_C(0x9e3779b97f4a7c15)

/* splitmix64's finalizer: every input bit reaches every output bit. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

/* Little-endian whatever the machine, so that IDs do not depend on it;
 * compilers make this one load on little-endian machines. */
static uint64_t load_le64(const unsigned char *b)
{
	return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 |
	       (uint64_t)b[3] << 24 | (uint64_t)b[4] << 32 |
	       (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 |
	       (uint64_t)b[7] << 56;
}

/* bytes() of classify.h over bytes that arrive in pieces (an escaped
 * string decoded piece by piece): a word cut between pieces waits in
 * `tail`, so the hash does not depend on where the cuts are. */
struct bytes_hash {
	uint64_t h, tail, n;
};

static void bytes_feed(void *ctx, const char *s, size_t len)
{
	struct bytes_hash *b = ctx;
	const unsigned char *u = (const unsigned char *)s;
	uint64_t h = b->h, tail = b->tail; /* in registers, not in *b */
	unsigned have = (unsigned)(b->n & 7);
	b->n += len;
	for (; have && len; u++, len--) {
		tail |= (uint64_t)*u << (8 * have);
		if (++have == 8) {
			h = mix(h ^ tail);
			tail = 0;
			have = 0;
		}
	}
	for (; len >= 8; u += 8, len -= 8)
		h = mix(h ^ load_le64(u));
	for (unsigned i = 0; i < len; i++)
		tail |= (uint64_t)u[i] << (8 * i);
	b->h = h;
	b->tail = tail;
}

static uint64_t bytes_end(const struct bytes_hash *b)
{
	uint64_t h = b->n & 7 ? mix(b->h ^ b->tail) : b->h;
	return mix(h ^ b->n);
}

static uint64_t hash_string(const struct json_str *s)
{
	struct bytes_hash b = { SEED_STRING, 0, 0 };
	if (s->escaped)
		json_unescape_each(s, bytes_feed, &b);
	else
		bytes_feed(&b, s->raw, s->len);
	return bytes_end(&b);
}

/* The value at the cursor, which is not a container.  Input that is not
 * valid JSON hashes as something, never reads out of bounds. */
static uint64_t hash_scalar(struct json *j)
{
	struct json_str s;
	if (json_peek(j) == JSON_STRING && json_string(j, &s) == 0)
		return hash_string(&s);
	struct bytes_hash b = { SEED_BARE, 0, 0 };
	size_t at = json_pos(j);
	if (json_skip(j) == 0) /* a scalar: json_skip() needs no stack */
		bytes_feed(&b, j->begin + at, json_pos(j) - at);
	return bytes_end(&b);
}

/* A finished value `v` joins the container it is in. */
static void level_add(struct classify_level *c, uint64_t v)
{
	if (c->object)
		c->acc += mix(c->key * KEY_FACTOR + v);
	else
		c->acc = mix(c->acc ^ v);
}

/* Moves to the next item of the innermost open container, closing the
 * containers that end there and adding each to its parent.  Returns
 * false when the outermost one has closed, its hash in *v. */
static bool next_item(struct json *j, struct classify_level *lv, size_t *d,
                      uint64_t *v)
{
	for (;;) {
		struct classify_level *c = &lv[*d - 1];
		struct json_str k;
		int rc = c->object ? json_object_next(j, &c->open, &k)
		                   : json_array_next(j, &c->open);
		if (rc > 0) {
			if (c->object)
				c->key = hash_string(&k);
			return true;
		}
		/* rc < 0 only for invalid JSON: close all, as at the end. */
		*v = c->object ? mix(SEED_OBJECT ^ c->acc) : c->acc;
		if (--*d == 0)
			return false;
		level_add(&lv[*d - 1], *v);
	}
}

/* The hash of the value at the cursor.  Iterative, over the caller's
 * levels: hostile nesting must not cost C stack. */
static uint64_t hash_value(struct json *j, struct classify_level *lv,
                           size_t max_depth)
{
	size_t d = 0;
	uint64_t v = 0;
	do {
		enum json_type t = json_peek(j);
		if (t == JSON_OBJECT || t == JSON_ARRAY) {
			if (d == max_depth)
				return 0; /* deeper than promised */
			lv[d].acc = t == JSON_OBJECT ? 0 : SEED_ARRAY;
			lv[d].object = t == JSON_OBJECT;
			lv[d++].open = false;
		} else {
			v = hash_scalar(j);
			if (d == 0)
				return v;
			level_add(&lv[d - 1], v);
		}
	} while (next_item(j, lv, &d, &v));
	return v;
}

void classify_event_id(const char *text, size_t n,
                       struct classify_level *levels, size_t max_depth,
                       char *out)
{
	struct json j;
	json_init(&j, text, n, NULL, max_depth);
	uint64_t h = hash_value(&j, levels, max_depth);
	snprintf(out, CLASSIFY_ID_SIZE, "trailnav-%016" PRIx64, h);
}
