#!/bin/sh
# fuzz_smoke.sh - build the libFuzzer targets in tests/fuzz with clang and
# run each for a short while, seeded from the project's own fixtures (and
# ../shared/corpus when it is there).  A finding fails the test and leaves
# the crashing input's path in the output.  Skipped without clang or its
# fuzzer runtime (Debian: clang libclang-rt-dev).
#
# TRAILNAV_FUZZ_SECONDS sets the time per target (default 15); the long
# runs the issue asks for are this script with 600.  TRAILNAV_FUZZ_KEEP
# names a directory that keeps the grown corpora between runs.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
secs=${TRAILNAV_FUZZ_SECONDS:-15}
corpus=${TRAILNAV_CORPUS:-$src/../shared/corpus}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tn=/bin/true
. "$src/tests/tap.sh"

cc="clang -g -O1 -fsanitize=fuzzer,address,undefined -DHAVE_CONFIG_H
	-D_POSIX_C_SOURCE=200809L -I$top -I$src -I$src/src"
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
{ (void)d; return (int)n * 0; }' >"$tmp/probe.c"
if ! command -v clang >/dev/null 2>&1 ||
	! $cc "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1; then
	echo "1..0 # SKIP clang with libFuzzer is needed (apt-get install clang libclang-rt-dev)"
	exit 0
fi

echo "1..6"
s="$src/src"
build() { # NAME SOURCES...
	name=$1
	shift
	$cc "$src/tests/fuzz/$name.c" "$@" -o "$tmp/$name" -lz -ldeflate >"$tmp/out" 2>&1
	ok $? "builds: $name"
}
build fuzz_parse "$s/import/json.c" "$s/import/parse.c" "$s/import/record.c" \
	"$s/import/classify.c" "$s/import/event_time.c" \
	"$s/util/json_string.c" "$s/util/buf.c" "$s/util/calendar.c"
build fuzz_filter "$s/filter/filter.c" "$s/filter/filter_time.c" \
	"$s/filter/filter_format.c" "$s/util/calendar.c"
build fuzz_gunzip "$s/util/gunzip.c" "$s/util/format.c" "$s/util/buf.c"

# Seeds: plain JSON for the parser, filter texts, gzip files.
mkdir -p "$tmp/seed_parse" "$tmp/seed_filter" "$tmp/seed_gunzip"
i=0
for f in $(find "$src/tests" "$corpus" -type f \( -name '*.json' -o -name '*.json.gz' \) 2>/dev/null | sort | head -n 200); do
	i=$((i + 1))
	case $f in
	*.gz)
		cp "$f" "$tmp/seed_gunzip/$i"
		gzip -dc "$f" 2>/dev/null | head -c 65536 >"$tmp/seed_parse/$i" ;;
	*) head -c 65536 "$f" >"$tmp/seed_parse/$i" ;;
	esac
done
cut -f3 "$src/data/presets" | grep -v '^#' | awk 'NF { print > (dir "/" NR) }' \
	dir="$tmp/seed_filter"

run() { # NAME MAXLEN
	keep=${TRAILNAV_FUZZ_KEEP:+$TRAILNAV_FUZZ_KEEP/$1}
	work=${keep:-$tmp/corpus_$1}
	mkdir -p "$work"
	seeds="$tmp/seed_${1#fuzz_}"
	(cd "$tmp" && "./$1" -max_total_time="$secs" -max_len="$2" \
		-print_final_stats=1 "$work" "$seeds") >"$tmp/out" 2>&1
	st=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/out")
	ok $st "$1 for ${secs}s: ${runs:-?} inputs, no finding"
}
run fuzz_parse 65536
run fuzz_filter 512
run fuzz_gunzip 65536
[ "$failed" -eq 0 ]
