/* test_event_ids.c - how event and request IDs are kept and found:
 * UUIDs as 16 bytes and request IDs of S3 and DynamoDB as base-36
 * numbers, read back as their text (ids.c); databases of schema 4 that
 * kept them as text; the index of IDs' ends, 4 bytes in a new database
 * and 6 in one made before schema 15; and a database made before schema
 * 7, whose table keeps IDs unique by itself. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "store/internal.h"
#include "store/store.h"
#include "schema_undo.h"
#include "store_fixture.h"

#define T0 FX_T0
#define H FX_HOUR

#define base fx_base

#define tmpdir fx_tmpdir

/* Events whose IDs are UUIDs, as nearly all real ones are: stored as 16
 * bytes when in lower case (ids.c), as text otherwise. */
#define UUID_A "0b5e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b"
#define UUID_B "F00DFACE-0000-4000-8000-00000000000B"
#define UUID_R "9d8c7b6a-5f4e-4d3c-8b2a-190817263544"
#define UUID_C "7c3e9a10-4b2d-4f6e-9a8b-1c2d3e4f5a6b"
/* S3's and DynamoDB's kinds of request ID: packed into 11 and 34 bytes
 * (util/b36_key.h). */
#define REQ_B "ABCD1234EFGH5678"
#define REQ_C "4KBNVRGD25RG1KG4F3RIL5OCLRVV4KQNSO5AEMVJF66Q9ASUAAJG"
static const struct fx_event uuid_events[] = {
	{ UUID_A, T0, CAT_MANAGEMENT, "us-east-1", "iam.amazonaws.com",
	  "CreateUser", "IAMUser", "arn:aws:iam::111111111111:user/alice",
	  "alice", "AKIAALICE", "111111111111", "198.51.100.7", "aws-cli/2.15",
	  NULL, 0, true, "arn:aws:iam::111111111111:user/Mallory", UUID_R,
	  NULL, NULL, NULL, NULL },
	{ UUID_B, T0 + H, CAT_MANAGEMENT, "us-east-1", "iam.amazonaws.com",
	  "DeleteUser", "IAMUser", "arn:aws:iam::111111111111:user/alice",
	  "alice", "AKIAALICE", "111111111111", "198.51.100.7", "aws-cli/2.15",
	  NULL, 0, true, "arn:aws:iam::111111111111:user/mallory", REQ_B,
	  NULL, NULL, NULL, NULL },
	{ UUID_C, T0 + 2 * H, CAT_DATA, "us-east-1", "dynamodb.amazonaws.com",
	  "GetItem", "IAMUser", "arn:aws:iam::111111111111:user/alice",
	  "alice", "AKIAALICE", "111111111111", "198.51.100.7", "aws-cli/2.15",
	  NULL, 1, false, NULL, REQ_C, NULL, NULL, NULL, NULL },
};
#define NUUID (sizeof uuid_events / sizeof uuid_events[0])

static const struct fx_case uuid_cases[] = {
	{ "id:" UUID_A, UUID_A },
	{ "id:0B5E7C1A-2F3D-4E5F-8A9B-0C1D2E3F4A5B", UUID_A },
	{ "id:" UUID_B, UUID_B },
	{ "id:f00dface-0000-4000-8000-00000000000b", UUID_B },
	{ "id:0b5e7c1a-*", UUID_A },
	{ "id:*-4E5F-*", UUID_A },
	{ "request:" UUID_R, UUID_A },
	{ "request:9D8C7B6A-*", UUID_A },
	{ "request:abcd1234efgh5678", UUID_B },
	{ "request:" REQ_B, UUID_B },
	{ "request:*1234EFGH*", UUID_B },
	{ "request:" REQ_C, UUID_C },
	{ "request:4kbnvrgd25rg1kg4f3ril5oclrvv4kqnso5aemvjf66q9asuaajg",
	  UUID_C },
	{ "request:*AEMVJF66*", UUID_C },
	{ "request:4KBNVRGD25RG1KG4F3RIL5OCLRVV4KQNSO5AEMVJF66Q9ASUAAJ", "" },
	/* ARNs that differ in case only are two resources. */
	{ "resource:arn:aws:iam::111111111111:user/Mallory",
	  UUID_B " " UUID_A },
	{ "resource:mallory", UUID_B " " UUID_A },
};

static void check_uuid_cases(struct store *s, const char *when)
{
	fx_check_cases(s, uuid_cases, FX_NCASES(uuid_cases), when);
}

static void test_uuid_ids(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/uuid.db", tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(fx_add_file(s, "u.json", uuid_events, NUUID, FX_PLAIN),
	                 0);
	check_uuid_cases(s, "fresh");
	/* The same events through another file are duplicates. */
	assert_int_equal(fx_add_file(s, "u.json.gz", uuid_events, NUUID,
	                             FX_GZIP),
	                 (int)NUUID);
	store_close(s);
	/* The lower-case ones, A and C. */
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE typeof(event_id) = 'blob'"
	                                 " AND length(event_id) = 16", NULL),
	                 2);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE event_id = '" UUID_B "'",
	                           NULL),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE typeof(request_id) = 'blob'"
	                                 " AND length(request_id) = 16", NULL),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE typeof(request_id) = 'blob'"
	                                 " AND length(request_id) = 11", NULL),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE typeof(request_id) = 'blob'"
	                                 " AND length(request_id) = 34", NULL),
	                 1);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM resource",
	                           NULL),
	                 2);
}

/* A database of schema 4 kept IDs as text and ARNs UNIQUE: read as it is
 * when it cannot be upgraded; upgraded, its IDs are packed so that the
 * same events imported again are still found to be duplicates. */
static void test_version_4_upgrade(void **state)
{
	(void)state;
	char path[160], err[512];
	fx_database_with(path, sizeof path, "v4.db", "u.json", uuid_events,
	                 NUUID);
#define AS_TEXT(c)                                                          \
	c " = lower(substr(hex(" c "), 1, 8) || '-' || substr(hex(" c       \
	  "), 9, 4) || '-' || substr(hex(" c "), 13, 4) || '-' ||"          \
	  " substr(hex(" c "), 17, 4) || '-' || substr(hex(" c "), 21))"
	fx_exec(path,
	        AS_SCHEMA_7
	        "UPDATE event SET " AS_TEXT("event_id")
	        " WHERE typeof(event_id) = 'blob';"
	        "UPDATE event SET " AS_TEXT("request_id")
	        " WHERE typeof(request_id) = 'blob'"
	        " AND length(request_id) = 16;"
	        "UPDATE event SET request_id = '" REQ_B "'"
	        " WHERE length(request_id) = 11;"
	        "UPDATE event SET request_id = '" REQ_C "'"
	        " WHERE length(request_id) = 34;"
	        "CREATE TABLE r4(id INTEGER PRIMARY KEY, arn TEXT NOT NULL"
	        " UNIQUE, name TEXT NOT NULL, type TEXT);"
	        "INSERT INTO r4 SELECT * FROM resource; DROP TABLE resource;"
	        "ALTER TABLE r4 RENAME TO resource;"
	        "CREATE INDEX resource_by_arn ON resource(arn COLLATE NOCASE);"
	        "CREATE INDEX resource_by_name ON resource(name COLLATE NOCASE);"
	        "PRAGMA user_version=4");
#undef AS_TEXT
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE event_id = '" UUID_A "'",
	                           NULL),
	                 1);
	struct store *s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("read-only open of version 4: %s", err);
	check_uuid_cases(s, "schema 4, read only");
	store_close(s);
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	check_uuid_cases(s, "upgraded");
	assert_int_equal(fx_add_file(s, "again.json", uuid_events, NUUID,
	                             FX_PLAIN),
	                 (int)NUUID);
	store_close(s);
	assert_int_equal(fx_scalar(path, "PRAGMA user_version", NULL),
	                 store_schema_version());
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM event"
	                                 " WHERE typeof(event_id) = 'blob'",
	                           NULL),
	                 2);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE tbl_name = 'resource'"
	                                 " AND name LIKE 'sqlite_autoindex%'",
	                           NULL),
	                 0);
}

/* The filter key whose index the store's plan for filter `text` reads. */
static enum filter_key plan_key(struct store *s, const char *text)
{
	char sql[3072];
	fx_filter_sql(s, "SELECT e.id", text, sql, sizeof sql);
	enum filter_key key = FK_COUNT_;
	assert_true(store_plan_read(s, sql, &key));
	return key;
}

/* Event IDs are found through the index of their last 4 bytes (schema
 * 15; 6 from schema 10): IDs that end alike are told apart, as
 * duplicates and by `id:`, and the writer's question and `id:` both seek
 * the index, also while an import has it aside.  A database of schema 9,
 * its UNIQUE index of whole IDs waiting to be built, waits for the index
 * of 6 bytes instead, and is asked by 6 bytes. */
static void test_event_ids_by_end(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/ids.db", tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	static const struct fx_event ev[] = {
		{ .id = "first-abc123", .ms = T0, .name = "GetObject", .ro = 1 },
		{ .id = "other-abc123", .ms = T0 + 1000, .name = "GetObject",
		  .ro = 1 },
		{ .id = "11111111-2222-4333-8444-aaaaaabbbbbb", .ms = T0 + 2000,
		  .name = "PutObject", .ro = 0 },
		{ .id = "99999999-2222-4333-8444-aaaaaabbbbbb", .ms = T0 + 3000,
		  .name = "PutObject", .ro = 0 },
	};
	assert_int_equal(fx_add_file(s, "a.json", ev, 4, FX_PLAIN), 0);
	/* The same events through another file: duplicates, every one. */
	assert_int_equal(fx_add_file(s, "b.json.gz", ev, 4, FX_GZIP), 4);
	int64_t n;
	assert_int_equal(store_count(s, NULL, &n), 0);
	assert_int_equal(n, 4);
	static const struct fx_case by_id[] = {
		{ "id:other-abc123", "other-abc123" },
		{ "id:99999999-2222-4333-8444-AAAAAABBBBBB",
		  "99999999-2222-4333-8444-aaaaaabbbbbb" },
	};
	fx_check_cases(s, by_id, FX_NCASES(by_id), "schema 15");
	assert_int_equal(plan_key(s, "id:first-abc123"), FK_ID);
	assert_int_equal(s->id_end, 4);
	/* Set aside, as a bulk import does: its definition says 4. */
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_ALL), 0);
	store_close(s);
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(s->id_end, 4);
	assert_int_equal(store_indexes_build(s, NULL), 0);
	store_close(s);
	assert_true(fx_plan_uses(path,
	                         "SELECT 1 FROM event WHERE " STORE_ID_KEY_4,
	                         "event_by_id_end"));
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name = 'event_by_id_end'"
	                                 " AND sql LIKE"
	                                 " '%substr(event_id, -4)%'",
	                           NULL),
	                 1);

	/* Schema 9, read-only: `id:` seeks its UNIQUE index of whole IDs. */
	fx_exec(path, AS_SCHEMA_10 "DROP INDEX event_by_id_end;"
	              "CREATE UNIQUE INDEX event_by_event_id ON event(event_id);"
	              "PRAGMA user_version=9");
	s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	assert_non_null(s);
	static const struct fx_case first[] = {
		{ "id:first-abc123", "first-abc123" },
	};
	fx_check_cases(s, first, FX_NCASES(first), "schema 9, read only");
	assert_int_equal(plan_key(s, "id:first-abc123"), FK_ID);
	store_close(s);

	/* Schema 9, an import killed with the index of IDs set aside. */
	fx_exec(path, "DROP INDEX event_by_event_id;"
	              "INSERT INTO deferred_index(name, sql) VALUES("
	              "'event_by_event_id', 'CREATE UNIQUE INDEX"
	              " event_by_event_id ON event(event_id)');"
	              "PRAGMA user_version=9");
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(store_indexes_pending(s), 1);
	int64_t copies = -1;
	assert_int_equal(store_indexes_build(s, &copies), 0);
	assert_int_equal(copies, 0);
	assert_int_equal(fx_add_file(s, "c.json", ev, 4, FX_PLAIN), 4);
	store_close(s);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name = 'event_by_event_id'",
	                           NULL),
	                 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name = 'event_by_id_end'"
	                                 " AND sql LIKE"
	                                 " '%substr(event_id, -6)%'",
	                           NULL),
	                 1);
	s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(s->id_end, 6);
	fx_check_cases(s, by_id, FX_NCASES(by_id), "upgraded from 9");
	assert_int_equal(plan_key(s, "id:first-abc123"), FK_ID);
	store_close(s);
	assert_true(fx_plan_uses(path,
	                         "SELECT 1 FROM event WHERE " STORE_ID_KEY_6,
	                         "event_by_id_end"));
}

/* A database made before schema 7 keeps IDs unique by a constraint in
 * the table, which refuses copies as they come: the writer leaves them to
 * it, and a bulk import does not set the index of IDs' ends aside (there
 * would be no copies to remove). */
static void test_ids_unique_in_table(void **state)
{
	(void)state;
	char path[160], err[512];
	fx_database_with(path, sizeof path, "unique.db", "a.json", base, 3);
	fx_exec(path,
	        AS_SCHEMA_15
	        "CREATE TABLE e6(id INTEGER PRIMARY KEY, time_ms INTEGER NOT"
	        " NULL, category INTEGER NOT NULL, global INTEGER NOT NULL,"
	        " read_only INTEGER, region INTEGER, service INTEGER,"
	        " name INTEGER, principal INTEGER, account INTEGER,"
	        " ip INTEGER, agent INTEGER, error INTEGER,"
	        " access_key INTEGER, event_id TEXT NOT NULL UNIQUE,"
	        " request_id TEXT, shared_id TEXT, file INTEGER NOT NULL,"
	        " rec_offset INTEGER NOT NULL, rec_length INTEGER NOT NULL,"
	        " rec_escaped INTEGER NOT NULL);"
	        "INSERT INTO e6 SELECT id, time_ms, category, global,"
	        " read_only, region, service, name, principal, account, ip,"
	        " agent, error, access_key, event_id, request_id, shared_id,"
	        " file, rec_offset, rec_length, rec_escaped FROM event;"
	        "DROP TABLE event;"
	        "ALTER TABLE e6 RENAME TO event;"
	        "CREATE INDEX event_by_time ON event(time_ms);"
	        "CREATE INDEX event_by_id_end ON event(substr(event_id, -6));");
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(store_indexes_defer(s, STORE_DEFER_ALL), 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name = 'event_by_id_end'",
	                           NULL),
	                 1);
	assert_int_equal(fx_add_file(s, "b.json", base, 5, FX_PLAIN), 3);
	int64_t copies = -1;
	assert_int_equal(store_indexes_build(s, &copies), 0);
	assert_int_equal(copies, 0);
	int64_t n;
	assert_int_equal(store_count(s, NULL, &n), 0);
	assert_int_equal(n, 5);
	store_close(s);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM deferred_index",
	                           NULL),
	                 0);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name = 'event_by_id_end'",
	                           NULL),
	                 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uuid_ids),
		cmocka_unit_test(test_version_4_upgrade),
		cmocka_unit_test(test_event_ids_by_end),
		cmocka_unit_test(test_ids_unique_in_table),
	};
	return cmocka_run_group_tests_name("event_ids", tests, fx_make_tmpdir,
	                                   fx_remove_tmpdir);
}
