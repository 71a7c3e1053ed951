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

#include "util/fit_label.h"
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
	/* Bidirectional controls, which draw the text after them reversed
	 * or moved, and the line and paragraph separators. */
	{ "evil\xe2\x80\xae{txt.exe", "evil\\u202e{txt.exe" },
	{ "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
	  "\\u202a\\u202b\\u202c\\u202d" },
	{ "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9",
	  "\\u2066\\u2067\\u2068\\u2069" },
	{ "l\xe2\x80\x8er\xe2\x80\x8f a\xd8\x9c", "l\\u200er\\u200f a\\u061c" },
	{ "1\xe2\x80\xa8" "2\xe2\x80\xa9" "3", "1\\u20282\\u20293" },
	/* Their neighbours are ordinary text: per mille, Arabic comma. */
	{ "\xe2\x80\xb0 \xe2\x80\xa7 \xd8\x8c",
	  "\xe2\x80\xb0 \xe2\x80\xa7 \xd8\x8c" },
	/* The other format characters (Cf), invisible: zero width space,
	 * non-joiner and joiner ("ad\u200bmin" passing for admin), word
	 * joiner, BOM, soft hyphen, Mongolian vowel separator, invisible
	 * operators, interlinear annotation, Arabic number sign. */
	{ "ad\xe2\x80\x8bmin", "ad\\u200bmin" },
	{ "\xe2\x80\x8c\xe2\x80\x8d\xe2\x81\xa0\xef\xbb\xbf",
	  "\\u200c\\u200d\\u2060\\ufeff" },
	{ "a\xc2\xad" "b\xe1\xa0\x8e" "c", "a\\u00adb\\u180ec" },
	{ "\xe2\x81\xa4\xe2\x81\xaf\xef\xbf\xb9\xd8\x80\xdc\x8f",
	  "\\u2064\\u206f\\ufff9\\u0600\\u070f" },
	/* Past U+FFFF (tag characters, musical formatting), as the two
	 * UTF-16 surrogates, each four digits. */
	{ "x\xf3\xa0\x81\x81" "1", "x\\udb40\\udc411" },
	{ "\xf3\xa0\x80\x81\xf3\xa0\x81\xbf\xf0\x9d\x85\xb3",
	  "\\udb40\\udc01\\udb40\\udc7f\\ud834\\udd73" },
	/* Blank or nothing though not Cf: the Hangul fillers, the
	 * combining grapheme joiner, the Khmer inherent vowels. */
	{ "[\xe3\x85\xa4]\xef\xbe\xa0\xe1\x85\x9f\xe1\x85\xa0",
	  "[\\u3164]\\uffa0\\u115f\\u1160" },
	{ "a\xcd\x8f" "b\xe1\x9e\xb4\xe1\x9e\xb5", "a\\u034fb\\u17b4\\u17b5" },
	/* Hangul itself stays: a syllable and a jamo. */
	{ "\xed\x95\x9c\xe3\x84\xb1", "\xed\x95\x9c\xe3\x84\xb1" },
	/* Visible neighbours stay: not sign, hair space, hyphen, U+FEFC
	 * (Arabic ligature), a variation selector, G clef. */
	{ "\xc2\xac\xe2\x80\x8a\xe2\x80\x90\xef\xbb\xbc\xf3\xa0\x84\x80"
	  "\xf0\x9d\x84\x9e",
	  "\xc2\xac\xe2\x80\x8a\xe2\x80\x90\xef\xbb\xbc\xf3\xa0\x84\x80"
	  "\xf0\x9d\x84\x9e" },
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

/* Decoded JSON text may hold a NUL (\u0000): shown, not an end. */
static void test_escape_with_nul(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	static const char text[] = "nul\0inside \"q\"";
	fmt_escape_quoted_len(&b, text, sizeof text - 1);
	assert_non_null(b.data);
	assert_string_equal(b.data, "nul\\u0000inside \\\"q\\\"");
	buf_free(&b);
}

/* What the escapes would change, for the clipboard's check. */
static void test_needs_escape(void **state)
{
	(void)state;
	assert_false(fmt_needs_escape("SELECT 'a\\b' -- ok", 18));
	assert_false(fmt_needs_escape("Gr\xc3\xbc\xc3\x9f", 6));
	assert_true(fmt_needs_escape("a\033b", 3));
	assert_true(fmt_needs_escape("a\0b", 3));
	assert_true(fmt_needs_escape("\xc2\x9b", 2));
	assert_true(fmt_needs_escape("x\xe2\x80\xaey", 5));
	assert_true(fmt_needs_escape("ad\xe2\x80\x8bmin", 7));
	assert_true(fmt_needs_escape("\xf3\xa0\x81\x81", 4));
	assert_true(fmt_needs_escape("\xff", 1));
	/* A sequence cut by the length is not UTF-8 there. */
	assert_true(fmt_needs_escape("\xc3\xbc", 1));
}

/* Wrapping by display columns: at the last space that fits, else at
 * the width; at least one character. */
static void test_wrap(void **state)
{
	(void)state;
	assert_int_equal(fmt_wrap("abc def", 10), 7);
	assert_int_equal(fmt_wrap("abc def", 5), 3);
	assert_int_equal(fmt_wrap("abc def", 3), 3);
	/* A word that ends at the edge stays on the row. */
	assert_int_equal(fmt_wrap("ab cd ef", 5), 5);
	assert_int_equal(fmt_wrap("abcdef", 4), 4);
	assert_int_equal(fmt_wrap("abc", 0), 1);
	assert_int_equal(fmt_wrap("", 5), 0);
	/* Wide characters take two columns each: 東京 is 4, then a space. */
	assert_int_equal(fmt_wrap("\xe6\x9d\xb1\xe4\xba\xac x", 5), 6);
	assert_int_equal(fmt_wrap("\xe6\x9d\xb1\xe4\xba\xac", 3), 3);
	/* "Grüße Welt": ü and ß are one column each. */
	assert_int_equal(fmt_wrap("Gr\xc3\xbc\xc3\x9f" "e Welt", 8), 7);
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

/* Labels told apart keep what tells them apart when cut: the account
 * (whole while the name keeps 8 columns, else its last four digits), or
 * the end of an ARN. */
static void test_fit_label(void **state)
{
	(void)state;
	const struct {
		const char *in;
		size_t width;
		const char *out;
	} cases[] = {
		{ "alice (111122223333)", 20, "alice (111122223333)" },
		{ "alice (111122223333)", 22, "alice (111122223333)  " },
		{ "alice (111122223333)", 19, "alice (\xe2\x80\xa6" "3333)      " },
		{ "security-audit-automation-user (444455556666)", 25,
		  "security-\xe2\x80\xa6 (444455556666)" },
		{ "security-audit-automation-user (444455556666)", 19,
		  "security-a\xe2\x80\xa6 (\xe2\x80\xa6" "6666)" },
		{ "arn:aws:iam::111111111111:user/team/bob", 16,
		  "\xe2\x80\xa6" "1:user/team/bob" },
		/* Not an account: cut at the end as any text. */
		{ "alice (1234)", 8, "alice (\xe2\x80\xa6" },
		{ "alice (111122223333)", 5, "alic\xe2\x80\xa6" },
		{ "日本語の名前 (111122223333)", 21,
		  "日本語の名前 (\xe2\x80\xa6" "3333) " },
		{ "日本語の名前 (111122223333)", 17,
		  "日本語の\xe2\x80\xa6 (\xe2\x80\xa6" "3333)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b;
		buf_init(&b);
		fmt_fit_label(&b, cases[i].in, cases[i].width);
		char *got = buf_steal(&b);
		if (strcmp(got, cases[i].out) != 0)
			fail_msg("case %zu: fit label '%s' to %zu: got [%s]", i,
			         cases[i].in, cases[i].width, got);
		assert_int_equal(fmt_width(got), cases[i].width);
		free(got);
	}
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
		cmocka_unit_test(test_escape_with_nul),
		cmocka_unit_test(test_needs_escape),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_skip),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_label),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_over_limit),
	};
	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
