/* incident.h - the scripted incident `trailnav generate --incident`
 * weaves into the background traffic, for the demo trail and for
 * teaching: an IAM user's long-lived access key leaks and is used from
 * an address the organization never uses, with an attacker's tools.
 *
 * The story, in the production account (acme-prod), over about an hour:
 *  1. reconnaissance with the leaked key: GetCallerIdentity, ListBuckets,
 *     ListUsers, ListRoles, ..., and bursts of AccessDenied and
 *     Client.UnauthorizedOperation as the attacker probes every region,
 *     every role and every service;
 *  2. persistence: CreateUser, AttachUserPolicy (AdministratorAccess),
 *     CreateAccessKey and CreateLoginProfile for a new user;
 *  3. defence evasion with the new key: StopLogging on the account's own
 *     trail (which then records nothing more), and failed attempts to
 *     stop and delete the organization trail (which records everything);
 *  4. exfiltration: a month of database dumps read from the backups
 *     bucket, S3 GetObject data events;
 *  5. a console sign-in as the new user, without MFA, and a look around.
 * Every call comes from the attacker's address, and only they use it.
 *
 * Deterministic for the seed, and independent of the background: the
 * incident draws from its own generator.
 */
#ifndef TRAILNAV_GEN_INCIDENT_H
#define TRAILNAV_GEN_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gen/internal.h"
#include "util/buf.h"

/* What the incident is made of: the answers a person looking for the
 * attacker should find (tests and the README use them). */
struct incident_facts {
	const char *account;      /* the victim account's ID */
	const char *leaked_user;  /* whose key leaked */
	char leaked_key[24];      /* the leaked AKIA... key */
	const char *attacker_ip;
	const char *new_user;     /* the user the attacker created */
	char new_key[24];         /* its AKIA... key */
	char bucket[64];          /* the bucket the dumps came from */
	const char *stopped_trail; /* the trail that stopped logging */
	int64_t first, last;      /* the incident's first and last call */
	int64_t stopped_at;       /* when StopLogging was called */
};

/* One of the incident's calls, in time order. */
struct incident_event {
	int64_t t;
	uint16_t step, rep;
};

struct incident {
	struct rng rng;
	struct rec rec;
	struct api api;              /* the call being written */
	struct buf sub[4];           /* its templates, values filled in */
	struct incident_event *events;
	size_t n, next;
	struct incident_facts facts;
};

/* The incident of a trail that begins at `start` (epoch seconds), drawn
 * with `seed`.  Returns 0, or -1 when out of memory. */
int incident_init(struct incident *in, uint64_t seed, int64_t start);
void incident_free(struct incident *in);

/* If the next call happened before `until`, appends its record to `out`,
 * sets *rec to the prepared record (its account, region and API say
 * which trails log it) and returns true; else returns false. */
bool incident_next(struct incident *in, int64_t until, struct buf *out,
                   const struct rec **rec);

/* When trail `trail` (index into cat_trails) stopped logging: records
 * after this time are not in it.  INT64_MAX when it never stopped. */
int64_t incident_trail_stopped(const struct incident *in, int trail);

#endif
