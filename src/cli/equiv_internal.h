/* equiv_internal.h - what the equivalent generators share; only
 * equivalent.c, equiv_sql.c and equiv_cli.c include this. */
#ifndef TRAILNAV_CLI_EQUIV_INTERNAL_H
#define TRAILNAV_CLI_EQUIV_INTERNAL_H

#include <stdint.h>

#include "cli/equivalent.h"

struct equiv_out {
	struct buf *out, *notes;
	const char *comment; /* "-- " or "# " */
};

/* A note: "<comment>text\n" into out, "text\n" into notes. */
void equiv_note(struct equiv_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A term as the user wrote it (canonical text), for notes; malloc'd,
 * NULL when out of memory. */
char *equiv_term_text(const struct filter_term *t);

/* 'text' with every ' doubled; a control character (C0, DEL, C1) as
 * chr(N), the whole then ('a' || chr(10) || 'b'). */
void equiv_sql_literal(struct buf *b, const char *s);

/* The word as the shell reads it back: as is when it holds only safe
 * characters, else in single quotes with ' written '\''. */
void equiv_shell_word(struct buf *b, const char *s);

/* Epoch milliseconds as "YYYY-MM-DD<sep>HH:MM:SS" (UTC) followed by
 * `suffix`; the date alone as "YYYY/MM/DD" with `date_only`. */
void equiv_time(struct buf *b, int64_t ms, char sep, const char *suffix);
void equiv_day(struct buf *b, int64_t ms);

int equiv_sql(const struct filter *f, enum equiv_target t,
              struct equiv_out *o);
int equiv_cli(const struct filter *f, struct equiv_out *o);

#endif
