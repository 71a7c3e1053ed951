/* test_tally.c - the step-at-a-time tally must agree, value for value,
 * with the SQL it stands in for: store_count() under the filter,
 * store_facet() under the filter without the facet's key, and
 * store_histogram(); whether it runs in one step or in many. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store_fixture.h"

static const enum store_dimension dims[] = {
	DIM_CATEGORY, DIM_REGION, DIM_SERVICE, DIM_EVENT,
	DIM_PRINCIPAL, DIM_ACCOUNT, DIM_ERROR, DIM_READ_ONLY,
};
static const enum filter_key keys[] = {
	FK_CAT, FK_REGION, FK_SERVICE, FK_EVENT,
	FK_PRINCIPAL, FK_ACCOUNT, FK_ERROR, FK_RO,
};
#define NDIMS (sizeof dims / sizeof dims[0])

/* The base events, then 600 more spread over two days and every value
 * of a few small lists, so that facets have many values and rows fail
 * one, two or more terms of a filter. */
static int setup(void **state)
{
	struct store *s = store_open(":memory:", STORE_READ_WRITE, NULL, 0);
	assert_non_null(s);
	assert_int_equal(fx_add_file(s, "/t/base.json", fx_base, fx_nbase,
	                             FX_PLAIN), 0);
	static const char *const regions[] = { "us-east-1", "eu-west-1",
		                               "ap-south-1", "us-west-2" };
	static const char *const names[] = { "GetObject", "PutObject",
		                             "ListBuckets", "CreateUser",
		                             "StopLogging" };
	static const char *const users[] = { "alice", "bob", "carol" };
	static const char *const errors[] = { NULL, NULL, "AccessDenied",
		                              NULL, "ThrottlingException" };
	enum { N = 600 };
	struct fx_event *ev = calloc(N, sizeof *ev);
	char (*ids)[16] = calloc(N, sizeof *ids);
	char (*arns)[64] = calloc(N, sizeof *arns);
	assert_non_null(ev);
	for (int i = 0; i < N; i++) {
		snprintf(ids[i], sizeof ids[i], "g%04d", i);
		const char *user = users[i % 3];
		snprintf(arns[i], sizeof arns[i],
		         "arn:aws:iam::11111111111%d:user/%s", i % 2, user);
		ev[i] = (struct fx_event){
			.id = ids[i], .ms = FX_T0 + (int64_t)i * 287000,
			.cat = (enum event_category)(i % 7 == 0 ? 1 : 0),
			.region = regions[i % 4],
			.service = i % 2 ? "s3.amazonaws.com" : "iam.amazonaws.com",
			.name = names[i % 5], .type = "IAMUser", .arn = arns[i],
			.user = user, .account = i % 2 ? "111111111111"
			                               : "111111111110",
			.ip = "192.0.2.1", .error = errors[i % 5],
			.ro = i % 3 == 0 ? -1 : i % 3 == 1, .global = i % 11 == 0,
		};
	}
	/* Principals that name no one: none at all (no principal row), and
	 * rows of a type or an account alone, several of them, all one
	 * "(none)" in either count. */
	for (int i = 0; i < N; i += 13) {
		ev[i].arn = ev[i].user = NULL;
		ev[i].type = i % 26 ? "AWSService" : "Unknown";
		ev[i].principal_account = i % 3 ? NULL : "444455556666";
		if (i % 5 == 0)
			ev[i].type = NULL;
	}
	/* Principals of one value (a name, no ARN) in two accounts: two
	 * principal rows, one value, one row in either count. */
	for (int i = 1; i < N; i += 19) {
		if (i % 13 == 0)
			continue;
		ev[i].arn = NULL;
		ev[i].user = "dave";
		ev[i].principal_account = (i / 19) % 2 ? "444455556666"
		                                       : "777788889999";
	}
	assert_int_equal(fx_add_file(s, "/t/more.json", ev, N, FX_PLAIN), 0);
	free(ev);
	free(ids);
	free(arns);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

static int by_value(const void *pa, const void *pb)
{
	const struct store_facet_value *a = pa, *b = pb;
	const char *x = a->value ? a->value : "", *y = b->value ? b->value : "";
	int c = strcmp(x, y);
	return c ? c : strcmp(a->label, b->label);
}

static void same_facet(struct store_facet *want, struct store_facet *got,
                       const char *filter, enum store_dimension dim)
{
	qsort(want->values, want->count, sizeof *want->values, by_value);
	qsort(got->values, got->count, sizeof *got->values, by_value);
	if (want->count != got->count)
		fail_msg("'%s' facet %s: %zu values by SQL, %zu by tally", filter,
		         store_dimension_name(dim), want->count, got->count);
	for (size_t i = 0; i < want->count; i++)
		if (by_value(&want->values[i], &got->values[i]) != 0 ||
		    want->values[i].count != got->values[i].count)
			fail_msg("'%s' facet %s: SQL %s=%lld, tally %s=%lld",
			         filter, store_dimension_name(dim),
			         want->values[i].label,
			         (long long)want->values[i].count,
			         got->values[i].label,
			         (long long)got->values[i].count);
}

/* Runs the tally in steps of `budget` ms (0: as many tiny steps as it
 * takes) and compares everything with the SQL answers. */
/* A value is one row: `principal:dave` matches both of dave's rows, so
 * the count shows them as one. */
static void one_row_a_value(const struct store_facet *f, const char *text)
{
	for (size_t i = 0; i < f->count; i++)
		for (size_t j = i + 1; j < f->count; j++)
			if (f->values[i].value && f->values[j].value &&
			    strcmp(f->values[i].value, f->values[j].value) == 0)
				fail_msg("'%s': principal %s on two rows", text,
				         f->values[i].value);
}

static void agree(struct store *s, const char *text, int64_t budget)
{
	struct filter *f = fx_filter(text);
	struct store_tally_spec spec = { dims, NDIMS, FX_HOUR, FX_T0,
		                         FX_T0 + 48 * FX_HOUR };
	struct store_tally *t = store_tally_begin(s, f, &spec);
	assert_non_null(t);
	int rc, steps = 0;
	while ((rc = store_tally_step(t, budget)) == 0)
		steps++;
	assert_int_equal(rc, 1);
	assert_true(store_tally_done(t));

	int64_t want = 0;
	assert_int_equal(store_count(s, f, &want), 0);
	if (want != store_tally_matched(t))
		fail_msg("'%s': store_count %lld, tally %lld", text,
		         (long long)want, (long long)store_tally_matched(t));
	for (size_t d = 0; d < NDIMS; d++) {
		struct filter *without = filter_without_key(f, keys[d]);
		struct store_facet sql = { 0 }, got = { 0 };
		assert_int_equal(store_facet(s, without, dims[d], 0, &sql), 0);
		assert_int_equal(store_tally_facet(t, d, 0, &got), 0);
		same_facet(&sql, &got, text, dims[d]);
		if (dims[d] == DIM_PRINCIPAL)
			one_row_a_value(&got, text);
		if (dims[d] == DIM_REGION) {
			struct filter *g = filter_without_key(f, FK_REGION);
			int64_t n = 0;
			char *gt = filter_format(g);
			char buf[512];
			snprintf(buf, sizeof buf, "%s region:global", gt);
			struct filter *gf = fx_filter(buf);
			assert_int_equal(store_count(s, gf, &n), 0);
			assert_int_equal(n, store_tally_global(t));
			filter_free(gf);
			free(gt);
			filter_free(g);
		}
		store_facet_free(&sql);
		store_facet_free(&got);
		filter_free(without);
	}
	/* The histogram's window as the filter language writes it; a filter
	 * with a time term of its own is left out (one since: per filter). */
	if (!filter_has_key(f, FK_SINCE) && !filter_has_key(f, FK_UNTIL)) {
		char *ht = filter_format(f);
		char buf[512];
		snprintf(buf, sizeof buf,
		         "%s since:2024-05-01 until:2024-05-02T23:59:59", ht);
		struct filter *hf = fx_filter(*ht ? buf : buf + 1);
		struct store_histogram sql = { 0 }, got = { 0 };
		assert_int_equal(store_histogram(s, hf, FX_HOUR, &sql), 0);
		assert_int_equal(store_tally_histogram(t, &got), 0);
		assert_true(sql.count > 0);
		assert_int_equal(sql.count, got.count);
		for (size_t i = 0; i < sql.count; i++) {
			assert_int_equal(sql.buckets[i].start_ms,
			                 got.buckets[i].start_ms);
			assert_int_equal(sql.buckets[i].count, got.buckets[i].count);
			assert_int_equal(sql.buckets[i].errors,
			                 got.buckets[i].errors);
		}
		store_histogram_free(&sql);
		store_histogram_free(&got);
		filter_free(hf);
		free(ht);
	}
	store_tally_free(t);
	filter_free(f);
}

static const char *const filters[] = {
	"",
	"region:eu-west-1",
	"region:eu-west-1,us-east-1 event:GetObject",
	"-region:ap-south-1 error:any",
	"error:none ro:true",
	"principal:alice service:s3",
	"cat:data -event:Get*",
	"account:111111111110 region:global",
	"event:StopLogging,CreateUser principal:bob since:2024-05-01T12:00",
	"ip:192.0.2.1 error:AccessDenied",
	"secret",
	/* One key's index beside more terms (tally.c's read_rest): for
	 * the histogram alone, service: is the rest's index; with the
	 * facets, ip:. */
	"service:s3 ro:true -event:GetObject",
	"ip:192.0.2.1 -error:AccessDenied region:eu-west-1",
	"ip:192.0.2.1 alice",
};

static void test_agrees_in_one_step(void **state)
{
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
		agree(*state, filters[i], 100000);
}

static void test_agrees_in_many_steps(void **state)
{
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
		agree(*state, filters[i], 0);
}

/* resource: terms are counted two ways (where.c): the matches gathered
 * first, or, past a number of events, each event asked about its
 * resources with the answer in the misses column (tally.c).  Both must
 * agree with the SQL answers, which gather. */
static const char *const resource_filters[] = {
	"resource:arn:aws:*",
	"resource:mallory,secret.txt",
	"resource:*.txt region:eu-west-1",
	"-resource:mallory cat:data",
	"resource:arn:aws:s3:::prod-bucket/* event:GetObject,PutObject",
	"-resource:*.txt region:us-east-1",
};

static void test_resource_terms_both_ways(void **state)
{
	for (int64_t limit = 0; limit >= -1; limit--) {
		store_set_resource_gather_limit(*state, limit);
		for (size_t i = 0; i < sizeof resource_filters /
		                           sizeof resource_filters[0]; i++) {
			agree(*state, resource_filters[i], 100000);
			agree(*state, resource_filters[i], 0);
		}
	}
	store_set_resource_gather_limit(*state, 0);
}

/* A histogram alone counts only its window, read through the time index
 * when it is narrow and by a pass over the events when it covers a
 * quarter of their span or more (the fixture spans 25 hours); either
 * way it must agree with store_histogram() over the same window. */
static const struct {
	int from_hour, to_hour;
	const char *terms;
} windows[] = {
	{ 3, 20, "since:2024-05-01T03:00 until:2024-05-01T19:59:59" },
	{ 2, 4, "since:2024-05-01T02:00 until:2024-05-01T03:59:59" },
};

static void check_window(struct store *s, const char *filter, size_t wi)
{
	struct filter *f = fx_filter(filter);
	struct store_tally_spec spec = {
		NULL, 0, FX_HOUR, FX_T0 + windows[wi].from_hour * FX_HOUR,
		FX_T0 + windows[wi].to_hour * FX_HOUR
	};
	struct store_tally *t = store_tally_begin(s, f, &spec);
	assert_non_null(t);
	while (store_tally_step(t, 0) == 0)
		;
	char buf[512];
	snprintf(buf, sizeof buf, "%s %s", filter, windows[wi].terms);
	struct filter *w = fx_filter(*filter ? buf : buf + 1);
	struct store_histogram want = { 0 }, got = { 0 };
	int64_t n = 0;
	assert_int_equal(store_histogram(s, w, FX_HOUR, &want), 0);
	assert_int_equal(store_count(s, w, &n), 0);
	assert_int_equal(store_tally_histogram(t, &got), 0);
	assert_int_equal(want.count, got.count);
	for (size_t b = 0; b < want.count; b++) {
		assert_int_equal(want.buckets[b].start_ms, got.buckets[b].start_ms);
		assert_int_equal(want.buckets[b].count, got.buckets[b].count);
		assert_int_equal(want.buckets[b].errors, got.buckets[b].errors);
	}
	/* Only the window was counted. */
	assert_int_equal(store_tally_matched(t), n);
	store_histogram_free(&want);
	store_histogram_free(&got);
	filter_free(w);
	filter_free(f);
	store_tally_free(t);
}

static void test_histogram_window(void **state)
{
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		struct filter *f = fx_filter(filters[i]);
		bool timed = filter_has_key(f, FK_SINCE);
		filter_free(f);
		for (size_t wi = 0; !timed && wi < 2; wi++)
			check_window(*state, filters[i], wi);
	}
}

static void test_limit_and_order(void **state)
{
	struct store_tally_spec spec = { dims, NDIMS, 0, 0, 0 };
	struct store_tally *t = store_tally_begin(*state, NULL, &spec);
	assert_non_null(t);
	assert_int_equal(store_tally_step(t, 100000), 1);
	struct store_facet got = { 0 };
	assert_int_equal(store_tally_facet(t, 3, 2, &got), 0);
	assert_int_equal(got.count, 2);
	assert_true(got.values[0].count >= got.values[1].count);
	struct store_histogram h = { 0 };
	assert_int_equal(store_tally_histogram(t, &h), 0);
	assert_int_equal(h.count, 0); /* no histogram asked for */
	int64_t oldest, newest;
	store_tally_span(t, &oldest, &newest);
	assert_int_equal(oldest, FX_T0);
	assert_true(newest > oldest);
	store_facet_free(&got);
	store_tally_free(t);
}

static bool named_stop(const struct store_facet_value *v, void *arg)
{
	(void)arg;
	return v->value && strstr(v->value, "Stop") != NULL;
}

static bool not_first(const struct store_facet_value *v, void *first)
{
	return !v->value || strcmp(v->value, first) != 0;
}

/* A keep test picks among all the counted values, wherever they rank,
 * and the limit counts only those it keeps. */
static void test_facet_where(void **state)
{
	struct store_tally_spec spec = { dims, NDIMS, 0, 0, 0 };
	struct store_tally *t = store_tally_begin(*state, NULL, &spec);
	assert_non_null(t);
	assert_int_equal(store_tally_step(t, 100000), 1);
	struct store_facet all = { 0 }, got = { 0 };
	assert_int_equal(store_tally_facet(t, 3, 0, &all), 0);
	assert_true(all.count >= 3);
	int64_t stops = -1;
	for (size_t i = 0; i < all.count; i++)
		if (strcmp(all.values[i].value, "StopLogging") == 0)
			stops = all.values[i].count;
	assert_true(stops > 0);
	assert_int_equal(store_tally_facet_where(t, 3, 1, named_stop, NULL,
	                                         &got), 0);
	assert_int_equal(got.count, 1);
	assert_string_equal(got.values[0].value, "StopLogging");
	assert_int_equal(got.values[0].count, stops);
	assert_int_equal(store_tally_facet_where(t, 3, 2, not_first,
	                                         all.values[0].value, &got), 0);
	assert_int_equal(got.count, 2);
	assert_string_equal(got.values[0].value, all.values[1].value);
	assert_string_equal(got.values[1].value, all.values[2].value);
	assert_int_equal(store_tally_facet_where(t, 3, 0, not_first,
	                                         all.values[0].value, &got), 0);
	assert_int_equal(got.count, all.count - 1);
	store_facet_free(&got);
	store_facet_free(&all);
	store_tally_free(t);
}

/* Events without a usable time (stored as 0; one before 1970 is no
 * better) are counted as matches but apart from the span, which is the
 * dated events'; the summary's oldest dated event likewise. */
static void test_undated_apart(void **state)
{
	(void)state;
	struct store *s = store_open(":memory:", STORE_READ_WRITE, NULL, 0);
	assert_non_null(s);
	const struct fx_event ev[] = {
		{ .id = "d1", .ms = FX_T0 + FX_HOUR, .region = "us-east-1",
		  .service = "s3.amazonaws.com", .name = "GetObject", .ro = 1 },
		{ .id = "d2", .ms = FX_T0 + 3 * FX_HOUR, .region = "us-east-1",
		  .service = "s3.amazonaws.com", .name = "PutObject", .ro = 0 },
		{ .id = "u1", .ms = 0, .region = "us-east-1",
		  .service = "s3.amazonaws.com", .name = "GetObject", .ro = 1 },
		{ .id = "u2", .ms = -62135596800000LL, /* 0001-01-01 */
		  .region = "us-east-1", .service = "s3.amazonaws.com",
		  .name = "GetObject", .ro = 1 },
	};
	assert_int_equal(fx_add_file(s, "/t/undated.json", ev, 4, FX_PLAIN), 0);
	struct store_tally_spec spec = { dims, NDIMS, 0, 0, 0 };
	struct store_tally *t = store_tally_begin(s, NULL, &spec);
	assert_non_null(t);
	assert_int_equal(store_tally_step(t, 100000), 1);
	int64_t oldest, newest;
	assert_int_equal(store_tally_matched(t), 4);
	assert_int_equal(store_tally_undated(t), 2);
	store_tally_span(t, &oldest, &newest);
	assert_int_equal(oldest, FX_T0 + FX_HOUR);
	assert_int_equal(newest, FX_T0 + 3 * FX_HOUR);
	store_tally_free(t);

	/* Only undated matches: no span at all.  (until: would match none:
	 * an event of no known time is not known to be before it.) */
	struct filter *f = fx_filter("id:u1,u2");
	t = store_tally_begin(s, f, &spec);
	assert_non_null(t);
	assert_int_equal(store_tally_step(t, 100000), 1);
	assert_int_equal(store_tally_matched(t), 2);
	assert_int_equal(store_tally_undated(t), 2);
	store_tally_span(t, &oldest, &newest);
	assert_int_equal(oldest, 0);
	assert_int_equal(newest, 0);
	store_tally_free(t);
	filter_free(f);

	struct store_summary sum;
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.oldest_ms, FX_T0 + FX_HOUR);
	assert_int_equal(sum.newest_ms, FX_T0 + 3 * FX_HOUR);
	store_close(s);
}

/* Many events that one index finds (all S3, all from one address), for
 * filters adding a term none of them meets. */
static int setup_many(void **state)
{
	struct store *s = store_open(":memory:", STORE_READ_WRITE, NULL, 0);
	assert_non_null(s);
	enum { N = 3000 };
	struct fx_event *ev = calloc(N, sizeof *ev);
	char (*ids)[16] = calloc(N, sizeof *ids);
	assert_non_null(ev);
	assert_non_null(ids);
	for (int i = 0; i < N; i++) {
		snprintf(ids[i], sizeof ids[i], "m%05d", i);
		ev[i] = (struct fx_event){
			.id = ids[i], .ms = FX_T0 + (int64_t)i * 1000,
			.region = "us-east-1", .service = "s3.amazonaws.com",
			.name = "GetObject", .type = "IAMUser",
			.arn = "arn:aws:iam::111111111111:user/alice",
			.user = "alice", .account = "111111111111",
			.ip = "192.0.2.1", .ro = 1,
		};
	}
	assert_int_equal(fx_add_file(s, "/t/many.json", ev, N, FX_PLAIN), 0);
	free(ev);
	free(ids);
	*state = s;
	return 0;
}

/* A term found through an index beside one that no event meets: the
 * step must stop on its clock while it reads the index's events.  Before
 * tally.c's read_rest, SQLite read all of them inside one step for a row
 * to return: a step of 0 ms ended the tally at once, and at 10M events
 * service:s3 nosuchword held the browser 15.7 s. */
static void test_sparse_rest_stops_on_time(void **state)
{
	static const char *const sparse[] = {
		"service:s3 nosuchword", "service:s3 request:nosuch",
		"event:GetObject -service:s3", "ip:192.0.2.1 nosuchword",
	};
	struct store_tally_spec alone = { NULL, 0, FX_HOUR, FX_T0,
		                          FX_T0 + 48 * FX_HOUR };
	struct store_tally_spec faceted = { dims, NDIMS, 0, 0, 0 };
	for (size_t i = 0; i < sizeof sparse / sizeof sparse[0]; i++)
		for (int with_facets = 0; with_facets < 2; with_facets++) {
			struct filter *f = fx_filter(sparse[i]);
			struct store_tally *t = store_tally_begin(
				*state, f, with_facets ? &faceted : &alone);
			assert_non_null(t);
			int steps = 0, rc;
			while ((rc = store_tally_step(t, 0)) == 0)
				steps++;
			assert_int_equal(rc, 1);
			if (steps < 2)
				fail_msg("'%s'%s: %d steps of 0 ms, expected the "
				         "clock seen in the 3000 events",
				         sparse[i], with_facets ? " (facets)" : "",
				         steps);
			assert_int_equal(store_tally_matched(t), 0);
			store_tally_free(t);
			filter_free(f);
		}
	/* And the counts stay right where the term is met. */
	agree(*state, "service:s3 ro:true", 0);
	agree(*state, "ip:192.0.2.1 alice", 0);
}

/* Events of no known time (eventTime missing or unparseable: time 0) are
 * counted, but take no part in the span, the histogram or until:, and
 * are not the database's oldest: one of them stretched the browser's
 * timeline back to 1970. */
static void test_undated_events(void **state)
{
	(void)state;
	struct store *s = store_open(":memory:", STORE_READ_WRITE, NULL, 0);
	assert_non_null(s);
	struct fx_event ev[4] = { fx_base[0], fx_base[1], fx_base[2],
		                  fx_base[3] };
	ev[0].id = "undated-1";
	ev[0].ms = EVENT_TIME_UNKNOWN;
	ev[2].id = "undated-2";
	ev[2].ms = EVENT_TIME_UNKNOWN;
	assert_int_equal(fx_add_file(s, "/t/u.json", ev, 4, FX_PLAIN), 0);
	int64_t lo = ev[1].ms < ev[3].ms ? ev[1].ms : ev[3].ms;
	int64_t hi = ev[1].ms < ev[3].ms ? ev[3].ms : ev[1].ms;

	struct store_tally_spec spec = { NULL, 0, FX_HOUR, INT64_MIN / 2,
		                         INT64_MAX / 2 };
	struct filter *all = fx_filter("");
	struct store_tally *t = store_tally_begin(s, all, &spec);
	assert_non_null(t);
	while (store_tally_step(t, 0) == 0)
		;
	assert_int_equal(store_tally_matched(t), 4);
	int64_t oldest, newest;
	store_tally_span(t, &oldest, &newest);
	assert_int_equal(oldest, lo);
	assert_int_equal(newest, hi);
	struct store_histogram got = { 0 }, sql = { 0 };
	assert_int_equal(store_tally_histogram(t, &got), 0);
	assert_int_equal(store_histogram(s, all, FX_HOUR, &sql), 0);
	assert_int_equal(got.count, sql.count);
	int64_t in_buckets = 0;
	for (size_t i = 0; i < sql.count; i++) {
		assert_true(sql.buckets[i].start_ms >= lo - FX_HOUR);
		assert_int_equal(got.buckets[i].start_ms, sql.buckets[i].start_ms);
		in_buckets += sql.buckets[i].count;
	}
	assert_int_equal(in_buckets, 2);
	store_histogram_free(&got);
	store_histogram_free(&sql);
	store_tally_free(t);
	filter_free(all);

	char *ids = fx_ids_for(s, "until:2030-01-01");
	assert_null(strstr(ids, "undated"));
	free(ids);
	ids = fx_ids_for(s, "");
	assert_non_null(strstr(ids, "undated-1"));
	free(ids);
	struct store_summary sum;
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.oldest_ms, lo);
	assert_int_equal(sum.newest_ms, hi);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_agrees_in_one_step, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_agrees_in_many_steps, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_resource_terms_both_ways,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_histogram_window, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_facet_where, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_limit_and_order, setup,
		                                teardown),
		cmocka_unit_test(test_undated_events),
		cmocka_unit_test_setup_teardown(test_sparse_rest_stops_on_time,
		                                setup_many, teardown),
		cmocka_unit_test(test_undated_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
