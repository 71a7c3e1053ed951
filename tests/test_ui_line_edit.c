/* test_ui_line_edit.c - the line a person types (ui/line_edit.c): text
 * set from UTF-8 and read back, the editing keys, growth past any fixed
 * size, and the part a narrow field shows with the cursor in it. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ui/curses.h"
#include "ui/line_edit.h"

static void assert_text(const struct line_edit *l, const char *want)
{
	char *got = line_edit_utf8(l, 0, l->len);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void type(struct line_edit *l, const char *ascii)
{
	for (; *ascii; ascii++)
		assert_int_equal(line_edit_key(l, 0, (wint_t)*ascii),
		                 LINE_EDIT_DONE);
}

static void test_set_and_read(void **state)
{
	(void)state;
	struct line_edit l = { 0 };
	line_edit_set(&l, "principal:日本語");
	assert_int_equal(l.len, 13);
	assert_int_equal(l.pos, 13);
	assert_text(&l, "principal:日本語");
	char *part = line_edit_utf8(&l, 10, 12);
	assert_string_equal(part, "日本");
	free(part);
	/* Columns: the wide characters take two each. */
	assert_int_equal(line_edit_cols(&l, 0, l.len), 16);
	/* Not valid UTF-8: an empty line, not half of one. */
	line_edit_set(&l, "bad\xff");
	assert_int_equal(l.len, 0);
	assert_text(&l, "");
	line_edit_free(&l);
	assert_null(l.text);
}

static void test_keys(void **state)
{
	(void)state;
	struct line_edit l = { 0 };
	/* Typed into a line never set. */
	type(&l, "event:Stop");
	assert_text(&l, "event:Stop");
	assert_int_equal(line_edit_key(&l, 1, KEY_HOME), LINE_EDIT_DONE);
	type(&l, "-");
	assert_text(&l, "-event:Stop");
	line_edit_key(&l, 1, KEY_END);
	line_edit_key(&l, 1, KEY_BACKSPACE);
	line_edit_key(&l, 0, 127);
	assert_text(&l, "-event:St");
	type(&l, " region:eu");
	line_edit_key(&l, 0, 23); /* ^W: the word before the cursor */
	assert_text(&l, "-event:St ");
	for (int i = 0; i < 3; i++)
		line_edit_key(&l, 1, KEY_LEFT);
	line_edit_key(&l, 0, 11); /* ^K: to the end */
	assert_text(&l, "-event:");
	line_edit_key(&l, 0, 1); /* ^A */
	line_edit_key(&l, 1, KEY_DC);
	assert_text(&l, "event:");
	line_edit_key(&l, 0, 5); /* ^E */
	line_edit_key(&l, 1, KEY_LEFT);
	line_edit_key(&l, 0, 21); /* ^U: to the start */
	assert_text(&l, ":");
	assert_int_equal(l.pos, 0);
	/* Not editing keys: the caller's. */
	assert_int_equal(line_edit_key(&l, 1, KEY_UP), LINE_EDIT_OTHER);
	assert_int_equal(line_edit_key(&l, 0, 27), LINE_EDIT_OTHER);
	assert_int_equal(line_edit_key(&l, 0, '\r'), LINE_EDIT_OTHER);
	line_edit_free(&l);
}

/* No fixed size: ten thousand characters typed are ten thousand kept. */
static void test_grows(void **state)
{
	(void)state;
	struct line_edit l = { 0 };
	for (int i = 0; i < 10000; i++)
		assert_int_equal(line_edit_key(&l, 0, 'a' + i % 26),
		                 LINE_EDIT_DONE);
	assert_int_equal(l.len, 10000);
	char *all = line_edit_utf8(&l, 0, l.len);
	assert_int_equal(strlen(all), 10000);
	assert_int_equal(all[9999], 'a' + 9999 % 26);
	free(all);
	line_edit_free(&l);
}

/* A field narrower than the line shows the cursor: at the end, the last
 * characters, after a column kept for the "…" that says the line goes
 * on to the left; at the start, from the first.  A line that fits keeps
 * its first column. */
static void test_first_shown(void **state)
{
	(void)state;
	struct line_edit l = { 0 };
	line_edit_set(&l, "0123456789");
	assert_int_equal(line_edit_first_shown(&l, 10), 0);
	assert_int_equal(line_edit_first_shown(&l, 4), 7);
	assert_int_equal(line_edit_cols(&l, 7, l.pos), 3);
	l.pos = 0;
	assert_int_equal(line_edit_first_shown(&l, 4), 0);
	/* Wide characters count two columns each. */
	line_edit_set(&l, "日本語です");
	assert_int_equal(line_edit_first_shown(&l, 4), 4);
	assert_int_equal(line_edit_first_shown(&l, 5), 3);
	line_edit_free(&l);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_and_read),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_grows),
		cmocka_unit_test(test_first_shown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
