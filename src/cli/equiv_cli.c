/* equiv_cli.c - a filter as `aws cloudtrail lookup-events` command lines.
 *
 * lookup-events answers far less than the filter language: one lookup
 * attribute (EventId, EventName, EventSource, AccessKeyId, Username,
 * ResourceName, ResourceType or ReadOnly), exact values only, a time range,
 * one Region per call, management events (or Insights events) of the last
 * 90 days, never data or network activity events.  So: one attribute is
 * chosen (the most selective the filter names), each of its values and
 * each Region gets its own command, and every other part of the filter is
 * named in a note: the commands return more than the filter would, and the
 * rest has to be applied to their output.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/equiv_internal.h"
#include "util/i18n.h"

/* Filter keys lookup-events has an attribute for, most selective first. */
static const struct {
	enum filter_key key;
	const char *attribute;
	bool insight_ok; /* usable with --event-category insight */
} attributes[] = {
	{ FK_ID, "EventId", true },
	{ FK_KEY, "AccessKeyId", false },
	{ FK_RESOURCE, "ResourceName", false },
	{ FK_EVENT, "EventName", true },
	{ FK_PRINCIPAL, "Username", false },
	{ FK_SERVICE, "EventSource", true },
	{ FK_RO, "ReadOnly", false },
};

#define NATTR (sizeof attributes / sizeof attributes[0])

/* Regions, and values of the attribute, given commands of their own: more
 * would be a script, not a few command lines to read. */
#define MAX_CALLS 32

struct plan {
	const struct filter *f;
	struct equiv_out *o;
	int attr;             /* index into attributes, -1: none */
	bool insight;         /* --event-category insight */
	bool nomem;
	const struct filter_value *regions[MAX_CALLS];
	size_t nregions;
	const struct filter_value *values[MAX_CALLS];
	size_t nvalues;
	const struct filter_value *since, *until;
};

static void note_term(struct plan *p, const struct filter_term *t,
                      const char *why)
{
	char *text = equiv_term_text(t);
	if (!text) {
		p->nomem = true;
		return;
	}
	equiv_note(p->o, _("cannot express '%s': %s"), text, why);
	free(text);
}

static bool all_exact(const struct filter_term *t)
{
	for (size_t i = 0; i < t->nvalues; i++)
		if (t->values[i].match == FM_PATTERN ||
		    t->values[i].match == FM_ANY)
			return false;
	return true;
}

/* Can key k's positive terms be the lookup attribute? */
static bool usable(const struct filter *f, enum filter_key k)
{
	bool any = false;
	for (size_t t = 0; t < f->nterms; t++) {
		const struct filter_term *term = &f->terms[t];
		if (term->key != k || term->negated)
			continue;
		if (!all_exact(term))
			return false;
		any = true;
	}
	return any;
}

static int attribute_index(enum filter_key k)
{
	for (size_t i = 0; i < NATTR; i++)
		if (attributes[i].key == k)
			return (int)i;
	return -1;
}

/* Categories: management is what lookup-events returns by default,
 * Insights needs --event-category insight, data and network activity
 * events it never returns. */
static void plan_category(struct plan *p, const struct filter_term *t)
{
	bool mgmt = false, insight = false, other = false;
	for (size_t i = 0; i < t->nvalues; i++) {
		enum event_category c = t->values[i].category;
		mgmt = mgmt || c == CAT_MANAGEMENT;
		insight = insight || c == CAT_INSIGHT;
		other = other || c == CAT_DATA || c == CAT_NETWORK;
	}
	if (t->negated)
		note_term(p, t, _("lookup-events cannot leave a category out"));
	else if (other)
		note_term(p, t, _("lookup-events returns no data or network "
		                  "activity events (event history keeps "
		                  "management and Insights events only)"));
	if (!t->negated && insight && mgmt)
		note_term(p, t, _("management and Insights events need separate "
		                  "calls: run the commands again with "
		                  "--event-category insight"));
	else if (!t->negated && insight)
		p->insight = true;
}

static void plan_region(struct plan *p, const struct filter_term *t)
{
	for (size_t i = 0; i < t->nvalues; i++)
		if (t->values[i].match == FM_ANY) {
			note_term(p, t, _("lookup-events knows no global "
			                  "services: look in us-east-1, where "
			                  "most of their events are"));
			return;
		}
	if (t->negated || !all_exact(t)) {
		note_term(p, t, t->negated
		                        ? _("lookup-events cannot leave a Region "
		                            "out: run it in every other Region")
		                        : _("lookup-events takes one Region per "
		                            "call, named exactly"));
		return;
	}
	for (size_t i = 0; i < t->nvalues; i++) {
		if (p->nregions == MAX_CALLS) {
			note_term(p, t, _("too many Regions: commands for the "
			                  "first 32 only"));
			return;
		}
		p->regions[p->nregions++] = &t->values[i];
	}
}

static void plan_term(struct plan *p, const struct filter_term *t)
{
	int a = attribute_index(t->key);
	switch (t->key) {
	case FK_CAT: plan_category(p, t); return;
	case FK_REGION: plan_region(p, t); return;
	case FK_SINCE: p->since = &t->values[0]; return;
	case FK_UNTIL: p->until = &t->values[0]; return;
	case FK_TEXT:
		note_term(p, t, _("lookup-events cannot search the record "
		                  "text"));
		return;
	default: break;
	}
	if (a >= 0 && a == p->attr && !t->negated) {
		for (size_t i = 0; i < t->nvalues; i++) {
			if (p->nvalues == MAX_CALLS) {
				note_term(p, t, _("too many values: commands for "
				                  "the first 32 only"));
				return;
			}
			p->values[p->nvalues++] = &t->values[i];
		}
		return;
	}
	if (t->negated)
		note_term(p, t, _("lookup-events cannot leave anything out"));
	else if (a >= 0 && !all_exact(t))
		note_term(p, t, _("lookup-events matches whole values only, "
		                  "no wildcards"));
	else if (a >= 0)
		note_term(p, t, _("lookup-events takes one lookup attribute; "
		                  "filter its output for this"));
	else
		note_term(p, t, _("lookup-events has no lookup attribute for "
		                  "it"));
}

static void choose_attribute(struct plan *p)
{
	p->attr = -1;
	for (size_t i = 0; i < NATTR; i++)
		if (usable(p->f, attributes[i].key) &&
		    (!p->insight || attributes[i].insight_ok)) {
			p->attr = (int)i;
			return;
		}
}

/* --lookup-attributes in the shorthand syntax when the value is plain,
 * else as JSON (a comma or '=' would split the shorthand). */
static void lookup_attribute(struct buf *b, const char *attr,
                             const char *value)
{
	struct buf arg;
	buf_init(&arg);
	if (strspn(value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                  "0123456789-_./:@+") == strlen(value)) {
		buf_printf(&arg, "AttributeKey=%s,AttributeValue=%s", attr,
		           value);
	} else {
		buf_printf(&arg, "[{\"AttributeKey\":\"%s\",\"AttributeValue\":\"",
		           attr);
		for (const unsigned char *c = (const unsigned char *)value; *c;
		     c++) {
			if (*c == '"' || *c == '\\')
				buf_printf(&arg, "\\%c", *c);
			else if (*c < 0x20)
				buf_printf(&arg, "\\u%04x", *c);
			else
				buf_putc(&arg, (char)*c);
		}
		buf_puts(&arg, "\"}]");
	}
	buf_puts(b, " --lookup-attributes ");
	equiv_shell_word(b, arg.data ? arg.data : "");
	buf_free(&arg);
}

static void command(struct plan *p, const struct filter_value *region,
                    const struct filter_value *value)
{
	struct buf *b = p->o->out;
	buf_puts(b, "aws cloudtrail lookup-events");
	if (region) {
		buf_puts(b, " --region ");
		equiv_shell_word(b, region->text);
	}
	if (p->insight)
		buf_puts(b, " --event-category insight");
	if (value)
		lookup_attribute(b, attributes[p->attr].attribute,
		                 p->attr == attribute_index(FK_RO)
		                         ? (value->flag ? "true" : "false")
		                         : value->text);
	if (p->since) {
		buf_puts(b, " --start-time ");
		equiv_time(b, p->since->time_lo, 'T', "Z");
	}
	if (p->until) {
		buf_puts(b, " --end-time ");
		equiv_time(b, p->until->time_hi, 'T', "Z");
	}
	buf_putc(b, '\n');
}

int equiv_cli(const struct filter *f, struct equiv_out *o)
{
	struct filter none = { 0, NULL };
	struct plan p = { .f = f ? f : &none, .o = o };
	for (size_t t = 0; t < p.f->nterms; t++)
		if (p.f->terms[t].key == FK_CAT)
			plan_category(&p, &p.f->terms[t]);
	choose_attribute(&p);
	for (size_t t = 0; t < p.f->nterms; t++)
		if (p.f->terms[t].key != FK_CAT)
			plan_term(&p, &p.f->terms[t]);
	if (p.attr == attribute_index(FK_PRINCIPAL))
		equiv_note(o, "%s",
		           _("principal: is sent as Username, the user name "
		             "event history shows; trailnav also matches ARNs, "
		             "principal IDs and role sessions"));
	if (p.nregions == 0)
		equiv_note(o, "%s",
		           _("lookup-events reads one Region per call (the "
		             "CLI's default Region here): add --region for each "
		             "other"));
	equiv_note(o, "%s",
	           _("lookup-events sees the last 90 days of event history "
	             "only"));
	size_t nr = p.nregions ? p.nregions : 1, nv = p.nvalues ? p.nvalues : 1;
	for (size_t r = 0; r < nr; r++)
		for (size_t v = 0; v < nv; v++)
			command(&p, p.nregions ? p.regions[r] : NULL,
			        p.nvalues ? p.values[v] : NULL);
	return p.nomem ? -1 : 0;
}
