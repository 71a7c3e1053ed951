/* civil.c - UTC calendar arithmetic and CloudTrail's time formats (see
 * civil.h).  The day conversions are Howard Hinnant's public-domain
 * days_from_civil / civil_from_days. */
#include <config.h>

#include "gen/civil.h"
#include "util/calendar.h"

#include <string.h>

int64_t civil_to_epoch(int year, int month, int day, int hour, int min,
                       int sec)
{
	return calendar_days_from_civil(year, month, day) * 86400 + hour * 3600 +
	       min * 60 + sec;
}

void civil_from_epoch(int64_t t, struct civil *c)
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t secs = t - days * 86400;
	c->hour = (int)(secs / 3600);
	c->min = (int)(secs / 60 % 60);
	c->sec = (int)(secs % 60);
	c->wday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	c->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	c->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	c->year = (int)(yoe + era * 400 + (c->month <= 2));
}

/* Writes n decimal digits of v (zero-padded) and returns the end. */
static char *digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

void civil_iso(char out[24], int64_t t)
{
	struct civil c;
	civil_from_epoch(t, &c);
	char *p = digits(out, c.year, 4);
	*p++ = '-';
	p = digits(p, c.month, 2);
	*p++ = '-';
	p = digits(p, c.day, 2);
	*p++ = 'T';
	p = digits(p, c.hour, 2);
	*p++ = ':';
	p = digits(p, c.min, 2);
	*p++ = ':';
	p = digits(p, c.sec, 2);
	*p++ = 'Z';
	*p = '\0';
}

static char *stamp(char *out, const struct civil *c)
{
	char *p = digits(out, c->year, 4);
	p = digits(p, c->month, 2);
	p = digits(p, c->day, 2);
	*p++ = 'T';
	p = digits(p, c->hour, 2);
	return digits(p, c->min, 2);
}

void civil_stamp_min(char out[16], int64_t t)
{
	struct civil c;
	civil_from_epoch(t, &c);
	char *p = stamp(out, &c);
	*p++ = 'Z';
	*p = '\0';
}

void civil_stamp_sec(char out[20], int64_t t)
{
	struct civil c;
	civil_from_epoch(t, &c);
	char *p = digits(stamp(out, &c), c.sec, 2);
	*p++ = 'Z';
	*p = '\0';
}

void civil_folders(char out[16], int64_t t)
{
	struct civil c;
	civil_from_epoch(t, &c);
	char *p = digits(out, c.year, 4);
	*p++ = '/';
	p = digits(p, c.month, 2);
	*p++ = '/';
	p = digits(p, c.day, 2);
	*p = '\0';
}

int civil_aws_date(char out[40], int64_t t)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	struct civil c;
	civil_from_epoch(t, &c);
	char *p = out;
	memcpy(p, months + 3 * (c.month - 1), 3);
	p += 3;
	*p++ = ' ';
	p = digits(p, c.day, c.day >= 10 ? 2 : 1);
	memcpy(p, ", ", 2);
	p = digits(p + 2, c.year, 4);
	memcpy(p, ", ", 2);
	p += 2;
	int h12 = c.hour % 12 ? c.hour % 12 : 12;
	p = digits(p, h12, h12 >= 10 ? 2 : 1);
	*p++ = ':';
	p = digits(p, c.min, 2);
	*p++ = ':';
	p = digits(p, c.sec, 2);
	memcpy(p, c.hour < 12 ? " AM" : " PM", 3);
	p += 3;
	*p = '\0';
	return (int)(p - out);
}

/* Reads exactly n digits at *s; -1 when they are not all digits. */
static int read_digits(const char **s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char ch = (*s)[i];
		if (ch < '0' || ch > '9')
			return -1;
		v = v * 10 + (ch - '0');
	}
	*s += n;
	return v;
}


/* "THH:MM[:SS]" after the date; h/m/s stay 0 when absent. */
static int parse_clock(const char **s, int *h, int *m, int *sec)
{
	if (**s != 'T' && **s != 't' && **s != ' ')
		return 0;
	(*s)++;
	*h = read_digits(s, 2);
	if (*h < 0 || *(*s)++ != ':' || (*m = read_digits(s, 2)) < 0)
		return -1;
	if (**s == ':') {
		(*s)++;
		if ((*sec = read_digits(s, 2)) < 0)
			return -1;
	}
	return *h < 24 && *m < 60 && *sec < 60 ? 0 : -1;
}

int civil_parse(const char *text, int64_t *out)
{
	const char *s = text;
	int y = read_digits(&s, 4), mo, d, h = 0, mi = 0, sec = 0;
	if (y < 0 || *s++ != '-' || (mo = read_digits(&s, 2)) < 0 ||
	    *s++ != '-' || (d = read_digits(&s, 2)) < 0)
		return -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 ||
	    d > calendar_days_in_month(y, mo))
		return -1;
	if (parse_clock(&s, &h, &mi, &sec) < 0)
		return -1;
	if (*s == 'Z' || *s == 'z')
		s++;
	if (*s)
		return -1;
	*out = civil_to_epoch(y, mo, d, h, mi, sec);
	return 0;
}
