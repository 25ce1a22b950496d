# Sourced by the build and run scripts: exports JAVA_HOME as a JDK 21 or newer (the build's Tycho 5 and
# Eclipse 4.39 need it). Takes JAVA_HOME when it is one, else the newest JDK under /usr/lib/jvm; says in
# one line what to install when there is none.
radesk_java_feature() {  # the feature release of the JDK at $1 (25 for 25.0.3), or 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | grep . || echo 0
}
radesk_usable_jdk() {  # a JDK 21 or newer with javac and jlink (the products' own Java is made with it)
  [ -x "$1/bin/javac" ] && [ -x "$1/bin/jlink" ] && [ "$(radesk_java_feature "$1")" -ge 21 ]
}
radesk_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && radesk_usable_jdk "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return 0
  fi
  best= best_v=0
  for d in /usr/lib/jvm/*; do
    radesk_usable_jdk "$d" || continue
    v=$(radesk_java_feature "$d")
    if [ "$v" -gt "$best_v" ]; then best=$d best_v=$v; fi
  done
  [ -n "$best" ] && echo "$best"
}
if jdk=$(radesk_find_jdk); then
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "RA Desk needs a JDK 21 or newer: install openjdk-21-jdk-headless (or a Temurin 21+ JDK) and set JAVA_HOME" >&2
  return 1 2>/dev/null || exit 1
fi
