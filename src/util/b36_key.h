/* b36_key.h - request IDs of 16 upper-case letters and digits kept in 11
 * bytes.
 *
 * S3 writes its request IDs, in every data event, as 16 characters of
 * 0-9 and A-Z ("0BHX631X88S4JJ5T" in ../shared/corpus): a fifth of the
 * 1M bench trail's events.  As a base-36 number such an ID fits in 88
 * bits; the database keeps those 11 bytes in place of 16 of text.  Only
 * this one spelling is packed (lower case stays text), so a packed ID
 * reads back as exactly the text it came from, and an 11-byte blob in the
 * request ID column is never anything else (a UUID's is 16: uuid_key.h). */
#ifndef TRAILNAV_B36_KEY_H
#define TRAILNAV_B36_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define B36_KEY_BYTES 11
#define B36_KEY_CHARS 16
/* The characters and the terminating NUL. */
#define B36_KEY_TEXT_SIZE (B36_KEY_CHARS + 1)

/* True, with out filled, when text[0..n) is 16 characters of 0-9 and
 * A-Z; false for anything else. */
bool b36_key_pack(const char *text, size_t n, uint8_t out[B36_KEY_BYTES]);

/* The text b36_key_pack() read: 16 characters and a NUL. */
void b36_key_format(const uint8_t key[B36_KEY_BYTES],
                    char out[B36_KEY_TEXT_SIZE]);

#endif
