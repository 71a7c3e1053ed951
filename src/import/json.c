/* json.c - the strict, fast pull reader of json.h.
 *
 * One pass over the bytes.  The hot loop is the body of strings, which is
 * most of any CloudTrail file: it looks at 16 bytes at a time (SSE2) or 8
 * (portable SWAR) for the only bytes that end a plain run: '"', '\\' and
 * controls.  Containers skipped by json_skip() keep their kind in the
 * caller's stack, one byte per level, so a hostile nesting depth costs
 * neither recursion nor allocation.
 */
#include <config.h>

#include "import/json.h"

#include <stdint.h>
#include <string.h>

#include "util/i18n.h"

#if defined(__SSE2__) && !defined(JSON_NO_SIMD)
#include <emmintrin.h>
#define JSON_SSE2 1
#endif

static const char *fail_at(struct json *j, const char *at, const char *msg)
{
	if (!j->err) {
		j->err = msg;
		j->err_at = (size_t)(at - j->begin);
	}
	return NULL;
}

static int fail(struct json *j, const char *at, const char *msg)
{
	fail_at(j, at, msg);
	return -1;
}

static int fail_deep(struct json *j, const char *at)
{
	if (!j->err)
		j->too_deep = true;
	return fail(j, at, N_("nested too deeply"));
}

/* JSON's four whitespace bytes, as a bit set over 0..32. */
#define WS_BITS                                                         \
	((UINT64_C(1) << ' ') | (UINT64_C(1) << '\t') |                 \
	 (UINT64_C(1) << '\n') | (UINT64_C(1) << '\r'))

static inline bool is_ws(unsigned char c)
{
	return c <= ' ' && (WS_BITS >> c & 1);
}

static inline const char *skip_ws(const char *p, const char *end)
{
	while (p < end && is_ws((unsigned char)*p))
		p++;
	return p;
}

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool ends_run(unsigned char c)
{
	return c == '"' || c == '\\' || c < 0x20;
}

/* The first byte at or after p that ends a plain run of string bytes. */
static inline const char *find_special(const char *p, const char *end)
{
#ifdef JSON_SSE2
	const __m128i quote = _mm_set1_epi8('"');
	const __m128i bslash = _mm_set1_epi8('\\');
	const __m128i ctl = _mm_set1_epi8(0x1f);
	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v, quote),
			             _mm_cmpeq_epi8(v, bslash)),
			_mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v)); /* v <= 0x1f */
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz(bits);
		p += 16;
	}
#else
	/* Classic "has a zero byte" / "has a byte below n" word tricks:
	 * exact about whether some byte matches, which is all we ask. */
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t highs = UINT64_C(0x8080808080808080);
	while (end - p >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
		uint64_t m = ((q - ones) & ~q) | ((b - ones) & ~b) |
		             ((w - ones * 0x20) & ~w);
		if (m & highs)
			break;
		p += 8;
	}
#endif
	while (p < end && !ends_run((unsigned char)*p))
		p++;
	return p;
}

static inline int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* q is on a backslash inside the string that opened at `open`. */
static const char *check_escape(struct json *j, const char *open,
                                const char *q)
{
	if (j->end - q < 2)
		return fail_at(j, open, N_("unterminated string"));
	switch (q[1]) {
	case '"': case '\\': case '/': case 'b':
	case 'f': case 'n': case 'r': case 't':
		return q + 2;
	case 'u':
		for (int i = 2; i < 6; i++) {
			if (j->end - q <= i)
				return fail_at(j, open, N_("unterminated string"));
			if (hexval(q[i]) < 0)
				return fail_at(j, q, N_("bad \\u escape in a string"));
		}
		return q + 6;
	default:
		return fail_at(j, q, N_("invalid escape in a string"));
	}
}

/* p is on the opening quote.  Returns the byte after the closing one. */
static const char *scan_string(struct json *j, const char *p,
                               struct json_str *s)
{
	const char *q = p + 1;
	bool escaped = false;
	for (;;) {
		q = find_special(q, j->end);
		if (q == j->end)
			return fail_at(j, p, N_("unterminated string"));
		if (*q == '"')
			break;
		if (*q != '\\')
			return fail_at(j, q, N_("control character in a string"));
		escaped = true;
		q = check_escape(j, p, q);
		if (!q)
			return NULL;
	}
	s->raw = p + 1;
	s->len = (size_t)(q - (p + 1));
	s->escaped = escaped;
	return q + 1;
}

static const char *digits(const char *p, const char *end)
{
	while (p < end && is_digit(*p))
		p++;
	return p;
}

static const char *scan_number(struct json *j, const char *p)
{
	const char *start = p, *end = j->end;
	if (*p == '-')
		p++;
	if (p == end || !is_digit(*p))
		return fail_at(j, start, N_("invalid number"));
	p = *p == '0' ? p + 1 : digits(p, end);
	if (p < end && is_digit(*p))
		return fail_at(j, start, N_("invalid number (leading zero)"));
	if (p < end && *p == '.') {
		p++;
		if (p == end || !is_digit(*p))
			return fail_at(j, start, N_("invalid number"));
		p = digits(p, end);
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p == end || !is_digit(*p))
			return fail_at(j, start, N_("invalid number"));
		p = digits(p, end);
	}
	return p;
}

static const char *scan_literal(struct json *j, const char *p,
                                const char *word, size_t n)
{
	if ((size_t)(j->end - p) < n || memcmp(p, word, n) != 0)
		return fail_at(j, p, N_("invalid literal"));
	return p + n;
}

/* A value that is not a container, starting at p (not at the end). */
static const char *scan_scalar(struct json *j, const char *p)
{
	struct json_str s;
	switch (*p) {
	case '"': return scan_string(j, p, &s);
	case 't': return scan_literal(j, p, "true", 4);
	case 'f': return scan_literal(j, p, "false", 5);
	case 'n': return scan_literal(j, p, "null", 4);
	default:
		if (*p == '-' || is_digit(*p))
			return scan_number(j, p);
		return fail_at(j, p, N_("unexpected character"));
	}
}

void json_init(struct json *j, const char *data, size_t len,
               unsigned char *stack, size_t max_depth)
{
	memset(j, 0, sizeof *j);
	j->begin = j->p = data;
	j->end = data + len;
	j->stack = stack;
	j->max_depth = max_depth;
}

enum json_type json_peek(struct json *j)
{
	if (j->err)
		return JSON_BAD;
	j->p = skip_ws(j->p, j->end);
	if (j->p == j->end)
		return JSON_BAD;
	switch (*j->p) {
	case '{': return JSON_OBJECT;
	case '[': return JSON_ARRAY;
	case '"': return JSON_STRING;
	case 't': return JSON_TRUE;
	case 'f': return JSON_FALSE;
	case 'n': return JSON_NULL;
	default:
		return *j->p == '-' || is_digit(*j->p) ? JSON_NUMBER : JSON_BAD;
	}
}

bool json_at_end(struct json *j)
{
	j->p = skip_ws(j->p, j->end);
	return j->p == j->end;
}

size_t json_pos(const struct json *j)
{
	return (size_t)(j->p - j->begin);
}

/* Reads `"key" :` at p (whitespace before it already skipped).  Returns
 * the byte after the ':', or NULL. */
static inline const char *scan_key(struct json *j, const char *p,
                                   struct json_str *key)
{
	if (p == j->end)
		return fail_at(j, p, N_("unexpected end of input"));
	if (*p != '"')
		return fail_at(j, p, N_("expected a string key"));
	if (!(p = scan_string(j, p, key)))
		return NULL;
	p = skip_ws(p, j->end);
	if (p == j->end)
		return fail_at(j, p, N_("unexpected end of input"));
	if (*p != ':')
		return fail_at(j, p, N_("expected ':' after a key"));
	return p + 1;
}

/* Opens a container in json_skip(): records its closing byte, and goes
 * to `close` at once if it is empty. */
#define SKIP_OPEN(close_byte)                                            \
	do {                                                             \
		if (d >= j->max_depth)                                   \
			return fail_deep(j, p);                          \
		stk[d++] = (close_byte);                                 \
		p = skip_ws(p + 1, end);                                 \
		if (p < end && *p == (close_byte))                       \
			goto close;                                      \
	} while (0)

/* A state machine over the bytes, not recursion: each open container
 * keeps its closing byte in stk[], so depth costs no C stack. */
int json_skip(struct json *j)
{
	if (j->err)
		return -1;
	const char *p = j->p, *end = j->end;
	unsigned char *stk = j->stack;
	size_t base = j->depth, d = base;
	struct json_str s;
value:
	p = skip_ws(p, end);
	if (p == end)
		goto eof;
	if (*p == '{') {
		SKIP_OPEN('}');
		goto key;
	}
	if (*p == '[') {
		SKIP_OPEN(']');
		goto value;
	}
	if (!(p = scan_scalar(j, p)))
		return -1;
after:
	if (d == base) {
		j->p = p;
		return 0;
	}
	p = skip_ws(p, end);
	if (p == end)
		goto eof;
	if (*p == ',') {
		p = skip_ws(p + 1, end);
		if (stk[d - 1] == ']')
			goto value;
		goto key;
	}
	if (*p != stk[d - 1])
		return fail(j, p, stk[d - 1] == '}' ? N_("expected ',' or '}'")
		                                    : N_("expected ',' or ']'"));
close:
	p++;
	d--;
	goto after;
key:
	if (!(p = scan_key(j, p, &s)))
		return -1;
	goto value;
eof:
	return fail(j, p, N_("unexpected end of input"));
}

int json_string(struct json *j, struct json_str *s)
{
	if (j->err)
		return -1;
	const char *p = skip_ws(j->p, j->end);
	if (p == j->end)
		return fail(j, p, N_("unexpected end of input"));
	if (*p != '"')
		return fail(j, p, N_("expected a string"));
	if (!(p = scan_string(j, p, s)))
		return -1;
	j->p = p;
	return 0;
}

/* Reads `"key" :` at p and leaves the cursor on the value. */
static int read_key(struct json *j, const char *p, struct json_str *key)
{
	if (!(p = scan_key(j, p, key)))
		return -1;
	j->p = skip_ws(p, j->end);
	return 1;
}

/* The shared part of walking a container: the opening byte on the first
 * call, then ',' or the closing byte.  1: an item follows at *at. */
static int container_next(struct json *j, bool *open, char opening,
                          char closing, const char **at)
{
	if (j->err)
		return -1;
	const char *p = skip_ws(j->p, j->end);
	if (p == j->end)
		return fail(j, p, N_("unexpected end of input"));
	if (!*open) {
		if (*p != opening)
			return fail(j, p, opening == '{' ? N_("expected an object")
			                                 : N_("expected an array"));
		if (j->depth >= j->max_depth)
			return fail_deep(j, p);
		j->depth++;
		*open = true;
		p = skip_ws(p + 1, j->end);
		if (p == j->end || *p != closing) {
			*at = p;
			return 1;
		}
	} else if (*p == ',') {
		*at = skip_ws(p + 1, j->end);
		return 1;
	} else if (*p != closing) {
		return fail(j, p, closing == '}' ? N_("expected ',' or '}'")
		                                 : N_("expected ',' or ']'"));
	}
	j->depth--;
	j->p = p + 1;
	return 0;
}

int json_object_next(struct json *j, bool *open, struct json_str *key)
{
	const char *at;
	int rc = container_next(j, open, '{', '}', &at);
	return rc > 0 ? read_key(j, at, key) : rc;
}

int json_array_next(struct json *j, bool *open)
{
	const char *at;
	int rc = container_next(j, open, '[', ']', &at);
	if (rc > 0) {
		if (at < j->end && *at == ']')
			return fail(j, at, N_("unexpected ']' after ','"));
		j->p = at;
	}
	return rc;
}

struct json_mark json_mark(const struct json *j)
{
	struct json_mark m = { j->p, j->depth };
	return m;
}

void json_seek(struct json *j, struct json_mark m)
{
	j->p = m.p;
	j->depth = m.depth;
}

static size_t put_utf8(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3f));
	out[2] = (char)(0x80 | (c >> 6 & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

static uint32_t hex4(const char *p)
{
	return (uint32_t)(hexval(p[0]) << 12 | hexval(p[1]) << 8 |
	                  hexval(p[2]) << 4 | hexval(p[3]));
}

/* p is on the 'u' of a validated \u escape, `end` the end of the string.
 * Writes the code point, pairing surrogates; returns the bytes used. */
static size_t unicode_escape(const char *p, const char *end, char *out,
                             size_t *wrote)
{
	uint32_t c = hex4(p + 1);
	if (c >= 0xd800 && c <= 0xdbff && end - p >= 11 && p[5] == '\\' &&
	    p[6] == 'u') {
		uint32_t lo = hex4(p + 7);
		if (lo >= 0xdc00 && lo <= 0xdfff) {
			*wrote = put_utf8(out, 0x10000 + ((c - 0xd800) << 10) +
			                               (lo - 0xdc00));
			return 11;
		}
	}
	if (c >= 0xd800 && c <= 0xdfff)
		c = 0xfffd;
	*wrote = put_utf8(out, c);
	return 5;
}

static char simple_escape(char e)
{
	switch (e) {
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	default: return e; /* '"', '\\', '/' */
	}
}

/* The decoding loop of json_unescape() and json_unescape_each(): each
 * plain run goes to `fn` as it lies, each escape decoded.  Inline, so
 * that json_unescape()'s copying is not an indirect call per piece. */
static inline void unescape_pieces(const struct json_str *s, json_piece_fn fn,
                                   void *ctx)
{
	const char *p = s->raw, *end = s->raw + s->len;
	while (p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		if (!bs)
			bs = end;
		if (bs > p)
			fn(ctx, p, (size_t)(bs - p));
		if (bs == end)
			break;
		char dec[4];
		size_t n = 1;
		if (bs[1] == 'u') {
			p = bs + 1 + unicode_escape(bs + 1, end, dec, &n);
		} else {
			dec[0] = simple_escape(bs[1]);
			p = bs + 2;
		}
		fn(ctx, dec, n);
	}
}

/* json_unescape()'s piece: appended at the cursor `ctx`. */
static void append_piece(void *ctx, const char *piece, size_t n)
{
	char **o = ctx;
	memmove(*o, piece, n); /* `out` may be the string itself */
	*o += n;
}

size_t json_unescape(const struct json_str *s, char *out)
{
	char *o = out;
	unescape_pieces(s, append_piece, &o);
	return (size_t)(o - out);
}

void json_unescape_each(const struct json_str *s, json_piece_fn fn, void *ctx)
{
	unescape_pieces(s, fn, ctx);
}
