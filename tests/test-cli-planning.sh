#!/usr/bin/env bash
# test-cli-planning.sh: --run-checks, --export-ics, --export-statistics
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

db=$dir/x.db
"$app" --database "$db" --load-example-data >/dev/null 2>&1

# --run-checks
"$app" --database "$db" --run-checks >"$dir/out" 2>"$dir/err"
status=$?
check "--run-checks exits 1 when there are findings" [ $status -eq 1 ]
check "--run-checks prints one finding a line (6 for the example data)" \
  [ "$(wc -l <"$dir/out")" -eq 6 ]
check "--run-checks names rule and record" grep -q "(no-mentor, placement 3)" "$dir/out"
check "--run-checks explains in a sentence" grep -q "has no mentor at Sunderland City Council" "$dir/out"

empty=$dir/empty.db
sqlite3 "$db" "VACUUM INTO '$empty'" && sqlite3 "$empty" "PRAGMA foreign_keys = OFF;
  DELETE FROM participant; DELETE FROM programme_item; DELETE FROM prerequisite;
  DELETE FROM placement_topic; DELETE FROM placement; DELETE FROM signatory; DELETE FROM approval;
  DELETE FROM document; DELETE FROM agreement; DELETE FROM partnership;"
"$app" --database "$empty" --run-checks >"$dir/out" 2>"$dir/err"
status=$?
check "--run-checks exits 0 when there are none" [ $status -eq 0 ]
check "--run-checks prints nothing then" [ ! -s "$dir/out" ]

"$app" --database "$dir/missing.db" --run-checks >"$dir/out" 2>"$dir/err"
status=$?
check "--run-checks on a missing file exits 2" [ $status -eq 2 ]
check "--run-checks on a missing file creates nothing" [ ! -e "$dir/missing.db" ]
check "--run-checks on a missing file says so" grep -q "missing.db" "$dir/err"

# --export-ics
"$app" --database "$db" --export-ics "$dir/all.ics" >"$dir/out" 2>"$dir/err"
check "--export-ics exits 0" [ $? -eq 0 ]
check "--export-ics writes every placement and programme item" \
  [ "$(grep -c '^BEGIN:VEVENT' "$dir/all.ics")" -eq 32 ]
check "--export-ics ends lines with CRLF" [ "$(grep -c $'\r$' "$dir/all.ics")" -eq "$(wc -l <"$dir/all.ics")" ]
check "--export-ics writes a file only its owner may read" [ "$(stat -c %a "$dir/all.ics")" = 600 ]

"$app" --database "$db" --export-ics "$dir/swap.ics" --placement 3 >/dev/null 2>&1
check "--export-ics --placement writes one placement with its programme" \
  [ "$(grep -c '^BEGIN:VEVENT' "$dir/swap.ics")" -eq 16 ]
check "--export-ics --placement: all-day, DTEND the day after" \
  grep -q $'^DTEND;VALUE=DATE:20220305\r$' "$dir/swap.ics"

"$app" --database "$db" --export-ics "$dir/cham.ics" --partnership 5 >/dev/null 2>&1
check "--export-ics --partnership writes its placements" \
  [ "$(grep -c '^UID:placement-' "$dir/cham.ics")" -eq 5 ]

"$app" --database "$db" --export-ics "$dir/none.ics" --placement 99 >"$dir/out" 2>"$dir/err"
check "--export-ics --placement of an unknown id exits 2" [ $? -eq 2 ]
check "... and writes nothing" [ ! -e "$dir/none.ics" ]
"$app" --database "$db" --export-ics "$dir/both.ics" --placement 3 --partnership 5 >/dev/null 2>&1
check "--placement with --partnership exits 2" [ $? -eq 2 ]

# --export-statistics
"$app" --database "$db" --export-statistics "$dir/stats.csv" >"$dir/out" 2>"$dir/err"
check "--export-statistics FILE.csv exits 0" [ $? -eq 0 ]
check "the CSV has the translated header" \
  grep -q $'^Grouping;Group;Placements;Days;Guests;Guest days\r$' "$dir/stats.csv"
check "the CSV has the total" grep -q $'^Total;Total;8;38;14;53\r$' "$dir/stats.csv"

"$app" --database "$db" --export-statistics "$dir/stats.xlsx" >"$dir/out" 2>"$dir/err"
check "--export-statistics FILE.xlsx exits 0" [ $? -eq 0 ]
if command -v unzip >/dev/null; then
  check "the XLSX holds four worksheets" \
    [ "$(unzip -l "$dir/stats.xlsx" | grep -c 'xl/worksheets/sheet[0-9].xml')" -eq 4 ]
else
  ok "# SKIP unzip is not installed"
fi

"$app" --database "$db" --export-statistics "$dir/stats.ods" >"$dir/out" 2>"$dir/err"
check "--export-statistics of another kind of file exits 2" [ $? -eq 2 ]
check "... and says which endings work" grep -q ".xlsx" "$dir/err"

echo "1..$n"
[ $fails -eq 0 ]
