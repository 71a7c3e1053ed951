#!/bin/sh
# ui_export.sh - the browser's keys to the command-line answers, through
# tmux: `e` writes the filter's events to a file (compared with `trailnav
# query`), Esc writes nothing, an existing file is replaced only after
# y; `y` shows the equivalent queries and `c` copies one through OSC 52
# (tmux, with set-clipboard on, keeps it as a paste buffer).  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
. "$src/tests/tap.sh"
. "$src/tests/ui_lib.sh"

echo "1..15"

# filter TEXT: types TEXT as the filter (the / line).
filter() {
	keys /
	wait_for "Enter applies" >/dev/null
	keys C-u
	tmux -S "$sock" send-keys -l "$1"
	keys Enter
}

# path TEXT: replaces the export dialog's path with TEXT.
path() {
	keys C-e C-u
	tmux -S "$sock" send-keys -l "$1"
}

ui_start -- --db "$db"
wait_for "6 of 6 events" >/dev/null
filter "region:eu-west-1"
want=$("$tn" query --db "$db" --format ndjson region:eu-west-1 | wc -l)
out="$tmp/out dir/eu.ndjson"
mkdir -p "$tmp/out dir"
{ wait_for "3 of 6 events" && keys e &&
  wait_for "Export the 3 events of this filter" &&
  grep -qF "[csv]" "$tmp/out" && grep -qF "./trailnav-export.csv" "$tmp/out" &&
  keys Tab Tab && wait_for "[ndjson]" &&
  grep -qF "./trailnav-export.ndjson" "$tmp/out"; }
ok $? "e asks for the format and the path; the default path follows the format"

{ path "$out" && keys Enter && wait_for "wrote 3 events to" &&
  grep -qF "eu.ndjson" "$tmp/out" && [ -f "$out" ] && [ "$want" -eq 3 ] &&
  [ "$(wc -l <"$out")" -eq "$want" ]; }
ok $? "Enter writes every event of the filter: $want lines, and the status line says so"

"$tn" query --db "$db" --format ndjson region:eu-west-1 >"$tmp/want.ndjson"
cmp -s "$out" "$tmp/want.ndjson"
ok $? "the file is what 'trailnav query --format ndjson' prints, byte for byte"

# Esc cancels: nothing written.
{ keys e && wait_for "Export the 3 events" && path "$tmp/never.csv" &&
  keys Escape && wait_for "export cancelled" && [ ! -e "$tmp/never.csv" ]; }
ok $? "Esc cancels and writes nothing"

# An existing file: n keeps it, y replaces it.
echo old >"$out"
{ keys e && wait_for "Export the 3 events" && path "$out" && keys Enter &&
  wait_for "exists. Replace it? (y/n)" && keys n &&
  wait_for "not replaced" && [ "$(cat "$out")" = old ] &&
  keys Enter && wait_for "Replace it? (y/n)" && keys y &&
  wait_for "wrote 3 events to" && cmp -s "$out" "$tmp/want.ndjson"; }
ok $? "an existing file: n keeps it, y replaces it"

# CSV: a header and a line per event, as query writes it.
"$tn" query --db "$db" --format csv region:eu-west-1 >"$tmp/want.csv"
{ keys Escape e && wait_for "[ndjson]" && keys Up Up &&
  wait_for "[csv]" && path "$tmp/eu.csv" && keys Enter &&
  wait_for "wrote 3 events to" && cmp -s "$tmp/eu.csv" "$tmp/want.csv"; }
ok $? "e in CSV writes what 'trailnav query --format csv' prints"

# A path it cannot write: the reason, and nothing else happens.
{ keys e && wait_for "Export the 3 events" && path "$tmp/no/such/dir/x.csv" &&
  keys Enter && wait_for "cannot write" && grep -qF "x.csv: No such" "$tmp/out" &&
  [ ! -e "$tmp/no" ]; }
ok $? "an unwritable path: the status line says why"

# A path past 1024 bytes is kept whole: the file is the one typed (four
# directories of 240 characters, then a long name across the 1024th
# byte, where the dialog used to stop taking keys and wrote to
# ".../trailnav-export-with-a-lo" instead).
dir="$tmp/long"
for _ in 1 2 3 4; do
	dir="$dir/$(printf '%0240d' 0 | tr 0 d)"
done
mkdir -p "$dir"
long="$dir/trailnav-export-with-a-long-name-past-the-1024th-byte.csv"
{ [ ${#long} -gt 1030 ] && keys e && wait_for "Export the 3 events" &&
  path "$long" && keys Enter && wait_for "wrote 3 events to" &&
  [ -f "$long" ] && cmp -s "$long" "$tmp/want.csv" &&
  [ "$(ls "$dir" | wc -l)" -eq 1 ]; }
ok $? "a path of ${#long} bytes is kept whole: the file written is the one typed"

# Past what the system takes (PATH_MAX, 4096 bytes): refused, saying so,
# with the path kept for editing; nothing is written.
huge="$tmp/$(printf '%04200d' 0 | tr 0 h).csv"
{ keys e && wait_for "Export the 3 events" && path "$huge" && keys Enter &&
  wait_for "the path is too long" && grep -qF "4,2" "$tmp/out" &&
  grep -qF "Path:" "$tmp/out" && keys Escape &&
  [ "$(ls "$tmp" | grep -c '^hhhh')" -eq 0 ]; }
ok $? "a path past 4096 bytes is refused with a clear message"

# y: the equivalent queries; Tab goes from Athena to Lake to the CLI.
ui_start -- --db "$db"
tmux -S "$sock" set -g set-clipboard on
wait_for "6 of 6 events" >/dev/null
filter "event:StopLogging"
{ wait_for "1 of 6 events" && keys y && wait_for "[Athena]" &&
  grep -qF "FROM cloudtrail_logs_pp" "$tmp/out" &&
  grep -qF "lower(eventname) = 'stoplogging'" "$tmp/out" &&
  grep -qF -- "-- no time bound: Athena reads every partition" "$tmp/out" &&
  keys Tab && wait_for "[CloudTrail Lake]" &&
  grep -qF "FROM <event-data-store-id>" "$tmp/out" &&
  keys Tab && wait_for "[AWS CLI]" &&
  grep -qF "aws cloudtrail lookup-events" "$tmp/out" &&
  grep -qF "AttributeKey=EventName,AttributeValue=StopLogging" "$tmp/out" &&
  grep -qF "# lookup-events sees the last 90 days" "$tmp/out"; }
ok $? "y shows the Athena, Lake and CLI queries with what they cannot express"

# c: an OSC 52 sequence, which tmux (set-clipboard on) turns into a paste
# buffer holding the query exactly.
"$tn" equivalent --for cli event:StopLogging >"$tmp/want.cli" 2>/dev/null
{ keys c && wait_for "copied to the clipboard (OSC 52)" &&
  tmux -S "$sock" show-buffer >"$tmp/got.cli" &&
  [ "$(cat "$tmp/got.cli")" = "$(cat "$tmp/want.cli")" ] &&
  [ "$(tmux -S "$sock" list-buffers | wc -l)" -eq 1 ]; }
ok $? "c copies the shown query through OSC 52 (a tmux buffer, once)"
keys Escape
wait_gone "[AWS CLI]" >/dev/null

# A filter with control characters (a pivot on the hostile user agent):
# the query writes them as chr(N) (equivalent's SQL literals), so it holds
# none itself: shown as it is, and copied inert.  The view is still on
# the CLI target, which cannot use the agent: Tab to Athena, whose query
# holds it.
tmux -S "$sock" delete-buffer 2>/dev/null
filter "event:GetCallerIdentity"
sql="lower(useragent) = ('evil' || chr(27) || ']0;pwned' || chr(7) || chr(27) || '[31mred')"
{ wait_for "1 of 6 events" && keys Tab && wait_for "Detail: GetCallerIdentity" &&
  keys G k && wait_for '"userAgent": "evil\e]0;pwned' && keys f &&
  wait_for "filter: event:GetCallerIdentity agent:" && keys y Tab &&
  wait_for "[Athena]" && grep -qF "$sql" "$tmp/out" &&
  [ "$(tmux -S "$sock" display -p '#{pane_title}')" != pwned ] &&
  keys c && wait_for "copied to the clipboard (OSC 52)" &&
  tmux -S "$sock" show-buffer >"$tmp/got.sql" && grep -qF "$sql" "$tmp/got.sql" &&
  ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/got.sql"; }
ok $? "a query from control characters writes them as chr(): shown and copied inert"

# Both keys are in the help, which is made from the key table.
keys Escape
{ wait_gone "[Athena]" && keys '?' && wait_for "trailnav keys" &&
  grep -qF "export the filter's events to a file" "$tmp/out" &&
  grep -qF "the filter as an Athena, CloudTrail Lake or AWS CLI query" "$tmp/out"; }
ok $? "? lists e and y"

# What is shown is what is copied: a backslash in the query (LIKE's
# ESCAPE '\') is shown once, as c copies it, not doubled.
ui_start -- --db "$db"
tmux -S "$sock" set -g set-clipboard on
wait_for "6 of 6 events" >/dev/null
filter "event:Get*"
"$tn" equivalent --for athena 'event:Get*' >"$tmp/want.athena" 2>/dev/null
{ wait_for "2 of 6 events" && keys y && wait_for "[Athena]" &&
  shown=$(grep -F "ESCAPE" "$tmp/out" | sed 's/^ *//; s/ *$//') &&
  [ "$shown" = "WHERE (lower(eventname) LIKE 'get%' ESCAPE '\')" ] &&
  keys c && wait_for "copied to the clipboard (OSC 52)" &&
  tmux -S "$sock" show-buffer >"$tmp/got.athena" &&
  grep -qxF "$shown" "$tmp/got.athena" &&
  [ "$(cat "$tmp/got.athena")" = "$(cat "$tmp/want.athena")" ]; }
ok $? "y: a backslash is shown as it is copied (ESCAPE '\\')"

# A long query at 80x24 scrolls: "(more below)" until End shows its end.
W=80 H=24 ui_start -- --db "$db"
wait_for "6 of 6 events" >/dev/null
filter "principal:alice,bob,carol,dave resource:prod-bucket,main-trail ip:10.0.0.5,198.51.100.7 agent:aws-cli*"
{ wait_for "filter: principal:" && keys y && wait_for "[Athena]" &&
  grep -qF "(more below)" "$tmp/out" && ! grep -qF "ORDER BY eventtime DESC;" "$tmp/out" &&
  keys End && wait_for "ORDER BY eventtime DESC;" &&
  ! grep -qF "(more below)" "$tmp/out" && keys Home &&
  wait_for "-- trailnav filter: principal:"; }
ok $? "a long query scrolls: (more below), End, Home"

[ $failed -eq 0 ]
