/* hash.c - FNV-1a, 64 bits (see hash.h). */
#include <config.h>

#include "util/hash.h"

#include <stdio.h>
#include <string.h>

uint64_t hash_fnv1a(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Each word folded in by a multiply and a shift, and the whole mixed at
 * the end so that the low bits depend on every byte.  The importer's
 * writer asks its caches a dozen keys an event, user agents and
 * principals of 100 to 200 bytes among them: with FNV-1a, a byte a step,
 * strmap_get() (the hash, most of it) was 5.6% of the writer's time on
 * the 1M bench trail. */
uint64_t hash_words(const void *data, size_t n)
{
	const unsigned char *p = data;
	const uint64_t k1 = 0x9e3779b97f4a7c15ULL, k2 = 0xff51afd7ed558ccdULL;
	uint64_t h = k1 ^ (uint64_t)n;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * k2;
		h ^= h >> 29;
	}
	uint64_t tail = 0;
	memcpy(&tail, p, n);
	h = (h ^ tail) * k1;
	h ^= h >> 32;
	h *= k2;
	return h ^ (h >> 29);
}

void hash_hex(uint64_t h, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}
