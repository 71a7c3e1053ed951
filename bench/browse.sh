#!/bin/sh
# browse.sh - the browser half of `make bench` (SPEC section 5): the real
# browser, in tmux, on a database of 10M generated events, driven by a
# script of keys; the browser itself logs how long each key took from
# being read to being redrawn (TRAILNAV_KEY_TIMES, src/ui/keylog.h), when
# the counts a key started were complete, and its peak memory.
#
# The corpus and its database are built once and cached (the import of
# 10M events takes minutes).  TRAILNAV_BENCH_BROWSE_EVENTS sets the size.
set -eu
top=${TRAILNAV_TOP_BUILDDIR:-.}
tn="$top/src/trailnav"
case $tn in /*) ;; *) tn="$PWD/$tn" ;; esac
cache=${TRAILNAV_BENCH_CACHE:-$top/bench/cache}
n=${TRAILNAV_BENCH_BROWSE_EVENTS:-10000000}

for tool in tmux python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: $tool is needed: apt-get install $tool" >&2
		exit 2
	fi
done

. "$(dirname "$0")/corpus.sh"
trail=$(corpus "$n")
db="$cache/browse-$n.db"
# The marker holds the schema version the database was made with: one
# made by an older trailnav is imported again rather than upgraded in
# place, so that the figures are those of the current layout (and the
# upgrade's minutes are not timed as the first screen).
schema=$(LC_ALL=C "$tn" --version | sed -n 's/^Database schema version \([0-9]*\).*/\1/p')
if [ ! -f "$db" ] || [ -z "$schema" ] ||
	[ "$(cat "$db.complete" 2>/dev/null)" != "$schema" ]; then
	rm -f "$db" "$db-wal" "$db-shm" "$db.complete"
	echo "importing $trail into $db ..." >&2
	"$tn" import -q --db "$db" "$trail" >/dev/null || true
	echo "$schema" >"$db.complete"
fi

# Measured with the database in the page cache, as after an import or a
# first look: otherwise the figures are those of the disk (a cold 6.7 GB
# file made page down's p99 823 ms on the development VM).
cat "$db" >/dev/null

tmp=$(mktemp -d)
sock="$tmp/tmux"
# The browser has quit by then, so kill-server may fail: under set -e
# that failure would become the script's (and make bench's) status.
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
log="$tmp/keys"
: >"$log"
tmux -S "$sock" new-session -d -x 120 -y 40 \
	"env TERM=xterm-256color TRAILNAV_KEY_TIMES='$log' '$tn' --db '$db'"

# wait_lines N: until the log has N lines (10 s at most).
wait_lines() {
	i=0
	while [ "$(wc -l <"$log")" -lt "$1" ] && [ $i -lt 1000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
}
# key KEY...: sends one key and waits until the browser has answered it,
# then leaves it 50 ms (counting goes on meanwhile, as when a person
# types).
key() {
	before=$(grep -c '^key ' "$log" || true)
	tmux -S "$sock" send-keys "$@"
	i=0
	while [ "$(grep -c '^key ' "$log" || true)" -le "$before" ] && [ $i -lt 2000 ]; do
		sleep 0.005
		i=$((i + 1))
	done
	sleep 0.05
}
# settle: until the counts of the last key are complete (60 s at most).
settle() {
	i=0
	while ! tmux -S "$sock" capture-pane -p | tail -n 1 | grep -q ' events ' ||
		tmux -S "$sock" capture-pane -p | tail -n 1 | grep -q 'counting'; do
		[ $i -lt 6000 ] || break
		sleep 0.01
		i=$((i + 1))
	done
}

# phase NAME: marks the log, so each key counts where it belongs (a space
# typed into the filter line is not a facet toggle).
phase() { echo "phase $1" >>"$log"; }

wait_lines 1
settle
phase page
for _ in $(seq 1 20); do key NPage; done
phase detail
for _ in $(seq 1 20); do key Down; done
phase other
key BTab
phase facet
for _ in $(seq 1 5); do
	key Down
	key Space
	settle
	key Space
	settle
done
phase other
key Tab
phase filter
for f in 'event:ConsoleLogin' 'error:AccessDenied*' 'principal:alice' \
	'region:eu-west-1 cat:data' 'service:iam ro:false' \
	'-region:us-east-1 error:any' 'key:AKIA*' \
	'event:StopLogging,DeleteTrail' 'ip:10.0.0.1' \
	'resource:arn:aws:s3:::acme-prod-artifacts-us-east-1' \
	'resource:arn:aws:s3:::*' ''; do
	key /
	key C-u
	[ -z "$f" ] || tmux -S "$sock" send-keys -l -- "$f"
	sleep 0.2
	key Enter
	settle
done
key q
sleep 0.5
# Kept beside the database, to see which key was slow.
cp "$log" "$cache/browse-$n.keys"

python3 - "$log" "$n" "$db" <<'EOF'
import sys
log, n, db = sys.argv[1], int(sys.argv[2]), sys.argv[3]
keys, settled, first, rss, phase = {}, {}, None, None, ""
for line in open(log):
    f = line.split()
    if f[0] == "phase":
        phase = f[1]
    elif f[0] == "first-screen":
        first = int(f[1]) / 1000
    elif f[0] == "key":
        keys.setdefault(phase + f[1], []).append(int(f[2]) / 1000)
    elif f[0] == "settled":
        settled.setdefault(phase + f[1], []).append(int(f[2]) / 1000)
    elif f[0] == "peak-rss-kb":
        rss = int(f[1]) // 1024

def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]

def row(name, value, target):
    print("  %-34s %16s   %s" % (name, value, target))

print()
print("browser on %d generated events (%s)" % (n, db))
row("first screen", "%.0f ms" % first if first is not None else "?",
    "<= 200 ms")
for label, k in (("page down", "pageKEY_NPAGE"),
                 ("detail open (next row)", "detailKEY_DOWN"),
                 ("facet toggle", "facetSPACE"), ("filter change", "filterENTER")):
    v = keys.get(k, [])
    if v:
        row(label + ", p50 / p99", "%.0f / %.0f ms" % (pct(v, 50), pct(v, 99)),
            "<= 50 ms")
    s = settled.get(k, [])
    if s:
        row("  counts complete, p50 / p99",
            "%.0f / %.0f ms" % (pct(s, 50), pct(s, 99)), "")
row("peak RSS", "%s MB" % rss, "<= 64 MB")
EOF
