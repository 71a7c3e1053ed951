/* pure.h - the parts of the browser that know nothing of curses or of the
 * store, so the unit tests can drive them: the record pretty-printer with
 * folding, the "what was acted on" summary, filter text composed from
 * facet selections, column fitting, and the clipboard's escape
 * sequence. */
#ifndef TRAILNAV_UI_PURE_H
#define TRAILNAV_UI_PURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filter/filter.h"
#include "util/buf.h"

/* ---- pretty.c: a record as indented, foldable lines ---------------------- */

enum pretty_kind { PK_OBJECT, PK_ARRAY, PK_STRING, PK_NUMBER, PK_LITERAL };

struct pretty;

/* Parses one JSON value (a CloudTrail record).  Text that is not JSON
 * becomes a single string line, so something is always shown.  NULL only
 * when out of memory. */
struct pretty *pretty_parse(const char *json, size_t len);
void pretty_free(struct pretty *p);

/* The number of lines currently visible (folded contents hidden). */
size_t pretty_count(const struct pretty *p);

/* What a segment of a line is, for colouring. */
enum pretty_role { PR_PUNCT, PR_KEY, PR_STRING, PR_NUMBER, PR_LITERAL };
struct pretty_seg {
	size_t start, end; /* byte span in the line's text */
	enum pretty_role role;
};

/* Line `i` as display text (record strings escaped with fmt_escape, so
 * safe for the terminal), appended to `out`, with up to 4 segments.
 * Returns the number of segments. */
size_t pretty_line(const struct pretty *p, size_t i, struct buf *out,
                   struct pretty_seg segs[4]);

/* Folds or unfolds the object or array that line `i` opens or closes.
 * Returns the line where that container now starts (the cursor goes
 * there), or `i` when the line is a plain value. */
size_t pretty_toggle(struct pretty *p, size_t i);

/* The key and decoded value of the scalar at line `i`, and the key of its
 * parent object (NULL where there is none).  Returns false for a
 * container's line. */
bool pretty_scalar(const struct pretty *p, size_t i, const char **key,
                   const char **value, const char **parent_key);

/* The decoded value of a scalar found by a dotted path from the root
 * ("requestParameters.bucketName", numbers index arrays:
 * "resources.0.ARN"), or NULL.  It ends at a NUL the value holds;
 * pretty_get_len() gives the whole length too. */
const char *pretty_get(const struct pretty *p, const char *path);
const char *pretty_get_len(const struct pretty *p, const char *path,
                           size_t *len);

/* ---- summary.c ----------------------------------------------------------- */

/* One line saying what the event acted on ("GetObject: bucket b, object
 * k"), from requestParameters, responseElements and resources.  Appended
 * unescaped: record text, to go through fmt_escape before drawing. */
void summary_line(const struct pretty *p, struct buf *out);

/* ---- compose.c: filter text from facet choices --------------------------- */

/* True when `value` (as a facet writes it) is one of the values of a
 * positive `key` term of `f`. */
bool compose_selected(const struct filter *f, enum filter_key key,
                      const char *value);

/* The filter text of `f` with `value` of `key` toggled: added to the
 * values of its positive `key` terms (one term, OR) or removed from them.
 * Other terms are kept as they are.  malloc'd; NULL on no memory. */
char *compose_toggle(const struct filter *f, enum filter_key key,
                     const char *value);

/* The filter text of `f` with its positive `key` terms replaced by
 * key:value (a bare word for FK_TEXT): a pivot.  malloc'd. */
char *compose_set(const struct filter *f, enum filter_key key,
                  const char *value);

/* The filter text of `f` with its time terms replaced by the interval
 * [lo_ms, hi_ms) written to the second.  malloc'd. */
char *compose_time(const struct filter *f, int64_t lo_ms, int64_t hi_ms);

/* ---- columns.c ----------------------------------------------------------- */

struct column {
	int min, pref;   /* columns wanted: at least, and ideally */
	int priority;    /* 0 most important: dropped last */
	bool flex;       /* takes what is left over */
	bool grow_last;  /* kept at its minimum until the others are at
	                    their preferred widths */
};

/* Widths for `n` columns sharing `width` with one space between each:
 * the least important columns are dropped (width 0) until the rest fit at
 * their minimum, then widths grow toward `pref` by importance (those that
 * grow last, last), and what is left goes to the flexible ones.  Returns the number of columns kept. */
size_t columns_fit(const struct column *cols, size_t n, int width,
                   int *widths);

/* ---- clipboard.c: OSC 52 ------------------------------------------------- */

/* Appends `len` bytes of `data` in base64 (RFC 4648, with padding). */
void base64_encode(struct buf *out, const void *data, size_t len);

/* False when `text` holds a control character other than newline and
 * tab (C0, DEL, or a C1 in UTF-8): such text, pasted into a terminal,
 * could end a bracketed paste and run what follows, so it is not put on
 * the clipboard.  Nor is text the screen shows escaped otherwise (a
 * bidirectional control, bytes that are not UTF-8), so that what is
 * copied is what was shown. */
bool clipboard_safe(const char *text, size_t len);

/* Appends ESC ] 52 ; c ; <base64 of text> BEL: "set the clipboard". */
void osc52_sequence(struct buf *out, const char *text, size_t len);

/* Appends `seq` wrapped in tmux's passthrough sequence: ESC P tmux ;
 * then `seq` with every ESC doubled, then ESC \. */
void osc52_tmux_wrap(struct buf *out, const char *seq, size_t len);

/* What to write to the terminal to copy `text`: the OSC 52 sequence
 * and, when `tmux` (running inside tmux), the same again wrapped for
 * tmux's passthrough.  A failed allocation leaves `out` failed. */
void osc52_copy(struct buf *out, const char *text, size_t len, bool tmux);

#endif
