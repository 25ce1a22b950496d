#!/usr/bin/env bash
# Makes this machine's PostgreSQL ready for the service suite's second run (records in PostgreSQL):
# starts Debian's cluster, turns its TLS on with a test CA made here (once), and makes a fresh
# database radesk_test owned by the role radesk_test (which may create more: a test's fresh installation), whose password is new at each run (random,
# kept only in the settings folder, readable by this user). Writes the settings the tests read:
# ~/.cache/radesk/test-postgresql/database.properties (tls = verify-full against the test CA), and
# bench.properties beside it for the benchmarks' database radesk_bench.
# Needs root or sudo (the cluster's configuration and its postgres account). Safe to run again.
set -euo pipefail
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

cluster=$(pg_lsclusters -h | awk 'NR == 1 { print $1 " " $2 }')
if [ -z "$cluster" ]; then
  echo "postgresql-test-db: no PostgreSQL cluster here (apt-get install postgresql)" >&2
  exit 1
fi
read -r version name <<<"$cluster"
port=$(pg_lsclusters -h | awk 'NR == 1 { print $3 }')

# TLS with a test CA: the server's certificate names localhost, so the driver checks it in full
tls=/var/lib/postgresql/radesk-test-tls
if ! "${as_root[@]}" test -s "$tls/server.crt"; then
  work=$(mktemp -d)
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj "/CN=RA Desk test database CA" \
    -keyout "$work/ca.key" -out "$work/ca.crt" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
    -keyout "$work/server.key" -out "$work/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$work/ext"
  openssl x509 -req -in "$work/server.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" -CAcreateserial -days 3650 \
    -extfile "$work/ext" -out "$work/server.crt" 2>/dev/null
  "${as_root[@]}" install -d -o postgres -g postgres -m 700 "$tls"
  "${as_root[@]}" install -o postgres -g postgres -m 600 "$work/server.key" "$tls/server.key"
  "${as_root[@]}" install -o postgres -g postgres -m 644 "$work/server.crt" "$work/ca.crt" "$tls/"
  rm -rf "$work"
fi
if ! pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n && $4 == "online" { ok = 1 } END { exit !ok }'; then
  "${as_root[@]}" pg_ctlcluster "$version" "$name" start
fi
as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$port" <<SQL
alter system set ssl = on;
alter system set ssl_cert_file = '$tls/server.crt';
alter system set ssl_key_file = '$tls/server.key';
alter system set max_connections = 300;
SQL
# max_connections needs a restart; ssl a reload
"${as_root[@]}" pg_ctlcluster "$version" "$name" restart

settings="$HOME/.cache/radesk/test-postgresql"
mkdir -p "$settings"
chmod 700 "$settings"
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$port" -v pw="$password" <<'SQL'
select format('create role radesk_test login password %L', :'pw') where not exists (select from pg_roles where rolname = 'radesk_test')
\gexec
select format('alter role radesk_test createdb password %L', :'pw')
\gexec
select format('drop database %I with (force)', datname) from pg_database where datname like 'radesk\_test\_%'
\gexec
drop database if exists radesk_test with (force);
create database radesk_test owner radesk_test encoding 'UTF8' template template0;
drop database if exists radesk_bench with (force);
create database radesk_bench owner radesk_test encoding 'UTF8' template template0;
SQL
umask 077
printf '%s\n' "$password" >"$settings/db.password"
"${as_root[@]}" cat "$tls/ca.crt" >"$settings/ca.crt"
cat >"$settings/database.properties" <<EOF
# written by releng/postgresql-test-db.sh: the service suite's PostgreSQL run
url = jdbc:postgresql://localhost:$port/radesk_test
user = radesk_test
tls = verify-full
tls.root = $settings/ca.crt
pool = 20
EOF
# the benchmarks' PostgreSQL run (P4: the search over 1M subscribers) on a database of its own
sed 's|/radesk_test$|/radesk_bench|; s|service suite.s PostgreSQL run|benchmarks'"'"' PostgreSQL run|' "$settings/database.properties" >"$settings/bench.properties"
echo "postgresql-test-db: a fresh radesk_test (and radesk_bench) on PostgreSQL $version/$name, port $port, TLS verify-full; settings $settings/database.properties"
