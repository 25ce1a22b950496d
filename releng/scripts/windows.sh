# Sourced by the product tests (smoke-products.sh, update-test.sh): finding a product's windows on the
# virtual display with xdotool.

# the id of the first window whose title matches $1, waiting up to $2 s (default 60); empty if none came
window_titled() {
  local found=""
  for _ in $(seq 1 "${2:-60}"); do
    found=$(xdotool search --name "$1" 2>/dev/null | head -n 1 || true)
    [ -n "$found" ] && break
    sleep 1
  done
  echo "$found"
}
