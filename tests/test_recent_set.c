/* test_recent_set.c - the window of recent event IDs behind the writer's
 * early duplicates (util/recent_set.h): exact answers, a bounded memory
 * of the last strings added, and nothing kept of what it cannot hold. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "util/recent_set.h"

static bool has(const struct recent_set *r, const char *key)
{
	return recent_set_has(r, key, strlen(key));
}

static void add(struct recent_set *r, const char *key)
{
	assert_int_equal(recent_set_add(r, key, strlen(key)), 0);
}

static void test_exact(void **state)
{
	(void)state;
	struct recent_set r;
	recent_set_init(&r, 8);
	assert_false(has(&r, "a"));
	add(&r, "4a5b2c1d-0000-4000-8000-00000000000a");
	assert_true(has(&r, "4a5b2c1d-0000-4000-8000-00000000000a"));
	/* One byte other, a prefix, a longer key: not met. */
	assert_false(has(&r, "4a5b2c1d-0000-4000-8000-00000000000b"));
	assert_false(has(&r, "4a5b2c1d-0000-4000-8000-00000000000"));
	assert_false(has(&r, "4a5b2c1d-0000-4000-8000-00000000000aa"));
	/* Bytes after a NUL count. */
	assert_int_equal(recent_set_add(&r, "x\0y", 3), 0);
	assert_true(recent_set_has(&r, "x\0y", 3));
	assert_false(recent_set_has(&r, "x\0z", 3));
	assert_false(has(&r, "x"));
	/* Adding again keeps one. */
	add(&r, "x");
	add(&r, "x");
	assert_int_equal(r.count[r.newer], 3);
	recent_set_free(&r);
}

/* Of n keys added, the last per_generation are always held, and no more
 * than twice that: the older generation goes when the newer fills. */
static void test_window(void **state)
{
	(void)state;
	struct recent_set r;
	const int per = 100;
	recent_set_init(&r, (size_t)per);
	char key[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "id-%d", i);
		add(&r, key);
		for (int back = 0; back < per && back <= i; back++) {
			snprintf(key, sizeof key, "id-%d", i - back);
			if (!has(&r, key))
				fail_msg("after id-%d, id-%d forgotten", i, i - back);
		}
		if (i >= 2 * per) {
			snprintf(key, sizeof key, "id-%d", i - 2 * per);
			if (has(&r, key))
				fail_msg("after id-%d, id-%d still held", i,
				         i - 2 * per);
		}
	}
	recent_set_free(&r);
}

/* What it cannot hold it says it has not met; clear forgets all. */
static void test_limits_and_clear(void **state)
{
	(void)state;
	struct recent_set r;
	recent_set_init(&r, 4);
	char longest[RECENT_KEY_MAX + 2];
	memset(longest, 'k', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	add(&r, longest); /* one byte too long */
	assert_false(has(&r, longest));
	longest[RECENT_KEY_MAX] = '\0';
	add(&r, longest);
	assert_true(has(&r, longest));
	assert_int_equal(recent_set_add(&r, "", 0), 0);
	assert_false(recent_set_has(&r, "", 0));
	add(&r, "a");
	recent_set_clear(&r);
	assert_false(has(&r, "a"));
	assert_false(has(&r, longest));
	add(&r, "b");
	assert_true(has(&r, "b"));
	recent_set_free(&r);
	assert_false(has(&r, "b"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_limits_and_clear),
	};
	return cmocka_run_group_tests_name("recent_set", tests, NULL, NULL);
}
