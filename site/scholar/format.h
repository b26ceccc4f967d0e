// References and citations through citeproc-js (site/csl), one call per
// bibliography tag (a batch of entries), cached for the process by library
// version, style, locale and what is formatted: a page rebuilt in the
// window, the same citation on many pages, and a details page per entry
// reuse the text instead of asking the JS engine again.
#pragma once

#include "library.h"

#include "site/core/result.h"

#include <QString>

#include <string>
#include <vector>

namespace folio::site::scholar {

struct Style final {
    QString style;     // id or path, as `scholar: style:` or --style gives it
    QString locale;    // `scholar: locale:` ("en" is citeproc-js's en-US)
    QString siteDir;   // for style paths relative to the site
};

// The bibliography entry of each item (HTML, no wrapping element), numbered
// 1.. in the order given as the gem numbers them (citation-number = index).
Result<std::vector<std::string>> formatReferences(const Library &library, const std::vector<const Item *> &items,
                                                  const Style &style);

struct Cite final {
    const Item *item = nullptr;
    std::string locator;
    std::string label;    // "page" when a locator has none
    int number = 0;       // the entry's citation number on the page (numeric styles)
};

// One in-text citation of `cites` together: "(Flanagan &amp; Matsumoto, 2008)".
Result<std::string> formatCitation(const Library &library, const std::vector<Cite> &cites, const Style &style);

} // namespace folio::site::scholar
