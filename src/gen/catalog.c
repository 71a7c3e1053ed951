/* catalog.c - the world the synthetic trail describes: regions, the
 * organization and its trails, services, identities, user agents, errors
 * and resource names (see catalog.h).  The APIs are in catalog_api.c.
 *
 * Account IDs are the ones AWS's own documentation uses, IP addresses
 * come from the documentation ranges (RFC 5737, RFC 3849) and private
 * ranges, people are at example.com: nothing here is anybody's.
 */
#include <config.h>

#include "gen/catalog.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define LIST(a) { a, COUNT(a) }

/* ---- regions ---------------------------------------------------------- */

/* us-east-1 first (REGION_US_EAST_1); it also gets every global event.
 * Weights as in most organizations: a few busy regions, a long tail of
 * quiet ones where little more than background activity happens. */
const struct region cat_regions[] = {
	{ "us-east-1", 400, 0 },      { "us-east-2", 50, 0 },
	{ "us-west-1", 10, 0 },       { "us-west-2", 140, 0 },
	{ "ca-central-1", 12, 0 },    { "sa-east-1", 8, 0 },
	{ "eu-west-1", 120, 0 },      { "eu-west-2", 20, 0 },
	{ "eu-central-1", 60, 0 },    { "eu-north-1", 12, 0 },
	{ "ap-southeast-1", 20, 0 },  { "ap-southeast-2", 30, 0 },
	{ "ap-northeast-1", 25, 0 },  { "ap-south-1", 12, 0 },
	{ "me-central-1", 5, 1 },
};
const size_t cat_nregions = COUNT(cat_regions);

int cat_region_index(const char *name)
{
	for (size_t i = 0; i < cat_nregions; i++)
		if (strcmp(cat_regions[i].name, name) == 0)
			return (int)i;
	return -1;
}

size_t cat_napis(void)
{
	return cat_ncore + cat_nops;
}

const struct api *cat_api(size_t i)
{
	return i < cat_ncore ? &cat_apis_core[i] : &cat_apis_ops[i - cat_ncore];
}

/* ---- the organization ----------------------------------------------- */

const char *const cat_org_id = "o-a1b2c3d4e5";

/* The organization trail logs everything; the production account keeps
 * its own trail of write management events as well (so those arrive
 * twice, with the same eventID); a legacy account outside the
 * organization has only its own trail. */
const struct trail cat_trails[] = {
	{ "acme-org-trail", "us-east-1",
	  "aws-cloudtrail-logs-111122223333-acme-org", TRAIL_ORG, 1, 0, 1,
	  1 * 60 + 31, "7c4e1a92b0d35f68e21a9b4c0d7f3e5a" },
	{ "prod-management-events", "eu-west-1",
	  "acme-prod-cloudtrail-777788889999", TRAIL_ACCOUNT, 0, 1, 0,
	  17 * 60 + 43, "e3b9a1c47d20f5861b2c9e0a4d7f6b13" },
	{ "legacy-account-trail", "us-west-2", "legacy-audit-logs-555566667777",
	  TRAIL_ACCOUNT, 1, 0, 0, 44 * 60 + 8,
	  "5a0d9c3e71b24f86a1e7c0b3d9f25e64" },
};
const size_t cat_ntrails = COUNT(cat_trails);

/* The management account comes first (ACCOUNT_MANAGEMENT). */
/* Columns: ID, short name, key tag, share of events, member of the
 * organization, opt-in regions enabled, own trail (index into
 * cat_trails, or -1), users, roles. */
const struct account cat_accounts[] = {
	{ "111122223333", "acme-mgmt", "Q3K7ZP2M", 50, 1, 0, -1, 6, 8 },
	{ "444455556666", "acme-security", "W5N2HX4R", 70, 1, 0, -1, 4, 13 },
	{ "777788889999", "acme-prod", "B7T4LC6Y", 450, 1, 1, 1, 10, 14 },
	{ "123456789012", "acme-staging", "J2V6RD3F", 130, 1, 0, -1, 8, 12 },
	{ "210987654321", "acme-dev", "M4G8SK5W", 180, 1, 1, -1, 12, 14 },
	{ "555566667777", "legacy", "P6D3NF7H", 120, 0, 0, 2, 5, 9 },
};
const size_t cat_naccounts = COUNT(cat_accounts);

/* ---- services ---------------------------------------------------------- */

const struct service cat_services[SVC_COUNT] = {
	[SVC_EC2] = { "ec2.amazonaws.com", "ec2", "ec2.$region.amazonaws.com",
	              "1.10", NULL, REQID_UUID, 0, 1 },
	[SVC_S3] = { "s3.amazonaws.com", "s3",
	             "$bucket.s3.$region.amazonaws.com", "1.10", NULL, REQID_S3,
	             0, 1 },
	[SVC_IAM] = { "iam.amazonaws.com", "iam", "iam.amazonaws.com", "1.08",
	              NULL, REQID_UUID, 1, 0 },
	[SVC_STS] = { "sts.amazonaws.com", "sts", "sts.$region.amazonaws.com",
	              "1.08", NULL, REQID_UUID, 0, 1 },
	[SVC_KMS] = { "kms.amazonaws.com", "kms", "kms.$region.amazonaws.com",
	              "1.08", NULL, REQID_UUID, 0, 1 },
	[SVC_LAMBDA] = { "lambda.amazonaws.com", "lambda",
	                 "lambda.$region.amazonaws.com", "1.08", NULL,
	                 REQID_UUID, 0, 0 },
	[SVC_DDB] = { "dynamodb.amazonaws.com", "dynamodb",
	              "dynamodb.$region.amazonaws.com", "1.09", NULL, REQID_DDB,
	              0, 1 },
	[SVC_SNS] = { "sns.amazonaws.com", "sns", "sns.$region.amazonaws.com",
	              "1.09", NULL, REQID_UUID, 0, 0 },
	[SVC_SQS] = { "sqs.amazonaws.com", "sqs", "sqs.$region.amazonaws.com",
	              "1.09", NULL, REQID_UUID, 0, 1 },
	[SVC_CT] = { "cloudtrail.amazonaws.com", "cloudtrail",
	             "cloudtrail.$region.amazonaws.com", "1.09", NULL,
	             REQID_UUID, 0, 0 },
	[SVC_RDS] = { "rds.amazonaws.com", "rds", "rds.$region.amazonaws.com",
	              "1.08", NULL, REQID_UUID, 0, 0 },
	[SVC_SSM] = { "ssm.amazonaws.com", "ssm", "ssm.$region.amazonaws.com",
	              "1.08", NULL, REQID_UUID, 0, 1 },
	[SVC_SECRETS] = { "secretsmanager.amazonaws.com", "secretsmanager",
	                  "secretsmanager.$region.amazonaws.com", "1.08", NULL,
	                  REQID_UUID, 0, 1 },
	[SVC_LOGS] = { "logs.amazonaws.com", "logs",
	               "logs.$region.amazonaws.com", "1.08", NULL, REQID_UUID,
	               0, 0 },
	[SVC_CW] = { "monitoring.amazonaws.com", "cloudwatch",
	             "monitoring.$region.amazonaws.com", "1.08", NULL,
	             REQID_UUID, 0, 0 },
	[SVC_ECR] = { "ecr.amazonaws.com", "ecr",
	              "api.ecr.$region.amazonaws.com", "1.08", NULL, REQID_UUID,
	              0, 1 },
	[SVC_CF] = { "cloudfront.amazonaws.com", "cloudfront",
	             "cloudfront.amazonaws.com", "1.08", "2020_05_31",
	             REQID_UUID, 1, 0 },
	[SVC_ORG] = { "organizations.amazonaws.com", "organizations",
	              "organizations.us-east-1.amazonaws.com", "1.08", NULL,
	              REQID_UUID, 1, 0 },
	[SVC_R53] = { "route53.amazonaws.com", "route53",
	              "route53.amazonaws.com", "1.08", "2013-04-01", REQID_UUID,
	              1, 0 },
	[SVC_SIGNIN] = { "signin.amazonaws.com", "signin",
	                 "signin.aws.amazon.com", "1.08", NULL, REQID_NONE, 1,
	                 0 },
	[SVC_SSO] = { "sso.amazonaws.com", "sso",
	              "portal.sso.$region.amazonaws.com", "1.11", NULL,
	              REQID_UUID, 0, 0 },
	[SVC_ELB] = { "elasticloadbalancing.amazonaws.com",
	              "elasticloadbalancing",
	              "elasticloadbalancing.$region.amazonaws.com", "1.08",
	              "2015-12-01", REQID_UUID, 0, 0 },
	[SVC_HEALTH] = { "health.amazonaws.com", "health",
	                 "health.us-east-1.amazonaws.com", "1.08", NULL,
	                 REQID_UUID, 1, 0 },
	[SVC_ASG] = { "autoscaling.amazonaws.com", "autoscaling",
	              "autoscaling.$region.amazonaws.com", "1.08", "2011-01-01",
	              REQID_UUID, 0, 0 },
};

/* ---- identities ------------------------------------------------------- */

/* Columns: Root, IAMUser, AssumedRole, AssumedRole invoked by a service,
 * instance role, FederatedUser, AWSService, AWSAccount, anonymous,
 * SAMLUser, WebIdentityUser, IdentityCenterUser, Unknown, no type. */
const uint16_t cat_id_mix[MIX_COUNT][ID_KIND_COUNT] = {
	[MIX_DEFAULT] = { 3, 250, 560, 0, 160, 15 },
	[MIX_DATA] = { 0, 60, 640, 0, 300 },
	[MIX_S3DATA] = { 0, 80, 560, 60, 200, 5, 20, 40, 10 },
	[MIX_ONBEHALF] = { 0, 30, 300, 500, 100, 0, 70 },
	[MIX_ASSUME] = { 0, 150, 350, 0, 50, 0, 450 },
	[MIX_INVOKE] = { 0, 50, 350, 0, 0, 0, 600 },
	[MIX_INSTANCE] = { [ID_INSTANCE] = 1 },
	[MIX_SERVICE] = { [ID_AWSSERVICE] = 1 },
	[MIX_SAML] = { [ID_SAML] = 1 },
	[MIX_WEBID] = { [ID_WEBIDENTITY] = 1 },
	[MIX_IDCENTER] = { [ID_IDCENTER] = 1 },
	[MIX_UNKNOWN] = { [ID_UNKNOWN] = 1 },
	[MIX_NOTYPE] = { [ID_NOTYPE] = 1 },
	[MIX_CONSOLE] = { 120, 700, 180 },
	[MIX_ADMIN] = { 10, 300, 690 },
	[MIX_USER] = { [ID_IAMUSER] = 1 },
};

/* Each account has the first `nroles` of these. */
const struct role cat_roles[] = {
	{ "AWSReservedSSO_AdministratorAccess_8f3c2a1b9d4e6f70",
	  "/aws-reserved/sso.amazonaws.com/", ROLE_HUMAN },
	{ "GitHubActionsDeploy", "/", ROLE_CI },
	{ "app-server-instance-role", "/", ROLE_INSTANCE },
	{ "orders-api-lambda-role", "/service-role/", ROLE_APP },
	{ "AWSReservedSSO_ReadOnlyAccess_2b7d9e0c4a1f3e56",
	  "/aws-reserved/sso.amazonaws.com/", ROLE_HUMAN },
	{ "OrganizationAccountAccessRole", "/", ROLE_HUMAN },
	{ "TerraformExecution", "/", ROLE_CI },
	{ "AWSServiceRoleForAutoScaling",
	  "/aws-service-role/autoscaling.amazonaws.com/", ROLE_SERVICE },
	{ "eks-node-group-role", "/", ROLE_INSTANCE },
	{ "payments-worker-task-role", "/", ROLE_APP },
	{ "AWSReservedSSO_PowerUserAccess_5e1a7c3d9b2f4a68",
	  "/aws-reserved/sso.amazonaws.com/", ROLE_HUMAN },
	{ "data-pipeline-glue-role", "/service-role/", ROLE_APP },
	{ "security-audit-role", "/", ROLE_HUMAN },
	{ "backup-restore-role", "/", ROLE_APP },
};
const size_t cat_nroles = COUNT(cat_roles);

/* Each account has the first `nusers` of these. */
const struct user cat_users[] = {
	{ "alice", 1 },          { "bob", 1 },       { "ci-deploy", 0 },
	{ "carol", 1 },          { "backup-agent", 0 }, { "dave", 1 },
	{ "terraform", 0 },      { "erin", 1 },      { "legacy-reporting", 0 },
	{ "frank", 1 },          { "monitoring-bot", 0 }, { "grace", 1 },
};
const size_t cat_nusers = COUNT(cat_users);

const char *const cat_people[] = {
	"alice.nguyen", "bob.martin", "carol.smith", "dave.okafor",
	"erin.kowalski", "frank.silva", "grace.chen", "heidi.jensen",
	"ivan.petrov", "judy.garcia", "kenji.sato", "lena.fischer",
};
const size_t cat_npeople = COUNT(cat_people);

static const char *const via_kms[] = {
	"s3.amazonaws.com", "secretsmanager.amazonaws.com", "ssm.amazonaws.com",
	"dynamodb.amazonaws.com", "lambda.amazonaws.com", "rds.amazonaws.com",
	"AWS Internal",
};
static const char *const via_invoke[] = {
	"apigateway.amazonaws.com", "events.amazonaws.com", "sns.amazonaws.com",
	"s3.amazonaws.com", "lambda.amazonaws.com",
};
static const char *const via_assume[] = {
	"lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
	"codebuild.amazonaws.com", "glue.amazonaws.com", "config.amazonaws.com",
	"autoscaling.amazonaws.com",
};
static const char *const via_s3[] = {
	"athena.amazonaws.com", "glue.amazonaws.com", "cloudtrail.amazonaws.com",
	"delivery.logs.amazonaws.com", "AWS Internal",
};
static const char *const via_eni[] = {
	"lambda.amazonaws.com", "rds.amazonaws.com", "eks.amazonaws.com",
	"elasticloadbalancing.amazonaws.com",
};
static const char *const via_ec2[] = { "ec2.amazonaws.com" };
static const char *const via_kms_self[] = { "kms.amazonaws.com" };
static const char *const via_secrets[] = { "secretsmanager.amazonaws.com" };

const struct name_list cat_via[VIA_COUNT] = {
	[VIA_NONE] = { NULL, 0 },           [VIA_KMS] = LIST(via_kms),
	[VIA_INVOKE] = LIST(via_invoke),    [VIA_ASSUME] = LIST(via_assume),
	[VIA_S3] = LIST(via_s3),            [VIA_ENI] = LIST(via_eni),
	[VIA_EC2] = LIST(via_ec2),          [VIA_KMS_SELF] = LIST(via_kms_self),
	[VIA_SECRETS] = LIST(via_secrets),
};

/* ---- user agents ------------------------------------------------------ */

static const char *const agents_cli[] = {
	"aws-cli/2.15.40 Python/3.11.8 Linux/6.1.84-99.169.amzn2023.x86_64 "
	"exe/x86_64.amzn.2023 prompt/off",
	"aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off",
	"aws-cli/2.13.25 Python/3.11.5 Windows/10 exe/AMD64 prompt/off",
	"aws-cli/1.32.101 md/Botocore#1.34.101 ua/2.0 os/linux#5.15.0-1057-aws "
	"md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython "
	"cfg/retry-mode#legacy botocore/1.34.101",
};
static const char *const agents_boto3[] = {
	"Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 "
	"os/linux#5.10.213-201.855.amzn2.x86_64 md/arch#x86_64 "
	"lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 "
	"cfg/retry-mode#legacy Botocore/1.34.84",
	"Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic "
	"Botocore/1.29.165",
	"Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/macos#23.4.0 "
	"md/arch#arm64 lang/python#3.11.7 md/pyimpl#CPython "
	"cfg/retry-mode#legacy Botocore/1.34.69",
};
static const char *const agents_console[] = {
	"AWS Internal",
	"console.amazonaws.com",
	("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
	 "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"),
};
static const char *const agents_terraform[] = {
	"APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) "
	"terraform-provider-aws/5.46.0 "
	"(+https://registry.terraform.io/providers/hashicorp/aws) "
	"aws-sdk-go-v2/1.26.1 ua/2.0 os/linux lang/go#1.22.1 md/GOOS#linux "
	"md/GOARCH#amd64 api/ec2#1.156.0",
	"APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) "
	"terraform-provider-aws/4.67.0 "
	"(+https://registry.terraform.io/providers/hashicorp/aws) "
	"aws-sdk-go/1.44.261 (go1.19.8; linux; amd64)",
};
static const char *const agents_sdk[] = {
	"aws-sdk-java/2.25.35 Linux/5.10.214-202.855.amzn2.x86_64 "
	"OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 "
	"vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache "
	"cfg/retry-mode/legacy",
	"aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2 md/GOOS#linux "
	"md/GOARCH#amd64 api/dynamodb#1.31.1",
	"aws-sdk-nodejs/2.1600.0 linux/v18.19.1 exec-env/AWS_Lambda_nodejs18.x "
	"callback",
	"aws-sdk-js/3.556.0 ua/2.0 os/linux#5.10.214-224.855.amzn2.x86_64 "
	"lang/js md/nodejs#20.12.1 api/s3#3.556.0",
	"amazon-ssm-agent/3.3.131.0",
	"aws-sdk-dotnet-coreclr/3.7.300.48 aws-sdk-dotnet-core/3.7.303.1 "
	".NET_Core/8.0.4 OS/Linux_5.10.214 ClientAsync",
};
static const char *const agents_browser[] = {
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
	"(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
	"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 "
	"Firefox/125.0",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
	"like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 "
	"(KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
};

const struct agent_set cat_agents[AGENT_CLASS_COUNT] = {
	[AGENT_CLI] = LIST(agents_cli),
	[AGENT_BOTO3] = LIST(agents_boto3),
	[AGENT_CONSOLE] = LIST(agents_console),
	[AGENT_TERRAFORM] = LIST(agents_terraform),
	[AGENT_SDK] = LIST(agents_sdk),
	[AGENT_BROWSER] = LIST(agents_browser),
};

/* ---- errors ----------------------------------------------------------- */

#define DENIED_MSG                                                          \
	"User: $caller is not authorized to perform: $action because no "     \
	"identity-based policy allows the $action action"
#define THROTTLED { "ThrottlingException", "Rate exceeded", 15 }

static const struct api_error err_generic[] = {
	{ "AccessDenied", DENIED_MSG, 50 },
	THROTTLED,
	{ "ValidationException",
	  "1 validation error detected: Value '500' at 'maxResults' failed to "
	  "satisfy constraint: Member must have value less than or equal to 100",
	  10 },
	{ "ResourceNotFoundException", "Resource not found", 10 },
};
static const struct api_error err_ec2[] = {
	{ "Client.UnauthorizedOperation",
	  "You are not authorized to perform this operation. User: $caller is "
	  "not authorized to perform: $action on resource: "
	  "arn:aws:ec2:$region:$account:instance/* because no identity-based "
	  "policy allows the $action action. Encoded authorization failure "
	  "message: $encoded",
	  50 },
	{ "Client.InvalidInstanceID.NotFound",
	  "The instance ID '$instance' does not exist", 15 },
	{ "Client.RequestLimitExceeded", "Request limit exceeded.", 10 },
	{ "Client.InvalidParameterValue",
	  "Value () for parameter groupId is invalid. The value cannot be empty",
	  8 },
	{ "Client.DryRunOperation",
	  "Request would have succeeded, but DryRun flag is set.", 5 },
};
static const struct api_error err_s3data[] = {
	{ "AccessDenied", "Access Denied", 50 },
	{ "NoSuchKey", "The specified key does not exist.", 40 },
	{ "SlowDown", "Please reduce your request rate.", 3 },
	{ "NoSuchBucket", "The specified bucket does not exist", 5 },
};
static const struct api_error err_s3[] = {
	{ "AccessDenied", "Access Denied", 40 },
	{ "NoSuchBucketPolicy", "The bucket policy does not exist", 30 },
	{ "ServerSideEncryptionConfigurationNotFoundError",
	  "The server side encryption configuration was not found", 10 },
	{ "NoSuchLifecycleConfiguration",
	  "The lifecycle configuration does not exist", 10 },
};
static const struct api_error err_iam[] = {
	{ "AccessDenied", DENIED_MSG, 50 },
	{ "NoSuchEntityException", "The role with name $role cannot be found.",
	  25 },
	{ "EntityAlreadyExistsException", "Role with name $role already exists.",
	  5 },
	{ "Throttling", "Rate exceeded", 10 },
};
static const struct api_error err_sts[] = {
	{ "AccessDenied",
	  "User: $caller is not authorized to perform: sts:AssumeRole on "
	  "resource: arn:aws:iam::$account:role/$role",
	  60 },
	{ "ExpiredTokenException", "The security token included in the request "
	                           "is expired", 10 },
	{ "InvalidIdentityToken", "Couldn't retrieve verification key from your "
	                          "identity provider", 3 },
};
static const struct api_error err_kms[] = {
	{ "AccessDenied",
	  "User: $caller is not authorized to perform: $action on resource: "
	  "arn:aws:kms:$region:$account:key/$kms because no resource-based "
	  "policy allows the $action action",
	  40 },
	{ "InvalidCiphertextException", NULL, 10 },
	{ "ThrottlingException",
	  "You have exceeded the rate at which you may call KMS. Reduce the "
	  "frequency of your calls.",
	  15 },
	{ "NotFoundException",
	  "Key 'arn:aws:kms:$region:$account:key/$kms' does not exist", 5 },
};
static const struct api_error err_lambda[] = {
	{ "AccessDeniedException", DENIED_MSG, 30 },
	{ "ResourceNotFoundException",
	  "Function not found: arn:aws:lambda:$region:$account:function:"
	  "$function",
	  15 },
	{ "TooManyRequestsException", "Rate Exceeded.", 20 },
};
static const struct api_error err_ddb[] = {
	{ "ConditionalCheckFailedException", "The conditional request failed",
	  40 },
	{ "ProvisionedThroughputExceededException",
	  "The level of configured provisioned throughput for the table was "
	  "exceeded. Consider increasing your provisioning level with the "
	  "UpdateTable API.",
	  15 },
	{ "ValidationException",
	  "The provided key element does not match the schema", 15 },
	{ "AccessDeniedException", DENIED_MSG, 20 },
	{ "ResourceNotFoundException", "Requested resource not found", 5 },
};
static const struct api_error err_secrets[] = {
	{ "ResourceNotFoundException",
	  "Secrets Manager can't find the specified secret.", 30 },
	{ "AccessDeniedException", DENIED_MSG, 40 },
	{ "InvalidRequestException",
	  "You can't perform this operation on the secret because it was marked "
	  "for deletion.",
	  5 },
};
static const struct api_error err_ssm[] = {
	{ "ParameterNotFound", NULL, 30 },
	{ "AccessDeniedException", DENIED_MSG, 40 },
	THROTTLED,
};
static const struct api_error err_ct[] = {
	{ "TrailNotFoundException",
	  "Unknown trail: legacy-trail for the user: $account", 20 },
	{ "AccessDenied", DENIED_MSG, 40 },
	THROTTLED,
};
static const struct api_error err_signin[] = {
	{ NULL, "Failed authentication", 1 },
};

const struct error_table cat_errors[ERR_SET_COUNT] = {
	[ERR_NONE] = { NULL, 0 },          [ERR_GENERIC] = LIST(err_generic),
	[ERR_EC2] = LIST(err_ec2),         [ERR_S3DATA] = LIST(err_s3data),
	[ERR_S3] = LIST(err_s3),           [ERR_IAM] = LIST(err_iam),
	[ERR_STS] = LIST(err_sts),         [ERR_KMS] = LIST(err_kms),
	[ERR_LAMBDA] = LIST(err_lambda),   [ERR_DDB] = LIST(err_ddb),
	[ERR_SECRETS] = LIST(err_secrets), [ERR_SSM] = LIST(err_ssm),
	[ERR_CT] = LIST(err_ct),           [ERR_SIGNIN] = LIST(err_signin),
};

/* ---- resource names ---------------------------------------------------- */

static const char *const bucket_purposes[] = {
	"uploads", "data-lake", "backups", "static-site", "artifacts", "exports",
};
/* Parallel to bucket_purposes: what each bucket holds; '*' becomes a
 * dated unique part. */
static const char *const key_patterns[] = {
	"uploads/images/*.jpg",
	"raw/events/*.snappy.parquet",
	"postgres/orders-db/*.sql.gz",
	"assets/js/*.js",
	"builds/orders-api/*.zip",
	"reports/monthly/*.csv",
};
static const char *const functions[] = {
	"orders-api", "payments-webhook", "image-resizer", "nightly-report",
	"auth-authorizer", "event-router", "cleanup-expired-sessions",
	"invoice-generator",
};
static const char *const tables[] = {
	"orders", "customers", "sessions", "inventory", "payments",
	"feature-flags", "audit-events",
};
static const char *const topics[] = {
	"order-events", "alerts-critical", "deploy-notifications",
	"billing-alarms",
};
static const char *const queues[] = {
	"orders-queue", "payments-dlq", "email-jobs", "image-jobs",
	"webhook-retries",
};
static const char *const secrets[] = {
	"prod/db/master", "prod/api/stripe-key", "shared/github-token",
	"app/jwt-signing-key", "rds/orders-db/admin",
};
static const char *const parameters[] = {
	"/app/config/db_host", "/app/config/feature_flags",
	"/app/secrets/api_key",
	"/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
	"/platform/vpc/id", "/cwagent/config",
};
static const char *const dbs[] = {
	"orders-db-prod", "analytics-replica-1", "billing-db", "keycloak-db",
};
static const char *const instance_types[] = {
	"t3.micro", "t3.medium", "m6i.large", "c6g.xlarge", "r6i.2xlarge",
	"m7g.large",
};
static const char *const repos[] = {
	"orders-api", "payments-worker", "frontend", "base-images/python",
};
static const char *const log_groups[] = {
	"/aws/lambda/orders-api", "/ecs/payments-worker", "/aws/eks/prod/cluster",
	"/aws/rds/instance/orders-db-prod/postgresql", "vpc-flow-logs",
};
static const char *const policies[] = {
	"ReadOnlyS3Access", "DeployPipelinePolicy", "LambdaBasicExecution",
	"BreakGlassAdmin", "KmsDecryptOnly",
};
static const char *const k8s_accounts[] = {
	"kube-system:aws-load-balancer-controller", "payments:payments-worker",
	"monitoring:prometheus", "kube-system:ebs-csi-controller-sa",
	"external-dns:external-dns",
};

const struct name_list cat_names[NAMES_COUNT] = {
	[NAMES_BUCKET_PURPOSE] = LIST(bucket_purposes),
	[NAMES_KEY_PREFIX] = LIST(key_patterns),
	[NAMES_FUNCTION] = LIST(functions),
	[NAMES_TABLE] = LIST(tables),
	[NAMES_TOPIC] = LIST(topics),
	[NAMES_QUEUE] = LIST(queues),
	[NAMES_SECRET] = LIST(secrets),
	[NAMES_PARAMETER] = LIST(parameters),
	[NAMES_DB] = LIST(dbs),
	[NAMES_INSTANCE_TYPE] = LIST(instance_types),
	[NAMES_REPO] = LIST(repos),
	[NAMES_LOG_GROUP] = LIST(log_groups),
	[NAMES_POLICY] = LIST(policies),
	[NAMES_K8S_SA] = LIST(k8s_accounts),
};

const char *const cat_policies[] = {
	"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n"
	"      \"Effect\": \"Allow\",\n      \"Action\": [\"s3:GetObject\", "
	"\"s3:ListBucket\"],\n      \"Resource\": \"*\"\n    }\n  ]\n}",
	"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
	"\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":"
	"\"sts:AssumeRole\"}]}",
	"{\n\t\"Version\": \"2012-10-17\",\n\t\"Statement\": [\n\t\t{\n"
	"\t\t\t\"Effect\": \"Allow\",\n\t\t\t\"Action\": \"*\",\n"
	"\t\t\t\"Resource\": \"*\"\n\t\t}\n\t]\n}",
	"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
	"\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"Resource\":"
	"\"*\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
	"\"s3.us-east-1.amazonaws.com\"}}}]}",
};
const size_t cat_npolicies = COUNT(cat_policies);
