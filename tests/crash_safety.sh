#!/bin/sh
# crash_safety.sh - kill the importer with SIGKILL at random moments of a
# 100k-event import and check, after every kill, that the database is whole
# (tests/ledger_check.py, which shares no code with trailnav); then finish
# the import and check it reaches exactly the counts of an import that was
# never interrupted.  The moments come from a seed printed in the output
# (TRAILNAV_CRASH_SEED repeats a run).  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
kills=${TRAILNAV_CRASH_KILLS:-20}

if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is needed for the independent check"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

echo "1..$((kills + 4))"
trail="$tmp/trail"
"$tn" generate --events 100000 --seed 11 "$trail" >/dev/null

# How long an uninterrupted import takes bounds the kill moments.
start=$(date +%s%N)
"$tn" import -q --db "$tmp/clean.db" "$trail" >/dev/null 2>"$tmp/out"
ok $? "an uninterrupted import succeeds"
span_ms=$((($(date +%s%N) - start) / 1000000))
want=$(events "$tmp/clean.db")

seed=${TRAILNAV_CRASH_SEED:-$(date +%s)}
echo "# seed $seed, uninterrupted import ${span_ms} ms, $want events"
# Kill moments spread over the whole import, as a later run resumes where
# the last one stopped: early moments hit the walk and the first batch,
# later ones the middle and the final commit.
awk -v seed="$seed" -v n="$kills" -v span="$span_ms" 'BEGIN {
	srand(seed)
	for (i = 0; i < n; i++) printf "%d\n", 20 + rand() * span
}' >"$tmp/moments"

i=0
while read -r ms; do
	i=$((i + 1))
	"$tn" import -q --db "$tmp/crash.db" "$trail" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	python3 "$src/tests/ledger_check.py" "$tmp/crash.db" >"$tmp/out" 2>&1
	ok $? "kill $i after ${ms} ms: database whole ($(tail -n 1 "$tmp/out"))"
done <"$tmp/moments"

"$tn" import -q --db "$tmp/crash.db" "$trail" >/dev/null 2>"$tmp/out"
got=$(events "$tmp/crash.db")
[ "$got" = "$want" ]
ok $? "resumed after $kills kills: $got events, as uninterrupted ($want)"
python3 "$src/tests/ledger_check.py" "$tmp/crash.db" >"$tmp/out" 2>&1
ok $? "the finished database is whole ($(tail -n 1 "$tmp/out"))"
# Kills in the middle leave the lookup indexes set aside (store/indexes.c);
# the import that finishes builds them: the same indexes as the clean
# database, none waiting.
cat >"$tmp/indexes.py" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
names = [r[0] for r in db.execute(
    "SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name")]
waiting = db.execute("SELECT count(*) FROM deferred_index").fetchone()[0]
print(len(names), "indexes,", waiting, "waiting:", " ".join(names))
PY
indexes() { python3 "$tmp/indexes.py" "$1"; }
clean_ix=$(indexes "$tmp/clean.db")
crash_ix=$(indexes "$tmp/crash.db")
[ "$clean_ix" = "$crash_ix" ] && case $crash_ix in *" 0 waiting:"*event_by_name*) true ;; *) false ;; esac
ok $? "the finished database has every index, none waiting (${crash_ix%%:*})"
[ "$failed" -eq 0 ]
