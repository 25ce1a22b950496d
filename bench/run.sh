#!/usr/bin/env bash
# Runs the benchmarks at full size in the products' OSGi runtime (the same DS wiring as the counter and
# the server): issuance vs openssl speed / openssl ca, a 1M-entry CRL vs openssl ca -gencrl, card
# personalization vs pkcs11-tool, the mailroom CSV import vs a plain JDBC batch insert, search over 1M
# subscribers (p99) vs the raw SQL, 200 concurrent TLS sessions against the RA server, renewal notices for
# 1M subscribers into Postfix's smtp-sink vs smtp-source (then kill -9 halfway: none missing, none twice), OCSP for 1M
# revoked certificates vs openssl ocsp -index -port -multi <cores> (both loaded by wrk), that CRL fetched vs python3 http.server,
# and the counter's cold start to its first window and its resident memory vs a bare e4 product; on PostgreSQL, the
# search again and 2,000 TLS sessions through HAProxy to one vs two radesk-server products (one round: about 17 minutes;
# -Dbench.scaleRounds=N for more). Each other ratio is the median of 5 rounds with its spread. Every build runs them at small sizes (bench/pom.xml).
# Other sizes: BENCH_SIZES="-Dbench.rounds=3 -Dbench.crl=100000 -Dbench.subscribers=100000 -Dbench.notices=100000" bench/run.sh
# One only: BENCH_SIZES="-Dbench.only=notices -Dbench.notices=100000" bench/run.sh
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
# the cold-start benchmark opens windows: a virtual display when there is none
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1280x900x24" bash "$self" "$@"
fi
. releng/jdk.sh
table=bench/radesk.bench/target/bench-table.txt
rm -f "$table"
rm -rf bench/radesk.bench/target/bench-data bench/radesk.bench/target/bench-data-postgresql bench/radesk.bench/target/work  # a fresh database and runtime each run
bash releng/postgresql-test-db.sh >/dev/null  # and a fresh PostgreSQL database for the search's second run
./mvnw -B -ntp verify -Dtest=BenchmarksTest -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  -Dbench.heap=8g "-Dbench.sizes=${BENCH_SIZES:-}" | grep -v '^\[INFO\]' || true
[ -f "$table" ] || { echo "the benchmarks did not run to their end: no $table" >&2; exit 1; }
cat "$table" bench/radesk.bench/target/bench-table-postgresql.txt
