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

/* v[0..len) with each NUL as C0 80, which the drawing shows as \x00 as it
 * does in the list (model/event.h): the rest of the value is not lost. */
static void put_value(struct buf *out, const char *v, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (v[i])
			buf_putc(out, v[i]);
		else
			buf_puts(out, "\xc0\x80");
	}
}

void summary_line(const struct pretty *p, struct buf *out)
{
	size_t len;
	const char *name = pretty_get_len(p, "eventName", &len);
	if (name)
		put_value(out, name, len);
	else
		buf_puts(out, _("(no event name)"));
	buf_puts(out, ":");
	const char *seen[MAX_ITEMS];
	size_t seen_len[MAX_ITEMS];
	size_t n = 0;
	for (size_t i = 0; i < sizeof places / sizeof places[0] && n < MAX_ITEMS;
	     i++) {
		const char *v = pretty_get_len(p, places[i].path, &len);
		if (!v || !len)
			continue;
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup = dup || (seen_len[k] == len &&
			              memcmp(seen[k], v, len) == 0);
		if (dup)
			continue;
		seen[n] = v;
		seen_len[n] = len;
		buf_printf(out, "%s %s ", n ? "," : "", _(places[i].label));
		put_value(out, v, len);
		n++;
	}
	if (n == 0) {
		const char *arn = pretty_get_len(p, "resources.0.ARN", &len);
		if (arn) {
			buf_printf(out, " %s ", _("resource"));
			put_value(out, arn, len);
		} else {
			buf_printf(out, " %s", _("(no resource named)"));
		}
	}
}
