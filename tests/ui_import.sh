#!/bin/sh
# ui_import.sh - `trailnav PATH` on a terminal browses at once while the
# import runs in a child process: events appear as they are committed,
# the import's summary shows after the browser closes, and quitting early
# stops the import without losing what it committed.  Through tmux.
# Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
case $tn in /*) ;; *) tn="$PWD/$tn" ;; esac
tmp=$(mktemp -d)
. "$src/tests/tap.sh"
. "$src/tests/ui_lib.sh"

echo "1..12"
big="$tmp/big"
"$tn" generate --events 60000 --seed 5 "$big" >/dev/null
"$tn" import -q --db "$tmp/ref.db" "$big" >/dev/null
want=$(events "$tmp/ref.db")
# As the status line writes counts: 58,314.
fmt_want=$(echo "$want" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta')

# Left to finish: the browser comes up, the count reaches every event,
# and after q the import's own summary is on the terminal.
ui_start -- --db "$tmp/a.db" "$big"
wait_for " events" 10
ok $? "the browser is up while the import runs"
wait_for "$fmt_want of $fmt_want events" 120
ok $? "events appear as they are committed, up to all $want"
keys q
wait_for "EXITED:0" 10 && grep -q "Events: $want new" "$tmp/out"
ok $? "after q: exit 0 and the import's summary ($want new)"

# Quit at once: either the import had finished (exit 0) or it is stopped
# and says so (exit 1); running it again finishes with every event.
ui_start -- --db "$tmp/b.db" "$big"
wait_for " events" 10 >/dev/null
keys q
wait_for "EXITED:" 30 >/dev/null
if grep -q "EXITED:1" "$tmp/out"; then
	grep -q "import was stopped before it finished" "$tmp/out"
	st=$?
else
	grep -q "EXITED:0" "$tmp/out"
	st=$?
fi
"$tn" import -q --db "$tmp/b.db" "$big" >/dev/null 2>&1
got=$(events "$tmp/b.db")
[ $st -eq 0 ] && [ "$got" = "$want" ]
ok $? "quitting early stops the import, which the same command finishes ($got of $want)"
# Nothing could be imported: the browser closes by itself and the reason
# is on the terminal at once, even over a database that holds events.
ui_start -- --db "$tmp/a.db" "$tmp/no-such-trail"
wait_for "EXITED:2" 10 >/dev/null &&
	grep -q "no-such-trail: No such file or directory" "$tmp/out" &&
	grep -q "nothing could be imported" "$tmp/out"
ok $? "a mistyped path: the browser closes, the error shows, exit 2"
mkdir "$tmp/broken"
printf 'not gzip at all' >"$tmp/broken/x_CloudTrail_us-east-1_1.json.gz"
ui_start -- --db "$tmp/c.db" "$tmp/broken"
wait_for "EXITED:2" 10 >/dev/null &&
	grep -q "x_CloudTrail_us-east-1_1.json.gz" "$tmp/out" &&
	grep -q "nothing could be imported" "$tmp/out"
ok $? "a folder of only bad files: the browser closes, the failure shows"
# An import that ends with files failed, or with nothing to import,
# says so in the browser's status line as it ends: the person used to
# learn of it only after quitting.
make_trail "$tmp/mixed"
printf 'not gzip at all' >"$tmp/mixed/bad_CloudTrail_1.json.gz"
printf '{"Records":[' >"$tmp/mixed/cut_CloudTrail_2.json"
# Started in $tmp: the path is said as from there.
here=$(pwd)
cd "$tmp" && W=160 ui_start -- --db "$tmp/f.db" "$tmp/mixed"
cd "$here" || exit 2
{ wait_for "6 of 6 events" 10 >/dev/null &&
  wait_for "import: 2 files failed (q quits and shows them); the first: " 10 >/dev/null &&
  grep -q "^ import: 2 files failed (q quits and shows them); the first: mixed/[a-z]*_CloudTrail_[12].json[.gz]*: invalid" "$tmp/out" &&
  keys q && wait_for "EXITED:1" 10 >/dev/null &&
  grep -q "bad_CloudTrail_1.json.gz" "$tmp/out" &&
  grep -q "cut_CloudTrail_2.json" "$tmp/out"; }
ok $? "files failed: the status line says so as the import ends"
# The import ends while help is up: the line waits for help to close
# (it used to be set behind it and gone with the Esc that closed it).
printf 'garbage' >"$tmp/zz-bad.json"
W=160 ui_start -- --db "$tmp/h.db" "$big" "$tmp/zz-bad.json"
keys '?'
wait_for "trailnav keys" 10 >/dev/null
i=0
while [ "$(sqlite3 "$tmp/h.db" "SELECT count(*) FROM file WHERE state = 2" 2>/dev/null)" != 1 ] &&
	[ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 3 # the import's end: its indexes, then its exit
keys Escape
{ wait_gone "trailnav keys" && wait_for "import: 1 file failed (q quits and shows it): " 10 >/dev/null &&
  grep -q "zz-bad.json: invalid JSON" "$tmp/out"; }
ok $? "the import ends behind help: its line shows once help closes"
# Other notices of the import are not how it ended: waiting for another
# import's lock (a --follow), then importing well, says nothing there
# (it used to show the wait as the import's ending).
mkdir "$tmp/watched"
"$tn" import -q --follow --db "$tmp/k.db" "$tmp/watched" >/dev/null 2>&1 &
follow=$!
sleep 1
make_trail "$tmp/fine"
W=160 ui_start -- --db "$tmp/k.db" "$tmp/fine"
sleep 2
kill -INT $follow
wait $follow
{ wait_for "6 of 6 events" 10 >/dev/null && sleep 2 && settled &&
  ! grep -q "another import" "$tmp/out" &&
  keys q && wait_for "EXITED:0" 10 >/dev/null &&
  grep -q "another import is writing" "$tmp/out"; } ||
	{ sed 's/^/# /' "$tmp/out"; false; }
ok $? "waiting for another import's lock is not shown as how the import ended"
mkdir "$tmp/other"
echo "# notes" >"$tmp/other/README.md"
W=160 ui_start -- --db "$tmp/g.db" "$tmp/other"
{ wait_for "nothing to import: 1 file found, and skipped" 10 >/dev/null &&
  keys q && wait_for "EXITED:0" 10 >/dev/null; }
ok $? "nothing to import: the status line says so, exit 0"
# `trailnav -` on a terminal: standard input is no pipe, said at once.
# The browser's import used to read /dev/null for it and report "the
# file is empty".
ui_start -- --db "$tmp/e.db" -
{ wait_for "EXITED:2" 10 >/dev/null &&
  grep -q "standard input is a terminal; pipe a trail into it" "$tmp/out" &&
  ! grep -q "empty" "$tmp/out"; }
ok $? "trailnav - on a terminal: told to pipe a trail in, exit 2"
# Ctrl-C ends the browser as q does: what the import said is shown (here
# a missing path beside the trail, or, when the import had not reached
# the walk yet (a slow build), that it was stopped), and the status is
# 130.  ncurses' own handler used to exit 1 at once, and the report was
# lost.
ui_start -- --db "$tmp/d.db" "$big" "$tmp/not-there"
wait_for " events" 10 >/dev/null
keys C-c
{ wait_for "EXITED:130" 30 >/dev/null &&
  grep -q "not-there: No such file or directory\|import was stopped before it finished" "$tmp/out"; }
ok $? "Ctrl-C: the import's report is shown, exit 130"
[ "$failed" -eq 0 ]
