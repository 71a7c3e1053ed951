/* search.c - a page of events searched for a slice at a time (store.h).
 *
 * store_page() reads a page in one go: the walk of the time index for a
 * few milliseconds (dense matches), then the planner's plan (an index
 * finds the matches, which are then sorted).  When the filter's matches
 * are sparse and no index finds them (request:, a region or account in a
 * corner of the time, a bare word), that plan reads every event, and no
 * key can interrupt it: at 10M events the browser froze for 7.1 s on
 * `request:nosuch` and for longer on a word in no event.
 *
 * Here the walk asks each event the filter in a column instead of its
 * WHERE, so that every event read comes back and the clock is looked at,
 * however few match; its statement stays open between slices, as the
 * tally's does, so each slice goes on where the last one stopped, in the
 * same snapshot.  The matches found so far make the page meanwhile: they
 * are the newest (or oldest) ones, in order, only fewer than asked.  The
 * planner's plan is still tried once, when SQLite's plan for it seeks an
 * index of the filter's own (EXPLAIN QUERY PLAN), and under a deadline:
 * an index that leaves millions of events to ask (service:s3 and a rare
 * word) would take as long as the walk, without showing anything.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/buf.h"
#include "util/i18n.h"

/* The first slice's walk before the planner's plan is tried: as long as
 * store_page's walk, which finds dense matches within it. */
#define FIRST_WALK_MS 15
/* The clock is read every this many events: reading it costs more than
 * an event. */
#define CLOCK_EVERY 256

struct store_search {
	struct store *s;
	struct where w;
	struct store_cursor from;
	bool has_from;
	enum store_direction dir;
	size_t limit;
	sqlite3_stmt *walk;
	int64_t *ids; /* found so far, in the walk's order: limit + 1 */
	size_t found, shown;
	int64_t reached_ms; /* time of the last event asked */
	bool reached;
	bool planned;   /* the first slice is over */
	bool page_read; /* the page holds what the walk found */
	bool done;      /* the walk has found all it will */
	bool finished;  /* the page is complete */
};

/* SELECT id, time, whether it matches FROM the time index, from the
 * cursor on, within the filter's interval (?N+1, ?N+2), in order. */
static char *walk_sql(const struct store_search *q)
{
	bool older = q->dir == STORE_OLDER;
	size_t n = q->w.nparams;
	char lo[24], hi[24];
	snprintf(lo, sizeof lo, "?%zu", n + 1);
	snprintf(hi, sizeof hi, "?%zu", n + 2);
	struct buf b;
	buf_init(&b);
	buf_printf(&b,
	           "SELECT e.id, e.time_ms, coalesce((%s), 0) FROM event e"
	           " INDEXED BY event_by_time WHERE ",
	           q->w.walk_sql ? q->w.walk_sql : q->w.sql);
	store_time_range_sql(q->s, &b, lo, hi);
	if (q->has_from) {
		buf_puts(&b, " AND ");
		store_time_after_sql(q->s, &b, older, n + 3, n + 4);
	}
	store_time_order_sql(q->s, &b, older);
	return buf_steal(&b);
}

static int prepare_walk(struct store_search *q, const struct filter *f)
{
	char *sql = walk_sql(q);
	if (!sql)
		return store_fail(q->s, "%s", _("out of memory"));
	q->walk = store_prepare(q->s, sql);
	free(sql);
	if (!q->walk || store_where_bind(q->s, &q->w, q->walk) < 0)
		return -1;
	int64_t lo, hi;
	store_time_bounds(f, &lo, &hi);
	int n = (int)q->w.nparams;
	sqlite3_bind_int64(q->walk, n + 1, lo);
	sqlite3_bind_int64(q->walk, n + 2, hi);
	if (q->has_from) {
		sqlite3_bind_int64(q->walk, n + 3,
		                   store_time_key(q->s, q->from.time_ms));
		sqlite3_bind_int64(q->walk, n + 4, q->from.row);
	}
	return 0;
}

struct store_search *store_search_begin(struct store *s,
                                        const struct filter *f,
                                        const struct store_cursor *from,
                                        enum store_direction dir,
                                        size_t limit)
{
	struct store_search *q = calloc(1, sizeof *q);
	if (q)
		q->ids = calloc(limit + 1, sizeof *q->ids);
	if (!q || !q->ids) {
		if (q)
			free(q);
		store_fail(s, "%s", _("out of memory"));
		return NULL;
	}
	q->s = s;
	q->dir = dir;
	q->limit = limit;
	if (from) {
		q->from = *from;
		q->has_from = true;
	}
	if (store_where(s, f, &q->w) < 0) {
		free(q->ids);
		free(q);
		return NULL;
	}
	/* No filter: the planner walks the time index itself, and every
	 * event is a match. */
	if (strcmp(q->w.sql, "1") != 0 && prepare_walk(q, f) < 0) {
		store_search_free(q);
		return NULL;
	}
	return q;
}

/* Whether SQLite's plan for the page (PLAN_SORTED) finds the matches by
 * an index of the filter's own. */
static bool planner_seeks(struct store_search *q)
{
	char *sql = store_page_sql(q->s, &q->w,
	                           q->has_from ? &q->from : NULL, q->dir,
	                           PLAN_SORTED);
	bool seeks = sql && store_plan_seeks(q->s, sql);
	free(sql);
	return seeks;
}

/* The planner's plan, interrupted `budget_ms` from now: 1 when it read
 * the page, 0 when it ran out of time (the walk goes on), -1 on error. */
static int try_planner(struct store_search *q, int64_t budget_ms,
                       struct store_page *page)
{
	int64_t deadline;
	store_deadline_set(q->s, budget_ms > 1 ? budget_ms : 1, &deadline);
	int rc = store_page_run(q->s, &q->w, q->has_from ? &q->from : NULL,
	                        q->dir, q->limit, PLAN_SORTED, page);
	store_deadline_clear(q->s);
	if (rc < 0)
		return sqlite3_errcode(q->s->db) == SQLITE_INTERRUPT ? 0 : -1;
	return 1;
}

/* Walks until `until_ms` or the page is full: -1 on error. */
static int walk(struct store_search *q, int64_t until_ms)
{
	for (unsigned i = 1;; i++) {
		int rc = sqlite3_step(q->walk);
		if (rc == SQLITE_DONE) {
			q->done = true;
			/* Ends the read: the snapshot is no longer held. */
			sqlite3_reset(q->walk);
			return 0;
		}
		if (rc != SQLITE_ROW)
			return store_fail_sql(q->s, _("reading events"));
		q->reached_ms = sqlite3_column_int64(q->walk, 1);
		q->reached = true;
		if (sqlite3_column_int(q->walk, 2)) {
			q->ids[q->found++] = sqlite3_column_int64(q->walk, 0);
			/* One more than asked tells whether there is more. */
			if (q->found > q->limit) {
				q->done = true;
				sqlite3_reset(q->walk);
				return 0;
			}
		}
		if (i % CLOCK_EVERY == 0 && store_clock_ms() >= until_ms)
			return 0;
	}
}

/* The first slice: the walk for FIRST_WALK_MS, then, if the matches are
 * not all found and an index of the filter's finds them, the planner's
 * plan with what is left of the slice.  1 when that read the page. */
static int first_slice(struct store_search *q, int64_t until_ms,
                       struct store_page *page)
{
	int64_t first = store_clock_ms() + FIRST_WALK_MS;
	if (walk(q, first < until_ms ? first : until_ms) < 0)
		return -1;
	if (q->done)
		return 0;
	if (planner_seeks(q))
		return try_planner(q, until_ms - store_clock_ms(), page);
	if (!store_where_empty(q->s, &q->w))
		return 0;
	/* Nothing matches: the page is empty and complete. */
	q->found = 0;
	store_page_free(page);
	return 1;
}

int store_search_step(struct store_search *q, int64_t budget_ms,
                      struct store_page *page)
{
	if (q->finished)
		return 1;
	if (!q->walk) {
		/* No filter: one plain page. */
		q->finished = true;
		return store_page_run(q->s, &q->w, q->has_from ? &q->from : NULL,
		                      q->dir, q->limit, PLAN_PLANNER, page) < 0
		               ? -1
		               : 1;
	}
	int64_t until = store_clock_ms() + budget_ms;
	int rc = 0;
	if (!q->planned) {
		q->planned = true;
		rc = first_slice(q, until, page);
	}
	if (rc == 0 && !q->done)
		rc = walk(q, until);
	if (rc < 0)
		return -1;
	if (rc == 0 && (q->found != q->shown || q->done || !q->page_read)) {
		/* The page is read again only when it has something new. */
		bool more = q->found > q->limit;
		if (store_page_of_ids(q->s, q->ids, more ? q->limit : q->found,
		                      q->dir, more, page) < 0)
			return -1;
		q->shown = q->found;
		q->page_read = true;
	}
	if (rc == 1 || q->done) {
		q->finished = true;
		sqlite3_finalize(q->walk);
		q->walk = NULL;
		return 1;
	}
	return 0;
}

bool store_search_done(const struct store_search *q)
{
	return q->finished;
}

bool store_search_reached(const struct store_search *q, int64_t *time_ms)
{
	*time_ms = q->reached_ms;
	return q->reached;
}

void store_search_free(struct store_search *q)
{
	if (!q)
		return;
	sqlite3_finalize(q->walk);
	store_where_free(&q->w);
	free(q->ids);
	free(q);
}
