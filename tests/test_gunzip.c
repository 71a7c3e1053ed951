/* test_gunzip.c - decoding gzip in memory: members, truncation, garbage,
 * and the size cap that stops decompression bombs. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "gzip_helper.h"
#include "util/gunzip.h"

static const char text[] = "{\"Records\":[{\"eventID\":\"1\"}]}\n";

static void test_single_member(void **state)
{
	(void)state;
	size_t n, outlen;
	unsigned char *in = test_gzip(text, strlen(text), &n);
	char *out;
	const char *why = NULL;
	assert_true(gunzip_is_gzip(in, n));
	assert_int_equal(gunzip_decode(in, n, 0, 1 << 20, &out, &outlen, &why),
	                 0);
	assert_int_equal(outlen, strlen(text));
	assert_string_equal(out, text);
	free(out);
	free(in);
}

static void test_two_members_and_zero_padding(void **state)
{
	(void)state;
	size_t n1, n2, outlen;
	unsigned char *a = test_gzip("hello ", 6, &n1), *b = test_gzip("world", 5, &n2);
	unsigned char *both = calloc(n1 + n2 + 16, 1);
	assert_non_null(both);
	memcpy(both, a, n1);
	memcpy(both + n1, b, n2);
	char *out;
	const char *why;
	/* 16 NUL bytes of padding after the last member are tolerated. */
	assert_int_equal(gunzip_decode(both, n1 + n2 + 16, 0, 1 << 20, &out,
	                               &outlen, &why),
	                 0);
	assert_string_equal(out, "hello world");
	free(out);
	free(a);
	free(b);
	free(both);
}

/* The buffer is sized from the last member's trailer: a first member
 * bigger than that (and than the first allocation) makes it grow, and
 * that member is decoded again, whole. */
static void test_first_member_bigger_than_the_last(void **state)
{
	(void)state;
	size_t big = 300000, n1, n2, outlen;
	char *first = malloc(big);
	assert_non_null(first);
	for (size_t i = 0; i < big; i++)
		first[i] = (char)('a' + (i * 7 + i / 13) % 26);
	unsigned char *a = test_gzip(first, big, &n1), *b = test_gzip("!", 1, &n2);
	unsigned char *both = malloc(n1 + n2);
	assert_non_null(both);
	memcpy(both, a, n1);
	memcpy(both + n1, b, n2);
	char *out;
	const char *why;
	assert_int_equal(gunzip_decode(both, n1 + n2, 0, 1 << 20, &out,
	                               &outlen, &why),
	                 0);
	assert_int_equal(outlen, big + 1);
	assert_memory_equal(out, first, big);
	assert_int_equal(out[big], '!');
	assert_int_equal(out[big + 1], '\0');
	free(out);
	/* Over the cap all told, though each member is under it. */
	assert_int_equal(gunzip_decode(both, n1 + n2, 0, big, &out, &outlen,
	                               &why),
	                 -1);
	assert_string_equal(why, "decoded data is larger than the size limit"
	                         " (300000 B)");
	free(first);
	free(a);
	free(b);
	free(both);
}

static void test_bad_input_says_why(void **state)
{
	(void)state;
	size_t n, outlen;
	unsigned char *in = test_gzip(text, strlen(text), &n);
	char *out = (char *)1;
	const char *why = NULL;
	assert_int_equal(gunzip_decode(in, n - 6, 0, 1 << 20, &out, &outlen,
	                               &why),
	                 -1);
	assert_string_equal(why, "gzip data is truncated");
	assert_null(out);
	unsigned char *junk = malloc(n + 4);
	assert_non_null(junk);
	memcpy(junk, in, n);
	memcpy(junk + n, "JUNK", 4);
	assert_int_equal(gunzip_decode(junk, n + 4, 0, 1 << 20, &out, &outlen,
	                               &why),
	                 -1);
	assert_string_equal(why, "unexpected data after the gzip stream");
	in[12] ^= 0xff;
	in[13] ^= 0xff;
	assert_int_equal(gunzip_decode(in, n, 0, 1 << 20, &out, &outlen, &why),
	                 -1);
	assert_non_null(why);
	assert_false(gunzip_is_gzip("{}", 2));
	free(junk);
	free(in);
}

static void test_cap_and_early_stop(void **state)
{
	(void)state;
	size_t big = 1 << 20, n, outlen;
	char *zeros = calloc(big, 1);
	assert_non_null(zeros);
	unsigned char *bomb = test_gzip(zeros, big, &n);
	assert_true(n < 4096);
	char *out;
	const char *why;
	assert_int_equal(gunzip_decode(bomb, n, 0, 100000, &out, &outlen, &why),
	                 -1);
	assert_string_equal(why, "decoded data is larger than the size limit"
	                         " (100000 B)");
	/* Limits are given in the largest whole unit. */
	assert_int_equal(gunzip_decode(bomb, n, 0, 96 << 10, &out, &outlen,
	                               &why),
	                 -1);
	assert_string_equal(why, "decoded data is larger than the size limit"
	                         " (96 KiB)");
	assert_int_equal(gunzip_decode(bomb, n, 0, 1 << 19, &out, &outlen,
	                               &why),
	                 -1);
	assert_string_equal(why, "decoded data is larger than the size limit"
	                         " (512 KiB)");
	/* Asking for the first bytes stops early, under the cap. */
	assert_int_equal(gunzip_decode(bomb, n, 1000, 100000, &out, &outlen,
	                               &why),
	                 0);
	assert_true(outlen >= 1000 && outlen <= 100000);
	free(out);
	/* Exactly at the cap is fine. */
	assert_int_equal(gunzip_decode(bomb, n, 0, big, &out, &outlen, &why), 0);
	assert_int_equal(outlen, big);
	free(out);
	free(bomb);
	free(zeros);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_member),
		cmocka_unit_test(test_two_members_and_zero_padding),
		cmocka_unit_test(test_first_member_bigger_than_the_last),
		cmocka_unit_test(test_bad_input_says_why),
		cmocka_unit_test(test_cap_and_early_stop),
	};
	return cmocka_run_group_tests_name("gunzip", tests, NULL, NULL);
}
