/* filterline.c - the `/` line: an editor for the whole filter language,
 * with history.  A bad filter leaves the line open with a marker under
 * the offending term and the parser's message; the view behind it stays
 * on the filter it had.
 */
#include <config.h>

#include "ui/curses.h"

#include <stdlib.h>
#include <string.h>

#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

#define HISTORY_MAX 100

void filterline_free(struct filterline *fl)
{
	for (size_t i = 0; i < fl->nhistory; i++)
		free(fl->history[i]);
	free(fl->history);
	free(fl->draft);
	free(fl->error_text);
	line_edit_free(&fl->line);
	memset(fl, 0, sizeof *fl);
}

/* The text as UTF-8 (malloc'd). */
static char *utf8_text(const struct filterline *fl)
{
	return line_edit_utf8(&fl->line, 0, fl->line.len);
}

void filterline_open(struct app *a)
{
	struct filterline *fl = &a->fl;
	line_edit_set(&fl->line, a->filter_text ? a->filter_text : "");
	fl->hpos = fl->nhistory;
	free(fl->draft);
	fl->draft = NULL;
	fl->have_error = false;
	a->overlay = OV_FILTER;
}

static void remember(struct filterline *fl, const char *text)
{
	if (!*text ||
	    (fl->nhistory && strcmp(fl->history[fl->nhistory - 1], text) == 0))
		return;
	if (!fl->history) {
		fl->history = calloc(HISTORY_MAX, sizeof *fl->history);
		if (!fl->history)
			return;
	}
	if (fl->nhistory == HISTORY_MAX) {
		free(fl->history[0]);
		memmove(fl->history, fl->history + 1,
		        (HISTORY_MAX - 1) * sizeof *fl->history);
		fl->nhistory--;
	}
	char *copy = strdup(text);
	if (copy)
		fl->history[fl->nhistory++] = copy;
}

static void apply(struct app *a)
{
	struct filterline *fl = &a->fl;
	char *text = utf8_text(fl);
	if (!text)
		return;
	struct filter_error err;
	if (app_set_filter(a, text, &err) < 0) {
		fl->have_error = true;
		fl->error = err;
		free(fl->error_text);
		fl->error_text = text;
		return;
	}
	remember(fl, text);
	free(text);
	fl->have_error = false;
	a->overlay = OV_NONE;
}

/* Up and Down walk the history as readline does: leaving the line being
 * typed keeps it as the draft, and Down past the newest entry gives the
 * draft back unchanged; past either end nothing moves. */
static void history(struct filterline *fl, int step)
{
	if (step < 0 && fl->hpos > 0) {
		if (fl->hpos == fl->nhistory) {
			free(fl->draft);
			fl->draft = utf8_text(fl);
		}
		fl->hpos--;
	} else if (step > 0 && fl->hpos < fl->nhistory) {
		fl->hpos++;
	} else {
		return;
	}
	if (fl->hpos < fl->nhistory)
		line_edit_set(&fl->line, fl->history[fl->hpos]);
	else
		line_edit_set(&fl->line, fl->draft ? fl->draft : "");
}

/* The line's own keys (history), then the editing keys it shares with
 * the export dialog's path (line_edit.h).  True when the key was one. */
static bool edit_key(struct app *a, int is_key, wint_t ch)
{
	struct filterline *fl = &a->fl;
	if (is_key && (ch == KEY_UP || ch == KEY_DOWN)) {
		history(fl, ch == KEY_UP ? -1 : 1);
		return true;
	}
	switch (line_edit_key(&fl->line, is_key, ch)) {
	case LINE_EDIT_NOMEM:
		app_message(a, "%s", _("out of memory"));
		return true;
	case LINE_EDIT_DONE:
		return true;
	default:
		return false;
	}
}

void filterline_key(struct app *a, int is_key, wint_t ch)
{
	struct filterline *fl = &a->fl;
	if (!is_key && ch == 27) {
		fl->have_error = false;
		a->overlay = OV_NONE;
		return;
	}
	if ((!is_key && (ch == '\r' || ch == '\n')) ||
	    (is_key && ch == KEY_ENTER)) {
		apply(a);
		return;
	}
	if (edit_key(a, is_key, ch))
		fl->have_error = false;
}

/* The character index at byte `pos` of the text's UTF-8 form. */
static size_t char_index(const char *utf8, size_t pos)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t i = 0, k = 0;
	while (i < pos && utf8[i]) {
		size_t n = mbrtowc(NULL, utf8 + i, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			n = 1;
		i += n;
		k++;
	}
	return k;
}

void filterline_draw(struct app *a)
{
	struct filterline *fl = &a->fl;
	const struct line_edit *l = &fl->line;
	if (!l->text)
		return; /* out of memory when opened */
	/* Above the status line, which keeps showing the view's filter and
	 * count while this one is edited. */
	int y = a->rows - 4, w = a->cols;
	for (int i = 0; i < 3; i++)
		draw_fill(y + i, 0, w, 0);
	for (int x = 0; x < w; x++)
		draw_safe(a, y - 1, x, 1, a->utf8 ? "\xe2\x94\x80" : "-", 0);
	const char *prompt = _("Filter: ");
	int pw = (int)fmt_width(prompt);
	draw_safe(a, y, 0, pw, prompt, A_BOLD);
	int avail = w - pw - 1;
	size_t first;
	int start = draw_line_edit(a, y, pw, avail, l, &first);
	if (fl->have_error && fl->error_text) {
		size_t at = char_index(fl->error_text, fl->error.pos);
		size_t end = char_index(fl->error_text,
		                        fl->error.pos + fl->error.len);
		int x = start + line_edit_cols(l, first, at) -
		        (at < first ? line_edit_cols(l, at, first) : 0);
		int len = line_edit_cols(l, at, end);
		struct buf m;
		buf_init(&m);
		buf_putc(&m, '^');
		for (int i = 1; i < len; i++)
			buf_putc(&m, '~');
		if (x >= 0 && x < w)
			draw_safe(a, y + 1, x, w - x, m.data ? m.data : "^",
			          draw_attr(a, R_ERROR));
		buf_free(&m);
		draw_text(a, y + 2, 0, w, fl->error.message,
		          draw_attr(a, R_ERROR));
	} else {
		draw_safe(a, y + 2, 0, w,
		          _("Enter applies, Esc cancels, Up and Down recall "
		            "earlier filters"),
		          0);
	}
	move(y, start + line_edit_cols(l, first, l->pos));
	curs_set(1);
}
