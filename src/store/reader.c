/* reader.c - what the browser and the commands ask of the store: pages of
 * events, counts, facets, histograms and the summary. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/buf.h"
#include "util/i18n.h"

/* Page rows' strings are copied into one block per page, so that freeing a
 * page is two free() calls however many rows it holds. */
struct store_arena {
	struct store_arena *next;
	size_t used, cap;
	char data[];
};

static const char *arena_strdup(struct store_arena **a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	if (!*a || (*a)->cap - (*a)->used < n) {
		size_t cap = n > 16384 ? n : 16384;
		struct store_arena *b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->next = *a;
		b->used = 0;
		b->cap = cap;
		*a = b;
	}
	char *p = (*a)->data + (*a)->used;
	memcpy(p, s, n);
	(*a)->used += n;
	return p;
}

static void arena_free(struct store_arena *a)
{
	while (a) {
		struct store_arena *next = a->next;
		free(a);
		a = next;
	}
}

void store_page_free(struct store_page *page)
{
	free(page->rows);
	arena_free(page->arena_);
	memset(page, 0, sizeof *page);
}

static const char page_head[] =
	"SELECT e.id, e.time_ms, e.category, e.global, e.read_only,"
	" rg.s, sv.s, nm.s, p.type, p.arn, p.name, ac.s, ak.s, ip.s, ag.s,"
	" er.s, e.event_id, e.request_id"
	" FROM event e";
static const char page_joins[] =
	" LEFT JOIN region rg ON rg.id = e.region"
	" LEFT JOIN service sv ON sv.id = e.service"
	" LEFT JOIN event_name nm ON nm.id = e.name"
	" LEFT JOIN principal p ON p.id = e.principal"
	" LEFT JOIN account ac ON ac.id = e.account"
	" LEFT JOIN access_key ak ON ak.id = e.access_key"
	" LEFT JOIN ip ON ip.id = e.ip"
	" LEFT JOIN agent ag ON ag.id = e.agent"
	" LEFT JOIN error er ON er.id = e.error";

static const char *col_text(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t && *t ? t : NULL;
}

static int read_row(sqlite3_stmt *st, struct store_row *r,
                    struct store_arena **a)
{
	r->row = sqlite3_column_int64(st, 0);
	r->time_ms = sqlite3_column_int64(st, 1);
	r->category = (enum event_category)sqlite3_column_int(st, 2);
	r->global = sqlite3_column_int(st, 3) != 0;
	r->read_only = sqlite3_column_type(st, 4) == SQLITE_NULL
	                       ? -1
	                       : sqlite3_column_int(st, 4) != 0;
	const char **dst[] = { &r->region,        &r->service,
		               &r->event_name,    &r->identity_type,
		               &r->principal_arn, &r->principal_name,
		               &r->account,       &r->access_key,
		               &r->source_ip,     &r->user_agent,
		               &r->error_code,    &r->event_id,
		               &r->request_id };
	const size_t n = sizeof dst / sizeof dst[0];
	const size_t first_id = n - 2; /* event_id, request_id: see ids.c */
	for (size_t i = 0; i < n; i++) {
		char id[STORE_ID_TEXT_SIZE];
		const char *t = i >= first_id ? store_column_id(st, 5 + (int)i, id)
		                              : col_text(st, 5 + (int)i);
		*dst[i] = t ? arena_strdup(a, t) : NULL;
		if (t && !*dst[i])
			return -1;
	}
	return 0;
}

/* " WHERE (filter) AND (after the cursor)", the filter in its walk form
 * when the page walks the time index. */
static void page_where(struct store *s, struct buf *b, const struct where *w,
                       const struct store_cursor *from,
                       enum store_direction dir, bool walk)
{
	buf_printf(b, " WHERE (%s)", walk && w->walk_sql ? w->walk_sql : w->sql);
	if (!from)
		return;
	buf_puts(b, " AND ");
	store_time_after_sql(s, b, dir == STORE_OLDER, w->nparams + 1,
	                     w->nparams + 2);
}

/* PLAN_SORTED chooses the page's ids first, by a query that reads only
 * what the filter needs, and only those rows are then read whole and
 * joined to the dictionaries: SQLite sorts whole result rows, so sorting
 * thousands of matches (event:StopLogging,DeleteTrail: 2,570 at 10M
 * events) otherwise read and joined every one of them to keep 41.  The
 * other plans walk in time order, stop after the page and read no more
 * rows than they keep. */
char *store_page_sql(struct store *s, const struct where *w,
                     const struct store_cursor *from, enum store_direction dir,
                     enum page_plan plan)
{
	struct buf b;
	buf_init(&b);
	bool older = dir == STORE_OLDER;
	size_t limit = w->nparams + (from ? 3 : 1);
	buf_puts(&b, page_head);
	if (plan == PLAN_TIME_WALK)
		buf_puts(&b, " INDEXED BY event_by_time");
	buf_puts(&b, page_joins);
	if (plan == PLAN_SORTED) {
		buf_puts(&b, " WHERE e.id IN (SELECT e.id FROM event e");
		page_where(s, &b, w, from, dir, false);
		store_time_order_sql(s, &b, older);
		buf_printf(&b, " LIMIT ?%zu)", limit);
	} else {
		page_where(s, &b, w, from, dir, plan == PLAN_TIME_WALK);
	}
	store_time_order_sql(s, &b, older);
	if (plan != PLAN_SORTED)
		buf_printf(&b, " LIMIT ?%zu", limit);
	return buf_steal(&b);
}

static int fill_page(struct store *s, sqlite3_stmt *st, size_t limit,
                     struct store_page *page)
{
	page->rows = calloc(limit ? limit : 1, sizeof *page->rows);
	if (!page->rows)
		return store_fail(s, "%s", _("out of memory"));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (page->count == limit) {
			page->more = true;
			break;
		}
		if (read_row(st, &page->rows[page->count], &page->arena_) < 0)
			return store_fail(s, "%s", _("out of memory"));
		page->count++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(s, _("reading events"));
	return 0;
}

int store_page_run(struct store *s, const struct where *w,
                   const struct store_cursor *from, enum store_direction dir,
                   size_t limit, enum page_plan plan, struct store_page *page)
{
	store_page_free(page);
	char *sql = store_page_sql(s, w, from, dir, plan);
	sqlite3_stmt *st = sql ? store_prepare(s, sql) : NULL;
	free(sql);
	int rc = -1;
	if (st && store_where_bind(s, w, st) == 0) {
		int n = (int)w->nparams;
		if (from) {
			sqlite3_bind_int64(st, n + 1,
			                   store_time_key(s, from->time_ms));
			sqlite3_bind_int64(st, n + 2, from->row);
		}
		/* One more than asked tells whether there is more. */
		sqlite3_bind_int64(st, n + (from ? 3 : 1), (int64_t)limit + 1);
		rc = fill_page(s, st, limit, page);
	} else if (!st && !sql) {
		store_fail(s, "%s", _("out of memory"));
	}
	sqlite3_finalize(st);
	if (rc < 0)
		store_page_free(page);
	return rc;
}

int store_page_of_ids(struct store *s, const int64_t *ids, size_t n,
                      enum store_direction dir, bool more,
                      struct store_page *page)
{
	store_page_free(page);
	if (n == 0) {
		page->more = more;
		return 0;
	}
	struct buf b;
	buf_init(&b);
	buf_puts(&b, page_head);
	buf_puts(&b, page_joins);
	buf_puts(&b, " WHERE e.id IN (");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s?%zu", i ? ", " : "", i + 1);
	buf_puts(&b, ")");
	store_time_order_sql(s, &b, dir == STORE_OLDER);
	char *sql = buf_steal(&b);
	sqlite3_stmt *st = sql ? store_prepare(s, sql) : NULL;
	free(sql);
	int rc = -1;
	if (st) {
		for (size_t i = 0; i < n; i++)
			sqlite3_bind_int64(st, (int)i + 1, ids[i]);
		rc = fill_page(s, st, n, page);
		page->more = more;
	} else if (!sql) {
		store_fail(s, "%s", _("out of memory"));
	}
	sqlite3_finalize(st);
	if (rc < 0)
		store_page_free(page);
	return rc;
}

/* A page is the newest (or oldest) few matches.  When matches are
 * dense, walking the time index finds them at once; when they are
 * sparse, that walk is long and the planner's choice (a column index,
 * then sorting the matches) is quick.  Neither plan is safe alone, and
 * SQLite cannot tell which case it is in: so the time walk is tried for
 * a few milliseconds first, and the planner's plan runs if it did not
 * finish, choosing the ids first (PLAN_SORTED).  With no filter the
 * planner walks the time index itself. */
#define TIME_WALK_MS 15

int store_page(struct store *s, const struct filter *f,
               const struct store_cursor *from, enum store_direction dir,
               size_t limit, struct store_page *page)
{
	struct where w;
	store_page_free(page);
	if (store_where(s, f, &w) < 0)
		return -1;
	int rc = 1;
	if (strcmp(w.sql, "1") != 0) {
		int64_t deadline;
		store_deadline_set(s, TIME_WALK_MS, &deadline);
		rc = store_page_run(s, &w, from, dir, limit, PLAN_TIME_WALK,
		                    page);
		store_deadline_clear(s);
		if (rc < 0 && sqlite3_errcode(s->db) == SQLITE_INTERRUPT)
			rc = 1;
	}
	if (rc == 1)
		rc = store_page_run(s, &w, from, dir, limit,
		                    strcmp(w.sql, "1") != 0 ? PLAN_SORTED
		                                            : PLAN_PLANNER,
		                    page);
	store_where_free(&w);
	return rc;
}

/* Copies fixed SQL, turning "$1".."$9" into the parameters that follow
 * the filter's own (?N+1...). */
static void put_sql(struct buf *b, const char *sql, size_t nparams)
{
	for (const char *c = sql; *c; c++) {
		if (c[0] == '$' && c[1] >= '1' && c[1] <= '9') {
			buf_printf(b, "?%zu", nparams + (size_t)(c[1] - '0'));
			c++;
		} else {
			buf_putc(b, *c);
		}
	}
}

int store_query_filtered(struct store *s, const struct filter *f,
                         const char *head, const char *rest,
                         const int64_t *extra, size_t nextra,
                         store_row_fn row, void *ctx)
{
	struct where w;
	if (store_where(s, f, &w) < 0)
		return -1;
	struct buf b;
	buf_init(&b);
	put_sql(&b, head, w.nparams);
	buf_printf(&b, " WHERE (%s) ", w.sql);
	put_sql(&b, rest, w.nparams);
	char *sql = buf_steal(&b);
	sqlite3_stmt *st = sql ? store_prepare(s, sql) : NULL;
	int rc = -1;
	if (!sql)
		store_fail(s, "%s", _("out of memory"));
	if (st && store_where_bind(s, &w, st) == 0) {
		for (size_t i = 0; i < nextra; i++)
			sqlite3_bind_int64(st, (int)(w.nparams + 1 + i), extra[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (row(s, st, ctx) < 0)
				break;
		rc = rc == SQLITE_DONE ? 0
		     : rc == SQLITE_ROW ? -1
		                        : store_fail_sql(s, _("reading events"));
	}
	sqlite3_finalize(st);
	free(sql);
	store_where_free(&w);
	return rc;
}

static int count_row(struct store *s, sqlite3_stmt *st, void *ctx)
{
	(void)s;
	*(int64_t *)ctx = sqlite3_column_int64(st, 0);
	return 0;
}

int store_count(struct store *s, const struct filter *f, int64_t *count)
{
	*count = 0;
	return store_query_filtered(s, f, "SELECT count(*) FROM event e", "",
	                            NULL, 0, count_row, count);
}

static int single_row(struct store *s, const char *sql, int64_t *out,
                      int ncols)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	for (int i = 0; i < ncols; i++)
		out[i] = rc == SQLITE_ROW ? sqlite3_column_int64(st, i) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
	               ? 0
	               : store_fail_sql(s, _("reading the summary"));
}

int store_summary(struct store *s, struct store_summary *sum)
{
	int64_t ev[2], files[6];
	memset(sum, 0, sizeof *sum);
	/* Separate reads inside one transaction see one consistent state
	 * even while an import commits. */
	bool own = !s->in_batch && !s->cur.open;
	if (own && store_exec(s, "BEGIN") < 0)
		return -1;
	/* The first and the last each alone: SQLite reads one end of the
	 * time index for each, where the aggregates together scanned it all.
	 * Events of no known time are not the oldest. */
	const char *key = store_time_key_sql(s);
	char *ends = sqlite3_mprintf(
		"SELECT coalesce((SELECT e.time_ms FROM event e WHERE %s >= 0"
		" AND e.time_ms > 0 ORDER BY %s, e.time_ms LIMIT 1), 0),"
		" coalesce((SELECT e.time_ms FROM event e"
		" ORDER BY %s DESC, e.time_ms DESC LIMIT 1), 0)",
		key, key, key);
	int rc = ends ? single_row(s, ends, ev, 2)
	              : store_fail(s, "%s", _("out of memory"));
	sqlite3_free(ends);
	/* The counts come from the totals kept with the ledger (one row:
	 * the writer adds new rows, triggers the updates and deletes); a
	 * version-1 database opened read-only has none, and its ledger is
	 * summed instead.  Either way the events are the ledger's count of
	 * each file's new events, which tests/ledger_check.py checks
	 * against the rows. */
	if (rc == 0) {
		bool have_totals = sqlite3_table_column_metadata(
			s->db, "main", "totals", "events", NULL, NULL, NULL,
			NULL, NULL) == SQLITE_OK;
		rc = single_row(
			s,
			have_totals
				? "SELECT imported, digests, failed, duplicates,"
				  " stored_bytes, events FROM totals"
				: "SELECT count(*) FILTER (WHERE state = 0),"
				  " count(*) FILTER (WHERE state = 1),"
				  " count(*) FILTER (WHERE state = 2),"
				  " coalesce(sum(duplicates), 0),"
				  " coalesce(sum(stored_bytes), 0),"
				  " coalesce(sum(events), 0) FROM file",
			files, 6);
	}
	if (own)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc < 0)
		return -1;
	sum->events = files[5];
	sum->oldest_ms = ev[0];
	sum->newest_ms = ev[1];
	sum->files_imported = files[0];
	sum->files_digest = files[1];
	sum->files_failed = files[2];
	sum->duplicates = files[3];
	sum->stored_bytes = files[4];
	return 0;
}
