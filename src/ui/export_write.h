/* export_write.h - every event of a filter written as `trailnav query
 * --format FORMAT` prints them (export_events), for the `e` key. */
#ifndef TRAILNAV_UI_EXPORT_WRITE_H
#define TRAILNAV_UI_EXPORT_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "filter/filter.h"
#include "store/store.h"

/* `format`: "csv", "json" or "ndjson" (or "table").  Events in the
 * list's order.  Sets *written; returns 0, or -1 with the reason in
 * `err`. */
int export_write(struct store *s, const struct filter *f, FILE *out,
                 const char *format, bool newest_first, size_t *written,
                 char *err, size_t errlen);

#endif
