/* civil.h - UTC calendar arithmetic and the time formats CloudTrail
 * writes.  Pure integer code: no gmtime(), no time zone, no locale, so
 * every machine formats the same instant the same way.
 */
#ifndef TRAILNAV_GEN_CIVIL_H
#define TRAILNAV_GEN_CIVIL_H

#include <stdint.h>

struct civil {
	int year, month, day; /* month 1-12, day 1-31 */
	int hour, min, sec;
	int wday; /* 0 = Sunday */
};

/* Seconds since 1970-01-01T00:00:00Z for a date and time (no checks). */
int64_t civil_to_epoch(int year, int month, int day, int hour, int min,
                       int sec);
void civil_from_epoch(int64_t t, struct civil *c);

/* "2024-05-01T08:54:59Z" (20 characters and a NUL). */
void civil_iso(char out[24], int64_t t);
/* "20240501T0854Z", the delivery time in a log file's name. */
void civil_stamp_min(char out[16], int64_t t);
/* "20240501T085459Z", a digest file's end time. */
void civil_stamp_sec(char out[20], int64_t t);
/* "2024/05/01", the folders of a key. */
void civil_folders(char out[16], int64_t t);
/* "May 1, 2024, 8:54:59 AM", as IAM and STS write dates in responses.
 * Returns the length. */
int civil_aws_date(char out[40], int64_t t);

/* Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" (a space
 * may replace the T, a trailing Z is allowed), always UTC.  Returns 0, or
 * -1 when the text is not such a time or names no real date. */
int civil_parse(const char *text, int64_t *out);

#endif
