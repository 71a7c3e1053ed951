#!/bin/sh
# i18n.sh - the German translation, end to end: po/de.po complete, the
# command line and the browser (help screen, status line, panes) in
# German, and columns still aligned with umlauts and ß.  Emits TAP.
#
# Nothing is installed: the build's po/de.gmo is put into a locale tree
# in the scratch directory and trailnav is pointed at it with
# TRAILNAV_LOCALEDIR.  LANGUAGE=de selects German; glibc honours LANGUAGE
# whenever the locale is not plain "C", so LC_ALL=C.UTF-8 (what make
# check sets) is enough and no de_DE locale needs to be generated.
set -u
top=${TRAILNAV_TOP_BUILDDIR:-.}
src=${TRAILNAV_TOP_SRCDIR:-.}
tn="$top/src/trailnav"
tmp=$(mktemp -d)
. "$src/tests/tap.sh"

if ! grep -q '^#define ENABLE_NLS 1' "$top/config.h"; then
	echo "1..0 # SKIP built without NLS (--disable-nls)"
	rm -rf "$tmp"
	exit 0
fi
. "$src/tests/ui_lib.sh"

echo "1..12"
export LC_ALL=C.UTF-8

# 1. Every message of the sources as they are now translated: the
# messages extracted afresh (as po/Makevars says), merged into de.po, leave
# no fuzzy and no untranslated entry.
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
	-D "$src" -f "$src/po/POTFILES.in" -o "$tmp/now.pot" 2>"$tmp/out" &&
msgmerge -q --no-fuzzy-matching -o "$tmp/de.po" "$src/po/de.po" \
	"$tmp/now.pot" 2>>"$tmp/out" &&
msgfmt --check --statistics -o /dev/null "$tmp/de.po" >>"$tmp/out" 2>&1
rc=$?
{ [ $rc -eq 0 ] && grep -q 'translated message' "$tmp/out" &&
  ! grep -qE 'fuzzy|untranslated' "$tmp/out"; }
ok $? "po/de.po: every message translated, msgfmt --check clean"

# 2. Every source file that marks a message for translation is in
# po/POTFILES.in: a file left out is never extracted, and its messages
# stay English whatever the language (test 1 cannot see them).
missing=$(cd "$src" && grep -l -e '_("' -e 'N_("' -e 'ngettext(' \
	src/*.c src/*/*.c | while read -r f; do
		grep -qxF "$f" po/POTFILES.in || echo "$f"
	done)
[ -z "$missing" ]
ok $? "po/POTFILES.in lists every file with messages${missing:+ (missing: $(echo $missing))}"

# The build's catalogue (gettext writes .gmo files into the source tree's
# po/, a VPATH build's too) as an installed one would be.
gmo="$src/po/de.gmo"
[ -f "$gmo" ] || gmo="$top/po/de.gmo"
mkdir -p "$tmp/locale/de/LC_MESSAGES"
cp "$gmo" "$tmp/locale/de/LC_MESSAGES/trailnav.mo"
de() {
	LANGUAGE=de TRAILNAV_LOCALEDIR="$tmp/locale" "$tn" "$@"
}

# 3. trailnav --help, and each command's.
{ de --help >"$tmp/out" && grep -q '^Aufruf: ' "$tmp/out" &&
  grep -q '^Befehle:' "$tmp/out" && grep -q 'Rückgabewert' "$tmp/out" &&
  for c in demo equivalent files generate import query stats; do
	de "$c" --help | grep -q '^Aufruf: ' || exit 1
  done; }
ok $? "LANGUAGE=de: trailnav --help and every command's --help in German"

# 4. English without LANGUAGE, and with LANGUAGE when the locale is "C"
# (gettext's rule): nothing leaks across.
{ TRAILNAV_LOCALEDIR="$tmp/locale" "$tn" --help >"$tmp/out" &&
  grep -q '^Usage: ' "$tmp/out" &&
  LC_ALL=C LANGUAGE=de TRAILNAV_LOCALEDIR="$tmp/locale" "$tn" --help |
	grep -q '^Usage: '; }
ok $? "without LANGUAGE=de (or in the C locale) the messages stay English"

# A trail whose labels and names hold umlauts and ß once translated.
record() { # ID HOUR EVENT USER EXTRA
	printf '{"eventVersion":"1.08","eventID":"%s","eventTime":"2024-05-01T%s:00:00Z","awsRegion":"eu-west-1","eventSource":"ec2.amazonaws.com","eventName":"%s","userIdentity":{"type":"IAMUser","userName":"%s","arn":"arn:aws:iam::111122223333:user/%s","accountId":"111122223333"},"sourceIPAddress":"10.0.0.1","recipientAccountId":"111122223333"%s}' \
		"$1" "$2" "$3" "$4" "$4" "$5"
}
{
	printf '{"Records":['
	record n1 08 CreateVpcEndpoint jürgen ',"eventCategory":"NetworkActivity","eventType":"AwsVpceEvent"'
	printf ','
	record m1 09 CreateUser größe ',"readOnly":false'
	printf ','
	record m2 10 DescribeInstances alice ',"readOnly":true,"errorCode":"AccessDenied"'
	printf ']}'
} >"$tmp/de.json"
dedb="$tmp/de.db"
"$tn" --db "$dedb" import -q "$tmp/de.json" >/dev/null 2>&1

# same_width FILE: every line of FILE is as many characters wide (no wide
# characters here, so characters are columns).
same_width() {
	python3 - "$1" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
sys.exit(0 if len(lines) > 1 and len({len(l) for l in lines}) == 1 else 1)
PY
}

# 5. stats: translated category labels ("Netzwerkaktivität") padded by
# display width, so the count and percent columns stay aligned.
de --db "$dedb" stats --by category >"$tmp/stats"
{ grep -q 'Netzwerkaktivität' "$tmp/stats" && grep -q 'ANZAHL' "$tmp/stats" &&
  grep -v 'Ereignisse passen' "$tmp/stats" >"$tmp/table" &&
  same_width "$tmp/table"; }
rc=$?
cp "$tmp/stats" "$tmp/out"
ok $rc "stats --by category in German: umlauts padded by display width"

# 6. files: translated headings and states ("unverändert") in aligned
# columns: the path starts where its heading does.
de --db "$dedb" files >"$tmp/out"
python3 - "$tmp/out" "$tmp/de.json" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head, row = lines[0], lines[1]
ok = ("ZUSTAND" in head and "unverändert" in row and
      head.index("PFAD") == row.index(sys.argv[2]) and
      head.index("ANZAHL") + len("ANZAHL") == row.index("3") + 1)
sys.exit(0 if ok else 1)
PY
ok $? "files in German: headings over their columns with umlauts"

# The browser.
ui_start LANGUAGE=de "TRAILNAV_LOCALEDIR=$tmp/locale" -- --db "$dedb"

# 7. Status line: filter, count and help in German, the right part
# flush with the last column.
{ wait_for "3 von 3 Ereignissen" && status >"$tmp/status" &&
  grep -qF ' Filter: (keiner: jedes Ereignis)' "$tmp/status" &&
  python3 - "$tmp/status" <<'PY'
import sys
line = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
# "? Hilfe" then one blank: capture-pane drops that trailing blank.
sys.exit(0 if "3 von 3 Ereignissen  " in line
         and line.rstrip().endswith("  ? Hilfe")
         and len(line.rstrip()) == 99 else 1)
PY
}
ok $? "browser: the status line in German, right-aligned to the last column"

# 8. Panes: facet titles and values translated, counts in one column
# whatever the umlauts and ß before them.
{ grep -qF 'Kategorie' "$tmp/out" && grep -qF 'Lesen/Schreiben' "$tmp/out" &&
  grep -qF 'ZEIT (UTC)' "$tmp/out" && grep -qF 'QUELL-IP' "$tmp/out" &&
  python3 - "$tmp/out" <<'PY'
import sys
rows = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines()
        if any(w in l for w in ("Verwaltung", "Netzwerkaktivität", "größe",
                                "jürgen", "alice"))
        and "\u2502" in l]
cols = {l.index("\u2502") for l in rows}
sys.exit(0 if len(rows) >= 5 and len(cols) == 1 else 1)
PY
}
ok $? "browser: the filter pane in German, counts aligned past umlauts and ß"

# 9-11. The help screen, made from the action table: headings, key names
# and help texts in German, each help text in the same column.
keys '?'
{ wait_for "trailnav-Tasten" && grep -qF 'Überall' "$tmp/out" &&
  grep -qF 'Rücktaste, b' "$tmp/out" && grep -qF 'zurück zum vorigen Filter' "$tmp/out"; }
ok $? "browser: the help screen in German (title, scopes, keys, texts)"

python3 - "$tmp/out" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().splitlines()
want = {"Rücktaste, b": "zurück zum vorigen Filter",
        "Bild↑": "eine Seite nach oben",
        "Hoch, k": "nach oben",
        "Umschalt-Tab": "voriger Bereich",
        "Esc": "die Suche der Liste anhalten"}
found = 0
for line in text:
    for key, help in want.items():
        if line[4:4 + len(key)] == key and help in line:
            if line.index(help) != 21:
                sys.exit(1)
            found += 1
sys.exit(0 if found == len(want) else 1)
PY
ok $? "browser: help texts start in one column after keys with umlauts"

keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
{ wait_for "Leertaste, Enter" && grep -qF 'In der Zeitleiste' "$tmp/out" &&
  grep -qF 'Maus: ' "$tmp/out" && python3 - "$tmp/out" <<'PY'
import sys
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if line.startswith("    Leertaste, Enter "):
        sys.exit(0 if line.index("den Wert umschalten") == 21 else 1)
sys.exit(1)
PY
}
ok $? "browser: the help screen scrolls to the pane keys and the mouse, in German"

# 12. q still quits (the keys are the same in every language).
keys Escape q
wait_for "EXITED:0"
ok $? "browser: Esc and q close the help and quit"

exit $((failed > 0))
