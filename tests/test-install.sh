#!/usr/bin/env bash
# test-install.sh: the app as installed by `meson install`
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build tree into a temporary DESTDIR, does there what
# gnome.post_install() does on a real installation (that step is skipped
# under DESTDIR), and checks the installed program and files the way the
# desktop uses them: the program runs, finds its schema, and a double click
# on a *.staffx file in the file manager starts it with that file. TAP output.
#
# Usage: test-install.sh PART BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR
#   PART is "files" (everything but translations) or "translations" (the
#   German catalog; skipped while po/de.po lacks the --help strings).
#   The directories are meson's absolute install directories.

set -u
part=$1 build_root=$2 source_root=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7

app_id=io.github.staffexchange.StaffExchange
object_path=/io/github/staffexchange/StaffExchange

# A bus of our own for the parts that start the app: a running Staff
# Exchange of the developer must never receive these launches.
if [ "$part" = files ] && [ -n "${DISPLAY:-}" ] && [ -z "${SE_TEST_PRIVATE_BUS:-}" ]; then
  export SE_TEST_PRIVATE_BUS=1
  exec dbus-run-session -- "$0" "$@"
fi

dir=$(mktemp -d)
app_pids=()
cleanup() {
  local pid
  for pid in "${app_pids[@]}"; do
    kill "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
  rm -rf "$dir"
}
trap cleanup EXIT
mkdir -p "$dir/home" "$dir/data" "$dir/config" "$dir/cache" "$dir/runtime"
chmod 0700 "$dir/runtime"
export HOME=$dir/home XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config
export XDG_CACHE_HOME=$dir/cache XDG_RUNTIME_DIR=$dir/runtime
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
# Only what is installed counts: not the build tree's compiled schema.
unset GSETTINGS_SCHEMA_DIR WAYLAND_DISPLAY SE_LOCALEDIR

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check WHAT COMMAND...: COMMAND's output goes into the TAP stream as
# comments, and only when it fails.
check() {
  local what=$1
  shift
  if "$@" >"$dir/check.log" 2>&1; then
    ok "$what"
  else
    not_ok "$what"
    sed 's/^/# /' "$dir/check.log"
  fi
}
finish() {
  echo "1..$n"
  [ $fails -eq 0 ]
  exit
}

wait_for() {
  local tries=$(($1 * 10))
  shift
  while ((tries-- > 0)); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

# The German --help text expected from the catalog, taken from po/de.po
# itself, so that the check follows the translation.
if [ "$part" = translations ]; then
  msgid='Print the version and exit'
  expected=$(msgattrib --translated --no-fuzzy --no-obsolete "$source_root/po/de.po" 2>/dev/null |
    MSGID=$msgid msgexec -i - sh -c '[ "$MSGEXEC_MSGID" = "$MSGID" ] && cat' 2>/dev/null)
  if [ -z "$expected" ]; then
    # Not a pass: the whole test reports SKIP until the translator is done.
    echo "1..0 # SKIP po/de.po has no translation for \"$msgid\" yet"
    exit 0
  fi
fi

destdir=$dir/destdir
bin=$destdir$bindir/staff-exchange
share=$destdir$datadir

# Each part installs on its own: the parts may run in any order, and a
# failed install must not leave anything behind for the next one.
if ! meson install -C "$build_root" --destdir "$destdir" --no-rebuild --quiet \
  >"$dir/install.log" 2>&1; then
  not_ok "meson install --destdir succeeds"
  sed 's/^/# /' "$dir/install.log"
  finish
fi
ok "meson install --destdir succeeds"

# --- the German catalog ----------------------------------------------------------

if [ "$part" = translations ]; then
  catalog=$destdir$localedir/de/LC_MESSAGES/staff-exchange.mo
  check "the German catalog is installed in LOCALEDIR" test -s "$catalog"
  # The program looks for its catalogs in the LOCALEDIR it was built with:
  # that must be the directory the catalog was installed to.
  check "the program looks for catalogs in $localedir" grep -qaF "$localedir" "$bin"

  # LOCALEDIR is under the real prefix, not under DESTDIR: SE_LOCALEDIR
  # points the program at the installed copy, the only catalog it sees.
  help=$(SE_LOCALEDIR=$destdir$localedir LANGUAGE=de LC_ALL=C.UTF-8 "$bin" --help 2>&1)
  check "--help in German shows \"$expected\" from the installed catalog" \
    grep -qF -- "$expected" <<<"$help"
  help_en=$(SE_LOCALEDIR=$dir/no-catalogs LANGUAGE=de LC_ALL=C.UTF-8 "$bin" --help 2>&1)
  check "without the installed catalog --help stays English" grep -qF -- "$msgid" <<<"$help_en"
  finish
fi

# --- the program -------------------------------------------------------------------

check "the program is installed in $bindir" test -x "$bin"
version=$("$bin" --version 2>&1)
check "the installed program prints its version ($version)" \
  test "${version#staff-exchange }" != "$version"

db=$dir/x.db
"$bin" --database "$db" --load-example-data >"$dir/load.out" 2>"$dir/load.err"
check "the installed program loads the example data without a display" test $? -eq 0
check "the example data is in the file" \
  test "$(sqlite3 "$db" 'SELECT count(*) FROM placement' 2>/dev/null)" -ge 5

# --- what gnome.post_install() does on a real installation ------------------------

check "glib-compile-schemas --strict compiles the installed schemas" \
  glib-compile-schemas --strict "$share/glib-2.0/schemas"
check "update-mime-database reads the installed MIME type" \
  update-mime-database "$share/mime"
check "update-desktop-database reads the installed desktop file" \
  update-desktop-database "$share/applications"
export XDG_DATA_DIRS=$share:/usr/share
export PATH=$destdir$bindir:$PATH

# --- desktop file, metainfo, icons -----------------------------------------------

desktop=$share/applications/$app_id.desktop
metainfo=$share/metainfo/$app_id.metainfo.xml
check "the desktop file is installed" test -f "$desktop"
check "desktop-file-validate accepts the installed desktop file" desktop-file-validate "$desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
check "the desktop file starts the installed program ($exec_line)" \
  test -x "$destdir$bindir/${exec_line%% *}"
check "the desktop file passes the files it is given (%F)" grep -qx 'Exec=staff-exchange %F' "$desktop"
check "the desktop file declares the MIME type" \
  grep -qx 'MimeType=application/x-staffexchange-database;' "$desktop"

check "the metainfo is installed" test -f "$metainfo"
check "appstreamcli validate --no-net accepts the installed metainfo" \
  appstreamcli validate --no-net "$metainfo"
check "appstreamcli validate-tree --no-net accepts the installed tree" \
  appstreamcli validate-tree --no-net "$destdir$prefix"
for element in '<description>' '<screenshots>' '<releases>' '<content_rating' \
  "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" '<keywords>' '<provides>' \
  '<categories>' '<url type="homepage">'; do
  check "the installed metainfo has $element" grep -qF -- "$element" "$metainfo"
done
check "the installed metainfo carries translations" grep -q 'xml:lang="de"' "$metainfo"

icon=$(sed -n 's/^Icon=//p' "$desktop")
is_svg() { python3 -c 'import sys, xml.etree.ElementTree as E; sys.exit(E.parse(sys.argv[1]).getroot().tag != "{http://www.w3.org/2000/svg}svg")' "$1"; }
check "the app icon $icon is installed as a scalable SVG" \
  is_svg "$share/icons/hicolor/scalable/apps/$icon.svg"
check "the symbolic icon is installed as an SVG" \
  is_svg "$share/icons/hicolor/symbolic/apps/$icon-symbolic.svg"

manpage=$share/man/man1/staff-exchange.1
check "the man page is installed in share/man/man1" test -s "$manpage"
if command -v man >/dev/null 2>&1; then
  check "man -l renders the installed man page" \
    sh -c "MANWIDTH=80 man -l \"\$1\" | grep -q -- --database" sh "$manpage"
fi

# --- the schema -------------------------------------------------------------------

check "the installed schema has the window keys" \
  sh -c "gsettings list-keys $app_id | grep -qx window-width"
check "without the installed schema there is none (the check above means something)" \
  sh -c "XDG_DATA_DIRS=/usr/share gsettings list-keys $app_id >/dev/null 2>&1; test \$? -ne 0"

# --- the MIME type ----------------------------------------------------------------

staffx="$dir/Austausch 2026.staffx"
"$bin" --database "$staffx" --load-example-data >/dev/null 2>&1
check "a *.staffx file is a Staff Exchange database" \
  sh -c "gio info -a standard::content-type \"\$1\" | grep -q 'content-type: application/x-staffexchange-database'" \
  sh "$staffx"
check "the installed app is the default for the MIME type" \
  sh -c "gio mime application/x-staffexchange-database | grep -q '^Default application.*: $app_id.desktop'"

# --- under a display ----------------------------------------------------------------

if [ -z "${DISPLAY:-}" ]; then
  skip "the installed program shows a window" "no X display"
  skip "opening a *.staffx file starts the installed program" "no X display"
  finish
fi

bus_name_owner_pid() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID "$app_id" 2>/dev/null |
    sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'
}
window_count_is() {
  [ "$(gdbus introspect --session --dest "$app_id" --object-path "$object_path/window" 2>/dev/null |
    grep -c '^ *node [0-9]')" = "$1" ]
}
bus_name_owned() { [ -n "$(bus_name_owner_pid)" ]; }
holds_open() { ls -l "/proc/$1/fd" 2>/dev/null | grep -qF -- "$2"; }
stop() {
  kill "$1" 2>/dev/null
  wait_for 5 sh -c "! kill -0 $1 2>/dev/null"
}

# Criticals (a missing resource or template child) end the program.
export G_DEBUG=fatal-criticals

gui_db=$dir/gui.db
"$bin" --database "$gui_db" >"$dir/gui.out" 2>"$dir/gui.err" &
gui_pid=$!
app_pids+=("$gui_pid")
check "the installed program registers on the session bus" wait_for 20 bus_name_owned
check "the installed program shows a window" wait_for 20 window_count_is 1
sleep 3
check "the installed program is still running after 3 s" kill -0 "$gui_pid"
check "the installed program found its schema and resources (nothing on stderr)" \
  test ! -s "$dir/gui.err"
sed 's/^/# stderr: /' "$dir/gui.err"
stop "$gui_pid"

# As the file manager does on a double click: the default app for the file's
# MIME type, started through its desktop file.
gio open "$staffx" >"$dir/open.out" 2>"$dir/open.err"
check "gio open on a *.staffx file succeeds" test $? -eq 0
wait_for 20 bus_name_owned
opened_pid=$(bus_name_owner_pid)
[ -n "$opened_pid" ] && app_pids+=("$opened_pid")
check "opening a *.staffx file starts the installed program" \
  test -n "$opened_pid" -a "$(readlink "/proc/${opened_pid:-0}/exe")" = "$bin"
check "the program opens the file in a window" wait_for 20 window_count_is 1
check "the program holds the file open" wait_for 10 holds_open "${opened_pid:-0}" "$staffx"
[ -n "$opened_pid" ] && stop "$opened_pid"

finish
