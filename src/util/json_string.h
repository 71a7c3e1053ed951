/* json_string.h - decoding one JSON string literal.
 *
 * lookup-events output and CloudWatch Logs payloads carry each record as a
 * JSON string; reading such a record back means decoding its literal.
 */
#ifndef TRAILNAV_JSON_STRING_H
#define TRAILNAV_JSON_STRING_H

#include <stddef.h>

#include "util/buf.h"

/* Appends the value of the literal lit[0..n) (quotes included) to `out`.
 * Returns 0, or -1 when it is not a well-formed literal. \u0000 decodes
 * to a NUL byte; an unpaired surrogate decodes to U+FFFD. */
int json_string_decode(const char *lit, size_t n, struct buf *out);

#endif
