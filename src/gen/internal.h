/* internal.h - what the generator's modules share while one record is
 * being built: the chosen API, account, region and time, the caller, and
 * the resources the record names.
 *
 * Resources are chosen lazily and then kept, so a record that names its
 * bucket in requestParameters, resources and the Host header names the
 * same bucket everywhere.
 */
#ifndef TRAILNAV_GEN_INTERNAL_H
#define TRAILNAV_GEN_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "gen/catalog.h"
#include "gen/rng.h"
#include "util/buf.h"

/* Lazily chosen values of a record, one bit each in rec.have. */
enum lazy_slot {
	LZ_BUCKET, LZ_KEY, LZ_KEY2, LZ_SIZE, LZ_INSTANCE, LZ_AMI, LZ_SG,
	LZ_VPC, LZ_SUBNET, LZ_VOLUME, LZ_ENI, LZ_AZ, LZ_ITYPE, LZ_KMS,
	LZ_ROLE, LZ_SESSION, LZ_USER, LZ_POLICY, LZ_FUNCTION, LZ_TABLE,
	LZ_TOPIC, LZ_QUEUE, LZ_SECRET, LZ_PARAM, LZ_DB, LZ_REPO, LZ_LOGGROUP,
	LZ_LOGSTREAM, LZ_DIST, LZ_ZONE, LZ_OTHER, LZ_ETAG, LZ_AMZID,
	LZ_AKID, LZ_PERSON, LZ_NUMBER, LZ_CIDR, LZ_PRIVIP, LZ_UPLOAD,
	LZ_K8S, LZ_TOKEN, LZ_COUNT
};

/* The caller, as the record's userIdentity and connection show it. */
struct actor {
	enum id_kind kind;
	int account;       /* the caller's account (index) */
	int user;          /* index into cat_users, or -1 */
	const char *user_name; /* an IAM user outside the catalogue (the
	                          scripted incident's), or NULL */
	int role;          /* index into cat_roles, or -1 */
	const char *invoked_by; /* service DNS name, or NULL */
	char session[80];  /* role session name */
	char arn[200];     /* "" when the identity has none */
	char key[24];      /* access key ID; "" when none */
	char ip[48];
	const char *agent;
	int64_t session_start; /* sessionContext creationDate */
	bool console;  /* sessionCredentialFromConsole */
	bool tls;      /* a direct call over TLS: tlsDetails */
	bool mfa;
	bool no_key;   /* ConsoleLogin: no accessKeyId at all */
	bool hidden;   /* failed sign-in with an unknown user name */
};

/* Values forced on a record by an Insights burst. */
struct burst {
	int api, account, region, role;
	const char *error_code; /* NULL: no forced error */
};

struct rec {
	struct rng *rng;
	const struct api *api;
	const struct service *svc;
	int account;  /* recipient account (index into cat_accounts) */
	int region;   /* index into cat_regions */
	int64_t t;    /* eventTime, epoch seconds */
	char time[24];
	const char *version;
	bool old;       /* eventVersion 1.05: no category, no flags */
	bool global_ep; /* STS through its global endpoint */
	const struct api_error *error;
	struct actor actor;
	char request_id[64];
	char event_id[40];
	char host[160]; /* clientProvidedHostHeader */
	uint64_t have;  /* bit per enum lazy_slot */
	uint64_t lazy[LZ_COUNT];
	struct buf scratch;
};

/* The value of a lazy slot, drawn on first use. */
static inline uint64_t rec_lazy(struct rec *r, enum lazy_slot s)
{
	if (!(r->have & (1ull << s))) {
		r->lazy[s] = rng_next(r->rng);
		r->have |= 1ull << s;
	}
	return r->lazy[s];
}

/* Appending a string literal without strlen. */
#define PUT_LIT(b, lit) buf_append((b), (lit), sizeof(lit) - 1)

#endif
