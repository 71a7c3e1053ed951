/* presets.c - the triage filters of data/presets, a key away.
 *
 * Choosing one sets the filter text, so the user sees exactly what it
 * does in the status line and can refine it with `/`.
 */
#include <config.h>

#include "ui/curses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/internal.h"
#include "util/i18n.h"

/* Where data/presets is: $TRAILNAV_DATADIR, the installed data
 * directory, or the source tree (running from a build). */
static FILE *open_presets(void)
{
	const char *dirs[] = { getenv("TRAILNAV_DATADIR"), PKGDATADIR,
	                       TN_SOURCE_DATADIR };
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/presets", dirs[i]);
		FILE *f = fopen(path, "r");
		if (f)
			return f;
	}
	return NULL;
}

static bool add(struct app *a, const char *name, const char *title,
                const char *filter)
{
	struct preset *n =
		realloc(a->presets, (a->npresets + 1) * sizeof *a->presets);
	if (!n)
		return false;
	a->presets = n;
	struct preset *p = &a->presets[a->npresets];
	p->name = strdup(name);
	p->title = strdup(title);
	p->filter = strdup(filter);
	if (!p->name || !p->title || !p->filter) {
		free(p->name);
		free(p->title);
		free(p->filter);
		return false;
	}
	a->npresets++;
	return true;
}

void presets_load(struct app *a)
{
	FILE *f = open_presets();
	if (!f)
		return;
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *title = strchr(line, '\t');
		char *filter = title ? strchr(title + 1, '\t') : NULL;
		if (!filter)
			continue;
		*title++ = '\0';
		*filter++ = '\0';
		if (!add(a, line, title, filter))
			break;
	}
	fclose(f);
}

void presets_free(struct app *a)
{
	for (size_t i = 0; i < a->npresets; i++) {
		free(a->presets[i].name);
		free(a->presets[i].title);
		free(a->presets[i].filter);
	}
	free(a->presets);
	a->presets = NULL;
	a->npresets = 0;
}

void presets_open(struct app *a)
{
	if (a->npresets == 0) {
		app_message(a, "%s",
		            _("no presets found (set TRAILNAV_DATADIR to the "
		              "directory holding 'presets')"));
		return;
	}
	a->overlay = OV_PRESETS;
}

void presets_key(struct app *a, int is_key, wint_t ch)
{
	size_t n = a->npresets;
	if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k'))
		a->preset_sel = a->preset_sel ? a->preset_sel - 1 : n - 1;
	else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j'))
		a->preset_sel = (a->preset_sel + 1) % n;
	else if ((is_key && ch == KEY_HOME) || (!is_key && ch == 'g'))
		a->preset_sel = 0;
	else if ((is_key && ch == KEY_END) || (!is_key && ch == 'G'))
		a->preset_sel = n - 1;
	else if (!is_key && (ch == 27 || ch == 'q' || ch == 'p'))
		a->overlay = OV_NONE;
	else if ((!is_key && (ch == '\r' || ch == '\n' || ch == ' ')) ||
	         (is_key && ch == KEY_ENTER)) {
		a->overlay = OV_NONE;
		struct filter_error err;
		if (app_set_filter(a, a->presets[a->preset_sel].filter, &err) < 0)
			app_message(a, _("preset '%s': %s"),
			            a->presets[a->preset_sel].name, err.message);
	}
}

void presets_draw(struct app *a)
{
	int w = a->cols - 8 < 76 ? a->cols - 8 : 76;
	int h = (int)a->npresets + 5;
	if (h > a->rows - 2)
		h = a->rows - 2;
	int y0 = (a->rows - h) / 2, x0 = (a->cols - w) / 2;
	for (int y = 0; y < h; y++)
		draw_fill(y0 + y, x0, w, 0);
	const char *line = a->utf8 ? "\xe2\x94\x80" : "-";
	for (int x = 0; x < w; x++) {
		draw_safe(a, y0, x0 + x, 1, line, 0);
		draw_safe(a, y0 + h - 1, x0 + x, 1, line, 0);
	}
	draw_safe(a, y0, x0 + 2, w - 4,
	          _(" Presets: Enter applies, Esc closes "), A_BOLD);
	int rows = h - 4;
	size_t top = a->preset_sel >= (size_t)rows
	                     ? a->preset_sel - (size_t)rows + 1
	                     : 0;
	for (int i = 0; i < rows && top + (size_t)i < a->npresets; i++) {
		size_t k = top + (size_t)i;
		int attr = k == a->preset_sel ? A_REVERSE : 0;
		draw_fill(y0 + 1 + i, x0 + 1, w - 2, attr);
		draw_text(a, y0 + 1 + i, x0 + 2, w - 4, a->presets[k].title,
		          attr);
	}
	draw_safe(a, y0 + h - 3, x0 + 2, w - 4, _("filter:"), A_BOLD);
	draw_typed(a, y0 + h - 2, x0 + 2, w - 4,
	           a->presets[a->preset_sel].filter, 0);
}
