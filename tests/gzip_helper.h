/* gzip_helper.h - gzip-compressing test data (one member), failing the
 * running cmocka test if zlib refuses. */
#ifndef TRAILNAV_TEST_GZIP_HELPER_H
#define TRAILNAV_TEST_GZIP_HELPER_H

#include <stddef.h>

/* A malloc'd gzip member holding data[0..n); its length in *outlen. */
unsigned char *test_gzip(const void *data, size_t n, size_t *outlen);

#endif
