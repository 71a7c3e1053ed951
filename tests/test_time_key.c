/* test_time_key.c - the events indexed by whole seconds (schema 14,
 * store/time_key.c): the eight indexes that carry a time hold the key
 * time_ms/1000; pages walk (key, id) in both directions without losing or
 * repeating an event; since: and until: stay exact to the millisecond; a
 * bound on a second's start is answered from an index alone; a read-only
 * open of schema 13 orders and finds by the milliseconds it indexes; the
 * upgrade rebuilds the indexes, one that an import left waiting too. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "store/internal.h"
#include "store/store.h"
#include "schema_undo.h"
#include "store_fixture.h"

#define T0 FX_T0

/* Three events in the second T0+1s, imported out of time order, and one
 * each in the seconds around it. */
#define AT(id_, ms_, name_)                                                \
	{ .id = id_, .ms = T0 + (ms_), .name = name_, .ro = 1,             \
	  .agent = "agent" }
static const struct fx_event events[] = {
	AT("t1", 1000, "GetObject"), AT("t2", 1500, "GetObject"),
	AT("t3", 1250, "PutObject"), AT("t4", 2000, "GetObject"),
	AT("t5", 999, "PutObject"),  AT("t6", 3000, "PutObject"),
};
#undef AT

/* By (second, id) the second T0+1s comes in the order it was imported. */
static const struct fx_case by_seconds[] = {
	{ "", "t6 t4 t3 t2 t1 t5" },
	{ "since:2024-05-01T00:00:01.250Z", "t6 t4 t3 t2" },
	{ "until:2024-05-01T00:00:01.249Z", "t1 t5" },
	{ "until:2024-05-01T00:00:01.250Z", "t3 t1 t5" },
	{ "since:2024-05-01T00:00:01Z until:2024-05-01T00:00:01Z",
	  "t3 t2 t1" },
	{ "since:2024-05-01T00:00:01Z until:2024-05-01T00:00:02Z",
	  "t4 t3 t2 t1" },
	{ "since:2024-05-01T00:00:00.999Z until:2024-05-01T00:00:01.001Z",
	  "t1 t5" },
	{ "event:GetObject since:2024-05-01T00:00:01.5Z", "t4 t2" },
	{ "event:PutObject until:2024-05-01T00:00:02Z", "t3 t5" },
	{ "event:PutObject since:2024-05-01T00:00:01Z", "t6 t3" },
};

/* By the milliseconds, as schema 13 indexes them. */
static const struct fx_case by_ms[] = {
	{ "", "t6 t4 t2 t3 t1 t5" },
	{ "since:2024-05-01T00:00:01.250Z", "t6 t4 t2 t3" },
	{ "until:2024-05-01T00:00:01.250Z", "t3 t1 t5" },
	{ "event:GetObject since:2024-05-01T00:00:01.5Z", "t4 t2" },
	{ "event:PutObject until:2024-05-01T00:00:02Z", "t3 t5" },
};

/* Every event, walked from the newest in pages of two (or from the
 * oldest, then read backwards), as IDs newest first in want[]. */
static void check_paging(struct store *s, const char *want,
                         enum store_direction dir, const char *when)
{
	const char *ids[FX_NCASES(events)];
	size_t n = 0;
	struct store_cursor at;
	bool more = true;
	for (bool first = true; more; first = false) {
		struct store_page page = { 0 };
		assert_int_equal(store_page(s, NULL, first ? NULL : &at, dir, 2,
		                            &page),
		                 0);
		for (size_t i = 0; i < page.count; i++) {
			assert_true(n < FX_NCASES(events));
			for (size_t e = 0; e < FX_NCASES(events); e++)
				if (strcmp(events[e].id,
				           page.rows[i].event_id) == 0)
					ids[n++] = events[e].id;
		}
		more = page.more;
		if (page.count)
			at = (struct store_cursor){
				page.rows[page.count - 1].time_ms,
				page.rows[page.count - 1].row
			};
		store_page_free(&page);
	}
	char got[64] = "";
	for (size_t i = 0; i < n; i++) {
		size_t k = dir == STORE_OLDER ? i : n - 1 - i;
		strcat(got, i ? " " : "");
		strcat(got, ids[k]);
	}
	if (strcmp(got, want) != 0)
		fail_msg("%s, pages of two %s: got '%s', want '%s'", when,
		         dir == STORE_OLDER ? "older" : "newer", got, want);
}

static int64_t indexes_by_seconds(const char *path)
{
	return fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                       " WHERE type = 'index' AND tbl_name = 'event'"
	                       " AND sql LIKE '%time_ms/1000)%'",
	                 NULL);
}

static void test_new_database(void **state)
{
	(void)state;
	char path[160], err[512], sql[2048];
	snprintf(path, sizeof path, "%s/new.db", fx_tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(fx_add_file(s, "a.json", events, 6, FX_PLAIN), 0);
	fx_check_cases(s, by_seconds, FX_NCASES(by_seconds), "new");
	check_paging(s, by_seconds[0].ids, STORE_OLDER, "new");
	check_paging(s, by_seconds[0].ids, STORE_NEWER, "new");
	/* Bounds on a second's start or inside one bound the walk of the
	 * index by the key (those inside then ask the rows found). */
	static const struct {
		const char *filter, *plan;
	} plans[] = {
		{ "event:GetObject since:2024-05-01T00:00:01Z",
		  "INDEX event_by_name (name=? AND <expr>>?)" },
		{ "event:GetObject until:2024-05-01T00:00:01Z",
		  "INDEX event_by_name (name=? AND <expr><?)" },
		{ "event:GetObject since:2024-05-01T00:00:01.5Z",
		  "INDEX event_by_name (name=? AND <expr>>?)" },
		{ "since:2024-05-01T00:00:01Z until:2024-05-01T00:00:01.5Z",
		  "INDEX event_by_time (<expr>>? AND <expr><?)" },
	};
	for (size_t i = 0; i < FX_NCASES(plans); i++) {
		fx_filter_sql(s, "SELECT count(*)", plans[i].filter, sql,
		              sizeof sql);
		if (!fx_plan_uses(path, sql, plans[i].plan))
			fail_msg("'%s' does not use %s", plans[i].filter,
			         plans[i].plan);
	}
	store_close(s);
	assert_int_equal(indexes_by_seconds(path), 8);
}

static void test_schema_13(void **state)
{
	(void)state;
	char path[160], err[512];
	fx_database_with(path, sizeof path, "v13.db", "a.json", events, 6);
	/* An import killed before its end left the index by name waiting,
	 * in schema 13's form. */
	fx_exec(path, AS_SCHEMA_13
	        "DROP INDEX event_by_name;"
	        "INSERT INTO deferred_index(name, sql) VALUES('event_by_name',"
	        " 'CREATE INDEX event_by_name ON event(name, time_ms)');"
	        "PRAGMA user_version=13");
	assert_int_equal(indexes_by_seconds(path), 0);
	struct store *s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("read-only open of version 13: %s", err);
	fx_check_cases(s, by_ms, FX_NCASES(by_ms), "schema 13, read only");
	check_paging(s, by_ms[0].ids, STORE_OLDER, "schema 13");
	check_paging(s, by_ms[0].ids, STORE_NEWER, "schema 13");
	store_close(s);

	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	fx_check_cases(s, by_seconds, FX_NCASES(by_seconds), "upgraded");
	check_paging(s, by_seconds[0].ids, STORE_OLDER, "upgraded");
	/* The next import finds the waiting index built. */
	static const struct fx_event later[] = {
		{ .id = "t7", .ms = T0 + 4000, .name = "GetObject", .ro = 1 },
	};
	assert_int_equal(fx_add_file(s, "b.json", later, 1, FX_PLAIN), 0);
	assert_int_equal(store_indexes_build(s, NULL), 0);
	store_close(s);
	assert_int_equal(indexes_by_seconds(path), 8);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM deferred_index",
	                           NULL),
	                 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_database),
		cmocka_unit_test(test_schema_13),
	};
	return cmocka_run_group_tests(tests, fx_make_tmpdir, fx_remove_tmpdir);
}
