#!/usr/bin/env bash
# Installs what building and testing Folio needs on Debian 12 (as root, or with sudo).
# Jekyll and its plugins are the reference the differential tests compare against.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3
  qt6-base-dev qt6-tools-dev qt6-l10n-tools
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libsass-dev
  libpcre2-dev  # the regex engine of the code highlighter (site/highlight)
  libjemalloc-dev  # folio-cli's allocator (builds allocate on every core)
  xvfb xauth qt6-webengine-dev qt6-translations-l10n
  libhunspell-dev hunspell-en-us imagemagick
  libjs-mathjax fonts-mathjax
  fonts-noto-cjk  # the glyphs of the zh_CN window
  ccache  # many build folders (parallel work) share their objects
  libbtparse-dev libbibutils-dev  # BibTeX and RIS reading (site/bib)
  qt6-declarative-dev  # QJSEngine, which runs citeproc-js (site/csl)
  citation-style-language-styles citation-style-language-locales  # CSL styles and locales
)
REFERENCE=(
  jekyll ruby-jekyll-feed ruby-jekyll-sitemap ruby-jekyll-gist ruby-jekyll-paginate
  ruby-jekyll-redirect-from ruby-jekyll-seo-tag cmark-gfm
  chromium
  python3-pybtex  # academicpages' pubsFromBib.py, the reference of bench/publications
)
missing=()
for p in "${PACKAGES[@]}" "${REFERENCE[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node and npm (npm packs MathJax below and installs tests/starter-web's tools):
# Debian's, unless a node with npm is already there (Debian's npm conflicts
# with other nodejs builds, so it is not in PACKAGES).
if ! command -v npm >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# MathJax 3 for the preview's offline math: npm's package, unpacked into
# resources/mathjax3 (git-ignored; the preview finds it there).
MATHJAX3_DIR="$(cd "$(dirname "$0")/.." && pwd)/resources/mathjax3"
if [ ! -f "$MATHJAX3_DIR/es5/tex-mml-chtml.js" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent mathjax@3 >/dev/null)
  tar -xzf "$tmp"/mathjax-3*.tgz -C "$tmp"
  mkdir -p "$MATHJAX3_DIR"
  cp -r "$tmp/package/es5" "$tmp/package/package.json" "$tmp/package/LICENSE" "$MATHJAX3_DIR/"
  rm -rf "$tmp"
fi
# citeproc-js for citations (site/csl): npm's `citeproc`, pinned (its fixtures,
# tests/csl/expected-*.json, were made with this version by
# scripts/csl-fixtures.mjs), unpacked into resources/citeproc (git-ignored; the
# build compiles it into folio_csl).
CITEPROC_VERSION=2.4.63
CITEPROC_DIR="$(cd "$(dirname "$0")/.." && pwd)/resources/citeproc"
if ! grep -qs "\"version\": \"$CITEPROC_VERSION\"" "$CITEPROC_DIR/package.json"; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "citeproc@$CITEPROC_VERSION" >/dev/null)
  tar -xzf "$tmp/citeproc-$CITEPROC_VERSION.tgz" -C "$tmp"
  mkdir -p "$CITEPROC_DIR"
  cp "$tmp/package/citeproc_commonjs.js" "$tmp/package/package.json" "$tmp/package/LICENSE" "$CITEPROC_DIR/"
  rm -rf "$tmp"
fi
# html-validate, axe-core, playwright-core (driving Debian's chromium) and
# MathJax, pinned by package-lock.json; again only when the lock changed.
WEB="$(cd "$(dirname "$0")/.." && pwd)/tests/starter-web"
if [ ! -f "$WEB/node_modules/.package-lock.json" ] || [ "$WEB/package-lock.json" -nt "$WEB/node_modules/.package-lock.json" ]; then
  (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
