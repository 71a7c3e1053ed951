#!/bin/sh
# demo.sh - `trailnav demo` and the demo trail in data/demo: imported on
# first use into its own database, found already there the second time;
# the incident the README's tutorial walks through is findable with the
# filters it gives; the committed trail is exactly what data/make-demo.sh
# writes (so it cannot rot) and stays within 2 MB.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

# The incident, as the README tells it.
ip=198.18.42.77
leaked=AKIAB7T4LC6YVMVCRMWZ
newkey=AKIAB7T4LC6YM3Z5TGCN
events_total=2463
files_total=1852

echo "1..17"
run_demo() { # XDG_DATA_HOME, then trailnav demo's arguments
	xdg=$1
	shift
	env -u TRAILNAV_DB XDG_DATA_HOME="$xdg" TRAILNAV_DATADIR="$src/data" \
		"$tn" demo "$@"
}

run_demo "$tmp/xdg" >"$tmp/out" 2>&1
st=$?
db="$tmp/xdg/trailnav/demo.db"
{ [ $st -eq 0 ] &&
  grep -q "^Imported the demo trail: $events_total events from $files_total files into $db\$" "$tmp/out" &&
  grep -q "^Files: *$files_total imported, 0 digests, 0 failed" "$tmp/out" &&
  grep -q "^Events: *$events_total " "$tmp/out"; }
ok $? "first run imports the trail into \$XDG_DATA_HOME/trailnav/demo.db, 0 failed"

run_demo "$tmp/xdg" >"$tmp/out" 2>&1
{ [ $? -eq 0 ] && grep -q "^The demo trail is already imported in $db\$" "$tmp/out" &&
  [ "$(events "$db")" = $events_total ]; }
ok $? "second run imports nothing new"

TRAILNAV_DB="$tmp/mine.db" XDG_DATA_HOME="$tmp/x2" TRAILNAV_DATADIR="$src/data" \
	"$tn" demo --db "$tmp/d.db" >"$tmp/out" 2>&1
{ [ $? -eq 0 ] && [ "$(events "$tmp/d.db")" = $events_total ] &&
  [ ! -e "$tmp/mine.db" ] && [ ! -e "$tmp/x2" ]; }
ok $? "--db names the demo database; \$TRAILNAV_DB is left alone"

env -u TRAILNAV_DATADIR -u TRAILNAV_DB XDG_DATA_HOME="$tmp/x3" \
	"$tn" demo >"$tmp/out" 2>&1
{ [ $? -eq 0 ] && grep -q "^Imported the demo trail: $events_total events" "$tmp/out"; }
ok $? "found without TRAILNAV_DATADIR (installed, or this source tree)"

mkdir "$tmp/empty"
XDG_DATA_HOME="$tmp/x4" TRAILNAV_DATADIR="$tmp/empty" "$tn" demo >"$tmp/out" 2>&1
{ [ $? -eq 2 ] && grep -q "no demo trail in $tmp/empty/demo" "$tmp/out" &&
  [ ! -e "$tmp/x4/trailnav/demo.db" ]; }
ok $? "TRAILNAV_DATADIR without a trail: exit 2, nothing created"

"$tn" demo --help >"$tmp/out" 2>&1 && grep -q "Usage: trailnav demo" "$tmp/out"
ok $? "demo --help"

# ---- the tutorial's steps ------------------------------------------------
n_of() { events "$db" "$@"; }
top_ip=$("$tn" --db "$db" stats --by ip --limit 1 \
	'error:AccessDenied*,*UnauthorizedOperation,*Unauthorized*' |
	sed -n 2p | awk '{print $1, $2}')
[ "$top_ip" = "$ip 42" ]
ok $? "the denied calls come mostly from $ip (42 of them)"
[ "$(n_of error:AccessDenied ip:$ip)" = 21 ] &&
	[ "$(n_of error:Client.UnauthorizedOperation ip:$ip)" = 15 ]
ok $? "bursts: 21 AccessDenied and 15 Client.UnauthorizedOperation from $ip"
[ "$(n_of key:$leaked ip:$ip)" = 53 ] && [ "$(n_of key:$leaked)" = 58 ]
ok $? "the leaked key $leaked: 53 calls from $ip, 5 from its owner's CI"
[ "$(n_of ip:$ip)" = 93 ] &&
	[ "$(n_of ip:$ip -principal:ci-deploy -principal:backup-ops)" = 0 ]
ok $? "the attacker's address is theirs alone: 93 calls"
[ "$(n_of key:$newkey ip:$ip)" = 36 ]
ok $? "the key they made, $newkey: 36 calls"
for e in CreateUser CreateAccessKey AttachUserPolicy; do
	[ "$(n_of event:$e ip:$ip)" = 1 ] || false
done
ok $? "CreateUser, CreateAccessKey, AttachUserPolicy: one each"
[ "$(n_of event:StopLogging error:none ip:$ip)" = 1 ] &&
	[ "$(n_of event:StopLogging)" -ge 1 ]
ok $? "StopLogging"
[ "$(n_of cat:data event:GetObject ip:$ip)" = 36 ] &&
	[ "$(n_of cat:data event:GetObject ip:$ip error:none)" = 31 ]
ok $? "exfiltration: 31 GetObject data events (and 5 denied)"
[ "$(n_of event:ConsoleLogin '"\"MFAUsed\":\"No\""' ip:$ip principal:backup-ops)" = 1 ]
ok $? "a console sign-in without MFA as backup-ops"

# ---- the data cannot rot ---------------------------------------------------
sh "$src/data/make-demo.sh" "$tn" "$tmp/regen" >"$tmp/out" 2>&1 &&
	diff -r "$src/data/demo" "$tmp/regen" >>"$tmp/out" 2>&1
ok $? "data/demo is exactly what data/make-demo.sh writes"

bytes=$(find "$src/data/demo" -type f -exec cat {} + | wc -c)
[ "$bytes" -le 2000000 ]
ok $? "data/demo holds $bytes bytes (at most 2 MB)"

[ $failed -eq 0 ]
