/* expand.c - filling templates (see expand.h).  Placeholders that need
 * more than a line or two live in expand_values.c. */
#include <config.h>

#include "gen/expand.h"

#include <string.h>

#include "gen/civil.h"
#include "gen/expand_values.h"

static const char hexdigits[] = "0123456789abcdef";
static const char HEXDIGITS[] = "0123456789ABCDEF";

void put_u64(struct buf *out, uint64_t v)
{
	char tmp[24];
	int i = 24;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_append(out, tmp + i, (size_t)(24 - i));
}

void fmt_uuid(char out[37], uint64_t hi, uint64_t lo, int upper)
{
	const char *digits = upper ? HEXDIGITS : hexdigits;
	/* Version 4, variant 10xx: the shape of AWS's event IDs. */
	hi = (hi & ~0xf000ull) | 0x4000ull;
	lo = (lo & ~(3ull << 62)) | (2ull << 62);
	char *p = out;
	for (int i = 0; i < 32; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			*p++ = '-';
		uint64_t w = i < 16 ? hi : lo;
		*p++ = digits[(w >> (60 - 4 * (i % 16))) & 15];
	}
	*p = '\0';
}

void put_uuid(struct buf *out, struct rng *rng, int upper)
{
	char u[37];
	uint64_t hi = rng_next(rng);
	fmt_uuid(u, hi, rng_next(rng), upper);
	buf_append(out, u, 36);
}

void json_escape(struct buf *out, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_append(out, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': PUT_LIT(out, "\\\""); break;
		case '\\': PUT_LIT(out, "\\\\"); break;
		case '\n': PUT_LIT(out, "\\n"); break;
		case '\t': PUT_LIT(out, "\\t"); break;
		case '\r': PUT_LIT(out, "\\r"); break;
		default: {
			char u[6] = { '\\', 'u', '0', '0', hexdigits[c >> 4],
				      hexdigits[c & 15] };
			buf_append(out, u, 6);
		}
		}
	}
	buf_append(out, s + run, n - run);
}

const char *person_name(uint64_t v)
{
	return cat_people[v % cat_npeople];
}

void fmt_aws_id(char *out, size_t len, const char *prefix,
                const struct account *a, uint64_t v)
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	size_t p = strlen(prefix);
	memcpy(out, prefix, p);
	memcpy(out + p, a->tag, 8);
	fill_from(out + p + 8, len - p - 8, mix64(v), b32, 32);
	out[len] = '\0';
}

void fmt_iam_id(char out[24], const char *prefix, const struct account *a,
                uint64_t index)
{
	fmt_aws_id(out, 21, prefix, a, mix2(index, (uint64_t)prefix[1]));
}

void fmt_instance(char out[24], int account, int region, uint64_t v)
{
	/* Forty instances per account and region, so the same IDs recur. */
	uint64_t h = mix2((uint64_t)account * 131 + (uint64_t)region,
	                  v % 40);
	memcpy(out, "i-0", 3);
	fill_from(out + 3, 16, h, hexdigits, 16);
	out[19] = '\0';
}

/* ---- placeholder dispatch -------------------------------------------- */

typedef void (*fill_fn)(struct rec *r, struct buf *out);

struct placeholder {
	const char *name;
	fill_fn fill;
};

/* Sorted by name (strcmp order) for the binary search. */
static const struct placeholder placeholders[] = {
	{ "UUID", ph_UUID },           { "account", ph_account },
	{ "action", ph_action },       { "aida", ph_aida },
	{ "akia", ph_akia },           { "akid", ph_akid },
	{ "ami", ph_ami },             { "amzid", ph_amzid },
	{ "anpa", ph_anpa },           { "aroa", ph_aroa },
	{ "awsdate", ph_awsdate },
	{ "az", ph_az },               { "bucket", ph_bucket },
	{ "caller", ph_caller },       { "change", ph_change },
	{ "cidr", ph_cidr },           { "count", ph_count },
	{ "date", ph_date },           { "db", ph_db },
	{ "ddbkey", ph_ddbkey },       { "digest", ph_digest },
	{ "dist", ph_dist },           { "encoded", ph_encoded },
	{ "eni", ph_eni },             { "etag", ph_etag },
	{ "event", ph_event },         { "expires", ph_expires },
	{ "function", ph_function },   { "host", ph_host },
	{ "idp", ph_idp },             { "instance", ph_instance },
	{ "itype", ph_itype },         { "k8s", ph_k8s },
	{ "key", ph_key },             { "key2", ph_key2 },
	{ "keyprefix", ph_keyprefix }, { "kms", ph_kms },
	{ "loggroup", ph_loggroup },   { "loginextra", ph_loginextra },
	{ "loginresult", ph_loginresult }, { "logstream", ph_logstream },
	{ "mgmt", ph_mgmt },           { "ms", ph_ms },
	{ "n", ph_n },                 { "oidc", ph_oidc },
	{ "org", ph_org },             { "other", ph_other },
	{ "param", ph_param },         { "person", ph_person },
	{ "policy", ph_policy },       { "policydoc", ph_policydoc },
	{ "port", ph_port },           { "privip", ph_privip },
	{ "queue", ph_queue },         { "region", ph_region },
	{ "repo", ph_repo },           { "reqid", ph_reqid },
	{ "role", ph_role },           { "secret", ph_secret },
	{ "session", ph_session },     { "sg", ph_sg },
	{ "size", ph_size },           { "snapshot", ph_snapshot },
	{ "subnet", ph_subnet },
	{ "table", ph_table },         { "time", ph_time },
	{ "token", ph_token },         { "topic", ph_topic },
	{ "trail", ph_trail },         { "upload", ph_upload },
	{ "user", ph_user },           { "userid", ph_userid },
	{ "uuid", ph_uuid },           { "volume", ph_volume },
	{ "vpc", ph_vpc },             { "zone", ph_zone },
};

#define NPLACEHOLDERS (sizeof placeholders / sizeof placeholders[0])

static fill_fn find_fill(const char *name, size_t n)
{
	size_t lo = 0, hi = NPLACEHOLDERS;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *m = placeholders[mid].name;
		int c = strncmp(m, name, n);
		if (c == 0 && m[n] != '\0')
			c = 1; /* m is longer: it sorts after name */
		if (c == 0)
			return placeholders[mid].fill;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Fills the placeholder starting after the '$' at p; returns the text
 * after it. */
static const char *fill_one(struct rec *r, struct buf *out, const char *p)
{
	if (*p == '$') {
		buf_putc(out, '$');
		return p + 1;
	}
	int braced = *p == '{';
	const char *name = p + braced, *end = name;
	while (is_name_char(*end))
		end++;
	fill_fn fill = find_fill(name, (size_t)(end - name));
	if (fill)
		fill(r, out);
	else {
		PUT_LIT(out, "$?");
		buf_append(out, name, (size_t)(end - name));
	}
	return end + (braced && *end == '}');
}

void expand(struct rec *r, struct buf *out, const char *tmpl)
{
	const char *p = tmpl;
	for (;;) {
		const char *d = strchr(p, '$');
		if (!d) {
			buf_puts(out, p);
			return;
		}
		buf_append(out, p, (size_t)(d - p));
		p = fill_one(r, out, d + 1);
	}
}
