/* line_edit.c - one line of text a person types (see line_edit.h). */
#include <config.h>

#include "ui/line_edit.h"

#include "ui/curses.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util/buf.h"

void line_edit_free(struct line_edit *l)
{
	free(l->text);
	memset(l, 0, sizeof *l);
}

bool line_edit_reserve(struct line_edit *l, size_t n)
{
	if (n < l->cap)
		return true;
	size_t cap = l->cap ? l->cap : 256;
	while (cap <= n) {
		if (cap > SIZE_MAX / 2 / sizeof *l->text)
			return false;
		cap *= 2;
	}
	wchar_t *t = realloc(l->text, cap * sizeof *t);
	if (!t)
		return false;
	if (!l->text)
		t[0] = L'\0'; /* a line never set is empty */
	l->text = t;
	l->cap = cap;
	return true;
}

void line_edit_set(struct line_edit *l, const char *s)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *p = s;
	size_t n = mbsrtowcs(NULL, &p, 0, &st);
	l->len = l->pos = 0;
	if (n == (size_t)-1 || !line_edit_reserve(l, n)) {
		if (line_edit_reserve(l, 0))
			l->text[0] = L'\0';
		return;
	}
	memset(&st, 0, sizeof st);
	p = s;
	mbsrtowcs(l->text, &p, n + 1, &st);
	l->len = l->pos = n;
}

char *line_edit_utf8(const struct line_edit *l, size_t from, size_t to)
{
	struct buf b;
	buf_init(&b);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = from; i < to && i < l->len; i++) {
		char mb[MB_LEN_MAX];
		size_t k = wcrtomb(mb, l->text[i], &st);
		if (k != (size_t)-1)
			buf_append(&b, mb, k);
	}
	buf_puts(&b, "");
	return buf_steal(&b);
}

static int char_cols(wchar_t c)
{
	int w = wcwidth(c);
	return w > 0 ? w : 0;
}

int line_edit_cols(const struct line_edit *l, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to && i < l->len; i++)
		w += char_cols(l->text[i]);
	return w;
}

size_t line_edit_first_shown(const struct line_edit *l, int avail)
{
	size_t first = 0;
	int before = line_edit_cols(l, 0, l->pos);
	if (before <= avail)
		return 0;
	/* A column for the "…" that says the line goes on to the left. */
	int room = avail > 1 ? avail - 1 : avail;
	for (; before > room && first < l->pos; first++)
		before -= char_cols(l->text[first]);
	return first;
}

static bool insert(struct line_edit *l, wchar_t c)
{
	if (!line_edit_reserve(l, l->len + 1))
		return false;
	memmove(l->text + l->pos + 1, l->text + l->pos,
	        (l->len - l->pos + 1) * sizeof *l->text);
	l->text[l->pos++] = c;
	l->len++;
	return true;
}

/* Removes [from, to), the cursor at `from`. */
static void remove_range(struct line_edit *l, size_t from, size_t to)
{
	if (!l->text || from >= to)
		return;
	memmove(l->text + from, l->text + to,
	        (l->len - to + 1) * sizeof *l->text);
	l->len -= to - from;
	l->pos = from;
}

static size_t word_start(const struct line_edit *l)
{
	size_t p = l->pos;
	while (p > 0 && l->text[p - 1] == L' ')
		p--;
	while (p > 0 && l->text[p - 1] != L' ')
		p--;
	return p;
}

static enum line_edit_answer curses_key(struct line_edit *l, wint_t ch)
{
	switch (ch) {
	case KEY_LEFT:
		l->pos -= l->pos > 0;
		break;
	case KEY_RIGHT:
		l->pos += l->pos < l->len;
		break;
	case KEY_HOME:
		l->pos = 0;
		break;
	case KEY_END:
		l->pos = l->len;
		break;
	case KEY_BACKSPACE:
		if (l->pos > 0)
			remove_range(l, l->pos - 1, l->pos);
		break;
	case KEY_DC:
		if (l->pos < l->len)
			remove_range(l, l->pos, l->pos + 1);
		break;
	default:
		return LINE_EDIT_OTHER;
	}
	return LINE_EDIT_DONE;
}

enum line_edit_answer line_edit_key(struct line_edit *l, int is_key,
                                    wint_t ch)
{
	if (is_key)
		return curses_key(l, ch);
	switch (ch) {
	case 1: /* ^A */
		l->pos = 0;
		break;
	case 5: /* ^E */
		l->pos = l->len;
		break;
	case 8: /* ^H */
	case 127:
		if (l->pos > 0)
			remove_range(l, l->pos - 1, l->pos);
		break;
	case 11: /* ^K */
		remove_range(l, l->pos, l->len);
		break;
	case 21: /* ^U */
		remove_range(l, 0, l->pos);
		break;
	case 23: /* ^W */
		remove_range(l, word_start(l), l->pos);
		break;
	default:
		if (!iswprint(ch))
			return LINE_EDIT_OTHER;
		return insert(l, (wchar_t)ch) ? LINE_EDIT_DONE : LINE_EDIT_NOMEM;
	}
	return LINE_EDIT_DONE;
}
