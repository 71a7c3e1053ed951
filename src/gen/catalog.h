/* catalog.h - what the synthetic trail is made of: regions, accounts and
 * their trails, services, the APIs called with their weights and record
 * templates, identities, user agents and errors.
 *
 * All of it is constant data.  Names are invented (documentation account
 * IDs and IP ranges, example.com) so a generated trail points at nobody
 * real.  Templates are the JSON of requestParameters, responseElements and
 * the like with `$name` placeholders; expand.h lists the placeholders.
 */
#ifndef TRAILNAV_GEN_CATALOG_H
#define TRAILNAV_GEN_CATALOG_H

#include <stddef.h>
#include <stdint.h>

/* ---- regions ---------------------------------------------------------- */

struct region {
	const char *name;
	uint16_t weight; /* share of regional events */
	uint8_t opt_in;  /* only enabled in accounts that opt in */
};

enum { REGION_US_EAST_1 = 0 }; /* global services are recorded here */

extern const struct region cat_regions[];
extern const size_t cat_nregions;
int cat_region_index(const char *name); /* -1 when unknown */

/* ---- accounts and trails ---------------------------------------------- */

enum trail_scope {
	TRAIL_ORG,      /* AWSLogs/o-ID/ACCOUNT/..., every org account */
	TRAIL_ACCOUNT   /* AWSLogs/ACCOUNT/..., one account */
};

struct trail {
	const char *name;
	const char *home_region;
	const char *bucket;
	enum trail_scope scope;
	uint8_t data_events; /* logs data events (else management only) */
	uint8_t write_only;  /* logs only calls that change something */
	uint8_t insights;    /* logs Insights events */
	uint16_t digest_offset; /* seconds past the hour digests end at */
	const char *key_fingerprint;
};

struct account {
	const char *id;
	const char *name;  /* short name, used in resource names */
	const char *tag;   /* 8 characters shared by its key and principal
	                      IDs, as real ones encode the account */
	uint16_t weight;   /* share of events */
	uint8_t org_member;
	uint8_t opt_in;       /* opt-in regions enabled */
	int8_t own_trail;     /* index into cat_trails, or -1 */
	uint8_t nusers;       /* first n of cat_users */
	uint8_t nroles;       /* first n of cat_roles */
};

extern const char *const cat_org_id;
extern const struct trail cat_trails[];
extern const size_t cat_ntrails;
extern const struct account cat_accounts[];
extern const size_t cat_naccounts;
enum { ACCOUNT_MANAGEMENT = 0 };

/* ---- services ---------------------------------------------------------- */

enum reqid_form {
	REQID_UUID,  /* 8-4-4-4-12 lowercase hex */
	REQID_S3,    /* 16 uppercase alphanumerics */
	REQID_DDB,   /* 52 uppercase alphanumerics */
	REQID_NONE
};

struct service {
	const char *source;  /* eventSource */
	const char *prefix;  /* IAM action prefix, "ec2" */
	const char *host;    /* clientProvidedHostHeader template */
	const char *version; /* eventVersion of its current records */
	const char *api_version; /* apiVersion, or NULL */
	uint8_t reqid;       /* enum reqid_form */
	uint8_t global;      /* recorded in us-east-1 whatever the caller */
	uint8_t vpce;        /* commonly reached through a VPC endpoint */
};

enum service_id {
	SVC_EC2, SVC_S3, SVC_IAM, SVC_STS, SVC_KMS, SVC_LAMBDA, SVC_DDB,
	SVC_SNS, SVC_SQS, SVC_CT, SVC_RDS, SVC_SSM, SVC_SECRETS, SVC_LOGS,
	SVC_CW, SVC_ECR, SVC_CF, SVC_ORG, SVC_R53, SVC_SIGNIN, SVC_SSO,
	SVC_ELB, SVC_HEALTH, SVC_ASG, SVC_COUNT
};

extern const struct service cat_services[SVC_COUNT];

/* ---- identities ------------------------------------------------------- */

/* How the caller appears in userIdentity. */
enum id_kind {
	ID_ROOT, ID_IAMUSER, ID_ASSUMED, ID_ASSUMED_VIA, ID_INSTANCE,
	ID_FEDERATED, ID_AWSSERVICE, ID_AWSACCOUNT, ID_ANONYMOUS, ID_SAML,
	ID_WEBIDENTITY, ID_IDCENTER, ID_UNKNOWN, ID_NOTYPE, ID_KIND_COUNT
};

/* Which callers an API has, as weights per id_kind. */
enum id_mix {
	MIX_DEFAULT, MIX_DATA, MIX_S3DATA, MIX_ONBEHALF, MIX_ASSUME,
	MIX_INVOKE, MIX_INSTANCE, MIX_SERVICE, MIX_SAML, MIX_WEBID,
	MIX_IDCENTER, MIX_UNKNOWN, MIX_NOTYPE, MIX_CONSOLE, MIX_ADMIN,
	MIX_USER, MIX_COUNT
};

extern const uint16_t cat_id_mix[MIX_COUNT][ID_KIND_COUNT];

/* How a kind of role is used: its session names and callers. */
enum role_use {
	ROLE_HUMAN,    /* IAM Identity Center permission sets, admins */
	ROLE_CI,       /* pipelines */
	ROLE_APP,      /* Lambda, ECS tasks */
	ROLE_INSTANCE, /* EC2 instance profiles */
	ROLE_SERVICE   /* service-linked roles */
};

struct role {
	const char *name;
	const char *path; /* "/" or "/aws-service-role/svc.amazonaws.com/" */
	uint8_t use;      /* enum role_use */
};

struct user {
	const char *name;
	uint8_t human; /* signs in to the console; else a program's key */
};

extern const struct role cat_roles[];
extern const size_t cat_nroles;
extern const struct user cat_users[];
extern const size_t cat_nusers;
extern const char *const cat_people[]; /* Identity Center user names */
extern const size_t cat_npeople;

/* Services that call for a principal or on their own (invokedBy),
 * grouped by the APIs they call. */
enum via_set {
	VIA_NONE, VIA_KMS, VIA_INVOKE, VIA_ASSUME, VIA_S3, VIA_ENI, VIA_EC2,
	VIA_KMS_SELF, VIA_SECRETS, VIA_COUNT
};

/* ---- user agents ------------------------------------------------------ */

enum agent_class {
	AGENT_CLI, AGENT_BOTO3, AGENT_CONSOLE, AGENT_TERRAFORM, AGENT_SDK,
	AGENT_BROWSER, AGENT_CLASS_COUNT
};

struct agent_set {
	const char *const *agents;
	size_t n;
};

extern const struct agent_set cat_agents[AGENT_CLASS_COUNT];

/* ---- errors ----------------------------------------------------------- */

/* One error an API can fail with.  `code` NULL: an errorMessage alone,
 * as failed console sign-ins are written. */
struct api_error {
	const char *code;
	const char *message; /* template, or NULL for no errorMessage */
	uint16_t weight;
};

enum error_set {
	ERR_NONE, ERR_GENERIC, ERR_EC2, ERR_S3DATA, ERR_S3, ERR_IAM, ERR_STS,
	ERR_KMS, ERR_LAMBDA, ERR_DDB, ERR_SECRETS, ERR_SSM, ERR_CT,
	ERR_SIGNIN, ERR_SET_COUNT
};

struct error_table {
	const struct api_error *errors;
	size_t n;
};

extern const struct error_table cat_errors[ERR_SET_COUNT];

/* ---- APIs ------------------------------------------------------------- */

enum api_flag {
	A_RO = 1,         /* readOnly true */
	A_DATA = 2,       /* a data event */
	A_SVCEVENT = 4,   /* AwsServiceEvent: no request, no requestID */
	A_SIGNIN = 8,     /* AwsConsoleSignIn */
	A_GLOBAL_EP = 16, /* STS: sometimes called on the global endpoint */
	A_SHARED = 32,    /* carries a sharedEventID */
	A_MGMT = 64,      /* only the management account, in us-east-1 */
	A_SVCHOST = 128   /* S3 calls that name no bucket in the host */
};

struct api {
	uint8_t svc;     /* enum service_id */
	uint8_t flags;   /* enum api_flag */
	uint8_t mix;     /* enum id_mix */
	uint8_t errors;  /* enum error_set */
	uint8_t via;     /* enum via_set: who invokes it for others */
	uint16_t weight; /* relative frequency */
	const char *name;
	const char *request;  /* requestParameters template; NULL: null */
	const char *response; /* responseElements template; NULL: null */
	const char *extra;    /* additionalEventData template, or NULL */
	const char *resources; /* resources array template, or NULL */
	const char *details;  /* serviceEventDetails template, or NULL */
};

/* Two tables (catalog_api.c, catalog_api_ops.c), numbered as one. */
extern const struct api cat_apis_core[], cat_apis_ops[];
extern const size_t cat_ncore, cat_nops;
size_t cat_napis(void);
const struct api *cat_api(size_t i);

/* ---- resource names ---------------------------------------------------- */

struct name_list {
	const char *const *names;
	size_t n;
};

enum name_kind {
	NAMES_BUCKET_PURPOSE, NAMES_KEY_PREFIX, NAMES_FUNCTION, NAMES_TABLE,
	NAMES_TOPIC, NAMES_QUEUE, NAMES_SECRET, NAMES_PARAMETER, NAMES_DB,
	NAMES_INSTANCE_TYPE, NAMES_REPO, NAMES_LOG_GROUP, NAMES_POLICY,
	NAMES_K8S_SA, NAMES_COUNT
};

extern const struct name_list cat_names[NAMES_COUNT];
extern const struct name_list cat_via[VIA_COUNT];

/* Policy documents, as JSON text (written as an escaped string). */
extern const char *const cat_policies[];
extern const size_t cat_npolicies;

#endif
