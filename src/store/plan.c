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

/* The filter key each index of the events serves (schema.c). */
static const struct {
	const char *index;
	enum filter_key key;
} index_keys[] = {
	{ "event_by_name", FK_EVENT },     { "event_by_principal", FK_PRINCIPAL },
	{ "event_by_service", FK_SERVICE }, { "event_by_ip", FK_IP },
	{ "event_by_key", FK_KEY },         { "event_by_error", FK_ERROR },
	{ "event_by_rare_category", FK_CAT }, { "event_by_id_end", FK_ID },
	/* Event IDs in databases of schema 7 to 9, and before. */
	{ "event_by_event_id", FK_ID }, { "sqlite_autoindex_event_1", FK_ID },
};

/* The key of the index named in a plan line "SEARCH e USING [COVERING]
 * INDEX name (...)"; resource: terms find their events by row id, "SEARCH
 * e USING INTEGER PRIMARY KEY (rowid=?)".  FK_COUNT_: neither. */
static enum filter_key line_key(const char *d)
{
	if (strncmp(d, "SEARCH e USING ", 15) != 0)
		return FK_COUNT_;
	d += 15;
	if (strncmp(d, "INTEGER PRIMARY KEY", 19) == 0)
		return FK_RESOURCE;
	if (strncmp(d, "COVERING ", 9) == 0)
		d += 9;
	if (strncmp(d, "INDEX ", 6) != 0)
		return FK_COUNT_;
	d += 6;
	size_t len = strcspn(d, " ");
	for (size_t i = 0; i < sizeof index_keys / sizeof index_keys[0]; i++)
		if (strlen(index_keys[i].index) == len &&
		    strncmp(d, index_keys[i].index, len) == 0)
			return index_keys[i].key;
	return FK_COUNT_;
}

static bool reads_all(const char *d)
{
	return (strncmp(d, "SCAN e", 6) == 0 && (d[6] == '\0' || d[6] == ' ')) ||
	       (strncmp(d, "SEARCH e ", 9) == 0 && strstr(d, "event_by_time"));
}

bool store_plan_read(struct store *s, const char *sql, enum filter_key *key)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st = b.data ? store_prepare(s, b.data) : NULL;
	buf_free(&b);
	bool seeks = st != NULL;
	enum filter_key one = FK_COUNT_;
	int searches = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		/* The fourth column is the plan's line, e.g. "SCAN e" or
		 * "SEARCH e USING INDEX event_by_ip (ip=? AND time_ms<?)". */
		const char *d = (const char *)sqlite3_column_text(st, 3);
		if (!d)
			continue;
		if (reads_all(d))
			seeks = false;
		/* One search of the events, or the plan is not one key's:
		 * an OR of two indexes ("MULTI-INDEX OR") reads two. */
		if (strncmp(d, "SEARCH e ", 9) == 0 || reads_all(d) ||
		    strcmp(d, "MULTI-INDEX OR") == 0) {
			searches++;
			one = line_key(d);
		}
	}
	sqlite3_finalize(st);
	if (key)
		*key = seeks && searches == 1 ? one : FK_COUNT_;
	return seeks;
}

bool store_plan_seeks(struct store *s, const char *sql)
{
	return store_plan_read(s, sql, NULL);
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
		/* Neither leaves in the events of no known time (where.c). */
		if (*lo <= EVENT_TIME_UNKNOWN)
			*lo = EVENT_TIME_UNKNOWN + 1;
	}
}
