/* test_writer_cache.c - the writer's caches of dictionary ids under a
 * memory budget so tight that every new value clears one: what they
 * forget is found in the database again, never inserted twice, and every
 * filter answers as with the caches whole. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store_fixture.h"

/* fx_base again under new event IDs: the same keys, principals,
 * resources and the rest, met again after the caches forgot them. */
static void add_copy(struct store *s, const char *path, const char *prefix)
{
	struct fx_event copy[16];
	char ids[16][32];
	assert_true(fx_nbase <= 16);
	for (size_t i = 0; i < fx_nbase; i++) {
		copy[i] = fx_base[i];
		snprintf(ids[i], sizeof ids[i], "%s%02zu", prefix, i + 1);
		copy[i].id = ids[i];
	}
	assert_int_equal(fx_add_file(s, path, copy, fx_nbase, FX_PLAIN), 0);
}

static int64_t count(struct store *s, const char *text)
{
	struct filter *f = fx_filter(text);
	int64_t n = -1;
	if (store_count(s, f, &n) < 0)
		fail_msg("'%s': %s", text, store_errmsg(s));
	filter_free(f);
	return n;
}

static struct store *filled(size_t budget)
{
	char err[256];
	struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
	                             sizeof err);
	if (!s)
		fail_msg("store_open: %s", err);
	store_set_cache_budget(s, budget);
	assert_int_equal(store_batch_begin(s), 0);
	assert_int_equal(fx_add_file(s, "a.json", fx_base, fx_nbase, FX_PLAIN),
	                 0);
	add_copy(s, "b.json", "b");
	/* The first file again: every event a duplicate. */
	assert_int_equal(fx_add_file(s, "a2.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 (int)fx_nbase);
	assert_int_equal(store_batch_end(s), 0);
	add_copy(s, "c.json", "c"); /* outside the batch */
	return s;
}

static const char *const filters[] = {
	"",
	"key:akiaalice",
	"principal:alice",
	"principal:nightly",
	"resource:secret.txt",
	"resource:arn:aws:s3:::prod-bucket/*",
	"region:eu-west-1",
	"service:s3",
	"event:StopLogging",
	"agent:aws-cli*",
	"ip:198.51.100.7",
	"error:AccessDenied",
	"account:222222222222",
};

static void test_tight_budget_same_answers(void **state)
{
	(void)state;
	struct store *tight = filled(1), *roomy = filled(0);
	assert_int_equal(count(tight, ""), 3 * (int64_t)fx_nbase);
	assert_int_equal(count(tight, "key:akiaalice"), 6);
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		int64_t a = count(tight, filters[i]),
			b = count(roomy, filters[i]);
		if (a != b)
			fail_msg("'%s': %lld with a tight budget, %lld without",
			         filters[i], (long long)a, (long long)b);
	}
	/* One row per distinct value in each dictionary, as without the
	 * budget: a forgotten value was found again, not added again. */
	for (int d = 0; d < DIM_COUNT_; d++) {
		struct store_facet fa = { 0 }, fb = { 0 };
		assert_int_equal(store_facet(tight, NULL, (enum store_dimension)d,
		                             100, &fa),
		                 0);
		assert_int_equal(store_facet(roomy, NULL, (enum store_dimension)d,
		                             100, &fb),
		                 0);
		assert_int_equal(fa.count, fb.count);
		store_facet_free(&fa);
		store_facet_free(&fb);
	}
	store_close(tight);
	store_close(roomy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tight_budget_same_answers),
	};
	return cmocka_run_group_tests_name("writer_cache", tests, NULL, NULL);
}
