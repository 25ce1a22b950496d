#!/usr/bin/env bash
# Runs every test: the Maven reactor (plain JUnit, OSGi tests, UI tests that drive the real
# workbench), then starts the three built products (counter and subscriber open their window, the
# server answers over HTTPS and stops on SIGTERM, and meanwhile a counter in connected mode asks it
# for its first start), each with no error in its log, and updates the counter (檔案 → 檢查更新, driven
# with xdotool) and the server (radesk-server.sh update) from a local v2 copy of the update site.
# Needs a display: run it under xvfb-run (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
. releng/jdk.sh
: "${DISPLAY:?no display: run under xvfb-run -a}"
# the service suite runs twice, on H2 and on PostgreSQL: a fresh test database first
bash releng/postgresql-test-db.sh
./mvnw -B -ntp clean verify
# the benchmarks ran at small sizes in that build (bench/pom.xml): their table, so none can rot unseen
cat bench/radesk.bench/target/bench-table.txt bench/radesk.bench/target/bench-table-postgresql.txt
smoke=0
bash releng/smoke-products.sh || smoke=$?
update=0
bash releng/update-test.sh || update=$?
# one closing line over every tier: the surefire reports of all modules plus the two product starts
find . -path '*/target/surefire-reports*/TEST-*.xml' -print0 | xargs -0 grep -h -o '<testsuite [^>]*>' |
  awk -v smoke="$smoke" -v update="$update" '
    { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); v = kv[2]; sub(/".*/, "", v)
        if (kv[1] == "tests") t += v; else if (kv[1] == "failures") f += v
        else if (kv[1] == "errors") f += v; else if (kv[1] == "skipped") s += v } }
    END { f += smoke + update; t += 7 + 3; printf "Total: %d passed, %d failed, %d skipped\n", t - f - s, f, s }'
exit $((smoke + update))
