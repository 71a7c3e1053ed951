/* test_parse.c - finding records in every input format, byte spans,
 * field extraction from well-formed and hostile records, event IDs made
 * for records without one, limits, failures and their reasons, and
 * eventTime parsing. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/parse.h"
#include "util/buf.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixtures --------------------------------------------------------- */

/* Compact records, as trails write them: "@1" in a template. */
static const char *const compact[] = {
	NULL,
	/* 1: every field, a data event */
	"{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
	"\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:"
	"user/alice\",\"accountId\":\"111122223333\",\"accessKeyId\":"
	"\"AKIAEXAMPLE\",\"userName\":\"alice\"},\"eventTime\":"
	"\"2023-07-19T21:33:41Z\",\"eventSource\":\"s3.amazonaws.com\","
	"\"eventName\":\"GetObject\",\"awsRegion\":\"eu-west-1\","
	"\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.13.0\","
	"\"errorCode\":\"AccessDenied\",\"requestParameters\":{\"bucketName\":"
	"\"b\",\"key\":\"a \\\"quoted\\\" key\",\"nested\":[1,{\"x\":[true,null]"
	"}]},\"responseElements\":null,\"requestID\":\"REQ1\",\"eventID\":"
	"\"id-1\",\"readOnly\":true,\"resources\":[{\"ARN\":\"arn:aws:s3:::b/k\","
	"\"type\":\"AWS::S3::Object\"},{\"accountId\":\"1\",\"type\":"
	"\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::b\"}],\"eventType\":"
	"\"AwsApiCall\",\"managementEvent\":false,\"recipientAccountId\":"
	"\"111122223333\",\"sharedEventID\":\"SH1\",\"eventCategory\":\"Data\"}",
	/* 2: an assumed role, a management event of a global service */
	"{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\","
	"\"principalId\":\"AROAEXAMPLE:sess\",\"arn\":\"arn:aws:sts::"
	"111122223333:assumed-role/Admin/sess\",\"accountId\":\"111122223333\","
	"\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":"
	"\"Admin\"},\"attributes\":{\"mfaAuthenticated\":\"false\"}}},"
	"\"eventTime\":\"2023-07-19T21:34:00.250Z\",\"eventSource\":"
	"\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"awsRegion\":"
	"\"us-east-1\",\"eventID\":\"id-2\",\"readOnly\":false,\"eventType\":"
	"\"AwsApiCall\",\"managementEvent\":true,\"eventCategory\":"
	"\"Management\"}",
	/* 3: an Insights event */
	"{\"eventVersion\":\"1.07\",\"eventTime\":\"2020-07-21T20:56:00Z\","
	"\"awsRegion\":\"us-east-1\",\"eventID\":\"id-3\",\"eventType\":"
	"\"AwsCloudTrailInsight\",\"recipientAccountId\":\"838185438692\","
	"\"sharedEventID\":\"SH3\",\"insightDetails\":{\"state\":\"Start\","
	"\"eventSource\":\"autoscaling.amazonaws.com\",\"eventName\":"
	"\"CompleteLifecycleAction\",\"insightType\":\"ApiCallRateInsight\"},"
	"\"eventCategory\":\"Insight\"}",
	/* 4: no eventID */
	"{\"eventVersion\":\"1.02\",\"eventTime\":\"2014-03-06T21:22:54Z\","
	"\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"StartInstances\","
	"\"awsRegion\":\"us-east-2\",\"note\":\"a b\\tc\"}",
	/* 5: only eventVersion says it is a record (a documentation
	 * fragment) */
	"{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\"}}",
};

/* Pretty-printed records: "&1" in a template.  2 is compact 4 laid out
 * differently, its keys in another order and "\u0020" for a space: the
 * same JSON value, so the same made-up event ID. */
static const char *const pretty[] = {
	NULL,
	"{\n    \"eventVersion\": \"1.05\",\n    \"userIdentity\": {\n"
	"        \"type\": \"Root\",\n        \"arn\": \"arn:aws:iam::"
	"123456789012:root\",\n        \"userName\": \"my-alias\"\n    },\n"
	"    \"eventTime\": \"2017-12-11T15:01:51Z\",\n    \"eventSource\": "
	"\"signin.amazonaws.com\",\n    \"eventName\": \"ConsoleLogin\",\n"
	"    \"awsRegion\": \"us-east-1\",\n    \"eventID\": \"p-1\",\n"
	"    \"responseElements\": {\n        \"ConsoleLogin\": \"Success\"\n"
	"    }\n}",
	"{\r\n  \"note\" : \"a\\u0020b\\tc\" ,\r\n  \"eventTime\" : "
	"\"2014-03-06T21:22:54Z\",\r\n\t\"eventSource\":\"ec2.amazonaws.com\",\n"
	"  \"awsRegion\": \"us-east-2\",\n  \"eventName\": \"StartInstances\",\n"
	"  \"eventVersion\": \"1.02\"\n}",
};

static const char digest_file[] =
	"{\n  \"awsAccountId\": \"111122223333\",\n  \"digestStartTime\": "
	"\"2015-08-17T14:01:31Z\",\n  \"digestEndTime\": \"2015-08-17T15:01:31Z\","
	"\n  \"digestS3Bucket\": \"bucket\",\n  \"digestPublicKeyFingerprint\": "
	"\"31e8b5433410dfb61a9dc45cc65b22ff\",\n  \"newestEventTime\": null,\n"
	"  \"logFiles\": []\n}\n";

static const char sqs_envelope[] =
	"{\n  \"Type\": \"Notification\",\n  \"MessageId\": \"6a18da96\",\n"
	"  \"Message\": \"{\\\"s3Bucket\\\":\\\"b\\\",\\\"s3ObjectKey\\\":"
	"[\\\"k.json.gz\\\"]}\",\n  \"Timestamp\": \"2014-03-09T20:25:15.990Z\""
	"\n}";

/* A record as a JSON string literal, quotes included. */
static void put_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		if (*s == '\n' || *s == '\t' || *s == '\r')
			buf_puts(b, *s == '\n' ? "\\n" : *s == '\t' ? "\\t" : "\\r");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* Expands a template: "@N" compact record N, "&N" pretty record N, "#N"
 * compact record N as a JSON string, "$D" the digest, "$S" the SQS
 * envelope.  The caller frees. */
static char *expand(const char *t, size_t *len)
{
	struct buf b;
	buf_init(&b);
	for (; *t; t++) {
		int n = t[1] - '0';
		if (*t == '@' && n >= 1 && n <= 5)
			buf_puts(&b, compact[n]);
		else if (*t == '&' && n >= 1 && n <= 2)
			buf_puts(&b, pretty[n]);
		else if (*t == '#' && n >= 1 && n <= 4)
			put_quoted(&b, compact[n]);
		else if (*t == '$' && (t[1] == 'D' || t[1] == 'S'))
			buf_puts(&b, t[1] == 'D' ? digest_file : sqs_envelope);
		else {
			buf_putc(&b, *t);
			continue;
		}
		t++;
	}
	assert_true(buf_ok(&b));
	if (len)
		*len = b.len;
	return buf_steal(&b);
}

/* ---- collecting what the parser hands over ----------------------------- */

struct got {
	struct trail_event ev[64];
	size_t n;
	int stop_after; /* 0: never stop */
};

static int collect(void *ctx, const struct trail_event *ev)
{
	struct got *g = ctx;
	if (g->n < COUNT(g->ev))
		g->ev[g->n] = *ev;
	g->n++;
	return g->stop_after && (int)g->n >= g->stop_after;
}

struct run {
	struct trail_parser *p;
	char *input;
	size_t len;
	int rc;
	enum trail_format format;
	char why[320];
	struct got got;
};

static void run_parse(struct run *r, const char *tmpl,
                      const struct trail_limits *lim)
{
	memset(r, 0, sizeof *r);
	r->p = trail_parser_new(lim);
	assert_non_null(r->p);
	r->input = expand(tmpl, &r->len);
	/* An exact-size copy, so the sanitizers see any read past the end. */
	char *exact = malloc(r->len ? r->len : 1);
	assert_non_null(exact);
	memcpy(exact, r->input, r->len);
	free(r->input);
	r->input = exact;
	r->rc = trail_parse(r->p, r->input, r->len, collect, &r->got,
	                    &r->format, r->why, sizeof r->why);
}

static void run_free(struct run *r)
{
	trail_parser_free(r->p);
	free(r->input);
}

/* Parses one record (template) that must succeed with one event. */
static const struct trail_event *one(struct run *r, const char *tmpl)
{
	run_parse(r, tmpl, NULL);
	if (r->rc != 0 || r->got.n != 1)
		fail_msg("'%s': rc %d, %zu events: %s", tmpl, r->rc, r->got.n,
		         r->why);
	return &r->got.ev[0];
}

/* ---- formats and spans ------------------------------------------------- */

static const struct {
	const char *tmpl;
	enum trail_format format;
	const char *records; /* the tokens of the records, in order */
} format_cases[] = {
	{ "{\"Records\":[@1,@2,@3]}", TF_DELIVERY, "@1 @2 @3" },
	{ "{\"Records\":[]}", TF_DELIVERY, "" },
	{ "{\"a\":{\"Records\":2},\"Records\":[@4],\"b\":[]}", TF_DELIVERY, "@4" },
	{ "{\n  \"Records\": [\n    &1,\n    &2\n  ]\n}\n", TF_DELIVERY, "&1 &2" },
	{ "\xef\xbb\xbf{\"Records\":[@1]}", TF_DELIVERY, "@1" },
	{ "[@1,@2]", TF_ARRAY, "@1 @2" },
	{ "[\n  &1,\n  &2\n]", TF_ARRAY, "&1 &2" },
	{ "[{\"Records\":[@1]},@2,{\"detail\":@3}]", TF_ARRAY, "@1 @2 @3" },
	{ "@1", TF_RECORD, "@1" },
	{ "@5", TF_RECORD, "@5" },
	{ " \n&1\n ", TF_RECORD, "&1" },
	{ "@1\n@2\n@3\n", TF_NDJSON, "@1 @2 @3" },
	{ "@1\r\n\r\n@4", TF_NDJSON, "@1 @4" },
	{ "&1\n&2", TF_NDJSON, "&1 &2" },
	{ "{\"detail-type\":\"x\",\"detail\":@1}\n{\"Records\":[@2]}\n@3\n[@4]",
	  TF_NDJSON, "@1 @2 @3 @4" },
	{ "{\"Events\":[{\"EventId\":\"id-1\",\"CloudTrailEvent\":#1},"
	  "{\"CloudTrailEvent\":#2,\"Username\":\"x\"}],\"NextToken\":\"t\"}",
	  TF_LOOKUP, "#1 #2" },
	{ "{\"NextToken\":\"t\",\"Events\":[@3]}", TF_LOOKUP, "@3" },
	{ "{\"Events\":[{\"CloudTrailEvent\":@1}]}", TF_LOOKUP, "@1" },
	{ "{\"Events\":[{\"CloudTrailEvent\":#4}]}", TF_LOOKUP, "#4" },
	{ "{\"Events\":[]}", TF_LOOKUP, "" },
	{ "{\"version\":\"0\",\"detail-type\":\"AWS API Call via CloudTrail\","
	  "\"source\":\"aws.s3\",\"resources\":[],\"detail\":@1}",
	  TF_EVENTBRIDGE, "@1" },
	{ "{\"detail\":&1,\"detail-type\":\"AWS Console Sign In via "
	  "CloudTrail\"}",
	  TF_EVENTBRIDGE, "&1" },
	{ "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"g\","
	  "\"subscriptionFilters\":[\"f\"],\"logEvents\":[{\"id\":\"1\","
	  "\"timestamp\":1,\"message\":#1},{\"id\":\"2\",\"message\":#2}]}",
	  TF_CLOUDWATCH, "#1 #2" },
	{ "{\"logEvents\":[{\"message\":#3}],\"messageType\":\"DATA_MESSAGE\"}",
	  TF_CLOUDWATCH, "#3" },
	{ "{\"logEvents\":[{\"message\":#3}]}", TF_CLOUDWATCH, "#3" },
	{ "{\"messageType\":\"CONTROL_MESSAGE\",\"logEvents\":[{\"id\":\"\","
	  "\"message\":\"CWL CONTROL MESSAGE: Checking health\"}]}",
	  TF_CLOUDWATCH, "" },
	{ "{\"logEvents\":[{\"message\":\"CWL CONTROL MESSAGE\"}],"
	  "\"messageType\":\"CONTROL_MESSAGE\"}",
	  TF_CLOUDWATCH, "" },
	{ "$D", TF_DIGEST, "" },
	{ "{\"publicKeyFingerprint\":\"x\",\"logFiles\":[{\"s3Object\":\"o\"}]}",
	  TF_DIGEST, "" },
};

static void check_spans(struct run *r, const char *tmpl, const char *records)
{
	char *tokens = strdup(records);
	assert_non_null(tokens);
	size_t i = 0;
	for (char *t = strtok(tokens, " "); t; t = strtok(NULL, " "), i++) {
		if (i >= r->got.n)
			fail_msg("'%s': only %zu records", tmpl, r->got.n);
		const struct trail_event *e = &r->got.ev[i];
		size_t n;
		char *want = expand(t, &n);
		if (e->record_length != n || e->record_offset + n > r->len ||
		    memcmp(r->input + e->record_offset, want, n) != 0 ||
		    e->record_escaped != (t[0] == '#'))
			fail_msg("'%s': record %zu (%s) at %llu+%u is '%.*s'", tmpl,
			         i, t, (unsigned long long)e->record_offset,
			         (unsigned)e->record_length,
			         (int)e->record_length,
			         r->input + e->record_offset);
		free(want);
	}
	if (i != r->got.n)
		fail_msg("'%s': %zu records, expected %zu", tmpl, r->got.n, i);
	free(tokens);
}

static void test_formats_and_spans(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(format_cases); i++) {
		struct run r;
		run_parse(&r, format_cases[i].tmpl, NULL);
		if (r.rc != 0 || r.format != format_cases[i].format)
			fail_msg("'%s': rc %d, format %s (expected %s): %s",
			         format_cases[i].tmpl, r.rc,
			         trail_format_name(r.format),
			         trail_format_name(format_cases[i].format), r.why);
		check_spans(&r, format_cases[i].tmpl, format_cases[i].records);
		run_free(&r);
	}
}

static const struct {
	const char *tmpl;
	const char *why; /* the reason must hold this */
} failure_cases[] = {
	{ "", "no JSON: the file is empty" },
	{ " \n\t\r\n", "no JSON: the file is empty" },
	{ "\xef\xbb\xbf", "no JSON: the file is empty" },
	{ "{}", "valid JSON, but no CloudTrail records in it" },
	{ "[]", "valid JSON, but no CloudTrail records in it" },
	{ "42", "valid JSON, but no CloudTrail records in it" },
	{ "\"text\"", "valid JSON, but no CloudTrail records in it" },
	{ "null", "valid JSON, but no CloudTrail records in it" },
	{ "$S", "valid JSON, but no CloudTrail records in it" },
	{ "{\"digestStartTime\":\"x\"}", "no CloudTrail records" },
	{ "{\"detail-type\":\"EC2 Instance State-change Notification\","
	  "\"detail\":{\"state\":\"running\"}}",
	  "no CloudTrail records" },
	{ "{\"Events\":{\"a\":1}}", "no CloudTrail records" },
	{ "[1,2]", "the value at byte 1 is neither a CloudTrail record nor a "
	           "known wrapper of records" },
	{ "[@1,{\"a\":1}]", "is neither a CloudTrail record" },
	{ "[@1,[@2]]", "is neither a CloudTrail record" },
	{ "[$D]", "the value at byte 1 is neither" },
	{ "@1\n{\"a\":1}", "is neither a CloudTrail record" },
	{ "{\"a\":1}\n@1", "the value at byte 0 is neither" },
	{ "@1\n\"x\"", "is neither a CloudTrail record" },
	{ "{} {}", "invalid JSON at byte 3: unexpected data after the JSON "
	           "value" },
	{ "@1\n@2 x", "unexpected data after the JSON value" },
	{ "{\"Records\":{}}", "\"Records\" at byte 11 is not an array" },
	{ "{\"Records\":null}", "\"Records\" at byte 11 is not an array" },
	{ "{\"Records\":[{},null]}", "the record at byte 15 is not a JSON "
	                             "object" },
	{ "{\"Records\":[{},]}", "invalid JSON at byte 15: unexpected ']' "
	                         "after ','" },
	{ "{\"Records\":[{}]", "invalid JSON at byte 15: unexpected end of "
	                       "input" },
	{ "{\"Records\":[{}]}}", "invalid JSON at byte 16: unexpected data" },
	{ "{\"Records\":[{\"eventID\":\"a\"},{\"eventID\":\"b\"x}]}",
	  "invalid JSON at byte 42: expected ',' or '}'" },
	{ "{\"Records\":[{\"a\":\"\x01\"}]}",
	  "invalid JSON at byte 18: control character in a string" },
	{ "{\"Records\":", "invalid JSON at byte 11: unexpected end of input" },
	{ "{\"Records\":x}", "invalid JSON at byte 11: unexpected character" },
	{ "{\"Events\":[{\"EventId\":\"1\"}]}", "the entry at byte 11 of "
	                                       "\"Events\" holds no "
	                                       "CloudTrailEvent" },
	{ "{\"Events\":[1]}", "the entry at byte 11 of \"Events\" is not an "
	                      "object" },
	{ "{\"Events\":[{\"CloudTrailEvent\":null}]}",
	  "CloudTrailEvent at byte 30 is not a record" },
	{ "{\"Events\":[{\"CloudTrailEvent\":\"{not json\"}]}",
	  "invalid JSON in the record string at byte 30 (byte 1 of its text)" },
	{ "{\"Events\":[{\"CloudTrailEvent\":\"[1]\"}]}",
	  "the string at byte 30 is not a CloudTrail record" },
	{ "{\"Events\":[{\"CloudTrailEvent\":\"{\\\"a\\\":1}\"}]}",
	  "the string at byte 30 is not a CloudTrail record" },
	{ "{\"Events\":[{\"CloudTrailEvent\":\"{\\\"eventID\\\":\\\"x\\\"} "
	  "x\"}]}",
	  "unexpected data after the record" },
	{ "{\"logEvents\":[{\"message\":\"plain text log line\"}]}",
	  "the string at byte 25 is not a CloudTrail record" },
	{ "{\"logEvents\":[{\"id\":\"1\"}]}", "the log event at byte 14 has no "
	                                    "message" },
	{ "{\"logEvents\":[7]}", "of \"logEvents\" is not an object" },
};

static void test_failures(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(failure_cases); i++) {
		struct run r;
		run_parse(&r, failure_cases[i].tmpl, NULL);
		if (r.rc != -1 || !strstr(r.why, failure_cases[i].why))
			fail_msg("'%s': rc %d, why '%s' (expected '%s')",
			         failure_cases[i].tmpl, r.rc, r.why,
			         failure_cases[i].why);
		if (r.format != TF_UNKNOWN)
			fail_msg("'%s': failed with a format", failure_cases[i].tmpl);
		run_free(&r);
	}
}

/* A file cut at any byte fails (or, cut right after a whole record of
 * NDJSON, holds fewer records) and never reads past its end. */
static void test_truncated_everywhere(void **state)
{
	(void)state;
	size_t len;
	char *full = expand("{\"Records\":[@1,#2,&1,@4],\"x\":[1.5e3,null]}",
	                    &len);
	struct trail_parser *p = trail_parser_new(NULL);
	assert_non_null(p);
	for (size_t n = 0; n < len; n++) {
		char *cut = malloc(n ? n : 1);
		assert_non_null(cut);
		memcpy(cut, full, n);
		struct got g = { .n = 0 };
		char why[320];
		enum trail_format f;
		if (trail_parse(p, cut, n, collect, &g, &f, why, sizeof why) != -1)
			fail_msg("cut at %zu bytes: accepted", n);
		if (!why[0])
			fail_msg("cut at %zu bytes: no reason", n);
		free(cut);
	}
	trail_parser_free(p);
	free(full);
}

/* ---- fields ------------------------------------------------------------ */

static void test_every_field(void **state)
{
	(void)state;
	struct run r;
	const struct trail_event *e = one(&r, "{\"Records\":[@1]}");
	assert_string_equal(e->event_id, "id-1");
	assert_int_equal(e->time_ms, 1689802421000LL);
	assert_int_equal(e->category, CAT_DATA);
	assert_false(e->global);
	assert_int_equal(e->read_only, 1);
	assert_string_equal(e->region, "eu-west-1");
	assert_string_equal(e->service, "s3.amazonaws.com");
	assert_string_equal(e->event_name, "GetObject");
	assert_string_equal(e->identity_type, "IAMUser");
	assert_string_equal(e->principal_arn,
	                    "arn:aws:iam::111122223333:user/alice");
	assert_string_equal(e->principal_name, "alice");
	assert_string_equal(e->principal_id, "AIDAEXAMPLE");
	assert_string_equal(e->principal_account, "111122223333");
	assert_string_equal(e->access_key, "AKIAEXAMPLE");
	assert_string_equal(e->account, "111122223333");
	assert_string_equal(e->source_ip, "198.51.100.7");
	assert_string_equal(e->user_agent, "aws-cli/2.13.0");
	assert_string_equal(e->error_code, "AccessDenied");
	assert_string_equal(e->request_id, "REQ1");
	assert_string_equal(e->shared_event_id, "SH1");
	assert_int_equal(e->nresources, 2);
	assert_string_equal(e->resource_arns[0], "arn:aws:s3:::b/k");
	assert_string_equal(e->resource_types[0], "AWS::S3::Object");
	assert_string_equal(e->resource_arns[1], "arn:aws:s3:::b");
	assert_string_equal(e->resource_types[1], "AWS::S3::Bucket");
	run_free(&r);

	e = one(&r, "{\"Events\":[{\"CloudTrailEvent\":#2}]}");
	assert_string_equal(e->event_id, "id-2");
	assert_int_equal(e->time_ms, 1689802440250LL);
	assert_int_equal(e->category, CAT_MANAGEMENT);
	assert_true(e->global);
	assert_int_equal(e->read_only, 0);
	assert_string_equal(e->principal_name, "Admin/sess");
	assert_null(e->access_key);
	assert_null(e->error_code);
	assert_int_equal(e->nresources, 0);
	run_free(&r);

	e = one(&r, "@3");
	assert_int_equal(e->category, CAT_INSIGHT);
	assert_string_equal(e->service, "autoscaling.amazonaws.com");
	assert_string_equal(e->event_name, "CompleteLifecycleAction");
	assert_string_equal(e->shared_event_id, "SH3");
	assert_null(e->principal_name);
	assert_int_equal(e->read_only, -1);
	run_free(&r);

	e = one(&r, "&1");
	assert_string_equal(e->principal_name, "root");
	assert_true(e->global); /* sign-in */
	run_free(&r);
}

/* Numbers, booleans, objects and arrays where strings belong. */
static void test_wrong_types(void **state)
{
	(void)state;
	struct run r;
	const struct trail_event *e = one(
		&r, "{\"eventID\":12345,\"eventTime\":1689802421,\"eventSource\":"
		    "{\"x\":1},\"eventName\":[\"a\"],\"awsRegion\":true,"
		    "\"sourceIPAddress\":null,\"userAgent\":\"\",\"errorCode\":"
		    "-1.5e3,\"readOnly\":\"TRUE\",\"managementEvent\":\"yes\","
		    "\"userIdentity\":\"oops\",\"resources\":{\"ARN\":\"x\"},"
		    "\"recipientAccountId\":111122223333,\"insightDetails\":[1],"
		    "\"tlsDetails\":7,\"eventCategory\":{}}");
	assert_string_equal(e->event_id, "12345");
	assert_int_equal(e->time_ms, 0);
	assert_null(e->service);
	assert_null(e->event_name);
	assert_string_equal(e->region, "true");
	assert_null(e->source_ip);
	assert_null(e->user_agent);
	assert_string_equal(e->error_code, "-1.5e3");
	assert_int_equal(e->read_only, 1);
	assert_int_equal(e->category, CAT_MANAGEMENT);
	assert_null(e->identity_type);
	assert_null(e->principal_name);
	assert_int_equal(e->nresources, 0);
	assert_string_equal(e->account, "111122223333");
	run_free(&r);
}

/* AWS's own test file with every field null, and its sibling record. */
static void test_null_fields(void **state)
{
	(void)state;
	struct run r;
	const struct trail_event *e = one(
		&r, "{\"Records\":[{\"eventVersion\":\"1.1\",\"userIdentity\":null,"
		    "\"eventTime\":null,\"eventSource\":null,\"eventName\":null,"
		    "\"awsRegion\":null,\"sourceIPAddress\":null,\"userAgent\":null,"
		    "\"errorCode\":null,\"resources\":null,\"eventType\":null,"
		    "\"recipientAccountId\":null,\"eventID\":null,"
		    "\"readOnly\":null}]}");
	assert_non_null(e->event_id);
	assert_int_equal(strncmp(e->event_id, "trailnav-", 9), 0);
	assert_int_equal(e->time_ms, 0);
	const char *const *fields[] = { &e->region, &e->service,
		&e->event_name, &e->identity_type, &e->principal_arn,
		&e->principal_name, &e->principal_id, &e->account,
		&e->source_ip, &e->user_agent, &e->error_code, &e->request_id,
		&e->shared_event_id };
	for (size_t i = 0; i < COUNT(fields); i++)
		if (*fields[i])
			fail_msg("field %zu is '%s', not absent", i, *fields[i]);
	assert_int_equal(e->read_only, -1);
	assert_int_equal(e->category, CAT_MANAGEMENT);
	assert_int_equal(e->nresources, 0);
	run_free(&r);
}

static const struct {
	const char *value; /* of readOnly and of managementEvent */
	int want;
} booleans[] = {
	{ "true", 1 },       { "false", 0 },       { "\"true\"", 1 },
	{ "\"false\"", 0 },  { "\"True\"", 1 },    { "\"FALSE\"", 0 },
	{ "\"yes\"", -1 },   { "1", -1 },          { "0", -1 },
	{ "null", -1 },      { "{}", -1 },         { "[true]", -1 },
	{ "\"tru\\u0065\"", 1 }, { "\"\"", -1 },   { "\" true\"", -1 },
};

static void test_booleans(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(booleans); i++) {
		char tmpl[160];
		snprintf(tmpl, sizeof tmpl,
		         "{\"eventID\":\"b\",\"readOnly\":%s,"
		         "\"managementEvent\":%s}",
		         booleans[i].value, booleans[i].value);
		struct run r;
		const struct trail_event *e = one(&r, tmpl);
		int cat = booleans[i].want == 0 ? CAT_DATA : CAT_MANAGEMENT;
		if (e->read_only != booleans[i].want || (int)e->category != cat)
			fail_msg("%s: readOnly %d, category %d", booleans[i].value,
			         e->read_only, (int)e->category);
		run_free(&r);
	}
	struct run r;
	assert_int_equal(one(&r, "{\"eventID\":\"b\"}")->read_only, -1);
	run_free(&r);
}

/* Duplicate keys: the last wins, whole objects included. */
static void test_duplicate_keys(void **state)
{
	(void)state;
	struct run r;
	const struct trail_event *e = one(
		&r, "{\"eventID\":\"a\",\"eventID\":\"b\",\"userIdentity\":"
		    "{\"type\":\"IAMUser\",\"userName\":\"x\",\"arn\":\"arn:aws:iam::"
		    "1:user/x\"},\"userIdentity\":{\"type\":\"Root\"},"
		    "\"resources\":[{\"ARN\":\"r1\"}],\"resources\":[{\"arn\":\"r2\","
		    "\"type\":\"T\"},{\"type\":\"no ARN\"},5,{\"ARN\":\"r3\"}],"
		    "\"readOnly\":true,\"readOnly\":\"nope\"}");
	assert_string_equal(e->event_id, "b");
	assert_string_equal(e->identity_type, "Root");
	assert_null(e->principal_arn);
	assert_string_equal(e->principal_name, "root");
	assert_int_equal(e->nresources, 2);
	assert_string_equal(e->resource_arns[0], "r2");
	assert_string_equal(e->resource_types[0], "T");
	assert_string_equal(e->resource_arns[1], "r3");
	assert_null(e->resource_types[1]);
	assert_int_equal(e->read_only, -1);
	run_free(&r);
}

/* Escapes in keys and values; spelling variants real files use. */
static void test_escapes_and_spellings(void **state)
{
	(void)state;
	struct run r;
	const struct trail_event *e = one(
		&r, "{\"event\\u0049D\":\"id\\u002d1\",\"eventName\":\"Get\\u004f"
		    "bject\",\"eventSource\":\"s3.amazonaws.com\",\"awsRegion\":"
		    "\"eu-\\u0077est-1\",\"userIdentity\":{\"userName\":"
		    "\"caf\\u00e9 \\ud83d\\ude00\"},\"sharedEventId\":\"s\","
		    "\"recipientAccountID\":\"9\",\"resources\":[{\"arn\":\"a\\/b\"}],"
		    "\"eventTime\":\"2023-07-19t21:33:41.5+02:00\"}");
	assert_string_equal(e->event_id, "id-1");
	assert_string_equal(e->event_name, "GetObject");
	assert_string_equal(e->region, "eu-west-1");
	assert_string_equal(e->principal_name, "caf\xc3\xa9 \xf0\x9f\x98\x80");
	assert_string_equal(e->shared_event_id, "s");
	assert_string_equal(e->account, "9");
	assert_string_equal(e->resource_arns[0], "a/b");
	assert_int_equal(e->category, CAT_DATA); /* from the API table */
	assert_int_equal(e->time_ms, 1689802421000LL - 7200000 + 500);
	run_free(&r);
	/* \u0000 does not cut the value short: the NUL is kept as C0 80
	 * (model/event.h), the rest of the value after it. */
	e = one(&r, "{\"eventID\":\"n\\u0000\\u00001\",\"userAgent\":"
	            "\"before\\u0000after\",\"eventName\":\"\\u0000\"}");
	assert_string_equal(e->event_id, "n\xc0\x80\xc0\x80" "1");
	assert_string_equal(e->user_agent, "before\xc0\x80" "after");
	assert_string_equal(e->event_name, "\xc0\x80");
	run_free(&r);
}

static const struct {
	const char *tls; /* tlsDetails, or NULL */
	const char *region;
	bool global;
} sts_cases[] = {
	{ "{\"clientProvidedHostHeader\":\"sts.amazonaws.com\"}", "us-west-2",
	  true },
	{ "{\"clientProvidedHostHeader\":\"sts.us-east-1.amazonaws.com\"}",
	  "us-east-1", false },
	{ "{\"tlsVersion\":\"TLSv1.3\"}", "us-east-1", true },
	{ NULL, "us-east-1", true },
	{ NULL, "eu-west-1", false },
};

static void test_sts_endpoints(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(sts_cases); i++) {
		char tmpl[256];
		snprintf(tmpl, sizeof tmpl,
		         "{\"eventID\":\"s\",\"eventSource\":\"sts.amazonaws.com\","
		         "\"awsRegion\":\"%s\"%s%s}",
		         sts_cases[i].region,
		         sts_cases[i].tls ? ",\"tlsDetails\":" : "",
		         sts_cases[i].tls ? sts_cases[i].tls : "");
		struct run r;
		if (one(&r, tmpl)->global != sts_cases[i].global)
			fail_msg("%s: global should be %d", tmpl,
			         sts_cases[i].global);
		run_free(&r);
	}
}

/* ---- made-up event IDs ------------------------------------------------- */

static const char *id_of(struct run *r, const char *tmpl)
{
	run_parse(r, tmpl, NULL);
	if (r->rc != 0 || r->got.n < 1)
		fail_msg("'%s': %s", tmpl, r->why);
	return r->got.ev[r->got.n - 1].event_id;
}

static void test_synthesized_ids(void **state)
{
	(void)state;
	struct run a, b;
	/* The algorithm is part of the database: pin it (test_classify
	 * checks it in detail). */
	assert_string_equal(id_of(&a, "{\"Records\":[{}]}"),
	                    "trailnav-be432feef2c60e4f");
	run_free(&a);
	assert_string_equal(id_of(&a, "{\"eventName\":\"x y\"}"),
	                    "trailnav-0704f3d5b474e1ed");
	run_free(&a);
	assert_string_equal(id_of(&a, "{ \"eventName\" :\n\t\"x\\u0020y\" }"),
	                    "trailnav-0704f3d5b474e1ed");
	run_free(&a);
	const char *shapes[] = { "[&2]", "{\"Records\":[@4]}",
		                 "{\"Events\":[{\"CloudTrailEvent\":#4}]}",
		                 "{\"detail\":@4}", "@1\n&2",
		                 "{\"logEvents\":[{\"message\":#4}]}" };
	const char *first = id_of(&a, "@4");
	assert_int_equal(strlen(first), 25);
	assert_int_equal(strncmp(first, "trailnav-", 9), 0);
	for (size_t i = 0; i < COUNT(shapes); i++) {
		const char *id = id_of(&b, shapes[i]);
		if (strcmp(id, first) != 0)
			fail_msg("'%s': %s, not %s", shapes[i], id, first);
		run_free(&b);
	}
	/* Different content, different ID; "" and null are no ID. */
	const char *others[] = {
		"{\"eventTime\":\"2014-03-06T21:22:55Z\"}",
		"{\"eventID\":\"\",\"eventName\":\"x y\"}",
		"{\"eventID\":null,\"eventName\":\"x y\"}",
		"{\"eventName\":\"x  y\"}",
	};
	for (size_t i = 0; i < COUNT(others); i++) {
		const char *id = id_of(&b, others[i]);
		if (strncmp(id, "trailnav-", 9) != 0 || strcmp(id, first) == 0)
			fail_msg("'%s': id %s", others[i], id);
		run_free(&b);
	}
	run_free(&a);
}

/* The ID is the record's JSON value: its keys in any order (nested ones
 * too), in whatever file shape, its strings escaped or not, give one ID;
 * any other value another. */
static const char by_value[] =
	"{\"eventName\":\"a&b\",\"requestParameters\":{\"x\":[1,{\"p\":"
	"true,\"q\":null}],\"y\":\"z\"},\"resources\":[{\"ARN\":"
	"\"arn:1\",\"type\":\"T\"}]}";

static const char *const same_value[] = {
	/* As in aws-processing-library-edge-cases: resources moved. */
	"{\"resources\":[{\"ARN\":\"arn:1\",\"type\":\"T\"}],"
	"\"eventName\":\"a&b\",\"requestParameters\":{\"x\":[1,{\"p\":"
	"true,\"q\":null}],\"y\":\"z\"}}",
	/* Nested keys reordered, pretty, escaped. */
	"{\n  \"requestParameters\": {\"y\": \"\\u007a\", \"x\": [1, "
	"{\"q\": null, \"p\": true}]},\n  \"eventName\": \"a\\u0026b\","
	"\n  \"resources\": [{\"type\": \"T\", \"ARN\": \"arn:1\"}]\n}",
	/* The same as a string record. */
	"{\"Events\":[{\"CloudTrailEvent\":\"{\\\"resources\\\":[{\\\""
	"type\\\":\\\"T\\\",\\\"ARN\\\":\\\"arn:1\\\"}],\\\"eventName"
	"\\\":\\\"a\\\\u0026b\\\",\\\"requestParameters\\\":{\\\"y\\\":"
	"\\\"z\\\",\\\"x\\\":[1,{\\\"q\\\":null,\\\"p\\\":true}]}}\"}]}",
};

static const char *const other_value[] = {
	/* x's elements swapped. */
	"{\"eventName\":\"a&b\",\"requestParameters\":{\"x\":[{\"p\":"
	"true,\"q\":null},1],\"y\":\"z\"},\"resources\":[{\"ARN\":"
	"\"arn:1\",\"type\":\"T\"}]}",
	/* p's and q's values swapped. */
	"{\"eventName\":\"a&b\",\"requestParameters\":{\"x\":[1,{\"p\":"
	"null,\"q\":true}],\"y\":\"z\"},\"resources\":[{\"ARN\":"
	"\"arn:1\",\"type\":\"T\"}]}",
	/* requestParameters' members flattened into the record. */
	"{\"eventName\":\"a&b\",\"x\":[1,{\"p\":true,\"q\":null}],"
	"\"y\":\"z\",\"resources\":[{\"ARN\":\"arn:1\",\"type\":\"T\"}]}",
	/* A number for a string. */
	"{\"eventName\":\"a&b\",\"requestParameters\":{\"x\":[\"1\",{"
	"\"p\":true,\"q\":null}],\"y\":\"z\"},\"resources\":[{\"ARN\":"
	"\"arn:1\",\"type\":\"T\"}]}",
};

static void test_synthesized_ids_by_value(void **state)
{
	(void)state;
	struct run a, b;
	const char *want = id_of(&a, by_value);
	for (size_t i = 0; i < COUNT(same_value); i++) {
		const char *id = id_of(&b, same_value[i]);
		if (strcmp(id, want) != 0)
			fail_msg("'%s': %s, not %s", same_value[i], id, want);
		run_free(&b);
	}
	for (size_t i = 0; i < COUNT(other_value); i++) {
		const char *id = id_of(&b, other_value[i]);
		if (strcmp(id, want) == 0)
			fail_msg("'%s': the ID of another record", other_value[i]);
		run_free(&b);
	}
	run_free(&a);
}

/* ---- limits, stopping, lifetimes --------------------------------------- */

static char *nested_record(size_t levels)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "{\"eventID\":\"deep\",\"requestParameters\":");
	for (size_t i = 0; i < levels; i++)
		buf_puts(&b, "[");
	for (size_t i = 0; i < levels; i++)
		buf_puts(&b, "]");
	buf_puts(&b, "}");
	assert_true(buf_ok(&b));
	return buf_steal(&b);
}

static void test_limits(void **state)
{
	(void)state;
	struct trail_limits lim = { .max_depth = 0, .max_records = 2 };
	struct run r;
	run_parse(&r, "[@1,@2]", &lim);
	assert_int_equal(r.rc, 0);
	run_free(&r);
	run_parse(&r, "[@1,@2,@3]", &lim);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.why, "more than 2 records in one file");
	run_free(&r);

	/* Depth: the record object is level 1, its member level 2... */
	lim.max_records = 0;
	lim.max_depth = 8;
	char *ok = nested_record(7), *deep = nested_record(8);
	run_parse(&r, ok, &lim);
	assert_int_equal(r.rc, 0);
	run_free(&r);
	run_parse(&r, deep, &lim);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.why, "nesting deeper than 8 levels at byte 45");
	run_free(&r);
	free(ok);
	free(deep);
	/* The default is 512; in a record string too. */
	ok = nested_record(511);
	deep = nested_record(512);
	run_parse(&r, ok, NULL);
	assert_int_equal(r.rc, 0);
	run_free(&r);
	run_parse(&r, deep, NULL);
	assert_true(strstr(r.why, "nesting deeper than 512 levels") != NULL);
	run_free(&r);
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "{\"Events\":[{\"CloudTrailEvent\":");
	put_quoted(&b, deep);
	buf_puts(&b, "}]}");
	char *lookup = buf_steal(&b);
	assert_non_null(lookup);
	run_parse(&r, lookup, NULL);
	assert_string_equal(r.why, "nesting deeper than 512 levels in the "
	                           "record string at byte 30");
	run_free(&r);
	free(lookup);
	free(ok);
	free(deep);
}

static void test_callback_stops(void **state)
{
	(void)state;
	struct trail_parser *p = trail_parser_new(NULL);
	assert_non_null(p);
	size_t len;
	char *in = expand("[@1,@2,@3]", &len);
	struct got g = { .n = 0, .stop_after = 2 };
	char why[64];
	enum trail_format f;
	assert_int_equal(trail_parse(p, in, len, collect, &g, &f, why,
	                             sizeof why),
	                 -1);
	assert_string_equal(why, "stopped");
	assert_int_equal(g.n, 2);
	/* The same parser parses again, and a tiny `why` is cut safely. */
	g.n = 0;
	g.stop_after = 0;
	assert_int_equal(trail_parse(p, in, len, collect, &g, &f, why, 4), 0);
	assert_int_equal(g.n, 3);
	assert_int_equal(f, TF_ARRAY);
	assert_int_equal(trail_parse(p, "{", 1, collect, &g, NULL, why, 4), -1);
	assert_string_equal(why, "inv");
	assert_int_equal(trail_parse(p, "{", 1, collect, &g, NULL, NULL, 0), -1);
	trail_parser_free(p);
	free(in);
	trail_parser_free(NULL);
}

/* Thousands of records: the strings of every one stay valid until the
 * next parse, across many arena blocks, after the input is gone. */
struct keep {
	struct trail_event *ev;
	size_t n;
};

static int keep_all(void *ctx, const struct trail_event *ev)
{
	struct keep *k = ctx;
	k->ev[k->n++] = *ev;
	return 0;
}

static void test_strings_outlive_input(void **state)
{
	(void)state;
	enum { N = 20000 };
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "{\"Records\":[");
	for (int i = 0; i < N; i++)
		buf_printf(&b, "%s{\"eventID\":\"e%d\",\"userAgent\":\"agent %d "
		               "\\u00e9\",\"resources\":[{\"ARN\":\"arn:%d\"}]}",
		           i ? "," : "", i, i, i);
	buf_puts(&b, "]}");
	assert_true(buf_ok(&b));
	struct keep k = { calloc(N, sizeof *k.ev), 0 };
	assert_non_null(k.ev);
	struct trail_parser *p = trail_parser_new(NULL);
	assert_non_null(p);
	char why[128];
	enum trail_format f;
	assert_int_equal(trail_parse(p, b.data, b.len, keep_all, &k, &f, why,
	                             sizeof why),
	                 0);
	buf_free(&b); /* the input is gone; the strings are not */
	assert_int_equal(k.n, N);
	for (int i = 0; i < N; i++) {
		char want[64];
		snprintf(want, sizeof want, "e%d", i);
		assert_string_equal(k.ev[i].event_id, want);
		snprintf(want, sizeof want, "agent %d \xc3\xa9", i);
		assert_string_equal(k.ev[i].user_agent, want);
		snprintf(want, sizeof want, "arn:%d", i);
		assert_string_equal(k.ev[i].resource_arns[0], want);
	}
	trail_parser_free(p);
	free(k.ev);
}

static void test_format_names(void **state)
{
	(void)state;
	const char *names[] = { "unknown", "delivery", "digest", "array",
		                "record", "ndjson", "lookup", "eventbridge",
		                "cloudwatch" };
	for (int f = TF_UNKNOWN; f <= TF_CLOUDWATCH; f++)
		assert_string_equal(trail_format_name((enum trail_format)f),
		                    names[f]);
	assert_string_equal(trail_format_name((enum trail_format)99),
	                    "unknown");
}

/* ---- eventTime --------------------------------------------------------- */

#define T0 1689802421000LL /* 2023-07-19T21:33:41Z */

static const struct {
	const char *text;
	bool ok;
	long long ms;
} times[] = {
	{ "2023-07-19T21:33:41Z", true, T0 },
	{ "2023-07-19T21:33:41z", true, T0 },
	{ "2023-07-19t21:33:41Z", true, T0 },
	{ "2023-07-19 21:33:41", true, T0 },
	{ "2023-07-19T21:33:41", true, T0 },
	{ "2023-07-19T21:33:41.1Z", true, T0 + 100 },
	{ "2023-07-19T21:33:41.12Z", true, T0 + 120 },
	{ "2023-07-19T21:33:41.123Z", true, T0 + 123 },
	{ "2023-07-19T21:33:41.123999999Z", true, T0 + 123 },
	{ "2023-07-19T21:33:41,5Z", true, T0 + 500 },
	{ "2023-07-19T21:33:41+00:00", true, T0 },
	{ "2023-07-19T23:33:41+02:00", true, T0 },
	{ "2023-07-19T16:03:41-05:30", true, T0 },
	{ "2023-07-19T16:03:41-0530", true, T0 },
	{ "2023-07-19T23:33:41+02", true, T0 },
	{ "2023-07-19T21:33Z", true, T0 - 41000 },
	{ "20230719T213341Z", true, T0 },
	{ "20131102T010628Z", true, 1383354388000LL },
	{ "20230719T213341.5+0200", true, T0 - 7200000 + 500 },
	{ "1970-01-01T00:00:00Z", true, 0 },
	{ "1969-12-31T23:59:59Z", true, -1000 },
	{ "2000-02-29T00:00:00Z", true, 951782400000LL },
	{ "2024-02-29T12:00:00Z", true, 1709208000000LL },
	{ "9999-12-31T23:59:59Z", true, 253402300799000LL },
	{ "0000-01-01T00:00:00Z", true, -62167219200000LL },
	{ "ThisIsAWrongEventTime", false, 0 },
	{ "", false, 0 },
	{ "2023-07-19", false, 0 },
	{ "2023-07-19T", false, 0 },
	{ "2023-07-19T21", false, 0 },
	{ "2023-13-19T21:33:41Z", false, 0 },
	{ "2023-00-19T21:33:41Z", false, 0 },
	{ "2023-02-29T21:33:41Z", false, 0 },
	{ "1900-02-29T21:33:41Z", false, 0 },
	{ "2023-04-31T21:33:41Z", false, 0 },
	{ "2023-07-00T21:33:41Z", false, 0 },
	{ "2023-07-19T24:00:00Z", false, 0 },
	{ "2023-07-19T21:60:41Z", false, 0 },
	{ "2023-07-19T21:33:60Z", false, 0 },
	{ "2023-07-19T21:33:41.Z", false, 0 },
	{ "2023-07-19T21:33:41+24:00", false, 0 },
	{ "2023-07-19T21:33:41+02:60", false, 0 },
	{ "2023-07-19T21:33:41+2", false, 0 },
	{ "2023-07-19T21:33:41Z ", false, 0 },
	{ " 2023-07-19T21:33:41Z", false, 0 },
	{ "2023-07-19T21:33:41ZZ", false, 0 },
	{ "2023-07-19X21:33:41Z", false, 0 },
	{ "2023-0719T21:33:41Z", false, 0 },
	{ "2023-07-19T213341Z", false, 0 },
	{ "20230719T21:33:41Z", false, 0 },
	{ "20230719 213341Z", false, 0 },
	{ "23-07-19T21:33:41Z", false, 0 },
	{ "2023-7-19T21:33:41Z", false, 0 },
	{ "+2023-07-19T21:33:41Z", false, 0 },
	{ "2023-07-19T21:33:41 UTC", false, 0 },
	{ "1424476529.0", false, 0 },
};

static void test_event_times(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(times); i++) {
		int64_t ms = 42;
		bool ok = trail_parse_time(times[i].text, strlen(times[i].text),
		                           &ms);
		if (ok != times[i].ok || (ok && ms != times[i].ms))
			fail_msg("'%s': %s %lld, expected %s %lld", times[i].text,
			         ok ? "ok" : "refused", (long long)ms,
			         times[i].ok ? "ok" : "refused", times[i].ms);
	}
	/* Only `n` bytes are read: no terminator needed. */
	int64_t ms;
	assert_true(trail_parse_time("2023-07-19T21:33:41Zjunk", 20, &ms));
	assert_int_equal(ms, T0);
	assert_false(trail_parse_time(NULL, 0, &ms));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats_and_spans),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_every_field),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_null_fields),
		cmocka_unit_test(test_booleans),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_escapes_and_spellings),
		cmocka_unit_test(test_sts_endpoints),
		cmocka_unit_test(test_synthesized_ids),
		cmocka_unit_test(test_synthesized_ids_by_value),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_strings_outlive_input),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_event_times),
	};
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
