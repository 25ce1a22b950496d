#!/usr/bin/env bash
# Runs the benchmarks: issuance vs openssl speed / openssl ca, a 1M-entry CRL vs openssl ca -gencrl,
# card personalization vs pkcs11-tool, the mailroom CSV import vs a plain JDBC batch insert, search over
# 1M subscribers (p99) vs the raw SQL prefix query, 200 concurrent sessions against the RA server over TLS.
# Builds first when needed; prints one ratio per line.
# Smaller runs: BENCH_OPTS="-Dbench.issue=500 -Dbench.crl=100000 -Dbench.cards=3 -Dbench.postal=2000 -Dbench.subscribers=100000" bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
plugins=releng/radesk.products/target/products/radesk-counter/linux/gtk/x86_64/radesk-counter/plugins
bench=$(ls bench/radesk.bench/target/radesk.bench-*.jar 2>/dev/null | head -n 1 || true)
if [ ! -d "$plugins" ] || [ -z "$bench" ] || ! ls tests/radesk.testing/target/radesk.testing-*.jar >/dev/null 2>&1; then
  ./mvnw -B -ntp -q -DskipTests verify
  bench=$(ls bench/radesk.bench/target/radesk.bench-*.jar | head -n 1)
fi
work=$(mktemp -d)
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$work" > "$work/softhsm2.conf"
mkdir -p "$work/tokens"
cp=$(ls "$plugins"/*.jar | grep -v -e org.eclipse.swt -e org.eclipse.e4.ui | tr '\n' ':')
testing=$(ls tests/radesk.testing/target/radesk.testing-*.jar | head -n 1)
server=$(ls bundles/radesk.server/target/radesk.server-*.jar | grep -v sources | head -n 1)
SOFTHSM2_CONF="$work/softhsm2.conf" exec java -Xmx8g ${BENCH_OPTS:-} -cp "$bench:$testing:$server:$cp" radesk.bench.Benchmarks
