/* delivery_order.h - the files of an import in the order CloudTrail
 * delivered them (see delivery_order.c). */
#ifndef TRAILNAV_IMPORT_DELIVERY_ORDER_H
#define TRAILNAV_IMPORT_DELIVERY_ORDER_H

#include <stddef.h>
#include <stdint.h>

#include "import/walk.h"

/* Sorts `files` by the delivery time in their names, stably; files whose
 * names hold none come first.  -1 when out of memory (`files` as it was). */
int import_order_by_delivery(const struct walk_file **files, size_t n);

#endif
