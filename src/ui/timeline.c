/* timeline.c - events per time bucket over the filtered span, errors
 * overlaid; zoom, pan, and narrowing the filter to the selected bucket.
 *
 * Only the buckets on screen are counted: the histogram is asked for the
 * visible window (intersected with the filter's own time terms), so a
 * one-minute zoom over a year of events costs one screen of buckets.
 * The counting is a store tally, carried on between keys like the
 * facets'.
 */
#include <config.h>

#include "ui/curses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

#define MINUTE INT64_C(60000)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

static const int64_t widths[] = { MINUTE,   5 * MINUTE, 15 * MINUTE,
                                  30 * MINUTE, HOUR,    3 * HOUR,
                                  6 * HOUR, 12 * HOUR,  DAY,
                                  7 * DAY,  30 * DAY };
static const char *const width_names[] = { "1m", "5m", "15m", "30m", "1h",
                                           "3h", "6h", "12h", "1d", "7d",
                                           "30d" };
#define NLEVELS ((int)(sizeof widths / sizeof widths[0]))

static int64_t floor_to(int64_t t, int64_t w)
{
	return t - (((t % w) + w) % w);
}

static int columns(const struct app *a)
{
	int c = a->pane[PANE_TIMELINE].w - 2;
	return c > 1 ? c : 1;
}

/* The filter's own time bounds, when it has only positive ones. */
static void filter_bounds(const struct filter *f, int64_t *lo, int64_t *hi)
{
	bool have_since = false, have_until = false;
	int64_t since = INT64_MAX, until = INT64_MIN;
	for (size_t i = 0; f && i < f->nterms; i++) {
		const struct filter_term *t = &f->terms[i];
		if ((t->key != FK_SINCE && t->key != FK_UNTIL) || t->negated)
			continue;
		for (size_t k = 0; k < t->nvalues; k++) {
			if (t->key == FK_SINCE && t->values[k].time_lo < since) {
				since = t->values[k].time_lo;
				have_since = true;
			}
			if (t->key == FK_UNTIL && t->values[k].time_hi > until) {
				until = t->values[k].time_hi;
				have_until = true;
			}
		}
	}
	if (have_since && since > *lo)
		*lo = since;
	if (have_until && until < *hi)
		*hi = until;
}

static void count_window(struct app *a)
{
	struct timeline_state *t = &a->timeline;
	int64_t w = widths[t->level];
	int64_t lo = t->view_start, hi = t->view_start + w * columns(a);
	filter_bounds(a->filter, &lo, &hi);
	store_histogram_free(&t->hist);
	store_tally_free(t->tally);
	t->tally = NULL;
	if (hi <= lo)
		return;
	struct store_tally_spec spec = { NULL, 0, w, lo, hi };
	t->tally = store_tally_begin(a->store, a->filter, &spec);
	if (!t->tally)
		app_message(a, "%s", store_errmsg(a->store));
}

bool timeline_counting(const struct app *a)
{
	return a->timeline.tally && !store_tally_done(a->timeline.tally);
}

void timeline_take(struct app *a)
{
	struct timeline_state *t = &a->timeline;
	if (t->tally && store_tally_histogram(t->tally, &t->hist) < 0)
		app_message(a, "%s", store_errmsg(a->store));
}

void timeline_free(struct timeline_state *t)
{
	store_tally_free(t->tally);
	t->tally = NULL;
	store_histogram_free(&t->hist);
}

/* The filtered span: the oldest and the newest matching event, as the
 * count found them; until it has, the database's span within the
 * filter's time terms, marked provisional (timeline_refit() runs
 * when the count is complete).  Asking the store for the two ends would
 * cost two searches that, for a sparse filter, read every match.
 * Events without a usable time (stored as 0) are left out of the span
 * and counted apart: one of them made the span 1970 to now, at 30 days
 * a column, where no zoom could show the rest. */
static void load_span(struct app *a)
{
	struct timeline_state *t = &a->timeline;
	const struct store_tally *c = a->facets.tally;
	t->provisional = !c || !store_tally_done(c);
	if (!t->provisional) {
		store_tally_span(c, &t->oldest, &t->newest);
		t->undated = store_tally_undated(c);
		t->have_span = store_tally_matched(c) > t->undated;
		return;
	}
	t->undated = 0;
	t->oldest = a->oldest_all;
	t->newest = a->newest_all;
	filter_bounds(a->filter, &t->oldest, &t->newest);
	t->have_span = a->total > 0 && a->oldest_all > 0 &&
	               t->oldest <= t->newest;
}

/* Fits the view to the span when it follows it (or reset_view); true
 * when the columns shown changed. */
static bool fit_view(struct app *a, bool reset_view)
{
	struct timeline_state *t = &a->timeline;
	int old_level = t->level;
	int64_t old_start = t->view_start;
	if (t->automatic || reset_view) {
		int64_t span = t->newest - t->oldest + 1;
		int level = 0;
		while (level < NLEVELS - 1 && span / widths[level] >= columns(a))
			level++;
		int64_t w = widths[level], newest = floor_to(t->newest, w);
		t->level = level;
		t->view_start = floor_to(t->oldest, w);
		/* Longer than the widest columns show (years of a trail): the
		 * newest part is in view, as triage wants, with the cursor on
		 * the newest bucket rather than on an empty one mid-span. */
		if ((newest - t->view_start) / w >= columns(a))
			t->view_start = newest - w * (columns(a) - 1);
		t->sel = (int)((newest - t->view_start) / w);
	}
	if (t->sel >= columns(a))
		t->sel = columns(a) - 1;
	return t->level != old_level || t->view_start != old_start;
}

void timeline_load(struct app *a, bool reset_view)
{
	struct timeline_state *t = &a->timeline;
	load_span(a);
	if (!t->have_span) {
		timeline_free(t);
		return;
	}
	fit_view(a, reset_view);
	count_window(a);
}

void timeline_refit(struct app *a)
{
	struct timeline_state *t = &a->timeline;
	bool had_span = t->have_span;
	load_span(a);
	if (!t->have_span) {
		timeline_free(t);
		return;
	}
	/* The same columns under the same filter: what is counted stands
	 * (with no filter, the provisional span is the exact one). */
	if (fit_view(a, false) || !had_span || (!t->tally && !t->hist.count))
		count_window(a);
}

static const struct store_bucket *bucket_at(const struct app *a, int col)
{
	const struct timeline_state *t = &a->timeline;
	int64_t start = t->view_start + widths[t->level] * col;
	for (size_t i = 0; i < t->hist.count; i++)
		if (t->hist.buckets[i].start_ms == start)
			return &t->hist.buckets[i];
	return NULL;
}

/* The buckets of the oldest and the newest event of the span, at the
 * level shown: the cursor goes no further, so Home and End (a move by a
 * million) stop at the first and the last bucket with events rather
 * than decades away. */
static void span_buckets(const struct timeline_state *t, int64_t *first,
                         int64_t *last)
{
	int64_t w = widths[t->level];
	*first = floor_to(t->oldest, w);
	*last = floor_to(t->newest, w);
}

/* Selects the bucket starting at `at`, kept within the span; the view
 * scrolls just enough to show it. */
static void select_bucket(struct app *a, int64_t at)
{
	struct timeline_state *t = &a->timeline;
	int64_t w = widths[t->level], first, last;
	span_buckets(t, &first, &last);
	at = at < first ? first : at > last ? last : at;
	int cols = columns(a);
	int64_t col = (at - t->view_start) / w;
	if (at < t->view_start || col >= cols) {
		/* Off the edge: scroll so it is the first or last column. */
		t->view_start = at < t->view_start ? at : at - w * (cols - 1);
		col = (at - t->view_start) / w;
		count_window(a);
	}
	t->sel = (int)col;
}

void timeline_move(struct app *a, long delta)
{
	struct timeline_state *t = &a->timeline;
	if (!t->have_span)
		return;
	t->automatic = false;
	/* Clamped before multiplying: a million 30-day columns would do,
	 * but nothing is gained past the span. */
	int64_t w = widths[t->level], first, last;
	span_buckets(t, &first, &last);
	int64_t most = (last - first) / w + columns(a);
	if (delta > most)
		delta = (long)most;
	if (delta < -most)
		delta = (long)-most;
	select_bucket(a, t->view_start + w * (t->sel + delta));
}

void timeline_zoom(struct app *a, int step)
{
	struct timeline_state *t = &a->timeline;
	int level = t->level - step;
	if (level < 0 || level >= NLEVELS || !t->have_span)
		return;
	/* Keep the selected moment under the cursor. */
	int64_t at = t->view_start + widths[t->level] * t->sel;
	t->level = level;
	t->automatic = false;
	t->view_start = floor_to(at, widths[level]) - widths[level] * t->sel;
	count_window(a);
}

void timeline_pan(struct app *a, int direction)
{
	struct timeline_state *t = &a->timeline;
	if (!t->have_span)
		return;
	t->automatic = false;
	int64_t w = widths[t->level], first, last;
	span_buckets(t, &first, &last);
	int cols = columns(a);
	int64_t start = t->view_start + direction * w * (cols / 2);
	/* Some of the span stays in view, and the cursor on it. */
	if (start > last)
		start = last;
	if (start < first - w * (cols - 1))
		start = first - w * (cols - 1);
	if (start != t->view_start) {
		t->view_start = start;
		count_window(a);
	}
	select_bucket(a, start + w * t->sel);
}

void timeline_narrow(struct app *a)
{
	struct timeline_state *t = &a->timeline;
	if (!t->have_span)
		return;
	int64_t start = t->view_start + widths[t->level] * t->sel;
	char *text = compose_time(a->filter, start, start + widths[t->level]);
	if (text)
		app_set_filter(a, text, NULL);
	free(text);
}

void timeline_click(struct app *a, int x)
{
	int col = x - a->pane[PANE_TIMELINE].x - 1;
	if (col >= 0 && col < columns(a)) {
		a->timeline.sel = col;
		a->timeline.automatic = false;
	}
}

static void draw_title(struct app *a)
{
	struct timeline_state *t = &a->timeline;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, _("Timeline  %s per column"), width_names[t->level]);
	if (t->undated > 0) {
		/* Said first: the title is cut at the right on a narrow
		 * screen. */
		char u[32];
		fmt_count(u, t->undated);
		/* TRANSLATORS: events whose eventTime is missing or
		 * invalid, which no bucket shows. */
		buf_printf(&b, ngettext(", %s undated", ", %s undated",
		                        (unsigned long)t->undated),
		           u);
	}
	if (t->have_span) {
		char from[24], to[24], n[32], e[32];
		int64_t w = widths[t->level];
		int64_t start = t->view_start + w * t->sel;
		fmt_time(from, start);
		fmt_time(to, start + w);
		const struct store_bucket *bk = bucket_at(a, t->sel);
		fmt_count(n, bk ? bk->count : 0);
		fmt_count(e, bk ? bk->errors : 0);
		/* "2024-05-01 08:00:00" to "08:00" and the end's day cut when
		 * it is the same. */
		from[16] = '\0';
		const char *end = strncmp(from, to, 10) == 0 ? to + 11 : to;
		to[16] = '\0';
		int64_t count = bk ? bk->count : 0;
		buf_printf(&b, _("   selected %s to %s UTC: "), from, end);
		buf_printf(&b, ngettext("%s event", "%s events", (unsigned long)count),
		           n);
		buf_printf(&b, ngettext(", %s error", ", %s errors",
		                        (unsigned long)(bk ? bk->errors : 0)),
		           e);
	} else if (!t->undated) {
		buf_printf(&b, "   %s", _("no events"));
	}
	layout_pane_title(a, PANE_TIMELINE, b.data ? b.data : "");
	buf_free(&b);
}

/* The glyph of a bar part of `part` eighths (0 to 8). */
static const char *bar_glyph(const struct app *a, int part, char one[2])
{
	static const char *const blocks[] = {
		" ", "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
		"\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
		"\xe2\x96\x87", "\xe2\x96\x88"
	};
	static const char ascii[] = " .,:-=+*#";
	part = part < 0 ? 0 : part > 8 ? 8 : part;
	one[0] = ascii[part];
	one[1] = '\0';
	return a->utf8 ? blocks[part] : one;
}

/* Column c's two rows.  In colour: sixteen levels over both rows, the
 * errors' share of the bar in the error colour.  Without colour an
 * error can only be told by its glyph, and one in place of the bar's
 * hid it (every bucket with an error drew '!' instead of its bar): the
 * bar takes the lower row alone, at eight levels, and the upper row is
 * the errors', a '!' over each bucket that has any. */
static void draw_column(struct app *a, int c, int64_t n, int64_t e,
                        int64_t max)
{
	const struct rect *r = &a->pane[PANE_TIMELINE];
	bool cursor = c == a->timeline.sel && a->focus == PANE_TIMELINE;
	int extra = cursor ? (int)A_REVERSE : 0;
	char one[2];
	int y = r->y + 1, x = r->x + 1 + c;
	if (!a->colour) {
		int lv = (int)((n * 8 + max - 1) / max);
		draw_safe(a, y, x, 1, e > 0 ? "!" : " ",
		          (e > 0 ? draw_attr(a, R_ERROR) : 0) | extra);
		draw_safe(a, y + 1, x, 1, bar_glyph(a, lv, one),
		          draw_attr(a, R_BAR) | extra);
		return;
	}
	/* Anything at all shows. */
	int lv = (int)((n * 16 + max - 1) / max);
	int ev = (int)((e * 16 + max - 1) / max);
	for (int row = 0; row < 2; row++) {
		int part = row == 0 ? lv - 8 : lv;
		bool err = row == 0 ? ev > 8 : ev > 0;
		draw_safe(a, y + row, x, 1, bar_glyph(a, part, one),
		          draw_attr(a, err ? R_ERROR : R_BAR) | extra);
	}
}

void timeline_draw(struct app *a)
{
	struct timeline_state *t = &a->timeline;
	const struct rect *r = &a->pane[PANE_TIMELINE];
	draw_title(a);
	int cols = columns(a);
	int64_t max = 0;
	for (size_t i = 0; i < t->hist.count; i++)
		if (t->hist.buckets[i].count > max)
			max = t->hist.buckets[i].count;
	for (int c = 0; c < cols && max > 0; c++) {
		const struct store_bucket *bk = bucket_at(a, c);
		draw_column(a, c, bk ? bk->count : 0, bk ? bk->errors : 0, max);
	}
	if (max == 0 && t->have_span)
		draw_safe(a, r->y + 1, r->x + 2, r->w - 2,
		          _("(no events in this window: + and - zoom, < and > "
		            "pan)"),
		          0);
}
