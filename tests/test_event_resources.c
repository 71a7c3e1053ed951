/* test_event_resources.c - where an event's resources and its shared ID
 * are kept, and that resource: finds every resource of every event.
 *
 * Since schema 16 the event row holds the first resource an event names,
 * event_resource only the others, and event_shared the shared event IDs;
 * a database made before keeps every link in event_resource and the
 * shared IDs in the rows (schema.c, versions 15 and 16).  resource: is
 * asked in both of where.c's forms: gathering the matches first, and
 * asking each event (the counts' form past a number of matches). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "filter/filter.h"
#include "schema_undo.h"
#include "store/store.h"
#include "store_fixture.h"

#define A "arn:aws:s3:::bucket/a.txt"
#define B "arn:aws:s3:::bucket/b.txt"
#define C "arn:aws:iam::111122223333:role/ops"
#define SHARED_UUID "8f1e2d3c-0000-4000-8000-00000000abcd"

#define EV(i) .id = "x" #i, .ms = FX_T0 + i * 1000, .name = "GetObject"
static const struct fx_event events[] = {
	{ EV(1), .resource = A, .resource2 = B },
	{ EV(2), .resource = B },
	{ EV(3), .resource = A, .resource2 = A },  /* one link, not two */
	{ EV(4), .resource = "", .resource2 = C }, /* the first is none */
	{ EV(5), .shared = SHARED_UUID },
	{ EV(6), .resource = C, .shared = "not-a-uuid" },
};
#undef EV
#define NEVENTS (sizeof events / sizeof events[0])

static const struct fx_case cases[] = {
	{ "resource:" A, "x3 x1" },
	{ "resource:b.txt", "x2 x1" },
	{ "resource:" C, "x6 x4" },
	{ "resource:OPS", "x6 x4" },
	{ "resource:arn:aws:s3:::*", "x3 x2 x1" },
	{ "resource:arn:aws:s3:::bucket/b*", "x2 x1" },
	{ "resource:*.txt", "x3 x2 x1" },
	{ "resource:b.txt,ops", "x6 x4 x2 x1" },
	{ "-resource:b.txt", "x6 x5 x4 x3" },
	{ "resource:b.txt -resource:a.txt", "x2" },
	{ "resource:nothing-named-so", "" },
};

/* How many events the tally finds for `text`, counting to the end. */
static int64_t tally_matched(struct store *s, const char *text)
{
	struct filter *f = fx_filter(text);
	struct store_tally_spec spec = { NULL, 0, FX_HOUR, FX_T0,
		                         FX_T0 + 2 * FX_HOUR };
	struct store_tally *t = store_tally_begin(s, f, &spec);
	assert_non_null(t);
	int rc;
	while ((rc = store_tally_step(t, 0)) == 0)
		;
	assert_int_equal(rc, 1);
	int64_t n = store_tally_matched(t);
	store_tally_free(t);
	filter_free(f);
	return n;
}

static size_t words(const char *ids)
{
	size_t n = 0;
	for (const char *p = ids; *p; p++)
		n += (p == ids || p[-1] == ' ') && *p != ' ';
	return n;
}

/* Every case, with resource: gathered and asked of each event (a gather
 * limit of -1 has every resource term count as wide). */
static void check_both_ways(struct store *s, const char *when)
{
	for (int64_t limit = 0; limit >= -1; limit--) {
		store_set_resource_gather_limit(s, limit);
		fx_check_cases(s, cases, FX_NCASES(cases), when);
		for (size_t i = 0; i < FX_NCASES(cases); i++) {
			int64_t n = tally_matched(s, cases[i].filter);
			if (n != (int64_t)words(cases[i].ids))
				fail_msg("%s, limit %lld, '%s': tally %lld",
				         when, (long long)limit,
				         cases[i].filter, (long long)n);
		}
	}
	store_set_resource_gather_limit(s, 0);
}

static struct store *open_rw(const char *path)
{
	char err[512];
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	if (!s)
		fail_msg("store_open %s: %s", path, err);
	return s;
}

/* A new database `name` holding the events, its path into path[len]. */
static struct store *with_events(const char *name, char *path, size_t len)
{
	fx_database_with(path, len, name, "a.json", events, NEVENTS);
	return open_rw(path);
}

static void test_first_resource_in_row(void **state)
{
	(void)state;
	char path[160];
	struct store *s = with_events("row.db", path, sizeof path);
	check_both_ways(s, "schema 16");
	char sql[3072];
	fx_filter_sql(s, "SELECT e.id", "resource:b.txt", sql, sizeof sql);
	assert_true(fx_plan_uses(path, sql, "event_by_resource"));
	assert_true(fx_plan_uses(path, sql, "event_resource_by_resource"));
	store_close(s);

	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE resource IS NOT NULL", NULL),
	                 5);
	/* x1's second; x3's repeat is no link; x4's empty ARN is none. */
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_resource",
	                           NULL),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_resource"
	                                 " er JOIN event e ON e.id = er.event"
	                                 " JOIN resource r ON r.id = er.resource"
	                                 " WHERE e.event_id = 'x1'"
	                                 " AND r.name = 'b.txt'", NULL),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event e"
	                                 " JOIN resource r ON r.id = e.resource"
	                                 " WHERE e.event_id = ?1"
	                                 " AND r.name = 'ops'", "x4"),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM"
	                                 " pragma_table_info('event')"
	                                 " WHERE name = 'shared_id'", NULL),
	                 0);
	/* A UUID in its 16 bytes, another ID as it is. */
	assert_int_equal(fx_scalar(path, "SELECT length(x.shared_id)"
	                                 " FROM event_shared x JOIN event e"
	                                 " ON e.id = x.event"
	                                 " WHERE e.event_id = ?1", "x5"),
	                 16);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_shared x"
	                                 " JOIN event e ON e.id = x.event"
	                                 " WHERE e.event_id = 'x6'"
	                                 " AND x.shared_id = ?1", "not-a-uuid"),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_shared",
	                           NULL),
	                 2);
}

/* schema 15's layout, read as it is, read-only and after the upgrade,
 * which leaves it so: the writer then links every resource in
 * event_resource and keeps shared IDs in the row. */
static void test_layout_of_schema_15(void **state)
{
	(void)state;
	char path[160], err[512];
	struct store *s = with_events("v15.db", path, sizeof path);
	store_close(s);
	fx_exec(path, AS_SCHEMA_15 "PRAGMA user_version=15");
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_resource",
	                           NULL),
	                 6);
	s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("read-only open of version 15: %s", err);
	check_both_ways(s, "schema 15, read only");
	store_close(s);

	s = open_rw(path);
	static const struct fx_event more[] = {
		{ .id = "x7", .ms = FX_T0 + 7000, .name = "GetObject",
		  .resource = B, .resource2 = C, .shared = "shared-7" },
	};
	assert_int_equal(fx_add_file(s, "b.json", more, 1, FX_PLAIN), 0);
	static const struct fx_case with_x7[] = {
		{ "resource:b.txt", "x7 x2 x1" },
		{ "resource:ops", "x7 x6 x4" },
	};
	fx_check_cases(s, with_x7, FX_NCASES(with_x7), "schema 15, x7 added");
	store_close(s);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_resource",
	                           NULL),
	                 8);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE shared_id = ?1", "shared-7"),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name IN ('event_shared',"
	                                 " 'event_by_resource')", NULL),
	                 0);
}

/* A bulk import's copies, removed when its indexes are built, take their
 * shared IDs and their links with them. */
static void test_copies_take_their_shared_ids(void **state)
{
	(void)state;
	char path[160];
	struct store *s = with_events("copies.db", path, sizeof path);
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_ALL), 0);
	/* Through a new connection: past the writer's window of the IDs it
	 * wrote last, the copies go in until the build. */
	store_close(s);
	s = open_rw(path);
	assert_int_equal(fx_add_file(s, "b.json", events, NEVENTS, FX_PLAIN),
	                 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_shared",
	                           NULL),
	                 4);
	int64_t removed = -1;
	assert_int_equal(store_indexes_build(s, &removed), 0);
	assert_int_equal(removed, (int64_t)NEVENTS);
	check_both_ways(s, "copies removed");
	store_close(s);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_shared",
	                           NULL),
	                 2);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_shared"
	                                 " WHERE event NOT IN"
	                                 " (SELECT id FROM event)", NULL),
	                 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event_resource",
	                           NULL),
	                 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_resource_in_row),
		cmocka_unit_test(test_layout_of_schema_15),
		cmocka_unit_test(test_copies_take_their_shared_ids),
	};
	return cmocka_run_group_tests(tests, fx_make_tmpdir, fx_remove_tmpdir);
}
