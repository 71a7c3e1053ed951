/* b36_key.c - see b36_key.h.  The key is the ID read as a base-36
 * number, most significant digit first, in its form's bytes, most
 * significant byte first: 36^16 is below 2^88 and 36^52 below 2^272, so
 * no ID overflows them. */
#include <config.h>

#include "util/b36_key.h"

#include <stdint.h>
#include <string.h>

/* 36^5, below 2^26: five digits at a time keep every step in 64 bits. */
#define B36_FIVE_DIGITS 60466176u

static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return -1;
}

/* The bytes of a key of `chars` characters, and the characters of one of
 * `bytes` bytes; 0: no form has that many. */
static size_t form_bytes(size_t chars)
{
	return chars == B36_KEY_SHORT_CHARS  ? B36_KEY_SHORT_BYTES
	       : chars == B36_KEY_LONG_CHARS ? B36_KEY_LONG_BYTES
	                                     : 0;
}

static size_t form_chars(size_t bytes)
{
	return bytes == B36_KEY_SHORT_BYTES  ? B36_KEY_SHORT_CHARS
	       : bytes == B36_KEY_LONG_BYTES ? B36_KEY_LONG_CHARS
	                                     : 0;
}

size_t b36_key_pack(const char *text, size_t n,
                    uint8_t out[B36_KEY_MAX_BYTES])
{
	size_t bytes = form_bytes(n);
	if (!bytes)
		return 0;
	/* The number in 32-bit limbs, the least significant first: a limb
	 * times 36^5 plus a carry stays within 64 bits.  Five digits at a
	 * time over 9 limbs, a DynamoDB ID takes 99 steps, where byte by
	 * byte it took 374. */
	uint32_t limb[(B36_KEY_MAX_BYTES + 3) / 4] = { 0 };
	size_t nlimbs = (bytes + 3) / 4;
	for (size_t i = 0; i < n; i += 5) {
		uint64_t group = 0, scale = 1;
		for (size_t j = i; j < n && j < i + 5; j++) {
			int d = digit_value(text[j]);
			if (d < 0)
				return 0;
			group = group * 36 + (uint64_t)d;
			scale *= 36;
		}
		uint64_t carry = group;
		for (size_t k = 0; k < nlimbs; k++) {
			uint64_t v = (uint64_t)limb[k] * scale + carry;
			limb[k] = (uint32_t)v;
			carry = v >> 32;
		}
	}
	/* Big-endian, as before: the form's bytes hold 36^n - 1. */
	for (size_t b = 0; b < bytes; b++)
		out[bytes - 1 - b] = (uint8_t)(limb[b / 4] >> (8 * (b % 4)));
	return bytes;
}

bool b36_key_format(const uint8_t *key, size_t len,
                    char out[B36_KEY_TEXT_SIZE])
{
	size_t chars = form_chars(len);
	if (!chars)
		return false;
	/* The number in 32-bit limbs, most significant first: `request:`
	 * with a pattern formats every packed ID it passes. */
	uint32_t limb[(B36_KEY_MAX_BYTES + 3) / 4] = { 0 };
	size_t nl = (len + 3) / 4;
	for (size_t b = 0; b < len; b++) {
		size_t place = len - 1 - b; /* 0: the least significant byte */
		limb[nl - 1 - place / 4] |= (uint32_t)key[b] << (8 * (place % 4));
	}
	/* Each division by 36^5 gives five digits, least significant first,
	 * as its remainder. */
	for (size_t i = chars; i > 0;) {
		uint64_t rem = 0;
		for (size_t l = 0; l < nl; l++) {
			uint64_t v = rem << 32 | limb[l];
			limb[l] = (uint32_t)(v / B36_FIVE_DIGITS);
			rem = v % B36_FIVE_DIGITS;
		}
		for (int k = 0; k < 5 && i > 0; k++, rem /= 36)
			out[--i] = digits[rem % 36];
	}
	out[chars] = '\0';
	return true;
}
