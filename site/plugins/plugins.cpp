#include "plugins.h"

#include "internal.h"

namespace folio::site::plugins {

void generate(model::Site &site, DiagnosticSink &sink)
{
    detail::warnUnsupported(site, sink);
    // Jekyll runs generators by priority: jekyll-redirect-from (normal) first,
    // so its pages exist when the :lowest ones (paginate, feed, sitemap) look
    // at site.pages; paginate before sitemap, whose list holds page2/, page3/...
    if (detail::enabled(site, "jekyll-redirect-from"))
        detail::generateRedirects(site, sink);
    if (detail::enabled(site, "jekyll-paginate"))
        detail::generatePagination(site, sink);
    if (detail::enabled(site, "jekyll-feed"))
        detail::generateFeeds(site, sink);
    if (detail::enabled(site, "jekyll-sitemap"))
        detail::generateSitemap(site, sink);
}

void registerTags(liquid::Environment &env)
{
    detail::registerSeoTag(env);
    detail::registerFeedMetaTag(env);
    detail::registerGistTag(env);
}

} // namespace folio::site::plugins
