/* equivalent.h - a filter (filter.h) as the same question asked where the
 * data outgrows one machine: an Amazon Athena query over the CloudTrail
 * table AWS documents (partition projection), a CloudTrail Lake query, or
 * `aws cloudtrail lookup-events` command lines.
 *
 * Pure text generation, no I/O: `trailnav equivalent` prints it and the
 * browser shows it.  What a target cannot express is never dropped
 * silently: each such part gets a note, written into the output as a
 * comment line and handed back separately for stderr or a status line.
 */
#ifndef TRAILNAV_CLI_EQUIVALENT_H
#define TRAILNAV_CLI_EQUIVALENT_H

#include "filter/filter.h"
#include "util/buf.h"

enum equiv_target {
	EQUIV_ATHENA,
	EQUIV_LAKE,
	EQUIV_CLI,
	EQUIV_TARGET_COUNT_
};

/* "athena", "lake", "cli". */
const char *equiv_target_name(enum equiv_target t);
int equiv_target_parse(const char *name, enum equiv_target *t);

/* Appends the equivalent of `f` for `t` to `out`: comment lines ("-- "
 * for SQL, "# " for the shell) then the query or commands, each line
 * ending in '\n'.  Each note about what `t` cannot express (or expresses
 * only approximately) is also appended to `notes`, one per line, without
 * the comment marker.  Values are quoted for the target: SQL string
 * literals with '' doubled, shell words in single quotes.  Returns 0, or
 * -1 when out of memory. */
int equivalent(const struct filter *f, enum equiv_target t, struct buf *out,
               struct buf *notes);

#endif
