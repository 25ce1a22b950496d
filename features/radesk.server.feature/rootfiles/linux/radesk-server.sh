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
# brought back from the backup written at the first start (its passphrase asked), before they expire;
# radesk-server.sh update <site> (e.g. file:/srv/radesk/update-site/) updates this installation from that p2
# site with the p2 director; exit code 0 when updated or already current, else 1 with a one-line reason.
here=$(cd "$(dirname "$0")" && pwd)
# the Java this product carries (made with jlink), else JAVA_HOME's, else the one on the PATH
java="$here/jre/bin/java"; [ -x "$java" ] || java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# update: p2's director, run from a configuration of its own made of this product's p2 bundles (copied out of
# plugins/), so that none of the server's own services start (they would migrate the database and hold the CA)
update() {
  site=${1:?}
  director=$(mktemp -d "${TMPDIR:-/tmp}/radesk-director.XXXXXX") || exit 1
  trap 'rm -rf "$director"' EXIT
  mkdir -p "$director/plugins" "$director/configuration"
  bundles=
  for b in org.eclipse.osgi.compatibility.state org.eclipse.equinox.p2.transport.ecf org.eclipse.ecf \
      org.eclipse.ecf.identity org.eclipse.ecf.filetransfer org.eclipse.ecf.provider.filetransfer \
      org.eclipse.equinox.concurrent bcutil bcpg bcprov org.apache.felix.scr@2:start org.eclipse.core.contenttype \
      org.eclipse.core.jobs org.eclipse.core.runtime@start org.eclipse.equinox.app org.eclipse.equinox.common@2:start \
      org.eclipse.equinox.frameworkadmin org.eclipse.equinox.frameworkadmin.equinox org.eclipse.equinox.p2.artifact.repository \
      org.eclipse.equinox.p2.core org.eclipse.equinox.p2.director org.eclipse.equinox.p2.director.app \
      org.eclipse.equinox.p2.engine org.eclipse.equinox.p2.garbagecollector org.eclipse.equinox.p2.metadata \
      org.eclipse.equinox.p2.metadata.repository org.eclipse.equinox.p2.operations org.eclipse.equinox.p2.publisher \
      org.eclipse.equinox.p2.repository org.eclipse.equinox.p2.touchpoint.eclipse org.eclipse.equinox.p2.touchpoint.natives \
      org.eclipse.equinox.preferences org.eclipse.equinox.registry org.eclipse.equinox.security \
      org.eclipse.equinox.simpleconfigurator.manipulator org.eclipse.equinox.simpleconfigurator \
      org.osgi.service.component org.osgi.service.prefs org.osgi.util.function org.osgi.util.promise \
      org.sat4j.core org.sat4j.pb org.tukaani.xz org.eclipse.osgi org.eclipse.equinox.launcher; do
    name=${b%%@*}
    jar=$(ls "$here/plugins/${name}"_*.jar 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$jar" ]; then echo "radesk-server: update: this installation has no $name in plugins/" >&2; exit 1; fi
    cp "$jar" "$director/plugins/"
    case "$name" in
      org.eclipse.osgi) framework="$director/plugins/${jar##*/}" ;;
      org.eclipse.equinox.launcher) boot="$director/plugins/${jar##*/}" ;;
      *) bundles="$bundles${bundles:+,}reference:file:$director/plugins/${jar##*/}${b#"$name"}" ;;
    esac
  done
  printf '%s\n' "osgi.framework=file:$framework" "osgi.bundles=$bundles" "osgi.bundles.defaultStartLevel=4" \
    "eclipse.application=org.eclipse.equinox.p2.director" >"$director/configuration/config.ini"
  log="${XDG_CONFIG_HOME:-$HOME/.config}/radesk/server-update.log"
  mkdir -p "$(dirname "$log")"
  roots=radesk-server,radesk.server.feature.feature.group
  # every root at once, uninstalled and installed again: the newest of each in the site (the product alone
  # would leave every bundle as it is; -installIU alone conflicts with the installed, strict root)
  "$java" -Xmx512m -jar "$boot" -install "$director" -configuration "$director/configuration" -nosplash -consoleLog \
    -application org.eclipse.equinox.p2.director -repository "$site" -destination "$here" \
    -uninstallIU "$roots" -installIU "$roots" >"$log" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ]; then
    reason=$(grep -v '^[[:space:]]*$' "$log" | grep -iE 'cannot|could not|failed|error|no repository|not found' | head -n 1 | sed 's/^!MESSAGE //')
    echo "radesk-server: update from $site failed (p2 director exit $rc): ${reason:-see $log} (full output: $log)" >&2
    exit 1
  fi
  echo "radesk-server: updated from $site to $(grep -o '^radesk\.server,[^,]*' "$here/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" | cut -d, -f2)"
  exit 0
}
command_opts=
case "${1:-}" in
  reset-password|notices-due|renew-ca) command_opts=-Dradesk.server.command=$1 ;;
  update)
    if [ -z "${2:-}" ]; then echo "radesk-server: update needs the update site, e.g. update file:/srv/radesk/update-site/" >&2; exit 2; fi
    case "$2" in
      file:*|https://*) ;;
      *) echo "radesk-server: update site $2 refused: only https:// or file: (what it installs runs as the server, and plain http could be changed on its way)" >&2; exit 2 ;;
    esac
    update "$2" ;;
esac
# the newest launcher: an update may leave the old one beside it
launcher=$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar | sort -V | tail -n 1)
workspace=${RADESK_WORKSPACE:-"${XDG_CONFIG_HOME:-$HOME/.config}/radesk/server-workspace"}
mkdir -p "$workspace"
exec "$java" ${RADESK_JAVA_OPTS:--Xmx1g} $command_opts -Dosgi.requiredJavaVersion=21 -Djava.awt.headless=true -jar "$launcher" \
  -data "$workspace" -consoleLog "$@"
