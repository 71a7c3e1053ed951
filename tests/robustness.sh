#!/bin/sh
# robustness.sh - the database under conditions a user does not choose:
# readers while an import writes, two importers at once, a read-only file
# system, a full disk.  The last two need a mount of our own, made inside
# a user namespace (unshare -rm); they are skipped where that is refused.
# Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
case $tn in /*) ;; *) tn="$PWD/$tn" ;; esac

if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is needed to check the database"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

echo "1..10"
"$tn" generate --events 30000 --seed 21 "$tmp/a" >/dev/null
"$tn" generate --events 30000 --seed 22 --start 2024-06-01 "$tmp/b" >/dev/null
"$tn" import -q --db "$tmp/a.db" "$tmp/a" >/dev/null
"$tn" import -q --db "$tmp/b.db" "$tmp/b" >/dev/null
want_a=$(events "$tmp/a.db")
want_b=$(events "$tmp/b.db")

# ---- readers and a second writer while an import writes ----------------
db="$tmp/shared.db"
"$tn" import -q --db "$db" "$tmp/a" >/dev/null 2>"$tmp/err_a" &
pa=$!
"$tn" import -q --db "$db" "$tmp/b" >/dev/null 2>"$tmp/err_b" &
pb=$!
bad=0
last=0
reads=0
: >"$tmp/out"
while kill -0 $pa 2>/dev/null || kill -0 $pb 2>/dev/null; do
	if ! "$tn" --db "$db" stats --by category >"$tmp/stats" 2>"$tmp/err"; then
		# Until the first importer has made the database, stats says
		# there is none (it never makes one itself); after, no error.
		if [ $reads -gt 0 ] || ! grep -q "no database at" "$tmp/err"; then
			cat "$tmp/err" >>"$tmp/out"
			bad=1
		fi
		continue
	fi
	now=$(sed -n 's/^\([0-9]*\) \(events match\|event matches\)$/\1/p' "$tmp/stats")
	[ "${now:-0}" -ge "$last" ] || { echo "count fell: $last -> $now" >>"$tmp/out"; bad=1; }
	last=${now:-0}
	reads=$((reads + 1))
done
wait $pa
sa=$?
wait $pb
sb=$?
grep -i "locked" "$tmp/out" "$tmp/err_a" "$tmp/err_b" >/dev/null && bad=1
[ $reads -ge 3 ] || bad=1
ok $bad "stats during two imports: $reads answers, counts never fall, never 'locked'"
cat "$tmp/err_a" "$tmp/err_b" >"$tmp/out"
[ $sa -eq 0 ] && [ $sb -eq 0 ]
ok $? "two importers on one database both finish (exit $sa and $sb)"
got=$(events "$db")
[ "$got" -eq $((want_a + want_b)) ]
ok $? "together they imported every event once ($got = $want_a + $want_b)"

# ---- a read-only file system ---------------------------------------------
if ! unshare -rm true 2>/dev/null; then
	for i in 4 5 6 7 8 9 10; do
		echo "ok $i # SKIP user namespaces are not available (unshare -rm)"
	done
	exit 0
fi
mkdir "$tmp/ro"
cp "$tmp/a.db" "$tmp/ro/t.db"
unshare -rm sh -c '
	mount --bind "$1/ro" "$1/ro" && mount -o remount,bind,ro "$1/ro" || exit 99
	"$2" --db "$1/ro/t.db" stats --by category >"$1/ro_stats" 2>&1
	echo $? >"$1/ro_stats_rc"
	"$2" import -q --db "$1/ro/t.db" "$1/b" >"$1/ro_import" 2>&1
	echo $? >"$1/ro_import_rc"
	"$2" --db "$1/ro/t.db" query --format ndjson >"$1/ro_query" 2>&1
	echo $? >"$1/ro_query_rc"
	# The browser, on a terminal script(1) makes.  Curses rewrites only
	# what changed, so the status line is whole in the byte stream only
	# when drawn in one go: Ctrl-L (a full redraw) once the counts are
	# done, then q.
	(sleep 4; printf "\014"; sleep 1; printf q) | TERM=xterm-256color COLUMNS=100 LINES=30 \
		timeout 30 script -qec "\"$2\" --db \"$1/ro/t.db\"" /dev/null \
		>"$1/ro_screen" 2>&1
	echo $? >"$1/ro_browse_rc"
' sh "$tmp" "$tn"
cp "$tmp/ro_stats" "$tmp/out"
got=$(sed -n 's/^\([0-9]*\) \(events match\|event matches\)$/\1/p' "$tmp/ro_stats")
[ "$(cat "$tmp/ro_stats_rc")" = 0 ] && [ "$got" = "$want_a" ]
ok $? "a database on a read-only file system can be read ($got events)"
cp "$tmp/ro_import" "$tmp/out"
[ "$(cat "$tmp/ro_import_rc")" = 2 ] && grep -q "read-only" "$tmp/ro_import"
ok $? "importing into it exits 2 saying it is read-only"

cp "$tmp/ro_query" "$tmp/out"
lines=$(wc -l <"$tmp/ro_query")
[ "$(cat "$tmp/ro_query_rc")" = 0 ] && [ "$lines" = "$want_a" ]
ok $? "query reads it too ($lines records)"
fmt_a=$(echo "$want_a" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta')
tr -d '\000' <"$tmp/ro_screen" >"$tmp/out"
[ "$(cat "$tmp/ro_browse_rc")" = 0 ] && grep -aq "$fmt_a of $fmt_a events" "$tmp/out"
ok $? "the browser shows it ($fmt_a of $fmt_a events) and quits cleanly"

# ---- a full disk -----------------------------------------------------------
mkdir "$tmp/full"
before=$(stat -c %s "$tmp/a.db")
unshare -rm sh -c '
	mount -t tmpfs -o size=$(($3 + 2097152)) tmpfs "$1/full" || exit 99
	cp "$1/a.db" "$1/full/t.db"
	"$2" import -q --db "$1/full/t.db" "$1/b" >"$1/full_import" 2>&1
	echo $? >"$1/full_rc"
	"$2" --db "$1/full/t.db" stats --by category >"$1/full_stats" 2>&1
	python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"PRAGMA integrity_check\").fetchone()[0])" \
			"$1/full/t.db" >"$1/full_check" 2>&1
' sh "$tmp" "$tn" "$before"
cp "$tmp/full_import" "$tmp/out"
[ "$(cat "$tmp/full_rc")" != 0 ] && grep -q "disk is full" "$tmp/full_import"
ok $? "importing onto a full disk fails saying the disk is full"
cp "$tmp/full_stats" "$tmp/out"
got=$(sed -n 's/^\([0-9]*\) \(events match\|event matches\)$/\1/p' "$tmp/full_stats")
[ "${got:-0}" -ge "$want_a" ]
ok $? "nothing imported before is lost ($got >= $want_a events)"
cp "$tmp/full_check" "$tmp/out"
[ "$(cat "$tmp/full_check")" = ok ]
ok $? "the database stays intact (integrity_check: $(cat "$tmp/full_check"))"
[ "$failed" -eq 0 ]
