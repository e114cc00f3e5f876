#!/usr/bin/env bash
# test-cli-backup.sh: --backup, --restore and refused files on the command line
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
sum() { sha256sum "$1" | cut -d' ' -f1; }

db=$dir/amt.db
"$app" --database "$db" --load-example-data >/dev/null 2>&1
orgs=$(count "$db" organisation)

"$app" --database "$db" --backup "$dir/copy.db" >"$dir/out" 2>"$dir/err"
check "--backup exits 0" [ $? -eq 0 ]
check "--backup says where the backup went" grep -q "copy.db" "$dir/out"
check "the backup is the owner's only" [ "$(stat -c %a "$dir/copy.db")" = 600 ]
check "the backup passes quick_check" [ "$(sqlite3 "$dir/copy.db" 'PRAGMA quick_check')" = ok ]
check "the backup holds the records" [ "$(count "$dir/copy.db" organisation)" = "$orgs" ]

"$app" --database "$db" --backup "$dir/no/such/folder/x.db" >"$dir/out" 2>"$dir/err"
check "--backup into a missing folder exits 2" [ $? -eq 2 ]
check "... with a message" grep -q "staff-exchange: " "$dir/err"

sqlite3 "$db" "DELETE FROM placement_topic"
sqlite3 "$db" "INSERT INTO topic (name) VALUES ('Nach der Sicherung')"

# A damaged backup: the header page intact, the rest overwritten
cp "$dir/copy.db" "$dir/bad.db"
size=$(stat -c %s "$dir/bad.db")
head -c $((size - 4096)) /dev/urandom | dd of="$dir/bad.db" bs=4096 seek=1 conv=notrunc status=none
before=$(sum "$db")
"$app" --database "$db" --restore "$dir/bad.db" >"$dir/out" 2>"$dir/err"
check "--restore of a damaged backup exits 2" [ $? -eq 2 ]
check "... says it is damaged" grep -q "damaged" "$dir/err"
check "... and leaves the database as it was" [ "$(sum "$db")" = "$before" ]

printf 'not a database at all, just text\n' >"$dir/text.db"
"$app" --database "$db" --restore "$dir/text.db" >"$dir/out" 2>"$dir/err"
check "--restore of a text file exits 2" [ $? -eq 2 ]
check "... and leaves the database as it was" [ "$(sum "$db")" = "$before" ]

"$app" --database "$db" --restore "$dir/copy.db" >"$dir/out" 2>"$dir/err"
check "--restore of a good backup exits 0" [ $? -eq 0 ]
check "... the topic added after the backup is gone" \
  [ "$(sqlite3 "$db" "SELECT count(*) FROM topic WHERE name = 'Nach der Sicherung'")" = 0 ]
aside=$(ls "$dir"/amt.db.before-restore-* 2>/dev/null | head -n 1)
check "... the file as it was is kept aside" [ -n "$aside" ] && [ "$(sum "$aside")" = "$before" ]
check "... and no lock file is left" [ ! -e "$db.lock" ]

# Refused files: exit 2, a message, the file unchanged
refuse() {
  local what=$1 file=$2 word=$3 before
  before=$(sum "$file")
  "$app" --database "$file" --backup "$dir/never.db" >"$dir/out" 2>"$dir/err"
  local rc=$?
  check "$what: exit 2" [ $rc -eq 2 ]
  check "$what: the message says \"$word\"" grep -qi "$word" "$dir/err"
  check "$what: the file is unchanged" [ "$(sum "$file")" = "$before" ]
  check "$what: no backup was written" [ ! -e "$dir/never.db" ]
}
head -c 8192 /dev/urandom >"$dir/garbage.db"
refuse "garbage" "$dir/garbage.db" "not a Staff Exchange database"
head -c 20000 "$dir/copy.db" >"$dir/cut.db"
refuse "truncated" "$dir/cut.db" "shorter than"
sqlite3 "$dir/foreign.db" "PRAGMA application_id = 42; CREATE TABLE x (y); INSERT INTO x VALUES (1);"
refuse "foreign" "$dir/foreign.db" "another program"
cp "$dir/copy.db" "$dir/newer.db"
sqlite3 "$dir/newer.db" "PRAGMA user_version = 999"
refuse "newer" "$dir/newer.db" "newer version"

echo "1..$n"
[ $fails -eq 0 ]
