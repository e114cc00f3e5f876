#!/usr/bin/env bash
# test-cli.sh: the command line, without a display
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
app=$1
unset DISPLAY WAYLAND_DISPLAY
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export HOME=$dir XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }

version=$("$app" --version)
check "--version prints the version" [ "${version#staff-exchange }" != "$version" ]

db=$dir/x.db
"$app" --database "$db" --load-example-data >"$dir/out" 2>"$dir/err"
check "--load-example-data exits 0 without a display" [ $? -eq 0 ]
check "the file is readable by its owner only" [ "$(stat -c %a "$db")" = 600 ]
check "the file holds the placements of the five cases" [ "$(count "$db" placement)" -ge 5 ]
check "the file holds the job swap" \
  [ "$(sqlite3 "$db" "SELECT count(*) FROM placement WHERE kind = 'job-swap'")" -eq 1 ]
check "the file holds the delegation visit of 6 July 2023" \
  [ "$(sqlite3 "$db" "SELECT count(*) FROM placement WHERE kind = 'delegation-visit' AND start_date = '2023-07-06'")" -eq 1 ]
check "the file holds the partnership since 1949" \
  [ "$(sqlite3 "$db" "SELECT count(*) FROM partnership WHERE since = '1949'")" -eq 1 ]

before=$(sha256sum <"$db")
"$app" --database "$db" --load-example-data >"$dir/out" 2>"$dir/err"
status=$?
check "loading twice exits 2" [ $status -eq 2 ]
check "loading twice says why" grep -q "empty" "$dir/err"
check "loading twice leaves the file as it was" [ "$(sha256sum <"$db")" = "$before" ]

printf 'Kein Datenbankinhalt\n' >"$dir/garbage.db"
before=$(sha256sum <"$dir/garbage.db")
"$app" --database "$dir/garbage.db" --load-example-data >"$dir/out" 2>"$dir/err"
check "a file that is no database exits 2" [ $? -eq 2 ]
check "a file that is no database is named in the message" grep -q "garbage.db" "$dir/err"
check "a file that is no database is left as it was" [ "$(sha256sum <"$dir/garbage.db")" = "$before" ]

"$app" --load-example-data >"$dir/out" 2>"$dir/err"
check "the default database is created in the data folder" \
  [ -f "$dir/data/staff-exchange/staff-exchange.db" ]
check "the data folder is the owner's only" [ "$(stat -c %a "$dir/data/staff-exchange")" = 700 ]

echo "1..$n"
[ $fails -eq 0 ]
