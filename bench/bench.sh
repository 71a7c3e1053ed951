#!/bin/sh
# bench.sh - `make bench`: import speed, memory, database size and
# re-import time over synthetic trails of 100k and 1M events, each figure
# printed beside the SPEC's target, and a naive reference (gzip -dc | jq)
# timed in the same run.  Corpora are generated once and cached.
set -eu
top=${TRAILNAV_TOP_BUILDDIR:-.}
tn="$top/src/trailnav"
cache=${TRAILNAV_BENCH_CACHE:-$top/bench/cache}
sizes=${TRAILNAV_BENCH_SIZES:-"100000 1000000"}

for tool in /usr/bin/time jq gzip; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: $tool is needed: apt-get install time jq gzip" >&2
		exit 2
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# timed OUT CMD...: runs CMD with GNU time; OUT gets "seconds peak-KB".
timed() {
	out=$1
	shift
	/usr/bin/time -f '%e %M' -o "$out" "$@"
}

. "$(dirname "$0")/corpus.sh"

row() { # NAME VALUE TARGET
	printf '  %-34s %16s   %s\n' "$1" "$2" "$3"
}

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "trailnav $("$tn" --version | head -n 1 | cut -d' ' -f2) on $machine"

for n in $sizes; do
	dir=$(corpus "$n")
	db="$tmp/bench-$n.db"
	# Three imports into new databases; the median time is reported (times
	# on a shared VM vary by a third from run to run), and the most memory
	# any of them took.
	for run in 1 2 3; do
		rm -f "$db" "$db-wal" "$db-shm"
		timed "$tmp/run$run" "$tn" import --db "$db" "$dir" >"$tmp/summary$run"
	done
	secs=$(cut -d' ' -f1 "$tmp/run1" "$tmp/run2" "$tmp/run3" | sort -n | sed -n 2p)
	for run in 1 2 3; do
		if [ "$(cut -d' ' -f1 "$tmp/run$run")" = "$secs" ]; then
			cp "$tmp/summary$run" "$tmp/summary"
		fi
	done
	rss_kb=$(cut -d' ' -f2 "$tmp/run1" "$tmp/run2" "$tmp/run3" | sort -n | tail -n 1)
	runs=$(cut -d' ' -f1 "$tmp/run1" "$tmp/run2" "$tmp/run3" | sort -n | tr '\n' ' ')
	events=$("$tn" --db "$db" stats --by category | sed -n 's/^\([0-9]*\) \(events match\|event matches\)$/\1/p')
	json_mb=$(sed -n 's/.*, \([0-9.]*\) MB\/s of JSON.*/\1/p' "$tmp/summary")
	db_bytes=$(stat -c %s "$db")
	timed "$tmp/t2" "$tn" import --db "$db" "$dir" >/dev/null
	read -r resecs _ <"$tmp/t2"
	files=$(find "$dir" -path '*/CloudTrail/*' -name '*.json.gz' | wc -l)
	timed "$tmp/t3" sh -c "find '$dir' -path '*/CloudTrail/*' -name '*.json.gz' -print0 | xargs -0 gzip -dc | jq -c '.Records[]' >/dev/null"
	read -r jqsecs _ <"$tmp/t3"
	# Text search (a bare word), first page of hits as the browser's
	# list pane asks for it (store_page): a word in many events, and the
	# worst case, a word in none, which reads every stored file.
	timed "$tmp/t4" "$tn" --db "$db" query --limit 50 --format csv --columns time GetObject >/dev/null
	read -r wordsecs _ <"$tmp/t4"
	timed "$tmp/t5" "$tn" --db "$db" query --limit 50 --format csv --columns time no-such-word-anywhere >/dev/null
	read -r nowordsecs _ <"$tmp/t5"
	echo
	echo "$n events requested, $events imported, $files log files"
	row "import events/s" "$(awk "BEGIN {printf \"%.0f\", $events / $secs}")" ">= 200000"
	row "import time (median of 3)" "${secs} s" ""
	row "  the three runs" "${runs% } s" ""
	row "uncompressed JSON MB/s" "${json_mb:-?}" ""
	row "peak RSS" "$((rss_kb / 1024)) MB" "<= 256 MB"
	row "database bytes per event" "$(awk "BEGIN {printf \"%.0f\", $db_bytes / $events}")" "<= 500"
	row "re-import, unchanged tree" "${resecs} s" "<= 1 s"
	row "gzip -dc | jq, same files" "${jqsecs} s" ""
	row "trailnav vs gzip | jq" "$(awk "BEGIN {printf \"%.1fx faster\", $jqsecs / $secs}")" ""
	row "text search, word in many events" "${wordsecs} s" "<= 1 s (at 1M)"
	row "text search, word in no event" "${nowordsecs} s" "<= 1 s (at 1M)"
done
