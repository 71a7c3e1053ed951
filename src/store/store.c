/* store.c - opening and closing the database, errors, where it lives. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/internal.h"
#include "util/i18n.h"

/* Each dictionary's table, and how the writer finds a value in it: by
 * the UNIQUE index of its values, or (access keys, schema 13) by the
 * case-blind index that `key:` reads, then compared exactly. */
static const struct {
	const char *table, *key;
} dicts[DICT_COUNT_] = {
	[DICT_REGION] = { "region", NULL },
	[DICT_SERVICE] = { "service", NULL },
	[DICT_EVENT_NAME] = { "event_name", NULL },
	[DICT_ACCOUNT] = { "account", NULL },
	[DICT_IP] = { "ip", NULL },
	[DICT_AGENT] = { "agent", NULL },
	[DICT_ERROR] = { "error", NULL },
	[DICT_ACCESS_KEY] = { "access_key", STORE_ACCESS_KEY_KEY },
	[DICT_ARN_PREFIX] = { "arn_prefix", NULL },
	[DICT_RESOURCE_TYPE] = { "resource_type", NULL },
	[DICT_FILE_DIR] = { "file_dir", NULL },
};

const char *store_dict_table(enum store_dict d)
{
	return dicts[d].table;
}

const char *store_dict_key(enum store_dict d)
{
	return dicts[d].key ? dicts[d].key : "s = ?1";
}

int store_fail(struct store *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
	va_end(ap);
	return -1;
}

int store_fail_sql(struct store *s, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return store_fail(s, _("%s: the database is busy (another "
		                       "trailnav is writing to it)"),
		                  what);
	if ((code & 0xff) == SQLITE_FULL)
		return store_fail(s, _("%s: the disk is full"), what);
	if ((code & 0xff) == SQLITE_READONLY)
		return store_fail(s, _("%s: the database cannot be written "
		                       "(read-only file or file system)"),
		                  what);
	return store_fail(s, "%s: %s", what, sqlite3_errmsg(s->db));
}

const char *store_errmsg(const struct store *s)
{
	return s->errmsg;
}

int store_exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail_sql(s, _("database"));
	return 0;
}

int64_t store_scalar(struct store *s, const char *sql, const char *what)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? v
	                                             : store_fail_sql(s, what);
}

sqlite3_stmt *store_prepare(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail_sql(s, _("database query"));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *store_cached(struct store *s, const char *sql)
{
	size_t n = sizeof s->stmts / sizeof s->stmts[0];
	for (size_t i = 0; i < s->nstmts; i++)
		if (s->stmts[i].sql == sql) {
			sqlite3_reset(s->stmts[i].st);
			sqlite3_clear_bindings(s->stmts[i].st);
			return s->stmts[i].st;
		}
	sqlite3_stmt *st = store_prepare(s, sql);
	if (st && s->nstmts < n) {
		s->stmts[s->nstmts].sql = sql;
		s->stmts[s->nstmts++].st = st;
	} else if (st) {
		/* More distinct statements than slots is a programming error;
		 * failing loudly beats leaking one statement per call. */
		sqlite3_finalize(st);
		store_fail(s, "%s", "statement cache full");
		return NULL;
	}
	return st;
}

/* mkdir -p for the directory holding `path`. */
static int make_parent_dirs(const char *path, char *errbuf, size_t errlen)
{
	char *dir = strdup(path);
	if (!dir)
		return -1;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			if (errbuf)
				snprintf(errbuf, errlen,
				         _("cannot create directory %s: %s"), dir,
				         strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

static void init_caches(struct store *s)
{
	for (int c = 0; c < CACHE_COUNT_; c++)
		strmap_init(&s->caches[c].ids);
	recent_set_init(&s->recent_ids, STORE_RECENT_IDS);
}

int64_t store_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int past_deadline(void *until)
{
	return store_clock_ms() > *(int64_t *)until;
}

void store_deadline_set(struct store *s, int64_t ms, int64_t *until)
{
	*until = store_clock_ms() + ms;
	sqlite3_progress_handler(s->db, 1000, past_deadline, until);
}

void store_deadline_clear(struct store *s)
{
	sqlite3_progress_handler(s->db, 0, NULL, NULL);
}

void store_library_init(void)
{
	/* SQLite's memory statistics take a global mutex on every allocation,
	 * which the importer's threads then fight over; nothing here reads
	 * them.  Must come before the library initialises itself. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* WAL lets readers (the browser) go on while an import writes; the busy
 * timeout makes a second writer wait its turn instead of failing.
 * synchronous=NORMAL in WAL mode never corrupts (a power cut may lose the
 * last commits, a killed process loses nothing committed).  A checkpoint
 * copies every page the log holds into the database, and an import's
 * batches dirty the same index pages again and again (event IDs are
 * random): checkpointing every 256 MB of log rather than every 64 MB
 * copies them fewer times (1M events: 2.1 GB written instead of 2.4 GB,
 * about 9% less time), for a log that grows to 256 MB while importing.
 *
 * A new database gets pages of 16 KB, where SQLite's default is 4 KB
 * (the size is set for good when the first table is made, and the log
 * takes it on; an older database keeps its own).  Most of an import's
 * bytes go to the log and then to the database a page a call, and the
 * stored files fill whole pages either way (content.c): the 1M bench
 * trail imported in 9.75-10.12 s against 10.67-10.87 s with 4 KB pages,
 * interleaved, into a database 0.8 bytes an event smaller. */
#define STORE_PAGE_BYTES "16384"
#define STORE_LOG_BYTES ((int64_t)256 << 20)

static int configure(struct store *s)
{
	sqlite3_busy_timeout(s->db, 10000);
	if (!s->read_only) {
		if (store_exec(s, "PRAGMA page_size=" STORE_PAGE_BYTES ";"
		                  " PRAGMA journal_mode=WAL;"
		                  " PRAGMA synchronous=NORMAL") < 0)
			return -1;
		/* The page size the database has: a new one took ours. */
		int64_t page = store_scalar(s, "PRAGMA page_size",
		                            _("database"));
		if (page <= 0)
			return -1;
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA wal_autocheckpoint=%lld",
		         (long long)(STORE_LOG_BYTES / page));
		if (store_exec(s, sql) < 0)
			return -1;
	}
	return store_exec(s, "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY;"
	                     " PRAGMA cache_size=-" STORE_CACHE_KIB);
}

/* The SQLite URI that opens `path` read-only as an immutable file: no
 * locks, no write-ahead log, which is what a read-only file system
 * allows.  '?', '#' and '%' in the path are percent-encoded. */
static char *immutable_uri(const char *path)
{
	size_t n = strlen(path);
	char *uri = malloc(3 * n + sizeof "file:?immutable=1");
	if (!uri)
		return NULL;
	char *o = uri + sprintf(uri, "file:");
	for (const char *p = path; *p; p++)
		if (*p == '?' || *p == '#' || *p == '%')
			o += sprintf(o, "%%%02X", (unsigned char)*p);
		else
			*o++ = *p;
	strcpy(o, "?immutable=1");
	return uri;
}

/* `create`: with STORE_READ_WRITE, a missing file is made (and its
 * directory); without, SQLite is not allowed to make it either, so a file
 * removed since it was seen is not quietly recreated. */
static int open_db(struct store *s, const char *path, enum store_mode mode,
                   bool create, bool immutable, char *errbuf, size_t errlen)
{
	int flags = mode == STORE_READ_ONLY ? SQLITE_OPEN_READONLY
	            : create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
	                     : SQLITE_OPEN_READWRITE;
	bool memory = strcmp(path, ":memory:") == 0;
	if (!memory && mode == STORE_READ_WRITE && create &&
	    make_parent_dirs(path, errbuf, errlen) < 0)
		return -1;
	char *uri = immutable ? immutable_uri(path) : NULL;
	if (immutable && !uri)
		return -1;
	int rc = sqlite3_open_v2(uri ? uri : path, &s->db,
	                         flags | SQLITE_OPEN_NOMUTEX |
	                                 (uri ? SQLITE_OPEN_URI : 0),
	                         NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		if (errbuf)
			snprintf(errbuf, errlen, _("cannot open database %s: %s"),
			         path, s->db ? sqlite3_errmsg(s->db)
			                     : _("out of memory"));
		return -1;
	}
	/* SQLite quietly opens a file it may not write read-only; an import
	 * would then fail at its first row with a vaguer message. */
	if (mode == STORE_READ_WRITE && !memory &&
	    sqlite3_db_readonly(s->db, "main") == 1) {
		if (errbuf)
			snprintf(errbuf, errlen,
			         _("cannot write to the database %s: it is "
			           "read-only (file permissions or a read-only "
			           "file system)"),
			         path);
		return -1;
	}
	/* Functions first: a migration may call them (schema.c, v5). */
	if (configure(s) < 0 || store_register_functions(s) < 0 ||
	    store_schema_migrate(s) < 0) {
		if (errbuf)
			snprintf(errbuf, errlen, "%s: %s", path, s->errmsg);
		return -1;
	}
	return 0;
}

static void close_db(struct store *s)
{
	sqlite3_close(s->db);
	s->db = NULL;
}

/* STORE_READER and STORE_READ_EXISTING (`create` false): the first way
 * of opening that works (see store.h). */
static int open_reader(struct store *s, const char *path, bool create,
                       char *errbuf, size_t errlen)
{
	struct stat st;
	bool memory = strcmp(path, ":memory:") == 0;
	bool seen = !memory && stat(path, &st) == 0;
	bool missing = !memory && !seen && errno == ENOENT;
	/* An empty file is no database either: SQLite would make one in
	 * it, and a reader must leave it as it is. */
	bool empty = seen && S_ISREG(st.st_mode) && st.st_size == 0;
	if ((missing || empty) && !create) {
		if (errbuf)
			snprintf(errbuf, errlen, _("no database at %s"), path);
		return -1;
	}
	if (missing || memory || access(path, W_OK) == 0) {
		if (open_db(s, path, STORE_READ_WRITE, create, false, errbuf,
		            errlen) == 0)
			return 0;
		close_db(s);
		if (missing)
			return -1;
	}
	s->read_only = true;
	if (open_db(s, path, STORE_READ_ONLY, false, false, errbuf, errlen) ==
	    0)
		return 0;
	close_db(s);
	return open_db(s, path, STORE_READ_ONLY, false, true, errbuf, errlen);
}

struct store *store_open(const char *path, enum store_mode mode,
                         char *errbuf, size_t errlen)
{
	struct store *s = calloc(1, sizeof *s);
	if (!s) {
		if (errbuf)
			snprintf(errbuf, errlen, "%s", _("out of memory"));
		return NULL;
	}
	s->read_only = mode == STORE_READ_ONLY;
	init_caches(s);
	int rc = mode == STORE_READER || mode == STORE_READ_EXISTING
	                 ? open_reader(s, path, mode == STORE_READER, errbuf,
	                               errlen)
	                 : open_db(s, path, mode, true, false, errbuf, errlen);
	if (rc < 0) {
		store_close(s);
		return NULL;
	}
	return s;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->cur.open)
		store_file_abandon(s);
	if (s->in_batch)
		store_batch_end(s);
	sqlite3_finalize(s->insert_event);
	sqlite3_finalize(s->insert_event_resource);
	free(s->wide_filter);
	sqlite3_finalize(s->principal_select);
	sqlite3_finalize(s->principal_insert);
	sqlite3_finalize(s->resource_select);
	sqlite3_finalize(s->resource_insert);
	for (size_t i = 0; i < s->nstmts; i++)
		sqlite3_finalize(s->stmts[i].st);
	for (int d = 0; d < DICT_COUNT_; d++) {
		sqlite3_finalize(s->dict_select[d]);
		sqlite3_finalize(s->dict_insert[d]);
	}
	store_caches_free(s);
	recent_set_free(&s->recent_ids);
	store_content_discard(s);
	store_stored_forget(s);
	store_cache_clear(s);
	text_prefetch_forget_all(s);
	sqlite3_close(s->db);
	free(s);
}

static char *join_path(const char *dir, const char *rest)
{
	size_t n = strlen(dir) + strlen(rest) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, rest);
	return p;
}

char *store_default_path(const char *db_option)
{
	if (db_option && *db_option)
		return strdup(db_option);
	const char *env = getenv("TRAILNAV_DB");
	if (env && *env)
		return strdup(env);
	/* XDG: a relative XDG_DATA_HOME is invalid and must be ignored. */
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/')
		return join_path(xdg, "trailnav/trailnav.db");
	const char *home = getenv("HOME");
	if (home && *home)
		return join_path(home, ".local/share/trailnav/trailnav.db");
	return NULL;
}
