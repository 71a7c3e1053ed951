/* test_generate.c - `trailnav generate`: small trails written to a
 * temporary directory and read back with zlib and jansson, independently
 * of the generator: layout and names, records, the org/account
 * duplicates, the mix, Insights, digests and their hashes, determinism,
 * and the command line's errors and exit statuses. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <jansson.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cli/cli.h"
#include "gen/generate.h"
#include "gen/sha256.h"

#define N_EVENTS 5000
#define START "2024-05-01T00:00:00Z"

enum kind { K_LOG, K_INSIGHT, K_DIGEST };

struct file {
	char *rel;   /* path under the trail's directory */
	enum kind kind;
	json_t *json;
	char sha[65]; /* of the uncompressed bytes */
};

/* The group's fixture: a trail of N_EVENTS (seed 1) read back. */
struct trail {
	char tmp[64];  /* the temporary directory of the whole group */
	char dir[128]; /* the trail, under it */
	struct file *files; /* sorted by path */
	size_t n, cap;
	int64_t start, end;
};

/* ---- reading a trail back ------------------------------------------- */

static char *gunzip_file(const char *path, size_t *len)
{
	gzFile f = gzopen(path, "rb");
	assert_non_null(f);
	size_t cap = 1 << 16, n = 0;
	char *data = malloc(cap);
	assert_non_null(data);
	int got;
	while ((got = gzread(f, data + n, (unsigned)(cap - n))) > 0) {
		n += (size_t)got;
		if (n == cap) {
			data = realloc(data, cap *= 2);
			assert_non_null(data);
		}
	}
	assert_int_equal(got, 0);
	assert_int_equal(gzclose(f), Z_OK);
	*len = n;
	return data;
}

static void add_file(struct trail *t, const char rel[1024])
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1024;
		t->files = realloc(t->files, t->cap * sizeof *t->files);
		assert_non_null(t->files);
	}
	struct file *f = &t->files[t->n++];
	memset(f, 0, sizeof *f);
	f->rel = strdup(rel);
	assert_non_null(f->rel);
	f->kind = strstr(rel, "/CloudTrail-Digest/")    ? K_DIGEST
	          : strstr(rel, "/CloudTrail-Insight/") ? K_INSIGHT
	                                                : K_LOG;
	char path[1536];
	snprintf(path, sizeof path, "%s/%s", t->dir, rel);
	size_t len;
	char *data = gunzip_file(path, &len);
	json_error_t err;
	f->json = json_loadb(data, len, 0, &err);
	if (!f->json)
		fail_msg("%s: %s", rel, err.text);
	sha256_hex(data, len, f->sha);
	free(data);
}

/* Every file under dir/sub, recursively (not following links). */
static void walk(struct trail *t, const char *sub)
{
	char path[1536];
	snprintf(path, sizeof path, "%s/%s", t->dir, sub);
	DIR *d = opendir(path);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char rel[1024];
		if (snprintf(rel, sizeof rel, "%s%s%s", sub, *sub ? "/" : "",
		             e->d_name) >= (int)sizeof rel)
			fail_msg("path too long under %s", sub);
		snprintf(path, sizeof path, "%s/%s", t->dir, rel);
		struct stat st;
		assert_int_equal(lstat(path, &st), 0);
		if (S_ISDIR(st.st_mode))
			walk(t, rel);
		else
			add_file(t, rel);
	}
	closedir(d);
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->rel,
	              ((const struct file *)b)->rel);
}

static int group_setup(void **state)
{
	struct trail *t = calloc(1, sizeof *t);
	assert_non_null(t);
	snprintf(t->tmp, sizeof t->tmp, "/tmp/trailnav-gen-XXXXXX");
	assert_non_null(mkdtemp(t->tmp));
	snprintf(t->dir, sizeof t->dir, "%s/main", t->tmp);
	struct gen_options o = { .events = N_EVENTS, .seed = 1, .dir = t->dir };
	assert_int_equal(gen_parse_time(START, &o.start), 0);
	struct gen_summary sum;
	char err[512];
	if (gen_run(&o, &sum, err, sizeof err) < 0)
		fail_msg("gen_run: %s", err);
	assert_int_equal(sum.events, N_EVENTS);
	t->start = o.start;
	t->end = o.start + gen_span(N_EVENTS);
	walk(t, "");
	qsort(t->files, t->n, sizeof *t->files, file_cmp);
	*state = t;
	return 0;
}

static int group_teardown(void **state)
{
	struct trail *t = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->tmp);
	int rc = system(cmd);
	for (size_t i = 0; i < t->n; i++) {
		free(t->files[i].rel);
		json_decref(t->files[i].json);
	}
	free(t->files);
	free(t);
	return rc == 0 ? 0 : -1;
}

/* ---- helpers on records ---------------------------------------------- */

static const char *str(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static int64_t parse_time(const char *s)
{
	int64_t t = 0;
	if (!s || gen_parse_time(s, &t) < 0)
		fail_msg("bad time '%s'", s ? s : "(null)");
	return t;
}

/* Calls fn on every record of every log and Insights file. */
static void each_record(const struct trail *t,
                        void (*fn)(const struct file *f, json_t *r, void *ctx),
                        void *ctx)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct file *f = &t->files[i];
		if (f->kind == K_DIGEST)
			continue;
		json_t *records = json_object_get(f->json, "Records");
		assert_true(json_is_array(records));
		assert_int_equal(json_object_size(f->json), 1);
		size_t k;
		json_t *r;
		json_array_foreach(records, k, r) fn(f, r, ctx);
	}
}

/* ---- the tests -------------------------------------------------------- */

static void test_sha256_fips_vectors(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "abc", "ba7816bf8f01cfea414140de5dae2223"
		         "b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039"
		  "a33ce45964ff2167f6ecedd419db06c1" },
		{ "", "e3b0c44298fc1c149afbf4c8996fb924"
		      "27ae41e4649b934ca495991b7852b855" },
	};
	char hex[65];
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		sha256_hex(v[i].in, strlen(v[i].in), hex);
		assert_string_equal(hex, v[i].out);
	}
	/* A million 'a', fed in uneven pieces across block boundaries. */
	struct sha256 c;
	unsigned char d[32];
	char a[1000];
	memset(a, 'a', sizeof a);
	sha256_init(&c);
	for (size_t done = 0, step = 1; done < 1000000;
	     done += step, step = step % 997 + 1)
		sha256_update(&c, a,
		              done + step > 1000000 ? 1000000 - done : step);
	sha256_final(&c, d);
	static const unsigned char want[32] = {
		0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7,
		0xe2, 0x84, 0xd7, 0x3e, 0x67, 0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97,
		0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0
	};
	assert_memory_equal(d, want, 32);
}

static void test_parse_time(void **state)
{
	(void)state;
	static const char *const good[] = {
		"2024-05-01", "2024-05-01T08:00", "2024-05-01T08:00:00Z",
		"2024-05-01 08:00:00", "2024-02-29T23:59:59z",
	};
	static const char *const bad[] = {
		"", "yesterday", "2024-13-01", "2023-02-29", "2024-05-01T24:00",
		"2024-05-01T08:00:00+02:00", "2024-5-1", "1969-12-31",
		"2024-05-01T08", "2024-05-01Tx",
	};
	int64_t t;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (gen_parse_time(good[i], &t) != 0)
			fail_msg("'%s' refused", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (gen_parse_time(bad[i], &t) == 0)
			fail_msg("'%s' accepted", bad[i]);
	assert_int_equal(gen_parse_time("2024-05-01T08:30:15Z", &t), 0);
	assert_int_equal(t, 1714552215);
	char out[24];
	gen_format_time(out, t);
	assert_string_equal(out, "2024-05-01T08:30:15Z");
	assert_int_equal(gen_span(1), 86400);
	assert_int_equal(gen_span(2500000), 3 * 86400);
}

/* The parts of a log or Insights file's key. */
static const char log_re[] =
	"^AWSLogs/(o-[a-z0-9]{10}/)?([0-9]{12})/(CloudTrail|CloudTrail-Insight)/"
	"([a-z0-9-]+)/([0-9]{4})/([0-9]{2})/([0-9]{2})/([0-9]{12})_"
	"(CloudTrail|CloudTrail-Insight)_([a-z0-9-]+)_([0-9]{8})T([0-9]{2})"
	"([0-9]{2})Z_[A-Za-z0-9]{16}\\.json\\.gz$";
static const char digest_re[] =
	"^AWSLogs/(o-[a-z0-9]{10}/)?([0-9]{12})/CloudTrail-Digest/([a-z0-9-]+)/"
	"([0-9]{4})/([0-9]{2})/([0-9]{2})/([0-9]{12})_CloudTrail-Digest_"
	"([a-z0-9-]+)_([A-Za-z0-9.-]+)_([a-z0-9-]+)_([0-9]{8})T([0-9]{6})Z"
	"\\.json\\.gz$";

static char *group(const char *s, const regmatch_t *m, int i, char *out)
{
	int n = (int)(m[i].rm_eo - m[i].rm_so);
	memcpy(out, s + m[i].rm_so, (size_t)n);
	out[n] = '\0';
	return out;
}

/* The newest eventTime in a file. */
static int64_t newest_record(const struct file *f)
{
	int64_t newest = 0;
	size_t k;
	json_t *r;
	json_array_foreach(json_object_get(f->json, "Records"), k, r)
	{
		int64_t t = parse_time(str(r, "eventTime"));
		newest = t > newest ? t : newest;
	}
	return newest;
}

static void check_log_name(const struct file *f, const regmatch_t *m,
                           int counts[4])
{
	char a[64], b[64], ymd[200], stamp[16], hh[4], mm[4], t[64];
	const char *s = f->rel;
	/* Account, folder and region repeat in the name; the folders are the
	 * delivery date. */
	assert_string_equal(group(s, m, 2, a), group(s, m, 8, b));
	assert_string_equal(group(s, m, 3, a), group(s, m, 9, b));
	assert_string_equal(group(s, m, 4, a), group(s, m, 10, b));
	snprintf(ymd, sizeof ymd, "%s%s%s", group(s, m, 5, a),
	         group(s, m, 6, b), group(s, m, 7, t));
	assert_string_equal(ymd, group(s, m, 11, stamp));
	snprintf(t, sizeof t, "%.4s-%.2s-%.2sT%s:%s:00Z", stamp, stamp + 4,
	         stamp + 6, group(s, m, 12, hh), group(s, m, 13, mm));
	int64_t delivered = parse_time(t), newest = newest_record(f);
	/* Delivered a few minutes after the newest record. */
	assert_true(delivered > newest);
	if (f->kind == K_LOG)
		assert_true(delivered <= newest + 600);
	counts[f->kind == K_INSIGHT ? 2 : m[1].rm_so >= 0 ? 0 : 1]++;
}

static void test_layout_and_names(void **state)
{
	struct trail *t = *state;
	regex_t lre, dre;
	assert_int_equal(regcomp(&lre, log_re, REG_EXTENDED), 0);
	assert_int_equal(regcomp(&dre, digest_re, REG_EXTENDED), 0);
	int counts[4] = { 0 }; /* org logs, account logs, Insights, digests */
	for (size_t i = 0; i < t->n; i++) {
		const struct file *f = &t->files[i];
		regmatch_t m[16];
		if (f->kind == K_DIGEST) {
			if (regexec(&dre, f->rel, 16, m, 0) != 0)
				fail_msg("not a digest key: %s", f->rel);
			char a[64], b[64];
			assert_string_equal(group(f->rel, m, 2, a),
			                    group(f->rel, m, 7, b));
			assert_string_equal(group(f->rel, m, 3, a),
			                    group(f->rel, m, 8, b));
			counts[3]++;
		} else if (regexec(&lre, f->rel, 16, m, 0) == 0)
			check_log_name(f, m, counts);
		else
			fail_msg("not a log key: %s", f->rel);
	}
	regfree(&lre);
	regfree(&dre);
	for (int k = 0; k < 4; k++)
		if (counts[k] == 0)
			fail_msg("no files of kind %d", k);
}

struct tally {
	const struct trail *t;
	size_t records, errors, old, insights, no_type;
	size_t cat_mgmt, cat_data, s3_objects;
	char types[16][24];
	size_t ntypes;
};

static void note_type(struct tally *y, const char *type)
{
	for (size_t i = 0; i < y->ntypes; i++)
		if (!strcmp(y->types[i], type))
			return;
	assert_true(y->ntypes < 16);
	snprintf(y->types[y->ntypes++], sizeof y->types[0], "%s", type);
}

/* Global services are recorded in us-east-1; a console sign-in where
 * docs/cloudtrail-format.md says it can be. */
static void check_region(json_t *r)
{
	static const char *const global[] = {
		"iam.amazonaws.com", "cloudfront.amazonaws.com",
		"organizations.amazonaws.com", "route53.amazonaws.com",
	};
	const char *src = str(r, "eventSource"), *region = str(r, "awsRegion");
	const char *host = str(json_object_get(r, "tlsDetails"),
	                       "clientProvidedHostHeader");
	for (size_t i = 0; i < sizeof global / sizeof global[0]; i++)
		if (!strcmp(src, global[i]))
			assert_string_equal(region, "us-east-1");
	if (!strcmp(src, "sts.amazonaws.com") && host &&
	    !strcmp(host, "sts.amazonaws.com"))
		assert_string_equal(region, "us-east-1");
	if (strcmp(str(r, "eventName"), "ConsoleLogin") != 0)
		return;
	char regional[96];
	snprintf(regional, sizeof regional, "%s.signin.aws.amazon.com", region);
	if (!strstr("us-east-1 us-east-2 us-west-2 eu-north-1 ap-southeast-2",
	            region) &&
	    !(host && !strcmp(host, regional)))
		fail_msg("ConsoleLogin recorded in %s", region);
}

static void check_insight(struct tally *y, json_t *r)
{
	y->insights++;
	assert_null(json_object_get(r, "userIdentity"));
	assert_null(json_object_get(r, "eventSource"));
	assert_string_equal(str(r, "eventCategory"), "Insight");
	json_t *d = json_object_get(r, "insightDetails");
	assert_non_null(str(d, "eventSource"));
	assert_non_null(str(d, "eventName"));
	assert_non_null(str(r, "sharedEventID"));
	assert_non_null(json_object_get(json_object_get(d, "insightContext"),
	                                "statistics"));
}

static void check_category(struct tally *y, json_t *r)
{
	const char *v = str(r, "eventVersion"), *cat = str(r, "eventCategory");
	json_t *mgmt = json_object_get(r, "managementEvent");
	if (strcmp(v, "1.06") < 0) {
		/* Old-style records predate both fields. */
		y->old++;
		assert_null(cat);
		assert_null(mgmt);
		return;
	}
	assert_true(strcmp(v, "1.08") >= 0 && strcmp(v, "1.11") <= 0);
	assert_non_null(cat);
	assert_true(json_is_boolean(mgmt));
	if (!strcmp(cat, "Data")) {
		y->cat_data++;
		assert_true(json_is_false(mgmt));
	} else {
		assert_string_equal(cat, "Management");
		y->cat_mgmt++;
		assert_true(json_is_true(mgmt));
	}
}

/* S3 object events name the object and its bucket. */
static void check_resources(struct tally *y, json_t *r)
{
	json_t *res = json_object_get(r, "resources");
	if (!res)
		return;
	assert_true(json_is_array(res));
	int object = 0, bucket = 0;
	size_t k;
	json_t *e;
	json_array_foreach(res, k, e)
	{
		assert_non_null(str(e, "ARN"));
		const char *type = str(e, "type");
		object += type && !strcmp(type, "AWS::S3::Object");
		bucket += type && !strcmp(type, "AWS::S3::Bucket");
	}
	if (object) {
		y->s3_objects++;
		assert_int_equal(bucket, 1);
	}
}

static void check_identity(struct tally *y, json_t *r)
{
	json_t *id = json_object_get(r, "userIdentity");
	assert_true(json_is_object(id));
	const char *type = str(id, "type"), *key = str(id, "accessKeyId");
	if (!type) {
		/* As AWS writes some service events. */
		y->no_type++;
		assert_string_equal(str(r, "eventType"), "AwsServiceEvent");
		assert_non_null(str(id, "invokedBy"));
		return;
	}
	note_type(y, type);
	if (key && *key && !strcmp(type, "AssumedRole"))
		assert_memory_equal(key, "ASIA", 4);
	if (key && *key && !strcmp(type, "IAMUser"))
		assert_true(!strncmp(key, "AKIA", 4) || !strncmp(key, "ASIA", 4));
	if (!strcmp(type, "AssumedRole")) {
		json_t *ctx = json_object_get(id, "sessionContext");
		assert_non_null(str(json_object_get(ctx, "sessionIssuer"), "arn"));
	}
}

static void check_record(const struct file *f, json_t *r, void *ctx)
{
	struct tally *y = ctx;
	y->records++;
	assert_true(json_is_object(r));
	char *text = json_dumps(r, JSON_COMPACT);
	assert_non_null(text);
	if (strstr(text, "$?"))
		fail_msg("unfilled placeholder in %s: %s", f->rel, text);
	free(text);
	const char *v = str(r, "eventVersion");
	assert_non_null(v);
	assert_memory_equal(v, "1.", 2);
	int64_t t = parse_time(str(r, "eventTime"));
	assert_true(t >= y->t->start && t < y->t->end);
	assert_non_null(str(r, "eventID"));
	assert_non_null(str(r, "awsRegion"));
	assert_non_null(str(r, "recipientAccountId"));
	if (f->kind == K_INSIGHT) {
		check_insight(y, r);
		return;
	}
	assert_non_null(str(r, "eventSource"));
	assert_non_null(str(r, "eventName"));
	if (str(r, "errorCode") || str(r, "errorMessage"))
		y->errors++;
	json_t *ro = json_object_get(r, "readOnly");
	assert_true(!ro || json_is_boolean(ro));
	check_region(r);
	check_category(y, r);
	check_resources(y, r);
	check_identity(y, r);
}

static void test_records(void **state)
{
	struct trail *t = *state;
	struct tally y = { .t = t };
	each_record(t, check_record, &y);
	assert_int_equal(y.records, N_EVENTS);
	assert_true(y.cat_mgmt > 0 && y.cat_data > 0 && y.insights > 0);
	assert_true(y.s3_objects > 0);
	/* Errors: a few percent. */
	assert_true(y.errors * 100 > y.records * 2);
	assert_true(y.errors * 100 < y.records * 7);
	assert_true(y.old > 0);
	assert_true(y.no_type > 0);
	static const char *const types[] = {
		"Root", "IAMUser", "AssumedRole", "FederatedUser", "AWSService",
		"AWSAccount", "SAMLUser", "WebIdentityUser",
		"IdentityCenterUser", "Unknown",
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t k = 0;
		while (k < y.ntypes && strcmp(y.types[k], types[i]))
			k++;
		if (k == y.ntypes)
			fail_msg("no %s identity in %d events", types[i],
			         N_EVENTS);
	}
}

struct seen {
	const char *id;
	const struct file *f;
	json_t *r;
};

struct seen_list {
	struct seen *v;
	size_t n;
};

static void collect(const struct file *f, json_t *r, void *ctx)
{
	struct seen_list *l = ctx;
	l->v[l->n++] = (struct seen){ str(r, "eventID"), f, r };
}

static int seen_cmp(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->id,
	              ((const struct seen *)b)->id);
}

/* An eventID seen twice: the same record in the organization trail and
 * in the account's own trail (a write management event), and no more
 * than twice. */
static void check_duplicate(const struct seen *a, const struct seen *b)
{
	assert_true(json_equal(a->r, b->r));
	/* The account trail logs write management events only. */
	assert_false(json_is_true(json_object_get(a->r, "readOnly")));
	assert_string_not_equal(str(a->r, "eventCategory") ?
	                                str(a->r, "eventCategory") : "",
	                        "Data");
	const char *org = strncmp(a->f->rel, "AWSLogs/o-", 10) ? b->f->rel
	                                                        : a->f->rel;
	const char *own = org == a->f->rel ? b->f->rel : a->f->rel;
	assert_memory_equal(org, "AWSLogs/o-", 10);
	const char *acct = str(a->r, "recipientAccountId");
	char prefix[64];
	snprintf(prefix, sizeof prefix, "AWSLogs/%s/CloudTrail/", acct);
	assert_memory_equal(own, prefix, strlen(prefix));
	assert_non_null(strstr(org, acct));
}

static void test_event_ids_and_duplicates(void **state)
{
	struct trail *t = *state;
	struct seen_list l = { calloc(N_EVENTS, sizeof(struct seen)), 0 };
	assert_non_null(l.v);
	each_record(t, collect, &l);
	assert_int_equal(l.n, N_EVENTS);
	qsort(l.v, l.n, sizeof *l.v, seen_cmp);
	size_t dups = 0;
	for (size_t i = 1; i < l.n; i++) {
		if (strcmp(l.v[i - 1].id, l.v[i].id) != 0)
			continue;
		assert_true(i + 1 == l.n || strcmp(l.v[i].id, l.v[i + 1].id));
		check_duplicate(&l.v[i - 1], &l.v[i]);
		dups++;
	}
	assert_true(dups > 0);
	free(l.v);
}

static const char *state_of(json_t *r)
{
	return str(json_object_get(r, "insightDetails"), "state");
}

/* Insights come in Start and End pairs sharing a sharedEventID. */
static void test_insight_pairs(void **state)
{
	struct trail *t = *state;
	struct seen v[64];
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct file *f = &t->files[i];
		json_t *r = json_array_get(json_object_get(f->json, "Records"), 0);
		if (f->kind == K_INSIGHT && n < 64)
			v[n++] = (struct seen){ str(r, "sharedEventID"), f, r };
	}
	assert_true(n >= 2 && n % 2 == 0);
	qsort(v, n, sizeof *v, seen_cmp);
	for (size_t i = 0; i < n; i += 2) {
		assert_string_equal(v[i].id, v[i + 1].id);
		json_t *start = v[i].r, *end = v[i + 1].r;
		if (!strcmp(state_of(start), "End")) {
			start = v[i + 1].r;
			end = v[i].r;
		}
		assert_string_equal(state_of(start), "Start");
		assert_string_equal(state_of(end), "End");
		assert_true(parse_time(str(end, "eventTime")) >
		            parse_time(str(start, "eventTime")));
	}
}

static const struct file *find_file(const struct trail *t, const char *rel)
{
	struct file key = { .rel = (char *)(uintptr_t)rel };
	return bsearch(&key, t->files, t->n, sizeof *t->files, file_cmp);
}

static void check_digest_fields(const struct file *f)
{
	static const char *const fields[] = {
		"awsAccountId", "digestStartTime", "digestEndTime",
		"digestS3Bucket", "digestS3Object", "digestPublicKeyFingerprint",
		"digestSignatureAlgorithm", "newestEventTime", "oldestEventTime",
		"previousDigestS3Bucket", "previousDigestS3Object",
		"previousDigestHashValue", "previousDigestHashAlgorithm",
		"previousDigestSignature", "logFiles",
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (!json_object_get(f->json, fields[i]))
			fail_msg("%s: no %s", f->rel, fields[i]);
	assert_null(json_object_get(f->json, "Records"));
	assert_string_equal(str(f->json, "digestS3Object"), f->rel);
	assert_string_equal(str(f->json, "digestSignatureAlgorithm"),
	                    "SHA256withRSA");
	assert_int_equal(parse_time(str(f->json, "digestEndTime")) -
	                         parse_time(str(f->json, "digestStartTime")),
	                 3600);
}

/* Each entry: a log file of this trail, its SHA-256 right. */
static void check_digest_entries(const struct trail *t,
                                   const struct file *f, size_t *listed)
{
	json_t *logs = json_object_get(f->json, "logFiles");
	assert_true(json_is_array(logs));
	size_t k;
	json_t *e;
	json_array_foreach(logs, k, e)
	{
		const struct file *log = find_file(t, str(e, "s3Object"));
		if (!log || log->kind != K_LOG)
			fail_msg("%s lists %s", f->rel, str(e, "s3Object"));
		assert_string_equal(str(e, "hashValue"), log->sha);
		assert_string_equal(str(e, "hashAlgorithm"), "SHA-256");
		assert_string_equal(str(e, "s3Bucket"),
		                    str(f->json, "digestS3Bucket"));
		listed[log - t->files]++;
	}
	if (!json_array_size(logs))
		assert_true(json_is_null(json_object_get(f->json,
		                                         "newestEventTime")));
}

static void test_digests(void **state)
{
	const struct trail *t = *state;
	size_t *listed = calloc(t->n, sizeof *listed);
	assert_non_null(listed);
	for (size_t i = 0; i < t->n; i++) {
		const struct file *f = &t->files[i];
		if (f->kind != K_DIGEST)
			continue;
		check_digest_fields(f);
		check_digest_entries(t, f, listed);
		const char *prev = str(f->json, "previousDigestS3Object");
		if (!prev) {
			assert_true(json_is_null(json_object_get(
				f->json, "previousDigestHashValue")));
			continue;
		}
		/* The chain: the hash of the previous digest's bytes. */
		const struct file *p = find_file(t, prev);
		assert_non_null(p);
		assert_string_equal(str(f->json, "previousDigestHashValue"),
		                    p->sha);
	}
	for (size_t i = 0; i < t->n; i++)
		if (t->files[i].kind == K_LOG && listed[i] != 1)
			fail_msg("%s listed %zu times", t->files[i].rel,
			         listed[i]);
	free(listed);
}

/* A file descriptor's output, caught in a temporary file. */
struct capture {
	int fd, saved;
	FILE *tmp;
};

static void capture_start(struct capture *c, int fd)
{
	c->fd = fd;
	c->tmp = tmpfile();
	assert_non_null(c->tmp);
	c->saved = dup(fd);
	assert_true(c->saved >= 0);
	assert_true(dup2(fileno(c->tmp), fd) >= 0);
}

static void capture_end(struct capture *c, char *out, size_t outlen)
{
	assert_true(dup2(c->saved, c->fd) >= 0);
	close(c->saved);
	rewind(c->tmp);
	size_t n = fread(out, 1, outlen - 1, c->tmp);
	out[n] = '\0';
	fclose(c->tmp);
}

struct run {
	char out[2048], err[2048]; /* standard output and error */
};

/* Runs `trailnav generate ARGS... NULL` in this process, catching what it
 * prints in *r.  Returns the exit status. */
static int run_cli(struct run *r, const char *arg, ...)
{
	char *argv[16] = { "generate" };
	int argc = 1;
	va_list ap;
	va_start(ap, arg);
	for (const char *a = arg; argc < 15 && a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)(uintptr_t)a;
	va_end(ap);
	struct capture o, e;
	fflush(stdout);
	fflush(stderr);
	capture_start(&o, STDOUT_FILENO);
	capture_start(&e, STDERR_FILENO);
	struct cli_globals g = { NULL };
	int rc = cmd_generate(&g, argc, argv);
	fflush(stdout);
	fflush(stderr);
	capture_end(&o, r->out, sizeof r->out);
	capture_end(&e, r->err, sizeof r->err);
	return rc;
}

static void test_command_line_errors(void **state)
{
	struct trail *t = *state;
	char dir[128], bad[200], file[160];
	struct run r;
	snprintf(dir, sizeof dir, "%s/never", t->tmp);
	assert_int_equal(run_cli(&r, "--help", NULL), EXIT_OK);
	assert_non_null(strstr(r.out, "--events"));
	assert_int_equal(run_cli(&r, "--events", "abc", dir, NULL),
	                 EXIT_USAGE);
	assert_non_null(strstr(r.err, "'abc'"));
	assert_int_equal(run_cli(&r, "--events=0", dir, NULL), EXIT_USAGE);
	assert_int_equal(run_cli(&r, "--events", "12x", dir, NULL),
	                 EXIT_USAGE);
	assert_int_equal(run_cli(&r, "--events", NULL), EXIT_USAGE);
	assert_int_equal(run_cli(&r, "--seed", "-1", dir, NULL),
	                 EXIT_USAGE);
	assert_int_equal(run_cli(&r, "--start", "2024-02-30", dir, NULL),
	                 EXIT_USAGE);
	assert_int_equal(run_cli(&r, "--nope", dir, NULL), EXIT_USAGE);
	assert_int_equal(run_cli(&r, NULL), EXIT_USAGE);
	assert_int_equal(run_cli(&r, dir, dir, NULL), EXIT_USAGE);
	/* The bad usages created nothing. */
	struct stat st;
	assert_int_not_equal(stat(dir, &st), 0);
	/* A directory that already holds a trail is refused... */
	assert_int_equal(run_cli(&r, "--events", "10", t->dir, NULL),
	                 EXIT_USAGE);
	assert_non_null(strstr(r.err, "--force"));
	/* ...and so is one that cannot be written: a path through a regular
	 * file, which even root cannot create. */
	snprintf(file, sizeof file, "%s/plain-file", t->tmp);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(bad, sizeof bad, "%s/sub", file);
	assert_int_equal(run_cli(&r, "--events", "10", bad, NULL), EXIT_USAGE);
	assert_non_null(strstr(r.err, bad));
	/* A read-only directory, for those permissions apply to: the
	 * message names the file that could not be written. */
	snprintf(bad, sizeof bad, "%s/read-only", t->tmp);
	assert_int_equal(mkdir(bad, 0555), 0);
	if (geteuid() != 0) {
		assert_int_equal(run_cli(&r, "--events", "10", bad, NULL),
		                 EXIT_USAGE);
		assert_non_null(strstr(r.err, bad));
	}
}

/* The same seed gives the same files, byte for byte (gzip included);
 * another seed, written over it with --force, another trail. */
static void test_deterministic(void **state)
{
	struct trail *t = *state;
	char a[128], b[128], cmd[768];
	struct run r;
	snprintf(a, sizeof a, "%s/det-a", t->tmp);
	snprintf(b, sizeof b, "%s/det-b", t->tmp);
	assert_int_equal(run_cli(&r, "--events", "600", "--seed",
	                         "7", "--start", "2024-06-10T13:00:00Z", a,
	                         NULL),
	                 EXIT_OK);
	assert_non_null(strstr(r.out, "600 events"));
	assert_int_equal(run_cli(&r, "--events=600", "--seed=7",
	                         "--start=2024-06-10T13:00Z", b, NULL),
	                 EXIT_OK);
	snprintf(cmd, sizeof cmd, "diff -r '%s' '%s' >/dev/null", a, b);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(run_cli(&r, "--force", "--events", "600",
	                         "--seed", "8", "--start", "2024-06-10T13:00",
	                         b, NULL),
	                 EXIT_OK);
	/* A digest's name does not depend on the seed; its contents (the
	 * log files it lists) do. */
	static const char digest[] =
		"AWSLogs/o-a1b2c3d4e5/777788889999/CloudTrail-Digest/us-east-1/"
		"2024/06/10/777788889999_CloudTrail-Digest_us-east-1_"
		"acme-org-trail_us-east-1_20240610T140131Z.json.gz";
	snprintf(cmd, sizeof cmd, "cmp -s '%s/%s' '%s/%s'", a, digest, b,
	         digest);
	assert_int_not_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "test -f '%s/%s'", b, digest);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	/* One group: TAP allows one plan per test program. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_fips_vectors),
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_layout_and_names),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_event_ids_and_duplicates),
		cmocka_unit_test(test_insight_pairs),
		cmocka_unit_test(test_digests),
		cmocka_unit_test(test_command_line_errors),
		cmocka_unit_test(test_deterministic),
	};
	return cmocka_run_group_tests_name("generate", tests, group_setup,
	                                   group_teardown);
}
