// Jekyll 4.3's additions to Liquid: the filters of Jekyll::Filters (which
// override Liquid's where, sort and find) and the link, post_url and highlight
// tags. `include`/`include_relative` come with liquid::Environment::standard().
//
// Checked against Debian's Jekyll 4.3.1 (tests/jekyll/data/*.rb write the
// expected outputs). Known differences:
// - highlight: no Rouge lexers, the code is escaped plain text (Rouge's output
//   for unknown languages).
// - `where: "p", empty`/`blank`: the engine passes those literals as "", so the
//   MethodLiteral match of nil and [] properties is not reproduced.
// - Ruby's NoMethodError/TypeError (e.g. `5 | sort`) are reported with Ruby's
//   message where Liquid's inline rendering would say "internal".
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
// `rouge` false: the `highlighter: none` path (CGI-escaped, stripped, no line table).
std::string renderHighlight(const HighlightSpec &spec, std::string_view body, bool rouge = true);

} // namespace folio::site::jekyll
