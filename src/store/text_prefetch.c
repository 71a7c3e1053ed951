/* text_prefetch.c - a second thread looking for a text search's word in
 * the stored files ahead of the search (internal.h).
 *
 * A word that no event holds makes a text search decode every stored
 * file: at 1M events that is 1.6 GB of JSON inflated and searched, 1.9 s
 * on one core, most of it inflating.  The search's own thread meets the
 * files in the order of the events it walks, newest first; this thread
 * takes them from the other end, in the order they were stored, on its
 * own connection, and notes which hold the word.  The search asks here
 * before decoding a file, and tells what it found itself, so that each
 * file is decoded about once by one of the two.  The importer stores
 * files in the order they were delivered (import/delivery_order.c), so
 * the two meet in the middle: taking the newest stored first, this
 * thread decoded the files the search was about to, and a word in no
 * event took 1.06-1.07 s at 1M (1.9 s of CPU) against 0.99-1.00 s (1.65).
 *
 * Failing to start (no file behind the store, no second connection, no
 * thread) is no failure: the search then decodes every file itself.
 *
 * The answers outlive the statement.  A stored file never changes, so
 * what the thread found stays true: the store keeps the last few words'
 * prefetches (TEXT_PREFETCH_KEPT), and a statement searching a word kept
 * takes that one, thread and answers.  The browser searches a word with
 * two statements at once (the list's and the counts'), and again at each
 * change of the rest of the filter; they now share one thread, and after
 * the first pass over the files a word is known in every file.
 */
#include <config.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/fold_search.h"
#include "util/gunzip.h"
#include "util/intcount.h"

struct text_prefetch {
	int users;   /* statements searching with it (the store's thread) */
	bool kept;   /* held in the store's prefetched[] */
	uint64_t last_used;
	sqlite3 *db; /* the thread's own connection */
	pthread_t thread;
	pthread_mutex_t mu;
	bool stop;                /* under mu */
	bool finished;            /* under mu: every stored file seen */
	bool joined;              /* no thread to join (ended and joined) */
	struct intcount files;    /* under mu: 2 holds the word, 1 does not */
	char *needle;             /* folded to lower case, as the search's */
	size_t len;
};

static bool stopping(struct text_prefetch *p)
{
	pthread_mutex_lock(&p->mu);
	bool stop = p->stop;
	pthread_mutex_unlock(&p->mu);
	return stop;
}

static void note(struct text_prefetch *p, int64_t file, bool has)
{
	pthread_mutex_lock(&p->mu);
	/* Added once: a second add would sum the two answers. */
	if (!intcount_get(&p->files, file))
		(void)intcount_add(&p->files, file, has ? 2 : 1);
	pthread_mutex_unlock(&p->mu);
}

/* Whether the stored bytes hold the needle once decoded: 1 yes, 0 no,
 * -1 when they cannot be decoded (left to the search, which says why). */
static int bytes_hold(struct text_prefetch *p, int encoding, const void *bytes,
                      size_t n)
{
	if (encoding != STORE_ENC_GZIP)
		return fold_contains(bytes, n, p->needle, p->len);
	char *data;
	size_t len;
	const char *why;
	if (gunzip_decode(bytes, n, 0, STORE_DECODED_FILE_CAP, &data, &len,
	                  &why) < 0)
		return -1;
	bool has = fold_contains(data, len, p->needle, p->len);
	free(data);
	return has;
}

static void *run(void *arg)
{
	struct text_prefetch *p = arg;
	sqlite3_stmt *st = NULL;
	char sql[128];
	snprintf(sql, sizeof sql,
	         "SELECT file, %s FROM file_content ORDER BY file",
	         store_content_columns(
			 store_schema_at_least(p->db, STORE_SCHEMA_CHUNKS)));
	if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	int rc = SQLITE_OK;
	while (!stopping(p) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t file = sqlite3_column_int64(st, 0);
		if (text_prefetch_known(p, file))
			continue;
		void *bytes;
		size_t n;
		if (content_row_bytes(p->db, NULL, st, 2, &bytes, &n) != SQLITE_OK)
			continue; /* left to the search, which says why */
		int has = bytes_hold(p, sqlite3_column_int(st, 1), bytes, n);
		free(bytes);
		if (has >= 0)
			note(p, file, has);
	}
	pthread_mutex_lock(&p->mu);
	p->finished = !p->stop && rc == SQLITE_DONE;
	pthread_mutex_unlock(&p->mu);
	sqlite3_finalize(st);
	return NULL;
}

/* Starts the thread over (it skips the files already known); false when
 * no thread could be made. */
static bool run_thread(struct store *s, struct text_prefetch *p)
{
	p->stop = false;
	if (pthread_create(&p->thread, NULL, run, p) != 0)
		return false;
	if (s->prefetch_first)
		pthread_join(p->thread, NULL);
	p->joined = s->prefetch_first;
	return true;
}

/* Stops the thread, keeping what it found. */
static void pause_thread(struct text_prefetch *p)
{
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_mutex_unlock(&p->mu);
	if (!p->joined)
		pthread_join(p->thread, NULL);
	p->joined = true;
}

/* Goes on with a paused prefetch that had not seen every file. */
static void resume_thread(struct store *s, struct text_prefetch *p)
{
	pthread_mutex_lock(&p->mu);
	bool finished = p->finished;
	pthread_mutex_unlock(&p->mu);
	if (p->joined && !finished)
		(void)run_thread(s, p); /* else the search decodes the rest */
}

static struct text_prefetch *start_new(struct store *s, const char *path,
                                       const char *needle, size_t len)
{
	struct text_prefetch *p = calloc(1, sizeof *p);
	if (!p || !(p->needle = malloc(len + 1))) {
		free(p);
		return NULL;
	}
	memcpy(p->needle, needle, len + 1);
	p->len = len;
	p->users = 1;
	intcount_init(&p->files);
	pthread_mutex_init(&p->mu, NULL);
	if (sqlite3_open_v2(path, &p->db,
	                    SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
	                    NULL) == SQLITE_OK) {
		/* A small cache: the thread reads each page once. */
		sqlite3_exec(p->db, "PRAGMA cache_size=-1024", NULL, NULL, NULL);
		if (run_thread(s, p))
			return p;
	}
	sqlite3_close(p->db);
	pthread_mutex_destroy(&p->mu);
	intcount_free(&p->files);
	free(p->needle);
	free(p);
	return NULL;
}

static void stop_and_free(struct text_prefetch *p)
{
	pause_thread(p);
	sqlite3_close(p->db);
	pthread_mutex_destroy(&p->mu);
	intcount_free(&p->files);
	free(p->needle);
	free(p);
}

/* Keeps `p` in a free slot, or in place of the least recently used
 * prefetch no statement is using; when every slot is in use, `p` is the
 * statement's alone. */
static void keep(struct store *s, struct text_prefetch *p)
{
	int slot = -1;
	for (int i = 0; i < TEXT_PREFETCH_KEPT; i++) {
		struct text_prefetch *q = s->prefetched[i];
		if (!q) {
			slot = i;
			break;
		}
		if (q->users == 0 &&
		    (slot < 0 || q->last_used < s->prefetched[slot]->last_used))
			slot = i;
	}
	if (slot < 0)
		return;
	if (s->prefetched[slot])
		stop_and_free(s->prefetched[slot]);
	s->prefetched[slot] = p;
	p->kept = true;
}

struct text_prefetch *text_prefetch_start(struct store *s, const char *needle,
                                          size_t len)
{
	const char *path = sqlite3_db_filename(s->db, "main");
	if (!path || !*path)
		return NULL; /* in memory: nothing another connection sees */
	s->prefetch_tick++;
	for (int i = 0; i < TEXT_PREFETCH_KEPT; i++) {
		struct text_prefetch *p = s->prefetched[i];
		if (p && p->len == len && memcmp(p->needle, needle, len) == 0) {
			p->users++;
			p->last_used = s->prefetch_tick;
			resume_thread(s, p);
			return p;
		}
	}
	/* A word no statement searches any more gives its core to this
	 * one; its answers stay. */
	for (int i = 0; i < TEXT_PREFETCH_KEPT; i++)
		if (s->prefetched[i] && s->prefetched[i]->users == 0)
			pause_thread(s->prefetched[i]);
	struct text_prefetch *p = start_new(s, path, needle, len);
	if (p) {
		p->last_used = s->prefetch_tick;
		keep(s, p);
	}
	return p;
}

int text_prefetch_known(struct text_prefetch *p, int64_t file)
{
	if (!p)
		return 0;
	pthread_mutex_lock(&p->mu);
	int known = (int)intcount_get(&p->files, file);
	pthread_mutex_unlock(&p->mu);
	return known;
}

void text_prefetch_note(struct text_prefetch *p, int64_t file, bool has)
{
	if (p)
		note(p, file, has);
}

void store_set_text_prefetch_first(struct store *s, bool first)
{
	s->prefetch_first = first;
}

void text_prefetch_release(struct text_prefetch *p)
{
	if (p && --p->users == 0 && !p->kept)
		stop_and_free(p);
}

void text_prefetch_forget_all(struct store *s)
{
	for (int i = 0; i < TEXT_PREFETCH_KEPT; i++) {
		if (s->prefetched[i])
			stop_and_free(s->prefetched[i]);
		s->prefetched[i] = NULL;
	}
}
