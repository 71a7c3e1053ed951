/* store_fixture.c - small trail files for store tests (store_fixture.h). */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>

#include "filter/filter.h"
#include "gzip_helper.h"
#include "store/internal.h"
#include "store_fixture.h"
#include "util/buf.h"

#define T0 FX_T0
#define H FX_HOUR

/* Eight events across every dimension; e02..e04 share a timestamp. */
const struct fx_event fx_base[] = {
	{ "e01", T0, CAT_MANAGEMENT, "us-east-1", "iam.amazonaws.com",
	  "CreateUser", "IAMUser", "arn:aws:iam::111111111111:user/alice",
	  "alice", "AKIAALICE", "111111111111", "198.51.100.7", "aws-cli/2.15",
	  NULL, 0, true, "arn:aws:iam::111111111111:user/mallory", NULL, NULL,
	  NULL, NULL, NULL },
	{ "e02", T0 + H, CAT_DATA, "eu-west-1", "s3.amazonaws.com", "GetObject",
	  "AssumedRole", "arn:aws:sts::111111111111:assumed-role/Backup/nightly",
	  "Backup/nightly", "ASIABACKUP", "111111111111", "10.0.0.5",
	  "aws-sdk-go", NULL, 1, false, "arn:aws:s3:::prod-bucket/secret.txt",
	  NULL, NULL, NULL, NULL, NULL },
	{ "e03", T0 + H, CAT_DATA, "eu-west-1", "s3.amazonaws.com", "GetObject",
	  "AssumedRole", "arn:aws:sts::111111111111:assumed-role/Backup/nightly",
	  "Backup/nightly", "ASIABACKUP", "111111111111", "10.0.0.5",
	  "aws-sdk-go", "AccessDenied", 1, false,
	  "arn:aws:s3:::prod-bucket/other.txt", NULL, NULL, NULL, NULL,
	  NULL },
	{ "e04", T0 + H, CAT_MANAGEMENT, "us-east-1",
	  "cloudtrail.amazonaws.com", "StopLogging", "IAMUser",
	  "arn:aws:iam::111111111111:user/alice", "alice", "AKIAALICE",
	  "111111111111", "198.51.100.7", "aws-cli/2.15", NULL, 0, false, NULL,
	  "REQ-STOP-1", NULL, NULL, NULL, NULL },
	{ "e05", T0 + 2 * H, CAT_MANAGEMENT, "us-west-2", "ec2.amazonaws.com",
	  "DescribeInstances", "Root", "arn:aws:iam::222222222222:root", NULL,
	  NULL, "222222222222", "203.0.113.9", "console.amazonaws.com",
	  "Client.UnauthorizedOperation", 1, false, NULL, NULL, NULL, NULL, NULL,
	  NULL },
	{ "e06", T0 + 2 * H, CAT_INSIGHT, "us-east-1", "ec2.amazonaws.com",
	  "RunInstances", NULL, NULL, NULL, NULL, "111111111111", NULL, NULL,
	  NULL, -1, false, NULL, NULL,
	  "\"insightDetails\":{\"state\":\"Start\"}", NULL, NULL, NULL },
	{ "e07", T0 + 3 * H, CAT_NETWORK, "us-east-1", "s3.amazonaws.com",
	  "PutObject", "AWSAccount", NULL, NULL, NULL, "111111111111",
	  "10.9.9.9", NULL, "VpceAccessDenied", -1, false, NULL, NULL, NULL, NULL,
	  NULL, NULL },
	{ "e08", T0 + 25 * H, CAT_MANAGEMENT, "eu-west-1", "sts.amazonaws.com",
	  "AssumeRole", "AWSService", NULL, NULL, NULL, "111111111111",
	  "ec2.amazonaws.com", "ec2.amazonaws.com", NULL, 1, false, NULL, NULL,
	  NULL, NULL, NULL, NULL },
};
const size_t fx_nbase = sizeof fx_base / sizeof fx_base[0];

static void member(struct buf *b, const char *name, const char *value)
{
	if (value)
		buf_printf(b, ",\"%s\":\"%s\"", name, value);
}

char *fx_record_json(const struct fx_event *e)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "{\"eventID\":\"%s\",\"eventTime\":%lld", e->id,
	           (long long)e->ms);
	member(&b, "awsRegion", e->region);
	member(&b, "eventSource", e->service);
	member(&b, "eventName", e->name);
	buf_printf(&b, ",\"userIdentity\":{\"x\":0");
	member(&b, "type", e->type);
	member(&b, "arn", e->arn);
	member(&b, "userName", e->user);
	member(&b, "accessKeyId", e->key);
	member(&b, "accountId", e->principal_account);
	buf_puts(&b, "}");
	member(&b, "recipientAccountId", e->account);
	member(&b, "sourceIPAddress", e->ip);
	member(&b, "userAgent", e->agent);
	member(&b, "errorCode", e->error);
	member(&b, "requestID", e->request);
	if (e->ro >= 0)
		buf_printf(&b, ",\"readOnly\":%s", e->ro ? "true" : "false");
	if (e->resource && e->resource2)
		buf_printf(&b,
		           ",\"resources\":[{\"ARN\":\"%s\"},{\"ARN\":\"%s\"}]",
		           e->resource, e->resource2);
	else if (e->resource)
		buf_printf(&b, ",\"resources\":[{\"ARN\":\"%s\"}]", e->resource);
	member(&b, "sharedEventID", e->shared);
	if (e->extra)
		buf_printf(&b, ",%s", e->extra);
	buf_puts(&b, "}");
	return buf_steal(&b);
}

static struct trail_event to_store_event(const struct fx_event *e,
                                         const char *res[2])
{
	struct trail_event ev = {
		.event_id = e->id, .time_ms = e->ms, .category = e->cat,
		.global = e->global, .read_only = e->ro, .region = e->region,
		.service = e->service, .event_name = e->name,
		.identity_type = e->type, .principal_arn = e->arn,
		.principal_name = e->user, .access_key = e->key,
		.account = e->account, .source_ip = e->ip,
		.user_agent = e->agent, .error_code = e->error,
		.request_id = e->request,
		.principal_account = e->principal_account,
		.shared_event_id = e->shared,
	};
	if (e->resource) {
		res[0] = e->resource;
		res[1] = e->resource2;
		ev.nresources = e->resource2 ? 2 : 1;
		ev.resource_arns = res;
	}
	return ev;
}

/* The encoded file bytes for `text`. */
static unsigned char *encode(const char *text, size_t n, enum fx_encoding enc,
                             size_t *outlen)
{
	if (enc == FX_PLAIN) {
		*outlen = n;
		return (unsigned char *)strdup(text);
	}
	if (enc == FX_GZIP)
		return test_gzip(text, n, outlen);
	/* Two members split mid-file, as concatenated gzip files are. */
	size_t half = n / 2, l1, l2;
	unsigned char *a = test_gzip(text, half, &l1);
	unsigned char *b = test_gzip(text + half, n - half, &l2);
	unsigned char *out = malloc(l1 + l2);
	assert_non_null(out);
	memcpy(out, a, l1);
	memcpy(out + l1, b, l2);
	free(a);
	free(b);
	*outlen = l1 + l2;
	return out;
}

int fx_add_file(struct store *s, const char *path, const struct fx_event *ev,
                size_t n, enum fx_encoding enc)
{
	struct buf text;
	buf_init(&text);
	buf_puts(&text, "{\"Records\":[");
	size_t *off = calloc(n + 1, sizeof *off), *len = calloc(n + 1, sizeof *len);
	assert_true(off && len);
	for (size_t i = 0; i < n; i++) {
		char *rec = fx_record_json(&ev[i]);
		if (i)
			buf_putc(&text, ',');
		off[i] = text.len;
		len[i] = strlen(rec);
		buf_puts(&text, rec);
		free(rec);
	}
	buf_puts(&text, "]}\n");
	assert_true(buf_ok(&text));
	size_t nbytes;
	unsigned char *bytes = encode(text.data, text.len, enc, &nbytes);
	struct store_file_info info = { path, (int64_t)nbytes, 1000, "feed" };
	int dups = 0;
	int rc = store_file_begin(s, &info, bytes, nbytes,
	                          enc == FX_PLAIN ? STORE_ENC_IDENTITY
	                                          : STORE_ENC_GZIP);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const char *res[2] = { NULL, NULL };
		struct trail_event se = to_store_event(&ev[i], res);
		se.record_offset = off[i];
		se.record_length = (uint32_t)len[i];
		bool dup;
		rc = store_add_event(s, &se, &dup);
		dups += dup;
	}
	if (rc == 0)
		rc = store_file_commit(s, STORE_FILE_IMPORTED);
	free(bytes);
	free(off);
	free(len);
	buf_free(&text);
	return rc < 0 ? -1 : dups;
}

struct filter *fx_filter(const char *text)
{
	struct filter_error err;
	struct filter *f = filter_parse(text, FX_NOW_MS, &err);
	if (!f)
		fail_msg("filter '%s': %s", text, err.message);
	return f;
}

char fx_tmpdir[64];

int fx_make_tmpdir(void **state)
{
	(void)state;
	/* The X's are mkdtemp's template, which it replaces. */
	snprintf(fx_tmpdir, sizeof fx_tmpdir, "/tmp/trailnav-test-XXXXXX");
	assert_non_null(mkdtemp(fx_tmpdir));
	return 0;
}

int fx_remove_tmpdir(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The event IDs of every match, newest first, joined with spaces. */
char *fx_ids_for(struct store *s, const char *filter_text)
{
	struct filter *f = fx_filter(filter_text);
	struct store_page page = { 0 };
	if (store_page(s, f, NULL, STORE_OLDER, 100, &page) < 0)
		fail_msg("'%s': %s", filter_text, store_errmsg(s));
	size_t size = 1;
	for (size_t i = 0; i < page.count; i++)
		size += strlen(page.rows[i].event_id) + 1;
	char *out = calloc(1, size);
	assert_non_null(out);
	for (size_t i = 0; i < page.count; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, page.rows[i].event_id);
	}
	int64_t n = -1;
	assert_int_equal(store_count(s, f, &n), 0);
	assert_int_equal(n, (int64_t)page.count);
	store_page_free(&page);
	filter_free(f);
	return out;
}

void fx_check_cases(struct store *s, const struct fx_case *cases, size_t n,
                    const char *when)
{
	for (size_t i = 0; i < n; i++) {
		char *got = fx_ids_for(s, cases[i].filter);
		if (strcmp(got, cases[i].ids) != 0)
			fail_msg("%s, '%s': got '%s', want '%s'", when,
			         cases[i].filter, got, cases[i].ids);
		free(got);
	}
}

int64_t fx_scalar(const char *path, const char *sql, const char *arg)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	                 SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

void fx_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", path, err ? err : "?");
	sqlite3_close(db);
}

bool fx_plan_uses(const char *path, const char *sql, const char *index)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char explain[4096];
	assert_true((size_t)snprintf(explain, sizeof explain,
	                             "EXPLAIN QUERY PLAN %s", sql) <
	            sizeof explain);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, explain, -1, &st, NULL),
	                 SQLITE_OK);
	bool uses = false;
	while (sqlite3_step(st) == SQLITE_ROW)
		uses = uses || strstr((const char *)sqlite3_column_text(st, 3),
		                      index) != NULL;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return uses;
}

void fx_filter_sql(struct store *s, const char *select, const char *text,
                   char *sql, size_t len)
{
	struct filter *f = fx_filter(text);
	struct where w;
	assert_int_equal(store_where(s, f, &w), 0);
	assert_true((size_t)snprintf(sql, len, "%s FROM event e WHERE %s",
	                             select, w.sql) < len);
	store_where_free(&w);
	filter_free(f);
}

void fx_database_with(char *path, size_t len, const char *name,
                      const char *file, const struct fx_event *ev, size_t n)
{
	char err[512];
	assert_true((size_t)snprintf(path, len, "%s/%s", fx_tmpdir, name) < len);
	struct store *s = store_open(path, STORE_READ_WRITE, err, sizeof err);
	if (!s)
		fail_msg("%s: %s", path, err);
	assert_int_equal(fx_add_file(s, file, ev, n, FX_PLAIN), 0);
	store_close(s);
}
