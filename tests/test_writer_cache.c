/* test_writer_cache.c - the writer's caches of dictionary ids
 * (dict_cache.c): under a memory budget so tight that every new value
 * clears one, what they forget is found in the database again, never
 * inserted twice, and every filter answers as with the caches whole; a
 * cache that holds every row of its table adds a new value without a
 * lookup only while no other writer added rows; and the last value asked
 * is compared by its bytes, not by where the caller keeps them. */
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

/* Rows whose key another row of the same table holds: the copies a
 * writer would add believing its cache whole when it was not. */
static int64_t repeated_rows(const char *path)
{
	static const char *const sql[] = {
		"SELECT count(*) - count(DISTINCT s) FROM region",
		"SELECT count(*) - count(DISTINCT s) FROM service",
		"SELECT count(*) - count(DISTINCT s) FROM ip",
		"SELECT count(*) - count(DISTINCT s) FROM access_key",
		"SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT type,"
		" arn, name, pid, account FROM principal)) FROM principal",
		"SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT prefix,"
		" name FROM resource)) FROM resource",
	};
	int64_t total = 0;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
		total += fx_scalar(path, sql[i], NULL);
	return total;
}

/* A database file not made yet, named after the test, in the group's
 * folder (fx_make_tmpdir()). */
static void new_path(char *path, size_t len, const char *name)
{
	assert_true((size_t)snprintf(path, len, "%s/%s.db", fx_tmpdir, name) <
	            len);
}

static struct store *open_file(const char *path)
{
	char err[256];
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	if (!s)
		fail_msg("store_open: %s", err);
	return s;
}

/* Writer A's caches hold every row of a new database; writer B then adds
 * values A has not met, and A meets them: A must find B's rows, not add
 * its own (some dictionaries have no UNIQUE constraint to refuse them). */
static void test_other_writer_breaks_whole(void **state)
{
	(void)state;
	char path[160];
	new_path(path, sizeof path, __func__);
	struct store *a = open_file(path), *b = open_file(path);
	struct fx_event first = fx_base[0], news[2] = { fx_base[1],
		                                        fx_base[1] };
	news[0].id = "n1";
	news[0].region = "xx-test-1";
	news[0].service = "other.amazonaws.com";
	news[0].ip = "203.0.113.99";
	news[0].key = "ASIANEWKEY";
	news[0].arn = "arn:aws:sts::111111111111:assumed-role/New/one";
	news[0].user = "New/one";
	news[0].resource = "arn:aws:s3:::new-bucket/new-object";
	news[1].id = "n2";
	news[1].resource = "arn:aws:s3:::new-bucket/other-object";
	assert_int_equal(fx_add_file(a, "a.json", &first, 1, FX_PLAIN), 0);
	assert_int_equal(fx_add_file(b, "b.json", news, 2, FX_PLAIN), 0);
	struct fx_event again[2] = { news[0], news[1] };
	again[0].id = "m1";
	again[1].id = "m2";
	assert_int_equal(fx_add_file(a, "c.json", again, 2, FX_PLAIN), 0);
	/* And A's own new values, after: its caches are no longer whole. */
	struct fx_event more = fx_base[2];
	more.id = "m3";
	assert_int_equal(fx_add_file(a, "d.json", &more, 1, FX_PLAIN), 0);
	store_close(a);
	store_close(b);
	assert_int_equal(repeated_rows(path), 0);
	struct store *r = open_file(path);
	assert_int_equal(count(r, "region:xx-test-1"), 2);
	assert_int_equal(count(r, "resource:arn:aws:s3:::new-bucket/*"), 4);
	assert_int_equal(count(r, "key:ASIANEWKEY"), 2);
	store_close(r);
}

/* A failed file recorded outside a batch is a transaction of its own,
 * checked as the others: the directory another writer added since is
 * found, not added again (file_dir's UNIQUE would refuse it). */
static void test_failed_file_after_other_writer(void **state)
{
	(void)state;
	char path[160];
	new_path(path, sizeof path, __func__);
	struct store *a = open_file(path), *b = open_file(path);
	assert_int_equal(fx_add_file(a, "logs/a.json", fx_base, 1, FX_PLAIN),
	                 0);
	struct store_file_info x = { "other/x.json.gz", 5, 1, "f00d" };
	assert_int_equal(store_file_failed(b, &x, "corrupt"), 0);
	struct store_file_info y = { "other/y.json.gz", 6, 1, "beef" };
	if (store_file_failed(a, &y, "truncated") < 0)
		fail_msg("store_file_failed: %s", store_errmsg(a));
	store_close(a);
	store_close(b);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM file_dir", NULL),
	                 2);
	assert_int_equal(fx_scalar(path, "SELECT count(DISTINCT dir) FROM file"
	                                 " WHERE name LIKE '_.json.gz'",
	                           NULL),
	                 1);
}

/* A failed file whose transaction is rolled back (here the totals are
 * gone for a moment) takes the directory it added with it: the next one
 * in that directory adds it again rather than naming a row that is not
 * there. */
static void test_failed_file_rolled_back(void **state)
{
	(void)state;
	char path[160];
	fx_database_with(path, sizeof path, "rolled.db", "logs/a.json",
	                 fx_base, 1);
	struct store *s = open_file(path);
	fx_exec(path, "ALTER TABLE totals RENAME TO totals_away");
	struct store_file_info x = { "new/x.json.gz", 5, 1, "f00d" };
	assert_int_equal(store_file_failed(s, &x, "corrupt"), -1);
	fx_exec(path, "ALTER TABLE totals_away RENAME TO totals");
	struct store_file_info y = { "new/y.json.gz", 6, 1, "beef" };
	if (store_file_failed(s, &y, "truncated") < 0)
		fail_msg("store_file_failed: %s", store_errmsg(s));
	store_close(s);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM file WHERE"
	                                 " dir NOT IN (SELECT id FROM file_dir)",
	                           NULL),
	                 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM file_dir"
	                                 " WHERE s LIKE '%new/'",
	                           NULL),
	                 1);
}

/* A caller may write each event's strings into the same buffers: the
 * last value asked is known by its bytes. */
static void test_reused_buffers(void **state)
{
	(void)state;
	struct store *s = open_file(":memory:");
	struct store_file_info info = { "reused.json", 2, 5, "abcd" };
	assert_int_equal(store_file_begin(s, &info, "{}", 2,
	                                  STORE_ENC_IDENTITY),
	                 0);
	static const char *const regions[] = { "us-east-1", "eu-west-1",
		                               "eu-west-1", "us-east-1" };
	for (size_t i = 0; i < 4; i++) {
		char id[8], region[16], arn[64];
		snprintf(id, sizeof id, "r%zu", i);
		snprintf(region, sizeof region, "%s", regions[i]);
		snprintf(arn, sizeof arn, "arn:aws:s3:::b/%s", regions[i]);
		const char *arns[1] = { arn };
		struct trail_event ev = { .event_id = id, .time_ms = 1000,
			                  .read_only = -1, .region = region,
			                  .nresources = 1, .resource_arns = arns,
			                  .record_length = 2 };
		bool dup;
		assert_int_equal(store_add_event(s, &ev, &dup), 0);
		assert_false(dup);
	}
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	assert_int_equal(count(s, "region:us-east-1"), 2);
	assert_int_equal(count(s, "region:eu-west-1"), 2);
	assert_int_equal(count(s, "resource:arn:aws:s3:::b/eu-west-1"), 2);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tight_budget_same_answers),
		cmocka_unit_test(test_other_writer_breaks_whole),
		cmocka_unit_test(test_failed_file_after_other_writer),
		cmocka_unit_test(test_failed_file_rolled_back),
		cmocka_unit_test(test_reused_buffers),
	};
	return cmocka_run_group_tests_name("writer_cache", tests,
	                                   fx_make_tmpdir, fx_remove_tmpdir);
}
