/* test_filter.c - the filter language (src/filter/filter.c).
 *
 * Table-driven: each table row is one case, and every failure names the
 * filter text that failed.  Expected epoch milliseconds were computed
 * independently (Python's datetime), not by the code under test.
 */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"

/* 2024-05-01T12:00:00Z, the `now` of every case unless a row says
 * otherwise. */
#define NOW INT64_C(1714564800000)
#define SEC INT64_C(1000)
#define MIN (60 * SEC)
#define HOUR (60 * MIN)
#define DAY (24 * HOUR)
#define D20240501 INT64_C(1714521600000) /* 2024-05-01T00:00:00Z */

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- helpers: every check names the input ---- */

static struct filter *parse_ok(const char *in, int64_t now)
{
	struct filter_error err;
	memset(&err, 0x55, sizeof err); /* garbage: parse must reset it */
	struct filter *f = filter_parse(in, now, &err);
	if (!f)
		fail_msg("'%s': rejected at %zu+%zu: %s", in, err.pos, err.len,
		         err.message);
	return f;
}

static char *format_ok(const char *in, const struct filter *f)
{
	char *s = filter_format(f);
	if (!s)
		fail_msg("'%s': filter_format returned NULL", in);
	return s;
}

static void expect_num(const char *in, const char *what, long long got,
                       long long want)
{
	if (got != want)
		fail_msg("'%s': %s is %lld, expected %lld", in, what, got,
		         want);
}

static void expect_str(const char *in, const char *what, const char *got,
                       const char *want)
{
	if (!got || strcmp(got, want) != 0)
		fail_msg("'%s': %s is '%s', expected '%s'", in, what,
		         got ? got : "(null)", want);
}

/* Same meaning (spans aside, which differ between texts). */
static void expect_same(const char *in, const struct filter *a,
                        const struct filter *b)
{
	expect_num(in, "number of terms", (long long)b->nterms,
	           (long long)a->nterms);
	for (size_t i = 0; i < a->nterms; i++) {
		const struct filter_term *s = &a->terms[i], *t = &b->terms[i];
		expect_num(in, "key", t->key, s->key);
		expect_num(in, "negated", t->negated, s->negated);
		expect_num(in, "nvalues", (long long)t->nvalues,
		           (long long)s->nvalues);
		for (size_t j = 0; j < s->nvalues; j++) {
			const struct filter_value *v = &s->values[j],
			                          *w = &t->values[j];
			expect_num(in, "match", w->match, v->match);
			expect_str(in, "text", w->text, v->text);
			expect_num(in, "category", w->category, v->category);
			expect_num(in, "flag", w->flag, v->flag);
			expect_num(in, "time_lo", w->time_lo, v->time_lo);
			expect_num(in, "time_hi", w->time_hi, v->time_hi);
		}
	}
}

/* Parses `in`, checks its canonical form (when `want` is not NULL), and
 * that the canonical form parses to the same filter and prints the same
 * (format is a fixed point). */
static void check_round_trip(const char *in, const char *want, int64_t now)
{
	struct filter *f = parse_ok(in, now);
	char *s = format_ok(in, f);
	if (want)
		expect_str(in, "canonical form", s, want);
	struct filter *g = parse_ok(s, now);
	expect_same(in, f, g);
	char *s2 = format_ok(in, g);
	expect_str(in, "canonical form of the canonical form", s2, s);
	free(s2);
	filter_free(g);
	free(s);
	filter_free(f);
}

/* ---- good filters and their canonical text ---- */

static const struct {
	const char *in, *canonical;
} good_cases[] = {
	{"", ""},
	{"  \t  ", ""},
	/* cat */
	{"cat:data", "cat:data"},
	{"CAT:Management", "cat:mgmt"},
	{"cat:MGMT", "cat:mgmt"},
	{"cat:insights,NetworkActivity", "cat:insight,network"},
	{"-cat:insight", "-cat:insight"},
	{"cat:\"data\"", "cat:data"},
	/* region */
	{"region:eu-west-1", "region:eu-west-1"},
	{"region:GLOBAL", "region:global"},
	{"Region:eu-*,global", "region:eu-*,global"},
	/* service */
	{"service:s3", "service:s3.amazonaws.com"},
	{"service:S3", "service:S3.amazonaws.com"},
	{"service:iam.amazonaws.com", "service:iam.amazonaws.com"},
	{"service:s3*", "service:s3*"},
	{"service:ec2,sts", "service:ec2.amazonaws.com,sts.amazonaws.com"},
	{"service:sso-directory", "service:sso-directory.amazonaws.com"},
	{"service:\"a b\"", "service:\"a b\""},
	/* string keys */
	{"event:Get*", "event:Get*"},
	{"event:GetObject,PutObject", "event:GetObject,PutObject"},
	{"event:a EVENT:b", "event:a event:b"},
	{"-principal:backup*", "-principal:backup*"},
	{"principal:arn:aws:iam::123456789012:user/alice",
	 "principal:arn:aws:iam::123456789012:user/alice"},
	{"principal:Jos\xC3\xA9", "principal:Jos\xC3\xA9"},
	{"type:AssumedRole", "type:AssumedRole"},
	{"key:AKIAIOSFODNN7EXAMPLE", "key:AKIAIOSFODNN7EXAMPLE"},
	{"ip:2001:db8::1", "ip:2001:db8::1"},
	{"ip:203.0.113.*", "ip:203.0.113.*"},
	{"account:123456789012", "account:123456789012"},
	{"resource:arn:aws:s3:::my-bucket", "resource:arn:aws:s3:::my-bucket"},
	{"id:0123-abcd", "id:0123-abcd"},
	{"request:ABCDEF12", "request:ABCDEF12"},
	{"event:-odd", "event:-odd"},
	/* error */
	{"error:any", "error:any"},
	{"error:ANY", "error:any"},
	{"error:None", "error:none"},
	{"-error:none", "-error:none"},
	{"error:AccessDenied*,*Unauthorized*",
	 "error:AccessDenied*,*Unauthorized*"},
	/* ro */
	{"ro:yes", "ro:true"},
	{"ro:0", "ro:false"},
	{"RO:False,TRUE", "ro:false,true"},
	{"-ro:1", "-ro:true"},
	{"ro:NO", "ro:false"},
	/* quotes and escapes */
	{"agent:\"aws-cli/2.0 Python\"", "agent:\"aws-cli/2.0 Python\""},
	{"agent:\"a b\",c", "agent:\"a b\",c"},
	{"agent:x\"a b\"y", "agent:\"xa by\""},
	{"agent:\"a,b\"", "agent:\"a,b\""},
	{"agent:\"say \\\"hi\\\"\"", "agent:\"say \\\"hi\\\"\""},
	{"agent:\"back\\\\slash\"", "agent:\"back\\\\slash\""},
	{"agent:\"c:\\path\"", "agent:\"c:\\\\path\""},
	{"agent:a\\b", "agent:\"a\\\\b\""},
	{"agent:\"aws-cli/2.0 *\"", "agent:\"aws-cli/2.0 *\""},
	{"event:\"Get*\"", "event:Get*"},
	{"agent:\"tab\there\"", "agent:\"tab\there\""},
	/* bare words */
	{"StopLogging", "StopLogging"},
	{"-backup", "-backup"},
	{"\"two words\"", "\"two words\""},
	{"-\"two words\"", "-\"two words\""},
	{"a,b", "\"a,b\""},
	{"foo*", "foo*"},
	{"2001:db8::1", "2001:db8::1"},
	{"12:30", "12:30"},
	{"arn:aws:iam::123456789012:role/x", "arn:aws:iam::123456789012:role/x"},
	{"ARN:aws:s3:::b", "ARN:aws:s3:::b"},
	{"\"event:foo\"", "\"event:foo\""},
	{"\"-x\"", "\"-x\""},
	{"--x", "-\"-x\""},
	{":foo", ":foo"},
	{"x\"y\"z", "xyz"},
	{"\"a\\\\b\"", "\"a\\\\b\""},
	{"\"foo:\"", "\"foo:\""},
	/* since / until: written back as typed */
	{"since:6h", "since:6h"},
	{"since:15m until:5m", "since:15m until:5m"},
	{"Since:2024-04-30T08 UNTIL:2024-05-01T09:30",
	 "since:2024-04-30T08 until:2024-05-01T09:30"},
	{"since:2024-02-29", "since:2024-02-29"},
	{"since:2024-05-01t08:00:00z", "since:2024-05-01t08:00:00z"},
	{"since:2024-05-01T08:00:00.5+02:00", "since:2024-05-01T08:00:00.5+02:00"},
	{"since:08:00", "since:08:00"},
	{"since:\"6h\"", "since:6h"},
	/* several terms */
	{"cat:data region:eu-west-1 service:s3 event:Get* since:6h "
	 "-principal:backup*",
	 "cat:data region:eu-west-1 service:s3.amazonaws.com event:Get* "
	 "since:6h -principal:backup*"},
	{"  event:a\t\t-ip:1.2.3.4  ", "event:a -ip:1.2.3.4"},
	{"principal:alice,bob principal:carol StopLogging",
	 "principal:alice,bob principal:carol StopLogging"},
};

static void test_canonical_form(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(good_cases); i++)
		check_round_trip(good_cases[i].in, good_cases[i].canonical,
		                 NOW);
}

/* ---- the tree: key, negation, values and their kinds ---- */

static const struct {
	const char *in;
	size_t term;
	enum filter_key key;
	bool negated;
	size_t nvalues, value;
	enum filter_match match;
	const char *text;
	enum event_category category; /* FM_CATEGORY only */
	bool flag;                    /* FM_BOOL only */
} tree_cases[] = {
	{"cat:Management", 0, FK_CAT, false, 1, 0, FM_CATEGORY, "mgmt",
	 CAT_MANAGEMENT, false},
	{"cat:data,insights,networkactivity", 0, FK_CAT, false, 3, 1,
	 FM_CATEGORY, "insight", CAT_INSIGHT, false},
	{"cat:data,insights,networkactivity", 0, FK_CAT, false, 3, 2,
	 FM_CATEGORY, "network", CAT_NETWORK, false},
	{"-cat:DATA", 0, FK_CAT, true, 1, 0, FM_CATEGORY, "data", CAT_DATA,
	 false},
	{"region:global", 0, FK_REGION, false, 1, 0, FM_ANY, "global", 0, 0},
	{"region:us-east-1", 0, FK_REGION, false, 1, 0, FM_EXACT, "us-east-1",
	 0, 0},
	{"region:us-*", 0, FK_REGION, false, 1, 0, FM_PATTERN, "us-*", 0, 0},
	{"service:s3", 0, FK_SERVICE, false, 1, 0, FM_EXACT,
	 "s3.amazonaws.com", 0, 0},
	{"service:s3*", 0, FK_SERVICE, false, 1, 0, FM_PATTERN, "s3*", 0, 0},
	{"service:*.amazonaws.com", 0, FK_SERVICE, false, 1, 0, FM_PATTERN,
	 "*.amazonaws.com", 0, 0},
	{"error:any", 0, FK_ERROR, false, 1, 0, FM_ANY, "any", 0, 0},
	{"error:NONE", 0, FK_ERROR, false, 1, 0, FM_NONE, "none", 0, 0},
	{"error:AccessDenied", 0, FK_ERROR, false, 1, 0, FM_EXACT,
	 "AccessDenied", 0, 0},
	{"-error:*Denied*", 0, FK_ERROR, true, 1, 0, FM_PATTERN, "*Denied*", 0,
	 0},
	{"ro:yes", 0, FK_RO, false, 1, 0, FM_BOOL, "true", 0, true},
	{"ro:FALSE", 0, FK_RO, false, 1, 0, FM_BOOL, "false", 0, false},
	{"ro:1,0", 0, FK_RO, false, 2, 1, FM_BOOL, "false", 0, false},
	{"foo*", 0, FK_TEXT, false, 1, 0, FM_EXACT, "foo*", 0, 0},
	{"a,b", 0, FK_TEXT, false, 1, 0, FM_EXACT, "a,b", 0, 0},
	{"-\"two words\"", 0, FK_TEXT, true, 1, 0, FM_EXACT, "two words", 0, 0},
	{"agent:\"a b\",c", 0, FK_AGENT, false, 2, 0, FM_EXACT, "a b", 0, 0},
	{"agent:\"a b\",c", 0, FK_AGENT, false, 2, 1, FM_EXACT, "c", 0, 0},
	{"agent:\"say \\\"hi\\\"\"", 0, FK_AGENT, false, 1, 0, FM_EXACT,
	 "say \"hi\"", 0, 0},
	{"agent:\"back\\\\slash\"", 0, FK_AGENT, false, 1, 0, FM_EXACT,
	 "back\\slash", 0, 0},
	{"agent:\"a*b c\"", 0, FK_AGENT, false, 1, 0, FM_PATTERN, "a*b c", 0, 0},
	{"event:x event:y", 1, FK_EVENT, false, 1, 0, FM_EXACT, "y", 0, 0},
	{"since:6h", 0, FK_SINCE, false, 1, 0, FM_TIME, "6h", 0, 0},
	{"until:\"2024-05-01\"", 0, FK_UNTIL, false, 1, 0, FM_TIME,
	 "2024-05-01", 0, 0},
	{"ip:2001:db8::1", 0, FK_IP, false, 1, 0, FM_EXACT, "2001:db8::1", 0, 0},
	{"2001:db8::1", 0, FK_TEXT, false, 1, 0, FM_EXACT, "2001:db8::1", 0, 0},
	{"arn:aws:iam::1:user/x", 0, FK_TEXT, false, 1, 0, FM_EXACT,
	 "arn:aws:iam::1:user/x", 0, 0},
	{"principal:arn:aws:iam::1:user/x", 0, FK_PRINCIPAL, false, 1, 0,
	 FM_EXACT, "arn:aws:iam::1:user/x", 0, 0},
	{"KEY:AKIA", 0, FK_KEY, false, 1, 0, FM_EXACT, "AKIA", 0, 0},
	{"x Id:i", 1, FK_ID, false, 1, 0, FM_EXACT, "i", 0, 0},
	{"request:r", 0, FK_REQUEST, false, 1, 0, FM_EXACT, "r", 0, 0},
	{"account:1", 0, FK_ACCOUNT, false, 1, 0, FM_EXACT, "1", 0, 0},
	{"type:Root", 0, FK_TYPE, false, 1, 0, FM_EXACT, "Root", 0, 0},
	{"resource:r*", 0, FK_RESOURCE, false, 1, 0, FM_PATTERN, "r*", 0, 0},
	{"event:E", 0, FK_EVENT, false, 1, 0, FM_EXACT, "E", 0, 0},
	{"principal:p", 0, FK_PRINCIPAL, false, 1, 0, FM_EXACT, "p", 0, 0},
};

static void test_tree(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(tree_cases); i++) {
		const char *in = tree_cases[i].in;
		struct filter *f = parse_ok(in, NOW);
		if (tree_cases[i].term >= f->nterms)
			fail_msg("'%s': only %zu terms", in, f->nterms);
		const struct filter_term *t = &f->terms[tree_cases[i].term];
		expect_num(in, "key", t->key, tree_cases[i].key);
		expect_num(in, "negated", t->negated, tree_cases[i].negated);
		expect_num(in, "nvalues", (long long)t->nvalues,
		           (long long)tree_cases[i].nvalues);
		const struct filter_value *v = &t->values[tree_cases[i].value];
		expect_num(in, "match", v->match, tree_cases[i].match);
		expect_str(in, "text", v->text, tree_cases[i].text);
		if (v->match == FM_CATEGORY)
			expect_num(in, "category", v->category,
			           tree_cases[i].category);
		if (v->match == FM_BOOL)
			expect_num(in, "flag", v->flag, tree_cases[i].flag);
		check_round_trip(in, NULL, NOW);
		filter_free(f);
	}
}

/* ---- times ---- */

static const struct {
	const char *in;
	int64_t now; /* 0: NOW */
	int64_t lo, hi;
} time_cases[] = {
	/* ages: an instant */
	{"since:6h", 0, NOW - 6 * HOUR, NOW - 6 * HOUR},
	{"since:15m", 0, NOW - 15 * MIN, NOW - 15 * MIN},
	{"since:30s", 0, NOW - 30 * SEC, NOW - 30 * SEC},
	{"since:7d", 0, INT64_C(1713960000000), INT64_C(1713960000000)},
	{"since:2w", 0, NOW - 14 * DAY, NOW - 14 * DAY},
	{"until:0m", 0, NOW, NOW},
	{"since:0090m", 0, NOW - 90 * MIN, NOW - 90 * MIN},
	/* dates and times at their own precision */
	{"since:2024-05-01", 0, D20240501, INT64_C(1714608000000)},
	{"since:2024-02-29", 0, INT64_C(1709164800000), INT64_C(1709251200000)},
	{"since:2000-02-29", 0, INT64_C(951782400000), INT64_C(951868800000)},
	{"since:1970-01-01", 0, 0, DAY},
	{"since:1900-02-28", 0, INT64_C(-2203977600000),
	 INT64_C(-2203891200000)},
	{"until:9999-12-31", 0, INT64_C(253402214400000),
	 INT64_C(253402214400000) + DAY},
	{"until:2024-05-01T08", 0, INT64_C(1714550400000),
	 INT64_C(1714554000000)},
	{"since:2024-05-01T08:30", 0, INT64_C(1714552200000),
	 INT64_C(1714552200000) + MIN},
	{"since:2024-05-01T08:30:15", 0, INT64_C(1714552215000),
	 INT64_C(1714552215000) + SEC},
	{"since:2024-05-01T08:30:15.5", 0, INT64_C(1714552215500),
	 INT64_C(1714552215600)},
	{"since:2024-05-01T08:30:15.25", 0, INT64_C(1714552215250),
	 INT64_C(1714552215260)},
	{"since:2024-05-01T08:30:15.123456", 0, INT64_C(1714552215123),
	 INT64_C(1714552215124)},
	{"since:2024-12-31T23:59:59Z", 0, INT64_C(1735689599000),
	 INT64_C(1735689600000)},
	{"since:1969-12-31T23:59:59z", 0, -1000, 0},
	{"until:2024-05-01t12:00:00.000Z", 0, NOW, NOW + 1},
	/* offsets, converted to UTC */
	{"since:2024-05-01T08:00+02:00", 0, INT64_C(1714543200000),
	 INT64_C(1714543200000) + MIN},
	{"since:2024-05-01T08:00-0530", 0, INT64_C(1714570200000),
	 INT64_C(1714570200000) + MIN},
	{"since:2024-05-01T00:30+01:00", 0, INT64_C(1714519800000),
	 INT64_C(1714519800000) + MIN},
	{"since:2024-05-01T08+02:00", 0, INT64_C(1714543200000),
	 INT64_C(1714543200000) + HOUR},
	/* times of day: the latest one at or before now */
	{"since:08:00", 0, D20240501 + 8 * HOUR, D20240501 + 8 * HOUR + MIN},
	{"since:12:00", 0, NOW, NOW + MIN},
	{"since:12:00:01", 0, INT64_C(1714478401000),
	 INT64_C(1714478401000) + SEC},
	{"since:23:00", 0, INT64_C(1714518000000), INT64_C(1714518000000) + MIN},
	{"since:23:00", INT64_C(1714525200000) /* 01:00 */,
	 INT64_C(1714518000000), INT64_C(1714518000000) + MIN},
	{"since:08:00:00.5", 0, D20240501 + 8 * HOUR + 500,
	 D20240501 + 8 * HOUR + 600},
	{"since:08:00+02:00", 0, INT64_C(1714543200000),
	 INT64_C(1714543200000) + MIN},
	{"since:13:00+02:00", 0, INT64_C(1714561200000),
	 INT64_C(1714561200000) + MIN},
	{"since:14:30+02:00", 0, INT64_C(1714480200000),
	 INT64_C(1714480200000) + MIN},
	{"since:02:00-05:00", 0, INT64_C(1714546800000),
	 INT64_C(1714546800000) + MIN},
	{"since:20:00-05:00", 0, INT64_C(1714525200000),
	 INT64_C(1714525200000) + MIN},
	{"since:23:00Z", -1 /* 1969-12-31T23:59:59.999Z */, -HOUR, -HOUR + MIN},
};

static void test_times(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(time_cases); i++) {
		const char *in = time_cases[i].in;
		int64_t now = time_cases[i].now ? time_cases[i].now : NOW;
		struct filter *f = parse_ok(in, now);
		expect_num(in, "nterms", (long long)f->nterms, 1);
		expect_num(in, "nvalues", (long long)f->terms[0].nvalues, 1);
		const struct filter_value *v = &f->terms[0].values[0];
		expect_num(in, "match", v->match, FM_TIME);
		expect_num(in, "time_lo", v->time_lo, time_cases[i].lo);
		expect_num(in, "time_hi", v->time_hi, time_cases[i].hi);
		/* the value is kept as written, after the key */
		expect_str(in, "text", v->text, strchr(in, ':') + 1);
		check_round_trip(in, NULL, now);
		filter_free(f);
	}
}

/* ---- bad filters: where and why ---- */

static const struct {
	const char *in;
	size_t pos, len;
	const char *message; /* a part the message must contain */
} error_cases[] = {
	/* keys */
	{"foo:bar", 0, 3, "unknown key 'foo'"},
	{"event:a Foo:b", 8, 3, "unknown key 'Foo'"},
	{"-http://example.com", 1, 4, "unknown key 'http'"},
	{"region:global,eu-west-1 foo:1", 24, 3, "unknown key 'foo'"},
	/* negation */
	{"-", 0, 1, "'-'"},
	{"a - b", 2, 1, "'-'"},
	/* empty values */
	{"event:", 5, 1, "empty value in 'event:'"},
	{"event:a,,b", 7, 1, "empty value in 'event:a,,b'"},
	{"event:a,", 7, 1, "empty value"},
	{"event:,a", 5, 1, "empty value"},
	{"event:\"\"", 6, 2, "empty value"},
	{"x error:", 7, 1, "empty value in 'error:'"},
	{"cat:", 3, 1, "empty value"},
	{"since:", 5, 1, "empty value"},
	{"\"\"", 0, 2, "empty search text"},
	{"-\"\"", 0, 3, "empty search text"},
	/* quotes */
	{"agent:\"abc", 6, 1, "unterminated quote at '\"abc'"},
	{"\"abc", 0, 1, "unterminated quote"},
	{"event:a \"x y", 8, 1, "unterminated quote"},
	{"agent:\"a\\\"", 6, 1, "unterminated quote"},
	{"agent:\"ok\" b\"", 12, 1, "unterminated quote"},
	/* cat and ro */
	{"cat:foo", 4, 3, "unknown category 'foo'"},
	{"cat:data,dat*", 9, 4, "mgmt, data, insight or network"},
	{"ro:maybe", 3, 5, "'maybe' for ro"},
	{"ro:true,*", 8, 1, "true or false"},
	/* since and until: the term */
	{"since:6h,7h", 0, 11, "single time"},
	{"since:6*", 0, 8, "not a pattern"},
	{"-since:6h", 0, 9, "use until: instead"},
	{"-until:6h", 0, 9, "use since: instead"},
	{"since:6h since:7h", 9, 8, "only one since:"},
	{"until:1d event:x UNTIL:2d", 17, 8, "only one until:"},
	/* since and until: the value */
	{"since:2023-02-29", 6, 10, "bad time '2023-02-29'"},
	{"since:1900-02-29", 6, 10, "day that exists"},
	{"since:2024-04-31", 6, 10, "day that exists"},
	{"since:2024-13-01", 6, 10, "month"},
	{"since:2024-00-10", 6, 10, "month"},
	{"since:2024-05-00", 6, 10, "day"},
	{"since:2024-05-01T24:00", 6, 16, "hour"},
	{"since:2024-05-01T23:60", 6, 16, "minutes"},
	{"since:2024-05-01T23:59:60", 6, 19, "seconds"},
	{"since:2024-05-01T08:00+25:00", 6, 22, "offset"},
	{"since:24:00", 6, 5, "hour"},
	{"since:yesterday", 6, 9, "bad time 'yesterday': expected"},
	{"since:6", 6, 1, "bad time '6'"},
	{"since:6y", 6, 2, "bad time"},
	{"since:6H", 6, 2, "bad time"},
	{"since:6h30m", 6, 5, "bad time"},
	{"since:2024-5-1", 6, 8, "bad time"},
	{"since:2024-05-01Z", 6, 11, "bad time"},
	{"since:2024-05-01T", 6, 11, "bad time"},
	{"since:2024-05-01T8:00", 6, 15, "bad time"},
	{"since:2024-05-01T08:00:00.", 6, 20, "bad time"},
	{"since:2024-05-01T08:00+2", 6, 18, "bad time"},
	{"since:2024-05-01T08:00Zx", 6, 18, "bad time"},
	{"since:8:00", 6, 4, "bad time"},
	{"since:08", 6, 2, "bad time"},
	{"since:1714564800", 6, 10, "bad time"},
	{"since:99999999999999999999w", 6, 21, "10000 years"},
	{"since:\"2024-05-01 08:00\"", 6, 18, "bad time '\"2024-05-01 08:00\"'"},
};

static void test_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(error_cases); i++) {
		const char *in = error_cases[i].in;
		struct filter_error err;
		memset(&err, 0, sizeof err);
		struct filter *f = filter_parse(in, NOW, &err);
		if (f) {
			filter_free(f);
			fail_msg("'%s': accepted, expected an error", in);
		}
		expect_num(in, "error pos", (long long)err.pos,
		           (long long)error_cases[i].pos);
		expect_num(in, "error len", (long long)err.len,
		           (long long)error_cases[i].len);
		if (!strstr(err.message, error_cases[i].message))
			fail_msg("'%s': message '%s' lacks '%s'", in,
			         err.message, error_cases[i].message);
	}
}

/* Is `s` whole UTF-8 (no sequence cut short)? */
static bool utf8_whole(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
		for (size_t k = 1; k < n; k++)
			if ((p[k] & 0xC0) != 0x80)
				return false;
		p += n;
	}
	return true;
}

/* Long offending text is cut on a character boundary, with an ellipsis,
 * and the message still fits. */
static void test_error_truncation(void **state)
{
	(void)state;
	static const char *const inputs[] = {
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:1",
		"since:\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9",
		"cat:xx\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"
		"\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"
		"\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC",
	};
	for (size_t i = 0; i < N_ELEMS(inputs); i++) {
		struct filter_error err;
		struct filter *f = filter_parse(inputs[i], NOW, &err);
		if (f)
			fail_msg("'%s': accepted", inputs[i]);
		if (strlen(err.message) >= sizeof err.message)
			fail_msg("'%s': message too long", inputs[i]);
		if (!strstr(err.message, "\xE2\x80\xA6"))
			fail_msg("'%s': no ellipsis in '%s'", inputs[i],
			         err.message);
		if (!utf8_whole(err.message))
			fail_msg("'%s': broken UTF-8 in '%s'", inputs[i],
			         err.message);
	}
}

/* A NULL error pointer is allowed: the caller only wants yes or no. */
static void test_error_without_report(void **state)
{
	(void)state;
	assert_null(filter_parse("foo:x", NOW, NULL));
	struct filter *f = filter_parse("event:x", NOW, NULL);
	assert_non_null(f);
	filter_free(f);
	filter_free(NULL);
}

/* ---- spans, blank filters, copies ---- */

static void test_spans(void **state)
{
	(void)state;
	static const char in[] = "  event:a  -\"x y\"\tcat:data,mgmt";
	struct filter *f = parse_ok(in, NOW);
	assert_int_equal(f->nterms, 3);
	assert_int_equal(f->terms[0].pos, 2);
	assert_int_equal(f->terms[0].len, 7);
	assert_int_equal(f->terms[1].pos, 11);
	assert_int_equal(f->terms[1].len, 6);
	assert_int_equal(f->terms[2].pos, 18);
	assert_int_equal(f->terms[2].len, 13);
	filter_free(f);
}

static void test_blank(void **state)
{
	(void)state;
	static const char *const blanks[] = {"", " ", "\t", " \t  \t "};
	for (size_t i = 0; i < N_ELEMS(blanks); i++) {
		struct filter *f = parse_ok(blanks[i], NOW);
		expect_num(blanks[i], "nterms", (long long)f->nterms, 0);
		assert_false(filter_has_key(f, FK_TEXT));
		char *s = format_ok(blanks[i], f);
		expect_str(blanks[i], "canonical form", s, "");
		free(s);
		filter_free(f);
	}
}

static const struct {
	const char *in;
	enum filter_key key;
	bool had;
	const char *without;
} without_cases[] = {
	{"event:a -event:b region:x foo", FK_EVENT, true, "region:x foo"},
	{"event:a -event:b region:x foo", FK_TEXT, true,
	 "event:a -event:b region:x"},
	{"event:a -event:b region:x foo", FK_REGION, true,
	 "event:a -event:b foo"},
	{"event:a -event:b region:x foo", FK_CAT, false,
	 "event:a -event:b region:x foo"},
	{"cat:data,mgmt ro:no since:6h", FK_CAT, true, "ro:false since:6h"},
	{"cat:data since:2024-05-01 -principal:x*", FK_SINCE, true,
	 "cat:data -principal:x*"},
	{"cat:data", FK_CAT, true, ""},
	{"", FK_CAT, false, ""},
};

static void test_without_key(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(without_cases); i++) {
		const char *in = without_cases[i].in;
		enum filter_key key = without_cases[i].key;
		struct filter *f = parse_ok(in, NOW);
		expect_num(in, "has_key", filter_has_key(f, key),
		           without_cases[i].had);
		char *before = format_ok(in, f);
		struct filter *g = filter_without_key(f, key);
		if (!g)
			fail_msg("'%s': filter_without_key returned NULL", in);
		expect_num(in, "has_key after", filter_has_key(g, key), false);
		char *s = format_ok(in, g);
		expect_str(in, "without key", s, without_cases[i].without);
		filter_free(f); /* the copy must not share anything */
		struct filter *h = parse_ok(s, NOW);
		expect_same(in, h, g);
		char *after = format_ok(in, h);
		expect_str(in, "reparsed copy", after,
		           without_cases[i].without);
		free(after);
		free(s);
		free(before);
		filter_free(h);
		filter_free(g);
	}
}

/* The time values of a copy are copied too, not re-derived. */
static void test_without_key_keeps_times(void **state)
{
	(void)state;
	struct filter *f =
		parse_ok("event:x since:2024-05-01T08 until:6h", NOW);
	struct filter *g = filter_without_key(f, FK_EVENT);
	assert_non_null(g);
	assert_int_equal(g->nterms, 2);
	assert_int_equal(g->terms[0].key, FK_SINCE);
	assert_int_equal(g->terms[0].values[0].time_lo, D20240501 + 8 * HOUR);
	assert_int_equal(g->terms[0].values[0].time_hi, D20240501 + 9 * HOUR);
	assert_int_equal(g->terms[1].values[0].time_lo, NOW - 6 * HOUR);
	assert_int_equal(g->terms[1].pos, f->terms[2].pos);
	assert_ptr_not_equal(g->terms[0].values[0].text,
	                     f->terms[1].values[0].text);
	filter_free(f);
	filter_free(g);
}

/* ---- names ---- */

static void test_names(void **state)
{
	(void)state;
	static const char *const names[FK_COUNT_] = {
		"cat", "region", "service", "event", "principal", "type",
		"key", "ip", "account", "error", "ro", "resource", "id",
		"request", "agent", "since", "until", "",
	};
	for (int k = 0; k < FK_COUNT_; k++)
		expect_str(names[k], "key name",
		           filter_key_name((enum filter_key)k), names[k]);
	expect_str("-", "key name", filter_key_name(FK_COUNT_), "");
	expect_str("mgmt", "word", filter_category_word(CAT_MANAGEMENT),
	           "mgmt");
	expect_str("data", "word", filter_category_word(CAT_DATA), "data");
	expect_str("insight", "word", filter_category_word(CAT_INSIGHT),
	           "insight");
	expect_str("network", "word", filter_category_word(CAT_NETWORK),
	           "network");
	expect_str("mgmt", "label", filter_category_label(CAT_MANAGEMENT),
	           "Management");
	expect_str("data", "label", filter_category_label(CAT_DATA), "Data");
	expect_str("insight", "label", filter_category_label(CAT_INSIGHT),
	           "Insight");
	expect_str("network", "label", filter_category_label(CAT_NETWORK),
	           "Network activity");
	expect_str("-", "word", filter_category_word(CAT_COUNT_), "");
}

/* A tree built by hand (as the UI does for a facet) prints from the
 * values' meaning, not from their text. */
static void test_format_hand_built(void **state)
{
	(void)state;
	struct filter_value cat = {.match = FM_CATEGORY,
	                           .category = CAT_NETWORK};
	struct filter_value ro = {.match = FM_BOOL, .flag = true};
	struct filter_value glob = {.match = FM_ANY};
	struct filter_value word = {.match = FM_EXACT, .text = (char *)"-x y"};
	struct filter_term terms[] = {
		{.key = FK_CAT, .nvalues = 1, .values = &cat},
		{.key = FK_RO, .negated = true, .nvalues = 1, .values = &ro},
		{.key = FK_REGION, .nvalues = 1, .values = &glob},
		{.key = FK_TEXT, .nvalues = 1, .values = &word},
	};
	struct filter f = {N_ELEMS(terms), terms};
	char *s = filter_format(&f);
	assert_non_null(s);
	assert_string_equal(s, "cat:network -ro:true region:global \"-x y\"");
	free(s);
	s = filter_format(NULL);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_form),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_error_truncation),
		cmocka_unit_test(test_error_without_report),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_without_key),
		cmocka_unit_test(test_without_key_keeps_times),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_format_hand_built),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
