/* internal.h - what the store's own files share; nothing outside
 * src/store includes this. */
#ifndef TRAILNAV_STORE_INTERNAL_H
#define TRAILNAV_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/buf.h"
#include "util/last_key.h"
#include "util/recent_set.h"
#include "util/strmap.h"
#include "store/store.h"
#include "util/intcount.h"

/* The string dictionaries, in the order of the tables in schema.c. */
enum store_dict {
	DICT_REGION,
	DICT_SERVICE,
	DICT_EVENT_NAME,
	DICT_ACCOUNT,
	DICT_IP,
	DICT_AGENT,
	DICT_ERROR,
	DICT_ACCESS_KEY,
	/* Not columns of the event row: the parts of a resource (schema 11). */
	DICT_ARN_PREFIX,
	DICT_RESOURCE_TYPE,
	/* The ledger's directories (schema 12, file_paths.c). */
	DICT_FILE_DIR,
	DICT_COUNT_
};

/* Decoded files kept for reading records back; a few, because events in
 * time order mostly come from the same few files. */
#define STORE_FILE_CACHE_SLOTS 4

/* Words whose text-search answers the store keeps: each holds a note of
 * every stored file (about 16 bytes a file, 4 MB for a 10M-event trail's
 * 270k files), and a browser searches one word at a time. */
#define TEXT_PREFETCH_KEPT 2

struct decoded_file {
	int64_t file; /* 0: empty slot */
	char *data;
	size_t len;
	uint64_t used; /* tick of last use, for least-recently-used eviction */
};

/* dict_cache.c: the writer's ids of one table's rows, by key: a
 * dictionary (enum store_dict), then principals and resources. */
enum { CACHE_PRINCIPAL = DICT_COUNT_, CACHE_RESOURCE, CACHE_COUNT_ };

struct id_cache {
	struct strmap ids;
	/* The key last asked, with its id: the next event mostly asks the
	 * same (last_key.h). */
	struct last_key last;
	/* It holds every row of its table, whose largest id is max_id: a key
	 * it lacks is new.  Checked as each write transaction begins
	 * (store_caches_check()). */
	bool whole;
	int64_t max_id;
};

/* The file being written, between store_file_begin() and its end. */
struct file_in_progress {
	bool open;
	bool own_transaction; /* began outside a batch */
	bool copy;            /* its bytes are stored already (copies.c) */
	int64_t file;
	int64_t events, duplicates;
};

/* content.c: the chunk that the files being written go into, until it is
 * written (id 0: none is begun). */
struct pending_chunk {
	int64_t id;
	size_t size; /* of a full chunk, once known */
	struct buf bytes;
};

struct store {
	sqlite3 *db;
	bool read_only;
	/* The database's schema version as last read (store_has_schema()):
	 * a read-only open of an older database reads it as it is. */
	int schema_version;
	struct pending_chunk chunk;
	/* Made before schema 7: a UNIQUE constraint in the table refuses a
	 * second event of an ID by itself. */
	bool ids_unique_in_table;
	/* Made at schema 15 or later: the event row packs its flags and the
	 * milliseconds into `bits` (schema.c, version 15). */
	bool event_bits;
	/* The bytes of an event ID the index of their ends holds: 4, or 6
	 * in a database made before schema 15 (STORE_ID_KEY_4). */
	int id_end;
	/* Made at schema 16 or later: the row holds the event's first
	 * resource, event_resource its others, and event_shared the shared
	 * event IDs (schema.c, version 16). */
	bool resource_in_row;
	char errmsg[512];
	bool in_batch;
	/* The index of event IDs is set aside (indexes.c): the writer adds
	 * every event, and the copies go when it is built.  Read when a batch
	 * or a file's own transaction begins. */
	bool ids_aside;
	struct file_in_progress cur;
	struct id_cache caches[CACHE_COUNT_];
	/* The IDs of the events written last, committed or in the open
	 * transaction: a copy among them is a duplicate without a query, and
	 * while the index of IDs is set aside, without a row to remove. */
	struct recent_set recent_ids;
	size_t cache_budget; /* of the caches above; 0: the default */
	/* Prepared on first use, kept for every event of an import. */
	sqlite3_stmt *insert_event;
	sqlite3_stmt *insert_event_resource;
	sqlite3_stmt *dict_select[DICT_COUNT_], *dict_insert[DICT_COUNT_];
	sqlite3_stmt *principal_select, *principal_insert;
	sqlite3_stmt *resource_select, *resource_insert;
	/* Statements run once per file, prepared once (store_cached()). */
	struct { const char *sql; sqlite3_stmt *st; } stmts[16];
	size_t nstmts;
	/* where.c: the last filter whose resource terms were weighed, and
	 * whether they match too many events to gather (filter_format()
	 * text, malloc'd). */
	char *wide_filter;
	bool wide_answer;
	int64_t gather_limit; /* store_set_resource_gather_limit() */
	struct decoded_file cache[STORE_FILE_CACHE_SLOTS];
	uint64_t cache_tick;
	bool prefetch_first; /* store_set_text_prefetch_first() */
	/* copies.c: the first stored file of each content hash, read from
	 * the ledger when a file is first written. */
	struct intcount stored_by_hash;
	bool stored_loaded;
	/* text_prefetch.c: the last words' prefetches, kept for the next
	 * statement that searches one of them. */
	struct text_prefetch *prefetched[TEXT_PREFETCH_KEPT];
	uint64_t prefetch_tick;
};

/* Decoded files larger than this are refused: the importer enforces a
 * smaller cap, so only a damaged database gets here. */
#define STORE_DECODED_FILE_CAP ((size_t)2 << 30)

/* text_prefetch.c: a thread of its own that decodes the stored files and
 * notes which hold `needle` (len bytes, lower case), for a text search on
 * this thread to ask before decoding a file itself.  NULL when it cannot
 * start (a database in memory, no thread): the search then does without. */
struct text_prefetch;
struct text_prefetch *text_prefetch_start(struct store *s, const char *needle,
                                          size_t len);
/* What the thread found of `file`: 2 holds the needle, 1 does not, 0 not
 * known (yet, or p is NULL). */
int text_prefetch_known(struct text_prefetch *p, int64_t file);
/* What the search found itself, so that the thread skips the file. */
void text_prefetch_note(struct text_prefetch *p, int64_t file, bool has);
/* The statement is done with `p` (which may be NULL).  A kept prefetch
 * stays, its thread running on, for the next statement of its word; one
 * not kept is stopped and freed. */
void text_prefetch_release(struct text_prefetch *p);
/* Stops and frees every kept prefetch (no statement may be using one). */
void text_prefetch_forget_all(struct store *s);

/* Sets the store's error message (printf-style) and returns -1. */
int store_fail(struct store *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same, appending SQLite's message for the connection. */
int store_fail_sql(struct store *s, const char *what);

/* The monotonic clock in milliseconds. */
int64_t store_clock_ms(void);
/* Interrupts the statement running once store_clock_ms() passes `ms` from
 * now (SQLITE_INTERRUPT), until store_deadline_clear(); `until` holds the
 * deadline meanwhile. */
void store_deadline_set(struct store *s, int64_t ms, int64_t *until);
void store_deadline_clear(struct store *s);

/* The event row's `bits` in a database made at schema 15 or later
 * (schema.c): the category in bits 0-2, global in 3, read-only in 4-5 (0:
 * not said, 1: false, 2: true), the record escaped in 6, and the
 * milliseconds past the second from 7 on.  The writer packs it; readers
 * that pass over every row (tally.c) read it whole, as reading the
 * columns generated from it costs more than the arithmetic. */
#define STORE_BITS_CATEGORY(v) ((v) & 7)
#define STORE_BITS_GLOBAL(v) (((v) >> 3) & 1)
#define STORE_BITS_READ_ONLY(v) ((int)(((v) >> 4) & 3) - 1) /* -1: not said */
#define STORE_BITS_ESCAPED(v) (((v) >> 6) & 1)
#define STORE_BITS_MS(v) ((v) >> 7)
#define STORE_BITS(category, global, read_only, escaped, ms)               \
	((int64_t)(category) | (int64_t)(global) << 3 |                    \
	 (int64_t)((read_only) + 1) << 4 | (int64_t)(escaped) << 6 |       \
	 (int64_t)(ms) << 7)

/* The writer's window of event IDs (recent_set.h): 16,384 to 32,768 of
 * the last events, in 4 MB. */
#define STORE_RECENT_IDS 16384

/* A connection's page cache outside imports, in KiB (PRAGMA cache_size
 * takes it negated). */
#define STORE_CACHE_KIB "16384"

/* Runs SQL with no results (several statements allowed). */
int store_exec(struct store *s, const char *sql);

/* The integer in the first column of the first row `sql` returns (0
 * when none); -1 on error, recorded as failing at `what`.  For queries
 * whose answer is never negative. */
int64_t store_scalar(struct store *s, const char *sql, const char *what);

/* Prepares a statement, recording the error on failure. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql);
/* The same for SQL in static storage, prepared on first use and kept until
 * the store closes (found again by the text's address); the statement
 * comes back reset, with no bindings.  Do not finalize it. */
sqlite3_stmt *store_cached(struct store *s, const char *sql);

/* dedupe.c: whether a bulk import has set the UNIQUE index of event IDs
 * aside, so that every event went in (1), or not (0); -1 on error. */
int store_dedupe_deferred(struct store *s);
/* Removes every event whose ID an earlier event holds, with its resource
 * links, and counts it as its file's duplicate in the ledger; *removed
 * says how many.  Inside a transaction, before the indexes are built. */
int store_dedupe_events(struct store *s, int64_t *removed);

/* The table name of a dictionary. */
const char *store_dict_table(enum store_dict d);
/* The condition that finds value ?1 in a dictionary's table. */
const char *store_dict_key(enum store_dict d);

/* Strings the writer takes for absent when NULL or empty: AWS writes
 * both. */
static inline bool store_present(const char *v)
{
	return v && *v;
}

static inline const char *store_or_empty(const char *v)
{
	return v ? v : "";
}

/* dict_cache.c: the id of a string in a dictionary, of an event's
 * principal, of a resource by its ARN (its type kept with a new row):
 * the row is added when missing.  0 when the string (every part of the
 * principal) is NULL or empty; -1 on error. */
int64_t store_dict_id(struct store *s, enum store_dict d, const char *v);
int64_t store_dict_id_len(struct store *s, enum store_dict d, const char *v,
                          size_t n);
int64_t store_principal_id(struct store *s, const struct trail_event *ev);
int64_t store_resource_id(struct store *s, const char *arn, const char *type);
/* Inside a write transaction just begun: which caches still hold every
 * row of their tables. */
int store_caches_check(struct store *s);
/* After a rollback, which may have taken away rows they hold. */
void store_caches_forget(struct store *s);
void store_caches_free(struct store *s);

/* The ledger's rows of a path, bound with store_bind_path() (its name ?1,
 * its directory ?2), found through the index of the names' ends
 * (schema.c, versions 9 and 12): the expression written as the index has
 * it so that SQLite uses it, and the whole name compared with a unary
 * plus, without which SQLite puts ?1 for `name` in the first term
 * (constant propagation) and reads the whole ledger instead.  A
 * directory the ledger never had matches no row. */
#define STORE_PATH_KEY                                                      \
	"substr(name, -32) = substr(?1, -32) AND +name = ?1 AND dir ="      \
	" CASE WHEN ?2 = '' THEN 0 ELSE (SELECT id FROM file_dir"           \
	" WHERE s = ?2) END"

/* file_paths.c: the ledger's paths as a directory and a name. */
/* The name part of `path`: what follows its last '/'. */
static inline const char *store_path_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
/* Binds `path` to a statement with STORE_PATH_KEY, as ?1 and ?2. */
void store_bind_path(sqlite3_stmt *st, const char *path);
/* The SQL of the path of the ledger row aliased `f`, in this database's
 * layout. */
const char *store_file_path_sql(struct store *s);
/* tn_path_dir(path) and tn_path_name(path), for the upgrade. */
int store_register_path_functions(struct store *s);

/* The events of ID ?1 (bound with store_bind_id()), found through the
 * index of the IDs' ends, the whole ID compared with a unary plus for the
 * reason given above: 4 bytes in a database made at version 15 or later,
 * 6 in one made before (schema.c, versions 10 and 15; struct store's
 * id_end says which). */
#define STORE_ID_KEY_4                                                      \
	"substr(event_id, -4) = substr(?1, -4) AND +event_id = ?1"
#define STORE_ID_KEY_6                                                      \
	"substr(event_id, -6) = substr(?1, -6) AND +event_id = ?1"

/* schema.c: creates or upgrades the schema to the current version. */
int store_schema_migrate(struct store *s);

/* Whether the database `db` has at least schema `version` (its
 * user_version). */
bool store_schema_at_least(sqlite3 *db, int version);
/* The same for the store's database, asked again while it has not: a
 * read-only open of an older database reads it as it is, and another
 * trailnav may upgrade it meanwhile (a version never goes back). */
bool store_has_schema(struct store *s, int version);
/* The versions that changed what readers must do: indexes set aside
 * (indexes.c); files' bytes kept in chunks (content.c); event IDs found
 * by their ends (STORE_ID_KEY_6); a resource's ARN kept as a prefix and
 * its name (store_resource_name()); a ledger path kept as its directory
 * and name (store_file_path_sql()); events indexed by whole seconds
 * (time_key.c). */
#define STORE_SCHEMA_DEFERRED_INDEXES 4
#define STORE_SCHEMA_CHUNKS 8
#define STORE_SCHEMA_IDS_BY_END 10
#define STORE_SCHEMA_ARN_PREFIX 11
#define STORE_SCHEMA_FILE_DIRS 12
#define STORE_SCHEMA_TIME_SECONDS 14

/* time_key.c: the time the indexes of the events order them by, whole
 * seconds since schema 14, for the table alias "e".  The key's SQL, the
 * milliseconds in one unit of it, and the key of a time in milliseconds. */
const char *store_time_key_sql(struct store *s);
int64_t store_time_key_unit(struct store *s);
int64_t store_time_key(struct store *s, int64_t ms);
/* Appends the condition that e's time is in [lo, hi), both SQL
 * expressions in milliseconds (parameters or numbers), in a form that
 * bounds a walk of the index. */
void store_time_range_sql(struct store *s, struct buf *b, const char *lo,
                          const char *hi);
/* Appends the condition that e comes after the cursor whose key and id
 * are bound to the two parameters, walking to older events or newer. */
void store_time_after_sql(struct store *s, struct buf *b, bool older,
                          size_t key_param, size_t id_param);
/* Appends " ORDER BY" the key and the id, newest first when `older`. */
void store_time_order_sql(struct store *s, struct buf *b, bool older);

/* How the writer finds a dictionary's rows without a UNIQUE index of
 * whole values beside the table (schema.c, versions 11 and 13): through
 * a case-blind or a smaller index, then the whole value compared (with
 * a unary plus after an index of an expression: see STORE_PATH_KEY).
 * A resource by prefix ?1 and name ?2 (resource_by_name). */
#define STORE_RESOURCE_KEY "name = ?2 COLLATE NOCASE AND prefix = ?1 AND name = ?2"
/* A principal by type ?1, ARN ?2, name ?3, principal ID ?4 and account ?5
 * (principal_by_pid_end). */
#define STORE_PRINCIPAL_KEY                                                 \
	"substr(pid, -16) = substr(?4, -16) AND +pid = ?4 AND type = ?1"    \
	" AND arn = ?2 AND name = ?3 AND account = ?5"
/* An access key ?1 (access_key_by_s_nocase, which `key:` reads too). */
#define STORE_ACCESS_KEY_KEY "s = ?1 COLLATE NOCASE AND s = ?1"

/* A resource's short name: what follows the ARN's last '/' or ':' (a
 * bucket, an object, a role, a function), or the whole ARN when nothing
 * does.  What comes before it is the ARN's prefix, which resources share
 * (a bucket's folder, an account's roles): since schema 11 the resource
 * table holds the prefix as a dictionary id and the name, never the ARN
 * whole, and where.c splits an ARN being looked for the same way. */
static inline const char *store_resource_name(const char *arn)
{
	const char *slash = strrchr(arn, '/');
	const char *colon = strrchr(arn, ':');
	const char *cut = slash && (!colon || slash > colon) ? slash : colon;
	return cut && cut[1] ? cut + 1 : arn;
}

/* content.c: the files' original bytes.  The columns that
 * content_row_bytes() reads, for a SELECT from file_content: encoding,
 * then the bytes and where they lie. */
const char *store_content_columns(bool chunked);
/* Stores file `file`'s bytes, in chunks or (an older schema) a blob. */
int store_content_add(struct store *s, int64_t file, const void *bytes,
                      size_t n, enum store_encoding enc);
/* Writes the chunk being filled: before every COMMIT of files. */
int store_content_flush(struct store *s);
/* Forgets the chunk being filled: its transaction was rolled back. */
void store_content_discard(struct store *s);
/* File `file`'s stored bytes (malloc'd, NUL-terminated) and encoding: 1
 * when found, 0 when the file has none, -1 on error. */
int store_content_read(struct store *s, int64_t file, int *encoding,
                       void **bytes, size_t *n);
/* From a row whose columns from `col` are store_content_columns()'s after
 * the encoding: the bytes, malloc'd and NUL-terminated.  An SQLite result
 * code.  `pending`: the writer's chunk not yet written, or NULL (another
 * connection, text_prefetch.c). */
int content_row_bytes(sqlite3 *db, const struct pending_chunk *pending,
                      sqlite3_stmt *st, int col, void **out, size_t *n);
/* `length` bytes from `offset` in chunk `chunk` on, malloc'd and
 * NUL-terminated. */
int content_read(sqlite3 *db, const struct pending_chunk *pending,
                 int64_t chunk, int64_t offset, int64_t length, void **out);

/* record.c: the decoded bytes of a kept file, from the cache or decoded
 * now.  The pointer is valid until the next call. */
int store_decoded_file(struct store *s, int64_t file, const char **data,
                       size_t *len);
void store_cache_clear(struct store *s);
/* Registers tn_record_contains(file, offset, length, needle), the SQL
 * function behind bare-word search, and the ID functions of ids.c. */
int store_register_functions(struct store *s);

/* ids.c: IDs as stored (see util/uuid_key.h, util/b36_key.h).
 * store_bind_id binds text (NULL or "" as NULL) as its stored value;
 * store_column_id reads one back as text, in buf when it was packed (NULL
 * for NULL or "").
 * store_register_id_functions adds tn_id_key(text), the stored value of
 * an ID, and tn_id_text(stored), its text. */
#define STORE_ID_TEXT_SIZE 53 /* B36_KEY_TEXT_SIZE, the longest */
int store_bind_id(sqlite3_stmt *st, int param, const char *text);
/* A request ID, which may also be packed as a base-36 number
 * (util/b36_key.h). */
int store_bind_request_id(sqlite3_stmt *st, int param, const char *text);
const char *store_column_id(sqlite3_stmt *st, int col,
                            char buf[STORE_ID_TEXT_SIZE]);
int store_register_id_functions(struct store *s);

/* The SQL condition for a filter, with its parameters. */
struct where_param {
	bool is_text;
	const char *text; /* borrowed from the filter or owned (see own) */
	char *own;
	int64_t integer;
};
struct where {
	char *sql; /* "1" for no filter */
	/* The same condition for a walk of the events in time order, with
	 * the same parameters; NULL when it is `sql`.  A term that SQLite
	 * answers best by gathering every match first (resource:) is
	 * written here as a question to each event instead. */
	char *walk_sql;
	/* Set by store_where_split() (for the tally's pass over every
	 * event) when gathering the matches first is dear (resource terms
	 * matching more than 100,000 events), and by the tally when SQLite
	 * would find the matches by reading every event (plan.c): the pass
	 * should ask each event the walk form's question, walk_sql (sql
	 * when that is NULL). */
	bool prefer_walk;
	size_t nparams;
	struct where_param *params;
};
/* where.c: compiles `f` (NULL: everything) into a condition on the table
 * alias "e", with parameters numbered ?1..?N; a query adds its own
 * parameters after them as ?N+1... */
int store_where(struct store *s, const struct filter *f, struct where *w);
void store_where_free(struct where *w);

/* plan.c: whether SQLite runs the SELECT `sql` by seeking an index of the
 * filter's, rather than by reading every event or walking the time
 * index (false too when it cannot be told). */
bool store_plan_seeks(struct store *s, const char *sql);
/* The same, from the same one look at the plan, with *key (when not NULL)
 * the filter key whose index SQLite seeks (one search of the events,
 * through one key's index); FK_COUNT_ when it reads them some other way
 * or cannot be told. */
bool store_plan_read(struct store *s, const char *sql, enum filter_key *key);
/* Whether SQLite tells at once that `w` matches no event (a condition
 * false whatever the row, or a tiny database): then the condition in a
 * WHERE costs nothing, even where the plan reads every event. */
bool store_where_empty(struct store *s, const struct where *w);
/* The interval [lo, hi) every match of `f` lies in, from its since: and
 * until: terms (INT64_MIN, INT64_MAX: none). */
void store_time_bounds(const struct filter *f, int64_t *lo, int64_t *hi);

/* reader.c: the ways a page can be read (see store_page), shared with
 * search.c. */
enum page_plan {
	PLAN_TIME_WALK, /* the time index, forced, the filter in its WHERE */
	PLAN_PLANNER,   /* SQLite's choice, rows read as they are met */
	PLAN_SORTED,    /* SQLite's choice, ids first (see store_page_sql) */
};
char *store_page_sql(struct store *s, const struct where *w,
                     const struct store_cursor *from,
                     enum store_direction dir, enum page_plan plan);
int store_page_run(struct store *s, const struct where *w,
                   const struct store_cursor *from, enum store_direction dir,
                   size_t limit, enum page_plan plan, struct store_page *page);
/* The events `ids` (n of them) read whole, in `dir`'s order. */
int store_page_of_ids(struct store *s, const int64_t *ids, size_t n,
                      enum store_direction dir, bool more,
                      struct store_page *page);
/* The same, split: `rest` gets the condition of every key not among
 * `keys`, key_sql[i] (malloc'd) the condition of keys[i] alone ("1" when
 * the filter has no term of it), every parameter numbered in rest's one
 * list so that all of them can go into one statement. */
int store_where_split(struct store *s, const struct filter *f,
                      const enum filter_key *keys, size_t nkeys,
                      struct where *rest, char **key_sql);
/* The condition of key's positive terms in f alone (malloc'd), its
 * parameters appended to w's list so that a statement holding both binds
 * them with w's; NULL when f has none (or on failure, with the store's
 * message set).  The part of a condition by which SQLite seeks the key's
 * index, for a WHERE that returns every event it reads (tally.c). */
char *store_where_key_append(struct store *s, const struct filter *f,
                             enum filter_key key, struct where *w);
/* Binds w's parameters to ?1..?N of `st`. */
int store_where_bind(struct store *s, const struct where *w,
                     sqlite3_stmt *st);

/* reader.c: runs "<head> WHERE <filter> <rest>", where "$1".."$9" in head
 * and rest stand for `extra`'s values, handing each result row to `row`
 * (which returns -1 to stop with an error). */
typedef int (*store_row_fn)(struct store *s, sqlite3_stmt *st, void *ctx);
int store_query_filtered(struct store *s, const struct filter *f,
                         const char *head, const char *rest,
                         const int64_t *extra, size_t nextra,
                         store_row_fn row, void *ctx);

/* facet.c: how the principal facet groups principal rows, as
 * store_facet() does: by their facet value (what `principal:` matches),
 * not by row.  Adds to `unnamed` (as keys, counts 1) the rows whose value
 * is NULL, "(none)" as an event without a principal is: they name no ARN,
 * name or principal ID.  Adds to `alias` each other row whose value an
 * earlier row has, its count the id of the first such row (two records
 * of one web-identity user, one with an account and one without, are
 * two rows of one value).  Returns 0 or -1. */
struct intcount;
int store_principal_groups(struct store *s, struct intcount *unnamed,
                           struct intcount *alias);

/* copies.c: 1 when bytes of `hash` are stored already (compared byte for
 * byte), 0 when not, -1 on error. */
int store_stored_copy(struct store *s, const char *hash, const void *bytes,
                      size_t n, enum store_encoding enc);
/* Notes that file `file`'s bytes, of `hash`, are now stored. */
int store_stored_note(struct store *s, const char *hash, int64_t file);
/* Forgets what was read: a rollback may have taken some away. */
void store_stored_forget(struct store *s);

/* facet_labels.c: the values and labels of a tally's keys, each read
 * once (keys as tally.c keeps them: a NULL column as a key of its own). */
struct facet_labels {
	struct intcount at;        /* key → its place in `known`, from 1 */
	struct store_facet known;  /* counts unused */
	size_t cap;
};
void facet_labels_init(struct facet_labels *l);
void facet_labels_free(struct facet_labels *l);
/* Reads those of keys[0..n) not yet known (nulls[i]: the column's NULL). */
int facet_labels_read(struct store *s, enum store_dimension dim,
                      struct facet_labels *l, const int64_t *keys,
                      const bool *nulls, size_t n);
/* A key's value and label, NULL when not read. */
const struct store_facet_value *facet_labels_get(const struct facet_labels *l,
                                                 int64_t key);

/* facet.c: the values and labels of keys counted elsewhere (tally.c):
 * `keys` are the dimension's column values (nulls[i]: NULL); the facet
 * gets one value each, in their order, counted 0. */
int store_facet_labels(struct store *s, enum store_dimension dim,
                       const int64_t *keys, const bool *nulls, size_t n,
                       struct store_facet *facet);

#endif
