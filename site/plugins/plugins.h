// The plugins academicpages sites use, written natively: jekyll-paginate,
// jekyll-sitemap, jekyll-feed, jekyll-seo-tag, jekyll-redirect-from,
// jekyll-gist, jekyll-scholar (site/scholar). What Folio cannot run
// (`_plugins/*.rb`, unknown gems, gem themes) gets one warning naming it and
// what will not render.
//
// A plugin runs when `_config.yml` lists it in `plugins:` (or `gems:`), and
// with `safe: true` only when `whitelist:` names it too, as in Jekyll.
#pragma once

#include "site/core/diagnostic.h"
#include "site/liquid/liquid.h"
#include "site/model/site.h"

namespace folio::site::plugins {

// Runs the generators of the plugins the site enables, in Jekyll's order:
// jekyll-redirect-from (pages at the old URLs, redirect_to documents turned
// into redirect pages, redirects.json), jekyll-paginate (Document::pager of
// the index page, copies of it at paginate_path for pages 2..N),
// jekyll-sitemap (sitemap.xml, robots.txt), jekyll-feed (feed.xml and the
// configured collection/category/tag feeds). Call once, after Site::load and
// before the first render; the site is then complete and read-only.
void generate(model::Site &site, DiagnosticSink &sink);

// Registers the plugins' Liquid tags (`seo`, `gist`, `feed_meta`, jekyll-scholar's
// `bibliography`, `cite` and the others) in `env`.
// Each renders an "Unknown tag" error when its plugin is not enabled, as the
// tag would not exist in Jekyll.
void registerTags(liquid::Environment &env);

} // namespace folio::site::plugins
