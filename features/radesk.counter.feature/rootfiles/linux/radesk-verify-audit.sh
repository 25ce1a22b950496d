#!/bin/sh
# Checks the audit trail's hash chain of this workstation's embedded database and names the first
# broken entry. Usage: radesk-verify-audit.sh [data folder] [last anchor file]   (default ~/.local/share/radesk);
# with the last anchor the RA wrote to <data>/audit/anchors/ (kept elsewhere), a cut-off tail is found too.
# Close RA Desk first: the embedded database admits one process at a time.
here=$(cd "$(dirname "$0")" && pwd)
# the Java this product carries (made with jlink), else JAVA_HOME's, else the one on the PATH
java="$here/jre/bin/java"; [ -x "$java" ] || java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cp=$(ls "$here"/plugins/com.h2database_*.jar "$here"/plugins/radesk.core_*.jar "$here"/plugins/radesk.store_*.jar | tr '\n' ':')
exec "$java" -cp "$cp" radesk.store.VerifyAuditTrail "$@"
