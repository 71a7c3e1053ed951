/* fuzz_parse.c - libFuzzer target for trail_parse().
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DHAVE_CONFIG_H \
 *     -D_POSIX_C_SOURCE=200809L -I. -Isrc tests/fuzz/fuzz_parse.c \
 *     src/import/json.c src/import/parse.c src/import/record.c \
 *     src/import/classify.c \
 *     src/import/event_time.c src/util/json_string.c src/util/buf.c \
 *     src/util/calendar.c \
 *     -o fuzz_parse
 *   ./fuzz_parse -max_len=65536 CORPUS_DIR SEED_DIR...
 *
 * Besides "never crashes, never reads out of bounds", it checks what the
 * importer relies on, for every input that parses:
 *   - every record span lies inside the input and starts and ends where a
 *     record (or, escaped, a string literal) does, and the store's own
 *     decoder (util/json_string.h) reads an escaped one back to the very
 *     text the parser saw;
 *   - every event has an ID, and a category in range;
 *   - the same input parsed again gives the same events;
 *   - a record's bytes on their own (decoded first when escaped), when
 *     they parse as a single record, give the same event: same ID, same
 *     time, same fields - so the detail view, which reads the stored
 *     bytes back, sees what the index says.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/json.h"
#include "import/parse.h"
#include "util/json_string.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct events {
	struct trail_event *ev;
	size_t n, cap;
};

static int collect(void *ctx, const struct trail_event *ev)
{
	struct events *e = ctx;
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 16;
		struct trail_event *p = realloc(e->ev, cap * sizeof *p);
		if (!p)
			return 1;
		e->ev = p;
		e->cap = cap;
	}
	e->ev[e->n++] = *ev;
	return 0;
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_event(const struct trail_event *a,
                       const struct trail_event *b)
{
	if (a->time_ms != b->time_ms || a->category != b->category ||
	    a->global != b->global || a->read_only != b->read_only ||
	    a->nresources != b->nresources)
		return false;
	const char *const fa[] = { a->event_id, a->region, a->service,
		a->event_name, a->identity_type, a->principal_arn,
		a->principal_name, a->principal_id, a->principal_account,
		a->access_key, a->account, a->source_ip, a->user_agent,
		a->error_code, a->request_id, a->shared_event_id };
	const char *const fb[] = { b->event_id, b->region, b->service,
		b->event_name, b->identity_type, b->principal_arn,
		b->principal_name, b->principal_id, b->principal_account,
		b->access_key, b->account, b->source_ip, b->user_agent,
		b->error_code, b->request_id, b->shared_event_id };
	for (size_t i = 0; i < sizeof fa / sizeof fa[0]; i++)
		if (!same_str(fa[i], fb[i]))
			return false;
	for (size_t i = 0; i < a->nresources; i++)
		if (!same_str(a->resource_arns[i], b->resource_arns[i]) ||
		    !same_str(a->resource_types[i], b->resource_types[i]))
			return false;
	return true;
}

static void check_span(const char *in, size_t size,
                       const struct trail_event *e)
{
	if (!e->event_id || !*e->event_id || e->category >= CAT_COUNT_)
		abort();
	if (e->record_offset > size || e->record_length < 2 ||
	    e->record_length > size - e->record_offset)
		abort();
	const char *r = in + e->record_offset;
	char open = e->record_escaped ? '"' : '{';
	char close = e->record_escaped ? '"' : '}';
	if (r[0] != open || r[e->record_length - 1] != close)
		abort();
}

/* The record's own text: its bytes, or the decoded string literal. */
static char *record_text(const char *in, const struct trail_event *e,
                         size_t *n)
{
	const char *r = in + e->record_offset;
	char *t = malloc(e->record_length + 1);
	if (!t)
		return NULL;
	if (!e->record_escaped) {
		memcpy(t, r, e->record_length);
		*n = e->record_length;
		return t;
	}
	unsigned char stack[4];
	struct json j;
	struct json_str s;
	json_init(&j, r, e->record_length, stack, sizeof stack);
	if (json_string(&j, &s) != 0 || !json_at_end(&j))
		abort(); /* the span must be exactly one string literal */
	*n = json_unescape(&s, t);
	struct buf b;
	buf_init(&b);
	if (json_string_decode(r, e->record_length, &b) != 0 || b.len != *n ||
	    memcmp(b.data, t, *n) != 0)
		abort(); /* the detail view would show another record */
	buf_free(&b);
	return t;
}

/* A record alone, parsed as a file of its own. */
static void check_alone(const char *in, const struct trail_event *e)
{
	size_t n;
	char *text = record_text(in, e, &n);
	if (!text)
		return;
	struct trail_parser *p = trail_parser_new(NULL);
	struct events got = { 0 };
	enum trail_format f;
	char why[320];
	if (p && trail_parse(p, text, n, collect, &got, &f, why, sizeof why) == 0 &&
	    f == TF_RECORD && got.n == 1) {
		struct trail_event a = *e, b = got.ev[0];
		if (!same_event(&a, &b))
			abort();
	}
	trail_parser_free(p);
	free(got.ev);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Small limits, so that the fuzzer reaches them. */
	struct trail_limits lim = { .max_depth = 64, .max_records = 1000 };
	struct trail_parser *p = trail_parser_new(&lim);
	if (!p)
		return 0;
	const char *in = (const char *)data;
	struct events first = { 0 }, again = { 0 };
	enum trail_format f1, f2;
	char why1[320], why2[320];
	int rc1 = trail_parse(p, in, size, collect, &first, &f1, why1,
	                      sizeof why1);
	if (rc1 != 0 && why1[0] == '\0')
		abort(); /* a failure always says why */
	if (rc1 == 0) {
		if (first.n > lim.max_records)
			abort();
		for (size_t i = 0; i < first.n; i++) {
			check_span(in, size, &first.ev[i]);
			check_alone(in, &first.ev[i]);
		}
	}
	/* Parsing again (the arena is reset) gives the same result; the
	 * first events' strings are gone now, so compare by re-parsing
	 * into a second parser. */
	struct trail_parser *q = trail_parser_new(&lim);
	if (q) {
		int rc2 = trail_parse(q, in, size, collect, &again, &f2, why2,
		                      sizeof why2);
		if (rc2 != rc1 || (rc1 == 0 && (f1 != f2 || first.n != again.n)))
			abort();
		if (rc1 != 0 && strcmp(why1, why2) != 0)
			abort();
		for (size_t i = 0; rc1 == 0 && i < first.n; i++)
			if (!same_event(&first.ev[i], &again.ev[i]) ||
			    first.ev[i].record_offset != again.ev[i].record_offset)
				abort();
	}
	trail_parser_free(q);
	trail_parser_free(p);
	free(first.ev);
	free(again.ev);
	return 0;
}
