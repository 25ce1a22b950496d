#!/usr/bin/env bash
# Builds the products (once) and starts the RA server on the embedded default: the same H2 file
# database, embedded CA and data folder (~/.local/share/radesk) as the counter workstation, HTTPS
# on 127.0.0.1:8443 (subscribers) and 127.0.0.1:8444 (staff). Ctrl-C (or SIGTERM) stops it cleanly. The counter workstation must be closed
# first: the embedded database is held by one program at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
. releng/jdk.sh
home=releng/radesk.products/target/products/radesk-server/linux/gtk/x86_64/radesk-server
if [ ! -x "$home/radesk-server.sh" ]; then
  ./mvnw -B -ntp -DskipTests verify
fi
exec "$home/radesk-server.sh" "$@"
