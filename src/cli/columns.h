/* columns.h - the columns `query` prints and exports: their names (as
 * --columns takes them), and each event's cell text.
 *
 * The names follow the browser's list columns and the filter keys, so a
 * person who filters on `ip:` asks for the `ip` column.
 */
#ifndef TRAILNAV_CLI_COLUMNS_H
#define TRAILNAV_CLI_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

enum column {
	COL_TIME,
	COL_CATEGORY,
	COL_REGION,
	COL_SERVICE,
	COL_EVENT,
	COL_PRINCIPAL,
	COL_ARN,
	COL_TYPE,
	COL_KEY,
	COL_ACCOUNT,
	COL_IP,
	COL_ERROR,
	COL_RO,
	COL_AGENT,
	COL_ID,
	COL_REQUEST,
	COL_COUNT_
};

#define COLUMNS_MAX 32 /* a list may name a column more than once */

struct column_list {
	size_t n;
	enum column col[COLUMNS_MAX];
};

/* The column's name ("time", "event", ...). */
const char *column_name(enum column c);

/* Parses "time,event,ip" into `out`.  On an unknown name returns -1 and
 * points *bad at it (inside `text`), with *badlen its length. */
int columns_parse(const char *text, struct column_list *out,
                  const char **bad, size_t *badlen);

/* The default columns: the browser's list for a table, every column for
 * CSV. */
void columns_default_table(struct column_list *out);
void columns_default_all(struct column_list *out);

/* The raw (unescaped) text of one cell: "" when the event lacks it.
 * `brief` is the table's form (service without ".amazonaws.com", time
 * without the 'T'); otherwise times are ISO 8601 UTC ("...Z").  The result
 * points into the row or into `tmp`. */
const char *column_cell(const struct store_row *r, enum column c, bool brief,
                        char tmp[40]);

#endif
