#!/bin/sh
# Builds a Jekyll site with Debian's Jekyll 4.3 and with folio-cli and compares
# every page as tst_differential does (tests/site/sitediff.cpp):
#   scripts/compare-with-jekyll.sh SITE [WORK_DIR]
# SITE is copied to WORK_DIR (default: a new temporary folder) without its
# Gemfile, as the differential test does; both builds are production builds.
# What else the copy changes is said below.
# Needs a build with tests in ./build (or FOLIO_BUILD_DIR).
set -eu
site=$(cd "$1" && pwd)
work=${2:-$(mktemp -d)}
build=${FOLIO_BUILD_DIR:-$(cd "$(dirname "$0")/.." && pwd)/build}
mkdir -p "$work"
rm -rf "$work/site" "$work/jekyll" "$work/folio"
cp -r "$site" "$work/site"
chmod -R u+w "$work/site"
rm -rf "$work/site/.git" "$work/site/Gemfile" "$work/site/Gemfile.lock"
# Debian has no jemoji: Jekyll would stop, so neither build loads it. Folio
# reads Jekyll 3's `gems:` as GitHub Pages does (and warns), Jekyll 4 ignores
# it: renamed to `plugins:` so both builds load the same plugins.
sed -i -e '/^ *- *jemoji *$/d' -e 's/^gems:/plugins:/' "$work/site/_config.yml"
JEKYLL_ENV=production jekyll build -q -s "$work/site" -d "$work/jekyll" >"$work/jekyll.log" 2>&1 ||
    { echo "jekyll failed, see $work/jekyll.log"; exit 1; }
FOLIO_CACHE_DIR="$work/cache" "$build/app/cli/folio-cli" build "$work/site" -d "$work/folio" -q >"$work/folio.log" 2>&1 ||
    echo "folio-cli reported errors, see $work/folio.log"
"$build/tests/folio-sitediff" "$work/jekyll" "$work/folio"
