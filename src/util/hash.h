/* hash.h - 64-bit hashes, none of them cryptographic.
 *
 * hash_fnv1a() is the import ledger's content hash: it tells whether a
 * file's content is the same as before (the original bytes themselves are
 * kept as evidence), so its values are stored and must never change.
 * hash_words() is for tables in memory only. */
#ifndef TRAILNAV_HASH_H
#define TRAILNAV_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV_INIT 0xcbf29ce484222325ULL

uint64_t hash_fnv1a(uint64_t h, const void *data, size_t n);

/* Eight bytes a step, and every bit of the result depends on every byte:
 * the slot of a key in an open-addressing table is its low bits.  The
 * byte order of the machine may change the value, so it is never stored. */
uint64_t hash_words(const void *data, size_t n);

/* 16 lower-case hex digits and a NUL. */
void hash_hex(uint64_t h, char out[17]);

#endif
