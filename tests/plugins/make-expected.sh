#!/bin/sh
# Regenerates expected/<site>/ from Debian's Jekyll 4.3.1 (jekyll-sitemap 1.4,
# jekyll-feed 0.17, jekyll-seo-tag 2.8, jekyll-redirect-from 0.16,
# jekyll-paginate 1.1, jekyll-gist 1.5). Not run by the tests, which need no Ruby.
# Every source file gets the same mtime as tst_plugins.cpp gives its copy
# (static files' lastmod in sitemap.xml), and the feed's build time is masked.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for site in "$@"; do
    work=$(mktemp -d)
    cp -r "$here/sites/$site" "$work/src"
    find "$work/src" -exec touch -d '2024-05-06 07:08:09 UTC' {} +
    (cd "$work/src" && TZ=UTC jekyll build --quiet -d "$work/out")
    rm -rf "$here/expected/$site"
    mkdir -p "$here/expected/$site"
    # Rendered files only: a byte-for-byte copy of a source file is a static file.
    (cd "$work/out" && find . -type f | sed 's#^\./##' | while read -r f; do
        cmp -s "$f" "$here/sites/$site/$f" && continue
        mkdir -p "$here/expected/$site/$(dirname "$f")"
        cp "$f" "$here/expected/$site/$f"
    done)
    # The feed's own <updated> (the first one) is the build time.
    find "$here/expected/$site" -name '*.xml' -exec \
        sed -i -E '/<feed xmlns/ s#<updated>[^<]*</updated>#<updated>@SITE_TIME@</updated>#' {} +
    rm -rf "$work"
done

# expected-seed/ was made the same way from ../shared/fixtures/seed-site
# (sitemap.xml, robots.txt, redirects.json), with the lastmod of documents
# dated by the build time replaced by @SITE_TIME@.
