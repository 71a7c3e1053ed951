/* test_classify.c - event categories (each rule, in order), the table of
 * data-event APIs, global services, principal display names and the
 * event IDs made for records without one (by JSON value: key order,
 * whitespace and escapes do not matter). */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/classify.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define S(x) ((x) ? (x) : "(null)")

static const struct {
	const char *category, *type;
	int mgmt;
	const char *source, *name;
	enum event_category want;
} categories[] = {
	/* 1. eventCategory wins over everything, in any case. */
	{ "Data", "AwsCloudTrailInsight", 1, "iam.amazonaws.com", "CreateUser",
	  CAT_DATA },
	{ "Management", "AwsVpceEvent", 0, "s3.amazonaws.com", "GetObject",
	  CAT_MANAGEMENT },
	{ "insight", NULL, -1, NULL, NULL, CAT_INSIGHT },
	{ "NETWORKACTIVITY", NULL, -1, NULL, NULL, CAT_NETWORK },
	{ "networkActivity", NULL, 1, NULL, NULL, CAT_NETWORK },
	{ "data", NULL, -1, "iam.amazonaws.com", "CreateUser", CAT_DATA },
	/* An unknown value is passed over. */
	{ "Aggregated", NULL, 0, NULL, NULL, CAT_DATA },
	{ "", "AwsCloudTrailInsight", -1, NULL, NULL, CAT_INSIGHT },
	/* 2. eventType. */
	{ NULL, "AwsCloudTrailInsight", 1, NULL, NULL, CAT_INSIGHT },
	{ NULL, "awscloudtrailinsight", -1, NULL, NULL, CAT_INSIGHT },
	{ NULL, "AwsVpceEvent", 1, "s3.amazonaws.com", "GetObject",
	  CAT_NETWORK },
	{ NULL, "AwsVpceEvents", -1, NULL, NULL, CAT_NETWORK },
	{ NULL, "AwsApiCall", -1, "iam.amazonaws.com", "ListUsers",
	  CAT_MANAGEMENT },
	/* 3. managementEvent beats the API table. */
	{ NULL, "AwsApiCall", 1, "s3.amazonaws.com", "GetObject",
	  CAT_MANAGEMENT },
	{ NULL, "AwsApiCall", 0, "iam.amazonaws.com", "CreateUser", CAT_DATA },
	{ NULL, NULL, 0, NULL, NULL, CAT_DATA },
	/* 4. the table; 5. management. */
	{ NULL, "AwsApiCall", -1, "s3.amazonaws.com", "GetObject", CAT_DATA },
	{ NULL, NULL, -1, "lambda.amazonaws.com", "Invoke", CAT_DATA },
	{ NULL, NULL, -1, "lambda.amazonaws.com", "CreateFunction",
	  CAT_MANAGEMENT },
	{ NULL, NULL, -1, "s3.amazonaws.com", "PutBucketPolicy",
	  CAT_MANAGEMENT },
	{ NULL, NULL, -1, NULL, NULL, CAT_MANAGEMENT },
	{ NULL, NULL, -1, "s3.amazonaws.com", NULL, CAT_MANAGEMENT },
};

static void test_category_rules_in_order(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(categories); i++) {
		enum event_category got = classify_category(
			categories[i].category, categories[i].type,
			categories[i].mgmt, categories[i].source,
			categories[i].name);
		if (got != categories[i].want)
			fail_msg("case %zu (%s, %s, %d, %s, %s): %d, expected %d", i,
			         S(categories[i].category), S(categories[i].type),
			         categories[i].mgmt, S(categories[i].source),
			         S(categories[i].name), (int)got,
			         (int)categories[i].want);
	}
}

static const struct {
	const char *source, *name;
	bool data;
} apis[] = {
	{ "s3.amazonaws.com", "GetObject", true },
	{ "s3.amazonaws.com", "PutObject", true },
	{ "s3.amazonaws.com", "DeleteObjects", true },
	{ "s3.amazonaws.com", "HeadBucket", true },
	{ "s3.amazonaws.com", "ListObjects", true },
	{ "s3.amazonaws.com", "UploadPartCopy", true },
	{ "s3.amazonaws.com", "SelectObjectContent", true },
	{ "s3.amazonaws.com", "PutObjectAnnotation", true },
	{ "s3.amazonaws.com", "ListBuckets", false },
	{ "s3.amazonaws.com", "CreateBucket", false },
	{ "s3.amazonaws.com", "PutBucketAcl", false },
	{ "s3.amazonaws.com", "getobject", false },
	{ "s3-outposts.amazonaws.com", "PutObject", true },
	{ "s3express.amazonaws.com", "CreateSession", true },
	{ "s3-object-lambda.amazonaws.com", "WriteGetObjectResponse", true },
	{ "lambda.amazonaws.com", "Invoke", true },
	{ "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", false },
	{ "dynamodb.amazonaws.com", "GetItem", true },
	{ "dynamodb.amazonaws.com", "TransactWriteItems", true },
	{ "dynamodb.amazonaws.com", "Query", true },
	{ "dynamodb.amazonaws.com", "GetRecords", true },
	{ "dynamodb.amazonaws.com", "GetShardIterator", true },
	{ "dynamodb.amazonaws.com", "DescribeStream", false },
	{ "dynamodb.amazonaws.com", "ListStreams", false },
	{ "dynamodb.amazonaws.com", "CreateTable", false },
	{ "streams.dynamodb.amazonaws.com", "GetRecords", true },
	{ "kinesis.amazonaws.com", "GetRecords", false },
	{ "sns.amazonaws.com", "Publish", true },
	{ "sns.amazonaws.com", "PublishBatch", true },
	{ "sns.amazonaws.com", "CreateTopic", false },
	{ "sqs.amazonaws.com", "SendMessage", true },
	{ "sqs.amazonaws.com", "ReceiveMessage", true },
	{ "sqs.amazonaws.com", "DeleteMessageBatch", true },
	{ "sqs.amazonaws.com", "ChangeMessageVisibility", true },
	{ "sqs.amazonaws.com", "CreateQueue", false },
	{ "ebs.amazonaws.com", "PutSnapshotBlock", true },
	{ "ebs.amazonaws.com", "ListChangedBlocks", true },
	{ "ec2.amazonaws.com", "CreateSnapshot", false },
	{ "iam.amazonaws.com", "GetObject", false },
	{ NULL, "GetObject", false },
	{ "s3.amazonaws.com", NULL, false },
	{ "", "", false },
};

static void test_data_api_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(apis); i++)
		if (classify_data_api(apis[i].source, apis[i].name) != apis[i].data)
			fail_msg("%s %s: should%s be a data API", S(apis[i].source),
			         S(apis[i].name), apis[i].data ? "" : " not");
}

/* Insights records carry category and type, not a data API. */
static void test_insights(void **state)
{
	(void)state;
	assert_int_equal(classify_category("Insight", "AwsCloudTrailInsight", -1,
	                                   NULL, NULL),
	                 CAT_INSIGHT);
	assert_int_equal(classify_category(NULL, "AwsCloudTrailInsight", -1,
	                                   "s3.amazonaws.com", "GetObject"),
	                 CAT_INSIGHT);
}

static const struct {
	const char *source, *region, *host;
	bool global;
} globals[] = {
	{ "iam.amazonaws.com", "us-east-1", NULL, true },
	{ "iam.amazonaws.com", "eu-west-1", NULL, true },
	{ "IAM.amazonaws.com", "us-east-1", NULL, true },
	{ "cloudfront.amazonaws.com", "us-east-1", NULL, true },
	{ "signin.amazonaws.com", "eu-north-1", NULL, true },
	{ "organizations.amazonaws.com", "us-east-1", NULL, true },
	{ "route53.amazonaws.com", "us-east-1", NULL, true },
	{ "route53domains.amazonaws.com", "us-west-2", NULL, true },
	{ "sts.amazonaws.com", "us-east-1", NULL, true },
	{ "sts.amazonaws.com", "us-west-2", NULL, false },
	{ "sts.amazonaws.com", NULL, NULL, false },
	{ "sts.amazonaws.com", "us-east-1", "sts.amazonaws.com", true },
	{ "sts.amazonaws.com", "us-west-2", "sts.amazonaws.com", true },
	{ "sts.amazonaws.com", "us-east-1", "STS.AMAZONAWS.COM:443", true },
	{ "sts.amazonaws.com", "us-east-1", "sts.us-east-1.amazonaws.com",
	  false },
	{ "sts.amazonaws.com", "eu-west-1", "sts.eu-west-1.amazonaws.com",
	  false },
	{ "sts.amazonaws.com", "us-east-1", "sts.amazonaws.com.evil", false },
	{ "sts.amazonaws.com", "us-east-1", "", true },
	{ "s3.amazonaws.com", "us-east-1", NULL, false },
	{ "ec2.amazonaws.com", "us-east-1", "sts.amazonaws.com", false },
	{ "iam.amazonaws.com.example", "us-east-1", NULL, false },
	{ NULL, "us-east-1", NULL, false },
	{ "", "us-east-1", NULL, false },
};

static void test_global_services(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(globals); i++)
		if (classify_global(globals[i].source, globals[i].region,
		                    globals[i].host) != globals[i].global)
			fail_msg("%s in %s via %s: should%s be global",
			         S(globals[i].source), S(globals[i].region),
			         S(globals[i].host), globals[i].global ? "" : " not");
}

static const struct {
	struct classify_identity id;
	const char *want;
} names[] = {
	{ { "IAMUser", "arn:aws:iam::1:user/dev/alice", "AIDA", "alice", NULL,
	    NULL },
	  "alice" },
	{ { "IAMUser", "arn:aws:iam::1:user/dev/alice", "AIDA", NULL, NULL,
	    NULL },
	  "alice" },
	{ { "AssumedRole", "arn:aws:sts::1:assumed-role/Admin/sess", "AROA:sess",
	    NULL, NULL, "Admin" },
	  "Admin/sess" },
	{ { "AssumedRole", NULL, "AROA:sess", NULL, NULL, "Admin" }, "Admin" },
	{ { "AssumedRole", NULL, "AROA:sess", NULL, NULL, NULL }, "AROA:sess" },
	{ { "AssumedRole", "arn:aws:sts::1:assumed-role/", NULL, NULL, NULL,
	    "R" },
	  "R" },
	{ { "Root", "arn:aws:iam::1:root", "1", "my-alias", NULL, NULL },
	  "root" },
	{ { "Root", NULL, NULL, NULL, NULL, NULL }, "root" },
	{ { "AWSService", NULL, NULL, NULL, "ec2.amazonaws.com", NULL },
	  "ec2.amazonaws.com" },
	{ { "AWSService", NULL, "p", NULL, NULL, NULL }, "p" },
	{ { "FederatedUser", "arn:aws:sts::1:federated-user/Bob", "1:Bob",
	    NULL, NULL, "Bob" },
	  "Bob" },
	{ { "Role", "arn:aws:iam::1:role/path/Deployer", NULL, NULL, NULL,
	    NULL },
	  "Deployer" },
	{ { "IdentityCenterUser", NULL, "ic-user", NULL, NULL, NULL },
	  "ic-user" },
	{ { "SAMLUser", NULL, "x", "jdoe@example.com", NULL, NULL },
	  "jdoe@example.com" },
	{ { "Unknown", NULL, NULL, "HIDDEN_DUE_TO_SECURITY_REASONS", NULL,
	    NULL },
	  "HIDDEN_DUE_TO_SECURITY_REASONS" },
	{ { "AWSAccount", NULL, "AIDAX:x", NULL, NULL, NULL }, "AIDAX:x" },
	{ { NULL, NULL, NULL, NULL, "cloudtrail.amazonaws.com", NULL },
	  "cloudtrail.amazonaws.com" },
	{ { NULL, "arn:aws:iam::1:root", NULL, NULL, NULL, NULL }, "root" },
	{ { NULL, "arn:aws:iam::1:", NULL, NULL, NULL, NULL }, NULL },
	{ { "", "", "", "", "", "" }, NULL },
	{ { NULL, NULL, NULL, NULL, NULL, NULL }, NULL },
};

static void test_principal_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(names); i++) {
		const char *got = classify_principal_name(&names[i].id);
		if ((got == NULL) != (names[i].want == NULL) ||
		    (got && strcmp(got, names[i].want) != 0))
			fail_msg("case %zu (%s, %s): '%s', expected '%s'", i,
			         S(names[i].id.type), S(names[i].id.arn), S(got),
			         S(names[i].want));
	}
}

/* Pairs of records and whether they are the same JSON value. */
static const struct {
	const char *a, *b;
	bool same;
} ids[] = {
	/* Whitespace between tokens. */
	{ "{\"eventName\":\"x y\"}", "{ \"eventName\" :\n\t\"x y\"\r\n}", true },
	{ "[1, 2]", "[1,2]", true },
	/* Key order, at the top and nested (in arrays too). */
	{ "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", true },
	{ "{\"x\":{\"a\":1,\"b\":[{\"c\":true,\"d\":null}]},\"y\":\"z\"}",
	  "{\"y\":\"z\",\"x\":{\"b\":[{\"d\":null,\"c\":true}],\"a\":1}}",
	  true },
	/* Escapes and the characters they stand for, in values and keys. */
	{ "{\"a\":\"&\"}", "{\"a\":\"\\u0026\"}", true },
	{ "{\"a\":\"/\"}", "{\"a\":\"\\/\"}", true },
	{ "{\"a\":1}", "{\"\\u0061\":1}", true },
	{ "{\"a\":\"\xc3\xa9\"}", "{\"a\":\"\\u00e9\"}", true },
	{ "{\"a\":\"\xf0\x9f\x98\x80\"}", "{\"a\":\"\\ud83d\\ude00\"}", true },
	{ "{\"a\":\"\\ufffd\"}", "{\"a\":\"\\ud800\"}", true },
	/* Different values. */
	{ "{\"a\":\"x y\"}", "{\"a\":\"xy\"}", false },
	{ "{\"a\":\"x\\\" y\"}", "{\"a\":\"x\\\"y\"}", false },
	{ "{\"a\":\"x\\u0000\"}", "{\"a\":\"x\"}", false },
	/* A member's key goes with its value. */
	{ "{\"a\":1,\"b\":2}", "{\"a\":2,\"b\":1}", false },
	{ "{\"a\":\"b\"}", "{\"b\":\"a\"}", false },
	{ "{\"ab\":\"c\"}", "{\"a\":\"bc\"}", false },
	/* Arrays keep their order; nesting is not flattening. */
	{ "[1,2]", "[2,1]", false },
	{ "{\"a\":{\"b\":1}}", "{\"a\":1,\"b\":1}", false },
	{ "{\"a\":{\"b\":{}}}", "{\"a\":{},\"b\":{}}", false },
	{ "[[1,2]]", "[1,2]", false },
	{ "[[1],[2]]", "[[1,2]]", false },
	{ "[\"a\",\"b\"]", "[\"ab\"]", false },
	/* Kinds of value; numbers by their text; duplicate keys count. */
	{ "{\"a\":\"1\"}", "{\"a\":1}", false },
	{ "{\"a\":\"true\"}", "{\"a\":true}", false },
	{ "{\"a\":\"null\"}", "{\"a\":null}", false },
	{ "{\"a\":1.0}", "{\"a\":1}", false },
	{ "{}", "[]", false },
	{ "{\"a\":{}}", "{\"a\":[]}", false },
	{ "{\"a\":1}", "{\"a\":1,\"a\":1}", false },
};

static void id_of(const char *text, char *out)
{
	struct classify_level lv[16];
	classify_event_id(text, strlen(text), lv, COUNT(lv), out);
}

static void test_event_ids(void **state)
{
	(void)state;
	char a[CLASSIFY_ID_SIZE], b[CLASSIFY_ID_SIZE];
	/* Pinned: databases keep these IDs.  The values come from an
	 * independent implementation of classify.h's description. */
	id_of("{}", a);
	assert_string_equal(a, "trailnav-be432feef2c60e4f");
	id_of("{\"eventName\":\"x y\"}", a);
	assert_string_equal(a, "trailnav-0704f3d5b474e1ed");
	id_of("{\"eventName\":\"x y\",\"n\":[1,-2.5e3,true,false,null],"
	      "\"o\":{\"k\":\"\\u00e9\\ud83d\\ude00 \\\"q\\\"\",\"\":{}}}",
	      a);
	assert_string_equal(a, "trailnav-29a03a3f8af407a4");
	for (size_t i = 0; i < COUNT(ids); i++) {
		id_of(ids[i].a, a);
		id_of(ids[i].b, b);
		if ((strcmp(a, b) == 0) != ids[i].same)
			fail_msg("'%s' and '%s': IDs %s and %s", ids[i].a, ids[i].b,
			         a, b);
	}
}

/* A string is hashed 8 bytes at a time, and an escaped one arrives in
 * pieces: an escape anywhere in it, across word boundaries too, gives the
 * ID of the same string written plainly. */
static void test_event_id_escape_positions(void **state)
{
	(void)state;
	static const char plain[] = "abcdefghijklmnopqrstuvwxyz";
	for (size_t at = 0; at < sizeof plain - 1; at++) {
		char want[CLASSIFY_ID_SIZE], got[CLASSIFY_ID_SIZE];
		char text[128];
		snprintf(text, sizeof text, "{\"k\":\"%s\"}", plain);
		id_of(text, want);
		snprintf(text, sizeof text, "{\"k\":\"%.*s\\u00%02x%s\"}", (int)at,
		         plain, (unsigned char)plain[at], plain + at + 1);
		id_of(text, got);
		if (strcmp(want, got) != 0)
			fail_msg("%s: %s, not %s", text, got, want);
	}
}

/* Nesting deeper than the levels given, or text that is not JSON (a
 * broken caller), still gives an ID, within bounds: the levels come from
 * the heap so that valgrind and ASan see any write past them. */
static void test_event_id_limits(void **state)
{
	(void)state;
	const char *texts[] = { "[[[[1]]]]", "{\"a\":{\"b\":{\"c\":{}}}}",
		                "{\"a\":", "{\"a\" 1}", "[1,", "\"abc", "",
		                "nul", "{\"a\":[1,{\"b\":}]}" };
	for (size_t i = 0; i < COUNT(texts); i++) {
		size_t n = strlen(texts[i]);
		char *exact = malloc(n ? n : 1);
		struct classify_level *lv = malloc(2 * sizeof *lv);
		assert_non_null(exact);
		assert_non_null(lv);
		memcpy(exact, texts[i], n);
		char id[CLASSIFY_ID_SIZE];
		classify_event_id(exact, n, lv, 2, id);
		assert_int_equal(strlen(id), CLASSIFY_ID_SIZE - 1);
		assert_int_equal(strncmp(id, "trailnav-", 9), 0);
		free(lv);
		free(exact);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_category_rules_in_order),
		cmocka_unit_test(test_data_api_table),
		cmocka_unit_test(test_insights),
		cmocka_unit_test(test_global_services),
		cmocka_unit_test(test_principal_names),
		cmocka_unit_test(test_event_ids),
		cmocka_unit_test(test_event_id_escape_positions),
		cmocka_unit_test(test_event_id_limits),
	};
	return cmocka_run_group_tests_name("classify", tests, NULL, NULL);
}
