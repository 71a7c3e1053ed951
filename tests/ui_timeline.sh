#!/bin/sh
# ui_timeline.sh - the timeline through tmux: events without a usable
# time kept out of its span and counted apart, and bars and errors drawn
# readably without colour.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
. "$src/tests/tap.sh"
. "$src/tests/ui_lib.sh"

echo "1..4"

# The fixture's six events (08:00 to 13:00 on 2024-05-01) and two whose
# eventTime is null or not a time: the import stores those as 0 (1970).
undated="$tmp/undated/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01"
mkdir -p "$undated"
{
	printf '{"Records":['
	record u1 x eu-west-1 ec2 DescribeInstances alice true |
		sed 's/"eventTime":"x"/"eventTime":null/'
	printf ','
	record u2 "yesterday at noon" eu-west-1 ec2 DescribeVolumes alice true
	printf ']}'
} >"$undated/u.json"
cp "$db" "$tmp/mixed.db"
"$tn" import -q --db "$tmp/mixed.db" "$tmp/undated"

# The span is the dated events': 5m a column as without the undated
# ones (not 30 days from 1970), which the title counts; - zooms out.
ui_start -- --db "$tmp/mixed.db"
{ wait_for "8 of 8 events" &&
  wait_for "Timeline  5m per column, 2 undated   selected 2024-05-01 13:00 to 13:05" &&
  ! grep -qF "1970" "$tmp/out" && [ "$(grep -c "(no time)  *Describe" "$tmp/out")" = 2 ] &&
  keys - &&
  wait_for "Timeline  15m per column, 2 undated"; }
ok $? "undated events: the timeline spans the dated ones, counts the rest; the list says (no time)"

# until: and since: both leave them out: an event of no known time is not
# known to be before a time, nor after one.
keys /
wait_for "Filter:" >/dev/null
keys C-u "until:2024-05-01T08:30:00Z" Enter
{ wait_for "1 of 8 events" && ! grep -qF "undated" "$tmp/out" &&
  keys / && wait_for "Filter:" && keys C-u "since:2024-05-01T07:00:00Z" Enter &&
  wait_for "6 of 8 events" && ! grep -qF "undated" "$tmp/out"; }
ok $? "until: and since: leave undated events out"

# Without colour the bars stay whole and the errors have their own row:
# each of the six events' buckets is a full bar on the lower row, and
# only CreateUser's (10:00, AccessDenied) has a '!' above it.  A '!' used
# to replace the bar of every bucket with an error.
count() { # TEXT LINE: how many times TEXT is on screen line LINE
	sed -n "${2}p" "$tmp/out" | grep -oF -- "$1" | wc -l
}
ui_start NO_COLOR=1 -- --db "$db"
{ wait_for "6 of 6 events" && wait_for "selected 2024-05-01 13:00" &&
  [ "$(count '█' 3)" -eq 6 ] && [ "$(count '!' 3)" -eq 0 ] &&
  [ "$(count '!' 2)" -eq 1 ] && [ "$(count '█' 2)" -eq 0 ] &&
  python3 -c '
import sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
bars = [i for i, ch in enumerate(rows[2]) if ch == "\u2588"]
sys.exit(0 if rows[1].index("!") == bars[2] else 1)' "$tmp/out"; }
ok $? "NO_COLOR: the bars stay whole; a '!' row above marks the buckets with errors"

# A span longer than the widest columns show (an event ten years before
# the fixture's): the newest part is in view and the cursor on the newest
# bucket, which holds the fixture's six events; it used to sit on an empty
# column years before them, the newest ones off the screen.
old="$tmp/old/AWSLogs/111122223333/CloudTrail/eu-west-1/2014/05/01"
mkdir -p "$old"
printf '{"Records":[%s]}' \
	"$(record o1 2014-05-01T10:00:00Z eu-west-1 ec2 DescribeRegions alice true)" \
	>"$old/o.json"
cp "$db" "$tmp/decade.db"
"$tn" import -q --db "$tmp/decade.db" "$tmp/old"
ui_start -- --db "$tmp/decade.db"
{ wait_for "7 of 7 events" &&
  wait_for "Timeline  30d per column   selected 2024-0" &&
  grep -q "selected 2024-0[45]-[0-9: -]* to 2024-0[56]-[0-9: ]* UTC: 6 events, 1 error" "$tmp/out"; }
ok $? "a decade of events: the newest in view, the cursor on their bucket"

[ $failed -eq 0 ]
