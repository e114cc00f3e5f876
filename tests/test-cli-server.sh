#!/usr/bin/env bash
# test-cli-server.sh: the command-line jobs on a PostgreSQL server
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs under tests/se-with-pg, which starts a throw-away server and sets
# PGHOST, PGPORT, PGUSER and PGPASSWORD: --copy-to a server and back into
# a new file with every kind's --export-csv the same, --export-csv and
# --run-checks on the server, a pg_dump of it that pg_restore takes,
# --upgrade-schema, --backup refused, --grant, TLS with sslmode=verify-full, and an
# unreachable server, a wrong password and a server older than PostgreSQL
# 13: exit status 2 and a message, and no password in it.

set -u
app=$1
unset DISPLAY WAYLAND_DISPLAY
dir=$(mktemp -d)
db_name=se_cli_$$
clerk=se_cli_clerk_$$
cleanup() {
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS $clerk, ${db_name}_reader, ${db_name}_clerk, ${db_name}_admin" \
    >/dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT
export HOME=$dir XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

psql -q -d postgres -c "CREATE DATABASE $db_name" >/dev/null
server="postgresql://$PGUSER@$PGHOST:$PGPORT/$db_name"

"$app" --database "$dir/first.db" --load-example-data >/dev/null 2>&1
"$app" --database "$dir/first.db" --copy-to "$server" >"$dir/out" 2>"$dir/err"
check "--copy-to a server exits 0" [ $? -eq 0 ]
check "... and says where" grep -q "$db_name" "$dir/out"
"$app" --database "$server" --copy-to "$dir/last.db" >"$dir/out" 2>"$dir/err"
check "--copy-to a new file from the server exits 0" [ $? -eq 0 ]

same=yes
for kind in organisations units people topics partnerships agreements signatories approvals \
            placements participants programme-items prerequisites placement-topics; do
  "$app" --database "$dir/first.db" --export-csv "$kind" "$dir/a-$kind.csv" >/dev/null 2>&1
  "$app" --database "$dir/last.db" --export-csv "$kind" "$dir/b-$kind.csv" >/dev/null 2>&1
  "$app" --database "$server" --export-csv "$kind" "$dir/s-$kind.csv" >/dev/null 2>&1
  if ! cmp -s "$dir/a-$kind.csv" "$dir/b-$kind.csv" || ! cmp -s "$dir/a-$kind.csv" "$dir/s-$kind.csv" \
     || [ ! -s "$dir/a-$kind.csv" ]; then
    same="no ($kind)"
  fi
done
check "every kind's --export-csv: the same from the file, the server and the copy back" \
  [ "$same" = yes ]

"$app" --database "$dir/first.db" --run-checks >"$dir/a-checks" 2>&1
"$app" --database "$server" --run-checks >"$dir/s-checks" 2>&1
check "--run-checks finds the same on the server" cmp -s "$dir/a-checks" "$dir/s-checks"

# The README's backup: pg_dump, and pg_restore into a new database, which
# the app opens with every record
pg_dump --format=custom --file="$dir/dump" "$db_name" 2>"$dir/err"
check "pg_dump backs the server's database up" [ $? -eq 0 ]
psql -q -d postgres -c "CREATE DATABASE ${db_name}_restored" >/dev/null
pg_restore --exit-on-error --dbname="${db_name}_restored" "$dir/dump" 2>"$dir/err"
check "pg_restore takes the backup, CHECK constraints and all" [ $? -eq 0 ]
same=yes
for kind in organisations people agreements placements participants programme-items; do
  "$app" --database "postgresql://$PGUSER@$PGHOST:$PGPORT/${db_name}_restored" \
    --export-csv "$kind" "$dir/r-$kind.csv" >/dev/null 2>&1
  cmp -s "$dir/a-$kind.csv" "$dir/r-$kind.csv" || same="no ($kind)"
done
check "... and the restored database has every record" [ "$same" = yes ]
psql -q -d postgres -c "DROP DATABASE ${db_name}_restored WITH (FORCE)" >/dev/null

"$app" --database "$dir/first.db" --copy-to "$server" >"$dir/out" 2>"$dir/err"
check "--copy-to a server that holds data exits 2" [ $? -eq 2 ]
check "... and says why" grep -q "already holds data" "$dir/err"
"$app" --database "$server" --copy-to "$dir/last.db" >"$dir/out" 2>"$dir/err"
check "--copy-to a file that exists exits 2" [ $? -eq 2 ]

psql -q -d "$db_name" -v ON_ERROR_STOP=1 -f "$(dirname "$0")/pg-previous-schema.sql" >/dev/null
"$app" --database "$server" --import-csv topics "$dir/a-topics.csv" >"$dir/out" 2>"$dir/err"
check "an older schema on the server is not written to" [ $? -eq 2 ]
check "... and the message names --upgrade-schema" grep -q -- "--upgrade-schema" "$dir/err"
"$app" --database "$server" --upgrade-schema >"$dir/out" 2>"$dir/err"
check "--upgrade-schema exits 0" [ $? -eq 0 ]
check "... and the schema is this version's" \
  [ "$(psql -At -d "$db_name" -c 'SELECT version FROM staff_exchange_schema')" = 6 ]

"$app" --database "$server" --backup "$dir/backup.db" >"$dir/out" 2>"$dir/err"
check "--backup of a server exits 2" [ $? -eq 2 ]
check "... and names pg_dump" grep -q "pg_dump" "$dir/err"

# Roles, as the README gives them: a clerk, who then may not give roles
psql -q -d postgres -c "CREATE ROLE $clerk LOGIN PASSWORD 'pw-clerk'" >/dev/null
"$app" --database "$server" --grant clerk "$clerk" >"$dir/out" 2>"$dir/err"
check "--grant clerk USER exits 0" [ $? -eq 0 ]
check "... says so" grep -q "$clerk now has the role Clerk" "$dir/out"
check "... and the server has it" \
  [ "$(psql -At -d "$db_name" -c "SELECT pg_has_role ('$clerk', '${db_name}_clerk', 'MEMBER')")" = t ]
"$app" --database "postgresql://$clerk:pw-clerk@$PGHOST:$PGPORT/$db_name" \
  --grant administrator "$clerk" >"$dir/out" 2>"$dir/err"
check "a clerk's --grant exits 2" [ $? -eq 2 ]
check "... and says only an administrator gives roles" grep -q "only an administrator" "$dir/err"
"$app" --database "$server" --grant boss "$clerk" >"$dir/out" 2>"$dir/err"
check "--grant with an unknown role exits 2" [ $? -eq 2 ]
check "... and names the roles" grep -q "reader, clerk or administrator" "$dir/err"
"$app" --database "$server" --grant clerk >"$dir/out" 2>"$dir/err"
check "--grant without a user exits 2" [ $? -eq 2 ]
check "... and says what is missing" grep -q "needs the user" "$dir/err"
"$app" --database "$dir/first.db" --grant clerk "$clerk" >"$dir/out" 2>"$dir/err"
check "--grant on a file exits 2" [ $? -eq 2 ]

# The throw-away server offers no TLS: a setting that requires it
"$app" --database "postgresql://$PGUSER@$PGHOST:$PGPORT/$db_name?sslmode=verify-full" \
  --run-checks >"$dir/out" 2>"$dir/err"
check "a server without the TLS the settings require exits 2" [ $? -eq 2 ]
check "... and says the server offers none" grep -q "offers no encrypted connection" "$dir/err"

# TLS as the README sets it up: a CA of its own, the server's certificate
# for localhost, sslmode=verify-full; then a CA that did not sign it
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Test CA" -keyout "$dir/ca.key" \
  -out "$dir/ca.crt" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/server.key" \
  -out "$dir/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost\n' >"$dir/san"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
  -days 2 -extfile "$dir/san" -out "$dir/server.crt" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Other CA" -keyout "$dir/other.key" \
  -out "$dir/other.crt" 2>/dev/null
chmod 0600 "$dir/server.key"
# The server reads its key as the owner of its data directory
owner=$(stat -c %U "$(psql -At -d postgres -c 'SHOW data_directory')")
[ "$(id -u)" -eq 0 ] && chown "$owner" "$dir/server.key" "$dir/server.crt" && chmod 0755 "$dir"
psql -q -d postgres -c "ALTER SYSTEM SET ssl_cert_file = '$dir/server.crt'" \
  -c "ALTER SYSTEM SET ssl_key_file = '$dir/server.key'" -c "ALTER SYSTEM SET ssl = on" \
  -c "SELECT pg_reload_conf ()" >/dev/null
sleep 1
tls="postgresql://$PGUSER@localhost:$PGPORT/$db_name?sslmode=verify-full"
"$app" --database "$tls&sslrootcert=$dir/ca.crt" --export-csv people "$dir/t-people.csv" \
  >"$dir/out" 2>"$dir/err"
check "sslmode=verify-full with the server's CA: the jobs work" cmp -s "$dir/a-people.csv" "$dir/t-people.csv"
"$app" --database "$tls&sslrootcert=$dir/other.crt" --run-checks >"$dir/out" 2>"$dir/err"
check "a certificate another CA signed exits 2" [ $? -eq 2 ]
check "... and says the certificate is not signed by a trusted CA" \
  grep -q "could not be secured: its certificate is not signed by a certificate authority" "$dir/err"
"$app" --database "postgresql://$PGUSER@127.0.0.1:$PGPORT/$db_name?sslmode=verify-full&sslrootcert=$dir/ca.crt" \
  --run-checks >"$dir/out" 2>"$dir/err"
check "a certificate for another name (localhost, not 127.0.0.1) exits 2" [ $? -eq 2 ]
check "... and says it is made out for another name" grep -q "made out for another name" "$dir/err"
psql -q -d postgres -c "ALTER SYSTEM RESET ssl" -c "SELECT pg_reload_conf ()" >/dev/null

"$app" --database "postgresql://127.0.0.1:1/staff" --run-checks >"$dir/out" 2>"$dir/err"
check "an unreachable server exits 2" [ $? -eq 2 ]
check "... with a message" grep -q "No database server answers" "$dir/err"
"$app" --database "postgresql://$PGUSER:wrong$PGPASSWORD@$PGHOST:$PGPORT/$db_name" \
  --run-checks >"$dir/out" 2>"$dir/err"
check "a wrong password exits 2" [ $? -eq 2 ]
check "... with a message" grep -q "refused the user name or the password" "$dir/err"
check "... that does not show the password" bash -c "! grep -q wrong '$dir/err'"

# A server older than PostgreSQL 13: a stand-in that answers as one
# (Debian 12 has none to run), refused with a message
exec 4< <(exec python3 "$(dirname "$0")/se-old-server.py")
old_pid=$!
read -r old_port <&4
"$app" --database "postgresql://$PGUSER@127.0.0.1:$old_port/staff" --run-checks \
  >"$dir/out" 2>"$dir/err"
check "a PostgreSQL 12 server exits 2" [ $? -eq 2 ]
check "... with a message" grep -q "older than version 13" "$dir/err"
kill "$old_pid" 2>/dev/null

echo "1..$n"
[ $fails -eq 0 ]
