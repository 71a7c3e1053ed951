/* json_text.c - original records made one line, or terminal-safe (see
 * json_text.h).  A small state machine over the bytes: inside a string or
 * not, and just after a backslash or not. */
#include <config.h>

#include "cli/json_text.h"

#include <string.h>

struct scan {
	bool in_string, escaped;
};

/* Advances the state over byte c; true when c lies inside a string (the
 * quotes count as inside). */
static bool step(struct scan *st, unsigned char c)
{
	if (!st->in_string) {
		st->in_string = c == '"';
		return st->in_string;
	}
	if (st->escaped)
		st->escaped = false;
	else if (c == '\\')
		st->escaped = true;
	else if (c == '"')
		st->in_string = false;
	return true;
}

bool json_is_multiline(const char *rec, size_t n)
{
	return memchr(rec, '\n', n) || memchr(rec, '\r', n);
}

void json_one_line(struct buf *out, const char *rec, size_t n)
{
	if (!json_is_multiline(rec, n)) {
		buf_append(out, rec, n);
		return;
	}
	struct scan st = { false, false };
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)rec[i];
		if (step(&st, c) || (c != ' ' && c != '\t' && c != '\n' &&
		                     c != '\r'))
			buf_putc(out, (char)c);
	}
}

/* The length of a valid UTF-8 sequence at p (at most `left` bytes), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t left)
{
	size_t n = p[0] < 0x80 ? 1 : p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3
	           : p[0] >= 0xc2 ? 2 : 0;
	if (n == 0 || n > left || p[0] > 0xf4)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] >= 0xa0) ||
	    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] >= 0x90))
		return 0;
	return n;
}

void json_terminal_safe(struct buf *out, const char *rec, size_t n)
{
	struct scan st = { false, false };
	const unsigned char *p = (const unsigned char *)rec;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_seq(p + i, n - i);
		bool inside = st.in_string;
		if (len != 1) {
			/* Multi-byte characters and bad bytes occur only in
			 * strings in valid JSON; neither changes the state. */
			if (len == 2 && p[i] == 0xc2 && p[i + 1] <= 0x9f)
				buf_printf(out, "\\u%04x", p[i + 1]);
			else if (len == 0)
				buf_puts(out, "\\ufffd");
			else
				buf_append(out, p + i, len);
			i += len ? len : 1;
			st.escaped = false;
			continue;
		}
		unsigned char c = p[i++];
		step(&st, c);
		if (c >= 0x20 && c != 0x7f)
			buf_putc(out, (char)c);
		else if (inside)
			buf_printf(out, "\\u%04x", c);
		else
			buf_putc(out, c == '\n' || c == '\t' ? (char)c : ' ');
	}
}

void json_put_string(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	buf_putc(out, '"');
	for (size_t i = 0; i < n;) {
		size_t len = utf8_seq(p + i, n - i);
		if (len == 0 && p[i] == 0xc0 && i + 1 < n && p[i + 1] == 0x80) {
			/* A NUL in a record's value (model/event.h). */
			buf_puts(out, "\\u0000");
			i += 2;
		} else if (len == 0) {
			buf_puts(out, "\\ufffd");
			i++;
		} else if (len == 2 && p[i] == 0xc2 && p[i + 1] <= 0x9f) {
			buf_printf(out, "\\u%04x", p[i + 1]);
			i += 2;
		} else if (len > 1) {
			buf_append(out, p + i, len);
			i += len;
		} else {
			unsigned char c = p[i++];
			if (c == '"' || c == '\\')
				buf_printf(out, "\\%c", c);
			else if (c < 0x20 || c == 0x7f)
				buf_printf(out, "\\u%04x", c);
			else
				buf_putc(out, (char)c);
		}
	}
	buf_putc(out, '"');
}
