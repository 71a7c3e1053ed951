/* ui.h - the curses browser (SPEC section 4). */
#ifndef TRAILNAV_UI_H
#define TRAILNAV_UI_H

#include <stdbool.h>
#include <stdio.h>

/* Asked between keys whether the browser should close by itself: true
 * closes it as a quit would.  `trailnav PATH` closes it when the import
 * beside it could import nothing, so that the person sees why rather than
 * an empty browser.  `note` (may be NULL) gives a line to show once in the
 * status line, or NULL: what the import ended with, when that is news. */
struct ui_close_check {
	bool (*now)(void *ctx);
	const char *(*note)(void *ctx);
	void *ctx;
};

/* Browses the database at `db_path` on the terminal until the user quits
 * or `close_check` (which may be NULL) says to.  A database that does not
 * exist yet is created (empty: the welcome screen).  Returns a process
 * exit status: 0 after a normal quit, 130 after Ctrl-C (which ends it as
 * q does), 2 when the database or the terminal could not be opened
 * (reported on stderr). */
int ui_browse(const char *db_path, const struct ui_close_check *close_check);

/* Every key of the browser, from the table it dispatches on, untranslated:
 * as roff for the manual page (`roff`), else as "KEYS<TAB>HELP" lines
 * under each scope's heading. */
void ui_print_keys(FILE *out, bool roff);

#endif
