// The plugins academicpages sites use, written natively: jekyll-paginate,
// jekyll-sitemap, jekyll-feed, jekyll-seo-tag, jekyll-redirect-from,
// jekyll-gist. What Folio cannot run (`_plugins/*.rb`, unknown gems) gets one
// warning naming it and what will not render.
#pragma once

#include "site/core/diagnostic.h"
#include "site/liquid/liquid.h"
#include "site/model/site.h"

namespace folio::site::plugins {

// Runs the generators of the plugins the site enables (adds pages to `site`).
void generate(model::Site &site, DiagnosticSink &sink);

// Registers the plugins' Liquid tags (`seo`, `gist`, `feed_meta`) in `env`.
void registerTags(liquid::Environment &env);

} // namespace folio::site::plugins
