// `folio-cli check`: links and images in the built pages that point at pages
// or files the site does not have.
#pragma once

#include "writer.h"

#include "site/core/diagnostic.h"
#include "site/model/site.h"

namespace folio::site::build {

// Looks at every HTML file of `output` and reports, against the document that
// produced it, each internal href/src whose target is not in `output`.
// Returns the number of broken links found.
int checkLinks(const model::Site &site, const MemoryWriter &output, DiagnosticSink &sink);

} // namespace folio::site::build
