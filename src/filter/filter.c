/* filter.c - the filter language: parse and copy (see filter.h; printing
 * is in filter_format.c, times in filter_time.c).
 *
 * The parser works on byte offsets into the caller's text so that every
 * error can point at the exact term or value that is wrong.  It never looks
 * at the locale (ASCII-only character classes) and never at the time zone
 * (its own calendar arithmetic), so the same text always gives the same
 * filter for the same `now`.
 */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include "filter/filter.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/internal.h"
#include "util/i18n.h"

/* `now` is clamped to about +-36 million years so that no time arithmetic
 * below can overflow, whatever the caller (or a fuzzer) passes. */
#define NOW_LIMIT (INT64_C(1) << 60)

/* Offending text quoted in an error message is cut to this many bytes so
 * that the sentence around it still fits in filter_error.message. */
#define EXCERPT_MAX 40

static const char *const key_names[FK_COUNT_] = {
	[FK_CAT] = "cat",         [FK_REGION] = "region",
	[FK_SERVICE] = "service", [FK_EVENT] = "event",
	[FK_PRINCIPAL] = "principal", [FK_TYPE] = "type",
	[FK_KEY] = "key",         [FK_IP] = "ip",
	[FK_ACCOUNT] = "account", [FK_ERROR] = "error",
	[FK_RO] = "ro",           [FK_RESOURCE] = "resource",
	[FK_ID] = "id",           [FK_REQUEST] = "request",
	[FK_AGENT] = "agent",     [FK_SINCE] = "since",
	[FK_UNTIL] = "until",     [FK_TEXT] = "",
};

static const char *const category_words[CAT_COUNT_] = {
	[CAT_MANAGEMENT] = "mgmt",
	[CAT_DATA] = "data",
	[CAT_INSIGHT] = "insight",
	[CAT_NETWORK] = "network",
};

static const char *const category_labels[CAT_COUNT_] = {
	[CAT_MANAGEMENT] = N_("Management"),
	[CAT_DATA] = N_("Data"),
	[CAT_INSIGHT] = N_("Insight"),
	[CAT_NETWORK] = N_("Network activity"),
};

/* Every spelling cat: accepts: the filter words plus the names CloudTrail
 * itself uses (eventCategory "Management", "NetworkActivity", ...). */
static const struct {
	const char *word;
	enum event_category cat;
} category_aliases[] = {
	{"mgmt", CAT_MANAGEMENT},   {"management", CAT_MANAGEMENT},
	{"data", CAT_DATA},         {"insight", CAT_INSIGHT},
	{"insights", CAT_INSIGHT},  {"network", CAT_NETWORK},
	{"networkactivity", CAT_NETWORK},
};

/* ---- characters ---- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Case-insensitive: does the span s[0..n) spell `word`? */
static bool span_is(const char *s, size_t n, const char *word)
{
	size_t i = 0;
	for (; i < n && word[i]; i++)
		if (filter_to_lower(s[i]) != word[i])
			return false;
	return i == n && word[i] == '\0';
}

static char *dup_span(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static char *dup_str(const char *s)
{
	return dup_span(s, strlen(s));
}

/* ---- errors ---- */

/* Drops a UTF-8 sequence cut short at the end of `s`, so that truncating a
 * (translated) message never leaves half a character on screen. */
static void trim_partial_utf8(char *s)
{
	size_t len = strlen(s), j = len;
	while (j > 0 && len - j < 3 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
		j--;
	if (j == 0)
		return;
	unsigned char lead = (unsigned char)s[j - 1];
	size_t need = lead >= 0xF0 ? 4
	            : lead >= 0xE0 ? 3
	            : lead >= 0xC0 ? 2 : 1;
	if (need > len - (j - 1))
		s[j - 1] = '\0';
}

__attribute__((format(printf, 4, 5)))
static void set_error(struct filter_error *err, size_t pos, size_t len,
                      const char *fmt, ...)
{
	va_list ap;
	err->pos = pos;
	err->len = len;
	va_start(ap, fmt);
	int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	if (n < 0)
		err->message[0] = '\0';
	else if ((size_t)n >= sizeof err->message)
		trim_partial_utf8(err->message);
}

static void set_oom(struct filter_error *err)
{
	set_error(err, 0, 0, "%s", _("out of memory"));
}

/* The span s[0..n) as it may be quoted in a message: at most EXCERPT_MAX
 * bytes, cut on a character boundary and marked with an ellipsis. */
static void excerpt(char out[EXCERPT_MAX + 4], const char *s, size_t n)
{
	if (n <= EXCERPT_MAX) {
		memcpy(out, s, n);
		out[n] = '\0';
		return;
	}
	size_t cut = EXCERPT_MAX;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	memcpy(out, s, cut);
	memcpy(out + cut, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
}

/* ---- the filter tree ---- */

static void term_clear(struct filter_term *t)
{
	for (size_t i = 0; i < t->nvalues; i++)
		free(t->values[i].text);
	free(t->values);
	t->values = NULL;
	t->nvalues = 0;
}

void filter_free(struct filter *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nterms; i++)
		term_clear(&f->terms[i]);
	free(f->terms);
	free(f);
}

/* The array `arr` of `n` elements with room for one more: itself, or a
 * doubled reallocation; NULL (with `arr` untouched) when memory runs out. */
static void *grow(void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 4;
	if (ncap > (size_t)-1 / size)
		return NULL;
	void *p = realloc(arr, ncap * size);
	if (p)
		*cap = ncap;
	return p;
}

/* ---- the parser ---- */

struct parser {
	const char *src;
	int64_t now_ms;
	struct filter_error *err;
	struct filter *f;
	size_t cap;               /* of f->terms */
	bool seen[FK_COUNT_];     /* since:/until: may appear once */
};

/* s[q] is '"': the index just past the closing quote, or 0 when the quote
 * is never closed.  A backslash inside quotes always takes the next byte
 * with it, which is how \" and \\ stay inside. */
static size_t skip_quoted(const char *s, size_t q)
{
	size_t i = q + 1;
	while (s[i] && s[i] != '"')
		i += (s[i] == '\\' && s[i + 1]) ? 2 : 1;
	return s[i] ? i + 1 : 0;
}

/* The end of the term starting at `start`: the first blank outside
 * quotes. */
static bool term_end(struct parser *p, size_t start, size_t *end)
{
	const char *s = p->src;
	size_t i = start;
	while (s[i] && !is_blank(s[i])) {
		if (s[i] != '"') {
			i++;
			continue;
		}
		size_t q = i;
		i = skip_quoted(s, q);
		if (i == 0) {
			char shown[EXCERPT_MAX + 4];
			excerpt(shown, s + q, strlen(s + q));
			set_error(p->err, q, 1,
			          _("unterminated quote at '%s'"), shown);
			return false;
		}
	}
	*end = i;
	return true;
}

/* The end of the value starting at `i`: the first comma outside quotes.
 * Quotes are known to be balanced here (term_end checked them). */
static size_t value_end(const char *s, size_t i, size_t end)
{
	while (i < end && s[i] != ',') {
		size_t next = s[i] == '"' ? skip_quoted(s, i) : i + 1;
		i = next ? next : end; /* 0: cannot happen, but never loop */
	}
	return i;
}

/* The span with quotes removed and \" \\ unescaped inside them; a
 * backslash before anything else is an ordinary character. */
static char *unquote(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;
	bool quoted = false;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted && s[i] == '\\' && i + 1 < n &&
		         (s[i + 1] == '"' || s[i + 1] == '\\'))
			*o++ = s[++i];
		else
			*o++ = s[i];
	}
	*o = '\0';
	return out;
}

size_t filter_key_length(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && filter_is_alpha(s[k]))
		k++;
	if (k == 0 || k == n || s[k] != ':' || span_is(s, k, "arn"))
		return 0;
	return k;
}

static int key_lookup(const char *s, size_t n)
{
	for (int k = 0; k < FK_TEXT; k++)
		if (span_is(s, n, key_names[k]))
			return k;
	return -1;
}

/* Replaces v->text by a canonical word, so that text always holds how the
 * value is written back. */
static bool set_text(struct parser *p, struct filter_value *v,
                     const char *word)
{
	char *t = dup_str(word);
	if (!t) {
		set_oom(p->err);
		return false;
	}
	free(v->text);
	v->text = t;
	return true;
}

static bool classify_cat(struct parser *p, struct filter_value *v,
                         size_t vs, size_t vn)
{
	size_t n = sizeof category_aliases / sizeof category_aliases[0];
	size_t len = strlen(v->text);
	for (size_t i = 0; i < n; i++) {
		if (span_is(v->text, len, category_aliases[i].word)) {
			v->match = FM_CATEGORY;
			v->category = category_aliases[i].cat;
			return set_text(p, v, category_words[v->category]);
		}
	}
	char shown[EXCERPT_MAX + 4];
	excerpt(shown, p->src + vs, vn);
	set_error(p->err, vs, vn,
	          _("unknown category '%s': expected mgmt, data, insight "
	            "or network"), shown);
	return false;
}

static bool classify_ro(struct parser *p, struct filter_value *v,
                        size_t vs, size_t vn)
{
	static const char *const yes[] = {"true", "yes", "1"};
	static const char *const no[] = {"false", "no", "0"};
	size_t n = strlen(v->text);
	for (size_t i = 0; i < 3; i++) {
		if (span_is(v->text, n, yes[i]) || span_is(v->text, n, no[i])) {
			v->match = FM_BOOL;
			v->flag = span_is(v->text, n, yes[i]);
			return set_text(p, v, v->flag ? "true" : "false");
		}
	}
	char shown[EXCERPT_MAX + 4];
	excerpt(shown, p->src + vs, vn);
	set_error(p->err, vs, vn,
	          _("bad value '%s' for ro: expected true or false"), shown);
	return false;
}

static bool classify_time(struct parser *p, struct filter_value *v,
                          size_t vs, size_t vn)
{
	struct filter_when w = {0, 0, NULL};
	if (filter_time_parse(v->text, p->now_ms, &w)) {
		v->match = FM_TIME;
		v->time_lo = w.lo;
		v->time_hi = w.hi;
		return true;
	}
	char shown[EXCERPT_MAX + 4];
	excerpt(shown, p->src + vs, vn);
	/* TRANSLATORS: the second %s is a phrase such as "a month from 01
	 * to 12". */
	set_error(p->err, vs, vn, _("bad time '%s': expected %s"), shown,
	          _(w.expect));
	return false;
}

/* service:s3 means s3.amazonaws.com, the eventSource CloudTrail records.
 * Only a bare service prefix (letters, digits, '-') is completed: patterns
 * ("s3*" already matches) and full names are left alone. */
static bool complete_service(struct parser *p, struct filter_value *v)
{
	static const char suffix[] = ".amazonaws.com";
	size_t n = strlen(v->text);
	for (size_t i = 0; i < n; i++)
		if (!filter_is_alpha(v->text[i]) && !filter_is_digit(v->text[i]) &&
		    v->text[i] != '-')
			return true; /* a pattern, a full name, or no name */
	char *t = malloc(n + sizeof suffix);
	if (!t) {
		set_oom(p->err);
		return false;
	}
	memcpy(t, v->text, n);
	memcpy(t + n, suffix, sizeof suffix);
	free(v->text);
	v->text = t;
	return true;
}

/* Gives v (whose text is the unquoted value at src[vs..vs+vn)) the
 * meaning its key gives it. */
static bool classify(struct parser *p, enum filter_key key,
                     struct filter_value *v, size_t vs, size_t vn)
{
	size_t n = strlen(v->text);
	v->match = strchr(v->text, '*') ? FM_PATTERN : FM_EXACT;
	switch (key) {
	case FK_CAT:
		return classify_cat(p, v, vs, vn);
	case FK_RO:
		return classify_ro(p, v, vs, vn);
	case FK_SINCE:
	case FK_UNTIL:
		return classify_time(p, v, vs, vn);
	case FK_SERVICE:
		return complete_service(p, v);
	case FK_REGION:
		if (!span_is(v->text, n, "global"))
			return true;
		v->match = FM_ANY;
		return set_text(p, v, "global");
	case FK_ERROR:
		if (span_is(v->text, n, "any"))
			v->match = FM_ANY;
		else if (span_is(v->text, n, "none"))
			v->match = FM_NONE;
		else
			return true;
		return set_text(p, v, v->match == FM_ANY ? "any" : "none");
	default:
		return true;
	}
}

/* Appends the value at src[vs..ve) to the term. */
static bool add_value(struct parser *p, struct filter_term *t,
                      size_t *cap, size_t vs, size_t ve)
{
	char shown[EXCERPT_MAX + 4];
	excerpt(shown, p->src + t->pos, t->len);
	if (vs == ve) { /* point at the ':' or ',' with nothing after it */
		set_error(p->err, vs - 1, 1, _("empty value in '%s'"), shown);
		return false;
	}
	struct filter_value v = {.match = FM_EXACT};
	v.text = unquote(p->src + vs, ve - vs);
	if (!v.text) {
		set_oom(p->err);
		return false;
	}
	struct filter_value *values = NULL;
	if (v.text[0] == '\0')
		set_error(p->err, vs, ve - vs, _("empty value in '%s'"), shown);
	else if (classify(p, t->key, &v, vs, ve - vs) &&
	         !(values = grow(t->values, t->nvalues, cap, sizeof v)))
		set_oom(p->err);
	if (!values) {
		free(v.text);
		return false;
	}
	t->values = values;
	t->values[t->nvalues++] = v;
	return true;
}

static bool parse_values(struct parser *p, struct filter_term *t,
                         size_t vs, size_t end)
{
	size_t cap = 0;
	for (;;) {
		size_t ve = value_end(p->src, vs, end);
		if (!add_value(p, t, &cap, vs, ve))
			return false;
		if (ve == end)
			return true;
		vs = ve + 1;
	}
}

/* since:/until: bound the time range once: a list, a pattern, a negation
 * or a second bound would have no clear meaning. */
static bool check_time_term(struct parser *p, const struct filter_term *t,
                            size_t vs, size_t end)
{
	const char *name = key_names[t->key];
	const char *other = key_names[t->key == FK_SINCE ? FK_UNTIL : FK_SINCE];
	char shown[EXCERPT_MAX + 4];
	excerpt(shown, p->src + t->pos, t->len);
	if (t->negated)
		set_error(p->err, t->pos, t->len,
		          _("'%s': %s: cannot be negated; use %s: instead"),
		          shown, name, other);
	else if (p->seen[t->key])
		set_error(p->err, t->pos, t->len,
		          _("'%s': a filter can have only one %s: term"), shown,
		          name);
	else if (value_end(p->src, vs, end) != end)
		set_error(p->err, t->pos, t->len,
		          _("'%s': %s: takes a single time, not a list"), shown,
		          name);
	else if (memchr(p->src + vs, '*', end - vs))
		set_error(p->err, t->pos, t->len,
		          _("'%s': %s: takes a time, not a pattern"), shown,
		          name);
	else {
		p->seen[t->key] = true;
		return true;
	}
	return false;
}

/* "key:values" at src[i..end), the key being klen letters long. */
static bool parse_keyed(struct parser *p, struct filter_term *t, size_t i,
                        size_t klen, size_t end)
{
	int k = key_lookup(p->src + i, klen);
	if (k < 0) {
		char shown[EXCERPT_MAX + 4];
		excerpt(shown, p->src + i, klen);
		set_error(p->err, i, klen,
		          _("unknown key '%s' (to search for a word with ':' "
		            "in it, put it in quotes)"), shown);
		return false;
	}
	t->key = (enum filter_key)k;
	size_t vs = i + klen + 1;
	if ((t->key == FK_SINCE || t->key == FK_UNTIL) &&
	    !check_time_term(p, t, vs, end))
		return false;
	return parse_values(p, t, vs, end);
}

/* A bare word at src[i..end): one literal value, commas and '*'
 * included, searched for in the record text. */
static bool parse_word(struct parser *p, struct filter_term *t, size_t i,
                       size_t end)
{
	struct filter_value v = {.match = FM_EXACT};
	v.text = unquote(p->src + i, end - i);
	if (!v.text) {
		set_oom(p->err);
		return false;
	}
	if (v.text[0] == '\0') {
		char shown[EXCERPT_MAX + 4];
		excerpt(shown, p->src + t->pos, t->len);
		set_error(p->err, t->pos, t->len, _("empty search text '%s'"),
		          shown);
		free(v.text);
		return false;
	}
	t->values = malloc(sizeof v);
	if (!t->values) {
		set_oom(p->err);
		free(v.text);
		return false;
	}
	t->values[0] = v;
	t->nvalues = 1;
	return true;
}

static bool push_term(struct parser *p, struct filter_term *t)
{
	struct filter *f = p->f;
	struct filter_term *terms = grow(f->terms, f->nterms, &p->cap,
	                                 sizeof *t);
	if (!terms) {
		set_oom(p->err);
		return false;
	}
	f->terms = terms;
	f->terms[f->nterms++] = *t;
	return true;
}

/* The term at src[start..end). */
static bool parse_term(struct parser *p, size_t start, size_t end)
{
	struct filter_term t = {.key = FK_TEXT, .pos = start,
	                        .len = end - start};
	size_t i = start;
	bool ok;
	if (p->src[i] == '-') {
		t.negated = true;
		if (++i == end) {
			/* "%s": a translation may hold a '%' */
			set_error(p->err, start, 1, "%s",
			          _("'-' alone: put the term to leave out "
			            "right after it, as in -event:Get*"));
			return false;
		}
	}
	size_t klen = filter_key_length(p->src + i, end - i);
	if (klen)
		ok = parse_keyed(p, &t, i, klen, end);
	else
		ok = parse_word(p, &t, i, end);
	if (ok)
		ok = push_term(p, &t);
	if (!ok)
		term_clear(&t);
	return ok;
}

struct filter *filter_parse(const char *text, int64_t now_ms,
                            struct filter_error *err)
{
	struct filter_error ignored;
	struct parser p = {.src = text ? text : "",
	                   .err = err ? err : &ignored};
	p.err->pos = p.err->len = 0;
	p.err->message[0] = '\0';
	p.now_ms = now_ms > NOW_LIMIT ? NOW_LIMIT
	         : now_ms < -NOW_LIMIT ? -NOW_LIMIT : now_ms;
	p.f = calloc(1, sizeof *p.f);
	if (!p.f) {
		set_oom(p.err);
		return NULL;
	}
	size_t i = 0, end;
	for (;;) {
		while (is_blank(p.src[i]))
			i++;
		if (p.src[i] == '\0')
			return p.f;
		if (!term_end(&p, i, &end) || !parse_term(&p, i, end)) {
			filter_free(p.f);
			return NULL;
		}
		i = end;
	}
}

/* ---- copies and queries ---- */

/* A deep copy; on failure dst holds what was copied, for term_clear. */
static bool copy_term(struct filter_term *dst, const struct filter_term *src)
{
	const struct filter_value *from = src->values;
	size_t n = src->nvalues;
	*dst = *src;
	dst->values = NULL;
	dst->nvalues = 0;
	if (n == 0)
		return true;
	struct filter_value *to = calloc(n, sizeof *to);
	if (!to)
		return false;
	dst->values = to;
	dst->nvalues = n; /* texts still NULL: term_clear may free them all */
	for (size_t i = 0; i < n; i++) {
		to[i] = from[i];
		to[i].text = from[i].text ? dup_str(from[i].text) : NULL;
		if (from[i].text && !to[i].text)
			return false;
	}
	return true;
}

struct filter *filter_without_key(const struct filter *f, enum filter_key key)
{
	struct filter *g = calloc(1, sizeof *g);
	size_t n = 0;
	if (!g)
		return NULL;
	for (size_t i = 0; f && i < f->nterms; i++)
		n += f->terms[i].key != key;
	if (n == 0)
		return g;
	g->terms = calloc(n, sizeof *g->terms);
	if (!g->terms) {
		free(g);
		return NULL;
	}
	for (size_t i = 0; i < f->nterms; i++) {
		if (f->terms[i].key == key)
			continue;
		bool ok = copy_term(&g->terms[g->nterms], &f->terms[i]);
		g->nterms++; /* counted even when half-copied, to be freed */
		if (!ok) {
			filter_free(g);
			return NULL;
		}
	}
	return g;
}

bool filter_has_key(const struct filter *f, enum filter_key key)
{
	for (size_t i = 0; f && i < f->nterms; i++)
		if (f->terms[i].key == key)
			return true;
	return false;
}

const char *filter_key_name(enum filter_key key)
{
	if ((unsigned)key >= FK_COUNT_)
		return "";
	return key_names[key];
}

const char *filter_category_word(enum event_category c)
{
	if ((unsigned)c >= CAT_COUNT_)
		return "";
	return category_words[c];
}

const char *filter_category_label(enum event_category c)
{
	if ((unsigned)c >= CAT_COUNT_)
		return "";
	return _(category_labels[c]);
}
