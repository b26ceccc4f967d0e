#include "plugins.h"

#include "internal.h"

#include "site/scholar/scholar.h"

namespace folio::site::plugins {

void generate(model::Site &site, DiagnosticSink &sink)
{
    detail::warnUnsupported(site, sink);
    // jekyll-scholar's details generator has priority :high, before all of these.
    if (detail::enabled(site, "jekyll-scholar") || detail::enabled(site, "jekyll/scholar"))
        scholar::generate(site, sink);
    // The order Jekyll 4.3 runs them in (by priority, then as loaded), which
    // is the order of their pages in site.pages: jekyll-redirect-from
    // (:normal), then the :lowest ones, paginate, sitemap, feed. The sitemap
    // is written here from what the site holds: every page it lists exists
    // by then (feeds are neither HTML nor listed).
    if (detail::enabled(site, "jekyll-redirect-from"))
        detail::generateRedirects(site, sink);
    if (detail::enabled(site, "jekyll-paginate"))
        detail::generatePagination(site, sink);
    if (detail::enabled(site, "jekyll-sitemap"))
        detail::generateSitemap(site, sink);
    if (detail::enabled(site, "jekyll-feed"))
        detail::generateFeeds(site, sink);
}

void registerTags(liquid::Environment &env)
{
    detail::registerSeoTag(env);
    detail::registerFeedMetaTag(env);
    detail::registerGistTag(env);
    // `jekyll/scholar` is the gem's require path, which al-folio lists in `plugins:`.
    scholar::registerTags(env, [](const liquid::Context &ctx) {
        return detail::enabled(ctx, "jekyll-scholar") || detail::enabled(ctx, "jekyll/scholar");
    });
}

} // namespace folio::site::plugins
