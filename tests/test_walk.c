/* test_walk.c - finding the files to import: recursion in name order,
 * symlink loops, names that say "not a trail file", content sniffing,
 * paths that cannot be read, and the files read in delivery order. */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/delivery_order.h"
#include "import/walk.h"

static char root[64];

static void put(const char *rel, const char *content)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static void dir(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static void link_to(const char *target, const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(symlink(target, path), 0);
}

static int make_tree(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/trailnav-walk-XXXXXX");
	assert_non_null(mkdtemp(root));
	dir("AWSLogs");
	dir("AWSLogs/b");
	dir("AWSLogs/a");
	put("AWSLogs/b/2.json.gz", "\x1f\x8b");
	put("AWSLogs/a/1.json", "{}");
	put("AWSLogs/a/README.md", "# notes");
	put("AWSLogs/a/.DS_Store", "x");
	put("AWSLogs/a/photo.png", "x");
	put("AWSLogs/a/export", "  [{\"eventID\":\"1\"}]");      /* sniffed */
	put("AWSLogs/a/notes", "just words");                   /* sniffed */
	put("AWSLogs/a/snippet.txt", "\xef\xbb\xbf{\"a\":1}"); /* BOM, JSON */
	put("AWSLogs/a/events.ndjson", "{}\n{}\n");
	link_to("..", "AWSLogs/a/loop");          /* back up: a loop */
	link_to("/nonexistent/x", "AWSLogs/a/dangling.json");
	return 0;
}

static int remove_tree(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_walk_tree(void **state)
{
	(void)state;
	char top[128];
	snprintf(top, sizeof top, "%s/AWSLogs", root);
	char *paths[] = { top };
	struct walk_result w;
	assert_int_equal(walk_paths(paths, 1, &w), 0);
	const char *want[] = { "a/1.json", "a/events.ndjson", "a/export",
		               "a/snippet.txt", "b/2.json.gz" };
	assert_int_equal(w.nfiles, 5);
	for (size_t i = 0; i < 5; i++) {
		char full[256];
		snprintf(full, sizeof full, "%s/%s", top, want[i]);
		assert_string_equal(w.files[i].path, full);
		assert_false(w.files[i].named);
	}
	assert_int_equal(w.files[0].size, 2);
	assert_true(w.files[0].mtime_ns > 0);
	/* README.md, .DS_Store, photo.png, notes, the dangling link. */
	assert_int_equal(w.skipped, 5);
	assert_int_equal(w.nproblems, 0);
	walk_result_free(&w);
}

static void test_named_paths(void **state)
{
	(void)state;
	char readme[128], missing[128], top[128];
	snprintf(readme, sizeof readme, "%s/AWSLogs/a/README.md", root);
	snprintf(missing, sizeof missing, "%s/nope.json", root);
	snprintf(top, sizeof top, "%s/AWSLogs/a/loop/a", root);
	/* A named file is always tried; a named path that does not exist is
	 * a problem; "-" stands for standard input; a directory reached
	 * twice is walked once. */
	char *paths[] = { readme, missing, "-", top, top };
	struct walk_result w;
	assert_int_equal(walk_paths(paths, 5, &w), 0);
	assert_string_equal(w.files[0].path, readme);
	assert_true(w.files[0].named);
	assert_string_equal(w.files[1].path, "-");
	/* loop/a is a/ itself: its four files, then through "loop" (up to
	 * AWSLogs/) b/'s one file; a/ is not entered again, and the second
	 * naming of loop/a adds nothing. */
	assert_int_equal(w.nfiles, 2 + 4 + 1);
	assert_int_equal(w.nproblems, 1);
	assert_string_equal(w.problems[0].path, missing);
	assert_non_null(strstr(w.problems[0].reason, "No such file"));
	walk_result_free(&w);
}

static void test_names_and_bytes(void **state)
{
	(void)state;
	bool maybe;
	assert_true(walk_name_is_json("x_CloudTrail_us-east-1_1.json.gz", &maybe));
	assert_true(walk_name_is_json("EXPORT.JSONL", &maybe));
	assert_true(walk_name_is_json("trail.log", &maybe));
	assert_false(walk_name_is_json("README.md", &maybe));
	assert_false(maybe);
	assert_false(walk_name_is_json(".DS_Store", &maybe));
	assert_false(maybe);
	assert_false(walk_name_is_json("data", &maybe));
	assert_true(maybe);
	assert_true(walk_bytes_look_like_json((const unsigned char *)"\n [", 3));
	assert_true(walk_bytes_look_like_json((const unsigned char *)"\x1f\x8b", 2));
	assert_false(walk_bytes_look_like_json((const unsigned char *)"hello", 5));
	assert_false(walk_bytes_look_like_json((const unsigned char *)"  ", 2));
}

/* Files are known by their canonical paths (no "//", ".", ".." or
 * symbolic link in the named part) and shown as the person typed them. */
static void test_canonical_paths(void **state)
{
	(void)state;
	char odd[160], via_link[160], slash[160];
	snprintf(odd, sizeof odd, "%s//AWSLogs/./a/../b", root);
	snprintf(via_link, sizeof via_link, "%s/AWSLogs/a/loop/b", root);
	snprintf(slash, sizeof slash, "%s/AWSLogs/b/", root);
	char *paths[] = { odd, via_link, slash };
	char want[160], shown_want[200];
	char *real_root = realpath(root, NULL); /* should /tmp be a link */
	assert_non_null(real_root);
	snprintf(want, sizeof want, "%s/AWSLogs/b/2.json.gz", real_root);
	free(real_root);
	const char *typed[] = { odd, via_link };
	for (size_t i = 0; i < 2; i++) {
		struct walk_result w;
		assert_int_equal(walk_paths(&paths[i], 1, &w), 0);
		assert_int_equal(w.nfiles, 1);
		assert_string_equal(w.files[0].path, want);
		char *shown = walk_file_shown(&w.files[0]);
		snprintf(shown_want, sizeof shown_want, "%s/2.json.gz", typed[i]);
		assert_string_equal(shown, shown_want);
		free(shown);
		walk_result_free(&w);
	}
	/* A trailing slash typed is not doubled when shown. */
	struct walk_result w;
	assert_int_equal(walk_paths(&paths[2], 1, &w), 0);
	char *shown = walk_file_shown(&w.files[0]);
	snprintf(shown_want, sizeof shown_want, "%s2.json.gz", slash);
	assert_string_equal(shown, shown_want);
	free(shown);
	/* Standard input stays "-". */
	walk_result_free(&w);
	char *dash[] = { "-" };
	assert_int_equal(walk_paths(dash, 1, &w), 0);
	shown = walk_file_shown(&w.files[0]);
	assert_string_equal(w.files[0].path, "-");
	assert_string_equal(shown, "-");
	free(shown);
	walk_result_free(&w);
}

/* A symbolic link inside a walked directory is followed under the
 * canonical path of its target, so that the ledger knows the file by one
 * name however it was reached: importing the target directly later
 * finds it unchanged instead of storing its bytes again. */
static void test_links_inside_tree(void **state)
{
	(void)state;
	char outside[160], top[160];
	snprintf(outside, sizeof outside, "%s/Outside", root);
	snprintf(top, sizeof top, "%s/Linked", root);
	dir("Linked");
	dir("Linked/real");
	dir("Outside");
	put("Linked/real/z.json", "{}");
	put("Outside/o.json", "{}");
	link_to("real/z.json", "Linked/a_link.json");
	link_to(outside, "Linked/ext");
	/* A loop of links is no file at all: skipped, as a dangling link
	 * is, not a failure. */
	link_to("loop2", "Linked/loop1.json");
	link_to("loop1.json", "Linked/loop2");
	char *real_root = realpath(root, NULL);
	assert_non_null(real_root);
	char want_z[200], want_o[200];
	snprintf(want_z, sizeof want_z, "%s/Linked/real/z.json", real_root);
	snprintf(want_o, sizeof want_o, "%s/Outside/o.json", real_root);
	free(real_root);
	char *paths[] = { top };
	struct walk_result w;
	assert_int_equal(walk_paths(paths, 1, &w), 0);
	/* a_link.json is met first, then ext/, then real/, whose z.json
	 * was taken through the link. */
	assert_int_equal(w.nfiles, 2);
	assert_int_equal(w.nproblems, 0);
	assert_int_equal(w.skipped, 2);
	assert_string_equal(w.files[0].path, want_z);
	assert_string_equal(w.files[1].path, want_o);
	char *shown = walk_file_shown(&w.files[1]);
	assert_string_equal(shown, want_o);
	free(shown);
	walk_result_free(&w);
}

/* A file named and also inside a named directory, or named twice under
 * two spellings, is taken once: two ledger entries for one file made
 * `files` and `stats` disagree. */
static void test_file_taken_once(void **state)
{
	(void)state;
	char file[160], again[160], top[160];
	snprintf(file, sizeof file, "%s/AWSLogs/a/1.json", root);
	snprintf(again, sizeof again, "%s/AWSLogs/./a/1.json", root);
	snprintf(top, sizeof top, "%s/AWSLogs", root);
	char *paths[] = { file, again, top };
	struct walk_result w;
	assert_int_equal(walk_paths(paths, 3, &w), 0);
	/* 1.json once, named; then the tree's four others. */
	assert_int_equal(w.nfiles, 5);
	assert_true(w.files[0].named);
	for (size_t i = 1; i < w.nfiles; i++)
		assert_null(strstr(w.files[i].path, "/1.json"));
	walk_result_free(&w);
}

/* Files are read in the order of the delivery time in their names (to
 * the minute, digests' seconds aside), the walk's order among equals;
 * names without one come first, in the walk's order. */
static void test_delivery_order(void **state)
{
	(void)state;
	static const char *const walked[] = {
		"/t/a/1_CloudTrail_us-east-1_20240501T0010Z_x.json.gz",
		"/t/a/1_CloudTrail_us-east-1_20240501T0005Z_y.json.gz",
		"/t/b/1_CloudTrail_eu-west-1_20240501T0005Z_z.json.gz",
		"/t/README.json",
		"/t/d/1_CloudTrail-Digest_us-east-1_t_us-east-1_20240501T000712Z"
		".json.gz",
		"/t/20240501T0001Z_dir/x_20240501T00Z_.json",
		"/t/e/1_CloudTrail_us-east-1_20231231T2359Z_w.json",
		"/t/f/x_2024050lT0001Z_.json",
	};
	static const size_t want[] = { 3, 5, 7, 6, 1, 2, 4, 0 };
	enum { N = sizeof walked / sizeof walked[0] };
	struct walk_file files[N];
	const struct walk_file *queue[N];
	for (size_t i = 0; i < N; i++) {
		files[i] = (struct walk_file){ .path = (char *)walked[i] };
		queue[i] = &files[i];
	}
	assert_int_equal(import_order_by_delivery(queue, N), 0);
	for (size_t i = 0; i < N; i++)
		if (queue[i] != &files[want[i]])
			fail_msg("at %zu: %s, want %s", i, queue[i]->path,
			         walked[want[i]]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_tree),
		cmocka_unit_test(test_named_paths),
		cmocka_unit_test(test_canonical_paths),
		cmocka_unit_test(test_file_taken_once),
		cmocka_unit_test(test_links_inside_tree),
		cmocka_unit_test(test_names_and_bytes),
		cmocka_unit_test(test_delivery_order),
	};
	return cmocka_run_group_tests_name("walk", tests, make_tree,
	                                   remove_tree);
}
