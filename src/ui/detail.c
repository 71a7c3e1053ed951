/* detail.c - the detail pane: the selected event's original record,
 * pretty-printed (pretty.c) and coloured, with a line cursor for folding
 * and for pivots ("show me everything this access key did").
 */
#include <config.h>

#include "ui/curses.h"

#include <stdlib.h>
#include <string.h>

#include "ui/internal.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"

void detail_free(struct detail_state *d)
{
	pretty_free(d->pretty);
	free(d->summary);
	d->pretty = NULL;
	d->summary = NULL;
	d->row = 0;
	d->cur = d->top = 0;
	d->hscroll = 0;
}

/* Loads the selected event's record, unless it is already shown. */
void detail_follow(struct app *a)
{
	const struct store_row *r = list_selected(a);
	struct detail_state *d = &a->detail;
	if (!r) {
		detail_free(d);
		return;
	}
	if (r->row == d->row)
		return;
	detail_free(d);
	d->row = r->row;
	char *bytes = NULL;
	size_t len = 0;
	if (store_record(a->store, r->row, &bytes, &len) < 0) {
		app_message(a, "%s", store_errmsg(a->store));
		return;
	}
	d->pretty = pretty_parse(bytes, len);
	free(bytes);
	struct buf raw, esc;
	buf_init(&raw);
	buf_init(&esc);
	if (d->pretty)
		summary_line(d->pretty, &raw);
	fmt_escape(&esc, raw.data ? raw.data : "");
	d->summary = buf_steal(&esc);
	buf_free(&raw);
}

static int body_rows(const struct app *a)
{
	int h = a->pane[PANE_DETAIL].h - 1;
	return h > 0 ? h : 1;
}

void detail_move(struct app *a, long delta)
{
	struct detail_state *d = &a->detail;
	size_t n = pretty_count(d->pretty);
	if (n == 0)
		return;
	long cur = (long)d->cur + delta;
	if (cur < 0)
		cur = 0;
	if (cur >= (long)n)
		cur = (long)n - 1;
	d->cur = (size_t)cur;
}

void detail_toggle(struct app *a)
{
	struct detail_state *d = &a->detail;
	if (!d->pretty)
		return;
	size_t at = pretty_toggle(d->pretty, d->cur);
	if (at == d->cur && !pretty_count(d->pretty))
		return;
	d->cur = at;
}

struct pivot_rule {
	const char *key;
	const char *parent; /* NULL: any */
	enum filter_key fk;
};

/* Which filter key a record field pivots to; anything else becomes a
 * bare word, a search of the record text. */
static const struct pivot_rule rules[] = {
	{ "accessKeyId", NULL, FK_KEY },
	{ "sourceIPAddress", NULL, FK_IP },
	{ "requestID", NULL, FK_REQUEST },
	{ "eventID", NULL, FK_ID },
	{ "userAgent", NULL, FK_AGENT },
	{ "eventName", NULL, FK_EVENT },
	{ "eventSource", NULL, FK_SERVICE },
	{ "awsRegion", NULL, FK_REGION },
	{ "errorCode", NULL, FK_ERROR },
	{ "recipientAccountId", NULL, FK_ACCOUNT },
	{ "accountId", "userIdentity", FK_ACCOUNT },
	{ "type", "userIdentity", FK_TYPE },
	{ "arn", "userIdentity", FK_PRINCIPAL },
	{ "arn", "sessionIssuer", FK_PRINCIPAL },
	{ "principalId", NULL, FK_PRINCIPAL },
	{ "userName", "userIdentity", FK_PRINCIPAL },
	{ "userName", "sessionIssuer", FK_PRINCIPAL },
	{ "ARN", NULL, FK_RESOURCE },
	{ "bucketName", NULL, FK_RESOURCE },
};

void detail_pivot(struct app *a)
{
	struct detail_state *d = &a->detail;
	const char *key, *value, *parent;
	if (!pretty_scalar(d->pretty, d->cur, &key, &value, &parent) ||
	    !value || !*value) {
		app_message(a, "%s",
		            _("move to a value in the record to filter by it"));
		return;
	}
	enum filter_key fk = FK_TEXT;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (key && strcmp(rules[i].key, key) == 0 &&
		    (!rules[i].parent ||
		     (parent && strcmp(rules[i].parent, parent) == 0))) {
			fk = rules[i].fk;
			break;
		}
	char *text = compose_set(a->filter, fk, value);
	struct filter_error err;
	if (!text || app_set_filter(a, text, &err) < 0)
		app_message(a, "%s", _("cannot filter by this value"));
	free(text);
}

static int role_attr(const struct app *a, enum pretty_role r)
{
	switch (r) {
	case PR_KEY:
		return draw_attr(a, R_KEY);
	case PR_STRING:
		return draw_attr(a, R_STRING);
	case PR_NUMBER:
		return draw_attr(a, R_NUMBER);
	case PR_LITERAL:
		return draw_attr(a, R_LITERAL);
	default:
		return 0;
	}
}

/* Draws text[from, to) at x, cut at `end`; returns the next column. */
static int piece(struct app *a, int y, int x, int end, struct buf *b,
                 size_t from, size_t to, int attr)
{
	if (to <= from || x >= end)
		return x;
	char save = b->data[to];
	b->data[to] = '\0';
	int w = (int)fmt_width(b->data + from);
	draw_safe(a, y, x, w < end - x ? w : end - x, b->data + from, attr);
	b->data[to] = save;
	return x + w;
}

/* The display width of line i, as drawn. */
static int line_width(const struct app *a, size_t i)
{
	struct buf b;
	struct pretty_seg segs[4];
	buf_init(&b);
	pretty_line(a->detail.pretty, i, &b, segs);
	int w = b.data ? (int)fmt_width(b.data) : 0;
	buf_free(&b);
	return w;
}

void detail_scroll(struct app *a, int delta)
{
	struct detail_state *d = &a->detail;
	size_t n = pretty_count(d->pretty), h = (size_t)body_rows(a);
	int widest = 0;
	for (size_t i = d->top; i < n && i < d->top + h; i++) {
		int w = line_width(a, i);
		widest = w > widest ? w : widest;
	}
	/* Room for the text and the one-column margin at each edge. */
	int most = widest - (a->pane[PANE_DETAIL].w - 2);
	int to = d->hscroll + delta;
	if (to > most)
		to = most;
	d->hscroll = to > 0 ? to : 0;
}

/* A byte offset of the line, moved past the columns scrolled off. */
static size_t past(size_t offset, size_t cut)
{
	return offset > cut ? offset : cut;
}

/* One line, segment by segment in its colours, cut at the pane's edge and
 * with the columns scrolled off the left left out. */
static void draw_line(struct app *a, int y, size_t i, bool cursor)
{
	const struct rect *r = &a->pane[PANE_DETAIL];
	struct buf b;
	struct pretty_seg segs[4];
	buf_init(&b);
	size_t n = pretty_line(a->detail.pretty, i, &b, segs);
	if (!b.data) {
		buf_free(&b);
		return;
	}
	int base = cursor ? (a->focus == PANE_DETAIL ? A_REVERSE : A_UNDERLINE)
	                  : 0;
	draw_fill(y, r->x, r->w, base);
	int x = r->x + 1, end = r->x + r->w;
	size_t cut = fmt_skip(b.data, (size_t)a->detail.hscroll);
	size_t at = 0;
	for (size_t k = 0; k < n; k++) {
		x = piece(a, y, x, end, &b, past(at, cut),
		          past(segs[k].start, cut), base);
		x = piece(a, y, x, end, &b, past(segs[k].start, cut),
		          past(segs[k].end, cut),
		          base | role_attr(a, segs[k].role));
		at = segs[k].end;
	}
	piece(a, y, x, end, &b, past(at, cut), b.len, base);
	buf_free(&b);
}

void detail_draw(struct app *a)
{
	const struct rect *r = &a->pane[PANE_DETAIL];
	struct detail_state *d = &a->detail;
	struct buf t;
	buf_init(&t);
	if (d->hscroll)
		buf_printf(&t, _("Detail (from column %d)"), d->hscroll + 1);
	else
		buf_puts(&t, _("Detail"));
	if (d->summary) {
		buf_puts(&t, ": ");
		buf_puts(&t, d->summary);
	}
	layout_pane_title(a, PANE_DETAIL, t.data ? t.data : "");
	buf_free(&t);
	size_t n = pretty_count(d->pretty);
	size_t h = (size_t)body_rows(a);
	if (d->cur >= n)
		d->cur = n ? n - 1 : 0;
	if (d->cur < d->top)
		d->top = d->cur;
	if (d->cur >= d->top + h)
		d->top = d->cur - h + 1;
	for (size_t i = 0; i < h && d->top + i < n; i++)
		draw_line(a, r->y + 1 + (int)i, d->top + i, d->top + i == d->cur);
}
