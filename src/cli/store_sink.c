/* store_sink.c - the import sink that writes into the store. */
#include <config.h>

#include "cli/store_sink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/format.h"
#include "cli/options.h"
#include "util/i18n.h"

/* A batch (one transaction) ends after this many events or seconds:
 * large enough that commits cost little, small enough that a kill loses
 * little work and readers see progress. */
#define BATCH_EVENTS 50000
#define BATCH_SECONDS 2.0

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void store_sink_init(struct store_sink *k, struct store *s)
{
	memset(k, 0, sizeof *k);
	k->store = s;
}

void store_sink_free(struct store_sink *k)
{
	memset(k, 0, sizeof *k);
}

/* The newest ledger entry of the file: under its canonical path, else
 * (a database whose ledger holds paths as they were typed, before the
 * walk made them canonical) under the path as typed now.  1 when found. */
static int ledger_entry(struct store *s, const struct walk_file *f,
                        int64_t *size, int64_t *mtime_ns,
                        enum store_file_state *state)
{
	int found = store_file_lookup(s, f->path, size, mtime_ns, NULL, state);
	if (found != 0)
		return found;
	char *shown = walk_file_shown(f);
	if (shown && strcmp(shown, f->path) != 0)
		found = store_file_lookup(s, shown, size, mtime_ns, NULL, state);
	free(shown);
	return found;
}

/* Unchanged: imported (or a digest) before, with the same size and time.
 * A file that failed is tried again: the cause may be fixed.  The ledger
 * is asked file by file (an index probe, microseconds) rather than held
 * in memory: at 270k files its paths took 60 MB of the import's 256. */
static bool sink_unchanged(void *ctx, const struct walk_file *f)
{
	struct store_sink *k = ctx;
	int64_t size, mtime_ns;
	enum store_file_state state;
	if (ledger_entry(k->store, f, &size, &mtime_ns, &state) != 1)
		return false; /* unknown, or unreadable: try it */
	return state != STORE_FILE_FAILED && size == f->size &&
	       mtime_ns == f->mtime_ns;
}

int store_sink_flush(struct store_sink *k)
{
	k->batch_events = 0;
	return store_batch_end(k->store);
}

static int ensure_batch(struct store_sink *k)
{
	double now = now_seconds();
	if (k->batch_events >= BATCH_EVENTS ||
	    (k->batch_events && now - k->batch_started >= BATCH_SECONDS))
		if (store_sink_flush(k) < 0)
			return -1;
	if (k->batch_events == 0 && store_batch_end(k->store) == 0 &&
	    store_batch_begin(k->store) == 0)
		k->batch_started = now;
	return 0;
}

static int write_events(struct store_sink *k, const struct import_file *f,
                        uint64_t *new_events, uint64_t *duplicates)
{
	for (size_t i = 0; i < f->nevents; i++) {
		bool dup;
		if (store_add_event(k->store, &f->events[i], &dup) < 0)
			return -1;
		if (dup)
			++*duplicates;
		else
			++*new_events;
	}
	return 0;
}

/* A file whose bytes are stored already (a copy, or the same file
 * touched) brings only events stored already: they are counted, not
 * written. */
static int write_or_count(struct store_sink *k, const struct import_file *f,
                          uint64_t *new_events, uint64_t *duplicates)
{
	if (!store_file_is_copy(k->store))
		return write_events(k, f, new_events, duplicates);
	*duplicates += f->nevents;
	return store_file_count_copies(k->store, (int64_t)f->nevents);
}

static struct store_file_info file_info(const struct walk_file *w,
                                        const char *hash)
{
	return (struct store_file_info){ w->path, w->size, w->mtime_ns, hash };
}

/* A store error while writing is fatal for the import: the disk is full or
 * the database cannot be written, and every later file would fail too. */
static int sink_write(void *ctx, const struct import_file *f,
                      uint64_t *new_events, uint64_t *duplicates, char *why,
                      size_t whylen)
{
	struct store_sink *k = ctx;
	struct store_file_info info = file_info(f->source, f->hash);
	uint64_t n = 0, d = 0;
	if (ensure_batch(k) < 0 ||
	    store_file_begin(k->store, &info, f->kept, f->nkept,
	                     STORE_ENC_GZIP) < 0 ||
	    write_or_count(k, f, &n, &d) < 0 ||
	    store_file_commit(k->store, f->format == TF_DIGEST
	                                        ? STORE_FILE_DIGEST
	                                        : STORE_FILE_IMPORTED) < 0) {
		snprintf(why, whylen, "%s", store_errmsg(k->store));
		store_file_abandon(k->store);
		return -1;
	}
	*new_events += n;
	*duplicates += d;
	k->batch_events += f->nevents + 1;
	return 0;
}

static int sink_failed(void *ctx, const struct walk_file *f, const char *hash,
                       const char *reason)
{
	struct store_sink *k = ctx;
	struct buf path;
	buf_init(&path);
	char *shown = walk_file_shown(f);
	fmt_escape(&path, shown ? shown : f->path);
	free(shown);
	if (k->before_message)
		k->before_message(k->message_ctx);
	cli_file_report("%s: %s", path.data ? path.data : "?", reason);
	buf_free(&path);
	if (f->stream)
		return 0; /* standard input or a pipe: no place in the ledger */
	struct store_file_info info = file_info(f, hash);
	return store_file_failed(k->store, &info, reason) < 0 ? -1 : 0;
}

/* A big import into a database that holds fewer events than it brings
 * builds the lookup indexes once at its end (see store/indexes.c). */
static int sink_begin(void *ctx, const struct import_totals *t, char *why,
                      size_t whylen)
{
	struct store_sink *k = ctx;
	enum store_defer what =
		store_indexes_worth_deferring(k->store, t->bytes_total);
	if (store_indexes_defer(k->store, what) == 0)
		return 0;
	snprintf(why, whylen, "%s", store_errmsg(k->store));
	return -1;
}

int store_sink_finish(struct store_sink *k, struct import_totals *t)
{
	if (store_sink_flush(k) < 0)
		return -1;
	int pending = store_indexes_pending(k->store);
	if (pending <= 0)
		return pending;
	if (k->before_indexing)
		k->before_indexing(k->message_ctx);
	int64_t copies = 0;
	if (store_indexes_build(k->store, &copies) < 0)
		return -1;
	/* Found only now, they were counted as new.  A killed import's
	 * copies, found by the next, were not this import's to count. */
	uint64_t n = (uint64_t)copies < t->events_new ? (uint64_t)copies
	                                                : t->events_new;
	t->events_new -= n;
	t->events_duplicate += n;
	return 0;
}

struct import_sink store_sink_ops(struct store_sink *k)
{
	return (struct import_sink){ .ctx = k,
		                     .unchanged = sink_unchanged,
		                     .write = sink_write,
		                     .failed = sink_failed,
		                     .begin = sink_begin };
}
