/* dict_cache.c - the writer's dictionary ids: the strings events repeat
 * (regions, services, callers, agents, keys, resources, ...) turned into
 * the ids of their rows, a row added for each string met first.
 *
 * Every event asks for ten or more of them, so each goes through three
 * steps, cheapest first: the key the same cache was last asked (the next
 * event mostly repeats it), the cache of ids in memory, and only then the
 * database.  When a cache holds every row of its table, which is so for
 * a new database until the memory budget clears the cache, a key it lacks
 * is new, and its row goes in without a lookup first: at 1M events that
 * spares 260k lookups of keys and resources that are not there.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"

/* What the writer's caches of dictionary ids may hold together.  Access
 * keys, principals (a session each) and S3 object ARNs grow with the
 * corpus (at 10M events: 700k keys, 1.9M resources), and SPEC section 5
 * bounds the import's memory whatever the corpus: past this, the biggest
 * cache starts over, and what it forgot is looked up in the database. */
#define WRITER_CACHE_BYTES ((size_t)24 << 20)

static const char *cache_table(int c)
{
	return c == CACHE_PRINCIPAL  ? "principal"
	       : c == CACHE_RESOURCE ? "resource"
	                             : store_dict_table((enum store_dict)c);
}

/* Forgets what cache `c` holds: it no longer holds every row. */
static void cache_clear(struct store *s, int c)
{
	struct id_cache *k = &s->caches[c];
	strmap_clear(&k->ids);
	last_key_forget(&k->last);
	k->whole = false;
}

void store_caches_forget(struct store *s)
{
	for (int c = 0; c < CACHE_COUNT_; c++)
		cache_clear(s, c);
}

void store_caches_free(struct store *s)
{
	for (int c = 0; c < CACHE_COUNT_; c++) {
		strmap_free(&s->caches[c].ids);
		last_key_free(&s->caches[c].last);
	}
}

/* A cache stays whole while its table's largest id is the one this
 * writer gave last: dictionary rows are never deleted, so another writer
 * that added one since would show.  An empty table makes its cache whole,
 * which is how every cache of a new database starts. */
int store_caches_check(struct store *s)
{
	for (int c = 0; c < CACHE_COUNT_; c++) {
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s",
		         cache_table(c));
		int64_t max = store_scalar(s, sql, _("dictionary lookup"));
		if (max < 0)
			return -1;
		struct id_cache *k = &s->caches[c];
		if (k->whole && max == k->max_id)
			continue;
		if (max == 0)
			cache_clear(s, c);
		k->whole = max == 0;
		k->max_id = 0;
	}
	return 0;
}

/* Runs a prepared lookup/insert pair for cache `c`: the id of the row
 * that the bound values select, inserting it first when it is missing.
 * A whole cache has been asked already, so the row is missing. */
static int64_t select_or_insert(struct store *s, int c, sqlite3_stmt *sel,
                                sqlite3_stmt *ins)
{
	int64_t id = 0;
	int rc = SQLITE_DONE;
	/* Every transaction the writer begins checks (begin_writing());
	 * outside one the check is stale, and a row another writer adds
	 * meanwhile could come before this one's. */
	if (sqlite3_get_autocommit(s->db))
		s->caches[c].whole = false;
	if (!s->caches[c].whole) {
		rc = sqlite3_step(sel);
		if (rc == SQLITE_ROW)
			id = sqlite3_column_int64(sel, 0);
		sqlite3_reset(sel);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(s, _("dictionary lookup"));
	if (id)
		return id;
	rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	if (rc != SQLITE_DONE)
		return store_fail_sql(s, _("dictionary insert"));
	id = sqlite3_last_insert_rowid(s->db);
	s->caches[c].max_id = id;
	return id;
}

static int prepare_dict(struct store *s, enum store_dict d)
{
	char sql[128];
	if (s->dict_select[d])
		return 0;
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE %s",
	         store_dict_table(d), store_dict_key(d));
	s->dict_select[d] = store_prepare(s, sql);
	snprintf(sql, sizeof sql, "INSERT INTO %s(s) VALUES(?1)",
	         store_dict_table(d));
	s->dict_insert[d] = store_prepare(s, sql);
	return s->dict_select[d] && s->dict_insert[d] ? 0 : -1;
}

/* Remembers key → id in cache `c`, first clearing the biggest cache if
 * they hold too much together. */
static int cache_put(struct store *s, int c, const char *key, size_t n,
                     int64_t id)
{
	size_t total = 0, most = 0;
	int biggest = -1;
	for (int i = 0; i < CACHE_COUNT_; i++) {
		size_t held = strmap_memory(&s->caches[i].ids);
		total += held;
		if (held > most) {
			most = held;
			biggest = i;
		}
	}
	size_t budget = s->cache_budget ? s->cache_budget : WRITER_CACHE_BYTES;
	if (total > budget && biggest >= 0)
		cache_clear(s, biggest);
	if (strmap_put(&s->caches[c].ids, key, n, id) < 0)
		return store_fail(s, "%s", _("out of memory"));
	return 0;
}

void store_set_cache_budget(struct store *s, size_t bytes)
{
	s->cache_budget = bytes;
}

/* The id of `key` in cache `c` if it is the last asked or in the cache;
 * 0 when neither knows it. */
static int64_t cached_id(struct store *s, int c, const char *key, size_t n)
{
	struct id_cache *k = &s->caches[c];
	int64_t id;
	if (last_key_get(&k->last, key, n, &id))
		return id;
	id = strmap_get(&k->ids, key, n);
	if (id && last_key_set(&k->last, key, n, id) < 0)
		return store_fail(s, "%s", _("out of memory"));
	return id;
}

/* Remembers the id the database gave `key`, in the cache and as the last
 * asked; returns it, or -1 on error. */
static int64_t keep_id(struct store *s, int c, const char *key, size_t n,
                       int64_t id)
{
	if (id <= 0)
		return id;
	if (cache_put(s, c, key, n, id) < 0)
		return -1;
	if (last_key_set(&s->caches[c].last, key, n, id) < 0)
		return store_fail(s, "%s", _("out of memory"));
	return id;
}

int64_t store_dict_id_len(struct store *s, enum store_dict d, const char *v,
                          size_t n)
{
	if (n == 0)
		return 0;
	int64_t id = cached_id(s, (int)d, v, n);
	if (id)
		return id;
	if (prepare_dict(s, d) < 0)
		return -1;
	sqlite3_bind_text(s->dict_select[d], 1, v, (int)n, SQLITE_STATIC);
	sqlite3_bind_text(s->dict_insert[d], 1, v, (int)n, SQLITE_STATIC);
	id = select_or_insert(s, (int)d, s->dict_select[d], s->dict_insert[d]);
	return keep_id(s, (int)d, v, n, id);
}

int64_t store_dict_id(struct store *s, enum store_dict d, const char *v)
{
	return store_present(v) ? store_dict_id_len(s, d, v, strlen(v)) : 0;
}

/* Role and session from an assumed-role or federated-user ARN, so that
 * `principal:` matches the names a person knows them by. */
static void split_session(const char *arn, char *role, size_t rlen,
                          char *session, size_t slen)
{
	role[0] = session[0] = '\0';
	const char *p = strstr(store_or_empty(arn), ":assumed-role/");
	if (p) {
		p += strlen(":assumed-role/");
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		snprintf(role, rlen, "%.*s", (int)(n < rlen ? n : rlen - 1), p);
		if (slash)
			snprintf(session, slen, "%s", slash + 1);
		return;
	}
	p = strstr(store_or_empty(arn), ":federated-user/");
	if (p)
		snprintf(session, slen, "%s", p + strlen(":federated-user/"));
}

static int prepare_principal(struct store *s)
{
	if (s->principal_select)
		return 0;
	s->principal_select = store_prepare(
		s, "SELECT id FROM principal WHERE " STORE_PRINCIPAL_KEY);
	s->principal_insert = store_prepare(
		s, "INSERT INTO principal(type, arn, name, pid, account, role,"
		   " session) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	return s->principal_select && s->principal_insert ? 0 : -1;
}

/* The cache key of a principal: its five parts joined by a byte no ARN
 * holds.  Returns its length, or 0 when it does not fit in `cap`. */
static size_t principal_key(const char *const f[5], char *key, size_t cap)
{
	size_t n = 0;
	for (int i = 0; i < 5; i++) {
		size_t len = strlen(f[i]);
		if (len + 1 >= cap - n)
			return 0;
		if (i)
			key[n++] = '\x1f';
		memcpy(key + n, f[i], len);
		n += len;
	}
	return n;
}

/* A principal too long for the cache's key is looked up every time. */
static int64_t principal_row(struct store *s, const char *const f[5])
{
	if (prepare_principal(s) < 0)
		return -1;
	char role[256], session[256];
	split_session(f[1], role, sizeof role, session, sizeof session);
	for (int i = 0; i < 5; i++) {
		sqlite3_bind_text(s->principal_select, i + 1, f[i], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_text(s->principal_insert, i + 1, f[i], -1,
		                  SQLITE_STATIC);
	}
	sqlite3_bind_text(s->principal_insert, 6, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->principal_insert, 7, session, -1, SQLITE_STATIC);
	return select_or_insert(s, CACHE_PRINCIPAL, s->principal_select,
	                        s->principal_insert);
}

int64_t store_principal_id(struct store *s, const struct trail_event *ev)
{
	const char *f[5] = { store_or_empty(ev->identity_type),
		             store_or_empty(ev->principal_arn),
		             store_or_empty(ev->principal_name),
		             store_or_empty(ev->principal_id),
		             store_or_empty(ev->principal_account) };
	if (!*f[0] && !*f[1] && !*f[2] && !*f[3] && !*f[4])
		return 0;
	char key[2048];
	size_t n = principal_key(f, key, sizeof key);
	if (n == 0) {
		/* Not cached: the cache could not tell it is whole. */
		s->caches[CACHE_PRINCIPAL].whole = false;
		return principal_row(s, f);
	}
	int64_t id = cached_id(s, CACHE_PRINCIPAL, key, n);
	if (id)
		return id;
	return keep_id(s, CACHE_PRINCIPAL, key, n, principal_row(s, f));
}

static int prepare_resource(struct store *s)
{
	if (s->resource_select)
		return 0;
	s->resource_select = store_prepare(
		s, "SELECT id FROM resource WHERE " STORE_RESOURCE_KEY);
	s->resource_insert = store_prepare(
		s, "INSERT INTO resource(prefix, name, type) VALUES(?1, ?2, ?3)");
	return s->resource_select && s->resource_insert ? 0 : -1;
}

/* The id of the resource of ARN `arn`: its prefix and type from their
 * dictionaries, its row by the two (schema 11). */
int64_t store_resource_id(struct store *s, const char *arn, const char *type)
{
	size_t n = strlen(arn);
	int64_t id = cached_id(s, CACHE_RESOURCE, arn, n);
	if (id)
		return id;
	const char *name = store_resource_name(arn);
	int64_t prefix = store_dict_id_len(s, DICT_ARN_PREFIX, arn,
	                                   (size_t)(name - arn));
	int64_t type_id = store_dict_id(s, DICT_RESOURCE_TYPE, type);
	if (prefix < 0 || type_id < 0 || prepare_resource(s) < 0)
		return -1;
	sqlite3_stmt *sel = s->resource_select, *ins = s->resource_insert;
	sqlite3_bind_int64(sel, 1, prefix);
	sqlite3_bind_text(sel, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ins, 1, prefix);
	sqlite3_bind_text(ins, 2, name, -1, SQLITE_STATIC);
	if (type_id)
		sqlite3_bind_int64(ins, 3, type_id);
	else
		sqlite3_bind_null(ins, 3);
	id = select_or_insert(s, CACHE_RESOURCE, sel, ins);
	return keep_id(s, CACHE_RESOURCE, arn, n, id);
}
