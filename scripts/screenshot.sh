#!/usr/bin/env bash
# Takes a screenshot of Folio's window on a site under Xvfb.
# usage: scripts/screenshot.sh SITE [FILE] [OUT.png]   (needs a build with -DFOLIO_BUILD_GUI=ON,
# and xvfb + imagemagick's `import`; SITE may be empty when FOLIO_ARGS says what to open)
set -euo pipefail
SITE=${1:-}
FILE=${2:-}
OUT=$(realpath -m "${3:-folio-window.png}")
BIN=${FOLIO_GUI:-$(dirname "$0")/../build-gui/app/gui/folio}
export QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu"
ARGS=(${FOLIO_ARGS:-})
[ -n "$SITE" ] && ARGS+=("$SITE")
[ -n "$FILE" ] && ARGS+=("$FILE")
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  "$0" "$@" & pid=$!
  sleep '"${FOLIO_SCREENSHOT_WAIT:-8}"'
  if command -v import >/dev/null; then import -window root "'"$OUT"'"; else xwd -root -silent > "'"${OUT%.png}.xwd"'"; fi
  kill $pid' "$BIN" "${ARGS[@]}"
echo "$OUT"
