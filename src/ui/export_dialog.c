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
	line_edit_free(&d->path);
}

/* A path ending in ".csv", ".json" or ".ndjson" follows the format. */
static void follow_format(struct export_dialog *d, int from)
{
	struct line_edit *l = &d->path;
	const char *old = formats[from];
	size_t olen = strlen(old);
	if (l->len < olen + 1 || l->text[l->len - olen - 1] != L'.')
		return;
	for (size_t i = 0; i < olen; i++)
		if (l->text[l->len - olen + i] != (wchar_t)old[i])
			return;
	const char *new = formats[d->format];
	size_t nlen = strlen(new), base = l->len - olen;
	if (!line_edit_reserve(l, base + nlen))
		return;
	bool at_end = l->pos == l->len;
	for (size_t i = 0; i < nlen; i++)
		l->text[base + i] = (wchar_t)new[i];
	l->len = base + nlen;
	l->text[l->len] = L'\0';
	if (at_end || l->pos > l->len)
		l->pos = l->len;
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
	if (d->path.len == 0) {
		char def[64];
		snprintf(def, sizeof def, "./trailnav-export.%s",
		         formats[d->format]);
		line_edit_set(&d->path, def);
	}
	if (!d->path.text) {
		app_message(a, "%s", _("out of memory"));
		return;
	}
	d->path.pos = d->path.len;
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
	char *shown = line_edit_utf8(&d->path, 0, d->path.len);
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

/* The editing keys the path shares with the filter line (line_edit.h):
 * it grows however long; when memory runs out the key is refused,
 * saying so. */
static void edit_key(struct app *a, int is_key, wint_t ch)
{
	if (line_edit_key(&a->exp.path, is_key, ch) == LINE_EDIT_NOMEM)
		app_message(a, "%s", _("out of memory"));
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
	int avail = w - lw - 1;
	size_t first;
	int start = draw_line_edit(a, y + 2, lw, avail, &d->path, &first);
	if (d->confirm) {
		char *path = line_edit_utf8(&d->path, 0, d->path.len);
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
	if (!d->confirm) {
		move(y + 2, start + line_edit_cols(&d->path, first, d->path.pos));
		curs_set(1);
	}
}
