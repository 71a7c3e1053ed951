#!/bin/sh
# make-demo.sh - (re)write the demo trail that `trailnav demo` opens.
#
#   sh data/make-demo.sh TRAILNAV DIR
#
# TRAILNAV is the program to run (src/trailnav of a build), DIR the
# trail's directory (data/demo in the source tree; `make demo-data` runs
# this).  DIR/AWSLogs is removed and written again: a day of synthetic
# traffic in the real S3 layout with the scripted incident woven in, no
# digest files (they would be most of the bytes).  The same program gives
# the same bytes every time; tests/demo.sh checks that the committed trail
# is exactly what this writes.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 TRAILNAV DIR" >&2; exit 2; }
tn=$1
dir=$2
rm -rf "$dir/AWSLogs"
mkdir -p "$dir"
"$tn" generate --events 2400 --seed 15 --start 2024-05-01 --incident \
	--no-digests "$dir"
