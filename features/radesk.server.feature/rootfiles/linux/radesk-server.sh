#!/bin/sh
# Starts the RA server (headless): the RA service over HTTPS for the subscriber edition.
# Listens on 127.0.0.1:8443 (subscribers), :8444 (staff) and :8080 (plain HTTP for relying parties:
# CRL, CA certificates, OCSP) unless RADESK_JAVA_OPTS sets -Dradesk.server.host / -Dradesk.server.port /
# -Dradesk.server.staff.host / -Dradesk.server.staff.port / -Dradesk.server.publish.host /
# -Dradesk.server.publish.port; -Dradesk.publish.url=http://pki.example.tw is the base URL written into
# certificates (default http://<this host>:8080);
# the data folder is ~/.local/share/radesk unless -Dradesk.data says otherwise. SIGTERM (or Ctrl-C)
# stops it cleanly: the listener closes and the database is closed before the process exits.
# On the server's host only, with the server stopped: radesk-server.sh reset-password <staff account>
# gives that account a new password, shown once (how administrators get back in);
# radesk-server.sh notices-due lists the renewal notices due, sending nothing (a dry run);
# radesk-server.sh renew-ca <root key backup> certifies the issuing CA and the TLS CA again with the root key
# brought back from the backup written at the first start (its passphrase asked), before they expire.
here=$(cd "$(dirname "$0")" && pwd)
# the Java this product carries (made with jlink), else JAVA_HOME's, else the one on the PATH
java="$here/jre/bin/java"; [ -x "$java" ] || java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command_opts=
case "${1:-}" in
  reset-password|notices-due|renew-ca) command_opts=-Dradesk.server.command=$1 ;;
esac
launcher=$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
workspace=${RADESK_WORKSPACE:-"${XDG_CONFIG_HOME:-$HOME/.config}/radesk/server-workspace"}
mkdir -p "$workspace"
exec "$java" ${RADESK_JAVA_OPTS:--Xmx1g} $command_opts -Dosgi.requiredJavaVersion=21 -Djava.awt.headless=true -jar "$launcher" \
  -data "$workspace" -consoleLog "$@"
