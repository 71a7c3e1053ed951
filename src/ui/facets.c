/* facets.c - the filter pane: each facet's values with their counts
 * under the current filter; space toggles a value, typing narrows.
 *
 * A facet is counted under the filter without its own key, as faceted
 * search does: picking "eu-west-1" must not hide the other regions one
 * might add to it.  The counts come from a store tally (store.h), run a
 * slice at a time between keys: over millions of events they fill in
 * while the browser stays responsive.  Toggling edits
 * the filter text (compose.c), so OR within a facet and AND across
 * facets is simply the filter language's own rule.
 */
#include <config.h>

#include "ui/curses.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/internal.h"
#include "util/buf.h"
#include "util/fit_label.h"
#include "util/format.h"
#include "util/i18n.h"

/* Values fetched per facet: enough to scroll through, few enough to
 * label fast.  Narrowing picks among all the counted values, not just
 * these (a principal or event name ranked far down is what one types
 * to find). */
#define FACET_LIMIT 200

struct facet_def {
	enum store_dimension dim;
	enum filter_key key;
	const char *title;
};

static const struct facet_def defs[8] = {
	{ DIM_CATEGORY, FK_CAT, N_("Category") },
	{ DIM_REGION, FK_REGION, N_("Region") },
	{ DIM_SERVICE, FK_SERVICE, N_("Service") },
	{ DIM_EVENT, FK_EVENT, N_("Event name") },
	{ DIM_PRINCIPAL, FK_PRINCIPAL, N_("Principal") },
	{ DIM_ACCOUNT, FK_ACCOUNT, N_("Account") },
	{ DIM_ERROR, FK_ERROR, N_("Error code") },
	{ DIM_READ_ONLY, FK_RO, N_("Read/write") },
};
#define NDEFS (sizeof defs / sizeof defs[0])

void facets_free(struct facets_state *f)
{
	for (size_t i = 0; i < NDEFS; i++)
		store_facet_free(&f->values[i]);
	store_tally_free(f->tally);
	f->tally = NULL;
	free(f->items);
	f->items = NULL;
	f->nitems = f->cap = 0;
	free(f->follow);
	f->follow = NULL;
}

static bool matches(const char *narrow, const char *s)
{
	if (!*narrow)
		return true;
	if (!s)
		return false;
	size_t n = strlen(narrow);
	for (; *s; s++)
		if (strncasecmp(s, narrow, n) == 0)
			return true;
	return false;
}

static bool keep_narrowed(const struct store_facet_value *v, void *narrow)
{
	return matches(narrow, v->label) || matches(narrow, v->value);
}

static bool push(struct facets_state *f, struct facet_item it)
{
	if (f->nitems == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct facet_item *n = realloc(f->items, cap * sizeof *n);
		if (!n)
			return false;
		f->items = n;
		f->cap = cap;
	}
	f->items[f->nitems++] = it;
	return true;
}

/* The visible items: headers and the values that survive narrowing. */
static void rebuild(struct app *a)
{
	struct facets_state *f = &a->facets;
	f->nitems = 0;
	for (size_t d = 0; d < NDEFS; d++) {
		size_t header = f->nitems;
		bool any = false;
		if (!push(f, (struct facet_item){ (int)d, true, NULL,
		                                  _(defs[d].title), 0, false }))
			return;
		if (defs[d].dim == DIM_REGION && f->global_count > 0 &&
		    matches(f->narrow, _("(global services)"))) {
			push(f, (struct facet_item){
				        (int)d, false, "global",
				        _("(global services)"), f->global_count,
				        compose_selected(a->filter, FK_REGION,
				                         "global") });
			any = true;
		}
		const struct store_facet *sf = &f->values[d];
		for (size_t i = 0; i < sf->count; i++) {
			const struct store_facet_value *v = &sf->values[i];
			if (!matches(f->narrow, v->label) &&
			    !matches(f->narrow, v->value))
				continue;
			push(f, (struct facet_item){
				        (int)d, false, v->value, v->label, v->count,
				        compose_selected(a->filter, defs[d].key,
				                         v->value) });
			any = true;
		}
		if (!any)
			f->nitems = header;
	}
	if (f->sel >= f->nitems)
		f->sel = f->nitems ? f->nitems - 1 : 0;
	while (f->sel < f->nitems && f->items[f->sel].header)
		f->sel++;
	if (f->sel >= f->nitems)
		f->sel = 0;
}

void facets_load(struct app *a)
{
	struct facets_state *f = &a->facets;
	enum store_dimension dims[NDEFS];
	for (size_t d = 0; d < NDEFS; d++)
		dims[d] = defs[d].dim;
	struct store_tally_spec spec = { dims, NDEFS, 0, 0, 0 };
	store_tally_free(f->tally);
	f->tally = store_tally_begin(a->store, a->filter, &spec);
	if (!f->tally)
		app_message(a, "%s", store_errmsg(a->store));
	facets_take(a);
}

bool facets_counting(const struct app *a)
{
	return a->facets.tally && !store_tally_done(a->facets.tally);
}

static void keep_visible(struct app *a);

/* Remembers the value under the cursor as the one it belongs on: what
 * the person chose, as opposed to where counting left the cursor. */
static void remember(struct facets_state *f)
{
	free(f->follow);
	f->follow = NULL;
	if (f->sel >= f->nitems || f->items[f->sel].header ||
	    !f->items[f->sel].value)
		return;
	f->follow_facet = f->items[f->sel].facet;
	f->follow = strdup(f->items[f->sel].value);
}

/* Puts the cursor back on the remembered value if it is listed. */
static void reselect(struct facets_state *f)
{
	for (size_t i = 0; f->follow && i < f->nitems; i++)
		if (f->items[i].facet == f->follow_facet && f->items[i].value &&
		    strcmp(f->items[i].value, f->follow) == 0) {
			f->sel = i;
			return;
		}
}

/* Counts arrive a slice at a time and reorder the values, and a new
 * filter starts them from nothing: the cursor follows the value it was
 * put on, not its row, and finds it again once it is counted. */
void facets_take(struct app *a)
{
	struct facets_state *f = &a->facets;
	if (!f->tally) {
		for (size_t d = 0; d < NDEFS; d++)
			store_facet_free(&f->values[d]);
		a->matched = f->global_count = 0;
	} else {
		/* Values of the same label (two users named alice in two
		 * accounts) are told apart, as `stats` does. */
		for (size_t d = 0; d < NDEFS; d++)
			if (store_tally_facet_where(
				    f->tally, d, FACET_LIMIT,
				    f->narrow[0] ? keep_narrowed : NULL,
				    f->narrow, &f->values[d]) < 0)
				app_message(a, "%s", store_errmsg(a->store));
			else if (store_facet_tell_apart(
			                 &f->values[d]) < 0)
				app_message(a, "%s", _("out of memory"));
		a->matched = store_tally_matched(f->tally);
		f->global_count = store_tally_global(f->tally);
	}
	rebuild(a);
	reselect(f);
	keep_visible(a);
}

static int rows(const struct app *a)
{
	return a->pane[PANE_FACETS].h - 1;
}

static void keep_visible(struct app *a)
{
	struct facets_state *f = &a->facets;
	int h = rows(a);
	if (h < 1)
		return;
	if (f->sel < f->top)
		f->top = f->sel > 0 && f->items[f->sel - 1].header ? f->sel - 1
		                                                   : f->sel;
	if (f->sel >= f->top + (size_t)h)
		f->top = f->sel - (size_t)h + 1;
}

void facets_move(struct app *a, long delta)
{
	struct facets_state *f = &a->facets;
	if (f->nitems == 0)
		return;
	long i = (long)f->sel, step = delta < 0 ? -1 : 1;
	for (long n = labs(delta); n > 0; n--) {
		long j = i + step;
		while (j >= 0 && j < (long)f->nitems && f->items[j].header)
			j += step;
		if (j < 0 || j >= (long)f->nitems)
			break;
		i = j;
	}
	f->sel = (size_t)i;
	remember(f);
	if (step < 0 && f->sel == 1)
		f->top = 0;
	keep_visible(a);
}

void facets_toggle(struct app *a)
{
	struct facets_state *f = &a->facets;
	if (f->sel >= f->nitems || f->items[f->sel].header)
		return;
	const struct facet_item *it = &f->items[f->sel];
	if (!it->value) {
		app_message(a, "%s", _("this value cannot be filtered on"));
		return;
	}
	remember(f);
	char *text = compose_toggle(a->filter, defs[it->facet].key, it->value);
	/* The cursor stays on the value just toggled (facets_take). */
	if (text)
		app_set_filter(a, text, NULL);
	keep_visible(a);
	free(text);
}

void facets_click(struct app *a, int y)
{
	struct facets_state *f = &a->facets;
	size_t i = f->top + (size_t)(y - a->pane[PANE_FACETS].y - 1);
	if (y <= a->pane[PANE_FACETS].y || i >= f->nitems || f->items[i].header)
		return;
	f->sel = i;
	facets_toggle(a);
}

/* The narrowing text changed: the values again, from all those counted,
 * the cursor on the first. */
static void renarrowed(struct app *a)
{
	a->facets.sel = a->facets.top = 0;
	free(a->facets.follow);
	a->facets.follow = NULL;
	facets_take(a);
	remember(&a->facets);
}

bool facets_narrow_key(struct app *a, wint_t ch)
{
	struct facets_state *f = &a->facets;
	size_t n = strlen(f->narrow);
	/* Letters and what facet values are made of; '/' and '?' stay the
	 * global keys. */
	if (ch > 127 || !(isalnum((int)ch) || strchr("-_.:@*()", (int)ch)) ||
	    n + 1 >= sizeof f->narrow)
		return false;
	f->narrow[n] = (char)ch;
	f->narrow[n + 1] = '\0';
	renarrowed(a);
	return true;
}

bool facets_narrow_clear(struct app *a)
{
	struct facets_state *f = &a->facets;
	if (!f->narrow[0])
		return false;
	f->narrow[0] = '\0';
	renarrowed(a);
	return true;
}

/* Backspace: one character less of narrowing. */
bool facets_narrow_backspace(struct app *a)
{
	struct facets_state *f = &a->facets;
	size_t n = strlen(f->narrow);
	if (n == 0)
		return false;
	f->narrow[n - 1] = '\0';
	renarrowed(a);
	return true;
}

static void draw_item(struct app *a, int y, const struct facet_item *it,
                      bool cursor)
{
	const struct rect *r = &a->pane[PANE_FACETS];
	if (it->header) {
		draw_safe(a, y, r->x + 1, r->w - 1, it->label,
		          draw_attr(a, R_TITLE) | A_UNDERLINE);
		return;
	}
	int attr = it->selected ? A_BOLD : 0;
	if (cursor)
		attr |= a->focus == PANE_FACETS ? A_REVERSE : A_UNDERLINE;
	draw_fill(y, r->x, r->w, attr);
	char count[32];
	fmt_count(count, it->count);
	int cw = (int)strlen(count);
	draw_safe(a, y, r->x + 1, 2, it->selected ? "*" : " ", attr);
	char tmp[128];
	const char *label = it->label ? it->label : "";
	if (defs[it->facet].dim == DIM_SERVICE) {
		/* "s3.amazonaws.com" says no more than "s3" here. */
		const char *dot = strstr(label, ".amazonaws.com");
		if (dot && (size_t)(dot - label) < sizeof tmp) {
			memcpy(tmp, label, (size_t)(dot - label));
			tmp[dot - label] = '\0';
			label = tmp;
		}
	}
	struct buf escaped, fitted;
	buf_init(&escaped);
	buf_init(&fitted);
	fmt_escape(&escaped, label);
	int width = r->w - 4 - cw;
	if (width > 0)
		fmt_fit_label(&fitted, escaped.data ? escaped.data : "",
		              (size_t)width);
	draw_safe(a, y, r->x + 3, width, fitted.data ? fitted.data : "", attr);
	buf_free(&escaped);
	buf_free(&fitted);
	draw_safe(a, y, r->x + r->w - cw, cw, count, attr);
}

void facets_draw(struct app *a)
{
	struct facets_state *f = &a->facets;
	const struct rect *r = &a->pane[PANE_FACETS];
	struct buf t;
	buf_init(&t);
	buf_puts(&t, _("Filters"));
	if (f->narrow[0]) {
		buf_puts(&t, " /");
		fmt_escape(&t, f->narrow);
	}
	layout_pane_title(a, PANE_FACETS, t.data ? t.data : "");
	buf_free(&t);
	keep_visible(a);
	int h = rows(a);
	for (int i = 0; i < h && f->top + (size_t)i < f->nitems; i++) {
		size_t k = f->top + (size_t)i;
		draw_item(a, r->y + 1 + i, &f->items[k], k == f->sel);
	}
	if (f->nitems == 0 && f->narrow[0])
		draw_safe(a, r->y + 1, r->x + 1, r->w - 1, _("(nothing matches)"),
		          0);
}
