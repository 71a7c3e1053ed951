/* filter_time.c - the times since: and until: take: ISO dates and
 * date-times, times of day, and ages such as 6h.
 *
 * Our own calendar arithmetic, never timegm() or the TZ variable, so the
 * same text always means the same instant for the same `now`.
 */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdbool.h>
#include <stdint.h>

#include "filter/internal.h"
#include "util/calendar.h"
#include "util/i18n.h"

#define MS_SECOND INT64_C(1000)
#define MS_MINUTE (60 * MS_SECOND)
#define MS_HOUR (60 * MS_MINUTE)
#define MS_DAY (24 * MS_HOUR)
#define MS_WEEK (7 * MS_DAY)

/* Ages longer than this are surely typos; the bound also keeps
 * `now - age` far from overflowing. */
#define AGE_MAX_MS (INT64_C(10000) * 366 * MS_DAY)

static const char *const time_syntax = N_(
	"a date like 2024-05-01 or 2024-05-01T08:00Z, a time like 08:00, "
	"or an age like 6h or 7d");

/* ---- calendar arithmetic (proleptic Gregorian, UTC) ---- */

static int64_t floor_mod(int64_t a, int64_t b)
{
	int64_t r = a % b;
	return r < 0 ? r + b : r;
}

/* ---- time values ---- */

struct cursor {
	const char *s;
	size_t i;
};

/* Exactly `width` digits. */
static bool take_num(struct cursor *c, int width, int *out)
{
	int v = 0;
	for (int k = 0; k < width; k++) {
		char ch = c->s[c->i + (size_t)k];
		if (!filter_is_digit(ch))
			return false; /* also stops at the NUL */
		v = v * 10 + (ch - '0');
	}
	c->i += (size_t)width;
	*out = v;
	return true;
}

static bool take(struct cursor *c, char ch)
{
	if (c->s[c->i] != ch)
		return false;
	c->i++;
	return true;
}


/* ".fff...": milliseconds, and the precision the digits written give
 * (".5" is a 100 ms interval); digits past the third are ignored. */
static bool take_fraction(struct cursor *c, int64_t *ms, int64_t *prec)
{
	int64_t v = 0, p = MS_SECOND;
	size_t k = 0;
	for (; filter_is_digit(c->s[c->i]); c->i++, k++) {
		if (k < 3) {
			v = v * 10 + (c->s[c->i] - '0');
			p /= 10;
		}
	}
	*ms = v * p;
	*prec = p;
	return k > 0;
}

/* "HH[:MM[:SS[.fff]]]" as milliseconds into the day and a precision.
 * Minutes are required for a time of day: a lone "08" reads as nothing. */
static bool take_clock(struct cursor *c, bool need_minutes, int64_t *ms,
                       int64_t *prec, struct filter_when *w)
{
	int h, mi = 0, sec = 0;
	int64_t frac = 0;
	if (!take_num(c, 2, &h))
		return false;
	*prec = MS_HOUR;
	if (take(c, ':')) {
		if (!take_num(c, 2, &mi))
			return false;
		*prec = MS_MINUTE;
		if (take(c, ':')) {
			if (!take_num(c, 2, &sec))
				return false;
			*prec = MS_SECOND;
			if (take(c, '.') && !take_fraction(c, &frac, prec))
				return false;
		}
	} else if (need_minutes) {
		return false;
	}
	if (h > 23)
		w->expect = N_("an hour from 00 to 23");
	else if (mi > 59)
		w->expect = N_("minutes from 00 to 59");
	else if (sec > 59)
		w->expect = N_("seconds from 00 to 59");
	*ms = h * MS_HOUR + mi * MS_MINUTE + sec * MS_SECOND + frac;
	return h <= 23 && mi <= 59 && sec <= 59;
}

/* Nothing, "Z", or "+HH:MM" / "+HHMM" (also '-'), then the end.  The
 * result is the zone's offset from UTC. */
static bool take_zone(struct cursor *c, int64_t *offset, struct filter_when *w)
{
	char sign = c->s[c->i];
	int h, m;
	*offset = 0;
	if (sign == '\0')
		return true;
	if (sign == 'Z' || sign == 'z')
		return c->s[c->i + 1] == '\0';
	if (sign != '+' && sign != '-')
		return false;
	c->i++;
	if (!take_num(c, 2, &h))
		return false;
	take(c, ':');
	if (!take_num(c, 2, &m) || c->s[c->i] != '\0')
		return false;
	if (h > 23 || m > 59) {
		w->expect = N_("a time zone offset from -23:59 to +23:59");
		return false;
	}
	*offset = (sign == '-' ? -1 : 1) * (h * MS_HOUR + m * MS_MINUTE);
	return true;
}

/* "YYYY-MM-DD[THH[:MM[:SS[.fff]]][zone]]": the interval the written
 * precision spans, converted to UTC. */
static bool parse_iso(const char *s, struct filter_when *w)
{
	struct cursor c = {s, 0};
	int y, mo, d;
	int64_t clock = 0, prec = MS_DAY, offset = 0;
	if (!take_num(&c, 4, &y) || !take(&c, '-') || !take_num(&c, 2, &mo) ||
	    !take(&c, '-') || !take_num(&c, 2, &d))
		return false;
	if (mo < 1 || mo > 12) {
		w->expect = N_("a month from 01 to 12");
		return false;
	}
	if (d < 1 || d > calendar_days_in_month(y, mo)) {
		w->expect = N_("a day that exists in that month");
		return false;
	}
	if (s[c.i] != '\0') {
		if (!take(&c, 'T') && !take(&c, 't'))
			return false;
		if (!take_clock(&c, false, &clock, &prec, w) ||
		    !take_zone(&c, &offset, w))
			return false;
	}
	w->lo = calendar_days_from_civil(y, mo, d) * MS_DAY + clock - offset;
	w->hi = w->lo + prec;
	return true;
}

/* "HH:MM[:SS[.fff]][zone]": the latest such moment at or before `now`
 * ("since:23:00" typed at 01:00 means two hours ago, not in 22 hours). */
static bool parse_time_of_day(const char *s, int64_t now, struct filter_when *w)
{
	struct cursor c = {s, 0};
	int64_t clock, prec, offset;
	if (!take_clock(&c, true, &clock, &prec, w) ||
	    !take_zone(&c, &offset, w))
		return false;
	int64_t back = floor_mod(floor_mod(now, MS_DAY) - (clock - offset),
	                         MS_DAY);
	w->lo = now - back;
	w->hi = w->lo + prec;
	return true;
}

/* "N" + s|m|h|d|w: the instant that long before `now`.  Units are lower
 * case only: "M" could as well mean months. */
static bool parse_age(const char *s, int64_t now, struct filter_when *w)
{
	int64_t n = 0, unit;
	size_t i = 0;
	for (; filter_is_digit(s[i]); i++)
		if (n <= AGE_MAX_MS) /* past it, stop before overflowing */
			n = n * 10 + (s[i] - '0');
	switch (s[i]) {
	case 's': unit = MS_SECOND; break;
	case 'm': unit = MS_MINUTE; break;
	case 'h': unit = MS_HOUR; break;
	case 'd': unit = MS_DAY; break;
	case 'w': unit = MS_WEEK; break;
	default: return false;
	}
	if (s[i + 1] != '\0')
		return false;
	if (n > AGE_MAX_MS / unit) {
		w->expect = N_("an age shorter than 10000 years");
		return false;
	}
	w->lo = w->hi = now - n * unit;
	return true;
}

/* Dispatches on the shape of the leading digits. */
bool filter_time_parse(const char *s, int64_t now, struct filter_when *w)
{
	size_t nd = 0;
	while (filter_is_digit(s[nd]))
		nd++;
	w->expect = time_syntax;
	if (nd == 4 && s[4] == '-')
		return parse_iso(s, w);
	if (nd == 2 && s[2] == ':')
		return parse_time_of_day(s, now, w);
	if (nd > 0)
		return parse_age(s, now, w);
	return false;
}
