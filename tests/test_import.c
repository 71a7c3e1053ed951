/* test_import.c - the import pipeline with a recording sink: every file
 * ends imported, unchanged, digest or failed with a reason; the threads
 * change nothing but speed; kept bytes are gzip. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gzip_helper.h"
#include "import/import.h"
#include "util/gunzip.h"

static char root[64];

static void put_bytes(const char *rel, const void *data, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void put(const char *rel, const char *text)
{
	put_bytes(rel, text, strlen(text));
}

static const char delivery[] =
	"{\"Records\":[{\"eventVersion\":\"1.08\",\"eventID\":\"a-1\","
	"\"eventTime\":\"2024-05-01T08:00:00Z\",\"eventSource\":"
	"\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"awsRegion\":"
	"\"eu-west-1\",\"eventCategory\":\"Data\"},{\"eventVersion\":\"1.08\","
	"\"eventID\":\"a-2\",\"eventTime\":\"2024-05-01T08:01:00Z\","
	"\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\","
	"\"awsRegion\":\"us-east-1\"}]}";

static int make_tree(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/trailnav-import-XXXXXX");
	assert_non_null(mkdtemp(root));
	size_t n;
	unsigned char *gz = test_gzip(delivery, strlen(delivery), &n);
	put_bytes("a.json.gz", gz, n);
	put_bytes("corrupt.json.gz", gz, n / 2); /* truncated gzip */
	free(gz);
	put("a-copy.json", delivery);            /* the same events, plain */
	put("broken.json", "{\"Records\":[{\"eventID\":");
	put("digest.json", "{\"awsAccountId\":\"1\",\"digestStartTime\":"
	                   "\"2024-05-01T08:00:00Z\",\"digestEndTime\":"
	                   "\"2024-05-01T09:00:00Z\",\"logFiles\":[]}");
	put("not-cloudtrail.json", "{\"Type\":\"Notification\"}");
	return 0;
}

static int remove_tree(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* The sink: remembers what it was handed. */
#define ORDER_MAX 64
struct recorder {
	char unchanged_name[64]; /* files of this name are "unchanged" */
	size_t written, events, failed;
	char failures[8][256];
	bool kept_is_gzip;
	char order[ORDER_MAX][32]; /* every file handed over, in turn */
	size_t norder;
};

static void remember_order(struct recorder *r, const char *name)
{
	if (r->norder < ORDER_MAX)
		snprintf(r->order[r->norder++], sizeof r->order[0], "%s",
		         name);
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static bool rec_unchanged(void *ctx, const struct walk_file *f)
{
	struct recorder *r = ctx;
	return strcmp(base(f->path), r->unchanged_name) == 0;
}

static int rec_write(void *ctx, const struct import_file *f, uint64_t *n,
                     uint64_t *d, char *why, size_t whylen)
{
	struct recorder *r = ctx;
	(void)d;
	(void)why;
	(void)whylen;
	r->written++;
	remember_order(r, base(f->source->path));
	r->events += f->nevents;
	*n += f->nevents;
	r->kept_is_gzip = gunzip_is_gzip(f->kept, f->nkept);
	for (size_t i = 0; i < f->nevents; i++)
		assert_non_null(f->events[i].event_id);
	return 0;
}

static int rec_failed(void *ctx, const struct walk_file *f, const char *hash,
                      const char *reason)
{
	struct recorder *r = ctx;
	(void)hash;
	assert_true(r->failed < 8);
	remember_order(r, base(f->path));
	snprintf(r->failures[r->failed++], 256, "%s: %s", base(f->path),
	         reason);
	return 0;
}

static void run_in(const char *dir, int jobs, size_t max_file_bytes,
                   struct recorder *r, struct import_totals *t)
{
	char *paths[] = { (char *)dir };
	struct walk_result w;
	assert_int_equal(walk_paths(paths, 1, &w), 0);
	struct import_sink sink = { .ctx = r, .unchanged = rec_unchanged,
		                    .write = rec_write, .failed = rec_failed };
	struct import_options opt = { .jobs = jobs,
		                      .max_file_bytes = max_file_bytes };
	char fatal[256] = "";
	assert_int_equal(import_run(&opt, &w, &sink, t, fatal, sizeof fatal), 0);
	walk_result_free(&w);
}

static void run_limited(int jobs, size_t max_file_bytes, struct recorder *r,
                        struct import_totals *t)
{
	run_in(root, jobs, max_file_bytes, r, t);
}

static void run(int jobs, struct recorder *r, struct import_totals *t)
{
	run_limited(jobs, 0, r, t);
}

static bool failed_with(const struct recorder *r, const char *name)
{
	for (size_t i = 0; i < r->failed; i++)
		if (strncmp(r->failures[i], name, strlen(name)) == 0)
			return true;
	return false;
}

static void test_every_file_accounted(void **state)
{
	(void)state;
	for (int jobs = 1; jobs <= 4; jobs += 3) {
		struct recorder r = { .unchanged_name = "" };
		struct import_totals t;
		run(jobs, &r, &t);
		assert_int_equal(t.files, 6);
		assert_int_equal(t.imported, 2);
		assert_int_equal(t.digests, 1);
		assert_int_equal(t.failed, 3);
		assert_int_equal(r.written, 3);
		assert_int_equal(r.events, 4);
		assert_int_equal(t.events_new, 4);
		assert_true(failed_with(&r, "corrupt.json.gz: "));
		assert_true(failed_with(&r, "broken.json: "));
		assert_true(failed_with(&r, "not-cloudtrail.json: "));
		assert_true(t.bytes_decoded >= 2 * strlen(delivery));
	}
}

/* A file over the size limit fails saying which limit it broke. */
static void test_size_limit_named(void **state)
{
	(void)state;
	struct recorder r = { .unchanged_name = "" };
	struct import_totals t;
	run_limited(2, 64, &r, &t);
	assert_int_equal(t.imported, 0);
	assert_int_equal(r.events, 0);
	assert_true(failed_with(
		&r, "a.json.gz: the file is larger than the size limit (64 B)"));
}

/* Files reach the sink in the walk's order however the threads finish:
 * the first file here is the biggest by far, so its worker is the last
 * to finish, and the copy of a repeated eventID that a store keeps is
 * always the first file's. */
static void test_written_in_walk_order(void **state)
{
	(void)state;
	char saved[64], cmd[128];
	memcpy(saved, root, sizeof root);
	/* XXXXXX: the part mkdtemp() replaces. */
	snprintf(root, sizeof root, "/tmp/trailnav-order-XXXXXX");
	assert_non_null(mkdtemp(root));
	size_t big_n = 0, big_cap = 1 << 22;
	char *big = malloc(big_cap);
	assert_non_null(big);
	big_n += (size_t)snprintf(big, big_cap, "{\"Records\":[");
	for (int i = 0; i < 20000; i++)
		big_n += (size_t)snprintf(
			big + big_n, big_cap - big_n,
			"%s{\"eventID\":\"big-%d\",\"eventTime\":"
			"\"2024-05-01T08:00:00Z\",\"eventSource\":"
			"\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}",
			i ? "," : "", i);
	assert_true(big_n + 3 < big_cap);
	memcpy(big + big_n, "]}", 3);
	put_bytes("00-big.json", big, big_n + 2);
	free(big);
	char name[32];
	for (int i = 1; i <= 24; i++) {
		snprintf(name, sizeof name, "%02d-small.json", i);
		put(name, delivery);
	}
	for (int round = 0; round < 3; round++) {
		struct recorder r = { .unchanged_name = "" };
		struct import_totals t;
		run_in(root, 4, 0, &r, &t);
		assert_int_equal(r.norder, 25);
		assert_string_equal(r.order[0], "00-big.json");
		for (size_t i = 1; i < r.norder; i++) {
			snprintf(name, sizeof name, "%02zu-small.json", i);
			assert_string_equal(r.order[i], name);
		}
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	memcpy(root, saved, sizeof root);
}

static void test_unchanged_are_not_read(void **state)
{
	(void)state;
	struct recorder r = { .unchanged_name = "a.json.gz" };
	struct import_totals t;
	run(2, &r, &t);
	assert_int_equal(t.unchanged, 1);
	assert_int_equal(t.files, 5);
	assert_int_equal(r.events, 2);
	/* What is kept is gzip, whether the file came plain or not. */
	assert_true(r.kept_is_gzip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_file_accounted),
		cmocka_unit_test(test_unchanged_are_not_read),
		cmocka_unit_test(test_size_limit_named),
		cmocka_unit_test(test_written_in_walk_order),
	};
	return cmocka_run_group_tests_name("import", tests, make_tree,
	                                   remove_tree);
}
