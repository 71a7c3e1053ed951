/* sink.h - writing the trail's files: gzip each one (as CloudTrail
 * delivers them) and store it under the output directory, creating
 * folders as needed.
 *
 * One deflate stream is reset and reused for every file: a trail of a
 * million events has hundreds of thousands of small files, and setting
 * deflate up for each would cost more than compressing them.
 */
#ifndef TRAILNAV_GEN_SINK_H
#define TRAILNAV_GEN_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#include "util/buf.h"

struct sink {
	char *dir;
	z_stream z;
	bool z_ready;
	unsigned char *gz; /* compressed output, gz_cap bytes */
	size_t gz_cap;
	struct buf path;
	uint64_t files, bytes;
	char *err; /* where failures are described (errlen bytes) */
	size_t errlen;
};

/* Prepares writing under `dir`, creating it if needed.  Unless `force`,
 * refuses a directory whose AWSLogs/ already holds files: a second trail
 * mixed into the first would double its events.  Returns 0, or -1 with
 * a message naming the path in err. */
int sink_open(struct sink *s, const char *dir, bool force, char *err,
              size_t errlen);

/* Prepares a second sink writing under the same directory as `src`
 * (for another thread), with its own deflate stream and error buffer.
 * Returns 0, or -1 when out of memory or zlib refuses. */
int sink_clone(struct sink *s, const struct sink *src, char *err,
               size_t errlen);

/* Writes data[0..n), gzip-compressed, to DIR/key.  Returns 0, or -1 with
 * a message naming the path in the sink's err. */
int sink_write(struct sink *s, const char *key, const void *data, size_t n);

void sink_close(struct sink *s);

#endif
