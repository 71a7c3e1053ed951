/* curses.h - the one place the browser includes curses, wide-character
 * build (ncursesw) asked for explicitly. */
#ifndef TRAILNAV_UI_CURSES_H
#define TRAILNAV_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
