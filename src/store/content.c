/* content.c - the imported files' original bytes, stored in chunks that
 * fill their pages.
 *
 * A blob longer than a page goes into a chain of overflow pages, and the
 * last page of each chain is left partly empty: with a blob for each
 * file, 630 bytes a file, 19 bytes an event on the 1M bench trail (a
 * tenth of a gzipped trail file).  Since schema 8, the files that one
 * transaction writes are written one after another into a stream cut
 * into chunks (content_chunk) of a size that fills its pages exactly
 * (chunk_bytes()); a file_content row says in which chunk, and where in
 * it, the file's bytes begin, and how many there are.  Only the last chunk
 * of a transaction is short.
 *
 * Chunks are small (16 KB on 4 KB pages) so that reading a file reads the
 * chunks it lies in and nothing else: SQLite reaches a place inside a
 * blob by walking its chain of pages from the start, and 1 MB packs, tried
 * first, made text search a third slower.
 *
 * The chunk being filled is numbered when it is begun, so that the
 * files' rows can name it at once, and written when full and before the
 * transaction commits.  Until then its bytes are read from the writer's
 * buffer (copies.c compares a new file with one stored earlier in the
 * same batch).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"

const char *store_content_columns(bool chunked)
{
	return chunked ? "encoding, bytes, chunk, chunk_offset, length"
	               : "encoding, bytes, NULL, NULL, NULL";
}

/* The size of a chunk whose row fills its pages: SQLite keeps the
 * smallest local part a leaf cell may have (min_local) in the leaf when
 * the rest is a whole number of overflow pages, each holding page - 4
 * bytes (the format's "cell payload overflow" rule).  The row's payload
 * is the blob and its record header: a byte for the header's size, one
 * for the id (an INTEGER PRIMARY KEY is the rowid, stored as NULL) and 3
 * for the blob's serial type at every size this gives.  The cell's own
 * length and rowid varints lie outside the payload. */
static size_t chunk_bytes(struct store *s)
{
	int64_t page = store_scalar(s, "PRAGMA page_size",
	                            _("storing a file's bytes"));
	if (page < 512)
		page = 4096;
	int64_t min_local = (page - 12) * 32 / 255 - 23;
	int64_t pages = 16384 / (page - 4);
	if (pages < 1)
		pages = 1;
	return (size_t)(min_local + pages * (page - 4) - 5);
}

static int insert_row(struct store *s, int64_t file, enum store_encoding enc,
                      const void *bytes, size_t n, int64_t chunk,
                      size_t offset)
{
	static const char sql[] =
		"INSERT INTO file_content(file, encoding, bytes, chunk,"
		" chunk_offset, length) VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *st = store_cached(s, sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, file);
	sqlite3_bind_int(st, 2, (int)enc);
	if (chunk) {
		sqlite3_bind_blob(st, 3, "", 0, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, chunk);
		sqlite3_bind_int64(st, 5, (int64_t)offset);
		sqlite3_bind_int64(st, 6, (int64_t)n);
	} else {
		sqlite3_bind_blob64(st, 3, n ? bytes : "", n, SQLITE_STATIC);
	}
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0
	                         : store_fail_sql(s, _("storing a file's bytes"));
}

/* Writes the chunk being filled, whatever it holds, and begins the next. */
static int write_chunk(struct store *s)
{
	struct pending_chunk *c = &s->chunk;
	static const char sql[] =
		"INSERT INTO content_chunk(id, bytes) VALUES(?1, ?2)";
	sqlite3_stmt *st = store_cached(s, sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_blob64(st, 2, c->bytes.data ? c->bytes.data : "",
	                    c->bytes.len, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail_sql(s, _("storing a file's bytes"));
	c->id++;
	c->bytes.len = 0;
	return 0;
}

int store_content_flush(struct store *s)
{
	if (s->chunk.id && s->chunk.bytes.len && write_chunk(s) < 0)
		return -1;
	s->chunk.id = 0;
	return 0;
}

void store_content_discard(struct store *s)
{
	s->chunk.id = 0;
	buf_free(&s->chunk.bytes);
}

/* Numbers the first chunk of a transaction. */
static int begin_chunks(struct store *s)
{
	if (s->chunk.id)
		return 0;
	int64_t last = store_scalar(
		s, "SELECT coalesce(max(id), 0) FROM content_chunk",
		_("storing a file's bytes"));
	if (last < 0)
		return -1;
	if (last >= INT64_MAX / 2)
		return store_fail(s, "%s", _("a stored file is damaged"));
	if (!s->chunk.size)
		s->chunk.size = chunk_bytes(s);
	s->chunk.id = last + 1;
	return 0;
}

int store_content_add(struct store *s, int64_t file, const void *bytes,
                      size_t n, enum store_encoding enc)
{
	if (!store_has_schema(s, STORE_SCHEMA_CHUNKS))
		return insert_row(s, file, enc, bytes, n, 0, 0);
	struct pending_chunk *c = &s->chunk;
	if (begin_chunks(s) < 0 ||
	    insert_row(s, file, enc, bytes, n, c->id, c->bytes.len) < 0)
		return -1;
	const char *p = bytes;
	while (n) {
		size_t take = c->size - c->bytes.len;
		if (take > n)
			take = n;
		buf_append(&c->bytes, p, take);
		if (!buf_ok(&c->bytes))
			return store_fail(s, "%s", _("out of memory"));
		p += take;
		n -= take;
		if (c->bytes.len == c->size && write_chunk(s) < 0)
			return -1;
	}
	return 0;
}

/* Up to `want` bytes of chunk `id` from `offset` into `out`: how many,
 * or -1 with an SQLite result code in *rc. */
static int64_t read_chunk(sqlite3 *db, sqlite3_blob **blob, int64_t id,
                          int64_t offset, int64_t want, char *out, int *rc)
{
	*rc = *blob ? sqlite3_blob_reopen(*blob, id)
	            : sqlite3_blob_open(db, "main", "content_chunk", "bytes",
	                                id, 0, blob);
	if (*rc != SQLITE_OK)
		return -1;
	int64_t size = sqlite3_blob_bytes(*blob);
	if (offset >= size) {
		*rc = SQLITE_CORRUPT;
		return -1;
	}
	int64_t take = size - offset < want ? size - offset : want;
	*rc = sqlite3_blob_read(*blob, out, (int)take, (int)offset);
	return *rc == SQLITE_OK ? take : -1;
}

int content_read(sqlite3 *db, const struct pending_chunk *pending,
                 int64_t chunk, int64_t offset, int64_t length, void **out)
{
	*out = NULL;
	if (chunk < 1 || chunk >= INT64_MAX / 2 || offset < 0 || length < 0 ||
	    length >= INT32_MAX)
		return SQLITE_CORRUPT;
	/* One byte more, for the NUL that record.c ends plain text with. */
	char *data = malloc((size_t)length + 1);
	if (!data)
		return SQLITE_NOMEM;
	sqlite3_blob *blob = NULL;
	int rc = SQLITE_OK;
	for (int64_t done = 0; done < length; chunk++, offset = 0) {
		int64_t got;
		if (pending && pending->id == chunk) {
			int64_t held = (int64_t)pending->bytes.len;
			got = offset < held ? held - offset : 0;
			if (got > length - done)
				got = length - done;
			if (got)
				memcpy(data + done, pending->bytes.data + offset,
				       (size_t)got);
		} else {
			got = read_chunk(db, &blob, chunk, offset, length - done,
			                 data + done, &rc);
		}
		if (got <= 0) {
			rc = rc == SQLITE_OK ? SQLITE_CORRUPT : rc;
			break;
		}
		done += got;
	}
	sqlite3_blob_close(blob);
	if (rc != SQLITE_OK) {
		free(data);
		return rc;
	}
	data[length] = '\0';
	*out = data;
	return SQLITE_OK;
}

/* A copy of n bytes, NUL-terminated. */
static void *copy_of(const void *bytes, size_t n)
{
	char *data = malloc(n + 1);
	if (data) {
		if (n)
			memcpy(data, bytes, n);
		data[n] = '\0';
	}
	return data;
}

int content_row_bytes(sqlite3 *db, const struct pending_chunk *pending,
                      sqlite3_stmt *st, int col, void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (sqlite3_column_type(st, col + 1) == SQLITE_NULL) {
		const void *bytes = sqlite3_column_blob(st, col);
		size_t len = (size_t)sqlite3_column_bytes(st, col);
		if (!(*out = copy_of(bytes, len)))
			return SQLITE_NOMEM;
		*n = len;
		return SQLITE_OK;
	}
	int64_t length = sqlite3_column_int64(st, col + 3);
	int rc = content_read(db, pending, sqlite3_column_int64(st, col + 1),
	                      sqlite3_column_int64(st, col + 2), length, out);
	if (rc == SQLITE_OK)
		*n = (size_t)length;
	return rc;
}

int store_content_read(struct store *s, int64_t file, int *encoding,
                       void **bytes, size_t *n)
{
	*bytes = NULL;
	*n = 0;
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT %s FROM file_content WHERE file=?1",
	         store_content_columns(
			 store_has_schema(s, STORE_SCHEMA_CHUNKS)));
	sqlite3_stmt *st = store_prepare(s, sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, file);
	int rc = sqlite3_step(st), found = 0;
	if (rc == SQLITE_ROW) {
		*encoding = sqlite3_column_int(st, 0);
		rc = content_row_bytes(s->db, &s->chunk, st, 1, bytes, n);
		found = rc == SQLITE_OK ? 1
		        : rc == SQLITE_NOMEM
		                ? store_fail(s, "%s", _("out of memory"))
		                : store_fail(s, _("a stored file is damaged: %s"),
		                             sqlite3_errstr(rc));
	} else if (rc != SQLITE_DONE) {
		found = store_fail_sql(s, _("reading a stored file"));
	}
	sqlite3_finalize(st);
	return found;
}
