#!/bin/sh
# Checks the audit trail's hash chain of this workstation's embedded database and names the first
# broken entry. Usage: radesk-verify-audit.sh [data folder] [last anchor file]   (default ~/.local/share/radesk);
# with the last anchor the RA wrote to <data>/audit/anchors/ (kept elsewhere), a cut-off tail is found too.
# Close RA Desk first: the embedded database admits one process at a time.
here=$(cd "$(dirname "$0")" && pwd)
cp=$(ls "$here"/plugins/com.h2database_*.jar "$here"/plugins/radesk.core_*.jar "$here"/plugins/radesk.store_*.jar | tr '\n' ':')
exec java -cp "$cp" radesk.store.VerifyAuditTrail "$@"
