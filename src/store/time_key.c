/* time_key.c - the time by which the indexes of the events order them.
 *
 * Since schema 14 the time index and the seven lookup indexes hold whole
 * seconds, time_ms/1000, where they held the milliseconds: SQLite stores
 * a time in seconds in 4 bytes until 2038 and one in milliseconds in 6,
 * and those eight times were 2 bytes an event each on the 1M bench trail
 * (schema.c, version 14).  The row keeps its milliseconds.
 *
 * Pages, searches and counts order by (key, id) and find a span of time
 * through the key, with the milliseconds asked of the rows only where
 * the key alone would not be exact.  CloudTrail writes eventTime to the
 * second, so the order is the order by time; an event of some other
 * source whose time has milliseconds comes, within its second, in the
 * order it was imported.
 *
 * A read-only open of an older database keeps its indexes of
 * milliseconds, and the key is then the milliseconds themselves.
 * SQLite's integer division truncates toward zero, as C's does, so the
 * key of a time is the same in a statement and in the code that binds
 * it; truncation keeps the order of times, which is all a key needs.
 */
#include <config.h>

#include "store/internal.h"

static bool in_seconds(struct store *s)
{
	return store_has_schema(s, STORE_SCHEMA_TIME_SECONDS);
}

const char *store_time_key_sql(struct store *s)
{
	return in_seconds(s) ? "e.time_ms/1000" : "e.time_ms";
}

int64_t store_time_key_unit(struct store *s)
{
	return in_seconds(s) ? 1000 : 1;
}

int64_t store_time_key(struct store *s, int64_t ms)
{
	return ms / store_time_key_unit(s);
}

void store_time_range_sql(struct store *s, struct buf *b, const char *lo,
                          const char *hi)
{
	if (!in_seconds(s)) {
		buf_printf(b, "e.time_ms >= %s AND e.time_ms < %s", lo, hi);
		return;
	}
	/* The keys bound the walk of the index, the milliseconds decide. */
	buf_printf(b,
	           "e.time_ms/1000 >= (%s)/1000 AND e.time_ms/1000 <= (%s)/1000"
	           " AND e.time_ms >= %s AND e.time_ms < %s",
	           lo, hi, lo, hi);
}

void store_time_after_sql(struct store *s, struct buf *b, bool older,
                          size_t key_param, size_t id_param)
{
	const char *key = store_time_key_sql(s);
	/* The row value alone would not bound a walk of an index of an
	 * expression: SQLite splits it into ranges on columns only. */
	buf_printf(b, "%s %s ?%zu AND (%s, e.id) %s (?%zu, ?%zu)", key,
	           older ? "<=" : ">=", key_param, key, older ? "<" : ">",
	           key_param, id_param);
}

void store_time_order_sql(struct store *s, struct buf *b, bool older)
{
	const char *order = older ? "DESC" : "ASC";
	buf_printf(b, " ORDER BY %s %s, e.id %s", store_time_key_sql(s), order,
	           order);
}
