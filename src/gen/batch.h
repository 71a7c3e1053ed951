/* batch.h - writing a delivery window's log files on two cores.
 *
 * Compressing, hashing and writing the files is nine tenths of the
 * generator's work, and the files of a window are independent: the main
 * thread queues them (contents and keys decided, every random draw made
 * in order) and then it and one worker thread take jobs until none are
 * left.  What is written does not depend on which thread wrote it, so
 * output stays byte-identical.  Without a worker (thread creation failed)
 * the main thread does every job itself.
 */
#ifndef TRAILNAV_GEN_BATCH_H
#define TRAILNAV_GEN_BATCH_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gen/sink.h"
#include "util/buf.h"

struct batch_job {
	size_t data_off, data_len; /* in batch.data */
	size_t key_off;            /* in batch.keys, NUL-terminated */
	char hash[65];             /* SHA-256 of the data, once run */
};

/* What one thread did with its share of a batch. */
struct batch_lane {
	struct sink *sink;
	size_t failed_job; /* lowest failing job, or SIZE_MAX */
	char err[512];
};

struct batch {
	struct buf data, keys;
	struct batch_job *jobs;
	size_t njobs, cap;
	struct batch_lane lanes[2]; /* main thread, worker */
	struct sink worker_sink;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool have_thread, have_sync, worker_busy, quit;
	size_t next;        /* next job to take */
	uint64_t round;     /* batches started, to wake the worker */
};

/* Starts the worker, writing through its own sink under `main`'s
 * directory.  Returns 0, with or without a worker. */
int batch_start(struct batch *b, struct sink *main);

/* Queues a file: the caller appends its contents to b->data and its key
 * (with a NUL) to b->keys first, then calls this with where they begin.
 * Returns the job, or NULL when out of memory. */
struct batch_job *batch_add(struct batch *b, size_t data_off,
                            size_t key_off);

/* Runs every queued job.  Returns 0, or -1 with the message of the first
 * failing job (in queue order) in `err`. */
int batch_run(struct batch *b, char *err, size_t errlen);

/* Empties the queue for the next window. */
void batch_clear(struct batch *b);

/* Bytes the worker wrote, to add to the main sink's. */
uint64_t batch_bytes(const struct batch *b);

void batch_stop(struct batch *b);

#endif
