/* parse.c - finding CloudTrail records in a decoded file (parse.h).
 *
 * One pass over the file with the pull reader of json.h: every value is
 * either walked (the parts that lead to records and the fields we keep)
 * or skipped, and both validate, so a file that yields records is also
 * known to be valid JSON.  Records are handed over as they are met; the
 * file's format is known at the end (parse.h's contract is all or
 * nothing, so a later failure still fails the whole file).
 *
 * What counts as what (the format is detected by content only):
 *   - an object with "Records" is a delivery file; "Records" must be an
 *     array of objects, each taken as a record whatever keys it has;
 *   - an object with "Events" (an array) is lookup-events output: each
 *     entry's "CloudTrailEvent" is the record, as a JSON string (the usual
 *     form) or as an object (already decoded by some tool); an entry
 *     without one that is itself a record is taken as the record;
 *   - an object with "logEvents" (an array) is a CloudWatch Logs payload:
 *     each "message" is a record as a string.  A CONTROL_MESSAGE payload
 *     holds no records and succeeds empty, as a digest does: it is a
 *     known, harmless file that a Firehose bucket fills with;
 *   - an object with "detail" holding a record is an EventBridge event
 *     ("detail-type" is not required: the detail must look like a
 *     record, which is the stronger test);
 *   - otherwise an object is a record if it has one of eventVersion,
 *     eventID, eventTime, eventSource, eventName, eventType or
 *     eventCategory (any value, even null), and a digest if it has two
 *     of digest files' own keys (digestStartTime, logFiles, ...);
 *   - the wrapper keys above win over the record keys: an object with
 *     both is a wrapper and only what it wraps is imported;
 *   - a top-level array holds records or any of the wrappers above;
 *   - several top-level values separated by newlines are NDJSON (also
 *     jq's pretty-printed streams), each a record, a wrapper or an array.
 * Inside arrays and NDJSON a value that is none of these fails the file
 * (silently dropping it could lose evidence).  Strings inside records
 * ("CloudTrailEvent", "message") must look like records too.  A leading
 * UTF-8 byte order mark is allowed.
 *
 * This file finds the records; what is taken out of each and made of it
 * (fields, event IDs) is record.c's business.
 */
#include <config.h>

#include "import/parse.h"

#include <stdlib.h>
#include <string.h>

#include "import/record.h"
#include "util/i18n.h"

/* Defaults for struct trail_limits' zeros.  Real files nest a dozen
 * levels; a few million records is several GB of JSON, while each record
 * costs its caller a struct trail_event (~200 bytes) however small the
 * record: a file of "{}," must not turn 1 GB into 70. */
#define DEFAULT_MAX_DEPTH 512
#define DEFAULT_MAX_RECORDS 5000000

enum item_kind {
	IK_OTHER,
	IK_RECORD,
	IK_DELIVERY,
	IK_LOOKUP,
	IK_EVENTBRIDGE,
	IK_CLOUDWATCH,
	IK_DIGEST,
	IK_ARRAY
};

/* A top-level value, array element or NDJSON line being walked. */
struct item {
	struct rec r;          /* in case the object is itself a record */
	enum item_kind wrapper; /* IK_OTHER until a wrapper key is met */
	unsigned digest_keys;
	int control; /* messageType: 1 CONTROL_MESSAGE, 0 other, -1 unseen */
	bool deferred;
	struct json_mark log_events; /* logEvents met before messageType */
};

/* The object at the cursor of the file itself, as a record; with
 * `need_record`, only if it looks like one.  1: handed over, 0: not a
 * record, -1: failed. */
static int inline_record(struct trail_parser *p, struct json *j,
                         bool need_record)
{
	size_t start = json_pos(j);
	struct rec r;
	record_init(p, &r);
	int rc = record_walk(p, j, &r);
	if (rc >= 0 && (r.recordish || !need_record)) {
		size_t n = json_pos(j) - start;
		rc = record_emit(p, &r, j->begin + start, n, start, n, false);
		rc = rc < 0 ? -1 : 1;
	}
	p->nres = r.res0;
	return rc;
}

/* Where a JSON error in a record string is reported from. */
static int string_record_failed(struct trail_parser *p, const struct json *in,
                                size_t literal)
{
	if (in->too_deep)
		return parser_fail(p, _("nesting deeper than %zu levels in the record "
		                        "string at byte %zu"),
		                   p->max_depth, literal);
	return parser_fail(p, _("invalid JSON in the record string at byte %zu "
	                        "(byte %zu of its text): %s"),
	                   literal, in->err_at, _(in->err));
}

static int ensure_text(struct trail_parser *p, size_t n)
{
	if (n <= p->cap_text)
		return 0;
	char *t = realloc(p->text, n);
	if (!t)
		return parser_out_of_memory(p);
	p->text = t;
	p->cap_text = n;
	return 0;
}

/* A record given as the JSON string `s` of the file (CloudTrailEvent,
 * message): its text is parsed as a document of its own. */
static int string_record(struct trail_parser *p, const struct json *j,
                         const struct json_str *s)
{
	size_t literal = (size_t)(s->raw - 1 - j->begin);
	const char *text = s->raw;
	size_t n = s->len;
	if (s->escaped) {
		if (ensure_text(p, n) < 0)
			return -1;
		n = json_unescape(s, p->text);
		text = p->text;
	}
	struct json in;
	json_init(&in, text, n, p->stack, p->max_depth);
	struct rec r;
	record_init(p, &r);
	int rc = -1;
	if (json_peek(&in) != JSON_OBJECT)
		parser_fail(p, _("the string at byte %zu is not a CloudTrail record"),
		            literal);
	else if (record_walk(p, &in, &r) < 0)
		string_record_failed(p, &in, literal);
	else if (!json_at_end(&in))
		parser_fail(p, _("invalid JSON in the record string at byte %zu (byte "
		                 "%zu of its text): unexpected data after the record"),
		            literal, json_pos(&in));
	else if (!r.recordish)
		parser_fail(p, _("the string at byte %zu is not a CloudTrail record"),
		            literal);
	else
		rc = record_emit(p, &r, text, n, literal, s->len + 2, true);
	p->nres = r.res0;
	return rc;
}

/* ---- wrappers ------------------------------------------------------------ */

static int take_records(struct trail_parser *p, struct json *j,
                        struct item *it)
{
	enum json_type t = json_peek(j);
	if (t == JSON_BAD)
		return json_skip(j); /* reports the syntax error */
	if (t != JSON_ARRAY)
		return parser_fail(p, _("\"Records\" at byte %zu is not an array"),
		                   json_pos(j));
	it->wrapper = IK_DELIVERY;
	bool open = false;
	int rc;
	while ((rc = json_array_next(j, &open)) > 0) {
		t = json_peek(j);
		if (t == JSON_BAD)
			return json_skip(j);
		if (t != JSON_OBJECT)
			return parser_fail(p, _("the record at byte %zu is not a JSON "
			                        "object"),
			                   json_pos(j));
		if (inline_record(p, j, false) < 0)
			return -1;
	}
	return rc;
}

/* One entry of lookup-events' "Events". */
static int lookup_entry(struct trail_parser *p, struct json *j)
{
	size_t start = json_pos(j);
	struct rec r;
	record_init(p, &r);
	bool open = false, found = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0) {
		enum key id = parser_key(p, &k);
		if (id != K_CLOUDTRAIL_EVENT) {
			rc = record_field(p, j, &r, id);
		} else if (json_peek(j) == JSON_OBJECT) {
			rc = inline_record(p, j, false);
		} else if (json_peek(j) == JSON_STRING) {
			struct json_str s;
			rc = json_string(j, &s) < 0 ? -1 : string_record(p, j, &s);
		} else {
			rc = parser_fail(p, _("CloudTrailEvent at byte %zu is not a "
			                      "record"),
			                 json_pos(j));
		}
		found |= id == K_CLOUDTRAIL_EVENT;
		if (rc < 0)
			break;
	}
	if (rc == 0 && !found && r.recordish) {
		size_t n = json_pos(j) - start;
		rc = record_emit(p, &r, j->begin + start, n, start, n, false);
	} else if (rc == 0 && !found) {
		rc = parser_fail(p, _("the entry at byte %zu of \"Events\" holds no "
		                      "CloudTrailEvent"),
		                 start);
	}
	p->nres = r.res0;
	return rc;
}

/* One entry of a CloudWatch Logs payload's "logEvents". */
static int log_event(struct trail_parser *p, struct json *j)
{
	size_t start = json_pos(j);
	bool open = false, found = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0) {
		if (parser_key(p, &k) != K_MESSAGE || json_peek(j) != JSON_STRING) {
			if (json_skip(j) < 0)
				return -1;
			continue;
		}
		struct json_str s;
		if (json_string(j, &s) < 0 || string_record(p, j, &s) < 0)
			return -1;
		found = true;
	}
	if (rc == 0 && !found)
		return parser_fail(p, _("the log event at byte %zu has no message"),
		                   start);
	return rc;
}

/* The elements of the array at the cursor, each an object given to `fn`. */
static int each_object(struct trail_parser *p, struct json *j,
                       int (*fn)(struct trail_parser *, struct json *),
                       const char *what)
{
	bool open = false;
	int rc;
	while ((rc = json_array_next(j, &open)) > 0) {
		enum json_type t = json_peek(j);
		if (t == JSON_BAD)
			return json_skip(j);
		if (t != JSON_OBJECT)
			return parser_fail(p, _("the entry at byte %zu of \"%s\" is not "
			                        "an object"),
			                   json_pos(j), what);
		if (fn(p, j) < 0)
			return -1;
	}
	return rc;
}

static int take_log_events(struct trail_parser *p, struct json *j,
                           struct item *it)
{
	it->wrapper = IK_CLOUDWATCH;
	if (it->control == 1)
		return json_skip(j);
	if (it->control < 0) {
		/* Whether the messages are records depends on messageType,
		 * which may come later: come back once it is known. */
		it->deferred = true;
		it->log_events = json_mark(j);
		return json_skip(j);
	}
	return each_object(p, j, log_event, "logEvents");
}

static int take_message_type(struct json *j, struct item *it)
{
	if (json_peek(j) != JSON_STRING)
		return json_skip(j);
	struct json_str s;
	if (json_string(j, &s) < 0)
		return -1;
	it->control = parser_str_is(&s, "CONTROL_MESSAGE") ? 1 : 0;
	return 0;
}

/* One member of an object that may be a wrapper or a record. */
static int item_member(struct trail_parser *p, struct json *j,
                       struct item *it, enum key id)
{
	enum json_type t = json_peek(j);
	switch (id) {
	case K_RECORDS:
		return take_records(p, j, it);
	case K_EVENTS:
		if (t != JSON_ARRAY)
			break;
		it->wrapper = IK_LOOKUP;
		return each_object(p, j, lookup_entry, "Events");
	case K_LOG_EVENTS:
		return t == JSON_ARRAY ? take_log_events(p, j, it)
		                       : json_skip(j);
	case K_MESSAGE_TYPE:
		return take_message_type(j, it);
	case K_DETAIL: {
		if (t != JSON_OBJECT)
			break;
		int rc = inline_record(p, j, true);
		if (rc > 0)
			it->wrapper = IK_EVENTBRIDGE;
		return rc < 0 ? -1 : 0;
	}
	default:
		if (id >= K_DIGEST_FIRST && id <= K_DIGEST_LAST)
			it->digest_keys |= 1u << (id - K_DIGEST_FIRST);
		break;
	}
	return record_field(p, j, &it->r, id);
}

static int count_bits(unsigned v)
{
	int n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

/* The object at the cursor: a wrapper, a record, a digest or other. */
static int parse_object(struct trail_parser *p, struct json *j,
                        enum item_kind *kind)
{
	size_t start = json_pos(j);
	struct item it;
	memset(&it, 0, sizeof it);
	record_init(p, &it.r);
	it.control = -1;
	bool open = false;
	struct json_str k;
	int rc;
	while ((rc = json_object_next(j, &open, &k)) > 0)
		if (item_member(p, j, &it, parser_key(p, &k)) < 0)
			return -1;
	if (rc == 0 && it.deferred && it.control != 1) {
		struct json_mark after = json_mark(j);
		json_seek(j, it.log_events);
		rc = each_object(p, j, log_event, "logEvents");
		json_seek(j, after);
	}
	size_t n = json_pos(j) - start;
	*kind = it.wrapper != IK_OTHER  ? it.wrapper
	        : it.r.recordish        ? IK_RECORD
	        : count_bits(it.digest_keys) >= 2 ? IK_DIGEST
	                                        : IK_OTHER;
	if (rc == 0 && *kind == IK_RECORD)
		rc = record_emit(p, &it.r, j->begin + start, n, start, n, false);
	p->nres = it.r.res0;
	return rc;
}

static int parse_value(struct trail_parser *p, struct json *j,
                       bool array_ok, enum item_kind *kind);

static int not_records(struct trail_parser *p, size_t at)
{
	return parser_fail(p, _("the value at byte %zu is neither a CloudTrail "
	                        "record nor a known wrapper of records"),
	                   at);
}

static int parse_array(struct trail_parser *p, struct json *j,
                       enum item_kind *kind)
{
	bool open = false;
	size_t n = 0;
	int rc;
	while ((rc = json_array_next(j, &open)) > 0) {
		size_t at = json_pos(j);
		enum item_kind k;
		if (parse_value(p, j, false, &k) < 0)
			return -1;
		if (k == IK_OTHER || k == IK_DIGEST)
			return not_records(p, at);
		n++;
	}
	*kind = n ? IK_ARRAY : IK_OTHER;
	return rc;
}

static int parse_value(struct trail_parser *p, struct json *j,
                       bool array_ok, enum item_kind *kind)
{
	*kind = IK_OTHER;
	enum json_type t = json_peek(j);
	if (t == JSON_OBJECT)
		return parse_object(p, j, kind);
	if (t == JSON_ARRAY && array_ok)
		return parse_array(p, j, kind);
	return json_skip(j);
}

/* ---- the API ------------------------------------------------------------- */

const char *trail_format_name(enum trail_format f)
{
	/* Stable identifiers (the ledger keeps them): not translated. */
	switch (f) {
	case TF_DELIVERY: return "delivery";
	case TF_DIGEST: return "digest";
	case TF_ARRAY: return "array";
	case TF_RECORD: return "record";
	case TF_NDJSON: return "ndjson";
	case TF_LOOKUP: return "lookup";
	case TF_EVENTBRIDGE: return "eventbridge";
	case TF_CLOUDWATCH: return "cloudwatch";
	default: return "unknown";
	}
}

struct trail_parser *trail_parser_new(const struct trail_limits *limits)
{
	struct trail_parser *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->max_depth = limits && limits->max_depth ? limits->max_depth
	                                           : DEFAULT_MAX_DEPTH;
	p->max_records = limits && limits->max_records ? limits->max_records
	                                               : DEFAULT_MAX_RECORDS;
	p->stack = malloc(p->max_depth);
	if (!p->stack) {
		free(p);
		return NULL;
	}
	parser_keys_init(p);
	return p;
}

void trail_parser_free(struct trail_parser *p)
{
	if (!p)
		return;
	parser_arena_free(p);
	free(p->res);
	free(p->text);
	free(p->levels);
	free(p->stack);
	free(p);
}

static enum trail_format format_of(enum item_kind k)
{
	static const enum trail_format formats[] = {
		[IK_OTHER] = TF_UNKNOWN,        [IK_RECORD] = TF_RECORD,
		[IK_DELIVERY] = TF_DELIVERY,    [IK_LOOKUP] = TF_LOOKUP,
		[IK_EVENTBRIDGE] = TF_EVENTBRIDGE,
		[IK_CLOUDWATCH] = TF_CLOUDWATCH, [IK_DIGEST] = TF_DIGEST,
		[IK_ARRAY] = TF_ARRAY,
	};
	return formats[k];
}

static void parse_begin(struct trail_parser *p, const char *data, size_t len,
                        char *why, size_t whylen)
{
	parser_arena_reset(p, len);
	p->nres = 0;
	p->data = data;
	p->count = 0;
	p->why = why;
	p->whylen = whylen;
	p->failed = false;
	if (why && whylen)
		why[0] = '\0';
}

/* The values after the first: NDJSON, one value per line. */
static int parse_more(struct trail_parser *p, struct json *j,
                      enum item_kind first, size_t first_at, size_t *nvalues)
{
	for (;;) {
		size_t end = json_pos(j);
		if (json_at_end(j))
			return 0;
		size_t at = json_pos(j);
		if (!memchr(j->begin + end, '\n', at - end))
			return parser_fail(p, _("invalid JSON at byte %zu: unexpected "
			                        "data after the JSON value"),
			                   at);
		if (first == IK_OTHER || first == IK_DIGEST)
			return not_records(p, first_at);
		enum item_kind k;
		if (parse_value(p, j, true, &k) < 0)
			return -1;
		if (k == IK_OTHER || k == IK_DIGEST)
			return not_records(p, at);
		++*nvalues;
	}
}

int trail_parse(struct trail_parser *p, const char *data, size_t len,
                trail_record_fn fn, void *ctx, enum trail_format *format,
                char *why, size_t whylen)
{
	enum trail_format dummy;
	if (!format)
		format = &dummy;
	*format = TF_UNKNOWN;
	parse_begin(p, data, len, why, whylen);
	p->fn = fn;
	p->ctx = ctx;
	struct json j;
	if (!data)
		len = 0;
	json_init(&j, data ? data : "", len, p->stack, p->max_depth);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		j.p += 3; /* a byte order mark */
	if (json_at_end(&j))
		return parser_fail(p, "%s", _("no JSON: the file is empty"));
	size_t first_at = json_pos(&j), nvalues = 1;
	enum item_kind first;
	int rc = parse_value(p, &j, true, &first);
	if (rc >= 0)
		rc = parse_more(p, &j, first, first_at, &nvalues);
	if (rc < 0 && !p->failed && j.too_deep)
		parser_fail(p, _("nesting deeper than %zu levels at byte %zu"),
		            p->max_depth, j.err_at);
	else if (rc < 0 && !p->failed)
		parser_fail(p, _("invalid JSON at byte %zu: %s"), j.err_at, _(j.err));
	if (rc < 0)
		return -1;
	if (nvalues == 1 && first == IK_OTHER)
		return parser_fail(p, "%s", _("valid JSON, but no CloudTrail records "
		                              "in it"));
	*format = nvalues > 1 ? TF_NDJSON : format_of(first);
	return 0;
}
