/* uuid_key.c - see uuid_key.h. */
#include <config.h>

#include "util/uuid_key.h"

static int lower_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static bool hyphen_at(size_t i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

bool uuid_key_pack(const char *text, size_t n, uint8_t out[UUID_KEY_BYTES])
{
	if (n != UUID_KEY_TEXT_SIZE - 1)
		return false;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (hyphen_at(i)) {
			if (text[i] != '-')
				return false;
			continue;
		}
		int hi = lower_hex_digit(text[i]);
		int lo = i + 1 < n ? lower_hex_digit(text[i + 1]) : -1;
		if (hi < 0 || lo < 0)
			return false;
		out[o++] = (uint8_t)(hi << 4 | lo);
		i++;
	}
	return o == UUID_KEY_BYTES;
}

void uuid_key_format(const uint8_t key[UUID_KEY_BYTES],
                     char out[UUID_KEY_TEXT_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	for (size_t i = 0; i < UUID_KEY_BYTES; i++) {
		if (hyphen_at(o))
			out[o++] = '-';
		out[o++] = hex[key[i] >> 4];
		out[o++] = hex[key[i] & 15];
	}
	out[o] = '\0';
}
