/* b36_key.c - see b36_key.h.  The key is the ID read as a base-36
 * number, most significant digit first, in 11 bytes, most significant
 * byte first: 36^16 is below 2^88, so no ID overflows them. */
#include <config.h>

#include "util/b36_key.h"

#include <string.h>

static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return -1;
}

bool b36_key_pack(const char *text, size_t n, uint8_t out[B36_KEY_BYTES])
{
	if (n != B36_KEY_CHARS)
		return false;
	memset(out, 0, B36_KEY_BYTES);
	for (size_t i = 0; i < n; i++) {
		int d = digit_value(text[i]);
		if (d < 0)
			return false;
		/* out = out * 36 + d, byte by byte from the least
		 * significant. */
		unsigned carry = (unsigned)d;
		for (size_t b = B36_KEY_BYTES; b-- > 0;) {
			unsigned v = out[b] * 36u + carry;
			out[b] = (uint8_t)(v & 0xff);
			carry = v >> 8;
		}
	}
	return true;
}

void b36_key_format(const uint8_t key[B36_KEY_BYTES],
                    char out[B36_KEY_TEXT_SIZE])
{
	uint8_t n[B36_KEY_BYTES];
	memcpy(n, key, sizeof n);
	/* Each digit is the remainder of dividing by 36, least significant
	 * first. */
	for (size_t i = B36_KEY_CHARS; i-- > 0;) {
		unsigned rem = 0;
		for (size_t b = 0; b < B36_KEY_BYTES; b++) {
			unsigned v = rem << 8 | n[b];
			n[b] = (uint8_t)(v / 36);
			rem = v % 36;
		}
		out[i] = digits[rem];
	}
	out[B36_KEY_CHARS] = '\0';
}
