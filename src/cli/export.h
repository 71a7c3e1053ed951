/* export.h - the events a filter matches, written out in one of the
 * formats of `trailnav query` (SPEC section 1): an aligned table, CSV,
 * a JSON array of the original records, or NDJSON.
 *
 * A library call, so that the browser's export key writes exactly what
 * `query` prints.  Events are read a page at a time through store_page():
 * memory stays flat whatever the number of events.
 */
#ifndef TRAILNAV_CLI_EXPORT_H
#define TRAILNAV_CLI_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/columns.h"
#include "filter/filter.h"
#include "util/buf.h"
#include "store/store.h"

enum export_format {
	EXPORT_TABLE,
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_NDJSON,
	EXPORT_FORMAT_COUNT_
};

/* "table", "csv", "json", "ndjson". */
const char *export_format_name(enum export_format f);
int export_format_parse(const char *name, enum export_format *f);

struct export_options {
	enum export_format format;
	/* table and csv; n == 0: the browser's list columns for a table,
	 * every column for CSV. */
	struct column_list columns;
	size_t width;               /* table: the width to fit (table.h) */
	/* The output is a terminal: JSON records are made inert
	 * (json_terminal_safe) instead of byte for byte. */
	bool terminal;
	enum store_direction order; /* STORE_OLDER: newest first */
	/* At most `limit` events when `limited` (0: none; a table or CSV
	 * is then its header alone); every matching one when not, as a
	 * zeroed struct says. */
	bool limited;
	size_t limit;
};

struct export_result {
	size_t written; /* events written */
	bool more;      /* the limit left matching events out */
};

/* Writes the events matching `f` (NULL: all) to `out`.
 *
 * CSV (RFC 4180): a header line, CRLF line ends, fields with '"' or ','
 * quoted with '"' doubled; cells escaped as in the table (no control
 * character is ever written raw, so no field holds a line break); a cell
 * whose text begins with '=', '+', '-', '@', tab or CR gets a leading '\''
 * so that a spreadsheet does not run it as a formula.
 * JSON: "[", the original records byte for byte separated by ",\n", "]".
 * NDJSON: one record per line: byte for byte when the stored record is on
 * one line (as AWS writes them); a pretty-printed one with the whitespace
 * between its tokens removed.
 *
 * Returns 0, or -1 with the reason in `err`. */
int export_events(struct store *s, const struct filter *f, FILE *out,
                  const struct export_options *o, struct export_result *res,
                  char *err, size_t errlen);

/* One CSV field, as export_events writes it, appended to `out`. */
void export_csv_field(struct buf *out, const char *raw);

#endif
