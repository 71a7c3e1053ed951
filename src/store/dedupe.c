/* dedupe.c - events unique by ID after a bulk import.
 *
 * An import of millions of events sets the UNIQUE index of event IDs
 * aside with the lookup indexes (indexes.c), and every event it reads goes
 * in (writer.c).  At its end, before any index is built, this finds the
 * IDs held more than once, through an index made for the purpose (a sort,
 * where looking each ID up was a random write), and keeps the first copy,
 * the one with the lowest row id: the one written first, in the walk's
 * order, or held before the import began, which is the copy the UNIQUE
 * index keeps when it is there.  The others become their files'
 * duplicates in the ledger, as if they had been refused at once.
 */
#include <config.h>

#include "store/internal.h"
#include "util/i18n.h"

int store_dedupe_deferred(struct store *s)
{
	return (int)store_scalar(s,
	                         "SELECT EXISTS (SELECT 1 FROM deferred_index"
	                         " WHERE name = 'event_by_event_id')",
	                         _("reading the indexes"));
}

/* The later copies: for each ID held more than once (a walk of the
 * index), the rows past its first.  The index goes before the copies do,
 * which would otherwise be removed from it too; its pages are free for
 * the indexes built next. */
static const char find_copies[] =
	"CREATE INDEX main.event_id_copies ON event(event_id);"
	"CREATE TEMP TABLE copy(id INTEGER PRIMARY KEY, file INTEGER NOT NULL);"
	"INSERT INTO temp.copy(id, file)"
	" SELECT e.id, e.file FROM (SELECT event_id, min(id) AS first"
	" FROM main.event GROUP BY event_id HAVING count(*) > 1) AS g"
	" JOIN main.event AS e ON e.event_id = g.event_id AND e.id > g.first;"
	"DROP INDEX main.event_id_copies;";

/* The ledger's totals follow through its triggers (schema.c, version 2). */
static const char remove_copies[] =
	"DELETE FROM main.event_resource WHERE event IN (SELECT id FROM temp.copy);"
	"DELETE FROM main.event WHERE id IN (SELECT id FROM temp.copy);"
	"UPDATE main.file SET events = events - d.n,"
	" duplicates = duplicates + d.n"
	" FROM (SELECT file, count(*) AS n FROM temp.copy GROUP BY file) AS d"
	" WHERE main.file.id = d.file;";

int store_dedupe_events(struct store *s, int64_t *removed)
{
	*removed = 0;
	if (store_exec(s, find_copies) < 0)
		return -1;
	int64_t n = store_scalar(s, "SELECT count(*) FROM temp.copy",
	                         _("removing duplicate events"));
	int rc = n < 0 ? -1 : n == 0 ? 0 : store_exec(s, remove_copies);
	/* Dropped in any case: a rolled-back build leaves no temp table
	 * behind for the next one to trip on. */
	if (store_exec(s, "DROP TABLE temp.copy") < 0)
		rc = -1;
	if (rc == 0)
		*removed = n;
	return rc;
}
