/* import_lock.h - one importer at a time per database.
 *
 * SQLite lets two writers take turns, but not fairly: an importer that
 * begins its next batch the moment it commits one can starve the other
 * past its busy timeout, which then fails.  So an import holds a lock
 * on a file beside the database (DB-import.lock) for as long as it
 * runs, and a second one says it is waiting and waits.  Readers (the
 * browser, query, stats) never take it.
 */
#ifndef TRAILNAV_CLI_IMPORT_LOCK_H
#define TRAILNAV_CLI_IMPORT_LOCK_H

#include <stdbool.h>

/* Takes the lock for the database at `db_path`, waiting (and saying so
 * on stderr unless `quiet`) while another import holds it.  Returns a
 * descriptor to give to import_lock_release(), or -1 when no lock could
 * be made (an in-memory or unwritable place: the import goes on, relying
 * on SQLite's own locking). */
int import_lock_take(const char *db_path, bool quiet);
void import_lock_release(int fd);

#endif
