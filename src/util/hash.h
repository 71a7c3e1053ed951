/* hash.h - a fast 64-bit content hash (FNV-1a) for the import ledger.
 *
 * Not cryptographic: it tells the ledger whether a file's content is the
 * same as before; the original bytes themselves are kept as evidence. */
#ifndef TRAILNAV_HASH_H
#define TRAILNAV_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV_INIT 0xcbf29ce484222325ULL

uint64_t hash_fnv1a(uint64_t h, const void *data, size_t n);

/* 16 lower-case hex digits and a NUL. */
void hash_hex(uint64_t h, char out[17]);

#endif
