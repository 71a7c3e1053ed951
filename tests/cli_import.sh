#!/bin/sh
# cli_import.sh - trailnav import as a person runs it: summary, exit
# statuses, standard input, `trailnav PATH`, unchanged re-imports, threads,
# the progress bar on a terminal only, and --follow.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
record() { # ID TIME EVENT
	printf '{"eventVersion":"1.08","eventID":"%s","eventTime":"%s","eventSource":"ec2.amazonaws.com","eventName":"%s","awsRegion":"eu-west-1","userIdentity":{"type":"IAMUser","userName":"alice","arn":"arn:aws:iam::111122223333:user/alice"}}' "$1" "$2" "$3"
}
trail="$tmp/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01"
mkdir -p "$trail"
printf '{"Records":[%s,%s]}' "$(record e1 2024-05-01T08:00:00Z RunInstances)" \
	"$(record e2 2024-05-01T08:01:00Z StopInstances)" | gzip >"$trail/a.json.gz"
printf '{"Records":[%s]}' "$(record e3 2024-05-01T09:00:00Z DescribeInstances)" >"$trail/b.json"
printf '{"Records":[{"eventID":' >"$trail/broken.json"
echo "# notes" >"$tmp/AWSLogs/README.md"

echo "1..36"
db="$tmp/t.db"
"$tn" import --db "$db" "$tmp/AWSLogs" >"$tmp/out" 2>"$tmp/err"
st=$?
cat "$tmp/err" >>"$tmp/out"
{ [ $st -eq 1 ] && grep -q "^Files:  2 imported, 0 unchanged, 0 digests, 1 failed, 1 skipped" "$tmp/out" &&
  grep -q "^Events: 3 new, 0 duplicates" "$tmp/out"; }
ok $? "a tree with one broken file: summary, exit status 1"
grep -q "broken.json: invalid JSON at byte" "$tmp/err"
ok $? "the broken file is named with the reason on stderr"
[ "$(events "$db")" = 3 ]; ok $? "its events are all in"

"$tn" import --db "$db" "$tmp/AWSLogs" >"$tmp/out" 2>&1
grep -q "^Files:  0 imported, 2 unchanged, 0 digests, 1 failed" "$tmp/out"
ok $? "re-import: unchanged files are not read again"

# The ledger knows a file by its canonical path, however the tree is named.
"$tn" import --db "$db" "$tmp//AWSLogs/./111122223333/.." >"$tmp/out" 2>&1
(tn_abs=$(cd "$(dirname "$tn")" && pwd)/trailnav &&
	cd "$tmp/AWSLogs/111122223333" && "$tn_abs" import --db "$db" .) \
	>>"$tmp/out" 2>&1
{ [ "$(grep -c "^Files:  0 imported, 2 unchanged, 0 digests, 1 failed" "$tmp/out")" = 2 ] &&
  [ "$(sqlite3 "$db" "SELECT count(*) FROM file")" = 3 ]; }
ok $? "re-import under other spellings of the same tree: unchanged, no new ledger rows"
"$tn" --db "$db" files --failed >"$tmp/out" 2>&1
grep -q "^failed .* $(cd "$tmp" && pwd -P)/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01/broken.json\$" "$tmp/out"
ok $? "files: the ledger's paths are absolute and canonical"
# A copy of the tree (other paths) and the copy touched (other times):
# the files are read, but their bytes, stored already, are not stored
# again, and their events count as duplicates.
cp "$db" "$tmp/cp.db"
cp -r "$tmp/AWSLogs" "$tmp/copied"
rm "$tmp/copied/111122223333/CloudTrail/eu-west-1/2024/05/01/broken.json"
stored() { sqlite3 "$tmp/cp.db" "SELECT count(*), sum(coalesce(length, length(bytes))), (SELECT sum(length(bytes)) FROM content_chunk) FROM file_content"; }
before=$(stored)
"$tn" import --db "$tmp/cp.db" "$tmp/copied" >"$tmp/out" 2>&1
{ grep -q "^Files:  2 imported, 0 unchanged" "$tmp/out" &&
  grep -q "^Events: 0 new, 3 duplicates" "$tmp/out" && [ "$(stored)" = "$before" ] &&
  [ "$(sqlite3 "$tmp/cp.db" "SELECT count(*) FROM file WHERE stored_bytes = 0 AND state = 0")" = 2 ]; } ||
	{ sed 's/^/# /' "$tmp/out"; false; }
ok $? "a copied tree: its bytes are not stored again, its 3 events are duplicates"
find "$tmp/copied" -type f -exec touch -d '2024-06-01 00:00' {} +
"$tn" import --db "$tmp/cp.db" "$tmp/copied" >"$tmp/out" 2>&1
{ grep -q "^Files:  2 imported, 0 unchanged" "$tmp/out" &&
  grep -q "^Events: 0 new, 3 duplicates" "$tmp/out" && [ "$(stored)" = "$before" ]; } ||
	{ sed 's/^/# /' "$tmp/out"; false; }
ok $? "the copy touched: read again, nothing stored again"

# A link inside a walked tree leads to the file's own path: importing the
# link's target directly afterwards finds the file unchanged, not new.
mkdir "$tmp/links" "$tmp/elsewhere"
printf '{"Records":[%s]}' "$(record e8 2024-05-03T10:00:00Z StartInstances)" >"$tmp/elsewhere/c.json"
ln -s "$tmp/elsewhere" "$tmp/links/mirror"
"$tn" import --db "$tmp/l.db" "$tmp/links" >"$tmp/out" 2>&1 &&
	"$tn" import --db "$tmp/l.db" "$tmp/elsewhere" >"$tmp/out" 2>&1
{ grep -q "^Files:  0 imported, 1 unchanged" "$tmp/out" &&
  [ "$(sqlite3 "$tmp/l.db" "SELECT count(*) FROM file")" = 1 ]; }
ok $? "a link in the tree: its target imported directly later is unchanged"

printf '{"Records":[%s]}' "$(record e9 2024-05-02T10:00:00Z TerminateInstances)" |
	"$tn" import --db "$db" - >"$tmp/out" 2>&1
{ [ $? -eq 0 ] && [ "$(events "$db" event:TerminateInstances)" = 1 ]; }
ok $? "'-' reads standard input"
# Each read of standard input is a row of `files`, as each brought its
# own events: the totals agree with stats (the second used to replace
# the first).
printf '{"Records":[%s]}' "$(record s1 2024-05-02T11:00:00Z RebootInstances)" |
	"$tn" import -q --db "$tmp/s.db" -
printf '{"Records":[%s,%s]}' "$(record s2 2024-05-02T12:00:00Z StartInstances)" \
	"$(record s3 2024-05-02T12:01:00Z StopInstances)" | "$tn" import -q --db "$tmp/s.db" -
"$tn" --db "$tmp/s.db" files >"$tmp/out" 2>&1
{ [ "$(grep -c "^imported  *stream  .* -\$" "$tmp/out")" = 2 ] &&
  grep -q "^2 files: 2 imported, 0 digests, 0 failed; 3 events, 0 duplicates\$" "$tmp/out"; } ||
	{ sed 's/^/# /' "$tmp/out"; false; }
ok $? "files: each read of standard input a row, DISK stream, totals of 3 events"

"$tn" import --db "$db" "$trail/a.json.gz" "$trail/b.json" >"$tmp/out" 2>&1
ok $? "named unchanged files: exit status 0"

# One of a thing is singular (ngettext): a file holding one event already
# imported is one duplicate, in the summary and in stats.
printf '{"Records":[%s]}' "$(record e3 2024-05-01T09:00:00Z DescribeInstances)" >"$tmp/dup.json"
"$tn" import --db "$db" "$tmp/dup.json" >"$tmp/out" 2>&1
{ grep -q "^Events: 0 new, 1 duplicate$" "$tmp/out" &&
  "$tn" --db "$db" stats >"$tmp/out" 2>&1 &&
  grep -q "^Events:    4 (1 duplicate skipped)$" "$tmp/out" &&
  "$tn" --db "$db" stats event:TerminateInstances >"$tmp/out" 2>&1 &&
  grep -q "^1 event matches$" "$tmp/out"; }
ok $? "singular: '1 duplicate', '1 duplicate skipped', '1 event matches'"

"$tn" --db "$tmp/p.db" "$trail/a.json.gz" >"$tmp/out" 2>&1
{ [ $? -eq 0 ] && [ "$(events "$tmp/p.db")" = 2 ]; }
ok $? "'trailnav PATH' imports"

"$tn" import -q -j 3 --db "$tmp/j.db" "$tmp/AWSLogs" >"$tmp/out" 2>"$tmp/err"
{ [ $? -eq 1 ] && [ ! -s "$tmp/out" ] && [ "$(events "$tmp/j.db")" = 3 ] &&
  grep -q "broken.json" "$tmp/err"; }
ok $? "-q -j 3: nothing on stdout, failures still on stderr, same events"

"$tn" import -j 0 "$tmp/AWSLogs" >"$tmp/out" 2>&1
[ $? -eq 2 ]; ok $? "-j 0 is a usage error (2)"

echo '{"Records":[]}' | "$tn" import --follow --db "$tmp/s.db" - >"$tmp/out" 2>&1
{ [ $? -eq 2 ] && grep -q "not standard input" "$tmp/out"; }
ok $? "--follow refuses standard input (2)"

# A pipe named on the command line (a FIFO, or bash's <(...)) is read as it
# comes, like standard input; --follow refuses it, as it would never end.
mkfifo "$tmp/pipe"
printf '{"Records":[%s]}' "$(record p1 2024-05-03T10:00:00Z FromPipe)" >"$tmp/pipe" &
writer=$!
"$tn" import --db "$tmp/pipe.db" "$tmp/pipe" >"$tmp/out" 2>&1
st=$?
kill $writer 2>/dev/null
wait $writer 2>/dev/null
{ [ $st -eq 0 ] && [ "$(events "$tmp/pipe.db" event:FromPipe)" = 1 ]; }
ok $? "a named pipe is imported"
"$tn" import --follow --db "$tmp/pipe.db" "$tmp/pipe" >"$tmp/out" 2>&1
{ [ $? -eq 2 ] && grep -q "not standard input or pipes" "$tmp/out"; }
ok $? "--follow refuses a named pipe (2)"

# Nothing could be done when every path fails: 2, not the 1 of a
# partial failure (SPEC section 1).
"$tn" import --db "$tmp/n.db" "$tmp/nothing-here" >"$tmp/out" 2>&1
{ [ $? -eq 2 ] && grep -q "^trailnav: $tmp/nothing-here: No such file" "$tmp/out" &&
  grep -q "^trailnav: nothing could be imported" "$tmp/out"; }
ok $? "a path that does not exist, alone: named on stderr, exit status 2"
"$tn" import --db "$tmp/n.db" "$tmp/nothing-here" "$trail/broken.json" >"$tmp/out" 2>&1
{ [ $? -eq 2 ] && grep -q "nothing-here: No such file" "$tmp/out" &&
  grep -q "broken.json: invalid JSON" "$tmp/out" && [ "$(events "$tmp/n.db")" = 0 ]; }
ok $? "every named path fails (missing, broken): exit status 2"
"$tn" import --db "$tmp/n.db" "$tmp/nothing-here" "$trail/b.json" >"$tmp/out" 2>&1
{ [ $? -eq 1 ] && grep -q "nothing-here: No such file" "$tmp/out" &&
  ! grep -q "nothing could be imported" "$tmp/out" && [ "$(events "$tmp/n.db")" = 1 ]; }
ok $? "one path missing, the other imported: exit status 1"
"$tn" import --db "$tmp/n.db" "$tmp/nothing-here" "$trail/b.json" >"$tmp/out" 2>&1
[ $? -eq 1 ]; ok $? "one path missing, the other unchanged since: still 1"

# Records with no eventTime, or one that is not a time, are imported, and
# shown with no time rather than as 1970; until: and the span leave them out.
printf '{"Records":[%s,{"eventID":"u1","eventName":"NoTime"},{"eventID":"u2","eventTime":"yesterday","eventName":"BadTime"}]}' \
	"$(record d1 2024-05-01T08:00:00Z RunInstances)" >"$tmp/undated.json"
"$tn" import -q --db "$tmp/u.db" "$tmp/undated.json" >"$tmp/out" 2>&1
"$tn" --db "$tmp/u.db" query --format csv --columns time,id >"$tmp/out" 2>&1
{ [ "$(events "$tmp/u.db")" = 3 ] &&
  [ "$(events "$tmp/u.db" until:2030-01-01)" = 1 ] &&
  grep -q "^,u1" "$tmp/out" && grep -q "^,u2" "$tmp/out" &&
  ! grep -q 1970 "$tmp/out" &&
  "$tn" --db "$tmp/u.db" stats 2>&1 |
	grep -q "^Time span: 2024-05-01 08:00:00 to 2024-05-01 08:00:00" &&
  [ "$(events "$tmp/u.db" since:1960-01-01)" = 1 ] &&
  "$tn" --db "$tmp/u.db" stats --by day >"$tmp/out" 2>&1 &&
  grep -q "^(none) *2 " "$tmp/out" && ! grep -q "^1970" "$tmp/out"; }
ok $? "events of no known time: imported, no 1970, not in since:, until:, the span or a day"
printf '{"Records":[{"eventID":"u3","eventName":"NoTime"}]}' >"$tmp/undated-only.json"
"$tn" import -q --db "$tmp/u2.db" "$tmp/undated-only.json" >/dev/null 2>&1
"$tn" --db "$tmp/u2.db" stats >"$tmp/out" 2>&1
{ grep -q "^Events: *1 " "$tmp/out" && ! grep -q "Time span" "$tmp/out"; }
ok $? "only events of no known time: no time span at all"

# on_terminal COMMAND PATTERN NAME: what COMMAND writes on a terminal
# (script(1) gives one) holds PATTERN.
on_terminal() {
	if command -v script >/dev/null 2>&1; then
		script -qec "$1" /dev/null >"$tmp/out" 2>&1
		grep -q "$2" "$tmp/out"
		ok $? "$3"
	else
		echo "ok $((n = n + 1)) # SKIP script(1) is not installed"
	fi
}

# On a terminal, a progress bar on stderr; not in a pipe (the first
# test's stderr held no carriage return).
on_terminal "'$tn' import --db '$tmp/tty.db' '$tmp/AWSLogs'" \
	"files .* events .* MB/s" "a progress bar on a terminal"

# `-` with standard input on a terminal: a person who meant a pipe is
# told so at once (exit 2), rather than left waiting for typed JSON and
# then told of an empty file.
on_terminal "timeout 10 '$tn' import --db '$tmp/tty-stdin.db' -; echo EXIT:\$?" \
	"standard input is a terminal; pipe a trail into it" \
	"import - on a terminal: said at once"
{ grep -q "^EXIT:2" "$tmp/out" && [ ! -e "$tmp/tty-stdin.db" ]; } ||
	{ sed 's/^/# /' "$tmp/out"; false; }
ok $? "import - on a terminal: exit 2, no database made"

# Counts in the singular when they are one: the progress bar, generate's
# summary, demo's first line (ngettext, as the rest of the CLI).
mkdir -p "$tmp/one" "$tmp/dd/demo/AWSLogs"
printf '{"Records":[%s]}' "$(record o1 2024-05-01T08:00:00Z RunInstances)" >"$tmp/one/a.json"
cp "$tmp/one/a.json" "$tmp/dd/demo/AWSLogs/a.json"
on_terminal "'$tn' import --db '$tmp/one.db' '$tmp/one'" \
	"\] 1/1 file  1 event  [0-9.]* MB/s  ETA " \
	"progress bar of one file and one event: '1/1 file  1 event'"
"$tn" generate --events 1 --no-digests "$tmp/gen1" >"$tmp/out" 2>&1
grep -q "^$tmp/gen1: 1 event (0 of them again in an account trail, 0 Insights, 0 of the incident) in 1 log file, 0 Insights files and 0 digest files; [0-9.]* MB written" "$tmp/out"
ok $? "generate: '1 event ... in 1 log file, 0 Insights files and 0 digest files'"
TRAILNAV_DATADIR="$tmp/dd" "$tn" demo --db "$tmp/demo1.db" >"$tmp/out" 2>&1
[ "$(head -n 1 "$tmp/out")" = "Imported the demo trail: 1 event from 1 file into $tmp/demo1.db" ]
ok $? "demo: 'Imported the demo trail: 1 event from 1 file into DB'"

# Nothing to import at all: said on stderr (not a failure: exit 0), for
# a folder of other files and for an empty one; -q says nothing.
mkdir -p "$tmp/other" "$tmp/empty"
echo "# notes" >"$tmp/other/README.md"
echo "just words" >"$tmp/other/notes"
"$tn" import --db "$tmp/o.db" "$tmp/other" >/dev/null 2>"$tmp/err"; st1=$?
"$tn" import --db "$tmp/o.db" "$tmp/empty" >/dev/null 2>"$tmp/err2"; st2=$?
"$tn" import -q --db "$tmp/o.db" "$tmp/empty" >/dev/null 2>"$tmp/err3"
{ [ $st1 -eq 0 ] && [ $st2 -eq 0 ] && [ ! -s "$tmp/err3" ] &&
  [ "$(cat "$tmp/err")" = "trailnav: nothing to import: 2 files found, and skipped: their names or first bytes say they are not trail files" ] &&
  [ "$(cat "$tmp/err2")" = "trailnav: nothing to import: no files found" ]; } ||
	{ sed 's/^/# /' "$tmp/err" "$tmp/err2" "$tmp/err3"; false; }
ok $? "nothing to import: said, exit 0; -q quiet"

# A missing path is said at once while another import holds the database
# (a --follow in another terminal), not once that import ends.
"$tn" import --follow -q --db "$tmp/lock.db" "$tmp/empty" >/dev/null 2>&1 &
fpid=$!
sleep 1
timeout 10 "$tn" import --db "$tmp/lock.db" "$tmp/nope3" >/dev/null 2>"$tmp/err"
st=$?
kill -INT $fpid 2>/dev/null
wait $fpid
{ [ $st -eq 2 ] && grep -q "nope3: No such file or directory" "$tmp/err" &&
  ! grep -q "waiting" "$tmp/err"; } || { echo "# status $st"; sed 's/^/# /' "$tmp/err"; false; }
ok $? "a missing path under another import's lock: said at once, exit 2"

# --follow when every path fails: each failure said, exit 2 as without
# --follow, not watching nothing (timeout's 124 if it still watches).
timeout 20 "$tn" import --follow --db "$tmp/nf.db" "$tmp/nope1" "$tmp/nope2" >"$tmp/out" 2>"$tmp/err"
st=$?
printf 'trailnav: %s: No such file or directory\n' "$tmp/nope1" "$tmp/nope2" >"$tmp/want"
echo "trailnav: nothing could be imported (each failure is reported above)" >>"$tmp/want"
{ [ $st -eq 2 ] && cmp -s "$tmp/want" "$tmp/err" && ! grep -q Watching "$tmp/out"; } ||
	{ echo "# status $st"; sed 's/^/# /' "$tmp/err"; false; }
ok $? "--follow with every path missing: each reported, exit 2, no watching"

# --follow: a file delivered later is imported without a restart.
"$tn" import --follow --db "$tmp/f.db" "$tmp/AWSLogs" >"$tmp/follow" 2>&1 &
pid=$!
sleep 2
printf '{"Records":[%s]}' "$(record e7 2024-05-01T10:00:00Z RebootInstances)" >"$trail/late.json"
got=0
for _ in $(seq 1 30); do
	got=$(events "$tmp/f.db" event:RebootInstances)
	[ "$got" = 1 ] && break
	sleep 1
done
kill -INT $pid 2>/dev/null
wait $pid
[ "$got" = 1 ]; ok $? "--follow imports a file delivered later"
cp "$tmp/follow" "$tmp/out"
grep -q "^1 new file: 1 new event, 0 duplicates$" "$tmp/follow"
ok $? "--follow says so: '1 new file: 1 new event, 0 duplicates'"
[ $failed -eq 0 ]
