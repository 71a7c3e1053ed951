/* where_resource.c - resource: terms of a filter as SQL.
 *
 * An event names its resources in event_resource (before schema 16) or
 * the first in its row and the others there (schema.c, version 16); a
 * resource's ARN is kept as a prefix and a name since schema 11.  A term
 * is written in two forms: gathering the events of the matching
 * resources first, and asking each event walked in time order; counts
 * choose between them by how many events the term matches.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/where_internal.h"

/* Whether the resource table keeps ARNs split (schema 11); a read-only
 * open of an older database has them whole. */
static bool arns_split(struct builder *b)
{
	return !b->s || store_has_schema(b->s, STORE_SCHEMA_ARN_PREFIX);
}

/* A resource's ARN as text: its prefix's and its name's. */
#define RESOURCE_ARN                                                        \
	"(coalesce((SELECT s FROM arn_prefix WHERE id = prefix), '') || name)"

/* One value against a resource's ARN, kept as a prefix (dictionary
 * arn_prefix, 0: none) and a name.  A whole ARN is split as the writer
 * splits it and found by name and prefix (resource_by_name).  A pattern
 * reads the resources of the prefixes that agree with its literal start
 * as far as both go (resource_by_prefix): "arn:aws:s3:::b*" keeps
 * "arn:aws:s3:::bucket/", and "arn:aws:s3:::bucket/lo*" keeps it too,
 * its name to begin "lo"; then LIKE decides. */
void match_resource_arn(struct builder *b, size_t n, const char *text,
                        enum filter_match m)
{
	char *lo, *hi;
	if (!arns_split(b)) {
		match_column(b, "arn", n, text, m, true);
	} else if (m != FM_PATTERN) {
		const char *name = store_resource_name(text);
		char *prefix = strndup(text, (size_t)(name - text));
		if (!prefix) {
			b->nomem = true;
			return;
		}
		size_t pp = param_owned(b, prefix), pn = param_text(b, name);
		buf_printf(&b->sql,
		           "(name = ?%zu COLLATE NOCASE AND prefix IN (SELECT 0"
		           " WHERE ?%zu = '' UNION ALL SELECT id FROM arn_prefix"
		           " WHERE s = ?%zu COLLATE NOCASE))",
		           pn, pp, pp);
	} else if (prefix_range(text, &lo, &hi)) {
		free(hi);
		size_t pl = param_owned(b, lo);
		/* "L*": the prefixes that begin with L hold only matches,
		 * and a walk over millions of events then asks no more than
		 * that of each resource; the others need their names. */
		bool starts_only = strcspn(text, "*") == strlen(text) - 1;
		if (starts_only)
			buf_printf(&b->sql,
			           "(prefix IN (SELECT id FROM arn_prefix WHERE"
			           " length(s) >= length(?%zu) AND"
			           " lower(substr(s, 1, length(?%zu))) = ?%zu) OR ",
			           pl, pl, pl);
		buf_puts(&b->sql, "(prefix IN (SELECT 0 UNION ALL SELECT id FROM"
		                  " arn_prefix WHERE ");
		if (starts_only)
			buf_printf(&b->sql, "length(s) < length(?%zu) AND ", pl);
		buf_printf(&b->sql,
		           "lower(substr(s, 1, length(?%zu))) = substr(?%zu, 1,"
		           " length(s))) AND " RESOURCE_ARN " LIKE ?%zu"
		           " ESCAPE '\\')%s",
		           pl, pl, n, starts_only ? ")" : "");
	} else {
		buf_printf(&b->sql, RESOURCE_ARN " LIKE ?%zu ESCAPE '\\'", n);
	}
}

/* resource: in a database made before schema 16, as a dictionary
 * lookup. */
static const struct lookup resource_lookup = {
	"e.id IN (SELECT event FROM event_resource WHERE resource IN"
	" (SELECT id FROM resource WHERE ",
	"))", { "arn", "name", NULL }, NULL, NULL, true, true };

/* The walk form of resource_lookup: whether this event names a matching
 * resource, through the event's own links (event_resource's key, or
 * event_resource_by_event in databases made before schema 7), rather than
 * gathering every event of every matching resource before the first row. */
static const struct lookup resource_walk_lookup = {
	"EXISTS (SELECT 1 FROM event_resource er JOIN resource r"
	" ON r.id = er.resource WHERE er.event = e.id AND (",
	"))", { "arn", "name", NULL }, NULL, NULL, true, true };

/* The resources whose ARN or name matches, without head or tail, for
 * a database of schema 16 or later (resource_row_values()). */
static const struct lookup resource_match = {
	"(", ")", { "arn", "name", NULL }, NULL, NULL, true, true };

/* The text `write` appends to b->sql, written to a string of its own
 * instead, its parameters added to b's as ever (NULL: out of memory). */
static char *written_apart(struct builder *b,
                           void (*write)(struct builder *, const void *),
                           const void *arg)
{
	struct buf outer = b->sql;
	buf_init(&b->sql);
	write(b, arg);
	char *text = buf_steal(&b->sql);
	b->sql = outer;
	b->nomem = b->nomem || !text;
	return text;
}

struct values {
	const struct filter_value *const *vals;
	size_t n;
};

static void write_resource_match(struct builder *b, const void *arg)
{
	const struct values *v = arg;
	string_values(b, &resource_match, v->vals, v->n);
}

/* The events that name a resource matching condition %s, in a database
 * of schema 16 or later, through event_by_resource and
 * event_resource_by_resource.  The resources are read once: written
 * twice, a pattern's scan of them took 0.28 s at 1M events, 0.18 s so. */
#define RESOURCE_EVENTS                                                     \
	"WITH m(id) AS (SELECT id FROM resource WHERE %s)"                  \
	" SELECT ev.id FROM event ev WHERE ev.resource IS NOT NULL"         \
	" AND ev.resource IN m UNION ALL SELECT event FROM event_resource"  \
	" WHERE resource IN m"

/* resource: in a database of schema 16 or later, where the row holds an
 * event's first resource and event_resource its others.  The gathering
 * form has SQLite collect the events of the matching resources and read
 * them by row id; the walk form asks each event walked whether it names
 * one, in its row or in event_resource, with the same parameters. */
static void resource_row_values(struct builder *b,
                                const struct filter_value *const *vals,
                                size_t n)
{
	struct values v = { vals, n };
	char *m = written_apart(b, write_resource_match, &v);
	if (!m)
		return;
	if (b->walk)
		/* An event that names no resource names no second one. */
		buf_printf(&b->sql,
		           "e.resource IS NOT NULL AND (EXISTS (SELECT 1 FROM"
		           " resource r WHERE r.id = e.resource AND %s) OR EXISTS"
		           " (SELECT 1 FROM event_resource er JOIN resource r"
		           " ON r.id = er.resource WHERE er.event = e.id AND %s))",
		           m, m);
	else
		buf_printf(&b->sql, "e.id IN (" RESOURCE_EVENTS ")", m);
	free(m);
}

/* The resources that exact values name, looked up with the resource
 * table's columns as a lookup of ids does (lookup_ids()). */
static const struct lookup resource_id_lookup = {
	NULL, NULL, { "arn", "name", NULL }, NULL, "resource", true, true };

struct id_list {
	const int64_t *ids;
	size_t n;
};

/* "?a, ?b, ...": the ids as parameters. */
static void write_id_list(struct builder *b, const void *arg)
{
	const struct id_list *l = arg;
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b->sql, "%s?%zu", i ? ", " : "",
		           param_int(b, l->ids[i]));
}

/* resource: with exact values only, as the ids of the resources they
 * name, looked up when the filter is compiled (through resource_by_name,
 * which finds an ARN by its name and prefix, or a name alone).  Asking
 * each event walked whether it names one of a few ids took 3 ms for the
 * newest 50 events of a bucket's 71k at 10M events, where matching the
 * ARN of each resource that events name took 14 ms.  False, writing
 * nothing, for a pattern (whose resources can be many and, without a
 * literal start, found only by reading them all) or more than
 * MAX_RESOLVED resources. */
static bool resolved_resources(struct builder *b,
                               const struct filter_value *const *vals,
                               size_t n)
{
	int64_t ids[MAX_RESOLVED];
	size_t nids = 0;
	if (!b->s)
		return false;
	for (size_t i = 0; i < n; i++)
		if (vals[i]->match == FM_PATTERN ||
		    (vals[i]->match == FM_EXACT &&
		     lookup_ids(b, &resource_id_lookup, vals[i], ids, &nids) < 0))
			return false;
	if (nids == 0) {
		buf_puts(&b->sql, "0");
		return true;
	}
	struct id_list l = { ids, nids };
	char *in = written_apart(b, write_id_list, &l);
	if (!in)
		return true; /* b->nomem says it */
	if (b->s->resource_in_row && b->walk)
		buf_printf(&b->sql,
		           "e.resource IS NOT NULL AND (e.resource IN (%s) OR"
		           " EXISTS (SELECT 1 FROM event_resource er WHERE"
		           " er.event = e.id AND er.resource IN (%s)))",
		           in, in);
	else if (b->s->resource_in_row)
		buf_printf(&b->sql,
		           "e.id IN (SELECT ev.id FROM event ev WHERE"
		           " ev.resource IS NOT NULL AND ev.resource IN (%s)"
		           " UNION ALL SELECT event FROM event_resource"
		           " WHERE resource IN (%s))",
		           in, in);
	else if (b->walk)
		buf_printf(&b->sql,
		           "EXISTS (SELECT 1 FROM event_resource er WHERE"
		           " er.event = e.id AND er.resource IN (%s))",
		           in);
	else
		buf_printf(&b->sql,
		           "e.id IN (SELECT event FROM event_resource"
		           " WHERE resource IN (%s))",
		           in);
	free(in);
	return true;
}

void resource_condition(struct builder *b,
                        const struct filter_value *const *vals, size_t n)
{
	if (resolved_resources(b, vals, n))
		return;
	if (b->s && b->s->resource_in_row)
		resource_row_values(b, vals, n);
	else
		string_values(b, b->walk ? &resource_walk_lookup
		                         : &resource_lookup,
		              vals, n);
}

/* Counts under a resource term either gather its matches first (SQLite
 * reads every event of every matching resource before the first row:
 * 2.2 s at 10M events for resource:arn:aws:s3:::* and its 2.2M events,
 * which froze the browser) or ask each event in turn (a pass over all
 * of them, 25 s at 10M, but in slices between keys).  Gathering wins
 * while the matches are few: all counts of one bucket's 71k events took
 * 0.36 s.  Past this many events, or when counting them takes longer
 * than the probe may (many events, or a pattern with no prefix to read
 * a range of), counts ask each event. */
#define WIDE_EVENTS 100000
#define WIDE_PROBE_MS 10

/* The resource terms' values, each on arn or name, ORed into b->sql. */
static void resource_values(struct builder *b, const struct filter *f)
{
	bool any = false;
	for (size_t t = 0; t < f->nterms; t++)
		for (size_t i = 0; f->terms[t].key == FK_RESOURCE &&
		                   i < f->terms[t].nvalues; i++) {
			const struct filter_value *v = &f->terms[t].values[i];
			if (v->match != FM_EXACT && v->match != FM_PATTERN)
				continue;
			size_t p = v->match == FM_PATTERN
			                   ? param_like(b, v->text, false)
			                   : param_text(b, v->text);
			for (size_t c = 0; resource_lookup.columns[c]; c++) {
				buf_puts(&b->sql, any ? " OR " : "");
				any = true;
				lookup_match(b, &resource_lookup, c, p, v);
			}
		}
	/* (Not "0 OR ..." either: it hides the ORs' indexes from the
	 * planner.) */
	if (!any)
		buf_puts(&b->sql, "0");
}

static void write_resource_values(struct builder *b, const void *f)
{
	resource_values(b, f);
}

void store_set_resource_gather_limit(struct store *s, int64_t events)
{
	s->gather_limit = events;
	free(s->wide_filter);
	s->wide_filter = NULL;
}

static bool probe_wide(struct store *s, const struct filter *f)
{
	int64_t limit = s->gather_limit ? s->gather_limit : WIDE_EVENTS;
	if (limit < 0)
		return true;
	/* The store, for its layout: resource terms look nothing up. */
	struct builder q = { .s = s };
	char *m = written_apart(&q, write_resource_values, f);
	buf_init(&q.sql);
	if (m && s->resource_in_row)
		buf_printf(&q.sql, "SELECT count(*) FROM (" RESOURCE_EVENTS
		                   " LIMIT %lld)",
		           m, (long long)limit + 1);
	else if (m)
		buf_printf(&q.sql, "SELECT count(*) FROM (SELECT 1 FROM"
		                   " event_resource WHERE resource IN (SELECT id"
		                   " FROM resource WHERE %s) LIMIT %lld)",
		           m, (long long)limit + 1);
	free(m);
	struct where w = { .sql = buf_steal(&q.sql), .nparams = q.nparams,
		           .params = q.params };
	sqlite3_stmt *st = w.sql && !q.nomem ? store_prepare(s, w.sql) : NULL;
	bool wide = false;
	if (st && store_where_bind(s, &w, st) == 0) {
		int64_t until;
		store_deadline_set(s, WIDE_PROBE_MS, &until);
		int rc = sqlite3_step(st);
		store_deadline_clear(s);
		wide = rc == SQLITE_INTERRUPT ||
		       (rc == SQLITE_ROW &&
		        sqlite3_column_int64(st, 0) > limit);
	}
	/* Failing to tell is no failure: the gathering form is right too. */
	sqlite3_finalize(st);
	store_where_free(&w);
	return wide;
}

/* Whether f's resource terms match more events than are worth gathering,
 * remembered for the last filter asked: a filter change asks it for the
 * page and for each count. */
bool resources_wide(struct store *s, const struct filter *f)
{
	char *text = filter_format(f);
	if (text && s->wide_filter && strcmp(text, s->wide_filter) == 0) {
		free(text);
		return s->wide_answer;
	}
	bool wide = probe_wide(s, f);
	free(s->wide_filter);
	s->wide_filter = text;
	s->wide_answer = wide;
	return wide;
}
