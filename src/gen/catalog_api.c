/* catalog_api.c - the APIs the synthetic trail calls, first part:
 * storage, compute and identity (S3, Lambda, DynamoDB, SNS, SQS, EC2,
 * IAM, STS, KMS); catalog_api_ops.c has the operations side.  For each:
 * how often, by whom, how it fails, and the JSON of its
 * requestParameters, responseElements, additionalEventData, resources
 * and serviceEventDetails (templates; placeholders in expand.h).
 *
 * Shapes follow real records (corpus/invictus-attack-simulation,
 * corpus/stratus-detonations, AWS's documentation examples).  Weights are
 * relative frequencies; together they make roughly a third of the events
 * data events, as on a trail that logs S3, Lambda and DynamoDB data.
 */
#include <config.h>

#include "gen/catalog.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- shared pieces of templates ---------------------------------------- */

#define S3_OBJ_REQ                                                           \
	"{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"key\":\"$key\"}"
#define S3_BUCKET_REQ(more)                                                  \
	"{" more "\"bucketName\":\"$bucket\",\"Host\":\"$host\"}"
#define S3_EXTRA(in, out)                                                   \
	"{\"SignatureVersion\":\"SigV4\",\"CipherSuite\":"                   \
	"\"TLS_AES_128_GCM_SHA256\",\"bytesTransferredIn\":" in ","          \
	"\"AuthenticationMethod\":\"AuthHeader\",\"x-amz-id-2\":\"$amzid\"," \
	"\"bytesTransferredOut\":" out "}"
#define S3_BUCKET_RES                                                        \
	"{\"accountId\":\"$account\",\"type\":\"AWS::S3::Bucket\",\"ARN\":"  \
	"\"arn:aws:s3:::$bucket\"}"
#define S3_OBJ_RES                                                           \
	"[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::$bucket/$key\"},"  \
	S3_BUCKET_RES "]"
#define RES(type, arn)                                                       \
	"[{\"accountId\":\"$account\",\"type\":\"" type "\",\"ARN\":\"" arn   \
	"\"}]"
#define KMS_RES RES("AWS::KMS::Key", "arn:aws:kms:$region:$account:key/$kms")
#define DDB_RES                                                              \
	RES("AWS::DynamoDB::Table", "arn:aws:dynamodb:$region:$account:table/$table")
#define FN_ARN "arn:aws:lambda:$region:$account:function:$function"
#define ROLE_ARN "arn:aws:iam::$account:role/$role"
#define POLICY_ARN "arn:aws:iam::$account:policy/$policy"
#define TOPIC_ARN "arn:aws:sns:$region:$account:$topic"
#define QUEUE_URL "https://sqs.$region.amazonaws.com/$account/$queue"
#define SECRET_ARN "arn:aws:secretsmanager:$region:$account:secret:$secret"
#define CREDENTIALS                                                          \
	"\"credentials\":{\"accessKeyId\":\"$akid\",\"sessionToken\":"        \
	"\"$token\",\"expiration\":\"$expires\"}"
#define ASSUMED_USER(session)                                                \
	"\"assumedRoleUser\":{\"assumedRoleId\":\"$aroa:" session "\","      \
	"\"arn\":\"arn:aws:sts::$account:assumed-role/$role/" session "\"}"
#define EC2_OK "{\"requestId\":\"$reqid\",\"_return\":true}"
#define EC2_FILTER(name, value)                                              \
	"\"filterSet\":{\"items\":[{\"name\":\"" name "\",\"valueSet\":"     \
	"{\"items\":[{\"value\":\"" value "\"}]}}]}"
#define INSTANCE_SET                                                         \
	"\"instancesSet\":{\"items\":[{\"instanceId\":\"$instance\"}]}"
#define STATE_CHANGE(code, name, pcode, pname)                               \
	"{\"requestId\":\"$reqid\",\"instancesSet\":{\"items\":[{"            \
	"\"instanceId\":\"$instance\",\"currentState\":{\"code\":" code      \
	",\"name\":\"" name "\"},\"previousState\":{\"code\":" pcode         \
	",\"name\":\"" pname "\"}}]}}"

static const char run_instances_req[] =
	"{\"instancesSet\":{\"items\":[{\"imageId\":\"$ami\",\"minCount\":1,"
	"\"maxCount\":1}]},\"instanceType\":\"$itype\",\"blockDeviceMapping\":{},"
	"\"monitoring\":{\"enabled\":false},\"disableApiTermination\":false,"
	"\"disableApiStop\":false,\"clientToken\":\"$UUID\","
	"\"networkInterfaceSet\":{\"items\":[{\"deviceIndex\":0,\"subnetId\":"
	"\"$subnet\",\"groupSet\":{\"items\":[{\"groupId\":\"$sg\"}]}}]},"
	"\"iamInstanceProfile\":{\"name\":\"app-server-instance-role\"},"
	"\"ebsOptimized\":false,\"tagSpecificationSet\":{\"items\":[{"
	"\"resourceType\":\"instance\",\"tags\":[{\"key\":\"Name\",\"value\":"
	"\"orders-api\"},{\"key\":\"team\",\"value\":\"payments\"}]}]},"
	"\"metadataOptions\":{\"httpTokens\":\"required\"}}";

static const char run_instances_resp[] =
	"{\"requestId\":\"$reqid\",\"ownerId\":\"$account\",\"groupSet\":{},"
	"\"instancesSet\":{\"items\":[{\"instanceId\":\"$instance\",\"imageId\":"
	"\"$ami\",\"currentInstanceBootMode\":\"uefi\",\"instanceState\":{"
	"\"code\":0,\"name\":\"pending\"},\"amiLaunchIndex\":0,\"productCodes\":"
	"{},\"instanceType\":\"$itype\",\"launchTime\":$ms,\"placement\":{"
	"\"availabilityZone\":\"$az\",\"tenancy\":\"default\"},\"monitoring\":{"
	"\"state\":\"disabled\"},\"subnetId\":\"$subnet\",\"vpcId\":\"$vpc\","
	"\"privateIpAddress\":\"$privip\",\"stateReason\":{\"code\":\"pending\","
	"\"message\":\"pending\"},\"architecture\":\"x86_64\",\"rootDeviceType\":"
	"\"ebs\",\"rootDeviceName\":\"/dev/xvda\",\"blockDeviceMapping\":{},"
	"\"virtualizationType\":\"hvm\",\"hypervisor\":\"xen\",\"groupSet\":{"
	"\"items\":[{\"groupId\":\"$sg\",\"groupName\":\"orders-api\"}]},"
	"\"networkInterfaceSet\":{\"items\":[{\"networkInterfaceId\":\"$eni\","
	"\"subnetId\":\"$subnet\",\"vpcId\":\"$vpc\",\"ownerId\":\"$account\","
	"\"status\":\"in-use\",\"privateIpAddress\":\"$privip\","
	"\"sourceDestCheck\":true,\"interfaceType\":\"interface\"}]},"
	"\"ebsOptimized\":false,\"enaSupport\":true,\"metadataOptions\":{"
	"\"state\":\"pending\",\"httpTokens\":\"required\","
	"\"httpPutResponseHopLimit\":2,\"httpEndpoint\":\"enabled\"}}]}}";

static const char create_eni_resp[] =
	"{\"requestId\":\"$reqid\",\"networkInterface\":{\"networkInterfaceId\":"
	"\"$eni\",\"subnetId\":\"$subnet\",\"vpcId\":\"$vpc\",\"availabilityZone\":"
	"\"$az\",\"description\":\"AWS Lambda VPC ENI-$function\",\"ownerId\":"
	"\"$account\",\"requesterManaged\":false,\"status\":\"pending\","
	"\"privateIpAddress\":\"$privip\",\"sourceDestCheck\":true,"
	"\"interfaceType\":\"lambda\",\"groupSet\":{\"items\":[{\"groupId\":"
	"\"$sg\",\"groupName\":\"default\"}]},\"tagSet\":{}}}";

static const char update_code_resp[] =
	"{\"functionName\":\"$function\",\"functionArn\":\"" FN_ARN "\","
	"\"runtime\":\"python3.12\",\"role\":\"arn:aws:iam::$account:role/"
	"service-role/orders-api-lambda-role\",\"handler\":\"app.handler\","
	"\"codeSize\":$size,\"description\":\"\",\"timeout\":30,\"memorySize\":512,"
	"\"lastModified\":\"$time\",\"codeSha256\":\"$amzid\",\"version\":"
	"\"$$LATEST\",\"tracingConfig\":{\"mode\":\"PassThrough\"},\"revisionId\":"
	"\"$uuid\",\"state\":\"Active\",\"lastUpdateStatus\":\"InProgress\","
	"\"packageType\":\"Zip\",\"architectures\":[\"x86_64\"],"
	"\"ephemeralStorage\":{\"size\":512}}";

static const char saml_resp[] =
	"{" CREDENTIALS "," ASSUMED_USER("$person@example.com") ","
	"\"packedPolicySize\":6,\"subject\":\"$person@example.com\","
	"\"subjectType\":\"persistent\",\"issuer\":"
	"\"http://www.okta.com/exk1a2b3c4d5e6f7g8h9\",\"audience\":"
	"\"https://signin.aws.amazon.com/saml\",\"nameQualifier\":"
	"\"SbdGOnUkh1i4+EXAMPLExL/jEvs=\"}";

static const char webid_resp[] =
	"{" CREDENTIALS ",\"subjectFromWebIdentityToken\":\"$k8s\","
	ASSUMED_USER("$session") ",\"provider\":\"arn:aws:iam::$account:"
	"oidc-provider/$oidc\",\"audience\":\"sts.amazonaws.com\"}";

/* ---- the table ---------------------------------------------------------- */

/* Columns: service, flags, callers, errors, invokers, weight, name,
 * requestParameters, responseElements, additionalEventData, resources,
 * serviceEventDetails. */
const struct api cat_apis_core[] = {
	/* S3 objects: data events. */
	{ SVC_S3, A_RO | A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 800,
	  "GetObject", S3_OBJ_REQ, NULL, S3_EXTRA("0", "$size"), S3_OBJ_RES,
	  NULL },
	{ SVC_S3, A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 300, "PutObject",
	  S3_OBJ_REQ, "{\"x-amz-server-side-encryption\":\"AES256\"}",
	  S3_EXTRA("$size", "0"), S3_OBJ_RES, NULL },
	{ SVC_S3, A_RO | A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 250,
	  "HeadObject", S3_OBJ_REQ, NULL, S3_EXTRA("0", "0"), S3_OBJ_RES,
	  NULL },
	{ SVC_S3, A_RO | A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 100,
	  "ListObjects",
	  S3_BUCKET_REQ("\"list-type\":\"2\",\"encoding-type\":\"url\","
	                "\"max-keys\":\"1000\",\"prefix\":\"$keyprefix\","
	                "\"delimiter\":\"/\","),
	  NULL, S3_EXTRA("0", "$size"), "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 50, "DeleteObject",
	  S3_OBJ_REQ, NULL, S3_EXTRA("0", "0"), S3_OBJ_RES, NULL },
	{ SVC_S3, A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 20, "CopyObject",
	  "{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"x-amz-copy-source\":"
	  "\"$bucket/$key2\",\"key\":\"$key\"}",
	  "{\"x-amz-server-side-encryption\":\"AES256\"}",
	  S3_EXTRA("0", "$size"), S3_OBJ_RES, NULL },
	{ SVC_S3, A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 10,
	  "CreateMultipartUpload",
	  "{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"key\":\"$key\","
	  "\"uploads\":\"\"}",
	  "{\"x-amz-server-side-encryption\":\"AES256\",\"uploadId\":\"$upload\"}",
	  S3_EXTRA("0", "$size"), S3_OBJ_RES, NULL },
	{ SVC_S3, A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 40, "UploadPart",
	  "{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"key\":\"$key\","
	  "\"partNumber\":\"$n\",\"uploadId\":\"$upload\"}",
	  "{\"x-amz-server-side-encryption\":\"AES256\"}",
	  S3_EXTRA("$size", "0"), S3_OBJ_RES, NULL },
	{ SVC_S3, A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 10,
	  "CompleteMultipartUpload",
	  "{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"key\":\"$key\","
	  "\"uploadId\":\"$upload\"}",
	  "{\"x-amz-server-side-encryption\":\"AES256\"}",
	  S3_EXTRA("$size", "$size"), S3_OBJ_RES, NULL },
	{ SVC_S3, A_RO | A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 20,
	  "GetObjectTagging",
	  "{\"bucketName\":\"$bucket\",\"Host\":\"$host\",\"key\":\"$key\","
	  "\"tagging\":\"\"}",
	  NULL, S3_EXTRA("0", "171"), S3_OBJ_RES, NULL },
	{ SVC_S3, A_DATA, MIX_S3DATA, ERR_S3DATA, VIA_S3, 10, "DeleteObjects",
	  S3_BUCKET_REQ("\"delete\":\"\","), NULL, S3_EXTRA("$size", "0"),
	  "[" S3_BUCKET_RES "]", NULL },
	/* S3 buckets: management events. */
	{ SVC_S3, A_RO | A_SVCHOST, MIX_DEFAULT, ERR_S3, VIA_NONE, 50,
	  "ListBuckets", "{\"Host\":\"s3.$region.amazonaws.com\"}", NULL,
	  S3_EXTRA("0", "$count"), NULL, NULL },
	{ SVC_S3, A_RO, MIX_DEFAULT, ERR_S3, VIA_NONE, 50, "GetBucketLocation",
	  S3_BUCKET_REQ("\"location\":\"\","), NULL, S3_EXTRA("0", "137"),
	  "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, A_RO, MIX_DEFAULT, ERR_S3, VIA_NONE, 40, "GetBucketAcl",
	  S3_BUCKET_REQ("\"acl\":\"\","), NULL, S3_EXTRA("0", "624"),
	  "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, A_RO, MIX_DEFAULT, ERR_S3, VIA_NONE, 20, "GetBucketPolicy",
	  S3_BUCKET_REQ("\"policy\":\"\","), NULL, S3_EXTRA("0", "$count"),
	  "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, A_RO, MIX_DEFAULT, ERR_S3, VIA_NONE, 20, "GetBucketEncryption",
	  S3_BUCKET_REQ("\"encryption\":\"\","), NULL, S3_EXTRA("0", "251"),
	  "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, 0, MIX_ADMIN, ERR_S3, VIA_NONE, 3, "PutBucketPolicy",
	  S3_BUCKET_REQ("\"bucketPolicy\":{\"Version\":\"2012-10-17\","
	                "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{"
	                "\"AWS\":\"arn:aws:iam::$other:root\"},\"Action\":"
	                "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::$bucket/*\""
	                "}]},\"policy\":\"\","),
	  NULL, S3_EXTRA("312", "0"), "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, 0, MIX_ADMIN, ERR_S3, VIA_NONE, 2, "PutBucketAcl",
	  S3_BUCKET_REQ("\"acl\":\"\",\"x-amz-acl\":[\"public-read\"],"), NULL,
	  S3_EXTRA("0", "0"), "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, 0, MIX_ADMIN, ERR_S3, VIA_NONE, 2, "PutBucketPublicAccessBlock",
	  S3_BUCKET_REQ("\"publicAccessBlock\":\"\","
	                "\"PublicAccessBlockConfiguration\":{\"xmlns\":"
	                "\"http://s3.amazonaws.com/doc/2006-03-01/\","
	                "\"RestrictPublicBuckets\":false,\"BlockPublicPolicy\":"
	                "false,\"BlockPublicAcls\":false,\"IgnorePublicAcls\":"
	                "false},"),
	  NULL, S3_EXTRA("236", "0"), "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, 0, MIX_ADMIN, ERR_S3, VIA_NONE, 2, "CreateBucket",
	  S3_BUCKET_REQ("\"CreateBucketConfiguration\":{\"LocationConstraint\":"
	                "\"$region\",\"xmlns\":"
	                "\"http://s3.amazonaws.com/doc/2006-03-01/\"},"),
	  NULL, S3_EXTRA("153", "0"), "[" S3_BUCKET_RES "]", NULL },
	{ SVC_S3, 0, MIX_ADMIN, ERR_S3, VIA_NONE, 1, "DeleteBucketPolicy",
	  S3_BUCKET_REQ("\"policy\":\"\","), NULL, S3_EXTRA("0", "0"),
	  "[" S3_BUCKET_RES "]", NULL },

	/* Lambda. */
	{ SVC_LAMBDA, A_DATA, MIX_INVOKE, ERR_LAMBDA, VIA_INVOKE, 350, "Invoke",
	  "{\"functionName\":\"" FN_ARN "\",\"sourceArn\":\"arn:aws:execute-api:"
	  "$region:$account:a1b2c3d4e5/prod/POST/orders\"}",
	  NULL, "{\"functionVersion\":\"" FN_ARN ":$$LATEST\"}",
	  RES("AWS::Lambda::Function", FN_ARN), NULL },
	{ SVC_LAMBDA, A_RO, MIX_DEFAULT, ERR_LAMBDA, VIA_NONE, 30,
	  "GetFunction20150331v2", "{\"functionName\":\"$function\"}", NULL,
	  NULL, NULL, NULL },
	{ SVC_LAMBDA, A_RO, MIX_DEFAULT, ERR_LAMBDA, VIA_NONE, 20,
	  "ListFunctions20150331", NULL, NULL, NULL, NULL, NULL },
	{ SVC_LAMBDA, A_RO, MIX_DEFAULT, ERR_LAMBDA, VIA_NONE, 10,
	  "GetFunctionConfiguration20150331v2",
	  "{\"functionName\":\"$function\"}", NULL, NULL, NULL, NULL },
	{ SVC_LAMBDA, 0, MIX_DEFAULT, ERR_LAMBDA, VIA_NONE, 5,
	  "UpdateFunctionCode20150331v2",
	  "{\"functionName\":\"$function\",\"publish\":false,\"dryRun\":false,"
	  "\"s3Bucket\":\"$bucket\",\"s3Key\":\"$key\"}",
	  update_code_resp, NULL, NULL, NULL },
	{ SVC_LAMBDA, 0, MIX_DEFAULT, ERR_LAMBDA, VIA_NONE, 3,
	  "UpdateFunctionConfiguration20150331v2",
	  "{\"functionName\":\"$function\",\"environment\":{},\"timeout\":60}",
	  update_code_resp, NULL, NULL, NULL },
	{ SVC_LAMBDA, 0, MIX_ADMIN, ERR_LAMBDA, VIA_NONE, 1,
	  "AddPermission20150331v2",
	  "{\"functionName\":\"$function\",\"statementId\":\"apigw-invoke-$n\","
	  "\"action\":\"lambda:InvokeFunction\",\"principal\":"
	  "\"apigateway.amazonaws.com\"}",
	  NULL, NULL, NULL, NULL },

	/* DynamoDB: items are data events, tables management ones. */
	{ SVC_DDB, A_RO | A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 300, "GetItem",
	  "{\"tableName\":\"$table\",\"key\":$ddbkey,\"consistentRead\":false}",
	  NULL, NULL, DDB_RES, NULL },
	{ SVC_DDB, A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 150, "PutItem",
	  "{\"tableName\":\"$table\",\"key\":$ddbkey,\"returnValues\":\"NONE\"}",
	  NULL, NULL, DDB_RES, NULL },
	{ SVC_DDB, A_RO | A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 250, "Query",
	  "{\"tableName\":\"$table\",\"indexName\":\"gsi1\",\"limit\":50,"
	  "\"keyConditionExpression\":\"pk = :pk AND begins_with(sk, :v)\","
	  "\"consistentRead\":false,\"select\":\"ALL_ATTRIBUTES\"}",
	  NULL, NULL, DDB_RES, NULL },
	{ SVC_DDB, A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 100, "UpdateItem",
	  "{\"tableName\":\"$table\",\"key\":$ddbkey,\"updateExpression\":"
	  "\"SET #s = :s, updatedAt = :u\",\"conditionExpression\":"
	  "\"attribute_exists(pk)\",\"returnValues\":\"UPDATED_NEW\"}",
	  NULL, NULL, DDB_RES, NULL },
	{ SVC_DDB, A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 20, "DeleteItem",
	  "{\"tableName\":\"$table\",\"key\":$ddbkey}", NULL, NULL, DDB_RES,
	  NULL },
	{ SVC_DDB, A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 30, "BatchWriteItem",
	  "{\"requestItems\":[{\"tableName\":\"$table\",\"putRequestCount\":$n}]}",
	  "{\"unprocessedItems\":{}}", NULL, DDB_RES, NULL },
	{ SVC_DDB, A_RO | A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 30,
	  "BatchGetItem",
	  "{\"requestItems\":[{\"tableName\":\"$table\",\"keys\":[$ddbkey]}]}",
	  NULL, NULL, DDB_RES, NULL },
	{ SVC_DDB, A_RO | A_DATA, MIX_DATA, ERR_DDB, VIA_NONE, 20, "Scan",
	  "{\"tableName\":\"$table\",\"limit\":100,\"select\":\"ALL_ATTRIBUTES\"}",
	  NULL, NULL, DDB_RES, NULL },
	{ SVC_DDB, A_RO, MIX_DEFAULT, ERR_DDB, VIA_NONE, 30, "DescribeTable",
	  "{\"tableName\":\"$table\"}", NULL, NULL, DDB_RES, NULL },
	{ SVC_DDB, A_RO, MIX_DEFAULT, ERR_DDB, VIA_NONE, 10, "ListTables",
	  NULL, NULL, NULL, NULL, NULL },

	/* SNS and SQS. */
	{ SVC_SNS, A_DATA, MIX_DATA, ERR_GENERIC, VIA_NONE, 80, "Publish",
	  "{\"topicArn\":\"" TOPIC_ARN "\",\"message\":"
	  "\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"subject\":"
	  "\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
	  "{\"messageId\":\"$uuid\"}", NULL, RES("AWS::SNS::Topic", TOPIC_ARN),
	  NULL },
	{ SVC_SNS, A_DATA, MIX_DATA, ERR_GENERIC, VIA_NONE, 5, "PublishBatch",
	  "{\"topicArn\":\"" TOPIC_ARN "\",\"publishBatchRequestEntries\":"
	  "\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
	  "{\"successful\":[{\"id\":\"1\",\"messageId\":\"$uuid\"}],"
	  "\"failed\":[]}",
	  NULL, RES("AWS::SNS::Topic", TOPIC_ARN), NULL },
	{ SVC_SNS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5, "ListTopics",
	  NULL, NULL, NULL, NULL, NULL },
	{ SVC_SNS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 5,
	  "GetTopicAttributes", "{\"topicArn\":\"" TOPIC_ARN "\"}", NULL, NULL,
	  NULL, NULL },
	{ SVC_SQS, A_DATA, MIX_DATA, ERR_GENERIC, VIA_NONE, 60, "SendMessage",
	  "{\"queueUrl\":\"" QUEUE_URL "\",\"messageBody\":"
	  "\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"messageAttributes\":"
	  "\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
	  "{\"mD5OfMessageBody\":\"$etag\",\"messageId\":\"$uuid\"}", NULL,
	  RES("AWS::SQS::Queue", "arn:aws:sqs:$region:$account:$queue"), NULL },
	{ SVC_SQS, A_DATA, MIX_DATA, ERR_GENERIC, VIA_NONE, 40, "ReceiveMessage",
	  "{\"queueUrl\":\"" QUEUE_URL "\",\"maxNumberOfMessages\":10,"
	  "\"waitTimeSeconds\":20,\"attributeNames\":[\"All\"]}",
	  NULL, NULL,
	  RES("AWS::SQS::Queue", "arn:aws:sqs:$region:$account:$queue"), NULL },
	{ SVC_SQS, A_DATA, MIX_DATA, ERR_GENERIC, VIA_NONE, 30, "DeleteMessage",
	  "{\"queueUrl\":\"" QUEUE_URL "\",\"receiptHandle\":"
	  "\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
	  NULL, NULL,
	  RES("AWS::SQS::Queue", "arn:aws:sqs:$region:$account:$queue"), NULL },
	{ SVC_SQS, A_RO, MIX_DEFAULT, ERR_GENERIC, VIA_NONE, 10,
	  "GetQueueAttributes",
	  "{\"queueUrl\":\"" QUEUE_URL "\",\"attributeNames\":[\"All\"]}", NULL,
	  NULL, NULL, NULL },

	/* EC2. */
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 150,
	  "DescribeInstances", "{\"instancesSet\":{},\"filterSet\":{}}", NULL,
	  NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 150,
	  "DescribeInstances", "{" INSTANCE_SET ",\"filterSet\":{}}", NULL,
	  NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 80,
	  "DescribeSecurityGroups",
	  "{\"securityGroupSet\":{},\"securityGroupIdSet\":{},"
	  EC2_FILTER("vpc-id", "$vpc") "}",
	  NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 50, "DescribeVpcs",
	  "{\"vpcSet\":{},\"filterSet\":{}}", NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 50, "DescribeSubnets",
	  "{\"subnetSet\":{}," EC2_FILTER("vpc-id", "$vpc") "}", NULL, NULL,
	  NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 40, "DescribeVolumes",
	  "{\"volumeSet\":{}," EC2_FILTER("attachment.instance-id", "$instance")
	  "}", NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 50,
	  "DescribeNetworkInterfaces",
	  "{\"networkInterfaceIdSet\":{}," EC2_FILTER("vpc-id", "$vpc") "}",
	  NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 30, "DescribeImages",
	  "{\"executableBySet\":{},\"imagesSet\":{\"items\":[{\"imageId\":"
	  "\"$ami\"}]},\"ownersSet\":{},\"includeDeprecated\":false,"
	  "\"includeDisabled\":false}",
	  NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 40,
	  "DescribeInstanceStatus",
	  "{\"instancesSet\":{},\"filterSet\":{},\"includeAllInstances\":false}",
	  NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 20, "DescribeRegions",
	  "{\"regionSet\":{},\"allRegions\":false}", NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 20,
	  "DescribeAvailabilityZones",
	  "{\"availabilityZoneSet\":{},\"availabilityZoneIdSet\":{}}", NULL, NULL,
	  NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 20, "DescribeSnapshots",
	  "{\"snapshotSet\":{},\"ownersSet\":{\"items\":[{\"owner\":\"self\"}]},"
	  "\"restorableBySet\":{},\"filterSet\":{}}",
	  NULL, NULL, NULL, NULL },
	{ SVC_EC2, A_RO, MIX_DEFAULT, ERR_EC2, VIA_NONE, 20, "DescribeTags",
	  "{" EC2_FILTER("resource-id", "$instance") "}", NULL, NULL, NULL,
	  NULL },
	{ SVC_EC2, 0, MIX_DEFAULT, ERR_EC2, VIA_NONE, 15, "RunInstances",
	  run_instances_req, run_instances_resp, NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_DEFAULT, ERR_EC2, VIA_NONE, 10, "TerminateInstances",
	  "{" INSTANCE_SET "}", STATE_CHANGE("32", "shutting-down", "16",
	                                     "running"),
	  NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_DEFAULT, ERR_EC2, VIA_NONE, 5, "StartInstances",
	  "{" INSTANCE_SET "}", STATE_CHANGE("0", "pending", "80", "stopped"),
	  NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_DEFAULT, ERR_EC2, VIA_NONE, 5, "StopInstances",
	  "{" INSTANCE_SET ",\"force\":false}",
	  STATE_CHANGE("64", "stopping", "16", "running"), NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_DEFAULT, ERR_EC2, VIA_NONE, 30, "CreateTags",
	  "{\"resourcesSet\":{\"items\":[{\"resourceId\":\"$instance\"}]},"
	  "\"tagSet\":{\"items\":[{\"key\":\"backup\",\"value\":\"daily\"}]}}",
	  EC2_OK, NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_ONBEHALF, ERR_EC2, VIA_ENI, 10,
	  "CreateNetworkInterface",
	  "{\"subnetId\":\"$subnet\",\"description\":\"AWS Lambda VPC "
	  "ENI-$function\",\"groupSet\":{\"items\":[{\"groupId\":\"$sg\"}]},"
	  "\"privateIpAddressesSet\":{},\"ipv6AddressCount\":0}",
	  create_eni_resp, NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_ONBEHALF, ERR_EC2, VIA_ENI, 8,
	  "DeleteNetworkInterface", "{\"networkInterfaceId\":\"$eni\"}", EC2_OK,
	  NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_ADMIN, ERR_EC2, VIA_NONE, 3,
	  "AuthorizeSecurityGroupIngress",
	  "{\"groupId\":\"$sg\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":"
	  "\"tcp\",\"fromPort\":$port,\"toPort\":$port,\"groups\":{},"
	  "\"ipRanges\":{\"items\":[{\"cidrIp\":\"$cidr\"}]},\"ipv6Ranges\":{},"
	  "\"prefixListIds\":{}}]}}",
	  EC2_OK, NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_ADMIN, ERR_EC2, VIA_NONE, 1,
	  "RevokeSecurityGroupIngress",
	  "{\"groupId\":\"$sg\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":"
	  "\"tcp\",\"fromPort\":$port,\"toPort\":$port,\"groups\":{},"
	  "\"ipRanges\":{\"items\":[{\"cidrIp\":\"$cidr\"}]}}]}}",
	  EC2_OK, NULL, NULL, NULL },
	{ SVC_EC2, 0, MIX_ADMIN, ERR_EC2, VIA_NONE, 2, "CreateSecurityGroup",
	  "{\"groupName\":\"orders-api-$n\",\"groupDescription\":\"orders api\","
	  "\"vpcId\":\"$vpc\"}",
	  "{\"requestId\":\"$reqid\",\"_return\":true,\"groupId\":\"$sg\"}", NULL,
	  NULL, NULL },
	{ SVC_EC2, 0, MIX_DEFAULT, ERR_EC2, VIA_NONE, 3, "CreateSnapshot",
	  "{\"volumeId\":\"$volume\",\"description\":\"daily backup\"}",
	  "{\"requestId\":\"$reqid\",\"snapshotId\":\"$snapshot\",\"volumeId\":"
	  "\"$volume\",\"status\":\"pending\",\"startTime\":$ms,\"progress\":"
	  "\"\",\"ownerId\":\"$account\",\"volumeSize\":100,\"encrypted\":true}",
	  NULL, NULL, NULL },
	{ SVC_EC2, A_SVCEVENT | A_SHARED, MIX_NOTYPE, ERR_NONE, VIA_EC2, 3,
	  "SharedSnapshotVolumeCreated", NULL, NULL, NULL, NULL,
	  "{\"snapshotId\":\"$snapshot\"}" },

	/* IAM (global). */
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 80, "GetRole",
	  "{\"roleName\":\"$role\"}", NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 30, "ListRoles", NULL,
	  NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 20, "GetUser",
	  "{\"userName\":\"$user\"}", NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 20, "ListUsers", NULL,
	  NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 20, "GetPolicy",
	  "{\"policyArn\":\"" POLICY_ARN "\"}", NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 30, "GetPolicyVersion",
	  "{\"policyArn\":\"" POLICY_ARN "\",\"versionId\":\"v$n\"}", NULL, NULL,
	  NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 40,
	  "ListAttachedRolePolicies", "{\"roleName\":\"$role\"}", NULL, NULL,
	  NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 30, "ListRolePolicies",
	  "{\"roleName\":\"$role\"}", NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 20, "GetRolePolicy",
	  "{\"roleName\":\"$role\",\"policyName\":\"$policy\"}", NULL, NULL,
	  NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 15, "ListAccessKeys",
	  "{\"userName\":\"$user\"}", NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_DEFAULT, ERR_IAM, VIA_NONE, 5, "ListMFADevices",
	  "{\"userName\":\"$user\"}", NULL, NULL, NULL, NULL },
	{ SVC_IAM, A_RO, MIX_ADMIN, ERR_IAM, VIA_NONE, 3,
	  "GetAccountAuthorizationDetails",
	  "{\"filter\":[\"User\",\"Role\",\"Group\",\"LocalManagedPolicy\"]}",
	  NULL, NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 3, "CreateRole",
	  "{\"roleName\":\"$role\",\"assumeRolePolicyDocument\":\"$policydoc\","
	  "\"description\":\"Managed by Terraform\"}",
	  "{\"role\":{\"path\":\"/\",\"roleName\":\"$role\",\"roleId\":\"$aroa\","
	  "\"arn\":\"" ROLE_ARN "\",\"createDate\":\"$awsdate\","
	  "\"assumeRolePolicyDocument\":\"$policydoc\"}}",
	  NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 3, "AttachRolePolicy",
	  "{\"roleName\":\"$role\",\"policyArn\":"
	  "\"arn:aws:iam::aws:policy/ReadOnlyAccess\"}",
	  NULL, NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 1, "DetachRolePolicy",
	  "{\"roleName\":\"$role\",\"policyArn\":\"" POLICY_ARN "\"}", NULL,
	  NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 2, "PutRolePolicy",
	  "{\"roleName\":\"$role\",\"policyName\":\"$policy\",\"policyDocument\":"
	  "\"$policydoc\"}",
	  NULL, NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 1, "CreateUser",
	  "{\"userName\":\"$user\"}",
	  "{\"user\":{\"path\":\"/\",\"userName\":\"$user\",\"userId\":\"$aida\","
	  "\"arn\":\"arn:aws:iam::$account:user/$user\",\"createDate\":"
	  "\"$awsdate\"}}",
	  NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 2, "CreateAccessKey",
	  "{\"userName\":\"$user\"}",
	  "{\"accessKey\":{\"accessKeyId\":\"$akia\",\"status\":\"Active\","
	  "\"userName\":\"$user\",\"createDate\":\"$awsdate\"}}",
	  NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 1, "DeleteAccessKey",
	  "{\"userName\":\"$user\",\"accessKeyId\":\"$akia\"}", NULL, NULL, NULL,
	  NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 1, "CreatePolicy",
	  "{\"policyName\":\"$policy\",\"policyDocument\":\"$policydoc\"}",
	  "{\"policy\":{\"policyName\":\"$policy\",\"policyId\":\"$anpa\","
	  "\"arn\":\"" POLICY_ARN "\",\"path\":\"/\",\"defaultVersionId\":"
	  "\"v1\",\"attachmentCount\":0,\"permissionsBoundaryUsageCount\":0,"
	  "\"isAttachable\":true,\"createDate\":\"$awsdate\",\"updateDate\":"
	  "\"$awsdate\"}}",
	  NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 1, "UpdateAssumeRolePolicy",
	  "{\"roleName\":\"$role\",\"policyDocument\":\"$policydoc\"}", NULL,
	  NULL, NULL, NULL },
	{ SVC_IAM, 0, MIX_ADMIN, ERR_IAM, VIA_NONE, 1, "CreateLoginProfile",
	  "{\"userName\":\"$user\",\"passwordResetRequired\":true}",
	  "{\"loginProfile\":{\"userName\":\"$user\",\"createDate\":\"$awsdate\","
	  "\"passwordResetRequired\":true}}",
	  NULL, NULL, NULL },

	/* STS. */
	{ SVC_STS, A_RO | A_GLOBAL_EP, MIX_ASSUME, ERR_STS, VIA_ASSUME, 500,
	  "AssumeRole",
	  "{\"roleArn\":\"" ROLE_ARN "\",\"roleSessionName\":\"$session\","
	  "\"durationSeconds\":3600}",
	  "{" CREDENTIALS "," ASSUMED_USER("$session") "}", NULL,
	  RES("AWS::IAM::Role", ROLE_ARN), NULL },
	{ SVC_STS, A_RO | A_GLOBAL_EP, MIX_DEFAULT, ERR_STS, VIA_NONE, 200,
	  "GetCallerIdentity", NULL, NULL, NULL, NULL, NULL },
	{ SVC_STS, A_RO, MIX_WEBID, ERR_STS, VIA_NONE, 60,
	  "AssumeRoleWithWebIdentity",
	  "{\"roleArn\":\"" ROLE_ARN "\",\"roleSessionName\":\"$session\","
	  "\"durationSeconds\":3600}",
	  webid_resp, NULL, RES("AWS::IAM::Role", ROLE_ARN), NULL },
	{ SVC_STS, A_RO | A_GLOBAL_EP, MIX_SAML, ERR_STS, VIA_NONE, 40,
	  "AssumeRoleWithSAML",
	  "{\"sAMLAssertionID\":\"_$etag\",\"roleSessionName\":"
	  "\"$person@example.com\",\"roleArn\":\"" ROLE_ARN "\","
	  "\"principalArn\":\"arn:aws:iam::$account:saml-provider/$idp\","
	  "\"durationSeconds\":3600}",
	  saml_resp, NULL, RES("AWS::IAM::Role", ROLE_ARN), NULL },
	{ SVC_STS, A_RO | A_GLOBAL_EP, MIX_USER, ERR_STS, VIA_NONE, 15,
	  "GetSessionToken", "{\"durationSeconds\":43200}", "{" CREDENTIALS "}",
	  NULL, NULL, NULL },
	{ SVC_STS, A_RO | A_GLOBAL_EP, MIX_USER, ERR_STS, VIA_NONE, 5,
	  "GetFederationToken",
	  "{\"name\":\"$user-fed\",\"durationSeconds\":43200,\"policy\":"
	  "\"$policydoc\"}",
	  "{" CREDENTIALS ",\"federatedUser\":{\"federatedUserId\":"
	  "\"$account:$user-fed\",\"arn\":\"arn:aws:sts::$account:"
	  "federated-user/$user-fed\"},\"packedPolicySize\":4}",
	  NULL, NULL, NULL },
	{ SVC_STS, A_RO | A_GLOBAL_EP, MIX_DEFAULT, ERR_STS, VIA_NONE, 2,
	  "DecodeAuthorizationMessage", "{\"encodedMessage\":\"$encoded\"}", NULL,
	  NULL, NULL, NULL },

	/* KMS: mostly services decrypting for their callers. */
	{ SVC_KMS, A_RO, MIX_ONBEHALF, ERR_KMS, VIA_KMS, 250, "Decrypt",
	  "{\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\",\"encryptionContext\":"
	  "{\"aws:s3:arn\":\"arn:aws:s3:::$bucket/$key\"}}",
	  NULL, NULL, KMS_RES, NULL },
	{ SVC_KMS, A_RO, MIX_ONBEHALF, ERR_KMS, VIA_KMS, 300, "Decrypt",
	  "{\"encryptionContext\":{\"SecretARN\":\"" SECRET_ARN "\","
	  "\"SecretVersionId\":\"$UUID\"},\"encryptionAlgorithm\":"
	  "\"SYMMETRIC_DEFAULT\"}",
	  NULL, NULL, KMS_RES, NULL },
	{ SVC_KMS, A_RO, MIX_ONBEHALF, ERR_KMS, VIA_KMS, 300, "GenerateDataKey",
	  "{\"keyId\":\"arn:aws:kms:$region:$account:key/$kms\","
	  "\"encryptionContext\":{\"aws:s3:arn\":\"arn:aws:s3:::$bucket\"},"
	  "\"keySpec\":\"AES_256\"}",
	  NULL, NULL, KMS_RES, NULL },
	{ SVC_KMS, A_RO, MIX_DEFAULT, ERR_KMS, VIA_NONE, 40, "Encrypt",
	  "{\"keyId\":\"alias/app-data\",\"encryptionAlgorithm\":"
	  "\"SYMMETRIC_DEFAULT\"}",
	  NULL, NULL, KMS_RES, NULL },
	{ SVC_KMS, A_RO, MIX_DEFAULT, ERR_KMS, VIA_NONE, 40, "DescribeKey",
	  "{\"keyId\":\"alias/aws/s3\"}", NULL, NULL, KMS_RES, NULL },
	{ SVC_KMS, A_RO, MIX_DEFAULT, ERR_KMS, VIA_NONE, 10, "ListAliases",
	  "{\"limit\":100}", NULL, NULL, NULL, NULL },
	{ SVC_KMS, A_RO, MIX_DEFAULT, ERR_KMS, VIA_NONE, 5, "GetKeyPolicy",
	  "{\"keyId\":\"$kms\",\"policyName\":\"default\"}", NULL, NULL, KMS_RES,
	  NULL },
	{ SVC_KMS, 0, MIX_ONBEHALF, ERR_KMS, VIA_KMS, 10, "CreateGrant",
	  "{\"keyId\":\"arn:aws:kms:$region:$account:key/$kms\","
	  "\"granteePrincipal\":\"arn:aws:sts::$account:assumed-role/$role/"
	  "$session\",\"operations\":[\"Decrypt\","
	  "\"GenerateDataKeyWithoutPlaintext\"],\"constraints\":{"
	  "\"encryptionContextSubset\":{\"aws:ebs:id\":\"$volume\"}},"
	  "\"retiringPrincipal\":\"ec2.$region.amazonaws.com\"}",
	  "{\"grantId\":\"$etag$etag\",\"keyId\":"
	  "\"arn:aws:kms:$region:$account:key/$kms\"}",
	  NULL, KMS_RES, NULL },
	{ SVC_KMS, A_SVCEVENT, MIX_NOTYPE, ERR_NONE, VIA_KMS_SELF, 3, "RotateKey",
	  NULL, NULL, NULL, KMS_RES, "{\"keyId\":\"$kms\"}" },
	{ SVC_KMS, 0, MIX_ADMIN, ERR_KMS, VIA_NONE, 1, "ScheduleKeyDeletion",
	  "{\"keyId\":\"$kms\",\"pendingWindowInDays\":7}",
	  "{\"keyId\":\"arn:aws:kms:$region:$account:key/$kms\",\"deletionDate\":"
	  "\"$expires\",\"keyState\":\"PendingDeletion\","
	  "\"pendingWindowInDays\":7}",
	  NULL, KMS_RES, NULL },
	{ SVC_KMS, 0, MIX_ADMIN, ERR_KMS, VIA_NONE, 1, "DisableKey",
	  "{\"keyId\":\"$kms\"}", NULL, NULL, KMS_RES, NULL },
};

const size_t cat_ncore = COUNT(cat_apis_core);
