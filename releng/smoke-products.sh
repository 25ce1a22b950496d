#!/usr/bin/env bash
# Starts each materialized product on a throw-away data folder and workspace, waits for its
# window, saves a screenshot next to the product and fails on any ERROR entry in the log.
set -euo pipefail
cd "$(dirname "$0")/.."
products=releng/radesk.products/target/products
failed=0

. releng/scripts/windows.sh

# stops a product started in the background by its start script (the script and the Java it started)
stop_product() {
  kill_tree "$1"
  wait "$1" 2>/dev/null || true
}
# SIGTERM to a process and everything it started, the deepest first (the Java before its script's loop)
kill_tree() {
  local child
  for child in $(pgrep -P "$1" || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
# the products start with no Java on the machine but their own (made with jlink): no JAVA_HOME, and a PATH
# of this machine's commands without java
nojava=$(mktemp -d)
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
  case "$(basename "$f")" in java|javac|jar|jlink|jshell|keytool) ;; *) ln -sf "$f" "$nojava/" ;; esac
done
no_java=(env -u JAVA_HOME PATH="$nojava")  # a command, not a function: $! stays the product's own process
if "${no_java[@]}" sh -c 'command -v java' >/dev/null; then echo "smoke: java still on the reduced PATH"; failed=$((failed + 1)); fi
# what a user downloads: each Linux archive, unpacked, runs its own Java (modes kept by the archive)
for edition in counter subscriber server; do
  unpacked=$(mktemp -d)
  tar xzf "$products"/radesk-$edition-*-linux.gtk.x86_64.tar.gz -C "$unpacked"
  if ! "${no_java[@]}" "$unpacked/radesk-$edition/jre/bin/java" -version >/dev/null 2>&1; then
    echo "smoke: the radesk-$edition archive carries no Java runtime that starts (jre/)"; failed=$((failed + 1))
  fi
  rm -rf "$unpacked"
done
# the counter in zh-TW, the subscriber edition in English: both languages render in the screenshots
for edition in counter subscriber; do
  if [ "$edition" = counter ]; then nl=zh_TW; title="RA Desk 櫃檯作業"; else nl=en; title="RA Desk Subscriber"; fi
  home="$products/radesk-$edition/linux/gtk/x86_64/radesk-$edition"
  scratch=$(mktemp -d)
  log="$products/smoke-$edition.log"
  RADESK_WORKSPACE="$scratch/workspace" RADESK_JAVA_OPTS="-Dradesk.data=$scratch/data" \
    "${no_java[@]}" "$home/radesk-$edition.sh" -consoleLog -nl "$nl" >"$log" 2>&1 &
  pid=$!
  window=$(window_titled "^$title\$")
  sleep 3
  import -window root "$products/smoke-$edition-$nl.png" 2>/dev/null || true
  stop_product "$pid"
  errors=$(grep -c '^!ENTRY [^ ]* 4 ' "$scratch/workspace/.metadata/.log" 2>/dev/null || true)
  if [ -z "$window" ]; then
    echo "smoke: radesk-$edition opened no window titled '$title' within 60 s"; cat "$log"; failed=$((failed + 1))
  elif [ "${errors:-0}" != 0 ]; then
    echo "smoke: radesk-$edition logged $errors error(s):"; cat "$scratch/workspace/.metadata/.log"; failed=$((failed + 1))
  else
    echo "smoke: radesk-$edition opened its window, no errors logged"
  fi
  rm -rf "$scratch"
done
# the subscriber edition must not even contain the counter's code or its database: no such bundle,
# and no counter-only class inside any jar (staff desks and wire, connected mode, counter card flows)
plugins="$products/radesk-subscriber/linux/gtk/x86_64/radesk-subscriber/plugins"
leaked=$(ls "$plugins" | grep -E '^(radesk\.(store|service|server|slips|remote|api\.staff|wire\.staff|flows\.counter|ui\.counter)|com\.h2database|org\.flywaydb|org\.postgresql)' || true)
if [ -n "$leaked" ]; then
  echo "smoke: the subscriber product contains counter-only bundles: $leaked"; failed=$((failed + 1))
fi
jar="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jar"
counter_only='^radesk/(api/staff|wire/staff|remote|flows/counter|ui/counter|service|store|server|slips)/|/(CounterCardWork|StaffApi|StaffDesk|MailroomDesk|FormDesk|IssuanceDesk|RegistrationDesk|CardDesk|ConnectedMode|ServerConnection)[.$]'
classes=0
for j in "$plugins"/radesk.*.jar; do
  listing=$("$jar" tf "$j")
  classes=$((classes + $(grep -c '\.class$' <<<"$listing" || true)))
  found=$(grep -E '\.class$' <<<"$listing" | grep -E "$counter_only" || true)
  if [ -n "$found" ]; then
    echo "smoke: $(basename "$j") in the subscriber product holds counter-only classes:"; echo "$found"; failed=$((failed + 1))
  fi
done
if [ "$classes" -lt 20 ]; then
  echo "smoke: only $classes classes found in the subscriber product's radesk jars: the check read nothing"; failed=$((failed + 1))
else
  echo "smoke: the subscriber product's $classes radesk classes hold no counter-only class"
fi
# the RA server: headless, HTTPS with the RA's own CA, stops cleanly on SIGTERM
home="$products/radesk-server/linux/gtk/x86_64/radesk-server"
scratch=$(mktemp -d)
log="$products/smoke-server.log"
# three free ports in a row, below the kernel's range for outgoing connections (32768 and up)
for _ in $(seq 1 50); do
  port=$(( 12000 + RANDOM % 20000 ))
  ss -Htln "( sport = :$port or sport = :$((port + 1)) or sport = :$((port + 2)) )" 2>/dev/null | grep -q . || break
done
sport=$((port + 1))
pport=$((port + 2))
# starts the server on this scratch folder (or the data folder $2), its console to $1; $pid is its script's process; waits until it listens
start_server() {
  RADESK_WORKSPACE="$scratch/workspace" RADESK_JAVA_OPTS="-Dradesk.data=${2:-$scratch/data} -Dradesk.server.port=$port -Dradesk.server.staff.port=$sport -Dradesk.server.publish.port=$pport -Dradesk.publish.url=http://ra.example.test:$pport -Dradesk.server.drain=2" \
    "${no_java[@]}" "$home/radesk-server.sh" >"$1" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    grep -q "radesk-server: listening" "$1" && break
    sleep 1
  done
}
start_server "$log"
server_ok=0
if grep -q "radesk-server: listening on https://127.0.0.1:$port/api/v1/" "$log" \
   && openssl x509 -inform DER -in "$scratch/data/server/root.cer" -out "$scratch/root.pem" \
   && curl -s --cacert "$scratch/root.pem" "https://localhost:$port/api/v1/health" | grep -q '^{"status":"ok"' \
   && [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$scratch/root.pem" -H 'Content-Type: application/json' \
          -d '{"account":' "https://localhost:$port/api/v1/sessions")" = 400 ] \
   && [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$scratch/root.pem" -H 'Content-Type: application/json' \
          -d '{}' "https://localhost:$port/api/v1/staff/sessions")" = 404 ] \
   && grep -q "radesk-server: staff (counter workstations) listening on https://127.0.0.1:$sport/api/v1/" "$log" \
   && curl -s -f "http://127.0.0.1:$pport/crl/issuing.crl" -o "$scratch/issuing.crl" \
   && openssl crl -inform DER -in "$scratch/issuing.crl" -noout -nextupdate \
   && curl -s -f "http://127.0.0.1:$pport/ca/issuing.cer" | openssl x509 -inform DER -noout -subject; then
  server_ok=1
fi
# the counter in connected mode on the same data folder while the server holds its database: its
# first start asks the server (the embedded database is locked by the server, so a counter that
# fell back to it would log errors)
counter_home="$products/radesk-counter/linux/gtk/x86_64/radesk-counter"
clog="$products/smoke-counter-connected.log"
RADESK_WORKSPACE="$scratch/counter-workspace" \
  RADESK_JAVA_OPTS="-Dradesk.data=$scratch/data -Dradesk.connection=server -Dradesk.server.url=https://localhost:$sport/api/v1/" \
  "${no_java[@]}" "$counter_home/radesk-counter.sh" -consoleLog -nl zh_TW >"$clog" 2>&1 &
cpid=$!
cwindow=$(window_titled "首次啟動")
sleep 3
import -window root "$products/smoke-counter-connected.png" 2>/dev/null || true
stop_product "$cpid"
cerrors=$(grep -c '^!ENTRY [^ ]* 4 ' "$scratch/counter-workspace/.metadata/.log" 2>/dev/null || true)
if [ -z "$cwindow" ]; then
  echo "smoke: radesk-counter in connected mode showed no first-start dialog within 60 s"; cat "$clog"; failed=$((failed + 1))
elif [ "${cerrors:-0}" != 0 ]; then
  echo "smoke: radesk-counter in connected mode logged $cerrors error(s):"; cat "$scratch/counter-workspace/.metadata/.log"
  failed=$((failed + 1))
else
  echo "smoke: radesk-counter in connected mode asked the server for its first start, no errors logged"
fi
# the first administrator: only with the one-time code the server printed on its own console
api="https://localhost:$sport/api/v1"
post_status() { # path body [token]
  curl -s -o /dev/null -w '%{http_code}' --cacert "$scratch/root.pem" -H 'Content-Type: application/json' -d "$2" "$api/$1"
}
admin_body() { # setup code, password
  echo '{"setupCode":"'"$1"'","account":"smoke.admin","displayName":"Smoke admin","password":"'"$2"'","workstation":"smoke"}'
}
code=$(grep -o 'one-time code: [A-Z0-9-]*' "$log" | head -n 1 | cut -d' ' -f3 || true)
boot_ok=0
if [ -n "$code" ] && ! grep -rq "$code" "$scratch/data/server/logs" \
   && [ "$(post_status staff/first-administrator "$(admin_body AAAA-BBBB-CCCC-DDDD smoke-Admin-2026)")" = 403 ] \
   && [ "$(post_status staff/first-administrator "$(admin_body "$code" smoke-Admin-2026)")" = 200 ] \
   && [ "$(post_status staff/first-administrator "$(admin_body "$code" smoke-Admin-2027)")" = 403 ]; then
  boot_ok=1
fi
kill -TERM "$pid" 2>/dev/null || true
# behind a load balancer: SIGTERM first turns /health to 503 "draining" for radesk.server.drain seconds
sleep 0.5
drained=$(curl -s -w ' %{http_code}' --cacert "$scratch/root.pem" "https://localhost:$port/api/v1/health" || true)
case "$drained" in
  *'"status":"draining"'*' 503') ;;
  *) server_ok=0; echo "smoke: /health did not answer 503 draining after SIGTERM: $drained" ;;
esac
stopped=0
for _ in $(seq 1 40); do
  if ! kill -0 "$pid" 2>/dev/null; then stopped=1; break; fi
  sleep 0.5
done
wait "$pid" 2>/dev/null || true
errors=$(grep -c '^!ENTRY [^ ]* 4 ' "$scratch/workspace/.metadata/.log" 2>/dev/null || true)
# the request log, written off the request threads, holds the requests once the server stopped
if ! grep -q '"GET /crl/issuing.crl HTTP/1.1" 200' "$scratch/data/server/logs/requests.0.log" 2>/dev/null; then
  server_ok=0; echo "smoke: the request log holds no line of the CRL fetched"
fi
if [ "$server_ok" != 1 ]; then
  echo "smoke: radesk-server did not answer over HTTPS as expected"; cat "$log"; failed=$((failed + 1))
elif [ "$stopped" != 1 ]; then
  echo "smoke: radesk-server did not stop within 20 s of SIGTERM"; kill -9 "$pid" 2>/dev/null || true; failed=$((failed + 1))
elif [ "${errors:-0}" != 0 ]; then
  echo "smoke: radesk-server logged $errors error(s):"; cat "$scratch/workspace/.metadata/.log"; failed=$((failed + 1))
else
  echo "smoke: radesk-server answered over HTTPS (trusting only the RA's root; staff routes only on the staff port) and stopped on SIGTERM"
fi
# recovery on the host: with the server stopped, reset-password shows a new password once; the
# server, started again, signs the administrator in with it and no longer with the old one
recovered=$(RADESK_WORKSPACE="$scratch/workspace" RADESK_JAVA_OPTS="-Dradesk.data=$scratch/data" \
  "${no_java[@]}" "$home/radesk-server.sh" reset-password smoke.admin 2>&1 || true)
fresh=$(grep -o 'it works at once): [^ ]*' <<<"$recovered" | sed 's/.*: //' || true)
recovery_ok=0
if [ "$boot_ok" = 1 ] && [ -n "$fresh" ]; then
  start_server "$products/smoke-server-again.log"
  # the old password is refused; the new one signs in once without the staff card (the host's waiver), then no more
  if [ "$(post_status staff/sessions '{"account":"smoke.admin","password":"smoke-Admin-2026","workstation":"smoke"}')" = 401 ] \
     && [ "$(post_status staff/sessions '{"account":"smoke.admin","password":"'"$fresh"'","workstation":"smoke"}')" = 200 ] \
     && curl -s --cacert "$scratch/root.pem" -H 'Content-Type: application/json' \
          -d '{"account":"smoke.admin","password":"'"$fresh"'","workstation":"smoke"}' "$api/staff/sessions" \
          | grep -q STAFF_CARD_REQUIRED \
     && ! grep -rq "$fresh" "$scratch/data/server/logs" "$products/smoke-server-again.log"; then
    recovery_ok=1
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
fi
if [ "$boot_ok" != 1 ]; then
  echo "smoke: radesk-server's first administrator was not created with (and only with) its printed one-time code"; cat "$log"
  failed=$((failed + 1))
elif [ "$recovery_ok" != 1 ]; then
  echo "smoke: radesk-server reset-password on the host did not give a new password good for one sign-in without the card:"
  echo "$recovered"
  failed=$((failed + 1))
else
  echo "smoke: radesk-server made its first administrator only with its printed code, recovered it on the host (one sign-in without the staff card), and asks for the staff card after"
fi
# the key ceremony of the first start: the root key only in an encrypted backup outside the data
# folder, its passphrase on the console once (never in a log); renew-ca on the host brings it back
# (a wrong passphrase refused) to certify the issuing CA again, which the next start publishes
passphrase=$(grep -oE '\b[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){5}\b' "$log" | head -n 1 || true)
backup=$(grep -oE '/[^ ]*/radesk-root-key-[0-9-]+\.p12' "$log" | head -n 1 || true)
ceremony_ok=0
if [ -n "$passphrase" ] && [ -f "$backup" ] && [ "${backup#"$scratch/data/"}" = "$backup" ] \
   && [ ! -e "$scratch/data/ca/ca.p12" ] && [ -f "$scratch/data/ca/token.pins" ] \
   && ! grep -rq "$passphrase" "$scratch/data" "$scratch/workspace" \
   && openssl pkcs12 -in "$backup" -passin "pass:$passphrase" -nokeys 2>/dev/null | openssl x509 -outform DER -out "$scratch/backup-root.der" \
   && cmp -s "$scratch/backup-root.der" "$scratch/data/ca/root.cer"; then
  before=$(openssl x509 -inform DER -in "$scratch/data/ca/issuing.cer" -noout -serial || true)
  wrong=$(echo "not-the-passphrase" | RADESK_WORKSPACE="$scratch/workspace" RADESK_JAVA_OPTS="-Dradesk.data=$scratch/data" \
    "${no_java[@]}" "$home/radesk-server.sh" renew-ca "$backup" 2>&1) && wrong_rc=0 || wrong_rc=$?
  renewed=$(echo "$passphrase" | RADESK_WORKSPACE="$scratch/workspace" RADESK_JAVA_OPTS="-Dradesk.data=$scratch/data" \
    "${no_java[@]}" "$home/radesk-server.sh" renew-ca "$backup" 2>&1) && renew_rc=0 || renew_rc=$?
  after=$(openssl x509 -inform DER -in "$scratch/data/ca/issuing.cer" -noout -serial || true)
  if [ "$wrong_rc" != 0 ] && grep -q "passphrase does not open" <<<"$wrong" && [ "$renew_rc" = 0 ] && [ "$before" != "$after" ]; then
    start_server "$products/smoke-server-renewed.log"
    if [ "$(curl -s -f "http://127.0.0.1:$pport/ca/issuing.cer" | openssl x509 -inform DER -noout -serial)" = "$after" ]; then
      ceremony_ok=1
    fi
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
fi
if [ "$ceremony_ok" != 1 ]; then
  echo "smoke: radesk-server's key ceremony or renew-ca did not hold: backup '$backup'"; echo "${wrong:-}"; echo "${renewed:-}"
  failed=$((failed + 1))
else
  echo "smoke: radesk-server kept the root key only in its encrypted backup (passphrase on the console once), and renew-ca certified the issuing CA again"
fi
# the same server on PostgreSQL: a database of its own, made with the test role releng/postgresql-test-db.sh set up
pg_ok=0
settings="$HOME/.cache/radesk/test-postgresql"
if [ -f "$settings/database.properties" ]; then
  pgdata="$scratch/pgdata"
  mkdir -p "$pgdata/db"
  conninfo="host=localhost port=$(sed -n 's|^url = jdbc:postgresql://localhost:\([0-9]*\)/.*|\1|p' "$settings/database.properties") user=radesk_test sslmode=verify-full sslrootcert=$settings/ca.crt"
  PGPASSWORD=$(cat "$settings/db.password") psql -q -X "$conninfo dbname=radesk_test" \
    -c "drop database if exists radesk_test_smoke" -c "create database radesk_test_smoke" >/dev/null 2>&1 || true
  sed 's|/radesk_test$|/radesk_test_smoke|' "$settings/database.properties" >"$pgdata/db/database.properties"
  echo "password.file = $settings/db.password" >>"$pgdata/db/database.properties"
  start_server "$products/smoke-server-postgresql.log" "$pgdata"
  if grep -q "radesk-server: listening" "$products/smoke-server-postgresql.log" \
     && openssl x509 -inform DER -in "$pgdata/server/root.cer" -out "$pgdata/root.pem" \
     && curl -s --cacert "$pgdata/root.pem" "https://localhost:$port/api/v1/health" | grep -q '"status":"ok"' \
     && grep -q "the RA's records: jdbc:postgresql://localhost:[0-9]*/radesk_test_smoke" "$products/smoke-server-postgresql.log" \
     && [ "$(PGPASSWORD=$(cat "$settings/db.password") psql -X -At "$conninfo dbname=radesk_test_smoke" \
          -c "select count(*) from flyway_schema_history where success")" -ge 21 ]; then
    pg_ok=1
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
fi
if [ "$pg_ok" != 1 ]; then
  echo "smoke: radesk-server did not start on PostgreSQL ($settings/database.properties):"
  cat "$products/smoke-server-postgresql.log" 2>/dev/null | tail -20; failed=$((failed + 1))
else
  echo "smoke: radesk-server started on PostgreSQL (TLS verify-full), migrated it and answered over HTTPS"
fi
rm -rf "$scratch"
# the server has no user interface at all
if ls "$home/plugins" | grep -qE '^org\.eclipse\.(swt|jface|e4\.ui)'; then
  echo "smoke: the server product contains UI bundles"; failed=$((failed + 1))
fi
echo "smoke: $((7 - failed)) of 7 product checks were clean (counter, subscriber, server, counter connected to the server, server bootstrap and host recovery, key ceremony, server on PostgreSQL)"
rm -rf "$nojava"
exit "$failed"
