#!/bin/sh
# Starts RA Desk (counter edition). Maven Central has no native Eclipse launcher, so this script is
# the launcher: it runs Equinox's launcher jar with a workspace of this user's own.
# RADESK_WORKSPACE overrides the workspace; other arguments go to the workbench (e.g. -nl en).
# The update site of 檔案 → 檢查更新: RADESK_JAVA_OPTS="-Dradesk.update.site=file:/srv/radesk/update-site/".
here=$(cd "$(dirname "$0")" && pwd)
# the Java this product carries (made with jlink), else JAVA_HOME's, else the one on the PATH
java="$here/jre/bin/java"; [ -x "$java" ] || java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the newest launcher: an update (檔案 → 檢查更新) leaves the old jars beside the new ones
launcher=$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar | sort -V | tail -n 1)
workspace=${RADESK_WORKSPACE:-"${XDG_CONFIG_HOME:-$HOME/.config}/radesk/counter-workspace"}
mkdir -p "$workspace"
while :; do
  "$java" ${RADESK_JAVA_OPTS:--Xmx1g} -Dosgi.requiredJavaVersion=21 -jar "$launcher" -data "$workspace" "$@"
  rc=$?
  # 23: the workbench asked to be restarted (a new UI language, an update)
  [ "$rc" -eq 23 ] || exit "$rc"
done
