/* compose.c - filter text built from what the user picked in the panes.
 *
 * The browser's one source of truth is the filter text: a facet toggle, a
 * pivot or a timeline narrowing edits the text, which is then parsed like
 * anything typed at `/`.  So the list, the status line and the filter
 * line always show the same canonical filter, and every value still goes
 * to SQL as a bound parameter.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/pure.h"
#include "util/format.h"

/* A value as the filter language writes it (the canonical word for coded
 * kinds). */
static const char *value_word(const struct filter_term *t,
                              const struct filter_value *v)
{
	switch (v->match) {
	case FM_CATEGORY:
		return filter_category_word(v->category);
	case FM_BOOL:
		return v->flag ? "true" : "false";
	case FM_ANY:
		return t->key == FK_REGION ? "global" : "any";
	case FM_NONE:
		return "none";
	default:
		return v->text ? v->text : "";
	}
}

static bool positive(const struct filter_term *t, enum filter_key key)
{
	return t->key == key && !t->negated;
}

bool compose_selected(const struct filter *f, enum filter_key key,
                      const char *value)
{
	if (!f || !value)
		return false;
	for (size_t i = 0; i < f->nterms; i++) {
		const struct filter_term *t = &f->terms[i];
		if (!positive(t, key))
			continue;
		for (size_t k = 0; k < t->nvalues; k++)
			if (strcasecmp(value_word(t, &t->values[k]), value) == 0)
				return true;
	}
	return false;
}

/* Quotes a value the way the parser reads it back as one value. */
static void put_value(struct buf *b, const char *v)
{
	if (*v && !strpbrk(v, " \t,\"\\")) {
		buf_puts(b, v);
		return;
	}
	buf_putc(b, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *v);
	}
	buf_putc(b, '"');
}

/* The text of `f` without the terms `drop` says to drop. */
static void put_kept(struct buf *b, const struct filter *f,
                     bool (*drop)(const struct filter_term *, enum filter_key),
                     enum filter_key key)
{
	if (!f || f->nterms == 0)
		return;
	struct filter_term *kept = malloc(f->nterms * sizeof *kept);
	if (!kept) {
		b->failed = true;
		return;
	}
	struct filter sub = { 0, kept };
	for (size_t i = 0; i < f->nterms; i++)
		if (!drop(&f->terms[i], key))
			kept[sub.nterms++] = f->terms[i];
	char *text = sub.nterms ? filter_format(&sub) : NULL;
	if (sub.nterms && !text)
		b->failed = true;
	if (text)
		buf_puts(b, text);
	free(text);
	free(kept);
}

static void sep(struct buf *b)
{
	if (b->len && b->data[b->len - 1] != ' ')
		buf_putc(b, ' ');
}

char *compose_toggle(const struct filter *f, enum filter_key key,
                     const char *value)
{
	struct buf b;
	buf_init(&b);
	put_kept(&b, f, positive, key);
	bool removed = false, any = false;
	size_t mark = b.len;
	sep(&b);
	buf_printf(&b, "%s:", filter_key_name(key));
	for (size_t i = 0; f && i < f->nterms; i++) {
		const struct filter_term *t = &f->terms[i];
		if (!positive(t, key))
			continue;
		for (size_t k = 0; k < t->nvalues; k++) {
			const char *w = value_word(t, &t->values[k]);
			if (strcasecmp(w, value) == 0) {
				removed = true;
				continue;
			}
			if (any)
				buf_putc(&b, ',');
			put_value(&b, w);
			any = true;
		}
	}
	if (!removed) {
		if (any)
			buf_putc(&b, ',');
		put_value(&b, value);
		any = true;
	}
	if (!any) {
		/* Nothing left of the key: drop the "key:" begun above. */
		b.len = mark;
		if (b.data)
			b.data[b.len] = '\0';
	}
	return buf_steal(&b);
}

char *compose_set(const struct filter *f, enum filter_key key,
                  const char *value)
{
	struct buf b;
	buf_init(&b);
	put_kept(&b, f, positive, key);
	sep(&b);
	if (key != FK_TEXT)
		buf_printf(&b, "%s:", filter_key_name(key));
	/* A bare word that looks like a key or a negation is quoted. */
	if (key == FK_TEXT && (value[0] == '-' || strchr(value, ':'))) {
		buf_putc(&b, '"');
		for (const char *v = value; *v; v++) {
			if (*v == '"' || *v == '\\')
				buf_putc(&b, '\\');
			buf_putc(&b, *v);
		}
		buf_putc(&b, '"');
	} else {
		put_value(&b, value);
	}
	return buf_steal(&b);
}

static bool time_term(const struct filter_term *t, enum filter_key unused)
{
	(void)unused;
	return t->key == FK_SINCE || t->key == FK_UNTIL;
}

static void put_iso(struct buf *b, int64_t ms)
{
	char t[24];
	fmt_time_iso(t, ms);
	buf_puts(b, t);
}

char *compose_time(const struct filter *f, int64_t lo_ms, int64_t hi_ms)
{
	struct buf b;
	buf_init(&b);
	put_kept(&b, f, time_term, FK_SINCE);
	sep(&b);
	buf_puts(&b, "since:");
	put_iso(&b, lo_ms);
	/* until: takes the whole second it names, so the last second inside
	 * the interval ends it exactly at hi_ms. */
	buf_puts(&b, " until:");
	put_iso(&b, hi_ms - 1000);
	return buf_steal(&b);
}
