/* store.h - the event store: the only code in trailnav that speaks SQL.
 *
 * One SQLite database holds the import ledger (every file seen, with the
 * original bytes of each imported one), a compact row per event, and
 * dictionary tables for the strings events repeat (SPEC section 2).
 *
 * Writers add whole files: store_file_begin(), store_add_event() for each
 * record, then store_file_commit() or store_file_abandon().  A file is in
 * the database completely or not at all.  Readers ask for a page of events
 * after a keyset cursor, counts, facets, a histogram, or one record's
 * original bytes, each under a filter (filter.h).
 *
 * Errors: functions returning int give 0 on success and -1 on failure, with
 * the reason in store_errmsg().  Strings handed in are copied; strings handed
 * out belong to the struct they come in and live until it is freed.
 */
#ifndef TRAILNAV_STORE_H
#define TRAILNAV_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filter/filter.h"
#include "model/event.h"

struct store;

enum store_mode {
	STORE_READ_WRITE, /* create the file (and its directory) if missing;
	                     fails, saying so, when it cannot be written */
	STORE_READ_ONLY,
	/* For readers (stats, query, the browser): read-write when the file
	 * can be written or does not exist yet (so it is created and its
	 * schema kept current), else read-only; on a read-only file system
	 * where SQLite cannot open the write-ahead log, read-only as an
	 * immutable file. */
	STORE_READER,
	/* As STORE_READER, but a missing file is an error ("no database at
	 * PATH") and nothing is made, neither the file nor its directory:
	 * for commands that only read (query, stats, files), where a
	 * mistyped --db must not leave an empty database behind, nor race
	 * an importer that is creating the real one. */
	STORE_READ_EXISTING
};

/* Tunes the SQLite library for this program; call once, first thing in
 * main(), before any thread starts. */
void store_library_init(void);

/* Called before an upgrade of the schema that rewrites the rows of a
 * database holding events (a minute or more at millions of them), with
 * the database's path and the versions; the store itself prints
 * nothing.  Process-wide, like store_library_init(). */
typedef void store_upgrade_notice(const char *path, int from, int to);
void store_set_upgrade_notice(store_upgrade_notice *notice);

/* Opens the database at `path` (":memory:" for a private in-memory one),
 * bringing its schema up to date.  On failure returns NULL and, when
 * `errbuf` is not NULL, writes the reason there. */
struct store *store_open(const char *path, enum store_mode mode,
                         char *errbuf, size_t errlen);
void store_close(struct store *s);
const char *store_errmsg(const struct store *s);

/* The schema version this build writes (PRAGMA user_version). */
int store_schema_version(void);

/* The database path: `--db` if given, else $TRAILNAV_DB, else
 * $XDG_DATA_HOME/trailnav/trailnav.db, else ~/.local/share/trailnav/...
 * Returns a malloc'd string, or NULL when no home directory is known. */
char *store_default_path(const char *db_option);

/* ---- Writing ------------------------------------------------------------ */

/* How a file's bytes are kept. */
enum store_encoding {
	STORE_ENC_IDENTITY = 0, /* as they are */
	STORE_ENC_GZIP = 1      /* gzip (one or more members) */
};

/* What the ledger says of a file. */
enum store_file_state {
	STORE_FILE_IMPORTED = 0,
	STORE_FILE_DIGEST = 1,
	STORE_FILE_FAILED = 2
};

struct store_file_info {
	const char *path;
	int64_t size;     /* bytes on disk */
	int64_t mtime_ns; /* modification time, nanoseconds since the epoch */
	const char *hash; /* content hash, lower-case hex */
};

/* Starts a file: records it in the ledger with its bytes (kept as given,
 * in `encoding`).  Until the commit, nothing of it is visible to readers. */
int store_file_begin(struct store *s, const struct store_file_info *info,
                     const void *bytes, size_t nbytes,
                     enum store_encoding encoding);

/* True when the current file's bytes were found stored already, byte for
 * byte (a copy of an imported file, or the file itself touched): its
 * bytes stay with the first, and its events, all stored already, are not
 * added but counted with store_file_count_copies(). */
bool store_file_is_copy(const struct store *s);
int store_file_count_copies(struct store *s, int64_t n);

/* Adds one event of the current file.  Sets *duplicate when an event with
 * the same event ID is already stored (then nothing is added). */
int store_add_event(struct store *s, const struct trail_event *ev,
                    bool *duplicate);

/* Ends the current file.  commit: its events are in, as a unit, and the
 * ledger records `state` (IMPORTED or DIGEST) with the counts.  abandon
 * (or a failure while writing it): nothing of it stays, and inside a batch
 * nothing of the batch stays either; the batch is over
 * (store_in_batch() is false). */
int store_file_commit(struct store *s, enum store_file_state state);
int store_file_abandon(struct store *s);

/* Records a file that could not be imported, with the reason (translated
 * text, shown to the user by `trailnav files`).  No bytes, no events.  An
 * earlier failure recorded for the same path is replaced, so retrying a
 * bad file does not grow the ledger. */
int store_file_failed(struct store *s, const struct store_file_info *info,
                      const char *reason);

/* Groups many files into one transaction: far faster than one per file,
 * while a crash still loses only whole files.  store_batch_end() commits;
 * when it fails, none of the batch's files are in.  Without a batch, each
 * file commits on its own. */
int store_batch_begin(struct store *s);
int store_batch_end(struct store *s);
bool store_in_batch(const struct store *s);
/* The memory the writer's caches of dictionary ids may hold together
 * (0: the default, 24 MB); past it the biggest starts over. */
void store_set_cache_budget(struct store *s, size_t bytes);
/* How many events `resource:` terms must match before counts ask each
 * event about its resources rather than gather the matches first
 * (0: the default, 100,000; -1: always ask each event). */
void store_set_resource_gather_limit(struct store *s, int64_t events);
/* With `first`, a text search waits for its second thread to look at
 * every stored file before it begins (text_prefetch.c), so that each
 * answer is that thread's: for tests.  Without (the default), the two
 * go on together. */
void store_set_text_prefetch_first(struct store *s, bool first);

/* ---- Lookup indexes built after a bulk import (indexes.c) ------------- */

/* Which indexes an import sets aside until its end. */
enum store_defer {
	STORE_DEFER_NONE,
	STORE_DEFER_LOOKUPS, /* the lookup indexes */
	STORE_DEFER_ALL,     /* those and the index of event IDs */
};

/* What an import of `bytes` of trail files should set aside: the lookup
 * indexes when it brings at least as many events as the database holds,
 * so that building them at its end costs less than keeping them up to
 * date event by event; the index of event IDs as well when the database
 * will hold millions of events (indexes.c says why). */
enum store_defer store_indexes_worth_deferring(struct store *s,
                                              uint64_t bytes);
/* Drops the indexes `what` names, keeping their definitions in the
 * database: queries stay correct, only slower, until
 * store_indexes_build(); without the index of event IDs, events go in
 * unchecked, and copies are removed then.  Not inside a batch. */
int store_indexes_defer(struct store *s, enum store_defer what);
/* How many indexes wait to be built (an import was killed before its
 * end, or is running); -1 on error. */
int store_indexes_pending(struct store *s);
/* Builds every waiting index, in one transaction; -1 on failure, and
 * they still wait.  When the event-ID index waited, the events imported
 * meanwhile went in unchecked: the later copies of each ID are removed
 * and counted as duplicates, in the ledger and in *duplicates (which
 * may be NULL). */
int store_indexes_build(struct store *s, int64_t *duplicates);

/* The newest ledger entry for `path`, to skip unchanged files.  Returns 1
 * and fills the out-parameters when found, 0 when not, -1 on error.
 * *hash is malloc'd; pass NULL for no hash. */
int store_file_lookup(struct store *s, const char *path, int64_t *size,
                      int64_t *mtime_ns, char **hash,
                      enum store_file_state *state);

/* ---- Reading ------------------------------------------------------------ */

/* A place in the event order: time, then row id.  Two events never
 * compare equal, so paging is stable among equal timestamps. */
struct store_cursor {
	int64_t time_ms;
	int64_t row;
};

enum store_direction {
	STORE_OLDER, /* rows before the cursor, newest first */
	STORE_NEWER  /* rows after the cursor, oldest first */
};

/* One event as the list shows it.  The strings live in the page. */
struct store_row {
	int64_t row;
	int64_t time_ms;
	enum event_category category;
	bool global;
	int read_only;
	const char *region, *service, *event_name, *identity_type;
	const char *principal_arn, *principal_name, *account, *access_key;
	const char *source_ip, *user_agent, *error_code;
	const char *event_id, *request_id;
};

struct store_page {
	size_t count;
	struct store_row *rows;
	bool more; /* further rows exist in the same direction */
	struct store_arena *arena_;
};

/* Up to `limit` events matching `f` (NULL: all) strictly after `from` in
 * `dir`, in that direction's order.  `from` NULL starts at the newest
 * (STORE_OLDER) or the oldest (STORE_NEWER) end.  The page is replaced. */
int store_page(struct store *s, const struct filter *f,
               const struct store_cursor *from, enum store_direction dir,
               size_t limit, struct store_page *page);
void store_page_free(struct store_page *page);

/* The same page searched for a slice at a time, so that a person waits
 * for none of it (search.c): the browser's list.  store_search_step()
 * searches for about `budget_ms` and replaces `page` with the matches
 * found so far, in order: 1 when the page is complete, 0 when it may
 * grow (further steps go on where the last stopped, in the same
 * snapshot), -1 on error.  store_search_reached() gives the time of the
 * last event looked at (false before the first). */
struct store_search;
struct store_search *store_search_begin(struct store *s,
                                        const struct filter *f,
                                        const struct store_cursor *from,
                                        enum store_direction dir,
                                        size_t limit);
int store_search_step(struct store_search *q, int64_t budget_ms,
                      struct store_page *page);
bool store_search_done(const struct store_search *q);
bool store_search_reached(const struct store_search *q, int64_t *time_ms);
void store_search_free(struct store_search *q);

/* The number of events matching `f`. */
int store_count(struct store *s, const struct filter *f, int64_t *count);

/* Dimensions for facet counts. */
enum store_dimension {
	DIM_CATEGORY,
	DIM_REGION,
	DIM_SERVICE,
	DIM_EVENT,
	DIM_PRINCIPAL,
	DIM_TYPE,
	DIM_ACCOUNT,
	DIM_ERROR,
	DIM_READ_ONLY,
	DIM_IP,
	DIM_KEY,
	DIM_AGENT,
	DIM_DAY,
	DIM_HOUR,
	DIM_COUNT_
};

struct store_facet_value {
	char *value;   /* as the filter language writes it (NULL: absent) */
	char *label;   /* as a person reads it */
	int64_t count;
};

struct store_facet {
	size_t count;
	struct store_facet_value *values;
};

/* Counts of the events matching `f`, grouped by `dim`: most frequent first
 * (ties by value), at most `limit` values (0: all).  DIM_DAY and DIM_HOUR
 * come in time order instead.  The facet is replaced. */
int store_facet(struct store *s, const struct filter *f,
                enum store_dimension dim, size_t limit,
                struct store_facet *facet);
void store_facet_free(struct store_facet *facet);
/* Tells apart the values of the facet whose labels are the same: two IAM
 * users named alice in two accounts would otherwise be two rows both
 * reading "alice".  Such a label gains the account of the value's ARN,
 * "alice (111122223333)", or becomes the value itself when that is no ARN
 * with an account, or when the account is the same too (a user alice at
 * two IAM paths).  Labels no other value has stay.  0, or -1 when memory
 * ran out (some labels then stay as they were). */
int store_facet_tell_apart(struct store_facet *facet);
/* The dimension's name ("category", "region", ...) and its parse. */
const char *store_dimension_name(enum store_dimension dim);
int store_dimension_parse(const char *name, enum store_dimension *dim);

struct store_bucket {
	int64_t start_ms; /* the bucket is [start_ms, start_ms + width) */
	int64_t count;
	int64_t errors;
};

struct store_histogram {
	size_t count; /* only buckets with events, in time order */
	struct store_bucket *buckets;
};

/* Events matching `f` counted in buckets `width_ms` wide, aligned to
 * multiples of the width since the epoch.  The histogram is replaced. */
int store_histogram(struct store *s, const struct filter *f, int64_t width_ms,
                    struct store_histogram *h);
void store_histogram_free(struct store_histogram *h);

/* The original record of event `row`, byte for byte as it stood in its
 * file (for a record kept as a JSON string, the string's decoded value).
 * *bytes is malloc'd and NUL-terminated. */
int store_record(struct store *s, int64_t row, char **bytes, size_t *len);

/* Where event `row`'s record came from: the file's path as imported
 * (malloc'd), and the record's place in the decoded file. */
struct store_origin {
	char *path;
	uint64_t offset;
	uint32_t length;
	bool escaped; /* the record is a JSON string literal there */
};
int store_record_origin(struct store *s, int64_t row, struct store_origin *o);

/* Totals for the summary. */
struct store_summary {
	int64_t events;
	int64_t files_imported, files_digest, files_failed;
	int64_t duplicates;
	/* Of the events with a usable time (event_time_known()); 0 when
	 * there are none. */
	int64_t oldest_ms, newest_ms;
	int64_t stored_bytes;         /* original file bytes kept */
};
int store_summary(struct store *s, struct store_summary *sum);

/* ---- The ledger, as `trailnav files` lists it (ledger.c) ------------- */

struct store_ledger_entry {
	const char *path;
	int64_t size;     /* bytes on disk when it was read */
	int64_t mtime_ns; /* modification time then */
	enum store_file_state state;
	const char *reason; /* STORE_FILE_FAILED: why; else NULL */
	int64_t events, duplicates;
	int64_t imported_ms; /* when it was recorded */
	/* Read from standard input or a pipe ("-", /dev/fd/N): no file on
	 * disk, and each read is an entry of its own. */
	bool stream;
};

/* Calls `fn` with the newest ledger entry of every path, in path order
 * (only failed ones with `failed_only`), until it returns non-zero.  The
 * entry's strings live until `fn` returns. */
typedef int (*store_ledger_entry_fn)(void *ctx,
                                     const struct store_ledger_entry *e);
int store_ledger_list(struct store *s, bool failed_only,
                      store_ledger_entry_fn fn, void *ctx);

/* ---- Counting a step at a time ------------------------------------------ */

/* A tally counts the events of a filter in one pass that can be run a
 * slice at a time, so that a browser over millions of events answers
 * every key at once and fills its counts in as they come.  One pass gives
 * the matching count, the span, a histogram, and facet counts, each facet
 * counted under the filter without the terms of its own key (faceted
 * search: with region:eu-west-1 chosen, the region facet still shows the
 * other regions one could add).
 *
 * Facets tallied: DIM_CATEGORY, DIM_REGION, DIM_SERVICE, DIM_EVENT,
 * DIM_PRINCIPAL, DIM_ACCOUNT, DIM_ERROR, DIM_READ_ONLY. */
struct store_tally;

struct store_tally_spec {
	const enum store_dimension *facets;
	size_t nfacets;
	/* Histogram buckets [start, start + bucket_ms) aligned to multiples
	 * of the width, over matching events in [hist_lo, hist_hi); no
	 * histogram when bucket_ms is 0. */
	int64_t bucket_ms, hist_lo, hist_hi;
};

/* Starts a tally (nothing is counted yet).  NULL on error (store_errmsg).
 * The tally reads one snapshot of the database: start a new one when the
 * data changes (store_data_version). */
struct store_tally *store_tally_begin(struct store *s, const struct filter *f,
                                      const struct store_tally_spec *spec);
/* Counts for about `budget_ms` milliseconds.  Returns 1 when the tally is
 * complete, 0 when there is more to count, -1 on error. */
int store_tally_step(struct store_tally *t, int64_t budget_ms);
bool store_tally_done(const struct store_tally *t);
/* So far: events matching the whole filter, and the span of those of a
 * known time (0 when none). */
int64_t store_tally_matched(const struct store_tally *t);
void store_tally_span(const struct store_tally *t, int64_t *oldest,
                      int64_t *newest);
/* So far: the matches without a usable time (event_time_known(),
 * model/event.h), which the span and the histogram leave out. */
int64_t store_tally_undated(const struct store_tally *t);
/* So far: the counts of spec->facets[i], most first, at most `limit`
 * values (0: all).  The facet is replaced. */
int store_tally_facet(struct store_tally *t, size_t i, size_t limit,
                      struct store_facet *facet);
/* Whether a facet's value is wanted (the browser's narrowing). */
typedef bool store_facet_keep(const struct store_facet_value *v, void *arg);
/* As store_tally_facet(), of the values `keep` wants: the most frequent
 * `limit` of those, wherever they rank among all the counted values. */
int store_tally_facet_where(struct store_tally *t, size_t i, size_t limit,
                            store_facet_keep *keep, void *arg,
                            struct store_facet *facet);
/* So far, for a DIM_REGION facet: events of global services under the
 * filter without its region terms (region:global). */
int64_t store_tally_global(const struct store_tally *t);
/* So far: the histogram.  It is replaced. */
int store_tally_histogram(const struct store_tally *t,
                          struct store_histogram *h);
void store_tally_free(struct store_tally *t);

/* ---- Watching ----------------------------------------------------------- */

/* A number that changes whenever another connection commits to the
 * database (PRAGMA data_version): poll it to notice new events. */
int store_data_version(struct store *s, int64_t *v);

#endif
