/* copies.c - a file whose bytes are stored already, under another path or
 * before a `touch`, is not stored again.
 *
 * The ledger knows a file by path, size and modification time, so a
 * copied tree (`cp -r`, a second `aws s3 sync`) or a touched one was
 * read again and its bytes stored a second time: the database doubled
 * for events that were all duplicates.  A file whose bytes are the same
 * as a stored file's gets a ledger row of its own, its events are counted
 * as duplicates, and its bytes stay with the first.
 *
 * The content hash (FNV-1a, 64 bits) only finds candidates: anyone can
 * make two files of one FNV hash, so the stored bytes are compared
 * before any are trusted to be the same.  The hashes of the stored files
 * are read from the ledger once per import, when the first file is
 * written (a re-import of an unchanged tree never reads them): 8 bytes a
 * file in memory, 300,000 files at 10M events.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"

/* The 64-bit hash that `hex` (hash_hex()) writes; false when it is none. */
static bool parse_hash(const char *hex, int64_t *key)
{
	if (!hex || strlen(hex) != 16)
		return false;
	char *end;
	unsigned long long h = strtoull(hex, &end, 16);
	if (*end)
		return false;
	*key = (int64_t)h;
	return true;
}

/* Remembers the first stored file of each hash (a second of one hash is
 * a collision, or a copy stored before this was done: the first is as
 * good a candidate). */
static int remember(struct store *s, int64_t key, int64_t file)
{
	if (intcount_get(&s->stored_by_hash, key))
		return 0;
	if (intcount_add(&s->stored_by_hash, key, file) < 0)
		return store_fail(s, "%s", _("out of memory"));
	return 0;
}

static int load(struct store *s)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT f.id, f.hash FROM file f JOIN file_content c"
		   " ON c.file = f.id");
	if (!st)
		return -1;
	int rc, made = 0;
	while (made == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t key;
		if (parse_hash((const char *)sqlite3_column_text(st, 1), &key))
			made = remember(s, key, sqlite3_column_int64(st, 0));
	}
	sqlite3_finalize(st);
	if (made < 0)
		return -1;
	if (rc != SQLITE_DONE)
		return store_fail_sql(s, _("reading the ledger"));
	s->stored_loaded = true;
	return 0;
}

/* Whether file `file`'s stored bytes are `bytes` in `enc`. */
static int same_bytes(struct store *s, int64_t file, const void *bytes,
                      size_t n, enum store_encoding enc)
{
	int had_enc = 0;
	void *had;
	size_t len;
	int found = store_content_read(s, file, &had_enc, &had, &len);
	if (found <= 0)
		return found;
	bool same = had_enc == (int)enc && len == n &&
	            (n == 0 || memcmp(had, bytes, n) == 0);
	free(had);
	return same;
}

int store_stored_copy(struct store *s, const char *hash, const void *bytes,
                      size_t n, enum store_encoding enc)
{
	int64_t key;
	if (!parse_hash(hash, &key))
		return 0;
	if (!s->stored_loaded && load(s) < 0)
		return -1;
	int64_t candidate = intcount_get(&s->stored_by_hash, key);
	if (!candidate)
		return 0;
	return same_bytes(s, candidate, bytes, n, enc);
}

int store_stored_note(struct store *s, const char *hash, int64_t file)
{
	int64_t key;
	if (!s->stored_loaded || !parse_hash(hash, &key))
		return 0;
	return remember(s, key, file);
}

void store_stored_forget(struct store *s)
{
	intcount_free(&s->stored_by_hash);
	intcount_init(&s->stored_by_hash);
	s->stored_loaded = false;
}
