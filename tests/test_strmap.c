/* test_strmap.c - the string → value map behind the writer's dictionary
 * cache and the import ledger. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "util/strmap.h"

static void test_put_get_many(void **state)
{
	(void)state;
	struct strmap m;
	strmap_init(&m);
	char key[32];
	assert_int_equal(strmap_get(&m, "absent", 6), 0);
	/* Enough keys to force several rehashes. */
	for (int i = 1; i <= 5000; i++) {
		int n = snprintf(key, sizeof key, "key-%d", i);
		assert_int_equal(strmap_put(&m, key, (size_t)n, i * 7), 0);
	}
	assert_int_equal(m.count, 5000);
	for (int i = 1; i <= 5000; i++) {
		int n = snprintf(key, sizeof key, "key-%d", i);
		assert_int_equal(strmap_get(&m, key, (size_t)n), i * 7);
	}
	assert_int_equal(strmap_get(&m, "key-5001", 8), 0);
	/* A second put replaces the value, not adds a key. */
	assert_int_equal(strmap_put(&m, "key-1", 5, 99), 0);
	assert_int_equal(strmap_get(&m, "key-1", 5), 99);
	assert_int_equal(m.count, 5000);
	strmap_clear(&m);
	assert_int_equal(m.count, 0);
	assert_int_equal(strmap_get(&m, "key-1", 5), 0);
	strmap_free(&m);
}

static void test_binary_keys(void **state)
{
	(void)state;
	struct strmap m;
	strmap_init(&m);
	/* Keys differing only after a NUL, and a prefix, stay apart. */
	assert_int_equal(strmap_put(&m, "a\0b", 3, 1), 0);
	assert_int_equal(strmap_put(&m, "a\0c", 3, 2), 0);
	assert_int_equal(strmap_put(&m, "a", 1, 3), 0);
	assert_int_equal(strmap_get(&m, "a\0b", 3), 1);
	assert_int_equal(strmap_get(&m, "a\0c", 3), 2);
	assert_int_equal(strmap_get(&m, "a", 1), 3);
	assert_int_equal(m.bytes, 4 + 4 + 2);
	strmap_free(&m);
}

/* The longest run of occupied slots: with every byte of the keys in
 * the hash's low bits, keys that differ in one byte spread out. */
static size_t longest_run(const struct strmap *m)
{
	size_t longest = 0, run = 0;
	for (size_t i = 0; i < 2 * m->cap; i++) {
		run = m->slots[i % m->cap].key ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	return longest;
}

/* Keys of every length up to 40 that differ in one byte, wherever it
 * is (in a whole 8-byte word of the hash or in its tail), are apart and
 * spread over the table. */
static void test_every_byte_counts(void **state)
{
	(void)state;
	struct strmap m;
	strmap_init(&m);
	char key[41];
	int64_t id = 0;
	for (size_t len = 1; len <= 40; len++)
		for (size_t at = 0; at < len; at++)
			for (int c = 0; c < 4; c++) {
				memset(key, 'x', len);
				key[at] = (char)('a' + c);
				assert_int_equal(strmap_put(&m, key, len, ++id),
				                 0);
			}
	assert_int_equal(m.count, (size_t)id);
	id = 0;
	for (size_t len = 1; len <= 40; len++)
		for (size_t at = 0; at < len; at++)
			for (int c = 0; c < 4; c++) {
				memset(key, 'x', len);
				key[at] = (char)('a' + c);
				assert_int_equal(strmap_get(&m, key, len), ++id);
			}
	assert_int_equal(strmap_get(&m, "", 0), 0);
	/* 3,280 keys in 8,192 slots: runs stay short. */
	assert_true(longest_run(&m) < 48);
	strmap_free(&m);
	/* ARNs alike but for their ends, as a bucket's objects are. */
	strmap_init(&m);
	for (int i = 0; i < 4000; i++) {
		char arn[96];
		int n = snprintf(arn, sizeof arn,
		                 "arn:aws:s3:::logs-bucket/AWSLogs/2024/%06d", i);
		assert_int_equal(strmap_put(&m, arn, (size_t)n, i + 1), 0);
	}
	assert_true(longest_run(&m) < 48);
	strmap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_many),
		cmocka_unit_test(test_binary_keys),
		cmocka_unit_test(test_every_byte_counts),
	};
	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
