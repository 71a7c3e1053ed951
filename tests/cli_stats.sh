#!/bin/sh
# cli_stats.sh - trailnav --help, --version and stats as a person runs
# them: output, error messages and exit statuses.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/t.db"
n=0
failed=0

echo "1..27"
# check NAME EXPECTED-STATUS PATTERN-FILE-OR-EMPTY -- COMMAND...: runs the
# command, then checks its status and that stdout+stderr hold every line
# of the expected text (fixed strings, in any order).
check() {
	name=$1 want=$2 expect=$3
	shift 4
	n=$((n + 1))
	"$@" >"$tmp/out" 2>&1
	got=$?
	ok=1
	[ "$got" -eq "$want" ] || ok=0
	if [ -n "$expect" ]; then
		printf '%s\n' "$expect" >"$tmp/expect"
		while IFS= read -r line; do
			grep -qF -- "$line" "$tmp/out" || { ok=0; echo "# missing: $line"; }
		done <"$tmp/expect"
	fi
	if [ $ok -eq 1 ]; then
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name (status $got, wanted $want)"
		sed 's/^/# /' "$tmp/out"
	fi
}

check "--help lists stats" 0 "Usage: trailnav [--db FILE] COMMAND
stats    [FILTER...]" -- "$tn" --help
check "--help lists only what exists" 0 "" -- sh -c \
	"'$tn' --help | grep -cE '^  (demo|equivalent|files|generate|import|query|stats) ' | grep -qx 7"
# -h after a command is that command's help, as --help is (and as -h is
# before one), never a filter word ("not h") nor an unknown option.
for c in query stats files equivalent generate import demo; do
	"$tn" --db "$tmp/none.db" $c -h >"$tmp/out.$c" 2>&1 || echo "# $c -h: status $?" >>"$tmp/out.$c"
done
check "COMMAND -h: each command's help, exit 0" 0 "" -- sh -c \
	"for c in query stats files equivalent generate import demo; do
		head -n 1 '$tmp/out.'\$c | grep -q \"^Usage: trailnav \$c \" || exit 1
	done; [ ! -e '$tmp/none.db' ]"
check "--version" 0 "trailnav 0.1.0
schema version 17" -- "$tn" --version
check "unknown command" 2 "unknown command 'frob'" -- "$tn" frob
# The commands that only read never create a database: a mistyped --db
# is said, and leaves nothing behind (not even its directory).
for c in stats query files; do
	check "$c on a missing database: exit 2, says so" 2 \
		"trailnav: no database at $tmp/empty/e.db; import some files first" \
		-- "$tn" --db "$tmp/empty/e.db" $c
done
n=$((n + 1))
if [ ! -e "$tmp/empty" ]; then
	echo "ok $n - ... and creates neither the file nor its directory"
else
	failed=$((failed + 1))
	echo "not ok $n - ... and creates neither the file nor its directory"
fi
mkdir "$tmp/nothing"
"$tn" import -q --db "$tmp/e.db" "$tmp/nothing" >/dev/null 2>&1
check "empty database summary" 0 "Events:    0 (0 duplicates skipped)" \
	-- "$tn" --db "$tmp/e.db" stats
"$top/tests/fixture_db" "$db" || echo "# fixture_db failed"
check "summary with events" 0 "Events:    8 (0 duplicates skipped)
Files:     1 imported, 0 digests, 0 failed
Time span: 2024-05-01 00:00:00 to 2024-05-02 01:00:00 UTC
Management" -- "$tn" --db "$db" stats
check "stats --by region" 0 "REGION           EVENTS       %
us-east-1             4    50.0
eu-west-1             3    37.5
us-west-2             1    12.5
8 events match" -- "$tn" --db "$db" stats --by region
check "stats --limit 0: no rows, the total still" 0 "" -- sh -c \
	"'$tn' --db '$db' stats --by region --limit 0 | tr -s ' ' | tr '\n' '|' |
	grep -qx 'REGION EVENTS %|8 events match|'"
check "filter and negation" 0 "AccessDenied                             1    50.0
Client.UnauthorizedOperation             1    50.0
2 events match" -- "$tn" --db "$db" stats --by=error error:any -cat:network
check "TRAILNAV_DB names the database" 0 "3 events match" -- \
	env TRAILNAV_DB="$db" "$tn" stats --by service service:s3
check "bad filter points at the term" 2 "bad filter: unknown key 'foo'
  region:x foo:bar
           ^^^" -- "$tn" --db "$db" stats region:x foo:bar
check "--limit of a number too big says so, not 'no whole number'" 2 \
	"--limit takes a whole number up to " -- \
	"$tn" --db "$db" stats --by region --limit 99999999999999999999
check "--limit of no number: a whole number is wanted" 2 \
	"--limit takes a whole number, not '12x'" -- \
	"$tn" --db "$db" stats --by region --limit 12x
check "bad --by" 2 "unknown dimension 'colour' for --by" -- \
	"$tn" --db "$db" stats --by colour
check "hostile filter text is escaped in the error" 2 'event:\e]0;x\a' -- \
	"$tn" --db "$db" stats "$(printf 'event:\033]0;x\007 nope:')"
# Events without a type: no userIdentity at all (no principal), and a
# userIdentity without "type" (a principal whose type is empty).  One
# "(none)" row for both.
mkdir "$tmp/types"
r='"eventTime":"2024-05-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"A","awsRegion":"us-east-1"'
printf '{"Records":[{%s,"eventID":"t-1"},{%s,"eventID":"t-2","userIdentity":{"userName":"bob"}},{%s,"eventID":"t-3","userIdentity":{"type":"IAMUser","userName":"al"}}]}' \
	"$r" "$r" "$r" >"$tmp/types/t.json"
"$tn" import -q --db "$tmp/types.db" "$tmp/types" >/dev/null 2>&1
check "stats --by type: one (none) row for no userIdentity and no type" 0 "" -- sh -c \
	"'$tn' --db '$tmp/types.db' stats --by type | tr -s ' ' | tr '\n' '|' |
	grep -qx 'TYPE EVENTS %|(none) 2 66.7|IAMUser 1 33.3|3 events match|'"
# Events naming no principal: no userIdentity (no principal row), an
# AWSService without invokedBy and a userIdentity with an account alone
# (principal rows of no ARN, name or ID, different by type and account).
# One "(none)" row for all three.
mkdir "$tmp/principals"
printf '{"Records":[{%s,"eventID":"p-1"},{%s,"eventID":"p-2","userIdentity":{"type":"AWSService"}},{%s,"eventID":"p-3","userIdentity":{"accountId":"111122223333"}},{%s,"eventID":"p-4","userIdentity":{"type":"IAMUser","userName":"al","arn":"arn:aws:iam::111122223333:user/al"}}]}' \
	"$r" "$r" "$r" "$r" >"$tmp/principals/p.json"
"$tn" import -q --db "$tmp/principals.db" "$tmp/principals" >/dev/null 2>&1
check "stats --by principal: one (none) row for every event naming no principal" 0 "" -- sh -c \
	"'$tn' --db '$tmp/principals.db' stats --by principal | tr -s ' ' | tr '\n' '|' |
	grep -qx 'PRINCIPAL EVENTS %|(none) 3 75.0|al 1 25.0|4 events match|'"
# Two IAM users named alice in two accounts are two rows: each shows its
# account, which tells them apart; bob, whose name no one else has, his
# name alone.
mkdir "$tmp/alices"
u() { printf '{%s,"eventID":"%s","userIdentity":{"type":"IAMUser","userName":"%s","arn":"arn:aws:iam::%s:user/%s","accountId":"%s"}}' "$r" "$1" "$2" "$3" "$2" "$3"; }
printf '{"Records":[%s,%s,%s,%s]}' "$(u a-1 alice 111122223333)" \
	"$(u a-2 alice 111122223333)" "$(u a-3 alice 444455556666)" \
	"$(u a-4 bob 111122223333)" >"$tmp/alices/a.json"
"$tn" import -q --db "$tmp/alices.db" "$tmp/alices" >/dev/null 2>&1
check "stats --by principal: a name two principals share shows their accounts" 0 "" -- sh -c \
	"'$tn' --db '$tmp/alices.db' stats --by principal | tr -s ' ' | tr '\n' '|' |
	grep -qx 'PRINCIPAL EVENTS %|alice (111122223333) 2 50.0|bob 1 25.0|alice (444455556666) 1 25.0|4 events match|'"
# A name longer than the column is cut before its account, which tells
# the two rows apart (cut at the end, both read the same).
long=automation-role-for-the-nightly-security-audit-of-every-account
mkdir "$tmp/long"
printf '{"Records":[%s,%s]}' "$(u l-1 "$long" 111122223333)" \
	"$(u l-2 "$long" 444455556666)" >"$tmp/long/l.json"
"$tn" import -q --db "$tmp/long.db" "$tmp/long" >/dev/null 2>&1
check "stats --by principal: a long shared name is cut before its account" 0 "" -- sh -c \
	"'$tn' --db '$tmp/long.db' stats --by principal | tr -s ' ' | tr '\n' '|' |
	grep -qx 'PRINCIPAL EVENTS %|automation-role-for-the-nightly-security-aud… (111122223333) 1 50.0|automation-role-for-the-nightly-security-aud… (444455556666) 1 50.0|2 events match|'"
# Help, version, the summaries of import and generate to a full device:
# the failure on stderr and exit 2, as for every command's result
# (src/cli/output.c).
bad=0
for c in "--help" "-h" "--version" "help import" "query --help" "stats -h" \
	"files --help" "equivalent --help" "generate --help" "demo --help" \
	"import --help" "import -q --help" "import --db $tmp/full.db $tmp/types" \
	"generate --events 50 $tmp/full-trail"; do
	# shellcheck disable=SC2086 # $c is the command and its options
	"$tn" $c >/dev/full 2>"$tmp/err"
	st=$?
	{ [ $st -eq 2 ] && [ "$(cat "$tmp/err")" = "trailnav: writing the output: No space left on device" ]; } ||
		{ echo "# $c: status $st"; sed 's/^/# /' "$tmp/err"; bad=1; }
done
check "help, version, import and generate summaries to /dev/full: the error on stderr, exit 2" 0 "" -- test $bad -eq 0
# A database of schema 4: told once, before the upgrade that rewrites
# its rows, and on stderr only.  Made from a new one with what versions 8
# to 17 added taken back out (the files' bytes out of their chunks, the
# resources' ARNs and the ledger's paths whole again, principals and keys
# UNIQUE, the events indexed by their milliseconds, every resource in
# event_resource, the shared IDs in the rows and the totals kept by a
# trigger on the ledger's inserts).
cp "$db" "$tmp/v4.db"
sqlite3 "$tmp/v4.db" "CREATE TRIGGER totals_insert AFTER INSERT ON file BEGIN
  UPDATE totals SET imported = imported + (NEW.state = 0),
  digests = digests + (NEW.state = 1), failed = failed + (NEW.state = 2),
  events = events + NEW.events, duplicates = duplicates + NEW.duplicates,
  stored_bytes = stored_bytes + NEW.stored_bytes; END;
INSERT INTO event_resource(event, resource)
  SELECT id, resource FROM event WHERE resource IS NOT NULL;
DROP INDEX IF EXISTS event_by_resource;
DELETE FROM deferred_index WHERE name = 'event_by_resource';
ALTER TABLE event DROP COLUMN resource;
ALTER TABLE event ADD COLUMN shared_id TEXT;
UPDATE event SET shared_id = (SELECT x.shared_id FROM event_shared x
  WHERE x.event = event.id);
DROP TABLE event_shared;
DROP INDEX event_by_time;
CREATE INDEX event_by_time ON event(time_ms);
DROP INDEX event_by_name; CREATE INDEX event_by_name ON event(name, time_ms);
CREATE TABLE p12(id INTEGER PRIMARY KEY, type TEXT NOT NULL,
  arn TEXT NOT NULL, name TEXT NOT NULL, pid TEXT NOT NULL,
  account TEXT NOT NULL, role TEXT NOT NULL, session TEXT NOT NULL,
  UNIQUE(type, arn, name, pid, account));
INSERT INTO p12 SELECT id, type, arn, name, pid, account, role, session
  FROM principal;
DROP TABLE principal; ALTER TABLE p12 RENAME TO principal;
CREATE TABLE k12(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);
INSERT INTO k12 SELECT id, s FROM access_key;
DROP TABLE access_key; ALTER TABLE k12 RENAME TO access_key;
CREATE INDEX access_key_by_s_nocase ON access_key(s COLLATE NOCASE);
UPDATE file SET name = coalesce((SELECT s FROM file_dir
  WHERE id = dir), '') || name;
ALTER TABLE file RENAME COLUMN name TO path;
ALTER TABLE file DROP COLUMN dir; DROP TABLE file_dir;
CREATE TABLE r10(id INTEGER PRIMARY KEY, arn TEXT NOT NULL,
  name TEXT NOT NULL, type TEXT);
INSERT INTO r10 SELECT r.id, coalesce((SELECT s FROM arn_prefix
  WHERE id = r.prefix), '') || r.name, r.name, (SELECT s FROM resource_type
  WHERE id = r.type) FROM resource r;
DROP TABLE resource; ALTER TABLE r10 RENAME TO resource;
DROP TABLE arn_prefix; DROP TABLE resource_type;
CREATE INDEX resource_by_arn ON resource(arn COLLATE NOCASE);
CREATE INDEX resource_by_name ON resource(name COLLATE NOCASE);
UPDATE file_content SET bytes = substr(CAST((SELECT
  group_concat(bytes, '') FROM (SELECT bytes FROM content_chunk c
  WHERE c.id BETWEEN file_content.chunk AND file_content.chunk +
  (file_content.chunk_offset + file_content.length) / (SELECT
  max(length(bytes)) FROM content_chunk) ORDER BY c.id)) AS BLOB),
  file_content.chunk_offset + 1, file_content.length) WHERE chunk IS NOT NULL;
ALTER TABLE file_content DROP COLUMN chunk;
ALTER TABLE file_content DROP COLUMN chunk_offset;
ALTER TABLE file_content DROP COLUMN length;
DROP TABLE content_chunk;
DROP INDEX file_by_path_end;
CREATE INDEX file_by_path ON file(path);
DROP INDEX event_by_id_end;
CREATE UNIQUE INDEX event_by_event_id ON event(event_id);
PRAGMA user_version=4" || echo "# sqlite3 failed"
check "an upgrade that rewrites rows is announced" 0 "8 events match
upgrading the database $tmp/v4.db from schema version 4 to 17" -- \
	"$tn" --db "$tmp/v4.db" stats --by region
n=$((n + 1))
if "$tn" --db "$tmp/v4.db" stats --by region 2>"$tmp/err" >/dev/null &&
	[ ! -s "$tmp/err" ]; then
	echo "ok $n - upgraded once: nothing said the second time"
else
	failed=$((failed + 1))
	echo "not ok $n - upgraded once: nothing said the second time"
	sed 's/^/# /' "$tmp/err"
fi
[ $failed -eq 0 ]
