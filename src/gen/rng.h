/* rng.h - the generator's pseudo-random numbers: xoshiro256** seeded
 * through splitmix64, plus a stateless mixer for values that must be
 * the same wherever they are derived (an account's key IDs, a role's
 * session key in a given hour).
 *
 * Never rand(), time() or anything from the environment: the same seed
 * gives the same trail, byte for byte, on every machine.  Only integer
 * arithmetic decides what is written.
 */
#ifndef TRAILNAV_GEN_RNG_H
#define TRAILNAV_GEN_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);

/* Uniform in [0, n) for 0 < n < 2^32.  Lemire's multiply-shift: no
 * division, and the bias for the small n used here is far below anything
 * visible. */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* True with probability per_mille / 1000. */
static inline int rng_chance(struct rng *r, unsigned per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

/* splitmix64's finaliser: a well-mixed 64-bit value from any input. */
static inline uint64_t mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15u;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

/* A mixed value of two inputs (order matters). */
static inline uint64_t mix2(uint64_t a, uint64_t b)
{
	return mix64(mix64(a) ^ (b * 0x2545f4914f6cdd1du));
}

/* Index chosen by weight: `cum` holds the running sums of n weights
 * (cum[n-1] is the total, > 0). */
size_t rng_pick_cum(struct rng *r, const uint32_t *cum, size_t n);

/* Writes n characters drawn from `alphabet` (of length alen) derived from
 * the value v (stateless: the same v gives the same text). */
void fill_from(char *out, size_t n, uint64_t v, const char *alphabet,
               size_t alen);

#endif
