#!/bin/sh
# ui_filter.sh - changing what the browser shows, through tmux: facet
# toggles and type-to-narrow, the / line with history and its error
# marker, presets, pivots and going back, narrowing to a timeline
# bucket.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
. "$src/tests/tap.sh"
. "$src/tests/ui_lib.sh"

echo "1..17"

ui_start -- --db "$db"
wait_for "6 of 6 events" >/dev/null
# Shift-Tab from the list is the filter pane; its cursor starts on the
# first value, Management (5 of the 6).
keys BTab
{ wait_for "▶ Filters" && keys Space && wait_for "5 of 6 events" &&
  grep -qF "filter: cat:mgmt" "$tmp/out" &&
  grep -qF " * Management" "$tmp/out"; }
ok $? "space on a facet value filters by it, and the value is marked"

# Another region too: OR within a facet; with the category: AND across.
keys Down Down Down Space
{ wait_for "filter: cat:mgmt region:eu-west-1" &&
  wait_for "3 of 6 events"; }
ok $? "a second facet ANDs (management in eu-west-1: 3)"
keys Down Space
{ wait_for "region:eu-west-1,us-east-1" && wait_for "5 of 6 events"; }
ok $? "a second value of the same facet ORs (5)"

keys BSpace BSpace BSpace
wait_for "6 of 6 events" >/dev/null
# Typing narrows the long lists: only the matching values remain.
keys s t o p
{ wait_for "Filters /stop" && grep -qF "StopLogging" "$tmp/out" &&
  ! grep -q "^   RunInstances " "$tmp/out" && ! grep -q "^   alice " "$tmp/out" &&
  keys Escape && wait_gone "Filters /stop" && grep -q "^   alice " "$tmp/out"; }
ok $? "typing narrows the filter pane; Esc shows everything again"

# The / line: the whole language; a bad filter points at its term and
# keeps the view.
keys Escape
wait_for "▶  TIME" >/dev/null
keys /
wait_for "Filter: " >/dev/null
keys C-u 'region:eu-west-1' Enter
wait_for "3 of 6 events" >/dev/null
keys / C-u 'ro:false -principal:alice' Enter
{ wait_for "filter: ro:false -principal:alice" && wait_for "2 of 6 events"; }
ok $? "/ applies a filter typed in the language"
keys / C-u 'ro:false regoin:x' Enter
{ wait_for "unknown key 'regoin'" &&
  grep -q "^Filter: ro:false regoin:x" "$tmp/out" &&
  grep -q "^                 ^~~~~~\$" "$tmp/out" &&
  grep -qF "2 of 6 events" "$tmp/out"; }
ok $? "a bad filter: marker under the term, message, view kept"
keys Escape
{ wait_gone "unknown key" && grep -qF "filter: ro:false -principal:alice" "$tmp/out"; }
ok $? "Esc leaves the view on the filter it had"
# A long filter is taken whole: 60 regions no event has, then eu-west-1
# past the 511th character (where the line used to stop taking keys).
long="region:$(seq -f 'xx-nowhere-%03g' 1 60 | tr '\n' ',')eu-west-1"
keys / C-u
keys -l "$long"
keys Enter
{ [ ${#long} -gt 700 ] && wait_for "3 of 6 events" &&
  grep -qF "filter: region:xx-nowhere-001,xx-nowhere-002" "$tmp/out" &&
  keys / && wait_for "Filter: " && grep -qF "eu-west-1" "$tmp/out" &&
  keys Escape; }
ok $? "a filter of ${#long} characters is taken whole (3 events in eu-west-1)"
# Scrolled to its end, the line says it goes on to the left.
keys /
{ wait_for "Filter: " && grep -q "^Filter: …[a-z0-9,-]*eu-west-1 *\$" "$tmp/out" &&
  keys Home && wait_for "Filter: region:xx-nowhere-001" &&
  ! grep -q "^Filter: …" "$tmp/out"; }
ok $? "a line longer than the screen: '…' at its left when scrolled, none at its start"
keys Escape
keys / Up Up Up
{ wait_for "Filter: region:eu-west-1" && keys Down && wait_for "Filter: ro:false -principal:alice"; }
ok $? "Up and Down recall earlier filters"
keys Escape
# Down past the newest entry gives back the line being typed before Up
# (as readline does), not an empty one; a further Down keeps it.
keys / C-u 'ip:1' Up Up
wait_for "Filter: ro:false -principal:alice" >/dev/null
keys Down Down Down
{ wait_for "Filter: ip:1" && grep -q "^Filter: ip:1 *\$" "$tmp/out"; }
ok $? "Down past the newest filter gives back what was being typed"
keys Escape

# Presets: a menu; the chosen one becomes the (visible) filter.
keys p
wait_for "Trail tampering" >/dev/null
keys Down Down Down Down Down Down Enter
{ wait_for "filter: service:cloudtrail.amazonaws.com event:S" &&
  wait_for "1 of 6 events" && grep -qF "StopLogging" "$tmp/out"; }
ok $? "a preset from the menu sets its filter"

# New events reorder a facet's values: the cursor stays on its value,
# not its row.  eu-west-1 leads the regions (3, tied with us-east-1)
# until three more us-east-1 events arrive.
cp "$db" "$tmp/live.db"
ui_start -- --db "$tmp/live.db"
wait_for "6 of 6 events" >/dev/null
keys BTab Down Down Down
wait_for "▶ Filters" >/dev/null
import_more "$tmp/live.db" us-east-1 n1 2024-05-01T14:00:00Z RebootInstances \
	n2 2024-05-01T14:10:00Z StopInstances n3 2024-05-01T14:20:00Z StartInstances
{ wait_for "9 of 9 events" 5 &&
  grep -A1 "^   (global services)" "$tmp/out" | grep -q "us-east-1 .* 6" &&
  keys Space && wait_for "filter: region:eu-west-1" &&
  wait_for "3 of 9 events"; }
ok $? "new events reorder the values; the cursor stays on its value"

# Two users named alice in two accounts are told apart in the filter
# pane by their accounts (they were two rows both reading "alice").
twin="$tmp/twin/AWSLogs/444455556666/CloudTrail/eu-west-1/2024/05/01"
mkdir -p "$twin"
printf '{"Records":[%s]}' "$(record t1 2024-05-01T15:00:00Z eu-west-1 ec2 \
	DescribeVpcs alice true | sed 's/111122223333/444455556666/g')" >"$twin/t.json"
cp "$db" "$tmp/twin.db"
"$tn" import -q --db "$tmp/twin.db" "$tmp/twin"
ui_start -- --db "$tmp/twin.db"
wait_for "7 of 7 events" >/dev/null
keys BTab
wait_for "▶ Filters" >/dev/null
keys a l i c e
{ wait_for "Filters /alice" && grep -q "^   alice (…3333) *2│" "$tmp/out" &&
  grep -q "^   alice (…6666) *1│" "$tmp/out"; }
ok $? "the filter pane tells two alices apart by their accounts"

# A long name told apart keeps its account and is cut itself: cut at
# the end, the two rows read alike again.
long=security-audit-automation-user
printf '{"Records":[%s,%s]}' "$(record l1 2024-05-01T15:00:00Z eu-west-1 ec2 \
	DescribeVpcs "$long" true)" "$(record l2 2024-05-01T15:00:00Z \
	eu-west-1 ec2 DescribeVpcs "$long" true |
	sed 's/111122223333/444455556666/g')" >"$twin/l.json"
"$tn" import -q --db "$tmp/twin.db" "$tmp/twin"
ui_start -- --db "$tmp/twin.db"
wait_for "9 of 9 events" >/dev/null
keys BTab
wait_for "▶ Filters" >/dev/null
keys s e c u r i t y
{ wait_for "Filters /security" &&
  grep -q "^   security-a… (…3333) 1│" "$tmp/out" &&
  grep -q "^   security-a… (…6666) 1│" "$tmp/out"; }
ok $? "a long name told apart is cut before its account, not after"
# Wider, the account is kept whole while the name keeps 8 columns.
W=140 ui_start -- --db "$tmp/twin.db"
wait_for "9 of 9 events" >/dev/null
keys BTab
wait_for "▶ Filters" >/dev/null
keys s e c u r i t y
{ wait_for "Filters /security" &&
  grep -q "^   security-… (111122223333) 1│" "$tmp/out" &&
  grep -q "^   security-… (444455556666) 1│" "$tmp/out"; }
ok $? "a wider pane: the whole account, the name cut before it"

# Narrowing finds a value however far down it ranks: 300 event names
# with two events each, then one named once, below the 200 the pane
# lists without narrowing (it used to say "nothing matches") and past
# the first 256 whose labels are read at once.
many="$tmp/many/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01"
mkdir -p "$many"
{
	printf '{"Records":['
	for i in $(seq 1 300); do
		for j in 1 2; do
			record "m$i-$j" 2024-05-01T08:00:00Z eu-west-1 ec2 \
				"Common$i" alice true
			printf ','
		done
	done
	record rare 2024-05-01T09:00:00Z eu-west-1 ec2 RareSnapshotDelete \
		alice false
	printf ']}'
} >"$many/m.json"
"$tn" import -q --db "$tmp/many.db" "$tmp/many"
ui_start -- --db "$tmp/many.db"
wait_for "601 of 601 events" >/dev/null
keys BTab
wait_for "▶ Filters" >/dev/null
keys r a r e s
{ wait_for "Filters /rares" && wait_for "RareSnapshotDelete" &&
  keys Space && wait_for "filter: event:RareSnapshotDelete" &&
  wait_for "1 of 601 events"; }
ok $? "narrowing finds a value ranked past the first 200 (event 301 of 301)"

[ $failed -eq 0 ]
