/* test_store.c - the event store on in-memory databases: writing whole
 * files, dedup, paging, every filter key, facets, histograms and reading
 * records back.  (The schema on disk and its upgrades: test_schema.c.) */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/internal.h"
#include "store/store.h"
#include "store_fixture.h"

#define T0 FX_T0
#define H FX_HOUR

#define base fx_base
#define NBASE fx_nbase


static int setup_base(void **state)
{
	char err[256];
	struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
	                             sizeof err);
	if (!s)
		fail_msg("store_open: %s", err);
	assert_int_equal(fx_add_file(s, "base.json.gz", base, NBASE, FX_GZIP),
	                 0);
	*state = s;
	return 0;
}

static int teardown_store(void **state)
{
	store_close(*state);
	return 0;
}

#define ids_for fx_ids_for

static const struct fx_case filter_cases[] = {
	{ "", "e08 e07 e06 e05 e04 e03 e02 e01" },
	{ "cat:data", "e03 e02" },
	{ "cat:insight,network", "e07 e06" },
	{ "-cat:mgmt", "e07 e06 e03 e02" },
	{ "region:global", "e01" },
	{ "region:EU-WEST-1", "e08 e03 e02" },
	{ "region:us-west-2 region:eu-west-1", "e08 e05 e03 e02" },
	{ "region:us-*", "e07 e06 e05 e04 e01" },
	{ "service:s3", "e07 e03 e02" },
	{ "service:s3.amazonaws.com", "e07 e03 e02" },
	{ "event:Get*", "e03 e02" },
	{ "event:stoplogging", "e04" },
	{ "event:StopLogging,CreateUser", "e04 e01" },
	{ "principal:alice", "e04 e01" },
	{ "principal:nightly", "e03 e02" },
	{ "principal:Backup", "e03 e02" },
	{ "principal:arn:aws:iam::222222222222:root", "e05" },
	{ "-principal:alice", "e08 e07 e06 e05 e03 e02" },
	{ "type:root", "e05" },
	{ "type:AssumedRole,IAMUser", "e04 e03 e02 e01" },
	{ "key:akiaalice", "e04 e01" },
	{ "ip:198.51.100.7", "e04 e01" },
	{ "ip:10.*", "e07 e03 e02" },
	{ "account:222222222222", "e05" },
	{ "error:any", "e07 e05 e03" },
	{ "error:none", "e08 e06 e04 e02 e01" },
	{ "-error:any", "e08 e06 e04 e02 e01" },
	{ "error:AccessDenied", "e03" },
	{ "error:*AccessDenied", "e07 e03" },
	{ "error:none,AccessDenied", "e08 e06 e04 e03 e02 e01" },
	{ "ro:true", "e08 e05 e03 e02" },
	{ "ro:false", "e04 e01" },
	{ "-ro:true", "e07 e06 e04 e01" },
	{ "resource:secret.txt", "e02" },
	{ "resource:arn:aws:s3:::prod-bucket/*", "e03 e02" },
	{ "resource:mallory", "e01" },
	/* A page walks the events asking each about its resources, a count
	 * gathers the events of the matching resources (where.c): the two
	 * must agree, which fx_ids_for checks. */
	{ "-resource:mallory", "e08 e07 e06 e05 e04 e03 e02" },
	{ "resource:mallory,secret.txt", "e02 e01" },
	{ "resource:arn:aws:*", "e03 e02 e01" },
	{ "resource:*.txt cat:data", "e03 e02" },
	{ "resource:nothing-named-so", "" },
	{ "id:E01", "e01" },
	{ "id:e0*", "e08 e07 e06 e05 e04 e03 e02 e01" },
	{ "request:req-stop-1", "e04" },
	{ "agent:aws-cli*", "e04 e01" },
	/* Patterns with a literal prefix read a NOCASE index range
	 * (where.c): any case, prefixes ending anywhere, none at all. */
	{ "key:AKIA*", "e04 e01" },
	{ "key:akia*", "e04 e01" },
	{ "key:aSiAbAcK*", "e03 e02" },
	{ "key:A*", "e04 e03 e02 e01" },
	{ "key:*BACKUP", "e03 e02" },
	{ "key:AKIB*", "" },
	{ "key:AKI@*", "" },
	{ "key:akiaalice", "e04 e01" },
	{ "resource:ARN:AWS:S3:::PROD-*", "e03 e02" },
	{ "resource:SECRET*", "e02" },
	{ "since:2024-05-01T02:00 until:2024-05-01T03:00", "e07 e06 e05" },
	{ "since:2024-05-02", "e08" },
	{ "until:2024-05-01T01", "e04 e03 e02 e01" },
	{ "region:us-east-1 cat:mgmt", "e04 e01" },
	{ "secret.txt", "e02" },
	{ "SECRET", "e02" },
	/* The file holds these, in other records than the ones they name
	 * (record.c checks the file first, then the record). */
	{ "sEcReT.TxT", "e02" },
	{ "other.txt", "e03" },
	{ "in-no-record-at-all", "" },
	{ "nightly backup", "e03 e02" },
	{ "-nightly", "e08 e07 e06 e05 e04 e01" },
	{ "insightDetails", "e06" },
	/* Values that would break spliced SQL match nothing, harmlessly. */
	{ "event:\"x' OR '1'='1\"", "" },
	{ "event:Get%", "" },
	{ "event:Get_bject", "" },
	{ "\"'; DROP TABLE event; --\"", "" },
};

static void test_every_filter_key(void **state)
{
	fx_check_cases(*state, filter_cases, FX_NCASES(filter_cases), "base");
}

/* account: matches the recipient's account or the principal's: a role of
 * another account calling into this one is found under either.  An
 * account neither names matches nothing (resolved to "0 OR 0", which
 * also keeps a 10M database from being read to find nothing). */
static const struct fx_event cross_account[] = {
	{ "x01", T0 + 4 * H, CAT_MANAGEMENT, "us-east-1", "s3.amazonaws.com",
	  "ListBuckets", "AssumedRole",
	  "arn:aws:sts::333333333333:assumed-role/Audit/x", "Audit/x",
	  "ASIAAUDIT", "111111111111", NULL, NULL, NULL, 1, false, NULL, NULL,
	  NULL, "333333333333", NULL, NULL },
};

static const struct fx_case account_cases[] = {
	{ "account:333333333333", "x01" },
	{ "account:111111111111 principal:Audit*", "x01" },
	{ "account:333333333333,222222222222", "x01 e05" },
	{ "account:3333*", "x01" },
	{ "account:444444444444", "" },
	{ "-account:333333333333 region:us-east-1", "e07 e06 e04 e01" },
};

static void test_account_of_principal_or_recipient(void **state)
{
	assert_int_equal(fx_add_file(*state, "cross.json", cross_account, 1,
	                             FX_PLAIN), 0);
	fx_check_cases(*state, account_cases, FX_NCASES(account_cases),
	               "cross-account");
}

/* "value=count ..." for a facet. */
static char *facet_text(struct store *s, const char *filter_text,
                        enum store_dimension dim)
{
	struct filter *f = fx_filter(filter_text);
	struct store_facet facet = { 0 };
	if (store_facet(s, f, dim, 0, &facet) < 0)
		fail_msg("facet: %s", store_errmsg(s));
	char *out = calloc(1, 1024);
	assert_non_null(out);
	for (size_t i = 0; i < facet.count; i++)
		snprintf(out + strlen(out), 1024 - strlen(out), "%s%s=%lld",
		         i ? " " : "",
		         facet.values[i].value ? facet.values[i].value : "NULL",
		         (long long)facet.values[i].count);
	store_facet_free(&facet);
	filter_free(f);
	return out;
}

static const struct {
	const char *filter;
	enum store_dimension dim;
	const char *expect;
} facet_cases[] = {
	{ "", DIM_CATEGORY, "mgmt=4 data=2 insight=1 network=1" },
	{ "", DIM_REGION, "us-east-1=4 eu-west-1=3 us-west-2=1" },
	{ "", DIM_ERROR, "none=5 AccessDenied=1 Client.UnauthorizedOperation=1"
	                 " VpceAccessDenied=1" },
	{ "", DIM_READ_ONLY, "true=4 NULL=2 false=2" },
	{ "", DIM_SERVICE, "s3.amazonaws.com=3 ec2.amazonaws.com=2"
	                   " cloudtrail.amazonaws.com=1 iam.amazonaws.com=1"
	                   " sts.amazonaws.com=1" },
	{ "", DIM_DAY, "2024-05-01=7 2024-05-02=1" },
	{ "region:eu-west-1", DIM_HOUR,
	  "2024-05-01T01=2 2024-05-02T01=1" },
	{ "cat:data", DIM_PRINCIPAL,
	  "arn:aws:sts::111111111111:assumed-role/Backup/nightly=2" },
	{ "cat:mgmt", DIM_TYPE, "IAMUser=2 AWSService=1 Root=1" },
	{ "error:any", DIM_ACCOUNT, "111111111111=2 222222222222=1" },
	{ "ro:false", DIM_KEY, "AKIAALICE=2" },
	{ "cat:data", DIM_IP, "10.0.0.5=2" },
	{ "event:StopLogging", DIM_AGENT, "aws-cli/2.15=1" },
	{ "cat:insight", DIM_EVENT, "RunInstances=1" },
	{ "event:NoSuchThing", DIM_REGION, "" },
};

static void test_facet_counts(void **state)
{
	for (size_t i = 0; i < sizeof facet_cases / sizeof facet_cases[0];
	     i++) {
		char *got = facet_text(*state, facet_cases[i].filter,
		                       facet_cases[i].dim);
		if (strcmp(got, facet_cases[i].expect) != 0)
			fail_msg("facet %s under '%s': expected [%s], got [%s]",
			         store_dimension_name(facet_cases[i].dim),
			         facet_cases[i].filter, facet_cases[i].expect,
			         got);
		free(got);
	}
}

static void test_facet_labels_and_limit(void **state)
{
	struct store_facet facet = { 0 };
	assert_int_equal(store_facet(*state, NULL, DIM_CATEGORY, 2, &facet), 0);
	assert_int_equal(facet.count, 2);
	assert_string_equal(facet.values[0].label, "Management");
	assert_string_equal(facet.values[1].label, "Data");
	assert_int_equal(store_facet(*state, NULL, DIM_READ_ONLY, 0, &facet),
	                 0);
	assert_string_equal(facet.values[0].label, "read-only");
	store_facet_free(&facet);
	enum store_dimension d;
	assert_int_equal(store_dimension_parse("principal", &d), 0);
	assert_int_equal(d, DIM_PRINCIPAL);
	assert_int_equal(store_dimension_parse("nonsense", &d), -1);
}

static void check_histogram(struct store *s, const char *filter,
                            int64_t width, const int64_t (*expect)[3],
                            size_t n)
{
	struct filter *f = fx_filter(filter);
	struct store_histogram h = { 0 };
	assert_int_equal(store_histogram(s, f, width, &h), 0);
	assert_int_equal(h.count, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(h.buckets[i].start_ms, expect[i][0]);
		assert_int_equal(h.buckets[i].count, expect[i][1]);
		assert_int_equal(h.buckets[i].errors, expect[i][2]);
	}
	store_histogram_free(&h);
	filter_free(f);
}

static void test_histogram_buckets(void **state)
{
	static const int64_t hourly[][3] = {
		{ T0, 1, 0 },         { T0 + H, 3, 1 },  { T0 + 2 * H, 2, 1 },
		{ T0 + 3 * H, 1, 1 }, { T0 + 25 * H, 1, 0 },
	};
	static const int64_t daily[][3] = { { T0, 7, 3 }, { T0 + 24 * H, 1, 0 } };
	/* Four-hour buckets align to multiples of four hours since 1970. */
	static const int64_t four[][3] = { { T0, 7, 3 }, { T0 + 24 * H, 1, 0 } };
	static const int64_t errors[][3] = {
		{ T0 + H, 1, 1 }, { T0 + 2 * H, 1, 1 }, { T0 + 3 * H, 1, 1 } };
	check_histogram(*state, "", H, hourly, 5);
	check_histogram(*state, "", 24 * H, daily, 2);
	check_histogram(*state, "", 4 * H, four, 2);
	check_histogram(*state, "error:any", H, errors, 3);
	struct store_histogram h = { 0 };
	assert_int_equal(store_histogram(*state, NULL, 0, &h), -1);
}

static void test_page_columns(void **state)
{
	struct filter *f = fx_filter("id:e02");
	struct store_page page = { 0 };
	assert_int_equal(store_page(*state, f, NULL, STORE_OLDER, 10, &page), 0);
	assert_int_equal(page.count, 1);
	const struct store_row *r = &page.rows[0];
	assert_int_equal(r->time_ms, T0 + H);
	assert_int_equal(r->category, CAT_DATA);
	assert_int_equal(r->read_only, 1);
	assert_false(r->global);
	assert_string_equal(r->region, "eu-west-1");
	assert_string_equal(r->service, "s3.amazonaws.com");
	assert_string_equal(r->event_name, "GetObject");
	assert_string_equal(r->identity_type, "AssumedRole");
	assert_string_equal(r->principal_name, "Backup/nightly");
	assert_string_equal(r->access_key, "ASIABACKUP");
	assert_string_equal(r->source_ip, "10.0.0.5");
	assert_string_equal(r->user_agent, "aws-sdk-go");
	assert_null(r->error_code);
	assert_null(r->request_id);
	assert_false(page.more);
	store_page_free(&page);
	filter_free(f);
}

static void test_records_read_back(void **state)
{
	struct store *s = *state;
	struct store_page page = { 0 };
	assert_int_equal(store_page(s, NULL, NULL, STORE_NEWER, 100, &page), 0);
	assert_int_equal(page.count, NBASE);
	for (size_t i = 0; i < page.count; i++) {
		char *bytes;
		size_t len;
		assert_int_equal(store_record(s, page.rows[i].row, &bytes, &len),
		                 0);
		const struct fx_event *e = NULL;
		for (size_t j = 0; j < NBASE; j++)
			if (strcmp(base[j].id, page.rows[i].event_id) == 0)
				e = &base[j];
		assert_non_null(e);
		char *want = fx_record_json(e);
		assert_int_equal(len, strlen(want));
		assert_memory_equal(bytes, want, len);
		free(want);
		free(bytes);
	}
	char *bytes = NULL;
	size_t len;
	assert_int_equal(store_record(s, 999999, &bytes, &len), -1);
	assert_non_null(strstr(store_errmsg(s), "no such event"));
	store_page_free(&page);
}

/* 23 events in runs of five sharing a timestamp, so that pages of four
 * split every run. */
#define NPAGED 23
static struct store *paged_store(struct fx_event *ev, char ids[][8])
{
	char err[256];
	struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
	                             sizeof err);
	assert_non_null(s);
	for (int i = 0; i < NPAGED; i++) {
		snprintf(ids[i], 8, "p%02d", i);
		ev[i] = (struct fx_event){ .id = ids[i], .ms = T0 + (i / 5) * 1000,
		                           .cat = i % 2 ? CAT_DATA : CAT_MANAGEMENT,
		                           .region = "us-east-1", .ro = -1 };
	}
	assert_int_equal(fx_add_file(s, "paged.json", ev, NPAGED, FX_PLAIN), 0);
	return s;
}

/* Walks every page from one end; returns how many rows were seen. */
static size_t walk(struct store *s, const struct filter *f,
                   enum store_direction dir, const struct store_cursor *from,
                   struct store_cursor *seen, size_t max)
{
	struct store_page page = { 0 };
	struct store_cursor cur, *at = NULL;
	size_t n = 0;
	if (from) {
		cur = *from;
		at = &cur;
	}
	do {
		assert_int_equal(store_page(s, f, at, dir, 4, &page), 0);
		for (size_t i = 0; i < page.count; i++) {
			assert_true(n < max);
			seen[n++] = (struct store_cursor){ page.rows[i].time_ms,
				                           page.rows[i].row };
		}
		if (page.count) {
			cur = seen[n - 1];
			at = &cur;
		}
	} while (page.more);
	store_page_free(&page);
	return n;
}

static int cursor_cmp(const struct store_cursor *a,
                      const struct store_cursor *b)
{
	if (a->time_ms != b->time_ms)
		return a->time_ms < b->time_ms ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

static void test_paging_across_equal_timestamps(void **state)
{
	(void)state;
	struct fx_event ev[NPAGED];
	char ids[NPAGED][8];
	struct store *s = paged_store(ev, ids);
	struct store_cursor older[NPAGED + 1], newer[NPAGED + 1];
	size_t n = walk(s, NULL, STORE_OLDER, NULL, older, NPAGED + 1);
	assert_int_equal(n, NPAGED);
	for (size_t i = 1; i < n; i++)
		assert_true(cursor_cmp(&older[i - 1], &older[i]) > 0);
	/* Back up from the oldest row: every other row, in reverse. */
	size_t m = walk(s, NULL, STORE_NEWER, &older[n - 1], newer, NPAGED);
	assert_int_equal(m, NPAGED - 1);
	for (size_t i = 0; i < m; i++)
		assert_int_equal(cursor_cmp(&newer[i], &older[n - 2 - i]), 0);
	/* One page back from the middle of a run of equal timestamps. */
	struct store_page page = { 0 };
	assert_int_equal(store_page(s, NULL, &older[11], STORE_NEWER, 4, &page),
	                 0);
	assert_int_equal(page.count, 4);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(page.rows[i].row, older[10 - i].row);
	assert_true(page.more);
	/* The same under a filter: only the odd (data) events. */
	struct filter *f = fx_filter("cat:data");
	n = walk(s, f, STORE_OLDER, NULL, older, NPAGED);
	assert_int_equal(n, NPAGED / 2);
	for (size_t i = 1; i < n; i++)
		assert_true(cursor_cmp(&older[i - 1], &older[i]) > 0);
	filter_free(f);
	store_page_free(&page);
	store_close(s);
}

static void test_dedup_by_event_id(void **state)
{
	(void)state;
	char err[256];
	struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
	                             sizeof err);
	assert_non_null(s);
	assert_int_equal(fx_add_file(s, "a.json", base, 3, FX_PLAIN), 0);
	/* The .json.gz twin of the same events adds nothing. */
	assert_int_equal(fx_add_file(s, "a.json.gz", base, 3, FX_GZIP), 3);
	/* Overlap: e03 again plus e04 new. */
	assert_int_equal(fx_add_file(s, "b.json", base + 2, 2, FX_PLAIN), 1);
	/* The same event twice inside one file. */
	struct fx_event twice[2] = { base[4], base[4] };
	assert_int_equal(fx_add_file(s, "c.json", twice, 2, FX_PLAIN), 1);
	int64_t n;
	assert_int_equal(store_count(s, NULL, &n), 0);
	assert_int_equal(n, 5);
	struct store_summary sum;
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.events, 5);
	assert_int_equal(sum.duplicates, 5);
	assert_int_equal(sum.files_imported, 4);
	assert_int_equal(sum.oldest_ms, T0);
	assert_int_equal(sum.newest_ms, T0 + 2 * H);
	store_close(s);
}

static void add_partial_file(struct store *s, const char *path)
{
	struct store_file_info info = { path, 10, 5, "abcd" };
	assert_int_equal(store_file_begin(s, &info, "{}", 2, STORE_ENC_IDENTITY),
	                 0);
	struct trail_event ev = { .event_id = "half", .time_ms = T0,
		                  .read_only = -1, .region = "new-region-9",
		                  .record_length = 2 };
	bool dup;
	assert_int_equal(store_add_event(s, &ev, &dup), 0);
	assert_false(dup);
}

/* Adds a file of `bytes` under `hash` and, unless it is found to be a
 * copy, one event `id`; returns whether it was a copy. */
static bool add_hashed(struct store *s, const char *path, const char *hash,
                       const char *bytes, const char *id)
{
	struct store_file_info info = { path, (int64_t)strlen(bytes), 5, hash };
	assert_int_equal(store_file_begin(s, &info, bytes, strlen(bytes),
	                                  STORE_ENC_IDENTITY),
	                 0);
	bool copy = store_file_is_copy(s);
	if (copy) {
		assert_int_equal(store_file_count_copies(s, 1), 0);
	} else {
		struct trail_event ev = { .event_id = id, .time_ms = T0,
			                  .read_only = -1,
			                  .record_length = 2 };
		bool dup;
		assert_int_equal(store_add_event(s, &ev, &dup), 0);
	}
	return copy;
}

/* Bytes stored already are not stored again: a copy's ledger row keeps
 * no bytes and its events count as duplicates.  The hash only finds
 * candidates (the same hash over other bytes is stored), and a rollback
 * forgets what it took away. */
static void test_copies_stored_once(void **state)
{
	(void)state;
	struct store *s = store_open(":memory:", STORE_READ_WRITE, NULL, 0);
	assert_non_null(s);
	static const char a[] = "{\"Records\":[{\"eventID\":\"c1\"}]}";
	static const char b[] = "{\"Records\":[{\"eventID\":\"c2\"}]}";
	assert_false(add_hashed(s, "/t/a.json", "00000000000000aa", a, "c1"));
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	assert_true(add_hashed(s, "/copy/a.json", "00000000000000aa", a, NULL));
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	/* One hash, other bytes: made to collide, and stored. */
	assert_false(add_hashed(s, "/t/b.json", "00000000000000aa", b, "c2"));
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	struct store_summary sum;
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.events, 2);
	assert_int_equal(sum.duplicates, 1);
	assert_int_equal(sum.files_imported, 3);
	assert_int_equal(sum.stored_bytes, (int64_t)(strlen(a) + strlen(b)));
	/* Stored in a batch that is then rolled back: gone, and not taken
	 * for stored by the next file of those bytes. */
	assert_int_equal(store_batch_begin(s), 0);
	assert_false(add_hashed(s, "/t/d.json", "00000000000000dd", b, "c3"));
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	assert_true(add_hashed(s, "/t/d2.json", "00000000000000dd", b, NULL));
	assert_int_equal(store_file_abandon(s), 0);
	assert_false(store_in_batch(s));
	assert_false(add_hashed(s, "/t/d3.json", "00000000000000dd", b, "c3"));
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.events, 3);
	assert_int_equal(sum.stored_bytes, (int64_t)(strlen(a) + 2 * strlen(b)));
	store_close(s);
}

/* The files of one transaction are stored one after another in chunks
 * that fill their pages (content.c): every record reads back, and text
 * search finds words in them.  A batch rolled back takes its chunk with
 * it, and the next files' chunks are written. */
static void test_files_stored_in_chunks(void **state)
{
	(void)state;
	char db[96], err[256];
	snprintf(db, sizeof db, "%s/chunks.db", fx_tmpdir);
	struct store *s = store_open(db, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(store_batch_begin(s), 0);
	assert_int_equal(fx_add_file(s, "/p/1.json", base, 2, FX_PLAIN), 0);
	/* Bigger than a chunk: it spans several. */
	enum { BIG = 100 * 1024 };
	char *big = malloc(BIG);
	assert_non_null(big);
	for (int i = 0; i < BIG; i++)
		big[i] = (char)('a' + i % 26);
	struct store_file_info info = { "/p/big.json", BIG, 5, "" };
	assert_int_equal(store_file_begin(s, &info, big, BIG,
	                                  STORE_ENC_IDENTITY),
	                 0);
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	assert_int_equal(fx_add_file(s, "/p/2.json.gz", base + 2, NBASE - 2,
	                             FX_GZIP),
	                 0);
	assert_int_equal(store_batch_end(s), 0);
	void *st = s;
	test_records_read_back(&st);
	store_set_text_prefetch_first(s, true);
	char *ids = ids_for(s, "prod-bucket");
	assert_string_equal(ids, "e03 e02");
	free(ids);
	const char *data;
	size_t len;
	assert_int_equal(store_decoded_file(s, 2, &data, &len), 0);
	assert_int_equal(len, BIG);
	assert_memory_equal(data, big, BIG);
	free(big);
	assert_int_equal(fx_scalar(db, "SELECT count(*) FROM file_content"
	                               " WHERE chunk IS NOT NULL"
	                               " AND length(bytes) = 0", NULL),
	                 3);
	int64_t chunks = fx_scalar(db, "SELECT count(*) FROM content_chunk",
	                           NULL);
	int64_t chunk_bytes = fx_scalar(
		db, "SELECT max(length(bytes)) FROM content_chunk", NULL);
	assert_true(chunk_bytes > 0 && chunk_bytes < BIG / 2);
	assert_true(chunks > BIG / chunk_bytes);
	/* Only the batch's last chunk is short, and the full ones fill
	 * their overflow pages: what is unused there is less than a page. */
	assert_int_equal(fx_scalar(db, "SELECT count(*) FROM content_chunk"
	                               " WHERE length(bytes) < (SELECT"
	                               " max(length(bytes)) FROM content_chunk)",
	                           NULL),
	                 1);
	assert_true(fx_scalar(db, "SELECT sum(unused) FROM dbstat"
	                          " WHERE name = 'content_chunk'"
	                          " AND pagetype = 'overflow'", NULL) <
	            fx_scalar(db, "PRAGMA page_size", NULL));

	/* A batch rolled back takes its chunk with it. */
	static const struct fx_event later[] = {
		{ .id = "late-1", .ms = FX_T0, .name = "GetObject", .ro = 1,
		  .agent = "late-agent" },
	};
	static const struct fx_event lost[] = {
		{ .id = "lost-1", .ms = FX_T0, .name = "GetObject", .ro = 1,
		  .agent = "lost-agent" },
	};
	assert_int_equal(store_batch_begin(s), 0);
	assert_int_equal(fx_add_file(s, "/p/3.json", later, 1, FX_PLAIN), 0);
	assert_int_equal(store_batch_end(s), 0);
	assert_int_equal(store_batch_begin(s), 0);
	assert_int_equal(fx_add_file(s, "/p/4.json", lost, 1, FX_PLAIN), 0);
	add_partial_file(s, "/p/5.json");
	assert_int_equal(store_file_abandon(s), 0);
	assert_false(store_in_batch(s));
	assert_int_equal(fx_scalar(db, "SELECT count(*) FROM content_chunk", NULL),
	                 chunks + 1);
	/* Alone, a file is its own transaction, and ends its own chunk. */
	static const struct fx_event alone[] = {
		{ .id = "alone-1", .ms = FX_T0, .name = "PutObject", .ro = 0,
		  .agent = "alone-agent" },
	};
	assert_int_equal(fx_add_file(s, "/p/6.json", alone, 1, FX_GZIP), 0);
	assert_int_equal(fx_scalar(db, "SELECT count(*) FROM content_chunk", NULL),
	                 chunks + 2);
	/* No chunk holds bytes of a file rolled back. */
	assert_int_equal(fx_scalar(db, "SELECT sum(length) = (SELECT"
	                               " sum(length(bytes)) FROM content_chunk)"
	                               " FROM file_content", NULL),
	                 1);
	static const struct fx_case kept[] = {
		{ "alone-agent", "alone-1" },
		{ "late-agent", "late-1" },
		{ "lost-agent", "" },
	};
	fx_check_cases(s, kept, FX_NCASES(kept), "after the rollback");
	store_close(s);
}

static void test_abandoned_file_leaves_nothing(void **state)
{
	(void)state;
	char err[256];
	struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
	                             sizeof err);
	assert_non_null(s);
	/* Alone: its own transaction. */
	add_partial_file(s, "broken.json");
	assert_int_equal(store_file_abandon(s), 0);
	/* In a batch: abandoning a file undoes the whole batch, never half
	 * a file; the batch is over and later files commit on their own. */
	assert_int_equal(store_batch_begin(s), 0);
	assert_int_equal(fx_add_file(s, "one.json", base, 2, FX_PLAIN), 0);
	add_partial_file(s, "broken2.json");
	assert_int_equal(store_file_abandon(s), 0);
	assert_false(store_in_batch(s));
	assert_int_equal(fx_add_file(s, "two.json", base + 2, 2, FX_GZIP), 0);
	assert_int_equal(store_batch_end(s), 0);
	int64_t n;
	assert_int_equal(store_count(s, NULL, &n), 0);
	assert_int_equal(n, 2);
	char *gone = ids_for(s, "id:e01,e02");
	assert_string_equal(gone, "");
	free(gone);
	/* Nor does the writer's window of recent IDs still hold them: the
	 * events of the undone batch are new when they come again. */
	assert_int_equal(fx_add_file(s, "one-again.json", base, 2, FX_PLAIN), 0);
	assert_int_equal(store_count(s, NULL, &n), 0);
	assert_int_equal(n, 4);
	/* The region the abandoned event brought is gone with it, and the
	 * writer's cache forgot it: a new event gets a working id. */
	char *ids = ids_for(s, "region:new-region-9");
	assert_string_equal(ids, "");
	free(ids);
	int64_t size, mtime;
	char *hash = NULL;
	enum store_file_state st;
	assert_int_equal(store_file_lookup(s, "broken2.json", &size, &mtime,
	                                   &hash, &st),
	                 0);
	assert_int_equal(store_file_lookup(s, "two.json", &size, &mtime, &hash,
	                                   &st),
	                 1);
	assert_int_equal(st, STORE_FILE_IMPORTED);
	assert_string_equal(hash, "feed");
	free(hash);
	add_partial_file(s, "again.json");
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	ids = ids_for(s, "region:new-region-9");
	assert_string_equal(ids, "half");
	free(ids);
	store_close(s);
}

/* The totals that the summary reads are the ledger summed, whichever way
 * its rows came: files in a batch and alone, a copy, a digest, a failure
 * recorded and recorded again, in a batch and out of one, and a file
 * abandoned (schema 17: the writer adds the rows it inserts, the
 * triggers of updates and deletes the rest). */
static void test_totals_follow_the_ledger(void **state)
{
	(void)state;
	char path[160];
	fx_database_with(path, sizeof path, "totals.db", "first.json", fx_base,
	                 fx_nbase);
	assert_int_equal(fx_scalar(path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name = 'totals_insert'",
	                           NULL),
	                 0);
	char err[256];
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	if (!s)
		fail_msg("store_open: %s", err);
	struct store_file_info bad = { "bad.json.gz", 77, 1, "beef" };
	assert_int_equal(store_file_failed(s, &bad, "corrupt"), 0);
	assert_int_equal(store_file_failed(s, &bad, "still corrupt"), 0);
	assert_int_equal(store_batch_begin(s), 0);
	/* The same bytes again: a copy, its events duplicates. */
	assert_int_equal(fx_add_file(s, "copy.json", fx_base, fx_nbase,
	                             FX_PLAIN),
	                 (int)fx_nbase);
	struct store_file_info dig = { "digest.json.gz", 10, 1, "d1" };
	assert_int_equal(store_file_begin(s, &dig, "{}", 2, STORE_ENC_IDENTITY),
	                 0);
	assert_int_equal(store_file_commit(s, STORE_FILE_DIGEST), 0);
	struct store_file_info worse = { "worse.json.gz", 5, 1, "f00d" };
	assert_int_equal(store_file_failed(s, &worse, "truncated"), 0);
	assert_int_equal(store_batch_end(s), 0);
	/* Abandoned: its row and what it added to the totals go. */
	struct store_file_info gone = { "gone.json", 2, 1, "abcd" };
	assert_int_equal(store_file_begin(s, &gone, "{}", 2, STORE_ENC_IDENTITY),
	                 0);
	assert_int_equal(store_file_abandon(s), 0);
	store_close(s);
	static const char *const pairs[][2] = {
		{ "imported", "count(*) FILTER (WHERE state = 0)" },
		{ "digests", "count(*) FILTER (WHERE state = 1)" },
		{ "failed", "count(*) FILTER (WHERE state = 2)" },
		{ "events", "sum(events)" },
		{ "duplicates", "sum(duplicates)" },
		{ "stored_bytes", "sum(stored_bytes)" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		char kept[96], summed[128];
		snprintf(kept, sizeof kept, "SELECT %s FROM totals", pairs[i][0]);
		snprintf(summed, sizeof summed, "SELECT %s FROM file", pairs[i][1]);
		int64_t a = fx_scalar(path, kept, NULL), b = fx_scalar(path, summed,
		                                                      NULL);
		if (a != b)
			fail_msg("totals.%s %lld, the ledger summed %lld", pairs[i][0],
			         (long long)a, (long long)b);
	}
	assert_int_equal(fx_scalar(path, "SELECT imported FROM totals", NULL), 2);
	assert_int_equal(fx_scalar(path, "SELECT failed FROM totals", NULL), 2);
	assert_int_equal(fx_scalar(path, "SELECT digests FROM totals", NULL), 1);
	assert_int_equal(fx_scalar(path, "SELECT duplicates FROM totals", NULL),
	                 (int64_t)fx_nbase);
}

static void test_failed_and_digest_files_in_ledger(void **state)
{
	(void)state;
	char err[256];
	struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
	                             sizeof err);
	assert_non_null(s);
	struct store_file_info bad = { "bad.json.gz", 77, 1, "beef" };
	assert_int_equal(store_file_failed(s, &bad, "gzip data is corrupt"), 0);
	struct store_file_info dig = { "digest.json.gz", 10, 1, "d1" };
	assert_int_equal(store_file_begin(s, &dig, "{}", 2, STORE_ENC_IDENTITY),
	                 0);
	assert_int_equal(store_file_commit(s, STORE_FILE_DIGEST), 0);
	struct store_summary sum;
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.files_failed, 1);
	assert_int_equal(sum.files_digest, 1);
	assert_int_equal(sum.files_imported, 0);
	assert_int_equal(sum.events, 0);
	int64_t size, mtime;
	char *hash;
	enum store_file_state st;
	assert_int_equal(store_file_lookup(s, "bad.json.gz", &size, &mtime,
	                                   &hash, &st),
	                 1);
	assert_int_equal(st, STORE_FILE_FAILED);
	assert_int_equal(size, 77);
	free(hash);
	/* Retrying the bad file replaces its failure instead of adding one. */
	assert_int_equal(store_file_failed(s, &bad, "still corrupt"), 0);
	assert_int_equal(store_summary(s, &sum), 0);
	assert_int_equal(sum.files_failed, 1);
	/* Without a hash: the state, size and time alone. */
	assert_int_equal(store_file_lookup(s, "digest.json.gz", &size, &mtime,
	                                   NULL, &st),
	                 1);
	assert_int_equal(st, STORE_FILE_DIGEST);
	assert_int_equal(size, 10);
	assert_int_equal(store_file_lookup(s, "bad.json.gz", &size, &mtime,
	                                   NULL, &st),
	                 1);
	assert_int_equal(st, STORE_FILE_FAILED);
	assert_int_equal(size, 77);
	assert_int_equal(store_file_lookup(s, "never.json", &size, &mtime,
	                                   NULL, &st),
	                 0);
	/* Misuse is refused, not undefined. */
	bool dup;
	struct trail_event ev = { .event_id = "x", .read_only = -1 };
	assert_int_equal(store_add_event(s, &ev, &dup), -1);
	store_close(s);
}

static void test_every_encoding_reads_back(void **state)
{
	(void)state;
	const enum fx_encoding encs[] = { FX_PLAIN, FX_GZIP,
		                          FX_GZIP_TWO_MEMBERS };
	for (size_t k = 0; k < 3; k++) {
		char err[256];
		struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
		                             sizeof err);
		assert_non_null(s);
		assert_int_equal(fx_add_file(s, "f", base, NBASE, encs[k]), 0);
		void *st = s;
		test_records_read_back(&st);
		/* Bare words search the records in every encoding. */
		char *ids = ids_for(s, "prod-bucket");
		assert_string_equal(ids, "e03 e02");
		free(ids);
		store_close(s);
	}
}

/* lookup-events output keeps each record as a JSON string: the store reads
 * the literal back decoded, and text search finds words inside it. */
/* Values whose labels are the same are told apart: an ARN's account
 * joins the label; a value that is no ARN with an account becomes the
 * label; a label no other value has stays. */
static void test_facet_tell_apart(void **state)
{
	(void)state;
	struct store_facet_value v[] = {
		{ "arn:aws:iam::111122223333:user/alice", "alice", 2 },
		{ "arn:aws:iam::444455556666:user/alice", "alice", 1 },
		{ "arn:aws:iam::111122223333:user/bob", "bob", 1 },
		{ "AIDAEXAMPLE", "svc", 1 },
		{ "arn:aws:s3:::bucket", "svc", 1 },
		{ NULL, NULL, 3 },
		{ "same", "same", 1 },
		/* One account: the account does not tell them apart. */
		{ "arn:aws:iam::777788889999:user/carol", "carol", 1 },
		{ "arn:aws:iam::777788889999:user/team/carol", "carol", 1 },
	};
	struct store_facet f = { sizeof v / sizeof v[0], NULL };
	f.values = calloc(f.count, sizeof *f.values);
	assert_non_null(f.values);
	for (size_t i = 0; i < f.count; i++) {
		f.values[i].value = v[i].value ? strdup(v[i].value) : NULL;
		f.values[i].label = v[i].label ? strdup(v[i].label) : NULL;
		f.values[i].count = v[i].count;
	}
	assert_int_equal(store_facet_tell_apart(&f), 0);
	assert_string_equal(f.values[0].label, "alice (111122223333)");
	assert_string_equal(f.values[1].label, "alice (444455556666)");
	assert_string_equal(f.values[2].label, "bob");
	assert_string_equal(f.values[3].label, "AIDAEXAMPLE");
	assert_string_equal(f.values[4].label, "arn:aws:s3:::bucket");
	assert_null(f.values[5].label);
	assert_string_equal(f.values[6].label, "same");
	assert_string_equal(f.values[7].label,
	                    "arn:aws:iam::777788889999:user/carol");
	assert_string_equal(f.values[8].label,
	                    "arn:aws:iam::777788889999:user/team/carol");
	store_facet_free(&f);
}

static void test_escaped_record(void **state)
{
	(void)state;
	static const char file[] =
		"{\"Events\":[{\"EventId\":\"x1\",\"CloudTrailEvent\":"
		"\"{\\\"eventID\\\":\\\"x1\\\",\\\"eventName\\\":"
		"\\\"A\\u0026B\\\"}\"}]}";
	static const char record[] = "{\"eventID\":\"x1\",\"eventName\":\"A&B\"}";
	const char *lit = strstr(file, "\"{");
	const char *lit_end = strstr(lit, "}\"") + 2;
	char err[256];
	struct store *s = store_open(":memory:", STORE_READ_WRITE, err,
	                             sizeof err);
	assert_non_null(s);
	struct store_file_info info = { "lookup.json", sizeof file - 1, 1, "e" };
	assert_int_equal(store_file_begin(s, &info, file, sizeof file - 1,
	                                  STORE_ENC_IDENTITY),
	                 0);
	struct trail_event ev = {
		.event_id = "x1", .time_ms = T0, .read_only = -1,
		.event_name = "A&B", .record_offset = (uint64_t)(lit - file),
		.record_length = (uint32_t)(lit_end - lit),
		.record_escaped = true,
	};
	bool dup;
	assert_int_equal(store_add_event(s, &ev, &dup), 0);
	assert_int_equal(store_file_commit(s, STORE_FILE_IMPORTED), 0);
	struct store_page page = { 0 };
	assert_int_equal(store_page(s, NULL, NULL, STORE_OLDER, 5, &page), 0);
	assert_int_equal(page.count, 1);
	char *bytes;
	size_t len;
	assert_int_equal(store_record(s, page.rows[0].row, &bytes, &len), 0);
	assert_int_equal(len, strlen(record));
	assert_string_equal(bytes, record);
	free(bytes);
	store_page_free(&page);
	char *ids = ids_for(s, "eventName");
	assert_string_equal(ids, "x1");
	free(ids);
	store_close(s);
}

/* A database in a file, where a text search has a second thread decode
 * the stored files ahead of it (text_prefetch.c): whichever of the two
 * decodes a file, the search must find exactly the records holding the
 * word, newest first, and none for a word in no record. */
static void test_text_search_with_prefetch(void **state)
{
	(void)state;
	char path[64], db[96];
	snprintf(db, sizeof db, "%s/prefetch.db", fx_tmpdir);
	char err[256];
	struct store *s = store_open(db, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	enum { FILES = 40, PER_FILE = 25 };
	struct fx_event ev[PER_FILE];
	char ids[FILES][PER_FILE][16];
	char want[256] = "";
	for (int f = 0; f < FILES; f++) {
		/* The word is in files 3, 17 and 31: in one record of each. */
		bool marked = f % 14 == 3;
		for (int i = 0; i < PER_FILE; i++) {
			snprintf(ids[f][i], sizeof ids[f][i], "p%02d-%02d", f, i);
			ev[i] = (struct fx_event){
				.id = ids[f][i],
				.ms = T0 + ((int64_t)f * PER_FILE + i) * 1000,
				.region = "us-east-1", .service = "s3.amazonaws.com",
				.name = "GetObject", .type = "IAMUser",
				.arn = "arn:aws:iam::111111111111:user/alice",
				.user = "alice", .account = "111111111111",
				.ip = "192.0.2.1", .ro = 1,
				.agent = marked && i == 7 ? "curl NeedleWord/1"
				                          : "aws-cli/2",
			};
		}
		snprintf(path, sizeof path, "/t/f%02d.json.gz", f);
		assert_int_equal(fx_add_file(s, path, ev, PER_FILE, FX_GZIP), 0);
	}
	for (int f = FILES - 1; f >= 0; f--)
		if (f % 14 == 3)
			snprintf(want + strlen(want), sizeof want - strlen(want),
			         "%s%s", *want ? " " : "", ids[f][7]);
	/* Every answer the thread's, then the two together (in a store of
	 * its own: the first's answers are kept for its words). */
	for (int first = 1; first >= 0; first--) {
		if (!first) {
			store_close(s);
			s = store_open(db, STORE_READ_WRITE, err, sizeof err);
			assert_non_null(s);
		}
		store_set_text_prefetch_first(s, first);
		char *got = ids_for(s, "needleword");
		assert_string_equal(got, want);
		free(got);
		got = ids_for(s, "needleword region:us-east-1");
		assert_string_equal(got, want);
		free(got);
		got = ids_for(s, "wordinnorecord");
		assert_string_equal(got, "");
		free(got);
	}
	store_close(s);
}

/* A word's answers outlive the statement: the next statement searching
 * it (the browser's counts beside its list, or the same word with other
 * terms) takes them rather than decoding the files again.  Shown by
 * changing a stored file behind the store's back, which never happens
 * otherwise: the store that searched before still knows the file as
 * without the word; a store opened afresh finds it. */
static void test_text_answers_are_kept(void **state)
{
	(void)state;
	char db[96], path[64], err[256];
	snprintf(db, sizeof db, "%s/kept.db", fx_tmpdir);
	struct store *s = store_open(db, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	enum { FILES = 6, PER_FILE = 4 };
	char ids[FILES][PER_FILE][16];
	for (int f = 0; f < FILES; f++) {
		struct fx_event ev[PER_FILE];
		for (int i = 0; i < PER_FILE; i++) {
			snprintf(ids[f][i], sizeof ids[f][i], "k%d-%d", f, i);
			ev[i] = (struct fx_event){
				.id = ids[f][i], .ms = T0 + (f * PER_FILE + i) * 1000,
				.name = "GetObject", .ro = 1, .agent = "awscli2",
			};
		}
		snprintf(path, sizeof path, "/t/k%d.json", f);
		assert_int_equal(fx_add_file(s, path, ev, PER_FILE, FX_PLAIN), 0);
	}
	store_set_text_prefetch_first(s, true);
	char *got = ids_for(s, "awscli9");
	assert_string_equal(got, "");
	free(got);

	sqlite3 *other;
	assert_int_equal(sqlite3_open(db, &other), SQLITE_OK);
	assert_int_equal(
		sqlite3_exec(other,
		             "UPDATE content_chunk SET bytes = CAST(replace("
		             "CAST(bytes AS TEXT), 'awscli2', 'awscli9')"
		             " AS BLOB) WHERE id = (SELECT chunk FROM file_content"
		             " WHERE file = (SELECT id FROM file"
		             " WHERE name = 'k2.json'))",
		             NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_changes(other), 1);
	sqlite3_close(other);

	got = ids_for(s, "awscli9 event:GetObject");
	assert_string_equal(got, "");
	free(got);
	store_close(s);
	s = store_open(db, STORE_READ_WRITE, err, sizeof err);
	assert_non_null(s);
	got = ids_for(s, "awscli9");
	assert_string_equal(got, "k2-3 k2-2 k2-1 k2-0");
	free(got);
	store_close(s);
}

#define WITH_BASE(t) cmocka_unit_test_setup_teardown(t, setup_base, \
                                                    teardown_store)

int main(void)
{
	/* One group: TAP allows one plan per test program. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_text_search_with_prefetch,
		                                fx_make_tmpdir, fx_remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_text_answers_are_kept,
		                                fx_make_tmpdir, fx_remove_tmpdir),
		WITH_BASE(test_every_filter_key),
		WITH_BASE(test_facet_counts),
		WITH_BASE(test_facet_labels_and_limit),
		WITH_BASE(test_histogram_buckets),
		WITH_BASE(test_page_columns),
		WITH_BASE(test_records_read_back),
		WITH_BASE(test_account_of_principal_or_recipient),
		cmocka_unit_test(test_paging_across_equal_timestamps),
		cmocka_unit_test(test_dedup_by_event_id),
		cmocka_unit_test(test_abandoned_file_leaves_nothing),
		cmocka_unit_test(test_failed_and_digest_files_in_ledger),
		cmocka_unit_test_setup_teardown(test_totals_follow_the_ledger,
		                                fx_make_tmpdir, fx_remove_tmpdir),
		cmocka_unit_test(test_every_encoding_reads_back),
		cmocka_unit_test(test_escaped_record),
		cmocka_unit_test(test_facet_tell_apart),
		cmocka_unit_test(test_copies_stored_once),
		cmocka_unit_test_setup_teardown(test_files_stored_in_chunks,
		                                fx_make_tmpdir, fx_remove_tmpdir),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
