/* classify.c - categories, global services, principal names and made-up
 * event IDs for records (classify.h).  The tables follow docs/cloudtrail-format.md,
 * sections 2 to 4. */
#include <config.h>

#include "import/classify.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

void classify_event_id(const char *text, size_t n, char *out)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	bool in_string = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (in_string) {
			if (c == '\\' && i + 1 < n) { /* the escaped byte too */
				h = (h ^ c) * UINT64_C(0x100000001b3);
				c = (unsigned char)text[++i];
			} else if (c == '"') {
				in_string = false;
			}
		} else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			continue;
		} else if (c == '"') {
			in_string = true;
		}
		h = (h ^ c) * UINT64_C(0x100000001b3);
	}
	snprintf(out, CLASSIFY_ID_SIZE, "trailnav-%016" PRIx64, h);
}
