/* test_last_key.c - the last key a lookup was asked (util/last_key.h):
 * it answers only for the same bytes, keeps its own copy of them, grows
 * for a long key, and forgets when told. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "util/last_key.h"

static void test_same_bytes_only(void **state)
{
	(void)state;
	struct last_key k = { 0 };
	int64_t id = -1;
	assert_false(last_key_get(&k, "", 0, &id)); /* nothing set yet */
	assert_int_equal(last_key_set(&k, "us-east-1", 9, 7), 0);
	assert_true(last_key_get(&k, "us-east-1", 9, &id));
	assert_int_equal(id, 7);
	/* Same length, other bytes; a prefix; a longer key. */
	id = -1;
	assert_false(last_key_get(&k, "eu-west-1", 9, &id));
	assert_false(last_key_get(&k, "us-east-", 8, &id));
	assert_false(last_key_get(&k, "us-east-12", 10, &id));
	assert_int_equal(id, -1);
	/* Bytes after a NUL count. */
	assert_int_equal(last_key_set(&k, "x\0y", 3, 8), 0);
	assert_true(last_key_get(&k, "x\0y", 3, &id));
	assert_false(last_key_get(&k, "x\0z", 3, &id));
	last_key_free(&k);
}

static void test_copy_kept(void **state)
{
	(void)state;
	struct last_key k = { 0 };
	char buf[16];
	strcpy(buf, "alice");
	assert_int_equal(last_key_set(&k, buf, 5, 1), 0);
	strcpy(buf, "mally"); /* the caller's buffer, reused */
	int64_t id = 0;
	assert_false(last_key_get(&k, buf, 5, &id));
	assert_true(last_key_get(&k, "alice", 5, &id));
	assert_int_equal(id, 1);
	last_key_free(&k);
}

static void test_long_key_and_forget(void **state)
{
	(void)state;
	struct last_key k = { 0 };
	char big[5000];
	memset(big, 'a', sizeof big);
	assert_int_equal(last_key_set(&k, "short", 5, 1), 0);
	assert_int_equal(last_key_set(&k, big, sizeof big, 2), 0);
	int64_t id = 0;
	assert_true(last_key_get(&k, big, sizeof big, &id));
	assert_int_equal(id, 2);
	big[4999] = 'b';
	assert_false(last_key_get(&k, big, sizeof big, &id));
	last_key_forget(&k);
	big[4999] = 'a';
	assert_false(last_key_get(&k, big, sizeof big, &id));
	/* The memory is kept and used again. */
	assert_int_equal(last_key_set(&k, "short", 5, 3), 0);
	assert_true(last_key_get(&k, "short", 5, &id));
	assert_int_equal(id, 3);
	last_key_free(&k);
	assert_false(last_key_get(&k, "short", 5, &id));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_bytes_only),
		cmocka_unit_test(test_copy_kept),
		cmocka_unit_test(test_long_key_and_forget),
	};
	return cmocka_run_group_tests_name("last_key", tests, NULL, NULL);
}
