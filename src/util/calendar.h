/* calendar.h - proleptic Gregorian calendar arithmetic in UTC.
 *
 * Our own, so that neither timegm() nor the TZ variable can change what a
 * time in a record, a filter or a generated trail means.  The day count is
 * Howard Hinnant's public-domain days_from_civil.
 */
#ifndef TRAILNAV_CALENDAR_H
#define TRAILNAV_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

bool calendar_is_leap(int64_t year);
/* Days in month `m` (1-12) of `year`. */
int calendar_days_in_month(int64_t year, int m);
/* Days from 1970-01-01 to the date (negative before it). */
int64_t calendar_days_from_civil(int64_t year, int m, int d);

#endif
