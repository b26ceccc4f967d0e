#!/usr/bin/env bash
# Sets up and builds Folio, then builds the sample site with folio-cli and says
# where the result is. (Until the window lands this is Folio's main job.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD=${FOLIO_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLIO_BUILD_GUI=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target folio-cli
OUT=${1:-/tmp/folio-sample-site}
"$BUILD/app/cli/folio-cli" build resources/sample-site -d "$OUT"
echo "Open $OUT/index.html in a browser to see the built site."
