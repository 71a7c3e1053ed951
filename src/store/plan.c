/* plan.c - what a query of the events will read, asked before running it.
 *
 * A statement that SQLite runs by reading every event (or walking the
 * time index through all of them) returns nothing until it meets a
 * match: with sparse matches that is seconds at 10M events, and the
 * browser can neither show progress nor take a key meanwhile.  The list's
 * search (search.c) and the counts (tally.c) ask here first, and when the
 * plan reads everything they ask each event the filter in a column
 * instead, so that every event read comes back and the clock is seen.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/buf.h"

bool store_plan_seeks(struct store *s, const char *sql)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st = b.data ? store_prepare(s, b.data) : NULL;
	buf_free(&b);
	bool seeks = st != NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		/* The fourth column is the plan's line, e.g. "SCAN e" or
		 * "SEARCH e USING INDEX event_by_ip (ip=? AND time_ms<?)". */
		const char *d = (const char *)sqlite3_column_text(st, 3);
		if (!d)
			continue;
		if (strncmp(d, "SCAN e", 6) == 0 &&
		    (d[6] == '\0' || d[6] == ' '))
			seeks = false;
		if (strncmp(d, "SEARCH e ", 9) == 0 &&
		    strstr(d, "event_by_time"))
			seeks = false;
	}
	sqlite3_finalize(st);
	return seeks;
}

/* How long the probe of store_where_empty() may run: long enough for
 * SQLite to see a condition that is false whatever the row (an account
 * or address no event has: "0"), which it tests once before reading any
 * row; far too short to read the events of a real database. */
#define EMPTY_PROBE_MS 2

bool store_where_empty(struct store *s, const struct where *w)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "SELECT 1 FROM event e WHERE (%s) LIMIT 1", w->sql);
	sqlite3_stmt *st = b.data ? store_prepare(s, b.data) : NULL;
	buf_free(&b);
	bool empty = false;
	if (st && store_where_bind(s, w, st) == 0) {
		int64_t until;
		store_deadline_set(s, EMPTY_PROBE_MS, &until);
		empty = sqlite3_step(st) == SQLITE_DONE;
		store_deadline_clear(s);
	}
	sqlite3_finalize(st);
	return empty;
}

void store_time_bounds(const struct filter *f, int64_t *lo, int64_t *hi)
{
	*lo = INT64_MIN;
	*hi = INT64_MAX;
	for (size_t t = 0; f && t < f->nterms; t++) {
		const struct filter_term *term = &f->terms[t];
		if (term->negated || term->nvalues == 0 ||
		    (term->key != FK_SINCE && term->key != FK_UNTIL))
			continue;
		/* A term's values are alternatives: the widest counts. */
		int64_t widest = term->key == FK_SINCE ? INT64_MAX : INT64_MIN;
		for (size_t v = 0; v < term->nvalues; v++) {
			const struct filter_value *val = &term->values[v];
			if (term->key == FK_SINCE && val->time_lo < widest)
				widest = val->time_lo;
			if (term->key == FK_UNTIL && val->time_hi > widest)
				widest = val->time_hi;
		}
		/* Terms all hold: the narrowest counts. */
		if (term->key == FK_SINCE && widest > *lo)
			*lo = widest;
		if (term->key == FK_UNTIL && widest < *hi)
			*hi = widest;
	}
}
