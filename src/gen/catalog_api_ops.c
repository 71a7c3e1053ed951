/* catalog_api_ops.c - the APIs the synthetic trail calls, second part:
 * operations and governance (CloudTrail, RDS, SSM, Secrets Manager,
 * CloudWatch and its logs, ECR, CloudFront, Organizations, Route 53,
 * console sign-in, IAM Identity Center, load balancing, Health, Auto
 * Scaling).  Columns as in catalog_api.c.
 */
#include <config.h>

#include "gen/catalog.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define RES(type, arn)                                                       \
	"[{\"accountId\":\"$account\",\"type\":\"" type "\",\"ARN\":\"" arn   \
	"\"}]"
#define TRAIL_RES                                                            \
	"[{\"accountId\":\"$mgmt\",\"type\":\"AWS::CloudTrail::Trail\","      \
	"\"ARN\":\"$trail\"}]"
#define SECRET_ARN "arn:aws:secretsmanager:$region:$account:secret:$secret"
#define ZONE_RES                                                             \
	RES("AWS::Route53::HostedZone", "arn:aws:route53:::hostedzone/$zone")
#define TG_ARN                                                               \
	"arn:aws:elasticloadbalancing:$region:$account:targetgroup/orders-api/" \
	"$etag"
#define ECR_RES                                                              \
	"[{\"accountId\":\"$account\",\"ARN\":"                            \
	"\"arn:aws:ecr:$region:$account:repository/$repo\"}]"
#define PORTAL_ROLE                                                          \
	"{\"accountId\":\"$other\",\"roleName\":\"AdministratorAccess\"}"

static const char update_trail_resp[] =
	"{\"name\":\"acme-org-trail\",\"s3BucketName\":"
	"\"aws-cloudtrail-logs-111122223333-acme-org\","
	"\"includeGlobalServiceEvents\":true,\"isMultiRegionTrail\":true,"
	"\"trailARN\":\"$trail\",\"logFileValidationEnabled\":true,"
	"\"isOrganizationTrail\":true}";

static const char put_selectors_req[] =
	"{\"trailName\":\"$trail\",\"advancedEventSelectors\":[{\"name\":"
	"\"Management events\",\"fieldSelectors\":[{\"field\":"
	"\"eventCategory\",\"equals\":[\"Management\"]}]},{\"name\":"
	"\"S3 writes only\",\"fieldSelectors\":[{\"field\":\"eventCategory\","
	"\"equals\":[\"Data\"]},{\"field\":\"resources.type\",\"equals\":"
	"[\"AWS::S3::Object\"]},{\"field\":\"readOnly\",\"equals\":"
	"[\"false\"]}]}]}";

static const char r53_change_req[] =
	"{\"hostedZoneId\":\"$zone\",\"changeBatch\":{\"changes\":[{\"action\":"
	"\"UPSERT\",\"resourceRecordSet\":{\"name\":\"api.example.com\",\"type\":"
	"\"A\",\"aliasTarget\":{\"hostedZoneId\":\"Z35SXDOTRQ7X7K\",\"dNSName\":"
	"\"orders-alb-1234567890.$region.elb.amazonaws.com\","
	"\"evaluateTargetHealth\":true}}}]}}";

static const char update_instance_info_req[] =
	"{\"instanceId\":\"$instance\",\"agentVersion\":\"3.3.131.0\","
	"\"agentStatus\":\"Active\",\"platformType\":\"Linux\",\"platformName\":"
	"\"Amazon Linux\",\"platformVersion\":\"2023\",\"iPAddress\":\"$privip\","
	"\"computerName\":\"ip-10-0-1-23.$region.compute.internal\","
	"\"agentName\":\"amazon-ssm-agent\",\"availabilityZone\":\"$az\"}";

static const char send_command_resp[] =
	"{\"command\":{\"commandId\":\"$uuid\",\"documentName\":"
	"\"AWS-RunShellScript\",\"documentVersion\":\"$$DEFAULT\",\"comment\":"
	"\"\",\"expiresAfter\":\"$expires\",\"parameters\":"
	"\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"instanceIds\":[\"$instance\"],"
	"\"targets\":[],\"requestedDateTime\":\"$awsdate\",\"status\":"
	"\"Pending\",\"statusDetails\":\"Pending\",\"outputS3Region\":"
	"\"$region\",\"outputS3BucketName\":\"\",\"outputS3KeyPrefix\":\"\","
	"\"maxConcurrency\":\"50\",\"maxErrors\":\"0\",\"targetCount\":1,"
	"\"completedCount\":0,\"errorCount\":0,\"deliveryTimedOutCount\":0,"
	"\"serviceRole\":\"\",\"notificationConfig\":{\"notificationArn\":\"\","
	"\"notificationEvents\":[],\"notificationType\":\"\"},"
	"\"cloudWatchOutputConfig\":{\"cloudWatchLogGroupName\":\"\","
	"\"cloudWatchOutputEnabled\":false},\"timeoutSeconds\":3600,"
	"\"alarmConfiguration\":{\"ignorePollAlarmFailure\":false,\"alarms\":"
	"[]},\"triggeredAlarms\":[]}}";

static const char db_snapshot_resp[] =
	"{\"dBSnapshotIdentifier\":\"$db-manual-$date\",\"dBInstanceIdentifier\":"
	"\"$db\",\"engine\":\"postgres\",\"allocatedStorage\":100,\"status\":"
	"\"creating\",\"port\":5432,\"availabilityZone\":\"$az\",\"vpcId\":"
	"\"$vpc\",\"instanceCreateTime\":\"$awsdate\",\"masterUsername\":"
	"\"postgres\",\"engineVersion\":\"16.2\",\"licenseModel\":"
	"\"postgresql-license\",\"snapshotType\":\"manual\",\"percentProgress\":"
	"0,\"storageType\":\"gp3\",\"encrypted\":true,\"kmsKeyId\":"
	"\"arn:aws:kms:$region:$account:key/$kms\",\"dBSnapshotArn\":"
	"\"arn:aws:rds:$region:$account:snapshot:$db-manual-$date\","
	"\"iAMDatabaseAuthenticationEnabled\":false,\"snapshotTarget\":"
	"\"region\"}";

static const char metric_data_req[] =
	"{\"metricDataQueries\":[{\"id\":\"m1\",\"metricStat\":{\"metric\":{"
	"\"namespace\":\"AWS/EC2\",\"metricName\":\"CPUUtilization\","
	"\"dimensions\":[{\"name\":\"InstanceId\",\"value\":\"$instance\"}]},"
	"\"period\":300,\"stat\":\"Average\"},\"returnData\":true}],"
	"\"startTime\":\"$date\",\"endTime\":\"$time\",\"scanBy\":"
	"\"TimestampDescending\"}";

static const char put_alarm_req[] =
	"{\"alarmName\":\"orders-api-5xx\",\"metricName\":\"5XXError\","
	"\"namespace\":\"AWS/ApiGateway\",\"statistic\":\"Sum\",\"period\":60,"
	"\"evaluationPeriods\":5,\"threshold\":10.0,\"comparisonOperator\":"
	"\"GreaterThanThreshold\",\"alarmActions\":[\"arn:aws:sns:$region:"
	"$account:alerts-critical\"]}";

static const char invalidation_resp[] =
	"{\"location\":\"https://cloudfront.amazonaws.com/2020-05-31/"
	"distribution/$dist/invalidation/I$etag\",\"invalidation\":{\"id\":"
	"\"I$etag\",\"status\":\"InProgress\",\"createTime\":\"$awsdate\","
	"\"invalidationBatch\":{\"paths\":{\"quantity\":1,\"items\":"
	"[\"/index.html\"]},\"callerReference\":\"$UUID\"}}}";

const struct api cat_apis_ops[] = {
	/* CloudTrail: reads everywhere; changes to the organization trail
	 * only from the management account, and rarely. */
	{ SVC_CT, A_RO, MIX_DEFAULT, ERR_CT, VIA_NONE, 30, "LookupEvents",
	  "{\"maxResults\":50,\"lookupAttributes\":[{\"attributeKey\":"
	  "\"EventName\",\"attributeValue\":\"ConsoleLogin\"}]}",
	  NULL, NULL, NULL, NULL },
	{ SVC_CT, A_RO, MIX_DEFAULT, ERR_CT, VIA_NONE, 15, "DescribeTrails",
	  "{\"includeShadowTrails\":true}", NULL, NULL, NULL, NULL },
	{ SVC_CT, A_RO, MIX_DEFAULT, ERR_CT, VIA_NONE, 15, "GetTrailStatus",
	  "{\"name\":\"$trail\"}", NULL, NULL, TRAIL_RES, NULL },
	{ SVC_CT, A_RO, MIX_DEFAULT, ERR_CT, VIA_NONE, 10, "GetEventSelectors",
	  "{\"trailName\":\"$trail\"}", NULL, NULL, TRAIL_RES, NULL },
	{ SVC_CT, A_RO, MIX_DEFAULT, ERR_CT, VIA_NONE, 5, "ListTrails", NULL,
	  NULL, NULL, NULL, NULL },
	{ SVC_CT, A_RO, MIX_DEFAULT, ERR_CT, VIA_NONE, 3, "GetInsightSelectors",
	  "{\"trailName\":\"$trail\"}", NULL, NULL, TRAIL_RES, NULL },
	{ SVC_CT, A_MGMT, MIX_ADMIN, ERR_CT, VIA_NONE, 1, "StopLogging",
	  "{\"name\":\"$trail\"}", NULL, NULL, TRAIL_RES, NULL },
	{ SVC_CT, A_MGMT, MIX_ADMIN, ERR_CT, VIA_NONE, 1, "StartLogging",
	  "{\"name\":\"$trail\"}", NULL, NULL, TRAIL_RES, NULL },
	{ SVC_CT, A_MGMT, MIX_ADMIN, ERR_CT, VIA_NONE, 1, "UpdateTrail",
	  "{\"name\":\"$trail\",\"isMultiRegionTrail\":true,"
	  "\"includeGlobalServiceEvents\":true}",
	  update_trail_resp, NULL, TRAIL_RES, NULL },
	{ SVC_CT, A_MGMT, MIX_ADMIN, ERR_CT, VIA_NONE, 1, "PutEventSelectors",
	  put_selectors_req, NULL, NULL, TRAIL_RES, NULL },
	{ SVC_CT, 0, MIX_ADMIN, ERR_CT, VIA_NONE, 1, "CreateTrail",
	  "{\"name\":\"shadow-trail\",\"s3BucketName\":\"$bucket\","
	  "\"isMultiRegionTrail\":false}",
	  "{\"name\":\"shadow-trail\",\"s3BucketName\":\"$bucket\","
	  "\"includeGlobalServiceEvents\":true,\"isMultiRegionTrail\":false,"
	  "\"trailARN\":\"arn:aws:cloudtrail:$region:$account:trail/"
	  "shadow-trail\",\"logFileValidationEnabled\":false,"
	  "\"isOrganizationTrail\":false}",
	  NULL, NULL, NULL },
	{ SVC_CT, 0, MIX_ADMIN, ERR_CT, VIA_NONE, 1, "DeleteTrail",
	  "{\"name\":\"shadow-trail\"}", NULL, NULL, NULL, NULL },

	/* RDS. */
	{ SVC_RDS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 40,
	  "DescribeDBInstances", "{\"dBInstanceIdentifier\":\"$db\"}", NULL,
	  NULL, NULL, NULL },
	{ SVC_RDS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 15,
	  "DescribeDBClusters", NULL, NULL, NULL, NULL, NULL },
	{ SVC_RDS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 10,
	  "DescribeDBSnapshots",
	  "{\"dBInstanceIdentifier\":\"$db\",\"snapshotType\":\"automated\"}",
	  NULL, NULL, NULL, NULL },
	{ SVC_RDS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 10,
	  "ListTagsForResource",
	  "{\"resourceName\":\"arn:aws:rds:$region:$account:db:$db\"}", NULL,
	  NULL, NULL, NULL },
	{ SVC_RDS, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 2, "CreateDBSnapshot",
	  "{\"dBSnapshotIdentifier\":\"$db-manual-$date\","
	  "\"dBInstanceIdentifier\":\"$db\"}",
	  db_snapshot_resp, NULL, NULL, NULL },
	{ SVC_RDS, 0, MIX_ADMIN, ERR_GENERIC, VIA_NONE, 1, "ModifyDBInstance",
	  "{\"dBInstanceIdentifier\":\"$db\",\"backupRetentionPeriod\":7,"
	  "\"applyImmediately\":true}",
	  NULL, NULL, NULL, NULL },

	/* Systems Manager: agents report in all the time. */
	{ SVC_SSM, 0, MIX_INSTANCE, ERR_SSM, VIA_NONE, 150,
	  "UpdateInstanceInformation", update_instance_info_req, NULL, NULL,
	  NULL, NULL },
	{ SVC_SSM, A_RO, MIX_INSTANCE, ERR_SSM, VIA_NONE, 30,
	  "ListInstanceAssociations",
	  "{\"instanceId\":\"$instance\",\"maxResults\":20}", NULL, NULL, NULL,
	  NULL },
	{ SVC_SSM, A_RO, MIX_DEFAULT, ERR_SSM, VIA_NONE, 100, "GetParameter",
	  "{\"name\":\"$param\",\"withDecryption\":true}", NULL, NULL,
	  "[{\"accountId\":\"$account\",\"ARN\":\"arn:aws:ssm:$region:$account:"
	  "parameter$param\"}]",
	  NULL },
	{ SVC_SSM, A_RO, MIX_DEFAULT, ERR_SSM, VIA_NONE, 50, "GetParameters",
	  "{\"names\":[\"$param\"],\"withDecryption\":false}", NULL, NULL, NULL,
	  NULL },
	{ SVC_SSM, A_RO, MIX_DEFAULT, ERR_SSM, VIA_NONE, 30,
	  "GetParametersByPath",
	  "{\"path\":\"/app/config\",\"recursive\":true,\"withDecryption\":true}",
	  NULL, NULL, NULL, NULL },
	{ SVC_SSM, A_RO, MIX_DEFAULT, ERR_SSM, VIA_NONE, 20,
	  "DescribeInstanceInformation", "{\"maxResults\":50}", NULL, NULL, NULL,
	  NULL },
	{ SVC_SSM, 0, MIX_ADMIN, ERR_SSM, VIA_NONE, 3, "SendCommand",
	  "{\"documentName\":\"AWS-RunShellScript\",\"instanceIds\":"
	  "[\"$instance\"],\"interactive\":false,\"parameters\":"
	  "\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
	  send_command_resp, NULL, NULL, NULL },
	{ SVC_SSM, 0, MIX_ADMIN, ERR_SSM, VIA_NONE, 3, "StartSession",
	  "{\"target\":\"$instance\"}",
	  "{\"sessionId\":\"$person-$etag\",\"tokenValue\":\"Value hidden due "
	  "to security reasons.\",\"streamUrl\":\"wss://ssmmessages.$region."
	  "amazonaws.com/v1/data-channel/$person-$etag?role=publish_subscribe"
	  "&cell-number=AAEAAQ\"}",
	  NULL, NULL, NULL },
	{ SVC_SSM, 0, MIX_DEFAULT, ERR_SSM, VIA_NONE, 2, "PutParameter",
	  "{\"name\":\"$param\",\"type\":\"SecureString\",\"overwrite\":true,"
	  "\"value\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
	  "{\"version\":$n,\"tier\":\"Standard\"}", NULL, NULL, NULL },

	/* Secrets Manager. */
	{ SVC_SECRETS, A_RO, MIX_DEFAULT, ERR_SECRETS, VIA_NONE, 100,
	  "GetSecretValue", "{\"secretId\":\"$secret\"}", NULL, NULL, NULL,
	  NULL },
	{ SVC_SECRETS, A_RO, MIX_DEFAULT, ERR_SECRETS, VIA_NONE, 25,
	  "DescribeSecret", "{\"secretId\":\"" SECRET_ARN "\"}", NULL, NULL,
	  NULL, NULL },
	{ SVC_SECRETS, A_RO, MIX_DEFAULT, ERR_SECRETS, VIA_NONE, 10,
	  "ListSecrets", "{\"maxResults\":100}", NULL, NULL, NULL, NULL },
	{ SVC_SECRETS, 0, MIX_DEFAULT, ERR_SECRETS, VIA_NONE, 2,
	  "PutSecretValue",
	  "{\"secretId\":\"$secret\",\"clientRequestToken\":\"$uuid\"}",
	  "{\"arn\":\"" SECRET_ARN "\",\"name\":\"$secret\",\"versionId\":"
	  "\"$uuid\",\"versionStages\":[\"AWSCURRENT\"]}",
	  NULL, NULL, NULL },
	{ SVC_SECRETS, 0, MIX_ADMIN, ERR_SECRETS, VIA_NONE, 1, "CreateSecret",
	  "{\"name\":\"$secret\",\"clientRequestToken\":\"$uuid\","
	  "\"forceOverwriteReplicaSecret\":false}",
	  "{\"arn\":\"" SECRET_ARN "\",\"name\":\"$secret\",\"versionId\":"
	  "\"$uuid\"}",
	  NULL, NULL, NULL },
	{ SVC_SECRETS, A_SVCEVENT, MIX_NOTYPE, ERR_NONE, VIA_SECRETS, 2,
	  "RotationSucceeded", NULL, NULL,
	  "{\"SecretId\":\"" SECRET_ARN "\"}", NULL, NULL },

	/* CloudWatch Logs and CloudWatch. */
	{ SVC_LOGS, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 100,
	  "CreateLogStream",
	  "{\"logGroupName\":\"$loggroup\",\"logStreamName\":\"$logstream\"}",
	  NULL, NULL, NULL, NULL },
	{ SVC_LOGS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 20,
	  "DescribeLogGroups",
	  "{\"limit\":50,\"logGroupNamePrefix\":\"/aws/lambda/\"}", NULL, NULL,
	  NULL, NULL },
	{ SVC_LOGS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 20,
	  "DescribeLogStreams",
	  "{\"logGroupName\":\"$loggroup\",\"orderBy\":\"LastEventTime\","
	  "\"descending\":true,\"limit\":50}",
	  NULL, NULL, NULL, NULL },
	{ SVC_LOGS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 10,
	  "FilterLogEvents",
	  "{\"logGroupName\":\"$loggroup\",\"startTime\":$ms,\"filterPattern\":"
	  "\"ERROR\",\"interleaved\":true}",
	  NULL, NULL, NULL, NULL },
	{ SVC_LOGS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5, "StartQuery",
	  "{\"logGroupNames\":[\"$loggroup\"],\"startTime\":1714521600,"
	  "\"endTime\":1714608000,\"queryString\":\"fields @timestamp, "
	  "@message | filter @message like /ERROR/ | sort @timestamp desc | "
	  "limit 20\"}",
	  "{\"queryId\":\"$uuid\"}", NULL, NULL, NULL },
	{ SVC_LOGS, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5, "CreateLogGroup",
	  "{\"logGroupName\":\"$loggroup\"}", NULL, NULL, NULL, NULL },
	{ SVC_LOGS, 0, MIX_ADMIN, ERR_GENERIC, VIA_NONE, 2,
	  "PutRetentionPolicy",
	  "{\"logGroupName\":\"$loggroup\",\"retentionInDays\":30}", NULL, NULL,
	  NULL, NULL },
	{ SVC_CW, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 60, "GetMetricData",
	  metric_data_req, NULL, NULL, NULL, NULL },
	{ SVC_CW, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 40, "DescribeAlarms",
	  "{\"maxRecords\":100}", NULL, NULL, NULL, NULL },
	{ SVC_CW, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 20, "ListMetrics",
	  "{\"namespace\":\"AWS/Lambda\"}", NULL, NULL, NULL, NULL },
	{ SVC_CW, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 3, "PutMetricAlarm",
	  put_alarm_req, NULL, NULL, NULL, NULL },

	/* ECR: image pulls by nodes and pipelines. */
	{ SVC_ECR, A_RO, MIX_INSTANCE, ERR_GENERIC, VIA_NONE, 50,
	  "GetAuthorizationToken", NULL, NULL, NULL, NULL, NULL },
	{ SVC_ECR, A_RO, MIX_INSTANCE, ERR_GENERIC, VIA_NONE, 40, "BatchGetImage",
	  "{\"imageIds\":[{\"imageTag\":\"latest\"}],\"acceptedMediaTypes\":"
	  "[\"application/vnd.docker.distribution.manifest.v2+json\","
	  "\"application/vnd.oci.image.manifest.v1+json\"],\"repositoryName\":"
	  "\"$repo\",\"registryId\":\"$account\"}",
	  NULL, NULL, ECR_RES, NULL },
	{ SVC_ECR, A_RO, MIX_INSTANCE, ERR_GENERIC, VIA_NONE, 40,
	  "GetDownloadUrlForLayer",
	  "{\"registryId\":\"$account\",\"repositoryName\":\"$repo\","
	  "\"layerDigest\":\"$digest\"}",
	  NULL, NULL, ECR_RES, NULL },
	{ SVC_ECR, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 10,
	  "DescribeImages",
	  "{\"repositoryName\":\"$repo\",\"registryId\":\"$account\","
	  "\"maxResults\":100}",
	  NULL, NULL, ECR_RES, NULL },

	/* CloudFront, Organizations and Route 53: global services. */
	{ SVC_CF, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 15,
	  "ListDistributions", NULL, NULL, NULL, NULL, NULL },
	{ SVC_CF, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 10, "GetDistribution",
	  "{\"id\":\"$dist\"}", NULL, NULL, NULL, NULL },
	{ SVC_CF, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 8, "CreateInvalidation",
	  "{\"distributionId\":\"$dist\",\"invalidationBatch\":{\"paths\":{"
	  "\"quantity\":1,\"items\":[\"/index.html\"]},\"callerReference\":"
	  "\"$UUID\"}}",
	  invalidation_resp, NULL, NULL, NULL },
	{ SVC_CF, 0, MIX_ADMIN, ERR_GENERIC, VIA_NONE, 1, "UpdateDistribution",
	  "{\"id\":\"$dist\",\"ifMatch\":\"E2QWRUHEXAMPLE\"}", NULL, NULL, NULL,
	  NULL },
	{ SVC_ORG, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 20,
	  "DescribeOrganization", NULL, NULL, NULL, NULL, NULL },
	{ SVC_ORG, A_RO | A_MGMT, MIX_ADMIN, ERR_GENERIC, VIA_NONE, 10,
	  "ListAccounts", NULL, NULL, NULL, NULL, NULL },
	{ SVC_ORG, A_RO | A_MGMT, MIX_ADMIN, ERR_GENERIC, VIA_NONE, 4,
	  "ListPoliciesForTarget",
	  "{\"targetId\":\"$other\",\"filter\":\"SERVICE_CONTROL_POLICY\"}",
	  NULL, NULL, NULL, NULL },
	{ SVC_ORG, A_RO | A_MGMT, MIX_ADMIN, ERR_GENERIC, VIA_NONE, 4,
	  "DescribeAccount", "{\"accountId\":\"$other\"}", NULL, NULL, NULL,
	  NULL },
	{ SVC_ORG, A_MGMT, MIX_ADMIN, ERR_GENERIC, VIA_NONE, 1, "AttachPolicy",
	  "{\"policyId\":\"p-a1b2c3d4\",\"targetId\":\"$other\"}", NULL, NULL,
	  NULL, NULL },
	{ SVC_R53, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 15,
	  "ListHostedZones", NULL, NULL, NULL, NULL, NULL },
	{ SVC_R53, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 10,
	  "ListResourceRecordSets", "{\"hostedZoneId\":\"$zone\"}", NULL, NULL,
	  ZONE_RES, NULL },
	{ SVC_R53, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5, "GetChange",
	  "{\"id\":\"$change\"}", NULL, NULL, NULL, NULL },
	{ SVC_R53, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5,
	  "ChangeResourceRecordSets", r53_change_req,
	  "{\"changeInfo\":{\"id\":\"/change/$change\",\"status\":\"PENDING\","
	  "\"submittedAt\":\"$awsdate\"}}",
	  NULL, ZONE_RES, NULL },

	/* Console sign-in and IAM Identity Center. */
	{ SVC_SIGNIN, A_SIGNIN, MIX_CONSOLE, ERR_SIGNIN, VIA_NONE, 50,
	  "ConsoleLogin", NULL, "{\"ConsoleLogin\":\"$loginresult\"}",
	  "$loginextra", NULL, NULL },
	{ SVC_SIGNIN, A_SVCEVENT | A_MGMT, MIX_UNKNOWN, ERR_NONE, VIA_NONE, 8,
	  "CredentialChallenge", NULL, NULL,
	  "{\"AuthWorkflowID\":\"$uuid\",\"CredentialType\":\"PASSWORD\"}", NULL,
	  "{\"CredentialChallenge\":\"Success\"}" },
	{ SVC_SIGNIN, A_SVCEVENT | A_MGMT, MIX_UNKNOWN, ERR_NONE, VIA_NONE, 8,
	  "UserAuthentication", NULL, NULL,
	  "{\"AuthWorkflowID\":\"$uuid\",\"LoginTo\":"
	  "\"https://d-9067a1b2c3.awsapps.com/start/\",\"CredentialType\":"
	  "\"PASSWORD\"}",
	  NULL, "{\"UserAuthentication\":\"Success\"}" },
	{ SVC_SSO, A_RO | A_MGMT, MIX_IDCENTER, ERR_GENERIC, VIA_NONE, 15,
	  "ListAccounts", NULL, NULL, NULL, NULL, NULL },
	{ SVC_SSO, A_RO | A_MGMT, MIX_IDCENTER, ERR_GENERIC, VIA_NONE, 10,
	  "ListAccountRoles", "{\"accountId\":\"$other\"}", NULL, NULL, NULL,
	  NULL },
	{ SVC_SSO, A_RO | A_MGMT, MIX_IDCENTER, ERR_GENERIC, VIA_NONE, 10,
	  "GetRoleCredentials", PORTAL_ROLE, NULL, NULL, NULL, NULL },
	{ SVC_SSO, A_RO | A_MGMT, MIX_IDCENTER, ERR_GENERIC, VIA_NONE, 5,
	  "Federate", PORTAL_ROLE, NULL, NULL, NULL, NULL },

	/* Load balancing, Health, Auto Scaling. */
	{ SVC_ELB, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 20,
	  "DescribeLoadBalancers", "{\"pageSize\":400}", NULL, NULL, NULL,
	  NULL },
	{ SVC_ELB, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 20,
	  "DescribeTargetHealth", "{\"targetGroupArn\":\"" TG_ARN "\"}", NULL,
	  NULL, NULL, NULL },
	{ SVC_ELB, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 2, "RegisterTargets",
	  "{\"targetGroupArn\":\"" TG_ARN "\",\"targets\":[{\"id\":"
	  "\"$instance\",\"port\":8080}]}",
	  NULL, NULL, NULL, NULL },
	{ SVC_ELB, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 2, "DeregisterTargets",
	  "{\"targetGroupArn\":\"" TG_ARN "\",\"targets\":[{\"id\":"
	  "\"$instance\",\"port\":8080}]}",
	  NULL, NULL, NULL, NULL },
	{ SVC_HEALTH, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5,
	  "DescribeEventAggregates",
	  "{\"aggregateField\":\"eventTypeCategory\",\"filter\":{"
	  "\"eventStatusCodes\":[\"open\",\"upcoming\"]}}",
	  NULL, NULL, NULL, NULL },
	{ SVC_HEALTH, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5,
	  "DescribeEvents",
	  "{\"filter\":{\"eventStatusCodes\":[\"open\"]},\"maxResults\":10}",
	  NULL, NULL, NULL, NULL },
	{ SVC_ASG, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 20,
	  "DescribeAutoScalingGroups", "{\"maxRecords\":100}", NULL, NULL, NULL,
	  NULL },
	{ SVC_ASG, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 3,
	  "CompleteLifecycleAction",
	  "{\"lifecycleHookName\":\"drain-connections\",\"autoScalingGroupName\":"
	  "\"orders-api-asg\",\"lifecycleActionResult\":\"CONTINUE\","
	  "\"instanceId\":\"$instance\"}",
	  NULL, NULL, NULL, NULL },
	{ SVC_ASG, 0, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 1,
	  "SetDesiredCapacity",
	  "{\"autoScalingGroupName\":\"orders-api-asg\",\"desiredCapacity\":$n,"
	  "\"honorCooldown\":false}",
	  NULL, NULL, NULL, NULL },
};

const size_t cat_nops = COUNT(cat_apis_ops);
