/* record.c - deciding what one event was (see record.h).  Writing it is
 * in record_write.c. */
#include <config.h>

#include "gen/record.h"

#include <stdlib.h>
#include <string.h>

#include "gen/civil.h"
#include "gen/expand.h"
#include "gen/identity.h"

/* Errors per thousand calls that can fail; with the calls that cannot
 * (service events, services calling) the trail ends up near 4%. */
enum { ERROR_RATE = 38, SIGNIN_FAILURES = 120, OLD_RECORDS = 10,
       OLD_SIGNINS = 300, STS_GLOBAL = 350 };

/* The catalogue's tables fit each other (a bug otherwise). */
static int catalog_consistent(void)
{
	if (cat_naccounts > 16 || cat_nregions > 32)
		return 0;
	for (size_t i = 0; i < cat_naccounts; i++)
		if (cat_accounts[i].nusers > cat_nusers ||
		    cat_accounts[i].nroles > cat_nroles ||
		    cat_accounts[i].nusers < 2 || cat_accounts[i].nroles < 4)
			return 0;
	return 1;
}

int picker_init(struct picker *p)
{
	if (!catalog_consistent())
		return -1;
	p->napis = cat_napis();
	p->api_cum = malloc(p->napis * sizeof *p->api_cum);
	if (!p->api_cum)
		return -1;
	uint32_t sum = 0;
	for (size_t i = 0; i < p->napis; i++)
		p->api_cum[i] = sum += cat_api(i)->weight;
	sum = 0;
	for (size_t i = 0; i < cat_naccounts; i++)
		p->account_cum[i] = sum += cat_accounts[i].weight;
	sum = 0;
	for (size_t i = 0; i < cat_nregions; i++)
		p->region_cum[i] = sum += cat_regions[i].weight;
	return 0;
}

void picker_free(struct picker *p)
{
	free(p->api_cum);
	p->api_cum = NULL;
}

void rec_init(struct rec *r, struct rng *rng)
{
	memset(r, 0, sizeof *r);
	r->rng = rng;
	buf_init(&r->scratch);
}

void rec_free(struct rec *r)
{
	buf_free(&r->scratch);
}

int rec_logged_by(const struct rec *r, const struct trail *t)
{
	if ((r->api->flags & A_DATA) && !t->data_events)
		return 0;
	return !t->write_only || !(r->api->flags & A_RO);
}

/* A region the account has enabled, by weight. */
static int pick_region(struct rec *r, const struct picker *p)
{
	for (;;) {
		size_t i = rng_pick_cum(r->rng, p->region_cum, cat_nregions);
		if (!cat_regions[i].opt_in || cat_accounts[r->account].opt_in)
			return (int)i;
	}
}

static void choose_where(struct rec *r, const struct picker *p)
{
	const struct api *api = r->api;
	r->account = api->flags & A_MGMT
		? ACCOUNT_MANAGEMENT
		: (int)rng_pick_cum(r->rng, p->account_cum, cat_naccounts);
	r->region = pick_region(r, p);
	r->global_ep = false;
	/* Global services are recorded in us-east-1, as are calls to STS's
	 * global endpoint; regional STS endpoints log in their region. */
	if (r->svc->global || (api->flags & A_MGMT))
		r->region = REGION_US_EAST_1;
	else if ((api->flags & A_GLOBAL_EP) &&
	         rng_chance(r->rng, STS_GLOBAL)) {
		r->region = REGION_US_EAST_1;
		r->global_ep = true;
	}
}

/* Where a console sign-in is recorded (docs/cloudtrail-format.md,
 * "ConsoleLogin Region"); sets the sign-in host to match. */
static void signin_region(struct rec *r, const struct picker *p)
{
	static const char *const root_regions[] = {
		"us-east-1", "us-east-2", "us-west-2"
	};
	static const char *const cookie_regions[] = {
		"us-east-2", "eu-north-1", "ap-southeast-2"
	};
	uint32_t x = rng_below(r->rng, 100);
	strcpy(r->host, "signin.aws.amazon.com");
	if (r->actor.kind == ID_ROOT)
		r->region = cat_region_index(root_regions[x < 60 ? 0 : x % 2 + 1]);
	else if (x < 50)
		r->region = REGION_US_EAST_1;
	else if (x < 75)
		r->region = cat_region_index(cookie_regions[x % 3]);
	else {
		/* A regional sign-in endpoint: recorded in its region. */
		r->region = pick_region(r, p);
		strcpy(r->host, cat_regions[r->region].name);
		strcat(r->host, ".signin.aws.amazon.com");
	}
}

static void choose_host(struct rec *r)
{
	const char *tmpl = r->svc->host;
	if (r->global_ep)
		tmpl = "sts.amazonaws.com";
	else if (r->api->flags & A_SVCHOST)
		tmpl = "s3.$region.amazonaws.com";
	r->scratch.len = 0;
	expand(r, &r->scratch, tmpl);
	size_t n = r->scratch.len < sizeof r->host - 1 ? r->scratch.len
	                                               : sizeof r->host - 1;
	if (r->scratch.data)
		memcpy(r->host, r->scratch.data, n);
	r->host[n] = '\0';
}

static void choose_version(struct rec *r)
{
	int signin = r->api->flags & A_SIGNIN;
	r->old = rng_chance(r->rng, signin ? OLD_SIGNINS : OLD_RECORDS);
	if (!r->old)
		r->version = r->svc->version;
	else
		r->version = signin || rng_chance(r->rng, 700) ? "1.05" : "1.04";
}

static void choose_ids(struct rec *r)
{
	static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	uint64_t hi = rng_next(r->rng), lo = rng_next(r->rng);
	fmt_uuid(r->event_id, hi, lo, 0);
	int reqid = r->api->flags & (A_SVCEVENT | A_SIGNIN) ? REQID_NONE
	                                                    : r->svc->reqid;
	/* A few calls reach the trail without a request ID, as in real
	 * files. */
	if (rng_chance(r->rng, 2))
		reqid = REQID_NONE;
	r->request_id[0] = '\0';
	hi = rng_next(r->rng);
	lo = rng_next(r->rng);
	if (reqid == REQID_UUID)
		fmt_uuid(r->request_id, hi, lo, 0);
	else if (reqid == REQID_S3) {
		fill_from(r->request_id, 16, hi, alnum, 36);
		r->request_id[16] = '\0';
	} else if (reqid == REQID_DDB) {
		fill_from(r->request_id, 52, hi ^ lo, alnum, 36);
		r->request_id[52] = '\0';
	}
}

static const struct api_error *pick_error(struct rec *r, const char *code)
{
	const struct error_table *t = &cat_errors[r->api->errors];
	uint32_t total = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (code && t->errors[i].code &&
		    strcmp(t->errors[i].code, code) == 0)
			return &t->errors[i];
		total += t->errors[i].weight;
	}
	uint32_t x = rng_below(r->rng, total);
	size_t i = 0;
	while (x >= t->errors[i].weight)
		x -= t->errors[i++].weight;
	return &t->errors[i];
}

static void choose_error(struct rec *r, const struct burst *burst)
{
	enum id_kind k = r->actor.kind;
	r->error = NULL;
	if (r->api->errors == ERR_NONE || k == ID_AWSSERVICE || k == ID_NOTYPE)
		return;
	if (burst) {
		if (burst->error_code)
			r->error = pick_error(r, burst->error_code);
		return;
	}
	int signin = r->api->flags & A_SIGNIN;
	if (!rng_chance(r->rng, signin ? SIGNIN_FAILURES : ERROR_RATE))
		return;
	r->error = pick_error(r, NULL);
	/* A third of failed sign-ins name a user that does not exist. */
	if (signin && k == ID_IAMUSER && rng_chance(r->rng, 330))
		r->actor.hidden = true;
}

void rec_prepare(struct rec *r, const struct picker *p, int64_t t,
                 const struct burst *burst)
{
	r->have = 0;
	r->t = t;
	civil_iso(r->time, t);
	size_t api = burst ? (size_t)burst->api
	                   : rng_pick_cum(r->rng, p->api_cum, p->napis);
	r->api = cat_api(api);
	r->svc = &cat_services[r->api->svc];
	choose_where(r, p);
	if (burst) {
		r->account = burst->account;
		r->region = burst->region;
	}
	actor_choose(r, burst);
	if (r->api->flags & A_SIGNIN)
		signin_region(r, p);
	else
		choose_host(r);
	choose_version(r);
	choose_ids(r);
	choose_error(r, burst);
}

void rec_prepare_scripted(struct rec *r, int64_t t, const struct api *api,
                          int account, int region, bool global_ep,
                          const struct api_error *error)
{
	r->t = t;
	civil_iso(r->time, t);
	r->api = api;
	r->svc = &cat_services[api->svc];
	r->account = account;
	r->region = region;
	r->global_ep = global_ep;
	if (api->flags & A_SIGNIN)
		strcpy(r->host, "signin.aws.amazon.com");
	else
		choose_host(r);
	r->old = false;
	r->version = r->svc->version;
	choose_ids(r);
	r->error = error;
}
