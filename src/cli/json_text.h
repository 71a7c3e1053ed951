/* json_text.h - original records on their way out: one line each for
 * NDJSON, and nothing a terminal would act on when the output is one.
 *
 * Both work on JSON text as stored (trailnav imported it, so it is one
 * valid JSON value) and change no token's meaning.
 */
#ifndef TRAILNAV_CLI_JSON_TEXT_H
#define TRAILNAV_CLI_JSON_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* True when the record spans more than one line (it holds a CR or LF,
 * which only whitespace between tokens can: strings escape them). */
bool json_is_multiline(const char *rec, size_t n);

/* Appends the record on one line: a single-line record byte for byte
 * (AWS writes records compact); a multi-line (pretty-printed) one with
 * the whitespace between tokens removed, every token unchanged. */
void json_one_line(struct buf *out, const char *rec, size_t n);

/* Appends the record with what a terminal would interpret made inert:
 * inside strings, DEL and C1 controls become \u007f/\u0080... escapes (the
 * same JSON value) and bytes that are not UTF-8 become \ufffd; between
 * tokens, whitespace other than space, tab and LF becomes a space. */
void json_terminal_safe(struct buf *out, const char *rec, size_t n);

/* Appends `s` as a JSON string literal, quotes included: control
 * characters, DEL and C1 controls as \u escapes (so it is safe on a
 * terminal too), C0 80 (a NUL in a record's value, model/event.h) as
 * \u0000, other bytes that are not UTF-8 as \ufffd. */
void json_put_string(struct buf *out, const char *s);

#endif
