/* internal.h - what the browser's files share: the application state and
 * each pane's entry points.  Nothing outside src/ui includes this.
 *
 * The state is one struct app.  Every change of filter goes through
 * app_set_filter(), which recounts what depends on the filter (count,
 * facets, histogram) and restarts the list; cursor moves only page the
 * list and load one record, so keys stay fast on big databases.
 */
#ifndef TRAILNAV_UI_INTERNAL_H
#define TRAILNAV_UI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "filter/filter.h"
#include "store/store.h"
#include "ui/keylog.h"
#include "ui/line_edit.h"
#include "ui/pure.h"

enum pane { PANE_TIMELINE, PANE_FACETS, PANE_LIST, PANE_DETAIL, PANE_COUNT_ };

/* What has the keyboard besides the panes. */
enum overlay { OV_NONE, OV_FILTER, OV_HELP, OV_PRESETS, OV_EXPORT, OV_EQUIV };

struct rect {
	int y, x, h, w;
};

/* Colour roles; without colour each falls back to an attribute that a
 * monochrome terminal shows (see draw.c). */
enum role {
	R_NORMAL,
	R_ERROR,
	R_WRITE,
	R_KEY,
	R_STRING,
	R_NUMBER,
	R_LITERAL,
	R_BAR,
	R_TITLE,
	R_DIM,
	R_COUNT_
};

struct list_state {
	bool newest_first;
	bool local_time;
	bool at_start;          /* the first row shown is the first in order */
	struct store_cursor top; /* else: the first row shown (inclusive) */
	struct store_page page; /* from the top: a screenful and a little */
	size_t sel;             /* index in page of the selected row */
	/* The page still being searched for, a slice at a time between
	 * keys (list.c): to fill `page`, or to find the last rows (End). */
	struct store_search *search;
	bool search_for_end;
	struct store_page end_page; /* what the End search found */
	bool stopped; /* Esc stopped the search: the page may lack rows */
};

struct facet_item {
	int facet;          /* index in the facet table (facets.c) */
	bool header;
	const char *value;  /* as the filter writes it (owned by the facet) */
	const char *label;
	int64_t count;
	bool selected;
};

struct facets_state {
	struct store_tally *tally; /* counting the filter (facets.c) */
	struct store_facet values[8];
	int64_t global_count; /* events of global services, for "region" */
	struct facet_item *items; /* after narrowing */
	size_t nitems, cap;
	size_t sel, top;
	/* The value the cursor was put on (facets.c, remember), kept while
	 * counts come and go: NULL when on none. */
	char *follow;
	int follow_facet;
	char narrow[64];
};

struct detail_state {
	int64_t row; /* the event shown; 0: none */
	struct pretty *pretty;
	char *summary; /* escaped, ready to draw */
	size_t cur, top;
	int hscroll; /* display columns scrolled off the left edge */
};

struct timeline_state {
	struct store_tally *tally; /* counting the visible buckets */
	int level;          /* index in the bucket widths (timeline.c) */
	bool automatic;     /* the level follows the filtered span */
	int64_t view_start; /* start of the first column */
	int64_t oldest, newest; /* the filtered span, of dated events */
	int64_t undated; /* matches without a time, drawn in no bucket */
	struct store_histogram hist;
	int sel;            /* the selected column */
	bool have_span;
	bool provisional;   /* the span is the database's, until counted */
};

struct filterline {
	struct line_edit line;
	char **history;
	size_t nhistory, hpos;
	char *draft; /* the line being typed when Up left it (UTF-8) */
	bool have_error;
	struct filter_error error;
	char *error_text; /* the text the error is about */
};

struct preset {
	char *name, *title, *filter;
};

/* The `e` dialog: a format and a path to write the filter's events to. */
struct export_dialog {
	int format; /* csv, json, ndjson (export_dialog.c) */
	/* Grows as typed: a fixed 1024 dropped the keys past it, and the
	 * events went to a file other than the one typed. */
	struct line_edit path;
	bool confirm; /* the file exists: asking whether to replace it */
};

/* The `y` view: the filter as a query for another tool. */
struct equiv_view {
	int target; /* enum equiv_target (cli/equivalent.h) */
	char *text; /* as equivalent() wrote it, notes included */
	size_t top; /* the first (wrapped) row shown */
};

struct app {
	struct keylog keylog; /* TRAILNAV_KEY_TIMES: answer times, for bench */
	struct store *store;
	const char *db_path;
	bool quit;
	bool utf8, colour;
	/* The filter: text (canonical) and tree, and the ones before it. */
	char *filter_text;
	struct filter *filter;
	char **back;
	size_t nback;
	int64_t matched, total;
	/* The database's span, of the events with a usable time (0: none,
	 * store_tally_undated). */
	int64_t oldest_all, newest_all;
	bool empty; /* no events at all: the welcome screen */
	/* Layout. */
	int rows, cols;
	bool too_small;
	struct rect pane[PANE_COUNT_];
	enum pane focus;
	enum overlay overlay;
	char message[512]; /* shown in the status line until the next key */
	/* A close check's note, waiting for the status line to be seen
	 * (not behind an overlay). */
	char pending_note[512];
	size_t help_top;
	struct preset *presets;
	size_t npresets, preset_sel;
	/* Live updates. */
	int64_t data_version;
	int64_t last_poll_ms;
	/* Counts restarted since the screen was last drawn: the next draw is
	 * preceded by a first slice of them (app.c, first_slice). */
	bool first_slice_due;
	struct list_state list;
	struct facets_state facets;
	struct detail_state detail;
	struct timeline_state timeline;
	struct filterline fl;
	struct export_dialog exp;
	struct equiv_view eq;
};

/* app.c */
int64_t app_now_ms(void);
/* Parses `text` and makes it the filter (remembering the old one for
 * app_back()).  On a bad filter, fills *err (may be NULL) and keeps the
 * view; returns -1. */
int app_set_filter(struct app *a, const char *text, struct filter_error *err);
void app_back(struct app *a);
/* Recounts everything that depends on the filter or the data: starts
 * the counts, of which a first slice runs before the screen is drawn and
 * app_count_step() carries on the rest between keys. */
void app_recount(struct app *a);
bool app_counting(const struct app *a);
void app_count_step(struct app *a, int64_t budget_ms);
void app_message(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* layout.c */
void layout_compute(struct app *a);
void layout_draw(struct app *a);
void layout_pane_title(struct app *a, enum pane p, const char *text);

/* draw.c */
void draw_init_colours(struct app *a);
int draw_attr(const struct app *a, enum role r);
/* Draws record text (escaped here) cut or padded to `width` columns. */
void draw_text(struct app *a, int y, int x, int width, const char *raw,
               int attr);
/* Draws text that is already safe (escaped, or the program's own). */
void draw_safe(struct app *a, int y, int x, int width, const char *s,
               int attr);
/* Draws filter text: controls made visible, backslashes as typed. */
void draw_typed(struct app *a, int y, int x, int width, const char *text,
                int attr);
void draw_fill(int y, int x, int width, int attr);
/* Draws the part of `l` that a field of `avail` columns at (y, x) shows
 * with the cursor in it, from character `*first`, after a "…" when the
 * line goes on to the left.  Returns the column of that character. */
int draw_line_edit(struct app *a, int y, int x, int avail,
                   const struct line_edit *l, size_t *first);

/* list.c */
void list_reload(struct app *a, bool keep_selection);
void list_move(struct app *a, long delta);
void list_home(struct app *a);
void list_end(struct app *a);
void list_click(struct app *a, int y);
void list_draw(struct app *a);
const struct store_row *list_selected(const struct app *a);
int list_visible(const struct app *a);
bool list_searching(const struct app *a);
void list_search_step(struct app *a, int64_t budget_ms);
void list_search_stop(struct app *a);
void list_free(struct app *a);

/* facets.c */
/* Starts counting the filter (the matching count and every facet);
 * facets_take() shows what is counted so far. */
void facets_load(struct app *a);
bool facets_counting(const struct app *a);
void facets_take(struct app *a);
void facets_free(struct facets_state *f);
void facets_draw(struct app *a);
void facets_move(struct app *a, long delta);
void facets_toggle(struct app *a);
void facets_click(struct app *a, int y);
bool facets_narrow_key(struct app *a, wint_t ch);
bool facets_narrow_clear(struct app *a);
bool facets_narrow_backspace(struct app *a);

/* detail.c */
void detail_follow(struct app *a);
void detail_free(struct detail_state *d);
void detail_draw(struct app *a);
void detail_move(struct app *a, long delta);
void detail_toggle(struct app *a);
/* Scrolls the lines sideways by `delta` columns, no further than the
 * widest line on screen needs. */
void detail_scroll(struct app *a, int delta);
void detail_pivot(struct app *a);

/* timeline.c */
void timeline_load(struct app *a, bool reset_view);
/* Once the filter's span is known: fits the view to it, counting again
 * only if the columns shown changed. */
void timeline_refit(struct app *a);
bool timeline_counting(const struct app *a);
void timeline_take(struct app *a);
void timeline_free(struct timeline_state *t);
void timeline_draw(struct app *a);
void timeline_move(struct app *a, long delta);
void timeline_zoom(struct app *a, int step);
void timeline_pan(struct app *a, int direction);
void timeline_narrow(struct app *a);
void timeline_click(struct app *a, int x);

/* filterline.c */
void filterline_open(struct app *a);
void filterline_key(struct app *a, int is_key, wint_t ch);
void filterline_draw(struct app *a);
void filterline_free(struct filterline *fl);

/* presets.c */
void presets_load(struct app *a);
void presets_free(struct app *a);
void presets_open(struct app *a);
void presets_key(struct app *a, int is_key, wint_t ch);
void presets_draw(struct app *a);

/* export_dialog.c */
void export_open(struct app *a);
void export_free(struct export_dialog *d);
void export_key(struct app *a, int is_key, wint_t ch);
void export_draw(struct app *a);

/* equiv_view.c */
void equiv_open(struct app *a);
void equiv_key(struct app *a, int is_key, wint_t ch);
void equiv_draw(struct app *a);

/* actions.c */
void actions_dispatch(struct app *a, int is_key, wint_t ch);
void actions_mouse(struct app *a);
void help_key(struct app *a, int is_key, wint_t ch);
void help_draw(struct app *a);

#endif
