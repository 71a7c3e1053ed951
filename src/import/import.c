/* import.c - decoding threads feeding a single writer (see import.h).
 *
 * Workers pull the next file index under a mutex, do the expensive part
 * (read, gunzip, hash, parse, and gzip for files that came plain) with no
 * lock held, and leave the finished file in a small ring.  The calling
 * thread takes finished files from the ring and writes them through the
 * sink, one at a time: SQLite has one writer anyway, and the ring's size
 * bounds how much memory files in flight can hold.
 *
 * Files are written in the walk's order, whichever worker finishes
 * first: when two files hold the same eventID with different contents
 * (AWS's documentation examples do), the copy kept is the one in the
 * first file, every time, and an import gives the same database twice.
 */
#include <config.h>

#include "import/import.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "import/delivery_order.h"
#include "import/load.h"
#include "util/array.h"
#include "util/i18n.h"

/* Defaults, chosen for real trail files (a few MB at most) with room to
 * spare, while keeping a hostile file from taking the machine: SPEC
 * section 5 allows the import 256 MB whatever it reads, and a worker
 * holds a file's bytes and its decoded text at once, and two workers may
 * each hold a file at the cap. */
#define DEFAULT_MAX_FILE ((size_t)96 << 20)
#define DEFAULT_MAX_DECODED ((size_t)96 << 20)
#define MAX_JOBS 64

/* Finished files wait in a ring for the writer.  It holds several files per
 * worker, and a worker that finds it full is woken only once it has
 * drained to half: handing over file by file would cost a thread wakeup
 * per file, which on a virtual machine costs more than parsing the file.
 * A byte budget keeps a run of large files from filling memory; 32 MB is
 * as fast as 64 (1M bench trail: 22-24 s either way). */
#define RING_FILES_PER_WORKER 8
#define RING_BYTES ((size_t)32 << 20)

struct result {
	size_t index; /* in the list of files to do */
	const struct walk_file *source;
	struct loaded_file file;
	struct trail_parser *parser;
	struct trail_event *events;
	size_t nevents, cap;
	enum trail_format format;
	uint64_t decoded_bytes;
	bool failed;
	char why[320];
};

/* A place in the ring: file `index` goes to ring[index % ring_cap]. */
struct slot {
	bool done;         /* its worker has finished with it */
	struct result *r;  /* NULL if even the result could not be allocated */
};

struct shared {
	pthread_mutex_t mu;
	pthread_cond_t can_put, can_take;
	const struct walk_file **queue;
	size_t nqueue, next;
	struct slot *ring;
	size_t ring_cap;
	size_t to_write; /* index of the next file the writer takes */
	size_t count;    /* files finished and not yet taken */
	size_t ring_bytes; /* memory the files in the ring hold, roughly */
	size_t workers, workers_done;
	bool stop;
	struct load_limits lim;
};

static void result_free(struct result *r)
{
	if (!r)
		return;
	load_free(&r->file);
	trail_parser_free(r->parser);
	free(r->events);
	free(r);
}

static int collect_event(void *ctx, const struct trail_event *ev)
{
	struct result *r = ctx;
	if (array_reserve((void **)&r->events, r->nevents, &r->cap,
	                  sizeof *r->events, 256) < 0)
		return -1;
	r->events[r->nevents++] = *ev;
	return 0;
}

/* Reads, decodes and parses one file; failures are kept in the result. */
static struct result *process(size_t index, const struct walk_file *src,
                              const struct load_limits *lim)
{
	struct result *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->index = index;
	r->source = src;
	const char *why = NULL;
	if (load_file(src->path, lim, &r->file, &why) < 0) {
		r->failed = true;
		snprintf(r->why, sizeof r->why, "%s", why);
		return r;
	}
	r->parser = trail_parser_new(NULL);
	if (!r->parser) {
		r->failed = true;
		snprintf(r->why, sizeof r->why, "%s", _("out of memory"));
		return r;
	}
	if (trail_parse(r->parser, r->file.text, r->file.ntext, collect_event,
	                r, &r->format, r->why, sizeof r->why) < 0)
		r->failed = true;
	/* Events point into the parser's arena, not into the text. */
	r->decoded_bytes = r->file.ntext;
	load_drop_text(&r->file);
	return r;
}

/* Takes the index of the next file to do; false when there is none. */
static bool next_job(struct shared *sh, size_t *index)
{
	bool any = false;
	pthread_mutex_lock(&sh->mu);
	if (!sh->stop && sh->next < sh->nqueue) {
		*index = sh->next++;
		any = true;
	}
	pthread_mutex_unlock(&sh->mu);
	return any;
}

/* What a finished file holds in memory, roughly. */
static size_t result_bytes(const struct result *r)
{
	return r->file.nkept + r->nevents * 320;
}

/* Whether file `index` must wait before going into the ring: its place
 * is still taken (it is a whole ring ahead of the writer), or the ring
 * holds too many bytes.  The file the writer waits for never waits: the
 * ring drains only through it. */
static bool must_wait(const struct shared *sh, size_t index)
{
	if (index == sh->to_write)
		return false;
	return index - sh->to_write >= sh->ring_cap ||
	       (sh->count && sh->ring_bytes >= RING_BYTES);
}

/* Hands file `index` (NULL: no result) to the writer, waiting for room. */
static void put_result(struct shared *sh, size_t index, struct result *r)
{
	pthread_mutex_lock(&sh->mu);
	while (must_wait(sh, index) && !sh->stop)
		pthread_cond_wait(&sh->can_put, &sh->mu);
	if (sh->stop) {
		pthread_mutex_unlock(&sh->mu);
		result_free(r);
		return;
	}
	struct slot *place = &sh->ring[index % sh->ring_cap];
	place->done = true;
	place->r = r;
	sh->count++;
	sh->ring_bytes += r ? result_bytes(r) : 0;
	if (index == sh->to_write)
		pthread_cond_signal(&sh->can_take);
	pthread_mutex_unlock(&sh->mu);
}

/* A file whose result could not even be allocated goes into the ring as
 * NULL; the writer leaves it unhandled and reports it at the end. */
static void *worker(void *arg)
{
	struct shared *sh = arg;
	size_t i;
	while (next_job(sh, &i))
		put_result(sh, i, process(i, sh->queue[i], &sh->lim));
	pthread_mutex_lock(&sh->mu);
	sh->workers_done++;
	pthread_cond_signal(&sh->can_take);
	pthread_mutex_unlock(&sh->mu);
	return NULL;
}

/* The finished files that come next in the walk's order, at most `max`,
 * into out[] (NULL for a file with no result); returns how many (0 once
 * every file is taken, or every worker is done).  Taking them all under
 * one lock, rather than one per call, spares a lock handoff (and often a
 * thread wakeup) per file.  Wakes at least every 100 ms so progress keeps
 * moving. */
static size_t take_results(struct shared *sh, struct result **out, size_t max)
{
	size_t n = 0;
	pthread_mutex_lock(&sh->mu);
	while (sh->to_write < sh->nqueue &&
	       !sh->ring[sh->to_write % sh->ring_cap].done &&
	       sh->workers_done < sh->workers) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 100000000;
		if (until.tv_nsec >= 1000000000) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000;
		}
		if (pthread_cond_timedwait(&sh->can_take, &sh->mu, &until) != 0)
			break;
	}
	while (n < max && sh->to_write < sh->nqueue) {
		struct slot *place = &sh->ring[sh->to_write % sh->ring_cap];
		if (!place->done)
			break;
		out[n] = place->r;
		sh->ring_bytes -= out[n] ? result_bytes(out[n]) : 0;
		n++;
		*place = (struct slot){ 0 };
		sh->to_write++;
		sh->count--;
	}
	/* Wake the producers once there is room for several, or when the
	 * file the writer now waits for may be one of them: its worker
	 * stopped waiting the moment it became next. */
	bool room = sh->count <= sh->ring_cap / 2 &&
	            sh->ring_bytes <= RING_BYTES / 2;
	bool next_missing = sh->to_write < sh->nqueue &&
	                    !sh->ring[sh->to_write % sh->ring_cap].done;
	if (n && (room || next_missing))
		pthread_cond_broadcast(&sh->can_put);
	pthread_mutex_unlock(&sh->mu);
	return n;
}

/* Every file taken, or none will come: every worker has stopped and the
 * next one in order never arrived (the writer stopped them). */
static bool all_done(struct shared *sh)
{
	pthread_mutex_lock(&sh->mu);
	bool done = sh->to_write == sh->nqueue ||
	            (sh->workers_done == sh->workers &&
	             !sh->ring[sh->to_write % sh->ring_cap].done);
	pthread_mutex_unlock(&sh->mu);
	return done;
}

struct writer {
	const struct import_sink *sink;
	struct import_totals *t;
	bool *handled; /* by index in queue */
	struct shared *sh;
	char *fatal;
	size_t fatallen;
};

static int report_failure(struct writer *w, const struct walk_file *f,
                          const char *hash, const char *why)
{
	w->t->failed++;
	if (w->sink->failed(w->sink->ctx, f, hash, why) < 0) {
		snprintf(w->fatal, w->fatallen, "%s", why);
		return -1;
	}
	return 0;
}

/* Writes (or reports) one finished file; -1 when the sink gave up. */
static int write_result(struct writer *w, struct result *r)
{
	w->t->bytes_done += r->source->size ? (uint64_t)r->source->size
	                                    : r->file.raw_bytes;
	w->t->bytes_decoded += r->decoded_bytes;
	if (r->failed)
		return report_failure(w, r->source, r->file.hash, r->why);
	struct import_file f = { r->source, r->file.hash, r->file.kept,
		                 r->file.nkept, r->decoded_bytes, r->format,
		                 r->events, r->nevents };
	char why[320] = "";
	int rc = w->sink->write(w->sink->ctx, &f, &w->t->events_new,
	                        &w->t->events_duplicate, why, sizeof why);
	if (rc < 0) {
		snprintf(w->fatal, w->fatallen, "%s", why);
		return -1;
	}
	if (rc > 0)
		return report_failure(w, r->source, r->file.hash, why);
	if (r->format == TF_DIGEST)
		w->t->digests++;
	else
		w->t->imported++;
	return 0;
}

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The files to read: all but those the ledger knows unchanged. */
static const struct walk_file **files_to_read(const struct walk_result *w,
                                            const struct import_sink *sink,
                                            struct import_totals *t)
{
	const struct walk_file **queue =
		malloc((w->nfiles ? w->nfiles : 1) * sizeof *queue);
	if (!queue)
		return NULL;
	for (size_t i = 0; i < w->nfiles; i++) {
		const struct walk_file *f = &w->files[i];
		if (!f->stream && sink->unchanged(sink->ctx, f)) {
			t->unchanged++;
			continue;
		}
		queue[t->files++] = f;
		t->bytes_total += (uint64_t)f->size;
	}
	/* Out of memory, the walk's order stands: the order decides only
	 * where events lie in the database (delivery_order.c). */
	(void)import_order_by_delivery(queue, t->files);
	return queue;
}

static void stop_workers(struct shared *sh)
{
	pthread_mutex_lock(&sh->mu);
	sh->stop = true;
	pthread_cond_broadcast(&sh->can_put);
	pthread_mutex_unlock(&sh->mu);
}

/* The writer's loop: every finished file through the sink, in the walk's
 * order.  Returns -1 when the sink gave up. */
static int write_all(struct writer *w)
{
	double last = 0;
	struct shared *sh = w->sh;
	struct result *batch[RING_FILES_PER_WORKER * MAX_JOBS + 1];
	for (;;) {
		size_t n = take_results(sh, batch, sh->ring_cap);
		int rc = 0;
		for (size_t i = 0; i < n; i++) {
			if (!batch[i])
				continue; /* reported by report_unhandled() */
			w->handled[batch[i]->index] = true;
			if (rc == 0)
				rc = write_result(w, batch[i]);
			result_free(batch[i]);
		}
		if (rc < 0) {
			stop_workers(sh);
			return -1;
		}
		if (n == 0 && all_done(sh))
			return 0;
		double now = seconds_now();
		if (w->sink->progress && now - last >= 0.1) {
			w->sink->progress(w->sink->ctx, w->t);
			last = now;
		}
	}
}

static int start_workers(struct shared *sh, pthread_t *threads, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (pthread_create(&threads[i], NULL, worker, sh) != 0) {
			/* Fewer threads still finish the job. */
			pthread_mutex_lock(&sh->mu);
			sh->workers = i;
			pthread_mutex_unlock(&sh->mu);
			return i ? 0 : -1;
		}
	return 0;
}

static size_t worker_count(const struct import_options *opt, size_t files)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = opt && opt->jobs > 0 ? (size_t)opt->jobs
	                                : (cores > 0 ? (size_t)cores : 1);
	n = n > MAX_JOBS ? MAX_JOBS : n;
	return files < n ? (files ? files : 1) : n;
}

static void shared_init(struct shared *sh, const struct import_options *opt,
                        const struct walk_file **queue, size_t nqueue,
                        size_t workers)
{
	memset(sh, 0, sizeof *sh);
	pthread_mutex_init(&sh->mu, NULL);
	pthread_cond_init(&sh->can_put, NULL);
	pthread_cond_init(&sh->can_take, NULL);
	sh->queue = queue;
	sh->nqueue = nqueue;
	sh->workers = workers;
	sh->ring_cap = RING_FILES_PER_WORKER * workers + 1;
	sh->lim.max_raw = opt && opt->max_file_bytes ? opt->max_file_bytes
	                                             : DEFAULT_MAX_FILE;
	sh->lim.max_decoded = opt && opt->max_decoded ? opt->max_decoded
	                                              : DEFAULT_MAX_DECODED;
}

static void shared_destroy(struct shared *sh)
{
	for (size_t i = 0; sh->ring && i < sh->ring_cap; i++)
		result_free(sh->ring[i].r);
	free(sh->ring);
	pthread_mutex_destroy(&sh->mu);
	pthread_cond_destroy(&sh->can_put);
	pthread_cond_destroy(&sh->can_take);
}

/* Files no result came back for (memory ran out even for the result). */
static int report_unhandled(struct writer *w)
{
	for (size_t i = 0; i < w->sh->nqueue; i++)
		if (!w->handled[i] &&
		    report_failure(w, w->sh->queue[i], "", _("out of memory")) < 0)
			return -1;
	return 0;
}

static int run_threads(struct writer *w, size_t nworkers)
{
	pthread_t threads[MAX_JOBS];
	if (start_workers(w->sh, threads, nworkers) < 0) {
		snprintf(w->fatal, w->fatallen, "%s",
		         _("cannot start the decoding threads"));
		return -1;
	}
	int rc = write_all(w);
	for (size_t i = 0; i < w->sh->workers; i++)
		pthread_join(threads[i], NULL);
	return rc < 0 ? -1 : report_unhandled(w);
}

int import_run(const struct import_options *opt, const struct walk_result *wr,
               const struct import_sink *sink, struct import_totals *t,
               char *fatal, size_t fatallen)
{
	memset(t, 0, sizeof *t);
	t->skipped = wr->skipped;
	const struct walk_file **queue = files_to_read(wr, sink, t);
	bool *handled = calloc(t->files ? t->files : 1, sizeof *handled);
	size_t nworkers = worker_count(opt, t->files);
	struct shared sh;
	shared_init(&sh, opt, queue, t->files, nworkers);
	sh.ring = calloc(sh.ring_cap, sizeof *sh.ring);
	struct writer w = { sink, t, handled, &sh, fatal, fatallen };
	int rc = -1;
	if (!queue || !handled || !sh.ring)
		snprintf(fatal, fatallen, "%s", _("out of memory"));
	else if (t->files && sink->begin &&
	         sink->begin(sink->ctx, t, fatal, fatallen) < 0)
		rc = -1;
	else
		rc = t->files ? run_threads(&w, nworkers) : 0;
	if (sink->progress)
		sink->progress(sink->ctx, t);
	shared_destroy(&sh);
	free(handled);
	free(queue);
	return rc;
}
