# corpus.sh - sourced by bench.sh and browse.sh: the synthetic trails they
# measure, generated once with a fixed seed and cached under $cache.
# Needs $tn (the trailnav program) and $cache.

corpus() { # N: prints the directory of the cached trail of N events
	dir="$cache/trail-$1"
	if [ ! -f "$dir/.complete" ]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		echo "generating $1 events into $dir ..." >&2
		"$tn" generate --events "$1" --seed 42 "$dir" >/dev/null
		touch "$dir/.complete"
	fi
	echo "$dir"
}
