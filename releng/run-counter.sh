#!/usr/bin/env bash
# Builds the products (once) and starts the counter workstation on the embedded default:
# H2 file database and demo card tokens in ~/.local/share/radesk, no server, no set-up screen.
set -euo pipefail
cd "$(dirname "$0")/.."
. releng/jdk.sh
home=releng/radesk.products/target/products/radesk-counter/linux/gtk/x86_64/radesk-counter
if [ ! -x "$home/radesk-counter.sh" ]; then
  ./mvnw -B -ntp -DskipTests verify
fi
: "${DISPLAY:?no display: start from a desktop session (or under xvfb-run -a)}"
exec "$home/radesk-counter.sh" "$@"
