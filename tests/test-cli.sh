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
not_grep() { ! grep -q "$@"; }

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

# CSV: export, a refused import that changes nothing, a good import.
csvdb=$dir/csv.db
"$app" --database "$csvdb" --load-example-data >/dev/null 2>&1
"$app" --database "$csvdb" --export-csv placements "$dir/placements.csv" >"$dir/out" 2>"$dir/err"
check "--export-csv exits 0" [ $? -eq 0 ]
check "--export-csv says how many records it wrote" grep -q "records exported" "$dir/out"
check "the export starts with a byte order mark for Excel" \
  [ "$(head -c 3 "$dir/placements.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "the export has a header and one record per placement" \
  [ "$(python3 -c 'import csv, sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))))' "$dir/placements.csv")" -eq $(($(count "$csvdb" placement) + 1)) ]
check "the header names the columns" grep -q "^.ID;Kind;Title;Start;End" "$dir/placements.csv"
check "the export keeps umlauts as UTF-8" iconv -f UTF-8 -t UTF-8 "$dir/placements.csv" -o /dev/null

printf 'title;start-date;end-date\nHospitation A;2024-03-04;2024-03-08\nHospitation B;31.02.2024;2024-03-08\nHospitation C;2024-03-04\n' >"$dir/bad.csv"
before=$(sha256sum <"$csvdb")
"$app" --database "$csvdb" --import-csv placements "$dir/bad.csv" >"$dir/out" 2>"$dir/err"
check "--import-csv of a bad file exits 2" [ $? -eq 2 ]
check "--import-csv names the bad date on line 3" grep -q "^line 3: .*31.02.2024" "$dir/err"
check "--import-csv names the missing column on line 4" grep -q "^line 4: " "$dir/err"
check "--import-csv does not blame the good line 2" not_grep "^line 2: " "$dir/err"
check "--import-csv of a bad file changes nothing" [ "$(sha256sum <"$csvdb")" = "$before" ]

n_before=$(count "$csvdb" placement)
printf 'title;start-date;end-date;location\r\nHospitation Köln;04.03.2024;08.03.2024;Köln\r\n' >"$dir/good.csv"
"$app" --database "$csvdb" --import-csv placement "$dir/good.csv" >"$dir/out" 2>"$dir/err"
check "--import-csv of a good file exits 0" [ $? -eq 0 ]
check "--import-csv says how many records it imported" grep -q "^1 record imported" "$dir/out"
check "--import-csv stored the record" [ "$(count "$csvdb" placement)" -eq $((n_before + 1)) ]
check "--import-csv read the German date" \
  [ "$(sqlite3 "$csvdb" "SELECT start_date FROM placement WHERE location = 'Köln'")" = 2024-03-04 ]

"$app" --database "$csvdb" --import-csv meetings "$dir/good.csv" >"$dir/out" 2>"$dir/err"
check "--import-csv of an unknown kind exits 2" [ $? -eq 2 ]
check "--import-csv of an unknown kind lists the kinds" grep -q "programme-items" "$dir/err"
"$app" --database "$csvdb" --import-csv placements >"$dir/out" 2>"$dir/err"
check "--import-csv without a file exits 2" [ $? -eq 2 ]

echo "1..$n"
[ $fails -eq 0 ]
