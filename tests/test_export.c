/* test_export.c - the pieces of `query`'s output that must be exact: CSV
 * fields (RFC 4180, formula-injection prefix, no raw control character),
 * records put on one line without changing a token, records made inert
 * for a terminal, JSON strings, and column names. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "cli/columns.h"
#include "cli/export.h"
#include "cli/json_text.h"

static char *csv(const char *raw)
{
	struct buf b;
	buf_init(&b);
	export_csv_field(&b, raw);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

static void test_csv_fields(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "GetObject", "GetObject" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "=1+2", "'=1+2" },
		{ "+1", "'+1" },
		{ "-1", "'-1" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\\tx" },
		{ "\rx", "'\\rx" },
		{ "=HYPERLINK(\"a\",\"b\")", "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"" },
		{ "a\nb\033[2J", "a\\nb\\e[2J" },
		{ "x=1", "x=1" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = csv(cases[i].in);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

static char *one_line(const char *rec)
{
	struct buf b;
	buf_init(&b);
	json_one_line(&b, rec, strlen(rec));
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

static void test_one_line(void **state)
{
	(void)state;
	/* A compact record, or one on one line with spaces: as it is. */
	char *s = one_line("{\"a\":1,\"b\":[1,2]}");
	assert_string_equal(s, "{\"a\":1,\"b\":[1,2]}");
	free(s);
	s = one_line("{\"a\": 1, \"b\": \"x  y\"}");
	assert_string_equal(s, "{\"a\": 1, \"b\": \"x  y\"}");
	free(s);
	/* Pretty-printed: whitespace between tokens goes, strings keep
	 * theirs, escaped quotes do not end a string. */
	s = one_line("{\n  \"a\" : \"x \\\" \n y\",\r\n\t\"b\": [ 1 , 2 ]\n}");
	assert_string_equal(s, "{\"a\":\"x \\\" \n y\",\"b\":[1,2]}");
	free(s);
}

static char *inert(const char *rec)
{
	struct buf b;
	buf_init(&b);
	json_terminal_safe(&b, rec, strlen(rec));
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

static void test_terminal_safe(void **state)
{
	(void)state;
	char *s = inert("{\"ua\":\"a\x7f" "b\xc2\x9b" "31m\xc3\xa9\xff\"}");
	assert_string_equal(s, "{\"ua\":\"a\\u007fb\\u009b31m\xc3\xa9\\ufffd\"}");
	free(s);
	/* Between tokens: a CR is no longer a CR; LF and tabs stay. */
	s = inert("{\r\n\t\"a\":1}");
	assert_string_equal(s, "{ \n\t\"a\":1}");
	free(s);
}

static void test_json_string(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	json_put_string(&b, "a\"b\\c\n\033\x7f\xc2\x9b\xe2\x82\xac\xfe");
	buf_putc(&b, '\0');
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\u000a\\u001b\\u007f"
	                            "\\u009b\xe2\x82\xac\\ufffd\"");
	buf_free(&b);
	/* A NUL in a record's value, held as C0 80 (model/event.h), is
	 * the JSON NUL again; a lone C0 is not UTF-8. */
	buf_init(&b);
	json_put_string(&b, "a\xc0\x80" "b\xc0");
	buf_putc(&b, '\0');
	assert_string_equal(b.data, "\"a\\u0000b\\ufffd\"");
	buf_free(&b);
}

static void test_columns(void **state)
{
	(void)state;
	struct column_list l;
	const char *bad;
	size_t n;
	assert_int_equal(columns_parse("time,event,ip,cat", &l, &bad, &n), 0);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.col[0], COL_TIME);
	assert_int_equal(l.col[3], COL_CATEGORY);
	assert_int_equal(columns_parse("time,colour,ip", &l, &bad, &n), -1);
	assert_int_equal(n, 6);
	assert_memory_equal(bad, "colour", 6);
	assert_int_equal(columns_parse("", &l, &bad, &n), -1);
	enum export_format f;
	assert_int_equal(export_format_parse("ndjson", &f), 0);
	assert_int_equal(f, EXPORT_NDJSON);
	assert_int_equal(export_format_parse("xml", &f), -1);
	struct store_row r = { .time_ms = 1714557299123LL,
		               .service = "s3.amazonaws.com",
		               .read_only = -1 };
	char tmp[40];
	assert_string_equal(column_cell(&r, COL_TIME, false, tmp),
	                    "2024-05-01T09:54:59.123Z");
	assert_string_equal(column_cell(&r, COL_TIME, true, tmp),
	                    "2024-05-01 09:54:59");
	assert_string_equal(column_cell(&r, COL_SERVICE, true, tmp), "s3");
	assert_string_equal(column_cell(&r, COL_SERVICE, false, tmp),
	                    "s3.amazonaws.com");
	assert_string_equal(column_cell(&r, COL_RO, false, tmp), "");
	assert_string_equal(column_cell(&r, COL_PRINCIPAL, false, tmp), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_fields),
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_terminal_safe),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
