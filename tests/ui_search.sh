#!/bin/sh
# ui_search.sh - a filter whose matches no index finds (a bare word, a
# request ID) is searched for between keys: the list says so and how far
# it has looked, Esc stops the search and keeps what was found, and left
# alone the search ends with the matches or with "No events match".
# Through tmux, on a generated trail of 60,000 events.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
case $tn in /*) ;; *) tn="$PWD/$tn" ;; esac
tmp=$(mktemp -d)
. "$src/tests/tap.sh"
. "$src/tests/ui_lib.sh"

echo "1..4"
"$tn" generate --events 60000 --seed 5 "$tmp/big" >/dev/null
"$tn" import -q --db "$tmp/t.db" "$tmp/big" >/dev/null
oldest_request=$("$tn" query --db "$tmp/t.db" --oldest-first --limit 1 \
	--columns request --format csv | sed -n 2p | tr -d '\r')
oldest_event=$("$tn" query --db "$tmp/t.db" --oldest-first --limit 1 \
	--columns event --format csv | sed -n 2p | tr -d '\r')

ui_start -- --db "$tmp/t.db"
wait_for " events" 10 >/dev/null

# 1. Esc right after Enter: the word is in no event, and reading every
# record takes far longer than the first slice, so Esc finds the search
# running; the list says it stopped, not that nothing matches.
keys /
wait_for "Filter:" 5 >/dev/null
keys nosuchwordanywhere Enter Escape
wait_for "search stopped at" 10 &&
	grep -qF "The search was stopped before it found an event." "$tmp/out" &&
	! grep -qF "No events match" "$tmp/out"
ok $? "Esc stops the list's search, which says so"

# 2. Another word in no event, left alone: it shows how far it has looked,
# then ends with no match.  (Not the same word again: what the first
# search learnt of the files is kept, and the second would end at once.)
keys b
wait_for "(none: every event)" 10 >/dev/null
keys /
wait_for "Filter:" 5 >/dev/null
keys nosuchwordelsewhere Enter
# The search lasts a fraction of a second here: the screen is looked at
# every 20 ms, as it is drawn, rather than once it has settled.
i=0
while ! screen | grep -qF "searching: at 2024-" && [ $i -lt 500 ]; do
	sleep 0.02
	i=$((i + 1))
done
[ $i -lt 500 ]
ok $? "the list shows the search going on, and the time it has reached"
wait_for "No events match this filter." 120 &&
	! grep -qF "searching" "$tmp/out"
ok $? "left alone, the search ends: no events match"

# 3. The request ID of the oldest event (request IDs have no index): the
# walk from the newest end finds it last, and the list shows it.
keys /
wait_for "Filter:" 5 >/dev/null
keys C-u "request:$oldest_request" Enter
wait_for "1 of " 120 && wait_gone "searching" 60 &&
	grep -qF "$oldest_event" "$tmp/out"
ok $? "the oldest event's request ID ($oldest_event) is found at the end of the walk"
keys q
[ "$failed" -eq 0 ]
