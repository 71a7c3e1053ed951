/* where.c - compiling a filter (filter.h) to an SQL condition.
 *
 * Every value becomes a bound parameter (?N); the SQL text is built only
 * from the fixed fragments in this file and where_*.c, never from filter
 * text (where_param.c keeps the values).  Values compare
 * case-insensitively: `= ... COLLATE NOCASE` for whole values, LIKE
 * (case-insensitive for ASCII) for wildcard patterns.
 *
 * Different keys AND; the positive terms of one key OR all their values in
 * one condition (one IN over the dictionary, which the planner can drive
 * from an index); each negated term is ANDed as NOT, treating "unknown"
 * (NULL) as not matching, so `-ro:true` keeps events that do not say.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/where_internal.h"
#include "util/i18n.h"

/* Value `v`, its text parameter ?p, against column c of lookup l. */
void lookup_match(struct builder *b, const struct lookup *l, size_t c,
                  size_t p, const struct filter_value *v)
{
	if (l->split_arn && strcmp(l->columns[c], "arn") == 0)
		match_resource_arn(b, p, v->text, v->match);
	else
		match_column(b, l->columns[c], p, v->text, v->match,
		             l->nocase_indexed);
}

static bool has_strings(const struct filter_value *const *vals, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (vals[i]->match == FM_EXACT || vals[i]->match == FM_PATTERN)
			return true;
	return false;
}

/* "head v1 on any column OR v2 on any column ... tail" over the values
 * that are strings (the caller checked there is one). */
void string_values(struct builder *b, const struct lookup *l,
                   const struct filter_value *const *vals, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const struct filter_value *v = vals[i];
		if (v->match != FM_EXACT && v->match != FM_PATTERN)
			continue;
		size_t p = v->match == FM_PATTERN ? param_like(b, v->text, false)
		                                  : param_text(b, v->text);
		buf_puts(&b->sql, any ? " OR " : l->head);
		any = true;
		for (size_t c = 0; l->columns[c]; c++) {
			buf_puts(&b->sql, c ? " OR " : "");
			lookup_match(b, l, c, p, v);
		}
	}
	buf_puts(&b->sql, l->tail);
}

#define DICT_LOOKUP(col, table)                                             \
	{ "e." col " IN (SELECT id FROM " table " WHERE ", ")", { "s", NULL },  \
	  "e." col, table, false, false }

static const struct lookup region_lookup = DICT_LOOKUP("region", "region");
static const struct lookup service_lookup = DICT_LOOKUP("service", "service");
static const struct lookup event_lookup = DICT_LOOKUP("name", "event_name");
static const struct lookup ip_lookup = DICT_LOOKUP("ip", "ip");
static const struct lookup agent_lookup = DICT_LOOKUP("agent", "agent");
static const struct lookup account_lookup = DICT_LOOKUP("account", "account");
/* The partial indexes on key and error need the IS NOT NULL spelled out. */
static const struct lookup key_lookup = {
	"(e.access_key IS NOT NULL AND e.access_key IN (SELECT id FROM"
	" access_key WHERE ",
	"))", { "s", NULL }, "e.access_key", "access_key", true, false };
static const struct lookup error_lookup = {
	"(e.error IS NOT NULL AND e.error IN (SELECT id FROM error WHERE ",
	"))", { "s", NULL }, "e.error", "error", false, false };
static const struct lookup principal_lookup = {
	"e.principal IN (SELECT id FROM principal WHERE ", ")",
	{ "arn", "name", "pid", "role", "session", NULL }, "e.principal",
	"principal", false, false };
static const struct lookup type_lookup = {
	"e.principal IN (SELECT id FROM principal WHERE ", ")",
	{ "type", NULL }, "e.principal", "principal", false, false };
static const struct lookup principal_account_lookup = {
	"e.principal IN (SELECT id FROM principal WHERE ", ")",
	{ "account", NULL }, "e.principal", "principal", false, false };
/* The ids of the rows of l->table that exact value `v` names, added to
 * ids[] (without repeats).  Returns -1 when there are more than
 * MAX_RESOLVED or the lookup failed. */
int lookup_ids(struct builder *b, const struct lookup *l,
               const struct filter_value *v, int64_t *ids, size_t *n)
{
	/* The query is built as a filter condition is, with its own
	 * parameters, so that a pattern gets the same index range.  The
	 * matches it writes look nothing up; the store tells them the
	 * layout (a resource's ARN split or whole). */
	struct builder q = { .s = b->s, .nomem = false };
	buf_init(&q.sql);
	buf_printf(&q.sql, "SELECT id FROM %s WHERE ", l->table);
	size_t p = v->match == FM_PATTERN ? param_like(&q, v->text, false)
	                                  : param_text(&q, v->text);
	for (size_t c = 0; l->columns[c]; c++) {
		buf_puts(&q.sql, c ? " OR " : "");
		lookup_match(&q, l, c, p, v);
	}
	struct where w = { .sql = buf_steal(&q.sql), .nparams = q.nparams,
		           .params = q.params };
	sqlite3_stmt *st = w.sql && !q.nomem ? store_prepare(b->s, w.sql)
	                                     : NULL;
	if (!st || store_where_bind(b->s, &w, st) < 0) {
		sqlite3_finalize(st);
		store_where_free(&w);
		b->failed = true;
		return -1;
	}
	store_where_free(&w);
	int rc, out = 0;
	while (out == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		size_t i = 0;
		while (i < *n && ids[i] != id)
			i++;
		if (i < *n)
			continue;
		if (*n == MAX_RESOLVED)
			out = -1;
		else
			ids[(*n)++] = id;
	}
	if (out == 0 && rc != SQLITE_DONE) {
		store_fail_sql(b->s, _("filter"));
		b->failed = true;
		out = -1;
	}
	sqlite3_finalize(st);
	return out;
}

/* Values written as the ids they name: "e.name = ?N" (or IN a list)
 * lets SQLite walk the (column, time) index in time order and stop
 * after a page, where "IN (SELECT ...)" made it read every match and
 * sort them (2.3 s for event:GetObject at 1M events), and a pattern's
 * subquery over a big dictionary outlasted the page's time walk
 * (key:AKIA* at 10M events: 4.3 s).  Returns false, writing nothing,
 * when the values cannot be resolved so (too many ids, no table to look
 * in). */
static bool resolved_values(struct builder *b, const struct lookup *l,
                            const struct filter_value *const *vals, size_t n)
{
	if (!b->s || !l->table)
		return false;
	int64_t ids[MAX_RESOLVED];
	size_t nids = 0;
	for (size_t i = 0; i < n; i++)
		if ((vals[i]->match == FM_EXACT ||
		     vals[i]->match == FM_PATTERN) &&
		    lookup_ids(b, l, vals[i], ids, &nids) < 0)
			return false;
	if (nids == 0) {
		buf_puts(&b->sql, "0");
		return true;
	}
	/* The partial indexes want IS NOT NULL spelled out. */
	buf_printf(&b->sql, "(%s IS NOT NULL AND %s %s", l->event_column,
	           l->event_column, nids == 1 ? "=" : "IN (");
	for (size_t i = 0; i < nids; i++)
		buf_printf(&b->sql, "%s?%zu", i ? ", " : " ",
		           param_int(b, ids[i]));
	buf_puts(&b->sql, nids == 1 ? ")" : "))");
	return true;
}

/* The values through lookup `l`: as the ids they name when they can be,
 * else as its subquery. */
static void lookup_values(struct builder *b, const struct lookup *l,
                          const struct filter_value *const *vals, size_t n)
{
	if (!resolved_values(b, l, vals, n))
		string_values(b, l, vals, n);
}

static const struct lookup *lookup_for(enum filter_key k)
{
	switch (k) {
	case FK_REGION: return &region_lookup;
	case FK_SERVICE: return &service_lookup;
	case FK_EVENT: return &event_lookup;
	case FK_PRINCIPAL: return &principal_lookup;
	case FK_TYPE: return &type_lookup;
	case FK_KEY: return &key_lookup;
	case FK_IP: return &ip_lookup;
	case FK_ACCOUNT: return &account_lookup;
	case FK_ERROR: return &error_lookup;
	case FK_AGENT: return &agent_lookup;
	default: return NULL;
	}
}

static void or_sep(struct builder *b, bool *first)
{
	buf_puts(&b->sql, *first ? "" : " OR ");
	*first = false;
}

/* Values that stand for a property rather than a string. */
static void special_values(struct builder *b, enum filter_key k,
                           const struct filter_value *const *vals, size_t n,
                           bool *first)
{
	for (size_t i = 0; i < n; i++) {
		const char *sql = NULL;
		if (vals[i]->match == FM_ANY)
			sql = k == FK_REGION ? "e.global = 1"
			                     : "e.error IS NOT NULL";
		else if (vals[i]->match == FM_NONE)
			sql = "e.error IS NULL";
		if (sql) {
			or_sep(b, first);
			buf_puts(&b->sql, sql);
		}
	}
}

static void category_values(struct builder *b,
                            const struct filter_value *const *vals, size_t n)
{
	bool rare = true;
	for (size_t i = 0; i < n; i++)
		rare = rare && vals[i]->category >= CAT_INSIGHT;
	/* Matches the partial index event_by_rare_category word for word. */
	buf_puts(&b->sql, rare ? "e.category >= 2 AND e.category IN ("
	                       : "e.category IN (");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b->sql, "%s?%zu", i ? ", " : "",
		           param_int(b, vals[i]->category));
	buf_puts(&b->sql, ")");
}

/* Whether event IDs are found through the index of their ends. */
static bool ids_by_end(struct builder *b)
{
	return !b->s || store_has_schema(b->s, STORE_SCHEMA_IDS_BY_END);
}

static void id_values(struct builder *b, enum filter_key k,
                      const struct filter_value *const *vals, size_t n)
{
	const char *col = k == FK_ID ? "e.event_id" : "e.request_id";
	for (size_t i = 0; i < n; i++) {
		bool pattern = vals[i]->match == FM_PATTERN;
		buf_puts(&b->sql, i ? " OR " : "");
		if (k == FK_ID && !pattern) {
			/* IDs are written in one case; trying the value as
			 * given, lower and upper keeps the index of their
			 * ends usable (STORE_ID_KEY_4 says why the whole ID is
			 * compared with a unary plus).  A lower-case UUID is
			 * stored packed (ids.c), or as text in a database of
			 * schema 4 read without upgrading it. */
			size_t p = param_text(b, vals[i]->text);
			int e = b->s ? b->s->id_end : 4;
			if (ids_by_end(b))
				buf_printf(&b->sql,
				           "(substr(%s, -%d) IN (substr(?%zu, -%d),"
				           " substr(lower(?%zu), -%d),"
				           " substr(upper(?%zu), -%d),"
				           " substr(tn_id_key(lower(?%zu)), -%d))"
				           " AND +",
				           col, e, p, e, p, e, p, e, p, e);
			buf_printf(&b->sql,
			           "%s IN (?%zu, lower(?%zu), upper(?%zu),"
			           " tn_id_key(lower(?%zu)))%s",
			           col, p, p, p, p, ids_by_end(b) ? ")" : "");
		} else {
			buf_printf(&b->sql,
			           "tn_id_text(%s) LIKE ?%zu ESCAPE '\\'", col,
			           param_like(b, vals[i]->text, !pattern));
		}
	}
}

/* since: (e's time >= ms) or until: (e's time < ms).  Neither matches the
 * events of no known time, whose 0 (or made-up time before 1970) is no
 * time at all.  Indexed by milliseconds (a key of unit 1), the bound is
 * the milliseconds'.  By whole seconds (time_key.c), a bound on a
 * second's start is the key's alone, which an index answers by itself
 * (a count then reads no row); any other bound asks the rows'
 * milliseconds too. */
static void time_bound(struct builder *b, bool since, int64_t ms)
{
	const char *key = store_time_key_sql(b->s);
	int64_t unit = store_time_key_unit(b->s);
	bool exact = ms % unit == 0 && ms >= unit;
	if (unit == 1)
		buf_printf(&b->sql, "e.time_ms > %d AND e.time_ms %s ?%zu",
		           EVENT_TIME_UNKNOWN, since ? ">=" : "<",
		           param_int(b, ms));
	else if (exact && since)
		buf_printf(&b->sql, "%s >= ?%zu", key,
		           param_int(b, store_time_key(b->s, ms)));
	else if (exact)
		buf_printf(&b->sql, "%s < ?%zu AND (%s > 0 OR e.time_ms > %d)",
		           key, param_int(b, store_time_key(b->s, ms)), key,
		           EVENT_TIME_UNKNOWN);
	else {
		size_t key_param = param_int(b, store_time_key(b->s, ms));
		buf_printf(&b->sql, "e.time_ms > %d AND %s %s ?%zu"
		                    " AND e.time_ms %s ?%zu",
		           EVENT_TIME_UNKNOWN, key, since ? ">=" : "<=",
		           key_param, since ? ">=" : "<", param_int(b, ms));
	}
}

static void scalar_values(struct builder *b, enum filter_key k,
                          const struct filter_value *const *vals, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct filter_value *v = vals[i];
		buf_puts(&b->sql, i ? " OR " : "");
		if (k == FK_RO)
			buf_printf(&b->sql, "e.read_only = ?%zu",
			           param_int(b, v->flag ? 1 : 0));
		else if (k == FK_SINCE || k == FK_UNTIL)
			time_bound(b, k == FK_SINCE, k == FK_SINCE ? v->time_lo
			                                           : v->time_hi);
		else
			buf_printf(&b->sql,
			           "tn_record_contains(e.file, e.rec_offset,"
			           " e.rec_length, e.rec_escaped, ?%zu)",
			           param_text(b, v->text));
	}
}

/* The condition that any of `vals` (all of key `k`) holds. */
static void values_condition(struct builder *b, enum filter_key k,
                             const struct filter_value *const *vals, size_t n)
{
	bool first = true;
	buf_puts(&b->sql, "(");
	switch (k) {
	case FK_CAT: category_values(b, vals, n); break;
	case FK_ID:
	case FK_REQUEST: id_values(b, k, vals, n); break;
	case FK_RO:
	case FK_SINCE:
	case FK_UNTIL:
	case FK_TEXT: scalar_values(b, k, vals, n); break;
	default:
		special_values(b, k, vals, n, &first);
		if (has_strings(vals, n) && k == FK_RESOURCE) {
			or_sep(b, &first);
			resource_condition(b, vals, n);
		} else if (has_strings(vals, n)) {
			const struct lookup *l = lookup_for(k);
			or_sep(b, &first);
			lookup_values(b, l, vals, n);
			/* Resolved too: an account no event names is then "0 OR
			 * 0" at once, where the subquery read every event of
			 * 10M (5 to 7 s) to find none. */
			if (k == FK_ACCOUNT) {
				buf_puts(&b->sql, " OR ");
				lookup_values(b, &principal_account_lookup, vals, n);
			}
		}
		if (first)
			buf_puts(&b->sql, "0");
	}
	buf_puts(&b->sql, ")");
}

/* The values of every positive term of key `k`, gathered for one OR. */
static const struct filter_value **positive_values(const struct filter *f,
                                                   enum filter_key k,
                                                   size_t *n)
{
	size_t total = 0;
	for (size_t t = 0; t < f->nterms; t++)
		if (f->terms[t].key == k && !f->terms[t].negated)
			total += f->terms[t].nvalues;
	*n = total;
	if (!total)
		return NULL;
	const struct filter_value **v = malloc(total * sizeof *v);
	if (!v)
		return NULL;
	size_t i = 0;
	for (size_t t = 0; t < f->nterms; t++)
		if (f->terms[t].key == k && !f->terms[t].negated)
			for (size_t j = 0; j < f->terms[t].nvalues; j++)
				v[i++] = &f->terms[t].values[j];
	return v;
}

static void and_sep(struct builder *b)
{
	if (b->sql.len)
		buf_puts(&b->sql, " AND ");
}

static void term_condition(struct builder *b, const struct filter_term *t)
{
	const struct filter_value **v = malloc(t->nvalues * sizeof *v);
	if (!v) {
		b->nomem = true;
		return;
	}
	for (size_t j = 0; j < t->nvalues; j++)
		v[j] = &t->values[j];
	and_sep(b);
	/* NULL (unknown) counts as "does not match" under NOT, too. */
	buf_puts(&b->sql, t->negated ? "NOT coalesce(" : "");
	values_condition(b, t->key, v, t->nvalues);
	buf_puts(&b->sql, t->negated ? ", 0)" : "");
	free(v);
}

/* Keys whose positive terms OR together.  Bare words are not among them:
 * several words must all be found, as in any search box. */
static void key_conditions(struct builder *b, const struct filter *f,
                           enum filter_key k)
{
	size_t n = 0;
	const struct filter_value **v = positive_values(f, k, &n);
	if (n && !v) {
		b->nomem = true;
		return;
	}
	if (n) {
		and_sep(b);
		values_condition(b, k, v, n);
	}
	free(v);
	for (size_t t = 0; t < f->nterms; t++)
		if (f->terms[t].key == k && f->terms[t].negated)
			term_condition(b, &f->terms[t]);
}

static bool among(enum filter_key k, const enum filter_key *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (keys[i] == k)
			return true;
	return false;
}

/* The condition of every key not among `keys`, bare words last. */
static void rest_condition(struct builder *b, const struct filter *f,
                           const enum filter_key *keys, size_t nkeys)
{
	buf_init(&b->sql);
	for (int k = 0; f && k < FK_COUNT_; k++)
		if (k != FK_TEXT && !among((enum filter_key)k, keys, nkeys))
			key_conditions(b, f, (enum filter_key)k);
	for (size_t t = 0; f && t < f->nterms; t++)
		if (f->terms[t].key == FK_TEXT)
			term_condition(b, &f->terms[t]);
	if (!b->sql.len)
		buf_puts(&b->sql, "1");
}

static bool has_key(const struct filter *f, enum filter_key k)
{
	for (size_t t = 0; f && t < f->nterms; t++)
		if (f->terms[t].key == k)
			return true;
	return false;
}

/* The walk form of the condition b holds, that of every key not among
 * `keys` (see struct where), written again with the same values, so
 * with the same parameters in the same order; NULL when it is the same
 * or cannot be had. */
static char *walk_condition(struct builder *b, const struct filter *f,
                            const enum filter_key *keys, size_t nkeys)
{
	if (!has_key(f, FK_RESOURCE) || among(FK_RESOURCE, keys, nkeys) ||
	    b->nomem || b->failed)
		return NULL;
	struct builder walk = { .s = b->s, .walk = true };
	rest_condition(&walk, f, keys, nkeys);
	char *sql = buf_steal(&walk.sql);
	bool same_params = walk.nparams == b->nparams;
	for (size_t i = 0; i < walk.nparams; i++)
		free(walk.params[i].own);
	free(walk.params);
	b->nomem = b->nomem || walk.nomem || !sql;
	b->failed = b->failed || walk.failed;
	if (same_params && !walk.nomem && !walk.failed)
		return sql;
	free(sql);
	return NULL;
}

int store_where(struct store *s, const struct filter *f, struct where *w)
{
	struct builder b = { .s = s, .nomem = false };
	rest_condition(&b, f, NULL, 0);
	w->walk_sql = walk_condition(&b, f, NULL, 0);
	w->prefer_walk = false;
	w->params = b.params;
	w->nparams = b.nparams;
	w->sql = buf_steal(&b.sql);
	if (!w->sql || b.nomem || b.failed) {
		store_where_free(w);
		return b.failed ? -1 : store_fail(s, "%s", _("out of memory"));
	}
	return 0;
}


int store_where_split(struct store *s, const struct filter *f,
                      const enum filter_key *keys, size_t nkeys,
                      struct where *rest, char **key_sql)
{
	struct builder b = { .s = s, .nomem = false };
	rest_condition(&b, f, keys, nkeys);
	rest->sql = buf_steal(&b.sql);
	/* Rest's parameters come first in the one list, so its walk form
	 * (written before the keys' own) has the same ones. */
	rest->walk_sql = walk_condition(&b, f, keys, nkeys);
	rest->prefer_walk = rest->walk_sql && resources_wide(s, f);
	/* Each key's condition goes to its own text, its parameters on in
	 * the one list, so that all of them fit in one statement. */
	for (size_t i = 0; i < nkeys; i++) {
		buf_init(&b.sql);
		if (f)
			key_conditions(&b, f, keys[i]);
		if (!b.sql.len)
			buf_puts(&b.sql, "1");
		key_sql[i] = buf_steal(&b.sql);
		b.nomem = b.nomem || !key_sql[i];
	}
	rest->params = b.params;
	rest->nparams = b.nparams;
	if (!rest->sql || b.nomem || b.failed) {
		store_where_free(rest);
		for (size_t i = 0; i < nkeys; i++) {
			free(key_sql[i]);
			key_sql[i] = NULL;
		}
		return b.failed ? -1 : store_fail(s, "%s", _("out of memory"));
	}
	return 0;
}

char *store_where_key_append(struct store *s, const struct filter *f,
                             enum filter_key key, struct where *w)
{
	size_t n = 0;
	const struct filter_value **v = f ? positive_values(f, key, &n) : NULL;
	if (!n || !v) {
		free(v);
		if (n)
			store_fail(s, "%s", _("out of memory"));
		return NULL;
	}
	/* Numbered on from w's parameters, so one statement binds both. */
	struct builder b = { .s = s, .nparams = w->nparams, .cap = w->nparams,
		             .params = w->params };
	buf_init(&b.sql);
	values_condition(&b, key, v, n);
	free(v);
	w->params = b.params;
	w->nparams = b.nparams;
	char *sql = buf_steal(&b.sql);
	if (!sql || b.nomem || b.failed) {
		free(sql);
		if (!b.failed)
			store_fail(s, "%s", _("out of memory"));
		return NULL;
	}
	return sql;
}

void store_where_free(struct where *w)
{
	for (size_t i = 0; i < w->nparams; i++)
		free(w->params[i].own);
	free(w->params);
	free(w->sql);
	free(w->walk_sql);
	memset(w, 0, sizeof *w);
}

int store_where_bind(struct store *s, const struct where *w,
                     sqlite3_stmt *st)
{
	for (size_t i = 0; i < w->nparams; i++) {
		const struct where_param *p = &w->params[i];
		int idx = (int)i + 1;
		int rc = p->is_text ? sqlite3_bind_text(st, idx, p->text, -1,
		                                        SQLITE_TRANSIENT)
		                    : sqlite3_bind_int64(st, idx, p->integer);
		if (rc != SQLITE_OK)
			return store_fail_sql(s, _("filter"));
	}
	return 0;
}
