/* filter.h - the filter language shared by the browser and every command.
 *
 * Text in, a small syntax tree out (SPEC section 3).  Pure: no SQL, no curses,
 * no I/O.  The store compiles the tree to SQL with bound parameters; the UI
 * and the CLI print it back with filter_format().
 *
 * Grammar, informally:
 *   filter  := term { SPACE term }
 *   term    := ['-'] key ':' values  |  ['-'] word
 *   values  := value { ',' value }
 *   value   := bare-chars | '"' chars-with-\"-and-\\-escapes '"'
 *
 * Different keys AND; a key given more than once, or with comma-separated
 * values, ORs its values; '-' negates a term; '*' is a wildcard (any run of
 * characters) anywhere in a string value; a bare word matches events whose
 * original record text contains it (case-insensitive), and several bare words
 * must all match.
 */
#ifndef TRAILNAV_FILTER_H
#define TRAILNAV_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/event.h"

/* The keys of the language.  FK_TEXT is a bare word. */
enum filter_key {
	FK_CAT,
	FK_REGION,
	FK_SERVICE,
	FK_EVENT,
	FK_PRINCIPAL,
	FK_TYPE,
	FK_KEY,
	FK_IP,
	FK_ACCOUNT,
	FK_ERROR,
	FK_RO,
	FK_RESOURCE,
	FK_ID,
	FK_REQUEST,
	FK_AGENT,
	FK_SINCE,
	FK_UNTIL,
	FK_TEXT,
	FK_COUNT_
};

/* What one value of a term means. */
enum filter_match {
	FM_EXACT,    /* the string, whole (case-insensitive); for FK_TEXT, a
	                substring of the record text */
	FM_PATTERN,  /* the string holds '*' wildcards */
	FM_CATEGORY, /* cat: number in `category` */
	FM_BOOL,     /* ro: true/false in `flag` */
	FM_ANY,      /* error:any, and region:global ("has the property") */
	FM_NONE,     /* error:none */
	FM_TIME      /* since:/until: the interval [time_lo, time_hi) */
};

struct filter_value {
	enum filter_match match;
	/* The unquoted, unescaped string: what matches, for FM_EXACT,
	 * FM_PATTERN and FK_TEXT; the canonical word (or the time as
	 * written) for the other kinds, which match on the fields below.
	 * For service: a plain name (letters, digits, '-') is completed to
	 * "NAME.amazonaws.com". */
	char *text;
	enum event_category category;
	bool flag;
	/* FM_TIME: the value at its own precision, as a half-open interval of
	 * UTC epoch milliseconds.  "2024-05-01" is the whole day; "6h" is the
	 * instant six hours before `now` (time_lo == time_hi).  since: keeps
	 * time >= time_lo; until: keeps time < time_hi. */
	int64_t time_lo, time_hi;
};

struct filter_term {
	enum filter_key key;
	bool negated;
	size_t pos, len; /* byte span of the term in the source text */
	size_t nvalues;
	struct filter_value *values;
};

struct filter {
	size_t nterms;
	struct filter_term *terms;
};

/* Where and why a filter is bad.  `message` is translated. */
struct filter_error {
	size_t pos, len; /* byte span of the offending term or value */
	char message[160];
};

/* Parses `text` into a new filter.  `now_ms` (UTC epoch milliseconds) anchors
 * relative times such as "6h" and times of day such as "08:00".  An empty or
 * all-blank text is the filter that matches everything.  Returns NULL and
 * fills `err` (which may be NULL) on a bad filter, or on running out of
 * memory (then pos and len are 0). */
struct filter *filter_parse(const char *text, int64_t now_ms,
                            struct filter_error *err);

/* Frees a filter; NULL is fine. */
void filter_free(struct filter *f);

/* The filter in canonical text: keys in lower case, values quoted where
 * needed, times as they were written.  Parsing the result gives an
 * equivalent filter.  Returns a malloc'd string, or NULL on no memory. */
char *filter_format(const struct filter *f);

/* A copy of `f` without the terms of key `key` (positive and negated).
 * Facet counts use it: a facet's own selection must not hide its siblings.
 * Returns NULL on no memory. */
struct filter *filter_without_key(const struct filter *f, enum filter_key key);

/* True when `f` has a term of `key`. */
bool filter_has_key(const struct filter *f, enum filter_key key);

/* The key's name as written in filters ("cat", "region", ...); "" for
 * FK_TEXT. */
const char *filter_key_name(enum filter_key key);

/* The category's filter word ("mgmt", "data", "insight", "network") and its
 * display name ("Management", ...; translated). */
const char *filter_category_word(enum event_category c);
const char *filter_category_label(enum event_category c);

#endif
