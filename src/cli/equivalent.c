/* equivalent.c - the targets, and what their generators share (see
 * equivalent.h and equiv_internal.h). */
#include <config.h>

#include "cli/equiv_internal.h"

#include "util/format.h"
#include "util/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const target_names[EQUIV_TARGET_COUNT_] = {
	[EQUIV_ATHENA] = "athena",
	[EQUIV_LAKE] = "lake",
	[EQUIV_CLI] = "cli",
};

const char *equiv_target_name(enum equiv_target t)
{
	return (unsigned)t < EQUIV_TARGET_COUNT_ ? target_names[t] : "";
}

int equiv_target_parse(const char *name, enum equiv_target *t)
{
	for (int i = 0; i < EQUIV_TARGET_COUNT_; i++)
		if (strcmp(target_names[i], name) == 0) {
			*t = (enum equiv_target)i;
			return 0;
		}
	return -1;
}

void equiv_note(struct equiv_out *o, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	/* A line break in a value must not end the comment early; a
	 * backslash stays one, as typed (fmt_escape_controls). */
	struct buf safe;
	buf_init(&safe);
	fmt_escape_controls(&safe, text);
	const char *line = safe.data ? safe.data : "";
	buf_printf(o->out, "%s%s\n", o->comment, line);
	buf_printf(o->notes, "%s\n", line);
	buf_free(&safe);
}

char *equiv_term_text(const struct filter_term *t)
{
	struct filter one = { 1, (struct filter_term *)t };
	return filter_format(&one);
}

/* The code point of the control character at `p` (C0, DEL, or a C1 in
 * UTF-8) and its length in *n; -1 when `p` is not at one. */
static int control_at(const unsigned char *p, size_t *n)
{
	*n = 1;
	if (*p < 0x20 || *p == 0x7f)
		return *p;
	*n = 2;
	if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return p[1];
	return -1;
}

void equiv_sql_literal(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	bool controls = false;
	size_t n;
	for (const unsigned char *q = p; *q; q++)
		controls = controls || control_at(q, &n) >= 0;
	/* A control character goes in as chr(N) joined with ||: the same
	 * string to Trino (Athena and CloudTrail Lake alike), and nothing in
	 * the printed query a terminal would act on or a line break could
	 * split.  In parentheses, so that it stays one operand of = or LIKE
	 * ... ESCAPE. */
	if (controls)
		buf_putc(b, '(');
	bool open = false, first = true;
	for (; *p; p += n) {
		int c = control_at(p, &n);
		if (c >= 0) {
			if (open)
				buf_putc(b, '\'');
			buf_printf(b, "%schr(%d)", first ? "" : " || ", c);
			open = false;
		} else {
			if (!open)
				buf_puts(b, first ? "'" : " || '");
			if (*p == '\'')
				buf_putc(b, '\'');
			buf_putc(b, (char)*p);
			n = 1;
			open = true;
		}
		first = false;
	}
	if (open)
		buf_putc(b, '\'');
	else if (first)
		buf_puts(b, "''");
	if (controls)
		buf_putc(b, ')');
}

void equiv_shell_word(struct buf *b, const char *s)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	                           "-_./:=,@+%";
	if (*s && strspn(s, safe) == strlen(s)) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

static bool utc(int64_t ms, struct tm *tm)
{
	time_t t = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
	return gmtime_r(&t, tm) != NULL;
}

void equiv_time(struct buf *b, int64_t ms, char sep, const char *suffix)
{
	struct tm tm;
	if (!utc(ms, &tm)) {
		buf_puts(b, "?");
		return;
	}
	buf_printf(b, "%04d-%02d-%02d%c%02d:%02d:%02d%s", tm.tm_year + 1900,
	           tm.tm_mon + 1, tm.tm_mday, sep, tm.tm_hour, tm.tm_min,
	           tm.tm_sec, suffix);
}

void equiv_day(struct buf *b, int64_t ms)
{
	struct tm tm;
	if (!utc(ms, &tm)) {
		buf_puts(b, "?");
		return;
	}
	buf_printf(b, "%04d/%02d/%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	           tm.tm_mday);
}

int equivalent(const struct filter *f, enum equiv_target t, struct buf *out,
               struct buf *notes)
{
	struct equiv_out o = { out, notes, t == EQUIV_CLI ? "# " : "-- " };
	char *text = filter_format(f);
	if (!text)
		return -1;
	struct buf safe;
	buf_init(&safe);
	/* The filter as typed: only control and invisible characters are
	 * escaped, which is all a comment line needs to stay one. */
	fmt_escape_controls(&safe, *text ? text : _("(all events)"));
	buf_printf(out, "%strailnav filter: %s\n", o.comment,
	           safe.data ? safe.data : "");
	buf_free(&safe);
	free(text);
	int rc = t == EQUIV_CLI ? equiv_cli(f, &o) : equiv_sql(f, t, &o);
	return rc == 0 && buf_ok(out) && buf_ok(notes) ? 0 : -1;
}
