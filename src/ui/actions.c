/* actions.c - THE table of key bindings: each action's keys, where it
 * applies, its help text and its handler.  Dispatch reads this table and
 * so does the `?` screen, so the help cannot drift from what the keys do.
 * The README's key list is made from the same entries.
 */
#include <config.h>

#include "ui/curses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/internal.h"
#include "ui/ui.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

/* A key as the table writes it: a curses key code negated, a character
 * as itself (curses codes and characters overlap as numbers). */
#define K(code) (-(int)(code))
#define CTRL(c) ((c) & 0x1f)

enum { ANYWHERE = -1 };

struct action {
	int scope; /* a pane, or ANYWHERE */
	int keys[4];
	const char *names; /* as the help shows the keys; N_() */
	const char *help;  /* N_() */
	void (*fn)(struct app *a);
};

static long page(const struct app *a)
{
	const struct rect *r = &a->pane[a->focus];
	return r->h > 2 ? r->h - 2 : 1;
}

static void move_by(struct app *a, long delta)
{
	switch (a->focus) {
	case PANE_LIST:
		list_move(a, delta);
		break;
	case PANE_FACETS:
		facets_move(a, delta);
		break;
	case PANE_DETAIL:
		detail_move(a, delta);
		break;
	case PANE_TIMELINE:
		timeline_move(a, delta);
		break;
	default:
		break;
	}
}

static void act_quit(struct app *a) { a->quit = true; }
/* The next refresh repaints every cell, as after another program (or a
 * noisy ssh session) wrote over the screen. */
static void act_redraw(struct app *a)
{
	(void)a;
	clearok(curscr, TRUE);
}
static void act_help(struct app *a) { a->overlay = OV_HELP; a->help_top = 0; }
static void act_filter(struct app *a) { filterline_open(a); }
static void act_presets(struct app *a) { presets_open(a); }
static void act_export(struct app *a) { export_open(a); }
static void act_equivalent(struct app *a) { equiv_open(a); }
static void act_back(struct app *a) { app_back(a); }
static void act_up(struct app *a) { move_by(a, -1); }
static void act_down(struct app *a) { move_by(a, 1); }
static void act_pgup(struct app *a) { move_by(a, -page(a)); }
static void act_pgdn(struct app *a) { move_by(a, page(a)); }
static void act_left(struct app *a) { timeline_move(a, -1); }
static void act_right(struct app *a) { timeline_move(a, 1); }
static void act_zoom_in(struct app *a) { timeline_zoom(a, 1); }
static void act_zoom_out(struct app *a) { timeline_zoom(a, -1); }
static void act_pan_left(struct app *a) { timeline_pan(a, -1); }
static void act_pan_right(struct app *a) { timeline_pan(a, 1); }
static void act_narrow(struct app *a) { timeline_narrow(a); }
static void act_fold(struct app *a) { detail_toggle(a); }
/* Sideways by a quarter of the pane: long ARNs and policy documents. */
static int scroll_step(const struct app *a)
{
	int w = a->pane[PANE_DETAIL].w / 4;
	return w > 8 ? w : 8;
}
static void act_scroll_left(struct app *a) { detail_scroll(a, -scroll_step(a)); }
static void act_scroll_right(struct app *a) { detail_scroll(a, scroll_step(a)); }
static void act_pivot(struct app *a) { detail_pivot(a); }
static void act_toggle(struct app *a) { facets_toggle(a); }

static void act_home(struct app *a)
{
	if (a->focus == PANE_LIST)
		list_home(a);
	else
		move_by(a, -1000000);
}

static void act_end(struct app *a)
{
	if (a->focus == PANE_LIST)
		list_end(a);
	else
		move_by(a, 1000000);
}

static void act_next(struct app *a)
{
	a->focus = (enum pane)((a->focus + 1) % PANE_COUNT_);
}

static void act_prev(struct app *a)
{
	a->focus = (enum pane)((a->focus + PANE_COUNT_ - 1) % PANE_COUNT_);
}

static void act_reverse(struct app *a)
{
	a->list.newest_first = !a->list.newest_first;
	a->list.at_start = true;
	a->list.sel = 0;
	list_reload(a, false);
	app_message(a, "%s", a->list.newest_first ? _("newest first")
	                                          : _("oldest first"));
}

static void act_time(struct app *a)
{
	a->list.local_time = !a->list.local_time;
}

static void act_escape(struct app *a)
{
	if (list_searching(a))
		list_search_stop(a);
	else if (!facets_narrow_clear(a))
		a->focus = PANE_LIST;
}

static void act_open(struct app *a)
{
	a->focus = PANE_DETAIL;
}

/* Enter in the detail pane: a value pivots, an object folds. */
static void act_detail_enter(struct app *a)
{
	const char *key, *value, *parent;
	if (pretty_scalar(a->detail.pretty, a->detail.cur, &key, &value,
	                  &parent))
		detail_pivot(a);
	else
		detail_toggle(a);
}

/* TRANSLATORS: the key names ("Up, k", "Space, Enter") are the
 * keyboard's own: translate the words as the keycaps read in your
 * language; keep the letters, they are what is typed. */
static const struct action actions[] = {
	{ ANYWHERE, { K(KEY_UP), 'k' }, N_("Up, k"), N_("move up"), act_up },
	{ ANYWHERE, { K(KEY_DOWN), 'j' }, N_("Down, j"), N_("move down"),
	  act_down },
	{ ANYWHERE, { K(KEY_PPAGE), CTRL('b') }, N_("PgUp"), N_("page up"),
	  act_pgup },
	{ ANYWHERE, { K(KEY_NPAGE), CTRL('f') }, N_("PgDn"), N_("page down"),
	  act_pgdn },
	/* The keypad's Home and End (KEY_A1, KEY_C1) too. */
	{ ANYWHERE, { K(KEY_HOME), 'g', K(KEY_A1) }, N_("Home, g"),
	  N_("to the first"), act_home },
	{ ANYWHERE, { K(KEY_END), 'G', K(KEY_C1) }, N_("End, G"),
	  N_("to the last"), act_end },
	{ ANYWHERE, { '\t' }, N_("Tab"), N_("next pane"), act_next },
	{ ANYWHERE, { K(KEY_BTAB) }, N_("Shift-Tab"), N_("previous pane"),
	  act_prev },
	{ ANYWHERE, { '\r', '\n', K(KEY_ENTER) }, N_("Enter"),
	  N_("open the selected event's detail"), act_open },
	{ ANYWHERE, { '/' }, "/",
	  N_("edit the filter (the whole language; Up/Down: history)"),
	  act_filter },
	{ ANYWHERE, { 'p' }, "p", N_("presets: triage filters"), act_presets },
	{ ANYWHERE, { 'e' }, "e",
	  N_("export the filter's events to a file (CSV, JSON or NDJSON)"),
	  act_export },
	{ ANYWHERE, { 'y' }, "y",
	  N_("the filter as an Athena, CloudTrail Lake or AWS CLI query; "
	     "c copies it"),
	  act_equivalent },
	{ ANYWHERE, { K(KEY_BACKSPACE), 127, CTRL('h'), 'b' }, N_("Backspace, b"),
	  N_("back to the previous filter"), act_back },
	{ ANYWHERE, { 'r' }, "r", N_("reverse the order: newest or oldest first"),
	  act_reverse },
	{ ANYWHERE, { 't' }, "t", N_("times in UTC or local time"), act_time },
	{ ANYWHERE, { '+', '=' }, "+", N_("timeline: zoom in"), act_zoom_in },
	{ ANYWHERE, { '-' }, "-", N_("timeline: zoom out"), act_zoom_out },
	{ ANYWHERE, { '<', ',' }, "<", N_("timeline: pan to earlier"),
	  act_pan_left },
	{ ANYWHERE, { '>', '.' }, ">", N_("timeline: pan to later"),
	  act_pan_right },
	{ ANYWHERE, { 27 }, N_("Esc"),
	  N_("stop the list's search; clear the narrowing; back to the list"),
	  act_escape },
	{ ANYWHERE, { '?', K(KEY_F(1)) }, N_("?, F1"), N_("this help"), act_help },
	{ ANYWHERE, { CTRL('l') }, N_("Ctrl-L"), N_("redraw the screen"),
	  act_redraw },
	{ ANYWHERE, { 'q' }, "q", N_("quit"), act_quit },
	{ PANE_FACETS, { ' ', '\r', '\n', K(KEY_ENTER) }, N_("Space, Enter"),
	  N_("toggle the value (OR within a facet, AND across facets)"),
	  act_toggle },
	{ PANE_DETAIL, { ' ', 'z' }, N_("Space, z"),
	  N_("fold or unfold the object or array"), act_fold },
	{ PANE_DETAIL, { '\r', '\n', K(KEY_ENTER) }, N_("Enter"),
	  N_("on a value: filter by it; on an object: fold it"),
	  act_detail_enter },
	{ PANE_DETAIL, { 'f' }, "f",
	  N_("filter by the value under the cursor: key, principal, IP, "
	     "request, resource..."),
	  act_pivot },
	{ PANE_DETAIL, { K(KEY_LEFT), 'h' }, N_("Left, h"),
	  N_("scroll long lines back to the left"), act_scroll_left },
	{ PANE_DETAIL, { K(KEY_RIGHT), 'l' }, N_("Right, l"),
	  N_("scroll long lines to the right"), act_scroll_right },
	{ PANE_TIMELINE, { K(KEY_LEFT), 'h' }, N_("Left, h"),
	  N_("the bucket before"), act_left },
	{ PANE_TIMELINE, { K(KEY_RIGHT), 'l' }, N_("Right, l"),
	  N_("the bucket after"), act_right },
	{ PANE_TIMELINE, { 'n', '\r', '\n', K(KEY_ENTER) }, N_("Enter, n"),
	  N_("narrow the time range to the selected bucket"), act_narrow },
};

#define NACTIONS (sizeof actions / sizeof actions[0])

static const struct action *find(int scope, int code)
{
	for (size_t i = 0; i < NACTIONS; i++) {
		if (actions[i].scope != scope)
			continue;
		for (size_t k = 0; k < 4 && actions[i].keys[k]; k++)
			if (actions[i].keys[k] == code)
				return &actions[i];
	}
	return NULL;
}

void actions_dispatch(struct app *a, int is_key, wint_t ch)
{
	int code = is_key ? K(ch) : (int)ch;
	/* The too-small screen hides everything, open dialogs too: keys
	 * would act unseen (a q typed into a hidden filter line), and the
	 * screen says that q quits. */
	if (a->too_small) {
		if (code == 'q')
			a->quit = true;
		return;
	}
	switch (a->overlay) {
	case OV_FILTER:
		filterline_key(a, is_key, ch);
		return;
	case OV_HELP:
		help_key(a, is_key, ch);
		return;
	case OV_PRESETS:
		presets_key(a, is_key, ch);
		return;
	case OV_EXPORT:
		export_key(a, is_key, ch);
		return;
	case OV_EQUIV:
		equiv_key(a, is_key, ch);
		return;
	default:
		break;
	}
	const struct action *act = find((int)a->focus, code);
	if (!act && a->focus == PANE_FACETS) {
		/* Typing narrows the filter pane; Backspace first undoes
		 * narrowing. */
		bool backspace = code == K(KEY_BACKSPACE) || code == 127 ||
		                 code == CTRL('h');
		if (backspace ? facets_narrow_backspace(a)
		              : !is_key && facets_narrow_key(a, ch))
			return;
	}
	if (!act)
		act = find(ANYWHERE, code);
	if (act)
		act->fn(a);
}

static bool inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

void actions_mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || a->overlay != OV_NONE || a->too_small)
		return;
	for (int p = 0; p < PANE_COUNT_; p++) {
		if (!inside(&a->pane[p], ev.y, ev.x))
			continue;
		a->focus = (enum pane)p;
		if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
			move_by(a, ev.bstate & BUTTON4_PRESSED ? -3 : 3);
			return;
		}
		if (p == PANE_LIST)
			list_click(a, ev.y);
		else if (p == PANE_FACETS)
			facets_click(a, ev.y);
		else if (p == PANE_TIMELINE)
			timeline_click(a, ev.x);
		else if (ev.y > a->pane[p].y)
			detail_move(a, (long)a->detail.top +
			                       (ev.y - a->pane[p].y - 1) -
			                       (long)a->detail.cur);
		return;
	}
}

/* ---- the help screen, made from the table ------------------------------ */

/* The heading of a scope's keys, untranslated (N_()). */
static const char *scope_msgid(int scope)
{
	switch (scope) {
	case PANE_FACETS:
		return N_("In the filter pane (typed letters narrow its values; "
		          "Backspace and Esc undo that)");
	case PANE_DETAIL:
		return N_("In the detail pane");
	case PANE_TIMELINE:
		return N_("In the timeline");
	default:
		return N_("Everywhere");
	}
}

static const char *scope_title(int scope)
{
	return _(scope_msgid(scope));
}

static const int help_scopes[] = { ANYWHERE, PANE_FACETS, PANE_DETAIL,
                                   PANE_TIMELINE };
#define NSCOPES (sizeof help_scopes / sizeof help_scopes[0])

static const char mouse_help[] =
	N_("Mouse: click a row, a filter value or a bucket; the wheel "
	   "scrolls.");

/* The help's rows from `first` on go at screen rows y0.., `rows` of
 * them; a row outside is counted, not drawn. */
struct help_rows {
	struct app *a;
	int first, y0, rows;
	int n; /* rows so far */
};

static void help_row(struct help_rows *h, int x, int width, const char *s,
                     size_t len, int attr)
{
	if (h->n >= h->first && h->n - h->first < h->rows) {
		char *one = strndup(s, len);
		if (one)
			draw_safe(h->a, h->y0 + h->n - h->first, x, width, one,
			          attr);
		free(one);
	}
}

/* `text` from column x, wrapped at `width` columns over as many rows as
 * it takes: at 80 columns (and in longer languages) a help text cut at
 * the edge lost what a key does. */
static void help_wrapped(struct help_rows *h, int x, int width,
                         const char *text, int attr)
{
	const char *s = text;
	do {
		size_t cut = fmt_wrap(s, width > 0 ? (size_t)width : 1);
		help_row(h, x, width, s, cut, attr);
		h->n++;
		s += cut;
		while (*s == ' ')
			s++;
	} while (*s);
}

/* Draws the help's rows in view; returns how many rows it has. */
static int help_lines(struct app *a, int first, int y0, int rows)
{
	struct help_rows h = { a, first, y0, rows, 0 };
	for (size_t s = 0; s < NSCOPES; s++) {
		help_wrapped(&h, 2, a->cols - 4, scope_title(help_scopes[s]),
		             A_BOLD | A_UNDERLINE);
		for (size_t i = 0; i < NACTIONS; i++) {
			if (actions[i].scope != help_scopes[s])
				continue;
			const char *names = _(actions[i].names);
			help_row(&h, 4, 16, names, strlen(names), A_BOLD);
			help_wrapped(&h, 21, a->cols - 23, _(actions[i].help), 0);
		}
		h.n++;
	}
	help_wrapped(&h, 2, a->cols - 4, _(mouse_help), 0);
	return h.n;
}

void help_draw(struct app *a)
{
	erase();
	draw_safe(a, 0, 0, a->cols,
	          _(" trailnav keys (Up/Down scroll, Esc or q closes)"),
	          A_REVERSE | A_BOLD);
	int rows = a->rows - 2;
	int total = help_lines(a, (int)a->help_top, 1, rows);
	if (a->help_top > 0 && (int)a->help_top + rows > total) {
		/* Scrolled past the end: show the last screenful. */
		a->help_top = total > rows ? (size_t)(total - rows) : 0;
		help_draw(a);
		return;
	}
	if ((int)a->help_top + rows < total)
		draw_safe(a, a->rows - 1, 2, a->cols - 4, _("(more below)"), 0);
}

void help_key(struct app *a, int is_key, wint_t ch)
{
	if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j'))
		a->help_top++;
	else if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k'))
		a->help_top -= a->help_top > 0;
	else if (is_key && ch == KEY_NPAGE)
		a->help_top += (size_t)(a->rows / 2);
	else if (is_key && ch == KEY_PPAGE)
		a->help_top = a->help_top > (size_t)a->rows / 2
		                      ? a->help_top - (size_t)a->rows / 2
		                      : 0;
	else if (!is_key && (ch == 27 || ch == 'q' || ch == '?'))
		a->overlay = OV_NONE;
}

/* ---- the same table for the manual and the tests ----------------------- */

/* `s` as roff text: backslashes and hyphens escaped, a leading control
 * character made harmless. */
static void roff_put(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

void ui_print_keys(FILE *out, bool roff)
{
	for (size_t s = 0; s < NSCOPES; s++) {
		const char *title = scope_msgid(help_scopes[s]);
		if (roff) {
			fputs(".SS \"", out);
			roff_put(out, title);
			fputs("\"\n", out);
		} else {
			fprintf(out, "%s%s\n", s ? "\n" : "", title);
		}
		for (size_t i = 0; i < NACTIONS; i++) {
			if (actions[i].scope != help_scopes[s])
				continue;
			if (roff) {
				fputs(".TP 14\n.B \"", out);
				roff_put(out, actions[i].names);
				fputs("\"\n", out);
				roff_put(out, actions[i].help);
				fputc('\n', out);
			} else {
				fprintf(out, "%s\t%s\n", actions[i].names,
				        actions[i].help);
			}
		}
	}
	if (roff) {
		fputs(".PP\n", out);
		roff_put(out, mouse_help);
		fputc('\n', out);
	} else {
		fprintf(out, "\n%s\n", mouse_help);
	}
}
