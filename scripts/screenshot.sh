#!/usr/bin/env bash
# Takes a screenshot of Folio's window on a site under Xvfb.
# usage: scripts/screenshot.sh [--lang en|zh_CN] SITE [FILE] [OUT.png]
#   (needs a build with -DFOLIO_BUILD_GUI=ON, and xvfb + imagemagick's `import`;
#   SITE may be empty when FOLIO_ARGS says what to open)
# --lang runs the window in that language with settings of its own (a fresh
# window layout, nothing read from or written to yours); without it Folio
# follows your settings and locale.
set -euo pipefail
LANG_CHOICE=
if [ "${1:-}" = "--lang" ]; then
    LANG_CHOICE=${2:?--lang takes en or zh_CN}
    shift 2
fi
SITE=${1:-}
FILE=${2:-}
OUT=$(realpath -m "${3:-folio-window.png}")
# The build folder scripts/run.sh and scripts/test.sh use.
BIN=${FOLIO_GUI:-$(dirname "$0")/../${FOLIO_BUILD_DIR:-build}/app/gui/folio}
if [ ! -x "$BIN" ]; then
    echo "screenshot.sh: no window at $BIN: build it first (scripts/run.sh), or set FOLIO_GUI" >&2
    exit 1
fi
export QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu"
if [ -n "$LANG_CHOICE" ]; then
    # Folio reads its language from QSettings ("language"), kept in
    # $XDG_CONFIG_HOME/Folio/folio.conf.
    CONFIG=$(mktemp -d)
    trap 'rm -rf "$CONFIG"' EXIT
    mkdir -p "$CONFIG/Folio"
    printf '[General]\nlanguage=%s\n' "$LANG_CHOICE" > "$CONFIG/Folio/folio.conf"
    export XDG_CONFIG_HOME=$CONFIG
fi
ARGS=(${FOLIO_ARGS:-})
[ -n "$SITE" ] && ARGS+=("$SITE")
[ -n "$FILE" ] && ARGS+=("$FILE")
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  "$0" "$@" & pid=$!
  sleep '"${FOLIO_SCREENSHOT_WAIT:-8}"'
  if command -v import >/dev/null; then import -window root "'"$OUT"'"; else xwd -root -silent > "'"${OUT%.png}.xwd"'"; fi
  kill $pid' "$BIN" "${ARGS[@]}"
echo "$OUT"
