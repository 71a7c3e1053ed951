/* test_indexes.c - the lookup indexes a bulk import builds at its end
 * (store/indexes.c): while they are down every filter answers as with
 * them; an import killed halfway leaves what the next one needs to build
 * them; the choice to defer follows the events held against those
 * coming. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store_fixture.h"

/* Every index store/indexes.c sets aside. */
#define NDEFERRABLE 10

#define tmpdir fx_tmpdir

static struct store *open_at(const char *name, char *path, size_t len)
{
	char err[512];
	snprintf(path, len, "%s/%s", tmpdir, name);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	if (!s)
		fail_msg("store_open %s: %s", path, err);
	return s;
}

/* How many indexes named `name` the database file has (0 or 1). */
static int64_t index_count(const char *path, const char *name)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
		sqlite3_prepare_v2(db,
	                           "SELECT count(*) FROM sqlite_schema"
	                           " WHERE type = 'index' AND name = ?1",
	                           -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* One filter per deferred index, and their combinations. */
static const struct fx_case cases[] = {
	{ "event:StopLogging,CreateUser", "e04 e01" },
	{ "principal:alice", "e04 e01" },
	{ "service:s3", "e07 e03 e02" },
	{ "ip:198.51.100.7", "e04 e01" },
	{ "key:AKIA*", "e04 e01" },
	{ "key:akiaalice", "e04 e01" },
	{ "error:AccessDenied", "e03" },
	{ "cat:insight,network", "e07 e06" },
	{ "resource:ARN:AWS:S3:::PROD-*", "e03 e02" },
	{ "resource:secret.txt", "e02" },
	{ "principal:alice event:StopLogging", "e04" },
};

static void check_cases(struct store *s, const char *when)
{
	fx_check_cases(s, cases, FX_NCASES(cases), when);
}

static void test_filters_answer_while_deferred(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_at("deferred.db", path, sizeof path);
	assert_int_equal(store_indexes_pending(s), 0);
	assert_int_equal(store_indexes_defer(s), 0);
	assert_int_equal(store_indexes_pending(s), NDEFERRABLE);
	assert_int_equal(index_count(path, "event_by_name"), 0);
	assert_int_equal(index_count(path, "resource_by_name"), 0);
	/* Kept: the list pane walks it by name; the writer finds IDs and
	 * ARNs by the others. */
	assert_int_equal(index_count(path, "event_by_time"), 1);
	assert_int_equal(index_count(path, "resource_by_arn"), 1);
	assert_int_equal(index_count(path, "sqlite_autoindex_event_1"), 1);
	assert_int_equal(fx_add_file(s, "base.json.gz", fx_base, fx_nbase,
	                             FX_GZIP),
	                 0);
	check_cases(s, "indexes down");
	/* The same events again are duplicates with the indexes down too. */
	assert_int_equal(fx_add_file(s, "again.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 (int)fx_nbase);
	assert_int_equal(store_indexes_build(s), 0);
	assert_int_equal(store_indexes_pending(s), 0);
	assert_int_equal(index_count(path, "event_by_name"), 1);
	assert_int_equal(index_count(path, "access_key_by_s_nocase"), 1);
	check_cases(s, "indexes built");
	/* Nothing waits: building again does nothing. */
	assert_int_equal(store_indexes_build(s), 0);
	store_close(s);
}

/* Deferring twice keeps the definitions the first time kept. */
static void test_defer_twice(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_at("twice.db", path, sizeof path);
	assert_int_equal(store_indexes_defer(s), 0);
	assert_int_equal(store_indexes_defer(s), 0);
	assert_int_equal(store_indexes_pending(s), NDEFERRABLE);
	assert_int_equal(store_indexes_build(s), 0);
	assert_int_equal(index_count(path, "event_by_rare_category"), 1);
	store_close(s);
}

/* An import killed after setting the indexes aside: the next open finds
 * their definitions and builds them over what was committed. */
static void test_killed_import_leaves_definitions(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_at("killed.db", path, sizeof path);
	assert_int_equal(store_indexes_defer(s), 0);
	assert_int_equal(fx_add_file(s, "base.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 0);
	store_close(s); /* no build: as if killed */
	assert_int_equal(index_count(path, "event_by_principal"), 0);
	s = open_at("killed.db", path, sizeof path);
	assert_int_equal(store_indexes_pending(s), NDEFERRABLE);
	check_cases(s, "reopened, indexes down");
	assert_int_equal(store_indexes_build(s), 0);
	assert_int_equal(index_count(path, "event_by_principal"), 1);
	assert_int_equal(index_count(path, "resource_by_name"), 1);
	check_cases(s, "reopened, indexes built");
	store_close(s);
}

/* Deferring pays when the import brings at least as many events as the
 * database holds (about 250 gzip bytes an event). */
static void test_worth_deferring(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_at("worth.db", path, sizeof path);
	assert_true(store_indexes_worth_deferring(s, 0));
	assert_int_equal(fx_add_file(s, "base.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 0);
	assert_true(store_indexes_worth_deferring(s, 250 * fx_nbase));
	assert_false(store_indexes_worth_deferring(s, 250 * fx_nbase - 250));
	assert_false(store_indexes_worth_deferring(s, 100));
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filters_answer_while_deferred),
		cmocka_unit_test(test_defer_twice),
		cmocka_unit_test(test_killed_import_leaves_definitions),
		cmocka_unit_test(test_worth_deferring),
	};
	return cmocka_run_group_tests_name("indexes", tests, fx_make_tmpdir,
	                                   fx_remove_tmpdir);
}
