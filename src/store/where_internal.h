/* where_internal.h - what the parts of the filter compiler share.
 *
 * where.c compiles a filter to a condition, a key at a time, most keys
 * through a lookup of their values in a dictionary-like table;
 * where_param.c keeps the condition's parameters and writes a value's
 * comparison with a column; where_resource.c writes resource: terms,
 * whose events the layout of the database decides how to find.
 */
#ifndef TRAILNAV_STORE_WHERE_INTERNAL_H
#define TRAILNAV_STORE_WHERE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filter/filter.h"
#include "store/internal.h"
#include "util/buf.h"

/* A condition being written, with its parameters. */
struct builder {
	struct store *s; /* for looking values up; NULL: never */
	struct buf sql;
	size_t nparams, cap;
	struct where_param *params;
	bool nomem;
	bool failed; /* a lookup failed (store_errmsg says why) */
	bool walk;   /* writing the walk form (struct where's walk_sql) */
};

/* where_param.c: a parameter added, its number for ?N (1 on); 0 when out
 * of memory (b->nomem is then set). */
size_t param_text(struct builder *b, const char *text);
size_t param_int(struct builder *b, int64_t v);
/* A text parameter the filter owns from now on (freed with it). */
size_t param_owned(struct builder *b, char *own);
/* A filter pattern ('*' wildcards) as a LIKE pattern; with `literal`,
 * '*' is kept as a character. */
size_t param_like(struct builder *b, const char *text, bool literal);
/* The range [*lo, *hi) of NOCASE-ordered strings that a pattern's
 * literal prefix allows (both malloc'd); false when it has none. */
bool prefix_range(const char *text, char **lo, char **hi);
/* One value, parameter ?n, against one text column (see there). */
void match_column(struct builder *b, const char *col, size_t n,
                  const char *text, enum filter_match m, bool ranged);

/* A key answered by looking its values up in a dictionary-like table. */
struct lookup {
	const char *head;         /* "e.region IN (SELECT id FROM region WHERE " */
	const char *tail;         /* ")" */
	const char *columns[6];   /* text columns of the table to match */
	/* For exact values: the event column and the table whose ids it
	 * holds, so the ids can be looked up first (see resolved_values);
	 * NULL when they cannot. */
	const char *event_column, *table;
	/* Every column in `columns` has an index in NOCASE order. */
	bool nocase_indexed;
	/* The column "arn" is a resource's, split into a prefix and a name
	 * since schema 11 (match_resource_arn()). */
	bool split_arn;
};

/* where.c: "head v1 on any column OR v2 on any column ... tail" over the
 * values that are strings; value `v`, its parameter ?p, against column
 * c of lookup l. */
void string_values(struct builder *b, const struct lookup *l,
                   const struct filter_value *const *vals, size_t n);
void lookup_match(struct builder *b, const struct lookup *l, size_t c,
                  size_t p, const struct filter_value *v);
/* Up to this many ids are written into the condition; more (a wide
 * pattern, a principal type) stay a subquery. */
#define MAX_RESOLVED 1024
/* The ids of the rows of l->table that value `v` names, added to ids[]
 * (without repeats).  Returns -1 when there are more than MAX_RESOLVED
 * or the lookup failed (b->failed is then set). */
int lookup_ids(struct builder *b, const struct lookup *l,
               const struct filter_value *v, int64_t *ids, size_t *n);

/* where_resource.c: one value against a resource's ARN, kept as a
 * prefix and a name. */
void match_resource_arn(struct builder *b, size_t n, const char *text,
                        enum filter_match m);
/* resource: with values `vals` (some of them strings), in the form
 * b->walk says. */
void resource_condition(struct builder *b,
                        const struct filter_value *const *vals, size_t n);
/* Whether f's resource terms match more events than are worth
 * gathering. */
bool resources_wide(struct store *s, const struct filter *f);

#endif
