/* format.c - safe, aligned text for the terminal (see format.h). */
#include <config.h>

#include "util/format.h"

#include <langinfo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Length of the valid UTF-8 sequence at p (1-4) within `avail` bytes, or
 * 0 when invalid. */
static size_t utf8_len(const unsigned char *p, size_t avail)
{
	if (p[0] < 0x80)
		return 1;
	size_t n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;
	if (n == 0 || n > avail || p[0] > 0xf4)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	/* Overlong 3- and 4-byte forms, surrogates, and past U+10FFFF. */
	if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] >= 0xa0) ||
	    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] >= 0x90))
		return 0;
	return n;
}

/* The code points drawn escaped.  The C1 controls (U+0080 to U+009F)
 * include CSI and OSC.  The others, Unicode's format characters
 * (category Cf, as of Unicode 15.1) and the line and paragraph
 * separators, are invisible and act on the text around them.  The
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E,
 * U+2066 to U+2069) draw what follows them reversed or moved, so that
 * "evil\u202e{txt.exe" shows as "evilexe.txt{"; the zero width space,
 * joiners, word joiner, soft hyphen, BOM (U+FEFF) and tag characters
 * (U+E0020 to U+E007F) show as nothing, so that "ad\u200bmin" passes for
 * admin in a user name or an ARN; U+2028 and U+2029 break lines in some
 * terminals.  Not Cf but as invisible, and used the same way: the Hangul
 * fillers (U+115F, U+1160, U+3164, U+FFA0, drawn as blank cells: a user
 * named "\u3164" looks like no name), the combining grapheme joiner
 * (U+034F) and the Khmer inherent vowels (U+17B4, U+17B5).  Variation
 * selectors are left alone: they belong to ordinary emoji. */
static const struct {
	unsigned lo, hi;
} hidden_ranges[] = {
	{ 0x0080, 0x009f }, { 0x00ad, 0x00ad }, { 0x034f, 0x034f },
	{ 0x0600, 0x0605 }, { 0x061c, 0x061c }, { 0x06dd, 0x06dd },
	{ 0x070f, 0x070f }, { 0x0890, 0x0891 }, { 0x08e2, 0x08e2 },
	{ 0x115f, 0x1160 }, { 0x17b4, 0x17b5 }, { 0x180e, 0x180e },
	{ 0x200b, 0x200f }, { 0x2028, 0x202e }, { 0x2060, 0x2064 },
	{ 0x2066, 0x206f }, { 0x3164, 0x3164 }, { 0xfeff, 0xfeff },
	{ 0xffa0, 0xffa0 }, { 0xfff9, 0xfffb },
	{ 0x110bd, 0x110bd }, { 0x110cd, 0x110cd }, { 0x13430, 0x1343f },
	{ 0x1bca0, 0x1bca3 }, { 0x1d173, 0x1d17a }, { 0xe0001, 0xe0001 },
	{ 0xe0020, 0xe007f },
};

/* The code point of the valid `n`-byte sequence at p, when it is one
 * drawn as \u and four hex digits (two of them past U+FFFF); else 0. */
static unsigned escaped_code_point(const unsigned char *p, size_t n)
{
	unsigned cp;
	if (n == 2)
		cp = (unsigned)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
	else if (n == 3)
		cp = (unsigned)(p[0] & 0x0f) << 12 | (unsigned)(p[1] & 0x3f) << 6 |
		     (p[2] & 0x3f);
	else if (n == 4)
		cp = (unsigned)(p[0] & 0x07) << 18 |
		     (unsigned)(p[1] & 0x3f) << 12 |
		     (unsigned)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
	else
		return 0;
	size_t lo = 0, hi = sizeof hidden_ranges / sizeof hidden_ranges[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < hidden_ranges[mid].lo)
			hi = mid;
		else if (cp > hidden_ranges[mid].hi)
			lo = mid + 1;
		else
			return cp;
	}
	return 0;
}

/* \u and four hex digits; past U+FFFF, its UTF-16 surrogates as JSON
 * writes them (\udb40\udc41 for U+E0041), so that each escape stays four
 * digits and none runs into the text after it. */
static void escape_code_point(struct buf *out, unsigned cp)
{
	if (cp < 0x10000) {
		buf_printf(out, "\\u%04x", cp);
		return;
	}
	cp -= 0x10000;
	buf_printf(out, "\\u%04x\\u%04x", 0xd800 + (cp >> 10),
	           0xdc00 + (cp & 0x3ff));
}

static void escape_byte(struct buf *out, unsigned char c)
{
	static const char named[] = "\a\b\t\n\v\f\r\033";
	static const char letter[] = "abtnvfre";
	const char *n = c ? strchr(named, c) : NULL;
	if (n)
		buf_printf(out, "\\%c", letter[n - named]);
	else if (c == 0)
		/* Only in decoded JSON text, which writes it \u0000. */
		buf_puts(out, "\\u0000");
	else
		buf_printf(out, "\\x%02x", c);
}

/* s[0..len), which may hold NUL bytes.  `backslash`: a backslash is
 * shown doubled; `quote`: so is a '"' shown as \", for text drawn
 * between quotes. */
static void escape(struct buf *out, const char *s, size_t len,
                   bool backslash, bool quote)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + len;
	while (p < end) {
		size_t n = utf8_len(p, (size_t)(end - p));
		unsigned cp;
		if (n == 1 && (*p < 0x20 || *p == 0x7f)) {
			escape_byte(out, *p);
		} else if (n == 0 && p[0] == 0xc0 && p[1] == 0x80) {
			/* A NUL in a record's value (model/event.h), shown as
			 * the other bytes of a value are. */
			buf_puts(out, "\\x00");
			n = 2;
		} else if (n == 0) {
			escape_byte(out, *p);
			n = 1;
		} else if ((cp = escaped_code_point(p, n)) != 0) {
			escape_code_point(out, cp);
		} else if (*p == '\\' && backslash) {
			buf_puts(out, "\\\\");
		} else if (*p == '"' && quote) {
			buf_puts(out, "\\\"");
		} else {
			buf_append(out, p, n);
		}
		p += n;
	}
}

void fmt_escape(struct buf *out, const char *s)
{
	escape(out, s, strlen(s), true, false);
}

void fmt_escape_quoted(struct buf *out, const char *s)
{
	escape(out, s, strlen(s), true, true);
}

void fmt_escape_quoted_len(struct buf *out, const char *s, size_t len)
{
	escape(out, s, len, true, true);
}

void fmt_escape_controls(struct buf *out, const char *s)
{
	escape(out, s, strlen(s), false, false);
}

bool fmt_needs_escape(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + len;
	while (p < end) {
		size_t n = utf8_len(p, (size_t)(end - p));
		if (n == 0 || (n == 1 && (*p < 0x20 || *p == 0x7f)) ||
		    escaped_code_point(p, n))
			return true;
		p += n;
	}
	return false;
}

/* The next character of `p`: its length in bytes (an undecodable byte
 * is one character of one byte) and its width in columns (*cols). */
static size_t next_char(const char *p, mbstate_t *st, size_t *cols)
{
	wchar_t wc;
	size_t n = mbrtowc(&wc, p, MB_CUR_MAX, st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		memset(st, 0, sizeof *st);
		*cols = 1;
		return 1;
	}
	int cw = wcwidth(wc);
	*cols = cw > 0 ? (size_t)cw : 0;
	return n;
}

size_t fmt_width(const char *s)
{
	size_t w = 0, cols;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (const char *p = s; *p; w += cols)
		p += next_char(p, &st, &cols);
	return w;
}

size_t fmt_skip(const char *s, size_t cols)
{
	size_t w = 0, c;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *p = s;
	while (*p && w < cols) {
		p += next_char(p, &st, &c);
		w += c;
	}
	/* Combining marks belong to the character before them. */
	while (*p) {
		size_t n = next_char(p, &st, &c);
		if (c != 0)
			break;
		p += n;
	}
	return (size_t)(p - s);
}

size_t fmt_wrap(const char *s, size_t width)
{
	size_t used = 0, cols, space = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *p = s;
	while (*p) {
		size_t n = next_char(p, &st, &cols);
		if (used + cols > width && p > s) {
			if (*p == ' ') /* a word ending at the edge fits */
				return (size_t)(p - s);
			return space ? space : (size_t)(p - s);
		}
		if (*p == ' ' && p > s)
			space = (size_t)(p - s);
		used += cols;
		p += n;
	}
	return (size_t)(p - s);
}

/* Appends as many whole characters of `s` as fit in `width` columns and
 * returns the columns used. */
static size_t append_cut(struct buf *out, const char *s, size_t width)
{
	size_t used = 0, cols;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (const char *p = s; *p; used += cols) {
		size_t n = next_char(p, &st, &cols);
		if (used + cols > width)
			break;
		buf_append(out, p, n);
		p += n;
	}
	return used;
}

const char *fmt_ellipsis(void)
{
	return utf8_locale() ? "\xe2\x80\xa6" : "~";
}

void fmt_fit(struct buf *out, const char *s, size_t width, int right_align)
{
	size_t w = fmt_width(s);
	if (w > width) {
		size_t used = width ? append_cut(out, s, width - 1) : 0;
		if (width)
			buf_puts(out, fmt_ellipsis());
		for (size_t i = used + (width ? 1 : 0); i < width; i++)
			buf_putc(out, ' ');
		return;
	}
	if (right_align)
		for (size_t i = w; i < width; i++)
			buf_putc(out, ' ');
	buf_puts(out, s);
	if (!right_align)
		for (size_t i = w; i < width; i++)
			buf_putc(out, ' ');
}

static void utc_format(char out[24], int64_t ms, bool iso)
{
	time_t t = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
	struct tm tm;
	if (!gmtime_r(&t, &tm) ||
	    (iso ? strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm)
	         : strftime(out, 24, "%Y-%m-%d %H:%M:%S", &tm)) == 0)
		snprintf(out, 24, "%s", "(invalid time)");
}

void fmt_time(char out[24], int64_t ms)
{
	utc_format(out, ms, false);
}

void fmt_time_iso(char out[24], int64_t ms)
{
	utc_format(out, ms, true);
}

void fmt_count(char out[32], int64_t n)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%lld",
	                   (long long)(n < 0 ? -n : n));
	size_t o = 0;
	if (n < 0)
		out[o++] = '-';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

const char *fmt_over_limit(const char *reason, size_t limit)
{
	static _Thread_local char text[256];
	if (limit && limit % ((size_t)1 << 20) == 0)
		snprintf(text, sizeof text, "%s (%zu MiB)", reason, limit >> 20);
	else if (limit && limit % 1024 == 0)
		snprintf(text, sizeof text, "%s (%zu KiB)", reason, limit >> 10);
	else
		snprintf(text, sizeof text, "%s (%zu B)", reason, limit);
	return text;
}
