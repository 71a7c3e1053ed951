/* layout.c - where each pane goes, and drawing the whole screen.
 *
 *   timeline (3 rows: title, two rows of bars)
 *   filters | list   (title row = column headings)
 *           | detail (title row = what the event acted on)
 *   status line
 *
 * Everything is recomputed from LINES and COLS on each resize, and the
 * screen is redrawn whole, so a resize never leaves garbage behind.
 */
#include <config.h>

#include "ui/curses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

#define MIN_COLS 80
#define MIN_ROWS 24
#define TIMELINE_ROWS 3

void layout_compute(struct app *a)
{
	a->rows = LINES;
	a->cols = COLS;
	a->too_small = a->cols < MIN_COLS || a->rows < MIN_ROWS;
	int fw = a->cols >= 120 ? 30 : 24;
	int mid = a->rows - TIMELINE_ROWS - 1;
	int lh = mid * 45 / 100;
	if (lh < 6)
		lh = 6;
	a->pane[PANE_TIMELINE] = (struct rect){ 0, 0, TIMELINE_ROWS, a->cols };
	a->pane[PANE_FACETS] = (struct rect){ TIMELINE_ROWS, 0, mid, fw };
	a->pane[PANE_LIST] =
		(struct rect){ TIMELINE_ROWS, fw + 1, lh, a->cols - fw - 1 };
	a->pane[PANE_DETAIL] = (struct rect){ TIMELINE_ROWS + lh, fw + 1,
	                                      mid - lh, a->cols - fw - 1 };
}

void layout_pane_title(struct app *a, enum pane p, const char *text)
{
	const struct rect *r = &a->pane[p];
	bool focused = a->focus == p && a->overlay == OV_NONE;
	/* The marker is text as well as reverse video, so focus shows on a
	 * terminal without attributes too. */
	const char *mark = focused ? (a->utf8 ? "\xe2\x96\xb6 " : "> ") : "  ";
	int attr = focused ? (int)(A_REVERSE | A_BOLD) : draw_attr(a, R_TITLE);
	draw_fill(r->y, r->x, r->w, attr);
	draw_safe(a, r->y, r->x, 2, mark, attr);
	draw_safe(a, r->y, r->x + 2, r->w - 2, text, attr);
}

/* `text` wrapped between words at the screen's width, each row centred,
 * from row y on (draw_safe leaves out what falls off the screen); only
 * counted unless `draw`.  Returns the rows it takes. */
static int centred_rows(struct app *a, int y, const char *text, int attr,
                        bool draw)
{
	size_t width = a->cols > 0 ? (size_t)a->cols : 1;
	const char *s = text;
	int n = 0;
	do {
		size_t cut = fmt_wrap(s, width);
		char *row = draw ? strndup(s, cut) : NULL;
		if (row) {
			int w = (int)fmt_width(row);
			int x = w < a->cols ? (a->cols - w) / 2 : 0;
			draw_safe(a, y + n, x, a->cols - x, row, attr);
			free(row);
		}
		n++;
		s += cut;
		while (*s == ' ')
			s++;
	} while (*s);
	return n;
}

/* What is needed and what there is, wrapped to fit; when that takes more
 * rows than there are, a shorter message that still says it all. */
static void draw_too_small(struct app *a)
{
	const char *by = a->utf8 ? "\xc3\x97" : "x";
	char msg[256];
	snprintf(msg, sizeof msg,
	         _("trailnav needs at least %d%s%d; this terminal is %d%s%d"),
	         MIN_COLS, by, MIN_ROWS, a->cols, by, a->rows);
	const char *q = _("(enlarge the window, or press q to quit)");
	if (centred_rows(a, 0, msg, 0, false) + centred_rows(a, 0, q, 0, false) >
	    a->rows) {
		snprintf(msg, sizeof msg, _("Too small: needs %d%s%d"),
		         MIN_COLS, by, MIN_ROWS);
		q = _("q quits");
	}
	int n = centred_rows(a, 0, msg, 0, false) +
	        centred_rows(a, 0, q, 0, false);
	int y = n < a->rows ? (a->rows - n) / 2 : 0;
	y += centred_rows(a, y, msg, A_BOLD, true);
	centred_rows(a, y, q, 0, true);
}

static void draw_welcome(struct app *a)
{
	const char *lines[] = {
		_("Welcome to trailnav"),
		"",
		_("This database has no events yet:"),
		a->db_path,
		"",
		_("Import CloudTrail logs with:"),
		_("    trailnav import PATH"),
		_("for example the files of 'aws s3 sync s3://BUCKET/AWSLogs':"),
		_("    trailnav ~/AWSLogs"),
		"",
		_("Or explore a sample trail with a scripted incident:"),
		_("    trailnav demo"),
		"",
		_("Events imported while this screen is open show up by "
		  "themselves."),
		_("Press ? for help, q to quit."),
	};
	int n = (int)(sizeof lines / sizeof lines[0]);
	int y = (a->rows - n) / 2;
	for (int i = 0; i < n; i++) {
		int w = (int)fmt_width(lines[i]);
		int x = w < a->cols ? (a->cols - 64) / 2 : 0;
		if (x < 0)
			x = 0;
		if (i == 3)
			draw_text(a, y + i, x, a->cols - x, lines[i], 0);
		else
			draw_safe(a, y + i, x, a->cols - x, lines[i],
			          i == 0 ? A_BOLD : 0);
	}
}

/* The database path cut from the left to `room` columns (the file name
 * says most), or nothing when there is too little room. */
static void put_path(struct app *a, struct buf *out, int room)
{
	struct buf path;
	buf_init(&path);
	fmt_escape(&path, a->db_path);
	const char *p = path.data ? path.data : "";
	if (room >= 12) {
		if ((int)fmt_width(p) > room) {
			while (*p && (int)fmt_width(p) > room - 1)
				p++;
			buf_puts(out, a->utf8 ? "\xe2\x80\xa6" : "~");
		}
		buf_puts(out, p);
		buf_puts(out, "  ");
	}
	buf_free(&path);
}

/* filter on the left; count, database and help on the right.  The
 * filter has the room first: the path gives way to it. */
static void draw_status(struct app *a)
{
	int y = a->rows - 1, attr = A_REVERSE;
	draw_fill(y, 0, a->cols, attr);
	struct buf left;
	buf_init(&left);
	if (a->message[0]) {
		buf_puts(&left, " ");
		fmt_escape(&left, a->message);
	} else {
		buf_printf(&left, " %s ", _("filter:"));
		if (a->filter_text && *a->filter_text)
			fmt_escape_controls(&left, a->filter_text);
		else
			buf_puts(&left, _("(none: every event)"));
	}
	char matched[32], total[32];
	fmt_count(matched, a->matched);
	fmt_count(total, a->total);
	struct buf count, right;
	buf_init(&count);
	buf_init(&right);
	/* Counts over millions of events arrive a slice at a time: until
	 * then the figure is a lower bound, and says so. */
	if (app_counting(a))
		buf_printf(&count, _("counting: %s of %s events"), matched, total);
	else
		buf_printf(&count, _("%s of %s events"), matched, total);
	buf_puts(&count, "  ");
	const char *help = _("? help");
	int lw = left.data ? (int)fmt_width(left.data) : 0;
	/* A message (until the next key) has the room before the counts:
	 * "import: 2 files failed (q quits and shows them); the first: PATH:
	 * reason" needs it. */
	if (a->message[0] && lw + (count.data ? (int)fmt_width(count.data) : 0) +
	                             (int)fmt_width(help) + 3 > a->cols)
		buf_free(&count);
	int fixed = (count.data ? (int)fmt_width(count.data) : 0) +
	            (int)fmt_width(help) + 1;
	buf_puts(&right, count.data ? count.data : "");
	int room = a->cols - fixed - lw - 2;
	int path_w = (int)fmt_width(a->db_path) + 2;
	put_path(a, &right, (room < path_w ? room : path_w) - 2);
	buf_printf(&right, "%s ", help);
	int rw = right.data ? (int)fmt_width(right.data) : 0;
	if (rw > a->cols)
		rw = a->cols;
	draw_safe(a, y, a->cols - rw, rw, right.data ? right.data : "", attr);
	draw_safe(a, y, 0, a->cols - rw - 1, left.data ? left.data : "",
	          a->message[0] ? attr | (int)A_BOLD : attr);
	buf_free(&left);
	buf_free(&count);
	buf_free(&right);
}

/* The overlay with the keyboard, over the screen drawn. */
static void draw_overlay(struct app *a)
{
	if (a->overlay == OV_FILTER)
		filterline_draw(a);
	else if (a->overlay == OV_PRESETS)
		presets_draw(a);
	else if (a->overlay == OV_EXPORT)
		export_draw(a);
	else if (a->overlay == OV_EQUIV)
		equiv_draw(a);
}

void layout_draw(struct app *a)
{
	erase();
	curs_set(0);
	if (a->too_small) {
		draw_too_small(a);
	} else if (a->empty && a->overlay != OV_HELP) {
		draw_welcome(a);
		draw_status(a);
		draw_overlay(a);
	} else {
		timeline_draw(a);
		facets_draw(a);
		const struct rect *f = &a->pane[PANE_FACETS];
		for (int i = 0; i < f->h; i++)
			draw_safe(a, f->y + i, f->x + f->w, 1,
			          a->utf8 ? "\xe2\x94\x82" : "|", 0);
		list_draw(a);
		detail_draw(a);
		draw_status(a);
		draw_overlay(a);
	}
	if (!a->too_small && a->overlay == OV_HELP)
		help_draw(a);
	refresh();
}
