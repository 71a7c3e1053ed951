/* b36_key.h - request IDs of upper-case letters and digits kept as the
 * base-36 numbers they spell.
 *
 * Two services write request IDs of 0-9 and A-Z alone, each of one
 * length:
 * - S3, in every data event, 16 characters ("0BHX631X88S4JJ5T" in
 *   ../shared/corpus): a fifth of the 1M bench trail's events.  As a
 *   base-36 number such an ID fits in 88 bits: 11 bytes in place of 16.
 * - DynamoDB, 52 characters ("4KBNVRGD25RG1KG4F3RIL5OCLRVV4KQNSO5AEMVJF66
 *   Q9ASUAAJG" in AWS's documentation): a ninth of the bench trail's
 *   events.  Such an ID fits in 269 bits: 34 bytes in place of 52.
 * Only these spellings are packed (lower case, or any other length, stays
 * text), so a packed ID reads back as exactly the text it came from, and
 * a blob of 11 or 34 bytes in the request ID column is never anything
 * else (a UUID's is 16: uuid_key.h). */
#ifndef TRAILNAV_B36_KEY_H
#define TRAILNAV_B36_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The two forms: characters, and the bytes they are kept in. */
#define B36_KEY_SHORT_CHARS 16
#define B36_KEY_SHORT_BYTES 11
#define B36_KEY_LONG_CHARS 52
#define B36_KEY_LONG_BYTES 34
#define B36_KEY_MAX_BYTES B36_KEY_LONG_BYTES
/* The longer form's characters and the terminating NUL. */
#define B36_KEY_TEXT_SIZE (B36_KEY_LONG_CHARS + 1)

/* When text[0..n) is 16 or 52 characters of 0-9 and A-Z, the number of
 * bytes it was packed into at out; 0 for anything else. */
size_t b36_key_pack(const char *text, size_t n,
                    uint8_t out[B36_KEY_MAX_BYTES]);

/* The text b36_key_pack() read from the `len` bytes at key, and true;
 * false when len is neither form's. */
bool b36_key_format(const uint8_t *key, size_t len,
                    char out[B36_KEY_TEXT_SIZE]);

#endif
