#!/bin/sh
# Restores a backup of the RA (made by the server into <data>/backups/, or by an administrator) into a
# fresh data folder, then checks its audit trail. Usage: radesk-restore.sh <backup.zip> <data folder>
# The folder must be empty or absent: a restore never overwrites records. Every file's SHA-256 is
# checked against the backup's list before anything is written; a changed, missing or extra file, or a
# name outside the backup's folders, refuses the whole restore. Then start the server on that folder
# (RADESK_JAVA_OPTS="-Dradesk.data=<data folder>" radesk-server.sh).
here=$(cd "$(dirname "$0")" && pwd)
# the Java this product carries (made with jlink), else JAVA_HOME's, else the one on the PATH
java="$here/jre/bin/java"; [ -x "$java" ] || java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cp=$(ls "$here"/plugins/com.h2database_*.jar "$here"/plugins/radesk.core_*.jar "$here"/plugins/radesk.store_*.jar | tr '\n' ':')
exec "$java" -cp "$cp" radesk.store.RestoreBackup "$@"
