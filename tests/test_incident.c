/* test_incident.c - `trailnav generate --incident`: a small trail with
 * the scripted incident, read back with zlib and jansson independently of
 * the generator.  Each step of the story is there, shaped like real
 * records, in time order within two hours; the attacker's address is in
 * the incident's records and nowhere else; the account trail records
 * nothing after StopLogging; the same seed gives the same bytes; and
 * --no-digests leaves the digests out. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "gen/generate.h"
#include "gen/incident.h"

#define N_EVENTS 2000
#define START "2024-05-01T00:00:00Z"

struct fixture {
	char tmp[64];
	char with[128], without[128], again[128];
	struct gen_summary sum, sum_without;
	struct incident_facts facts;
	int64_t start;
};

/* ---- reading a trail back ------------------------------------------- */

static char *read_gz(const char *path, size_t *len)
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

/* Calls `visit` for each file under dir (path relative to dir), with its
 * uncompressed bytes. */
typedef void (*visit_fn)(const char *rel, const char *data, size_t len,
                         void *ctx);

static void walk(const char *dir, const char *sub, visit_fn visit, void *ctx)
{
	char path[1536];
	snprintf(path, sizeof path, "%s/%s", dir, sub);
	DIR *d = opendir(path);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char rel[1024];
		snprintf(rel, sizeof rel, "%s%s%s", sub, *sub ? "/" : "",
		         e->d_name);
		snprintf(path, sizeof path, "%s/%s", dir, rel);
		struct stat st;
		assert_int_equal(lstat(path, &st), 0);
		if (S_ISDIR(st.st_mode)) {
			walk(dir, rel, visit, ctx);
			continue;
		}
		size_t len;
		char *data = read_gz(path, &len);
		visit(rel, data, len, ctx);
		free(data);
	}
	closedir(d);
}

/* Each record of every log file, with the file's path. */
typedef void (*record_fn)(const char *rel, json_t *rec, void *ctx);

struct record_walk {
	record_fn fn;
	void *ctx;
};

static void visit_records(const char *rel, const char *data, size_t len,
                          void *ctx)
{
	struct record_walk *w = ctx;
	if (strstr(rel, "/CloudTrail-Digest/"))
		return;
	json_error_t err;
	json_t *doc = json_loadb(data, len, 0, &err);
	if (!doc)
		fail_msg("%s: %s", rel, err.text);
	json_t *records = json_object_get(doc, "Records");
	assert_true(json_is_array(records));
	size_t i;
	json_t *r;
	json_array_foreach(records, i, r)
		w->fn(rel, r, w->ctx);
	json_decref(doc);
}

static void each_record(const char *dir, record_fn fn, void *ctx)
{
	struct record_walk w = { fn, ctx };
	walk(dir, "", visit_records, &w);
}

static const char *str(json_t *obj, const char *path)
{
	/* "a.b.c": nested objects. */
	char key[64];
	while (obj && *path) {
		size_t n = strcspn(path, ".");
		snprintf(key, sizeof key, "%.*s", (int)n, path);
		obj = json_object_get(obj, key);
		path += n + (path[n] == '.');
	}
	return json_is_string(obj) ? json_string_value(obj) : NULL;
}

static int eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* ---- the fixture ------------------------------------------------------ */

static void generate(struct fixture *f, const char *dir, bool incident,
                     struct gen_summary *sum)
{
	struct gen_options o = { .events = N_EVENTS, .seed = 7,
		                 .start = f->start, .dir = dir,
		                 .incident = incident, .no_digests = true };
	char err[512];
	if (gen_run(&o, sum, err, sizeof err) < 0)
		fail_msg("%s", err);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	strcpy(f->tmp, "/tmp/tn-incident-XXXXXX");
	assert_non_null(mkdtemp(f->tmp));
	snprintf(f->with, sizeof f->with, "%s/with", f->tmp);
	snprintf(f->without, sizeof f->without, "%s/without", f->tmp);
	snprintf(f->again, sizeof f->again, "%s/again", f->tmp);
	assert_int_equal(gen_parse_time(START, &f->start), 0);
	struct gen_summary again;
	generate(f, f->with, true, &f->sum);
	generate(f, f->again, true, &again);
	generate(f, f->without, false, &f->sum_without);
	struct incident in;
	assert_int_equal(incident_init(&in, 7, f->start), 0);
	f->facts = in.facts;
	incident_free(&in);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* ---- what the incident holds ------------------------------------------ */

struct story {
	const struct incident_facts *facts;
	size_t calls, in_account_trail;
	size_t denied, unauthorized, data_gets, dumps;
	size_t recon, create_user, create_key, attach_admin, login_profile;
	size_t stop_logging, org_trail_denied, console_no_mfa, console_calls;
	size_t kali, leaked, new_key;
	int64_t first, last;
};

static int64_t when(json_t *r)
{
	int64_t t;
	const char *s = str(r, "eventTime");
	assert_non_null(s);
	assert_int_equal(gen_parse_time(s, &t), 0);
	return t;
}

static int is_recon(const char *name)
{
	static const char *const names[] = {
		"GetCallerIdentity", "ListBuckets", "ListUsers", "ListRoles",
		"DescribeInstances", "GetAccountAuthorizationDetails",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (eq(name, names[i]))
			return 1;
	return 0;
}

/* Real records carry these; an incident record must too. */
static void check_shape(const char *rel, json_t *r)
{
	static const char *const fields[] = {
		"eventVersion", "eventTime", "eventSource", "eventName",
		"awsRegion", "sourceIPAddress", "userAgent", "eventID",
		"eventType", "recipientAccountId", "eventCategory",
		"userIdentity.type", "userIdentity.principalId",
		"userIdentity.arn", "userIdentity.accountId",
		"userIdentity.userName",
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (!str(r, fields[i]))
			fail_msg("%s: %s without %s", rel,
			         str(r, "eventName"), fields[i]);
	assert_non_null(json_object_get(r, "requestParameters"));
	assert_non_null(json_object_get(r, "responseElements"));
	assert_true(json_is_boolean(json_object_get(r, "readOnly")));
	assert_true(json_is_boolean(json_object_get(r, "managementEvent")));
	assert_string_equal(str(r, "userIdentity.type"), "IAMUser");
}

static void count_step(struct story *s, json_t *r)
{
	const struct incident_facts *fx = s->facts;
	const char *name = str(r, "eventName"), *err = str(r, "errorCode");
	const char *key = str(r, "userIdentity.accessKeyId");
	s->recon += is_recon(name) && eq(key, fx->leaked_key);
	s->denied += eq(err, "AccessDenied");
	s->unauthorized += eq(err, "Client.UnauthorizedOperation");
	s->leaked += eq(key, fx->leaked_key);
	s->new_key += eq(key, fx->new_key);
	s->kali += strstr(str(r, "userAgent"), "kali") != NULL;
	if (err) {
		s->org_trail_denied += eq(err, "TrailNotFoundException");
		return;
	}
	s->create_user += eq(name, "CreateUser") &&
	                  eq(str(r, "requestParameters.userName"),
	                     fx->new_user);
	s->create_key += eq(name, "CreateAccessKey") &&
	                 eq(str(r, "responseElements.accessKey.accessKeyId"),
	                    fx->new_key);
	s->attach_admin += eq(name, "AttachUserPolicy") &&
	                   eq(str(r, "requestParameters.policyArn"),
	                      "arn:aws:iam::aws:policy/AdministratorAccess");
	s->login_profile += eq(name, "CreateLoginProfile");
	s->stop_logging += eq(name, "StopLogging") &&
	                   eq(str(r, "requestParameters.name"),
	                      fx->stopped_trail);
	s->console_no_mfa += eq(name, "ConsoleLogin") &&
	                     eq(str(r, "additionalEventData.MFAUsed"), "No") &&
	                     eq(str(r, "responseElements.ConsoleLogin"),
	                        "Success") &&
	                     eq(str(r, "userIdentity.userName"), fx->new_user);
	s->console_calls += eq(str(r, "sessionCredentialFromConsole"), "true");
}

/* GetObject of the bucket's objects: data events naming the object. */
static void count_data(struct story *s, json_t *r)
{
	if (!eq(str(r, "eventName"), "GetObject"))
		return;
	assert_string_equal(str(r, "eventCategory"), "Data");
	assert_true(json_is_false(json_object_get(r, "managementEvent")));
	json_t *res = json_object_get(r, "resources");
	assert_true(json_array_size(res) == 2);
	assert_string_equal(str(json_array_get(res, 0), "type"),
	                    "AWS::S3::Object");
	const char *arn = str(json_array_get(res, 0), "ARN");
	char want[128];
	snprintf(want, sizeof want, "arn:aws:s3:::%s/", s->facts->bucket);
	s->data_gets++;
	if (!str(r, "errorCode") && strncmp(arn, want, strlen(want)) == 0)
		s->dumps++;
}

static void story_record(const char *rel, json_t *r, void *ctx)
{
	struct story *s = ctx;
	if (!eq(str(r, "sourceIPAddress"), s->facts->attacker_ip))
		return;
	check_shape(rel, r);
	assert_string_equal(str(r, "recipientAccountId"), s->facts->account);
	/* Counted once, in the organization trail (AWSLogs/o-.../); the
	 * account's own trail (AWSLogs/ACCOUNT/) has copies of some. */
	if (strncmp(rel, "AWSLogs/o-", 10) != 0) {
		s->in_account_trail++;
		return;
	}
	s->calls++;
	int64_t t = when(r);
	s->first = s->first && s->first < t ? s->first : t;
	s->last = s->last > t ? s->last : t;
	count_step(s, r);
	count_data(s, r);
}

static void test_every_step(void **state)
{
	struct fixture *f = *state;
	struct story s = { .facts = &f->facts };
	each_record(f->with, story_record, &s);
	assert_int_equal(s.calls + s.in_account_trail, f->sum.incident);
	assert_true(s.calls >= 80);
	assert_true(s.recon >= 15);
	assert_true(s.unauthorized >= 10); /* every region */
	assert_true(s.denied >= 15);       /* roles, services, buckets */
	assert_int_equal(s.create_user, 1);
	assert_int_equal(s.create_key, 1);
	assert_int_equal(s.attach_admin, 1);
	assert_int_equal(s.login_profile, 1);
	assert_int_equal(s.stop_logging, 1);
	assert_true(s.org_trail_denied >= 2);
	assert_true(s.dumps >= 20);
	assert_true(s.data_gets > s.dumps); /* and some denied */
	assert_int_equal(s.console_no_mfa, 1);
	assert_true(s.console_calls >= 2);
	assert_true(s.leaked >= 40 && s.new_key >= 30);
	assert_true(s.kali >= s.leaked + s.new_key);
	/* Within two hours, starting when the facts say. */
	assert_true(s.first == f->facts.first);
	assert_true(s.last == f->facts.last);
	assert_true(s.last - s.first <= 2 * 3600);
	/* The calls come one after another, never two at once from the
	 * script's clock running backwards. */
	struct incident in;
	assert_int_equal(incident_init(&in, 7, f->start), 0);
	for (size_t i = 1; i < in.n; i++)
		assert_true(in.events[i].t > in.events[i - 1].t);
	assert_int_equal(in.n, s.calls);
	incident_free(&in);
	/* Its write calls until StopLogging, StopLogging included. */
	assert_int_equal(s.in_account_trail, 5);
}

/* ---- only the incident uses the attacker's address ----------------- */

struct others {
	const struct incident_facts *facts;
	size_t leaked_elsewhere, records;
};

static void other_record(const char *rel, json_t *r, void *ctx)
{
	struct others *o = ctx;
	(void)rel;
	o->records++;
	const char *key = str(r, "userIdentity.accessKeyId");
	if (eq(str(r, "sourceIPAddress"), o->facts->attacker_ip))
		return;
	/* Away from the attacker's address: none of their doings. */
	assert_false(eq(key, o->facts->new_key));
	assert_false(eq(str(r, "userIdentity.userName"), o->facts->new_user));
	o->leaked_elsewhere += eq(key, o->facts->leaked_key);
}

static void no_address(const char *rel, const char *data, size_t len,
                       void *ctx)
{
	const char *ip = ctx;
	(void)rel;
	char *text = strndup(data, len);
	assert_non_null(text);
	assert_null(strstr(text, ip));
	free(text);
}

static void test_attacker_address_only_in_incident(void **state)
{
	struct fixture *f = *state;
	struct others o = { .facts = &f->facts };
	each_record(f->with, other_record, &o);
	/* The key leaked from a real user who goes on using it. */
	assert_true(o.leaked_elsewhere >= 1);
	assert_int_equal(o.records, f->sum.events);
	/* The background alone never uses the address. */
	walk(f->without, "", no_address, (void *)f->facts.attacker_ip);
	assert_int_equal(f->sum_without.incident, 0);
	assert_int_equal(f->sum.events,
	                 N_EVENTS + f->sum.incident);
}

/* ---- the account trail stops ------------------------------------------ */

struct after_stop {
	int64_t stopped_at;
	const char *prefix;
	size_t before, after;
};

static void account_trail_record(const char *rel, json_t *r, void *ctx)
{
	struct after_stop *a = ctx;
	if (strncmp(rel, a->prefix, strlen(a->prefix)) != 0)
		return;
	if (when(r) > a->stopped_at)
		a->after++;
	else
		a->before++;
}

static void test_account_trail_stops(void **state)
{
	struct fixture *f = *state;
	char prefix[64];
	snprintf(prefix, sizeof prefix, "AWSLogs/%s/", f->facts.account);
	struct after_stop a = { f->facts.stopped_at, prefix, 0, 0 };
	assert_true(f->facts.stopped_at > f->facts.first &&
	            f->facts.stopped_at < f->facts.last);
	each_record(f->with, account_trail_record, &a);
	assert_true(a.before > 0);
	assert_int_equal(a.after, 0);
	/* Without the incident, it records all day. */
	a.before = a.after = 0;
	each_record(f->without, account_trail_record, &a);
	assert_true(a.after > 0);
}

/* ---- determinism, digests ---------------------------------------------- */

struct compare {
	const char *dir, *other;
	size_t files;
};

static char *read_raw(const char *dir, const char *rel, size_t *len)
{
	char path[1536];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	long n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	char *data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return data;
}

/* The same bytes, compressed ones included. */
static void same_file(const char *rel, const char *data, size_t len,
                      void *ctx)
{
	struct compare *c = ctx;
	(void)data;
	(void)len;
	size_t alen, blen;
	char *a = read_raw(c->dir, rel, &alen);
	char *b = read_raw(c->other, rel, &blen);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(a);
	free(b);
	c->files++;
	assert_null(strstr(rel, "CloudTrail-Digest"));
}

static void test_deterministic_without_digests(void **state)
{
	struct fixture *f = *state;
	struct compare c = { f->with, f->again, 0 };
	walk(f->with, "", same_file, &c);
	assert_int_equal(c.files, f->sum.log_files + f->sum.insight_files);
	assert_int_equal(f->sum.digest_files, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_step),
		cmocka_unit_test(test_attacker_address_only_in_incident),
		cmocka_unit_test(test_account_trail_stops),
		cmocka_unit_test(test_deterministic_without_digests),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
