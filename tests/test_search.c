/* test_search.c - the page searched for a slice at a time must be the
 * page store_page() reads in one go, row for row, in order; a slice that
 * runs out of time must leave the matches found so far, in that order,
 * and the next slice go on from there.  A budget of 0 ms makes each slice
 * stop at the first look at the clock (every 256 events), so a database
 * of a few thousand events takes many slices. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "store/store.h"
#include "store_fixture.h"

enum { N = 3000 };

/* 3,000 events a minute apart; every 1,000th has the request ID
 * "needle-K" and the word "haystackword" in its record. */
static int setup(void **state)
{
	struct store *s = store_open(":memory:", STORE_READ_WRITE, NULL, 0);
	assert_non_null(s);
	struct fx_event *ev = calloc(N, sizeof *ev);
	char (*ids)[16] = calloc(N, sizeof *ids);
	char (*reqs)[16] = calloc(N, sizeof *reqs);
	assert_non_null(ev);
	for (int i = 0; i < N; i++) {
		bool needle = i % 1000 == 500;
		snprintf(ids[i], sizeof ids[i], "s%05d", i);
		snprintf(reqs[i], sizeof reqs[i], needle ? "needle-%d" : "r%d",
		         i);
		ev[i] = (struct fx_event){
			.id = ids[i], .ms = FX_T0 + (int64_t)i * 60000,
			.region = i % 2 ? "us-east-1" : "eu-west-1",
			.service = "s3.amazonaws.com", .name = "GetObject",
			.type = "IAMUser", .arn = "arn:aws:iam::111111111111:user/a",
			.user = "a", .account = "111111111111", .ip = "192.0.2.1",
			.ro = 1, .request = reqs[i],
			.extra = needle ? "\"note\":\"haystackword\"" : NULL,
		};
	}
	assert_int_equal(fx_add_file(s, "/t/many.json", ev, N, FX_PLAIN), 0);
	free(ev);
	free(ids);
	free(reqs);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

static void assert_same_page(const struct store_page *a,
                             const struct store_page *b)
{
	assert_int_equal(a->count, b->count);
	assert_int_equal(a->more, b->more);
	for (size_t i = 0; i < a->count; i++) {
		assert_int_equal(a->rows[i].row, b->rows[i].row);
		assert_string_equal(a->rows[i].event_id, b->rows[i].event_id);
	}
}

/* Steps with no time at all until the page is complete; checks on the
 * way that each partial page is a beginning of the final one, and
 * returns how many steps it took. */
static int search_in_slices(struct store *s, const char *filter,
                            const struct store_cursor *from,
                            enum store_direction dir, size_t limit,
                            struct store_page *page)
{
	struct filter *f = fx_filter(filter);
	struct store_search *q = store_search_begin(s, f, from, dir, limit);
	assert_non_null(q);
	int steps = 0, rc;
	size_t seen = 0;
	int64_t reached, last_reached = 0;
	while ((rc = store_search_step(q, 0, page)) == 0) {
		steps++;
		assert_true(steps < 1000);
		assert_true(page->count >= seen); /* found stays found */
		seen = page->count;
		assert_false(page->more);
		assert_false(store_search_done(q));
		/* The walk goes one way: newest first, it reaches older. */
		assert_true(store_search_reached(q, &reached));
		if (last_reached && dir == STORE_OLDER)
			assert_true(reached <= last_reached);
		last_reached = reached;
	}
	assert_int_equal(rc, 1);
	assert_true(store_search_done(q));
	/* Complete: further steps change nothing. */
	assert_int_equal(store_search_step(q, 0, page), 1);
	store_search_free(q);
	filter_free(f);
	return steps + 1;
}

static void check_like_store_page(struct store *s, const char *filter,
                                  const struct store_cursor *from,
                                  enum store_direction dir, size_t limit,
                                  size_t want_count, int min_steps)
{
	struct store_page whole = { 0 }, sliced = { 0 };
	struct filter *f = fx_filter(filter);
	assert_int_equal(store_page(s, f, from, dir, limit, &whole), 0);
	filter_free(f);
	int steps = search_in_slices(s, filter, from, dir, limit, &sliced);
	if (steps < min_steps)
		fail_msg("%s: %d steps, expected at least %d", filter, steps,
		         min_steps);
	assert_int_equal(whole.count, want_count);
	assert_same_page(&whole, &sliced);
	store_page_free(&whole);
	store_page_free(&sliced);
}

/* request: has no index: the walk finds the three needles over many
 * slices, newest first, and its page is store_page()'s. */
static void test_sparse_match_found_in_slices(void **state)
{
	struct store *s = *state;
	check_like_store_page(s, "request:needle-*", NULL, STORE_OLDER, 10, 3,
	                      5);
	check_like_store_page(s, "request:needle-*", NULL, STORE_NEWER, 10, 3,
	                      5);
	/* A page shorter than the matches: "more", and the newest two. */
	struct store_page p = { 0 };
	search_in_slices(s, "request:needle-*", NULL, STORE_OLDER, 2, &p);
	assert_int_equal(p.count, 2);
	assert_true(p.more);
	assert_string_equal(p.rows[0].request_id, "needle-2500");
	assert_string_equal(p.rows[1].request_id, "needle-1500");
	store_page_free(&p);
	/* A bare word, read from the records themselves. */
	check_like_store_page(s, "haystackword", NULL, STORE_OLDER, 10, 3, 5);
}

/* From a cursor, as the list pages: only the rows past it. */
static void test_from_a_cursor(void **state)
{
	struct store *s = *state;
	struct store_cursor from = { FX_T0 + 2000LL * 60000, 0 };
	struct store_page p = { 0 };
	struct filter *f = fx_filter("request:needle-*");
	assert_int_equal(store_page(s, f, NULL, STORE_OLDER, 10, &p), 0);
	filter_free(f);
	assert_int_equal(p.count, 3);
	from.row = p.rows[0].row; /* the newest needle */
	from.time_ms = p.rows[0].time_ms;
	store_page_free(&p);
	check_like_store_page(s, "request:needle-*", &from, STORE_OLDER, 10, 2,
	                      2);
	check_like_store_page(s, "request:needle-*", &from, STORE_NEWER, 10, 0,
	                      1);
}

/* Dense matches, an indexed term, nothing at all, and no filter: each in
 * its first slice, as store_page() has them. */
static void test_answered_in_one_slice(void **state)
{
	struct store *s = *state;
	struct store_page p = { 0 };
	const char *const filters[] = { "region:us-east-1", "event:GetObject",
		                        "ip:198.51.100.99", "" };
	const size_t counts[] = { 10, 10, 0, 10 };
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		struct filter *f = fx_filter(filters[i]);
		struct store_search *q =
			store_search_begin(s, f, NULL, STORE_OLDER, 10);
		assert_non_null(q);
		/* A generous slice: these take far less. */
		assert_int_equal(store_search_step(q, 10000, &p), 1);
		assert_int_equal(p.count, counts[i]);
		struct store_page whole = { 0 };
		assert_int_equal(store_page(s, f, NULL, STORE_OLDER, 10, &whole),
		                 0);
		assert_same_page(&whole, &p);
		store_page_free(&whole);
		store_search_free(q);
		filter_free(f);
	}
	store_page_free(&p);
}

/* since: and until: bound the walk: the needle outside is not found. */
static void test_within_since_and_until(void **state)
{
	struct store *s = *state;
	/* Event 1500 is at T0 + 25 h, 2500 at T0 + 41 h 40 min. */
	check_like_store_page(s,
	                      "request:needle-* since:2024-05-02T00:00:00Z "
	                      "until:2024-05-02T12:00:00Z",
	                      NULL, STORE_OLDER, 10, 1, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sparse_match_found_in_slices,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_a_cursor, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_answered_in_one_slice,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_within_since_and_until,
		                                setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
