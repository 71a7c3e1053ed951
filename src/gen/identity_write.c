/* identity_write.c - the userIdentity object of each identity type, in
 * the field order AWS writes (see identity.h). */
#include <config.h>

#include "gen/identity.h"

#include "gen/civil.h"
#include "gen/expand.h"

/* Appends ,"name":"value" (no comma when first). */
static void field(struct buf *out, const char *name, const char *value,
                  int first)
{
	if (!first)
		buf_putc(out, ',');
	buf_putc(out, '"');
	buf_puts(out, name);
	PUT_LIT(out, "\":\"");
	buf_puts(out, value);
	buf_putc(out, '"');
}

static const struct account *acct_of(const struct actor *a)
{
	return &cat_accounts[a->account];
}

static void attributes(struct buf *out, const struct actor *a)
{
	char created[24];
	civil_iso(created, a->session_start);
	PUT_LIT(out, "\"attributes\":{\"creationDate\":\"");
	buf_puts(out, created);
	PUT_LIT(out, "\",\"mfaAuthenticated\":\"");
	if (a->mfa)
		PUT_LIT(out, "true\"}");
	else
		PUT_LIT(out, "false\"}");
}

static void role_issuer(struct buf *out, const struct actor *a)
{
	const struct role *role = &cat_roles[a->role];
	char id[24];
	fmt_iam_id(id, "AROA", acct_of(a), (uint64_t)a->role);
	PUT_LIT(out, "\"sessionIssuer\":{\"type\":\"Role\"");
	field(out, "principalId", id, 0);
	PUT_LIT(out, ",\"arn\":\"arn:aws:iam::");
	buf_puts(out, acct_of(a)->id);
	PUT_LIT(out, ":role");
	buf_puts(out, role->path);
	buf_puts(out, role->name);
	buf_putc(out, '"');
	field(out, "accountId", acct_of(a)->id, 0);
	field(out, "userName", role->name, 0);
	buf_putc(out, '}');
}

static void user_issuer(struct buf *out, const struct actor *a)
{
	const char *name = cat_users[a->user].name;
	char id[24];
	fmt_iam_id(id, "AIDA", acct_of(a), (uint64_t)a->user);
	PUT_LIT(out, "\"sessionIssuer\":{\"type\":\"IAMUser\"");
	field(out, "principalId", id, 0);
	PUT_LIT(out, ",\"arn\":\"arn:aws:iam::");
	buf_puts(out, acct_of(a)->id);
	PUT_LIT(out, ":user/");
	buf_puts(out, name);
	buf_putc(out, '"');
	field(out, "accountId", acct_of(a)->id, 0);
	field(out, "userName", name, 0);
	buf_putc(out, '}');
}

/* ,"sessionContext":{...}: issuer "role", "user" or none ({}). */
static void session_context(struct buf *out, const struct actor *a,
                            char issuer)
{
	PUT_LIT(out, ",\"sessionContext\":{");
	if (issuer == 'r')
		role_issuer(out, a);
	else if (issuer == 'u')
		user_issuer(out, a);
	else
		PUT_LIT(out, "\"sessionIssuer\":{}");
	PUT_LIT(out, ",\"webIdFederationData\":{},");
	attributes(out, a);
	if (a->kind == ID_INSTANCE)
		PUT_LIT(out, ",\"ec2RoleDelivery\":\"2.0\"");
	buf_putc(out, '}');
}

/* ,"accessKeyId":"..." unless a sign-in has none. */
static void access_key(struct buf *out, const struct actor *a)
{
	if (!a->no_key)
		field(out, "accessKeyId", a->key, 0);
}

static void write_user(struct buf *out, const struct actor *a, bool failed)
{
	const char *name = a->user_name ? a->user_name : cat_users[a->user].name;
	PUT_LIT(out, "{\"type\":\"IAMUser\"");
	if (a->hidden) {
		field(out, "accountId", acct_of(a)->id, 0);
		PUT_LIT(out, ",\"accessKeyId\":\"\",\"userName\":"
		             "\"HIDDEN_DUE_TO_SECURITY_REASONS\"}");
		return;
	}
	char id[24];
	fmt_iam_id(id, "AIDA", acct_of(a), (uint64_t)a->user);
	field(out, "principalId", id, 0);
	if (!failed)
		field(out, "arn", a->arn, 0);
	field(out, "accountId", acct_of(a)->id, 0);
	if (failed)
		PUT_LIT(out, ",\"accessKeyId\":\"\"");
	else
		access_key(out, a);
	field(out, "userName", name, 0);
	if (a->console && !a->no_key)
		session_context(out, a, 0);
	buf_putc(out, '}');
}

static void write_root(struct buf *out, const struct actor *a)
{
	PUT_LIT(out, "{\"type\":\"Root\"");
	field(out, "principalId", acct_of(a)->id, 0);
	field(out, "arn", a->arn, 0);
	field(out, "accountId", acct_of(a)->id, 0);
	if (a->no_key) {
		PUT_LIT(out, ",\"accessKeyId\":\"\"}");
		return;
	}
	field(out, "accessKeyId", a->key, 0);
	session_context(out, a, 0);
	buf_putc(out, '}');
}

static void write_role(struct buf *out, const struct actor *a)
{
	char id[24];
	fmt_iam_id(id, "AROA", acct_of(a), (uint64_t)a->role);
	PUT_LIT(out, "{\"type\":\"AssumedRole\",\"principalId\":\"");
	buf_puts(out, id);
	buf_putc(out, ':');
	buf_puts(out, a->session);
	buf_putc(out, '"');
	field(out, "arn", a->arn, 0);
	field(out, "accountId", acct_of(a)->id, 0);
	access_key(out, a);
	session_context(out, a, 'r');
	if (a->invoked_by)
		field(out, "invokedBy", a->invoked_by, 0);
	buf_putc(out, '}');
}

static void write_federated(struct buf *out, const struct actor *a)
{
	PUT_LIT(out, "{\"type\":\"FederatedUser\",\"principalId\":\"");
	buf_puts(out, acct_of(a)->id);
	buf_putc(out, ':');
	buf_puts(out, a->session);
	buf_putc(out, '"');
	field(out, "arn", a->arn, 0);
	field(out, "accountId", acct_of(a)->id, 0);
	field(out, "accessKeyId", a->key, 0);
	session_context(out, a, 'u');
	buf_putc(out, '}');
}

static void write_cross_account(struct buf *out, const struct actor *a)
{
	char id[24];
	fmt_iam_id(id, "AROA", acct_of(a), (uint64_t)a->role);
	PUT_LIT(out, "{\"type\":\"AWSAccount\",\"principalId\":\"");
	buf_puts(out, id);
	buf_putc(out, ':');
	buf_puts(out, a->session);
	buf_putc(out, '"');
	field(out, "accountId", acct_of(a)->id, 0);
	buf_putc(out, '}');
}

/* Identities whose fields are record resources too ($k8s, $person):
 * written through the template expander so both agree. */
static const char saml_identity[] =
	"{\"type\":\"SAMLUser\",\"principalId\":\"SbdGOnUkh1i4+EXAMPLExL/jEvs=:"
	"$person@example.com\",\"userName\":\"$person@example.com\","
	"\"identityProvider\":\"SbdGOnUkh1i4+EXAMPLExL/jEvs=\"}";
static const char webid_identity[] =
	"{\"type\":\"WebIdentityUser\",\"principalId\":\"arn:aws:iam::$account:"
	"oidc-provider/$oidc:sts.amazonaws.com:$k8s\",\"userName\":\"$k8s\","
	"\"identityProvider\":\"arn:aws:iam::$account:oidc-provider/$oidc\"}";
static const char idc_identity[] =
	"{\"type\":\"IdentityCenterUser\",\"accountId\":\"$account\","
	"\"onBehalfOf\":{\"userId\":\"$userid\",\"identityStoreArn\":"
	"\"arn:aws:identitystore::$mgmt:identitystore/d-9067a1b2c3\"},"
	"\"credentialId\":\"$etag\"}";
static const char unknown_identity[] =
	"{\"type\":\"Unknown\",\"principalId\":\"$account\",\"arn\":\"\","
	"\"accountId\":\"$account\",\"accessKeyId\":\"\",\"userName\":"
	"\"$person\"}";

static void write_templated(struct rec *r, struct buf *out)
{
	switch (r->actor.kind) {
	case ID_SAML: expand(r, out, saml_identity); break;
	case ID_WEBIDENTITY: expand(r, out, webid_identity); break;
	case ID_IDCENTER: expand(r, out, idc_identity); break;
	default: expand(r, out, unknown_identity);
	}
}

void actor_write(struct rec *r, struct buf *out)
{
	const struct actor *a = &r->actor;
	PUT_LIT(out, "\"userIdentity\":");
	switch (a->kind) {
	case ID_ROOT: write_root(out, a); break;
	case ID_IAMUSER: write_user(out, a, r->error != NULL &&
	                                    (r->api->flags & A_SIGNIN)); break;
	case ID_ASSUMED:
	case ID_ASSUMED_VIA:
	case ID_INSTANCE: write_role(out, a); break;
	case ID_FEDERATED: write_federated(out, a); break;
	case ID_AWSSERVICE:
		PUT_LIT(out, "{\"type\":\"AWSService\"");
		field(out, "invokedBy", a->invoked_by, 0);
		buf_putc(out, '}');
		break;
	case ID_NOTYPE:
		/* As AWS writes some service events: no type at all. */
		buf_putc(out, '{');
		field(out, "accountId", acct_of(a)->id, 1);
		field(out, "invokedBy", a->invoked_by, 0);
		buf_putc(out, '}');
		break;
	case ID_AWSACCOUNT: write_cross_account(out, a); break;
	case ID_ANONYMOUS:
		PUT_LIT(out, "{\"type\":\"AWSAccount\",\"principalId\":\"\","
		             "\"accountId\":\"ANONYMOUS_PRINCIPAL\"}");
		break;
	default: write_templated(r, out);
	}
	buf_putc(out, ',');
}
