/* dedupe.c - events unique by ID after a bulk import.
 *
 * An import of millions of events sets the index of event IDs aside with
 * the lookup indexes (indexes.c), and every event it reads goes in
 * (writer.c).  At its end, before any index is built, this finds the
 * IDs held more than once (two passes over the table, below), and keeps
 * the first copy, the one with the lowest row id: the one written first,
 * in the walk's order, or held before the import began, which is the
 * copy the writer keeps when the index is there.  The others become their
 * files' duplicates in the ledger, as if they had been refused at once.
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>

#include "store/internal.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/i18n.h"
#include "util/intcount.h"
#include "util/strmap.h"

int store_dedupe_deferred(struct store *s)
{
	return (int)store_scalar(s,
	                         "SELECT EXISTS (SELECT 1 FROM deferred_index"
	                         " WHERE name = 'event_by_id_end')",
	                         _("reading the indexes"));
}

/* The later copies are found in two passes over the table in row id
 * order, in a few bits an event, where an index of the IDs built for the
 * purpose was a sort of every ID (1.2 s of the 1M bench trail's import;
 * 14 s at 10M):
 * 1. each ID's hash goes into a Bloom filter; an ID whose bits were all
 *    set already is a candidate: a copy, or a false positive (about 1%);
 * 2. the candidates' IDs are kept exactly, with the first row holding
 *    each; a later row holding one is a copy.
 * The filter is blocked (the bits of an ID in one 64-byte line: a cache
 * miss an ID) at 10 bits an event: 12 MB at 10M events. */
#define BLOOM_BITS_PER_EVENT 10
#define BLOOM_BLOCK_WORDS 8 /* 64 bytes */
#define BLOOM_PROBES 6

struct bloom {
	uint64_t *words;
	uint64_t blocks; /* a power of two */
};

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

/* An ID's hash, its type with it: SQLite tells the text 'x' from the
 * blob x'78' (uuid_key.h keeps canonical UUIDs as blobs). */
static uint64_t id_hash(sqlite3_stmt *st, int col)
{
	uint64_t type = (uint64_t)sqlite3_column_type(st, col);
	const void *p = sqlite3_column_blob(st, col);
	int n = sqlite3_column_bytes(st, col);
	return mix(hash_fnv1a(HASH_FNV_INIT ^ type, p, (size_t)n));
}

static int bloom_init(struct bloom *b, int64_t events)
{
	uint64_t want = (uint64_t)(events > 0 ? events : 1) *
	                BLOOM_BITS_PER_EVENT / (BLOOM_BLOCK_WORDS * 64) + 1;
	b->blocks = 1;
	while (b->blocks < want)
		b->blocks <<= 1;
	b->words = calloc(b->blocks * BLOOM_BLOCK_WORDS, sizeof *b->words);
	return b->words ? 0 : -1;
}

/* Sets the hash's bits; true when every one was set already. */
static bool bloom_add(struct bloom *b, uint64_t h)
{
	uint64_t *block = b->words + (h & (b->blocks - 1)) * BLOOM_BLOCK_WORDS;
	uint64_t bits = h >> 20; /* past the block number's bits, mostly */
	bool seen = true;
	for (int i = 0; i < BLOOM_PROBES; i++, bits = mix(bits + (uint64_t)i)) {
		uint64_t *w = &block[(bits >> 6) % BLOOM_BLOCK_WORDS];
		uint64_t bit = UINT64_C(1) << (bits & 63);
		seen = seen && (*w & bit);
		*w |= bit;
	}
	return seen;
}

/* Pass 1: the hashes of the IDs that may have been met before. */
static int find_candidates(struct store *s, struct intcount *candidates)
{
	int64_t most = store_scalar(s, "SELECT max(id) FROM main.event",
	                            _("removing duplicate events"));
	struct bloom b;
	if (most < 0 || bloom_init(&b, most) < 0)
		return most < 0 ? -1 : store_fail(s, "%s", _("out of memory"));
	sqlite3_stmt *st = store_prepare(
		s, "SELECT event_id FROM main.event ORDER BY id");
	int rc = st ? SQLITE_ROW : SQLITE_ERROR;
	while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t h = id_hash(st, 0);
		if (bloom_add(&b, h) && intcount_add(candidates, (int64_t)h, 1) < 0)
			rc = SQLITE_NOMEM;
	}
	free(b.words);
	sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM)
		return store_fail(s, "%s", _("out of memory"));
	return rc == SQLITE_DONE ? 0
	                         : store_fail_sql(s, _("removing duplicate events"));
}

/* The exact key of a candidate ID: its type byte, then its bytes. */
static int candidate_key(struct buf *key, sqlite3_stmt *st, int col)
{
	key->len = 0; /* the buffer is kept from ID to ID */
	buf_putc(key, (char)sqlite3_column_type(st, col));
	buf_append(key, sqlite3_column_blob(st, col),
	           (size_t)sqlite3_column_bytes(st, col));
	return buf_ok(key) ? 0 : -1;
}

/* Pass 2: each later row of a candidate ID into temp.copy. */
static int record_copies(struct store *s, const struct intcount *candidates)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, file, event_id FROM main.event ORDER BY id");
	sqlite3_stmt *ins = store_prepare(
		s, "INSERT INTO temp.copy(id, file) VALUES(?1, ?2)");
	struct strmap first;
	struct buf key;
	strmap_init(&first);
	buf_init(&key);
	int rc = st && ins ? SQLITE_ROW : SQLITE_ERROR;
	while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (intcount_get(candidates, (int64_t)id_hash(st, 2)) == 0)
			continue;
		if (candidate_key(&key, st, 2) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		int64_t id = sqlite3_column_int64(st, 0);
		if (strmap_get(&first, key.data, key.len) == 0) {
			if (strmap_put(&first, key.data, key.len, id) < 0)
				rc = SQLITE_NOMEM;
			continue;
		}
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_int64(ins, 2, sqlite3_column_int64(st, 1));
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = SQLITE_ERROR;
		sqlite3_reset(ins);
	}
	strmap_free(&first);
	buf_free(&key);
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	if (rc == SQLITE_NOMEM)
		return store_fail(s, "%s", _("out of memory"));
	return rc == SQLITE_DONE ? 0
	                         : store_fail_sql(s, _("removing duplicate events"));
}

static int find_copies(struct store *s)
{
	if (store_exec(s, "CREATE TEMP TABLE copy(id INTEGER PRIMARY KEY,"
	                  " file INTEGER NOT NULL)") < 0)
		return -1;
	struct intcount candidates;
	intcount_init(&candidates);
	int rc = find_candidates(s, &candidates);
	if (rc == 0)
		rc = record_copies(s, &candidates);
	intcount_free(&candidates);
	return rc;
}

/* The ledger's totals follow through its update trigger (schema.c,
 * version 2). */
static const char remove_copies[] =
	"DELETE FROM main.event_resource WHERE event IN (SELECT id FROM temp.copy);"
	"DELETE FROM main.event WHERE id IN (SELECT id FROM temp.copy);"
	"UPDATE main.file SET events = events - d.n,"
	" duplicates = duplicates + d.n"
	" FROM (SELECT file, count(*) AS n FROM temp.copy GROUP BY file) AS d"
	" WHERE main.file.id = d.file;";

int store_dedupe_events(struct store *s, int64_t *removed)
{
	*removed = 0;
	int64_t n = find_copies(s) < 0 ? -1
	            : store_scalar(s, "SELECT count(*) FROM temp.copy",
	                           _("removing duplicate events"));
	int rc = n < 0 ? -1 : n == 0 ? 0 : store_exec(s, remove_copies);
	if (rc == 0 && n > 0 && s->resource_in_row)
		rc = store_exec(s, "DELETE FROM main.event_shared"
		                   " WHERE event IN (SELECT id FROM temp.copy)");
	/* Dropped in any case: a rolled-back build leaves no temp table
	 * behind for the next one to trip on. */
	if (store_exec(s, "DROP TABLE temp.copy") < 0)
		rc = -1;
	if (rc == 0)
		*removed = n;
	return rc;
}
