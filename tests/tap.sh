# tap.sh - what the shell tests share: TAP results and event counts.
# Sourced after setting $tn (the program) and $tmp (a scratch directory).
n=0
failed=0

# ok STATUS DESCRIPTION: one TAP line; on failure, $tmp/out (if any) is
# shown as diagnostics.
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
		[ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out"
	fi
}

# events DB [FILTER...]: the number of events the filter matches.
events() {
	db=$1
	shift
	"$tn" --db "$db" stats --by category "$@" |
		sed -n 's/^\([0-9]*\) \(events match\|event matches\)$/\1/p'
}
