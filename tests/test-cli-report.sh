#!/usr/bin/env bash
# test-cli-report.sh: --export-summary and --export-certificate, without a display
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
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# Runs the app; sets $status, output in $dir/out and $dir/err
run() { "$app" "$@" >"$dir/out" 2>"$dir/err"; status=$?; }
no_pdfs() { [ -z "$(ls -A "$dir/pdf")" ]; }

db=$dir/x.db
mkdir "$dir/pdf"
"$app" --database "$db" --load-example-data >/dev/null
before=$(sha256sum <"$db")

run --database "$db" --export-summary JC-CHA-BZ-2019-01 --output "$dir/pdf/summary.pdf"
check "a summary by reference number exits 0" [ $status -eq 0 ]
check "the summary is a PDF" [ "$(head -c 5 "$dir/pdf/summary.pdf")" = "%PDF-" ]
check "the summary has pages" [ "$(pages "$dir/pdf/summary.pdf")" -ge 1 ]
check "the summary holds the reference number" grep -q "JC-CHA-BZ-2019-01" <(pdftotext "$dir/pdf/summary.pdf" -)
check "exporting leaves the database as it was" [ "$(sha256sum <"$db")" = "$before" ]

id=$(sqlite3 "$db" "SELECT id FROM agreement WHERE reference = 'JC-CHA-BZ-2019-01'")
run --database "$db" --export-summary "$id" --output "$dir/pdf/by-id.pdf"
check "a summary by id exits 0" [ $status -eq 0 ]
check "a summary by id is the same agreement" grep -q "Personalhospitationen" <(pdftotext "$dir/pdf/by-id.pdf" -)

run --database "$db" --export-certificate "Hospitation im Jobcenter Landkreis Cham" \
  --participant "Erika Mustermann" --output "$dir/pdf/certificate.pdf"
check "a certificate exits 0" [ $status -eq 0 ]
check "the certificate names the participant" grep -q "Erika Mustermann" <(pdftotext "$dir/pdf/certificate.pdf" -)
rm -f "$dir"/pdf/*

run --database "$db" --export-summary XY-404 --output "$dir/pdf/x.pdf"
check "an unknown agreement exits 2" [ $status -eq 2 ]
check "an unknown agreement is named in the message" grep -q "XY-404" "$dir/err"
check "an unknown agreement writes no file" no_pdfs

run --database "$db" --export-summary JC-CHA-BZ-2019-01
check "a missing --output exits 2" [ $status -eq 2 ]
check "a missing --output is explained" grep -q -- "--output" "$dir/err"

run --database "$db" --export-summary JC-CHA-BZ-2019-01 --output "$dir/no-such-folder/x.pdf"
check "an output that cannot be written exits 2" [ $status -eq 2 ]
check "an output that cannot be written is named" grep -q "no-such-folder" "$dir/err"

mkdir "$dir/pdf/a-folder"
run --database "$db" --export-summary JC-CHA-BZ-2019-01 --output "$dir/pdf/a-folder"
check "a folder as output exits 2" [ $status -eq 2 ]
check "a folder as output leaves no temporary file" [ "$(ls -A "$dir/pdf")" = "a-folder" ]
rmdir "$dir/pdf/a-folder"

run --database "$db" --export-certificate "Hospitation im Jobcenter Landkreis Cham" \
  --participant "Josef Beer" --output "$dir/pdf/x.pdf"
check "a person who did not take part exits 2" [ $status -eq 2 ]
check "a person who did not take part is named" grep -q "Josef Beer" "$dir/err"
check "a person who did not take part gets no certificate" no_pdfs

run --database "$db" --export-certificate "Hospitation im Jobcenter Landkreis Cham" \
  --output "$dir/pdf/x.pdf"
check "a certificate without --participant exits 2" [ $status -eq 2 ]

run --database "$db" --export-certificate "Keine solche Hospitation" --participant "Erika Mustermann" \
  --output "$dir/pdf/x.pdf"
check "an unknown placement exits 2" [ $status -eq 2 ]

run --database "$db" --export-certificate "Hospitation im Jobcenter Landkreis Cham" \
  --participant "Max Nirgendwo" --output "$dir/pdf/x.pdf"
check "an unknown person exits 2" [ $status -eq 2 ]
check "nothing was written by any refused export" no_pdfs

run --database "$dir/none.db" --export-summary 1 --output "$dir/pdf/x.pdf"
check "a database that does not exist exits 2" [ $status -eq 2 ]
check "a database that does not exist is not created" [ ! -e "$dir/none.db" ]

echo "1..$n"
[ $fails -eq 0 ]
