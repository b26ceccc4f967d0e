#!/usr/bin/env bash
# Photographs Folio's starter site in Debian's Chromium: home, publications
# and the math post, at phone (390 px) and desktop (1280 px) widths, in light
# and dark, into OUT (12 PNGs). MathJax comes from tests/starter-web's npm copy
# (or resources/mathjax3), served with the site, so no network is needed.
#
# usage: scripts/starter-screenshots.sh OUT [FOLIO_CLI]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:?usage: scripts/starter-screenshots.sh OUT [FOLIO_CLI]}"
CLI="${2:-${FOLIO_CLI:-}}"
if [ -z "$CLI" ]; then
  for c in "$ROOT"/build/app/cli/folio-cli "$ROOT"/build-*/app/cli/folio-cli; do
    if [ -x "$c" ] && "$c" 2>&1 | grep -q "folio-cli new"; then CLI="$c"; break; fi
  done
fi
[ -x "$CLI" ] || { echo "no folio-cli with 'new' found: build Folio or pass FOLIO_CLI" >&2; exit 1; }
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$CHROMIUM" ] || { echo "chromium is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d)"
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

export FOLIO_CACHE_DIR="$WORK/cache"
"$CLI" new "$WORK/site" --title "Ada Lovelace" --author "Ada Lovelace" >/dev/null
"$CLI" build "$WORK/site" -d "$WORK/out" -q

# MathJax from a local copy instead of jsDelivr (as Folio's preview does).
for m in "$ROOT/tests/starter-web/node_modules/mathjax/es5" "$ROOT/resources/mathjax3/es5"; do
  if [ -f "$m/tex-mml-chtml.js" ]; then
    cp -r "$m" "$WORK/out/mathjax"
    find "$WORK/out" -name '*.html' -exec sed -i \
      's#https://cdn.jsdelivr.net/npm/mathjax@3/es5/#/mathjax/#g' {} +
    break
  fi
done

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/out" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
  sleep 0.1
done

shoot() { # name path width height scheme
  local scheme=1; [ "$5" = dark ] && scheme=0
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$WORK/profile-$1" --blink-settings=preferredColorScheme=$scheme \
    --virtual-time-budget=8000 --window-size="$3,$4" \
    --screenshot="$OUT/$1.png" "http://127.0.0.1:$PORT$2" >/dev/null 2>&1
}
for scheme in light dark; do
  for page in "home:/" "publications:/publications/" "math:/posts/2024/04/math-in-posts/"; do
    shoot "${page%%:*}-phone-$scheme" "${page#*:}" 390 1600 "$scheme"
    shoot "${page%%:*}-desktop-$scheme" "${page#*:}" 1280 1200 "$scheme"
  done
done
ls "$OUT"/*.png
