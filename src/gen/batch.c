/* batch.c - a window's files on two threads (see batch.h). */
#include <config.h>

#include "gen/batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/sha256.h"

/* Takes jobs until none are left, through the lane's sink. */
static void work(struct batch *b, struct batch_lane *lane)
{
	for (;;) {
		pthread_mutex_lock(&b->mu);
		size_t i = b->next < b->njobs ? b->next++ : SIZE_MAX;
		pthread_mutex_unlock(&b->mu);
		if (i == SIZE_MAX)
			return;
		struct batch_job *j = &b->jobs[i];
		const char *data = b->data.data + j->data_off;
		sha256_hex(data, j->data_len, j->hash);
		if (sink_write(lane->sink, b->keys.data + j->key_off, data,
		               j->data_len) < 0) {
			/* Jobs are taken in order: this is the lane's first
			 * failure, the one its sink's message describes. */
			lane->failed_job = i;
			return;
		}
	}
}

static void *worker(void *arg)
{
	struct batch *b = arg;
	uint64_t seen = 0;
	pthread_mutex_lock(&b->mu);
	for (;;) {
		while (!b->quit && b->round == seen)
			pthread_cond_wait(&b->cv, &b->mu);
		if (b->quit)
			break;
		seen = b->round;
		pthread_mutex_unlock(&b->mu);
		work(b, &b->lanes[1]);
		pthread_mutex_lock(&b->mu);
		b->worker_busy = false;
		pthread_cond_broadcast(&b->cv);
	}
	pthread_mutex_unlock(&b->mu);
	return NULL;
}

int batch_start(struct batch *b, struct sink *main)
{
	memset(b, 0, sizeof *b);
	buf_init(&b->data);
	buf_init(&b->keys);
	b->lanes[0].sink = main;
	b->lanes[1].sink = &b->worker_sink;
	if (pthread_mutex_init(&b->mu, NULL) != 0)
		return 0;
	if (pthread_cond_init(&b->cv, NULL) != 0) {
		pthread_mutex_destroy(&b->mu);
		return 0;
	}
	b->have_sync = true;
	if (sink_clone(&b->worker_sink, main, b->lanes[1].err,
	               sizeof b->lanes[1].err) < 0)
		return 0;
	b->have_thread = pthread_create(&b->thread, NULL, worker, b) == 0;
	return 0;
}

struct batch_job *batch_add(struct batch *b, size_t data_off,
                            size_t key_off)
{
	if (b->njobs == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 256;
		struct batch_job *p = realloc(b->jobs, cap * sizeof *p);
		if (!p)
			return NULL;
		b->jobs = p;
		b->cap = cap;
	}
	struct batch_job *j = &b->jobs[b->njobs++];
	j->data_off = data_off;
	j->data_len = b->data.len - data_off;
	j->key_off = key_off;
	j->hash[0] = '\0';
	return j;
}

/* The message of the lowest failing job of the two lanes. */
static int report(struct batch *b, char *err, size_t errlen)
{
	struct batch_lane *l0 = &b->lanes[0], *l1 = &b->lanes[1];
	struct batch_lane *first = l1->failed_job < l0->failed_job ? l1 : l0;
	if (first->failed_job == SIZE_MAX)
		return 0;
	/* The main thread's sink may describe its failures in err itself. */
	if (first->sink->err != err)
		snprintf(err, errlen, "%s", first->sink->err);
	return -1;
}

int batch_run(struct batch *b, char *err, size_t errlen)
{
	b->lanes[0].failed_job = b->lanes[1].failed_job = SIZE_MAX;
	b->next = 0;
	if (b->have_thread && b->njobs > 1) {
		pthread_mutex_lock(&b->mu);
		b->round++;
		b->worker_busy = true;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
	}
	work(b, &b->lanes[0]);
	if (b->have_sync) {
		pthread_mutex_lock(&b->mu);
		while (b->worker_busy)
			pthread_cond_wait(&b->cv, &b->mu);
		pthread_mutex_unlock(&b->mu);
	}
	return report(b, err, errlen);
}

void batch_clear(struct batch *b)
{
	b->data.len = 0;
	b->keys.len = 0;
	b->njobs = 0;
}

uint64_t batch_bytes(const struct batch *b)
{
	return b->worker_sink.bytes;
}

void batch_stop(struct batch *b)
{
	if (b->have_thread) {
		pthread_mutex_lock(&b->mu);
		b->quit = true;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
		pthread_join(b->thread, NULL);
		b->have_thread = false;
	}
	if (b->have_sync) {
		pthread_cond_destroy(&b->cv);
		pthread_mutex_destroy(&b->mu);
		b->have_sync = false;
	}
	sink_close(&b->worker_sink);
	free(b->jobs);
	b->jobs = NULL;
	buf_free(&b->data);
	buf_free(&b->keys);
}
