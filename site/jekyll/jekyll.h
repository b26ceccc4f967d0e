// Jekyll 4.3's additions to Liquid: the filters of Jekyll::Filters (which
// override Liquid's where, sort and find) and the link, post_url and highlight
// tags. `include`/`include_relative` come with liquid::Environment::standard().
#pragma once

#include "host.h"

#include "site/liquid/liquid.h"

namespace folio::site::jekyll {

// Adds every Jekyll filter and tag to `env`. Filters and tags that need the site
// find it with host(ctx) (see setHost); without one they report an error.
void registerJekyll(liquid::Environment &env);

// liquid::Environment::standard() plus registerJekyll(): what Jekyll renders with.
liquid::Environment jekyllEnvironment();

// The `highlight` tag's output for already-rendered body text (no Rouge lexers:
// the code is HTML-escaped plain text). `markup` is the tag markup; returns an
// error with Jekyll's syntax message when it is invalid.
struct HighlightSpec final {
    std::string lang;       // lowercased
    bool linenos = false;
};
Result<HighlightSpec> parseHighlightMarkup(std::string_view markup);
std::string renderHighlight(const HighlightSpec &spec, std::string_view body);

} // namespace folio::site::jekyll
