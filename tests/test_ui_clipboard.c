/* test_ui_clipboard.c - the browser's clipboard: base64 (the RFC 4648
 * test vectors), the OSC 52 sequence, tmux's passthrough wrapping, and
 * which text may be copied. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ui/pure.h"

static void expect_base64(const char *in, size_t len, const char *want)
{
	struct buf b;
	buf_init(&b);
	base64_encode(&b, in, len);
	buf_puts(&b, "");
	assert_true(buf_ok(&b));
	assert_string_equal(b.data, want);
	buf_free(&b);
}

/* RFC 4648 section 10. */
static void test_base64_rfc4648(void **state)
{
	(void)state;
	expect_base64("", 0, "");
	expect_base64("f", 1, "Zg==");
	expect_base64("fo", 2, "Zm8=");
	expect_base64("foo", 3, "Zm9v");
	expect_base64("foob", 4, "Zm9vYg==");
	expect_base64("fooba", 5, "Zm9vYmE=");
	expect_base64("foobar", 6, "Zm9vYmFy");
}

/* Every byte value, the high ones and NUL included, and the last two
 * letters of the alphabet. */
static void test_base64_bytes(void **state)
{
	(void)state;
	expect_base64("\0\0\0", 3, "AAAA");
	expect_base64("\xff\xff\xff", 3, "////");
	expect_base64("\xfb\xef\xbe", 3, "++++");
	expect_base64("\x00\x10\x83\x10\x51\x87", 6, "ABCDEFGH");
	expect_base64("caf\xc3\xa9\n", 6, "Y2Fmw6kK");
}

static void test_osc52_sequence(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	osc52_sequence(&b, "foobar", 6);
	assert_string_equal(b.data, "\033]52;c;Zm9vYmFy\a");
	buf_free(&b);
}

/* The text inside the sequence is base64 only: no byte of it can end or
 * start a sequence, whatever the text. */
static void test_osc52_inert(void **state)
{
	(void)state;
	const char text[] = "x\033]0;title\a\033\\\n";
	struct buf b;
	buf_init(&b);
	osc52_sequence(&b, text, sizeof text - 1);
	assert_true(b.len > 8);
	const char *payload = b.data + strlen("\033]52;c;");
	size_t n = b.len - strlen("\033]52;c;") - 1;
	for (size_t i = 0; i < n; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                       "abcdefghijklmnopqrstuvwxyz0123456789+/=",
		                       payload[i]));
	assert_int_equal(b.data[b.len - 1], '\a');
	buf_free(&b);
}

static void test_tmux_wrap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	osc52_tmux_wrap(&b, "\033]52;c;Zm9v\a", 12);
	assert_string_equal(b.data, "\033Ptmux;\033\033]52;c;Zm9v\a\033\\");
	buf_free(&b);
}

static void test_copy(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	osc52_copy(&b, "foo", 3, false);
	assert_string_equal(b.data, "\033]52;c;Zm9v\a");
	buf_free(&b);
	buf_init(&b);
	osc52_copy(&b, "foo", 3, true);
	assert_string_equal(b.data, "\033]52;c;Zm9v\a"
	                            "\033Ptmux;\033\033]52;c;Zm9v\a\033\\");
	buf_free(&b);
}

static void test_clipboard_safe(void **state)
{
	(void)state;
	const char *ok[] = {
		"SELECT 1\n  FROM t\tWHERE x = 'caf\xc3\xa9';",
		"aws cloudtrail lookup-events --region eu-west-1",
		"\xe6\x97\xa5\xe6\x9c\xac", /* wide characters */
		"\xc2\xa0", /* U+00A0, just after the C1 range */
		"",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(clipboard_safe(ok[i], strlen(ok[i])));
	const char *bad[] = {
		"x\033[201~rm -rf ~", /* ends a bracketed paste */
		"a\rb",
		"bell\a",
		"del\x7f",
		"c1 \xc2\x9b" "31m", /* U+009B, CSI */
		"c1 \xc2\x80",
		/* Shown escaped, so not copied as shown: a bidirectional
		 * control, bytes that are not UTF-8. */
		"evil\xe2\x80\xae{txt.exe",
		"bad \xff utf8",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(clipboard_safe(bad[i], strlen(bad[i])));
	/* NUL inside the length counts too. */
	assert_false(clipboard_safe("a\0b", 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64_rfc4648),
		cmocka_unit_test(test_base64_bytes),
		cmocka_unit_test(test_osc52_sequence),
		cmocka_unit_test(test_osc52_inert),
		cmocka_unit_test(test_tmux_wrap),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_clipboard_safe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
