/* record_check.c - after an import, proves every event's original record
 * byte for byte: what the store gives back must equal the bytes at the
 * record's place in the file on disk (read and gunzipped here, not from
 * the database's copy).  Usage: record_check DATABASE; prints "N records
 * identical" and exits 0, or names the first mismatch and exits 1. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/gunzip.h"
#include "util/json_string.h"

static char *read_decoded(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b;
	buf_init(&b);
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, got);
	fclose(f);
	if (!gunzip_is_gzip(b.data, b.len)) {
		*n = b.len;
		return buf_steal(&b);
	}
	char *out;
	const char *why;
	int rc = gunzip_decode(b.data, b.len, 0, (size_t)1 << 31, &out, n, &why);
	buf_free(&b);
	return rc == 0 ? out : NULL;
}

/* The record as it stands in the file: the bytes, or a literal's value. */
static int expected(const struct store_origin *o, struct buf *want)
{
	size_t n;
	char *text = read_decoded(o->path, &n);
	if (!text || o->offset + o->length > n) {
		free(text);
		return -1;
	}
	int rc = 0;
	if (o->escaped)
		rc = json_string_decode(text + o->offset, o->length, want);
	else
		buf_append(want, text + o->offset, o->length);
	free(text);
	return rc;
}

static int check(struct store *s, int64_t row)
{
	struct store_origin o;
	char *got = NULL;
	size_t len = 0;
	struct buf want;
	buf_init(&want);
	int rc = store_record_origin(s, row, &o) == 0 &&
	                         store_record(s, row, &got, &len) == 0 &&
	                         expected(&o, &want) == 0 && want.len == len &&
	                         memcmp(want.data, got, len) == 0
	                 ? 0
	                 : -1;
	if (rc < 0)
		fprintf(stderr, "record_check: event %lld from %s differs\n",
		        (long long)row, o.path ? o.path : "?");
	free(o.path);
	free(got);
	buf_free(&want);
	return rc;
}

int main(int argc, char **argv)
{
	char err[512];
	if (argc != 2)
		return 2;
	struct store *s = store_open(argv[1], STORE_READ_ONLY, err, sizeof err);
	if (!s) {
		fprintf(stderr, "record_check: %s\n", err);
		return 2;
	}
	struct store_page page = { 0 };
	struct store_cursor at;
	long long n = 0;
	int rc = 0;
	bool first = true;
	do {
		if (store_page(s, NULL, first ? NULL : &at, STORE_OLDER, 500,
		               &page) < 0) {
			rc = 2;
			break;
		}
		first = false;
		for (size_t i = 0; i < page.count && rc == 0; i++, n++)
			rc = check(s, page.rows[i].row) < 0;
		if (page.count)
			at = (struct store_cursor){ page.rows[page.count - 1].time_ms,
				                    page.rows[page.count - 1].row };
	} while (page.more && rc == 0);
	store_page_free(&page);
	store_close(s);
	if (rc == 0)
		printf("%lld records identical\n", n);
	return rc;
}
