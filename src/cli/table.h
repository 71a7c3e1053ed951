/* table.h - events as an aligned text table for a person at a terminal.
 *
 * Rows stream: the first TABLE_SAMPLE rows are held to choose column
 * widths, then every row is printed as it comes.  Every line fits the
 * width (cells are cut with an ellipsis, never wrapped), and every cell is
 * escaped (format.h): record text never reaches the terminal raw.
 */
#ifndef TRAILNAV_CLI_TABLE_H
#define TRAILNAV_CLI_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "cli/columns.h"
#include "store/store.h"

#define TABLE_SAMPLE 200

struct table;

/* The width to fit: the terminal's (TIOCGWINSZ) when `out` is one, else
 * $COLUMNS when it holds a positive number, else 80. */
size_t table_width_for(FILE *out);

/* NULL when out of memory. */
struct table *table_new(FILE *out, const struct column_list *cols,
                        size_t width);
/* 0, or -1 when out of memory. */
int table_add(struct table *t, const struct store_row *r);
/* Prints what is held, and frees the table.  The header is printed even
 * with no rows. */
int table_end(struct table *t);

#endif
