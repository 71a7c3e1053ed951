/* summary.c - one line saying what an event acted on: the detail pane's
 * title ("GetObject: bucket acme-logs, object 2024/05/01/a.gz").
 *
 * CloudTrail has no single "target" field; each service names its
 * resources in requestParameters (and sometimes only in responseElements,
 * as CreateAccessKey's new key).  The table lists the places worth a
 * glance, most telling first; resources[] is the fallback.
 */
#include <config.h>

#include <string.h>

#include "ui/pure.h"
#include "util/i18n.h"

struct place {
	const char *label; /* N_() */
	const char *path;
};

static const struct place places[] = {
	{ N_("bucket"), "requestParameters.bucketName" },
	{ N_("object"), "requestParameters.key" },
	{ N_("instance"), "requestParameters.instanceId" },
	{ N_("instance"), "requestParameters.instancesSet.items.0.instanceId" },
	{ N_("instance"), "responseElements.instancesSet.items.0.instanceId" },
	{ N_("user"), "requestParameters.userName" },
	{ N_("role"), "requestParameters.roleName" },
	{ N_("role"), "requestParameters.roleArn" },
	{ N_("group"), "requestParameters.groupName" },
	{ N_("policy"), "requestParameters.policyArn" },
	{ N_("policy"), "requestParameters.policyName" },
	{ N_("access key"), "requestParameters.accessKeyId" },
	{ N_("new access key"), "responseElements.accessKey.accessKeyId" },
	{ N_("security group"), "requestParameters.groupId" },
	{ N_("trail"), "requestParameters.name" },
	{ N_("trail"), "requestParameters.trailName" },
	{ N_("KMS key"), "requestParameters.keyId" },
	{ N_("function"), "requestParameters.functionName" },
	{ N_("table"), "requestParameters.tableName" },
	{ N_("secret"), "requestParameters.secretId" },
	{ N_("topic"), "requestParameters.topicArn" },
	{ N_("queue"), "requestParameters.queueUrl" },
	{ N_("database"), "requestParameters.dBInstanceIdentifier" },
	{ N_("stack"), "requestParameters.stackName" },
	{ N_("log group"), "requestParameters.logGroupName" },
	{ N_("repository"), "requestParameters.repositoryName" },
	{ N_("cluster"), "requestParameters.clusterName" },
	{ N_("volume"), "requestParameters.volumeId" },
	{ N_("snapshot"), "requestParameters.snapshotId" },
	{ N_("parameter"), "requestParameters.name" },
};

#define MAX_ITEMS 3

void summary_line(const struct pretty *p, struct buf *out)
{
	const char *name = pretty_get(p, "eventName");
	buf_puts(out, name ? name : _("(no event name)"));
	buf_puts(out, ":");
	const char *seen[MAX_ITEMS];
	size_t n = 0;
	for (size_t i = 0; i < sizeof places / sizeof places[0] && n < MAX_ITEMS;
	     i++) {
		const char *v = pretty_get(p, places[i].path);
		if (!v || !*v)
			continue;
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup = dup || strcmp(seen[k], v) == 0;
		if (dup)
			continue;
		seen[n] = v;
		buf_printf(out, "%s %s %s", n ? "," : "",
		           _(places[i].label), v);
		n++;
	}
	if (n == 0) {
		const char *arn = pretty_get(p, "resources.0.ARN");
		if (arn)
			buf_printf(out, " %s %s", _("resource"), arn);
		else
			buf_printf(out, " %s", _("(no resource named)"));
	}
}
