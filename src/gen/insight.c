/* insight.c - Insights events (see insight.h).  Record shape per
 * docs/cloudtrail-format.md and AWS's examples: only eventVersion,
 * eventTime, awsRegion, eventID, eventType, recipientAccountId,
 * sharedEventID, insightDetails and eventCategory. */
#include <config.h>

#include "gen/insight.h"

#include <string.h>

#include "gen/civil.h"
#include "gen/expand.h"

/* Write management APIs that Insights watch, the role that bursts them
 * and, for error-rate insights, the error. */
static const struct {
	enum service_id svc;
	const char *name;
	int role;
	const char *error;
} candidates[] = {
	{ SVC_EC2, "CreateTags", 6, NULL },
	{ SVC_SSM, "UpdateInstanceInformation", 2, NULL },
	{ SVC_LOGS, "CreateLogStream", 3, NULL },
	{ SVC_EC2, "RunInstances", 1, "Client.UnauthorizedOperation" },
	{ SVC_LAMBDA, "UpdateFunctionConfiguration20150331v2", 6,
	  "TooManyRequestsException" },
	{ SVC_ASG, "CompleteLifecycleAction", 8, NULL },
};
#define NCANDIDATES (sizeof candidates / sizeof candidates[0])

/* Organization accounts with many roles, where bursts happen. */
static const int burst_accounts[] = { 2, 3, 4 };
static const char *const burst_regions[] = { "us-east-1", "us-west-2",
	                                     "eu-west-1" };

size_t insight_count(uint64_t events)
{
	if (events < 200)
		return 0;
	uint64_t n = events / 50000;
	return n < 1 ? 1 : n > 24 ? 24 : (size_t)n;
}

static int api_index(enum service_id svc, const char *name)
{
	for (size_t i = 0; i < cat_napis(); i++)
		if (cat_api(i)->svc == svc && strcmp(cat_api(i)->name, name) == 0)
			return (int)i;
	return 0;
}

static void plan_one(struct insight *in, size_t i, size_t n, uint64_t events,
                     int64_t start, int64_t span, struct rng *rng)
{
	size_t c = rng_below(rng, NCANDIDATES);
	memset(in, 0, sizeof *in);
	in->burst.api = api_index(candidates[c].svc, candidates[c].name);
	in->burst.role = candidates[c].role;
	in->burst.error_code = candidates[c].error;
	in->burst.account = burst_accounts[rng_below(rng, 3)];
	in->burst.region = cat_region_index(burst_regions[rng_below(rng, 3)]);
	/* Spread evenly, starting on a minute, lasting 5 to 30 minutes, and
	 * ending a quarter of an hour before the trail does. */
	int64_t duration = 60 * (5 + (int64_t)rng_below(rng, 26));
	int64_t at = start + span * (int64_t)(2 * i + 1) / (int64_t)(2 * n);
	at -= at % 60;
	if (at + duration > start + span - 900)
		at = start + span - 900 - duration;
	in->start = at < start ? start : at;
	in->end = in->start + duration;
	int64_t minutes = span / 60 > 0 ? span / 60 : 1;
	in->insight_micro = events * (INSIGHT_BURST * 1000) / (uint64_t)minutes;
	in->baseline_micro = in->insight_micro / (40 + rng_below(rng, 200));
	in->baseline_minutes = 10080 + rng_below(rng, 4000);
	uint64_t hi = rng_next(rng);
	fmt_uuid(in->shared_id, hi, rng_next(rng), 0);
}

void insight_plan(struct insight *out, size_t n, uint64_t events,
                  int64_t start, int64_t span, struct rng *rng)
{
	for (size_t i = 0; i < n; i++)
		plan_one(&out[i], i, n, events, start, span, rng);
}

/* A number of millionths, as a JSON number ("0.6", "12.345678"). */
static void put_micro(struct buf *out, uint64_t micro)
{
	char frac[8];
	put_u64(out, micro / 1000000);
	uint64_t f = micro % 1000000;
	if (!f)
		return;
	for (int i = 5; i >= 0; i--, f /= 10)
		frac[i] = (char)('0' + f % 10);
	int len = 6;
	while (frac[len - 1] == '0')
		len--;
	buf_putc(out, '.');
	buf_append(out, frac, (size_t)len);
}

static void attribution(struct buf *out, const char *attr, const char *value,
                        const char *base_value, const struct insight *in)
{
	PUT_LIT(out, "{\"attribute\":\"");
	buf_puts(out, attr);
	PUT_LIT(out, "\",\"insight\":[{\"value\":\"");
	json_escape(out, value, strlen(value));
	PUT_LIT(out, "\",\"average\":");
	put_micro(out, in->insight_micro);
	PUT_LIT(out, "}],\"baseline\":[{\"value\":\"");
	json_escape(out, base_value, strlen(base_value));
	PUT_LIT(out, "\",\"average\":");
	put_micro(out, in->baseline_micro);
	PUT_LIT(out, "}]}");
}

static void attributions(struct buf *out, const struct insight *in)
{
	const struct role *role = &cat_roles[in->burst.role];
	char arn[160];
	strcpy(arn, "arn:aws:sts::");
	strcat(arn, cat_accounts[in->burst.account].id);
	strcat(arn, ":assumed-role/");
	strncat(arn, role->name, sizeof arn - strlen(arn) - 1);
	const char *ua = role->use == ROLE_CI
		? cat_agents[AGENT_TERRAFORM].agents[0]
		: cat_agents[AGENT_SDK].agents[role->use == ROLE_APP ? 0 : 4];
	const char *code = in->burst.error_code ? in->burst.error_code : "null";
	PUT_LIT(out, ",\"attributions\":[");
	attribution(out, "userIdentityArn", arn, arn, in);
	buf_putc(out, ',');
	attribution(out, "userAgent", ua, ua, in);
	buf_putc(out, ',');
	attribution(out, "errorCode", code, "null", in);
	buf_putc(out, ']');
}

static void details(const struct insight *in, bool end, struct buf *out)
{
	const struct api *api = cat_api((size_t)in->burst.api);
	PUT_LIT(out, "\"insightDetails\":{\"state\":\"");
	buf_puts(out, end ? "End" : "Start");
	PUT_LIT(out, "\",\"eventSource\":\"");
	buf_puts(out, cat_services[api->svc].source);
	PUT_LIT(out, "\",\"eventName\":\"");
	buf_puts(out, api->name);
	PUT_LIT(out, "\",\"insightType\":\"");
	buf_puts(out, in->burst.error_code ? "ApiErrorRateInsight"
	                                   : "ApiCallRateInsight");
	if (in->burst.error_code) {
		PUT_LIT(out, "\",\"errorCode\":\"");
		buf_puts(out, in->burst.error_code);
	}
	PUT_LIT(out, "\",\"insightContext\":{\"statistics\":{\"baseline\":"
	             "{\"average\":");
	put_micro(out, in->baseline_micro);
	PUT_LIT(out, "},\"insight\":{\"average\":");
	put_micro(out, in->insight_micro);
	buf_putc(out, '}');
	if (end) {
		PUT_LIT(out, ",\"insightDuration\":");
		put_u64(out, (uint64_t)(in->end - in->start) / 60);
	}
	PUT_LIT(out, ",\"baselineDuration\":");
	put_u64(out, in->baseline_minutes);
	buf_putc(out, '}');
	attributions(out, in);
	PUT_LIT(out, "}}");
}

void insight_write(const struct insight *in, bool end, struct rng *rng,
                   struct buf *out)
{
	char when[24], id[40];
	civil_iso(when, end ? in->end : in->start);
	uint64_t hi = rng_next(rng);
	fmt_uuid(id, hi, rng_next(rng), 0);
	PUT_LIT(out, "{\"eventVersion\":\"1.08\",\"eventTime\":\"");
	buf_puts(out, when);
	PUT_LIT(out, "\",\"awsRegion\":\"");
	buf_puts(out, cat_regions[in->burst.region].name);
	PUT_LIT(out, "\",\"eventID\":\"");
	buf_puts(out, id);
	PUT_LIT(out, "\",\"eventType\":\"AwsCloudTrailInsight\","
	             "\"recipientAccountId\":\"");
	buf_puts(out, cat_accounts[in->burst.account].id);
	PUT_LIT(out, "\",\"sharedEventID\":\"");
	buf_puts(out, in->shared_id);
	PUT_LIT(out, "\",");
	details(in, end, out);
	PUT_LIT(out, ",\"eventCategory\":\"Insight\"}");
}
