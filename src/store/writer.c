/* writer.c - adding files and their events, a whole file or nothing.
 *
 * Outside a batch each file is its own transaction.  Inside a batch (one
 * transaction for many files, which is what makes importing fast),
 * abandoning a file undoes the whole batch (see open_unit()).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/internal.h"
#include "util/i18n.h"

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
	return store_present(v) ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC)
	                  : sqlite3_bind_null(st, i);
}

/* The id of the event's resource i, 0 when its ARN is empty. */
static int64_t event_resource_id(struct store *s,
                                 const struct trail_event *ev, size_t i)
{
	const char *arn = ev->resource_arns[i];
	if (!store_present(arn))
		return 0;
	return store_resource_id(
		s, arn, ev->resource_types ? ev->resource_types[i] : NULL);
}

/* The first resource the event names, for the row (schema 16): its id,
 * or 0 if it names none, and in *next the index of the ones after it. */
static int64_t first_resource(struct store *s, const struct trail_event *ev,
                              size_t *next)
{
	for (size_t i = 0; i < ev->nresources; i++) {
		int64_t r = event_resource_id(s, ev, i);
		if (r != 0) {
			*next = i + 1;
			return r;
		}
	}
	*next = ev->nresources;
	return 0;
}

/* Links the event to its resources from index `from` on, but for
 * `in_row`, the one its row holds. */
static int add_resources(struct store *s, int64_t event,
                         const struct trail_event *ev, size_t from,
                         int64_t in_row)
{
	if (!s->insert_event_resource)
		s->insert_event_resource = store_prepare(
			s, "INSERT OR IGNORE INTO event_resource(resource, event)"
			   " VALUES(?1, ?2)");
	if (!s->insert_event_resource)
		return -1;
	for (size_t i = from; i < ev->nresources; i++) {
		int64_t r = event_resource_id(s, ev, i);
		if (r < 0)
			return -1;
		if (r == 0 || r == in_row)
			continue;
		sqlite3_stmt *st = s->insert_event_resource;
		sqlite3_bind_int64(st, 1, r);
		sqlite3_bind_int64(st, 2, event);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_fail_sql(s, _("adding a resource"));
	}
	return 0;
}

/* An event whose ID is stored already is a duplicate: the writer asks
 * its window of the IDs it wrote last (recent_set.h), then the database
 * (stored_already()).  While an import of millions of events has the
 * index of IDs set aside, only the window is asked: every other event
 * goes in, and store_indexes_build() removes the later copies
 * (dedupe.c).  OR IGNORE: a database made before schema 7 refuses copies
 * by a UNIQUE constraint in the table. */
static const char insert_event_sql[] =
	"INSERT OR IGNORE INTO event(time_ms, category, global, read_only,"
	" region, service, name, principal, account, ip, agent, error,"
	" access_key, event_id, request_id, shared_id, file, rec_offset,"
	" rec_length, rec_escaped) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	" ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";

/* The same, into a row of schema 15 or later: parameters 1 and 2 are the
 * seconds and the bits (event_bits()); 3, 4 and 20 go into the bits. */
static const char insert_packed_event_sql[] =
	"INSERT OR IGNORE INTO event(time_s, bits,"
	" region, service, name, principal, account, ip, agent, error,"
	" access_key, event_id, request_id, shared_id, file, rec_offset,"
	" rec_length) VALUES(?1, ?2, ?5, ?6, ?7, ?8, ?9,"
	" ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";

/* The same, into a row of schema 16 or later: parameter 21 is the first
 * resource; the shared ID, 16, goes into event_shared. */
static const char insert_lean_event_sql[] =
	"INSERT OR IGNORE INTO event(time_s, bits,"
	" region, service, name, principal, account, ip, agent, error,"
	" access_key, resource, event_id, request_id, file, rec_offset,"
	" rec_length) VALUES(?1, ?2, ?5, ?6, ?7, ?8, ?9,"
	" ?10, ?11, ?12, ?13, ?21, ?14, ?15, ?17, ?18, ?19)";

/* The dictionary columns of the event row, parameters 5 to 13. */
static int bind_dictionaries(struct store *s, sqlite3_stmt *st,
                             const struct trail_event *ev)
{
	const struct {
		int param;
		enum store_dict dict;
		const char *value;
	} cols[] = {
		{ 5, DICT_REGION, ev->region },
		{ 6, DICT_SERVICE, ev->service },
		{ 7, DICT_EVENT_NAME, ev->event_name },
		{ 9, DICT_ACCOUNT, ev->account },
		{ 10, DICT_IP, ev->source_ip },
		{ 11, DICT_AGENT, ev->user_agent },
		{ 12, DICT_ERROR, ev->error_code },
		{ 13, DICT_ACCESS_KEY, ev->access_key },
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		int64_t id = store_dict_id(s, cols[i].dict, cols[i].value);
		if (id < 0)
			return -1;
		if (id)
			sqlite3_bind_int64(st, cols[i].param, id);
		else
			sqlite3_bind_null(st, cols[i].param);
	}
	int64_t p = store_principal_id(s, ev);
	if (p < 0)
		return -1;
	if (p)
		sqlite3_bind_int64(st, 8, p);
	else
		sqlite3_bind_null(st, 8);
	return 0;
}

/* The time in whole seconds, rounded down, and the milliseconds past
 * them (0 to 999, before 1970 too). */
static int64_t whole_seconds(int64_t ms, int64_t *rest)
{
	int64_t sec = ms / 1000 - (ms % 1000 < 0);
	*rest = ms - sec * 1000;
	return sec;
}

/* The event's `bits` (STORE_BITS). */
static int64_t event_bits(const struct trail_event *ev, int64_t ms_rest)
{
	int ro = ev->read_only < 0 ? -1 : ev->read_only ? 1 : 0;
	return STORE_BITS(ev->category & 7, ev->global ? 1 : 0, ro,
	                  ev->record_escaped ? 1 : 0, ms_rest);
}

static void bind_time_and_flags(struct store *s, sqlite3_stmt *st,
                                const struct trail_event *ev)
{
	if (s->event_bits) {
		int64_t rest;
		sqlite3_bind_int64(st, 1, whole_seconds(ev->time_ms, &rest));
		sqlite3_bind_int64(st, 2, event_bits(ev, rest));
		return;
	}
	sqlite3_bind_int64(st, 1, ev->time_ms);
	sqlite3_bind_int(st, 2, (int)ev->category);
	sqlite3_bind_int(st, 3, ev->global ? 1 : 0);
	if (ev->read_only < 0)
		sqlite3_bind_null(st, 4);
	else
		sqlite3_bind_int(st, 4, ev->read_only ? 1 : 0);
	sqlite3_bind_int(st, 20, ev->record_escaped ? 1 : 0);
}

static int bind_event(struct store *s, sqlite3_stmt *st,
                      const struct trail_event *ev)
{
	bind_time_and_flags(s, st, ev);
	if (bind_dictionaries(s, st, ev) < 0)
		return -1;
	store_bind_id(st, 14, ev->event_id);
	store_bind_request_id(st, 15, ev->request_id);
	store_bind_id(st, 16, ev->shared_event_id);
	sqlite3_bind_int64(st, 17, s->cur.file);
	sqlite3_bind_int64(st, 18, (int64_t)ev->record_offset);
	sqlite3_bind_int64(st, 19, (int64_t)ev->record_length);
	return 0;
}

/* The event's shared ID, if it has one, into event_shared (schema 16). */
static int add_shared_id(struct store *s, int64_t event,
                         const struct trail_event *ev)
{
	if (!store_present(ev->shared_event_id))
		return 0;
	sqlite3_stmt *st = store_cached(
		s, "INSERT INTO event_shared(event, shared_id) VALUES(?1, ?2)");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	store_bind_id(st, 2, ev->shared_event_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail_sql(s, _("adding an event"));
}

/* Whether an event of ID `id` is stored: 1 yes, 0 no, -1 on error. */
static int stored_already(struct store *s, const char *id)
{
	sqlite3_stmt *st = store_cached(
		s, s->id_end == 4
		           ? "SELECT EXISTS (SELECT 1 FROM event WHERE "
		             STORE_ID_KEY_4 ")"
		           : "SELECT EXISTS (SELECT 1 FROM event WHERE "
		             STORE_ID_KEY_6 ")");
	if (!st)
		return -1;
	store_bind_id(st, 1, id);
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? found : store_fail_sql(s, _("adding an event"));
}

int store_add_event(struct store *s, const struct trail_event *ev,
                    bool *duplicate)
{
	*duplicate = false;
	if (!s->cur.open)
		return store_fail(s, "%s", _("no file is being imported"));
	if (!store_present(ev->event_id))
		return store_fail(s, "%s", _("an event without an event ID"));
	size_t idlen = strlen(ev->event_id);
	int stored = recent_set_has(&s->recent_ids, ev->event_id, idlen) ? 1
	             : s->ids_aside || s->ids_unique_in_table
	                     ? 0
	                     : stored_already(s, ev->event_id);
	if (stored != 0) {
		if (stored < 0)
			return -1;
		*duplicate = true;
		s->cur.duplicates++;
		return 0;
	}
	if (!s->insert_event &&
	    !(s->insert_event = store_prepare(
		      s, s->resource_in_row ? insert_lean_event_sql
		         : s->event_bits    ? insert_packed_event_sql
		                            : insert_event_sql)))
		return -1;
	sqlite3_stmt *st = s->insert_event;
	size_t next = 0;
	int64_t in_row = 0;
	int rc = bind_event(s, st, ev);
	if (rc == 0 && s->resource_in_row) {
		in_row = first_resource(s, ev, &next);
		if (in_row > 0)
			sqlite3_bind_int64(st, 21, in_row);
		rc = in_row < 0 ? -1 : 0;
	}
	if (rc == 0 && sqlite3_step(st) != SQLITE_DONE)
		rc = store_fail_sql(s, _("adding an event"));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc < 0)
		return -1;
	if (sqlite3_changes(s->db) == 0) {
		*duplicate = true;
		s->cur.duplicates++;
		return 0;
	}
	s->cur.events++;
	if (recent_set_add(&s->recent_ids, ev->event_id, idlen) < 0)
		return store_fail(s, "%s", _("out of memory"));
	int64_t event = sqlite3_last_insert_rowid(s->db);
	if (s->resource_in_row && add_shared_id(s, event, ev) < 0)
		return -1;
	return add_resources(s, event, ev, next, in_row);
}

/* The dictionary caches may hold ids, and the window event IDs, that a
 * rollback just took away. */
static void forget_caches(struct store *s)
{
	store_content_discard(s);
	store_stored_forget(s);
	store_caches_forget(s);
	recent_set_clear(&s->recent_ids);
}

/* Begins a write transaction, and reads inside it whether the index of
 * event IDs is set aside (only store_indexes_defer() and _build() change
 * that, outside transactions of files). */
static int begin_writing(struct store *s)
{
	if (store_exec(s, "BEGIN IMMEDIATE") < 0)
		return -1;
	int aside = store_dedupe_deferred(s);
	if (aside < 0 || store_caches_check(s) < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	s->ids_aside = aside;
	return 0;
}

/* Outside a batch a file is its own transaction.  Inside one, a file has
 * no savepoint of its own: a savepoint makes SQLite copy every page the
 * file first touches into a sub-journal, which cost a quarter of the
 * import's time.  Files come to the store already parsed, so the only way
 * one fails half-written is an SQL error (disk full), and then the whole
 * batch is rolled back: still never half a file. */
static int open_unit(struct store *s)
{
	s->cur.own_transaction = !s->in_batch;
	return s->in_batch ? 0 : begin_writing(s);
}

static int end_unit(struct store *s, bool keep)
{
	if (s->cur.own_transaction && keep)
		return store_content_flush(s) < 0 ? -1 : store_exec(s, "COMMIT");
	if (s->cur.own_transaction)
		return store_exec(s, "ROLLBACK");
	if (keep)
		return 0;
	s->in_batch = false;
	return store_exec(s, "ROLLBACK");
}

static int close_unit(struct store *s, bool keep)
{
	s->cur.open = false;
	if (end_unit(s, keep) == 0)
		return keep ? 0 : (forget_caches(s), 0);
	/* A failed COMMIT (disk full) leaves the transaction open: end it so
	 * the database stays as it was before this file (or batch). */
	if (s->cur.own_transaction || !keep) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->in_batch = false;
	}
	forget_caches(s);
	return -1;
}

/* What a new ledger row adds to the totals, which its readers take for
 * the ledger summed (schema.c, versions 2 and 17); in the row's
 * transaction.  Its events and duplicates come with its update.  OR
 * IGNORE, as for that update: the table's CHECK makes SQLite keep a
 * statement journal for a statement that may abort (6k instructions an
 * update without, 20k with), and nothing here can violate it. */
static int add_to_totals(struct store *s, enum store_file_state state,
                         int64_t stored)
{
	sqlite3_stmt *st = store_cached(
		s, "UPDATE OR IGNORE totals SET imported = imported + (?1 = 0),"
		   " digests = digests + (?1 = 1), failed = failed + (?1 = 2),"
		   " stored_bytes = stored_bytes + ?2");
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, (int)state);
	sqlite3_bind_int64(st, 2, stored);
	int rc = sqlite3_step(st);
	bool changed = sqlite3_changes(s->db) == 1;
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail_sql(s, _("recording a file"));
	return changed ? 0 : store_fail(s, "%s", _("recording a file"));
}

static int insert_ledger_row(struct store *s, const struct store_file_info *in,
                             enum store_file_state state, const char *reason,
                             int64_t stored)
{
	static const char sql[] =
		"INSERT INTO file(name, size, mtime_ns, hash, state, reason,"
		" stored_bytes, imported_ms, dir)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	const char *name = store_path_name(in->path);
	int64_t dir = store_dict_id_len(s, DICT_FILE_DIR, in->path,
	                                (size_t)(name - in->path));
	sqlite3_stmt *st = dir < 0 ? NULL : store_cached(s, sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, dir);
	sqlite3_bind_int64(st, 2, in->size);
	sqlite3_bind_int64(st, 3, in->mtime_ns);
	sqlite3_bind_text(st, 4, store_or_empty(in->hash), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, (int)state);
	bind_text_or_null(st, 6, reason);
	sqlite3_bind_int64(st, 7, stored);
	sqlite3_bind_int64(st, 8, now_ms());
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? add_to_totals(s, state, stored)
	                         : store_fail_sql(s, _("recording a file"));
}

int store_file_begin(struct store *s, const struct store_file_info *info,
                     const void *bytes, size_t nbytes,
                     enum store_encoding encoding)
{
	if (s->cur.open)
		return store_fail(s, "%s", _("a file is already being imported"));
	if (open_unit(s) < 0)
		return -1;
	s->cur.open = true;
	s->cur.events = s->cur.duplicates = 0;
	int copy = store_stored_copy(s, info->hash, bytes, nbytes, encoding);
	s->cur.copy = copy > 0;
	if (copy < 0 ||
	    insert_ledger_row(s, info, STORE_FILE_IMPORTED, NULL,
	                      s->cur.copy ? 0 : (int64_t)nbytes) < 0) {
		close_unit(s, false);
		return -1;
	}
	s->cur.file = sqlite3_last_insert_rowid(s->db);
	if (!s->cur.copy &&
	    (store_content_add(s, s->cur.file, bytes, nbytes, encoding) < 0 ||
	     store_stored_note(s, info->hash, s->cur.file) < 0)) {
		close_unit(s, false);
		return -1;
	}
	return 0;
}

bool store_file_is_copy(const struct store *s)
{
	return s->cur.open && s->cur.copy;
}

int store_file_count_copies(struct store *s, int64_t n)
{
	if (!s->cur.open || !s->cur.copy)
		return store_fail(s, "%s", "the file is not a copy");
	s->cur.duplicates += n;
	return 0;
}

int store_file_commit(struct store *s, enum store_file_state state)
{
	if (!s->cur.open)
		return store_fail(s, "%s", _("no file is being imported"));
	/* OR IGNORE: the ledger's trigger (schema.c, version 2) makes SQLite
	 * guard a statement that may abort with a statement journal, a copy
	 * of each 16 KB page it touches, which cost more than the update.
	 * Nothing here can violate a constraint (the values are bound, the
	 * row is there), and a row left unchanged is caught below. */
	static const char sql[] = "UPDATE OR IGNORE file SET state=?1, events=?2,"
	                          " duplicates=?3 WHERE id=?4";
	sqlite3_stmt *st = store_cached(s, sql);
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_int(st, 1, (int)state);
		sqlite3_bind_int64(st, 2, s->cur.events);
		sqlite3_bind_int64(st, 3, s->cur.duplicates);
		sqlite3_bind_int64(st, 4, s->cur.file);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_fail_sql(s, _("recording a file"));
		else if (sqlite3_changes(s->db) != 1)
			rc = store_fail(s, "%s", _("recording a file"));
		sqlite3_reset(st);
	}
	if (rc < 0) {
		close_unit(s, false);
		return -1;
	}
	return close_unit(s, true);
}

int store_file_abandon(struct store *s)
{
	if (!s->cur.open)
		return 0;
	return close_unit(s, false);
}

int store_file_failed(struct store *s, const struct store_file_info *info,
                      const char *reason)
{
	if (s->cur.open)
		return store_fail(s, "%s", _("a file is already being imported"));
	/* Outside a batch, the row and the totals in one transaction,
	 * begun as the others are (its caches checked). */
	bool own = sqlite3_get_autocommit(s->db);
	if (own && begin_writing(s) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(
		s, "DELETE FROM file WHERE " STORE_PATH_KEY " AND state=?3");
	int rc = st ? 0 : -1;
	if (st) {
		store_bind_path(st, info->path);
		sqlite3_bind_int(st, 3, STORE_FILE_FAILED);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_fail_sql(s, _("recording a file"));
		sqlite3_finalize(st);
	}
	if (rc == 0)
		rc = insert_ledger_row(s, info, STORE_FILE_FAILED, reason, 0);
	if (own && rc == 0)
		rc = store_exec(s, "COMMIT");
	if (own && rc < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		forget_caches(s);
	}
	return rc;
}

int store_batch_begin(struct store *s)
{
	if (s->in_batch || s->cur.open)
		return store_fail(s, "%s", _("a batch is already open"));
	/* A bigger page cache while importing (32 MB; the UNIQUE indexes are
	 * touched at random).  It also bounds the sorts that build the lookup
	 * indexes at the end.  64 MB was no faster (1M bench trail: 22-24 s
	 * either way) and took a 10M import past 256 MB. */
	if (store_exec(s, "PRAGMA cache_size=-32768") < 0 || begin_writing(s) < 0)
		return -1;
	s->in_batch = true;
	return 0;
}

bool store_in_batch(const struct store *s)
{
	return s->in_batch;
}

int store_batch_end(struct store *s)
{
	if (!s->in_batch)
		return 0;
	if (s->cur.open)
		store_file_abandon(s);
	s->in_batch = false;
	if (store_content_flush(s) == 0 && store_exec(s, "COMMIT") == 0)
		return 0;
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	forget_caches(s);
	return -1;
}

int store_file_lookup(struct store *s, const char *path, int64_t *size,
                      int64_t *mtime_ns, char **hash,
                      enum store_file_state *state)
{
	static const char sql[] =
		"SELECT size, mtime_ns, hash, state FROM file WHERE "
		STORE_PATH_KEY
		" ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *st = store_cached(s, sql);
	if (!st)
		return -1;
	store_bind_path(st, path);
	int rc = sqlite3_step(st), found = 0;
	if (rc == SQLITE_ROW) {
		*size = sqlite3_column_int64(st, 0);
		*mtime_ns = sqlite3_column_int64(st, 1);
		*state = (enum store_file_state)sqlite3_column_int(st, 3);
		found = 1;
		if (hash && !(*hash = strdup(
				      (const char *)sqlite3_column_text(st, 2))))
			found = store_fail(s, "%s", _("out of memory"));
	} else if (rc != SQLITE_DONE) {
		found = store_fail_sql(s, _("reading the ledger"));
	}
	sqlite3_reset(st);
	return found;
}
