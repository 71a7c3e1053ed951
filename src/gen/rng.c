/* rng.c - pseudo-random numbers for the generator (see rng.h). */
#include <config.h>

#include "gen/rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
	/* splitmix64 never yields four zero words, the one state xoshiro
	 * cannot leave. */
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

size_t rng_pick_cum(struct rng *r, const uint32_t *cum, size_t n)
{
	uint64_t x = rng_below(r, cum[n - 1]);
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

void fill_from(char *out, size_t n, uint64_t v, const char *alphabet,
               size_t alen)
{
	for (size_t i = 0; i < n; i++) {
		/* Re-mix every 8 characters so long strings do not repeat. */
		if (i % 8 == 0 && i)
			v = mix64(v);
		out[i] = alphabet[(v >> ((i % 8) * 8)) % alen];
	}
}
