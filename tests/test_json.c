/* test_json.c - the JSON reader of the importer: what it accepts and
 * rejects (and where it says the error is), strings and their escapes
 * (whole and in pieces), the depth limit, value spans, and inputs cut
 * short at every byte. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/json.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define DEPTH 64
/* A literal and its length, NUL bytes inside included. */
#define D(s) s, sizeof(s) - 1

/* Validates a whole document the way the importer does: one value, then
 * nothing but whitespace.  The bytes are copied to a buffer of exactly
 * their size so that the sanitizers catch any read past the end. */
static int check_doc(const char *doc, size_t len, size_t depth,
                     struct json *out)
{
	static unsigned char stack[DEPTH];
	char *copy = malloc(len ? len : 1);
	assert_non_null(copy);
	memcpy(copy, doc, len);
	json_init(out, copy, len, stack, depth);
	int rc = json_skip(out);
	if (rc == 0 && !json_at_end(out))
		rc = 1; /* trailing data */
	free(copy);
	out->begin = out->p = out->end = NULL;
	return rc;
}

static const struct {
	const char *doc;
	size_t len;
} valid_docs[] = {
	{ D("{}") }, { D("[]") }, { D("\"\"") }, { D("0") }, { D("-0") }, { D("7") },
	{ D("-12") }, { D("123456789012345678901234567890") }, { D("1.5") },
	{ D("-0.5e10") }, { D("1E+2") }, { D("1e-2") }, { D("0.0") }, { D("0e0") },
	{ D("true") }, { D("false") }, { D("null") }, { D("{\"a\":1}") },
	{ D("{\"a\":[1,2,{\"b\":null}],\"c\":{}}") },
	{ D(" \t\n\r{ \"a\" : 1 , \"b\" : [ ] } \n") },
	{ D("[[[[[]]]]]") },
	{ D("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"") },
	{ D("\"\\u0041\\u00e9\\u20AC\"") },
	{ D("\"\\uD83D\\uDE00\"") },
	{ D("\"\\uD800\"") },        /* a lone surrogate is valid syntax */
	{ D("\"\\uDC00x\\uD800\"") },
	{ D("\"\xff\xfe\xc0\x80\"") }, /* invalid UTF-8: accepted */
	{ D("\"\x7f\"") },
	{ D("\"\xc3\xa9t\xc3\xa9\"") },
	{ D("{\"a\":1,\"a\":2}") },  /* duplicate keys: the reader's caller decides */
	{ D("[\"\",\"x\",-1,0.25,true,false,null,{},[]]") },
	{ D("{\"\":\"\"}") },
};

static const struct {
	const char *doc;
	size_t len;
	size_t err_at; /* (size_t)-1: do not check */
	const char *why;
} invalid_docs[] = {
	{ D(""), 0, "unexpected end of input" },
	{ D("   "), 3, "unexpected end of input" },
	{ D("{"), 1, "unexpected end of input" },
	{ D("["), 1, "unexpected end of input" },
	{ D("{\"a\""), 4, "unexpected end of input" },
	{ D("{\"a\":"), 5, "unexpected end of input" },
	{ D("{\"a\":1"), 6, "unexpected end of input" },
	{ D("{\"a\":1,"), 7, "unexpected end of input" },
	{ D("[1,"), 3, "unexpected end of input" },
	{ D("[1,]"), 3, "unexpected character" },
	{ D("{\"a\":1,}"), 7, "expected a string key" },
	{ D("{,}"), 1, "expected a string key" },
	{ D("[,1]"), 1, "unexpected character" },
	{ D("{\"a\" 1}"), 5, "expected ':' after a key" },
	{ D("{a:1}"), 1, "expected a string key" },
	{ D("{'a':1}"), 1, "expected a string key" },
	{ D("\"abc"), 0, "unterminated string" },
	{ D("\"ab\\"), 0, "unterminated string" },
	{ D("\"\x01\""), 1, "control character in a string" },
	{ D("\"a\tb\""), 2, "control character in a string" },
	{ D("\"a\nb\""), 2, "control character in a string" },
	{ D("\"\\x\""), 1, "invalid escape in a string" },
	{ D("\"\\U0041\""), 1, "invalid escape in a string" },
	{ D("\"\\u12\""), 1, "bad \\u escape in a string" },
	{ D("\"\\u12G4\""), 1, "bad \\u escape in a string" },
	{ D("\"\\u12"), 0, "unterminated string" },
	{ D("01"), 0, "invalid number (leading zero)" },
	{ D("-01"), 0, "invalid number (leading zero)" },
	{ D("-"), 0, "invalid number" },
	{ D("1."), 0, "invalid number" },
	{ D(".5"), 0, "unexpected character" },
	{ D("1e"), 0, "invalid number" },
	{ D("1e+"), 0, "invalid number" },
	{ D("+1"), 0, "unexpected character" },
	{ D("NaN"), 0, "unexpected character" },
	{ D("Infinity"), 0, "unexpected character" },
	{ D("tru"), 0, "invalid literal" },
	{ D("nul"), 0, "invalid literal" },
	{ D("True"), 0, "unexpected character" },
	{ D("[1 2]"), 3, "expected ',' or ']'" },
	{ D("{\"a\":1 \"b\":2}"), 7, "expected ',' or '}'" },
	{ D("[}"), 1, "unexpected character" },
	{ D("{]"), 1, "expected a string key" },
	{ D("[1}"), 2, "expected ',' or ']'" },
	{ D("{\"a\":[1}"), 7, "expected ',' or ']'" },
	{ D("\xef\xbb\xbf{}"), 0, "unexpected character" }, /* BOMs: parse.c */
	{ D("\x00"), 0, "unexpected character" },
};

/* Documents that are one value followed by more than whitespace. */
static const struct {
	const char *doc;
	size_t len;
} trailing_docs[] = {
	{ D("{\"a\":1}}") }, { D("[1]x") }, { D("{\"a\":1} {\"b\":2}") },
	{ D("1 2") }, { D("null,") }, { D("\"a\"\"b\"") }, { D("[]\n[") },
	{ D("{}\x00") },
};

static void test_valid_documents(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(valid_docs); i++) {
		struct json j;
		const char *d = valid_docs[i].doc;
		if (check_doc(d, valid_docs[i].len, DEPTH, &j) != 0)
			fail_msg("valid '%s' rejected: %s at byte %zu", d,
			         j.err ? j.err : "trailing data", j.err_at);
	}
}

static void test_invalid_documents(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(invalid_docs); i++) {
		struct json j;
		const char *d = invalid_docs[i].doc;
		if (check_doc(d, invalid_docs[i].len, DEPTH, &j) != -1)
			fail_msg("invalid '%s' accepted", d);
		if (strcmp(j.err, invalid_docs[i].why) != 0 ||
		    (invalid_docs[i].err_at != (size_t)-1 &&
		     j.err_at != invalid_docs[i].err_at))
			fail_msg("'%s': expected '%s' at %zu, got '%s' at %zu", d,
			         invalid_docs[i].why, invalid_docs[i].err_at,
			         j.err, j.err_at);
		if (j.too_deep)
			fail_msg("'%s': reported as too deep", d);
	}
}

static void test_trailing_data(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(trailing_docs); i++) {
		struct json j;
		const char *d = trailing_docs[i].doc;
		if (check_doc(d, trailing_docs[i].len, DEPTH, &j) != 1)
			fail_msg("'%s': trailing data not noticed", d);
	}
}

static char *nested(size_t levels, char open, char close)
{
	char *s = malloc(2 * levels + 1);
	assert_non_null(s);
	memset(s, open, levels);
	memset(s + levels, close, levels);
	s[2 * levels] = '\0';
	return s;
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct json j;
	for (size_t limit = 1; limit <= 10; limit++) {
		char *ok = nested(limit, '[', ']');
		char *deep = nested(limit + 1, '[', ']');
		if (check_doc(ok, strlen(ok), limit, &j) != 0)
			fail_msg("depth %zu refused at limit %zu", limit, limit);
		if (check_doc(deep, strlen(deep), limit, &j) != -1 ||
		    !j.too_deep || j.err_at != limit)
			fail_msg("depth %zu accepted at limit %zu (or wrong "
			         "error at %zu)",
			         limit + 1, limit, j.err_at);
		free(ok);
		free(deep);
	}
	/* Objects count the same, and so do the pull calls. */
	const char *doc = "{\"a\":{\"b\":{\"c\":1}}}";
	assert_int_equal(check_doc(doc, strlen(doc), 3, &j), 0);
	assert_int_equal(check_doc(doc, strlen(doc), 2, &j), -1);
	assert_true(j.too_deep);
	unsigned char stack[2];
	json_init(&j, doc, strlen(doc), stack, 2);
	bool o1 = false, o2 = false, o3 = false;
	struct json_str k;
	assert_int_equal(json_object_next(&j, &o1, &k), 1);
	assert_int_equal(json_object_next(&j, &o2, &k), 1);
	assert_int_equal(json_object_next(&j, &o3, &k), -1);
	assert_true(j.too_deep);
	/* A very deep document costs no recursion. */
	size_t big = 100000;
	char *huge = nested(big, '[', ']');
	unsigned char *hs = malloc(big);
	assert_non_null(hs);
	json_init(&j, huge, 2 * big, hs, big);
	assert_int_equal(json_skip(&j), 0);
	free(hs);
	free(huge);
}

/* The value of a one-string document, as json_unescape() writes it. */
static size_t unescaped(const char *doc, char *out)
{
	unsigned char stack[4];
	struct json j;
	struct json_str s;
	json_init(&j, doc, strlen(doc), stack, 4);
	if (json_string(&j, &s) != 0)
		fail_msg("'%s': %s", doc, j.err);
	return s.escaped ? json_unescape(&s, out)
	                 : (memcpy(out, s.raw, s.len), s.len);
}

static const struct {
	const char *doc;
	const char *value;
	size_t len;
} strings[] = {
	{ "\"plain\"", "plain", 5 },
	{ "\"\"", "", 0 },
	{ "\"\\\"\"", "\"", 1 },
	{ "\"\\\\\"", "\\", 1 },
	{ "\"\\/\"", "/", 1 },
	{ "\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t", 5 },
	{ "\"a\\u0026b\"", "a&b", 3 },
	{ "\"\\u00e9\"", "\xc3\xa9", 2 },
	{ "\"\\u20AC\"", "\xe2\x82\xac", 3 },
	{ "\"\\uD83D\\uDE00\"", "\xf0\x9f\x98\x80", 4 },
	{ "\"\\ud83d\\ude00!\"", "\xf0\x9f\x98\x80!", 5 },
	{ "\"\\uD800\"", "\xef\xbf\xbd", 3 },          /* lone high */
	{ "\"\\uDE00\"", "\xef\xbf\xbd", 3 },          /* lone low */
	{ "\"\\uD800x\"", "\xef\xbf\xbdx", 4 },
	{ "\"\\uD800\\u0041\"", "\xef\xbf\xbd" "A", 4 }, /* high then not low */
	{ "\"\\uD800\\\\u0041\"", "\xef\xbf\xbd\\u0041", 9 },
	{ "\"\\u0000\"", "\0", 1 },
	{ "\"x\\u0000y\"", "x\0y", 3 },
	{ "\"\xff\\n\"", "\xff\n", 2 },
};

/* json_unescape_each()'s pieces, joined. */
struct joined {
	char out[64];
	size_t n, pieces;
};

static void join_piece(void *ctx, const char *bytes, size_t n)
{
	struct joined *jn = ctx;
	assert_true(n > 0 && jn->n + n <= sizeof jn->out);
	memcpy(jn->out + jn->n, bytes, n);
	jn->n += n;
	jn->pieces++;
}

static void test_string_values(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(strings); i++) {
		char out[64];
		size_t n = unescaped(strings[i].doc, out);
		if (n != strings[i].len || memcmp(out, strings[i].value, n) != 0)
			fail_msg("%s: wrong value (%zu bytes)", strings[i].doc, n);
		/* In pieces, the same bytes. */
		unsigned char stack[4];
		struct json j;
		struct json_str s;
		struct joined jn = { .n = 0 };
		json_init(&j, strings[i].doc, strlen(strings[i].doc), stack, 4);
		assert_int_equal(json_string(&j, &s), 0);
		json_unescape_each(&s, join_piece, &jn);
		if (jn.n != strings[i].len ||
		    memcmp(jn.out, strings[i].value, jn.n) != 0)
			fail_msg("%s: wrong value in pieces (%zu bytes)",
			         strings[i].doc, jn.n);
	}
	/* Runs without escapes come whole, each escape on its own. */
	static const char raw[] = "ab\\u0026cd\\nef";
	struct joined jn = { .n = 0 };
	struct json_str s = { raw, sizeof raw - 1, true };
	json_unescape_each(&s, join_piece, &jn);
	assert_int_equal(jn.n, 8);
	assert_memory_equal(jn.out, "ab&cd\nef", 8);
	assert_int_equal(jn.pieces, 5);
}

/* Strings of every length around the vector widths, with the byte that
 * ends a plain run at every position: the fast scan and the byte-by-byte
 * tail must agree. */
static void test_string_scan_boundaries(void **state)
{
	(void)state;
	char doc[80];
	for (size_t n = 0; n <= 40; n++) {
		for (size_t k = 0; k <= n; k++) {
			struct json j;
			doc[0] = '"';
			memset(doc + 1, 'a', n);
			doc[1 + n] = '"';
			if (check_doc(doc, n + 2, DEPTH, &j) != 0)
				fail_msg("plain string of %zu bytes refused", n);
			if (k == n)
				continue;
			doc[1 + k] = '\x1f';
			if (check_doc(doc, n + 2, DEPTH, &j) != -1 ||
			    j.err_at != 1 + k)
				fail_msg("control byte at %zu of %zu: err at %zu",
				         k, n, j.err_at);
			doc[1 + k] = '"'; /* string ends early: trailing data */
			if (check_doc(doc, n + 2, DEPTH, &j) != 1)
				fail_msg("quote at %zu of %zu not seen", k, n);
			doc[1 + k] = '\\';
			if (check_doc(doc, n + 2, DEPTH, &j) != -1)
				fail_msg("bad escape at %zu of %zu accepted", k, n);
			memset(doc + 1, 'a', n);
			doc[1 + k] = (char)0x80; /* high bytes are plain */
			if (check_doc(doc, n + 2, DEPTH, &j) != 0)
				fail_msg("byte 0x80 at %zu of %zu refused", k, n);
		}
	}
}

static const char sample[] =
	"{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":"
	"{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::1:user/a\\u0026b\"},"
	"\"eventTime\":\"2023-07-19T21:33:41Z\",\"n\":-12.5e3,\"ok\":true,"
	"\"no\":false,\"none\":null,\"list\":[1,[2,[3]],{}],"
	"\"s\":\"tab\\there \\\"quoted\\\" \\uD83D\\uDE00\"},{}],"
	" \"other\" : [ ] }";

/* Every proper prefix of a document fails cleanly, at or before its end. */
static void test_truncated_everywhere(void **state)
{
	(void)state;
	size_t len = sizeof sample - 1;
	struct json j;
	assert_int_equal(check_doc(sample, len, DEPTH, &j), 0);
	for (size_t n = 0; n < len; n++) {
		if (check_doc(sample, n, DEPTH, &j) != -1)
			fail_msg("prefix of %zu bytes accepted: %.*s", n, (int)n,
			         sample);
		if (!j.err || j.err_at > n)
			fail_msg("prefix of %zu bytes: error at %zu", n, j.err_at);
	}
}

/* Walking with the pull calls; every value's span is exact. */
static void test_walk_and_spans(void **state)
{
	(void)state;
	const char *doc = " { \"a\" : [ 1 , \"two\" ] , \"b\\u0021\" : {\"c\":null},"
	                  "\"d\":-0.5 } ";
	const char *keys[] = { "a", "b\\u0021", "d" };
	const char *values[] = { "[ 1 , \"two\" ]", "{\"c\":null}", "-0.5" };
	unsigned char stack[8];
	struct json j;
	json_init(&j, doc, strlen(doc), stack, 8);
	assert_int_equal(json_peek(&j), JSON_OBJECT);
	bool open = false;
	struct json_str k;
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(json_object_next(&j, &open, &k), 1);
		assert_int_equal(k.len, strlen(keys[i]));
		assert_memory_equal(k.raw, keys[i], k.len);
		assert_int_equal(k.escaped, i == 1);
		size_t start = json_pos(&j);
		assert_int_equal(json_skip(&j), 0);
		size_t n = json_pos(&j) - start;
		if (n != strlen(values[i]) ||
		    memcmp(doc + start, values[i], n) != 0)
			fail_msg("span of '%s': got '%.*s'", keys[i], (int)n,
			         doc + start);
	}
	assert_int_equal(json_object_next(&j, &open, &k), 0);
	assert_int_equal(j.depth, 0);
	assert_true(json_at_end(&j));
}

static void test_arrays_and_marks(void **state)
{
	(void)state;
	const char *doc = "[ 1, [], {\"x\":\"y\"} , \"z\"]";
	unsigned char stack[8];
	struct json j;
	json_init(&j, doc, strlen(doc), stack, 8);
	bool open = false;
	enum json_type want[] = { JSON_NUMBER, JSON_ARRAY, JSON_OBJECT,
		                  JSON_STRING };
	struct json_mark third = { 0 };
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(json_array_next(&j, &open), 1);
		assert_int_equal(json_peek(&j), want[i]);
		if (i == 2)
			third = json_mark(&j);
		assert_int_equal(json_skip(&j), 0);
	}
	assert_int_equal(json_array_next(&j, &open), 0);
	struct json_mark end = json_mark(&j);
	/* Back to a value already passed, then on again. */
	json_seek(&j, third);
	bool o = false;
	struct json_str k, v;
	assert_int_equal(json_object_next(&j, &o, &k), 1);
	assert_int_equal(json_string(&j, &v), 0);
	assert_memory_equal(v.raw, "y", 1);
	assert_int_equal(json_object_next(&j, &o, &k), 0);
	json_seek(&j, end);
	assert_true(json_at_end(&j));
	/* Wrong kinds are errors of the pull calls. */
	json_init(&j, "[1]", 3, stack, 8);
	o = false;
	assert_int_equal(json_object_next(&j, &o, &k), -1);
	assert_string_equal(j.err, "expected an object");
	json_init(&j, "{}", 2, stack, 8);
	o = false;
	assert_int_equal(json_array_next(&j, &o), -1);
	json_init(&j, "[1,]", 4, stack, 8);
	o = false;
	assert_int_equal(json_array_next(&j, &o), 1);
	assert_int_equal(json_skip(&j), 0);
	assert_int_equal(json_array_next(&j, &o), -1);
	assert_int_equal(j.err_at, 3);
	json_init(&j, "5", 1, stack, 8);
	assert_int_equal(json_string(&j, &v), -1);
	assert_string_equal(j.err, "expected a string");
}

/* After the first error every call fails and the error stays put. */
static void test_errors_are_sticky(void **state)
{
	(void)state;
	unsigned char stack[8];
	struct json j;
	json_init(&j, "[x] [1]", 7, stack, 8);
	assert_int_equal(json_skip(&j), -1);
	assert_int_equal(j.err_at, 1);
	assert_int_equal(json_skip(&j), -1);
	assert_int_equal(json_peek(&j), JSON_BAD);
	bool o = false;
	assert_int_equal(json_array_next(&j, &o), -1);
	assert_int_equal(j.err_at, 1);
	assert_string_equal(j.err, "unexpected character");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_documents),
		cmocka_unit_test(test_invalid_documents),
		cmocka_unit_test(test_trailing_data),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_string_values),
		cmocka_unit_test(test_string_scan_boundaries),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_walk_and_spans),
		cmocka_unit_test(test_arrays_and_marks),
		cmocka_unit_test(test_errors_are_sticky),
	};
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
