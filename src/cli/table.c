/* table.c - the aligned table of `query` (see table.h). */
#include <config.h>

#include "cli/table.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "util/format.h"
#include "util/buf.h"

#define CELL_CAP 48 /* no column is made wider than this from its values */

/* How narrow fitting may make a column: times and categories are read
 * whole; names and addresses still say something when cut. */
static size_t min_width(enum column c)
{
	switch (c) {
	case COL_TIME: return 19;
	case COL_CATEGORY: return 7;
	case COL_RO: return 5;
	case COL_REGION: return 9;
	default: return 6;
	}
}

struct table {
	FILE *out;
	struct column_list cols;
	size_t width;
	size_t gap;              /* spaces between columns: 2, or 1 when tight */
	size_t shown;            /* columns that fit at all */
	size_t w[COLUMNS_MAX];   /* chosen widths */
	bool laid_out;
	size_t nheld;
	char **held;             /* TABLE_SAMPLE rows × cols escaped cells */
};

size_t table_width_for(FILE *out)
{
	struct winsize ws;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	const char *env = getenv("COLUMNS");
	char *end;
	long n = env && *env ? strtol(env, &end, 10) : 0;
	return env && *env && !*end && n > 0 && n < 100000 ? (size_t)n : 80;
}

struct table *table_new(FILE *out, const struct column_list *cols,
                        size_t width)
{
	struct table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->held = calloc(TABLE_SAMPLE * cols->n + 1, sizeof *t->held);
	if (!t->held) {
		free(t);
		return NULL;
	}
	t->out = out;
	t->cols = *cols;
	t->width = width ? width : 80;
	return t;
}

static char *escaped(const char *s)
{
	struct buf b;
	buf_init(&b);
	fmt_escape(&b, s);
	buf_putc(&b, '\0'); /* an empty string still gets its own copy */
	return buf_steal(&b);
}

/* The heading: the column's name in capitals; "CAT" (the filter key)
 * rather than "CATEGORY" to spare a narrow terminal. */
static void upper_name(char *dst, size_t cap, enum column c)
{
	snprintf(dst, cap, "%s", c == COL_CATEGORY ? "cat" : column_name(c));
	for (char *p = dst; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
}

/* Widths from the held rows, then narrowed, widest first, to fit. */
static void lay_out(struct table *t)
{
	size_t n = t->cols.n, total = 0;
	for (size_t c = 0; c < n; c++) {
		char head[16];
		upper_name(head, sizeof head, t->cols.col[c]);
		size_t w = strlen(head), cap = w > CELL_CAP ? w : CELL_CAP;
		for (size_t r = 0; r < t->nheld; r++) {
			size_t cw = fmt_width(t->held[r * n + c]);
			w = cw > w ? cw : w;
		}
		t->w[c] = w < cap ? w : cap;
		total += t->w[c] + (c ? 2 : 0);
	}
	t->gap = 2;
	if (total > t->width && n > 1) {
		t->gap = 1;
		total -= n - 1;
	}
	/* Narrow the column with the most room above its minimum, one
	 * column of text at a time, so the cuts are shared out. */
	while (total > t->width) {
		size_t best = n, room = 0;
		for (size_t c = 0; c < n; c++) {
			size_t m = min_width(t->cols.col[c]);
			if (t->w[c] > m && t->w[c] - m > room) {
				room = t->w[c] - m;
				best = c;
			}
		}
		if (best == n)
			break;
		t->w[best]--;
		total--;
	}
	/* Still too wide (a very narrow terminal): the columns at the end
	 * are left out rather than wrapped. */
	t->shown = n;
	while (t->shown > 1 && total > t->width) {
		t->shown--;
		total -= t->w[t->shown] + t->gap;
	}
	if (total > t->width)
		t->w[0] = t->width; /* one column, cut to the width */
	t->laid_out = true;
}

/* One line of escaped cells; the last shown column is not padded, so no
 * line ends in blanks. */
static void print_line(struct table *t, char *const *cells)
{
	struct buf line;
	buf_init(&line);
	for (size_t c = 0; c < t->shown; c++) {
		if (c)
			buf_puts(&line, t->gap == 2 ? "  " : " ");
		if (c + 1 < t->shown || fmt_width(cells[c]) > t->w[c])
			fmt_fit(&line, cells[c], t->w[c], 0);
		else
			buf_puts(&line, cells[c]);
	}
	while (line.len && line.data[line.len - 1] == ' ')
		line.data[--line.len] = '\0';
	fprintf(t->out, "%s\n", line.data ? line.data : "");
	buf_free(&line);
}

static void print_header(struct table *t)
{
	char names[COLUMNS_MAX][16];
	char *cells[COLUMNS_MAX];
	for (size_t c = 0; c < t->cols.n; c++) {
		upper_name(names[c], sizeof names[c], t->cols.col[c]);
		cells[c] = names[c];
	}
	print_line(t, cells);
}

static void flush_held(struct table *t)
{
	lay_out(t);
	print_header(t);
	for (size_t r = 0; r < t->nheld; r++) {
		print_line(t, &t->held[r * t->cols.n]);
		for (size_t c = 0; c < t->cols.n; c++) {
			free(t->held[r * t->cols.n + c]);
			t->held[r * t->cols.n + c] = NULL;
		}
	}
	t->nheld = 0;
}

int table_add(struct table *t, const struct store_row *r)
{
	size_t n = t->cols.n;
	char **cells = t->laid_out ? t->held : &t->held[t->nheld * n];
	int rc = 0;
	for (size_t c = 0; c < n; c++) {
		char tmp[40];
		cells[c] = escaped(column_cell(r, t->cols.col[c], true, tmp));
		if (!cells[c])
			rc = -1;
	}
	if (t->laid_out || rc < 0) {
		if (rc == 0)
			print_line(t, cells);
		for (size_t c = 0; c < n; c++) {
			free(cells[c]);
			cells[c] = NULL;
		}
	} else if (++t->nheld == TABLE_SAMPLE) {
		flush_held(t);
	}
	return rc;
}

int table_end(struct table *t)
{
	if (!t)
		return 0;
	if (!t->laid_out)
		flush_held(t);
	for (size_t i = 0; i < TABLE_SAMPLE * t->cols.n; i++)
		free(t->held[i]);
	free(t->held);
	free(t);
	return 0;
}
