/* uuid_key.c - see uuid_key.h. */
#include <config.h>

#include "util/uuid_key.h"

/* The value of a lower-case hex digit plus one; 0 for anything else.  A
 * table, because the writer packs three IDs per event (a loop of
 * comparisons per character was 1.4% of an import's CPU). */
static const unsigned char hex_plus_one[256] = {
	['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,
	['5'] = 6,  ['6'] = 7,  ['7'] = 8,  ['8'] = 9,  ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15,
	['f'] = 16,
};

/* Where each of the 16 bytes' two digits start in the text. */
static const unsigned char digit_at[UUID_KEY_BYTES] = {
	0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34,
};

bool uuid_key_pack(const char *text, size_t n, uint8_t out[UUID_KEY_BYTES])
{
	if (n != UUID_KEY_TEXT_SIZE - 1 || text[8] != '-' || text[13] != '-' ||
	    text[18] != '-' || text[23] != '-')
		return false;
	unsigned bad = 0;
	for (size_t i = 0; i < UUID_KEY_BYTES; i++) {
		unsigned hi = hex_plus_one[(unsigned char)text[digit_at[i]]];
		unsigned lo = hex_plus_one[(unsigned char)text[digit_at[i] + 1]];
		bad |= !hi | !lo;
		out[i] = (uint8_t)((hi - 1) << 4 | ((lo - 1) & 15));
	}
	return !bad;
}

void uuid_key_format(const uint8_t key[UUID_KEY_BYTES],
                     char out[UUID_KEY_TEXT_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 8; i < 24; i += 5)
		out[i] = '-';
	for (size_t i = 0; i < UUID_KEY_BYTES; i++) {
		out[digit_at[i]] = hex[key[i] >> 4];
		out[digit_at[i] + 1] = hex[key[i] & 15];
	}
	out[UUID_KEY_TEXT_SIZE - 1] = '\0';
}
