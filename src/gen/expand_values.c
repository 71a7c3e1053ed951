/* expand_values.c - what each template placeholder writes (the list is
 * in expand.h).  Resource names come from the catalogue's lists and from
 * stable hashes of (account, region, n), so the same few dozen instances,
 * keys and buckets recur through the trail as they do in a real one. */
#include <config.h>

#include "gen/expand_values.h"

#include <string.h>

#include "gen/civil.h"
#include "gen/expand.h"

static const char hex[] = "0123456789abcdef";
static const char HEXU[] = "0123456789ABCDEF";
static const char upper_alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64url[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Appends n characters of `alphabet` derived from v. */
static void put_chars(struct buf *out, uint64_t v, size_t n,
                      const char *alphabet, size_t alen)
{
	char tmp[1024];
	while (n) {
		size_t take = n < sizeof tmp ? n : sizeof tmp;
		fill_from(tmp, take, v, alphabet, alen);
		buf_append(out, tmp, take);
		n -= take;
		v = mix64(v + 1);
	}
}

static void put_uuid_from(struct buf *out, uint64_t v)
{
	char u[37];
	fmt_uuid(u, mix64(v), mix64(v + 1), 0);
	buf_append(out, u, 36);
}

/* A stable value for (record's account, region, salt, n). */
static uint64_t local(const struct rec *r, uint64_t salt, uint64_t n)
{
	return mix2(mix2((uint64_t)r->account * 64 + (uint64_t)r->region,
	                 salt),
	            n);
}

/* "<prefix>0" and 16 hex digits: EC2's resource IDs. */
static void put_ec2_id(struct buf *out, const char *prefix, uint64_t v)
{
	buf_puts(out, prefix);
	buf_putc(out, '0');
	put_chars(out, v, 16, hex, 16);
}

static const char *pick(enum name_kind k, uint64_t v)
{
	return cat_names[k].names[v % cat_names[k].n];
}

static const struct account *acct(const struct rec *r)
{
	return &cat_accounts[r->account];
}

/* ---- record ----------------------------------------------------------- */

void ph_account(struct rec *r, struct buf *out)
{
	buf_puts(out, acct(r)->id);
}

void ph_region(struct rec *r, struct buf *out)
{
	buf_puts(out, cat_regions[r->region].name);
}

void ph_org(struct rec *r, struct buf *out)
{
	(void)r;
	buf_puts(out, cat_org_id);
}

void ph_mgmt(struct rec *r, struct buf *out)
{
	(void)r;
	buf_puts(out, cat_accounts[ACCOUNT_MANAGEMENT].id);
}

void ph_other(struct rec *r, struct buf *out)
{
	size_t i = rec_lazy(r, LZ_OTHER) % (cat_naccounts - 1);
	if ((int)i >= r->account)
		i++;
	buf_puts(out, cat_accounts[i].id);
}

void ph_time(struct rec *r, struct buf *out)
{
	buf_puts(out, r->time);
}

void ph_date(struct rec *r, struct buf *out)
{
	buf_append(out, r->time, 10);
}

void ph_awsdate(struct rec *r, struct buf *out)
{
	char d[40];
	buf_append(out, d, (size_t)civil_aws_date(d, r->t));
}

void ph_expires(struct rec *r, struct buf *out)
{
	char d[40];
	buf_append(out, d, (size_t)civil_aws_date(d, r->t + 3600));
}

void ph_ms(struct rec *r, struct buf *out)
{
	put_u64(out, (uint64_t)r->t * 1000 + rec_lazy(r, LZ_NUMBER) % 1000);
}

void ph_event(struct rec *r, struct buf *out)
{
	buf_puts(out, r->api->name);
}

void ph_action(struct rec *r, struct buf *out)
{
	/* Lambda's event names carry the API version ("...20150331v2"); the
	 * IAM action has none. */
	const char *name = r->api->name;
	buf_puts(out, r->svc->prefix);
	buf_putc(out, ':');
	buf_append(out, name, strcspn(name, "0123456789"));
}

void ph_caller(struct rec *r, struct buf *out)
{
	if (r->actor.arn[0])
		buf_puts(out, r->actor.arn);
	else {
		PUT_LIT(out, "arn:aws:iam::");
		buf_puts(out, acct(r)->id);
		PUT_LIT(out, ":root");
	}
}

void ph_reqid(struct rec *r, struct buf *out)
{
	buf_puts(out, r->request_id);
}

void ph_uuid(struct rec *r, struct buf *out)
{
	put_uuid(out, r->rng, 0);
}

void ph_UUID(struct rec *r, struct buf *out)
{
	put_uuid(out, r->rng, 1);
}

void ph_host(struct rec *r, struct buf *out)
{
	buf_puts(out, r->host);
}

void ph_n(struct rec *r, struct buf *out)
{
	put_u64(out, 1 + (rec_lazy(r, LZ_NUMBER) >> 10) % 20);
}

void ph_count(struct rec *r, struct buf *out)
{
	put_u64(out, (rec_lazy(r, LZ_NUMBER) >> 20) % 500);
}

void ph_port(struct rec *r, struct buf *out)
{
	static const unsigned ports[] = { 22, 443, 3389, 5432, 8080, 3306 };
	put_u64(out, ports[(rec_lazy(r, LZ_NUMBER) >> 30) % 6]);
}

void ph_cidr(struct rec *r, struct buf *out)
{
	static const char *const cidrs[] = {
		"10.0.0.0/16", "0.0.0.0/0", "203.0.113.0/24",
		"198.51.100.17/32", "192.0.2.0/24", "10.20.0.0/14"
	};
	buf_puts(out, cidrs[rec_lazy(r, LZ_CIDR) % 6]);
}

/* ---- S3 --------------------------------------------------------------- */

void ph_bucket(struct rec *r, struct buf *out)
{
	buf_puts(out, acct(r)->name);
	buf_putc(out, '-');
	buf_puts(out, pick(NAMES_BUCKET_PURPOSE, rec_lazy(r, LZ_BUCKET)));
	buf_putc(out, '-');
	buf_puts(out, cat_regions[r->region].name);
}

/* A key of the pattern chosen by the bucket ('*' stands for a dated,
 * unique part), so each bucket holds one kind of object. */
static void put_key(struct rec *r, struct buf *out, enum lazy_slot slot,
                    int prefix_only)
{
	const char *pat = pick(NAMES_KEY_PREFIX, rec_lazy(r, LZ_BUCKET));
	const char *star = strchr(pat, '*');
	uint64_t v = rec_lazy(r, slot);
	buf_append(out, pat, (size_t)(star - pat));
	buf_append(out, r->time, 4);
	buf_putc(out, '/');
	buf_append(out, r->time + 5, 2);
	buf_putc(out, '/');
	if (prefix_only)
		return;
	/* Keys are from the last few days, not always today. */
	buf_append(out, r->time + 8, 2);
	buf_putc(out, '/');
	put_chars(out, v, 8, hex, 16);
	buf_putc(out, '-');
	put_chars(out, v >> 3, 4, hex, 16);
	buf_puts(out, star + 1);
}

void ph_key(struct rec *r, struct buf *out)
{
	put_key(r, out, LZ_KEY, 0);
}

void ph_key2(struct rec *r, struct buf *out)
{
	put_key(r, out, LZ_KEY2, 0);
}

void ph_keyprefix(struct rec *r, struct buf *out)
{
	put_key(r, out, LZ_KEY, 1);
}

void ph_size(struct rec *r, struct buf *out)
{
	/* Spread over six orders of magnitude, as object sizes are. */
	uint64_t v = rec_lazy(r, LZ_SIZE);
	uint64_t scale = 1ull << (8 + v % 20);
	put_u64(out, scale + (v >> 8) % scale);
}

void ph_etag(struct rec *r, struct buf *out)
{
	put_chars(out, rec_lazy(r, LZ_ETAG), 32, hex, 16);
}

void ph_amzid(struct rec *r, struct buf *out)
{
	put_chars(out, rec_lazy(r, LZ_AMZID), 75, b64, 64);
	buf_putc(out, '=');
}

void ph_upload(struct rec *r, struct buf *out)
{
	put_chars(out, rec_lazy(r, LZ_UPLOAD), 86, b64url, 64);
}

/* ---- EC2 -------------------------------------------------------------- */

void ph_instance(struct rec *r, struct buf *out)
{
	char id[24];
	fmt_instance(id, r->account, r->region, rec_lazy(r, LZ_INSTANCE));
	buf_puts(out, id);
}

void ph_ami(struct rec *r, struct buf *out)
{
	put_ec2_id(out, "ami-", local(r, 1, rec_lazy(r, LZ_AMI) % 6));
}

void ph_sg(struct rec *r, struct buf *out)
{
	put_ec2_id(out, "sg-", local(r, 2, rec_lazy(r, LZ_SG) % 12));
}

void ph_vpc(struct rec *r, struct buf *out)
{
	put_ec2_id(out, "vpc-", local(r, 3, rec_lazy(r, LZ_VPC) % 2));
}

void ph_subnet(struct rec *r, struct buf *out)
{
	put_ec2_id(out, "subnet-", local(r, 4, rec_lazy(r, LZ_SUBNET) % 6));
}

void ph_volume(struct rec *r, struct buf *out)
{
	put_ec2_id(out, "vol-", local(r, 5, rec_lazy(r, LZ_VOLUME) % 80));
}

void ph_snapshot(struct rec *r, struct buf *out)
{
	put_ec2_id(out, "snap-", local(r, 12, rec_lazy(r, LZ_VOLUME) % 80));
}

void ph_eni(struct rec *r, struct buf *out)
{
	put_ec2_id(out, "eni-", rec_lazy(r, LZ_ENI));
}

void ph_az(struct rec *r, struct buf *out)
{
	buf_puts(out, cat_regions[r->region].name);
	buf_putc(out, (char)('a' + rec_lazy(r, LZ_AZ) % 3));
}

void ph_itype(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_INSTANCE_TYPE, rec_lazy(r, LZ_ITYPE)));
}

void ph_privip(struct rec *r, struct buf *out)
{
	uint64_t v = rec_lazy(r, LZ_PRIVIP);
	PUT_LIT(out, "10.");
	put_u64(out, (uint64_t)r->account * 16 + (uint64_t)r->region % 16);
	buf_putc(out, '.');
	put_u64(out, v % 64);
	buf_putc(out, '.');
	put_u64(out, 1 + (v >> 8) % 254);
}

void ph_encoded(struct rec *r, struct buf *out)
{
	uint64_t v = rng_next(r->rng);
	put_chars(out, v, 420 + v % 200, b64url, 64);
}

/* ---- identities --------------------------------------------------------- */

/* The role a caller assumes suits the caller: a service assumes its
 * workload's role, a SAML user a permission set, a Kubernetes service
 * account an application role. */
static int wanted_use(const struct rec *r)
{
	const char *by = r->actor.invoked_by;
	switch (r->actor.kind) {
	case ID_AWSSERVICE:
		if (!strcmp(by, "ec2.amazonaws.com"))
			return ROLE_INSTANCE;
		if (!strcmp(by, "autoscaling.amazonaws.com"))
			return ROLE_SERVICE;
		return ROLE_APP;
	case ID_WEBIDENTITY: return ROLE_APP;
	case ID_SAML: return ROLE_HUMAN;
	default: return -1;
	}
}

static size_t role_index(struct rec *r)
{
	size_t n = acct(r)->nroles, i = rec_lazy(r, LZ_ROLE) % n;
	int want = wanted_use(r);
	for (size_t k = 0; k < n; k++, i = (i + 1) % n) {
		int use = cat_roles[i].use;
		if (want < 0 ? use != ROLE_SERVICE : use == want)
			return i;
	}
	return 0;
}

void ph_role(struct rec *r, struct buf *out)
{
	buf_puts(out, cat_roles[role_index(r)].name);
}

/* How a service names the sessions it starts. */
static void service_session(struct rec *r, struct buf *out, uint64_t v)
{
	const char *by = r->actor.invoked_by;
	if (!strcmp(by, "lambda.amazonaws.com"))
		buf_puts(out, pick(NAMES_FUNCTION, rec_lazy(r, LZ_FUNCTION)));
	else if (!strcmp(by, "ec2.amazonaws.com"))
		ph_instance(r, out);
	else if (!strcmp(by, "autoscaling.amazonaws.com"))
		PUT_LIT(out, "AutoScaling");
	else if (!strcmp(by, "glue.amazonaws.com"))
		PUT_LIT(out, "GlueJobRunnerSession");
	else if (!strcmp(by, "codebuild.amazonaws.com"))
	{
		PUT_LIT(out, "AWSCodeBuild-");
		put_uuid_from(out, v);
	}
	else
		put_chars(out, v, 32, hex, 16); /* an ECS task ID */
}

void ph_session(struct rec *r, struct buf *out)
{
	uint64_t v = rec_lazy(r, LZ_SESSION);
	if (r->actor.kind == ID_AWSSERVICE) {
		service_session(r, out, v);
		return;
	}
	switch (r->actor.kind == ID_WEBIDENTITY ? 1 : v % 4) {
	case 0:
		buf_puts(out, person_name(v >> 8));
		PUT_LIT(out, "@example.com");
		break;
	case 1:
		PUT_LIT(out, "botocore-session-");
		put_u64(out, (uint64_t)r->t - (v >> 20) % 600);
		break;
	case 2:
		PUT_LIT(out, "aws-go-sdk-");
		put_u64(out, (uint64_t)r->t * 1000000000ull + (v >> 8) % 1000000000);
		break;
	default:
		PUT_LIT(out, "GitHubActions");
	}
}

static void put_iam_id(struct rec *r, struct buf *out, const char *prefix,
                       uint64_t name_index)
{
	char id[24];
	fmt_iam_id(id, prefix, acct(r), name_index);
	buf_puts(out, id);
}

void ph_aroa(struct rec *r, struct buf *out)
{
	put_iam_id(r, out, "AROA", role_index(r));
}

void ph_aida(struct rec *r, struct buf *out)
{
	put_iam_id(r, out, "AIDA", rec_lazy(r, LZ_USER) % acct(r)->nusers);
}

void ph_anpa(struct rec *r, struct buf *out)
{
	put_iam_id(r, out, "ANPA", rec_lazy(r, LZ_POLICY) % cat_npolicies);
}

void ph_user(struct rec *r, struct buf *out)
{
	buf_puts(out, cat_users[rec_lazy(r, LZ_USER) % acct(r)->nusers].name);
}

void ph_person(struct rec *r, struct buf *out)
{
	buf_puts(out, person_name(rec_lazy(r, LZ_PERSON)));
}

void ph_userid(struct rec *r, struct buf *out)
{
	/* An Identity Center user ID is stable for the person. */
	char u[37];
	uint64_t p = rec_lazy(r, LZ_PERSON) % cat_npeople;
	fmt_uuid(u, mix2(p, 11), mix2(p, 12), 0);
	buf_append(out, u, 36);
}

void ph_akid(struct rec *r, struct buf *out)
{
	char id[24];
	fmt_aws_id(id, 20, "ASIA", acct(r), rec_lazy(r, LZ_AKID));
	buf_puts(out, id);
}

void ph_akia(struct rec *r, struct buf *out)
{
	char id[24];
	uint64_t u = rec_lazy(r, LZ_USER) % acct(r)->nusers;
	fmt_aws_id(id, 20, "AKIA", acct(r), mix2(u, rec_lazy(r, LZ_AKID) % 2));
	buf_puts(out, id);
}

void ph_token(struct rec *r, struct buf *out)
{
	/* Session tokens start with the same bytes: a protobuf header. */
	PUT_LIT(out, "IQoJb3JpZ2luX2VjE");
	uint64_t v = rec_lazy(r, LZ_TOKEN);
	put_chars(out, v, 300 + v % 200, b64, 64);
	if (v & 1)
		PUT_LIT(out, "==");
}

void ph_idp(struct rec *r, struct buf *out)
{
	(void)r;
	PUT_LIT(out, "Okta");
}

void ph_oidc(struct rec *r, struct buf *out)
{
	PUT_LIT(out, "oidc.eks.");
	buf_puts(out, cat_regions[r->region].name);
	PUT_LIT(out, ".amazonaws.com/id/");
	put_chars(out, local(r, 6, 0), 32, HEXU, 16);
}

void ph_k8s(struct rec *r, struct buf *out)
{
	PUT_LIT(out, "system:serviceaccount:");
	buf_puts(out, pick(NAMES_K8S_SA, rec_lazy(r, LZ_K8S)));
}

/* ---- other services ---------------------------------------------------- */

void ph_kms(struct rec *r, struct buf *out)
{
	char u[37];
	uint64_t v = rec_lazy(r, LZ_KMS) % 4;
	fmt_uuid(u, local(r, 7, v), local(r, 8, v), 0);
	buf_append(out, u, 36);
}

void ph_policy(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_POLICY, rec_lazy(r, LZ_POLICY)));
}

void ph_policydoc(struct rec *r, struct buf *out)
{
	const char *doc = cat_policies[rec_lazy(r, LZ_POLICY) % cat_npolicies];
	json_escape(out, doc, strlen(doc));
}

void ph_function(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_FUNCTION, rec_lazy(r, LZ_FUNCTION)));
}

void ph_table(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_TABLE, rec_lazy(r, LZ_TABLE)));
}

void ph_ddbkey(struct rec *r, struct buf *out)
{
	uint64_t v = rec_lazy(r, LZ_NUMBER);
	PUT_LIT(out, "{\"pk\":\"");
	buf_puts(out, pick(NAMES_TABLE, rec_lazy(r, LZ_TABLE)));
	buf_putc(out, '#');
	put_u64(out, 100000 + v % 900000);
	PUT_LIT(out, "\",\"sk\":\"v");
	put_u64(out, (v >> 24) % 8);
	PUT_LIT(out, "\"}");
}

void ph_topic(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_TOPIC, rec_lazy(r, LZ_TOPIC)));
}

void ph_queue(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_QUEUE, rec_lazy(r, LZ_QUEUE)));
}

void ph_secret(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_SECRET, rec_lazy(r, LZ_SECRET)));
}

void ph_param(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_PARAMETER, rec_lazy(r, LZ_PARAM)));
}

void ph_db(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_DB, rec_lazy(r, LZ_DB)));
}

void ph_repo(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_REPO, rec_lazy(r, LZ_REPO)));
}

void ph_loggroup(struct rec *r, struct buf *out)
{
	buf_puts(out, pick(NAMES_LOG_GROUP, rec_lazy(r, LZ_LOGGROUP)));
}

void ph_logstream(struct rec *r, struct buf *out)
{
	buf_append(out, r->time, 4);
	buf_putc(out, '/');
	buf_append(out, r->time + 5, 2);
	buf_putc(out, '/');
	buf_append(out, r->time + 8, 2);
	PUT_LIT(out, "/[$LATEST]");
	put_chars(out, rec_lazy(r, LZ_LOGSTREAM), 32, hex, 16);
}

void ph_dist(struct rec *r, struct buf *out)
{
	buf_putc(out, 'E');
	put_chars(out, local(r, 9, rec_lazy(r, LZ_DIST) % 3), 13, upper_alnum,
	          36);
}

void ph_zone(struct rec *r, struct buf *out)
{
	buf_putc(out, 'Z');
	put_chars(out, local(r, 10, rec_lazy(r, LZ_ZONE) % 2), 20,
	          upper_alnum, 36);
}

void ph_change(struct rec *r, struct buf *out)
{
	buf_putc(out, 'C');
	put_chars(out, rng_next(r->rng), 20, upper_alnum, 36);
}

void ph_trail(struct rec *r, struct buf *out)
{
	(void)r;
	PUT_LIT(out, "arn:aws:cloudtrail:");
	buf_puts(out, cat_trails[0].home_region);
	buf_putc(out, ':');
	buf_puts(out, cat_accounts[ACCOUNT_MANAGEMENT].id);
	PUT_LIT(out, ":trail/");
	buf_puts(out, cat_trails[0].name);
}

void ph_digest(struct rec *r, struct buf *out)
{
	PUT_LIT(out, "sha256:");
	put_chars(out, local(r, 11, rec_lazy(r, LZ_REPO) % 7), 64, hex, 16);
}

/* ---- console sign-in ---------------------------------------------------- */

void ph_loginresult(struct rec *r, struct buf *out)
{
	if (r->error)
		PUT_LIT(out, "Failure");
	else
		PUT_LIT(out, "Success");
}

void ph_loginextra(struct rec *r, struct buf *out)
{
	const struct actor *a = &r->actor;
	PUT_LIT(out, "{\"LoginTo\":\"https://console.aws.amazon.com/console/"
	             "home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_");
	buf_puts(out, cat_regions[r->region].name);
	buf_putc(out, '_');
	put_chars(out, rng_next(r->rng), 16, hex, 16);
	PUT_LIT(out, "\",\"MobileVersion\":\"No\",");
	if (a->kind == ID_ASSUMED) {
		PUT_LIT(out, "\"SamlProviderArn\":\"arn:aws:iam::");
		buf_puts(out, acct(r)->id);
		PUT_LIT(out, ":saml-provider/Okta\",");
	}
	if (a->mfa && !a->hidden) {
		PUT_LIT(out, "\"MFAIdentifier\":\"arn:aws:iam::");
		buf_puts(out, acct(r)->id);
		PUT_LIT(out, ":mfa/");
		if (a->kind == ID_ROOT)
			PUT_LIT(out, "root-account-mfa-device");
		else if (a->user >= 0)
			buf_puts(out, cat_users[a->user].name);
		PUT_LIT(out, "\",\"MFAUsed\":\"Yes\"}");
	} else
		PUT_LIT(out, "\"MFAUsed\":\"No\"}");
}
