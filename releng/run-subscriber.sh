#!/usr/bin/env bash
# Builds the products (once) and starts the subscriber edition. It talks to the RA server at
# https://localhost:8443/api/v1/ and trusts the RA root in ~/.local/share/radesk/server/root.cer
# (the server on this machine); 檔案 → 設定 names another server and root. Its card reader is
# the demo SoftHSM2 token folder of the same data folder, so the card the counter personalized
# is "in the reader".
set -euo pipefail
cd "$(dirname "$0")/.."
. releng/jdk.sh
home=releng/radesk.products/target/products/radesk-subscriber/linux/gtk/x86_64/radesk-subscriber
if [ ! -x "$home/radesk-subscriber.sh" ]; then
  ./mvnw -B -ntp -DskipTests verify
fi
: "${DISPLAY:?no display: start from a desktop session (or under xvfb-run -a)}"
exec "$home/radesk-subscriber.sh" "$@"
