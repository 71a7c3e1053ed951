/* draw.c - putting text on the screen safely, and the colour roles.
 *
 * Everything drawn goes through draw_text() or draw_safe(): record text
 * is escaped (fmt_escape) so that no ESC, BEL or C1 control from a record
 * reaches the terminal, and it is cut or padded by display width
 * (fmt_fit), so wide and combining characters keep columns aligned.
 */
#include <config.h>

#include "ui/curses.h"

#include <stdlib.h>

#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"

struct role_style {
	short fg;
	int colour_attr; /* added to the colour */
	int mono_attr;   /* used instead when there is no colour */
};

/* Errors stay bold without colour, so they still stand out; the other
 * colours are decoration the mono screen does without. */
static const struct role_style styles[R_COUNT_] = {
	[R_NORMAL] = { -1, 0, 0 },
	[R_ERROR] = { COLOR_RED, A_BOLD, A_BOLD },
	[R_WRITE] = { COLOR_YELLOW, 0, 0 },
	[R_KEY] = { COLOR_CYAN, 0, 0 },
	[R_STRING] = { COLOR_GREEN, 0, 0 },
	[R_NUMBER] = { COLOR_MAGENTA, 0, 0 },
	[R_LITERAL] = { COLOR_BLUE, A_BOLD, 0 },
	[R_BAR] = { COLOR_CYAN, 0, 0 },
	[R_TITLE] = { -1, A_BOLD, A_BOLD },
	[R_DIM] = { -1, A_DIM, 0 },
};

void draw_init_colours(struct app *a)
{
	/* https://no-color.org: present and not empty means no colour. */
	const char *nc = getenv("NO_COLOR");
	a->colour = has_colors() && !(nc && *nc);
	if (!a->colour)
		return;
	start_color();
	use_default_colors();
	for (int r = 1; r < R_COUNT_; r++)
		init_pair((short)r, styles[r].fg, -1);
}

int draw_attr(const struct app *a, enum role r)
{
	if (!a->colour)
		return styles[r].mono_attr;
	return (int)COLOR_PAIR(r) | styles[r].colour_attr;
}

void draw_safe(struct app *a, int y, int x, int width, const char *s,
               int attr)
{
	if (y < 0 || y >= a->rows || x < 0 || x >= a->cols || width <= 0)
		return;
	if (x + width > a->cols)
		width = a->cols - x;
	struct buf b;
	buf_init(&b);
	fmt_fit(&b, s, (size_t)width, 0);
	attrset((attr_t)attr);
	if (b.data)
		mvaddstr(y, x, b.data);
	attrset(A_NORMAL);
	buf_free(&b);
}

void draw_text(struct app *a, int y, int x, int width, const char *raw,
               int attr)
{
	struct buf b;
	buf_init(&b);
	fmt_escape(&b, raw ? raw : "");
	draw_safe(a, y, x, width, b.data ? b.data : "", attr);
	buf_free(&b);
}

void draw_typed(struct app *a, int y, int x, int width, const char *text,
                int attr)
{
	struct buf b;
	buf_init(&b);
	fmt_escape_controls(&b, text ? text : "");
	draw_safe(a, y, x, width, b.data ? b.data : "", attr);
	buf_free(&b);
}

int draw_line_edit(struct app *a, int y, int x, int avail,
                   const struct line_edit *l, size_t *first)
{
	*first = line_edit_first_shown(l, avail);
	int lead = *first > 0 && avail > 1 ? 1 : 0;
	if (lead)
		draw_safe(a, y, x, 1, a->utf8 ? "\xe2\x80\xa6" : "~", A_BOLD);
	char *shown = line_edit_utf8(l, *first, l->len);
	draw_typed(a, y, x + lead, avail - lead, shown ? shown : "", 0);
	free(shown);
	return x + lead;
}

void draw_fill(int y, int x, int width, int attr)
{
	attrset((attr_t)attr);
	for (int i = 0; i < width; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}
