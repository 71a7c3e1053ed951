/* array.c - growing a malloc'd array by doubling (array.h). */
#include <config.h>

#include "util/array.h"

#include <stdint.h>
#include <stdlib.h>

int array_reserve(void **arr, size_t n, size_t *cap, size_t size,
                  size_t first)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : first;
	if (ncap > SIZE_MAX / size)
		return -1;
	void *p = realloc(*arr, ncap * size);
	if (!p)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}
