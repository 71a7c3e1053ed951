/* sha256.h - SHA-256 (FIPS 180-4), for the hashValue fields of digest
 * files: CloudTrail lists each log file with the SHA-256 of its
 * uncompressed bytes, and each digest with the hash of the one before.
 */
#ifndef TRAILNAV_GEN_SHA256_H
#define TRAILNAV_GEN_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len; /* bytes hashed so far */
	unsigned char block[64];
	size_t fill; /* bytes waiting in block */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t n);
void sha256_final(struct sha256 *c, unsigned char out[32]);

/* The hash of data[0..n) as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t n, char out[65]);

#endif
