/* test_intcount.c - counting 64-bit keys: growth, extreme keys, order. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/intcount.h"

static void test_counts_survive_growth(void **state)
{
	(void)state;
	struct intcount m;
	intcount_init(&m);
	assert_int_equal(intcount_get(&m, 5), 0);
	/* Sequential keys, as ids and bucket starts are, far past the
	 * first table size; key k is added k % 7 + 1 times. */
	for (int64_t k = 0; k < 10000; k++)
		for (int64_t n = 0; n <= k % 7; n++)
			assert_int_equal(intcount_add(&m, k * 3600000, 1), 0);
	assert_int_equal(m.count, 10000);
	for (int64_t k = 0; k < 10000; k++)
		assert_int_equal(intcount_get(&m, k * 3600000), k % 7 + 1);
	assert_int_equal(intcount_get(&m, 1), 0);
	intcount_free(&m);
}

static void test_extreme_keys_and_order(void **state)
{
	(void)state;
	struct intcount m;
	intcount_init(&m);
	assert_null(intcount_sorted(&m));
	assert_int_equal(intcount_add(&m, INT64_MIN, 2), 0);
	assert_int_equal(intcount_add(&m, INT64_MAX, 5), 0);
	assert_int_equal(intcount_add(&m, -1, 2), 0);
	assert_int_equal(intcount_add(&m, 0, 9), 0);
	struct intcount_slot *s = intcount_sorted(&m);
	assert_non_null(s);
	/* Most counted first; equal counts by key. */
	assert_int_equal(s[0].key, 0);
	assert_int_equal(s[1].key, INT64_MAX);
	assert_true(s[2].key == INT64_MIN && s[2].count == 2);
	assert_true(s[3].key == -1 && s[3].count == 2);
	free(s);
	intcount_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_survive_growth),
		cmocka_unit_test(test_extreme_keys_and_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
