/* record.c - reading original records back from the kept files.
 *
 * Files are kept as they came (gzip or not); an event row says where its
 * record lies in the decoded file.  Decoded files are cached a few at a
 * time: the list pane and text search read neighbouring events, which
 * mostly share a file.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/buf.h"
#include "util/fold_search.h"
#include "util/gunzip.h"
#include "util/json_string.h"
#include "util/i18n.h"
#include "util/intcount.h"

void store_cache_clear(struct store *s)
{
	for (int i = 0; i < STORE_FILE_CACHE_SLOTS; i++) {
		free(s->cache[i].data);
		memset(&s->cache[i], 0, sizeof s->cache[i]);
	}
}

static struct decoded_file *cache_slot(struct store *s, int64_t file)
{
	struct decoded_file *victim = &s->cache[0];
	for (int i = 0; i < STORE_FILE_CACHE_SLOTS; i++) {
		if (s->cache[i].file == file)
			return &s->cache[i];
		if (s->cache[i].used < victim->used)
			victim = &s->cache[i];
	}
	free(victim->data);
	memset(victim, 0, sizeof *victim);
	return victim;
}

/* Decodes file `file`'s stored bytes into `slot`. */
static int decode_into(struct store *s, int64_t file, struct decoded_file *slot)
{
	int enc = 0;
	void *bytes;
	size_t n;
	int found = store_content_read(s, file, &enc, &bytes, &n);
	if (found <= 0)
		return found < 0 ? -1
		                 : store_fail(s, "%s",
		                              _("the event's file is not stored"));
	if (enc != STORE_ENC_GZIP) {
		slot->data = bytes; /* NUL-terminated, as the cache keeps text */
		slot->len = n;
		return 0;
	}
	const char *why = NULL;
	int rc = gunzip_decode(bytes, n, 0, STORE_DECODED_FILE_CAP, &slot->data,
	                       &slot->len, &why);
	free(bytes);
	return rc < 0 ? store_fail(s, _("stored file is damaged: %s"), why) : 0;
}

int store_decoded_file(struct store *s, int64_t file, const char **data,
                       size_t *len)
{
	struct decoded_file *slot = cache_slot(s, file);
	if (slot->file != file) {
		if (decode_into(s, file, slot) < 0)
			return -1;
		slot->file = file;
	}
	slot->used = ++s->cache_tick;
	*data = slot->data;
	*len = slot->len;
	return 0;
}

/* The record bytes of an event, inside its decoded file. */
static int record_span(struct store *s, int64_t file, int64_t off,
                       int64_t len, const char **p)
{
	const char *data;
	size_t n;
	if (store_decoded_file(s, file, &data, &n) < 0)
		return -1;
	if (off < 0 || len < 0 || (uint64_t)off > n || (uint64_t)len > n - off)
		return store_fail(s, "%s",
		                  _("the event lies outside its stored file"));
	*p = data + off;
	return 0;
}

/* A record kept as a JSON string literal, decoded to the record text. */
static int decode_escaped(struct store *s, const char *p, size_t n,
                          char **bytes, size_t *len)
{
	struct buf b;
	buf_init(&b);
	if (json_string_decode(p, n, &b) < 0) {
		buf_free(&b);
		return store_fail(s, "%s", _("the stored record is damaged"));
	}
	*len = b.len;
	*bytes = buf_steal(&b);
	return *bytes ? 0 : store_fail(s, "%s", _("out of memory"));
}

/* Where event `row`'s record lies: its file (id and path) and its span. */
static int locate(struct store *s, int64_t row, int64_t *file,
                  struct store_origin *o)
{
	memset(o, 0, sizeof *o);
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT e.file, %s, e.rec_offset, e.rec_length,"
	         " e.rec_escaped FROM event e JOIN file f ON f.id = e.file"
	         " WHERE e.id=?1",
	         store_file_path_sql(s));
	sqlite3_stmt *st = store_prepare(s, sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, row);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*file = sqlite3_column_int64(st, 0);
		o->path = strdup((const char *)sqlite3_column_text(st, 1));
		o->offset = (uint64_t)sqlite3_column_int64(st, 2);
		o->length = (uint32_t)sqlite3_column_int64(st, 3);
		o->escaped = sqlite3_column_int(st, 4) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? store_fail(s, "%s", _("no such event"))
		                         : store_fail_sql(s, _("reading an event"));
	return o->path ? 0 : store_fail(s, "%s", _("out of memory"));
}

int store_record_origin(struct store *s, int64_t row, struct store_origin *o)
{
	int64_t file;
	return locate(s, row, &file, o);
}

int store_record(struct store *s, int64_t row, char **bytes, size_t *len)
{
	int64_t file;
	struct store_origin o;
	const char *p;
	int rc = locate(s, row, &file, &o);
	free(o.path);
	if (rc < 0 || record_span(s, file, (int64_t)o.offset,
	                          (int64_t)o.length, &p) < 0)
		return -1;
	if (o.escaped)
		return decode_escaped(s, p, o.length, bytes, len);
	*bytes = malloc((size_t)o.length + 1);
	if (!*bytes)
		return store_fail(s, "%s", _("out of memory"));
	memcpy(*bytes, p, o.length);
	(*bytes)[o.length] = '\0';
	*len = o.length;
	return 0;
}

/* A text search's state for one statement: the needle, and per stored
 * file whether its whole decoded text holds it (1: no, 2: yes).  A file
 * without the needle answers for all its events at once, so a scan
 * decodes each file once in whatever order it meets the events; checking
 * record by record decoded a file per event whenever the scan went in
 * time order across files (a word in no record: 527 s at 1M events). */
struct text_search {
	char *needle;
	size_t len;
	/* The needle holds a character that JSON may write escaped ('"',
	 * '\\', '/', or beyond ASCII): a record kept as a string literal
	 * then may hold it while its file's bytes do not. */
	bool escapable;
	struct intcount files;
	struct text_prefetch *prefetch; /* a second thread's answers, or NULL */
};

static void free_search(void *p)
{
	struct text_search *t = p;
	text_prefetch_release(t->prefetch);
	free(t->needle);
	intcount_free(&t->files);
	free(t);
}

static struct text_search *text_search(sqlite3_context *ctx,
                                       sqlite3_value *arg)
{
	struct text_search *t = sqlite3_get_auxdata(ctx, 4);
	if (t)
		return t;
	const char *raw = (const char *)sqlite3_value_text(arg);
	t = calloc(1, sizeof *t);
	if (!t || !(t->needle = strdup(raw ? raw : ""))) {
		free(t);
		return NULL;
	}
	/* ASCII only, as fold_contains() compares. */
	for (char *c = t->needle; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + ('a' - 'A'));
	t->len = strlen(t->needle);
	for (const unsigned char *c = (const unsigned char *)t->needle; *c; c++)
		if (*c == '"' || *c == '\\' || *c == '/' || *c >= 0x80)
			t->escapable = true;
	intcount_init(&t->files);
	t->prefetch = text_prefetch_start(sqlite3_user_data(ctx), t->needle,
	                                  t->len);
	sqlite3_set_auxdata(ctx, 4, t, free_search);
	return sqlite3_get_auxdata(ctx, 4);
}

/* Whether stored file `file` holds the needle anywhere: 1 yes, 0 no,
 * -1 on error. */
static int file_has(struct store *s, struct text_search *t, int64_t file)
{
	int64_t known = intcount_get(&t->files, file);
	if (known)
		return known == 2;
	bool has;
	int told = text_prefetch_known(t->prefetch, file);
	if (told) {
		has = told == 2;
	} else {
		const char *data;
		size_t n;
		if (store_decoded_file(s, file, &data, &n) < 0)
			return -1;
		has = fold_contains(data, n, t->needle, t->len);
		text_prefetch_note(t->prefetch, file, has);
	}
	if (intcount_add(&t->files, file, has ? 2 : 1) < 0)
		return store_fail(s, "%s", _("out of memory"));
	return has;
}

/* Whether the record kept as a string literal at p[0..len) holds the
 * needle once decoded: 1 yes, 0 no, -1 on error. */
static int escaped_record_has(struct store *s, struct text_search *t,
                              const char *p, int64_t len)
{
	char *text;
	size_t n;
	if (decode_escaped(s, p, (size_t)len, &text, &n) < 0)
		return -1;
	int has = fold_contains(text, n, t->needle, t->len);
	free(text);
	return has;
}

/* tn_record_contains(file, offset, length, escaped, needle): 1 when the
 * record's original text holds the needle, ignoring ASCII case.  A record
 * kept as a JSON string (lookup-events, CloudWatch Logs) is its decoded
 * text: `"MFAUsed":"Yes"` is found in it though its file holds
 * `\"MFAUsed\":\"Yes\"`, so for such a needle its file is not asked. */
static void record_contains(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	struct store *s = sqlite3_user_data(ctx);
	struct text_search *t = text_search(ctx, v[4]);
	if (!t) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int64_t file = sqlite3_value_int64(v[0]);
	bool escaped = sqlite3_value_int(v[3]) != 0;
	bool decode = escaped && t->escapable;
	int has = decode ? 1 : file_has(s, t, file);
	const char *p;
	int64_t len = sqlite3_value_int64(v[2]);
	if (has > 0 && record_span(s, file, sqlite3_value_int64(v[1]), len,
	                           &p) < 0)
		has = -1;
	if (has > 0)
		has = decode ? escaped_record_has(s, t, p, len)
		             : fold_contains(p, (size_t)len, t->needle, t->len);
	if (has < 0) {
		sqlite3_result_error(ctx, s->errmsg, -1);
		return;
	}
	sqlite3_result_int(ctx, has);
}

int store_register_functions(struct store *s)
{
	if (sqlite3_create_function(s->db, "tn_record_contains", 5,
	                            SQLITE_UTF8, s, record_contains, NULL,
	                            NULL) != SQLITE_OK)
		return store_fail_sql(s, _("database"));
	return store_register_id_functions(s) < 0
	               ? -1
	               : store_register_path_functions(s);
}
