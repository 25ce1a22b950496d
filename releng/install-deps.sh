#!/usr/bin/env bash
# Installs what RA Desk needs on a fresh Debian 12 machine: a JDK 21 or newer (one already there, such as
# /usr/lib/jvm/temurin-25-jdk-amd64, else openjdk-21-jdk-headless where the release has it), the GTK runtime and a virtual
# display for the workbench, SoftHSM2 and OpenSC for cards, NSS/p11-kit tools, a CJK font that
# PDFBox can embed, poppler (pdftotext), openssl and tesseract (OCR against the 驗證碼) as outside
# checkers; Debian's Postfix (a mail server for the notices' tests; no system instance is set up); wrk, the
# HTTP load client both OCSP responders of the benchmark are measured with; Debian's PostgreSQL (the service
# suite runs a second time on it: releng/postgresql-test-db.sh) and HAProxy in front of two servers in it. Safe to run again.
set -euo pipefail
packages=(
  unzip curl ca-certificates iproute2
  libgtk-3-0 xvfb xauth x11-utils xdotool imagemagick dbus-x11 fonts-wqy-microhei fonts-arphic-uming
  softhsm2 opensc pcscd libnss3-tools p11-kit
  poppler-utils openssl tesseract-ocr postfix wrk postgresql haproxy
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
# the build (Tycho 5, Eclipse 4.39) needs a JDK 21 or newer; jlink from it makes the products' own Java
need_jdk=0
. "$(dirname "$0")/jdk.sh" 2>/dev/null || need_jdk=1
if [ ${#missing[@]} -eq 0 ] && [ $need_jdk -eq 0 ]; then
  echo "install-deps: everything is installed (JDK: $JAVA_HOME)"
  exit 0
fi
"${as_root[@]}" apt-get update -qq
if [ $need_jdk -eq 1 ]; then
  if apt-cache show openjdk-21-jdk-headless >/dev/null 2>&1; then missing+=(openjdk-21-jdk-headless)
  else echo "install-deps: no JDK 21 or newer here and none in apt: install one (e.g. Temurin 21+) and set JAVA_HOME" >&2; exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
# Postfix is installed unconfigured: the tests run their own instance on loopback
echo "postfix postfix/main_mailer_type select No configuration" | "${as_root[@]}" debconf-set-selections
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
