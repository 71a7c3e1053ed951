/* sha256.c - SHA-256 (see sha256.h).  Portable C, rounds unrolled: a
 * million-event trail hashes 1.5 GB, so this is worth a little care. */
#include <config.h>

#include "gen/sha256.h"

#include <string.h>

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

void sha256_init(struct sha256 *c)
{
	static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
		                        0xa54ff53a, 0x510e527f, 0x9b05688c,
		                        0x1f83d9ab, 0x5be0cd19 };
	memcpy(c->h, h0, sizeof h0);
	c->len = 0;
	c->fill = 0;
}

#define S0(x) (ROR(x, 2) ^ ROR(x, 13) ^ ROR(x, 22))
#define S1(x) (ROR(x, 6) ^ ROR(x, 11) ^ ROR(x, 25))
#define G0(x) (ROR(x, 7) ^ ROR(x, 18) ^ ((x) >> 3))
#define G1(x) (ROR(x, 17) ^ ROR(x, 19) ^ ((x) >> 10))
#define CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))

/* One round, with the eight working variables named by position rather
 * than moved: the next round passes them rotated by one. */
#define ROUND(a, b, c, d, e, f, g, h, k, w)                                 \
	do {                                                                \
		uint32_t t1 = (h) + S1(e) + CH(e, f, g) + (k) + (w);        \
		(d) += t1;                                                  \
		(h) = t1 + S0(a) + MAJ(a, b, c);                            \
	} while (0)

/* The message schedule, kept as a ring of sixteen words. */
#define W(i) (w[(i) & 15] += G1(w[((i) - 2) & 15]) + w[((i) - 7) & 15] +    \
                             G0(w[((i) - 15) & 15]))

static void compress(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[16];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
	uint32_t e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 16; i += 8) {
		ROUND(a, b, c, d, e, f, g, k, K[i], w[i]);
		ROUND(k, a, b, c, d, e, f, g, K[i + 1], w[i + 1]);
		ROUND(g, k, a, b, c, d, e, f, K[i + 2], w[i + 2]);
		ROUND(f, g, k, a, b, c, d, e, K[i + 3], w[i + 3]);
		ROUND(e, f, g, k, a, b, c, d, K[i + 4], w[i + 4]);
		ROUND(d, e, f, g, k, a, b, c, K[i + 5], w[i + 5]);
		ROUND(c, d, e, f, g, k, a, b, K[i + 6], w[i + 6]);
		ROUND(b, c, d, e, f, g, k, a, K[i + 7], w[i + 7]);
	}
	for (int i = 16; i < 64; i += 8) {
		ROUND(a, b, c, d, e, f, g, k, K[i], W(i));
		ROUND(k, a, b, c, d, e, f, g, K[i + 1], W(i + 1));
		ROUND(g, k, a, b, c, d, e, f, K[i + 2], W(i + 2));
		ROUND(f, g, k, a, b, c, d, e, K[i + 3], W(i + 3));
		ROUND(e, f, g, k, a, b, c, d, K[i + 4], W(i + 4));
		ROUND(d, e, f, g, k, a, b, c, K[i + 5], W(i + 5));
		ROUND(c, d, e, f, g, k, a, b, K[i + 6], W(i + 6));
		ROUND(b, c, d, e, f, g, k, a, K[i + 7], W(i + 7));
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
	h[5] += f;
	h[6] += g;
	h[7] += k;
}

void sha256_update(struct sha256 *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->len += n;
	if (c->fill) {
		size_t take = 64 - c->fill < n ? 64 - c->fill : n;
		memcpy(c->block + c->fill, p, take);
		c->fill += take;
		p += take;
		n -= take;
		if (c->fill < 64)
			return;
		compress(c->h, c->block);
		c->fill = 0;
	}
	for (; n >= 64; p += 64, n -= 64)
		compress(c->h, p);
	memcpy(c->block, p, n);
	c->fill = n;
}

void sha256_final(struct sha256 *c, unsigned char out[32])
{
	uint64_t bits = c->len * 8;
	unsigned char pad[72] = { 0x80 };
	/* Pad to 56 mod 64, then the length in bits, big-endian. */
	size_t padlen = c->fill < 56 ? 56 - c->fill : 120 - c->fill;
	for (int i = 0; i < 8; i++)
		pad[padlen + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(c, pad, padlen + 8);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->h[i];
	}
}

void sha256_hex(const void *data, size_t n, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256 c;
	unsigned char d[32];
	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final(&c, d);
	for (int i = 0; i < 32; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[64] = '\0';
}
