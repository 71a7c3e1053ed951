/* internal.h - what the filter language's own files share; nothing
 * outside src/filter includes this. */
#ifndef TRAILNAV_FILTER_INTERNAL_H
#define TRAILNAV_FILTER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Character classes: ASCII only, so the locale never changes a parse. */
static inline bool filter_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool filter_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline char filter_to_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* filter_time.c: a since:/until: value as a half-open interval of UTC
 * epoch milliseconds, at the precision written.  On failure `expect` is
 * an N_() phrase saying what was expected. */
struct filter_when {
	int64_t lo, hi;
	const char *expect;
};
bool filter_time_parse(const char *s, int64_t now, struct filter_when *w);

/* filter.c: the length of the key when a term is "letters:..."; 0 when it
 * is a bare word ("arn:" starts a bare word: people paste ARNs). */
size_t filter_key_length(const char *s, size_t n);

#endif
