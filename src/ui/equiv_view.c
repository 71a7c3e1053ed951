/* equiv_view.c - `y`: the current filter as the same question for Amazon
 * Athena, CloudTrail Lake or `aws cloudtrail lookup-events` (the text of
 * `trailnav equivalent`), with what the target cannot express in its
 * comment lines; `c` copies it to the clipboard through OSC 52.
 *
 * The text holds filter values, which may come from a record (a pivot):
 * its control characters are drawn escaped, and it is copied only when
 * it holds none, which could act when pasted into a terminal; so what
 * is copied is what is shown.
 */
#include <config.h>

#include "ui/curses.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "cli/equivalent.h"
#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

/* Anything longer is not a query anyone pastes, and some terminals
 * drop long OSC 52 sequences. */
#define COPY_MAX 65536

static const char *target_label(enum equiv_target t)
{
	switch (t) {
	case EQUIV_ATHENA:
		return _("Athena");
	case EQUIV_LAKE:
		return _("CloudTrail Lake");
	default:
		return _("AWS CLI");
	}
}

static void load(struct app *a)
{
	struct equiv_view *v = &a->eq;
	free(v->text);
	v->text = NULL;
	v->top = 0;
	struct buf out, notes;
	buf_init(&out);
	buf_init(&notes);
	if (equivalent(a->filter, (enum equiv_target)v->target, &out,
	               &notes) == 0)
		v->text = buf_steal(&out);
	buf_free(&out);
	buf_free(&notes);
}

static void close_view(struct app *a)
{
	free(a->eq.text);
	a->eq.text = NULL;
	a->overlay = OV_NONE;
}

void equiv_open(struct app *a)
{
	load(a);
	if (!a->eq.text) {
		app_message(a, "%s", _("out of memory"));
		return;
	}
	a->overlay = OV_EQUIV;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Straight to the terminal, past curses: an escape sequence curses does
 * not know.  Everything curses drew was flushed by the last refresh. */
static void copy(struct app *a)
{
	const char *t = a->eq.text;
	size_t n = strlen(t);
	while (n > 0 && t[n - 1] == '\n')
		n--; /* a pasted command waits for Enter */
	if (!clipboard_safe(t, n)) {
		app_message(a, "%s",
		            _("not copied: the query holds control characters "
		              "(from the filter's values)"));
		return;
	}
	if (n > COPY_MAX) {
		app_message(a, "%s", _("not copied: the query is too long for "
		                       "OSC 52"));
		return;
	}
	const char *tmux = getenv("TMUX");
	struct buf b;
	buf_init(&b);
	osc52_copy(&b, t, n, tmux && *tmux);
	fflush(stdout);
	if (!buf_ok(&b))
		app_message(a, "%s", _("out of memory"));
	else if (write_all(STDOUT_FILENO, b.data, b.len) < 0)
		app_message(a, _("cannot write to the terminal: %s"),
		            strerror(errno));
	else
		app_message(a, "%s", _("copied to the clipboard (OSC 52)"));
	buf_free(&b);
}

static void switch_target(struct app *a, int step)
{
	int n = EQUIV_TARGET_COUNT_;
	a->eq.target = (a->eq.target + step + n) % n;
	load(a);
	if (!a->eq.text) {
		close_view(a);
		app_message(a, "%s", _("out of memory"));
	}
}

void equiv_key(struct app *a, int is_key, wint_t ch)
{
	struct equiv_view *v = &a->eq;
	long page = a->rows > 8 ? a->rows - 8 : 1; /* the rows of text */
	if ((!is_key && ch == '\t') || (is_key && ch == KEY_RIGHT) ||
	    (!is_key && ch == 'l'))
		switch_target(a, 1);
	else if ((is_key && (ch == KEY_BTAB || ch == KEY_LEFT)) ||
	         (!is_key && ch == 'h'))
		switch_target(a, -1);
	else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j'))
		v->top++;
	else if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k'))
		v->top -= v->top > 0;
	else if (is_key && ch == KEY_NPAGE)
		v->top += (size_t)page;
	else if (is_key && ch == KEY_PPAGE)
		v->top = v->top > (size_t)page ? v->top - (size_t)page : 0;
	else if ((is_key && ch == KEY_HOME) || (!is_key && ch == 'g'))
		v->top = 0;
	else if ((is_key && ch == KEY_END) || (!is_key && ch == 'G'))
		v->top = (size_t)-1 / 2; /* the draw brings it back */
	else if (!is_key && ch == 'c')
		copy(a);
	else if (!is_key && (ch == 27 || ch == 'q' || ch == 'y'))
		close_view(a);
}

/* ---- drawing --------------------------------------------------------- */

struct rows {
	struct app *a;
	int y0, x0, w, h; /* where the text goes */
	size_t top, n;    /* the first row drawn; rows so far */
};

static void put_row(struct rows *r, const char *s, size_t len, int attr)
{
	if (r->n >= r->top && r->n - r->top < (size_t)r->h) {
		char *one = strndup(s, len);
		if (one)
			draw_safe(r->a, r->y0 + (int)(r->n - r->top), r->x0, r->w,
			          one, attr);
		free(one);
	}
	r->n++;
}

/* One line, its controls made visible, wrapped at the width by display
 * columns: after the row's last space when it has one, else where the
 * width ends.  A backslash stays one backslash: the text is shown as `c`
 * copies it (LIKE's ESCAPE '\' showed as '\\'); text with a control
 * character in it is never copied, so its escapes cannot be taken for
 * the copied text. */
static void put_line(struct rows *r, const char *raw, int attr)
{
	struct buf b;
	buf_init(&b);
	fmt_escape_controls(&b, raw);
	const char *s = b.data ? b.data : "";
	size_t start = 0, i = 0, len = strlen(s), space = 0;
	int col = 0, col_space = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (i < len) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, len - i, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof st);
			k = 1;
			wc = L'?';
		}
		int cw = wcwidth(wc);
		if (cw < 0)
			cw = 1;
		if (col + cw > r->w && i > start) {
			size_t cut = space > start ? space : i;
			put_row(r, s + start, cut - start, attr);
			col = cut == i ? 0 : col - col_space;
			start = cut;
		}
		col += cw;
		i += k;
		if (wc == L' ') {
			space = i;
			col_space = col;
		}
	}
	if (start < len || len == 0)
		put_row(r, s + start, len - start, attr);
	buf_free(&b);
}

/* Every row of the text; returns how many there are. */
static size_t put_text(struct rows *r, const char *text)
{
	int note = draw_attr(r->a, R_WRITE);
	const char *line = text;
	while (*line) {
		size_t n = strcspn(line, "\n");
		char *one = strndup(line, n);
		if (one) {
			bool comment = strncmp(one, "-- ", 3) == 0 ||
			               strncmp(one, "# ", 2) == 0;
			put_line(r, one, comment ? note : 0);
			free(one);
		}
		line += n + (line[n] == '\n');
	}
	return r->n;
}

static void draw_tabs(struct app *a, int y, int x, int w)
{
	int used = 0;
	for (int t = 0; t < EQUIV_TARGET_COUNT_; t++) {
		const char *label = target_label((enum equiv_target)t);
		bool on = t == a->eq.target;
		char cell[80];
		snprintf(cell, sizeof cell, on ? "[%s]" : " %s ", label);
		int cw = (int)fmt_width(cell);
		if (used + cw > w)
			break;
		draw_safe(a, y, x + used, cw, cell,
		          on ? (int)(A_REVERSE | A_BOLD) : 0);
		used += cw + 1;
	}
}

void equiv_draw(struct app *a)
{
	if (!a->eq.text)
		return;
	/* The whole screen but the status line, which says what `c` did. */
	int w = a->cols, h = a->rows - 1;
	int y0 = 0, x0 = 0;
	for (int y = 0; y < h; y++)
		draw_fill(y0 + y, x0, w, 0);
	const char *line = a->utf8 ? "\xe2\x94\x80" : "-";
	for (int x = 0; x < w; x++) {
		draw_safe(a, y0, x0 + x, 1, line, 0);
		draw_safe(a, y0 + h - 1, x0 + x, 1, line, 0);
	}
	draw_safe(a, y0, x0 + 2, w - 4,
	          _(" Equivalent queries: Tab switches, c copies, Esc closes "),
	          A_BOLD);
	draw_tabs(a, y0 + 1, x0 + 2, w - 4);
	struct rows r = { a, y0 + 3, x0 + 2, w - 4, h - 5, a->eq.top, 0 };
	size_t total = put_text(&r, a->eq.text);
	if (a->eq.top > 0 && a->eq.top + (size_t)r.h > total) {
		/* Scrolled past the end: show the last screenful. */
		a->eq.top = total > (size_t)r.h ? total - (size_t)r.h : 0;
		equiv_draw(a);
		return;
	}
	if (a->eq.top + (size_t)r.h < total)
		draw_safe(a, y0 + h - 2, x0 + 2, w - 4, _("(more below)"), 0);
}
