# ui_lib.sh - what the browser's end-to-end tests share: a fixture trail,
# and driving trailnav in a detached tmux session, asserting on what a
# person would see (capture-pane).  Sourced after tap.sh, with $tn and
# $tmp set.  Every wait polls the screen until the text shows or a
# deadline passes; nothing relies on a fixed sleep being long enough.

# A server per session (a socket used once, inside $tmp so nothing is
# left behind), so that ending one never races with starting the next.
nsock=0
sock="$tmp/tmux-0"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

export LC_ALL=C.UTF-8
export TRAILNAV_DATADIR="$src/data"

# record ID TIME REGION SOURCE EVENT USER RO [EXTRA-MEMBERS]
record() {
	printf '{"eventVersion":"1.08","eventID":"%s","eventTime":"%s","awsRegion":"%s","eventSource":"%s.amazonaws.com","eventName":"%s","userIdentity":{"type":"IAMUser","principalId":"AIDA%s","arn":"arn:aws:iam::111122223333:user/%s","accountId":"111122223333","accessKeyId":"AKIA%s","userName":"%s"},"readOnly":%s,"recipientAccountId":"111122223333"%s}' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$6" "$6" "$6" "$7" "${8:-}"
}

# The fixture: six events, 08:00 to 13:00 on 2024-05-01, one of them with
# a user agent full of terminal escapes and a principal in wide
# characters.
make_trail() {
	dir="$1/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01"
	mkdir -p "$dir"
	{
		printf '{"Records":['
		record e1 2024-05-01T08:00:00Z eu-west-1 ec2 RunInstances alice false \
			',"sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15","requestParameters":{"instancesSet":{"items":[{"imageId":"ami-1"}]}},"responseElements":{"instancesSet":{"items":[{"instanceId":"i-0abc"}]}}'
		printf ','
		record e2 2024-05-01T09:00:00Z us-east-1 s3 GetObject bob true \
			',"eventCategory":"Data","sourceIPAddress":"10.0.0.5","requestParameters":{"bucketName":"prod-bucket","key":"secret.txt"},"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::prod-bucket/secret.txt"}]'
		printf ','
		record e3 2024-05-01T10:00:00Z us-east-1 iam CreateUser mallory false \
			',"sourceIPAddress":"203.0.113.9","errorCode":"AccessDenied","errorMessage":"not allowed","requestParameters":{"userName":"eve"}'
		printf ','
		record e4 2024-05-01T11:00:00Z eu-west-1 cloudtrail StopLogging alice false \
			',"sourceIPAddress":"198.51.100.7","requestParameters":{"name":"main-trail"}'
		printf ','
		record e5 2024-05-01T12:00:00Z eu-west-1 sts GetCallerIdentity "日本語ユーザー" true \
			',"sourceIPAddress":"203.0.113.66","userAgent":"evil\u001b]0;pwned\u0007\u001b[31mred"'
		printf ','
		record e6 2024-05-01T13:00:00Z us-east-1 signin ConsoleLogin carol false \
			',"sourceIPAddress":"192.0.2.1","responseElements":{"ConsoleLogin":"Failure"}'
		printf ']}'
	} >"$dir/a.json"
}

# import_more DB REGION [ID TIME EVENT]...: another trail file of dave's
# ec2 calls in REGION, imported into DB (as a second import would while
# the browser is open).
import_more() {
	more_db=$1 more_region=$2
	shift 2
	more_dir="$tmp/more-$more_region/AWSLogs/111122223333/CloudTrail/$more_region/2024/05/01"
	mkdir -p "$more_dir"
	{
		printf '{"Records":['
		sep=''
		while [ $# -ge 3 ]; do
			printf '%s' "$sep"
			record "$1" "$2" "$more_region" ec2 "$3" dave false
			sep=','
			shift 3
		done
		printf ']}'
	} >"$more_dir/b.json"
	"$tn" import -q --db "$more_db" "$tmp/more-$more_region"
}

# one_record_db NAME ID EVENT USER EXTRA-MEMBERS: a trail of one record
# (eu-west-1 IAM, 2024-05-01T08:00:00Z) imported into $tmp/NAME.db.
one_record_db() {
	one_dir="$tmp/$1/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/01"
	mkdir -p "$one_dir"
	{
		printf '{"Records":['
		record "$2" 2024-05-01T08:00:00Z eu-west-1 iam "$3" "$4" true "$5"
		printf ']}'
	} >"$one_dir/r.json"
	"$tn" import -q --db "$tmp/$1.db" "$tmp/$1"
}

trail="$tmp/trail"
make_trail "$trail"
db="$tmp/ui.db"
"$tn" import -q --db "$db" "$trail" || echo "# the fixture import failed"

# ui_start [ENV=VALUE...] -- [TRAILNAV-ARGS...]: a new 100x30 session
# running trailnav (any earlier one is ended first).  TERM is
# xterm-256color unless given.  When trailnav exits, "EXITED:status"
# shows.
ui_start() {
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	tmux -S "$sock" kill-server 2>/dev/null
	nsock=$((nsock + 1))
	sock="$tmp/tmux-$nsock"
	args=""
	for a in "$@"; do
		args="$args '$a'"
	done
	tmux -S "$sock" -f /dev/null new-session -d -x "${W:-100}" -y "${H:-30}" \
		"env TERM=xterm-256color $envs '$tn' $args; echo EXITED:\$?; sleep 600"
}

keys() {
	tmux -S "$sock" send-keys "$@"
}

screen() {
	tmux -S "$sock" capture-pane -p "$@"
}

# settled: captures the screen into $tmp/out once two captures a tenth
# of a second apart agree, so a redraw caught halfway is never judged.
settled() {
	screen >"$tmp/out"
	tries=0
	while [ $tries -lt 30 ]; do
		sleep 0.1
		screen >"$tmp/out2"
		cmp -s "$tmp/out" "$tmp/out2" && return 0
		mv "$tmp/out2" "$tmp/out"
		tries=$((tries + 1))
	done
}

# wait_for TEXT [SECONDS]: polls the screen until it shows TEXT (a fixed
# string).  The last screen is kept in $tmp/out for the diagnostics.
wait_for() {
	deadline=$(( $(date +%s) + ${2:-10} ))
	while :; do
		settled
		grep -qF -- "$1" "$tmp/out" && return 0
		[ "$(date +%s)" -ge "$deadline" ] && return 1
	done
}

# wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
wait_gone() {
	deadline=$(( $(date +%s) + ${2:-10} ))
	while :; do
		settled
		grep -qF -- "$1" "$tmp/out" || return 0
		[ "$(date +%s)" -ge "$deadline" ] && return 1
	done
}

# status: the status line (the last row).
status() {
	screen | tail -n 1
}
