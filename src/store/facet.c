/* facet.c - counts of events grouped by one dimension, and histograms. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/buf.h"
#include "util/intcount.h"
#include "util/strmap.h"
#include "util/i18n.h"

/* How one dimension is counted: the inner query groups event rows by
 * `key` (after `join`), the outer one turns each key into the value the
 * filter language writes and the label a person reads. */
struct dimension {
	const char *name;
	const char *key;
	const char *join;
	const char *outer;
	const char *value;
	const char *label;
	bool time_ordered;
	/* When set, the outer query groups the inner groups by this rather
	 * than by their key: keys it makes NULL are one group. */
	const char *regroup;
};

#define DICT_DIM(n, col, table)                                             \
	{ n, "e." col, "", "LEFT JOIN " table " d ON d.id = c.k", "d.s", "d.s", \
	  false }

#define PRINCIPAL_VALUE                                                 \
	"coalesce(nullif(d.arn, ''), nullif(d.name, ''), nullif(d.pid, ''))"

static const struct dimension dimensions[DIM_COUNT_] = {
	[DIM_CATEGORY] = { "category", "e.category", "", "", "NULL", "NULL",
	                   false },
	[DIM_REGION] = DICT_DIM("region", "region", "region"),
	[DIM_SERVICE] = DICT_DIM("service", "service", "service"),
	[DIM_EVENT] = DICT_DIM("event", "name", "event_name"),
	/* One row a value, as `principal:` matches values: events with no
	 * userIdentity (no principal row) and those whose principal row
	 * names no ARN, name or ID (an AWSService without invokedBy, an
	 * account alone) are all "(none)"; principal rows of one value (a
	 * web-identity user's records with and without an account) are
	 * one.  The tally groups them alike (store_principal_groups). */
	[DIM_PRINCIPAL] = { "principal", "e.principal", "",
	                    "LEFT JOIN principal d ON d.id = c.k",
	                    PRINCIPAL_VALUE,
	                    "coalesce(nullif(d.name, ''), nullif(d.arn, ''),"
	                    " nullif(d.pid, ''))",
	                    false,
	                    PRINCIPAL_VALUE },
	/* No type is NULL (an event without userIdentity) or '' (one
	 * whose userIdentity says no type): grouped as one, not two rows
	 * both labelled "(none)". */
	[DIM_TYPE] = { "type", "nullif(p.type, '')",
	               "LEFT JOIN principal p ON p.id = e.principal", "",
	               "c.k", "c.k", false },
	[DIM_ACCOUNT] = DICT_DIM("account", "account", "account"),
	[DIM_ERROR] = { "error", "e.error", "",
	                "LEFT JOIN error d ON d.id = c.k",
	                "coalesce(d.s, 'none')", "d.s", false },
	[DIM_READ_ONLY] = { "ro", "e.read_only", "", "",
	                    "CASE c.k WHEN 1 THEN 'true' WHEN 0 THEN 'false'"
	                    " END",
	                    "NULL", false },
	[DIM_IP] = DICT_DIM("ip", "ip", "ip"),
	[DIM_KEY] = DICT_DIM("key", "access_key", "access_key"),
	[DIM_AGENT] = DICT_DIM("agent", "agent", "agent"),
	/* Events of no known time (model/event.h) have no day: NULL, the
	 * "(none)" row, not 1970-01-01. */
	[DIM_DAY] = { "day", "CASE WHEN e.time_ms > 0 THEN strftime('%Y-%m-%d',"
	                     " e.time_ms / 1000, 'unixepoch') END",
	              "", "", "c.k", "c.k", true },
	[DIM_HOUR] = { "hour", "CASE WHEN e.time_ms > 0 THEN strftime("
	                       "'%Y-%m-%dT%H', e.time_ms / 1000, 'unixepoch')"
	                       " END",
	               "", "", "c.k", "c.k", true },
};

/* In a database of schema 15 or later a day's and an hour's key read the
 * stored seconds: through time_ms, a generated column, `stats --by hour`
 * took a fifth more at 1M events (0.42 -> 0.50 s).  time_s > 0 means
 * time_ms > 0 but for the first second of 1970, which time_ms then
 * decides. */
#define PACKED_TIME_KEY(format)                                             \
	"CASE WHEN e.time_s > 0 OR e.time_ms > 0"                          \
	" THEN strftime('" format "', e.time_s, 'unixepoch') END"

static const char *dimension_key(const struct store *s,
                                 enum store_dimension dim)
{
	if (s->event_bits && dim == DIM_DAY)
		return PACKED_TIME_KEY("%Y-%m-%d");
	if (s->event_bits && dim == DIM_HOUR)
		return PACKED_TIME_KEY("%Y-%m-%dT%H");
	return dimensions[dim].key;
}

const char *store_dimension_name(enum store_dimension dim)
{
	return dimensions[dim].name;
}

int store_dimension_parse(const char *name, enum store_dimension *dim)
{
	for (int d = 0; d < DIM_COUNT_; d++)
		if (strcmp(dimensions[d].name, name) == 0) {
			*dim = (enum store_dimension)d;
			return 0;
		}
	return -1;
}

void store_facet_free(struct store_facet *facet)
{
	for (size_t i = 0; i < facet->count; i++) {
		free(facet->values[i].value);
		free(facet->values[i].label);
	}
	free(facet->values);
	memset(facet, 0, sizeof *facet);
}

/* The account of an ARN ("arn:aws:iam::111122223333:user/alice"): its
 * fifth field, or "" when it has none. */
static size_t arn_account(const char *arn, const char **account)
{
	*account = "";
	if (strncmp(arn, "arn:", 4) != 0)
		return 0;
	const char *p = arn;
	for (int field = 0; field < 4; field++) {
		p = strchr(p, ':');
		if (!p)
			return 0;
		p++;
	}
	const char *end = strchr(p, ':');
	if (!end)
		return 0;
	*account = p;
	return (size_t)(end - p);
}

/* "alice (111122223333)" for an ARN with an account; else the value. */
static char *told_apart(const struct store_facet_value *v)
{
	const char *account;
	size_t n = arn_account(v->value, &account);
	if (!n)
		return strdup(v->value);
	size_t len = strlen(v->label) + n + 4;
	char *label = malloc(len);
	if (label)
		snprintf(label, len, "%s (%.*s)", v->label, (int)n, account);
	return label;
}

static char *the_value(const struct store_facet_value *v)
{
	return strdup(v->value);
}

/* Gives each value whose label another value has too the label `how`
 * makes of it; values that read as themselves already stay. */
static int relabel_shared(struct store_facet *facet,
                          char *(*how)(const struct store_facet_value *))
{
	struct strmap seen;
	strmap_init(&seen);
	int rc = 0;
	for (size_t i = 0; i < facet->count && rc == 0; i++) {
		const char *l = facet->values[i].label;
		if (l)
			rc = strmap_put(&seen, l, strlen(l),
			                strmap_get(&seen, l, strlen(l)) + 1);
	}
	for (size_t i = 0; i < facet->count && rc == 0; i++) {
		struct store_facet_value *v = &facet->values[i];
		if (!v->label || !v->value || strcmp(v->label, v->value) == 0 ||
		    strmap_get(&seen, v->label, strlen(v->label)) < 2)
			continue;
		char *label = how(v);
		if (!label) {
			rc = -1;
			break;
		}
		free(v->label);
		v->label = label;
	}
	strmap_free(&seen);
	return rc;
}

/* By the account first, which reads best; what the account does not
 * tell apart (alice the user and alice the session of a role, both in
 * one account) reads as its value, which is one a value. */
int store_facet_tell_apart(struct store_facet *facet)
{
	int rc = relabel_shared(facet, told_apart);
	return rc == 0 ? relabel_shared(facet, the_value) : rc;
}

struct facet_ctx {
	enum store_dimension dim;
	struct store_facet *facet;
	size_t cap;
};

/* Labels the SQL cannot give: translated words for coded values. */
static const char *coded_label(enum store_dimension dim, sqlite3_stmt *st)
{
	bool null = sqlite3_column_type(st, 0) == SQLITE_NULL;
	int k = sqlite3_column_int(st, 0);
	if (dim == DIM_CATEGORY)
		return k >= 0 && k < CAT_COUNT_
		               ? filter_category_label((enum event_category)k)
		               : _("(unknown)");
	if (dim == DIM_READ_ONLY)
		return null ? _("(not stated)") : k ? _("read-only") : _("write");
	if (dim == DIM_ERROR)
		return _("(no error)");
	return _("(none)");
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int facet_row(struct store *s, sqlite3_stmt *st, void *vctx)
{
	struct facet_ctx *c = vctx;
	struct store_facet *f = c->facet;
	if (f->count == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		struct store_facet_value *v =
			realloc(f->values, cap * sizeof *v);
		if (!v)
			return store_fail(s, "%s", _("out of memory"));
		f->values = v;
		c->cap = cap;
	}
	struct store_facet_value *v = &f->values[f->count];
	const char *value = (const char *)sqlite3_column_text(st, 1);
	const char *label = (const char *)sqlite3_column_text(st, 2);
	if (c->dim == DIM_CATEGORY) {
		int k = sqlite3_column_int(st, 0);
		value = k >= 0 && k < CAT_COUNT_
		                ? filter_category_word((enum event_category)k)
		                : NULL;
	}
	v->value = dup_or_null(value);
	v->label = strdup(label ? label : coded_label(c->dim, st));
	v->count = sqlite3_column_int64(st, 3);
	f->count++;
	if ((value && !v->value) || !v->label)
		return store_fail(s, "%s", _("out of memory"));
	return 0;
}

int store_facet(struct store *s, const struct filter *f,
                enum store_dimension dim, size_t limit,
                struct store_facet *facet)
{
	const struct dimension *d = &dimensions[dim];
	char head[512], rest[512];
	store_facet_free(facet);
	/* Each inner group is one outer group unless d->regroup merges
	 * them (min(c.k): the row the other columns are read from). */
	snprintf(head, sizeof head,
	         "SELECT min(c.k), %s, %s, sum(c.n) FROM (SELECT %s AS k,"
	         " count(*) AS n FROM event e %s",
	         d->value, d->label, dimension_key(s, dim), d->join);
	snprintf(rest, sizeof rest,
	         "GROUP BY k) c %s GROUP BY %s ORDER BY %s LIMIT $1", d->outer,
	         d->regroup ? d->regroup : "c.k",
	         d->time_ordered ? "1" : "4 DESC, 2");
	int64_t lim = limit ? (int64_t)limit : -1;
	struct facet_ctx ctx = { dim, facet, 0 };
	/* GROUP BY sorts every matching row: held in memory (the
	 * connection's temp_store), the 10M-event bench database's categories
	 * took 476 MB; spilled to a temporary file past the cache, 37 MB and
	 * no slower (4.9 s against 3.4 s in the sqlite3 shell). */
	if (store_exec(s, "PRAGMA temp_store=FILE") < 0)
		return -1;
	int rc = store_query_filtered(s, f, head, rest, &lim, 1, facet_row,
	                              &ctx);
	sqlite3_exec(s->db, "PRAGMA temp_store=MEMORY", NULL, NULL, NULL);
	if (rc < 0)
		store_facet_free(facet);
	return rc;
}

void store_histogram_free(struct store_histogram *h)
{
	free(h->buckets);
	memset(h, 0, sizeof *h);
}

struct histogram_ctx {
	struct store_histogram *h;
	size_t cap;
};

static int bucket_row(struct store *s, sqlite3_stmt *st, void *vctx)
{
	struct histogram_ctx *c = vctx;
	if (c->h->count == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct store_bucket *b = realloc(c->h->buckets, cap * sizeof *b);
		if (!b)
			return store_fail(s, "%s", _("out of memory"));
		c->h->buckets = b;
		c->cap = cap;
	}
	c->h->buckets[c->h->count++] = (struct store_bucket){
		sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		sqlite3_column_int64(st, 2)
	};
	return 0;
}

int store_histogram(struct store *s, const struct filter *f, int64_t width_ms,
                    struct store_histogram *h)
{
	store_histogram_free(h);
	if (width_ms <= 0)
		return store_fail(s, "%s", _("the bucket width must be positive"));
	struct histogram_ctx ctx = { h, 0 };
	/* Floor division, so that buckets before 1970 align too.  Events of
	 * no known time belong to no bucket (as in the tally's). */
	int rc = store_query_filtered(
		s, f,
		"SELECT b, count(*), count(err) FROM (SELECT CASE WHEN"
		" e.time_ms <= 0 THEN NULL ELSE e.time_ms - ((e.time_ms % $1)"
		" + $1) % $1 END AS b, e.error AS err FROM event e",
		") WHERE b IS NOT NULL GROUP BY b ORDER BY b", &width_ms, 1,
		bucket_row, &ctx);
	if (rc < 0)
		store_histogram_free(h);
	return rc;
}

int store_principal_groups(struct store *s, struct intcount *unnamed,
                           struct intcount *alias)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, " PRINCIPAL_VALUE " AS v FROM principal d"
		   " ORDER BY v, id");
	if (!st)
		return -1;
	char *value = NULL; /* the group's, as text */
	int64_t first = 0;
	int step, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);
		if (!v) {
			rc = intcount_add(unnamed, id, 1);
		} else if (value && strcmp(v, value) == 0) {
			rc = intcount_add(alias, id, first);
		} else {
			free(value);
			value = strdup(v);
			first = id;
			rc = value ? 0 : -1;
		}
	}
	free(value);
	sqlite3_finalize(st);
	if (rc < 0)
		return store_fail(s, "%s", _("out of memory"));
	return step == SQLITE_DONE ? 0
	                           : store_fail_sql(s, _("reading a facet"));
}

int store_facet_labels(struct store *s, enum store_dimension dim,
                       const int64_t *keys, const bool *nulls, size_t n,
                       struct store_facet *facet)
{
	const struct dimension *d = &dimensions[dim];
	store_facet_free(facet);
	if (*d->join || d->time_ordered)
		return store_fail(s, "%s", "facet dimension not tallied");
	if (n == 0)
		return 0;
	/* All the keys in one statement, as a JSON array: a statement a key
	 * cost the browser 50 ms to label 11,000 principals. */
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT c.k, %s, %s, 0 FROM (SELECT j.value AS k, j.key AS i"
	         " FROM json_each(?1) j) c %s ORDER BY c.i",
	         d->value, d->label, d->outer);
	struct buf json;
	buf_init(&json);
	buf_putc(&json, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&json, ',');
		if (nulls[i])
			buf_puts(&json, "null");
		else
			buf_printf(&json, "%lld", (long long)keys[i]);
	}
	buf_putc(&json, ']');
	bool made = buf_ok(&json);
	sqlite3_stmt *st = made ? store_prepare(s, sql) : NULL;
	if (!st) {
		buf_free(&json);
		return made ? -1 : store_fail(s, "%s", _("out of memory"));
	}
	sqlite3_bind_text(st, 1, json.data, (int)json.len, SQLITE_STATIC);
	struct facet_ctx ctx = { dim, facet, 0 };
	int rc = 0, step;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = facet_row(s, st, &ctx);
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_fail_sql(s, _("reading a facet"));
	sqlite3_finalize(st);
	buf_free(&json);
	if (rc == 0 && facet->count != n)
		rc = store_fail(s, "%s", "a facet key without a row");
	if (rc < 0)
		store_facet_free(facet);
	return rc;
}
