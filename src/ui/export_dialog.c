/* export_dialog.c - `e`: every event of the current filter written to a
 * file, as `trailnav query --format csv|json|ndjson` would print them.
 *
 * The dialog asks for the format and the path (./trailnav-export.csv and
 * so on in the current directory); an existing file is replaced only
 * after a y/n question.  The events are streamed through export_events()
 * a page at a time, in the list's order, whatever their number; the
 * status line says "exporting..." while that runs, then how many were
 * written or why not.
 */
#include <config.h>

#include "ui/curses.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

#include "ui/export_write.h"
#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

/* The formats offered, in the order Tab goes through them (as
 * export_format_parse names them); the dialog's `format` indexes this. */
static const char *const formats[] = { "csv", "json", "ndjson" };
#define NFORMATS ((int)(sizeof formats / sizeof formats[0]))

void export_free(struct export_dialog *d)
{
	free(d->path);
	d->path = NULL;
	d->len = d->pos = d->cap = 0;
}

/* Room for `n` characters and the terminating L'\0'.  False when out of
 * memory (the path is kept as it was). */
static bool reserve(struct export_dialog *d, size_t n)
{
	if (n < d->cap)
		return true;
	size_t cap = d->cap ? d->cap : 256;
	while (cap <= n) {
		if (cap > SIZE_MAX / 2 / sizeof *d->path)
			return false;
		cap *= 2;
	}
	wchar_t *p = realloc(d->path, cap * sizeof *p);
	if (!p)
		return false;
	d->path = p;
	d->cap = cap;
	return true;
}

static void set_path(struct export_dialog *d, const char *s)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *p = s;
	size_t n = mbsrtowcs(NULL, &p, 0, &st);
	d->len = d->pos = 0;
	if (n == (size_t)-1 || !reserve(d, n)) {
		if (reserve(d, 0))
			d->path[0] = L'\0';
		return;
	}
	memset(&st, 0, sizeof st);
	p = s;
	mbsrtowcs(d->path, &p, n + 1, &st);
	d->len = d->pos = n;
}

/* The path as bytes (malloc'd, NULL when out of memory). */
static char *path_bytes(const wchar_t *w, size_t len)
{
	struct buf b;
	buf_init(&b);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < len; i++) {
		char mb[MB_LEN_MAX];
		size_t n = wcrtomb(mb, w[i], &st);
		if (n != (size_t)-1)
			buf_append(&b, mb, n);
	}
	buf_puts(&b, "");
	return buf_steal(&b);
}

/* A path ending in ".csv", ".json" or ".ndjson" follows the format. */
static void follow_format(struct export_dialog *d, int from)
{
	const char *old = formats[from];
	size_t olen = strlen(old);
	if (d->len < olen + 1 || d->path[d->len - olen - 1] != L'.')
		return;
	for (size_t i = 0; i < olen; i++)
		if (d->path[d->len - olen + i] != (wchar_t)old[i])
			return;
	const char *new = formats[d->format];
	size_t nlen = strlen(new), base = d->len - olen;
	if (!reserve(d, base + nlen))
		return;
	bool at_end = d->pos == d->len;
	for (size_t i = 0; i < nlen; i++)
		d->path[base + i] = (wchar_t)new[i];
	d->len = base + nlen;
	d->path[d->len] = L'\0';
	if (at_end || d->pos > d->len)
		d->pos = d->len;
}

static void cycle_format(struct export_dialog *d, int step)
{
	int old = d->format;
	d->format = (old + NFORMATS + step) % NFORMATS;
	follow_format(d, old);
}

void export_open(struct app *a)
{
	struct export_dialog *d = &a->exp;
	if (d->format < 0 || d->format >= NFORMATS)
		d->format = 0;
	if (d->len == 0) {
		char def[64];
		snprintf(def, sizeof def, "./trailnav-export.%s",
		         formats[d->format]);
		set_path(d, def);
	}
	if (!d->path) {
		app_message(a, "%s", _("out of memory"));
		return;
	}
	d->pos = d->len;
	d->confirm = false;
	a->overlay = OV_EXPORT;
}

/* "~/x" is $HOME/x, as a shell would have it.  malloc'd. */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");
	if (strncmp(path, "~/", 2) != 0 || !home || !*home)
		return strdup(path);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/%s", home, path + 2);
	return buf_steal(&b);
}

/* Writes the events; the dialog is closed and the outcome is in the
 * status line. */
static void write_events(struct app *a, const char *shown, const char *path,
                         bool replace)
{
	a->overlay = OV_NONE;
	app_message(a, "%s", _("exporting..."));
	layout_draw(a);
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
	                            (replace ? O_TRUNC : O_EXCL),
	              0666);
	FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!out) {
		app_message(a, _("cannot write %s: %s"), shown, strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	size_t written = 0;
	char err[512];
	int rc = export_write(a->store, a->filter, out, formats[a->exp.format],
	                      a->list.newest_first, &written, err, sizeof err);
	if (fclose(out) != 0 && rc == 0) {
		snprintf(err, sizeof err, _("writing the output: %s"),
		         strerror(errno));
		rc = -1;
	}
	if (rc < 0) {
		/* Half a file is not an export; a file that was there
		 * before is left as the failure left it, and said so. */
		if (!replace)
			unlink(path);
		app_message(a, _("export to %s failed: %s"), shown, err);
		return;
	}
	app_message(a,
	            ngettext("wrote %zu event to %s", "wrote %zu events to %s",
	                     written),
	            written, shown);
}

/* The system takes no path of PATH_MAX bytes or more: said before
 * anything is tried, as "cannot write" and the path would push the
 * reason off the status line. */
static void too_long(struct app *a, size_t bytes)
{
	char have[32], most[32];
	fmt_count(have, (int64_t)bytes);
	fmt_count(most, PATH_MAX - 1);
	app_message(a, _("the path is too long: %s bytes, at most %s"), have,
	            most);
}

static void submit(struct app *a, bool confirmed)
{
	struct export_dialog *d = &a->exp;
	char *shown = path_bytes(d->path, d->len);
	char *path = shown ? expand_home(shown) : NULL;
	if (!shown || !path) {
		app_message(a, "%s", _("out of memory"));
	} else if (!*path) {
		app_message(a, "%s", _("say where to write the events"));
	} else if (strlen(path) >= PATH_MAX) {
		too_long(a, strlen(path));
	} else {
		struct stat st;
		bool exists = stat(path, &st) == 0;
		if (exists && S_ISDIR(st.st_mode))
			app_message(a, _("%s is a directory"), shown);
		else if (exists && !confirmed)
			d->confirm = true;
		else
			write_events(a, shown, path, exists);
	}
	free(path);
	free(shown);
}

static void erase_range(struct export_dialog *d, size_t from, size_t to)
{
	memmove(d->path + from, d->path + to,
	        (d->len - to + 1) * sizeof *d->path);
	d->len -= to - from;
	d->pos = from;
}

/* A character typed or pasted at the cursor: the path grows, however
 * long; when memory runs out the key is refused, saying so. */
static void insert(struct app *a, wchar_t c)
{
	struct export_dialog *d = &a->exp;
	if (!reserve(d, d->len + 1)) {
		app_message(a, "%s", _("out of memory"));
		return;
	}
	memmove(d->path + d->pos + 1, d->path + d->pos,
	        (d->len - d->pos + 1) * sizeof *d->path);
	d->path[d->pos++] = c;
	d->len++;
}

static void edit_key(struct app *a, int is_key, wint_t ch)
{
	struct export_dialog *d = &a->exp;
	if (is_key) {
		if (ch == KEY_LEFT)
			d->pos -= d->pos > 0;
		else if (ch == KEY_RIGHT)
			d->pos += d->pos < d->len;
		else if (ch == KEY_HOME)
			d->pos = 0;
		else if (ch == KEY_END)
			d->pos = d->len;
		else if (ch == KEY_BACKSPACE && d->pos > 0)
			erase_range(d, d->pos - 1, d->pos);
		else if (ch == KEY_DC && d->pos < d->len)
			erase_range(d, d->pos, d->pos + 1);
		return;
	}
	if (ch == 1) /* ^A */
		d->pos = 0;
	else if (ch == 5) /* ^E */
		d->pos = d->len;
	else if ((ch == 8 || ch == 127) && d->pos > 0)
		erase_range(d, d->pos - 1, d->pos);
	else if (ch == 11) /* ^K */
		erase_range(d, d->pos, d->len);
	else if (ch == 21) /* ^U */
		erase_range(d, 0, d->pos);
	else if (iswprint(ch))
		insert(a, (wchar_t)ch);
}

void export_key(struct app *a, int is_key, wint_t ch)
{
	struct export_dialog *d = &a->exp;
	bool enter = (!is_key && (ch == '\r' || ch == '\n')) ||
	             (is_key && ch == KEY_ENTER);
	if (d->confirm) {
		d->confirm = false;
		if (!is_key && (ch == 'y' || ch == 'Y'))
			submit(a, true);
		else
			app_message(a, "%s", _("not replaced: edit the path, or "
			                       "Esc"));
		return;
	}
	if (!is_key && ch == 27) {
		a->overlay = OV_NONE;
		app_message(a, "%s", _("export cancelled"));
	} else if (enter) {
		submit(a, false);
	} else if (!is_key && ch == '\t') {
		cycle_format(d, 1);
	} else if (is_key && (ch == KEY_BTAB || ch == KEY_UP)) {
		cycle_format(d, -1);
	} else if (is_key && ch == KEY_DOWN) {
		cycle_format(d, 1);
	} else {
		edit_key(a, is_key, ch);
	}
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

static void draw_formats(struct app *a, int y, int x)
{
	for (int i = 0; i < NFORMATS; i++) {
		bool on = i == a->exp.format;
		char label[32];
		snprintf(label, sizeof label, on ? "[%s]" : " %s ", formats[i]);
		int w = (int)strlen(label);
		draw_safe(a, y, x, w, label, on ? (int)(A_REVERSE | A_BOLD) : 0);
		x += w + 1;
	}
	draw_safe(a, y, x + 1, a->cols - x - 1,
	          _("(Tab, Up or Down: another format)"), 0);
}

void export_draw(struct app *a)
{
	struct export_dialog *d = &a->exp;
	int y = a->rows - 6, w = a->cols;
	for (int i = 0; i < 5; i++)
		draw_fill(y + i, 0, w, 0);
	for (int x = 0; x < w; x++)
		draw_safe(a, y - 1, x, 1, a->utf8 ? "\xe2\x94\x80" : "-", 0);
	char count[32];
	fmt_count(count, a->matched);
	char title[160];
	snprintf(title, sizeof title,
	         ngettext("Export the %s event of this filter",
	                  "Export the %s events of this filter",
	                  (unsigned long)a->matched),
	         count);
	draw_safe(a, y, 0, w, title, A_BOLD);
	const char *fl = _("Format: "), *pl = _("Path:   ");
	int lw = (int)fmt_width(fl);
	if ((int)fmt_width(pl) > lw)
		lw = (int)fmt_width(pl);
	draw_safe(a, y + 1, 0, lw, fl, A_BOLD);
	draw_formats(a, y + 1, lw);
	draw_safe(a, y + 2, 0, lw, pl, A_BOLD);
	/* Scroll so the cursor shows. */
	int avail = w - lw - 1, cur = wcols(d->path, d->pos);
	size_t first = 0;
	for (int before = cur; before > avail && first < d->pos; first++) {
		int c = wcwidth(d->path[first]);
		before -= c > 0 ? c : 0;
	}
	char *shown = path_bytes(d->path + first, d->len - first);
	draw_typed(a, y + 2, lw, avail, shown ? shown : "", 0);
	if (d->confirm) {
		char *path = path_bytes(d->path, d->len);
		struct buf q;
		buf_init(&q);
		buf_printf(&q, _("%s exists. Replace it? (y/n)"),
		           path ? path : "");
		draw_typed(a, y + 4, 0, w, q.data ? q.data : "",
		           draw_attr(a, R_ERROR));
		buf_free(&q);
		free(path);
	} else {
		draw_safe(a, y + 4, 0, w,
		          _("Enter writes every event of the filter, Esc "
		            "cancels"),
		          0);
	}
	free(shown);
	if (!d->confirm) {
		move(y + 2, lw + cur - wcols(d->path, first));
		curs_set(1);
	}
}
