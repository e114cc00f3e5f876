#!/usr/bin/env bash
# test-single-instance.sh: one instance per user, under a display
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the app, then starts it again the ways a user does (with a file from
# the file manager, plainly from the launcher, with a file that is already
# open) and checks that each later launch hands its request to the first
# process over D-Bus and exits at once. TAP output. Usage: test-single-instance.sh APP

set -u
app=$1

if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no X display: run under xvfb-run (build-aux/check does)"
  exit 0
fi

# A bus of our own: a running Staff Exchange of the developer, or another
# test, must never receive these launches.
if [ -z "${SE_TEST_PRIVATE_BUS:-}" ]; then
  export SE_TEST_PRIVATE_BUS=1
  exec dbus-run-session -- "$0" "$@"
fi

app_id=io.github.staffexchange.StaffExchange
object_path=/io/github/staffexchange/StaffExchange

dir=$(mktemp -d)
first_pid=
cleanup() {
  if [ -n "$first_pid" ] && kill -0 "$first_pid" 2>/dev/null; then
    kill "$first_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$first_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$first_pid" 2>/dev/null
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
mkdir -p "$dir/home" "$dir/data" "$dir/config" "$dir/cache" "$dir/runtime"
chmod 0700 "$dir/runtime"
export HOME=$dir/home XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config
export XDG_CACHE_HOME=$dir/cache XDG_RUNTIME_DIR=$dir/runtime
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
unset WAYLAND_DISPLAY LANGUAGE
export LC_ALL=C.UTF-8

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
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

# wait_for SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds.
wait_for() {
  local tries=$(($1 * 10))
  shift
  while ((tries-- > 0)); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

bus_name_owned() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" 2>/dev/null | grep -q true
}

# GtkApplication exports every window of the primary instance as
# <object path>/window/<id>: the number of windows it has open.
window_count() {
  gdbus introspect --session --dest "$app_id" --object-path "$object_path/window" 2>/dev/null |
    grep -c '^ *node [0-9]'
}
window_count_is() { [ "$(window_count)" = "$1" ]; }

# The app's mapped top-level X windows, top-most first (xwininfo lists the
# children of the root window in stacking order from the top); leaves out
# GDK's 1x1 leader window.
toplevels() {
  xwininfo -root -children |
    awk '/\("staff-exchange" "staff-exchange"\)/ && $0 !~ / 1x1\+/ { print $1 }' |
    while read -r id; do
      xwininfo -id "$id" | grep -q 'Map State: IsViewable' && echo "$id"
    done
}
top_window() { toplevels | head -n 1; }
top_window_is() { [ "$(top_window)" = "$1" ]; }
toplevel_count_is() { [ "$(toplevels | wc -l)" -eq "$1" ]; }

# run_second NAME ARGS...: a later launch; records its exit status and how
# long it took in milliseconds.
run_second() {
  local name=$1 start end
  shift
  start=$(date +%s%N)
  timeout 20 "$app" "$@" >"$dir/$name.out" 2>"$dir/$name.err"
  second_status=$?
  end=$(date +%s%N)
  second_ms=$(((end - start) / 1000000))
}

holds_open() { ls -l "/proc/$first_pid/fd" 2>/dev/null | grep -qF -- "$1"; }

first_db=$dir/first.db
second_db="$dir/Partnerschaft Cham.staffx"

# --- the first launch --------------------------------------------------------

"$app" --database "$first_db" >"$dir/first.out" 2>"$dir/first.err" &
first_pid=$!

check "the first launch owns the bus name $app_id" wait_for 20 bus_name_owned
check "the first launch shows one window" wait_for 20 window_count_is 1
wait_for 10 toplevel_count_is 1
first_window=$(top_window)
check "the first window is mapped on the display" test -n "$first_window"

# --- a second launch with a file, as the file manager does ------------------

run_second open-file "$second_db"
check "the launch with a file exits 0 (got $second_status)" test "$second_status" -eq 0
check "the launch with a file exits promptly (${second_ms} ms)" test "$second_ms" -lt 5000
check "the first process opens a second window" wait_for 20 window_count_is 2
check "the first process created the new database" wait_for 10 test -s "$second_db"
check "the first process holds the new database open" wait_for 10 holds_open "$second_db"
check "the new database is a Staff Exchange database" \
  test "$(sqlite3 "$second_db" 'PRAGMA application_id' 2>/dev/null)" != 0
check "the first process is still running" kill -0 "$first_pid"
wait_for 10 toplevel_count_is 2
second_window=$(top_window)
check "the new window is on top of the first" \
  test -n "$second_window" -a "$second_window" != "$first_window"

# --- a plain second launch, as from the launcher ------------------------------

run_second plain
check "a plain launch exits 0 (got $second_status)" test "$second_status" -eq 0
check "a plain launch exits promptly (${second_ms} ms)" test "$second_ms" -lt 5000
sleep 1
check "a plain launch opens no new window" window_count_is 2
check "a plain launch does not open the default database" \
  test ! -e "$XDG_DATA_HOME/staff-exchange/staff-exchange.db"

# --- a launch with a file that is already open --------------------------------

run_second again --database "$first_db"
check "opening an open file again exits 0 (got $second_status)" test "$second_status" -eq 0
check "opening an open file again exits promptly (${second_ms} ms)" test "$second_ms" -lt 5000
check "opening an open file again brings its window to the top" \
  wait_for 10 top_window_is "$first_window"
check "opening an open file again opens no new window" window_count_is 2

# --- a file that is not on this computer ------------------------------------------

message_shown() {
  xwininfo -root -children | grep -qF '"File Not on This Computer": ("staff-exchange"'
}
run_second remote sftp://server.example/Austausch.staffx
check "a launch with a remote file exits 0 (got $second_status)" test "$second_status" -eq 0
check "the first process says that the remote file cannot be opened" wait_for 10 message_shown
check "a remote file opens no database window" window_count_is 2

check "no later launch wrote to standard error" \
  test ! -s "$dir/open-file.err" -a ! -s "$dir/plain.err" -a ! -s "$dir/again.err" \
  -a ! -s "$dir/remote.err"
check "the first process is still running at the end" kill -0 "$first_pid"

echo "1..$n"
if [ $fails -ne 0 ]; then
  for f in "$dir"/*.err; do
    [ -s "$f" ] && sed "s|^|# $(basename "$f"): |" "$f"
  done
fi
[ $fails -eq 0 ]
