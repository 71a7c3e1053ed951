/* test_format.c - record text made safe and aligned for a terminal:
 * control sequences shown, never sent; widths measured in columns. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/format.h"

static char *escaped(const char *s)
{
	struct buf b;
	buf_init(&b);
	fmt_escape(&b, s);
	return buf_steal(&b);
}

static const struct {
	const char *in, *out;
} escape_cases[] = {
	{ "aws-cli/2.15 Python/3.11", "aws-cli/2.15 Python/3.11" },
	{ "", "" },
	/* Title set, screen clear, OSC 52 clipboard write, cursor moves. */
	{ "\033]0;pwned\007", "\\e]0;pwned\\a" },
	{ "\033[2J\033[H", "\\e[2J\\e[H" },
	{ "\033]52;c;ZXZpbA==\033\\", "\\e]52;c;ZXZpbA==\\e\\\\" },
	{ "a\rb\nc\td\be\x7f", "a\\rb\\nc\\td\\be\\x7f" },
	/* C1 controls: CSI (U+009B) and OSC (U+009D) in UTF-8. */
	{ "x\xc2\x9b" "31mred", "x\\u009b31mred" },
	{ "\xc2\x9d" "0;t\xc2\x9c", "\\u009d0;t\\u009c" },
	/* Invalid UTF-8: lone continuation, overlong, surrogate, cut off. */
	{ "\x80", "\\x80" },
	{ "\xc0\xaf", "\\xc0\\xaf" },
	{ "\xed\xa0\x80", "\\xed\\xa0\\x80" },
	{ "ok\xe2\x82", "ok\\xe2\\x82" },
	/* A NUL in a record's value, held as C0 80 (model/event.h): shown
	 * as the NUL it stands for, and the rest of the value with it. */
	{ "a\xc0\x80" "b\xc0\x80", "a\\x00b\\x00" },
	{ "\xc0", "\\xc0" },
	/* Valid multibyte text passes as it is. */
	{ "Grüße 東京 👍", "Grüße 東京 👍" },
	/* A backslash is doubled, so an escape can never be forged. */
	{ "C:\\x1b", "C:\\\\x1b" },
};

static void test_escape(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof escape_cases / sizeof escape_cases[0];
	     i++) {
		char *got = escaped(escape_cases[i].in);
		assert_non_null(got);
		if (strcmp(got, escape_cases[i].out) != 0)
			fail_msg("case %zu: expected [%s], got [%s]", i,
			         escape_cases[i].out, got);
		/* Whatever the input, no control byte survives. */
		for (const unsigned char *c = (const unsigned char *)got; *c; c++)
			assert_true(*c >= 0x20 && *c != 0x7f);
		free(got);
	}
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(fmt_width("abc"), 3);
	assert_int_equal(fmt_width("Grüße"), 5);
	assert_int_equal(fmt_width("東京"), 4);
	assert_int_equal(fmt_width("e\xcc\x81"), 1); /* e + combining acute */
	assert_int_equal(fmt_width(""), 0);
}

/* Sideways scrolling cuts at whole characters, by display columns. */
static void test_skip(void **state)
{
	(void)state;
	assert_int_equal(fmt_skip("abcdef", 0), 0);
	assert_int_equal(fmt_skip("abcdef", 2), 2);
	assert_int_equal(fmt_skip("abc", 10), 3);
	assert_int_equal(fmt_skip("Grüße", 3), 4);  /* ü is two bytes */
	assert_int_equal(fmt_skip("東京x", 2), 3);  /* after 東 */
	assert_int_equal(fmt_skip("東京x", 1), 3);  /* 東 cut: left out */
	assert_int_equal(fmt_skip("e\xcc\x81x", 1), 3); /* the accent too */
	assert_int_equal(fmt_skip("", 4), 0);
}

static char *fit(const char *s, size_t w, int right)
{
	struct buf b;
	buf_init(&b);
	fmt_fit(&b, s, w, right);
	return buf_steal(&b);
}

static void test_fit(void **state)
{
	(void)state;
	const struct {
		const char *in;
		size_t width;
		int right;
		const char *out;
	} cases[] = {
		{ "abc", 5, 0, "abc  " },
		{ "abc", 5, 1, "  abc" },
		{ "abcdef", 4, 0, "abc\xe2\x80\xa6" },
		/* A wide character never straddles the edge: padded instead. */
		{ "東京都", 4, 0, "東\xe2\x80\xa6 " },
		{ "東京", 4, 0, "東京" },
		{ "Grüße", 4, 0, "Grü\xe2\x80\xa6" },
		{ "abc", 0, 0, "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = fit(cases[i].in, cases[i].width, cases[i].right);
		if (strcmp(got, cases[i].out) != 0)
			fail_msg("fit '%s' to %zu: got [%s]", cases[i].in,
			         cases[i].width, got);
		assert_int_equal(fmt_width(got), cases[i].width);
		free(got);
	}
}

static void test_over_limit(void **state)
{
	(void)state;
	assert_string_equal(fmt_over_limit("too big", (size_t)96 << 20),
	                    "too big (96 MiB)");
	assert_string_equal(fmt_over_limit("too big", (size_t)1536 << 10),
	                    "too big (1536 KiB)");
	assert_string_equal(fmt_over_limit("too big", 1000), "too big (1000 B)");
	assert_string_equal(fmt_over_limit("too big", 0), "too big (0 B)");
}

static void test_time(void **state)
{
	(void)state;
	char out[24];
	fmt_time(out, 1714564800123LL);
	assert_string_equal(out, "2024-05-01 12:00:00");
	fmt_time(out, 0);
	assert_string_equal(out, "1970-01-01 00:00:00");
	fmt_time(out, -1);
	assert_string_equal(out, "1969-12-31 23:59:59");
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		/* TAP: a plan of 0 with a reason is a skip. */
		puts("1..0 # SKIP no C.UTF-8 locale");
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_skip),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_over_limit),
	};
	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
