/* fit_label.h - a facet value's label cut to a column so that labels
 * told apart stay apart (store_facet_tell_apart()). */
#ifndef TRAILNAV_UTIL_FIT_LABEL_H
#define TRAILNAV_UTIL_FIT_LABEL_H

#include <stddef.h>

#include "util/buf.h"

/* Appends `label` (escaped already) cut or padded to exactly `width`
 * columns, as fmt_fit() does, except:
 * - "NAME (111122223333)", a name told apart by its account, is cut in
 *   the name: the account is what tells it apart.  When that would leave
 *   the name fewer than 8 columns, the account is shortened to its last
 *   four digits, "NAME (…3333)";
 * - an ARN (a label told apart by its whole value) is cut at its start:
 *   its end names the thing ("…:user/team/bob"). */
void fmt_fit_label(struct buf *out, const char *label, size_t width);

#endif
