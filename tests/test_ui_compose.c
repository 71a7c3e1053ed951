/* test_ui_compose.c - filter text composed from facet toggles, pivots
 * and timeline narrowing; list columns fitted to the width. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ui/pure.h"

static struct filter *parse(const char *text)
{
	struct filter_error err;
	struct filter *f = filter_parse(text, 0, &err);
	if (!f)
		fail_msg("%s: %s", text, err.message);
	return f;
}

/* Toggles `value` of `key` in `text` and returns the canonical result. */
static char *toggle(const char *text, enum filter_key key, const char *value)
{
	struct filter *f = parse(text);
	char *t = compose_toggle(f, key, value);
	assert_non_null(t);
	filter_free(f);
	struct filter *g = parse(t);
	char *canon = filter_format(g);
	filter_free(g);
	free(t);
	return canon;
}

static void expect_toggle(const char *text, enum filter_key key,
                          const char *value, const char *want)
{
	char *got = toggle(text, key, value);
	assert_string_equal(got, want);
	free(got);
}

static void test_toggle_or_within_and_across(void **state)
{
	(void)state;
	expect_toggle("", FK_REGION, "eu-west-1", "region:eu-west-1");
	expect_toggle("region:eu-west-1", FK_REGION, "us-east-1",
	              "region:eu-west-1,us-east-1");
	expect_toggle("region:eu-west-1,us-east-1", FK_REGION, "EU-WEST-1",
	              "region:us-east-1");
	expect_toggle("region:eu-west-1", FK_REGION, "eu-west-1", "");
	expect_toggle("region:eu-west-1", FK_CAT, "data",
	              "region:eu-west-1 cat:data");
	/* Other terms, negations of the same key and words stay. */
	expect_toggle("-region:us-west-2 since:6h foo", FK_REGION, "global",
	              "-region:us-west-2 since:6h foo region:global");
	/* Coded values come back in their canonical words. */
	expect_toggle("cat:management", FK_CAT, "data", "cat:mgmt,data");
	expect_toggle("ro:false", FK_RO, "true", "ro:false,true");
	expect_toggle("error:none", FK_ERROR, "AccessDenied",
	              "error:none,AccessDenied");
	/* Values that need quotes get them. */
	expect_toggle("", FK_PRINCIPAL, "a b,c", "principal:\"a b,c\"");
}

static void test_selected(void **state)
{
	(void)state;
	struct filter *f = parse("region:eu-west-1,global cat:data -service:s3 "
	                         "ro:false error:none");
	assert_true(compose_selected(f, FK_REGION, "eu-west-1"));
	assert_true(compose_selected(f, FK_REGION, "global"));
	assert_false(compose_selected(f, FK_REGION, "us-east-1"));
	assert_true(compose_selected(f, FK_CAT, "data"));
	assert_false(compose_selected(f, FK_SERVICE, "s3.amazonaws.com"));
	assert_true(compose_selected(f, FK_RO, "false"));
	assert_true(compose_selected(f, FK_ERROR, "none"));
	filter_free(f);
}

static void test_pivot_and_time(void **state)
{
	(void)state;
	struct filter *f = parse("region:eu-west-1 key:AKIAOLD since:6h");
	char *t = compose_set(f, FK_KEY, "AKIANEW");
	assert_string_equal(t, "region:eu-west-1 since:6h key:AKIANEW");
	free(t);
	t = compose_set(f, FK_TEXT, "-x:y");
	assert_string_equal(t, "region:eu-west-1 key:AKIAOLD since:6h \"-x:y\"");
	free(t);
	/* 2024-05-01T08:00Z to 09:00Z: until names its last second. */
	t = compose_time(f, 1714550400000LL, 1714554000000LL);
	assert_string_equal(t, "region:eu-west-1 key:AKIAOLD "
	                       "since:2024-05-01T08:00:00Z "
	                       "until:2024-05-01T08:59:59Z");
	struct filter *g = parse(t);
	assert_int_equal(g->terms[2].values[0].time_lo, 1714550400000LL);
	assert_int_equal(g->terms[3].values[0].time_hi, 1714554000000LL);
	filter_free(g);
	free(t);
	filter_free(f);
}

static void test_columns_fit(void **state)
{
	(void)state;
	const struct column cols[4] = {
		{ 10, 10, 0, false, false }, /* time */
		{ 5, 20, 1, true, false },   /* event */
		{ 8, 8, 3, false, false },   /* ip: dropped first */
		{ 4, 10, 2, true, false },   /* error */
	};
	int w[4];
	/* Everything at its preference, the rest to the flexible ones. */
	assert_int_equal(columns_fit(cols, 4, 60, w), 4);
	assert_int_equal(w[0] + w[1] + w[2] + w[3] + 3, 60);
	assert_int_equal(w[0], 10);
	assert_int_equal(w[2], 8);
	assert_true(w[1] >= 20 && w[3] >= 10);
	/* Exactly the minimums. */
	assert_int_equal(columns_fit(cols, 4, 30, w), 4);
	assert_int_equal(w[0], 10);
	assert_int_equal(w[1], 5);
	assert_int_equal(w[2], 8);
	assert_int_equal(w[3], 4);
	/* One short: the least important goes, its room goes to the rest by
	 * importance. */
	assert_int_equal(columns_fit(cols, 4, 29, w), 3);
	assert_int_equal(w[2], 0);
	assert_int_equal(w[0] + w[1] + w[3] + 2, 29);
	assert_int_equal(w[1], 13);
	/* Very narrow: only the most important. */
	assert_int_equal(columns_fit(cols, 4, 12, w), 1);
	assert_int_equal(w[0], 10);
	assert_int_equal(columns_fit(cols, 4, 3, w), 0);
	/* A column that grows last waits for the others' preferences. */
	const struct column late[2] = {
		{ 14, 19, 0, false, true },
		{ 10, 20, 1, false, false },
	};
	assert_int_equal(columns_fit(late, 2, 30, w), 2);
	assert_int_equal(w[0], 14);
	assert_int_equal(w[1], 15);
	assert_int_equal(columns_fit(late, 2, 40, w), 2);
	assert_int_equal(w[0], 19);
	assert_int_equal(w[1], 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_toggle_or_within_and_across),
		cmocka_unit_test(test_selected),
		cmocka_unit_test(test_pivot_and_time),
		cmocka_unit_test(test_columns_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
