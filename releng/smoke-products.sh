#!/usr/bin/env bash
# Starts each materialized product on a throw-away data folder and workspace, waits for its
# window, saves a screenshot next to the product and fails on any ERROR entry in the log.
set -euo pipefail
cd "$(dirname "$0")/.."
products=releng/radesk.products/target/products
failed=0
# the counter in zh-TW, the subscriber edition in English: both languages render in the screenshots
for edition in counter subscriber; do
  if [ "$edition" = counter ]; then nl=zh_TW; title="RA Desk 櫃檯作業"; else nl=en; title="RA Desk Subscriber"; fi
  home="$products/radesk-$edition/linux/gtk/x86_64/radesk-$edition"
  scratch=$(mktemp -d)
  log="$products/smoke-$edition.log"
  RADESK_WORKSPACE="$scratch/workspace" RADESK_JAVA_OPTS="-Dradesk.data=$scratch/data" \
    "$home/radesk-$edition.sh" -consoleLog -nl "$nl" >"$log" 2>&1 &
  pid=$!
  window=""
  for _ in $(seq 1 60); do
    window=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && break
    sleep 1
  done
  sleep 3
  import -window root "$products/smoke-$edition-$nl.png" 2>/dev/null || true
  pkill -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
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
# the subscriber edition must not even contain the counter's code or its database
plugins="$products/radesk-subscriber/linux/gtk/x86_64/radesk-subscriber/plugins"
leaked=$(ls "$plugins" | grep -E '^(radesk\.(store|service|ui\.counter)|com\.h2database|org\.flywaydb|org\.postgresql)' || true)
if [ -n "$leaked" ]; then
  echo "smoke: the subscriber product contains counter-only bundles: $leaked"; failed=$((failed + 1))
fi
echo "smoke: $((2 - failed)) of 2 products started cleanly"
exit "$failed"
