/* ids.c - event, request and shared event IDs in and out of the
 * database: canonical UUIDs as 16-byte blobs, S3's and DynamoDB's request
 * IDs as 11- and 34-byte ones, anything else as text (see util/uuid_key.h
 * for why, and why that keeps the index of event IDs exact, and
 * util/b36_key.h). */
#include <config.h>

#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"
#include "util/b36_key.h"
#include "util/uuid_key.h"

int store_bind_id(sqlite3_stmt *st, int param, const char *text)
{
	if (!text || !*text)
		return sqlite3_bind_null(st, param);
	uint8_t key[UUID_KEY_BYTES];
	size_t n = strlen(text);
	if (uuid_key_pack(text, n, key))
		return sqlite3_bind_blob(st, param, key, sizeof key,
		                         SQLITE_TRANSIENT);
	return sqlite3_bind_text(st, param, text, (int)n, SQLITE_STATIC);
}

/* Request IDs alone: an event ID stays as it was stored before, so that
 * an event met again is known by it (an old row's text would not equal a
 * new row's blob). */
int store_bind_request_id(sqlite3_stmt *st, int param, const char *text)
{
	uint8_t key[B36_KEY_MAX_BYTES];
	size_t n = text ? b36_key_pack(text, strlen(text), key) : 0;
	if (n)
		return sqlite3_bind_blob(st, param, key, (int)n,
		                         SQLITE_TRANSIENT);
	return store_bind_id(st, param, text);
}

/* The text of a packed ID into buf; NULL when `blob` is none. */
static const char *packed_text(const void *blob, int n,
                               char buf[STORE_ID_TEXT_SIZE])
{
	if (blob && n == UUID_KEY_BYTES)
		uuid_key_format(blob, buf);
	else if (!blob || n < 0 || !b36_key_format(blob, (size_t)n, buf))
		return NULL;
	return buf;
}

const char *store_column_id(sqlite3_stmt *st, int col,
                            char buf[STORE_ID_TEXT_SIZE])
{
	if (sqlite3_column_type(st, col) == SQLITE_BLOB) {
		const void *blob = sqlite3_column_blob(st, col);
		const char *t = packed_text(blob, sqlite3_column_bytes(st, col),
		                            buf);
		if (t)
			return t;
	}
	const char *t = (const char *)sqlite3_column_text(st, col);
	return t && *t ? t : NULL;
}

/* tn_id_key(text): the value an ID is stored as. */
static void id_key(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	if (sqlite3_value_type(v[0]) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, v[0]);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(v[0]);
	uint8_t key[UUID_KEY_BYTES];
	if (t && uuid_key_pack(t, (size_t)sqlite3_value_bytes(v[0]), key))
		sqlite3_result_blob(ctx, key, sizeof key, SQLITE_TRANSIENT);
	else
		sqlite3_result_value(ctx, v[0]);
}

/* tn_id_text(stored): the ID as it was written, for LIKE. */
static void id_text(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	char buf[STORE_ID_TEXT_SIZE];
	const char *t = NULL;
	if (sqlite3_value_type(v[0]) == SQLITE_BLOB)
		t = packed_text(sqlite3_value_blob(v[0]),
		                sqlite3_value_bytes(v[0]), buf);
	if (t)
		sqlite3_result_text(ctx, t, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_value(ctx, v[0]);
}

int store_register_id_functions(struct store *s)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	if (sqlite3_create_function(s->db, "tn_id_key", 1, flags, NULL,
	                            id_key, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(s->db, "tn_id_text", 1, flags, NULL,
	                            id_text, NULL, NULL) != SQLITE_OK)
		return store_fail_sql(s, _("database"));
	return 0;
}
