#!/bin/sh
# install.sh - `make install` and `make uninstall` with DESTDIR: the
# program, the manual page (every browser key of the action table, every
# option of every command), the sample trail, the presets, the German
# translation and the bash and zsh completions, each where it belongs;
# the installed program's --help (also in German) and `demo`; and nothing
# left behind by uninstall.  Emits TAP.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

echo "1..12"
dest="$tmp/dest"
make -s -C "$top" print-install-dirs >"$tmp/dirs" || exit 1
. "$tmp/dirs"

# 1. make install into the scratch DESTDIR.
make -C "$top" install DESTDIR="$dest" >"$tmp/out" 2>&1
ok $? "make install DESTDIR=... succeeds"

# 2. Each kind of file where it belongs.
bin="$dest$bindir/trailnav"
man="$dest$man1dir/trailnav.1"
data="$dest$pkgdatadir"
mo="$dest$localedir/de/LC_MESSAGES/trailnav.mo"
bash_c="$dest$bashcompletiondir/trailnav"
zsh_c="$dest$zshcompletiondir/_trailnav"
: >"$tmp/out"
for f in "$bin" "$man" "$data/presets" "$mo" "$bash_c" "$zsh_c"; do
	[ -f "$f" ] || echo "missing: $f" >>"$tmp/out"
done
[ -x "$bin" ] || echo "not executable: $bin" >>"$tmp/out"
case $bashcompletiondir in
*/bash-completion/completions) ;;
*) echo "bash completion in $bashcompletiondir" >>"$tmp/out" ;;
esac
case $zshcompletiondir in
*/zsh/site-functions) ;;
*) echo "zsh completion in $zshcompletiondir" >>"$tmp/out" ;;
esac
[ ! -s "$tmp/out" ]
ok $? "program, manual, presets, translation and completions installed"

# 3. The sample trail whole: every file of data/demo.
want=$(cd "$src/data/demo" && find . -type f | LC_ALL=C sort | tee "$tmp/want" | wc -l)
(cd "$data/demo" 2>/dev/null && find . -type f | LC_ALL=C sort) >"$tmp/have"
diff "$tmp/want" "$tmp/have" >"$tmp/out" 2>&1
ok $? "the sample trail installed whole ($want files) under $pkgdatadir/demo"

# 4. The manual page renders without a warning.
if command -v groff >/dev/null 2>&1; then
	groff -ww -z -man "$man" >"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]
	ok $? "the manual page renders without warnings (groff -ww -z -man)"
else
	echo "ok 4 - # SKIP groff is not installed"
	n=$((n + 1))
fi

# 5. Every key of the browser's action table, read from the source here
# (not from the program that wrote the manual), is in the manual.
sed -n '/^static const struct action actions\[\] = {/,/^};/p' \
	"$src/src/ui/actions.c" | tr '\n\t' '  ' |
	grep -o '}, *\(N_(\)\{0,1\}"[^"]*"' |
	sed 's/^}, *\(N_(\)\{0,1\}"//; s/"$//' >"$tmp/keys"
: >"$tmp/out"
nkeys=$(wc -l <"$tmp/keys")
[ "$nkeys" -ge 20 ] || echo "only $nkeys keys read from actions.c" >>"$tmp/out"
while IFS= read -r k; do
	roff=$(printf '%s' "$k" | sed 's/-/\\-/g')
	grep -qxF ".B \"$roff\"" "$man" || echo "key not in the manual: $k" >>"$tmp/out"
done <"$tmp/keys"
[ ! -s "$tmp/out" ]
ok $? "the manual lists every key of the action table ($nkeys)"

# 6. Every command, and every option its --help names, is in the manual;
# so are the filter keys, the environment and the exit status.
: >"$tmp/out"
for c in demo equivalent files generate import query stats; do
	grep -q "^\.SS \"$c" "$man" || echo "command not in the manual: $c" >>"$tmp/out"
	"$tn" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u |
	while IFS= read -r o; do
		roff=$(printf '%s' "$o" | sed 's/-/\\-/g')
		grep -qF -- "$roff" "$man" || echo "$c $o not in the manual" >>"$tmp/out"
	done
done
for k in cat region service event principal type key ip account error ro \
	resource id request agent since until; do
	grep -q "^\.BI\{0,1\}R\{0,1\} $k:" "$man" || echo "filter key not in the manual: $k:" >>"$tmp/out"
done
for s in 'ENVIRONMENT' 'FILES' 'EXIT STATUS' 'EXAMPLES' 'FILTER LANGUAGE'; do
	grep -q "^\.SH \"\{0,1\}$s" "$man" || echo "no section $s" >>"$tmp/out"
done
for e in TRAILNAV_DB XDG_DATA_HOME TRAILNAV_DATADIR NO_COLOR; do
	grep -q "^\.B $e\$" "$man" || echo "environment variable not in the manual: $e" >>"$tmp/out"
done
[ ! -s "$tmp/out" ]
ok $? "the manual covers every command, option, filter key, variable"

# 7. The installed program runs, and finds the installed translation.
{ "$bin" --help >"$tmp/out" 2>&1 && grep -q '^Usage: ' "$tmp/out" &&
  if grep -q '^#define ENABLE_NLS 1' "$top/config.h"; then
	LC_ALL=C.UTF-8 LANGUAGE=de TRAILNAV_LOCALEDIR="$dest$localedir" \
		"$bin" --help | grep -q '^Aufruf: '
  fi; }
ok $? "the installed trailnav --help, in German from the installed catalogue"

# 8. `trailnav demo` from the installed copy: the installed trail (the
# DESTDIR moved it, so TRAILNAV_DATADIR says where), its own database in
# a fresh home; not on a terminal, it prints the summary.
home="$tmp/home"
mkdir -p "$home"
env -u XDG_DATA_HOME HOME="$home" TRAILNAV_DATADIR="$data" \
	"$bin" demo </dev/null >"$tmp/out" 2>&1
rc=$?
{ [ $rc -eq 0 ] && grep -q '^Imported the demo trail: 2463 events' "$tmp/out" &&
  grep -q '^Events: *2463 ' "$tmp/out" &&
  [ -f "$home/.local/share/trailnav/demo.db" ]; }
ok $? "the installed trailnav demo imports the installed trail and summarises it"

# 9. bash completion: commands, options, their values, filter keys.
if command -v bash >/dev/null 2>&1; then
	bash -c '
		. "$1" || exit 1
		c() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=();
		      _trailnav; printf "%s\n" "${COMPREPLY[@]}"; }
		c trailnav st | grep -qx stats || { echo "no command"; exit 1; }
		c trailnav query --for | grep -qx -- --format || { echo "no option"; exit 1; }
		c trailnav stats --by re | grep -qx region || { echo "no --by"; exit 1; }
		c trailnav query --format "" | grep -qx ndjson || { echo "no format"; exit 1; }
		c trailnav query reg | grep -qx region: || { echo "no filter key"; exit 1; }
		c trailnav stats -pri | grep -qx -- -principal: || { echo "no -key"; exit 1; }
		c trailnav query cat : d | grep -qx data || { echo "no cat: value"; exit 1; }
		for k in cat region service event principal type key ip account \
			error ro resource id request agent since until; do
			c trailnav query "" | grep -qx "$k:" || { echo "no $k:"; exit 1; }
		done
	' sh "$bash_c" >"$tmp/out" 2>&1
	ok $? "bash completion completes commands, options, values and filter keys"
else
	echo "ok 9 - # SKIP bash is not installed"
	n=$((n + 1))
fi

# 10. zsh completion: valid zsh, and it offers every filter key.
: >"$tmp/out"
for k in cat region service event principal type key ip account error ro \
	resource id request agent since until; do
	grep -q "'$k:" "$zsh_c" || echo "zsh: no $k:" >>"$tmp/out"
done
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$zsh_c" >>"$tmp/out" 2>&1 || echo "zsh -n failed" >>"$tmp/out"
fi
[ ! -s "$tmp/out" ]
ok $? "zsh completion parses and offers every filter key"

# 11. make uninstall leaves no file behind.
make -C "$top" uninstall DESTDIR="$dest" >"$tmp/out" 2>&1
ok $? "make uninstall DESTDIR=... succeeds"
find "$dest" ! -type d >"$tmp/out"
[ ! -s "$tmp/out" ]
ok $? "after make uninstall no file is left under DESTDIR"

exit $((failed > 0))
