/* fold_search.h - finding a word in text, ignoring ASCII case.
 *
 * The bare-word search of the filter language reads every stored file
 * (1.5 GB of JSON at 1M events) for a word in none of them; this is the
 * loop that reads it. */
#ifndef TRAILNAV_FOLD_SEARCH_H
#define TRAILNAV_FOLD_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* True when hay[0..n) holds needle[0..m) with ASCII letters of either
 * case; the needle must be in lower case already.  An empty needle is
 * everywhere. */
bool fold_contains(const char *hay, size_t n, const char *needle, size_t m);

#endif
