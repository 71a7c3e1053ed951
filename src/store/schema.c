/* schema.c - the database schema and its migrations.
 *
 * PRAGMA user_version holds the schema version; the migrations from it to
 * the current version run inside one transaction, so a crash mid-migration
 * leaves the old version intact.  PRAGMA application_id marks the file as
 * trailnav's, so we never "migrate" somebody else's database.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"

/* 'TNAV' */
#define TRAILNAV_APPLICATION_ID 0x544e4156

/* Version 1: the storage model of SPEC section 2. */
static const char schema_v1[] =
	/* The ledger: one row per file content seen.  A path can appear more
	 * than once when its content changed; the newest row is current. */
	"CREATE TABLE file("
	" id INTEGER PRIMARY KEY,"
	" path TEXT NOT NULL,"
	" size INTEGER NOT NULL,"
	" mtime_ns INTEGER NOT NULL,"
	" hash TEXT NOT NULL,"
	" state INTEGER NOT NULL,"          /* enum store_file_state */
	" reason TEXT,"                     /* why it failed */
	" events INTEGER NOT NULL DEFAULT 0,"
	" duplicates INTEGER NOT NULL DEFAULT 0,"
	" stored_bytes INTEGER NOT NULL DEFAULT 0,"
	" imported_ms INTEGER NOT NULL);"
	/* Re-import asks "what do we know of this path?" once per file. */
	"CREATE INDEX file_by_path ON file(path);"
	/* The original bytes, apart from the ledger so that listing the
	 * ledger never pages through blobs. */
	"CREATE TABLE file_content("
	" file INTEGER PRIMARY KEY REFERENCES file(id),"
	" encoding INTEGER NOT NULL,"       /* enum store_encoding */
	" bytes BLOB NOT NULL);"
	/* Dictionaries: each repeated string stored once.  Lookups by exact
	 * value use the UNIQUE index; case-insensitive and wildcard matches
	 * scan the table, which stays small (thousands of rows). */
	"CREATE TABLE region(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE service(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE event_name(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE account(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE ip(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE agent(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE error(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE access_key(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	/* Who acted.  '' stands for absent so that UNIQUE sees equal tuples
	 * as equal (NULLs never are).  role and session are cut from
	 * assumed-role ARNs so `principal:` can match them. */
	"CREATE TABLE principal("
	" id INTEGER PRIMARY KEY,"
	" type TEXT NOT NULL, arn TEXT NOT NULL, name TEXT NOT NULL,"
	" pid TEXT NOT NULL, account TEXT NOT NULL,"
	" role TEXT NOT NULL, session TEXT NOT NULL,"
	" UNIQUE(type, arn, name, pid, account));"
	/* What was acted on.  S3 object ARNs make this the one dictionary that
	 * grows with the events, so `resource:` lookups get indexes, nocase
	 * to match the language's case-insensitive comparison. */
	"CREATE TABLE resource("
	" id INTEGER PRIMARY KEY,"
	" arn TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"              /* last part of the ARN */
	" type TEXT);"
	"CREATE INDEX resource_by_arn ON resource(arn COLLATE NOCASE);"
	"CREATE INDEX resource_by_name ON resource(name COLLATE NOCASE);"
	/* One compact row per event (version 15 packs it: see
	 * schema_v15).  time_ms is UTC epoch milliseconds. */
	"CREATE TABLE event("
	" id INTEGER PRIMARY KEY,"
	" time_s INTEGER NOT NULL,"         /* floor(time_ms / 1000) */
	" bits INTEGER NOT NULL,"           /* STORE_BITS (internal.h) */
	" region INTEGER, service INTEGER, name INTEGER, principal INTEGER,"
	" account INTEGER, ip INTEGER, agent INTEGER, error INTEGER,"
	" access_key INTEGER,"
	" resource INTEGER,"                /* the first it names: see below */
	" event_id TEXT NOT NULL,"          /* the dedup key: see below */
	" request_id TEXT,"
	" file INTEGER NOT NULL,"
	" rec_offset INTEGER NOT NULL,"     /* in the decoded file */
	" rec_length INTEGER NOT NULL,"
	" time_ms INTEGER GENERATED ALWAYS AS"
	" (time_s * 1000 + (bits >> 7)) VIRTUAL,"
	" category INTEGER GENERATED ALWAYS AS"   /* enum event_category */
	" (bits & 7) VIRTUAL,"
	" global INTEGER GENERATED ALWAYS AS"     /* 0/1: a global service */
	" ((bits >> 3) & 1) VIRTUAL,"
	" read_only INTEGER GENERATED ALWAYS AS"  /* 0/1, NULL: not said */
	" (nullif((bits >> 4) & 3, 0) - 1) VIRTUAL,"
	" rec_escaped INTEGER GENERATED ALWAYS AS" /* 1: in a JSON string */
	" ((bits >> 6) & 1) VIRTUAL);"
	/* The list pane pages by (time, id) with no other condition: the
	 * index on time (which carries the rowid) serves both directions. */
	"CREATE INDEX event_by_time ON event(time_ms);"
	/* Event IDs are unique: the same event through two trails is stored
	 * once.  The writer finds an ID through an index of its last 4 bytes
	 * and compares it whole (STORE_ID_KEY_4); an import of millions of
	 * events sets the index aside and builds it at its end, once the
	 * copies are removed (dedupe.c).  Databases made before version 15
	 * index 6 bytes (version 10), before version 10 whole IDs in a
	 * UNIQUE index, and before version 7 in the table, where it cannot
	 * be dropped. */
	"CREATE INDEX event_by_id_end ON event(substr(event_id, -4));"
	/* Triage filters and pivots name one event, principal, key, address
	 * or service and want the newest first: (column, time) lets SQLite walk
	 * just those events in time order and stop after one page. */
	"CREATE INDEX event_by_name ON event(name, time_ms);"
	"CREATE INDEX event_by_principal ON event(principal, time_ms);"
	"CREATE INDEX event_by_service ON event(service, time_ms);"
	"CREATE INDEX event_by_ip ON event(ip, time_ms);"
	/* Partial: most events carry no error, and management events made by
	 * services carry no key; the compiled filter repeats the IS NOT NULL
	 * so the planner may use them. */
	"CREATE INDEX event_by_key ON event(access_key, time_ms)"
	" WHERE access_key IS NOT NULL;"
	"CREATE INDEX event_by_error ON event(error, time_ms)"
	" WHERE error IS NOT NULL;"
	/* Insight and network-activity events are rare among millions:
	 * without this, `cat:insight` would scan every row. */
	"CREATE INDEX event_by_rare_category ON event(category, time_ms)"
	" WHERE category >= 2;"
	/* Region is low-cardinality and often combined with other terms; it
	 * is left to the time index plus a scan (see SPEC: one index per
	 * browser query shape, each paid for in bytes per event). */
	/* An event's resources, in the order events are written, so that
	 * importing appends; resource: → the events naming it, newest first
	 * via the time order of event ids within a resource, through the
	 * index (set aside during bulk imports).  Databases made before
	 * version 7 hold the table in resource order, and an index by event
	 * (version 6). */
	"CREATE TABLE event_resource("
	" event INTEGER NOT NULL, resource INTEGER NOT NULL,"
	" PRIMARY KEY(event, resource)) WITHOUT ROWID;"
	"CREATE INDEX event_resource_by_resource ON event_resource(resource);"
	/* Since version 16 the row holds the first resource an event names
	 * and event_resource the others (see there). */
	"CREATE INDEX event_by_resource ON event(resource)"
	" WHERE resource IS NOT NULL;"
	/* Shared event IDs, which a few events in ten thousand carry
	 * (Insights' start and end, cross-account calls): version 16. */
	"CREATE TABLE event_shared("
	" event INTEGER PRIMARY KEY, shared_id TEXT NOT NULL);";

/* Version 2: the summary's totals kept up to date by triggers on the
 * ledger, so that reading them is one row; summing the ledger's rows
 * took 163 ms warm and 1.9 s cold at 10M events, most of the browser's
 * first screen.  The triggers run in the writer's transaction, so the
 * totals are exactly as committed. */
static const char schema_v2[] =
	"CREATE TABLE totals("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" imported INTEGER NOT NULL, digests INTEGER NOT NULL,"
	" failed INTEGER NOT NULL, events INTEGER NOT NULL,"
	" duplicates INTEGER NOT NULL, stored_bytes INTEGER NOT NULL);"
	"INSERT INTO totals SELECT 1,"
	" count(*) FILTER (WHERE state = 0), count(*) FILTER (WHERE state = 1),"
	" count(*) FILTER (WHERE state = 2), coalesce(sum(events), 0),"
	" coalesce(sum(duplicates), 0), coalesce(sum(stored_bytes), 0)"
	" FROM file;"
	"CREATE TRIGGER totals_insert AFTER INSERT ON file BEGIN"
	" UPDATE totals SET imported = imported + (NEW.state = 0),"
	" digests = digests + (NEW.state = 1), failed = failed + (NEW.state = 2),"
	" events = events + NEW.events, duplicates = duplicates + NEW.duplicates,"
	" stored_bytes = stored_bytes + NEW.stored_bytes; END;"
	"CREATE TRIGGER totals_delete AFTER DELETE ON file BEGIN"
	" UPDATE totals SET imported = imported - (OLD.state = 0),"
	" digests = digests - (OLD.state = 1), failed = failed - (OLD.state = 2),"
	" events = events - OLD.events, duplicates = duplicates - OLD.duplicates,"
	" stored_bytes = stored_bytes - OLD.stored_bytes; END;"
	"CREATE TRIGGER totals_update AFTER UPDATE ON file BEGIN"
	" UPDATE totals SET"
	" imported = imported + (NEW.state = 0) - (OLD.state = 0),"
	" digests = digests + (NEW.state = 1) - (OLD.state = 1),"
	" failed = failed + (NEW.state = 2) - (OLD.state = 2),"
	" events = events + NEW.events - OLD.events,"
	" duplicates = duplicates + NEW.duplicates - OLD.duplicates,"
	" stored_bytes = stored_bytes + NEW.stored_bytes - OLD.stored_bytes;"
	" END;";

/* Version 3: access keys grow with the events (697,634 of them at 10M
 * events) and are matched case-insensitively, whole or by a prefix
 * (`key:AKIA*`); without an index in that collation each lookup read the
 * whole dictionary, 470 ms.  where.c turns a pattern's literal prefix
 * into a range this index answers. */
static const char schema_v3[] =
	"CREATE INDEX IF NOT EXISTS access_key_by_s_nocase ON access_key(s COLLATE NOCASE);";

/* Version 4: a bulk import builds the event indexes once, at its end,
 * rather than inserting every event into each of them (indexes.c).
 * While they are down their definitions wait here, committed with the
 * DROP, so that an import killed halfway leaves the next one what it
 * needs to build them. */
static const char schema_v4[] =
	"CREATE TABLE IF NOT EXISTS deferred_index("
	" name TEXT PRIMARY KEY, sql TEXT NOT NULL);";

/* Version 5: smaller keys; the 1M bench trail's database went from 674
 * to 599 bytes per event.
 * - Event, request and shared event IDs that are canonical UUIDs become
 *   their 16 bytes (ids.c, util/uuid_key.h); every ID already stored is
 *   converted so that the UNIQUE index keeps finding duplicates.
 * - resource loses its UNIQUE(arn): the writer finds an ARN through
 *   resource_by_arn (case-blind, which `resource:` needs anyway), and
 *   two indexes of every ARN were 38 bytes per event.  SQLite cannot
 *   drop a constraint, so the table is copied. */
static const char schema_v5[] =
	"UPDATE event SET event_id = tn_id_key(event_id),"
	" request_id = tn_id_key(request_id), shared_id = tn_id_key(shared_id)"
	" WHERE length(event_id) = 36 OR length(request_id) = 36"
	" OR length(shared_id) = 36;"
	"CREATE TABLE resource_v5("
	" id INTEGER PRIMARY KEY,"
	" arn TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" type TEXT);"
	"INSERT INTO resource_v5(id, arn, name, type)"
	" SELECT id, arn, name, type FROM resource;"
	"DROP TABLE resource;"
	"ALTER TABLE resource_v5 RENAME TO resource;"
	"DELETE FROM deferred_index"
	" WHERE name IN ('resource_by_arn', 'resource_by_name');"
	"CREATE INDEX resource_by_arn ON resource(arn COLLATE NOCASE);"
	"CREATE INDEX resource_by_name ON resource(name COLLATE NOCASE);";

/* Version 6: from an event to the resources it names.  `resource:` with
 * a wide pattern (arn:aws:s3:::*, 4M of 9.7M events) had SQLite gather
 * every matching event before the first page, 5 s and 107 MB at 10M
 * events; with this index the page walks the events in time order and
 * asks each whether it names a match (where.c, the walk form).  About 9
 * bytes per event. */
static const char schema_v6[] =
	"CREATE INDEX IF NOT EXISTS event_resource_by_event"
	" ON event_resource(event);";

/* Version 7: what an import writes at random places goes in at the end
 * instead, sorted, in new databases, made from version 1's text as it is
 * now:
 * - Event IDs are kept unique by a UNIQUE index of their own rather than
 *   a constraint in the table, so that a big import may set it aside
 *   like the lookup indexes (indexes.c): inserting 10M random IDs one by
 *   one into an index far bigger than the cache took 40% of that import.
 * - event_resource is kept in event order, which importing appends to;
 *   the index by resource is set aside during bulk imports.  Inserting
 *   in resource order took a fifth of the 10M import.
 * Older databases keep their layout, which SQLite could change only by
 * copying every event, and import as before.  The version keeps older
 * trailnavs, which would build a waiting UNIQUE index over copies, from
 * writing to a new database. */
static const char schema_v7[] = "";

/* Version 8: the files that one transaction writes go into one stream of
 * bytes cut into chunks that fill their pages, rather than a blob each:
 * the partly empty page at the end of every blob was 19 bytes an event on
 * the 1M bench trail (content.c).  Files stored before keep their blobs; a
 * chunked file's row holds an empty one. */
static const char schema_v8[] =
	"CREATE TABLE content_chunk(id INTEGER PRIMARY KEY, bytes BLOB NOT NULL);"
	"ALTER TABLE file_content ADD COLUMN chunk INTEGER;"
	"ALTER TABLE file_content ADD COLUMN chunk_offset INTEGER;"
	"ALTER TABLE file_content ADD COLUMN length INTEGER;";

/* Version 9: the ledger finds a path by its last 32 characters, which in
 * a trail's file names (..._20240501T0008Z_Cy96LbFAMLPZ0nsd.json.gz) are
 * the time and the random part, and then compares the whole path
 * (writer.c, STORE_PATH_KEY).  An index of whole paths held every path a
 * second time: 6 bytes an event on the 1M bench trail, against 1. */
static const char schema_v9[] =
	"DROP INDEX IF EXISTS file_by_path;"
	"CREATE INDEX IF NOT EXISTS file_by_path_end ON file(substr(path, -32));";

/* Version 10: an event ID is found through an index of its last 6 bytes
 * (of a UUID's 16; the last 6 characters of an ID that is none) and then
 * compared whole (writer.c, STORE_ID_KEY_6): the UNIQUE index of whole IDs
 * was 25 bytes an event on the 1M bench trail, this one 15.  Nothing in
 * the table keeps IDs unique any more: the writer asks before it adds an
 * event, and a bulk import that sets the index aside removes its copies
 * at its end (dedupe.c), as it did already.  In a database that waits for
 * the old index (an import killed before its end) the new one is built at
 * once, and the waiting entry, renamed, still has the next import remove
 * the copies before its end. */
static const char schema_v10[] =
	"UPDATE deferred_index SET name = 'event_by_id_end',"
	" sql = 'CREATE INDEX event_by_id_end ON event(substr(event_id, -6))'"
	" WHERE name = 'event_by_event_id';"
	"DROP INDEX IF EXISTS event_by_event_id;"
	"CREATE INDEX IF NOT EXISTS event_by_id_end"
	" ON event(substr(event_id, -6));";

/* Version 11: a resource's ARN is kept as the prefix that it shares with
 * others (a bucket's folder: "arn:aws:s3:::bucket/logs/2024/05/01/"), a
 * dictionary id, and the name after it (store_resource_name()), and its
 * type as a dictionary id.  Every ARN was stored twice, in the table and
 * in resource_by_arn: 57 bytes an event on the 1M bench trail, where
 * 180k resources share 1.5k prefixes.  resource_by_name, now by name and
 * prefix, finds a whole ARN (the writer's lookup and `resource:` with an
 * exact ARN); resource_by_prefix finds the resources under an ARN
 * pattern's prefixes (where.c).  Prefix 0 stands for none: an ARN that is
 * all name.  The split is by bytes, as the writer makes it, since the
 * name has always been the ARN's tail. */
#define PREFIX_BYTES                                                        \
	"CAST(substr(CAST(arn AS BLOB), 1, length(CAST(arn AS BLOB))"       \
	" - length(CAST(name AS BLOB))) AS TEXT)"
static const char schema_v11[] =
	"CREATE TABLE IF NOT EXISTS arn_prefix("
	" id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"CREATE TABLE IF NOT EXISTS resource_type("
	" id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"INSERT OR IGNORE INTO arn_prefix(s) SELECT " PREFIX_BYTES
	" FROM resource WHERE length(CAST(arn AS BLOB))"
	" > length(CAST(name AS BLOB)) ORDER BY 1;"
	"INSERT OR IGNORE INTO resource_type(s) SELECT type FROM resource"
	" WHERE type <> '' ORDER BY 1;"
	"CREATE TABLE resource_v11("
	" id INTEGER PRIMARY KEY,"
	" prefix INTEGER NOT NULL,"         /* arn_prefix.id; 0: none */
	" name TEXT NOT NULL,"
	" type INTEGER);"                   /* resource_type.id */
	"INSERT INTO resource_v11(id, prefix, name, type)"
	" SELECT id, coalesce((SELECT p.id FROM arn_prefix p"
	" WHERE p.s = " PREFIX_BYTES "), 0), name,"
	" (SELECT t.id FROM resource_type t WHERE t.s = type) FROM resource;"
	"DROP TABLE resource;"
	"ALTER TABLE resource_v11 RENAME TO resource;"
	"DELETE FROM deferred_index"
	" WHERE name IN ('resource_by_arn', 'resource_by_name');"
	"CREATE INDEX resource_by_name ON resource(name COLLATE NOCASE, prefix);"
	"CREATE INDEX resource_by_prefix ON resource(prefix);";
#undef PREFIX_BYTES

/* Version 12: a ledger row keeps its path as the directory, an id into
 * the dictionary file_dir (0: none), and the name after the last '/'
 * (file_paths.c): the directory was most of every row, 20 bytes an event
 * on the 100k bench trail, whose files hold six events each, as a small
 * account's do (3 on the 1M trail).  The index of path ends becomes one
 * of name ends, the same text for names of 32 bytes or more. */
static const char schema_v12[] =
	"CREATE TABLE IF NOT EXISTS file_dir("
	" id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"
	"ALTER TABLE file ADD COLUMN dir INTEGER NOT NULL DEFAULT 0;"
	"INSERT OR IGNORE INTO file_dir(s) SELECT tn_path_dir(path) FROM file"
	" WHERE tn_path_dir(path) <> '' ORDER BY 1;"
	"UPDATE file SET dir = coalesce((SELECT d.id FROM file_dir d"
	" WHERE d.s = tn_path_dir(file.path)), 0), path = tn_path_name(path);"
	"ALTER TABLE file RENAME COLUMN path TO name;";

/* Version 13: principals and access keys lose the UNIQUE constraints that
 * indexed every value whole a second time (at 1M events 1.9 and 2.2 bytes
 * an event; 12 and 7 on the 100k trail, where sessions and keys are many
 * for the events).  The writer finds a principal through the last 16
 * characters of its principal ID, a session's name mostly, and an access
 * key through the index `key:` has anyway (STORE_PRINCIPAL_KEY,
 * STORE_ACCESS_KEY_KEY); it alone adds rows, one for each value.  SQLite
 * cannot drop a constraint, so both tables are copied. */
static const char schema_v13[] =
	"CREATE TABLE principal_v13("
	" id INTEGER PRIMARY KEY,"
	" type TEXT NOT NULL, arn TEXT NOT NULL, name TEXT NOT NULL,"
	" pid TEXT NOT NULL, account TEXT NOT NULL,"
	" role TEXT NOT NULL, session TEXT NOT NULL);"
	"INSERT INTO principal_v13(id, type, arn, name, pid, account, role,"
	" session) SELECT id, type, arn, name, pid, account, role, session"
	" FROM principal;"
	"DROP TABLE principal;"
	"ALTER TABLE principal_v13 RENAME TO principal;"
	"CREATE INDEX principal_by_pid_end ON principal(substr(pid, -16));"
	"CREATE TABLE access_key_v13(id INTEGER PRIMARY KEY, s TEXT NOT NULL);"
	"INSERT INTO access_key_v13(id, s) SELECT id, s FROM access_key;"
	"DROP TABLE access_key;"
	"ALTER TABLE access_key_v13 RENAME TO access_key;"
	"DELETE FROM deferred_index WHERE name = 'access_key_by_s_nocase';"
	"CREATE INDEX access_key_by_s_nocase ON access_key(s COLLATE NOCASE);";

/* Version 14: the time index and the seven lookup indexes hold the time in
 * whole seconds, time_ms/1000, in 4 bytes where the milliseconds took 6
 * (time_key.c): 14 bytes an event on the 1M bench trail.  An index that a
 * killed import left waiting in deferred_index is built here, in its new
 * form, and the next import's build passes it by (indexes.c). */
#define TIME_INDEX(name, column, where)                                     \
	"DROP INDEX IF EXISTS " name ";"                                    \
	"CREATE INDEX " name " ON event(" column "time_ms/1000)" where ";"
static const char schema_v14[] =
	TIME_INDEX("event_by_time", "", "")
	TIME_INDEX("event_by_name", "name, ", "")
	TIME_INDEX("event_by_principal", "principal, ", "")
	TIME_INDEX("event_by_service", "service, ", "")
	TIME_INDEX("event_by_ip", "ip, ", "")
	TIME_INDEX("event_by_key", "access_key, ",
	           " WHERE access_key IS NOT NULL")
	TIME_INDEX("event_by_error", "error, ", " WHERE error IS NOT NULL")
	TIME_INDEX("event_by_rare_category", "category, ",
	           " WHERE category >= 2");
#undef TIME_INDEX

/* Version 15, in new databases only:
 * - The index of event IDs' ends holds their last 4 bytes rather than 6
 *   (version 10): 15.0 -> 13.0 bytes an event on the 1M bench trail.  4
 *   bytes of a UUID still tell 4 billion apart: at 10M events a lookup
 *   meets another ID's row one time in 400, which the whole ID's
 *   comparison then passes over.
 * - The event row keeps the time in whole seconds and, in one integer
 *   `bits` (STORE_BITS), the milliseconds past the second, the category,
 *   the global and read-only flags and whether the record is escaped;
 *   time_ms and the four columns are generated from them, so that every
 *   reader and every index reads them by the same names as before.  Four
 *   columns of their own took 4 bytes of header an event besides their
 *   values, and the milliseconds 6 bytes where seconds take 4: the 1M
 *   bench trail's rows went from 83.4 to 79.4 bytes an event.
 * Older databases keep their layout, which SQLite could change only by
 * copying every event (read_layout() tells the readers and the writer
 * which one a database has); the version keeps older trailnavs, which
 * would insert into generated columns, from writing to a new database. */
static const char schema_v15[] = "";

/* Version 16, in new databases only:
 * - The event row holds the first resource that the event names, and
 *   event_resource only the others: of the 1M bench trail's 967k
 *   events, 592k name a resource and 177k a second one, and a link in
 *   event_resource (with its entry in event_resource_by_resource) took
 *   23 bytes where the row's column and its entry in event_by_resource
 *   take 14.  resource: finds its events through both (where.c).
 * - A shared event ID, which 395 of those events have, is kept in
 *   event_shared rather than in a column of every row, where its absence
 *   cost a byte of header.
 * Together 98.3 -> 91.9 bytes an event.  Older databases keep their
 * layout (read_layout()), as at version 15. */
static const char schema_v16[] = "";

/* Version 17: the writer adds a ledger row's counts to the totals itself
 * (writer.c), and the trigger that did is dropped.  A trigger on a table
 * with an index makes SQLite guard each INSERT with a statement journal,
 * a copy of every 16 KB page the statement touches: 58k instructions a
 * file's row, against 14k without it, and the 1M bench trail's import
 * writes 29.5k rows.  The triggers of UPDATE and DELETE stay: the
 * ledger's rows are updated once each, by OR IGNORE statements, which
 * need no journal, and deleted rarely. */
static const char schema_v17[] = "DROP TRIGGER IF EXISTS totals_insert;";

struct migration {
	const char *sql;
	/* Only makes reading faster: a read-only open of a database without
	 * it reads correctly (store_summary() sums the ledger instead), if
	 * more slowly. */
	bool read_compatible;
	/* Rewrites rows or builds an index over them: a minute or more at
	 * millions of events, which the person is told of first
	 * (store_set_upgrade_notice). */
	bool rewrites;
	/* A new database skips it: version 1's text, as databases are made
	 * now, does its work in a layout of its own. */
	bool made_new;
};

static const struct migration migrations[] = {
	{ schema_v1, false, false, false },
	{ schema_v2, true, false, false },
	{ schema_v3, true, false, false },
	{ schema_v4, true, false, false },
	/* A reader of version 4 reads IDs of either kind (ids.c).  A new
	 * database has no IDs to convert, nor the column shared_id (version
	 * 16), and version 11 copies its resources again. */
	{ schema_v5, true, true, true },
	/* Without the index a page walks more slowly, never wrongly. */
	{ schema_v6, true, true, true },
	{ schema_v7, true, false, false },
	/* A read-only open of version 7 reads the blobs it has. */
	{ schema_v8, true, false, false },
	/* The ledger is read by path only when importing. */
	{ schema_v9, true, false, false },
	/* Without the index, `id:` reads every event, never wrongly. */
	{ schema_v10, true, true, false },
	/* where.c matches the ARNs of an older layout as they are. */
	{ schema_v11, true, true, false },
	/* The ledger's readers ask which layout it has (file_paths.c). */
	{ schema_v12, true, false, false },
	/* Readers never used the constraints. */
	{ schema_v13, true, true, false },
	/* Readers order by the key of the layout they find (time_key.c). */
	{ schema_v14, true, true, false },
	/* Nothing changes in an older database. */
	{ schema_v15, true, false, false },
	/* Nothing changes in an older database. */
	{ schema_v16, true, false, false },
	/* Readers read the totals as before. */
	{ schema_v17, true, false, false },
};

static store_upgrade_notice *upgrade_notice;

void store_set_upgrade_notice(store_upgrade_notice *notice)
{
	upgrade_notice = notice;
}

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_version(void)
{
	return SCHEMA_VERSION;
}

static int pragma_int(struct store *s, const char *sql, int *out)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
	                                             : store_fail_sql(s, "PRAGMA");
}

/* A database we did not make, with tables in it, is not ours to change. */
static int check_ownership(struct store *s)
{
	int app = 0, tables = 0;
	if (pragma_int(s, "PRAGMA application_id", &app) < 0 ||
	    pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables) < 0)
		return -1;
	if (app == TRAILNAV_APPLICATION_ID || (app == 0 && tables == 0))
		return 0;
	return store_fail(s, "%s", _("this is an SQLite database, but not one "
	                             "trailnav made"));
}

static int check_version(struct store *s, int version)
{
	if (version > SCHEMA_VERSION)
		return store_fail(s, _("the database has schema version %d, newer "
		                       "than this trailnav knows (%d): use a newer "
		                       "trailnav"),
		                  version, SCHEMA_VERSION);
	bool readable = version >= 1;
	for (int v = version; v < SCHEMA_VERSION; v++)
		readable = readable && migrations[v].read_compatible;
	if (version < SCHEMA_VERSION && s->read_only && !readable)
		return store_fail(s, _("the database has schema version %d and "
		                       "needs upgrading to %d, which a read-only "
		                       "open cannot do"),
		                  version, SCHEMA_VERSION);
	return 0;
}

/* Tells of a migration that rewrites rows, when there are rows. */
static int announce(struct store *s, int version)
{
	bool rewrites = false;
	for (int v = version; v < SCHEMA_VERSION; v++)
		rewrites = rewrites || migrations[v].rewrites;
	int events = 0;
	if (!upgrade_notice || version < 1 || !rewrites)
		return 0;
	if (pragma_int(s, "SELECT EXISTS (SELECT 1 FROM event)", &events) < 0)
		return -1;
	if (events)
		upgrade_notice(sqlite3_db_filename(s->db, "main"), version,
		               SCHEMA_VERSION);
	return 0;
}

/* Reads the version and upgrades, all inside one write transaction so
 * that two processes opening a new database at once cannot both create
 * the schema. */
static int upgrade(struct store *s)
{
	int version = 0;
	char sql[96];
	if (pragma_int(s, "PRAGMA user_version", &version) < 0 ||
	    check_ownership(s) < 0 || check_version(s, version) < 0 ||
	    announce(s, version) < 0)
		return -1;
	for (int v = version; v < SCHEMA_VERSION; v++)
		if (!(version == 0 && migrations[v].made_new) &&
		    store_exec(s, migrations[v].sql) < 0)
			return -1;
	if (version == SCHEMA_VERSION)
		return 0;
	snprintf(sql, sizeof sql,
	         "PRAGMA application_id=%d; PRAGMA user_version=%d",
	         TRAILNAV_APPLICATION_ID, SCHEMA_VERSION);
	return store_exec(s, sql);
}

static int migrate(struct store *s)
{
	int version = 0;
	if (pragma_int(s, "PRAGMA user_version", &version) < 0 ||
	    check_ownership(s) < 0)
		return -1;
	if (s->read_only || version == SCHEMA_VERSION)
		return check_version(s, version);
	/* Sorts that build an index spill to temporary files once past the
	 * cache; in memory (the connection's temp_store) they held the whole
	 * index: 404 MB for schema 6's at 10M events, 38 MB this way. */
	if (store_exec(s, "PRAGMA temp_store=FILE; BEGIN IMMEDIATE") < 0)
		return -1;
	int rc = upgrade(s);
	if (rc == 0)
		rc = store_exec(s, "COMMIT");
	if (rc < 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(s->db, "PRAGMA temp_store=MEMORY", NULL, NULL, NULL);
	return rc;
}

/* The database's user_version; 0 when it cannot be read. */
static int user_version(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int version = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st,
	                                 NULL) == SQLITE_OK &&
	                              sqlite3_step(st) == SQLITE_ROW
	                      ? sqlite3_column_int(st, 0)
	                      : 0;
	sqlite3_finalize(st);
	return version;
}

bool store_schema_at_least(sqlite3 *db, int version)
{
	return user_version(db) >= version;
}

bool store_has_schema(struct store *s, int version)
{
	if (s->schema_version < version)
		s->schema_version = user_version(s->db);
	return s->schema_version >= version;
}

/* The index of event IDs' ends holds 4 bytes (STORE_ID_KEY_4). */
#define ID_END_4 "sql LIKE '%substr(event_id, -4)%'"

/* What the readers and the writer need to know of the layout, which a
 * read-only open of an older database keeps as it is, read in one query
 * at every open: bit 0, IDs kept unique in the table (before schema 7);
 * bit 1, the packed row (schema 15); bit 2, the index of IDs' ends on 4
 * bytes; bit 3, the first resource in the row (schema 16).  While an
 * import has that index aside, its definition waits in deferred_index
 * (schema 4 on). */
static int read_layout(struct store *s)
{
	s->schema_version = user_version(s->db);
	int64_t layout = store_scalar(
		s,
		/* <<, & and | are of one precedence in SQLite. */
		"SELECT EXISTS (SELECT 1 FROM sqlite_schema"
		" WHERE name = 'sqlite_autoindex_event_1')"
		" | (EXISTS (SELECT 1 FROM sqlite_schema"
		" WHERE name = 'event_by_id_end' AND " ID_END_4 ") << 2)"
		" | (SELECT coalesce((max(name = 'bits') << 1)"
		" | (max(name = 'resource') << 3), 0)"
		" FROM pragma_table_info('event'))",
		_("reading the schema"));
	if (layout >= 0 && !(layout & 4) &&
	    store_has_schema(s, STORE_SCHEMA_DEFERRED_INDEXES)) {
		int64_t waiting = store_scalar(
			s,
			"SELECT EXISTS (SELECT 1 FROM deferred_index"
			" WHERE name = 'event_by_id_end' AND " ID_END_4 ")",
			_("reading the schema"));
		layout = waiting < 0 ? -1 : layout | waiting << 2;
	}
	if (layout < 0)
		return -1;
	s->ids_unique_in_table = layout & 1;
	s->event_bits = layout & 2;
	s->id_end = layout & 4 ? 4 : 6;
	s->resource_in_row = layout & 8;
	return 0;
}

int store_schema_migrate(struct store *s)
{
	return migrate(s) < 0 ? -1 : read_layout(s);
}
