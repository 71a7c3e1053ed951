/* identity.c - choosing a record's caller (see identity.h).  Writing the
 * userIdentity object is in identity_write.c. */
#include <config.h>

#include "gen/identity.h"

#include <stdio.h>
#include <string.h>

#include "gen/expand.h"

/* Bounded string building into the actor's fixed arrays. */
struct sb {
	char *p;
	size_t len, cap;
};

static void sb_puts(struct sb *s, const char *str)
{
	size_t n = strlen(str);
	if (n > s->cap - 1 - s->len)
		n = s->cap - 1 - s->len;
	memcpy(s->p + s->len, str, n);
	s->len += n;
	s->p[s->len] = '\0';
}

#define SB(arr) { (arr), 0, sizeof(arr) }

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

static const struct account *acct(const struct rec *r)
{
	return &cat_accounts[r->account];
}

static enum id_kind pick_kind(struct rec *r)
{
	const uint16_t *w = cat_id_mix[r->api->mix];
	uint32_t total = 0;
	for (int k = 0; k < ID_KIND_COUNT; k++)
		total += w[k];
	uint32_t x = rng_below(r->rng, total);
	int k = 0;
	while (x >= w[k])
		x -= w[k++];
	/* A caller that is a service needs services to be the caller. */
	if ((k == ID_ASSUMED_VIA || k == ID_AWSSERVICE || k == ID_NOTYPE) &&
	    r->api->via == VIA_NONE)
		k = ID_ASSUMED;
	return (enum id_kind)k;
}

/* A role of the account used as `instance` says (instance profile or
 * not; service-linked roles never). */
static int pick_role(struct rec *r, int instance)
{
	size_t n = acct(r)->nroles;
	for (int tries = 0; tries < 16; tries++) {
		size_t i = rng_below(r->rng, (uint32_t)n);
		int use = cat_roles[i].use;
		if (use != ROLE_SERVICE && (use == ROLE_INSTANCE) == instance)
			return (int)i;
	}
	return instance ? 2 : 0;
}

/* ---- where calls come from -------------------------------------------- */

/* A person works from a few addresses: home, office, phone. */
static void human_ip(struct rec *r, struct actor *a, uint64_t who)
{
	uint64_t h = mix2(who, rng_below(r->rng, 3));
	if (h % 10 == 0)
		snprintf(a->ip, sizeof a->ip, "2001:db8:%x:%x::%x",
		         (unsigned)(h >> 8 & 0xffff), (unsigned)(h >> 24 & 0xff),
		         (unsigned)(h >> 32 & 0xfff));
	else
		snprintf(a->ip, sizeof a->ip, "%s.%u",
		         h >> 40 & 1 ? "203.0.113" : "198.51.100",
		         (unsigned)(1 + (h >> 16) % 254));
}

/* Pipelines run on a pool of runners behind a few NAT addresses. */
static void ci_ip(struct rec *r, struct actor *a, uint64_t who)
{
	uint64_t h = mix2(who, rng_below(r->rng, 4));
	snprintf(a->ip, sizeof a->ip, "192.0.2.%u",
	         (unsigned)(10 + (h >> 16) % 24));
}

/* Workloads call from inside their VPC: a handful of hosts per account
 * and region. */
static void private_ip(struct rec *r, struct actor *a, uint64_t who)
{
	uint64_t h = mix2(who, rng_below(r->rng, 3)) % 5;
	snprintf(a->ip, sizeof a->ip, "10.%u.%u.%u",
	         (unsigned)(r->account * 16 + r->region % 16),
	         (unsigned)(h * 37 % 64), (unsigned)(11 + h * 41 % 240));
}

static const char *agent(struct rec *r, enum agent_class c, uint64_t who)
{
	const struct agent_set *s = &cat_agents[c];
	/* Mostly the caller's usual tool version, sometimes another. */
	uint64_t pick = rng_chance(r->rng, 850) ? who : rng_next(r->rng);
	return s->agents[mix64(pick) % s->n];
}

static void set_service(struct rec *r, struct actor *a)
{
	const struct name_list *via = &cat_via[r->api->via];
	a->invoked_by = via->names[rng_below(r->rng, (uint32_t)via->n)];
	snprintf(a->ip, sizeof a->ip, "%s", a->invoked_by);
	a->agent = a->invoked_by;
	a->tls = false;
}

/* ---- sessions ----------------------------------------------------------- */

static void session_name(struct rec *r, struct actor *a)
{
	const struct role *role = &cat_roles[a->role];
	struct sb s = SB(a->session);
	int64_t hour = r->t / 3600;
	char tmp[40];
	switch (role->use) {
	case ROLE_HUMAN:
		sb_puts(&s, person_name(rec_lazy(r, LZ_PERSON)));
		sb_puts(&s, "@example.com");
		break;
	case ROLE_CI:
		if (a->role == 1) {
			sb_puts(&s, "GitHubActions");
			break;
		}
		snprintf(tmp, sizeof tmp, "terraform-%lld",
		         (long long)(hour * 3600));
		sb_puts(&s, tmp);
		break;
	case ROLE_INSTANCE:
		fmt_instance(tmp, r->account, r->region,
		             rec_lazy(r, LZ_INSTANCE));
		sb_puts(&s, tmp);
		break;
	case ROLE_APP:
		/* Lambda names sessions after the function, ECS after the
		 * task. */
		if (strstr(role->name, "lambda"))
			sb_puts(&s, cat_names[NAMES_FUNCTION].names
			                    [rec_lazy(r, LZ_FUNCTION) %
			                     cat_names[NAMES_FUNCTION].n]);
		else {
			fill_from(tmp, 32, mix2((uint64_t)a->role, (uint64_t)hour),
			          "0123456789abcdef", 16);
			tmp[32] = '\0';
			sb_puts(&s, tmp);
		}
		break;
	default:
		sb_puts(&s, "AutoScaling");
	}
}

/* The session's ASIA key and creation time: the same for every call the
 * session makes in the hour. */
static void session_key(struct rec *r, struct actor *a, uint64_t who)
{
	int64_t hour = r->t / 3600;
	uint64_t h = mix2(who ^ hash_str(a->session), (uint64_t)hour);
	fmt_aws_id(a->key, 20, "ASIA", &cat_accounts[a->account], h);
	int64_t start = hour * 3600 + (int64_t)(h % 1800);
	a->session_start = start < r->t ? start : r->t;
}

static void role_arn(struct actor *a)
{
	struct sb s = SB(a->arn);
	char acct_arn[64];
	snprintf(acct_arn, sizeof acct_arn, "arn:aws:sts::%s:assumed-role/",
	         cat_accounts[a->account].id);
	sb_puts(&s, acct_arn);
	sb_puts(&s, cat_roles[a->role].name);
	sb_puts(&s, "/");
	sb_puts(&s, a->session);
}

/* How a human or workload in a role calls: console, CLI, SDK. */
static void role_client(struct rec *r, struct actor *a, uint64_t who)
{
	switch (cat_roles[a->role].use) {
	case ROLE_HUMAN:
		human_ip(r, a, rec_lazy(r, LZ_PERSON) % cat_npeople);
		a->console = rng_chance(r->rng, 400);
		a->agent = agent(r, a->console ? AGENT_CONSOLE : AGENT_CLI, who);
		a->mfa = true;
		break;
	case ROLE_CI:
		ci_ip(r, a, who);
		a->agent = agent(r, who & 1 ? AGENT_TERRAFORM : AGENT_CLI, who);
		break;
	default:
		private_ip(r, a, who);
		a->agent = agent(r, who & 2 ? AGENT_SDK : AGENT_BOTO3, who);
	}
	a->tls = !a->console;
}

static void setup_role(struct rec *r, struct actor *a, int role)
{
	a->role = role;
	session_name(r, a);
	uint64_t who = mix2((uint64_t)a->account, (uint64_t)role + 100);
	session_key(r, a, who);
	role_arn(a);
	role_client(r, a, who);
}

/* ---- the identity types ---------------------------------------------- */

static void setup_user(struct rec *r, struct actor *a)
{
	const struct account *ac = acct(r);
	a->user = (int)rng_below(r->rng, ac->nusers);
	const struct user *u = &cat_users[a->user];
	uint64_t who = mix2((uint64_t)r->account, (uint64_t)a->user);
	snprintf(a->arn, sizeof a->arn, "arn:aws:iam::%s:user/%s", ac->id,
	         u->name);
	snprintf(a->session, sizeof a->session, "%s", u->name);
	if (u->human) {
		human_ip(r, a, who);
		a->console = rng_chance(r->rng, 350);
		a->mfa = a->console;
	} else
		ci_ip(r, a, who);
	if (a->console) {
		session_key(r, a, who);
		a->agent = agent(r, AGENT_CONSOLE, who);
	} else {
		/* Long-term keys: a user has one or two. */
		fmt_aws_id(a->key, 20, "AKIA", ac,
		           mix2((uint64_t)a->user, rng_below(r->rng, 2)));
		enum agent_class c = u->human   ? AGENT_CLI
		                     : who & 1  ? AGENT_BOTO3
		                                : AGENT_TERRAFORM;
		a->agent = agent(r, c, who);
	}
	a->tls = !a->console;
}

static void setup_root(struct rec *r, struct actor *a)
{
	uint64_t who = mix2((uint64_t)r->account, 999);
	snprintf(a->arn, sizeof a->arn, "arn:aws:iam::%s:root", acct(r)->id);
	human_ip(r, a, who);
	a->console = true;
	a->mfa = rng_chance(r->rng, 800);
	snprintf(a->session, sizeof a->session, "root");
	session_key(r, a, who);
	a->agent = agent(r, AGENT_CONSOLE, who);
	a->tls = false;
}

static void setup_federated(struct rec *r, struct actor *a)
{
	const struct account *ac = acct(r);
	a->user = (int)rng_below(r->rng, ac->nusers);
	snprintf(a->session, sizeof a->session, "%s-fed",
	         cat_users[a->user].name);
	snprintf(a->arn, sizeof a->arn, "arn:aws:sts::%s:federated-user/%s",
	         ac->id, a->session);
	uint64_t who = mix2((uint64_t)r->account, (uint64_t)a->user + 50);
	session_key(r, a, who);
	ci_ip(r, a, who);
	a->agent = agent(r, AGENT_BOTO3, who);
}

/* Another account's role, reading this account's objects. */
static void setup_cross_account(struct rec *r, struct actor *a)
{
	a->account = (int)rng_below(r->rng, (uint32_t)cat_naccounts - 1);
	if (a->account >= r->account)
		a->account++;
	a->role = 3; /* an application role there */
	session_name(r, a);
	uint64_t who = mix2((uint64_t)a->account, 103);
	private_ip(r, a, who);
	a->agent = agent(r, AGENT_SDK, who);
}

/* Identities of a person signing in through a federation provider. */
static void setup_person(struct rec *r, struct actor *a)
{
	uint64_t p = rec_lazy(r, LZ_PERSON);
	human_ip(r, a, p % cat_npeople);
	a->agent = agent(r, AGENT_BROWSER, p % cat_npeople);
	snprintf(a->session, sizeof a->session, "%s", person_name(p));
	a->tls = a->kind != ID_UNKNOWN;
}

static void setup_kind(struct rec *r, struct actor *a)
{
	switch (a->kind) {
	case ID_ROOT: setup_root(r, a); break;
	case ID_IAMUSER: setup_user(r, a); break;
	case ID_ASSUMED: setup_role(r, a, pick_role(r, 0)); break;
	case ID_ASSUMED_VIA:
		setup_role(r, a, pick_role(r, 0));
		set_service(r, a);
		break;
	case ID_INSTANCE: setup_role(r, a, pick_role(r, 1)); break;
	case ID_FEDERATED: setup_federated(r, a); break;
	case ID_AWSSERVICE:
	case ID_NOTYPE: set_service(r, a); break;
	case ID_AWSACCOUNT: setup_cross_account(r, a); break;
	case ID_ANONYMOUS:
		/* A few dozen strangers on the internet. */
		human_ip(r, a, 1000 + rng_below(r->rng, 40));
		a->agent = agent(r, AGENT_BROWSER, rng_next(r->rng));
		break;
	case ID_WEBIDENTITY:
		private_ip(r, a, rec_lazy(r, LZ_K8S));
		a->agent = agent(r, AGENT_SDK, rec_lazy(r, LZ_K8S));
		break;
	default: setup_person(r, a);
	}
}

/* Console sign-ins: a browser, no access key, MFA or not. */
static void setup_signin(struct rec *r, struct actor *a)
{
	/* Programs have keys, not passwords: people sign in. */
	while (a->kind == ID_IAMUSER && !cat_users[a->user].human) {
		memset(a->arn, 0, sizeof a->arn);
		setup_user(r, a);
	}
	/* Federated console users come through a permission set. */
	if (a->kind == ID_ASSUMED && cat_roles[a->role].use != ROLE_HUMAN) {
		a->session[0] = '\0';
		setup_role(r, a, 0);
	}
	a->no_key = true;
	a->key[0] = '\0';
	a->console = false;
	a->tls = true;
	a->agent = agent(r, AGENT_BROWSER, (uint64_t)a->user + 7);
	if (a->kind == ID_IAMUSER)
		a->mfa = rng_chance(r->rng, 650);
	else if (a->kind == ID_ROOT)
		a->mfa = rng_chance(r->rng, 800);
	else
		a->mfa = false;
}

void actor_choose(struct rec *r, const struct burst *burst)
{
	struct actor *a = &r->actor;
	memset(a, 0, sizeof *a);
	a->account = r->account;
	a->user = a->role = -1;
	a->tls = true;
	if (burst) {
		a->kind = ID_ASSUMED;
		setup_role(r, a, burst->role);
		return;
	}
	a->kind = pick_kind(r);
	setup_kind(r, a);
	if (r->api->flags & A_SIGNIN)
		setup_signin(r, a);
}
