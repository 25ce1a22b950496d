#!/usr/bin/env bash
# Gives each materialized Linux product its own Java: a runtime made with jlink, from the JDK that runs
# the build, holding the modules RA Desk and its libraries use. The start scripts prefer it to any Java
# on the machine, so a user unpacks the archive and runs it with no Java installed. (The Windows archives
# carry none: jlink makes runtimes for its own platform only.) Usage: jlink-products.sh <products folder>
set -euo pipefail
products=$1
: "${JAVA_HOME:?JAVA_HOME must name the JDK that runs the build}"
# java.desktop: PDFBox and the slips (java.awt.geom, ImageIO), java.sql: H2/JDBC, java.naming: JavaMail and
# the JDK's LDAP-free JNDI lookups, jdk.crypto.cryptoki: SunPKCS11 (SoftHSM2 and OpenSC cards),
# java.smartcardio: PC/SC readers, jdk.xml.dom: org.w3c.dom.css for e4's CSS engine, jdk.localedata and
# jdk.charsets: zh-TW dates and Big5, jdk.unsupported: sun.misc.Unsafe for JNA, H2 and Equinox,
# jdk.management: the JVM's memory and thread beans, java.net.http: the connected counter's client, java.sql.rowset: HikariCP imports it
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.smartcardio,java.sql,java.sql.rowset,java.transaction.xa,\
java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.net,\
jdk.unsupported,jdk.xml.dom,jdk.zipfs,jdk.jfr,jdk.httpserver
for home in "$products"/radesk-*/linux/gtk/x86_64/radesk-*; do
  [ -d "$home/plugins" ] || continue
  rm -rf "$home/jre"
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$home/jre"
  echo "jlink: $(du -sh "$home/jre" | cut -f1) Java runtime in $home/jre ($("$home/jre/bin/java" -version 2>&1 | head -n 1))"
done
