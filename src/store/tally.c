/* tally.c - counting a filter's events a slice at a time (store.h).
 *
 * One statement reads every event that matches the filter's terms on
 * keys other than the facets' own, with one 0/1 column per facet key
 * saying whether the row also matches that key's terms.  A row that
 * fails none is a match: it counts everywhere.  A row that fails exactly
 * one key counts only in that key's facet (the facet is counted under the
 * filter without its own terms).  A row failing two counts nowhere.  When
 * the other keys' terms are dear to gather (struct where's prefer_walk),
 * or no index finds them (the step would return no row, and so not stop
 * on time, until it met a match: plan.c), the statement reads every event
 * and asks them of each row instead (REST_MISSED); when one key's index
 * finds them with more terms beside, the WHERE keeps that key's terms and
 * the rest is asked of each row the index finds (read_rest).  A histogram
 * alone (no facets) asks each row the terms of the keys with no index of
 * their own the same way (WALKED_KEYS).
 *
 * The statement stays open between steps, so a step goes on where the
 * last one stopped, and every step reads the same snapshot.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/array.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/intcount.h"

#define MAX_FACETS 8
/* The bit of the misses column for a row failing the keys outside the
 * facets, when they are asked of every row (tally_sql): past every
 * facet's, so such a row counts in none. */
#define REST_MISSED MAX_FACETS
/* A histogram alone asks each row these keys' terms rather than put them
 * in the WHERE: with no index, SQLite reads the table in import order,
 * where one region's or account's events lie together (the trail's
 * folders), and a step found no row to return, nor the time to stop,
 * until it reached them: 92 ms of a 24 ms step for region:us-west-2 at
 * 10M events. */
static const enum filter_key WALKED_KEYS[] = { FK_REGION, FK_ACCOUNT };
#define NWALKED (sizeof WALKED_KEYS / sizeof WALKED_KEYS[0])
/* NULL in a facet column (no error, read-only not stated, ...). */
#define NULL_KEY INT64_MIN

struct facet_column {
	enum store_dimension dim;
	enum filter_key key;
	const char *column;
};

static const struct facet_column facet_columns[] = {
	{ DIM_CATEGORY, FK_CAT, "e.category" },
	{ DIM_REGION, FK_REGION, "e.region" },
	{ DIM_SERVICE, FK_SERVICE, "e.service" },
	{ DIM_EVENT, FK_EVENT, "e.name" },
	{ DIM_PRINCIPAL, FK_PRINCIPAL, "e.principal" },
	{ DIM_ACCOUNT, FK_ACCOUNT, "e.account" },
	{ DIM_ERROR, FK_ERROR, "e.error" },
	{ DIM_READ_ONLY, FK_RO, "e.read_only" },
};
#define NCOLUMNS (sizeof facet_columns / sizeof facet_columns[0])

struct store_tally {
	struct store *s;
	sqlite3_stmt *st;
	bool done;
	size_t nfacets;
	const struct facet_column *facets[MAX_FACETS];
	struct intcount counts[MAX_FACETS];
	int region; /* index of the DIM_REGION facet, -1: none */
	int64_t matched, global, oldest, newest;
	int64_t dated; /* matched with a known time: the span's */
	int64_t bucket_ms, hist_lo, hist_hi;
	struct intcount buckets, bucket_errors;
	/* How principal rows group (merge_principals), read once: the
	 * counts are taken after every slice. */
	struct intcount unnamed, alias;
	bool have_groups;
	/* Each counted key's value and label, read when first shown. */
	struct facet_labels labels[MAX_FACETS];
};

static const struct facet_column *column_of(enum store_dimension dim)
{
	for (size_t i = 0; i < NCOLUMNS; i++)
		if (facet_columns[i].dim == dim)
			return &facet_columns[i];
	return NULL;
}

/* In a database of schema 15 or later, the row's bits (STORE_BITS) are
 * read whole, this bit of them set for an error: reading the columns
 * generated from them took the pass over the 1M bench trail's rows from
 * 0.20 to 0.29 s, reading the two stored ones 0.14 s. */
#define BITS_ERROR 24

/* A facet whose value the row's bits hold. */
static bool in_bits(const struct facet_column *c)
{
	return c->dim == DIM_CATEGORY || c->dim == DIM_READ_ONLY;
}

/* SELECT time, flags, misses, <facet columns> FROM event WHERE <the other
 * keys' terms>: flags has bit 0 for a global service and bit 1 for an
 * error (in the packed layout: time is in seconds, and flags the row's
 * bits with BITS_ERROR; read_head()); bit i of misses is set when the row
 * fails facet i's key.  Two
 * packed columns instead of ten: reading a column costs more than the
 * arithmetic.  key_sql has the nkeys terms split off the WHERE: the
 * facets', or for a histogram alone, WALKED_KEYS'. */
static char *tally_sql(struct store_tally *t, const struct where *rest,
                       const char *seek, char *const *key_sql, size_t nkeys,
                       bool wide, int64_t lo, int64_t hi)
{
	struct buf b;
	buf_init(&b);
	bool bits = t->s->event_bits;
	if (bits)
		buf_printf(&b, "SELECT e.time_s, e.bits | ((e.error IS NOT NULL)"
		               " << %d), 0", BITS_ERROR);
	else
		buf_puts(&b, "SELECT e.time_ms,"
		             " e.global | ((e.error IS NOT NULL) << 1), 0");
	for (size_t i = 0; i < nkeys; i++)
		if (strcmp(key_sql[i], "1") != 0)
			buf_printf(&b, " | ((NOT coalesce((%s), 0)) << %zu)",
			           key_sql[i], t->nfacets ? i : REST_MISSED);
	/* The rest asked of every row (struct where's prefer_walk) rather
	 * than in the WHERE: a step then returns a row for each event it
	 * reads, so store_tally_step() sees its clock however few match
	 * (a sparse match under a narrow histogram window returned no row
	 * for seconds).  Bit REST_MISSED set: the row counts nowhere. */
	if (rest->prefer_walk)
		buf_printf(&b, " | ((NOT coalesce((%s), 0)) << %d)",
		           rest->walk_sql ? rest->walk_sql : rest->sql,
		           REST_MISSED);
	else if (seek)
		buf_printf(&b, " | ((NOT coalesce((%s), 0)) << %d)", rest->sql,
		           REST_MISSED);
	/* A histogram alone needs only its window: the time index finds it
	 * instead of a pass over every matching event.  (With facets, every
	 * match counts, in the window or not.)  A window over much of the
	 * data is read faster by the pass: the index walk then seeks each
	 * row in the table (6.9 s against 4.1 s at 10M events).  The pass
	 * asks each row whether it is in the window, as for WALKED_KEYS: the
	 * rows before it were read without one returned. */
	bool window = !t->nfacets && t->bucket_ms;
	char from[24], to[24];
	snprintf(from, sizeof from, "?%zu", rest->nparams + 1);
	snprintf(to, sizeof to, "?%zu", rest->nparams + 2);
	if (window && wide)
		buf_printf(&b, " | ((NOT (e.time_ms >= %s AND e.time_ms < %s))"
		               " << %d)",
		           from, to, REST_MISSED);
	for (size_t i = 0; i < t->nfacets; i++)
		buf_printf(&b, ", %s",
		           bits && in_bits(t->facets[i]) ? "NULL"
		                                          : t->facets[i]->column);
	buf_printf(&b, " FROM event e WHERE (%s)",
	           rest->prefer_walk ? "1" : seek ? seek : rest->sql);
	/* Asked of each row, the rest still keeps the read within its
	 * since: and until: (numbers, not text). */
	bool asked = rest->prefer_walk || seek;
	if (asked && (lo != INT64_MIN || hi != INT64_MAX)) {
		char lo_ms[24], hi_ms[24];
		/* One past the ends of the int64 range would be read as
		 * floats: the widest bounds are those that hold every time. */
		snprintf(lo_ms, sizeof lo_ms, "%lld",
		         (long long)(lo == INT64_MIN ? INT64_MIN + 1 : lo));
		snprintf(hi_ms, sizeof hi_ms, "%lld", (long long)hi);
		buf_puts(&b, " AND ");
		store_time_range_sql(t->s, &b, lo_ms, hi_ms);
	}
	if (window && !wide) {
		buf_puts(&b, " AND ");
		store_time_range_sql(t->s, &b, from, to);
	}
	return buf_steal(&b);
}

/* Whether the histogram's window covers a quarter of the events' span or
 * more (see tally_sql). */
static bool wide_window(struct store_tally *t)
{
	/* Two subqueries: SQLite answers min() or max() alone from the
	 * index, but both in one SELECT by reading every row (1 s at 10M).
	 * The keys' span, in milliseconds, is near enough for the choice. */
	const char *key = store_time_key_sql(t->s);
	int64_t unit = store_time_key_unit(t->s);
	char *sql = sqlite3_mprintf("SELECT (SELECT min(%s) FROM event e) * %lld,"
	                            " (SELECT max(%s) FROM event e) * %lld",
	                            key, (long long)unit, key, (long long)unit);
	sqlite3_stmt *st = sql ? store_prepare(t->s, sql) : NULL;
	sqlite3_free(sql);
	bool wide = false;
	if (st && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL) {
		int64_t lo = sqlite3_column_int64(st, 0);
		int64_t hi = sqlite3_column_int64(st, 1);
		int64_t from = t->hist_lo > lo ? t->hist_lo : lo;
		int64_t to = t->hist_hi < hi ? t->hist_hi : hi;
		wide = to > from && (to - from) >= (hi - lo) / 4;
	}
	sqlite3_finalize(st);
	return wide;
}

/* Whether f has terms in the rest (the keys not among `keys`) other than
 * the positive ones of `seek`. */
static bool rest_beyond(const struct filter *f, enum filter_key seek,
                        const enum filter_key *keys, size_t nkeys)
{
	for (size_t i = 0; f && i < f->nterms; i++) {
		const struct filter_term *term = &f->terms[i];
		bool split = false;
		for (size_t k = 0; k < nkeys; k++)
			split = split || keys[k] == term->key;
		if (!split && (term->key != seek || term->negated))
			return true;
	}
	return false;
}

/* How the step reads the rest (the keys not among `keys`), when it has a
 * condition.  Through no index, SQLite reads every event and returns none
 * until it meets a match, so a step could not stop on time (plan.c): 1.6 s
 * for a word in no event at 1M, seconds more at 10M; the rest is then asked
 * of each row (prefer_walk).  Through one key's index with more terms
 * beside, it returns none until a row meets them all: service:s3
 * nosuchword read 4M events in one step at 10M (15.7 s with no key
 * taken); the WHERE then keeps only that key's terms, the index's, and
 * the rest is asked of each row it finds (the returned SQL). */
static char *read_rest(struct store *s, const struct filter *f,
                       const enum filter_key *keys, size_t nkeys,
                       struct where *rest)
{
	if (rest->prefer_walk || strcmp(rest->sql, "1") == 0)
		return NULL;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "SELECT e.time_ms FROM event e WHERE (%s)", rest->sql);
	char *seek = NULL;
	enum filter_key k = FK_COUNT_;
	if (!b.data) {
		/* Out of memory: the rest stays in the WHERE. */
	} else if (!store_plan_read(s, b.data, &k)) {
		rest->prefer_walk = !store_where_empty(s, rest);
	} else if (k != FK_COUNT_ && rest_beyond(f, k, keys, nkeys)) {
		seek = store_where_key_append(s, f, k, rest);
	}
	buf_free(&b);
	return seek;
}

static int prepare(struct store_tally *t, const struct filter *f)
{
	enum filter_key keys[MAX_FACETS];
	char *key_sql[MAX_FACETS] = { NULL };
	size_t nkeys = t->nfacets ? t->nfacets : NWALKED;
	for (size_t i = 0; i < nkeys; i++)
		keys[i] = t->nfacets ? t->facets[i]->key : WALKED_KEYS[i];
	struct where rest;
	if (store_where_split(t->s, f, keys, nkeys, &rest, key_sql) < 0)
		return -1;
	bool wide = !t->nfacets && t->bucket_ms && wide_window(t);
	char *seek = read_rest(t->s, f, keys, nkeys, &rest);
	int64_t lo, hi;
	store_time_bounds(f, &lo, &hi);
	char *sql = tally_sql(t, &rest, seek, key_sql, nkeys, wide, lo, hi);
	free(seek);
	int rc = -1;
	if (!sql)
		store_fail(t->s, "%s", _("out of memory"));
	else if ((t->st = store_prepare(t->s, sql)) != NULL)
		rc = store_where_bind(t->s, &rest, t->st);
	if (rc == 0 && !t->nfacets && t->bucket_ms) {
		sqlite3_bind_int64(t->st, (int)rest.nparams + 1, t->hist_lo);
		sqlite3_bind_int64(t->st, (int)rest.nparams + 2, t->hist_hi);
	}
	free(sql);
	for (size_t i = 0; i < nkeys; i++)
		free(key_sql[i]);
	store_where_free(&rest);
	return rc;
}

struct store_tally *store_tally_begin(struct store *s, const struct filter *f,
                                      const struct store_tally_spec *spec)
{
	if (spec->nfacets > MAX_FACETS) {
		store_fail(s, "%s", "too many facets for one tally");
		return NULL;
	}
	struct store_tally *t = calloc(1, sizeof *t);
	if (!t) {
		store_fail(s, "%s", _("out of memory"));
		return NULL;
	}
	t->s = s;
	t->region = -1;
	t->nfacets = spec->nfacets;
	t->bucket_ms = spec->bucket_ms;
	t->hist_lo = spec->hist_lo;
	t->hist_hi = spec->hist_hi;
	intcount_init(&t->buckets);
	intcount_init(&t->bucket_errors);
	intcount_init(&t->unnamed);
	intcount_init(&t->alias);
	for (size_t i = 0; i < MAX_FACETS; i++)
		facet_labels_init(&t->labels[i]);
	for (size_t i = 0; i < t->nfacets; i++) {
		intcount_init(&t->counts[i]);
		t->facets[i] = column_of(spec->facets[i]);
		if (!t->facets[i]) {
			store_fail(s, "%s", "facet dimension not tallied");
			store_tally_free(t);
			return NULL;
		}
		if (spec->facets[i] == DIM_REGION)
			t->region = (int)i;
	}
	if (prepare(t, f) < 0) {
		store_tally_free(t);
		return NULL;
	}
	return t;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Events of no known time are counted, but have no place in the span
 * or the histogram: one would stretch the timeline back to 1970. */
static int count_match(struct store_tally *t, int64_t time, bool error)
{
	t->matched++;
	if (!event_time_known(time))
		return 0;
	if (!t->dated || time < t->oldest)
		t->oldest = time;
	if (!t->dated || time > t->newest)
		t->newest = time;
	t->dated++;
	if (!t->bucket_ms || time < t->hist_lo || time >= t->hist_hi)
		return 0;
	int64_t start = floor_div(time, t->bucket_ms) * t->bucket_ms;
	if (intcount_add(&t->buckets, start, 1) < 0)
		return -1;
	return error ? intcount_add(&t->bucket_errors, start, 1) : 0;
}

/* A row's first two columns (tally_sql): its time, and whether it is of
 * a global service and an error; `bits`, the row's bits when the layout
 * has them (else 0). */
struct row_head {
	int64_t time, bits;
	bool global, error;
};

static struct row_head read_head(const struct store_tally *t)
{
	int64_t time = sqlite3_column_int64(t->st, 0);
	int64_t flags = sqlite3_column_int64(t->st, 1);
	if (!t->s->event_bits)
		return (struct row_head){ time, 0, flags & 1, (flags & 2) != 0 };
	int64_t bits = flags & ((INT64_C(1) << BITS_ERROR) - 1);
	return (struct row_head){ time * 1000 + STORE_BITS_MS(bits), bits,
		                  STORE_BITS_GLOBAL(bits),
		                  (flags >> BITS_ERROR & 1) != 0 };
}

/* Facet i's value in the row: its column's, or out of the bits. */
static int64_t facet_value(const struct store_tally *t, size_t i,
                           const struct row_head *h)
{
	int col = (int)(3 + i);
	if (t->s->event_bits && t->facets[i]->dim == DIM_CATEGORY)
		return STORE_BITS_CATEGORY(h->bits);
	if (t->s->event_bits && t->facets[i]->dim == DIM_READ_ONLY)
		return STORE_BITS_READ_ONLY(h->bits) < 0
		               ? NULL_KEY
		               : STORE_BITS_READ_ONLY(h->bits);
	return sqlite3_column_type(t->st, col) == SQLITE_NULL
	               ? NULL_KEY
	               : sqlite3_column_int64(t->st, col);
}

/* One row: where it counts (see the top of the file). */
static int count_row(struct store_tally *t)
{
	size_t n = t->nfacets;
	unsigned misses = (unsigned)sqlite3_column_int(t->st, 2);
	/* More than one bit set: the row counts nowhere. */
	if (misses & (misses - 1))
		return 0;
	struct row_head h = read_head(t);
	size_t failed_at = 0;
	while (misses && !(misses >> failed_at & 1))
		failed_at++;
	bool fails = misses != 0;
	if (!fails && count_match(t, h.time, h.error) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (fails && i != failed_at)
			continue;
		if (intcount_add(&t->counts[i], facet_value(t, i, &h), 1) < 0)
			return -1;
		if ((int)i == t->region && h.global)
			t->global++;
	}
	return 0;
}

int store_tally_step(struct store_tally *t, int64_t budget_ms)
{
	if (t->done)
		return 1;
	int64_t until = store_clock_ms() + budget_ms;
	for (unsigned i = 1;; i++) {
		int rc = sqlite3_step(t->st);
		if (rc == SQLITE_DONE) {
			t->done = true;
			/* Ends the read: the snapshot is no longer held. */
			sqlite3_reset(t->st);
			return 1;
		}
		if (rc != SQLITE_ROW)
			return store_fail_sql(t->s, _("counting events"));
		if (count_row(t) < 0)
			return store_fail(t->s, "%s", _("out of memory"));
		/* The clock is read now and then: it costs more than a row. */
		if (i % 512 == 0 && store_clock_ms() >= until)
			return 0;
	}
}

bool store_tally_done(const struct store_tally *t)
{
	return t->done;
}

int64_t store_tally_matched(const struct store_tally *t)
{
	return t->matched;
}

void store_tally_span(const struct store_tally *t, int64_t *oldest,
                      int64_t *newest)
{
	*oldest = t->dated ? t->oldest : 0;
	*newest = t->dated ? t->newest : 0;
}

int64_t store_tally_undated(const struct store_tally *t)
{
	return t->matched - t->dated;
}

int64_t store_tally_global(const struct store_tally *t)
{
	return t->global;
}

/* The principal counts grouped as store_facet() groups them: every
 * principal that names no one counted as no principal (NULL_KEY), one
 * "(none)" value; rows of one value under the first row of it.  Into
 * `merged` (initialised); 0 or -1. */
static int merge_principals(struct store_tally *t, const struct intcount *c,
                            struct intcount *merged)
{
	if (!t->have_groups) {
		if (store_principal_groups(t->s, &t->unnamed, &t->alias) < 0)
			return -1;
		t->have_groups = true;
	}
	for (size_t j = 0; j < c->cap; j++) {
		const struct intcount_slot *e = &c->slots[j];
		if (!e->count)
			continue;
		int64_t first = intcount_get(&t->alias, e->key);
		int64_t key = intcount_get(&t->unnamed, e->key) ? NULL_KEY
		              : first                          ? first
		                                               : e->key;
		if (intcount_add(merged, key, e->count) < 0)
			return store_fail(t->s, "%s", _("out of memory"));
	}
	return 0;
}

/* Labels are read this many values at a time while a keep test picks
 * among them: most narrowings are met in the first chunk. */
#define KEEP_CHUNK 256

/* Adds a copy of `v`, counted `count`, to `f` (of `*cap` places). */
static int add_value(struct store *s, struct store_facet *f, size_t *cap,
                     const struct store_facet_value *v, int64_t count)
{
	if (array_reserve((void **)&f->values, f->count, cap,
	                  sizeof *f->values, 64) < 0)
		return store_fail(s, "%s", _("out of memory"));
	struct store_facet_value *to = &f->values[f->count];
	to->value = v->value ? strdup(v->value) : NULL;
	to->label = strdup(v->label);
	to->count = count;
	f->count++;
	if ((v->value && !to->value) || !to->label)
		return store_fail(s, "%s", _("out of memory"));
	return 0;
}

int store_tally_facet_where(struct store_tally *t, size_t i, size_t limit,
                            store_facet_keep *keep, void *arg,
                            struct store_facet *facet)
{
	store_facet_free(facet);
	if (i >= t->nfacets)
		return store_fail(t->s, "%s", "no such facet in the tally");
	const struct intcount *c = &t->counts[i];
	if (!c->count)
		return 0;
	struct intcount merged;
	intcount_init(&merged);
	if (t->facets[i]->dim == DIM_PRINCIPAL) {
		if (merge_principals(t, c, &merged) < 0) {
			intcount_free(&merged);
			return -1;
		}
		c = &merged;
	}
	struct intcount_slot *sorted = intcount_sorted(c);
	/* Without a test the first `limit` are the answer; with one, the
	 * labels are read a chunk at a time until enough pass. */
	size_t chunk = !keep && limit && limit < c->count ? limit
	               : c->count < KEEP_CHUNK            ? c->count
	                                                  : KEEP_CHUNK;
	int64_t *keys = malloc(chunk * sizeof *keys);
	bool *nulls = malloc(chunk * sizeof *nulls);
	int rc = 0;
	size_t cap = 0;
	if (!sorted || !keys || !nulls)
		rc = store_fail(t->s, "%s", _("out of memory"));
	for (size_t at = 0; rc == 0 && at < c->count &&
	                    (!limit || facet->count < limit);
	     at += chunk) {
		size_t n = c->count - at < chunk ? c->count - at : chunk;
		for (size_t j = 0; j < n; j++) {
			keys[j] = sorted[at + j].key;
			nulls[j] = keys[j] == NULL_KEY;
		}
		rc = facet_labels_read(t->s, t->facets[i]->dim, &t->labels[i],
		                       keys, nulls, n);
		for (size_t j = 0; rc == 0 && j < n &&
		                   (!limit || facet->count < limit);
		     j++) {
			const struct store_facet_value *v =
				facet_labels_get(&t->labels[i], keys[j]);
			if (!keep || keep(v, arg))
				rc = add_value(t->s, facet, &cap, v,
				               sorted[at + j].count);
		}
	}
	if (rc < 0)
		store_facet_free(facet);
	free(sorted);
	free(keys);
	free(nulls);
	intcount_free(&merged);
	return rc;
}

int store_tally_facet(struct store_tally *t, size_t i, size_t limit,
                      struct store_facet *facet)
{
	return store_tally_facet_where(t, i, limit, NULL, NULL, facet);
}

static int by_start(const void *pa, const void *pb)
{
	const struct store_bucket *a = pa, *b = pb;
	return (a->start_ms > b->start_ms) - (a->start_ms < b->start_ms);
}

int store_tally_histogram(const struct store_tally *t,
                          struct store_histogram *h)
{
	store_histogram_free(h);
	if (!t->buckets.count)
		return 0;
	struct intcount_slot *b = intcount_sorted(&t->buckets);
	h->buckets = malloc(t->buckets.count * sizeof *h->buckets);
	if (!b || !h->buckets) {
		free(b);
		store_histogram_free(h);
		return store_fail(t->s, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < t->buckets.count; i++)
		h->buckets[i] = (struct store_bucket){
			b[i].key, b[i].count,
			intcount_get(&t->bucket_errors, b[i].key)
		};
	h->count = t->buckets.count;
	free(b);
	/* In time order, as store_histogram() gives them. */
	qsort(h->buckets, h->count, sizeof *h->buckets, by_start);
	return 0;
}

void store_tally_free(struct store_tally *t)
{
	if (!t)
		return;
	sqlite3_finalize(t->st);
	for (size_t i = 0; i < MAX_FACETS; i++) {
		intcount_free(&t->counts[i]);
		facet_labels_free(&t->labels[i]);
	}
	intcount_free(&t->buckets);
	intcount_free(&t->bucket_errors);
	intcount_free(&t->unnamed);
	intcount_free(&t->alias);
	free(t);
}
