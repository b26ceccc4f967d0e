#!/usr/bin/env bash
# Takes a screenshot of Folio's window on a site under Xvfb.
# usage: scripts/screenshot.sh SITE [FILE] [OUT.png]   (needs a build with -DFOLIO_BUILD_GUI=ON,
# and xvfb + imagemagick's `import`)
set -euo pipefail
SITE=${1:?usage: scripts/screenshot.sh SITE [FILE] [OUT.png]}
FILE=${2:-}
OUT=${3:-folio-window.png}
BIN=${FOLIO_GUI:-$(dirname "$0")/../build-gui/app/gui/folio}
export QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu"
export XDG_CONFIG_HOME=$(mktemp -d)   # a first start: default layout, no remembered site
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  '$BIN' '$SITE' ${FILE:+'$FILE'} & pid=\$!
  sleep ${FOLIO_SCREENSHOT_WAIT:-8}
  import -window root '$OUT'
  kill \$pid"
echo "$OUT"
