/* array.h - growing a malloc'd array by doubling. */
#ifndef TRAILNAV_ARRAY_H
#define TRAILNAV_ARRAY_H

#include <stddef.h>

/* Makes room in *arr (holding n elements of `size` bytes, with room for
 * *cap) for at least one more, doubling from `first`.  Returns 0, or -1
 * with *arr and *cap untouched when memory runs out. */
int array_reserve(void **arr, size_t n, size_t *cap, size_t size,
                  size_t first);

#endif
