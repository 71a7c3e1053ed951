/* indexes.c - building the lookup indexes once, after a bulk import.
 *
 * Inserting an event touches every index on the event table, each at a
 * place of its own: at 1M events that is 40 µs an event, most of the
 * import (perf: sqlite3BtreeIndexMoveto and page copies).  CREATE INDEX
 * over rows already in the table sorts instead, about 7 µs an event for
 * all of them.  So an import that brings at least as many events as the
 * database holds drops the indexes below first and builds them at its
 * end.
 *
 * A very big import sets the index of event IDs aside too: the writer
 * then inserts every event without asking whether its ID is stored, and
 * the build first removes the later copies of an ID (dedupe.c).  (In a
 * database made before schema 7 a UNIQUE constraint in the table refuses
 * them all along.)
 *
 * Not deferred: the indexes by which the writer itself looks up
 * dictionary values (their UNIQUE indexes, access_key_by_s_nocase,
 * principal_by_pid_end and resource_by_name),
 * event_by_time (the browser's list pane walks it by name, and keeps
 * working while the import runs) and file_by_path_end (the ledger).
 * Queries are correct without the others, only slower, so a browser open
 * during the import sees every committed event.
 *
 * The definitions go into deferred_index in the transaction that drops
 * them: an import killed before its end leaves them there, and the next
 * import builds them.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"

static const char *const deferrable[] = {
	"event_by_name",  "event_by_principal", "event_by_service",
	"event_by_ip",    "event_by_key",       "event_by_error",
	"event_by_rare_category", "event_by_resource", "resource_by_prefix",
	/* The one of the two that the database's layout has (schema.c). */
	"event_resource_by_resource", "event_resource_by_event",
};

#define NDEFERRABLE (sizeof deferrable / sizeof deferrable[0])

/* The index of event IDs (schema 10: 15 bytes an event; 28 when these
 * figures were taken) is written at random places:
 * past a million events or so it outgrows the import's 32 MB page cache,
 * and from then on each batch of random IDs reads and dirties most of its
 * pages.  Setting it aside took a 10M-event import from 402 s to 247 s, and
 * its peak RSS from 256 to 237 MB (dedupe.c's sort of the IDs since adds
 * 14 s).  Below the cache's size it still costs: the 1M-event bench trail
 * imported in 16.0 s (median of 7) with it aside against 18.7 s with it
 * kept, in interleaved runs; at 100k events the two were alike.  The
 * price: until the import ends, a browser sees the copies of an event
 * that two trails delivered.  Below this many events (held and coming),
 * checking each event as it comes costs too little to be worth that. */
#define EVENT_IDS_DEFER_EVENTS 500000

/* Worker threads of the sorts that build the indexes (PRAGMA threads):
 * the import's decoding threads are done by then. */
#define BUILD_THREADS 2

/* Compressed trail files hold about this many bytes per event (gzip of
 * real and generated trails: 230 to 300); plain JSON holds several
 * times more, which errs on the side of deferring. */
#define GZIP_BYTES_PER_EVENT 250

enum store_defer store_indexes_worth_deferring(struct store *s,
                                              uint64_t bytes)
{
	int64_t held = store_scalar(s, "SELECT coalesce(max(id), 0) FROM event",
	                            _("reading the indexes"));
	uint64_t coming = bytes / GZIP_BYTES_PER_EVENT;
	if (held < 0 || coming < (uint64_t)held)
		return STORE_DEFER_NONE;
	return coming + (uint64_t)held >= EVENT_IDS_DEFER_EVENTS
	               ? STORE_DEFER_ALL
	               : STORE_DEFER_LOOKUPS;
}

int store_indexes_pending(struct store *s)
{
	return (int)store_scalar(s, "SELECT count(*) FROM deferred_index",
	                         _("reading the indexes"));
}

/* Keeps the definition of index `name`, if it is there, and drops it. */
static int defer_one(struct store *s, const char *name)
{
	sqlite3_stmt *keep = store_prepare(
		s, "INSERT OR REPLACE INTO deferred_index(name, sql)"
		   " SELECT name, sql FROM sqlite_schema"
		   " WHERE type = 'index' AND name = ?1");
	if (!keep)
		return -1;
	sqlite3_bind_text(keep, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(keep);
	sqlite3_finalize(keep);
	if (rc != SQLITE_DONE)
		return store_fail_sql(s, _("setting an index aside"));
	if (sqlite3_changes(s->db) == 0)
		return 0; /* already set aside, or never made */
	char sql[96];
	snprintf(sql, sizeof sql, "DROP INDEX %s", name);
	return store_exec(s, sql);
}

int store_indexes_defer(struct store *s, enum store_defer what)
{
	if (s->in_batch || s->cur.open)
		return store_fail(s, "%s", _("a batch is already open"));
	if (what == STORE_DEFER_NONE)
		return 0;
	if (store_exec(s, "BEGIN IMMEDIATE") < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < NDEFERRABLE && rc == 0; i++)
		rc = defer_one(s, deferrable[i]);
	/* A UNIQUE constraint in the table (before schema 7) refuses copies
	 * as they come: nothing would be left for dedupe.c to remove. */
	if (rc == 0 && what == STORE_DEFER_ALL && !s->ids_unique_in_table)
		rc = defer_one(s, "event_by_id_end");
	if (rc < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return store_exec(s, "COMMIT");
}

/* Every waiting definition, run as one script: DDL must not run while a
 * statement reading the schema is still open. */
static int build_waiting(struct store *s)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT group_concat(d.sql, ';') FROM deferred_index d"
		   " WHERE NOT EXISTS (SELECT 1 FROM sqlite_schema m"
		   " WHERE m.type = 'index' AND m.name = d.name)");
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	const char *sql = (const char *)sqlite3_column_text(st, 0);
	bool any = rc == SQLITE_ROW && sql;
	char *script = any ? sqlite3_mprintf("%s", sql) : NULL;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail_sql(s, _("building the indexes"));
	if (any && !script)
		return store_fail(s, "%s", _("out of memory"));
	int made = script ? store_exec(s, script) : 0;
	sqlite3_free(script);
	return made;
}

/* When the events went in unchecked, the copies go first: removing them
 * then touches only the table and the indexes the import kept. */
static int build_all(struct store *s, int64_t *duplicates)
{
	int aside = store_dedupe_deferred(s);
	if (aside < 0 || (aside && store_dedupe_events(s, duplicates) < 0) ||
	    build_waiting(s) < 0)
		return -1;
	return store_exec(s, "DELETE FROM deferred_index");
}

int store_indexes_build(struct store *s, int64_t *duplicates)
{
	int64_t ignored;
	if (!duplicates)
		duplicates = &ignored;
	*duplicates = 0;
	if (s->in_batch || s->cur.open)
		return store_fail(s, "%s", _("a batch is already open"));
	/* The sorts behind CREATE INDEX spill to temporary files once past
	 * the cache: in memory (the connection's temp_store) they would
	 * hold a whole index, 200 MB at 10M events.  With a small cache and
	 * worker threads, SQLite sorts each cacheful on a worker while it
	 * reads on: the 1M bench trail's ten indexes took 3.7-4.4 s this way
	 * and 21 MB, against 4.6-5.4 s and 68 MB with the import's 32 MB
	 * cache and no workers. */
	char setup[128];
	snprintf(setup, sizeof setup,
	         "PRAGMA temp_store=FILE; PRAGMA threads=%d;"
	         " PRAGMA cache_size=-4096; BEGIN IMMEDIATE",
	         BUILD_THREADS);
	if (store_exec(s, setup) < 0)
		return -1;
	int rc = build_all(s, duplicates);
	if (rc == 0)
		rc = store_exec(s, "COMMIT");
	if (rc < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		*duplicates = 0;
	}
	sqlite3_exec(s->db,
	             "PRAGMA temp_store=MEMORY; PRAGMA threads=0;"
	             " PRAGMA cache_size=-" STORE_CACHE_KIB,
	             NULL, NULL, NULL);
	return rc;
}
