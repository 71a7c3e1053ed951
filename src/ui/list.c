/* list.c - the event list: keyset paging over the store.
 *
 * Only a screenful and a little more is ever held: the page starting at
 * the first row shown (`top`, inclusive), about two screens long.  Moving
 * past either end fetches from a cursor (store_page), never by offset, so
 * scrolling costs the same at row ten as at row ten million.
 */
#include <config.h>

#include "ui/curses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

enum col { C_TIME, C_CAT, C_REGION, C_SERVICE, C_EVENT, C_PRINCIPAL, C_IP,
           C_ERROR, C_COUNT_ };

static const struct column columns[C_COUNT_] = {
	/* min, preferred, importance (0 most), flexible, grows last: the
	 * year goes before anything else is cut short. */
	[C_TIME] = { 14, 19, 0, false, true },
	[C_CAT] = { 4, 4, 7, false, false },
	[C_REGION] = { 9, 14, 5, false, false },
	[C_SERVICE] = { 6, 10, 6, false, false },
	[C_EVENT] = { 12, 26, 1, true, false },
	[C_PRINCIPAL] = { 10, 22, 2, true, false },
	[C_IP] = { 15, 15, 4, false, false },
	[C_ERROR] = { 8, 18, 3, true, false },
};

static const char *const headings[C_COUNT_] = {
	N_("TIME"), N_("CAT"), N_("REGION"), N_("SERVICE"),
	N_("EVENT"), N_("PRINCIPAL"), N_("SOURCE IP"), N_("ERROR"),
};

int list_visible(const struct app *a)
{
	int h = a->pane[PANE_LIST].h - 1;
	return h > 0 ? h : 1;
}

static enum store_direction forward(const struct app *a)
{
	return a->list.newest_first ? STORE_OLDER : STORE_NEWER;
}

static enum store_direction backward(const struct app *a)
{
	return a->list.newest_first ? STORE_NEWER : STORE_OLDER;
}

const struct store_row *list_selected(const struct app *a)
{
	const struct list_state *l = &a->list;
	return l->sel < l->page.count ? &l->page.rows[l->sel] : NULL;
}

static struct store_cursor cursor_of(const struct store_row *r)
{
	return (struct store_cursor){ r->time_ms, r->row };
}

static void format_time(const struct app *a, int64_t ms, int width,
                        char out[32])
{
	if (!event_time_known(ms)) { /* eventTime missing or unusable */
		snprintf(out, 32, "%s", _("(no time)"));
		return;
	}
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	bool ok = a->list.local_time ? localtime_r(&t, &tm) != NULL
	                             : gmtime_r(&t, &tm) != NULL;
	/* Narrow panes drop the year. */
	if (!ok || (width >= 19 ? strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm)
	                        : strftime(out, 32, "%m-%d %H:%M:%S", &tm)) == 0)
		strcpy(out, "?");
}

/* The first slice of a page's search, before the key that asked for it
 * is answered on screen: dense matches and those an index finds take a
 * few milliseconds, the rest are searched for between keys. */
#define FETCH_BUDGET_MS 35
/* The rows above the top are searched for while the key waits, but no
 * longer than this: they are near, the person came from them (unless a
 * sparse filter's list was entered from elsewhere: then fewer come, and
 * the rest at the next key). */
#define BACK_BUDGET_MS 100

bool list_searching(const struct app *a)
{
	return a->list.search != NULL;
}

static void clamp_selection(struct list_state *l)
{
	if (l->sel >= l->page.count)
		l->sel = l->page.count ? l->page.count - 1 : 0;
}

static void set_top(struct app *a, const struct store_row *r)
{
	a->list.at_start = false;
	a->list.top = cursor_of(r);
}

static void fetch(struct app *a);

/* The End search found the last rows (backward order, in `end_page`):
 * they are the page, from its top. */
static void end_found(struct app *a)
{
	struct list_state *l = &a->list;
	struct store_page tail = l->end_page;
	memset(&l->end_page, 0, sizeof l->end_page);
	if (tail.count == 0) {
		store_page_free(&tail);
		return;
	}
	for (size_t i = 0, j = tail.count - 1; i < j; i++, j--) {
		struct store_row t = tail.rows[i];
		tail.rows[i] = tail.rows[j];
		tail.rows[j] = t;
	}
	bool start = !tail.more;
	tail.more = false; /* nothing comes after the last */
	store_page_free(&l->page);
	l->page = tail;
	set_top(a, &l->page.rows[0]);
	l->at_start = start;
	l->sel = l->page.count - 1;
}

void list_search_step(struct app *a, int64_t budget_ms)
{
	struct list_state *l = &a->list;
	if (!l->search)
		return;
	int rc = store_search_step(l->search, budget_ms,
	                           l->search_for_end ? &l->end_page : &l->page);
	if (rc != 0) {
		store_search_free(l->search);
		l->search = NULL;
	}
	if (rc < 0) {
		app_message(a, "%s", store_errmsg(a->store));
		store_page_free(&l->end_page);
	} else if (rc == 1 && l->search_for_end) {
		end_found(a);
	} else if (rc == 1 && l->page.count == 0 && !l->at_start) {
		/* The top row went away (or the filter changed under it). */
		l->at_start = true;
		fetch(a);
		return;
	}
	clamp_selection(l);
	detail_follow(a);
}

static void search_start(struct app *a, const struct store_cursor *from,
                         enum store_direction dir, size_t limit, bool for_end)
{
	struct list_state *l = &a->list;
	store_search_free(l->search);
	store_page_free(&l->end_page);
	l->stopped = false;
	l->search_for_end = for_end;
	l->search = store_search_begin(a->store, a->filter, from, dir, limit);
	if (!l->search) {
		app_message(a, "%s", store_errmsg(a->store));
		return;
	}
	list_search_step(a, FETCH_BUDGET_MS);
}

void list_search_stop(struct app *a)
{
	struct list_state *l = &a->list;
	int64_t at;
	char when[32] = "";
	if (!l->search)
		return;
	if (store_search_reached(l->search, &at))
		format_time(a, at, 19, when);
	store_search_free(l->search);
	l->search = NULL;
	l->stopped = !l->search_for_end;
	store_page_free(&l->end_page);
	if (*when)
		app_message(a, _("search stopped at %s: the list holds what "
		                 "was found before"),
		            when);
	else
		app_message(a, "%s", _("search stopped"));
}

void list_free(struct app *a)
{
	store_search_free(a->list.search);
	a->list.search = NULL;
	store_page_free(&a->list.end_page);
	store_page_free(&a->list.page);
}

/* Fetches the page from the top row, inclusive: the cursor is the
 * neighbour position just outside it (rows are whole numbers).  What is
 * not found in the first slice is searched for between keys. */
static void fetch(struct app *a)
{
	struct list_state *l = &a->list;
	size_t limit = (size_t)list_visible(a) * 2 + 1;
	struct store_cursor from = l->top;
	from.row += l->newest_first ? 1 : -1;
	search_start(a, l->at_start ? NULL : &from, forward(a), limit, false);
}

void list_reload(struct app *a, bool keep_selection)
{
	struct list_state *l = &a->list;
	const struct store_row *was = keep_selection ? list_selected(a) : NULL;
	struct store_cursor want = was ? cursor_of(was) : (struct store_cursor){0};
	int64_t want_row = was ? was->row : 0;
	fetch(a);
	if (want_row) {
		size_t i = 0;
		while (i < l->page.count && l->page.rows[i].row != want_row)
			i++;
		if (i < (size_t)list_visible(a) && i < l->page.count) {
			l->sel = i;
		} else {
			/* Out of sight now: start the screen at it. */
			l->at_start = false;
			l->top = want;
			fetch(a);
			l->sel = 0;
		}
	}
	if (l->sel >= l->page.count)
		l->sel = l->page.count ? l->page.count - 1 : 0;
	detail_follow(a);
}

/* Rows before the top, in backward order (nearest first); *complete
 * false when the search for them ran out of time (BACK_BUDGET_MS). */
static size_t fetch_back(struct app *a, size_t n, struct store_page *back,
                         bool *complete)
{
	*complete = true;
	if (a->list.at_start || a->list.page.count == 0)
		return 0;
	struct store_search *q = store_search_begin(a->store, a->filter,
	                                            &a->list.top, backward(a), n);
	int rc = q ? store_search_step(q, BACK_BUDGET_MS, back) : -1;
	store_search_free(q);
	if (rc < 0) {
		app_message(a, "%s", store_errmsg(a->store));
		return 0;
	}
	*complete = rc == 1;
	return back->count;
}

void list_move(struct app *a, long delta)
{
	struct list_state *l = &a->list;
	if (l->page.count == 0)
		return;
	long target = (long)l->sel + delta;
	long vis = list_visible(a);
	if (target < 0) {
		struct store_page back = { 0 };
		bool complete;
		size_t m = fetch_back(a, (size_t)-target, &back, &complete);
		if (m > 0) {
			bool start = complete && !back.more;
			set_top(a, &back.rows[m - 1]);
			l->at_start = start;
			target += (long)m;
		}
		store_page_free(&back);
		if (target < 0)
			target = 0;
		fetch(a);
	} else if (target >= (long)l->page.count) {
		target = (long)l->page.count - 1;
	}
	if (target >= vis) {
		/* Scroll so the target is the last row shown. */
		set_top(a, &l->page.rows[target - vis + 1]);
		fetch(a);
		target = vis - 1;
		if (target >= (long)l->page.count)
			target = (long)l->page.count - 1;
	}
	l->sel = (size_t)target;
	detail_follow(a);
}

void list_home(struct app *a)
{
	a->list.at_start = true;
	a->list.sel = 0;
	fetch(a);
	detail_follow(a);
}

/* The last rows are searched for from the other end; end_found() makes
 * them the page (at once, or when a later slice finds them). */
void list_end(struct app *a)
{
	search_start(a, NULL, backward(a), (size_t)list_visible(a), true);
}

void list_click(struct app *a, int y)
{
	int i = y - a->pane[PANE_LIST].y - 1;
	if (i >= 0 && (size_t)i < a->list.page.count && i < list_visible(a)) {
		a->list.sel = (size_t)i;
		detail_follow(a);
	}
}

static const char *short_service(const char *s, char *out, size_t n)
{
	const char *suffix = ".amazonaws.com";
	size_t len = strlen(s), sl = strlen(suffix);
	if (len > sl && strcmp(s + len - sl, suffix) == 0 && len - sl < n) {
		memcpy(out, s, len - sl);
		out[len - sl] = '\0';
		return out;
	}
	return s;
}

static const char *cell(const struct app *a, const struct store_row *r,
                        int c, int width, char *tmp, size_t n)
{
	static const char *const cats[] = { "mgmt", "data", "ins", "net" };
	switch (c) {
	case C_TIME:
		format_time(a, r->time_ms, width, tmp);
		return tmp;
	case C_CAT:
		return r->category < 4 ? cats[r->category] : "?";
	case C_REGION:
		return r->region ? r->region : "";
	case C_SERVICE:
		return r->service ? short_service(r->service, tmp, n) : "";
	case C_EVENT:
		return r->event_name ? r->event_name : "";
	case C_PRINCIPAL:
		return r->principal_name && *r->principal_name
		               ? r->principal_name
		               : r->principal_arn ? r->principal_arn : "";
	case C_IP:
		return r->source_ip ? r->source_ip : "";
	default:
		return r->error_code ? r->error_code : "";
	}
}

static void draw_heading(struct app *a, const int *w)
{
	struct buf b;
	buf_init(&b);
	const char *title = a->list.local_time ? _("TIME (local)")
	                                       : _("TIME (UTC)");
	/* Lined up with the rows: they start after the mark column. */
	buf_puts(&b, " ");
	for (int c = 0; c < C_COUNT_; c++) {
		if (w[c] == 0)
			continue;
		if (b.len > 1)
			buf_putc(&b, ' ');
		fmt_fit(&b, c == C_TIME ? title : _(headings[c]), (size_t)w[c], 0);
	}
	layout_pane_title(a, PANE_LIST, b.data ? b.data : "");
	buf_free(&b);
}

/* Under the rows found so far: how far the search has looked. */
static void draw_searching(struct app *a, int y)
{
	const struct rect *r = &a->pane[PANE_LIST];
	if (y >= r->y + r->h)
		y = r->y + r->h - 1;
	int64_t at;
	char when[32];
	struct buf b;
	buf_init(&b);
	if (store_search_reached(a->list.search, &at)) {
		format_time(a, at, 19, when);
		buf_printf(&b,
		           a->list.search_for_end
		                   ? _("searching for the last events: at %s "
		                       "(Esc stops)")
		                   : _("searching: at %s (Esc stops)"),
		           when);
	} else {
		buf_puts(&b, _("searching (Esc stops)"));
	}
	draw_safe(a, y, r->x + 2, r->w - 2, b.data ? b.data : "",
	          draw_attr(a, R_DIM));
	buf_free(&b);
}

void list_draw(struct app *a)
{
	const struct rect *r = &a->pane[PANE_LIST];
	int w[C_COUNT_];
	/* Two columns go to the focus marker, one to the row's mark. */
	columns_fit(columns, C_COUNT_, r->w - 3, w);
	draw_heading(a, w);
	const struct list_state *l = &a->list;
	int vis = list_visible(a);
	if (l->page.count == 0 && !l->search) {
		draw_safe(a, r->y + 2, r->x + 2, r->w - 2,
		          l->stopped ? _("The search was stopped before it "
		                         "found an event.")
		                     : _("No events match this filter."),
		          0);
		return;
	}
	if (l->search && (int)l->page.count < vis)
		draw_searching(a, r->y + 1 + (int)l->page.count + 1);
	for (int i = 0; i < vis && (size_t)i < l->page.count; i++) {
		const struct store_row *row = &l->page.rows[i];
		bool err = row->error_code && *row->error_code;
		bool write = row->read_only == 0;
		int attr = err ? draw_attr(a, R_ERROR)
		           : write ? draw_attr(a, R_WRITE) : 0;
		if ((size_t)i == l->sel)
			attr |= a->focus == PANE_LIST ? A_REVERSE : A_UNDERLINE |
			                                        A_BOLD;
		int y = r->y + 1 + i, x = r->x;
		draw_fill(y, x, r->w, attr);
		/* The mark says it in text too: ! error, + write. */
		draw_safe(a, y, x + 1, 1, err ? "!" : write ? "+" : " ", attr);
		x += 3;
		for (int c = 0; c < C_COUNT_; c++) {
			if (w[c] == 0)
				continue;
			char tmp[64];
			draw_text(a, y, x, w[c],
			          cell(a, row, c, w[c], tmp, sizeof tmp), attr);
			x += w[c] + 1;
		}
	}
}
