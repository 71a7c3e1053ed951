/* store_sink.h - the import sink that writes into the store: the ledger
 * of files already imported, batching files into transactions, and
 * reporting files that could not be imported. */
#ifndef TRAILNAV_CLI_STORE_SINK_H
#define TRAILNAV_CLI_STORE_SINK_H

#include <stdbool.h>

#include "import/import.h"
#include "store/store.h"

struct store_sink {
	struct store *store;
	bool quiet;               /* failures still go to stderr */
	uint64_t batch_events;    /* written since the batch began */
	double batch_started;
	void (*before_message)(void *ctx); /* clears a progress line */
	void (*before_indexing)(void *ctx); /* says the indexes are next */
	void *message_ctx;
};

void store_sink_init(struct store_sink *k, struct store *s);
void store_sink_free(struct store_sink *k);
/* The sink operations, with `k` as their context. */
struct import_sink store_sink_ops(struct store_sink *k);
/* Commits the open batch, if any; -1 on failure. */
int store_sink_flush(struct store_sink *k);
/* The end of an import: commits the open batch and builds the indexes
 * that wait (this import's, or a killed one's); -1 on failure, with the
 * store's message, and what was committed stays.  The duplicates a bulk
 * import finds only then move in *t from new to duplicate. */
int store_sink_finish(struct store_sink *k, struct import_totals *t);

#endif
