#!/usr/bin/env bash
# The p2 self-update as the RA's staff meet it, on the built archives and a local copy of the update site:
# - counter: v1 unpacked from its archive, the first administrator created, 檔案 → 檢查更新 driven with the
#   keyboard (xdotool) like a user, 安裝並重新啟動; it must come back as v2 (bundles.info, the jars the new
#   process holds open, its sign-in window); started again in English, it finds nothing newer;
# - server: v1 unpacked, `radesk-server.sh update <site>` (the p2 director, none of the server's services),
#   exit 0 and v2 bundles, then it starts and listens; a site that is not there fails with one line.
# "v2" is the built site re-versioned by make-v2-repo.py (a later qualifier), not a second build.
# Needs the products and site of `mvnw verify` and a display (xvfb-run); screenshots go next to the products.
set -euo pipefail
cd "$(dirname "$0")/.."
products=releng/radesk.products/target/products
site=releng/radesk.products/target/repository
: "${DISPLAY:?no display: run under xvfb-run -a}"
failed=0
fail() { echo "update-test: $*"; failed=$((failed + 1)); }
scratch=$(mktemp -d)
nojava=$scratch/nojava
mkdir "$nojava"
# like smoke-products.sh: the products run their own Java, none on the PATH
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
  case "$(basename "$f")" in java|javac|jar|jlink|jshell|keytool) ;; *) ln -sf "$f" "$nojava/" ;; esac
done
no_java=(env -u JAVA_HOME PATH="$nojava")
kill_tree() {
  local child
  for child in $(pgrep -P "$1" || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
. releng/scripts/windows.sh
# keyboard focus to window $1 (Xvfb has no window manager: the pointer goes there too)
focus() {
  xdotool mousemove --window "$1" 40 60 2>/dev/null || true
  xdotool windowfocus --sync "$1" 2>/dev/null || true
  sleep 0.5
}
shot() { import -window root "$products/update-$1.png" 2>/dev/null || true; }

q1=$(ls "$site"/plugins/radesk.core_0.1.0.*.jar | sed 's/.*radesk\.core_0\.1\.0\.\([0-9]*\)\.jar/\1/')
q2=$((q1 + 1))
python3 releng/make-v2-repo.py "$site" "$scratch/v2" "$q1" "$q2"
v2="file:$scratch/v2/"
echo "update-test: v1 $q1, v2 $q2 at $v2"

# --- the counter ---------------------------------------------------------------------------------------
mkdir "$scratch/counter"
tar xzf "$products"/radesk-counter-*-linux.gtk.x86_64.tar.gz -C "$scratch/counter"
home="$scratch/counter/radesk-counter"
log="$products/update-counter.log"
start_counter() { # language
  RADESK_WORKSPACE="$scratch/workspace" RADESK_JAVA_OPTS="-Dradesk.data=$scratch/data -Dradesk.update.site=$v2" \
    "${no_java[@]}" "$home/radesk-counter.sh" -consoleLog -nl "$1" >>"$log" 2>&1 &
  pid=$!
}
start_counter zh_TW
first=$(window_titled "首次啟動" 90)
if [ -z "$first" ]; then
  fail "the counter showed no first-start window"; cat "$log"
else
  sleep 2
  focus "$first"
  xdotool type --delay 40 "update.admin"; xdotool key Tab
  xdotool type --delay 40 "Update Admin"; xdotool key Tab
  xdotool type --delay 40 "Admin-pass-2026"; xdotool key Tab
  xdotool type --delay 40 "Admin-pass-2026"
  shot counter-first-start
  xdotool key Return
  for _ in $(seq 1 60); do xdotool search --name "首次啟動" >/dev/null 2>&1 || break; sleep 1; done
  main=$(window_titled '^RA Desk 櫃檯作業$' 30)
  old_java=$(pgrep -P "$pid" java || true)
  sleep 3
  focus "$main"
  xdotool key alt+f
  sleep 1
  shot counter-file-menu
  xdotool key u
  dialog=$(window_titled '^檢查更新 *$' 30)
  if [ -z "$dialog" ]; then
    fail "檔案 → 檢查更新 opened no dialog"; shot counter-no-dialog
  else
    sleep 15 # the check: a local site, a few seconds
    shot counter-dialog-zh_TW
    focus "$dialog"
    xdotool key Return # 安裝並重新啟動, the default button once updates are found
    new_java=
    for _ in $(seq 1 180); do
      new_java=$(pgrep -P "$pid" java || true)
      [ -n "$new_java" ] && [ "$new_java" != "$old_java" ] && break
      new_java=
      sleep 1
    done
    signin=$(window_titled "登入" 90)
    sleep 2
    shot counter-restarted
    info="$home/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
    if [ -z "$new_java" ]; then
      fail "the counter did not restart after 安裝並重新啟動"; cat "$log"
    elif [ -z "$signin" ]; then
      fail "the restarted counter showed no sign-in window"; cat "$log"
    elif ! grep -q "^radesk.ui.counter,0.1.0.$q2," "$info" || grep -q "^radesk\.[^,]*,0\.1\.0\.$q1," "$info"; then
      fail "bundles.info does not list the v2 bundles (and only them):"; grep '^radesk' "$info"
    elif ! grep -q "_0\.1\.0\.$q2\.jar" <<<"$(ls -l "/proc/$new_java/fd" 2>/dev/null)"; then
      fail "the restarted counter holds no v2 jar open"; ls -l "/proc/$new_java/fd" | grep '\.jar' || true
    else
      echo "update-test: the counter updated itself to $q2 from 檔案 → 檢查更新 and restarted into it (pid $old_java → $new_java)"
    fi
  fi
fi
kill_tree "$pid"; wait "$pid" 2>/dev/null || true

# in English, signed in again: the same site has nothing newer now
start_counter en
signin=$(window_titled "sign in" 90)
if [ -z "$signin" ]; then
  fail "the updated counter showed no sign-in window in English"
else
  sleep 2
  focus "$signin"
  xdotool type --delay 40 "update.admin"; xdotool key Tab
  xdotool type --delay 40 "Admin-pass-2026"; xdotool key Return
  for _ in $(seq 1 60); do xdotool search --name "sign in" >/dev/null 2>&1 || break; sleep 1; done
  main=$(window_titled '^RA Desk Counter$' 30)
  sleep 3
  focus "$main"
  xdotool key alt+f; sleep 1; xdotool key u
  dialog=$(window_titled '^Check for updates *$' 30)
  sleep 10
  shot counter-dialog-en
  if [ -z "$dialog" ]; then
    fail "File → Check for updates opened no dialog in English"
  elif ! grep -q "update check: nothing newer at $v2" "$scratch/workspace/.metadata/.log"; then
    fail "the updated counter, asked again, did not find itself up to date"; grep 'update' "$scratch/workspace/.metadata/.log"
  else
    echo "update-test: the updated counter, asked again in English, found nothing newer (update-counter-dialog-en.png)"
  fi
fi
kill_tree "$pid"; wait "$pid" 2>/dev/null || true
errors=$(grep -c '^!ENTRY [^ ]* 4 ' "$scratch/workspace/.metadata/.log" 2>/dev/null || true)
if [ "${errors:-0}" != 0 ]; then
  fail "the counter logged $errors error(s):"; grep -A3 '^!ENTRY [^ ]* 4 ' "$scratch/workspace/.metadata/.log"
fi

# --- the server ----------------------------------------------------------------------------------------
mkdir "$scratch/server"
tar xzf "$products"/radesk-server-*-linux.gtk.x86_64.tar.gz -C "$scratch/server"
shome="$scratch/server/radesk-server"
export XDG_CONFIG_HOME="$scratch/config"
bad=$("${no_java[@]}" "$shome/radesk-server.sh" update "file:$scratch/nowhere/" 2>&1) && bad_rc=0 || bad_rc=$?
if [ "$bad_rc" = 0 ] || [ "$(wc -l <<<"$bad")" != 1 ]; then
  fail "an update from a site that is not there did not fail with one line (exit $bad_rc): $bad"
else
  echo "update-test: an update from a missing site fails (exit $bad_rc): $bad"
fi
plain=$("${no_java[@]}" "$shome/radesk-server.sh" update "http://127.0.0.1:9/site/" 2>&1) && plain_rc=0 || plain_rc=$?
if [ "$plain_rc" != 2 ] || ! grep -q "refused" <<<"$plain"; then
  fail "an update over plain http was not refused (exit $plain_rc): $plain"
else
  echo "update-test: an update over plain http is refused (exit 2): $plain"
fi
out=$("${no_java[@]}" "$shome/radesk-server.sh" update "$v2" 2>&1) && rc=0 || rc=$?
sinfo="$shome/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
if [ "$rc" != 0 ]; then
  fail "radesk-server.sh update failed (exit $rc): $out"; cat "$scratch/config/radesk/server-update.log" || true
elif ! grep -q "^radesk.server,0.1.0.$q2," "$sinfo" || grep -q "^radesk\.[^,]*,0\.1\.0\.$q1," "$sinfo" \
     || ! ls "$shome/plugins" | grep -q "^radesk.server_0.1.0.$q2.jar$"; then
  fail "the server's bundles.info or plugins/ do not hold v2 (and only v2): $out"; grep '^radesk' "$sinfo"
else
  echo "update-test: $out"
  port=$(( 12000 + RANDOM % 20000 ))
  RADESK_WORKSPACE="$scratch/server-workspace" RADESK_JAVA_OPTS="-Dradesk.data=$scratch/server-data -Dradesk.server.port=$port -Dradesk.server.staff.port=$((port + 1)) -Dradesk.server.publish.port=$((port + 2))" \
    "${no_java[@]}" "$shome/radesk-server.sh" >"$products/update-server.log" 2>&1 &
  spid=$!
  for _ in $(seq 1 60); do grep -q "radesk-server: listening" "$products/update-server.log" && break; sleep 1; done
  # radesk-server.sh execs its Java: $spid is the server itself
  if grep -q "radesk-server: listening" "$products/update-server.log" \
     && grep -q "radesk\.server_0\.1\.0\.$q2\.jar" <<<"$(ls -l "/proc/$spid/fd" 2>/dev/null)"; then
    echo "update-test: the updated server started on its v2 bundles and listens"
  else
    fail "the updated server did not start"; cat "$products/update-server.log"
  fi
  kill -TERM "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true
fi
rm -rf "$scratch"
echo "update-test: $failed failure(s) in 3 update checks (counter updated and restarted, counter up to date, server updated and started)"
exit "$failed"
