/* format.h - making record text safe and aligned for a terminal.
 *
 * Record strings are written by whoever called AWS: a user agent can hold
 * an escape sequence that retitles the terminal or writes the clipboard.
 * Nothing from a record is printed without going through here.
 */
#ifndef TRAILNAV_UTIL_FORMAT_H
#define TRAILNAV_UTIL_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* Appends `s` to `out` with every control character and every byte that is
 * not valid UTF-8 shown visibly (\e, \n, \t, \xNN, \u009b, ...), and so
 * are the invisible characters that hide in, reorder or break the text
 * around them: Unicode's format characters (category Cf: the
 * bidirectional controls, zero width space and joiners, soft hyphen,
 * BOM, tag characters, ...) and the line and paragraph separators
 * (\u202e, \u200b, \u2028, ...; past U+FFFF as two \u escapes, the
 * UTF-16 surrogates).  C0 80, which stands for a NUL in a
 * record's value (model/event.h), is shown as \x00. */
void fmt_escape(struct buf *out, const char *s);

/* The same for text drawn between double quotes (a JSON string in the
 * detail pane): a '"' in it is shown as \", so that record text cannot
 * close the quotes and pass for more of the record. */
void fmt_escape_quoted(struct buf *out, const char *s);
/* The same for s[0..len), which may hold NUL bytes (a decoded \u0000),
 * shown as \u0000. */
void fmt_escape_quoted_len(struct buf *out, const char *s, size_t len);

/* The same, but a backslash stays one backslash: for text the user
 * typed, such as a filter with quoted values, where doubling it would
 * show something other than what was typed. */
void fmt_escape_controls(struct buf *out, const char *s);

/* True when fmt_escape_controls() would show s[0..len) other than as it
 * is: it holds a control or invisible character (a NUL included), or
 * bytes that are not UTF-8. */
bool fmt_needs_escape(const char *s, size_t len);

/* The number of terminal columns `s` takes (wide characters count two,
 * combining ones zero).  `s` must already be escaped. */
size_t fmt_width(const char *s);

/* Appends `s` (escaped already) cut or padded to exactly `width` columns;
 * a cut string ends in "…" (or "~" without UTF-8). */
void fmt_fit(struct buf *out, const char *s, size_t width, int right_align);
/* What marks a cut: "…", or "~" without UTF-8.  One column. */
const char *fmt_ellipsis(void);
/* The byte offset in `s` of the first whole character at or after display
 * column `cols` (a wide character that the column cuts is left out too,
 * and so are combining marks there);
 * strlen(s) when the text is narrower. */
size_t fmt_skip(const char *s, size_t cols);

/* Where the first row of `s` (escaped already) ends when it is wrapped
 * at `width` columns: the byte offset of the last space that leaves the
 * row within the width, or where the width ends when the row has no
 * space; strlen(s) when it all fits.  At least one character is taken,
 * however narrow the width.  The next row starts after the spaces
 * there. */
size_t fmt_wrap(const char *s, size_t width);

/* "2024-05-01 08:54:59" (UTC) for epoch milliseconds. */
void fmt_time(char out[24], int64_t ms);

/* "2024-05-01T08:54:59Z" for epoch milliseconds, as filters write it. */
void fmt_time_iso(char out[24], int64_t ms);

/* "1,234,567": a count grouped by thousands for reading. */
void fmt_count(char out[32], int64_t n);

/* "REASON (96 MiB)": a reason for refusing something over a size limit,
 * with the limit (in MiB, KiB or B, whichever is whole), so that the
 * person knows how far over they are.  The text lives in a buffer of the
 * calling thread's (import workers refuse files at once) until its next
 * call. */
const char *fmt_over_limit(const char *reason, size_t limit);

#endif
