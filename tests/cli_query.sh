#!/bin/sh
# cli_query.sh - query, stats --format, equivalent and files as a person
# and a script run them, checked against an independent reading of the
# same files by tests/query_check.py (Python's own gzip, json and csv;
# no code shared with trailnav): over a generated trail, a small hostile
# trail, and ../shared/corpus (skipped, saying so, when absent).  TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
corpus=${TRAILNAV_CORPUS:-$src/../shared/corpus}
tn="$top/src/trailnav"
check="$src/tests/query_check.py"

if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is needed for the independent count"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
# json FILE EXPR: a value from a JSON file.
json() {
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

echo "1..42"

# ---- the same checks over any folder of trail files ----------------------
# compare NAME DIR DB: 8 tests.
compare() {
	name=$1 dir=$2 db=$3
	python3 "$check" count "$dir" >"$tmp/count.json"
	want=$(json "$tmp/count.json" 'd["unique"]')
	"$tn" --db "$db" query --format ndjson >"$tmp/all.ndjson" 2>"$tmp/out"
	got=$(wc -l <"$tmp/all.ndjson")
	[ "$got" -eq "$want" ]; ok $? "$name: ndjson has one line per record ($got, counted $want)"
	python3 "$check" ndjson "$dir" "$tmp/all.ndjson" >"$tmp/out" 2>&1
	ok $? "$name: ndjson lines are the files' records byte for byte (pretty ones on one line)"
	"$tn" --db "$db" query --format json >"$tmp/all.json"
	python3 "$check" json "$dir" "$tmp/all.json" >"$tmp/out" 2>&1
	ok $? "$name: json is an array of the files' records byte for byte"
	"$tn" --db "$db" query --format csv >"$tmp/all.csv"
	python3 "$check" csv "$tmp/all.csv" "$want" >"$tmp/out" 2>&1
	ok $? "$name: csv parses to $want rows, CRLF, no control character, formulas prefixed"
	"$tn" --db "$db" stats --by region --format csv >"$tmp/regions.csv"
	python3 "$check" regions "$dir" "$tmp/regions.csv" >"$tmp/out" 2>&1
	ok $? "$name: stats --by region equals the independent count"
	"$tn" --db "$db" stats --format json >"$tmp/stats.json"
	got=$(json "$tmp/stats.json" 'd["events"]')
	[ "$got" = "$want" ]; ok $? "$name: stats --format json counts $got events"
	# The three most frequent event names: query event:X finds each
	# record of that name.
	bad=0
	for e in $(json "$tmp/count.json" '"\n".join(sorted(d["events"], key=lambda k: -d["events"][k])[:3])'); do
		w=$(json "$tmp/count.json" "d['events']['$e']")
		g=$("$tn" --db "$db" query --format ndjson "event:$e" | wc -l)
		[ "$g" -eq "$w" ] || { echo "# event:$e: $g lines, counted $w"; bad=1; }
	done
	ok $bad "$name: query event:X has as many lines as records named X"
	"$tn" --db "$db" query --format csv --columns time --oldest-first >"$tmp/up"
	"$tn" --db "$db" query --format csv --columns time >"$tmp/down"
	{ tr -d '\r' <"$tmp/up" | sed 1d | sort -c &&
	  tr -d '\r' <"$tmp/down" | sed 1d | sort -rc; } 2>"$tmp/out"
	ok $? "$name: newest first, or oldest first with --oldest-first"
}

"$tn" generate --events 3000 --seed 7 "$tmp/trail" >/dev/null 2>&1
"$tn" import -q --db "$tmp/gen.db" "$tmp/trail" 2>/dev/null
compare "generated" "$tmp/trail" "$tmp/gen.db"

# ---- options, statuses, tables ------------------------------------------
db="$tmp/gen.db"
got=$("$tn" --db "$db" query --format ndjson --limit 7 | wc -l)
[ "$got" -eq 7 ]; ok $? "--limit 7 prints 7 events"
# --limit 0 is at most 0 events (the man page), not "no limit".
{ [ "$("$tn" --db "$db" query --format ndjson --limit 0 | wc -c)" -eq 0 ] &&
  [ "$("$tn" --db "$db" query --format json --limit 0)" = "[]" ] &&
  [ "$("$tn" --db "$db" query --format csv --limit=0 | wc -l)" -eq 1 ] &&
  "$tn" --db "$db" query --limit 0 >"$tmp/table" 2>"$tmp/err" &&
  [ "$(wc -l <"$tmp/table")" -eq 1 ]; }
ok $? "--limit 0 prints no event: ndjson nothing, json [], csv and table their header"
# --limit 0 shows no row: the table's note is the count, not "the first
# 0 events"; and a filter that matches nothing is still said to.
total=$(events "$db")
printf '(%s events match; --limit 0 shows none.)\n' "$total" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"; st=$?
[ $st -ne 0 ] && sed 's/^/# got: /' "$tmp/err"
ok $st "--limit 0: the table's note on stderr is the count ($total events match)"
"$tn" --db "$db" query --limit 0 event:NoSuchEvent >"$tmp/table" 2>"$tmp/err"
st=$?
{ [ $st -eq 0 ] && [ "$(cat "$tmp/err")" = "No events match." ] &&
  [ "$(wc -l <"$tmp/table")" -eq 1 ]; } || { st=1; sed 's/^/# got: /' "$tmp/err"; }
ok $st "--limit 0 and no match: the header, \"No events match.\", exit 0"
COLUMNS=60 "$tn" --db "$db" query --limit 300 >"$tmp/table" 2>"$tmp/err"
python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')[:-1]
sys.exit(not (len(lines) == 301 and max(w(l) for l in lines) <= 60
              and lines[0].startswith('TIME ')))" "$tmp/table"
ok $? "table: a header and 300 rows, none wider than COLUMNS=60"
grep -q "more match" "$tmp/err"; ok $? "table: says on stderr that --limit left events out"
"$tn" --db "$db" query --format ndjson event:NoSuchEvent >"$tmp/none" 2>"$tmp/out"
st=$?
[ $st -eq 0 ] && [ ! -s "$tmp/none" ]; ok $? "no match: exit 0, nothing printed (ndjson)"
[ "$("$tn" --db "$db" query --format json event:NoSuchEvent)" = "[]" ]
ok $? "no match: json prints []"
"$tn" --db "$db" query event:NoSuchEvent >"$tmp/out" 2>&1
grep -q "No events match." "$tmp/out"; ok $? "no match: the table says so"
"$tn" --db "$db" query region:x foo:bar >"$tmp/out" 2>&1
st=$?
[ $st -eq 2 ] && grep -q "unknown key 'foo'" "$tmp/out" && grep -q '^           ^^^$' "$tmp/out"
ok $? "bad filter: exit 2, the caret under the term"
"$tn" --db "$db" query --format xml >"$tmp/out" 2>&1
[ $? -eq 2 ] && grep -q "unknown format 'xml'" "$tmp/out"; ok $? "bad --format: exit 2"
"$tn" --db "$db" query --columns time,colour >"$tmp/out" 2>&1
[ $? -eq 2 ] && grep -q "unknown column 'colour'" "$tmp/out"; ok $? "bad --columns: exit 2"

# ---- hostile record text --------------------------------------------------
# A formula for a name, an escape sequence for a user agent (JSON-escaped
# in the file), and a raw DEL and C1 CSI (valid unescaped in JSON).
mkdir -p "$tmp/evil"
printf '{"Records":[{"eventVersion":"1.08","eventTime":"2024-05-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"=HYPERLINK(\\"http://x\\")","awsRegion":"us-east-1","sourceIPAddress":"-1+2","userAgent":"\\u001b]0;pwned\\u0007 \177 \302\23331m","eventID":"e-1","userIdentity":{"type":"IAMUser","userName":"@bob"}}]}' >"$tmp/evil/t.json"
"$tn" import -q --db "$tmp/evil.db" "$tmp/evil" 2>/dev/null
"$tn" --db "$tmp/evil.db" query --format csv >"$tmp/evil.csv"
grep -q "'=HYPERLINK" "$tmp/evil.csv" && grep -q "'-1+2" "$tmp/evil.csv" &&
	grep -q "'@bob" "$tmp/evil.csv"
ok $? "csv: formula cells get a leading '"
python3 "$check" csv "$tmp/evil.csv" 1 >"$tmp/out" 2>&1
ok $? "csv: no control character reaches the output"
COLUMNS=300 "$tn" --db "$tmp/evil.db" query --columns agent >"$tmp/evil.table"
! LC_ALL=C grep -q "$(printf '[\033\177\302]')" "$tmp/evil.table" &&
	grep -qF '\e]0;pwned\a \x7f \u009b31m' "$tmp/evil.table"
ok $? "table: escape sequences, DEL and C1 controls are shown, not sent"
"$tn" --db "$tmp/evil.db" query --format ndjson >"$tmp/evil.ndjson"
LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/evil.ndjson"
ok $? "ndjson to a pipe: the record byte for byte (raw C1 kept)"
# \u0000 in a value: the whole value, the NUL shown as \x00 like any other
# control character, in the table and in CSV.
mkdir -p "$tmp/nul"
printf '{"Records":[{"eventVersion":"1.08","eventTime":"2024-05-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"Get\\u0000Object","awsRegion":"us-east-1","userAgent":"before\\u0000after\\u0001x","eventID":"nul-1","userIdentity":{"type":"IAMUser","userName":"bob\\u0000by"}}]}' >"$tmp/nul/t.json"
"$tn" import -q --db "$tmp/nul.db" "$tmp/nul" 2>/dev/null
COLUMNS=200 "$tn" --db "$tmp/nul.db" query --columns event,principal,agent >"$tmp/nul.table"
"$tn" --db "$tmp/nul.db" query --format csv --columns event,principal,agent >"$tmp/nul.csv"
cat "$tmp/nul.table" "$tmp/nul.csv" >"$tmp/out"
grep -qF 'Get\x00Object  bob\x00by  before\x00after\x01x' "$tmp/nul.table" &&
	grep -qF 'Get\x00Object,bob\x00by,before\x00after\x01x' "$tmp/nul.csv"
ok $? "a \\u0000 in a value: the whole value, the NUL as \\x00 (table and csv)"
if command -v script >/dev/null 2>&1; then
	script -qec "'$tn' --db '$tmp/evil.db' query --format ndjson" /dev/null >"$tmp/tty" 2>&1
	! LC_ALL=C grep -q "$(printf '[\033\177\302]')" "$tmp/tty" && grep -qF '\u007f \u009b31m' "$tmp/tty"
	ok $? "ndjson on a terminal: DEL and C1 written as \\u escapes"
else
	echo "ok $((n = n + 1)) # SKIP script(1) is not installed"
fi

# ---- equivalent and files -------------------------------------------------
"$tn" equivalent event:GetObject >"$tmp/out" 2>&1
[ $? -eq 2 ] && grep -q -- "--for athena" "$tmp/out"; ok $? "equivalent without --for: exit 2"
"$tn" equivalent --for cli cat:data event:Get* >"$tmp/eq" 2>"$tmp/eqerr"
grep -q "^# cannot express 'cat:data'" "$tmp/eq" &&
	grep -q "^trailnav: cannot express 'event:Get\*'" "$tmp/eqerr" &&
	grep -q "^aws cloudtrail lookup-events" "$tmp/eq"
ok $? "equivalent --for cli: notes in the output and on stderr"
# On a terminal the query is the same text: a backslash (LIKE's ESCAPE,
# one in the filter) is not doubled, so what is copied from the screen
# runs; the comment shows the filter as typed.
if command -v script >/dev/null 2>&1; then
	cat >"$tmp/eq.sh" <<'EOF'
exec "$1" equivalent --for athena 'event:Get_*' 'agent:"a\\b"' 2>/dev/null
EOF
	script -qec "sh '$tmp/eq.sh' '$tn'" /dev/null | tr -d '\r' >"$tmp/out"
	grep -qxF -- '-- trailnav filter: event:Get_* agent:"a\\b"' "$tmp/out" &&
		grep -qxF -- "WHERE (lower(eventname) LIKE 'get\_%' ESCAPE '\')" "$tmp/out" &&
		grep -qxF -- "  AND (lower(useragent) = 'a\b')" "$tmp/out"
	ok $? "equivalent on a terminal: backslashes as they are, in the comment and the query"
else
	echo "ok $((n = n + 1)) # SKIP script(1) is not installed"
fi
cp "$src/tests/query_check.py" "$tmp/evil/notes.json"
"$tn" import -q --db "$tmp/evil.db" "$tmp/evil" 2>/dev/null
"$tn" --db "$tmp/evil.db" files --failed >"$tmp/out" 2>&1
grep -q "^failed .*notes.json$" "$tmp/out" && grep -q "^    invalid JSON" "$tmp/out" &&
	! grep -q "t.json" "$tmp/out"
ok $? "files --failed: the failed file and why, nothing else"
"$tn" --db "$tmp/evil.db" files >"$tmp/out" 2>&1
grep -q "^imported  unchanged          1         0  .*/t.json$" "$tmp/out" &&
	grep -q "^2 files: 1 imported, 0 digests, 1 failed; 1 event, 0 duplicates$" "$tmp/out"
ok $? "files: state, disk, events, path; the totals"
printf ' ' >>"$tmp/evil/t.json"
"$tn" --db "$tmp/evil.db" files >"$tmp/out" 2>&1
grep -q "^imported  changed .*/t.json$" "$tmp/out"; ok $? "files: a file changed since is shown as changed"

# ---- output that cannot be written ----------------------------------------
# /dev/full fails every write: each command says so and exits 2, as query
# always did, instead of exiting 0 having printed nothing.
bad=0
for c in "query" "stats" "stats --by region --format csv" "stats --format json" \
	"files" "equivalent --for athena event:GetObject"; do
	# shellcheck disable=SC2086 # $c is the command and its options
	"$tn" --db "$db" $c >/dev/full 2>"$tmp/err"
	st=$?
	{ [ $st -eq 2 ] && grep -q "^trailnav: writing the output: No space left on device" "$tmp/err"; } ||
		{ echo "# $c: status $st"; sed 's/^/# /' "$tmp/err"; bad=1; }
done
ok $bad "query, stats, files, equivalent to /dev/full: the error on stderr, exit 2"

# A record kept as a JSON string (lookup-events) is searched as the record
# it is: the no-MFA preset's exclusions match its "MFAUsed":"Yes", which
# its file holds as \"MFAUsed\":\"Yes\".
mkdir -p "$tmp/lookup"
python3 - "$tmp/lookup/events.json" <<'PY'
import json, sys
events = []
for n, mfa in ((1, "Yes"), (2, "No")):
    r = {"eventVersion": "1.08", "eventID": "lk-%d" % n,
         "eventTime": "2024-05-01T0%d:00:00Z" % n,
         "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin",
         "awsRegion": "us-east-1", "userIdentity": {"type": "IAMUser"},
         "additionalEventData": {"MFAUsed": mfa}}
    events.append({"EventId": r["eventID"],
                   "CloudTrailEvent": json.dumps(r, separators=(",", ":"))})
json.dump({"Events": events}, open(sys.argv[1], "w"))
PY
"$tn" import -q --db "$tmp/lookup.db" "$tmp/lookup" >/dev/null 2>&1
preset=$(awk -F'\t' '$1 == "signin-no-mfa" { print $3 }' "$src/data/presets")
"$tn" --db "$tmp/lookup.db" query --format csv --columns id "$preset" >"$tmp/out" 2>&1
{ [ -n "$preset" ] && [ "$(tr -d '\r' <"$tmp/out" | sed 1d)" = "lk-2" ] &&
  "$tn" --db "$tmp/lookup.db" query --format csv --columns id '"\"MFAUsed\":\"No\""' |
	tr -d '\r' | sed 1d | grep -qx "lk-2"; }
ok $? "lookup-events records are searched decoded: the no-MFA preset finds lk-2 only"

# ---- the corpus -----------------------------------------------------------
if [ -d "$corpus" ]; then
	"$tn" import -q --db "$tmp/corpus.db" "$corpus" 2>/dev/null
	compare "corpus" "$corpus" "$tmp/corpus.db"
else
	for i in 1 2 3 4 5 6 7 8; do
		echo "ok $((n = n + 1)) # SKIP no corpus at $corpus (set TRAILNAV_CORPUS)"
	done
fi
[ $failed -eq 0 ]
