/* uuid_key.h - event, request and shared event IDs kept in 16 bytes.
 *
 * Nearly every eventID, and most requestIDs, are UUIDs written as 36
 * characters of lower-case hex; the database keeps those as the 16 bytes
 * they stand for (70 of the event row's 122 bytes at 1M events were these
 * two IDs, and the eventID's UNIQUE index holds it once more).  Anything
 * else (upper case, S3's 16-character request IDs, IDs trailnav made up)
 * stays as text.  Only the one canonical spelling is packed, so that the
 * mapping is one to one and a packed ID never equals a text one: the
 * UNIQUE index still sees exactly the duplicates the text would. */
#ifndef TRAILNAV_UUID_KEY_H
#define TRAILNAV_UUID_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UUID_KEY_BYTES 16
/* 36 characters and the terminating NUL. */
#define UUID_KEY_TEXT_SIZE 37

/* True, with out filled, when text[0..n) is a UUID in lower-case hex,
 * hyphens at 8, 13, 18 and 23; false for anything else. */
bool uuid_key_pack(const char *text, size_t n, uint8_t out[UUID_KEY_BYTES]);

/* The text uuid_key_pack() read: 36 characters and a NUL. */
void uuid_key_format(const uint8_t key[UUID_KEY_BYTES],
                     char out[UUID_KEY_TEXT_SIZE]);

#endif
