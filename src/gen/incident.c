/* incident.c - playing the scripted incident (see incident.h): the
 * script's steps become calls at given times, and each call a record made
 * by the same code as the background's, with the caller, resources and
 * outcome the script says. */
#include <config.h>

#include "gen/incident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/civil.h"
#include "gen/expand.h"
#include "gen/incident_script.h"
#include "gen/record.h"

static const struct account *victim(void)
{
	return &cat_accounts[INC_ACCOUNT];
}

/* How many calls a step makes. */
static size_t step_calls(const struct inc_step *s)
{
	size_t n = 0;
	switch (s->vary) {
	case IV_REGIONS:
		for (size_t i = 0; i < cat_nregions; i++)
			n += !cat_regions[i].opt_in || victim()->opt_in;
		return n;
	case IV_ROLES:
		for (size_t i = 0; i < victim()->nroles; i++)
			n += cat_roles[i].use != ROLE_SERVICE;
		return n;
	case IV_OBJECTS: return s->count;
	default: return 1;
	}
}

/* The rep-th region (or role) of the sweep, as an index. */
static int nth_region(uint16_t rep)
{
	for (size_t i = 0; i < cat_nregions; i++)
		if ((!cat_regions[i].opt_in || victim()->opt_in) && rep-- == 0)
			return (int)i;
	return REGION_US_EAST_1;
}

static int nth_role(uint16_t rep)
{
	for (size_t i = 0; i < victim()->nroles; i++)
		if (cat_roles[i].use != ROLE_SERVICE && rep-- == 0)
			return (int)i;
	return 0;
}

static void make_facts(struct incident *in, int64_t start)
{
	struct incident_facts *f = &in->facts;
	const struct account *a = victim();
	f->account = a->id;
	f->leaked_user = cat_users[INC_LEAKED_USER].name;
	/* The first of the user's two keys (identity.c's setup_user). */
	fmt_aws_id(f->leaked_key, 20, "AKIA", a,
	           mix2((uint64_t)INC_LEAKED_USER, 0));
	f->attacker_ip = INC_ATTACKER_IP;
	f->new_user = INC_NEW_USER;
	fmt_aws_id(f->new_key, 20, "AKIA", a, mix2(INC_NEW_USER_INDEX, 7));
	snprintf(f->bucket, sizeof f->bucket, "%s-%s-%s", a->name,
	         cat_names[NAMES_BUCKET_PURPOSE].names[INC_BUCKET],
	         cat_regions[REGION_US_EAST_1].name);
	f->stopped_trail = cat_trails[INC_STOPPED_TRAIL].name;
	f->first = start + INC_BEGINS;
	f->stopped_at = INT64_MAX;
}

/* Times every call: each step `after` seconds past the previous one's
 * last call, repeats 1 to `spacing` seconds apart. */
static int plan(struct incident *in)
{
	size_t total = 0;
	for (size_t s = 0; s < inc_nsteps; s++)
		total += step_calls(&inc_steps[s]);
	in->events = calloc(total, sizeof *in->events);
	if (!in->events)
		return -1;
	int64_t t = in->facts.first;
	for (size_t s = 0; s < inc_nsteps; s++) {
		const struct inc_step *st = &inc_steps[s];
		size_t calls = step_calls(st);
		t += st->after;
		for (size_t rep = 0; rep < calls; rep++) {
			if (rep)
				t += 1 + rng_below(&in->rng, st->spacing);
			in->events[in->n++] = (struct incident_event){
				t, (uint16_t)s, (uint16_t)rep
			};
			if (!strcmp(st->api->name, "StopLogging") &&
			    !st->error)
				in->facts.stopped_at = t;
		}
	}
	in->facts.last = t;
	return 0;
}

int incident_init(struct incident *in, uint64_t seed, int64_t start)
{
	memset(in, 0, sizeof *in);
	rng_seed(&in->rng, mix2(seed, 0x1c1de47));
	rec_init(&in->rec, &in->rng);
	for (size_t i = 0; i < 4; i++)
		buf_init(&in->sub[i]);
	make_facts(in, start);
	return plan(in);
}

void incident_free(struct incident *in)
{
	rec_free(&in->rec);
	for (size_t i = 0; i < 4; i++)
		buf_free(&in->sub[i]);
	free(in->events);
	in->events = NULL;
}

int64_t incident_trail_stopped(const struct incident *in, int trail)
{
	return trail == INC_STOPPED_TRAIL ? in->facts.stopped_at : INT64_MAX;
}

/* ---- one call ---------------------------------------------------------- */

/* The actor of a step: the user, its key or session, where from. */
static void set_actor(struct incident *in, const struct inc_step *s)
{
	struct actor *a = &in->rec.actor;
	memset(a, 0, sizeof *a);
	a->kind = ID_IAMUSER;
	a->account = INC_ACCOUNT;
	a->role = -1;
	a->tls = true;
	snprintf(a->ip, sizeof a->ip, "%s", INC_ATTACKER_IP);
	if (s->actor == IA_LEAKED) {
		a->user = INC_LEAKED_USER;
		snprintf(a->key, sizeof a->key, "%s", in->facts.leaked_key);
		a->agent = inc_agent_cli;
	} else {
		a->user = INC_NEW_USER_INDEX;
		a->user_name = INC_NEW_USER;
		snprintf(a->key, sizeof a->key, "%s", in->facts.new_key);
		a->agent = inc_agent_boto3;
	}
	const char *name = a->user_name ? a->user_name
	                                 : cat_users[a->user].name;
	snprintf(a->arn, sizeof a->arn, "arn:aws:iam::%s:user/%s",
	         victim()->id, name);
	snprintf(a->session, sizeof a->session, "%s", name);
	if (s->actor == IA_SIGNIN) {
		a->no_key = true;
		a->key[0] = '\0';
		a->agent = inc_agent_browser;
	} else if (s->actor == IA_CONSOLE) {
		/* The session the sign-in opened: a temporary key, no MFA. */
		const struct incident_event *e = in->events;
		while (inc_steps[e->step].actor != IA_SIGNIN)
			e++;
		a->session_start = e->t;
		fmt_aws_id(a->key, 20, "ASIA", victim(),
		           mix2(INC_NEW_USER_INDEX, (uint64_t)e->t));
		a->console = true;
		a->tls = false;
	}
	if (s->agent)
		a->agent = s->agent;
}

/* Fixes the resources the step names: bucket, role, sizes, session. */
static void preset(struct rec *r, const struct inc_step *s, uint16_t rep)
{
	r->have = 0;
	if (s->bucket >= 0) {
		r->lazy[LZ_BUCKET] = (uint64_t)s->bucket;
		r->have |= 1ull << LZ_BUCKET;
	}
	if (s->vary == IV_ROLES) {
		r->lazy[LZ_ROLE] = (uint64_t)nth_role(rep);
		r->have |= 1ull << LZ_ROLE;
	}
	/* botocore names sessions "botocore-session-<time>" (ph_session). */
	r->lazy[LZ_SESSION] = (rng_next(r->rng) & ~3ull) | 1;
	r->have |= 1ull << LZ_SESSION;
	if (s->size != IS_ANY) {
		/* ph_size: 2^(8 + v % 20) to twice that bytes. */
		uint64_t v = rng_next(r->rng);
		v -= v % 20;
		v += s->size == IS_DUMP ? 18 + (v >> 40) % 2 : 0;
		r->lazy[LZ_SIZE] = v;
		r->have |= 1ull << LZ_SIZE;
	}
}

/* The object key of the dump `days` days before t. */
static void dump_key(struct buf *out, struct rng *rng, int64_t t, int days)
{
	static const char hex[] = "0123456789abcdef";
	char date[16], id[14];
	civil_folders(date, t - (int64_t)days * 86400);
	fill_from(id, 8, rng_next(rng), hex, 16);
	id[8] = '-';
	fill_from(id + 9, 4, rng_next(rng), hex, 16);
	id[13] = '\0';
	buf_puts(out, "postgres/orders-db/");
	buf_puts(out, date);
	buf_putc(out, '/');
	buf_puts(out, id);
	buf_puts(out, ".sql.gz");
}

/* `tmpl` with '@' replaced by `value`, into `out`; NULL stays NULL. */
static const char *fill_value(struct buf *out, const char *tmpl,
                              const char *value)
{
	if (!tmpl)
		return NULL;
	out->len = 0;
	for (const char *p = tmpl; *p; p++)
		if (*p == '@')
			buf_puts(out, value);
		else
			buf_putc(out, *p);
	buf_putc(out, '\0');
	return buf_ok(out) ? out->data : "null";
}

/* The step's call with its '@' filled in. */
static void set_api(struct incident *in, const struct inc_step *s,
                    const struct incident_event *e)
{
	char id[24];
	struct buf value;
	buf_init(&value);
	switch (s->value) {
	case IX_NEW_USER_ID:
		fmt_iam_id(id, "AIDA", victim(), INC_NEW_USER_INDEX);
		buf_puts(&value, id);
		break;
	case IX_NEW_KEY: buf_puts(&value, in->facts.new_key); break;
	case IX_OBJECT:
		dump_key(&value, &in->rng, e->t, e->rep + 1);
		break;
	default: break;
	}
	buf_putc(&value, '\0');
	const char *v = buf_ok(&value) ? value.data : "";
	in->api = *s->api;
	in->api.request = fill_value(&in->sub[0], s->api->request, v);
	in->api.response = fill_value(&in->sub[1], s->api->response, v);
	in->api.extra = fill_value(&in->sub[2], s->api->extra, v);
	in->api.resources = fill_value(&in->sub[3], s->api->resources, v);
	buf_free(&value);
}

bool incident_next(struct incident *in, int64_t until, struct buf *out,
                   const struct rec **rec)
{
	if (in->next >= in->n || in->events[in->next].t >= until)
		return false;
	const struct incident_event *e = &in->events[in->next++];
	const struct inc_step *s = &inc_steps[e->step];
	struct rec *r = &in->rec;
	set_actor(in, s);
	preset(r, s, e->rep);
	set_api(in, s, e);
	int region = s->vary == IV_REGIONS ? nth_region(e->rep)
	             : s->region          ? cat_region_index(s->region)
	                                  : REGION_US_EAST_1;
	rec_prepare_scripted(r, e->t, &in->api, INC_ACCOUNT, region,
	                     s->global_ep, s->error);
	rec_write(r, out);
	*rec = r;
	return true;
}
