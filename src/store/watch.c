/* watch.c - noticing that another process changed the database, so the
 * browser can show new events without a restart. */
#include <config.h>

#include "store/internal.h"

/* PRAGMA data_version changes whenever another connection commits; our
 * own commits leave it alone, which suits a reader watching an importer.
 * It costs no I/O beyond what SQLite does to check the WAL anyway. */
int store_data_version(struct store *s, int64_t *v)
{
	sqlite3_stmt *st = store_cached(s, "PRAGMA data_version");
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail_sql(s, "PRAGMA data_version");
	}
	*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}
