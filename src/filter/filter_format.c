/* filter_format.c - a filter back to text, in canonical form: what the
 * browser shows on its filter line and what parses back to the same
 * filter. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "filter/internal.h"

/* Output that first only counts (p == NULL), then writes into a buffer of
 * the counted size: no reallocation can fail half-way. */
struct sink {
	char *p;
	size_t n;
};

static void put(struct sink *k, const char *s, size_t n)
{
	if (k->p)
		memcpy(k->p + k->n, s, n);
	k->n += n;
}

/* Does a bare word need quotes to parse back as the same bare word? */
static bool word_needs_quotes(const char *s)
{
	if (s[0] == '-')
		return true; /* would read as a negation */
	size_t n = strlen(s);
	return filter_key_length(s, n) != 0; /* would read as key:value */
}

static bool needs_quotes(const char *s)
{
	return s[0] == '\0' || strpbrk(s, " \t,\"\\") != NULL;
}

static void put_value(struct sink *k, const char *s, bool quote)
{
	if (!quote) {
		put(k, s, strlen(s));
		return;
	}
	put(k, "\"", 1);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			put(k, "\\", 1);
		put(k, s, 1);
	}
	put(k, "\"", 1);
}

/* How a value is written back: from its meaning where it has one, so that
 * a hand-built tree prints right even with text left NULL. */
static const char *value_word(enum filter_key key,
                              const struct filter_value *v)
{
	switch (v->match) {
	case FM_CATEGORY:
		return filter_category_word(v->category);
	case FM_BOOL:
		return v->flag ? "true" : "false";
	case FM_ANY:
		return key == FK_REGION ? "global" : "any";
	case FM_NONE:
		return "none";
	default:
		return v->text ? v->text : "";
	}
}

static void put_term(struct sink *k, const struct filter_term *t)
{
	if (t->negated)
		put(k, "-", 1);
	if (t->key == FK_TEXT) {
		const char *s = t->nvalues ? value_word(t->key, t->values) : "";
		put_value(k, s, needs_quotes(s) || word_needs_quotes(s));
		return;
	}
	const char *name = filter_key_name(t->key);
	put(k, name, strlen(name));
	put(k, ":", 1);
	for (size_t i = 0; i < t->nvalues; i++) {
		const char *s = value_word(t->key, &t->values[i]);
		if (i)
			put(k, ",", 1);
		put_value(k, s, needs_quotes(s));
	}
}

static void put_filter(struct sink *k, const struct filter *f)
{
	for (size_t i = 0; f && i < f->nterms; i++) {
		if (i)
			put(k, " ", 1);
		put_term(k, &f->terms[i]);
	}
}

char *filter_format(const struct filter *f)
{
	struct sink k = {NULL, 0};
	put_filter(&k, f);
	k.p = malloc(k.n + 1);
	if (!k.p)
		return NULL;
	k.n = 0;
	put_filter(&k, f);
	k.p[k.n] = '\0';
	return k.p;
}
