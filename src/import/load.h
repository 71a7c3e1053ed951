/* load.h - reading one file into memory, as kept and as decoded.
 *
 * What the store keeps is gzip: a .json.gz as it came, byte for byte, and
 * anything else compressed here (in the worker threads, off the writer's
 * path).  What the parser reads is the decoded text.
 */
#ifndef TRAILNAV_IMPORT_LOAD_H
#define TRAILNAV_IMPORT_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct loaded_file {
	unsigned char *kept; /* gzip bytes for the store */
	size_t nkept;
	char *text; /* decoded, NUL-terminated */
	size_t ntext;
	uint64_t raw_bytes; /* as read from disk */
	char hash[17];      /* of the bytes as read */
};

struct load_limits {
	size_t max_raw;     /* bytes on disk */
	size_t max_decoded; /* after gzip */
};

/* Reads `path` ("-": standard input).  Returns 0, or -1 with a translated
 * reason in *why. */
int load_file(const char *path, const struct load_limits *lim,
              struct loaded_file *out, const char **why);
/* Frees the decoded text only (once parsed, only `kept` is needed). */
void load_drop_text(struct loaded_file *f);
void load_free(struct loaded_file *f);

/* gzip-compresses (one member); used for files that came uncompressed. */
int load_gzip(const void *data, size_t n, unsigned char **out, size_t *outlen);

#endif
