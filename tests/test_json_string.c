/* test_json_string.c - decoding JSON string literals (records kept as
 * strings in lookup-events output and CloudWatch Logs payloads). */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "util/json_string.h"

static const struct {
	const char *lit;
	const char *value; /* NULL: must be refused */
	size_t len;        /* of value, for embedded NULs */
} cases[] = {
	{ "\"\"", "", 0 },
	{ "\"plain\"", "plain", 5 },
	{ "\"{\\\"eventID\\\":\\\"1\\\"}\"", "{\"eventID\":\"1\"}", 15 },
	{ "\"a\\\\b\\/c\"", "a\\b/c", 5 },
	{ "\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t", 5 },
	{ "\"A\\u0026B\"", "A&B", 3 },
	{ "\"\\u00e9\\u6771\"", "\xc3\xa9\xe6\x9d\xb1", 5 },
	{ "\"\\ud83d\\udc4d\"", "\xf0\x9f\x91\x8d", 4 },
	{ "\"\\ud83d!\"", "\xef\xbf\xbd!", 4 },   /* lone high surrogate */
	{ "\"\\udc4d\"", "\xef\xbf\xbd", 3 },     /* lone low surrogate */
	{ "\"a\\u0000b\"", "a\0b", 3 },
	{ "\"\\U0041\"", NULL, 0 },  /* escapes are lower-case u only */
	{ "\"\\x41\"", NULL, 0 },
	{ "\"\\u12\"", NULL, 0 },
	{ "\"\\u12G4\"", NULL, 0 },
	{ "\"a\"b\"", NULL, 0 },     /* an unescaped quote inside */
	{ "\"a\nb\"", NULL, 0 },     /* a raw control character */
	{ "\"abc\\\"", NULL, 0 },    /* the closing quote is escaped */
	{ "abc", NULL, 0 },
	{ "\"", NULL, 0 },
	{ "", NULL, 0 },
};

static void test_decode(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b;
		buf_init(&b);
		int rc = json_string_decode(cases[i].lit, strlen(cases[i].lit),
		                            &b);
		if (!cases[i].value) {
			if (rc != -1)
				fail_msg("'%s' was accepted", cases[i].lit);
		} else {
			if (rc != 0)
				fail_msg("'%s' was refused", cases[i].lit);
			assert_int_equal(b.len, cases[i].len);
			if (b.len)
				assert_memory_equal(b.data, cases[i].value, b.len);
		}
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
	};
	return cmocka_run_group_tests_name("json_string", tests, NULL, NULL);
}
