/* gzip_helper.c - gzip-compressing test data (see gzip_helper.h). */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "gzip_helper.h"

unsigned char *test_gzip(const void *data, size_t n, size_t *outlen)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	/* windowBits 31: a gzip header and trailer, not raw zlib. */
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 31, 8,
	                              Z_DEFAULT_STRATEGY),
	                 Z_OK);
	size_t cap = deflateBound(&z, (uLong)n) + 64;
	unsigned char *out = malloc(cap);
	assert_non_null(out);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*outlen = z.total_out;
	deflateEnd(&z);
	return out;
}
