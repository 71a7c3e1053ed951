/* equiv_sql.c - a filter as SQL for Amazon Athena and CloudTrail Lake.
 *
 * Athena: the table of AWS's "Create the table for CloudTrail logs in
 * Athena using partition projection" (cloudtrail_logs_pp: lower-case
 * columns, structs read with dots, `timestamp` the yyyy/MM/dd partition).
 * Lake: the event data store's columns (eventTime as 'YYYY-MM-DD
 * HH:MM:SS', readOnly a boolean).  Both are Trino SQL.
 *
 * The shape follows store/where.c, so the answer is the same question:
 * different keys AND, the positive values of one key OR, each negated term
 * is NOT coalesce(..., false) (unknown counts as "does not match"), and
 * values compare ignoring case (lower() on the column, the value lowered
 * here).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/equiv_internal.h"
#include "util/i18n.h"

struct dialect {
	const char *from;
	const char *columns[FK_COUNT_][5]; /* string keys: columns to match */
	const char *category, *read_only, *time, *source, *region, *host;
	const char *select;
	bool ro_is_boolean;
	char time_sep;        /* between date and time in eventTime */
	const char *time_end; /* after the time */
};

static const struct dialect athena = {
	.from = "cloudtrail_logs_pp",
	.columns = {
		[FK_REGION] = { "awsregion" },
		[FK_SERVICE] = { "eventsource" },
		[FK_EVENT] = { "eventname" },
		[FK_PRINCIPAL] = { "useridentity.arn", "useridentity.username",
		                   "useridentity.principalid",
		                   "useridentity.sessioncontext.sessionissuer.username",
		                   "element_at(split(useridentity.arn, '/'), -1)" },
		[FK_TYPE] = { "useridentity.type" },
		[FK_KEY] = { "useridentity.accesskeyid" },
		[FK_IP] = { "sourceipaddress" },
		[FK_ACCOUNT] = { "recipientaccountid", "useridentity.accountid" },
		[FK_ERROR] = { "errorcode" },
		[FK_ID] = { "eventid" },
		[FK_REQUEST] = { "requestid" },
		[FK_AGENT] = { "useragent" },
	},
	.category = "eventcategory",
	.read_only = "readonly",
	.time = "eventtime",
	.source = "eventsource",
	.region = "awsregion",
	.host = "tlsdetails.clientprovidedhostheader",
	.select = "eventtime, eventsource, eventname, awsregion,"
	          " useridentity.arn, sourceipaddress, errorcode, eventid",
	.ro_is_boolean = false,
	.time_sep = 'T',
	.time_end = "Z",
};

static const struct dialect lake = {
	.from = "<event-data-store-id>",
	.columns = {
		[FK_REGION] = { "awsRegion" },
		[FK_SERVICE] = { "eventSource" },
		[FK_EVENT] = { "eventName" },
		[FK_PRINCIPAL] = { "userIdentity.arn", "userIdentity.userName",
		                   "userIdentity.principalId",
		                   "userIdentity.sessionContext.sessionIssuer.userName",
		                   "element_at(split(userIdentity.arn, '/'), -1)" },
		[FK_TYPE] = { "userIdentity.type" },
		[FK_KEY] = { "userIdentity.accessKeyId" },
		[FK_IP] = { "sourceIPAddress" },
		[FK_ACCOUNT] = { "recipientAccountId", "userIdentity.accountId" },
		[FK_ERROR] = { "errorCode" },
		[FK_ID] = { "eventID" },
		[FK_REQUEST] = { "requestID" },
		[FK_AGENT] = { "userAgent" },
	},
	.category = "eventCategory",
	.read_only = "readOnly",
	.time = "eventTime",
	.source = "eventSource",
	.region = "awsRegion",
	.host = "tlsDetails.clientProvidedHostHeader",
	.select = "eventTime, eventSource, eventName, awsRegion,"
	          " userIdentity.arn, sourceIPAddress, errorCode, eventID",
	.ro_is_boolean = true,
	.time_sep = ' ',
	.time_end = "",
};

/* The eventCategory values CloudTrail writes, by category. */
static const char *const category_values[CAT_COUNT_] = {
	[CAT_MANAGEMENT] = "Management",
	[CAT_DATA] = "Data",
	[CAT_INSIGHT] = "Insight",
	[CAT_NETWORK] = "NetworkActivity",
};

/* The services trailnav marks global (import/classify.c); STS only on its
 * global endpoint. */
static const char global_sources[] =
	"'iam.amazonaws.com', 'cloudfront.amazonaws.com',"
	" 'signin.amazonaws.com', 'organizations.amazonaws.com',"
	" 'route53.amazonaws.com', 'route53domains.amazonaws.com'";

struct gen {
	const struct dialect *d;
	struct equiv_out *o;
	struct buf *sql; /* the WHERE conditions */
	bool nomem;
};

static char *lowered(const char *s)
{
	char *d = strdup(s);
	for (char *c = d; c && *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return d;
}

/* A '*' pattern as a LIKE pattern with '\' escaping % _ and \. */
static char *like_pattern(const char *s)
{
	struct buf b;
	buf_init(&b);
	for (; *s; s++) {
		if (*s == '*')
			buf_putc(&b, '%');
		else {
			if (*s == '%' || *s == '_' || *s == '\\')
				buf_putc(&b, '\\');
			buf_putc(&b, *s);
		}
	}
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

/* "lower(col) = 'v'" or "lower(col) LIKE 'p' ESCAPE '\'". */
static void match_string(struct gen *g, const char *col,
                         const struct filter_value *v)
{
	char *low = lowered(v->text);
	char *pat = low && v->match == FM_PATTERN ? like_pattern(low) : NULL;
	if (!low || (v->match == FM_PATTERN && !pat)) {
		g->nomem = true;
	} else {
		buf_printf(g->sql, "lower(%s) %s ", col,
		           pat ? "LIKE" : "=");
		equiv_sql_literal(g->sql, pat ? pat : low);
		if (pat)
			buf_puts(g->sql, " ESCAPE '\\'");
	}
	free(pat);
	free(low);
}

static void or_sep(struct gen *g, bool *first)
{
	buf_puts(g->sql, *first ? "" : " OR ");
	*first = false;
}

/* One value of a key, as a condition (without parentheses). */
static void value_condition(struct gen *g, enum filter_key k,
                            const struct filter_value *v, const char *res)
{
	const struct dialect *d = g->d;
	bool first = true;
	switch (v->match) {
	case FM_CATEGORY:
		buf_printf(g->sql, "%s = '%s'", d->category,
		           category_values[v->category]);
		return;
	case FM_BOOL:
		if (d->ro_is_boolean)
			buf_printf(g->sql, "%s = %s", d->read_only,
			           v->flag ? "true" : "false");
		else
			buf_printf(g->sql, "%s = '%s'", d->read_only,
			           v->flag ? "true" : "false");
		return;
	case FM_ANY:
		if (k == FK_REGION)
			buf_printf(g->sql,
			           "%s IN (%s) OR (%s = 'sts.amazonaws.com' AND"
			           " lower(%s) LIKE 'sts.amazonaws.com%%')",
			           d->source, global_sources, d->source, d->host);
		else
			buf_printf(g->sql, "%s IS NOT NULL", d->columns[k][0]);
		return;
	case FM_NONE:
		buf_printf(g->sql, "%s IS NULL", d->columns[k][0]);
		return;
	case FM_TIME:
		buf_printf(g->sql, "%s %s '", d->time,
		           k == FK_SINCE ? ">=" : "<");
		equiv_time(g->sql, k == FK_SINCE ? v->time_lo : v->time_hi,
		           d->time_sep, d->time_end);
		buf_putc(g->sql, '\'');
		return;
	default:
		break;
	}
	if (k == FK_RESOURCE) {
		char arn[32], name[64];
		snprintf(arn, sizeof arn, "%s.arn", res);
		snprintf(name, sizeof name, "regexp_extract(%s.arn, '[^/:]*$')",
		         res);
		match_string(g, arn, v);
		buf_puts(g->sql, " OR ");
		match_string(g, name, v);
		return;
	}
	for (size_t c = 0; c < 5 && d->columns[k][c]; c++) {
		or_sep(g, &first);
		match_string(g, d->columns[k][c], v);
	}
}

/* "(v1 OR v2 ...)" over the given values. */
static void values_condition(struct gen *g, enum filter_key k,
                             const struct filter_value *const *v, size_t n,
                             const char *res)
{
	buf_puts(g->sql, "(");
	for (size_t i = 0; i < n; i++) {
		buf_puts(g->sql, i ? " OR " : "");
		value_condition(g, k, v[i], res);
	}
	buf_puts(g->sql, ")");
}

static void and_sep(struct gen *g)
{
	buf_puts(g->sql, g->sql->len ? "\n  AND " : "");
}

static void negated_term(struct gen *g, const struct filter_term *t)
{
	size_t n = t->nvalues;
	const struct filter_value **v = malloc((n ? n : 1) * sizeof *v);
	if (!v) {
		g->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = &t->values[i];
	and_sep(g);
	if (t->key == FK_RESOURCE) {
		buf_puts(g->sql, "NOT EXISTS (SELECT 1 FROM UNNEST(resources)"
		                 " AS u(r) WHERE ");
		values_condition(g, t->key, v, n, "r");
		buf_puts(g->sql, ")");
	} else {
		buf_puts(g->sql, "NOT coalesce(");
		values_condition(g, t->key, v, n, "res");
		buf_puts(g->sql, ", false)");
	}
	free(v);
}

/* Every condition of key k: its positive values in one OR, then each
 * negated term.  Returns whether a positive resource term needs the
 * UNNEST join. */
static bool key_conditions(struct gen *g, const struct filter *f,
                           enum filter_key k)
{
	size_t n = 0, total = 0;
	for (size_t t = 0; t < f->nterms; t++)
		if (f->terms[t].key == k && !f->terms[t].negated)
			total += f->terms[t].nvalues;
	const struct filter_value **v = malloc((total ? total : 1) * sizeof *v);
	if (!v) {
		g->nomem = true;
		return false;
	}
	for (size_t t = 0; t < f->nterms; t++)
		if (f->terms[t].key == k && !f->terms[t].negated)
			for (size_t j = 0; j < f->terms[t].nvalues; j++)
				v[n++] = &f->terms[t].values[j];
	if (n) {
		and_sep(g);
		values_condition(g, k, v, n, "res");
	}
	free(v);
	for (size_t t = 0; t < f->nterms; t++)
		if (f->terms[t].key == k && f->terms[t].negated)
			negated_term(g, &f->terms[t]);
	return k == FK_RESOURCE && n > 0;
}

/* The partition-projection table's `timestamp` (yyyy/MM/dd) is the day a
 * file was delivered, up to about 15 minutes after its events: the upper
 * bound is the day after the last event's day. */
static void partition_bounds(struct gen *g, const struct filter *f)
{
	for (size_t t = 0; t < f->nterms; t++) {
		const struct filter_term *term = &f->terms[t];
		if ((term->key != FK_SINCE && term->key != FK_UNTIL) ||
		    term->negated || term->nvalues != 1)
			continue;
		const struct filter_value *v = &term->values[0];
		and_sep(g);
		if (term->key == FK_SINCE) {
			buf_puts(g->sql, "\"timestamp\" >= '");
			equiv_day(g->sql, v->time_lo);
		} else {
			buf_puts(g->sql, "\"timestamp\" <= '");
			equiv_day(g->sql, v->time_hi - 1 + 86400000);
		}
		buf_putc(g->sql, '\'');
	}
}

static bool has_global(const struct filter_term *t)
{
	for (size_t i = 0; i < t->nvalues; i++)
		if (t->values[i].match == FM_ANY)
			return true;
	return false;
}

static void notes(struct gen *g, const struct filter *f, enum equiv_target t)
{
	const char *where = t == EQUIV_ATHENA ? "Athena" : "CloudTrail Lake";
	for (size_t i = 0; i < f->nterms; i++) {
		const struct filter_term *term = &f->terms[i];
		char *text = equiv_term_text(term);
		if (!text) {
			g->nomem = true;
			return;
		}
		if (term->key == FK_TEXT)
			equiv_note(g->o, _("cannot express '%s': %s has no "
			                   "column with the whole record text "
			                   "to search"),
			           text, where);
		else if (term->key == FK_CAT)
			equiv_note(g->o, _("'%s' reads eventCategory: records "
			                   "without it (older ones) are not "
			                   "matched, though trailnav classifies "
			                   "them"),
			           text);
		else if (term->key == FK_REGION && has_global(term))
			equiv_note(g->o, _("'%s': global services are matched by "
			                   "eventSource (STS by its global "
			                   "endpoint)"),
			           text);
		free(text);
	}
	if (t == EQUIV_ATHENA && !filter_has_key(f, FK_SINCE) &&
	    !filter_has_key(f, FK_UNTIL))
		equiv_note(g->o, "%s",
		           _("no time bound: Athena reads every partition; add "
		             "since: to limit the scan"));
	if (t == EQUIV_ATHENA)
		equiv_note(g->o, "%s",
		           _("cloudtrail_logs_pp is AWS's partition-projection "
		             "table: one account and Region per table (its "
		             "LOCATION)"));
	else
		equiv_note(g->o, "%s",
		           _("replace <event-data-store-id> with the ID of your "
		             "event data store"));
}

int equiv_sql(const struct filter *f, enum equiv_target t,
              struct equiv_out *o)
{
	struct buf where;
	buf_init(&where);
	struct gen g = { t == EQUIV_ATHENA ? &athena : &lake, o, &where, false };
	struct filter none = { 0, NULL };
	if (!f)
		f = &none;
	notes(&g, f, t);
	bool unnest = false;
	for (int k = 0; k < FK_TEXT; k++)
		unnest = key_conditions(&g, f, (enum filter_key)k) || unnest;
	if (t == EQUIV_ATHENA)
		partition_bounds(&g, f);
	/* A record naming two matching resources would come twice out of
	 * the join: DISTINCT keeps one. */
	buf_printf(o->out, "SELECT %s%s\nFROM %s\n", unnest ? "DISTINCT " : "",
	           g.d->select, g.d->from);
	if (unnest)
		buf_puts(o->out, "CROSS JOIN UNNEST(resources) AS t(res)\n");
	if (where.len)
		buf_printf(o->out, "WHERE %s\n", where.data);
	buf_printf(o->out, "ORDER BY %s DESC;\n", g.d->time);
	bool ok = buf_ok(&where) && !g.nomem;
	buf_free(&where);
	return ok ? 0 : -1;
}
