/* test_schema.c - the store's database on disk: its schema and pragmas,
 * refusing what it did not make, the upgrades from older schemas (the
 * same events found again, duplicates still recognised), and where the
 * database lives by default.  How IDs are kept and found across schemas
 * is test_event_ids.c's. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "filter/filter.h"
#include "store/internal.h"
#include "store/store.h"
#include "schema_undo.h"
#include "store_fixture.h"

#define T0 FX_T0
#define H FX_HOUR

#define base fx_base

#define tmpdir fx_tmpdir

static int64_t sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	int rc = sqlite3_step(st);
	int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
		v = strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* How many of the store's events read back as the records of base[]
 * that they are. */
static size_t base_records_read(struct store *s)
{
	struct store_page page = { 0 };
	assert_int_equal(store_page(s, NULL, NULL, STORE_NEWER, 100, &page), 0);
	size_t same = 0;
	for (size_t i = 0; i < page.count; i++) {
		char *bytes = NULL;
		size_t len;
		if (store_record(s, page.rows[i].row, &bytes, &len) < 0)
			continue;
		for (size_t j = 0; j < fx_nbase; j++) {
			char *want = fx_record_json(&base[j]);
			if (strcmp(base[j].id, page.rows[i].event_id) == 0 &&
			    len == strlen(want) && memcmp(bytes, want, len) == 0)
				same++;
			free(want);
		}
		free(bytes);
	}
	store_page_free(&page);
	return same;
}

static void test_schema_on_disk(void **state)
{
	(void)state;
	char path[160], err[512];
	/* The directories on the way are created. */
	fx_database_with(path, sizeof path, "a/b/trailnav.db", "x.json", base,
	                 2);
	assert_int_equal(sql_int(path, "PRAGMA user_version"),
	                 store_schema_version());
	assert_int_equal(sql_int(path, "PRAGMA journal_mode"), 1);
	assert_int_equal(sql_int(path, "PRAGMA application_id"), 0x544e4156);
	/* Pages of 16 KB for a new database (store.c says why). */
	assert_int_equal(sql_int(path, "PRAGMA page_size"), 16384);
	/* Reopening keeps the data; read-only works too. */
	struct store *s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	assert_non_null(s);
	int64_t n;
	assert_int_equal(store_count(s, NULL, &n), 0);
	assert_int_equal(n, 2);
	store_close(s);
	/* A database from a newer trailnav is refused, untouched. */
	fx_exec(path, "PRAGMA user_version=99");
	assert_null(store_open(path, STORE_READ_WRITE, err, sizeof err));
	assert_non_null(strstr(err, "newer"));
	assert_int_equal(sql_int(path, "PRAGMA user_version"), 99);
}

/* A database made with SQLite's 4 KB pages keeps them: the size cannot
 * change once the first table is made, and a write to it works. */
static void test_old_page_size_kept(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/pages4k.db", tmpdir);
	fx_exec(path, "PRAGMA page_size=4096; CREATE TABLE t(x);");
	fx_exec(path, "DROP TABLE t;");
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	if (!s)
		fail_msg("%s", err);
	assert_int_equal(fx_add_file(s, "x.json", base, 3, FX_PLAIN), 0);
	assert_int_equal(base_records_read(s), 3);
	store_close(s);
	assert_int_equal(sql_int(path, "PRAGMA page_size"), 4096);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM event"), 3);
}

/* STORE_READ_EXISTING (the commands that only read) never makes a
 * database: a missing one is an error and leaves nothing behind, where
 * STORE_READER (the browser) creates it. */
static void test_read_existing_creates_nothing(void **state)
{
	(void)state;
	char dir[160], path[200], err[512];
	snprintf(dir, sizeof dir, "%s/missing", tmpdir);
	snprintf(path, sizeof path, "%s/t.db", dir);
	assert_null(store_open(path, STORE_READ_EXISTING, err, sizeof err));
	assert_non_null(strstr(err, "no database at"));
	assert_int_equal(access(dir, F_OK), -1);
	/* An empty file is no database: left empty. */
	char empty[200];
	snprintf(empty, sizeof empty, "%s/empty.db", tmpdir);
	FILE *e = fopen(empty, "w");
	assert_non_null(e);
	fclose(e);
	assert_null(store_open(empty, STORE_READ_EXISTING, err, sizeof err));
	assert_non_null(strstr(err, "no database at"));
	struct stat st;
	assert_int_equal(stat(empty, &st), 0);
	assert_int_equal(st.st_size, 0);
	struct store *s = store_open(path, STORE_READER, err, sizeof err);
	if (!s)
		fail_msg("%s", err);
	assert_int_equal(fx_add_file(s, "x.json", base, 2, FX_PLAIN), 0);
	store_close(s);
	s = store_open(path, STORE_READ_EXISTING, err, sizeof err);
	if (!s)
		fail_msg("%s", err);
	int64_t n;
	assert_int_equal(store_count(s, NULL, &n), 0);
	assert_int_equal(n, 2);
	store_close(s);
}

static void test_foreign_database_refused(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/other.db", tmpdir);
	fx_exec(path, "CREATE TABLE accounts(id INTEGER)");
	assert_null(store_open(path, STORE_READ_WRITE, err, sizeof err));
	assert_non_null(strstr(err, "not one trailnav made"));
	assert_int_equal(sql_int(path, "PRAGMA user_version"), 0);
	/* An old (version 0, empty) database is upgraded in place. */
	snprintf(path, sizeof path, "%s/empty.db", tmpdir);
	fx_exec(path, "PRAGMA user_version=0");
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	store_close(s);
	assert_int_equal(sql_int(path, "PRAGMA user_version"),
	                 store_schema_version());
	/* Read-only cannot upgrade: it says so. */
	snprintf(path, sizeof path, "%s/empty2.db", tmpdir);
	fx_exec(path, "PRAGMA user_version=0");
	assert_null(store_open(path, STORE_READ_ONLY, err, sizeof err));
	assert_non_null(strstr(err, "read-only"));
}

/* A version-1 database (before the totals table) reads correctly when it
 * cannot be upgraded, and is upgraded when it can, its totals made from
 * the ledger. */
static void test_version_1_upgrade(void **state)
{
	(void)state;
	char path[160], err[512];
	fx_database_with(path, sizeof path, "v1.db", "x.json", base, 3);
	fx_exec(path, AS_SCHEMA_7
	              "DROP TRIGGER totals_insert; DROP TRIGGER totals_delete;"
	              " DROP TRIGGER totals_update; DROP TABLE totals;"
	              " PRAGMA user_version=1");
	struct store *s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("read-only open of version 1: %s", err);
	struct store_summary sum;
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.events, 3);
	store_close(s);
	assert_int_equal(sql_int(path, "PRAGMA user_version"), 1);
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	store_close(s);
	assert_int_equal(sql_int(path, "PRAGMA user_version"),
	                 store_schema_version());
	assert_int_equal(sql_int(path, "SELECT events FROM totals"), 3);
}

/* A database of schema 7 kept each file's bytes in a blob of its own:
 * read as it is when it cannot be upgraded; upgraded, its files still
 * read back, and the files imported since go into chunks. */
static void test_version_7_upgrade(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/v7.db", tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(fx_add_file(s, "a.json.gz", base, 2, FX_GZIP), 0);
	assert_int_equal(fx_add_file(s, "b.json", base + 2, 1, FX_PLAIN), 0);
	store_close(s);
	fx_exec(path, AS_SCHEMA_7 "PRAGMA user_version=7");
	struct store *reader = store_open(path, STORE_READ_ONLY, err,
	                                  sizeof err);
	if (!reader)
		fail_msg("read-only open of version 7: %s", err);
	assert_int_equal(base_records_read(reader), 3);
	assert_int_equal(sql_int(path, "PRAGMA user_version"), 7);
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(base_records_read(s), 3);
	assert_int_equal(fx_add_file(s, "c.json", base + 3, 2, FX_PLAIN), 0);
	assert_int_equal(base_records_read(s), 5);
	store_close(s);
	/* Still open from before the upgrade, the reader reads the file
	 * added in chunks since. */
	assert_int_equal(base_records_read(reader), 5);
	store_close(reader);
	assert_int_equal(sql_int(path, "PRAGMA user_version"),
	                 store_schema_version());
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file_content"
	                               " WHERE chunk IS NULL AND length(bytes) > 0"),
	                 2);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file_content"
	                               " WHERE chunk IS NOT NULL"),
	                 1);
}

/* The ledger finds a path through the index of the paths' last 32
 * characters (schema 9) and tells apart paths that end alike. */
static void test_ledger_paths_by_end(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/ends.db", tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	static const char *const paths[] = {
		"/one/same-name-that-is-longer-than-32-characters.json",
		"/two/same-name-that-is-longer-than-32-characters.json",
		"short.json",
	};
	for (int i = 0; i < 3; i++) {
		struct store_file_info info = { paths[i], 100 + i, 7, "" };
		assert_int_equal(store_file_failed(s, &info, "bad"), 0);
	}
	for (int i = 0; i < 3; i++) {
		int64_t size = 0, mtime = 0;
		enum store_file_state st;
		assert_int_equal(store_file_lookup(s, paths[i], &size, &mtime,
		                                   NULL, &st),
		                 1);
		assert_int_equal(size, 100 + i);
		assert_int_equal(st, STORE_FILE_FAILED);
	}
	int64_t size, mtime;
	enum store_file_state st;
	assert_int_equal(store_file_lookup(s, "/three/same-name-that-is-longer"
	                                      "-than-32-characters.json",
	                                   &size, &mtime, NULL, &st),
	                 0);
	/* Failing again replaces the path's failure, not the other's. */
	struct store_file_info again = { paths[0], 200, 7, "" };
	assert_int_equal(store_file_failed(s, &again, "worse"), 0);
	store_close(s);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file"), 3);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM sqlite_schema"
	                               " WHERE name = 'file_by_path'"),
	                 0);
	assert_true(fx_plan_uses(path, "SELECT size FROM file WHERE " STORE_PATH_KEY,
	                      "file_by_path_end"));
}

/* The ledger as `files` lists it: every path, joined with commas. */
static int join_path(void *ctx, const struct store_ledger_entry *e)
{
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 1024 - len, "%s%s", len ? "," : "", e->path);
	return 0;
}

static const char *const ledger_paths[] = { "/a/b/x.json", "/a/b/y.json",
	                                     "/a/c/x.json", "x.json" };

/* The ledger's paths (schema 12): directories once each in file_dir,
 * rows told apart by directory, every path read back whole by the ledger
 * list and an event's origin, before and after an upgrade from 11. */
static void check_ledger_paths(struct store *s, const char *when)
{
	char listed[1024] = "";
	assert_int_equal(store_ledger_list(s, false, join_path, listed), 0);
	if (strcmp(listed, "/a/b/x.json,/a/b/y.json,/a/c/x.json,x.json") != 0)
		fail_msg("%s: ledger lists '%s'", when, listed);
	struct store_page page = { 0 };
	assert_int_equal(store_page(s, NULL, NULL, STORE_NEWER, 10, &page), 0);
	assert_int_equal(page.count, 4);
	/* Each event came from its own file (ledger_paths[i] holds
	 * base[i]). */
	for (size_t r = 0; r < page.count; r++) {
		struct store_origin o;
		assert_int_equal(store_record_origin(s, page.rows[r].row, &o),
		                 0);
		size_t i = 0;
		while (i < 4 && strcmp(base[i].id, page.rows[r].event_id) != 0)
			i++;
		assert_true(i < 4);
		if (strcmp(o.path, ledger_paths[i]) != 0)
			fail_msg("%s: %s came from '%s'", when, base[i].id,
			         o.path);
		free(o.path);
	}
	store_page_free(&page);
}

static void test_ledger_dirs(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/dirs.db", tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(fx_add_file(s, ledger_paths[i], base + i, 1,
		                             FX_PLAIN),
		                 0);
	check_ledger_paths(s, "new");
	store_close(s);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file_dir"), 2);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file"
	                               " WHERE dir = 0 AND name = 'x.json'"),
	                 1);

	fx_exec(path, AS_SCHEMA_11 "PRAGMA user_version=11");
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file"
	                               " WHERE path = '/a/c/x.json'"),
	                 1);
	s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("read-only open of version 11: %s", err);
	check_ledger_paths(s, "schema 11, read only");
	store_close(s);
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	check_ledger_paths(s, "upgraded");
	/* The upgraded ledger knows its files: importing them again finds
	 * each unchanged, and /a/b's files are not /a/c's. */
	for (size_t i = 0; i < 4; i++) {
		int64_t size = 0, mtime = 0;
		enum store_file_state st;
		assert_int_equal(store_file_lookup(s, ledger_paths[i], &size,
		                                   &mtime, NULL, &st),
		                 1);
		assert_int_equal(st, STORE_FILE_IMPORTED);
	}
	int64_t size, mtime;
	enum store_file_state st;
	assert_int_equal(store_file_lookup(s, "/a/d/x.json", &size, &mtime,
	                                   NULL, &st),
	                 0);
	store_close(s);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file_dir"), 2);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM file"
	                               " WHERE name LIKE '%/%'"),
	                 0);
}

/* Principals and access keys have no UNIQUE constraint (schema 13): the
 * writer finds them through smaller indexes and compares them whole, so
 * values that differ in case or in one part are rows of their own, and a
 * value met again, after the writer's caches are gone or an upgrade from
 * 12, is the row it was. */
#define WHO(i, arn_, user_, key_)                                           \
	{ .id = "w" #i, .ms = T0 + i * 1000, .name = "GetObject", .ro = 1,  \
	  .type = "IAMUser", .arn = arn_, .user = user_, .key = key_,       \
	  .account = "111111111111" }
static const struct fx_event who_events[] = {
	WHO(1, "arn:aws:iam::111111111111:user/alice", "alice", "AKIAONE"),
	WHO(2, "arn:aws:iam::111111111111:user/Alice", "Alice", "akiaone"),
	WHO(3, "arn:aws:iam::111111111111:user/alice", "alice2", "AKIATWO"),
	WHO(4, "arn:aws:iam::111111111111:user/alice", "alice", "AKIAONE"),
};
#undef WHO

static const struct fx_case who_cases[] = {
	{ "key:AKIAONE", "w4 w2 w1" },
	{ "key:akiatwo", "w3" },
	{ "principal:alice2", "w3" },
	{ "principal:Alice", "w4 w2 w1" },
};


static void test_dictionaries_without_unique(void **state)
{
	(void)state;
	char path[160], err[512];
	fx_database_with(path, sizeof path, "who.db", "a.json", who_events, 2);
	/* A new store: its caches are empty, the database answers. */
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(fx_add_file(s, "b.json", who_events + 2, 2, FX_PLAIN),
	                 0);
	fx_check_cases(s, who_cases, FX_NCASES(who_cases), "new");
	store_close(s);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM principal"), 3);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM access_key"), 3);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM sqlite_schema"
	                               " WHERE name LIKE 'sqlite_autoindex_"
	                               "principal%' OR name LIKE"
	                               " 'sqlite_autoindex_access_key%'"),
	                 0);
	assert_true(fx_plan_uses(path, "SELECT id FROM principal WHERE "
	                            STORE_PRINCIPAL_KEY, "principal_by_pid_end"));
	assert_true(fx_plan_uses(path, "SELECT id FROM access_key WHERE "
	                            STORE_ACCESS_KEY_KEY,
	                      "access_key_by_s_nocase"));
	assert_true(fx_plan_uses(path, "SELECT id FROM resource WHERE "
	                            STORE_RESOURCE_KEY, "resource_by_name"));

	fx_exec(path, AS_SCHEMA_12 "PRAGMA user_version=12");
	s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("read-only open of version 12: %s", err);
	fx_check_cases(s, who_cases, FX_NCASES(who_cases),
	               "schema 12, read only");
	store_close(s);
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	fx_check_cases(s, who_cases, FX_NCASES(who_cases), "upgraded");
	assert_int_equal(fx_add_file(s, "c.json", who_events, 4, FX_PLAIN), 4);
	static const struct fx_event again[] = {
		{ .id = "w5", .ms = T0 + 5000, .name = "GetObject", .ro = 1,
		  .type = "IAMUser",
		  .arn = "arn:aws:iam::111111111111:user/Alice", .user = "Alice",
		  .key = "akiaone", .account = "111111111111" },
	};
	assert_int_equal(fx_add_file(s, "d.json", again, 1, FX_PLAIN), 0);
	store_close(s);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM principal"), 3);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM access_key"), 3);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM event"
	                               " WHERE principal = (SELECT principal"
	                               " FROM event WHERE access_key ="
	                               " (SELECT id FROM access_key"
	                               " WHERE s = 'akiaone'))"),
	                 2);
}

/* A resource's ARN is kept as its prefix, from a dictionary, and its name
 * (schema 11), and `resource:` finds it whole or by pattern as it did
 * when ARNs were kept whole: case-blind, patterns whose literal start
 * stops inside a prefix or runs into the name, ARNs that are all name.
 * A database of schema 10 reads the same read-only and after upgrading,
 * and its resources are found again by the writer. */
#define RES_EVENT(i, arn)                                                   \
	{ .id = "r" #i, .ms = T0 + i * 1000, .name = "GetObject", .ro = 1,  \
	  .resource = arn }
static const struct fx_event resource_events[] = {
	RES_EVENT(1, "arn:aws:s3:::bucket/logs/a.txt"),
	RES_EVENT(2, "arn:aws:s3:::bucket/logs/b.txt"),
	RES_EVENT(3, "arn:aws:s3:::Bucket/logs/a.txt"),
	RES_EVENT(4, "just-a-name"),
	RES_EVENT(5, "arn:aws:s3:::bucket/"),
	RES_EVENT(6, "arn:aws:s3:::bucket2/logs/a.txt"),
};
#undef RES_EVENT

static const struct fx_case resource_cases[] = {
	{ "resource:arn:aws:s3:::bucket/logs/a.txt", "r3 r1" },
	{ "resource:ARN:AWS:S3:::BUCKET/LOGS/B.TXT", "r2" },
	{ "resource:arn:aws:s3:::bucket/lo*", "r3 r2 r1" },
	{ "resource:arn:aws:s3:::bucket/logs/a*", "r3 r1" },
	{ "resource:arn:aws:s3:::b*", "r6 r5 r3 r2 r1" },
	{ "resource:arn:aws:s3:::bucket2*", "r6" },
	{ "resource:arn:aws:s3:::bucket/", "r5" },
	{ "resource:arn:aws:s3:::bucket", "" },
	{ "resource:just-a-name", "r4" },
	{ "resource:JUST*", "r4" },
	{ "resource:*a.txt", "r6 r3 r1" },
	{ "resource:a.txt", "r6 r3 r1" },
	{ "resource:arn:aws:s3:::bucket/logs/a.txt.gz", "" },
	{ "-resource:arn:aws:s3:::bucket/logs/a.txt", "r6 r5 r4 r2" },
};

/* Whether the plan of the events that filter `text` matches uses index
 * `index`, asked of the database at `path`. */
static bool filter_fx_plan_uses(struct store *s, const char *path,
                             const char *text, const char *index)
{
	char sql[3072];
	fx_filter_sql(s, "SELECT e.id", text, sql, sizeof sql);
	return fx_plan_uses(path, sql, index);
}

static void test_resources_by_prefix(void **state)
{
	(void)state;
	char path[160], err[512];
	snprintf(path, sizeof path, "%s/resources.db", tmpdir);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(fx_add_file(s, "a.json", resource_events, 6,
	                             FX_PLAIN),
	                 0);
	fx_check_cases(s, resource_cases, FX_NCASES(resource_cases), "new");
	/* An exact ARN is looked up (by name and prefix) as the filter is
	 * compiled, and its events found by the ids. */
	char sql[3072];
	fx_filter_sql(s, "SELECT e.id", "resource:arn:aws:s3:::bucket/logs/a.txt",
	              sql, sizeof sql);
	assert_null(strstr(sql, "FROM resource"));
	assert_true(fx_plan_uses(path, sql, "event_by_resource"));
	assert_true(filter_fx_plan_uses(s, path, "resource:arn:aws:s3:::b*",
	                             "resource_by_prefix"));
	store_close(s);
	/* Three prefixes, told apart by case; two ARNs are all name. */
	assert_int_equal(sql_int(path, "SELECT count(*) FROM arn_prefix"), 3);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM resource"
	                               " WHERE prefix = 0"),
	                 2);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM sqlite_schema"
	                               " WHERE name = 'resource_by_arn'"),
	                 0);

	fx_exec(path, AS_SCHEMA_10 "PRAGMA user_version=10");
	s = store_open(path, STORE_READ_ONLY, err, sizeof err);
	if (!s)
		fail_msg("read-only open of version 10: %s", err);
	fx_check_cases(s, resource_cases, FX_NCASES(resource_cases),
	               "schema 10, read only");
	store_close(s);
	s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	fx_check_cases(s, resource_cases, FX_NCASES(resource_cases),
	               "upgraded");
	assert_int_equal(fx_add_file(s, "b.json", resource_events, 6,
	                             FX_PLAIN),
	                 6);
	static const struct fx_event more[] = {
		{ .id = "r7", .ms = T0 + 7000, .name = "GetObject", .ro = 1,
		  .resource = "arn:aws:s3:::BUCKET/logs/a.txt" },
	};
	assert_int_equal(fx_add_file(s, "c.json", more, 1, FX_PLAIN), 0);
	static const struct fx_case with_r7[] = {
		{ "resource:arn:aws:s3:::bucket/logs/a.txt", "r7 r3 r1" },
	};
	fx_check_cases(s, with_r7, FX_NCASES(with_r7), "r7 added");
	store_close(s);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM arn_prefix"), 4);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM resource"), 7);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM resource r"
	                               " WHERE (SELECT s FROM arn_prefix"
	                               " WHERE id = r.prefix) || name ="
	                               " 'arn:aws:s3:::bucket2/logs/a.txt'"),
	                 1);
}

static void test_default_path(void **state)
{
	(void)state;
	char *p = store_default_path("/x/given.db");
	assert_string_equal(p, "/x/given.db");
	free(p);
	setenv("TRAILNAV_DB", "/env/t.db", 1);
	p = store_default_path(NULL);
	assert_string_equal(p, "/env/t.db");
	free(p);
	unsetenv("TRAILNAV_DB");
	setenv("XDG_DATA_HOME", "/xdg", 1);
	p = store_default_path(NULL);
	assert_string_equal(p, "/xdg/trailnav/trailnav.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	setenv("HOME", "/home/u", 1);
	p = store_default_path(NULL);
	assert_string_equal(p, "/home/u/.local/share/trailnav/trailnav.db");
	free(p);
}

int main(void)
{
	/* One group: TAP allows one plan per test program. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_on_disk),
		cmocka_unit_test(test_old_page_size_kept),
		cmocka_unit_test(test_read_existing_creates_nothing),
		cmocka_unit_test(test_foreign_database_refused),
		cmocka_unit_test(test_version_1_upgrade),
		cmocka_unit_test(test_version_7_upgrade),
		cmocka_unit_test(test_ledger_paths_by_end),
		cmocka_unit_test(test_ledger_dirs),
		cmocka_unit_test(test_dictionaries_without_unique),
		cmocka_unit_test(test_resources_by_prefix),
		cmocka_unit_test(test_default_path),
	};
	return cmocka_run_group_tests_name("schema", tests, fx_make_tmpdir,
	                                   fx_remove_tmpdir);
}
