/* record_write.c - a prepared record as compact JSON, fields in the
 * order CloudTrail writes them, with the fields of newer eventVersions
 * left out of old-style records (see record.h). */
#include <config.h>

#include "gen/record.h"

#include <string.h>

#include "gen/expand.h"
#include "gen/identity.h"

static void str_field(struct buf *out, const char *name, const char *value)
{
	buf_putc(out, '"');
	buf_puts(out, name);
	PUT_LIT(out, "\":\"");
	buf_puts(out, value);
	PUT_LIT(out, "\",");
}

/* "name":<template>, or "name":null, when there is no template. */
static void tmpl_field(struct rec *r, struct buf *out, const char *name,
                       const char *tmpl)
{
	buf_putc(out, '"');
	buf_puts(out, name);
	PUT_LIT(out, "\":");
	if (tmpl)
		expand(r, out, tmpl);
	else
		PUT_LIT(out, "null");
	buf_putc(out, ',');
}

/* S3 writes the caller's user agent in brackets. */
static void user_agent(struct rec *r, struct buf *out)
{
	const char *ua = r->actor.agent;
	int bracket = r->svc == &cat_services[SVC_S3] && !r->actor.invoked_by &&
	              strchr(ua, '/') != NULL;
	PUT_LIT(out, "\"userAgent\":\"");
	if (bracket)
		buf_putc(out, '[');
	json_escape(out, ua, strlen(ua));
	if (bracket)
		buf_putc(out, ']');
	PUT_LIT(out, "\",");
}

static void head(struct rec *r, struct buf *out)
{
	PUT_LIT(out, "{\"eventVersion\":\"");
	buf_puts(out, r->version);
	PUT_LIT(out, "\",");
	actor_write(r, out);
	str_field(out, "eventTime", r->time);
	str_field(out, "eventSource", r->svc->source);
	str_field(out, "eventName", r->api->name);
	str_field(out, "awsRegion", cat_regions[r->region].name);
	str_field(out, "sourceIPAddress", r->actor.ip);
	user_agent(r, out);
	if (!r->error)
		return;
	if (r->error->code)
		str_field(out, "errorCode", r->error->code);
	if (r->error->message) {
		PUT_LIT(out, "\"errorMessage\":\"");
		expand(r, out, r->error->message);
		PUT_LIT(out, "\",");
	}
}

static void body(struct rec *r, struct buf *out)
{
	const struct api *api = r->api;
	int signin = api->flags & A_SIGNIN;
	tmpl_field(r, out, "requestParameters", api->request);
	/* Failed calls return nothing; a failed sign-in still says so. */
	tmpl_field(r, out, "responseElements",
	           r->error && !signin ? NULL : api->response);
	if (api->extra)
		tmpl_field(r, out, "additionalEventData", api->extra);
	if (r->request_id[0])
		str_field(out, "requestID", r->request_id);
	str_field(out, "eventID", r->event_id);
	if (!(r->old && signin)) {
		if (api->flags & A_RO)
			PUT_LIT(out, "\"readOnly\":true,");
		else
			PUT_LIT(out, "\"readOnly\":false,");
	}
	if (api->resources)
		tmpl_field(r, out, "resources", api->resources);
}

static const char *event_type(const struct api *api)
{
	if (api->flags & A_SVCEVENT)
		return "AwsServiceEvent";
	if (api->flags & A_SIGNIN)
		return "AwsConsoleSignIn";
	return "AwsApiCall";
}

/* Calls from private addresses often come through an interface
 * endpoint of the account's VPC. */
static void vpc_endpoint(struct rec *r, struct buf *out)
{
	static const char hex[] = "0123456789abcdef";
	char id[32] = "vpce-0";
	fill_from(id + 6, 16, mix2((uint64_t)r->account, (uint64_t)r->region),
	          hex, 16);
	id[22] = '\0';
	PUT_LIT(out, ",\"vpcEndpointId\":\"");
	buf_puts(out, id);
	buf_putc(out, '"');
	if (strcmp(r->version, "1.09") >= 0) {
		PUT_LIT(out, ",\"vpcEndpointAccountId\":\"");
		buf_puts(out, cat_accounts[r->account].id);
		buf_putc(out, '"');
	}
}

static void tls_details(struct rec *r, struct buf *out)
{
	/* Most clients negotiate TLS 1.3 now; older SDKs 1.2. */
	if (rng_chance(r->rng, 700))
		PUT_LIT(out, ",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\","
		             "\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",");
	else
		PUT_LIT(out, ",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.2\","
		             "\"cipherSuite\":\"ECDHE-RSA-AES128-GCM-SHA256\",");
	PUT_LIT(out, "\"clientProvidedHostHeader\":\"");
	buf_puts(out, r->host);
	PUT_LIT(out, "\"}");
}

static void tail(struct rec *r, struct buf *out)
{
	const struct api *api = r->api;
	str_field(out, "eventType", event_type(api));
	if (r->svc->api_version && !(api->flags & A_SVCEVENT))
		str_field(out, "apiVersion", r->svc->api_version);
	if (!r->old) {
		if (api->flags & A_DATA)
			PUT_LIT(out, "\"managementEvent\":false,");
		else
			PUT_LIT(out, "\"managementEvent\":true,");
	}
	PUT_LIT(out, "\"recipientAccountId\":\"");
	buf_puts(out, cat_accounts[r->account].id);
	buf_putc(out, '"');
	if (api->flags & A_SHARED) {
		PUT_LIT(out, ",\"sharedEventID\":\"");
		put_uuid(out, r->rng, 0);
		buf_putc(out, '"');
	}
	if (r->svc->vpce && r->actor.ip[0] == '1' && r->actor.ip[1] == '0' &&
	    r->actor.ip[2] == '.' && rng_chance(r->rng, 600))
		vpc_endpoint(r, out);
	if (api->details) {
		PUT_LIT(out, ",\"serviceEventDetails\":");
		expand(r, out, api->details);
	}
}

void rec_write(struct rec *r, struct buf *out)
{
	head(r, out);
	body(r, out);
	tail(r, out);
	if (!r->old) {
		PUT_LIT(out, ",\"eventCategory\":\"");
		if (r->api->flags & A_DATA)
			PUT_LIT(out, "Data\"");
		else
			PUT_LIT(out, "Management\"");
		if (r->actor.tls)
			tls_details(r, out);
		if (r->actor.console)
			PUT_LIT(out, ",\"sessionCredentialFromConsole\":\"true\"");
	}
	buf_putc(out, '}');
}
