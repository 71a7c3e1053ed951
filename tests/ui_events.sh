#!/bin/sh
# ui_events.sh - moving through events in the browser, through tmux:
# list order, the detail pane (pretty record, summary, folding), hostile
# record text, pivots and back, the timeline, live updates from another
# import, and `trailnav PATH` importing then browsing.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
. "$src/tests/tap.sh"
. "$src/tests/ui_lib.sh"

echo "1..20"

# line_of TEXT: the screen line number of the first line holding TEXT.
line_of() {
	grep -nF -- "$1" "$tmp/out" | head -n 1 | cut -d: -f1
}

ui_start -- --db "$db"
wait_for "6 of 6 events" >/dev/null
a=$(line_of "05-01 13:00:00")
b=$(line_of "05-01 08:00:00")
keys r
wait_for "oldest first" >/dev/null
c=$(line_of "05-01 13:00:00")
d=$(line_of "05-01 08:00:00")
{ [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] && [ "$d" -lt "$c" ] &&
  [ "$d" -eq "$a" ]; }
ok $? "newest first, and r reverses (rows $a<$b, then $d<$c)"

# The oldest event (first now) in the detail: the summary line says what
# it acted on; the record is indented.
{ wait_for "Detail: RunInstances: instance i-0abc" &&
  grep -qF '   "eventName": "RunInstances",' "$tmp/out" &&
  grep -qF '     "accessKeyId": "AKIAalice",' "$tmp/out"; }
ok $? "the detail: the original record pretty-printed under its summary"

# Fold userIdentity (line 7 of the record, counting from 0) and unfold it.
keys Enter j j j j j j j
keys z
{ wait_for '"userIdentity": { 6 keys },' && ! grep -qF '"accessKeyId"' "$tmp/out" &&
  keys z && wait_for '"accessKeyId": "AKIAalice",'; }
ok $? "z folds and unfolds an object in the detail"

# Pivot: on the access key, f filters to it; b goes back.
keys j j j j j f
{ wait_for "filter: key:AKIAalice" && wait_for "2 of 6 events" &&
  grep -qF "StopLogging" "$tmp/out" && ! grep -qF "CreateUser" "$tmp/out"; }
ok $? "f on the access key: everything that key did"
keys b
{ wait_for "6 of 6 events" && grep -qF "filter: (none: every event)" "$tmp/out"; }
ok $? "b goes back to the filter before"

# Hostile text: escapes shown, never sent (the pane title and the bell
# would betray them); wide characters keep the columns aligned.
keys Escape r
wait_for "newest first" >/dev/null
keys j
wait_for "Detail: GetCallerIdentity" >/dev/null
keys Tab
for _ in $(seq 1 20); do keys j; done
{ wait_for '"userAgent": "evil\e]0;pwned\a\e[31mred"' &&
  [ "$(tmux -S "$sock" display -p '#{pane_title}')" != pwned ] &&
  [ "$(tmux -S "$sock" display -p '#{window_bell_flag}')" = 0 ]; }
ok $? "ESC, BEL and OSC in a record are shown escaped, never sent"
# The display column where the source IP starts, on the wide-character
# row and on another row.
cols=$(python3 -c '
import sys, unicodedata
def col(line, s):
    i = line.find(s)
    pre = line[:i]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in pre)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
a = [l for l in lines if "GetCallerIdentity" in l and "203.0.113.66" in l][0]
b = [l for l in lines if "ConsoleLogin" in l and "192.0.2.1" in l][0]
print(col(a, "203.0.113.66"), col(b, "192.0.2.1"))' "$tmp/out")
set -- $cols
{ [ $# -eq 2 ] && [ "$1" = "$2" ]; }
ok $? "wide characters measured by display width: columns aligned ($cols)"

# The timeline: five hours at 5m a column, the newest bucket selected;
# Enter narrows the filter to it.
keys Escape Tab Tab
{ wait_for "▶ Timeline  5m per column" && grep -qF "selected 2024-05-01 13:00 to 13:05" "$tmp/out" &&
  keys h && wait_for "selected 2024-05-01 12:55 to 13:00 UTC: 0 events" &&
  keys Right Enter &&
  wait_for "filter: since:2024-05-01T13:00:00Z until:2024-05-01T13:04:59Z" &&
  wait_for "1 of 6 events"; }
ok $? "timeline: move between buckets, Enter narrows the time range"

# Zoom keeps the selected moment under the cursor.
keys b
{ wait_for "6 of 6 events" && wait_for "5m per column" && keys + &&
  wait_for "selected 2024-05-01 13:00 to 13:01 UTC: 1 event" && keys - - &&
  wait_for "Timeline  15m per column" &&
  wait_for "selected 2024-05-01 13:00 to 13:15 UTC: 1 event"; }
ok $? "timeline: + and - zoom in and out around the selected bucket"

# Home and End go to the first and the last bucket with events, not
# decades away; Left, Right and panning stop at the ends.
{ keys End && wait_for "selected 2024-05-01 13:00 to 13:15 UTC: 1 event" &&
  keys Right Right l && sleep 0.3 &&
  wait_for "selected 2024-05-01 13:00 to 13:15 UTC: 1 event" &&
  keys Home && wait_for "selected 2024-05-01 08:00 to 08:15 UTC: 1 event" &&
  keys Left h && sleep 0.3 &&
  wait_for "selected 2024-05-01 08:00 to 08:15 UTC: 1 event" &&
  keys '<' '<' && sleep 0.3 &&
  wait_for "selected 2024-05-01 08:00 to 08:15 UTC: 1 event" &&
  keys '>' '>' '>' '>' && sleep 0.3 && settled &&
  grep -qE "selected 2024-05-01 (0[89]|1[0-3]):" "$tmp/out" &&
  keys G && wait_for "selected 2024-05-01 13:00 to 13:15 UTC: 1 event" &&
  keys g && wait_for "selected 2024-05-01 08:00 to 08:15 UTC: 1 event"; }
ok $? "timeline: Home and End go to the first and last events; the keys stop there"

# Live: another import adds two newer events; they appear, and the cursor
# stays on the event it was on.
keys b
wait_for "6 of 6 events" >/dev/null
keys Escape j j
wait_for "Detail: StopLogging" >/dev/null
import_more "$db" eu-west-1 n1 2024-05-01T14:00:00Z RebootInstances \
	n2 2024-05-01T15:00:00Z StopInstances
{ wait_for "8 of 8 events" 5 && grep -qF "RebootInstances" "$tmp/out" &&
  grep -qF "Detail: StopLogging" "$tmp/out" && keys j &&
  wait_for "Detail: CreateUser"; }
ok $? "events imported meanwhile show up; the cursor stays on its event"

# The mouse (xterm SGR reports, as a terminal sends them; 1-based).
# A click is a press and a release; the wheel (64 up, 65 down) only
# presses.
click() { # BUTTON X Y
	seq=$(printf '\033[<%d;%d;%dM' "$1" "$2" "$3")
	[ "$1" -lt 64 ] && seq="$seq$(printf '\033[<%d;%d;%dm' "$1" "$2" "$3")"
	tmux -S "$sock" send-keys -l "$seq"
}
ui_start -- --db "$db"
wait_for "8 of 8 events" >/dev/null
# The sixth row of the list (screen row 10) is CreateUser; three rows
# down the wheel stops at the last, RunInstances.
click 0 40 10
{ wait_for "Detail: CreateUser" && click 65 40 10 && wait_for "Detail: RunInstances"; }
ok $? "mouse: a click selects a row, the wheel scrolls"
# The filter pane's "Data" value is on screen row 7.
click 0 5 7
{ wait_for "filter: cat:data" && wait_for "1 of 8 events"; }
ok $? "mouse: a click on a filter value toggles it"

# Paging through more events than a screen: keyset pages both ways.
"$tn" generate --events 300 --seed 3 "$tmp/gen" >/dev/null 2>&1
"$tn" import -q --db "$tmp/gen.db" "$tmp/gen"
span=$("$tn" --db "$tmp/gen.db" stats | sed -n 's/^Time span: \(.*\) UTC$/\1/p')
oldest=$(echo "$span" | sed 's/^[0-9]*-\(.....\) \(........\) to .*/\1 \2/')
newest=$(echo "$span" | sed 's/.* to [0-9]*-\(.....\) \(........\)$/\1 \2/')
first_row() { sed -n 5p "$tmp/out"; }
ui_start -- --db "$tmp/gen.db"
{ [ -n "$oldest" ] && [ -n "$newest" ] && [ "$oldest" != "$newest" ] &&
  wait_for "300 of 300 events" && first_row | grep -qF "$newest" &&
  for _ in $(seq 1 40); do keys NPage; done &&
  wait_for "$oldest" && keys PPage PPage PPage Home && wait_for "$newest" &&
  first_row | grep -qF "$newest"; }
ok $? "PgDn pages down to the oldest event ($oldest), Home back to the newest"
{ keys End && wait_for "$oldest" && ! grep -qF "$newest" "$tmp/out" &&
  for _ in $(seq 1 40); do keys PPage; done && wait_for "$newest" &&
  first_row | grep -qF "$newest"; }
ok $? "End, then PgUp pages back up to the newest"

# t: local time (a POSIX TZ, so no time zone files are needed), and back.
ui_start TZ=JST-9 -- --db "$db"
{ wait_for "05-01 15:00:00 StopInstances" && keys t &&
  wait_for "TIME (local)" && grep -qF "05-02 00:00:00 StopInstances" "$tmp/out" &&
  keys t && wait_for "TIME (UTC)"; }
ok $? "t shows local times, and UTC again"

# A line longer than the detail pane (G brings it on screen): Right
# scrolls it sideways until its end shows (and no further than that), Left
# scrolls back; the title says where the view starts.
one_record_db long l1 PutRolePolicy alice \
	",\"requestParameters\":{\"policyDocument\":\"START-$(printf '%0150d' 0)-THE-END\"}"
ui_start -- --db "$tmp/long.db"
{ wait_for "1 of 1 events" && keys Tab G && wait_for '"START-000' &&
  ! grep -qF 'THE-END' "$tmp/out" &&
  keys Right Right Right Right Right Right Right Right Right Right &&
  wait_for '-THE-END"' && grep -qF "Detail (from column" "$tmp/out" &&
  ! grep -qF '"START-000' "$tmp/out" &&
  keys Left Left Left Left Left Left Left Left Left Left Left &&
  wait_for '"START-000' && ! grep -qF "Detail (from column" "$tmp/out"; }
ok $? "Right and Left scroll a long detail line sideways, and back"

# A NUL and the characters that reorder or break text (U+202E, U+2066,
# U+2028) are drawn escaped, in the detail and the list (the error
# column): none reaches the terminal raw.  A NUL used to
# show as \x01, and the others went to the terminal, where U+202E drew
# "evil{txt.exe" as "evilexe.txt{".
one_record_db odd o1 GetUser alice \
	',"userAgent":"nul\u0000inside","errorCode":"Denied\u202e{txt.exe","requestParameters":{"a":"x\u2066y\u2028z"}'
ui_start -- --db "$tmp/odd.db"
{ wait_for "1 of 1 events" && keys Tab G && wait_for '"userAgent": "nul\u0000inside"' &&
  grep -qF '"errorCode": "Denied\u202e{txt.exe"' "$tmp/out" &&
  grep -qF '"a": "x\u2066y\u2028z"' "$tmp/out" &&
  ! grep -q "$(printf '\342\200\256')" "$tmp/out" &&
  ! grep -q "$(printf '\342\200\250')" "$tmp/out"; }
ok $? "NUL, U+202E and U+2028 in a record are drawn escaped (\\u0000, \\u202e)"

# The invisible format characters (Unicode category Cf) are escaped the
# same way: a zero width space makes "ad\u200bmin" pass for admin in a
# user name and an ARN; soft hyphen, word joiner, BOM, U+180E and a tag
# character (U+E0041, as its two JSON surrogates) hide in other values.
# They used to reach the terminal raw, where they show as nothing.
one_record_db cf c1 GetUser 'ad\u200bmin' \
	',"userAgent":"a\u00adb\u2060c\ufeffd\u180ee\u200cf\u200dg","errorCode":"Denied\udb40\udc41"'
ui_start -- --db "$tmp/cf.db"
{ wait_for "1 of 1 events" && wait_for '"userName": "ad\u200bmin"' &&
  grep -qF '"arn": "arn:aws:iam::111122223333:user/ad\u200bmin"' "$tmp/out" &&
  grep -qF ' ad\u200b' "$tmp/out" && cp "$tmp/out" "$tmp/top" &&
  keys Tab G && wait_for '"userAgent": "a\u00adb\u2060c\ufeffd\u180ee\u200cf\u200dg"' &&
  grep -qF '"errorCode": "Denied\udb40\udc41"' "$tmp/out" &&
  ! cat "$tmp/top" "$tmp/out" | grep -q "$(printf '\342\200\213\\|\302\255\\|\342\201\240\\|\357\273\277\\|\363\240\201\201')"; }
ok $? "zero width and other format characters in a record are drawn escaped (\\u200b, \\ufeff)"

# trailnav PATH on a terminal: imports, then browses.
ui_start -- --db "$tmp/fresh.db" "$trail"
{ wait_for "6 of 6 events" && keys q && wait_for "EXITED:0"; }
ok $? "trailnav PATH imports, then browses; q quits with status 0"

[ $failed -eq 0 ]
