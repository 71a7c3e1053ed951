/* incident_script.c - the scripted incident, step by step (see
 * incident.h for the story and incident_script.h for the columns).
 *
 * Record shapes follow real ones: corpus/stratus-detonations (StopLogging,
 * CreateUser, CreateAccessKey, AttachUserPolicy, CreateLoginProfile,
 * AssumeRole denied), corpus/invictus-attack-simulation (reconnaissance,
 * Client.UnauthorizedOperation, ConsoleLogin) and AWS's documentation.
 * Templates use the catalogue's placeholders (expand.h); '@' stands for
 * the step's value (enum inc_value).
 */
#include <config.h>

#include "gen/incident_script.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the attacker's tools -------------------------------------------- */

/* Kali Linux: the kernel release in the user agent gives it away. */
const char inc_agent_cli[] =
	"aws-cli/1.29.62 Python/3.11.5 Linux/6.5.0-kali2-amd64 "
	"botocore/1.31.62";
const char inc_agent_boto3[] =
	"Boto3/1.28.62 md/Botocore#1.31.62 ua/2.0 os/linux#6.5.0-kali2-amd64 "
	"md/arch#x86_64 lang/python#3.11.5 md/pyimpl#CPython "
	"cfg/retry-mode#legacy Botocore/1.31.62";
const char inc_agent_browser[] =
	"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 "
	"Firefox/115.0";

static const char agent_console[] = "console.amazonaws.com";
static const char agent_s3_console[] =
	"S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 "
	"Linux/5.10.217-205.860.amzn2int.x86_64 "
	"OpenJDK_64-Bit_Server_VM/25.372-b08 java/1.8.0_372 "
	"vendor/Oracle_Corporation cfg/retry-mode/standard";

/* ---- errors, as the services word them ------------------------------- */

#define NOT_AUTHORIZED(what)                                                \
	"User: $caller is not authorized to perform: $action" what          \
	" because no identity-based policy allows the $action action"

static const struct api_error denied_iam = {
	"AccessDenied", NOT_AUTHORIZED(" on resource: *"), 0
};
static const struct api_error denied_json = {
	"AccessDeniedException", NOT_AUTHORIZED(""), 0
};
static const struct api_error denied_rds = {
	"AccessDenied", NOT_AUTHORIZED(""), 0
};
static const struct api_error denied_org = {
	"AccessDeniedException",
	"You don't have permissions to access this resource.", 0
};
static const struct api_error denied_ec2 = {
	"Client.UnauthorizedOperation",
	"You are not authorized to perform this operation. User: $caller is "
	"not authorized to perform: $action because no identity-based policy "
	"allows the $action action",
	0
};
static const struct api_error denied_assume = {
	"AccessDenied",
	"User: $caller is not authorized to perform: sts:AssumeRole on "
	"resource: arn:aws:iam::$account:role/$role",
	0
};
static const struct api_error denied_s3 = { "AccessDenied", "Access Denied",
	                                    0 };
static const struct api_error no_org_trail = {
	"TrailNotFoundException",
	"Unknown trail: " INC_ORG_TRAIL_ARN " for the user: $account", 0
};

/* ---- the calls ------------------------------------------------------- */

#define S3_HOST_REQ(more)                                                   \
	"{" more "\"bucketName\":\"$bucket\",\"Host\":\"$host\"}"
#define S3_EXTRA(in, out)                                                   \
	"{\"SignatureVersion\":\"SigV4\",\"CipherSuite\":"                  \
	"\"TLS_AES_128_GCM_SHA256\",\"bytesTransferredIn\":" in ","         \
	"\"AuthenticationMethod\":\"AuthHeader\",\"x-amz-id-2\":\"$amzid\","\
	"\"bytesTransferredOut\":" out "}"
#define S3_BUCKET_RES                                                       \
	"{\"accountId\":\"$account\",\"type\":\"AWS::S3::Bucket\",\"ARN\":" \
	"\"arn:aws:s3:::$bucket\"}"
#define S3_OBJ_RES(key)                                                     \
	"[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::$bucket/" key \
	"\"}," S3_BUCKET_RES "]"
#define USER_REQ "{\"userName\":\"" INC_NEW_USER "\"}"
#define API(svc, flags, name, req, resp, extra, res)                        \
	{ svc, flags, 0, ERR_NONE, VIA_NONE, 0, name, req, resp, extra, res, \
	  NULL }

/* Reconnaissance. */
static const struct api get_caller_identity =
	API(SVC_STS, A_RO, "GetCallerIdentity", NULL, NULL, NULL, NULL);
static const struct api list_buckets =
	API(SVC_S3, A_RO | A_SVCHOST, "ListBuckets",
	    "{\"Host\":\"s3.$region.amazonaws.com\"}", NULL,
	    S3_EXTRA("0", "$count"), NULL);
static const struct api list_users =
	API(SVC_IAM, A_RO, "ListUsers", NULL, NULL, NULL, NULL);
static const struct api list_roles =
	API(SVC_IAM, A_RO, "ListRoles", NULL, NULL, NULL, NULL);
static const struct api list_attached =
	API(SVC_IAM, A_RO, "ListAttachedUserPolicies",
	    "{\"userName\":\"ci-deploy\"}", NULL, NULL, NULL);
static const struct api auth_details =
	API(SVC_IAM, A_RO, "GetAccountAuthorizationDetails",
	    "{\"filter\":[\"User\",\"Role\",\"Group\",\"LocalManagedPolicy\","
	    "\"AWSManagedPolicy\"]}",
	    NULL, NULL, NULL);
static const struct api describe_instances =
	API(SVC_EC2, A_RO, "DescribeInstances",
	    "{\"instancesSet\":{},\"filterSet\":{}}", NULL, NULL, NULL);
static const struct api assume_role =
	API(SVC_STS, A_RO, "AssumeRole",
	    "{\"roleArn\":\"arn:aws:iam::$account:role/$role\","
	    "\"roleSessionName\":\"$session\",\"durationSeconds\":3600}",
	    NULL, NULL,
	    "[{\"accountId\":\"$account\",\"type\":\"AWS::IAM::Role\","
	    "\"ARN\":\"arn:aws:iam::$account:role/$role\"}]");
static const struct api list_secrets =
	API(SVC_SECRETS, A_RO, "ListSecrets", "{\"maxResults\":100}", NULL,
	    NULL, NULL);
static const struct api list_functions =
	API(SVC_LAMBDA, A_RO, "ListFunctions20150331", NULL, NULL, NULL,
	    NULL);
static const struct api list_tables =
	API(SVC_DDB, A_RO, "ListTables", NULL, NULL, NULL, NULL);
static const struct api describe_dbs =
	API(SVC_RDS, A_RO, "DescribeDBInstances", NULL, NULL, NULL, NULL);
static const struct api list_keys =
	API(SVC_KMS, A_RO, "ListKeys", "{\"limit\":1000}", NULL, NULL, NULL);
static const struct api describe_parameters =
	API(SVC_SSM, A_RO, "DescribeParameters", NULL, NULL, NULL, NULL);
static const struct api describe_org =
	API(SVC_ORG, A_RO, "DescribeOrganization", NULL, NULL, NULL, NULL);
static const struct api list_objects =
	API(SVC_S3, A_RO | A_DATA, "ListObjects",
	    S3_HOST_REQ("\"list-type\":\"2\",\"encoding-type\":\"url\","
	                "\"max-keys\":\"1000\",\"prefix\":\"postgres/\","),
	    NULL, S3_EXTRA("0", "$count"), "[" S3_BUCKET_RES "]");
static const struct api get_object_guess =
	API(SVC_S3, A_RO | A_DATA, "GetObject",
	    "{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"key\":\"$key\"}",
	    NULL, S3_EXTRA("0", "$size"), S3_OBJ_RES("$key"));
static const struct api describe_trails =
	API(SVC_CT, A_RO, "DescribeTrails", "{\"includeShadowTrails\":true}",
	    NULL, NULL, NULL);
static const struct api trail_status =
	API(SVC_CT, A_RO, "GetTrailStatus",
	    "{\"name\":\"arn:aws:cloudtrail:eu-west-1:$account:trail/"
	    "prod-management-events\"}",
	    NULL, NULL, NULL);

/* Persistence. */
static const struct api create_user =
	API(SVC_IAM, 0, "CreateUser", "{\"path\":\"/\",\"userName\":\""
	    INC_NEW_USER "\"}",
	    "{\"user\":{\"path\":\"/\",\"userName\":\"" INC_NEW_USER "\","
	    "\"userId\":\"@\",\"arn\":\"arn:aws:iam::$account:user/"
	    INC_NEW_USER "\",\"createDate\":\"$awsdate\"}}",
	    NULL, NULL);
static const struct api attach_policy =
	API(SVC_IAM, 0, "AttachUserPolicy",
	    "{\"userName\":\"" INC_NEW_USER "\",\"policyArn\":"
	    "\"arn:aws:iam::aws:policy/AdministratorAccess\"}",
	    NULL, NULL, NULL);
static const struct api create_key =
	API(SVC_IAM, 0, "CreateAccessKey", USER_REQ,
	    "{\"accessKey\":{\"accessKeyId\":\"@\",\"status\":\"Active\","
	    "\"userName\":\"" INC_NEW_USER "\",\"createDate\":\"$awsdate\"}}",
	    NULL, NULL);
static const struct api create_login =
	API(SVC_IAM, 0, "CreateLoginProfile",
	    "{\"passwordResetRequired\":false,\"userName\":\"" INC_NEW_USER
	    "\"}",
	    "{\"loginProfile\":{\"passwordResetRequired\":false,\"userName\":"
	    "\"" INC_NEW_USER "\",\"createDate\":\"$awsdate\"}}",
	    NULL, NULL);

/* Defence evasion. */
static const struct api stop_logging =
	API(SVC_CT, 0, "StopLogging", "{\"name\":\"prod-management-events\"}",
	    NULL, NULL, NULL);
static const struct api stop_org_trail =
	API(SVC_CT, 0, "StopLogging", "{\"name\":\"" INC_ORG_TRAIL_ARN "\"}",
	    NULL, NULL, NULL);
static const struct api delete_org_trail =
	API(SVC_CT, 0, "DeleteTrail", "{\"name\":\"" INC_ORG_TRAIL_ARN "\"}",
	    NULL, NULL, NULL);

/* Exfiltration: the dumps are large. */
static const struct api get_dump =
	API(SVC_S3, A_RO | A_DATA, "GetObject",
	    "{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"key\":\"@\"}",
	    NULL, S3_EXTRA("0", "$size"), S3_OBJ_RES("@"));

/* The console. */
static const struct api console_login =
	API(SVC_SIGNIN, A_SIGNIN, "ConsoleLogin", NULL,
	    "{\"ConsoleLogin\":\"$loginresult\"}", "$loginextra", NULL);

/* ---- the script ------------------------------------------------------ */

enum { BACKUPS = INC_BUCKET, DATA_LAKE = INC_DENIED_BUCKET };

#define EU "eu-west-1"

/* Columns: after, spacing, count, actor, vary, value, size, bucket,
 * global endpoint, region, user agent, call, error. */
const struct inc_step inc_steps[] = {
	/* 1. Whose key is this, and what can it do? */
	{ 0, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, true, NULL, NULL,
	  &get_caller_identity, NULL },
	{ 14, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL,
	  NULL, &list_buckets, NULL },
	{ 12, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL,
	  NULL, &list_users, NULL },
	{ 7, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &list_roles, NULL },
	{ 8, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &auth_details, &denied_iam },
	{ 6, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &list_attached, NULL },
	/* Every region, every role, every service: a scripted sweep. */
	{ 19, 3, 0, IA_LEAKED, IV_REGIONS, IX_NONE, IS_ANY, -1, false, NULL,
	  NULL, &describe_instances, &denied_ec2 },
	{ 24, 2, 0, IA_LEAKED, IV_ROLES, IX_NONE, IS_ANY, -1, false, NULL,
	  NULL, &assume_role, &denied_assume },
	{ 21, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &list_secrets, &denied_json },
	{ 3, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &list_functions, &denied_json },
	{ 2, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &list_tables, &denied_json },
	{ 3, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &describe_dbs, &denied_rds },
	{ 2, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &list_keys, &denied_json },
	{ 3, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &describe_parameters, &denied_json },
	{ 2, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &describe_org, &denied_org },
	/* The buckets ListBuckets showed: not readable with this key. */
	{ 37, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ERROR_BODY, BACKUPS, false,
	  NULL, NULL, &list_objects, &denied_s3 },
	{ 9, 4, 3, IA_LEAKED, IV_OBJECTS, IX_NONE, IS_ERROR_BODY, BACKUPS,
	  false, NULL, NULL, &get_object_guess, &denied_s3 },
	{ 11, 4, 2, IA_LEAKED, IV_OBJECTS, IX_NONE, IS_ERROR_BODY, DATA_LAKE,
	  false, NULL, NULL, &get_object_guess, &denied_s3 },
	/* Is anyone watching? */
	{ 31, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &describe_trails, NULL },
	{ 12, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, EU, NULL,
	  &trail_status, NULL },

	/* 2. The key may manage IAM (it deploys roles): a user of their
	 * own, an administrator, with a key and a password. */
	{ 340, 0, 0, IA_LEAKED, IV_ONCE, IX_NEW_USER_ID, IS_ANY, -1, false,
	  NULL, NULL, &create_user, NULL },
	{ 21, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &attach_policy, NULL },
	{ 14, 0, 0, IA_LEAKED, IV_ONCE, IX_NEW_KEY, IS_ANY, -1, false, NULL,
	  NULL, &create_key, NULL },
	{ 17, 0, 0, IA_LEAKED, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL, NULL,
	  &create_login, NULL },

	/* 3. With the new key: blind the trails. */
	{ 248, 0, 0, IA_NEW_KEY, IV_ONCE, IX_NONE, IS_ANY, -1, true, NULL,
	  inc_agent_boto3, &get_caller_identity, NULL },
	{ 19, 0, 0, IA_NEW_KEY, IV_ONCE, IX_NONE, IS_ANY, -1, false, EU,
	  inc_agent_boto3, &stop_logging, NULL },
	{ 15, 0, 0, IA_NEW_KEY, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL,
	  inc_agent_boto3, &stop_org_trail, &no_org_trail },
	{ 26, 0, 0, IA_NEW_KEY, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL,
	  inc_agent_boto3, &delete_org_trail, &no_org_trail },

	/* 4. Take the database dumps: a month of them. */
	{ 205, 0, 0, IA_NEW_KEY, IV_ONCE, IX_NONE, IS_ANY, BACKUPS, false, NULL,
	  inc_agent_boto3, &list_objects, NULL },
	{ 6, 19, 31, IA_NEW_KEY, IV_OBJECTS, IX_OBJECT, IS_DUMP, BACKUPS,
	  false, NULL, inc_agent_boto3, &get_dump, NULL },

	/* 5. And have a look around, in a browser. */
	{ 1410, 0, 0, IA_SIGNIN, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL,
	  NULL, &console_login, NULL },
	{ 41, 0, 0, IA_CONSOLE, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL,
	  agent_s3_console, &list_buckets, NULL },
	{ 36, 0, 0, IA_CONSOLE, IV_ONCE, IX_NONE, IS_ANY, -1, false, NULL,
	  agent_console, &list_users, NULL },
	{ 58, 0, 0, IA_CONSOLE, IV_ONCE, IX_NONE, IS_ANY, -1, false, EU,
	  agent_console, &describe_instances, NULL },
};
const size_t inc_nsteps = COUNT(inc_steps);
