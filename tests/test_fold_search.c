/* test_fold_search.c - the case-blind word search of text search: fixed
 * cases at the edges of its 16-byte steps, and random texts and needles
 * checked against the plainest search there is. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/fold_search.h"

static bool found(const char *hay, const char *needle)
{
	return fold_contains(hay, strlen(hay), needle, strlen(needle));
}

static void test_fixed_cases(void **state)
{
	(void)state;
	assert_true(found("anything", ""));
	assert_true(found("", ""));
	assert_false(found("", "a"));
	assert_false(found("ab", "abc"));
	assert_true(found("StopLogging", "stoplogging"));
	assert_true(found("xxSTOPLOGGINGxx", "stoplogging"));
	assert_false(found("StopLoggin", "stoplogging"));
	/* One byte, and the needle at the very end of the text, past the
	 * last whole 16-byte step. */
	assert_true(found("0123456789abcdefghijklmnopQ", "q"));
	assert_true(found("0123456789abcdefghijklmnopqrstuvwxyzEND", "end"));
	assert_false(found("0123456789abcdefghijklmnopqrstuvwxyzEN", "end"));
	/* Only ASCII letters fold: '@' is not '`', and bytes past 127 are
	 * compared as they are. */
	assert_false(found("a@b", "a`b"));
	assert_true(found("caf\xc3\xa9!", "caf\xc3\xa9"));
	assert_false(found("CAF\xc3\x89", "caf\xc3\xa9"));
	/* First and last bytes match, the middle does not. */
	assert_false(found("no-such-wordXno-such-word-anywherf", "no-such-word-anywhere"));
	assert_true(found("{\"a\":\"NO-SUCH-WORD-ANYWHERE\"}", "no-such-word-anywhere"));
}

/* The plainest search: every place, every byte. */
static bool naive(const char *hay, size_t n, const char *needle, size_t m)
{
	for (size_t i = 0; i + m <= n; i++) {
		size_t j = 0;
		while (j < m) {
			unsigned char c = (unsigned char)hay[i + j];
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + 32);
			if (c != (unsigned char)needle[j])
				break;
			j++;
		}
		if (j == m)
			return true;
	}
	return false;
}

/* Small alphabets make partial matches common, which is what tests the
 * candidate checks; lengths cover every offset within a 16-byte step. */
static void test_random_against_naive(void **state)
{
	(void)state;
	static const char alphabet[] = "aAbB\"{}:@`";
	srand(12345);
	char hay[200], needle[8];
	size_t hits = 0;
	for (int round = 0; round < 200000; round++) {
		size_t n = (size_t)rand() % sizeof hay;
		size_t m = 1 + (size_t)rand() % (sizeof needle - 1);
		for (size_t i = 0; i < n; i++)
			hay[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
		for (size_t j = 0; j < m; j++) {
			char c = alphabet[rand() % (int)(sizeof alphabet - 1)];
			needle[j] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		}
		bool want = naive(hay, n, needle, m);
		hits += want;
		if (fold_contains(hay, n, needle, m) != want)
			fail_msg("round %d: n=%zu m=%zu: got %d, want %d", round,
			         n, m, !want, want);
	}
	/* Both answers came up many times. */
	assert_true(hits > 20000 && hits < 180000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_cases),
		cmocka_unit_test(test_random_against_naive),
	};
	return cmocka_run_group_tests_name("fold_search", tests, NULL, NULL);
}
