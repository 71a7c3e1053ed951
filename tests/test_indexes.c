/* test_indexes.c - the lookup indexes a bulk import builds at its end
 * (store/indexes.c): while they are down every filter answers as with
 * them; an import killed halfway leaves what the next one needs to build
 * them; the choice to defer follows the events held against those
 * coming; events imported while the event-ID index is down are made
 * unique when it is built (store/dedupe.c). */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/store_sink.h"
#include "store/store.h"
#include "store_fixture.h"

/* The lookup indexes store/indexes.c sets aside; the index of event IDs
 * is one more. */
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
	return fx_scalar(path,
	                 "SELECT count(*) FROM sqlite_schema"
	                 " WHERE type = 'index' AND name = ?1",
	                 name);
}

/* The events and duplicates the ledger counts for the file at `path`. */
static int64_t ledger(const char *db, const char *column, const char *path)
{
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT %s FROM file WHERE coalesce((SELECT s FROM file_dir"
	         " WHERE id = dir), '') || name = ?1",
	         column);
	return fx_scalar(db, sql, path);
}

/* A new database with every index set aside, the event IDs' too. */
static struct store *open_deferred(const char *name, char *path, size_t len)
{
	struct store *s = open_at(name, path, len);
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_ALL), 0);
	return s;
}

/* Adds the first n fixture events as file `name`, none found to be a
 * duplicate (none is one, or the event IDs' index is aside). */
static void add_unchecked(struct store *s, const char *name, size_t n)
{
	assert_int_equal(fx_add_file(s, name, fx_base, n, FX_PLAIN), 0);
}

/* The same database through a new connection: the copies the tests below
 * add next come from past the writer's window of recent IDs (a
 * connection's own), as a copy delivered hours apart would. */
static struct store *reopened(struct store *s, const char *name, char *path,
                              size_t len)
{
	store_close(s);
	return open_at(name, path, len);
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
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_ALL), 0);
	assert_int_equal(store_indexes_pending(s), NDEFERRABLE + 1);
	assert_int_equal(index_count(path, "event_by_name"), 0);
	assert_int_equal(index_count(path, "resource_by_prefix"), 0);
	assert_int_equal(index_count(path, "event_by_resource"), 0);
	/* Kept: the list pane walks it by name; the writer finds
	 * resources by name and prefix (schema 11), principals and access
	 * keys by the others (schema 13). */
	assert_int_equal(index_count(path, "event_by_time"), 1);
	assert_int_equal(index_count(path, "resource_by_name"), 1);
	assert_int_equal(index_count(path, "principal_by_pid_end"), 1);
	assert_int_equal(index_count(path, "access_key_by_s_nocase"), 1);
	/* The index of event IDs' ends waits with the others (schema 10);
	 * nothing in the table keeps IDs unique (schema 7). */
	assert_int_equal(index_count(path, "event_by_id_end"), 0);
	assert_int_equal(index_count(path, "sqlite_autoindex_event_1"), 0);
	assert_int_equal(fx_add_file(s, "base.json.gz", fx_base, fx_nbase,
	                             FX_GZIP),
	                 0);
	check_cases(s, "indexes down");
	int64_t dups = -1;
	assert_int_equal(store_indexes_build(s, &dups), 0);
	assert_int_equal(dups, 0);
	/* The same events again are duplicates once the indexes are up. */
	assert_int_equal(fx_add_file(s, "again.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 (int)fx_nbase);
	assert_int_equal(store_indexes_pending(s), 0);
	assert_int_equal(index_count(path, "event_by_name"), 1);
	assert_int_equal(index_count(path, "access_key_by_s_nocase"), 1);
	check_cases(s, "indexes built");
	/* Nothing waits: building again does nothing. */
	assert_int_equal(store_indexes_build(s, NULL), 0);
	store_close(s);
}

/* Deferring twice keeps the definitions the first time kept. */
static void test_defer_twice(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_deferred("twice.db", path, sizeof path);
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_ALL), 0);
	assert_int_equal(store_indexes_pending(s), NDEFERRABLE + 1);
	assert_int_equal(store_indexes_build(s, NULL), 0);
	assert_int_equal(index_count(path, "event_by_rare_category"), 1);
	store_close(s);
}

/* An import killed after setting the indexes aside: the next open finds
 * their definitions and builds them over what was committed. */
static void test_killed_import_leaves_definitions(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_deferred("killed.db", path, sizeof path);
	add_unchecked(s, "base.json", fx_nbase);
	store_close(s); /* no build: as if killed */
	assert_int_equal(index_count(path, "event_by_principal"), 0);
	s = open_at("killed.db", path, sizeof path);
	assert_int_equal(store_indexes_pending(s), NDEFERRABLE + 1);
	check_cases(s, "reopened, indexes down");
	assert_int_equal(store_indexes_build(s, NULL), 0);
	assert_int_equal(index_count(path, "event_by_principal"), 1);
	assert_int_equal(index_count(path, "resource_by_prefix"), 1);
	check_cases(s, "reopened, indexes built");
	store_close(s);
}

/* Events imported while the event-ID index is down all go in; building
 * it keeps the first copy of each ID (held before, or written first) and
 * turns the others into their files' duplicates, resource links gone. */
/* The links of events to resources: the first in the row (schema 16),
 * the others in event_resource. */
#define LINKS                                                               \
	"SELECT (SELECT count(*) FROM event_resource)"                      \
	" + (SELECT count(*) FROM event WHERE resource IS NOT NULL)"

static void test_copies_removed_at_build(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_at("copies.db", path, sizeof path);
	add_unchecked(s, "before.json", 2);
	s = reopened(s, "copies.db", path, sizeof path);
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_ALL), 0);
	add_unchecked(s, "base.json", fx_nbase);
	s = reopened(s, "copies.db", path, sizeof path);
	add_unchecked(s, "again.json", fx_nbase);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 (int64_t)(2 + 2 * fx_nbase));
	int64_t links = fx_scalar(path, LINKS, NULL);
	int64_t dups = -1;
	assert_int_equal(store_indexes_build(s, &dups), 0);
	assert_int_equal(dups, (int64_t)(2 + fx_nbase));
	assert_int_equal(store_indexes_pending(s), 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 (int64_t)fx_nbase);
	assert_int_equal(fx_scalar(path, "SELECT count(DISTINCT event_id)"
	                                 " FROM event", NULL),
	                 (int64_t)fx_nbase);
	/* The ledger, and the totals kept with it. */
	assert_int_equal(ledger(path, "events", "before.json"), 2);
	assert_int_equal(ledger(path, "duplicates", "before.json"), 0);
	assert_int_equal(ledger(path, "events", "base.json"),
	                 (int64_t)fx_nbase - 2);
	assert_int_equal(ledger(path, "duplicates", "base.json"), 2);
	assert_int_equal(ledger(path, "events", "again.json"), 0);
	assert_int_equal(ledger(path, "duplicates", "again.json"),
	                 (int64_t)fx_nbase);
	assert_int_equal(fx_scalar(path, "SELECT events FROM totals", NULL),
	                 (int64_t)fx_nbase);
	assert_int_equal(fx_scalar(path, "SELECT duplicates FROM totals", NULL),
	                 (int64_t)fx_nbase + 2);
	/* Links of the copies went with them; those of the kept stay. */
	int64_t kept_links = fx_scalar(path, LINKS, NULL);
	assert_true(kept_links > 0 && kept_links < links);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_resource"
	                                 " WHERE event NOT IN (SELECT id FROM event)",
	                           NULL),
	                 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event e"
	                                 " JOIN file f ON f.id = e.file"
	                                 " WHERE f.dir = 0 AND f.name = ?1",
	                           "before.json"),
	                 2);
	check_cases(s, "copies removed");
	/* With the index back, the writer finds copies as they come. */
	assert_int_equal(fx_add_file(s, "third.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 (int)fx_nbase);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 (int64_t)fx_nbase);
	store_close(s);
}

/* A copy of an event the writer wrote lately is a duplicate at once,
 * the index of IDs aside or not: it never becomes a row, so the build has
 * nothing to remove and the table no hole.  A copy inside one file too. */
static void test_recent_copies_never_written(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_deferred("recent.db", path, sizeof path);
	add_unchecked(s, "base.json", fx_nbase);
	assert_int_equal(fx_add_file(s, "again.json.gz", fx_base, fx_nbase,
	                             FX_GZIP),
	                 (int)fx_nbase);
	struct fx_event twice[2] = { fx_base[0], fx_base[0] };
	twice[0].id = twice[1].id = "new-twice";
	assert_int_equal(fx_add_file(s, "twice.json", twice, 2, FX_PLAIN), 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 (int64_t)fx_nbase + 1);
	assert_int_equal(ledger(path, "events", "again.json.gz"), 0);
	assert_int_equal(ledger(path, "duplicates", "again.json.gz"),
	                 (int64_t)fx_nbase);
	int64_t dups = -1;
	assert_int_equal(store_indexes_build(s, &dups), 0);
	assert_int_equal(dups, 0);
	assert_int_equal(fx_scalar(path, "SELECT duplicates FROM totals", NULL),
	                 (int64_t)fx_nbase + 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE event_id = ?1", "new-twice"),
	                 1);
	store_close(s);
}

/* Runs `sql` in the database file through a connection of its own. */
static void exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

/* Enough events that the Bloom filter of dedupe.c answers "met before"
 * for some IDs it has not met (about one in a hundred), and IDs that
 * differ only in type (the text 'id-5', the blob of the same bytes),
 * which the UNIQUE index tells apart: every later copy is found, nothing
 * else, and the first copy of each ID is the one kept. */
static void test_copies_among_many(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_deferred("many.db", path, sizeof path);
	/* Rows as the writer makes them in a new database (schema.c,
	 * version 15): the seconds, and bits 0 (a management event). */
	exec_sql(path,
	         "BEGIN;"
	         "INSERT INTO file(name, size, mtime_ns, hash, state, events,"
	         " imported_ms) VALUES('many.json', 1, 1, '', 0, 30032, 1);"
	         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1"
	         " FROM n WHERE i < 29999)"
	         " INSERT INTO event(time_s, bits, event_id, file, rec_offset,"
	         " rec_length)"
	         " SELECT 1 + i, 0, 'id-' || i,"
	         " (SELECT id FROM file WHERE name = 'many.json'), 0, 1"
	         " FROM n;"
	         "INSERT INTO event(time_s, bits, event_id, file, rec_offset,"
	         " rec_length)"
	         " SELECT time_s, 0, event_id, file, 0, 1 FROM event"
	         " WHERE event_id IN (SELECT 'id-' || (1000 * value) FROM"
	         " (WITH RECURSIVE k(value) AS (SELECT 0 UNION ALL"
	         " SELECT value + 1 FROM k WHERE value < 29) SELECT value"
	         " FROM k));"
	         "INSERT INTO event(time_s, bits, event_id, file, rec_offset,"
	         " rec_length)"
	         " SELECT 5, 0, CAST('id-5' AS BLOB), file, 0, 1"
	         " FROM event WHERE event_id = 'id-0' LIMIT 1;"
	         "INSERT INTO event(time_s, bits, event_id, file, rec_offset,"
	         " rec_length)"
	         " SELECT 6, 0, CAST('id-5' AS BLOB), file, 0, 1"
	         " FROM event WHERE event_id = 'id-0' LIMIT 1;"
	         "COMMIT;");
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 30032);
	int64_t first_1000 = fx_scalar(path, "SELECT min(id) FROM event"
	                                     " WHERE event_id = 'id-1000'", NULL);
	int64_t dups = -1;
	assert_int_equal(store_indexes_build(s, &dups), 0);
	assert_int_equal(dups, 31);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 30001);
	assert_int_equal(fx_scalar(path, "SELECT id FROM event"
	                                 " WHERE event_id = 'id-1000'", NULL),
	                 first_1000);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE event_id = 'id-5'"
	                                 " OR event_id = CAST('id-5' AS BLOB)",
	                           NULL),
	                 2);
	assert_int_equal(ledger(path, "events", "many.json"), 30001);
	assert_int_equal(ledger(path, "duplicates", "many.json"), 31);
	assert_int_equal(index_count(path, "event_by_id_end"), 1);
	store_close(s);
}

/* The import's summary: copies found at the end move from new to
 * duplicate; a killed import's copies, found by the next, are not the
 * next's to count. */
static void test_sink_counts_copies(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_deferred("sink.db", path, sizeof path);
	add_unchecked(s, "base.json", fx_nbase);
	s = reopened(s, "sink.db", path, sizeof path);
	add_unchecked(s, "again.json", fx_nbase);
	struct store_sink k;
	store_sink_init(&k, s);
	struct import_totals t = { .events_new = 2 * fx_nbase };
	assert_int_equal(store_sink_finish(&k, &t), 0);
	assert_int_equal(t.events_new, fx_nbase);
	assert_int_equal(t.events_duplicate, fx_nbase);
	store_sink_free(&k);
	store_close(s);

	s = open_deferred("sink-killed.db", path, sizeof path);
	add_unchecked(s, "base.json", fx_nbase);
	s = reopened(s, "sink-killed.db", path, sizeof path);
	add_unchecked(s, "again.json", 1);
	store_sink_init(&k, s); /* the next import, which brought nothing */
	t = (struct import_totals){ .events_duplicate = 3 };
	assert_int_equal(store_sink_finish(&k, &t), 0);
	assert_int_equal(t.events_new, 0);
	assert_int_equal(t.events_duplicate, 3);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 (int64_t)fx_nbase);
	store_sink_free(&k);
	store_close(s);
}

/* Deferring pays when the import brings at least as many events as the
 * database holds (about 250 gzip bytes an event). */
static void test_worth_deferring(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_at("worth.db", path, sizeof path);
	assert_int_equal(store_indexes_worth_deferring(s, 0),
	                 STORE_DEFER_LOOKUPS);
	add_unchecked(s, "base.json", fx_nbase);
	assert_int_equal(store_indexes_worth_deferring(s, 250 * fx_nbase),
	                 STORE_DEFER_LOOKUPS);
	assert_int_equal(store_indexes_worth_deferring(s, 250 * fx_nbase - 250),
	                 STORE_DEFER_NONE);
	assert_int_equal(store_indexes_worth_deferring(s, 100),
	                 STORE_DEFER_NONE);
	/* Half a million events: the event IDs' index too. */
	assert_int_equal(store_indexes_worth_deferring(
				 s, (uint64_t)250 * (500000 - fx_nbase)),
	                 STORE_DEFER_ALL);
	assert_int_equal(store_indexes_worth_deferring(
				 s, (uint64_t)250 * (500000 - fx_nbase - 1)),
	                 STORE_DEFER_LOOKUPS);
	store_close(s);
}

/* With only the lookup indexes aside, the writer still finds copies as
 * they come, and the build has none to remove. */
static void test_lookups_only(void **state)
{
	(void)state;
	char path[160];
	struct store *s = open_at("lookups.db", path, sizeof path);
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_LOOKUPS), 0);
	assert_int_equal(store_indexes_pending(s), NDEFERRABLE);
	assert_int_equal(index_count(path, "event_by_id_end"), 1);
	add_unchecked(s, "base.json", fx_nbase);
	assert_int_equal(fx_add_file(s, "again.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 (int)fx_nbase);
	int64_t dups = -1;
	assert_int_equal(store_indexes_build(s, &dups), 0);
	assert_int_equal(dups, 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event", NULL),
	                 (int64_t)fx_nbase);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filters_answer_while_deferred),
		cmocka_unit_test(test_defer_twice),
		cmocka_unit_test(test_killed_import_leaves_definitions),
		cmocka_unit_test(test_copies_removed_at_build),
		cmocka_unit_test(test_recent_copies_never_written),
		cmocka_unit_test(test_copies_among_many),
		cmocka_unit_test(test_sink_counts_copies),
		cmocka_unit_test(test_worth_deferring),
		cmocka_unit_test(test_lookups_only),
	};
	return cmocka_run_group_tests_name("indexes", tests, fx_make_tmpdir,
	                                   fx_remove_tmpdir);
}
