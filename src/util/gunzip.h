/* gunzip.h - decoding gzip data held in memory.
 *
 * Used by the store (to read records back from kept files) and by the
 * importer.  Handles multi-member files (each member is decoded in turn, as
 * gzip(1) does) and guards against decompression bombs with a cap.
 */
#ifndef TRAILNAV_GUNZIP_H
#define TRAILNAV_GUNZIP_H

#include <stdbool.h>
#include <stddef.h>

/* True when the bytes begin like gzip (magic 1f 8b). */
bool gunzip_is_gzip(const void *data, size_t len);

/* Decodes `len` bytes of gzip into a malloc'd buffer (*out, NUL-terminated
 * for convenience; *outlen excludes the NUL).  Decoding stops early once
 * `want` bytes are out (0: decode everything).  More than `cap` decoded
 * bytes is an error.  Returns 0, or -1 with a translated reason in *why. */
int gunzip_decode(const void *data, size_t len, size_t want, size_t cap,
                  char **out, size_t *outlen, const char **why);

#endif
