#!/usr/bin/env bash
# Installs what RA Desk needs on a fresh Debian 12 machine: a JDK, the GTK runtime and a virtual
# display for the workbench, SoftHSM2 and OpenSC for cards, NSS/p11-kit tools, a CJK font that
# PDFBox can embed, poppler (pdftotext), openssl and tesseract (OCR against the 驗證碼) as outside
# checkers; Debian's Postfix (a mail server for the notices' tests; no system instance is set up); wrk, the
# HTTP load client both OCSP responders of the benchmark are measured with. Safe to run again.
set -euo pipefail
packages=(
  openjdk-17-jdk-headless unzip curl ca-certificates iproute2
  libgtk-3-0 xvfb xauth x11-utils xdotool imagemagick dbus-x11 fonts-wqy-microhei fonts-arphic-uming
  softhsm2 opensc pcscd libnss3-tools p11-kit
  poppler-utils openssl tesseract-ocr postfix wrk
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
# Postfix is installed unconfigured: the tests run their own instance on loopback
echo "postfix postfix/main_mailer_type select No configuration" | "${as_root[@]}" debconf-set-selections
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
