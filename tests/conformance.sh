#!/bin/sh
# conformance.sh - import ../shared/corpus (real CloudTrail files nobody
# here wrote) and compare with an independent count (corpus_count.py,
# which shares no code with trailnav).  Emits TAP; skips when the corpus
# or python3 is absent.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
corpus=${TRAILNAV_CORPUS:-$src/../shared/corpus}
tn="$top/src/trailnav"

if [ ! -d "$corpus" ]; then
	echo "1..0 # SKIP no corpus at $corpus (set TRAILNAV_CORPUS)"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is needed for the independent count"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
# json FILE EXPR: a value from the counter's JSON output.
json() {
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

echo "1..11"
python3 "$src/tests/corpus_count.py" "$corpus" >"$tmp/count.json"
"$tn" import -q --db "$tmp/all.db" "$corpus" >"$tmp/out" 2>"$tmp/err"
status=$?

ok $([ $status -eq 1 ]; echo $?) "importing the corpus exits 1 (it holds broken files)"
want=$(json "$tmp/count.json" 'd["unique"]')
got=$(events "$tmp/all.db")
[ "$want" = "$got" ]; ok $? "events imported ($got) = unique records counted ($want)"

# Walking, every broken file that looks like JSON (by name or first bytes)
# is reported with its path, and nothing else is.
missing=0
for f in $(json "$tmp/count.json" '"\n".join(f for f in d["broken"] + d["no_records"] if f in d["tried"])'); do
	grep -qF "$f:" "$tmp/err" || { echo "# not reported: $f"; missing=1; }
done
want_failed=$(json "$tmp/count.json" 'len([f for f in d["broken"] + d["no_records"] if f in d["tried"]])')
got_failed=$(grep -c '^trailnav: ' "$tmp/err")
[ $missing -eq 0 ] && [ "$want_failed" = "$got_failed" ]
ok $? "walking: broken files reported ($got_failed), as counted ($want_failed)"

# Named on the command line, every broken file is tried and reported;
# alone, nothing could be imported: exit status 2.
missing=0
for f in $(json "$tmp/count.json" '"\n".join(d["broken"] + d["no_records"])'); do
	"$tn" import -q --db "$tmp/named.db" "$f" 2>"$tmp/named.err"
	st=$?
	{ [ $st -eq 2 ] && grep -qF "$f:" "$tmp/named.err"; } ||
		{ echo "# not reported (status $st): $f"; missing=1; }
done
ok $missing "named alone: every broken or record-less file is reported failed (2)"

# Nothing of a broken file is imported: the broken folder alone adds none.
"$tn" import -q --db "$tmp/broken.db" "$corpus/aws-docs-examples/unparseable_blocks" 2>/dev/null
got=$(events "$tmp/broken.db")
[ "$got" = 0 ]; ok $? "no event of a broken file is imported ($got)"

# The .json/.json.gz twins add nothing.
"$tn" import -q --db "$tmp/twins.db" "$corpus/trailscraper-fixtures" 2>/dev/null
python3 "$src/tests/corpus_count.py" "$corpus/trailscraper-fixtures" >"$tmp/twins.json"
want=$(json "$tmp/twins.json" 'd["unique"]')
got=$(events "$tmp/twins.db")
[ "$want" = "$got" ]; ok $? "twins imported once: $got events, $want unique"

# Made-up regions are kept as they are.
bad=0
for r in $(json "$tmp/count.json" '"\n".join(d["regions"])'); do
	c=$(events "$tmp/all.db" "region:$r")
	[ "${c:-0}" -gt 0 ] || { echo "# region lost: $r"; bad=1; }
done
ok $bad "every region of the corpus is kept, made-up ones included"

# Re-importing the unchanged corpus parses nothing and adds nothing.
"$tn" import --db "$tmp/all.db" "$corpus" >"$tmp/again" 2>/dev/null
grep -q "^Events: 0 new, 0 duplicates" "$tmp/again"
ok $? "re-import of the unchanged corpus adds nothing"

# Records kept as strings (CloudTrailEvent) or in Events[] are searchable.
bad=0
for id in $(json "$tmp/count.json" '"\n".join(i for i in d["lookup_ids"] if i)'); do
	[ "$(events "$tmp/all.db" "id:$id")" = 1 ] || { echo "# missing $id"; bad=1; }
done
ok $bad "records from lookup-events output are imported"
# The "sign-ins without MFA" preset finds every console sign-in whose
# record says MFAUsed "No", compact or pretty-printed (the corpus has
# both).  Counted here by Python over the ConsoleLogin records the
# database holds (which of two records sharing an eventID was kept is
# the import's choice), not by text search.
preset=$(awk -F'\t' '$1 == "signin-no-mfa" { print $3 }' "$src/data/presets")
"$tn" query --db "$tmp/all.db" --format json event:ConsoleLogin >"$tmp/logins.json"
want=$(python3 -c '
import json, sys
recs = json.load(open(sys.argv[1]))
def mfa(r):
    d = r.get("additionalEventData")
    return str(d.get("MFAUsed", "")).lower() if isinstance(d, dict) else ""
print(sum(1 for r in recs if mfa(r) == "no"))' "$tmp/logins.json")
got=$(events "$tmp/all.db" "$preset")
{ [ -n "$preset" ] && [ "${want:-0}" -ge 6 ] && [ "$want" = "$got" ]; }
ok $? "the no-MFA preset finds every sign-in without MFA ($got, counted $want)"

# Every event's original record, byte for byte, against the files on disk.
"$top/tests/record_check" "$tmp/all.db" >"$tmp/rc.out" 2>&1
st=$?
sed 's/^/# /' "$tmp/rc.out"
ok $st "every stored record is byte-identical to its source file"
[ $failed -eq 0 ]
