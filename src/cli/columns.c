/* columns.c - the columns of `query` (see columns.h). */
#include <config.h>

#include "cli/columns.h"

#include <stdio.h>
#include <string.h>

#include "util/format.h"
#include "filter/filter.h"

static const char *const names[COL_COUNT_] = {
	[COL_TIME] = "time",       [COL_CATEGORY] = "category",
	[COL_REGION] = "region",   [COL_SERVICE] = "service",
	[COL_EVENT] = "event",     [COL_PRINCIPAL] = "principal",
	[COL_ARN] = "arn",         [COL_TYPE] = "type",
	[COL_KEY] = "key",         [COL_ACCOUNT] = "account",
	[COL_IP] = "ip",           [COL_ERROR] = "error",
	[COL_RO] = "ro",           [COL_AGENT] = "agent",
	[COL_ID] = "id",           [COL_REQUEST] = "request",
};

const char *column_name(enum column c)
{
	return (unsigned)c < COL_COUNT_ ? names[c] : "";
}

/* Also the spellings people bring from the filter language and the
 * record: cat:, eventName, ... */
static int lookup(const char *s, size_t n)
{
	static const struct {
		const char *alias;
		enum column col;
	} aliases[] = { { "cat", COL_CATEGORY },   { "source", COL_SERVICE },
		        { "name", COL_EVENT },     { "user", COL_PRINCIPAL },
		        { "who", COL_PRINCIPAL },  { "eventid", COL_ID },
		        { "requestid", COL_REQUEST } };
	for (int c = 0; c < COL_COUNT_; c++)
		if (strlen(names[c]) == n && strncmp(names[c], s, n) == 0)
			return c;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strlen(aliases[i].alias) == n &&
		    strncmp(aliases[i].alias, s, n) == 0)
			return (int)aliases[i].col;
	return -1;
}

int columns_parse(const char *text, struct column_list *out,
                  const char **bad, size_t *badlen)
{
	out->n = 0;
	const char *p = text;
	for (;;) {
		size_t n = strcspn(p, ",");
		int c = lookup(p, n);
		if (c < 0 || out->n == COLUMNS_MAX) {
			*bad = p;
			*badlen = n;
			return -1;
		}
		out->col[out->n++] = (enum column)c;
		if (!p[n])
			return 0;
		p += n + 1;
	}
}

void columns_default_table(struct column_list *out)
{
	static const enum column list[] = { COL_TIME,    COL_CATEGORY,
		                            COL_REGION,  COL_SERVICE,
		                            COL_EVENT,   COL_PRINCIPAL,
		                            COL_IP,      COL_ERROR };
	out->n = sizeof list / sizeof list[0];
	memcpy(out->col, list, sizeof list);
}

void columns_default_all(struct column_list *out)
{
	out->n = COL_COUNT_;
	for (int c = 0; c < COL_COUNT_; c++)
		out->col[c] = (enum column)c;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* "s3.amazonaws.com" is "s3" in a narrow table; other sources stay. */
static const char *short_service(const char *s, char tmp[40])
{
	static const char suffix[] = ".amazonaws.com";
	size_t n = s ? strlen(s) : 0, k = sizeof suffix - 1;
	if (n <= k || n - k >= 40 || strcmp(s + n - k, suffix) != 0)
		return or_empty(s);
	memcpy(tmp, s, n - k);
	tmp[n - k] = '\0';
	return tmp;
}

static const char *iso_time(int64_t ms, char tmp[40])
{
	char t[24];
	fmt_time(t, ms);
	t[10] = 'T';
	int64_t frac = ((ms % 1000) + 1000) % 1000;
	if (frac)
		snprintf(tmp, 40, "%s.%03dZ", t, (int)frac);
	else
		snprintf(tmp, 40, "%sZ", t);
	return tmp;
}

const char *column_cell(const struct store_row *r, enum column c, bool brief,
                        char tmp[40])
{
	switch (c) {
	case COL_TIME:
		if (!event_time_known(r->time_ms))
			return "";
		if (!brief)
			return iso_time(r->time_ms, tmp);
		fmt_time(tmp, r->time_ms);
		return tmp;
	case COL_CATEGORY: return filter_category_word(r->category);
	case COL_REGION: return or_empty(r->region);
	case COL_SERVICE:
		return brief ? short_service(r->service, tmp) : or_empty(r->service);
	case COL_EVENT: return or_empty(r->event_name);
	case COL_PRINCIPAL:
		return r->principal_name ? r->principal_name
		                         : or_empty(r->principal_arn);
	case COL_ARN: return or_empty(r->principal_arn);
	case COL_TYPE: return or_empty(r->identity_type);
	case COL_KEY: return or_empty(r->access_key);
	case COL_ACCOUNT: return or_empty(r->account);
	case COL_IP: return or_empty(r->source_ip);
	case COL_ERROR: return or_empty(r->error_code);
	case COL_RO:
		return r->read_only < 0 ? "" : r->read_only ? "true" : "false";
	case COL_AGENT: return or_empty(r->user_agent);
	case COL_ID: return or_empty(r->event_id);
	case COL_REQUEST: return or_empty(r->request_id);
	default: return "";
	}
}
