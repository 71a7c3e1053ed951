/* json.h - a strict, fast JSON reader over a buffer already in memory.
 *
 * Not a tree builder: a cursor that the caller drives (a "pull" reader).
 * It walks objects and arrays, reads strings in place, skips whole values
 * and reports where the cursor is, so that the importer can find the
 * exact bytes of a record without copying anything.  Everything it passes
 * over is validated against RFC 8259:
 *   - strings: every escape, \uXXXX included; a raw control byte (< 0x20)
 *     is an error.  Invalid UTF-8 is accepted as is (records are hostile
 *     but must import), and so is an unpaired surrogate escape, which is
 *     valid JSON syntax; json_unescape() turns it into U+FFFD;
 *   - numbers: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, no leading
 *     zeros, no bare '.', no "+1", no NaN/Infinity;
 *   - literals true, false, null; nesting up to a depth limit;
 *   - json_at_end() tells whether only whitespace is left.
 * Duplicate keys are not the reader's business: it hands each member to
 * the caller in order, so a caller that overwrites makes the last win.
 *
 * It never allocates.  The first error stops everything: each call then
 * returns -1 (or JSON_BAD), and `err` / `err_at` say what and where.
 */
#ifndef TRAILNAV_IMPORT_JSON_H
#define TRAILNAV_IMPORT_JSON_H

#include <stdbool.h>
#include <stddef.h>

enum json_type {
	JSON_BAD = 0, /* end of input, or a byte no value starts with */
	JSON_OBJECT,
	JSON_ARRAY,
	JSON_STRING,
	JSON_NUMBER,
	JSON_TRUE,
	JSON_FALSE,
	JSON_NULL
};

/* A string as it lies in the input: the bytes between the quotes.  Only
 * when `escaped` do they need json_unescape() to become the value. */
struct json_str {
	const char *raw;
	size_t len;
	bool escaped;
};

struct json {
	const char *begin, *p, *end;
	/* json_skip() keeps the kind of each open container here: `stack`
	 * has room for `max_depth` bytes, owned by the caller. */
	unsigned char *stack;
	size_t max_depth;
	size_t depth;    /* containers opened through the pull calls */
	const char *err; /* untranslated (N_) reason; NULL while all is well */
	size_t err_at;   /* byte offset of the error from `begin` */
	bool too_deep;   /* the error is the depth limit, not bad syntax */
};

/* Where the cursor is, to come back to a value already validated. */
struct json_mark {
	const char *p;
	size_t depth;
};

void json_init(struct json *j, const char *data, size_t len,
               unsigned char *stack, size_t max_depth);

/* Skips whitespace and says what the next value is from its first byte
 * (the value itself is checked when it is read or skipped). */
enum json_type json_peek(struct json *j);

/* Skips whitespace; true when the input is used up. */
bool json_at_end(struct json *j);

/* Byte offset of the cursor from the start of the input. */
size_t json_pos(const struct json *j);

/* Validates the next value, whatever it is, and moves past it.  Iterative:
 * deep nesting costs `stack` bytes, never C stack.  0 or -1. */
int json_skip(struct json *j);

/* Reads the next value, which must be a string.  0 or -1. */
int json_string(struct json *j, struct json_str *s);

/* Walks an object member by member.  Start with *open = false; each call
 * returns 1 with the next key read and the cursor on its value (which the
 * caller must then read or skip), 0 once the closing brace is consumed,
 * or -1.  The first call consumes the '{' (and fails if there is none). */
int json_object_next(struct json *j, bool *open, struct json_str *key);

/* The same for arrays: 1 with the cursor on the next element, 0 after
 * the closing bracket, -1 on error. */
int json_array_next(struct json *j, bool *open);

struct json_mark json_mark(const struct json *j);
void json_seek(struct json *j, struct json_mark m);

/* Writes the value of a string read by this reader (so known to be well
 * formed) to `out`, which has room for s->len bytes: unescaping never
 * makes a string longer.  Surrogate pairs become one UTF-8 sequence, a
 * lone surrogate U+FFFD, \u0000 a NUL byte.  Returns the length written;
 * adds no terminator. */
size_t json_unescape(const struct json_str *s, char *out);

/* The same value handed to `fn` in pieces, in order, for a consumer that
 * needs no copy of it (a hash): each run without escapes as it lies in
 * the input, each escape decoded.  The pieces depend on where the escapes
 * are, so `fn` must treat the bytes as one stream. */
typedef void (*json_piece_fn)(void *ctx, const char *bytes, size_t n);
void json_unescape_each(const struct json_str *s, json_piece_fn fn, void *ctx);

#endif
