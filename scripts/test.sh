#!/usr/bin/env bash
# Sets up, builds and runs every test suite. The suites that need ../shared
# (the seed site, the Liquid conformance suite) skip without it and say so.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD=${FOLIO_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLIO_BUILD_GUI=ON >/dev/null
cmake --build "$BUILD" -j"$(nproc)"
cd "$BUILD"
# One Xvfb for every suite that needs a display (the window's suites).
xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure -j"$(nproc)" --timeout 900
