// `folio-cli check`: links and images in the built pages that point at pages
// or files the site does not have.
#pragma once

#include "writer.h"

#include "site/core/diagnostic.h"
#include "site/model/site.h"

namespace folio::site::build {

// Looks at every HTML file of `output` for internal href/src whose target is
// not in `output`, and reports each once at its source: at the line of the
// page's own file that holds it, or, for a link a layout or include prints,
// once at that template's line with the number of pages it breaks
// ("broken link '/x' ... (in 42 pages)"). Returns the number of broken links
// found, counted per page.
int checkLinks(const model::Site &site, const MemoryWriter &output, DiagnosticSink &sink);

} // namespace folio::site::build
