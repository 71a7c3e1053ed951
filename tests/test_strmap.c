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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_many),
		cmocka_unit_test(test_binary_keys),
	};
	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
