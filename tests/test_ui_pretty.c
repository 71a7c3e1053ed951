/* test_ui_pretty.c - the detail pane's pretty-printer (indentation,
 * folding, escaping of hostile text) and its "what was acted on"
 * summary line. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ui/pure.h"

static const char record[] =
	"{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
	"\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accessKeyId\":"
	"\"AKIAEXAMPLE\"},\"eventName\":\"GetObject\",\"readOnly\":true,"
	"\"requestParameters\":{\"bucketName\":\"acme-logs\",\"key\":"
	"\"2024/a.gz\"},\"resources\":[{\"ARN\":\"arn:aws:s3:::acme-logs\"}],"
	"\"n\":12.50,\"z\":null,\"e\":{},\"ua\":\"x\\u001b]0;pwned\\u0007y\"}";

/* Line i of p as plain text (malloc'd). */
static char *line(const struct pretty *p, size_t i)
{
	struct buf b;
	struct pretty_seg segs[4];
	buf_init(&b);
	pretty_line(p, i, &b, segs);
	return buf_steal(&b);
}

static void expect_line(const struct pretty *p, size_t i, const char *want)
{
	char *got = line(p, i);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static struct pretty *parse(const char *s)
{
	struct pretty *p = pretty_parse(s, strlen(s));
	assert_non_null(p);
	return p;
}

static void test_indents_and_keeps_numbers(void **state)
{
	(void)state;
	struct pretty *p = parse(record);
	expect_line(p, 0, "{");
	expect_line(p, 1, "  \"eventVersion\": \"1.08\",");
	expect_line(p, 2, "  \"userIdentity\": {");
	expect_line(p, 3, "    \"type\": \"IAMUser\",");
	expect_line(p, 5, "    \"accessKeyId\": \"AKIAEXAMPLE\"");
	expect_line(p, 6, "  },");
	expect_line(p, 8, "  \"readOnly\": true,");
	/* Numbers as written, not reformatted; empty objects on one line. */
	size_t n = pretty_count(p);
	expect_line(p, n - 5, "  \"n\": 12.50,");
	expect_line(p, n - 4, "  \"z\": null,");
	expect_line(p, n - 3, "  \"e\": {},");
	expect_line(p, n - 1, "}");
	pretty_free(p);
}

static void test_control_characters_escaped(void **state)
{
	(void)state;
	struct pretty *p = parse(record);
	char *ua = line(p, pretty_count(p) - 2);
	assert_string_equal(ua, "  \"ua\": \"x\\e]0;pwned\\ay\"");
	assert_null(strchr(ua, '\033'));
	assert_null(strchr(ua, '\a'));
	free(ua);
	pretty_free(p);
}

/* A NUL (\u0000) and the characters that reorder text (U+202E) are
 * drawn escaped, in values and keys; a NUL used to show as \x01. */
static void test_nul_and_bidi_escaped(void **state)
{
	(void)state;
	struct pretty *p = parse("{\"ua\":\"nul\\u0000inside\","
	                         "\"k\\u0000\\u202e\":\"evil\u202e{txt.exe\","
	                         "\"s\":\"a\\u2028b\\u2066c\"}");
	expect_line(p, 1, "  \"ua\": \"nul\\u0000inside\",");
	expect_line(p, 2, "  \"k\\u0000\\u202e\": \"evil\\u202e{txt.exe\",");
	expect_line(p, 3, "  \"s\": \"a\\u2028b\\u2066c\"");
	pretty_free(p);
}

/* A quote in a value (or a key) is drawn escaped: record text must not
 * close its string and pass for more members of the record. */
static void test_quotes_cannot_forge_members(void **state)
{
	(void)state;
	struct pretty *p = parse("{\"ua\":\"aws-cli\\\", \\\"mfaAuthenticated"
	                         "\\\": \\\"true\",\"k\\\"\":\"back\\\\sl\"}");
	expect_line(p, 1, "  \"ua\": \"aws-cli\\\", \\\"mfaAuthenticated\\\": "
	                  "\\\"true\",");
	expect_line(p, 2, "  \"k\\\"\": \"back\\\\sl\"");
	pretty_free(p);
}

static void test_segments_colour_keys_and_values(void **state)
{
	(void)state;
	struct pretty *p = parse(record);
	struct buf b;
	struct pretty_seg segs[4];
	buf_init(&b);
	size_t n = pretty_line(p, 1, &b, segs);
	assert_int_equal(n, 3);
	assert_int_equal(segs[0].role, PR_KEY);
	assert_int_equal(segs[0].start, 2);
	assert_int_equal(segs[0].end, 16); /* "eventVersion" with quotes */
	assert_int_equal(segs[1].role, PR_STRING);
	assert_int_equal(segs[2].role, PR_PUNCT);
	buf_free(&b);
	pretty_free(p);
}

static void test_fold_and_unfold(void **state)
{
	(void)state;
	struct pretty *p = parse(record);
	size_t before = pretty_count(p);
	/* Folding from the closing line lands on the opening one. */
	assert_int_equal(pretty_toggle(p, 6), 2);
	expect_line(p, 2, "  \"userIdentity\": { 3 keys },");
	assert_int_equal(pretty_count(p), before - 4);
	expect_line(p, 3, "  \"eventName\": \"GetObject\",");
	assert_int_equal(pretty_toggle(p, 2), 2);
	assert_int_equal(pretty_count(p), before);
	expect_line(p, 3, "    \"type\": \"IAMUser\",");
	/* A scalar does not fold. */
	assert_int_equal(pretty_toggle(p, 3), 3);
	assert_int_equal(pretty_count(p), before);
	/* Arrays fold too, and say how many items they hide. */
	size_t res = 0;
	for (size_t i = 0; i < pretty_count(p); i++) {
		char *l = line(p, i);
		if (strstr(l, "\"resources\""))
			res = i;
		free(l);
	}
	pretty_toggle(p, res);
	expect_line(p, res, "  \"resources\": [ 1 item ],");
	pretty_free(p);
}

static void test_scalar_and_parent_for_pivots(void **state)
{
	(void)state;
	struct pretty *p = parse(record);
	const char *key, *value, *parent;
	assert_true(pretty_scalar(p, 5, &key, &value, &parent));
	assert_string_equal(key, "accessKeyId");
	assert_string_equal(value, "AKIAEXAMPLE");
	assert_string_equal(parent, "userIdentity");
	assert_false(pretty_scalar(p, 2, &key, &value, &parent));
	assert_string_equal(pretty_get(p, "resources.0.ARN"),
	                    "arn:aws:s3:::acme-logs");
	assert_null(pretty_get(p, "resources.1.ARN"));
	assert_null(pretty_get(p, "userIdentity"));
	pretty_free(p);
}

static void test_not_json_is_one_line(void **state)
{
	(void)state;
	struct pretty *p = parse("not {json");
	assert_int_equal(pretty_count(p), 1);
	expect_line(p, 0, "\"not {json\"");
	pretty_free(p);
}

static char *summary(const char *json)
{
	struct pretty *p = parse(json);
	struct buf b;
	buf_init(&b);
	summary_line(p, &b);
	pretty_free(p);
	return buf_steal(&b);
}

static void test_summary_names_what_was_acted_on(void **state)
{
	(void)state;
	/* A NUL inside a value does not end it there: the rest could hide
	 * what was acted on.  Kept as C0 80, drawn as \x00. */
	char *nul = summary("{\"eventName\":\"Get\\u0000Object\","
	                    "\"requestParameters\":{\"bucketName\":"
	                    "\"b\\u0000ucket\"}}");
	assert_string_equal(nul, "Get\xc0\x80Object: bucket b\xc0\x80ucket");
	free(nul);
	char *s = summary(record);
	assert_string_equal(s, "GetObject: bucket acme-logs, object 2024/a.gz");
	free(s);
	s = summary("{\"eventName\":\"RunInstances\",\"responseElements\":"
	            "{\"instancesSet\":{\"items\":[{\"instanceId\":"
	            "\"i-0abc\"}]}}}");
	assert_string_equal(s, "RunInstances: instance i-0abc");
	free(s);
	s = summary("{\"eventName\":\"CreateAccessKey\",\"requestParameters\":"
	            "{\"userName\":\"mallory\"},\"responseElements\":"
	            "{\"accessKey\":{\"accessKeyId\":\"AKIANEW\"}}}");
	assert_string_equal(s, "CreateAccessKey: user mallory, new access key "
	                       "AKIANEW");
	free(s);
	s = summary("{\"eventName\":\"Decrypt\",\"resources\":[{\"ARN\":"
	            "\"arn:aws:kms:eu-west-1:1:key/k\"}]}");
	assert_string_equal(s, "Decrypt: resource arn:aws:kms:eu-west-1:1:key/k");
	free(s);
	s = summary("{\"eventName\":\"ConsoleLogin\"}");
	assert_string_equal(s, "ConsoleLogin: (no resource named)");
	free(s);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_indents_and_keeps_numbers),
		cmocka_unit_test(test_control_characters_escaped),
		cmocka_unit_test(test_nul_and_bidi_escaped),
		cmocka_unit_test(test_quotes_cannot_forge_members),
		cmocka_unit_test(test_segments_colour_keys_and_values),
		cmocka_unit_test(test_fold_and_unfold),
		cmocka_unit_test(test_scalar_and_parent_for_pivots),
		cmocka_unit_test(test_not_json_is_one_line),
		cmocka_unit_test(test_summary_names_what_was_acted_on),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
