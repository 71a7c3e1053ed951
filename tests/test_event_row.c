/* test_event_row.c - the event row's two layouts (store/schema.c,
 * version 15): in a new database the seconds and one integer of `bits`
 * are stored, and time_ms, category, global, read_only and rec_escaped
 * are generated from them; a database made before keeps a column for
 * each.  The writer fills either, and every value reads back the same by
 * the same names: milliseconds past the second and before 1970, each
 * category, read-only said or not, escaped records; filters and the
 * browser's counts over them answer alike. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "store/store.h"
#include "schema_undo.h"
#include "store_fixture.h"

static const struct {
	const char *id;
	int64_t ms;
	enum event_category cat;
	bool global;
	int ro;
	bool escaped;
} rows[] = {
	{ "r1", FX_T0 + 999, CAT_MANAGEMENT, false, -1, false },
	{ "r2", FX_T0, CAT_DATA, true, 1, true },
	{ "r3", FX_T0 + 1001, CAT_INSIGHT, false, 0, false },
	{ "r4", -1500, CAT_NETWORK, true, 1, true }, /* before 1970 */
	{ "r5", EVENT_TIME_UNKNOWN, CAT_MANAGEMENT, false, 0, false },
};
#define NROWS (sizeof rows / sizeof rows[0])

static void write_rows(struct store *s)
{
	struct store_file_info info = { "rows.json", 10, 5, "abcd" };
	assert_int_equal(store_file_begin(s, &info, "{}", 2,
	                                  STORE_ENC_IDENTITY),
	                 0);
	for (size_t i = 0; i < NROWS; i++) {
		struct trail_event ev = {
			.event_id = rows[i].id, .time_ms = rows[i].ms,
			.category = rows[i].cat, .global = rows[i].global,
			.read_only = rows[i].ro, .region = "us-east-1",
			.record_length = 2, .record_escaped = rows[i].escaped
		};
		bool dup;
		assert_int_equal(store_add_event(s, &ev, &dup), 0);
		assert_false(dup);
	}
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
}

/* Each row's values as SQL reads them by name, "ms cat global ro esc"
 * with "-" for NULL, rows joined by '|'. */
static void read_back(const char *path, char *out, size_t len)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	                                 NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT time_ms, category, global,"
	                                    " coalesce(read_only, '-'),"
	                                    " rec_escaped FROM event"
	                                    " WHERE event_id LIKE 'r_'"
	                                    " ORDER BY event_id",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	size_t n = 0;
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW)
		n += (size_t)snprintf(out + n, len - n, "%s%lld %d %d %s %d",
		                      n ? "|" : "",
		                      (long long)sqlite3_column_int64(st, 0),
		                      sqlite3_column_int(st, 1),
		                      sqlite3_column_int(st, 2),
		                      (const char *)sqlite3_column_text(st, 3),
		                      sqlite3_column_int(st, 4));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void expected(char *out, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < NROWS; i++)
		n += (size_t)snprintf(out + n, len - n, "%s%lld %d %d %s %d",
		                      i ? "|" : "", (long long)rows[i].ms,
		                      (int)rows[i].cat, rows[i].global,
		                      rows[i].ro < 0 ? "-" : rows[i].ro ? "1" : "0",
		                      rows[i].escaped);
}

/* Filters over the flags and the milliseconds, the same in both. */
static const struct fx_case cases[] = {
	{ "ro:true", "r2 r4" },
	{ "ro:false", "r3 r5" },
	{ "cat:insight,network", "r3 r4" },
	{ "cat:data", "r2" },
	{ "since:2024-05-01T00:00:00.999Z until:2024-05-01T00:00:01.001Z",
	  "r3 r1" },
	{ "since:2024-05-01T00:00:01Z", "r3" },
};

/* A facet as "value=count ...", in its order (NULL as "-"); freed. */
static void facet_text(struct store_facet *f, char *out, size_t len)
{
	size_t n = 0;
	out[0] = '\0';
	for (size_t v = 0; v < f->count; v++)
		n += (size_t)snprintf(out + n, len - n, "%s%s=%lld",
		                      v ? " " : "",
		                      f->values[v].value ? f->values[v].value
		                                         : "-",
		                      (long long)f->values[v].count);
	store_facet_free(f);
}

static void tally_facet_text(struct store_tally *t, size_t i, char *out,
                             size_t len)
{
	struct store_facet f = { 0 };
	assert_int_equal(store_tally_facet(t, i, 0, &f), 0);
	facet_text(&f, out, len);
}

/* `stats --by day` and `--by hour`, which read the stored seconds in the
 * packed layout (facet.c): the events of no known time have no day. */
static void check_days(struct store *s, const char *when)
{
	static const struct {
		enum store_dimension dim;
		const char *want;
	} by[] = {
		{ DIM_DAY, "-=2 2024-05-01=3" },
		{ DIM_HOUR, "-=2 2024-05-01T00=3" },
	};
	for (size_t i = 0; i < 2; i++) {
		struct store_facet f = { 0 };
		char got[256];
		assert_int_equal(store_facet(s, NULL, by[i].dim, 0, &f), 0);
		facet_text(&f, got, sizeof got);
		if (strcmp(got, by[i].want) != 0)
			fail_msg("%s: %s %s", when,
			         store_dimension_name(by[i].dim), got);
	}
}

/* The browser's counts, which read the row's bits whole in the packed
 * layout (tally.c): categories, read-only, and a histogram of half
 * seconds that needs the milliseconds. */
static void check_tally(struct store *s, const char *when)
{
	static const enum store_dimension dims[] = { DIM_CATEGORY,
		                                     DIM_READ_ONLY };
	struct store_tally_spec spec = { dims, 2, 500, FX_T0, FX_T0 + 2000 };
	struct store_tally *t = store_tally_begin(s, NULL, &spec);
	assert_non_null(t);
	while (store_tally_step(t, 0) == 0)
		;
	assert_true(store_tally_done(t));
	assert_int_equal(store_tally_matched(t), (int64_t)NROWS);
	assert_int_equal(store_tally_undated(t), 2);
	char got[256];
	tally_facet_text(t, 0, got, sizeof got);
	if (strcmp(got, "mgmt=2 data=1 insight=1 network=1") != 0)
		fail_msg("%s: categories %s", when, got);
	tally_facet_text(t, 1, got, sizeof got);
	if (strcmp(got, "false=2 true=2 -=1") != 0)
		fail_msg("%s: read-only %s", when, got);
	struct store_histogram h = { 0 };
	assert_int_equal(store_tally_histogram(t, &h), 0);
	assert_int_equal(h.count, 3);
	for (size_t i = 0; i < h.count; i++) {
		assert_int_equal(h.buckets[i].start_ms, FX_T0 + 500 * (int64_t)i);
		assert_int_equal(h.buckets[i].count, 1);
	}
	store_histogram_free(&h);
	store_tally_free(t);
}

static void check(const char *path, const char *when)
{
	char got[512], want[512];
	read_back(path, got, sizeof got);
	expected(want, sizeof want);
	if (strcmp(got, want) != 0)
		fail_msg("%s: got '%s', want '%s'", when, got, want);
	char err[256];
	struct store *s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("%s: %s", path, err);
	fx_check_cases(s, cases, FX_NCASES(cases), when);
	check_tally(s, when);
	check_days(s, when);
	store_close(s);
}

static void test_packed_in_a_new_database(void **state)
{
	(void)state;
	char path[160], err[256];
	snprintf(path, sizeof path, "%s/packed.db", fx_tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	write_rows(s);
	store_close(s);
	/* Two columns stored where six were; the others generated. */
	assert_int_equal(fx_scalar(path,
	                           "SELECT count(*) FROM pragma_table_xinfo("
	                           "'event') WHERE name IN ('time_s', 'bits')"
	                           " AND hidden = 0",
	                           NULL),
	                 2);
	assert_int_equal(fx_scalar(path,
	                           "SELECT count(*) FROM pragma_table_xinfo("
	                           "'event') WHERE hidden = 2",
	                           NULL),
	                 5);
	/* r1: 999 ms past the second in bits 7 on, nothing else set; r4:
	 * the second before -1 s, 500 ms past it, network (3), global,
	 * read-only (2), escaped. */
	assert_int_equal(fx_scalar(path, "SELECT bits FROM event"
	                                 " WHERE event_id = ?1", "r1"),
	                 999 << 7);
	assert_int_equal(fx_scalar(path, "SELECT time_s FROM event"
	                                 " WHERE event_id = ?1", "r4"),
	                 -2);
	assert_int_equal(fx_scalar(path, "SELECT bits FROM event"
	                                 " WHERE event_id = ?1", "r4"),
	                 500 << 7 | 1 << 6 | 2 << 4 | 1 << 3 | 3);
	check(path, "packed");
}

/* A database made before keeps its columns, and the writer fills them. */
static void test_columns_in_an_older_database(void **state)
{
	(void)state;
	char path[160], err[256];
	snprintf(path, sizeof path, "%s/columns.db", fx_tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	store_close(s);
	fx_exec(path,
	        AS_SCHEMA_15
	        "CREATE TABLE e14(id INTEGER PRIMARY KEY, time_ms INTEGER NOT"
	        " NULL, category INTEGER NOT NULL, global INTEGER NOT NULL,"
	        " read_only INTEGER, region INTEGER, service INTEGER,"
	        " name INTEGER, principal INTEGER, account INTEGER,"
	        " ip INTEGER, agent INTEGER, error INTEGER,"
	        " access_key INTEGER, event_id TEXT NOT NULL,"
	        " request_id TEXT, shared_id TEXT, file INTEGER NOT NULL,"
	        " rec_offset INTEGER NOT NULL, rec_length INTEGER NOT NULL,"
	        " rec_escaped INTEGER NOT NULL);"
	        "INSERT INTO e14 SELECT id, time_ms, category, global,"
	        " read_only, region, service, name, principal, account, ip,"
	        " agent, error, access_key, event_id, request_id, shared_id,"
	        " file, rec_offset, rec_length, rec_escaped FROM event;"
	        "DROP TABLE event; ALTER TABLE e14 RENAME TO event;"
	        "CREATE INDEX event_by_time ON event(time_ms/1000);"
	        "CREATE INDEX event_by_id_end ON event(substr(event_id, -6));"
	        "CREATE INDEX event_by_rare_category"
	        " ON event(category, time_ms/1000) WHERE category >= 2;"
	        "PRAGMA user_version=14");
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	if (!s)
		fail_msg("%s", err);
	write_rows(s);
	store_close(s);
	assert_int_equal(fx_scalar(path,
	                           "SELECT count(*) FROM pragma_table_xinfo("
	                           "'event') WHERE hidden != 0",
	                           NULL),
	                 0);
	assert_int_equal(fx_scalar(path, "SELECT time_ms FROM event"
	                                 " WHERE event_id = ?1", "r4"),
	                 -1500);
	check(path, "columns");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_packed_in_a_new_database),
		cmocka_unit_test(test_columns_in_an_older_database),
	};
	return cmocka_run_group_tests_name("event_row", tests, fx_make_tmpdir,
	                                   fx_remove_tmpdir);
}
