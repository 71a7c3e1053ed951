/* export.c - writing the events of a filter out (see export.h). */
#include <config.h>

#include "cli/export.h"

#include <stdlib.h>
#include <string.h>

#include "util/format.h"
#include "cli/json_text.h"
#include "cli/output.h"
#include "cli/table.h"
#include "util/buf.h"
#include "util/i18n.h"

/* Rows per store_page(): enough to amortise a query, small enough that a
 * page's strings are a few hundred kilobytes at most. */
#define PAGE_ROWS 256

/* What went wrong, for the message. */
enum { FAIL_STORE = -1, FAIL_OUTPUT = -2, FAIL_MEMORY = -3 };

static const char *const format_names[EXPORT_FORMAT_COUNT_] = {
	[EXPORT_TABLE] = "table", [EXPORT_CSV] = "csv",
	[EXPORT_JSON] = "json",   [EXPORT_NDJSON] = "ndjson",
};

const char *export_format_name(enum export_format f)
{
	return (unsigned)f < EXPORT_FORMAT_COUNT_ ? format_names[f] : "";
}

int export_format_parse(const char *name, enum export_format *f)
{
	for (int i = 0; i < EXPORT_FORMAT_COUNT_; i++)
		if (strcmp(format_names[i], name) == 0) {
			*f = (enum export_format)i;
			return 0;
		}
	return -1;
}

void export_csv_field(struct buf *out, const char *raw)
{
	struct buf cell;
	buf_init(&cell);
	/* OWASP's list: these start a formula in Excel, LibreOffice and
	 * Google Sheets.  Judged on the raw text: a tab or CR is escaped
	 * below, but the spreadsheet would have seen it. */
	if (raw[0] && strchr("=+-@\t\r", raw[0]))
		buf_putc(&cell, '\'');
	fmt_escape(&cell, raw);
	const char *c = cell.data ? cell.data : "";
	if (!strpbrk(c, "\",")) {
		buf_puts(out, c);
	} else {
		buf_putc(out, '"');
		for (; *c; c++) {
			if (*c == '"')
				buf_putc(out, '"');
			buf_putc(out, *c);
		}
		buf_putc(out, '"');
	}
	buf_free(&cell);
}

struct writer {
	struct store *s;
	FILE *out;
	const struct export_options *o;
	struct column_list cols;
	struct table *table;
	struct buf line;
	size_t n;
};

static void csv_header(struct writer *w)
{
	for (size_t c = 0; c < w->cols.n; c++) {
		if (c)
			buf_putc(&w->line, ',');
		buf_puts(&w->line, column_name(w->cols.col[c]));
	}
	buf_puts(&w->line, "\r\n");
}

static int csv_row(struct writer *w, const struct store_row *r)
{
	for (size_t c = 0; c < w->cols.n; c++) {
		char tmp[40];
		if (c)
			buf_putc(&w->line, ',');
		export_csv_field(&w->line, column_cell(r, w->cols.col[c], false,
		                                       tmp));
	}
	buf_puts(&w->line, "\r\n");
	return 0;
}

static int json_row(struct writer *w, const struct store_row *r)
{
	char *rec;
	size_t len;
	if (store_record(w->s, r->row, &rec, &len) < 0)
		return FAIL_STORE;
	struct buf one;
	buf_init(&one);
	const char *text = rec;
	if (w->o->format == EXPORT_NDJSON) {
		json_one_line(&one, rec, len);
		text = one.data ? one.data : "";
		len = one.len;
	} else {
		buf_puts(&w->line, w->n ? ",\n" : "[\n");
	}
	if (w->o->terminal)
		json_terminal_safe(&w->line, text, len);
	else
		buf_append(&w->line, text, len);
	if (w->o->format == EXPORT_NDJSON)
		buf_putc(&w->line, '\n');
	buf_free(&one);
	free(rec);
	return 0;
}

static int write_row(struct writer *w, const struct store_row *r)
{
	switch (w->o->format) {
	case EXPORT_TABLE:
		return table_add(w->table, r) < 0 ? FAIL_MEMORY : 0;
	case EXPORT_CSV: return csv_row(w, r);
	default: return json_row(w, r);
	}
}

/* Hands the line buffer to stdio. */
static int flush_line(struct writer *w)
{
	int rc = buf_ok(&w->line) ? 0 : FAIL_MEMORY;
	if (rc == 0 && w->line.len &&
	    fwrite(w->line.data, 1, w->line.len, w->out) != w->line.len)
		rc = FAIL_OUTPUT;
	buf_free(&w->line);
	return rc;
}

static int begin(struct writer *w)
{
	const struct export_options *o = w->o;
	w->cols = o->columns;
	if (w->cols.n == 0) {
		if (o->format == EXPORT_TABLE)
			columns_default_table(&w->cols);
		else
			columns_default_all(&w->cols);
	}
	if (o->format == EXPORT_TABLE) {
		w->table = table_new(w->out, &w->cols, o->width);
		return w->table ? 0 : FAIL_MEMORY;
	}
	if (o->format == EXPORT_CSV)
		csv_header(w);
	return 0;
}

static int finish(struct writer *w)
{
	if (w->o->format == EXPORT_TABLE) {
		int rc = table_end(w->table);
		w->table = NULL;
		return rc;
	}
	if (w->o->format == EXPORT_JSON)
		buf_puts(&w->line, w->n ? "\n]\n" : "[]\n");
	return flush_line(w);
}

/* A limit of 0: no event is written, but whether any matches is still
 * found out (one row), so that a table says that more match rather than
 * that none does. */
static int probe(struct writer *w, const struct filter *f,
                 struct export_result *res)
{
	struct store_page page = { 0 };
	int rc = store_page(w->s, f, NULL, w->o->order, 1, &page) < 0
	                 ? FAIL_STORE
	                 : 0;
	res->more = rc == 0 && page.count > 0;
	store_page_free(&page);
	return rc;
}

/* Pages through the matching events; a FAIL_ code on failure. */
static int pump(struct writer *w, const struct filter *f,
                struct export_result *res)
{
	struct store_page page = { 0 };
	struct store_cursor at;
	bool first = true;
	bool limited = w->o->limited;
	size_t limit = w->o->limit;
	int rc = 0;
	if (limited && limit == 0)
		return probe(w, f, res);
	for (;;) {
		size_t want = PAGE_ROWS;
		if (limited && limit - w->n < want)
			want = limit - w->n;
		if (store_page(w->s, f, first ? NULL : &at, w->o->order, want,
		               &page) < 0) {
			rc = FAIL_STORE;
			break;
		}
		first = false;
		for (size_t i = 0; i < page.count && rc == 0; i++) {
			rc = write_row(w, &page.rows[i]);
			w->n++;
			if (rc == 0 && w->o->format != EXPORT_TABLE)
				rc = flush_line(w);
		}
		if (rc < 0 || !page.more)
			break;
		at = (struct store_cursor){ page.rows[page.count - 1].time_ms,
			                    page.rows[page.count - 1].row };
		if (limited && w->n == limit) {
			res->more = true;
			break;
		}
	}
	store_page_free(&page);
	return rc;
}

int export_events(struct store *s, const struct filter *f, FILE *out,
                  const struct export_options *o, struct export_result *res,
                  char *err, size_t errlen)
{
	struct writer w = { .s = s, .out = out, .o = o };
	buf_init(&w.line);
	memset(res, 0, sizeof *res);
	int rc = begin(&w);
	if (rc == 0)
		rc = pump(&w, f, res);
	res->written = w.n;
	int end = finish(&w);
	rc = rc ? rc : end;
	if (rc == FAIL_OUTPUT)
		cli_output_failed(err, errlen);
	else if (rc == 0 && cli_output_check(out, err, errlen) < 0)
		rc = FAIL_OUTPUT;
	else if (rc == FAIL_STORE)
		snprintf(err, errlen, "%s", store_errmsg(s));
	else if (rc == FAIL_MEMORY)
		snprintf(err, errlen, "%s", _("out of memory"));
	return rc < 0 ? -1 : 0;
}
