#!/bin/sh
# hostile.sh - import the hostile corpus (tests/make_hostile.py, plus the
# links, names and permissions a script cannot put in a file) and check
# that every bad file is reported, every good one imported, memory stays
# within SPEC section 5, and no control character from a record reaches
# the output.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"

for tool in python3 /usr/bin/time; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is needed"
		exit 0
	fi
done

tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

echo "1..8"
h="$tmp/hostile"
good_events=$(python3 "$src/tests/make_hostile.py" "$h" |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["good_events"])')
# A loop of symbolic links, a directory with a trail file's name, a path
# of some 3,000 bytes holding one good event, an unreadable file.
ln -s .. "$h/good/loop"
mkdir -p "$h/good/x.json.gz"
deep="$h/good"
for i in $(seq 1 12); do
	deep="$deep/$(printf 'd%.0s' $(seq 1 240))"
done
mkdir -p "$deep"
cp "$h/good/empty-records.json" "$deep/deep.json"
printf '{"Records":[{"eventID":"deep-path-1","eventTime":"2024-05-01T00:00:00Z","eventName":"Deep","eventSource":"s3.amazonaws.com","awsRegion":"us-east-1"}]}' \
	>"$deep/deep.json"
good_events=$((good_events + 1))
printf '{"Records":[]}' >"$h/bad/unreadable.json"
chmod 000 "$h/bad/unreadable.json"
if [ -r "$h/bad/unreadable.json" ]; then
	echo "# running as root: no file is unreadable, that case is left out"
	rm -f "$h/bad/unreadable.json"
fi

/usr/bin/time -f '%M' -o "$tmp/rss" "$tn" import -q --db "$tmp/h.db" "$h" \
	>"$tmp/summary" 2>"$tmp/err"
status=$?
cp "$tmp/err" "$tmp/out"
ok $([ $status -eq 1 ]; echo $?) "importing exits 1 (status $status)"

missing=0
for f in "$h"/bad/*; do
	grep -qF "$f: " "$tmp/err" || { echo "# not reported: $f" >>"$tmp/out"; missing=1; }
done
ok $missing "every bad file is reported with its path and a reason"
others=$(grep -v -F "$h/bad/" "$tmp/err" | grep -c '^trailnav: ')
ok $([ "$others" -eq 0 ]; echo $?) "nothing else is reported ($others other lines)"

got=$(events "$tmp/h.db")
[ "$got" = "$good_events" ]
ok $? "every event of the good files is imported ($got of $good_events)"
deep_n=$(events "$tmp/h.db" event:Deep)
ok $([ "$deep_n" = 1 ]; echo $?) "the file at a 3,000-byte path is imported, through a symlink loop"

rss_kb=$(tail -n 1 "$tmp/rss")
# AddressSanitizer's shadow memory and quarantine multiply the footprint:
# the bound is the program's, measured in a plain build.
if ldd "$tn" 2>/dev/null | grep -q libasan; then
	n=$((n + 1))
	echo "ok $n # SKIP peak memory ($((rss_kb / 1024)) MB) is not the program's under AddressSanitizer"
else
	[ "$rss_kb" -le 262144 ]
	ok $? "peak memory $((rss_kb / 1024)) MB <= 256 MB (gzip bomb, 40 MB string)"
fi

# Record text never reaches the output raw: no C0 control byte but
# newline, no DEL, no C1 control (U+0080..U+009F as UTF-8) in any report.
clean() { # FILE: 0 when it holds no control characters
	python3 - "$1" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
bad = re.search(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", data)
if bad:
    print("# control byte %r at %d" % (bad.group(), bad.start()))
sys.exit(1 if bad else 0)
EOF
}
for by in agent error principal; do
	"$tn" --db "$tmp/h.db" stats --by "$by" >"$tmp/by_$by" 2>&1
done
cat "$tmp"/by_* >"$tmp/out"
grep -q 'AccessDenied' "$tmp/out" && grep -q '\\e\]' "$tmp/out"
ok $? "stats shows the hostile values, with OSC escaped visibly"
cat "$tmp"/by_* "$tmp/err" "$tmp/summary" >"$tmp/all"
clean "$tmp/all" >"$tmp/out"
ok $? "no control character reaches stats or import output"
[ "$failed" -eq 0 ]
