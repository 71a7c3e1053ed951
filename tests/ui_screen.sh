#!/bin/sh
# ui_screen.sh - the browser as a person first meets it, through tmux:
# the welcome screen, the layout and status line, focus, the help
# generated from the action table, resizing, vt100 and NO_COLOR, and the
# text summary kept for scripts.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
. "$src/tests/tap.sh"
. "$src/tests/ui_lib.sh"
esc=$(printf '\033')

echo "1..17"

ui_start -- --db "$tmp/empty.db"
{ wait_for "trailnav import PATH" && grep -qF "trailnav ~/AWSLogs" "$tmp/out" &&
  grep -qF "trailnav demo" "$tmp/out" && grep -qF "0 of 0 events" "$tmp/out"; }
ok $? "an empty database: a welcome screen saying how to import, and the demo"

ui_start -- --db "$db"
{ wait_for "6 of 6 events" && grep -qF "Timeline" "$tmp/out" &&
  grep -qF "Filters" "$tmp/out" && grep -qF "TIME (UTC)" "$tmp/out" &&
  grep -qF "Detail: ConsoleLogin" "$tmp/out" && grep -qF "ui.db" "$tmp/out" &&
  grep -qF "? help" "$tmp/out" && grep -qF "filter: (none: every event)" "$tmp/out"; }
ok $? "layout: timeline, filters, list, detail, status with N of M events"

# The list has focus first; Tab moves to the detail, Shift-Tab back and
# on to the filter pane.
{ grep -qF "▶  TIME (UTC)" "$tmp/out" && keys Tab && wait_for "▶ Detail:" &&
  ! grep -qF "▶  TIME" "$tmp/out" && keys BTab BTab && wait_for "▶ Filters"; }
ok $? "Tab and Shift-Tab move the focus, and it shows"

keys '?'
{ wait_for "trailnav keys" && grep -qF "Shift-Tab" "$tmp/out" &&
  grep -qF "previous pane" "$tmp/out" && grep -qF "presets: triage filters" "$tmp/out" &&
  grep -qF "back to the previous filter" "$tmp/out" && keys Escape &&
  wait_gone "trailnav keys"; }
ok $? "? shows the bindings; Esc closes the help"

# Every key the README lists is on the help screen: one table for both.
keys '?' && wait_for "trailnav keys" >/dev/null
keys NPage && sleep 0.3
screen >>"$tmp/out"
missing=0
sed -n '/^## Browsing/,/^## /p' "$src/README.md" | awk -F'|' '/^\| `/ { print $2 }' |
	grep -o '`[^`]*`' | tr -d '`' >"$tmp/readme-keys"
[ -s "$tmp/readme-keys" ] || missing=1
while IFS= read -r k; do
	grep -qF -- "    $k  " "$tmp/out" || { echo "# not in the help: $k"; missing=1; }
done <"$tmp/readme-keys"
keys Escape
[ $missing -eq 0 ]; ok $? "the README's keys are the help screen's"

tmux -S "$sock" resize-window -x 80 -y 24
{ wait_for "6 of 6 events" && ! grep -qF "needs at least" "$tmp/out" &&
  grep -qF "Detail:" "$tmp/out" && [ "$(wc -l <"$tmp/out")" -eq 24 ]; }
ok $? "at 80x24 every pane is there"

# The help at 80x24: long texts wrap onto the next row instead of being
# cut at the edge ("…"), and paging shows it all.
keys '?'
wait_for "trailnav keys" >/dev/null
cp "$tmp/out" "$tmp/help"
for _ in 1 2 3; do
	keys NPage
	sleep 0.2
	settled
	cat "$tmp/out" >>"$tmp/help"
done
{ ! grep -qF "…" "$tmp/help" && grep -qF "query; c copies it" "$tmp/help" &&
  grep -qF "the wheel scrolls." "$tmp/help"; }
st=$?
[ $st -eq 0 ] || cp "$tmp/help" "$tmp/out"
ok $st "the help at 80x24: no line cut, long ones wrapped, all of it by paging"
keys Escape
wait_gone "trailnav keys" >/dev/null

tmux -S "$sock" resize-window -x 60 -y 20
{ wait_for "needs at least 80×24; this terminal is 60×20" &&
  ! grep -qF "Detail:" "$tmp/out"; }
ok $? "below 80x24 a clear message instead of a broken screen"

# Every size below the minimum, down to 20x5: the whole message, wrapped
# between words (read back as one line), nothing cut with "…", no row
# wider than the terminal.
small_ok() {
	tmux -S "$sock" resize-window -x "$1" -y "$2"
	wait_for "$1×$2" >/dev/null
	tr -s ' \n' '  ' <"$tmp/out" | grep -qF "trailnav needs at least 80×24; this terminal is $1×$2 (enlarge the window, or press q to quit)" &&
		! grep -qF "…" "$tmp/out" && [ "$(wc -L <"$tmp/out")" -le "$1" ]
}
bad=""
for size in 79x23 60x20 50x12 40x10 30x8 25x6 20x5; do
	small_ok "${size%x*}" "${size#*x}" || { bad="$bad $size"; break; }
done
[ -z "$bad" ]; ok $? "the too-small message whole at every size down to 20x5${bad:+ (not at$bad)}"

# Smaller still, it shortens rather than breaking words: what is needed
# and how to quit.
tmux -S "$sock" resize-window -x 16 -y 3
{ wait_for "q quits" && tr -s ' \n' '  ' <"$tmp/out" | grep -qF "Too small: needs 80×24"; }
ok $? "at 16x3 a shortened message, still whole"

tmux -S "$sock" resize-window -x 100 -y 30
{ wait_for "6 of 6 events" && ! grep -qF "needs at least" "$tmp/out"; }
ok $? "back to 100x30: the browser again, nothing left over"

# "press q to quit" holds with a dialog open too: the q is not typed
# into the filter line the message hides.
keys /
wait_for "Enter applies" >/dev/null
tmux -S "$sock" resize-window -x 60 -y 20
{ wait_for "press q to quit" && keys q && wait_for "EXITED:0"; }
ok $? "too small with the filter line open: q quits, as the screen says"

# Ctrl-\ (SIGQUIT) puts the screen back before the program dies of it:
# out of the alternate screen, the cursor shown again.  (No core file:
# the tmux server started here inherits the limit.)
ulimit -c 0 2>/dev/null
ui_start -- --db "$db"
wait_for "6 of 6 events" >/dev/null
keys 'C-\'
{ wait_for "EXITED:131" &&
  [ "$(tmux -S "$sock" display -p '#{alternate_on}')" = 0 ] &&
  [ "$(tmux -S "$sock" display -p '#{cursor_flag}')" = 1 ] &&
  ! grep -qF "of 6 events" "$tmp/out"; }
ok $? "Ctrl-\\ (SIGQUIT): the terminal is restored, then it dies of the signal"

# Colour by default; none with NO_COLOR or on a vt100 (which still shows
# everything, errors marked with ! and bold).
colours() {
	tmux -S "$sock" capture-pane -p -e | grep -c "${esc}\[[0-9;]*3[1-7]m"
}
ui_start -- --db "$db"
wait_for "6 of 6 events" >/dev/null
with=$(colours)
ui_start NO_COLOR=1 -- --db "$db"
wait_for "6 of 6 events" >/dev/null
without=$(colours)
{ [ "$with" -gt 0 ] && [ "$without" -eq 0 ] && grep -qF "! 05-01 10:00:00" "$tmp/out"; }
ok $? "NO_COLOR: no colour at all (colour lines: $with with, $without without)"

ui_start TERM=vt100 -- --db "$db"
{ wait_for "6 of 6 events" && [ "$(colours)" -eq 0 ] &&
  grep -qF "! 05-01 10:00:00" "$tmp/out" && keys Tab && wait_for "▶ Detail:" &&
  keys q && wait_for "EXITED:0"; }
ok $? "TERM=vt100: usable without colour, keys work, q quits"
# Shift-Tab, which vt100's entry does not name (ESC [ Z came as Esc, '['
# and 'Z').
ui_start TERM=vt100 -- --db "$db"
{ wait_for "6 of 6 events" && keys BTab && wait_for "▶ Filters"; }
ok $? "TERM=vt100: Shift-Tab moves to the filter pane"

"$tn" --db "$db" </dev/null >"$tmp/out" 2>&1
{ grep -q "^Events: *6" "$tmp/out" && ! grep -qF "$esc" "$tmp/out"; }
ok $? "not on a terminal: the text summary, as before"

[ $failed -eq 0 ]
