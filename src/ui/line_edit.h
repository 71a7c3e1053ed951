/* line_edit.h - one line of text a person types: the filter line and the
 * export dialog's path.  Wide characters that grow as typed (however
 * long: a filter of many values runs to thousands of characters, and a
 * fixed size once dropped keys without a word), a cursor, the editing
 * keys both share, and the part of the line a field of given width shows
 * with the cursor in it.  No curses here but its key codes.
 */
#ifndef TRAILNAV_UI_LINE_EDIT_H
#define TRAILNAV_UI_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct line_edit {
	wchar_t *text; /* L'\0'-terminated; NULL when out of memory */
	size_t len, pos, cap;
};

void line_edit_free(struct line_edit *l);

/* Replaces the text with UTF-8 `s`, the cursor at its end.  Text that is
 * not valid in the locale, or no memory, leaves the line empty. */
void line_edit_set(struct line_edit *l, const char *s);

/* Characters [from, to) as UTF-8 (malloc'd; NULL when out of memory). */
char *line_edit_utf8(const struct line_edit *l, size_t from, size_t to);

/* Makes room for `n` characters and the terminator.  False when out of
 * memory (the text is kept as it was). */
bool line_edit_reserve(struct line_edit *l, size_t n);

/* Display columns of characters [from, to). */
int line_edit_cols(const struct line_edit *l, size_t from, size_t to);

/* The first character a field `avail` columns wide shows so that the
 * cursor is in it: characters are dropped from the left until what lies
 * between them and the cursor fits (one pass: the field is redrawn at
 * every key).  When any are dropped, the field's first column is left
 * for a "…" that says so (draw_line_edit()). */
size_t line_edit_first_shown(const struct line_edit *l, int avail);

enum line_edit_answer {
	LINE_EDIT_OTHER, /* not an editing key: the caller's */
	LINE_EDIT_DONE,  /* handled (the line may or may not have changed) */
	LINE_EDIT_NOMEM  /* a character that did not fit in memory */
};

/* The editing keys, as get_wch() gives them (`is_key`: a KEY_ code):
 * Left, Right, Home, End, Backspace, Delete, ^A, ^E, ^H, ^K (to the
 * end), ^U (to the start), ^W (the word before the cursor), and any
 * printable character, inserted at the cursor. */
enum line_edit_answer line_edit_key(struct line_edit *l, int is_key,
                                    wint_t ch);

#endif
