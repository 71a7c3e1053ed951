/* json_string.c - decoding one JSON string literal (json_string.h). */
#include <config.h>

#include "util/json_string.h"

#include <stdint.h>

static int hex4(const char *p, const char *end, uint32_t *v)
{
	if (end - p < 4)
		return -1;
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
		        : c >= 'a' && c <= 'f' ? c - 'a' + 10
		        : c >= 'A' && c <= 'F' ? c - 'A' + 10
		                               : -1;
		if (d < 0)
			return -1;
		*v = *v << 4 | (uint32_t)d;
	}
	return 0;
}

static void put_utf8(struct buf *out, uint32_t c)
{
	char b[4];
	size_t n;
	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xc0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xe0 | c >> 12);
		b[1] = (char)(0x80 | (c >> 6 & 0x3f));
		b[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | c >> 18);
		b[1] = (char)(0x80 | (c >> 12 & 0x3f));
		b[2] = (char)(0x80 | (c >> 6 & 0x3f));
		b[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	buf_append(out, b, n);
}

/* p points after "\u"; decodes one code point, pairing surrogates. */
static const char *unicode_escape(const char *p, const char *end,
                                  struct buf *out)
{
	uint32_t c, lo;
	if (hex4(p, end, &c) < 0)
		return NULL;
	p += 4;
	if (c >= 0xd800 && c <= 0xdbff && end - p >= 6 && p[0] == '\\' &&
	    p[1] == 'u' && hex4(p + 2, end, &lo) == 0 && lo >= 0xdc00 &&
	    lo <= 0xdfff) {
		c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
		p += 6;
	} else if (c >= 0xd800 && c <= 0xdfff) {
		c = 0xfffd;
	}
	put_utf8(out, c);
	return p;
}

static const char *simple_escape(char e)
{
	switch (e) {
	case '"': return "\"";
	case '\\': return "\\";
	case '/': return "/";
	case 'b': return "\b";
	case 'f': return "\f";
	case 'n': return "\n";
	case 'r': return "\r";
	case 't': return "\t";
	default: return NULL;
	}
}

int json_string_decode(const char *lit, size_t n, struct buf *out)
{
	if (n < 2 || lit[0] != '"' || lit[n - 1] != '"')
		return -1;
	const char *p = lit + 1, *end = lit + n - 1;
	while (p < end) {
		const char *run = p;
		while (p < end && *p != '\\' && *p != '"' &&
		       (unsigned char)*p >= 0x20)
			p++;
		buf_append(out, run, (size_t)(p - run));
		if (p == end)
			break;
		if (*p != '\\' || end - p < 2)
			return -1; /* a bare quote or control byte */
		const char *s = simple_escape(p[1]);
		if (s) {
			buf_append(out, s, 1);
			p += 2;
		} else if (p[1] == 'u') {
			p = unicode_escape(p + 2, end, out);
			if (!p)
				return -1;
		} else {
			return -1;
		}
	}
	return buf_ok(out) ? 0 : -1;
}
