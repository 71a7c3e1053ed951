/* record.h - the parser's insides shared by parse.c (formats, wrappers,
 * the API) and record.c (arena, key table, field walkers, emit).
 * Internal to src/import: nothing outside the parser includes it.
 */
#ifndef TRAILNAV_IMPORT_RECORD_H
#define TRAILNAV_IMPORT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "import/classify.h"
#include "import/json.h"
#include "import/parse.h"

#define KEY_SLOTS 256 /* a power of two: the key table masks with it */

/* The keys the parser acts on. */
enum key {
	K_NONE,
	/* Keys only records have: one of them makes an object a record. */
	K_EVENT_VERSION, K_EVENT_ID, K_EVENT_TIME, K_EVENT_SOURCE,
	K_EVENT_NAME, K_EVENT_TYPE, K_EVENT_CATEGORY,
	/* The rest of the record's fields. */
	K_AWS_REGION, K_SOURCE_IP, K_USER_AGENT, K_ERROR_CODE, K_REQUEST_ID,
	K_SHARED_ID, K_RECIPIENT, K_READ_ONLY, K_MGMT, K_USER_IDENTITY,
	K_RESOURCES, K_INSIGHT, K_TLS,
	/* Inside userIdentity, resources[], insightDetails, tlsDetails. */
	K_TYPE, K_ARN, K_PRINCIPAL_ID, K_ACCOUNT_ID, K_ACCESS_KEY,
	K_USER_NAME, K_INVOKED_BY, K_SESSION_CONTEXT, K_SESSION_ISSUER,
	K_HOST,
	/* Wrappers. */
	K_RECORDS, K_EVENTS, K_LOG_EVENTS, K_MESSAGE_TYPE, K_DETAIL,
	K_CLOUDTRAIL_EVENT, K_MESSAGE,
	/* Digest files' own keys, one bit each in parse.c's item.digest_keys. */
	K_DIGEST_START, K_DIGEST_END, K_DIGEST_BUCKET, K_DIGEST_OBJECT,
	K_DIGEST_KEY, K_DIGEST_ALGORITHM, K_LOG_FILES, K_PREVIOUS_SIGNATURE,
	K_COUNT_,
	K_DIGEST_FIRST = K_DIGEST_START,
	K_DIGEST_LAST = K_PREVIOUS_SIGNATURE
};

struct key_slot {
	const char *name;
	unsigned char len, id;
};

struct block {
	struct block *next;
	size_t cap, used;
	max_align_t data[];
};

struct resource {
	const char *arn, *type;
};

struct trail_parser {
	size_t max_depth, max_records;
	unsigned char *stack; /* max_depth bytes for json_skip() */
	/* max_depth levels for classify_event_id(), allocated by the first
	 * record without an eventID: most files have none. */
	struct classify_level *levels;
	struct key_slot keys[KEY_SLOTS];
	/* Every string handed out lives here until the next parse. */
	struct block *arena;
	size_t next_block;
	/* The last plain string stored for each field: consecutive records
	 * repeat most values (region, account, principal...), and sharing
	 * the copy saves most of the arena and its page faults. */
	struct {
		const char *s;
		size_t len;
	} last[K_COUNT_];
	/* Resources of the records being walked, innermost last. */
	struct resource *res;
	size_t nres, cap_res;
	/* A record that came as a JSON string, unescaped. */
	char *text;
	size_t cap_text;
	/* The parse under way. */
	const char *data;
	trail_record_fn fn;
	void *ctx;
	size_t count;
	char *why;
	size_t whylen;
	bool failed;
};

/* One object being walked as a record. */
struct rec {
	struct trail_event ev;
	const char *category, *event_type, *ins_source, *ins_name, *tls_host;
	const char *user_name, *invoked_by, *issuer_name;
	int mgmt;
	size_t res0; /* where its resources start in p->res */
	bool recordish;
};

/* Sets the reason the parse fails (the first one wins); returns -1. */
__attribute__((format(printf, 2, 3)))
int parser_fail(struct trail_parser *p, const char *fmt, ...);
int parser_out_of_memory(struct trail_parser *p);

/* The arena: emptied for a parse of `len` bytes, freed with the parser. */
void parser_arena_reset(struct trail_parser *p, size_t len);
void parser_arena_free(struct trail_parser *p);

/* The key table: filled once; a key read from the input to its id. */
void parser_keys_init(struct trail_parser *p);
enum key parser_key(const struct trail_parser *p, const struct json_str *k);

/* Whether a string's value is `lit`, in any ASCII letter case. */
bool parser_str_is(const struct json_str *s, const char *lit);

/* A record: started (its resources go after those of the records being
 * walked), fed member by member or walked whole from the object at the
 * cursor, then handed over. */
void record_init(struct trail_parser *p, struct rec *r);
int record_field(struct trail_parser *p, struct json *j, struct rec *r,
                 enum key k);
int record_walk(struct trail_parser *p, struct json *j, struct rec *r);

/* Fills in what is derived, places the record and hands it over.
 * `text` is the record's JSON text (decoded, for a string record), n
 * bytes; `offset` and `length` its span in the file. */
int record_emit(struct trail_parser *p, struct rec *r, const char *text,
                size_t n, size_t offset, size_t length, bool escaped);

#endif
