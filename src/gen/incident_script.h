/* incident_script.h - the scripted incident as data: who the attacker
 * is, and each step of what they did (see incident.h for the story).
 * incident.c plays the script. */
#ifndef TRAILNAV_GEN_INCIDENT_SCRIPT_H
#define TRAILNAV_GEN_INCIDENT_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gen/catalog.h"

/* The victim: the production account, its account trail, and the user
 * whose key leaked (indexes into the catalogue). */
enum {
	INC_ACCOUNT = 2,      /* acme-prod */
	INC_LEAKED_USER = 2,  /* ci-deploy */
	INC_STOPPED_TRAIL = 1, /* prod-management-events */
	INC_NEW_USER_INDEX = 40, /* the new user's IAM ID: no catalogue user's */
	INC_BUCKET = 2,       /* bucket purpose of the dumps: backups */
	INC_DENIED_BUCKET = 1 /* and of a bucket probed in vain: data-lake */
};

/* When the first call is made, seconds after the trail begins. */
#define INC_BEGINS (13 * 3600 + 52 * 60 + 7)

/* An address from 198.18.0.0/15 (RFC 2544, benchmarking): nobody's, and
 * outside every range the background traffic uses. */
#define INC_ATTACKER_IP "198.18.42.77"
#define INC_NEW_USER "backup-ops"
#define INC_ORG_TRAIL_ARN \
	"arn:aws:cloudtrail:us-east-1:$mgmt:trail/acme-org-trail"

/* Who makes a call. */
enum inc_actor {
	IA_LEAKED,  /* the leaked key */
	IA_NEW_KEY, /* the new user's access key */
	IA_SIGNIN,  /* the new user signing in to the console */
	IA_CONSOLE  /* the new user's console session */
};

/* How often a step's call is made. */
enum inc_vary {
	IV_ONCE,
	IV_REGIONS, /* once in every region the account has enabled */
	IV_ROLES,   /* once for every role of the account (not service roles) */
	IV_OBJECTS  /* once per object, `count` of them */
};

/* What '@' stands for in a step's templates. */
enum inc_value {
	IX_NONE,
	IX_NEW_USER_ID, /* the new user's AIDA... ID */
	IX_NEW_KEY,     /* the new user's access key */
	IX_OBJECT       /* the dump of the day rep + 1 days before the trail */
};

/* Sizes of S3 transfers ($size). */
enum inc_size { IS_ANY, IS_ERROR_BODY, IS_DUMP };

struct inc_step {
	uint16_t after;  /* seconds after the previous step's last call */
	uint8_t spacing; /* repeated calls come 1 to `spacing` seconds apart */
	uint8_t count;   /* IV_OBJECTS: how many */
	uint8_t actor;   /* enum inc_actor */
	uint8_t vary;    /* enum inc_vary */
	uint8_t value;   /* enum inc_value */
	uint8_t size;    /* enum inc_size */
	int8_t bucket;   /* the bucket's purpose (index), or -1 */
	bool global_ep;  /* STS on its global endpoint */
	const char *region; /* NULL: us-east-1 */
	const char *agent;  /* NULL: the actor's usual user agent */
	const struct api *api;
	const struct api_error *error; /* NULL: it worked */
};

extern const struct inc_step inc_steps[];
extern const size_t inc_nsteps;

/* The user agents of the attacker's tools and browser. */
extern const char inc_agent_cli[], inc_agent_boto3[], inc_agent_browser[];

#endif
