/* filterline.c - the `/` line: an editor for the whole filter language,
 * with history.  A bad filter leaves the line open with a marker under
 * the offending term and the parser's message; the view behind it stays
 * on the filter it had.
 */
#include <config.h>

#include "ui/curses.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

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
	free(fl->text);
	memset(fl, 0, sizeof *fl);
}

/* Room for `n` characters and the terminating L'\0'.  False when out of
 * memory (the text is kept as it was). */
static bool reserve(struct filterline *fl, size_t n)
{
	if (n < fl->cap)
		return true;
	size_t cap = fl->cap ? fl->cap : 256;
	while (cap <= n) {
		if (cap > SIZE_MAX / 2 / sizeof *fl->text)
			return false;
		cap *= 2;
	}
	wchar_t *t = realloc(fl->text, cap * sizeof *t);
	if (!t)
		return false;
	fl->text = t;
	fl->cap = cap;
	return true;
}

static void set_text(struct filterline *fl, const char *s)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *p = s;
	size_t n = mbsrtowcs(NULL, &p, 0, &st);
	fl->len = fl->pos = 0;
	if (n == (size_t)-1 || !reserve(fl, n)) {
		if (reserve(fl, 0))
			fl->text[0] = L'\0';
		return;
	}
	memset(&st, 0, sizeof st);
	p = s;
	mbsrtowcs(fl->text, &p, n + 1, &st);
	fl->len = fl->pos = n;
}

/* Characters text[0..n) as UTF-8 (malloc'd). */
static char *utf8_of(const wchar_t *text, size_t n)
{
	struct buf b;
	buf_init(&b);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < n; i++) {
		char mb[MB_LEN_MAX];
		size_t k = wcrtomb(mb, text[i], &st);
		if (k != (size_t)-1)
			buf_append(&b, mb, k);
	}
	buf_puts(&b, "");
	return buf_steal(&b);
}

/* The text as UTF-8 (malloc'd). */
static char *utf8_text(const struct filterline *fl)
{
	return utf8_of(fl->text, fl->len);
}

void filterline_open(struct app *a)
{
	struct filterline *fl = &a->fl;
	set_text(fl, a->filter_text ? a->filter_text : "");
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
		set_text(fl, fl->history[fl->hpos]);
	else
		set_text(fl, fl->draft ? fl->draft : "");
}

static void insert(struct app *a, wchar_t c)
{
	struct filterline *fl = &a->fl;
	if (!reserve(fl, fl->len + 1)) {
		app_message(a, "%s", _("out of memory"));
		return;
	}
	memmove(fl->text + fl->pos + 1, fl->text + fl->pos,
	        (fl->len - fl->pos + 1) * sizeof *fl->text);
	fl->text[fl->pos++] = c;
	fl->len++;
}

static void erase_range(struct filterline *fl, size_t from, size_t to)
{
	memmove(fl->text + from, fl->text + to,
	        (fl->len - to + 1) * sizeof *fl->text);
	fl->len -= to - from;
	fl->pos = from;
}

static bool edit_key(struct app *a, int is_key, wint_t ch)
{
	struct filterline *fl = &a->fl;
	if (is_key) {
		switch (ch) {
		case KEY_LEFT:
			fl->pos -= fl->pos > 0;
			return true;
		case KEY_RIGHT:
			fl->pos += fl->pos < fl->len;
			return true;
		case KEY_HOME:
			fl->pos = 0;
			return true;
		case KEY_END:
			fl->pos = fl->len;
			return true;
		case KEY_BACKSPACE:
			if (fl->pos > 0)
				erase_range(fl, fl->pos - 1, fl->pos);
			return true;
		case KEY_DC:
			if (fl->pos < fl->len)
				erase_range(fl, fl->pos, fl->pos + 1);
			return true;
		case KEY_UP:
			history(fl, -1);
			return true;
		case KEY_DOWN:
			history(fl, 1);
			return true;
		default:
			return false;
		}
	}
	switch (ch) {
	case 1: /* ^A */
		fl->pos = 0;
		return true;
	case 5: /* ^E */
		fl->pos = fl->len;
		return true;
	case 8: /* ^H */
	case 127:
		if (fl->pos > 0)
			erase_range(fl, fl->pos - 1, fl->pos);
		return true;
	case 11: /* ^K */
		fl->len = fl->pos;
		fl->text[fl->len] = L'\0';
		return true;
	case 21: /* ^U */
		erase_range(fl, 0, fl->pos);
		return true;
	case 23: { /* ^W: the word before the cursor */
		size_t p = fl->pos;
		while (p > 0 && fl->text[p - 1] == L' ')
			p--;
		while (p > 0 && fl->text[p - 1] != L' ')
			p--;
		erase_range(fl, p, fl->pos);
		return true;
	}
	default:
		if (iswprint((wint_t)ch)) {
			insert(a, (wchar_t)ch);
			return true;
		}
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

static int wcols(const wchar_t *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		int c = wcwidth(s[i]);
		w += c > 0 ? c : 0;
	}
	return w;
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
	if (!fl->text)
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
	/* Scroll so the cursor shows: drop characters from the left until
	 * what lies between them and the cursor fits (one pass: a filter of
	 * thousands of characters is redrawn at every key). */
	int avail = w - pw - 1, cur = wcols(fl->text, fl->pos);
	size_t first = 0;
	for (int before = cur; before > avail && first < fl->pos; first++) {
		int c = wcwidth(fl->text[first]);
		before -= c > 0 ? c : 0;
	}
	char *shown = utf8_of(fl->text + first, fl->len - first);
	draw_typed(a, y, pw, avail, shown ? shown : "", 0);
	free(shown);
	if (fl->have_error && fl->error_text) {
		size_t at = char_index(fl->error_text, fl->error.pos);
		size_t end = char_index(fl->error_text,
		                        fl->error.pos + fl->error.len);
		int x = pw + wcols(fl->text, at) - wcols(fl->text, first);
		int len = wcols(fl->text, end) - wcols(fl->text, at);
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
	move(y, pw + cur - wcols(fl->text, first));
	curs_set(1);
}
