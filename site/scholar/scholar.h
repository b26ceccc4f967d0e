// jekyll-scholar 7.3, natively: the `scholar:` settings with the gem's
// defaults, its Liquid tags (bibliography, bibliography_count, cite, citation,
// nocite, reference, quote, bibtex, cite_details, details_link) writing the
// markup the gem writes, bibtex-ruby's query language for `--query`, and the
// details pages of `details_layout`. BibTeX is read by site/bib, references
// and citations are formatted by citeproc-js (site/csl) where the gem uses
// citeproc-ruby: the markup around them is the gem's, the text inside is
// what citeproc-js makes of the same CSL style.
#pragma once

#include "site/core/diagnostic.h"
#include "site/liquid/liquid.h"
#include "site/model/site.h"

#include <functional>

namespace folio::site::scholar {

// Whether the site a render belongs to enables jekyll-scholar (the plugins
// module decides, as for its own tags).
using EnabledCheck = std::function<bool(const liquid::Context &ctx)>;

// Registers the gem's tags in `env`. Each renders Jekyll's "Unknown tag"
// error when `enabled` says the site does not list jekyll-scholar.
void registerTags(liquid::Environment &env, EnabledCheck enabled);

// For a site that enables jekyll-scholar: checks the configured
// bibliography (a missing file or a BibTeX error is reported with its
// file:line and what to do), remembers the site's layouts for
// `bibliography_template`, and adds a details page per entry when
// `details_layout` names one of the site's layouts. Call before rendering.
void generate(model::Site &site, DiagnosticSink &sink);

} // namespace folio::site::scholar
