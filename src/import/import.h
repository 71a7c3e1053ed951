/* import.h - importing files: decoding threads feeding a single writer.
 *
 * `jobs` worker threads each take the next file, read it, decode it and
 * parse it; the calling thread hands each finished file to the sink, which
 * writes it (the store, in the program; an in-memory list, in tests).
 * The import wing knows nothing of SQLite: the sink is its only way out.
 */
#ifndef TRAILNAV_IMPORT_IMPORT_H
#define TRAILNAV_IMPORT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "import/parse.h"
#include "import/walk.h"
#include "model/event.h"

/* A file ready to be written: all its events, and the bytes to keep. */
struct import_file {
	const struct walk_file *source;
	const char *hash;            /* of the bytes as read, hex */
	const unsigned char *kept;   /* gzip */
	size_t nkept;
	uint64_t decoded_bytes;
	enum trail_format format;
	const struct trail_event *events;
	size_t nevents;
};

struct import_totals {
	size_t files;          /* to try, after the unchanged were set aside */
	size_t unchanged, imported, digests, failed, skipped;
	uint64_t events_new, events_duplicate;
	uint64_t bytes_total;   /* on disk, of the files to try */
	uint64_t bytes_done;    /* on disk, of the files finished */
	uint64_t bytes_decoded; /* JSON text parsed */
};

struct import_sink {
	void *ctx;
	/* True when the ledger already has this file as it is now: it is
	 * counted as unchanged and never read. */
	bool (*unchanged)(void *ctx, const struct walk_file *f);
	/* Writes a file whole.  Adds to *new_events and *duplicates.  Returns
	 * 0; 1 when the file could not be written but the import may go on
	 * (with the reason in why); -1 when nothing more can be written. */
	int (*write)(void *ctx, const struct import_file *f,
	             uint64_t *new_events, uint64_t *duplicates, char *why,
	             size_t whylen);
	/* Records and reports a file that could not be imported.  Returns -1
	 * when nothing more can be written. */
	int (*failed)(void *ctx, const struct walk_file *f, const char *hash,
	              const char *reason);
	/* Called once the files to read are known (totals' files and
	 * bytes_total), before any is read; may be NULL.  Returns -1 when
	 * nothing can be written (with the reason in why). */
	int (*begin)(void *ctx, const struct import_totals *t, char *why,
	             size_t whylen);
	/* Called now and then (about ten times a second) while importing. */
	void (*progress)(void *ctx, const struct import_totals *t);
};

struct import_options {
	int jobs;               /* decoding threads; <= 0: one per core */
	size_t max_file_bytes;  /* on disk; 0: the default */
	size_t max_decoded;     /* after gzip; 0: the default */
};

/* Imports `files` (from walk_paths()).  Returns 0 when every file was
 * handled (imported, unchanged, digest or reported as failed), -1 when
 * the sink could not write any more (store error: *fatal says why). */
int import_run(const struct import_options *opt, const struct walk_result *w,
               const struct import_sink *sink, struct import_totals *totals,
               char *fatal, size_t fatallen);

#endif
