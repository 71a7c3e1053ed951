/* event_time.c - eventTime text to UTC epoch milliseconds (parse.h).
 *
 * Accepted, as real files write them:
 *   2023-07-19T21:33:41Z       extended form, the usual one
 *   2023-07-19T21:33:41.123Z   a fraction of any length ('.' or ','),
 *                              truncated to milliseconds
 *   2023-07-19T21:33:41+02:00  an offset: +HH:MM, +HHMM or +HH (or '-')
 *   2023-07-19 21:33:41        a space for the 'T' (CloudTrail Lake, SQL)
 *   2023-07-19t21:33:41z       lower case 't' and 'z'
 *   2023-07-19T21:33           seconds left out
 *   20131102T010628Z           the basic form (sessionContext dates)
 * No zone at all means UTC.  The date and time must use the same form
 * (both extended or both basic).  Ranges are checked: month 1-12, the
 * day within its month (leap years included), hour 0-23, minute and
 * second 0-59 (no leap second, no 24:00), offset up to 23:59.  Years are
 * 0000-9999.  No timegm() and no TZ: the arithmetic is done here, so the
 * result never depends on the machine's time zone.
 */
#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "import/parse.h"
#include "util/calendar.h"

struct cursor {
	const char *p, *end;
};

static bool num(struct cursor *c, int ndigits, int *out)
{
	if (c->end - c->p < ndigits)
		return false;
	int v = 0;
	for (int i = 0; i < ndigits; i++) {
		char ch = c->p[i];
		if (ch < '0' || ch > '9')
			return false;
		v = v * 10 + (ch - '0');
	}
	c->p += ndigits;
	*out = v;
	return true;
}

static bool take(struct cursor *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

/* "-MM-DD" or "MMDD" after the year; *basic says which it was. */
static bool date_part(struct cursor *c, int y, int *m, int *d, bool *basic)
{
	*basic = !take(c, '-');
	if (!num(c, 2, m) || (!*basic && !take(c, '-')) || !num(c, 2, d))
		return false;
	return *m >= 1 && *m <= 12 && *d >= 1 &&
	       *d <= calendar_days_in_month(y, *m);
}

/* HH:MM[:SS] or HHMM[SS] then an optional fraction; milliseconds of day. */
static bool time_part(struct cursor *c, bool basic, int64_t *ms)
{
	int h, mi, s = 0, frac = 0;
	if (!num(c, 2, &h) || (!basic && !take(c, ':')) || !num(c, 2, &mi))
		return false;
	bool more = basic ? c->p < c->end && *c->p >= '0' && *c->p <= '9'
	                  : take(c, ':');
	if (more && !num(c, 2, &s))
		return false;
	if (more && (take(c, '.') || take(c, ','))) {
		int n = 0;
		for (; c->p < c->end && *c->p >= '0' && *c->p <= '9'; c->p++, n++)
			if (n < 3)
				frac = frac * 10 + (*c->p - '0');
		if (n == 0)
			return false;
		for (; n < 3; n++)
			frac *= 10;
	}
	if (h > 23 || mi > 59 || s > 59)
		return false;
	*ms = ((int64_t)h * 3600 + mi * 60 + s) * 1000 + frac;
	return true;
}

/* "Z", "+HH:MM", "+HHMM", "+HH" (or '-'), or nothing: the offset east of
 * UTC in milliseconds. */
static bool zone_part(struct cursor *c, int64_t *off)
{
	*off = 0;
	if (c->p == c->end || take(c, 'Z') || take(c, 'z'))
		return true;
	int sign = take(c, '+') ? 1 : take(c, '-') ? -1 : 0;
	int h, m = 0;
	if (!sign || !num(c, 2, &h))
		return false;
	if (take(c, ':')) {
		if (!num(c, 2, &m))
			return false;
	} else if (c->p < c->end && !num(c, 2, &m)) {
		return false;
	}
	if (h > 23 || m > 59)
		return false;
	*off = sign * ((int64_t)h * 3600 + m * 60) * 1000;
	return true;
}

bool trail_parse_time(const char *s, size_t n, int64_t *ms)
{
	if (!s)
		return false;
	struct cursor c = { s, s + n };
	int y, m, d;
	bool basic;
	int64_t tod, off;
	if (!num(&c, 4, &y) || !date_part(&c, y, &m, &d, &basic))
		return false;
	if (!(take(&c, 'T') || take(&c, 't') || (!basic && take(&c, ' '))))
		return false;
	if (!time_part(&c, basic, &tod) || !zone_part(&c, &off) ||
	    c.p != c.end)
		return false;
	*ms = calendar_days_from_civil(y, m, d) * 86400000 + tod - off;
	return true;
}
