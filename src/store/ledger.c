/* ledger.c - the import ledger listed for people (`trailnav files`).
 * The importer asks about one file at a time with store_file_lookup(), in
 * writer.c; this one carries everything a person asks about a file. */
#include <config.h>

#include <stdio.h>

#include "store/internal.h"
#include "util/i18n.h"

int store_ledger_list(struct store *s, bool failed_only,
                      store_ledger_entry_fn fn, void *ctx)
{
	/* max(id) picks the newest row of each path, and SQLite returns the
	 * other columns from that same row; the HAVING applies to it.  A
	 * stream (standard input, a pipe of <(...)) is no file: each read of
	 * it brought events of its own, and each is a row, so that the
	 * totals agree with the database's. */
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT path, size, mtime_ns, state, reason, events,"
	         " duplicates, imported_ms, max(id),"
	         " path = '-' OR path GLOB '/dev/fd/*'"
	         " OR path GLOB '/proc/self/fd/*' AS stream"
	         " FROM (SELECT id, size, mtime_ns, state, reason, events,"
	         " duplicates, imported_ms, %s AS path FROM file f)"
	         " GROUP BY CASE WHEN stream THEN -id ELSE path END"
	         " HAVING ?1 = 0 OR state = ?2 ORDER BY path, max(id)",
	         store_file_path_sql(s));
	sqlite3_stmt *st = store_prepare(s, sql);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, failed_only ? 1 : 0);
	sqlite3_bind_int(st, 2, STORE_FILE_FAILED);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_ledger_entry e = {
			.path = (const char *)sqlite3_column_text(st, 0),
			.size = sqlite3_column_int64(st, 1),
			.mtime_ns = sqlite3_column_int64(st, 2),
			.state = (enum store_file_state)sqlite3_column_int(st, 3),
			.reason = (const char *)sqlite3_column_text(st, 4),
			.events = sqlite3_column_int64(st, 5),
			.duplicates = sqlite3_column_int64(st, 6),
			.imported_ms = sqlite3_column_int64(st, 7),
			.stream = sqlite3_column_int(st, 9) != 0,
		};
		if (!e.path)
			e.path = "";
		if (fn(ctx, &e) != 0)
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
	               ? 0
	               : store_fail_sql(s, _("reading the ledger"));
}
